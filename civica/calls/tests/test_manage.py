"""The editors' screens of calls: who reaches them, a call from its kind's blueprint, the form builder
(the published-form guard's reasons beside the field, nothing typed lost), the preview as applicants
see it, criteria and weights, the jury, publishing with the checklist, results only once every
submitted application has a decision, the audit log, and fixed query counts."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from civica.audit.models import AuditEntry
from civica.calls import checklist, evaluation
from civica.calls.models import (
    Application,
    ApplicationStatus,
    Call,
    CallKind,
    CallStatus,
    Conflict,
    Criterion,
    Decision,
    Eligibility,
    FieldKind,
    FormField,
)
from civica.calls.tests.factories import CallFactory, pdf_bytes

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def editor(make_user):
    return make_user("editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def draft(**fields):
    call = CallFactory(status=CallStatus.DRAFT, **fields)
    Criterion.objects.create(call=call, name_ro="Calitate", name_en="Quality", weight=1)
    return call


def screens(call):
    field, criterion = call.form_fields.first(), call.criteria.first()
    return [reverse("calls:manage_list"), reverse("calls:manage_new")] + [
        reverse(name, args=[call.slug]) for name in (
            "calls:manage_call", "calls:manage_edit", "calls:manage_documents", "calls:manage_form",
            "calls:manage_field_new", "calls:manage_preview", "calls:manage_criteria", "calls:manage_criterion_new",
            "calls:manage_jury")] + [
        reverse("calls:manage_field", args=[call.slug, field.pk]),
        reverse("calls:manage_criterion", args=[call.slug, criterion.pk])]


def test_every_screen_opens_for_editors_refuses_participants_and_asks_visitors_to_log_in(client, make_user):
    call = draft()
    for kind, expected in (("editor", 200), ("administrator", 200), ("participant", 403),
                           ("member_representative", 403), ("moderator", 403)):
        client.force_login(make_user(kind))
        for url in screens(call):
            assert client.get(url).status_code == expected, (kind, url)
    client.logout()
    for url in screens(call):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    evaluator = make_user("evaluator", scope=call)
    client.force_login(evaluator)
    assert client.get(reverse("calls:manage_jury", args=[call.slug])).status_code == 403


def test_the_list_shows_drafts_with_their_status(editor_client):
    draft(title_en="A draft call")
    CallFactory(title_en="A published call")
    page = editor_client.get(reverse("calls:manage_list")).content.decode()
    assert "A draft call" in page and "A published call" in page and "Draft" in page and "Published" in page


def new_call_data(**overrides):
    now = timezone.localtime()
    return {"kind": "members_call", "title_ro": "Apelul membrilor 2027", "title_en": "Members' call 2027",
            "summary_ro": "Pentru membri.", "summary_en": "For members.",
            "opens_at": (now + DAY).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + 30 * DAY).strftime("%Y-%m-%dT17:00"),
            "budget_total": "50000", "amount_min": "1000", "amount_max": "10000", **overrides}


def test_a_new_call_starts_from_its_kinds_blueprint(editor_client, editor):
    response = editor_client.post(reverse("calls:manage_new"), new_call_data())
    call = Call.objects.get(title_ro="Apelul membrilor 2027")
    assert response["Location"] == reverse("calls:manage_call", args=[call.slug])
    assert call.status == CallStatus.DRAFT and call.kind == CallKind.MEMBERS_CALL
    assert call.eligibility == Eligibility.MEMBER_REPRESENTATIVES
    assert [field.key for field in call.form_fields.all()] == ["summary", "budget", "rules"]
    assert call.criteria.count() == 2
    # The deadline is read on the Bucharest clock.
    assert timezone.localtime(call.closes_at).hour == 17
    assert AuditEntry.objects.for_object(call).filter(action="calls.call.create", actor=editor).exists()
    competition = editor_client.post(reverse("calls:manage_new"), new_call_data(kind="competition", title_ro="Manage"))
    created = Call.objects.get(title_ro="Manage")
    assert competition.status_code == 302 and created.is_blind and created.slug != "manage"


def test_a_refused_new_call_keeps_what_was_typed_and_says_why_beside_the_field(editor_client):
    data = new_call_data(amount_max="90000", closes_at="not a date")
    response = editor_client.post(reverse("calls:manage_new"), data)
    page = response.content.decode()
    assert response.status_code == 400 and not Call.objects.exists()
    assert "Nothing was saved" in page and "Apelul membrilor 2027" in page and "For members." in page
    assert "cannot be above the total budget" in page and "Enter a valid date/time." in page


def test_details_timeline_budget_and_eligibility_are_edited(editor_client):
    call = draft()
    url = reverse("calls:manage_edit", args=[call.slug])
    data = {"title_ro": "Titlu nou", "title_en": "New title", "summary_ro": "Rezumat", "summary_en": "",
            "guide_ro": "**Ghid**", "guide_en": "", "programme": "", "eligibility": "categories",
            "opens_at": "2030-03-01T10:00", "closes_at": "2030-04-01T17:00", "questions_until": "",
            "evaluation_until": "", "results_on": "2030-05-01", "budget_total": "1000", "amount_min": "10",
            "amount_max": "500", "disagreement_threshold": "2"}
    refused = editor_client.post(url, data)
    assert refused.status_code == 400 and "Choose at least one category." in refused.content.decode()
    assert "Titlu nou" in refused.content.decode()
    assert editor_client.post(url, {**data, "eligible_categories": ["university"]}).status_code == 302
    call.refresh_from_db()
    assert call.title_ro == "Titlu nou" and call.eligible_categories == ["university"]
    assert timezone.localtime(call.closes_at).strftime("%Y-%m-%d %H:%M") == "2030-04-01 17:00"


def test_the_calls_image_is_uploaded_described_and_cleared(editor_client):
    import io

    from PIL import Image

    call = draft()
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    url = reverse("calls:manage_edit", args=[call.slug])
    data = {name: value for name, value in editor_client.get(url).context["form"].initial.items()
            if value is not None and name not in ("image", "eligible_categories")}
    data.update({"opens_at": "2030-03-01T10:00", "closes_at": "2030-04-01T17:00", "programme": "",
                 "is_blind": "", "questions_until": "", "evaluation_until": "", "results_on": ""})
    undescribed = editor_client.post(url, {**data, "image": SimpleUploadedFile("p.png", buffer.getvalue())})
    assert undescribed.status_code == 400 and "Describe the image" in undescribed.content.decode()
    described = editor_client.post(url, {**data, "image_alt": "A teal square",
                                         "image": SimpleUploadedFile("p.png", buffer.getvalue())})
    assert described.status_code == 302
    call.refresh_from_db()
    assert call.image and call.image_alt == "A teal square"
    assert editor_client.post(url, {**data, "image_alt": "", "image-clear": "on"}).status_code == 302
    call.refresh_from_db()
    assert not call.image


def test_guide_documents_are_added_as_checked_pdfs_and_removed(editor_client, django_capture_on_commit_callbacks):
    call = draft()
    url = reverse("calls:manage_documents", args=[call.slug])
    refused = editor_client.post(url, {"title": "Ghid", "file": SimpleUploadedFile("ghid.pdf", b"not a pdf")})
    assert refused.status_code == 400 and "Please upload a PDF document." in refused.content.decode()
    assert editor_client.post(url, {"title": "Ghid", "file": SimpleUploadedFile("ghid.pdf", pdf_bytes())}
                              ).status_code == 302
    document = call.documents.get()
    assert "Ghid" in editor_client.get(reverse("calls:detail", args=[call.slug])).content.decode()
    storage, name = document.file.storage, document.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(url, {"action": "delete", "id": document.pk})
    assert not call.documents.exists() and not storage.exists(name)  # the file went with its row
    assert editor_client.post(url, {"action": "delete", "id": "x"}).status_code == 302


FIELD = {"kind": "short_text", "key": "website", "label_ro": "Site", "label_en": "Website", "help_ro": "",
         "help_en": "", "required": "on", "max_length": "100", "min_value": "", "max_value": "", "choices": "",
         "max_file_mb": "10"}


def test_the_form_builder_adds_edits_moves_and_deletes_questions(editor_client):
    call = draft()
    new = reverse("calls:manage_field_new", args=[call.slug])
    assert editor_client.post(new, FIELD).status_code == 302
    choice = {**FIELD, "kind": "single_choice", "key": "area", "label_ro": "Domeniu", "choices": "Arte\n\nEducație\n"}
    assert editor_client.post(new, choice).status_code == 302
    area = call.form_fields.get(key="area")
    assert area.choices == ["Arte", "Educație"] and area.position == call.form_fields.count() - 1
    duplicate = editor_client.post(new, {**FIELD, "label_ro": "Altul"})
    assert duplicate.status_code == 400 and "already has this key" in duplicate.content.decode()
    assert "Altul" in duplicate.content.decode()
    one_choice = editor_client.post(new, {**choice, "key": "other", "choices": "Doar una"})
    assert "at least two choices" in one_choice.content.decode()

    url = reverse("calls:manage_form", args=[call.slug])
    before = [field.key for field in call.form_fields.all()]
    editor_client.post(url, {"action": "move", "id": area.pk, "direction": "up"})
    after = [field.key for field in call.form_fields.all()]
    assert after == before[:-2] + ["area", "website"]
    editor_client.post(url, {"action": "move", "id": area.pk, "direction": "nowhere"})
    assert [field.key for field in call.form_fields.all()] == after
    editor_client.post(url, {"action": "delete", "id": area.pk})
    assert not call.form_fields.filter(key="area").exists()
    assert [field.position for field in call.form_fields.all()] == list(range(call.form_fields.count()))

    website = call.form_fields.get(key="website")
    edit = reverse("calls:manage_field", args=[call.slug, website.pk])
    assert editor_client.post(edit, {**FIELD, "label_en": "Web page", "required": ""}).status_code == 302
    website.refresh_from_db()
    assert website.label_en == "Web page" and not website.required


def test_every_kind_of_question_can_be_added_and_previewed(editor_client):
    call = draft(form=False)
    new = reverse("calls:manage_field_new", args=[call.slug])
    for kind in FieldKind.values:
        extra = {"choices": "Unu\nDoi"} if "choice" in kind else {}
        response = editor_client.post(new, {**FIELD, "kind": kind, "key": kind.replace("_", "-"),
                                            "label_en": f"Question {kind}", **extra})
        assert response.status_code == 302, kind
    page = editor_client.get(reverse("calls:manage_preview", args=[call.slug])).content.decode()
    assert "<fieldset disabled>" in page
    for kind in FieldKind.values:
        assert f"Question {kind}" in page
    assert "Project title" in page and "Budget line 1" in page and "Role in the project 1" in page
    assert "On behalf of" not in page
    call.eligibility = Eligibility.MEMBER_REPRESENTATIVES
    call.save()
    page = editor_client.get(reverse("calls:manage_preview", args=[call.slug])).content.decode()
    assert "On behalf of" in page and "The applicant&#x27;s organisation" in page


def test_the_published_form_guard_explains_a_refused_change_beside_the_field(editor_client, editor):
    call = CallFactory()  # published, with the factory's form
    summary = call.form_fields.get(key="summary")
    edit = reverse("calls:manage_field", args=[call.slug, summary.pk])
    data = {**FIELD, "kind": "long_text", "key": "summary", "label_ro": "Rezumat nou", "label_en": "Summary",
            "max_length": "100"}
    response = editor_client.post(edit, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "the maximum length cannot be lowered" in page and "Rezumat nou" in page
    # Beside the field: the error list sits in the max_length group.
    group = page[page.index('id="id_max_length"') - 600:page.index('id="id_max_length"')]
    assert "the maximum length cannot be lowered" in group
    summary.refresh_from_db()
    assert summary.max_length == 500 and summary.label_ro == "Rezumat"
    # A label change keeps answers valid: accepted, and recorded after publishing.
    assert editor_client.post(edit, {**data, "max_length": "800"}).status_code == 302
    entry = AuditEntry.objects.for_object(call).get(action="calls.form.change")
    assert entry.actor == editor and entry.changes["label_ro"] == ["Rezumat", "Rezumat nou"]
    # A question added after publishing must be optional; none can be removed.
    added = editor_client.post(reverse("calls:manage_field_new", args=[call.slug]), FIELD)
    assert added.status_code == 400 and "must be optional" in added.content.decode()
    editor_client.post(reverse("calls:manage_form", args=[call.slug]), {"action": "delete", "id": summary.pk})
    assert call.form_fields.filter(pk=summary.pk).exists()


def test_criteria_weights_are_validated_reordered_and_shown_on_the_published_call(editor_client, client):
    call = draft()
    new = reverse("calls:manage_criterion_new", args=[call.slug])
    data = {"name_ro": "Impact", "name_en": "Impact", "description_ro": "", "description_en": "Who gains.",
            "weight": "0", "scale_min": "0", "scale_max": "10"}
    refused = editor_client.post(new, data)
    assert refused.status_code == 400 and "Impact" in refused.content.decode()
    assert "greater than or equal to 0.01" in refused.content.decode()
    assert editor_client.post(new, {**data, "weight": "3"}).status_code == 302
    assert "75%" in editor_client.get(reverse("calls:manage_criteria", args=[call.slug])).content.decode()
    impact = call.criteria.get(name_ro="Impact")
    editor_client.post(reverse("calls:manage_criteria", args=[call.slug]),
                       {"action": "move", "id": impact.pk, "direction": "up"})
    assert [criterion.name_ro for criterion in call.criteria.all()] == ["Impact", "Calitate"]
    call.status = CallStatus.PUBLISHED
    call.save()
    page = client.get(reverse("calls:detail", args=[call.slug])).content.decode()
    assert "How applications are evaluated" in page and "Impact" in page and "Who gains." in page
    call.status = CallStatus.EVALUATION
    call.save()
    locked = editor_client.post(reverse("calls:manage_criterion", args=[call.slug, impact.pk]), data | {"weight": "1"})
    assert locked.status_code == 400 and "cannot change once the evaluation has started" in locked.content.decode()


def test_the_jury_is_appointed_by_email_removed_and_its_conflicts_shown(editor_client, editor, make_user):
    call = CallFactory()
    person = make_user("participant", email="jury@example.org", display_name="Ana Jurat")
    url = reverse("calls:manage_jury", args=[call.slug])
    unknown = editor_client.post(url, {"action": "appoint", "email": "nobody@example.org"})
    assert unknown.status_code == 400 and "Nobody has an account" in unknown.content.decode()
    assert "nobody@example.org" in unknown.content.decode()
    editor_client.post(url, {"action": "appoint", "email": "JURY@example.org"})
    assert person.has_perm("calls.evaluate", call)
    application = Application.objects.create(call=call, applicant=make_user("participant"), reference="R-1",
                                             title="Proiect", status=ApplicationStatus.SUBMITTED)
    Conflict.objects.create(application=application, evaluator=person, reason="Vecina mea")
    page = editor_client.get(url).content.decode()
    assert "Ana Jurat" in page and "Vecina mea" in page and "R-1" in page
    editor_client.post(url, {"action": "remove", "id": person.pk})
    person = type(person).objects.get(pk=person.pk)
    assert not person.has_perm("calls.evaluate", call)
    actions = set(AuditEntry.objects.for_object(call).values_list("action", flat=True))
    assert {"calls.jury.appoint", "calls.jury.remove"} <= actions


def test_publishing_is_refused_with_the_list_of_what_is_missing(editor_client, editor):
    call = CallFactory(status=CallStatus.DRAFT, form=False, closes_at=timezone.now() - DAY,
                       opens_at=timezone.now() - 3 * DAY)
    overview = editor_client.get(reverse("calls:manage_call", args=[call.slug])).content.decode()
    for missing in ("deadline has passed", "Add at least one question", "Add the evaluation criteria"):
        assert missing in overview
    response = editor_client.post(reverse("calls:manage_move", args=[call.slug]), {"to": "published"}, follow=True)
    assert "Not done:" in response.content.decode() and "Add at least one question" in response.content.decode()
    call.refresh_from_db()
    assert call.status == CallStatus.DRAFT

    ready = draft()
    assert checklist.publish_problems(ready) == []
    editor_client.post(reverse("calls:manage_move", args=[ready.slug]), {"to": "published"})
    ready.refresh_from_db()
    assert ready.status == CallStatus.PUBLISHED
    entry = AuditEntry.objects.for_object(ready).get(action="calls.call.publish")
    assert entry.actor == editor and entry.changes == {"status": ["draft", "published"]}
    assert editor_client.post(reverse("calls:manage_move", args=[ready.slug]), {"to": "bogus"}).status_code == 302


def test_results_wait_for_every_decision_and_the_screen_shows_the_same_reason(editor_client, editor, make_user):
    call = CallFactory(status=CallStatus.RANKING_LOCKED, opens_at=timezone.now() - 9 * DAY,
                       closes_at=timezone.now() - DAY)
    Criterion.objects.create(call=call, name_ro="Calitate", weight=1)
    application = Application.objects.create(call=call, applicant=make_user("participant"), reference="R-1",
                                             title="Proiect", status=ApplicationStatus.SUBMITTED)
    Application.objects.create(call=call, applicant=make_user("participant"), reference="R-2", title="Ciornă")
    reason = checklist.results_problems(call)
    assert reason == ["Record a decision for every submitted application before publishing the results: "
                      "1 application has no decision yet."]
    overview = editor_client.get(reverse("calls:manage_call", args=[call.slug])).content.decode()
    assert reason[0] in overview
    refused = editor_client.post(reverse("calls:manage_move", args=[call.slug]), {"to": "results_published"},
                                 follow=True)
    assert reason[0] in refused.content.decode()
    call.refresh_from_db()
    assert call.status == CallStatus.RANKING_LOCKED
    evaluation.decide(application=application, by=editor, decision=Decision.REJECTED)
    editor_client.post(reverse("calls:manage_move", args=[call.slug]), {"to": "results_published"})
    call.refresh_from_db()
    assert call.status == CallStatus.RESULTS_PUBLISHED
    assert AuditEntry.objects.for_object(call).filter(action="calls.call.publish_results").exists()


def test_screens_cost_the_same_queries_with_more_rows(editor_client, make_user, assert_constant_queries):
    call = draft()
    urls = [reverse("calls:manage_list")] + [reverse(name, args=[call.slug]) for name in (
        "calls:manage_call", "calls:manage_form", "calls:manage_preview", "calls:manage_criteria",
        "calls:manage_jury", "calls:manage_documents", "calls:manage_edit")] + [
        reverse("calls:manage_field", args=[call.slug, call.form_fields.first().pk]),
        reverse("calls:manage_criterion", args=[call.slug, call.criteria.first().pk])]
    counter = {"n": 0}

    def grow():
        counter["n"] += 1
        for number in range(3):
            CallFactory(status=CallStatus.DRAFT)
            FormField.objects.create(call=call, key=f"extra-{counter['n']}-{number}", kind=FieldKind.SHORT_TEXT,
                                     label_ro=f"Extra {number}", position=50 + number, required=False)
            Criterion.objects.create(call=call, name_ro=f"Criteriu {number}", weight=Decimal(1))
            person = make_user("participant")
            evaluation.evaluator_appoint(call=call, user=person, by=make_user("editor"))
            application = Application.objects.create(call=call, applicant=make_user("participant"),
                                                     reference=f"R-{counter['n']}-{number}", title="P",
                                                     status=ApplicationStatus.SUBMITTED)
            Conflict.objects.create(application=application, evaluator=person, reason="Rudă")
            call.documents.create(title=f"Doc {number}", file=SimpleUploadedFile("d.pdf", pdf_bytes()))

    assert_constant_queries(editor_client, urls, grow)
