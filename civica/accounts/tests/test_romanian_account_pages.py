"""The account pages and e-mails (django-allauth's) speak Civica's Romanian: with diacritics, addressing
the person as "dumneavoastră", and naming the site Civica rather than the host it runs on."""

import re

import pytest
from django.core import mail

from civica.accounts.tests.factories import PASSWORD
from civica.core.tests.romanian_style import problems

SIGNUP = {
    "email": "ioana@example.org",
    "password1": "Cluj-viitor-2026!",
    "password2": "Cluj-viitor-2026!",
    "display_name": "Ioana Pop",
    "accept_terms": "on",
}


def _text(html: str) -> str:
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _mail_text(message) -> str:
    return re.sub(r"https?://\S+", " ", f"{message.subject}\n{message.body}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, words",
    [
        ("/ro/accounts/signup/", ["Înregistrare", "Aveți deja un cont?"]),
        ("/ro/accounts/login/", ["Păstrează-mă autentificat", "Ați uitat parola?"]),
        ("/ro/accounts/password/reset/", ["Ați uitat parola? Introduceți mai jos adresa de e-mail"]),
        ("/ro/accounts/password/reset/done/", ["V-am trimis un e-mail."]),
        ("/ro/accounts/confirm-email/", ["Verificați-vă adresa de e-mail"]),
    ],
)
def test_account_pages_speak_romanian_with_diacritics_and_formally(client, path, words):
    response = client.get(path)
    assert response.status_code == 200
    text = _text(response.content.decode())
    for expected in words:
        assert expected in text
    assert problems(text) == []


@pytest.mark.django_db
def test_refused_sign_up_and_log_in_explain_in_the_same_romanian(client, participant):
    signup = client.post("/ro/accounts/signup/", {**SIGNUP, "password2": "Altceva-2026!"})
    text = _text(signup.content.decode())
    assert "Trebuie să introduceți aceeași parolă de ambele dăți." in text
    assert problems(text) == []

    login = client.post("/ro/accounts/login/", {"login": participant.email, "password": "greșită"})
    text = _text(login.content.decode())
    assert "Adresa de e-mail sau parola introdusă nu este corectă." in text
    assert problems(text) == []


@pytest.mark.django_db
def test_the_verification_e_mail_greets_from_civica_in_formal_romanian(client):
    client.post("/ro/accounts/signup/", SIGNUP)
    message = mail.outbox[-1]
    assert message.subject == "[Civica] Vă rugăm să vă confirmați adresa de e-mail"
    first_line = message.body.strip().splitlines()[0]
    assert first_line == "Bună ziua de la Civica!"
    assert "testserver" not in _mail_text(message), "the site is named, not the host the request came to"
    assert problems(_mail_text(message)) == []


@pytest.mark.django_db
def test_the_password_reset_e_mail_is_in_formal_romanian(client, participant):
    client.get("/ro/accounts/login/")
    client.post("/ro/accounts/password/reset/", {"email": participant.email})
    message = mail.outbox[-1]
    assert message.body.strip().startswith("Bună ziua de la Civica!")
    assert "resetarea parolei contului dumneavoastră" in message.body
    assert problems(_mail_text(message)) == []


@pytest.mark.django_db
def test_signed_in_and_out_messages_are_formal(client, participant):
    response = client.post("/ro/accounts/login/", {"login": participant.email, "password": PASSWORD}, follow=True)
    text = _text(response.content.decode())
    assert "V-ați autentificat ca" in text
    assert problems(text) == []


@pytest.mark.django_db
@pytest.mark.parametrize("path, words", [
    ("/ro/account/delete/", ["fără legătură cu dumneavoastră"]),
    ("/ro/network/bookings/", ["Nu ați rezervat niciun spațiu."]),
])
def test_delete_account_and_booking_pages_address_the_person_formally(client, participant, path, words):
    client.force_login(participant)
    text = _text(client.get(path).content.decode())
    for expected in words:
        assert expected in text
    assert problems(text) == []
