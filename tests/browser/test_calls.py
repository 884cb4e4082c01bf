"""A whole solution competition in a real browser, from publication to the applicant's feedback."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.calls.models import Call, CallKind, CallStatus, Criterion, FieldKind, FormField
from civica.calls.tests.factories import pdf_bytes

from .conftest import axe_violations, describe_violations
from .helpers import log_in

pytestmark = pytest.mark.browser
PDF = pdf_bytes(author="Ioana Arhitect", title="Competition boards")



def log_out(page):
    page.locator("header").get_by_role("button", name="Log out").click()


def expect_accessible(page):
    blocking = axe_violations(page)
    assert not blocking, describe_violations(blocking)


def make_competition():
    now = timezone.now()
    call = Call.objects.create(
        kind=CallKind.COMPETITION, slug="piata-demo", title_ro="Piața Demo", title_en="Demo Square",
        summary_ro="Concurs", summary_en="A competition for a square", budget_total=Decimal("60000"),
        amount_min=Decimal("10000"), amount_max=Decimal("40000"), opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=2), status=CallStatus.DRAFT,
    )
    for position, (key, kind, label, required) in enumerate([
        ("concept", FieldKind.LONG_TEXT, "Concept", True),
        ("authors", FieldKind.TEAM_MEMBERS, "Authors", True),
        ("boards", FieldKind.FILE, "Boards", True),
        ("rules", FieldKind.DECLARATION, "I accept the rules", True),
    ]):
        FormField.objects.create(call=call, key=key, kind=kind, position=position, label_ro=label, label_en=label,
                                 required=required, file_types=["pdf"])
    Criterion.objects.create(call=call, name_ro="Calitate", name_en="Quality", weight=2)
    Criterion.objects.create(call=call, name_ro="Context", name_en="Context", weight=1)
    return call


def test_a_blind_competition_from_publication_to_feedback(live_server, page, tmp_path):
    base = live_server.url
    call = make_competition()
    editor = UserFactory(role=Role.EDITOR, display_name="Edith Editor")
    applicant = UserFactory(display_name="Ioana Arhitect", email="ioana.arhitect@studio.example")
    conflicted, juror = UserFactory(display_name="Juror Conflict"), UserFactory(display_name="Juror Fair")
    boards = tmp_path / "ioana-boards-final.pdf"
    boards.write_bytes(PDF)

    # The editor publishes the call.
    log_in(page, base, editor)
    page.goto(f"{base}/en/calls/{call.slug}/manage/")
    page.get_by_role("button", name="Move to: Published").click()
    expect(page.locator(".messages")).to_contain_text("The call is now: Published.")
    log_out(page)

    # The applicant starts, saves a draft, leaves, comes back, completes and submits.
    log_in(page, base, applicant)
    page.goto(f"{base}/en/calls/{call.slug}/")
    expect_accessible(page)
    page.get_by_role("button", name="Start an application").click()
    page.get_by_label("Project title:").fill("A square for everyone")
    page.get_by_label("Amount requested (lei):").fill("30000")
    page.get_by_label("Concept:").fill("Trees, water and shade.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("draft is saved")
    expect_accessible(page)
    page.goto(f"{base}/en/")
    page.goto(f"{base}/en/calls/{call.slug}/application/")
    expect(page.get_by_label("Concept:")).to_have_value("Trees, water and shade.")
    page.get_by_label("Name 1").fill("Ioana Arhitect")
    page.get_by_label("Role in the project 1").fill("Lead architect")
    page.get_by_label("Boards:").set_input_files(str(boards))
    page.get_by_label("I accept the rules").check()
    page.get_by_role("button", name="Save and submit").click()
    expect(page.locator(".messages")).to_contain_text("Your application is submitted")
    expect(page.get_by_role("link", name="receipt")).to_be_visible()
    reference = call.applications.get().reference
    assert any(reference in message.subject and message.attachments for message in mail.outbox)
    log_out(page)

    after_deadline = call.closes_at + datetime.timedelta(hours=1)
    with time_machine.travel(after_deadline, tick=True):
        # The editor opens the evaluation and the jury.
        log_in(page, base, editor)
        page.goto(f"{base}/en/calls/{call.slug}/manage/")
        page.get_by_role("button", name="Move to: In evaluation").click()
        for person in (conflicted, juror):
            page.get_by_label("Appoint an evaluator").fill(person.email)
            page.get_by_role("button", name="Appoint", exact=True).click()
            expect(page.locator(".messages")).to_contain_text("is an evaluator of this call")
        page.get_by_label("Evaluators per application").fill("2")
        page.get_by_role("button", name=re.compile("Assign automatically")).click()
        expect(page.locator(".messages")).to_contain_text("2 assignments made")
        log_out(page)

        code = call.applications.get().code
        # One juror declares a conflict; the other scores, never seeing who applied.
        log_in(page, base, conflicted)
        page.goto(f"{base}/en/calls/{call.slug}/reviews/{code}/")
        page.get_by_text("Declare a conflict of interest").click()
        page.get_by_label(re.compile("What is the conflict")).fill("I taught the author")
        page.get_by_role("button", name="Declare the conflict").click()
        expect(page.locator(".messages")).to_contain_text("conflict of interest is recorded")
        log_out(page)

        log_in(page, base, juror)
        page.goto(f"{base}/en/calls/reviews/")
        page.get_by_role("link", name=code).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(code)
        content = page.content()
        for secret in ("Ioana", "ioana.arhitect", "studio.example", "ioana-boards-final"):
            assert secret not in content, secret
        # The boards reach the jury without the PDF's Author and Title (issue 12, item 21).
        boards_file = page.request.get(base + page.get_by_role("link", name=f"{code}-boards").get_attribute("href"))
        assert boards_file.ok and boards_file.body().startswith(b"%PDF") and b"Ioana" not in boards_file.body()
        expect_accessible(page)
        page.get_by_label("Score from 0 to 10").first.fill("9")
        page.get_by_label("Score from 0 to 10").nth(1).fill("7")
        page.get_by_role("button", name="Submit the review").click()
        expect(page.locator(".messages")).to_contain_text("Your review is submitted")
        log_out(page)

        # The editor locks the ranking: identities appear; decides and publishes.
        log_in(page, base, editor)
        page.goto(f"{base}/en/calls/{call.slug}/manage/ranking/")
        expect(page.locator("main table")).not_to_contain_text("Ioana Arhitect")
        page.goto(f"{base}/en/calls/{call.slug}/manage/")
        page.get_by_role("button", name="Lock the ranking and reveal identities").click()
        page.goto(f"{base}/en/calls/{call.slug}/manage/ranking/")
        expect(page.locator("main table")).to_contain_text("Ioana Arhitect")
        expect(page.locator("main table")).to_contain_text("8.33")
        page.get_by_label("Decision", exact=True).select_option("funded")
        page.get_by_label("Amount (lei)").fill("30000")
        page.get_by_label("Feedback to the applicant").fill("A generous, shaded square. Congratulations!")
        page.get_by_role("button", name="Save the decision").click()
        expect(page.locator(".messages")).to_contain_text("Decision saved")
        page.goto(f"{base}/en/calls/{call.slug}/manage/")
        page.get_by_role("button", name="Move to: Results published").click()
        log_out(page)

        # The applicant sees the decision and the feedback; the public sees the funded project.
        log_in(page, base, applicant)
        page.goto(f"{base}/en/calls/{call.slug}/application/")
        expect(page.locator(".official-answer")).to_contain_text("Funded")
        expect(page.locator(".official-answer")).to_contain_text("Congratulations!")
        page.goto(f"{base}/en/calls/{call.slug}/")
        expect(page.get_by_role("heading", name="Funded projects")).to_be_visible()
        expect(page.locator("main")).to_contain_text("30,000.00 lei")
