"""Truth table of the archive: every role × a published and a draft work, and a published and a draft
document of an event (the records' permissions), for every archive permission."""

import pytest

from civica.archive.models import Event, WorkStatus
from civica.archive.tests.factories import WorkFactory, make_document, make_event

pytestmark = pytest.mark.django_db

PERMISSIONS = ["archive.read_work", "archive.manage_archive", "archive.edit_work", "archive.import_works",
               "archive.publish_work", "archive.unpublish_work", "archive.read_conservation",
               "archive.read_original", "archive.read_document", "archive.edit_record", "archive.publish_record",
               "archive.unpublish_record"]
RECORD_PERMISSIONS = ["archive.edit_record", "archive.publish_record", "archive.unpublish_record"]
WORK_PERMISSIONS = [name for name in PERMISSIONS if name not in RECORD_PERMISSIONS + ["archive.read_document"]]
KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator", "analyst",
         "editor", "administrator", "superuser"]
EDITORS = {"editor", "administrator", "superuser"}


@pytest.mark.parametrize("status", [WorkStatus.PUBLISHED, WorkStatus.DRAFT])
@pytest.mark.parametrize("kind", KINDS)
def test_permissions(make_user, kind, status):
    work = WorkFactory(status=status)
    user = make_user(kind)
    staff = kind in EDITORS
    expected = dict.fromkeys(WORK_PERMISSIONS, staff)
    expected["archive.read_work"] = staff or status == WorkStatus.PUBLISHED
    assert {permission: user.has_perm(permission, work) for permission in WORK_PERMISSIONS} == expected


@pytest.mark.parametrize("kind", KINDS)
def test_staff_screens_answer_by_role(client, make_user, kind):
    work = WorkFactory()
    user = make_user(kind)
    if kind != "anonymous":
        client.force_login(user)
    for url in ["/en/archive/manage/", f"/en/archive/manage/works/{work.pk}/", "/en/archive/manage/import/"]:
        response = client.get(url)
        if kind in ("anonymous", "inactive"):  # an inactive account is not signed in
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        elif kind in EDITORS:
            assert response.status_code == 200
        else:
            assert response.status_code == 403
            assert b"Only the centre&#x27;s editors catalogue the archive." in response.content


@pytest.mark.parametrize("published", [True, False])
@pytest.mark.parametrize("kind", KINDS)
def test_record_permissions(make_user, kind, published):
    document = make_document(make_event(), published=published)
    user = make_user(kind)
    staff = kind in EDITORS
    expected = {**dict.fromkeys(RECORD_PERMISSIONS, staff), "archive.read_document": staff or published}
    assert {name: user.has_perm(name, document) for name in expected} == expected


def test_a_published_document_of_a_draft_event_is_not_public(make_user):
    event = make_event()
    document = make_document(event)
    Event.objects.filter(pk=event.pk).update(is_published=False)
    document.refresh_from_db()
    assert not make_user("participant").has_perm("archive.read_document", document)
    assert make_user("editor").has_perm("archive.read_document", document)
