"""The API's writes under parallel requests (PostgreSQL; SQLite serialises every writer): a person's
tokens made at once stop at the per-person limit, and one person supporting an idea through the API
and through its page at once is one support, counted once."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client

from civica.accounts.tests.factories import UserFactory
from civica.api import services
from civica.api.models import AccessToken, Scope
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.participation.models import Idea, Support
from civica.participation.tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


def test_tokens_made_at_once_stop_at_the_per_person_limit():
    person = UserFactory()
    already = services.MAX_TOKENS_PER_PERSON - 3
    for number in range(already):
        services.token_create(by=person, name=f"t{number}", scopes=[Scope.READ_PERSONAL], expires_in_days=30)
    revoked, _secret = services.token_create(by=person, name="revoked", scopes=[Scope.READ_PERSONAL],
                                             expires_in_days=30)
    services.token_revoke(token=revoked, by=person)  # a revoked token does not count

    def make(number):
        services.token_create(by=get_user_model().objects.get(pk=person.pk), name=f"at once {number}",
                              scopes=[Scope.WRITE_PARTICIPATION], expires_in_days=90)

    outcomes = run_together([lambda number=number: make(number) for number in range(8)])
    assert AccessToken.objects.filter(user=person).usable().count() == services.MAX_TOKENS_PER_PERSON
    assert sum(outcome is None for outcome in outcomes) == 3
    refused = [outcome for outcome in outcomes if outcome is not None]
    assert len(refused) == 5 and all(isinstance(outcome, ValidationError) for outcome in refused), outcomes


def _support_at_once(idea, person, secret):
    """The person supports ``idea`` twice through its page and twice through the API, all at once."""
    page, api = Client(), Client()
    page.force_login(person)
    answers = {}

    def through_the_page():
        answers["page"] = page.post(f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/support/")

    def through_the_api():
        answers["api"] = api.post(f"/api/v1/processes/{idea.process.slug}/ideas/{idea.pk}/support",
                                  HTTP_AUTHORIZATION=f"Bearer {secret}")

    return run_together([through_the_page, through_the_api, through_the_api, through_the_page]), answers


def test_supporting_through_the_api_and_the_page_at_once_counts_one_support(settings):
    settings.CIVICA_API_RATE_BY_TOKEN = "1000/m"
    for _attempt in range(3):
        idea = IdeaFactory()
        person = UserFactory()
        _token, secret = services.token_create(by=person, name="n", scopes=[Scope.WRITE_PARTICIPATION],
                                               expires_in_days=30)
        outcomes, answers = _support_at_once(idea, person, secret)
        assert outcomes == [None] * 4
        assert answers["page"].status_code == 302
        assert answers["api"].status_code == 200 and answers["api"].json()["supported"] is True
        assert Support.objects.filter(idea=idea, user=person).count() == 1
        assert Idea.objects.get(pk=idea.pk).support_count == 1
