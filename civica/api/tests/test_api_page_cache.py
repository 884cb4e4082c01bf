"""The API under the visitors' page cache (``core.page_cache``, on in production): public answers are
kept per language asked, and nothing answered to a token is kept or served to anyone else."""

import pytest

from civica.accounts.tests.factories import UserFactory
from civica.api import services
from civica.api.models import Scope
from civica.notifications.models import Notification
from civica.participation.tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_a_tokens_answer_is_never_kept_for_another_caller(client):
    owner, other = UserFactory(), UserFactory()
    Notification.objects.create(recipient=owner, message="Doar pentru titular", url="/ro/")
    _token, secret = services.token_create(by=owner, name="n", scopes=[Scope.READ_PERSONAL], expires_in_days=30)
    _token, other_secret = services.token_create(by=other, name="n", scopes=[Scope.READ_PERSONAL],
                                                 expires_in_days=30)
    for _twice in range(2):  # the second read writes nothing (last use is recent): it would be kept
        mine = client.get("/api/v1/me/notifications", HTTP_AUTHORIZATION=f"Bearer {secret}")
        assert "Doar pentru titular" in mine.content.decode()
    assert client.get("/api/v1/me/notifications").status_code == 401
    assert "private" in mine["Cache-Control"]
    theirs = client.get("/api/v1/me/notifications", HTTP_AUTHORIZATION=f"Bearer {other_secret}")
    assert theirs.json()["results"] == []


def test_public_answers_are_kept_in_the_language_asked(client, django_assert_num_queries):
    ProcessFactory(slug="p", title_ro="Bugetare", title_en="Budgeting")
    for language, title in (("en", "Budgeting"), ("ro", "Bugetare"), ("en", "Budgeting")):
        response = client.get("/api/v1/processes/p", HTTP_ACCEPT_LANGUAGE=language)
        assert response["Content-Language"] == language and response.json()["title"] == title
    with django_assert_num_queries(0):  # kept
        assert client.get("/api/v1/processes/p", HTTP_ACCEPT_LANGUAGE="ro").json()["title"] == "Bugetare"


def test_a_kept_answer_still_says_not_modified_to_a_client_that_has_it(client, django_assert_num_queries):
    ProcessFactory(slug="p", title_ro="Bugetare", title_en="Budgeting")
    first = client.get("/api/v1/processes/p")
    client.get("/api/v1/processes/p")  # now kept
    with django_assert_num_queries(0):
        again = client.get("/api/v1/processes/p", HTTP_IF_NONE_MATCH=first["ETag"])
        other = client.get("/api/v1/processes/p", HTTP_IF_NONE_MATCH='"something-else"')
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == first["ETag"]
    assert other.status_code == 200 and other.json()["title"] == "Bugetare"
