"""Truth tables of the online applications and the staff's screens: every new page, for the visitor, a
resident (verified, no application), the applicant, a referrer, the staff of this venue and of another,
the programme's staff and an editor. One test a page, every role in it (each world costs queries)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.calls.form_engine import FieldKind
from civica.vouchers import services
from civica.vouchers.models import ApplicationStatus, EligibilityQuestion, VenueStaff
from civica.vouchers.tests.factories import OfferFactory, VenueFactory, programme_staff, referrer, setting, venue_staff

pytestmark = pytest.mark.django_db

# Each checked through the pages that ask for it (a page a test, every role), and the first six directly
# in ``test_the_permissions_themselves``.
PERMISSIONS = ["vouchers.apply", "vouchers.create_programme", "vouchers.edit_venue", "vouchers.publish_offer",
               "vouchers.accept_offer", "vouchers.review_applications", "vouchers.submit_application",
               "vouchers.edit_application", "vouchers.withdraw_application", "vouchers.see_application",
               "vouchers.review_application", "vouchers.edit_offer", "vouchers.use_staff_screens"]

KINDS = ["visitor", "resident", "applicant", "referrer", "venue_staff", "other_venue_staff", "programme_staff",
         "editor"]
LOGIN = "login"


@pytest.fixture
def world():
    programme, venue, offer = setting(accepts_applications=True)
    other_venue = VenueFactory()
    applicant = UserFactory()
    application = services.application_start(programme=programme, by=applicant)
    application = services.application_submit(application=application, answers={}, by=applicant)
    people = {"visitor": AnonymousUser(), "resident": UserFactory(), "applicant": applicant,
              "referrer": referrer(programme), "venue_staff": venue_staff(venue),
              "other_venue_staff": venue_staff(other_venue), "programme_staff": programme_staff(programme),
              "editor": UserFactory(role=Role.EDITOR)}
    return {"programme": programme, "venue": venue, "offer": offer, "application": application, "people": people}


def _check(client, world, expected, request):
    """``expected``: kind → status (or LOGIN); ``request(client, kind)`` makes the request."""
    seen = {}
    for kind in KINDS:
        client.logout()
        user = world["people"][kind]
        if user.is_authenticated:
            client.force_login(user)
        response = request(client, kind)
        if response.status_code == 302 and "/accounts/login/" in response["Location"]:
            seen[kind] = LOGIN
        else:
            seen[kind] = response.status_code
    assert seen == {kind: expected.get(kind, 403) for kind in KINDS}


def _done(response):
    """A change made: redirected back to the page, not to the login."""
    return response.status_code == 302 and "/accounts/login/" not in response["Location"]


def _get(url):
    return lambda client, kind: client.get(url)


STAFF_ONLY = {"visitor": LOGIN, "programme_staff": 200}
RUNS = {"visitor": LOGIN, "programme_staff": 200, "editor": 200}
VENUE = {"visitor": LOGIN, "venue_staff": 200}


def test_applying(client, world):
    expected = {kind: 200 for kind in KINDS} | {"visitor": 403}
    _check(client, world, expected, _get(f"/en/vouchers/apply/{world['programme'].slug}/"))
    client.logout()
    assert "Log in" in client.get(f"/en/vouchers/apply/{world['programme'].slug}/").content.decode()


def test_withdrawing(client, world):
    slug = world["programme"].slug
    expected = {kind: 404 for kind in KINDS} | {"visitor": LOGIN, "applicant": 302}
    _check(client, world, expected, lambda client, kind: client.post(f"/en/vouchers/apply/{slug}/withdraw/"))
    world["application"].refresh_from_db()
    assert world["application"].status == ApplicationStatus.WITHDRAWN


def test_the_applications_list_and_an_application(client, world):
    slug = world["programme"].slug
    _check(client, world, STAFF_ONLY, _get(f"/en/vouchers/manage/{slug}/applications/"))
    _check(client, world, STAFF_ONLY, _get(f"/en/vouchers/manage/{slug}/applications/{world['application'].pk}/"))


def test_deciding_an_application(client, world):
    slug, application = world["programme"].slug, world["application"]
    expected = STAFF_ONLY | {"programme_staff": 302}
    _check(client, world, expected, lambda client, kind: client.post(
        f"/en/vouchers/manage/{slug}/applications/{application.pk}/", {"action": "approve"}))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED


def test_the_staff_programme_list_and_a_new_programme(client, world):
    _check(client, world, RUNS, _get("/en/vouchers/staff/"))
    _check(client, world, {"visitor": LOGIN, "editor": 200}, _get("/en/vouchers/staff/programmes/new/"))


def test_editing_a_programme_its_questions_and_a_new_venue(client, world):
    slug = world["programme"].slug
    _check(client, world, RUNS, _get(f"/en/vouchers/staff/programmes/{slug}/"))
    _check(client, world, RUNS, _get(f"/en/vouchers/staff/programmes/{slug}/questions/new/"))
    _check(client, world, RUNS, _get(f"/en/vouchers/staff/programmes/{slug}/venues/new/"))


def test_removing_a_question(client, world):
    programme = world["programme"]
    world["application"].delete()  # nobody applied: questions may go

    def remove(client, kind):
        question = EligibilityQuestion.objects.create(programme=programme, key=f"q-{kind}", kind=FieldKind.SHORT_TEXT,
                                                      label_ro="Întrebare")
        response = client.post(f"/en/vouchers/staff/programmes/{programme.slug}/questions/{question.pk}/remove/")
        assert EligibilityQuestion.objects.filter(pk=question.pk).exists() == (not _done(response))
        return response

    _check(client, world, RUNS | {"programme_staff": 302, "editor": 302}, remove)


def test_a_venue_and_its_staff(client, world):
    venue = world["venue"]
    _check(client, world, RUNS, _get(f"/en/vouchers/staff/venues/{venue.slug}/"))
    _check(client, world, RUNS, _get(f"/en/vouchers/staff/venues/{venue.slug}/staff/add/"))

    def remove(client, kind):
        member = VenueStaff.objects.create(venue=venue, user=UserFactory())
        response = client.post(f"/en/vouchers/staff/venues/{venue.slug}/staff/{member.pk}/remove/")
        assert VenueStaff.objects.filter(pk=member.pk).exists() == (not _done(response))
        return response

    _check(client, world, RUNS | {"programme_staff": 302, "editor": 302}, remove)


def test_a_venues_offers(client, world):
    venue, offer = world["venue"], world["offer"]
    _check(client, world, VENUE, _get(f"/en/vouchers/staff/venues/{venue.slug}/offers/"))
    _check(client, world, VENUE, _get(f"/en/vouchers/staff/venues/{venue.slug}/offers/new/"))
    _check(client, world, VENUE, _get(f"/en/vouchers/staff/venues/{venue.slug}/offers/{offer.pk}/"))


def test_accepting_offers(client, world):
    programme, venue = world["programme"], world["venue"]
    _check(client, world, STAFF_ONLY, _get(f"/en/vouchers/staff/programmes/{programme.slug}/offers/"))

    def accept(client, kind):
        offer = OfferFactory(venue=venue)
        offer.proposed_to.add(programme)
        response = client.post(f"/en/vouchers/staff/programmes/{programme.slug}/offers/",
                               {"offer": offer.pk, "action": "accept"})
        assert offer.programmes.filter(pk=programme.pk).exists() == _done(response)
        return response

    _check(client, world, STAFF_ONLY | {"programme_staff": 302}, accept)


def test_the_permissions_themselves(world):
    people, programme, venue = world["people"], world["programme"], world["venue"]
    table = {kind: (person.has_perm("vouchers.apply", programme),
                    person.has_perm("vouchers.create_programme"),
                    person.has_perm("vouchers.edit_venue", venue),
                    person.has_perm("vouchers.publish_offer", venue),
                    person.has_perm("vouchers.accept_offer", programme),
                    person.has_perm("vouchers.review_applications", programme))
             for kind, person in people.items()}
    assert table == {
        "visitor": (False, False, False, False, False, False),
        "resident": (True, False, False, False, False, False),
        "applicant": (True, False, False, False, False, False),
        "referrer": (True, False, False, False, False, False),
        "venue_staff": (True, False, False, True, False, False),
        "other_venue_staff": (True, False, False, False, False, False),
        "programme_staff": (True, False, True, False, True, True),
        "editor": (True, True, True, False, False, False),
    }
