"""Truth table of the meetings editors' screens: every role (scoped roles on this meeting and on another)
× each state of a meeting (a draft, published, cancelled, over) for managing, publishing, cancelling and
checking in."""

import datetime

import pytest
from django.utils import timezone

from civica.meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

PERMISSIONS = ["meetings.manage_meeting", "meetings.publish_meeting", "meetings.cancel_meeting", "meetings.check_in"]
KINDS = ["anonymous", "participant", "member_representative", "evaluator_here", "evaluator_elsewhere",
         "facilitator_here", "facilitator_elsewhere", "moderator", "editor", "administrator", "superuser"]
EDITORS = {"editor", "administrator", "superuser"}
HOUR = datetime.timedelta(hours=1)
STATES = {"draft": {"is_published": False}, "published": {}, "cancelled": {"cancelled_at": "now"},
          "over": {"starts_at": -3 * HOUR, "ends_at": -HOUR}}


def meeting_in(state):
    fields, now = dict(STATES[state]), timezone.now()
    for key in ("starts_at", "ends_at"):
        if key in fields:
            fields[key] = now + fields[key]
    if fields.get("cancelled_at") == "now":
        fields["cancelled_at"] = now
    return MeetingFactory(**fields)


def user_for(make_user, kind, meeting):
    role, _, where = kind.partition("_")
    if where in {"here", "elsewhere"}:
        return make_user(role, scope=meeting if where == "here" else MeetingFactory())
    return make_user(kind)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", KINDS)
def test_manage_permissions(make_user, kind, state):
    meeting = meeting_in(state)
    user = user_for(make_user, kind, meeting)
    editor = kind in EDITORS
    expected = {
        "meetings.manage_meeting": editor,
        # A cancelled meeting stays cancelled: neither published again nor withdrawn.
        "meetings.publish_meeting": editor and (state != "cancelled" or kind == "superuser"),
        # Cancelled once, and only before it ends.
        "meetings.cancel_meeting": editor and (state in {"draft", "published"} or kind == "superuser"),
        "meetings.check_in": editor,
    }
    assert {permission: user.has_perm(permission, meeting) for permission in PERMISSIONS} == expected


@pytest.mark.parametrize("kind", KINDS)
def test_the_list_and_new_meetings_need_no_meeting(make_user, kind):
    user = user_for(make_user, kind, MeetingFactory())
    assert user.has_perm("meetings.manage_meeting") == (kind in EDITORS)
