"""Django admin opens to editors (content) and administrators (everything, including roles)."""

import pytest


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_one_log_in_page(client):
    response = client.get("/ro/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/ro/accounts/login/?next=%2Fro%2Fadmin%2F"
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["unverified", "participant", "moderator"])
def test_participants_and_moderators_do_not_enter(client, request, kind):
    client.force_login(request.getfixturevalue(kind))
    response = client.get("/en/admin/", follow=True)
    assert response.status_code == 403
    assert "open to the centre&#x27;s editors and administrators" in response.content.decode()
    assert client.get("/en/admin/network/organisation/", follow=True).status_code == 403


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
def test_admin_log_in_goes_through_the_site_log_in_and_back(client, editor):
    from civica.accounts.tests.factories import PASSWORD

    login_page = client.get("/en/admin/login/?next=/en/admin/network/", follow=True).redirect_chain[-1][0]
    response = client.post(login_page, {"login": editor.email, "password": PASSWORD})
    assert response["Location"] == "/en/admin/network/"
    assert client.get("/en/admin/network/").status_code == 200
