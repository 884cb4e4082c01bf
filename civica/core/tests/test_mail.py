"""``send_in_language``: every e-mail is written in its recipient's language."""

import pytest
from django.core import mail
from django.template import TemplateDoesNotExist
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from civica.accounts.tests.factories import UserFactory
from civica.core.mail import send_in_language

TEMPLATE = "notifications/email/notifications.txt"


def _send(person, **extra):
    send_in_language(person, TEMPLATE, lambda: {
        "items": [("Idee nouă", "https://example.org/x")], "unsubscribe": "https://example.org/u",
        "settings_url": "https://example.org" + reverse("accounts:profile"),
    }, subject=lambda: _("[Civica] Booking confirmed: %(space)s") % {"space": "Sala Mare"}, **extra)


@pytest.mark.django_db
def test_a_romanian_and_an_english_person_each_get_their_language():
    romanian = UserFactory(language="ro", email="ana@example.org")
    english = UserFactory(language="en", email="john@example.org")
    with translation.override("en"):
        _send(romanian)
    with translation.override("ro"):
        _send(english, headers={"List-Unsubscribe": "<https://example.org/u>"})
    to_ana, to_john = mail.outbox
    assert to_ana.to == ["ana@example.org"]
    assert to_ana.subject == "[Civica] Rezervare confirmată: Sala Mare"
    assert "Opriți aceste e-mailuri" in to_ana.body
    assert "/ro/" in to_ana.body
    assert to_john.to == ["john@example.org"]
    assert to_john.subject == "[Civica] Booking confirmed: Sala Mare"
    assert "Stop these e-mails (no log-in needed):" in to_john.body
    assert "/en/" in to_john.body
    assert to_john.extra_headers["List-Unsubscribe"] == "<https://example.org/u>"


@pytest.mark.django_db
def test_attachments_are_rendered_and_attached():
    person = UserFactory(language="en")
    send_in_language(person, TEMPLATE, {"items": []}, subject="S",
                     attachments=lambda: [("a.txt", translation.get_language(), "text/plain")])
    (message,) = mail.outbox
    assert message.attachments == [("a.txt", "en", "text/plain")]


@pytest.mark.django_db
def test_a_bad_template_name_fails_loudly_and_sends_nothing():
    person = UserFactory(language="ro")
    with pytest.raises(TemplateDoesNotExist):
        send_in_language(person, "participation/email/no-such-template.txt", {}, subject="S")
    assert mail.outbox == []
