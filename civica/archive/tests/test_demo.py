"""The archive's demo: ECCA's first collection and the 2021 symposium and pavilion launch (the dates of
seed 000), every invented artist, work and programme marked fictional; a second load changes nothing; the
staff-only licence keeps one demo image out of public view; the catalogue and a work page answer."""

import datetime

import pytest

from civica.archive import demo
from civica.archive.models import Artist, Collection, Event, Work, WorkImage, WorkStatus

pytestmark = pytest.mark.django_db


def test_demo_archive(client):
    demo.load(lambda line: None)
    demo.load(lambda line: None)  # again: nothing doubles
    assert Work.objects.published().count() == 8 and Work.objects.filter(status=WorkStatus.DRAFT).count() == 1
    assert WorkImage.objects.count() == 8 and WorkImage.objects.filter(image="").count() == 1  # the staff-only one
    assert not Artist.objects.filter(is_fictional=False).exists()
    assert not Work.objects.filter(is_fictional=False).exists()
    symposium = Event.objects.get(slug="simpozionul-arhivei-ecca-2021")
    assert symposium.starts_on == datetime.date(2021, 10, 22) and symposium.is_fictional
    assert Event.objects.get(slug="lansarea-pavilionului-ecca-2021").starts_on == datetime.date(2021, 10, 21)
    assert Collection.objects.get(slug="arhiva-ecca-prima-colectie").works.count() == 8
    assert client.get("/ro/archive/?medium=fotografie").context["works"].__len__() == 2
    page = client.get("/en/archive/works/casa-cu-ferestre-albastre/").content.decode()
    assert "Fictional record, invented for the demonstration" in page
