"""Meetings and spaces on the maps: a meeting's point is its space's when it is held in one, else its own;
an online meeting has none; the lists list every located one with its coordinates (the maps themselves
are drawn in the browser: tests/browser/test_maps.py); staff forms keep the coordinates' limits."""

from decimal import Decimal

import pytest
from django.utils import translation

from civica.meetings.admin import MeetingAdminForm
from civica.meetings.models import MeetingFormat
from civica.meetings.tests.factories import MeetingFactory
from civica.network.admin import SpaceAdminForm
from civica.network.tests.factories import SpaceFactory

CLUJ = {"latitude": Decimal("46.769700"), "longitude": Decimal("23.589800")}
TIMISOARA = {"latitude": Decimal("45.753700"), "longitude": Decimal("21.225700")}


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def coordinates_in(page, text):
    return f"{text} <span class=\"coordinates\">" in page


@pytest.mark.django_db
def test_a_meeting_in_a_space_is_drawn_at_the_space_s_point(client):
    studio = SpaceFactory(name_en="The studio", address="Str. Fluierașului nr. 3", coordinates_approximate=True,
                          **CLUJ)
    held_there = MeetingFactory(title_en="Members forum", space=studio, **TIMISOARA)
    typed = MeetingFactory(title_en="Lab in Timișoara", place="Cowork", address="Timișoara", **TIMISOARA)
    MeetingFactory(title_en="Online only", format=MeetingFormat.ONLINE, place="", address="", **CLUJ)
    MeetingFactory(title_en="Somewhere unknown")

    page = client.get(held_there.get_absolute_url()).content.decode()
    assert (">The studio</a>, Str. Fluierașului nr. 3 <span class=\"coordinates\">(latitude 46.7697, longitude "
            "23.5898, approximate point)") in page
    page = client.get(typed.get_absolute_url()).content.decode()
    assert "Cowork, Timișoara <span class=\"coordinates\">(latitude 45.7537, longitude 21.2257)</span>" in page

    page = client.get("/en/meetings/").content.decode()
    assert "The list: 2 places with their coordinates" in page
    assert coordinates_in(page, "Members forum</a>, The studio, Str. Fluierașului nr. 3")
    assert coordinates_in(page, "Lab in Timișoara</a>, Cowork, Timișoara")
    assert "Online only</a>, " not in page and "Somewhere unknown</a>, " not in page


@pytest.mark.django_db
def test_spaces_with_a_point_are_listed_with_it(client):
    studio = SpaceFactory(name_en="The studio", address="Str. Fluierașului nr. 3", **CLUJ)
    SpaceFactory(name_en="The pavilion")
    page = client.get("/en/network/spaces/").content.decode()
    assert "The list: 1 place with its coordinates" in page
    assert coordinates_in(page, "The studio</a>, Str. Fluierașului nr. 3")
    page = client.get(studio.get_absolute_url()).content.decode()
    assert "Where it is" in page and "(latitude 46.7697, longitude 23.5898)" in page
    assert "Where it is" not in client.get("/en/network/spaces/" + SpaceFactory().slug + "/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", [SpaceAdminForm, MeetingAdminForm])
def test_staff_forms_keep_the_coordinates_limits(form_class):
    form = form_class(data={"latitude": "91", "longitude": "23.5"})
    form.is_valid()
    assert form.errors["latitude"] == ["A latitude is between -90 (South Pole) and 90 (North Pole)."]
    form = form_class(data={"latitude": "46.77", "longitude": ""})
    form.is_valid()
    assert form.errors["longitude"] == ["Give the longitude too, or clear the latitude."]
    form = form_class(data={"latitude": "46,77", "longitude": "23,59"})
    form.is_valid()
    assert "latitude" not in form.errors and "longitude" not in form.errors
    assert (form.cleaned_data["latitude"], form.cleaned_data["longitude"]) == (Decimal("46.77"), Decimal("23.59"))
