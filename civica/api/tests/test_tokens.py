"""Personal access tokens: made on the account page and shown once, kept as a digest, scoped, expiring,
revocable; a token reads its owner's own things and acts through the pages' services and refusals."""

import datetime

import pytest
from django.utils import timezone

from civica.accounts.tests.factories import UserFactory
from civica.api import services, tokens
from civica.api.models import AccessToken, Scope
from civica.meetings.models import Registration
from civica.meetings.tests.factories import MeetingFactory
from civica.notifications.models import Notification
from civica.participation.models import Support
from civica.participation.tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_a_token_is_made_on_the_account_page_shown_once_and_kept_as_a_digest(client):
    person = UserFactory(language="en")
    client.force_login(person)
    page = client.post("/en/account/api-tokens/", {"name": "Home dashboard", "scopes": [Scope.READ_PERSONAL],
                                                   "expires_in_days": "90"})
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    secret = page.context["created"]["secret"]
    assert secret.startswith("civ_") and secret.encode() in page.content
    token = AccessToken.objects.get()
    assert token.digest == tokens.digest(secret) and secret not in {token.digest, token.prefix}
    assert client.get("/en/account/api-tokens/").content.count(secret.encode()) == 0
    assert (token.expires_at - token.created_at).days == 90


def test_the_form_refuses_what_it_does_not_offer_and_keeps_what_was_typed(client):
    client.force_login(UserFactory(language="ro"))
    page = client.post("/ro/account/api-tokens/", {"name": "Scriptul meu", "scopes": ["admin:everything"],
                                                   "expires_in_days": "10000"})
    assert page.status_code == 400
    assert AccessToken.objects.count() == 0
    assert 'value="Scriptul meu"' in page.content.decode()
    assert "Selectați o opțiune validă" in page.content.decode()


def test_a_token_reads_its_owners_notifications_and_nobody_elses(client):
    owner, other = UserFactory(), UserFactory()
    Notification.objects.create(recipient=owner, message="Ideea dumneavoastră a primit un răspuns", url="/ro/")
    Notification.objects.create(recipient=other, message="Altcuiva", url="/ro/")
    _token, secret = services.token_create(by=owner, name="n", scopes=[Scope.READ_PERSONAL], expires_in_days=30)
    body = client.get("/api/v1/me/notifications", **bearer(secret)).json()
    assert [item["message"] for item in body["results"]] == ["Ideea dumneavoastră a primit un răspuns"]
    assert AccessToken.objects.get().last_used_at is not None


@pytest.mark.parametrize("case", ["none", "garbage", "unknown", "revoked", "expired", "inactive"])
def test_a_missing_or_dead_token_is_refused_alike(client, case):
    person = UserFactory()
    token, secret = services.token_create(by=person, name="n", scopes=[Scope.READ_PERSONAL], expires_in_days=30)
    headers = bearer(secret)
    if case == "none":
        headers = {}
    elif case == "garbage":
        headers = bearer("not a token at all")
    elif case == "unknown":
        headers = bearer(tokens.new_token())
    elif case == "revoked":
        services.token_revoke(token=token, by=person)
    elif case == "expired":
        AccessToken.objects.filter(pk=token.pk).update(created_at=timezone.now() - datetime.timedelta(days=31),
                                                       expires_at=timezone.now() - datetime.timedelta(seconds=1))
    elif case == "inactive":
        person.is_active = False
        person.save()
    response = client.get("/api/v1/me/notifications?lang=en", **headers)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Authentication is needed."


def test_a_token_opens_only_its_scopes(client):
    idea = IdeaFactory()
    _token, secret = services.token_create(by=UserFactory(), name="n", scopes=[Scope.READ_PERSONAL],
                                           expires_in_days=30)
    refused = client.post(f"/api/v1/processes/{idea.process.slug}/ideas/{idea.pk}/support?lang=en", **bearer(secret))
    assert refused.status_code == 403
    assert "write:participation" in refused.json()["title"]
    assert Support.objects.count() == 0


def test_supporting_through_a_token_is_the_pages_support_with_its_refusals(client):
    idea = IdeaFactory()
    supporter = UserFactory()
    _token, secret = services.token_create(by=supporter, name="n", scopes=[Scope.WRITE_PARTICIPATION],
                                           expires_in_days=30)
    path = f"/api/v1/processes/{idea.process.slug}/ideas/{idea.pk}/support?lang=en"
    assert client.post(path, **bearer(secret)).json() == {"supported": True, "supports": 1}
    assert client.post(path, **bearer(secret)).json() == {"supported": True, "supports": 1}  # once only
    assert Support.objects.filter(idea=idea, user=supporter).count() == 1

    unverified = UserFactory(verified=False)
    _token, other_secret = services.token_create(by=unverified, name="n", scopes=[Scope.WRITE_PARTICIPATION],
                                                 expires_in_days=30)
    refused = client.post(path, **bearer(other_secret))
    assert refused.status_code == 403 and refused.json()["title"]
    assert Support.objects.filter(idea=idea).count() == 1


def test_a_hidden_idea_cannot_be_supported_through_the_api(client):
    idea = IdeaFactory(is_hidden=True)
    _token, secret = services.token_create(by=UserFactory(), name="n", scopes=[Scope.WRITE_PARTICIPATION],
                                           expires_in_days=30)
    assert client.post(f"/api/v1/processes/{idea.process.slug}/ideas/{idea.pk}/support",
                       **bearer(secret)).status_code == 404


def test_registering_for_a_meeting_through_a_token(client):
    meeting = MeetingFactory(is_published=True, capacity=1)
    first, second = UserFactory(), UserFactory()
    secrets_ = [services.token_create(by=person, name="n", scopes=[Scope.WRITE_MEETINGS, Scope.READ_PERSONAL],
                                      expires_in_days=30)[1] for person in (first, second)]
    path = f"/api/v1/meetings/{meeting.slug}/registration"
    answers = [client.post(path, {}, content_type="application/json", **bearer(secret)).json()
               for secret in secrets_]
    assert [answer["status"] for answer in answers] == ["registered", "waiting"]
    assert Registration.objects.count() == 2
    mine = client.get("/api/v1/me/registrations", **bearer(secrets_[0])).json()
    assert [row["status"] for row in mine] == ["registered"]


def test_only_the_owner_revokes_a_token_and_it_stops_at_once(client):
    owner, stranger = UserFactory(), UserFactory()
    token, secret = services.token_create(by=owner, name="n", scopes=[Scope.READ_PERSONAL], expires_in_days=30)
    client.force_login(stranger)
    assert client.post(f"/en/account/api-tokens/{token.pk}/revoke/").status_code == 404
    client.force_login(owner)
    assert client.post(f"/en/account/api-tokens/{token.pk}/revoke/").status_code == 302
    assert client.get("/api/v1/me/notifications", **bearer(secret)).status_code == 401


def test_the_token_page_needs_a_login(client):
    assert client.get("/en/account/api-tokens/").status_code == 302


def test_tokens_are_in_the_persons_data_without_their_digest(client):
    person = UserFactory()
    token, secret = services.token_create(by=person, name="Tablou", scopes=[Scope.READ_PERSONAL], expires_in_days=30)
    client.force_login(person)
    exported = client.get("/en/account/my-data.json").content.decode()
    assert "Tablou" in exported and token.digest not in exported and secret not in exported
