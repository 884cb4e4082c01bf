"""The Board of Directors reviews applications to become a member (network.registry.reviewer_checks):
whoever holds a seat now on a body marked so, and nobody once their term has ended."""

import datetime

import pytest

from civica.accounts.tests.factories import UserFactory
from civica.governance.models import Body, BodyRole, Seat, Term


@pytest.fixture
def board(db):
    return Body.objects.create(name_ro="Consiliul Director", slug="consiliul-director",
                               role=BodyRole.DECISION_MAKING, reviews_membership_applications=True)


def test_a_current_board_member_reviews_applications_and_a_former_one_does_not(board):
    seat = Seat.objects.create(body=board)
    today = datetime.date.today()
    current, former, outsider = UserFactory(), UserFactory(), UserFactory()
    Term.objects.create(seat=seat, holder=current, holder_name="Ana", starts_on=today - datetime.timedelta(days=10))
    Term.objects.create(seat=Seat.objects.create(body=board), holder=former, holder_name="Dan",
                        starts_on=today - datetime.timedelta(days=400), ends_on=today - datetime.timedelta(days=30))
    assert current.has_perm("network.review_membership_applications")
    assert not former.has_perm("network.review_membership_applications")
    assert not outsider.has_perm("network.review_membership_applications")


def test_a_seat_on_a_body_that_reviews_nothing_gives_no_review(db):
    council = Body.objects.create(name_ro="Consiliul Consultativ de Tineret", slug="cct", role=BodyRole.CONSULTATIVE)
    person = UserFactory()
    Term.objects.create(seat=Seat.objects.create(body=council), holder=person, holder_name="Ana",
                        starts_on=datetime.date.today())
    assert not person.has_perm("network.review_membership_applications")
