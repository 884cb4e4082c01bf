"""An organisation's page shows the published meetings of the programmes it runs."""

import datetime

import pytest
from django.utils import timezone, translation

from civica.meetings.organisation_section import hosted_items
from civica.meetings.tests.factories import MeetingFactory
from civica.network.tests.factories import OrganisationFactory, ProgrammeFactory


@pytest.mark.django_db
def test_the_published_meetings_of_its_programmes_to_come_then_past(client, django_assert_max_num_queries):
    programme = ProgrammeFactory()
    organisation = programme.organisation
    MeetingFactory(programme=programme, is_published=True, title_en="Coming")
    past = timezone.now() - datetime.timedelta(days=30)
    MeetingFactory(programme=programme, is_published=True, title_en="Held", starts_at=past,
                   ends_at=past + datetime.timedelta(hours=2))
    MeetingFactory(programme=programme, is_published=False, title_en="Draft")
    MeetingFactory(programme=ProgrammeFactory(organisation=OrganisationFactory()), is_published=True,
                   title_en="Another's")
    with django_assert_max_num_queries(2), translation.override("en"):
        items = hosted_items(organisation)
    assert [(item.title, item.group) for item in items] == [("Coming", "Coming up"), ("Held", "Past meetings")]
    page = client.get(f"/en/network/organisations/{organisation.slug}/").content.decode()
    assert "Meetings of its programmes" in page and "Coming" in page and "Held" in page
    assert "Draft" not in page and "Another&#x27;s" not in page
