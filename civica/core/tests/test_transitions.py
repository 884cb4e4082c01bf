"""Core's ``move``: a status changes only along its model's ``{from: {to: permission}}``, checked and
recorded under the row's lock; each model's declaration is exactly the moves its services make."""

import pytest
import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import translation

from civica.accountability.models import PLAN_TRANSITIONS, Plan, PlanStatus
from civica.calls.models import APPLICATION_TRANSITIONS, CALL_TRANSITIONS, Application, ApplicationStatus, Call
from civica.calls.models import CallStatus as C
from civica.core.transitions import MoveNotPossible, move
from civica.meetings.models import (
    MEETING_TRANSITIONS,
    REGISTRATION_TRANSITIONS,
    Meeting,
    MeetingStatus,
    Registration,
    RegistrationStatus,
)
from civica.network import services as network_services
from civica.network.models import BOOKING_TRANSITIONS, Booking, BookingStatus
from civica.network.tests.factories import BookingFactory
from civica.newsletter.models import CAMPAIGN_TRANSITIONS, Campaign, CampaignStatus
from civica.participation.models import IDEA_TRANSITIONS, Idea, IdeaStatus
from civica.workshops.models import WORKSHOP_TRANSITIONS, Workshop, WorkshopStatus


@pytest.fixture
def requested(db):
    with translation.override("en"):
        yield BookingFactory(status=BookingStatus.REQUESTED)


def test_an_undeclared_move_is_refused_with_the_status_named(requested, make_user):
    requested.status = BookingStatus.DECLINED
    requested.save()
    message = "This booking is “Declined”: that change is no longer possible."
    with pytest.raises(MoveNotPossible, match=message) as refused:
        move(requested, to=BookingStatus.CONFIRMED, by=make_user("editor"))
    # Both a refusal and a form error: views show it whichever they catch.
    assert isinstance(refused.value, PermissionDenied) and isinstance(refused.value, ValidationError)


def test_a_move_without_its_permission_is_refused_and_nothing_is_saved(requested, make_user):
    with pytest.raises(PermissionDenied, match="Only staff"):
        move(requested, to=BookingStatus.CONFIRMED, by=make_user("participant"), refusal="Only staff.")
    assert Booking.objects.get(pk=requested.pk).status == BookingStatus.REQUESTED


def test_the_status_is_read_again_under_the_lock(requested, make_user):
    stale = Booking.objects.get(pk=requested.pk)  # still "requested" in memory
    Booking.objects.filter(pk=requested.pk).update(status=BookingStatus.CANCELLED)
    with pytest.raises(MoveNotPossible, match="Cancelled"):
        move(stale, to=BookingStatus.CONFIRMED, by=make_user("editor"))
    assert Booking.objects.get(pk=requested.pk).status == BookingStatus.CANCELLED


def test_the_extra_check_runs_on_the_locked_row_and_can_refuse(requested, make_user):
    seen = []

    def check(locked):
        seen.append(locked.status)
        raise ValidationError("Not today.")

    with pytest.raises(ValidationError, match="Not today."):
        move(requested, to=BookingStatus.CONFIRMED, by=make_user("editor"), check=check)
    assert seen == [BookingStatus.REQUESTED]
    assert Booking.objects.get(pk=requested.pk).status == BookingStatus.REQUESTED


def test_a_declared_move_saves_the_status_and_its_timestamp(requested, make_user):
    moved = move(requested, to=BookingStatus.CONFIRMED, by=make_user("editor"), timestamp="decided_at")
    saved = Booking.objects.get(pk=requested.pk)
    assert (saved.status, saved.decided_at) == (BookingStatus.CONFIRMED, moved.decided_at)
    assert saved.decided_at is not None


# Each model's declaration, written out: exactly the moves its services make, each with its permission.
DECLARED = {
    Idea: (IDEA_TRANSITIONS, {
        IdeaStatus.PUBLISHED: {IdeaStatus.EVALUATING, IdeaStatus.ACCEPTED, IdeaStatus.REJECTED},
        IdeaStatus.EVALUATING: {IdeaStatus.ACCEPTED, IdeaStatus.REJECTED},
        IdeaStatus.ACCEPTED: {IdeaStatus.IN_IMPLEMENTATION, IdeaStatus.REJECTED},
        IdeaStatus.REJECTED: {IdeaStatus.EVALUATING},
        IdeaStatus.IN_IMPLEMENTATION: {IdeaStatus.IMPLEMENTED},
        IdeaStatus.IMPLEMENTED: set(),
    }, {"participation.answer_idea"}),
    Call: (CALL_TRANSITIONS, {
        C.DRAFT: {C.PUBLISHED}, C.PUBLISHED: {C.EVALUATION}, C.EVALUATION: {C.RANKING_LOCKED},
        C.RANKING_LOCKED: {C.RESULTS_PUBLISHED}, C.RESULTS_PUBLISHED: set(),
    }, {"calls.manage_call"}),
    Booking: (BOOKING_TRANSITIONS, {
        BookingStatus.REQUESTED: {BookingStatus.CONFIRMED, BookingStatus.DECLINED, BookingStatus.CANCELLED},
        BookingStatus.CONFIRMED: {BookingStatus.CANCELLED},
    }, {"network.confirm_booking", "network.decline_booking", "network.cancel_booking"}),
    Application: (APPLICATION_TRANSITIONS, {
        ApplicationStatus.DRAFT: {ApplicationStatus.SUBMITTED},
        ApplicationStatus.SUBMITTED: {ApplicationStatus.WITHDRAWN, ApplicationStatus.DRAFT},
        ApplicationStatus.WITHDRAWN: {ApplicationStatus.DRAFT},
    }, {"calls.submit_application", "calls.withdraw_application", "calls.reopen_application"}),
    Registration: (REGISTRATION_TRANSITIONS, {
        RegistrationStatus.REGISTERED: {RegistrationStatus.CANCELLED},
        RegistrationStatus.WAITING: {RegistrationStatus.REGISTERED, RegistrationStatus.CANCELLED},
        RegistrationStatus.CANCELLED: {RegistrationStatus.REGISTERED, RegistrationStatus.WAITING},
    }, {"meetings.cancel_registration", "meetings.register_again", "meetings.promote_registration"}),
    Workshop: (WORKSHOP_TRANSITIONS, {
        WorkshopStatus.OPEN: {WorkshopStatus.PAUSED, WorkshopStatus.CLOSED},
        WorkshopStatus.PAUSED: {WorkshopStatus.OPEN, WorkshopStatus.CLOSED},
    }, {"workshops.run", "workshops.manage"}),
    Meeting: (MEETING_TRANSITIONS, {
        MeetingStatus.DRAFT: {MeetingStatus.PUBLISHED, MeetingStatus.CANCELLED},
        MeetingStatus.PUBLISHED: {MeetingStatus.DRAFT, MeetingStatus.CANCELLED},
    }, {"meetings.publish_meeting", "meetings.cancel_meeting"}),
    Plan: (PLAN_TRANSITIONS, {
        PlanStatus.DRAFT: {PlanStatus.APPROVED},
        PlanStatus.APPROVED: {PlanStatus.PUBLISHED, PlanStatus.DRAFT},
    }, {"accountability.manage_plan"}),
    Campaign: (CAMPAIGN_TRANSITIONS, {
        CampaignStatus.DRAFT: {CampaignStatus.SCHEDULED, CampaignStatus.SENDING},
        CampaignStatus.SCHEDULED: {CampaignStatus.SCHEDULED, CampaignStatus.DRAFT, CampaignStatus.SENDING},
        CampaignStatus.SENDING: {CampaignStatus.SENT},
        CampaignStatus.SENT: set(),
    }, {"newsletter.send_campaign"}),
}


@pytest.mark.parametrize("model", DECLARED, ids=lambda model: model.__name__)
def test_each_model_declares_exactly_the_moves_its_services_make(model):
    declaration, moves, permissions = DECLARED[model]
    assert model.TRANSITIONS is declaration
    assert {start: set(targets) for start, targets in declaration.items()} == moves
    used = {permission for targets in declaration.values() for permission in targets.values()}
    assert used == permissions
    assert all(rules.perm_exists(permission) for permission in used)
    assert set(declaration) | {to for targets in declaration.values() for to in targets} <= set(model.STATUS.values)


@pytest.mark.django_db(transaction=True)
def test_confirm_and_decline_racing_on_one_booking_one_wins(make_user):
    """Two different moves of the same row at once (PostgreSQL): exactly one is recorded, the other
    is refused from the status the first left, and the row holds the winner's status and actor."""
    if connection.vendor != "postgresql":
        pytest.skip("parallel writes need PostgreSQL (SQLite serialises every writer)")
    from civica.core.tests.concurrency import run_together

    booking = BookingFactory(status=BookingStatus.REQUESTED)
    confirmer, decliner = make_user("editor"), make_user("editor")
    outcomes = run_together([
        lambda: network_services.booking_confirm(booking=booking, by=confirmer),
        lambda: network_services.booking_decline(booking=booking, by=decliner, reason="Closed for works."),
    ])
    won = [outcome is None for outcome in outcomes]
    assert sum(won) == 1, outcomes
    assert isinstance(outcomes[won.index(False)], MoveNotPossible)
    saved = Booking.objects.get(pk=booking.pk)
    winner = (BookingStatus.CONFIRMED, confirmer) if won[0] else (BookingStatus.DECLINED, decliner)
    assert (saved.status, saved.decided_by) == winner


def test_a_refused_move_reads_as_its_sentence(requested, make_user):
    Booking.objects.filter(pk=requested.pk).update(status=BookingStatus.CONFIRMED)
    with pytest.raises(MoveNotPossible) as refused:
        move(requested, to=BookingStatus.CONFIRMED, by=make_user("editor"))
    assert str(refused.value) == "This booking is “Confirmed”: that change is no longer possible."
    assert refused.value.messages == [str(refused.value)]
