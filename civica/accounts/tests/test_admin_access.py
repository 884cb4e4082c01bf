"""Django admin opens to editors (content) and administrators (everything, including roles)."""

import pytest


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/ro/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["unverified", "participant", "moderator"])
def test_participants_and_moderators_do_not_enter(client, request, kind):
    client.force_login(request.getfixturevalue(kind))
    response = client.get("/ro/admin/")
    assert response.status_code == 302
    assert client.get("/ro/admin/network/organisation/").status_code == 302


@pytest.mark.django_db
def test_editors_manage_content_but_not_people(client, editor):
    client.force_login(editor)
    index = client.get("/en/admin/")
    assert index.status_code == 200
    page = index.content.decode()
    assert "/en/admin/network/organisation/" in page
    assert "/en/admin/accounts/user/" not in page
    assert client.get("/en/admin/network/organisation/").status_code == 200
    assert client.get("/en/admin/network/programme/add/").status_code == 200
    assert client.get("/en/admin/accounts/user/").status_code == 403
    assert client.get("/en/admin/accounts/roleassignment/").status_code == 403


@pytest.mark.django_db
def test_administrators_manage_people_and_roles(client, administrator):
    client.force_login(administrator)
    page = client.get("/en/admin/").content.decode()
    assert "/en/admin/accounts/user/" in page
    assert client.get("/en/admin/accounts/user/").status_code == 200
    assert client.get(f"/en/admin/accounts/user/{administrator.pk}/change/").status_code == 200
    assert client.get("/en/admin/accounts/roleassignment/").status_code == 200


@pytest.mark.django_db
def test_admin_log_in_form_accepts_the_email_address(client, editor):
    from civica.accounts.tests.factories import PASSWORD

    response = client.post("/en/admin/login/?next=/en/admin/", {"username": editor.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/en/admin/").status_code == 200
