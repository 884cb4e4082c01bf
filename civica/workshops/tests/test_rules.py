"""Truth tables of the workshop permissions: every role × the workshop open or closed, for the rules
(``workshops.manage``, ``workshops.run``, the admin's) and for what the services decide with them
(dots, notes at a table)."""

import datetime

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.meetings.tests.factories import MeetingFactory
from civica.workshops import services
from civica.workshops.models import Theme, Workshop, WorkshopRound, WorkshopTable

# The workshops' own permissions (their admin permissions are in core/tests/test_rules.py, with every app's).
PERMISSIONS = ["workshops.manage", "workshops.run"]

KINDS = ["anonymous", "unverified", "participant", "facilitator_here", "facilitator_elsewhere", "moderator",
         "editor", "administrator"]
VERIFIED = set(KINDS) - {"anonymous", "unverified"}
STAFF = {"editor", "administrator"}
STATES = ["open", "closed"]


def _workshop(slug, state="open"):
    meeting = MeetingFactory(starts_at=timezone.now() - datetime.timedelta(minutes=10),
                             ends_at=timezone.now() + datetime.timedelta(hours=3))
    workshop = Workshop.objects.create(meeting=meeting, slug=slug, dots_per_person=3,
                                       closed_at=timezone.now() if state == "closed" else None)
    WorkshopTable.objects.create(workshop=workshop, number=1, topic="Spaces")
    WorkshopRound.objects.create(workshop=workshop, number=1, started_at=timezone.now() - datetime.timedelta(minutes=1))
    return workshop


@pytest.fixture(params=STATES)
def workshop(request, db):
    return _workshop("cafe", request.param)


def make(kind, workshop):
    if kind == "anonymous":
        return AnonymousUser()
    if kind == "unverified":
        return UserFactory(verified=False)
    if kind == "participant":
        return UserFactory()
    if kind == "facilitator_here":
        return UserFactory(role=Role.FACILITATOR, role__scope=workshop)
    if kind == "facilitator_elsewhere":
        return UserFactory(role=Role.FACILITATOR, role__scope=_workshop("elsewhere"))
    if kind == "moderator":
        return UserFactory(role=Role.MODERATOR)
    if kind == "editor":
        return UserFactory(role=Role.EDITOR)
    return UserFactory(role=Role.ADMINISTRATOR)


def _is_open(workshop):
    return workshop.closed_at is None


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_manage_is_for_editors_and_administrators(workshop, kind):
    assert make(kind, workshop).has_perm("workshops.manage", workshop) == (kind in STAFF)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_run_is_for_editors_administrators_and_this_workshops_facilitators(workshop, kind):
    assert make(kind, workshop).has_perm("workshops.run", workshop) == (kind in STAFF | {"facilitator_here"})


ADMIN_PERMS = sorted(name for name in rules.permissions.permissions
                     if name == "workshops" or (name.startswith("workshops.") and name.split(".")[1].split("_")[0]
                                                in {"view", "add", "change", "delete"}))


def test_the_admin_permissions_cover_every_workshop_model_but_dot_votes_and_harvests():
    from django.apps import apps

    # Dot votes and harvests (the queue's record of one) are never edited by hand: the admin has no
    # permission for them.
    models = {model._meta.model_name for model in apps.get_app_config("workshops").get_models()} - {
        "dotvote", "harvest"}
    assert {f"workshops.{action}_{model}" for model in models for action in ("view", "add", "change", "delete")} \
        | {"workshops"} == set(ADMIN_PERMS)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_the_admin_is_for_editors_and_administrators(kind):
    user = make(kind, _workshop("cafe"))
    allowed = {perm: user.has_module_perms("workshops") if perm == "workshops" else user.has_perm(perm)
               for perm in ADMIN_PERMS}
    assert allowed == dict.fromkeys(ADMIN_PERMS, kind in STAFF)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_dots_are_for_verified_people_while_the_workshop_is_open(workshop, kind):
    theme = Theme.objects.create(workshop=workshop, label="Spaces")
    user = make(kind, workshop)
    try:
        services.dot_vote(theme=theme, by=user)
    except PermissionDenied:
        voted = False
    else:
        voted = True
    assert voted == (kind in VERIFIED and _is_open(workshop))


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_notes_need_an_account_when_the_workshop_says_so_and_stop_when_it_closes(workshop, kind):
    Workshop.objects.filter(pk=workshop.pk).update(no_account_needed=False, participants_contribute=True)
    workshop.refresh_from_db()
    table = workshop.tables.get()
    user = make(kind, workshop)
    try:
        services.contribute(table=table, by=user, author_key="key", text="Cheaper rents")
    except PermissionDenied:
        written = False
    else:
        written = True
    assert written == (kind in VERIFIED and _is_open(workshop))


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_only_facilitators_and_staff_write_notes_when_participants_do_not(workshop, kind):
    Workshop.objects.filter(pk=workshop.pk).update(no_account_needed=False, participants_contribute=False)
    workshop.refresh_from_db()
    user = make(kind, workshop)
    try:
        services.contribute(table=workshop.tables.get(), by=user, author_key="key", text="Cheaper rents")
    except PermissionDenied:
        written = False
    else:
        written = True
    assert written == (kind in STAFF | {"facilitator_here"} and _is_open(workshop))


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_anyone_with_the_table_link_writes_notes_while_the_workshop_is_open(workshop, kind):
    user = make(kind, workshop)
    try:
        services.contribute(table=workshop.tables.get(), by=user, author_key="key", text="Cheaper rents")
    except PermissionDenied:
        written = False
    else:
        written = True
    assert written == _is_open(workshop)


ROLE_KINDS = ["anonymous", "participant", "member_representative", "evaluator_here", "evaluator_elsewhere",
              "facilitator_here", "facilitator_elsewhere", "moderator", "editor", "administrator", "superuser"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ROLE_KINDS)
def test_the_staff_screens_permissions_over_every_role(make_user, kind):
    """The editors' screens (set-up, placement, splitting: ``workshops.manage``) and the control panel
    (``workshops.run``), for every role; scoped roles held on this workshop and on another object."""
    from civica.calls.tests.factories import CallFactory

    workshop = _workshop("cafe")
    if kind.endswith("_here") or kind.endswith("_elsewhere"):
        role, where = kind.rsplit("_", 1)
        scope = (workshop if where == "here" else _workshop("elsewhere")) if role == "facilitator" else CallFactory()
        user = make_user(role, scope=scope)
    else:
        user = make_user(kind)
    staff = {"editor", "administrator", "superuser"}
    assert {permission: user.has_perm(permission, workshop) for permission in PERMISSIONS} == {
        "workshops.manage": kind in staff, "workshops.run": kind in staff | {"facilitator_here"}}
    assert user.has_perm("workshops.manage") == (kind in staff)  # the list and "new" screens: no object
