"""The key journeys, as a person would go through them in a real browser.

Texts are compared with what the catalogues give for the page's language (``tr``),
so the assertions hold however far the Romanian translation has got.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from civica.accounts.models import User

pytestmark = pytest.mark.browser

EMAIL = "ioana.pop@example.org"
PASSWORD = "lanterna-verde-pe-Somes-42"
DISPLAY_NAME = "Ioana Pop"
NEW_DISPLAY_NAME = "Ioana P. (Mănăștur)"
CONFIRM_LINK = re.compile(r"https?://\S+/accounts/confirm-email/[^/\s]+/")


def tr(language, message, **values):
    with translation.override(language):
        text = translation.gettext(message)
    return text % values if values else text


def expect_language(page, language):
    expect(page.locator("html")).to_have_attribute("lang", language)


def expect_message(page, text):
    expect(page.locator(".messages").get_by_text(text, exact=True)).to_be_visible()


def test_sign_up_verify_log_out_log_in_and_edit_profile(live_server, page):
    base = live_server.url

    # 1. Sign up, in Romanian.
    page.goto(f"{base}/ro/accounts/signup/")
    expect_language(page, "ro")
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("ro", "Sign Up"))
    form = page.locator("main form")
    form.locator("[name=email]").fill(EMAIL)
    form.locator("[name=password1]").fill(PASSWORD)
    form.locator("[name=password2]").fill(PASSWORD)
    form.locator("[name=display_name]").fill(DISPLAY_NAME)
    form.locator("[name=accept_terms]").check()
    form.get_by_role("button", name=tr("ro", "Sign Up")).click()

    # Signed in straight away (verification is optional), told to check the e-mail: the same page an
    # address that already has an account gets, so sign-up does not say which addresses have accounts.
    page.wait_for_url(f"{base}/ro/accounts/confirm-email/")
    expect_language(page, "ro")
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("ro", "Verify Your Email Address"))
    expect_message(page, tr("ro", "Confirmation email sent to %(email)s.", email=EMAIL))
    page.goto(f"{base}/ro/account/")
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("ro", "My account"))
    expect(page.locator("input[name=display_name]")).to_have_value(DISPLAY_NAME)
    expect(page.get_by_role("note")).to_be_visible()  # "your e-mail address is not verified yet"
    user = User.objects.get(email=EMAIL)
    assert user.display_name == DISPLAY_NAME
    assert user.language == "ro"
    assert not EmailAddress.objects.get(user=user, email=EMAIL).verified

    # 2. The verification e-mail (locmem outbox, shared with the live server's thread).
    assert len(mail.outbox) == 1, [message.subject for message in mail.outbox]
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    assert message.subject.startswith("[Civica] ")
    match = CONFIRM_LINK.search(message.body)
    assert match, f"no confirmation link in the e-mail:\n{message.body}"

    # 3. Open the link and confirm.
    page.goto(match.group(0))
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("ro", "Confirm Email Address"))
    page.locator("main form").get_by_role("button", name=tr("ro", "Confirm")).click()
    page.wait_for_url(f"{base}/ro/account/")
    expect_message(page, tr("ro", "You have confirmed %(email)s.", email=EMAIL))
    expect(page.get_by_role("note")).to_have_count(0)
    assert EmailAddress.objects.get(user=user, email=EMAIL).verified

    # 4. Log out with the header's button.
    page.locator("header").get_by_role("button", name=tr("ro", "Log out")).click()
    page.wait_for_url(f"{base}/ro/")
    expect_message(page, tr("ro", "You have signed out."))
    expect(page.locator("header").get_by_role("link", name=tr("ro", "Log in"), exact=True)).to_be_visible()
    expect(page.locator("header").get_by_role("button", name=tr("ro", "Log out"))).to_have_count(0)

    # 5. Log in again.
    page.goto(f"{base}/ro/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("ro", "Sign In"))
    form = page.locator("main form")
    form.locator("[name=login]").fill(EMAIL)
    form.locator("[name=password]").fill(PASSWORD)
    form.get_by_role("button", name=tr("ro", "Sign In")).click()
    page.wait_for_url(f"{base}/ro/account/")
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("ro", "My account"))
    expect(page.locator("header").get_by_role("button", name=tr("ro", "Log out"))).to_be_visible()

    # 6. Edit the profile: a new display name, and English as the language.
    form = page.locator("main form").filter(has=page.locator("[name=display_name]"))
    form.locator("[name=display_name]").fill(NEW_DISPLAY_NAME)
    form.locator("select[name=language]").select_option("en")
    form.get_by_role("button", name=tr("ro", "Save profile")).click()

    # The site now speaks English, on the same page.
    page.wait_for_url(f"{base}/en/account/")
    expect_language(page, "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("My account")
    expect_message(page, "Your profile was saved.")
    expect(page.locator("input[name=display_name]")).to_have_value(NEW_DISPLAY_NAME)
    expect(page.locator("select[name=language]")).to_have_value("en")
    user.refresh_from_db()
    assert (user.display_name, user.language) == (NEW_DISPLAY_NAME, "en")

    # 7. Back to Romanian with the header's language switcher: same page, under /ro/.
    switcher = page.locator("form.language-switcher")
    expect(switcher.locator("button[name=language][value=en]")).to_have_attribute("aria-current", "true")
    switcher.locator("button[name=language][value=ro]").click()
    page.wait_for_url(f"{base}/ro/account/")
    expect_language(page, "ro")
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("ro", "My account"))
    expect(switcher.locator("button[name=language][value=ro]")).to_have_attribute("aria-current", "true")
    expect(page.locator("input[name=display_name]")).to_have_value(NEW_DISPLAY_NAME)
    user.refresh_from_db()
    assert user.language == "ro"


def test_skip_link_is_the_first_focusable_element(live_server, page):
    page.goto(f"{live_server.url}/ro/")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_class(re.compile(r"\bskip-link\b"))
    expect(focused).to_have_attribute("href", "#main")
    expect(focused).to_have_text(tr("ro", "Skip to main content"))

    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ro/#main$"))
    expect(page.locator("main#main")).to_be_focused()


@pytest.mark.parametrize(
    ("locale", "language"),
    [("en-GB", "en"), ("ro-RO", "ro"), ("de-DE", "ro")],
    ids=["english", "romanian", "german-falls-back-to-romanian"],
)
def test_root_redirects_by_accept_language(live_server, new_page, locale, language):
    page = new_page(locale=locale)
    response = page.goto(f"{live_server.url}/")
    page.wait_for_url(f"{live_server.url}/{language}/")
    assert response.ok
    expect_language(page, language)


def test_a_visitor_switches_language_and_it_is_remembered(live_server, new_page):
    page = new_page(locale="en-GB")  # the browser asks for English; the page read is Romanian
    page.goto(f"{live_server.url}/ro/network/programmes/")
    expect_language(page, "ro")
    switcher = page.locator("nav.language-switcher")
    expect(switcher.get_by_role("link", name="Română")).to_have_attribute("aria-current", "true")
    switcher.get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_server.url}/en/network/programmes/")
    expect_language(page, "en")
    page.locator("nav.language-switcher").get_by_role("link", name="Română").click()
    page.wait_for_url(f"{live_server.url}/ro/network/programmes/")
    page.goto(f"{live_server.url}/")  # the choice outlives the page: "/" follows it, not the browser
    page.wait_for_url(f"{live_server.url}/ro/")
