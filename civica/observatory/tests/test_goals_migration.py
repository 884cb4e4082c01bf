"""Participation's migration 0021 carries a consultation's SDG tags over to its goals (issue 19, point 5):
the goal of the tag's number, read from its short name or its names; the SDG tags are deleted; a tag whose
number cannot be read stays, as an area, with its consultations. The data function is run on today's
models (the tag kind "sdg" is only a stored value there)."""

import importlib

import pytest
from django.apps import apps

from civica.goals.models import Goal
from civica.participation.models import Tag
from civica.participation.tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("civica.participation.migrations.0021_sdg_tags_to_goals")


def _tag(slug, name_ro, name_en="", kind="sdg"):
    return Tag.objects.create(kind=kind, slug=slug, name_ro=name_ro, name_en=name_en)


def test_sdg_tags_become_goals_and_areas_stay():
    park, climate, untagged = ProcessFactory(), ProcessFactory(), ProcessFactory()
    cities = _tag("odd-11", "ODD 11: Orașe și comunități durabile", "SDG 11: Sustainable cities")
    action = _tag("climate", "ODD 13: Acțiune climatică", "SDG 13: Climate action")  # the number in its name
    unreadable = _tag("durabil", "Dezvoltare durabilă")  # no number: kept, as an area
    area = _tag("mediu", "Mediu", kind="area")
    park.tags.set([cities, area])
    climate.tags.set([cities, action, unreadable])

    migration.sdg_tags_to_goals(apps, None)

    assert set(park.goals.values_list("code", flat=True)) == {"sdg-11"}
    assert set(climate.goals.values_list("code", flat=True)) == {"sdg-11", "sdg-13"}
    assert not untagged.goals.exists()
    assert not Tag.objects.filter(kind="sdg").exists()
    assert set(park.tags.all()) == {area}
    unreadable.refresh_from_db()
    assert unreadable.kind == "area" and set(climate.tags.all()) == {unreadable}


def test_a_goal_already_set_is_not_set_twice():
    process = ProcessFactory()
    process.goals.add(Goal.objects.get(code="sdg-4"))
    process.tags.add(_tag("sdg-4", "Educație de calitate (ODD 4)"))
    migration.sdg_tags_to_goals(apps, None)
    assert list(process.goals.values_list("code", flat=True)) == ["sdg-4"]


def test_backwards_the_goals_become_sdg_tags_again():
    process = ProcessFactory()
    process.goals.add(Goal.objects.get(code="sdg-11"), Goal.objects.get(code="climate-neutral-cities"))
    migration.goals_to_sdg_tags(apps, None)
    tag = Tag.objects.get(slug="odd-11")
    assert tag.kind == "sdg" and tag.name_ro == "ODD 11: Orașe și comunități durabile"
    assert list(process.tags.all()) == [tag]  # the mission was never a tag


@pytest.mark.parametrize("slug, name, number", [("odd-4", "", 4), ("sdg-17", "", 17), ("x", "ODD 9: Industrie", 9),
                                                 ("odd-18", "ODD 18", None), ("x", "ODD 0", None),
                                                 ("x", "2030", None)])
def test_the_goals_number_is_read_from_the_tag(slug, name, number):
    assert migration.goal_number(Tag(slug=slug, name_ro=name, name_en="")) == number
