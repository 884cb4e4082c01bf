import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from civica.accounts.models import User

SIGNUP = {
    "email": "ioana@example.org",
    "password1": "Cluj-viitor-2026!",
    "password2": "Cluj-viitor-2026!",
    "display_name": "Ioana Pop",
    "accept_terms": "on",
}


def _confirmation_path(message):
    return re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", message.body).group(1)


@pytest.mark.django_db
def test_sign_up_sends_a_verification_link_and_verifying_lets_the_person_contribute(client):
    response = client.post("/ro/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="ioana@example.org")
    assert user.display_name == "Ioana Pop"
    assert user.language == "ro"
    assert not user.has_perm("accounts.contribute"), "unverified accounts read but do not contribute"

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ioana@example.org"]
    path = _confirmation_path(message)
    assert path.startswith("/ro/accounts/confirm-email/")

    page = client.get(path)
    assert page.status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    user = User.objects.get(pk=user.pk)
    assert user.has_perm("accounts.contribute")


@pytest.mark.django_db
def test_sign_up_in_english_sets_the_language_and_the_email_is_in_english(client):
    client.post("/en/accounts/signup/", {**SIGNUP, "email": "john@example.org"})
    user = User.objects.get(email="john@example.org")
    assert user.language == "en"
    assert "/en/accounts/confirm-email/" in mail.outbox[0].body
    assert "Please Confirm Your Email Address" in mail.outbox[0].subject


@pytest.mark.django_db
def test_sign_up_without_accepting_the_terms_keeps_what_was_typed(client):
    response = client.post("/ro/accounts/signup/", {**SIGNUP, "accept_terms": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Acest câmp este obligatoriu" in page
    assert 'value="ioana@example.org"' in page
    assert 'value="Ioana Pop"' in page
    assert not User.objects.filter(email="ioana@example.org").exists()


@pytest.mark.django_db
def test_sign_up_with_a_weak_password_is_refused_in_the_users_language(client):
    response = client.post("/en/accounts/signup/", {**SIGNUP, "password1": "12345", "password2": "12345"})
    assert response.status_code == 200
    assert "too short" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_sign_up_with_a_taken_email_answers_as_for_a_new_one_and_tells_the_owner(client, participant):
    """Sign-up does not tell whether an address has an account: both answers are "check your e-mail";
    the address's owner is e-mailed (with the way to reset the password) and no second account is made."""
    from django.test import Client

    new = Client().post("/en/accounts/signup/", {**SIGNUP, "email": "new.person@example.org"}, follow=True)
    mail.outbox.clear()
    taken = client.post("/en/accounts/signup/", {**SIGNUP, "email": participant.email.upper()}, follow=True)

    assert taken.status_code == new.status_code == 200
    assert taken.redirect_chain == new.redirect_chain == [("/en/accounts/confirm-email/", 302)]
    for response, address in ((new, "new.person@example.org"), (taken, participant.email.upper())):
        page = response.content.decode()
        assert "Verify Your Email Address" in page
        assert f"confirmation email sent to {address.lower()}" in page.lower()
        assert "already" not in page
    assert User.objects.filter(email__iexact=participant.email).count() == 1

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [participant.email]
    assert "Account Already Exists" in message.subject
    assert "an account using that email address already exists" in message.body
    assert "/en/accounts/password/reset/" in message.body


@pytest.mark.django_db
def test_sign_up_with_a_taken_email_in_romanian_is_as_neutral(client, participant):
    response = client.post("/ro/accounts/signup/", {**SIGNUP, "email": participant.email}, follow=True)
    page = response.content.decode()
    assert "Verificați-vă adresa de e-mail" in page
    assert "Există deja un cont" not in page
    assert mail.outbox[-1].subject == "[Civica] Contul există deja"
    assert "Există însă deja un cont cu această adresă." in mail.outbox[-1].body


@pytest.mark.django_db
def test_log_in_log_out_and_password_reset(client, participant):
    from civica.accounts.tests.factories import PASSWORD

    response = client.post("/ro/accounts/login/", {"login": participant.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/ro/account/"
    assert client.get("/ro/account/").status_code == 200

    client.post("/ro/accounts/logout/")
    assert client.get("/ro/account/").status_code == 302

    response = client.post("/ro/accounts/password/reset/", {"email": participant.email})
    assert response.status_code == 302
    reset_path = re.search(r"https?://[^/\s]+(/\S+/password/reset/key/\S+/)", mail.outbox[-1].body).group(1)
    response = client.get(reset_path, follow=True)
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else reset_path
    response = client.post(form_path, {"password1": "Un-nou-secret-2026", "password2": "Un-nou-secret-2026"})
    assert response.status_code == 302
    assert client.login(email=participant.email, password="Un-nou-secret-2026")


@pytest.mark.django_db
def test_login_takes_the_person_to_their_language_next_time(client, participant):
    from civica.accounts.tests.factories import PASSWORD

    participant.language = "en"
    participant.save()
    response = client.post("/ro/accounts/login/", {"login": participant.email, "password": PASSWORD})
    assert response.cookies["django_language"].value == "en"
    assert client.get("/")["Location"] == "/en/"


@pytest.mark.django_db
def test_sign_up_form_asks_in_a_natural_order(client):
    form = client.get("/en/accounts/signup/").context["form"]
    assert list(form.fields)[:5] == ["email", "display_name", "password1", "password2", "accept_terms"]
