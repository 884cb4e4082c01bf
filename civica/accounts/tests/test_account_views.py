import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from civica.accounts.models import RoleAssignment, User
from civica.accounts.roles import Role
from civica.accounts.tests.factories import PASSWORD, UserFactory

ACCOUNT_PAGES = ["/ro/account/", "/ro/account/my-data.json", "/ro/account/delete/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ACCOUNT_PAGES)
def test_account_pages_send_anonymous_visitors_to_log_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/ro/accounts/login/?next=")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ACCOUNT_PAGES)
@pytest.mark.parametrize("kind", ["unverified", "participant", "editor", "administrator"])
def test_account_pages_open_to_every_signed_in_person(client, path, kind, request):
    user = request.getfixturevalue(kind)
    client.force_login(user)
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_profile_shows_the_person_and_their_roles(client, participant):
    # What one represents: network/tests/test_representations.py.
    scope = Group.objects.create(name="Arta în Joacă")
    RoleAssignment.objects.create(user=participant, role=Role.FACILITATOR, scope=scope)
    client.force_login(participant)
    page = client.get("/ro/account/").content.decode()
    assert 'value="Paula Participant"' in page
    assert "Arta în Joacă" in page


@pytest.mark.django_db
def test_profile_edit_saves_and_switches_language(client, participant):
    client.force_login(participant)
    response = client.post(
        "/ro/account/",
        {"display_name": "Paula P.", "organisation_name": "Asociația Vecinilor", "language": "en",
         "email_frequency": "daily"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/account/"
    assert response.cookies["django_language"].value == "en"
    participant.refresh_from_db()
    assert (participant.display_name, participant.organisation_name, participant.language,
            participant.email_frequency) == ("Paula P.", "Asociația Vecinilor", "en", "daily")
    page = client.get("/en/account/").content.decode()
    assert "Your profile was saved." in page


@pytest.mark.django_db
def test_profile_errors_are_shown_and_input_is_kept(client, participant):
    client.force_login(participant)
    response = client.post(
        "/ro/account/",
        {"display_name": "x" * 81, "organisation_name": "Păstrat", "language": "ro", "email_frequency": "immediately"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "cel mult 80 de caractere" in page
    assert 'value="Păstrat"' in page
    participant.refresh_from_db()
    assert participant.organisation_name == ""


@pytest.mark.django_db
def test_download_my_data_holds_everything_about_me(client, participant):
    RoleAssignment.objects.create(user=participant, role=Role.MODERATOR)
    client.force_login(participant)
    response = client.get("/ro/account/my-data.json")
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)["data"]["accounts"]
    assert data["profile"]["email"] == participant.email
    assert data["profile"]["display_name"] == "Paula Participant"
    assert data["email_addresses"] == [{"email": participant.email, "verified": True, "primary": True}]
    assert [role["role"] for role in data["roles"]] == ["moderator"]


@pytest.mark.django_db
def test_download_my_data_contains_nobody_else(client, participant):
    other = UserFactory(email="someone-else@example.org")
    client.force_login(participant)
    assert other.email not in client.get("/ro/account/my-data.json").content.decode()


@pytest.mark.django_db
def test_delete_account_needs_the_password(client, participant):
    client.force_login(participant)
    response = client.post("/en/account/delete/", {"password": "not-my-password"})
    assert response.status_code == 200
    assert "This password is not right" in response.content.decode()
    assert User.objects.filter(pk=participant.pk).exists()


@pytest.mark.django_db
def test_delete_account_removes_the_person_and_logs_out(client, participant):
    RoleAssignment.objects.create(user=participant, role=Role.MODERATOR)
    client.force_login(participant)
    response = client.post("/en/account/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert not User.objects.filter(pk=participant.pk).exists()
    assert not EmailAddress.objects.filter(email=participant.email).exists()
    assert not RoleAssignment.objects.exists()
    assert client.get("/en/account/").status_code == 302
    assert "Your account was deleted" in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_deleted_authors_are_shown_as_deleted_participant():
    from django.template import Context, Template
    from django.utils import translation

    template = Template("{{ author|participant_name }}")
    with translation.override("ro"):
        assert template.render(Context({"author": None})) == "Participant șters"
    with translation.override("en"):
        assert template.render(Context({"author": None})) == "Deleted participant"
        assert template.render(Context({"author": UserFactory(display_name="Ioana")})) == "Ioana"


@pytest.mark.django_db
def test_account_forms_are_protected_by_csrf(participant):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(participant)
    assert client.post("/en/account/delete/", {"password": PASSWORD}).status_code == 403
    assert client.post("/en/account/", {"display_name": "x", "language": "ro"}).status_code == 403
    assert User.objects.filter(pk=participant.pk).exists()


@pytest.mark.django_db
def test_account_page_query_count(client, participant, django_assert_max_num_queries):
    # With representations listed: network/tests/test_representations.py.
    client.force_login(participant)
    client.get("/ro/account/")
    with django_assert_max_num_queries(12):
        client.get("/ro/account/")
