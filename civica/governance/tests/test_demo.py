"""The demo's bodies from the seeds: four bodies, fictional people marked, the Board's two 2020 meetings
and its objectives; loading twice duplicates nothing."""

import pytest
from django.core.management import call_command

from civica.governance.models import Body, BodyMeeting, BodyObjective, Decision, Term

pytestmark = pytest.mark.django_db


def test_the_demo_bodies(client):
    call_command("loaddemo", verbosity=0)
    call_command("loaddemo", verbosity=0)
    assert list(Body.objects.values_list("name_ro", flat=True)) == [
        "Adunarea Generală a Membrilor", "Consiliul Director", "Board-ul CIIC", "Consiliul Consultativ de Tineret"]
    assert Term.objects.exists() and not Term.objects.filter(is_fictional=False).exists()
    board = Body.objects.get(slug="consiliul-director")
    assert BodyMeeting.objects.filter(body=board, meeting__starts_at__year=2020).count() == 2
    assert Decision.objects.filter(body=board, is_fictional=True).count() == 2
    assert list(BodyObjective.objects.filter(body=board, year=2020).values_list("level", flat=True)) == [
        "fully", "partly", "small"]
    assert BodyObjective.objects.filter(body=board, year=2021, text_ro__startswith="Setarea și urmărirea").exists()
    page = client.get("/ro/network/bodies/").content.decode()
    for name in ("Adunarea Generală a Membrilor", "Consiliul Director", "Board-ul CIIC",
                 "Consiliul Consultativ de Tineret", "Ioana Mureșan"):
        assert name in page
    assert client.get("/ro/network/bodies/consiliul-director/").status_code == 200
