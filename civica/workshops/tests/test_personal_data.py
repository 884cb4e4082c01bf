import pytest

from civica.accounts import services as account_services
from civica.meetings.tests.factories import MeetingFactory
from civica.workshops.models import Contribution, DotVote, Theme, Workshop, WorkshopRound, WorkshopTable


@pytest.mark.django_db
def test_my_data_holds_notes_and_dots_and_deleting_my_account_keeps_the_notes_unsigned(participant):
    workshop = Workshop.objects.create(meeting=MeetingFactory(slug="park"), slug="park-cafe")
    table = WorkshopTable.objects.create(workshop=workshop, number=2, topic="Money")
    round_ = WorkshopRound.objects.create(workshop=workshop, number=1)
    note = Contribution.objects.create(table=table, round=round_, text="Microgranturi", author=participant)
    DotVote.objects.create(theme=Theme.objects.create(workshop=workshop, label="Finanțare"), voter=participant)
    data = account_services.personal_data_export(user=participant)["workshops"]
    assert data["workshop_contributions"] == [
        {"workshop": "park-cafe", "table": 2, "text": "Microgranturi", "created_at": note.created_at.isoformat()}]
    assert data["dot_votes"][0]["theme"] == "Finanțare"
    account_services.account_delete(user=participant)
    note.refresh_from_db()
    assert note.author is None and note.text == "Microgranturi"
    assert not DotVote.objects.exists()
