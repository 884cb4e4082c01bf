"""The demo's Youth Council recruitment call: open, a call for seats of the council, fictional details
said to be so, loaded twice without duplicates."""

import pytest
from django.core.management import call_command

from civica.calls.models import Call
from civica.governance.models import Body, SeatCall
from civica.governance.seat_calls.demo import CALL_SLUG

pytestmark = pytest.mark.django_db


def test_the_youth_council_recruits_in_the_demo(client):
    call_command("loaddemo", verbosity=0)
    call_command("loaddemo", verbosity=0)
    call = Call.objects.get(slug=CALL_SLUG)
    assert call.is_open()
    seat_call = SeatCall.objects.get(call=call)
    assert seat_call.body.name_ro == "Consiliul Consultativ de Tineret"
    assert Body.objects.filter(name_ro="Consiliul Consultativ de Tineret").count() == 1
    assert "fictive" in call.summary_ro and "fictional" in call.summary_en
    assert [field.key for field in call.form_fields.all()][0] == "date_of_birth"
    page = client.get(f"/ro/calls/{CALL_SLUG}/").content.decode()
    assert "Cluj for Youth 2030" in page
