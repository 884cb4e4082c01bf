"""Votes under parallel requests (PostgreSQL; SQLite serialises every writer, so there is nothing to
prove): two representatives of one organisation voting at once count once; a vote racing the close
is either in before the close or refused; a representative removed while voting never votes."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone, translation

from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.governance.motions import services, tasks
from civica.governance.motions.models import Motion, MotionStatus, MotionVote
from civica.governance.tests.motion_factories import make_motion, option
from civica.network import services as network_services
from civica.network.models import Representation
from civica.network.tests.factories import MemberFactory, member_representative

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


def _post_votes_at_once(motion, organisation, keys):
    clients = []
    for _key in keys:
        client = Client()
        client.force_login(member_representative(organisation))
        clients.append(client)
    responses = []

    def post(client, key):
        responses.append(client.post(f"/en/network/bodies/motions/{motion.pk}/vote/", {
            "organisation": organisation.pk, "option": option(motion, key).pk}))

    outcomes = run_together([lambda c=client, k=key: post(c, k) for client, key in zip(clients, keys, strict=True)])
    return outcomes, responses


def test_two_representatives_of_one_organisation_voting_at_once_count_once(settings):
    settings.ACCOUNT_RATE_LIMITS = False
    organisation = MemberFactory()
    motion = make_motion()
    for _attempt in range(3):
        outcomes, responses = _post_votes_at_once(motion, organisation, ["for", "against", "abstain", "for"])
        assert outcomes == [None] * 4
        assert MotionVote.objects.filter(motion=motion, organisation=organisation).count() == 1
        # The vote recorded is a redirect; the others are told the organisation has voted (the form again,
        # or a redirect with that message when the page already saw the vote): never a 500.
        assert {response.status_code for response in responses} <= {302, 400}
        MotionVote.objects.filter(motion=motion).delete()
        Representation.objects.filter(organisation=organisation).delete()


def test_services_racing_for_one_organisation_give_one_vote_and_refuse_the_rest():
    organisation = MemberFactory()
    motion = make_motion()
    people = [member_representative(organisation) for _ in range(6)]
    outcomes = run_together([
        lambda p=person: services.vote_cast(motion=motion, organisation=organisation,
                                            option_id=option(motion, "for").pk, by=p)
        for person in people])
    assert sum(outcome is None for outcome in outcomes) == 1
    assert all(isinstance(outcome, ValidationError) for outcome in outcomes if outcome is not None)
    assert MotionVote.objects.filter(motion=motion).count() == 1


def _race_the_close():
    user = member_representative()
    organisation = user.representations.get().organisation
    motion = make_motion()
    closes = timezone.now() + datetime.timedelta(milliseconds=150)
    Motion.objects.filter(pk=motion.pk).update(closes_at=closes)
    motion.refresh_from_db()

    def vote():
        while timezone.now() < closes - datetime.timedelta(milliseconds=5):
            pass  # vote at the very end of the window
        with translation.override("en"):  # a thread starts in the default language (Romanian)
            services.vote_cast(motion=motion, organisation=organisation, option_id=option(motion, "for").pk,
                               by=user)

    def close():
        while timezone.now() < closes:
            pass
        tasks.close_ended_motions()

    return motion, run_together([vote, close])


def test_a_vote_racing_the_close_is_either_in_before_it_or_refused():
    for _attempt in range(4):
        motion, outcomes = _race_the_close()
        motion.refresh_from_db()
        assert motion.status == MotionStatus.CLOSED
        vote_row = MotionVote.objects.filter(motion=motion).first()
        if vote_row is not None:
            assert outcomes[0] is None and vote_row.cast_at < motion.closes_at
        else:
            assert isinstance(outcomes[0], PermissionDenied) and "Voting closed on" in str(outcomes[0])


def _vote_while_removed(administrator):
    user = member_representative()
    organisation = user.representations.get().organisation
    motion = make_motion()
    representation = Representation.objects.get(user=user)
    outcomes = run_together([
        lambda: services.vote_cast(motion=motion, organisation=organisation, option_id=option(motion, "for").pk,
                                   by=user),
        lambda: network_services.representative_remove(representation=representation, by=administrator),
    ])
    return motion, user, outcomes


def test_a_representative_removed_while_voting_never_votes(make_user):
    administrator = make_user("administrator")
    for _attempt in range(4):
        motion, user, outcomes = _vote_while_removed(administrator)
        assert outcomes[1] is None
        # Either the vote came first (then the removal) or the removal came first and the vote was refused.
        assert MotionVote.objects.filter(motion=motion).exists() == (outcomes[0] is None)
        assert not Representation.objects.filter(user=user).exists()
