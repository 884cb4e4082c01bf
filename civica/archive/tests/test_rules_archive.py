"""Truth table of the archive: every role × a published and a draft work, for every archive permission."""

import pytest

from civica.archive.models import WorkStatus
from civica.archive.tests.factories import WorkFactory

pytestmark = pytest.mark.django_db

PERMISSIONS = ["archive.read_work", "archive.manage_archive", "archive.edit_work", "archive.import_works",
               "archive.publish_work", "archive.unpublish_work", "archive.read_conservation",
               "archive.read_original"]
KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator", "analyst",
         "editor", "administrator", "superuser"]
EDITORS = {"editor", "administrator", "superuser"}


@pytest.mark.parametrize("status", [WorkStatus.PUBLISHED, WorkStatus.DRAFT])
@pytest.mark.parametrize("kind", KINDS)
def test_permissions(make_user, kind, status):
    work = WorkFactory(status=status)
    user = make_user(kind)
    staff = kind in EDITORS
    expected = dict.fromkeys(PERMISSIONS, staff)
    expected["archive.read_work"] = staff or status == WorkStatus.PUBLISHED
    assert {permission: user.has_perm(permission, work) for permission in PERMISSIONS} == expected


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
