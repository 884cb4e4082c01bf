"""An editor sets a members' call up from the site's own screens (issue 16, point 2): a call from its
kind, a three-question form built and previewed, two criteria, the checklist before publishing; a
member organisation's representative applies; the editor appoints an evaluator. axe-core checks every
editors' screen on the way."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.calls.models import Application, ApplicationStatus, Call, CallStatus
from civica.network.tests.factories import MemberFactory, member_representative

from .conftest import axe_violations, describe_violations
from .helpers import log_in

pytestmark = pytest.mark.browser


def expect_accessible(page):
    blocking = axe_violations(page)
    assert not blocking, f"{page.url}:\n{describe_violations(blocking)}"


def log_out(page):
    page.locator("header").get_by_role("button", name="Log out").click()


def test_an_editor_builds_publishes_a_members_call_a_member_applies_and_a_jury_is_appointed(live_server, page):
    base = live_server.url
    editor = UserFactory(role=Role.EDITOR, display_name="Edith Editor", language="en")
    member = member_representative(MemberFactory(name="Asociația Vecinilor"), display_name="Mara Membru",
                                   language="en")
    UserFactory(display_name="Eva Evaluatoare", email="eva@jury.example")
    now = timezone.localtime()

    log_in(page, base, editor)
    page.goto(f"{base}/en/calls/manage/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage calls")
    expect_accessible(page)
    page.get_by_role("link", name="New call").click()
    expect(page.get_by_label("Members' call")).to_be_visible()
    expect_accessible(page)
    page.get_by_label("Members' call").check()
    page.get_by_label("Title (Romanian):").fill("Fondul membrilor")
    page.get_by_label("Title (English):").fill("Members' fund")
    page.get_by_label("Summary (Romanian):").fill("Mici proiecte ale membrilor.")
    page.get_by_label("Opens at:").fill((now - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Deadline:").fill((now + datetime.timedelta(days=20)).strftime("%Y-%m-%dT17:00"))
    page.get_by_label("Total budget (lei):").fill("20000")
    page.get_by_label("Minimum per application (lei):").fill("500")
    page.get_by_label("Maximum per application (lei):").fill("5000")
    page.get_by_role("button", name="Create the draft").click()
    expect(page.locator(".messages")).to_contain_text("The call is created as a draft")
    expect(page.get_by_role("heading", level=1)).to_have_text("Members' fund")
    expect_accessible(page)
    call = Call.objects.get()

    # The form: the budget table goes, a short question comes, and it moves up (three questions).
    page.get_by_role("link", name="Edit the form").click()
    expect(page.get_by_role("button", name="Delete Bugetul proiectului")).to_be_visible()
    expect_accessible(page)
    page.get_by_role("button", name="Delete Bugetul proiectului").click()
    page.get_by_role("link", name="Add a question").click()
    expect(page.get_by_label("Kind:")).to_be_visible()
    expect_accessible(page)
    page.get_by_label("Kind:").select_option("short_text")
    page.get_by_label("Key:").fill("website")
    page.get_by_label("Label (Romanian):").fill("Pagina organizației")
    page.get_by_label("Label (English):").fill("Organisation's website")
    page.get_by_label("Maximum characters:").fill("200")
    page.get_by_role("button", name="Save the question").click()
    expect(page.locator(".messages")).to_contain_text("The question is saved.")
    page.get_by_role("button", name="Move up Pagina organizației").click()
    assert [field.key for field in call.form_fields.all()] == ["summary", "website", "rules"]

    page.get_by_role("link", name="Preview as applicants see it").click()
    expect(page.get_by_label("Organisation's website")).to_be_disabled()
    expect(page.get_by_label("Project summary")).to_be_visible()
    expect_accessible(page)

    # Two criteria from the blueprint; one weighs double.
    page.goto(f"{base}/en/calls/manage/{call.slug}/criteria/")
    expect_accessible(page)
    page.get_by_role("link", name="Fezabilitate").click()
    expect(page.get_by_label("Weight:")).to_be_visible()
    expect_accessible(page)
    page.get_by_label("Weight:").fill("0")
    page.get_by_role("button", name="Save the criterion").click()
    expect(page.locator("#id_weight_error")).to_be_visible()
    expect(page.get_by_label("Name (Romanian):")).to_have_value("Fezabilitate")
    expect_accessible(page)
    page.get_by_label("Weight:").fill("2")
    page.get_by_role("button", name="Save the criterion").click()
    expect(page.get_by_role("cell", name="67%")).to_be_visible()

    page.goto(f"{base}/en/calls/manage/{call.slug}/")
    expect(page.get_by_text("Nothing is missing.")).to_be_visible()
    page.get_by_role("button", name="Publish the call").click()
    expect(page.locator(".messages")).to_contain_text("The call is now: Published.")
    call.refresh_from_db()
    assert call.status == CallStatus.PUBLISHED
    log_out(page)

    # A member's representative applies for their organisation.
    log_in(page, base, member)
    page.goto(f"{base}/en/calls/{call.slug}/")
    expect(page.get_by_role("heading", name="How applications are evaluated")).to_be_visible()
    page.get_by_role("button", name="Start an application").click()
    page.get_by_label("Project title").fill("Grădina din curte")
    page.get_by_label("Amount requested (lei)").fill("3000")
    page.get_by_label("Project summary").fill("O grădină comunitară în curtea asociației.")
    page.get_by_label("Organisation's website").fill("https://vecini.example")
    page.get_by_label("I have read and accept the rules of the call").check()
    page.get_by_role("button", name="Save and submit").click()
    expect(page.locator(".messages")).to_contain_text("Your application is submitted.")
    application = Application.objects.get(call=call)
    assert application.status == ApplicationStatus.SUBMITTED and application.organisation.name == "Asociația Vecinilor"
    log_out(page)

    # The editor appoints an evaluator by e-mail.
    log_in(page, base, editor)
    page.goto(f"{base}/en/calls/manage/{call.slug}/jury/")
    expect_accessible(page)
    page.get_by_label("E-mail:", exact=True).fill("nobody@jury.example")
    page.get_by_role("button", name="Appoint", exact=True).click()
    expect(page.locator("#id_email_error")).to_contain_text("Nobody has an account")
    expect(page.get_by_label("E-mail:", exact=True)).to_have_value("nobody@jury.example")
    page.get_by_label("E-mail:", exact=True).fill("eva@jury.example")
    page.get_by_role("button", name="Appoint", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Eva Evaluatoare is an evaluator of this call.")
    expect(page.get_by_role("button", name="Remove from the jury Eva Evaluatoare")).to_be_visible()
    expect_accessible(page)


# Every editors' screen of calls on the demo's call under review, as the demo editor, in both languages.
EDITOR_SCREENS = ["", "new/", "{call}/", "{call}/edit/", "{call}/documents/", "{call}/form/", "{call}/form/new/",
                  "{call}/form/{field}/", "{call}/form/preview/", "{call}/criteria/", "{call}/criteria/new/",
                  "{call}/jury/"]


@pytest.mark.parametrize("language", ["ro", "en"])
def test_the_editors_screens_have_no_serious_axe_violation(live_server, demo_data, page, language):
    from civica.calls.models import Assignment

    from .test_small_screens import _signed_in

    call = Assignment.objects.select_related("application__call").first().application.call
    _signed_in(page, live_server, "editor@civica.test")
    problems = []
    for screen in EDITOR_SCREENS:
        url = f"{live_server.url}/{language}/calls/manage/" + screen.format(
            call=call.slug, field=call.form_fields.first().pk)
        response = page.goto(url)
        assert response.ok, f"{url} answered {response.status}"
        blocking = axe_violations(page)
        if blocking:
            problems.append(f"{url}:\n{describe_violations(blocking)}")
    assert not problems, "\n".join(problems)
