"""Truth tables of motions and votes: each role × each state of the motion (draft, not open yet, open,
window ended but not recorded closed, closed). Named ``test_rules*`` so that core's permission
coverage (``PERMISSIONS``) finds it."""

import pytest
from django.utils import formats, timezone, translation

from civica.core import refusals
from civica.governance.tests.motion_factories import make_motion
from civica.network.tests.factories import MemberFactory, OrganisationFactory

PERMISSIONS = {"governance.edit_motions", "governance.see_motion", "governance.open_motion",
               "governance.close_motion", "governance.vote_on_motion", "governance.vote_for_organisation",
               "governance.see_organisation_vote"}

# representative / colleague: two representatives of the same member organisation; partner: a
# representative of a partner organisation (not a member); resident: a verified participant.
KINDS = ["anonymous", "unverified", "participant", "representative", "colleague", "unverified_representative",
         "partner", "moderator", "editor", "administrator"]
REPRESENTATIVES = {"representative", "colleague"}
EDITORS = {"editor", "administrator"}
STATES = ["draft", "not_yet", "open", "ended", "closed"]


@pytest.fixture
def organisation(db):
    return MemberFactory()


@pytest.fixture
def make(make_user, organisation):
    def make(kind):
        if kind in REPRESENTATIVES:
            return make_user("member_representative", scope=organisation)
        if kind == "unverified_representative":
            return make_user("member_representative", scope=organisation, verified=False)
        if kind == "partner":
            return make_user("member_representative", scope=OrganisationFactory())
        return make_user(kind)

    return make


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", KINDS)
def test_see_motion(make, kind, state):
    assert make(kind).has_perm("governance.see_motion", make_motion(state=state)) == (
        state != "draft" or kind in EDITORS)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_edit_motions(make, kind):
    assert make(kind).has_perm("governance.edit_motions") == (kind in EDITORS)


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", KINDS)
def test_open_motion(make, kind, state):
    assert make(kind).has_perm("governance.open_motion", make_motion(state=state)) == (
        kind in EDITORS and state == "draft")


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", ["anonymous", "participant", "editor"])
def test_close_motion_once_its_window_ended_whoever_asks(make, kind, state):
    assert make(kind).has_perm("governance.close_motion", make_motion(state=state)) == (state in {"ended", "closed"})


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", KINDS)
def test_vote_on_motion(make, kind, state):
    user, motion = make(kind), make_motion(state=state)
    allowed = kind in REPRESENTATIVES and state == "open"
    assert user.has_perm("governance.vote_on_motion", motion) == allowed
    assert (refusals.why_not(user, "governance.vote_on_motion", motion) is None) == allowed


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_vote_for_organisation_only_for_the_member_one_represents(make, kind, organisation):
    user = make(kind)
    assert user.has_perm("governance.vote_for_organisation", organisation) == (kind in REPRESENTATIVES)
    assert not user.has_perm("governance.vote_for_organisation", MemberFactory())


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_see_organisation_vote_only_its_representatives(make, kind, organisation):
    assert make(kind).has_perm("governance.see_organisation_vote", organisation) == (
        kind in REPRESENTATIVES | {"unverified_representative"})


@pytest.mark.django_db
def test_the_refusal_after_the_close_says_when_voting_closed(make):
    motion = make_motion(state="ended")
    local = timezone.localtime(motion.closes_at)
    with translation.override("en"):
        message = refusals.why_not(make("representative"), "governance.vote_on_motion", motion)
        assert message == (f"Voting closed on {formats.date_format(local, 'j F Y')} at {local:%H:%M}.")


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "reason"), [
    ("participant", "Only the representatives of the centre's member organisations vote"),
    ("partner", "Only the representatives of the centre's member organisations vote"),
    ("unverified_representative", "Verify your e-mail address"),
])
def test_refusals_say_why(make, kind, reason):
    with translation.override("en"):
        assert reason in refusals.why_not(make(kind), "governance.vote_on_motion", make_motion(state="open"))
