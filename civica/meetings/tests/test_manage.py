"""The meetings editors' screens: who may open them, creating and editing (a space's clash and the
space's other uses shown, nothing typed lost on a refusal), publishing, cancelling (everyone registered
or waiting is e-mailed), minutes and documents, the registrations with check-in and the exports, the
audit log, and fixed query counts."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone
from openpyxl import load_workbook

from civica.accounts.tests.factories import UserFactory
from civica.audit.models import AuditEntry
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.meetings import services
from civica.meetings.models import Meeting, MeetingDocument, Registration, RegistrationStatus
from civica.meetings.tests.factories import MeetingFactory
from civica.network.tests.factories import BookingFactory, OrganisationFactory, SpaceFactory

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def editor(make_user):
    return make_user("editor", language="en")


@pytest.fixture
def meeting():
    return MeetingFactory(capacity=2, is_published=False)


def screens(meeting):
    base = f"/en/meetings/manage/{meeting.slug}"
    return ["/en/meetings/manage/", "/en/meetings/manage/new/", f"{base}/", f"{base}/edit/", f"{base}/cancel/",
            f"{base}/after/", f"{base}/registrations/", f"{base}/registrations.csv", f"{base}/registrations.xlsx"]


@pytest.mark.parametrize("kind, status", [("editor", 200), ("administrator", 200), ("participant", 403),
                                          ("member_representative", 403), ("moderator", 403)])
def test_each_screen_is_for_editors(client, make_user, meeting, kind, status):
    client.force_login(make_user(kind))
    for url in screens(meeting):
        assert client.get(url).status_code == status, url


def test_anonymous_visitors_log_in_first(client, meeting):
    for url in screens(meeting):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_posts_are_refused_to_participants(client, make_user, meeting):
    client.force_login(make_user("participant"))
    base = f"/en/meetings/manage/{meeting.slug}"
    for url in [f"{base}/publish/", f"{base}/cancel/", f"{base}/edit/", f"{base}/after/"]:
        assert client.post(url, {"reason_ro": "x"}).status_code == 403, url
    meeting.refresh_from_db()
    assert not meeting.is_published and meeting.cancelled_at is None


def test_an_unknown_meeting_is_not_found(client, editor):
    client.force_login(editor)
    assert client.get("/en/meetings/manage/nothing-here/").status_code == 404


def meeting_data(**changes):
    starts = timezone.now() + datetime.timedelta(days=10)
    data = {"kind": "debate", "format": "in_person", "title_ro": "Dezbatere despre parcuri",
            "title_en": "A debate on parks", "description_ro": "**Parcuri**", "description_en": "",
            "starts_at": local(starts), "ends_at": local(starts + 2 * HOUR), "when_known": "time", "space": "",
            "place": "Casa de Cultură", "address": "Strada Mică 1", "latitude": "", "longitude": "",
            "online_url": "", "programme": "", "process": "", "capacity": "30", "registration_open": "on",
            "terms_ro": "", "terms_en": "", "image_alt": ""}
    data.update(changes)
    return data


def test_an_editor_creates_a_draft_in_a_space_and_sees_its_other_uses(client, editor):
    space = SpaceFactory(name_ro="Sala mare", name_en="Main hall", address="Piața Unirii 1")
    client.force_login(editor)
    data = meeting_data(space=str(space.pk), place="")
    response = client.post("/en/meetings/manage/new/", data)
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/meetings/manage/{meeting.slug}/"
    assert not meeting.is_published and meeting.space == space and meeting.capacity == 30
    # Typed on the Bucharest clock.
    assert local(meeting.starts_at) == data["starts_at"]
    assert AuditEntry.objects.filter(action="meetings.meeting.created", actor=editor).exists()
    page = client.get(response["Location"]).content.decode()
    assert "draft" in page and "Main hall around this time" in page
    assert client.get(meeting.get_absolute_url()).status_code == 404  # a draft is not public


def test_a_clash_in_the_space_is_explained_and_nothing_typed_is_lost(client, editor):
    space = SpaceFactory(name_ro="Sala mare", name_en="Main hall")
    starts = timezone.now() + datetime.timedelta(days=10)
    BookingFactory(space=space, organisation=OrganisationFactory(name="Asociația Verde"), starts_at=starts,
                   ends_at=starts + HOUR)
    client.force_login(editor)
    data = meeting_data(space=str(space.pk), place="", starts_at=local(starts), ends_at=local(starts + 2 * HOUR),
                        title_en="Typed title")
    page = client.post("/en/meetings/manage/new/", data).content.decode()
    assert not Meeting.objects.exists()
    assert "Nothing was saved" in page and "a booking by Asociația Verde" in page
    assert 'value="Typed title"' in page and "Booking by Asociația Verde" in page  # the space's agenda


def test_a_refused_form_explains_by_the_field(client, editor):
    client.force_login(editor)
    page = client.post("/en/meetings/manage/new/", meeting_data(place="", format="hybrid")).content.decode()
    assert "Type the place, or choose one of the centre&#x27;s spaces." in page
    assert "An online or hybrid meeting needs its link." in page
    assert 'value="Dezbatere despre parcuri"' in page and not Meeting.objects.exists()


def test_editing_records_the_changes_and_more_places_move_the_waiting_list(client, editor, meeting):
    first, second, third = UserFactory.create_batch(3)
    for person in (first, second, third):
        services.register(meeting=meeting, by=person, accepted_terms=True)
    client.force_login(editor)
    data = meeting_data(title_ro=meeting.title_ro, starts_at=local(meeting.starts_at),
                        ends_at=local(meeting.ends_at), capacity="3")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(f"/en/meetings/manage/{meeting.slug}/edit/", data)
    assert response.status_code == 302
    assert Registration.objects.get(person=third).status == RegistrationStatus.REGISTERED
    entry = AuditEntry.objects.get(action="meetings.meeting.changed")
    assert entry.changes["capacity"] == [2, 3]


def test_publishing_and_withdrawing(client, editor, meeting):
    client.force_login(editor)
    client.post(f"/en/meetings/manage/{meeting.slug}/publish/", {"action": "publish"})
    meeting.refresh_from_db()
    assert meeting.is_published and client.get(meeting.get_absolute_url()).status_code == 200
    client.post(f"/en/meetings/manage/{meeting.slug}/publish/", {"action": "unpublish"})
    meeting.refresh_from_db()
    assert not meeting.is_published
    assert [entry.action for entry in AuditEntry.objects.order_by("pk")] == [
        "meetings.meeting.published", "meetings.meeting.unpublished"]


def test_cancelling_tells_everyone_registered_or_waiting(client, editor):
    meeting = MeetingFactory(capacity=1)
    registered, waiting, gone = UserFactory(language="en"), UserFactory(language="ro"), UserFactory()
    for person in (registered, waiting, gone):
        services.register(meeting=meeting, by=person, accepted_terms=True)
    services.cancel(registration=Registration.objects.get(person=gone), by=gone)
    Registration.objects.filter(person=waiting).update(status=RegistrationStatus.WAITING)
    client.force_login(editor)
    page = client.post(f"/en/meetings/manage/{meeting.slug}/cancel/", {"reason_ro": "", "reason_en": "Flood"})
    assert "Say why the meeting is cancelled" in page.content.decode() or "This field is required" in \
        page.content.decode()
    assert 'Flood</textarea>' in page.content.decode()
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(f"/en/meetings/manage/{meeting.slug}/cancel/",
                               {"reason_ro": "Inundație în sală.", "reason_en": "The hall is flooded."})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.cancelled_at is not None and not meeting.registration_open
    assert sorted(message.to[0] for message in mail.outbox) == sorted([registered.email, waiting.email])
    english = next(message for message in mail.outbox if message.to == [registered.email])
    assert english.subject.startswith("[Civica] Cancelled:") and "The hall is flooded." in english.body
    romanian = next(message for message in mail.outbox if message.to == [waiting.email])
    assert "Inundație în sală." in romanian.body
    assert AuditEntry.objects.filter(action="meetings.meeting.cancelled").exists()
    public = client.get(meeting.get_absolute_url()).content.decode()
    assert "This meeting is cancelled." in public and "The hall is flooded." in public
    assert 'action="/en/meetings/' + meeting.slug + '/register/"' not in public
    # Once only.
    assert client.get(f"/en/meetings/manage/{meeting.slug}/cancel/").status_code == 403


def test_a_cancelled_meeting_leaves_its_space_free(editor):
    space = SpaceFactory()
    meeting = MeetingFactory(space=space, place="")
    services.meeting_cancel(meeting=meeting, by=editor, reason_ro="Anulat.")
    other = MeetingFactory(space=space, place="", starts_at=meeting.starts_at, ends_at=meeting.ends_at)
    services.meeting_save(meeting=other)  # no clash


def pdf(name="minute.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 test", content_type="application/pdf")


def test_minutes_video_and_documents_after_the_meeting(client, editor, django_capture_on_commit_callbacks):
    meeting = MeetingFactory(starts_at=timezone.now() - 3 * HOUR, ends_at=timezone.now() - HOUR)
    client.force_login(editor)
    base = f"/en/meetings/manage/{meeting.slug}/after/"
    response = client.post(base, {"after-minutes_ro": "## Decizii", "after-minutes_en": "## Decisions",
                                  "after-video_url": "https://video.example.org/1"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_en == "## Decisions" and meeting.video_url == "https://video.example.org/1"
    page = client.post(f"/en/meetings/manage/{meeting.slug}/documents/",
                       {"document-title": "Minuta", "document-file": SimpleUploadedFile("x.pdf", b"not a pdf")})
    assert "Please upload a PDF document." in page.content.decode() and 'value="Minuta"' in page.content.decode()
    client.post(f"/en/meetings/manage/{meeting.slug}/documents/", {"document-title": "Minuta", "document-file": pdf()})
    document = MeetingDocument.objects.get()
    assert "Minuta" in client.get(base).content.decode()
    storage, name = document.file.storage, document.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/meetings/manage/{meeting.slug}/documents/{document.pk}/remove/")
    assert not MeetingDocument.objects.exists() and not storage.exists(name)  # the file went with its row
    assert {"meetings.meeting.changed", "meetings.meetingdocument.added", "meetings.meetingdocument.removed"} <= set(
        AuditEntry.objects.values_list("action", flat=True))


def test_the_registrations_list_checks_in_and_exports(client, editor):
    meeting = MeetingFactory(capacity=1)
    ana, dan = UserFactory(display_name="Ana Pop"), UserFactory(display_name="=HYPERLINK(1)")
    services.register(meeting=meeting, by=ana, accepted_terms=True)
    services.register(meeting=meeting, by=dan, accepted_terms=True)
    client.force_login(editor)
    base = f"/en/meetings/manage/{meeting.slug}/registrations"
    page = client.get(f"{base}/").content.decode()
    assert "Ana Pop" in page and "=HYPERLINK(1)" in page and "1 on the waiting list" in page
    ana_registration = Registration.objects.get(person=ana)
    response = client.post(f"{base}/{ana_registration.pk}/check-in/", follow=True)
    assert "Ana Pop is checked in." in response.content.decode()
    ana_registration.refresh_from_db()
    assert ana_registration.checked_in_at is not None
    # Someone on the waiting list is not checked in.
    response = client.post(f"{base}/{Registration.objects.get(person=dan).pk}/check-in/", follow=True)
    assert "is not registered" in response.content.decode()
    rows = b"".join(client.get(f"{base}.csv").streaming_content).decode().splitlines()
    assert rows[0].startswith("Name,E-mail,Status")
    assert rows[1].startswith("Ana Pop,") and "Registered" in rows[1]
    assert rows[2].startswith("'=HYPERLINK(1),") and "On the waiting list,1," in rows[2]
    response = client.get(f"{base}.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet["A2"].value == "Ana Pop" and sheet["A3"].value == "=HYPERLINK(1)" and sheet["A3"].data_type == "s"


def test_the_screens_cost_the_same_queries_with_more_rows(client, editor, assert_constant_queries):
    space = SpaceFactory()
    meeting = MeetingFactory(capacity=5, space=space, place="")
    client.force_login(editor)

    def grow():
        for number in range(3):
            other = MeetingFactory(space=space, place="", starts_at=meeting.starts_at + (number + 1) * 3 * HOUR,
                                   ends_at=meeting.starts_at + (number + 1) * 3 * HOUR + HOUR)
            services.register(meeting=other, by=UserFactory(), accepted_terms=True)
            services.register(meeting=meeting, by=UserFactory(), accepted_terms=True)
            MeetingDocument.objects.create(meeting=meeting, title=f"Doc {number}", file="meetings/documents/x.pdf")
        Registration.objects.filter(meeting=meeting).update(checked_in_at=timezone.now())

    base = f"/en/meetings/manage/{meeting.slug}"
    assert_constant_queries(client, ["/en/meetings/manage/", f"{base}/", f"{base}/edit/", f"{base}/after/",
                                     f"{base}/cancel/", f"{base}/registrations/"], grow)


@pytest.mark.django_db(transaction=True)
def test_a_cancellation_racing_registrations_tells_everyone_it_lets_in(make_user):
    """Registering reads the meeting again under its lock: whoever gets in before the cancellation is
    told, nobody gets in after it."""
    skip_unless_postgresql()
    meeting = MeetingFactory(capacity=3)
    editor = make_user("editor")
    people = UserFactory.create_batch(8)
    mail.outbox.clear()
    outcomes = run_together(
        [lambda: services.meeting_cancel(meeting=meeting, by=editor, reason_ro="Anulat.")]
        + [lambda person=person: services.register(meeting=meeting, by=person, accepted_terms=True)
           for person in people])
    assert outcomes[0] is None
    assert all(outcome is None or isinstance(outcome, PermissionDenied) for outcome in outcomes[1:])
    let_in = set(Registration.objects.filter(meeting=meeting).values_list("person__email", flat=True))
    assert len(let_in) == sum(outcome is None for outcome in outcomes[1:])
    told = {message.to[0] for message in mail.outbox if "Anul" in message.subject or "Cancel" in message.subject}
    assert told == let_in


def test_a_cancelled_meeting_is_marked_in_the_calendar_feed(client, editor):
    meeting = MeetingFactory()
    services.meeting_cancel(meeting=meeting, by=editor, reason_ro="Anulat.")
    assert b"STATUS:CANCELLED" in client.get(f"/en/meetings/{meeting.slug}/event.ics").content


def test_editors_find_the_manage_screen_from_the_public_page(client, editor):
    meeting = MeetingFactory()
    client.force_login(editor)
    assert f'href="/ro/meetings/manage/{meeting.slug}/"' in client.get(meeting.get_absolute_url()).content.decode()


def test_the_services_check_the_permission_too(make_user, meeting):
    participant = make_user("participant")
    calls = [
        lambda: services.meeting_create(by=participant, title_ro="X", kind="debate", starts_at=meeting.starts_at,
                                        ends_at=meeting.ends_at, place="Aici"),
        lambda: services.meeting_update(meeting=meeting, by=participant, title_ro="Altul"),
        lambda: services.meeting_publish(meeting=meeting, by=participant),
        lambda: services.meeting_cancel(meeting=meeting, by=participant, reason_ro="Nu."),
        lambda: services.document_add(meeting=meeting, by=participant, title="Doc", file=pdf()),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    meeting.refresh_from_db()
    assert meeting.title_ro != "Altul" and not meeting.is_published and meeting.cancelled_at is None
    assert not AuditEntry.objects.exists()


def png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 60)).save(buffer, format="PNG")
    return SimpleUploadedFile("parc.png", buffer.getvalue(), content_type="image/png")


def test_an_image_needs_its_description(client, editor):
    client.force_login(editor)
    page = client.post("/en/meetings/manage/new/", {**meeting_data(), "image": png()}).content.decode()
    assert "Describe the image for people who cannot see it." in page and not Meeting.objects.exists()
    client.post("/en/meetings/manage/new/", {**meeting_data(image_alt="A park at dusk"), "image": png()})
    meeting = Meeting.objects.get()
    assert meeting.image and meeting.image_alt == "A park at dusk"


def test_editing_keeps_replaces_or_clears_the_image(client, editor):
    client.force_login(editor)
    client.post("/en/meetings/manage/new/", {**meeting_data(image_alt="A park"), "image": png()})
    meeting = Meeting.objects.get()
    first = meeting.image.name
    base = f"/en/meetings/manage/{meeting.slug}/edit/"
    client.post(base, meeting_data(image_alt="A park", title_en="Kept"))
    meeting.refresh_from_db()
    assert meeting.image.name == first and meeting.title_en == "Kept"
    client.post(base, {**meeting_data(image_alt="Another park"), "image": png()})
    meeting.refresh_from_db()
    assert meeting.image.name and meeting.image.name != first
    client.post(base, meeting_data(image_alt="", **{"image-clear": "on"}))
    meeting.refresh_from_db()
    assert not meeting.image


def test_the_space_can_be_checked_before_saving(client, editor):
    space = SpaceFactory(name_ro="Sala mare", name_en="Main hall")
    starts = timezone.now() + datetime.timedelta(days=10)
    BookingFactory(space=space, organisation=OrganisationFactory(name="Asociația Verde"),
                   starts_at=starts + 3 * HOUR, ends_at=starts + 4 * HOUR)
    client.force_login(editor)
    data = meeting_data(space=str(space.pk), place="", starts_at=local(starts), ends_at=local(starts + 2 * HOUR),
                        check_space="1")
    page = client.post("/en/meetings/manage/new/", data).content.decode()
    assert not Meeting.objects.exists()
    assert "Nothing is saved yet" in page and "Booking by Asociația Verde" in page
    assert 'value="Dezbatere despre parcuri"' in page
