"""Act where you are (issue 14, point 3): a visitor refused for want of an account sees buttons that
log in or sign up and come back to the same page (or the same action); after sign-up and verifying
the address through the e-mail's link, the person lands where they started."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from civica.accounts.models import User
from civica.accounts.tests.factories import PASSWORD
from civica.calls.tests.factories import CallFactory
from civica.meetings.tests.factories import MeetingFactory
from civica.network.tests.factories import SpaceFactory
from civica.participation.models import Support
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

SIGNUP = {
    "email": "ioana@example.org",
    "password1": "Cluj-viitor-2026!",
    "password2": "Cluj-viitor-2026!",
    "display_name": "Ioana Pop",
    "accept_terms": "on",
}


def buttons(page, label, next_url):
    """Whether ``page`` offers "``label``" (log in) and "Create an account", both back to ``next_url``."""
    quoted = next_url.replace("#", "%23")
    return (f'href="/en/accounts/login/?next={quoted}">{label}</a>' in page
            and f'href="/en/accounts/signup/?next={quoted}">Create an account</a>' in page)


def _confirmation_path(message):
    return re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+)", message.body).group(1)


@pytest.mark.django_db
def test_each_page_offers_a_visitor_the_buttons_back_to_it(client):
    process = ProcessFactory()
    idea = IdeaFactory(process=process)
    idea_url = f"/en/processes/{process.slug}/ideas/{idea.pk}/"
    call, meeting, space = CallFactory(), MeetingFactory(), SpaceFactory()
    cases = [
        (f"/en/processes/{process.slug}/", "Log in to propose an idea", f"/en/processes/{process.slug}/ideas/new/"),
        (idea_url, "Log in to support this idea", f"{idea_url}#support"),
        (idea_url, "Log in to comment", f"{idea_url}#comments"),
        (f"/en/calls/{call.slug}/", "Log in to apply", f"/en/calls/{call.slug}/"),
        (f"/en/meetings/{meeting.slug}/", "Log in to register", f"/en/meetings/{meeting.slug}/#registration"),
        (f"/en/network/spaces/{space.slug}/", "Log in to book this space", f"/en/network/spaces/{space.slug}/book/"),
    ]
    for url, label, next_url in cases:
        page = client.get(url).content.decode()
        assert buttons(page, label, next_url), (url, label)


@pytest.mark.django_db
def test_a_refusal_an_account_cannot_lift_stays_a_sentence(client, participant):
    process = ProcessFactory()
    idea = IdeaFactory(process=process, author=participant)
    client.force_login(participant)
    page = client.get(f"/en/processes/{process.slug}/ideas/{idea.pk}/").content.decode()
    assert "You cannot support your own idea." in page
    assert "Create an account" not in page


@pytest.mark.django_db
def test_logging_in_from_the_button_comes_back_to_the_idea_and_support_works(client, participant):
    idea = IdeaFactory()
    idea_url = f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/"
    response = client.post(f"/en/accounts/login/?next={idea_url}%23support",
                           {"login": participant.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == f"{idea_url}#support"
    assert "Support this idea" in client.get(idea_url).content.decode()


@pytest.mark.django_db
def test_sign_up_then_the_e_mail_link_lands_where_the_person_started(client):
    idea = IdeaFactory()
    idea_url = f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/"
    response = client.post(f"/en/accounts/signup/?next={idea_url}%23support", SIGNUP)
    # Not there yet: a new account sees "check your e-mail", as a taken address does.
    assert response["Location"] == reverse("account_email_verification_sent")
    path = _confirmation_path(mail.outbox[0])
    assert path.endswith(f"?next={idea_url.replace('/', '%2F')}%23support")
    page = client.get(path).content.decode()
    assert f'name="next" value="{idea_url}#support"' in page
    response = client.post(path, {"next": f"{idea_url}#support"})
    assert response["Location"] == f"{idea_url}#support"
    user = User.objects.get(email="ioana@example.org")
    assert EmailAddress.objects.get(user=user).verified
    client.post(f"{idea_url}support/")
    assert Support.objects.filter(idea=idea, user=user).exists()


@pytest.mark.django_db
def test_an_unverified_account_can_ask_for_the_link_again_and_it_comes_back(client, unverified):
    idea = IdeaFactory()
    idea_url = f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/"
    client.force_login(unverified)
    page = client.get(idea_url).content.decode()
    assert "Verify your e-mail address to support ideas" in page
    assert f'name="next" value="{idea_url}#support"' in page and "Send me the link again" in page
    client.post("/en/accounts/email/", {"email": unverified.email, "action_send": "", "next": f"{idea_url}#support"})
    assert _confirmation_path(mail.outbox[-1]).endswith("%23support")


@pytest.mark.django_db
def test_only_a_local_next_rides_in_the_link(client):
    client.post("/en/accounts/signup/?next=https://evil.example/", SIGNUP)
    assert "next=" not in _confirmation_path(mail.outbox[0])


@pytest.mark.django_db
def test_next_step_names_the_account_step_only(participant, unverified):
    from django.contrib.auth.models import AnonymousUser

    from civica.core import refusals

    idea = IdeaFactory(author=participant)
    assert refusals.next_step(AnonymousUser(), "participation.support_idea", idea) == refusals.LOG_IN
    assert refusals.next_step(unverified, "participation.support_idea", idea) == refusals.VERIFY
    assert refusals.next_step(participant, "participation.support_idea", idea) is None  # their own idea
    assert refusals.next_step(AnonymousUser(), "meetings.register", MeetingFactory()) == refusals.LOG_IN


@pytest.mark.django_db
def test_the_buttons_speak_romanian(client):
    from django.utils import translation

    idea = IdeaFactory()
    with translation.override("ro"):
        url = idea.get_absolute_url()
    page = client.get(url).content.decode()
    assert "Autentificați-vă pentru a susține ideea</a>" in page and "Creați un cont</a>" in page
