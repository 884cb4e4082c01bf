"""An organisation's page shows the calls it won, only once their results are published."""

import pytest

from civica.accounts.tests.factories import UserFactory
from civica.calls.models import Application, CallStatus, Decision
from civica.calls.organisation_section import won_items
from civica.calls.tests.factories import CallFactory
from civica.network.tests.factories import MemberFactory


def application(call, organisation, decision, title):
    return Application.objects.create(call=call, organisation=organisation, applicant=UserFactory(),
                                      reference=f"REF-{title}", title=title, decision=decision)


@pytest.mark.django_db
def test_only_funded_applications_of_calls_with_published_results_are_shown(client, django_assert_max_num_queries):
    organisation = MemberFactory()
    published = CallFactory(status=CallStatus.RESULTS_PUBLISHED, title_en="Artists Together")
    locked = CallFactory(status=CallStatus.RANKING_LOCKED)
    application(published, organisation, Decision.FUNDED, "Won")
    application(published, organisation, Decision.REJECTED, "Lost")
    application(locked, organisation, Decision.FUNDED, "Not yet public")
    application(published, MemberFactory(), Decision.FUNDED, "Someone else's")
    with django_assert_max_num_queries(1):
        items = won_items(organisation)
    assert [item.title for item in items] == ["Won"]
    page = client.get(f"/en/network/organisations/{organisation.slug}/").content.decode()
    assert "Calls won" in page and "Won" in page and "Not yet public" not in page and "Lost" not in page
