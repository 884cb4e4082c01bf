"""The booking pages: who sees what (a truth table per view), bad input answered in the user's
language with what was typed kept, query counts, and bookings in download-my-data / delete-my-account."""

import datetime

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from civica.accounts import services as account_services
from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.network.models import Booking, BookingStatus
from civica.network.tests.factories import (
    BookingFactory,
    MemberFactory,
    SpaceFactory,
    bucharest,
    member_representative,
)

ROLES = ["anonymous", "participant", "member", "editor", "administrator"]


@pytest.fixture
def person(request, member):
    """The person of each role of the truth table (None when anonymous)."""
    def make(role):
        return {
            "anonymous": None, "participant": UserFactory(language="en"), "member": member,
            "editor": UserFactory(role=Role.EDITOR), "administrator": UserFactory(role=Role.ADMINISTRATOR),
        }[role]
    return make


def as_(client, user):
    if user is not None:
        client.force_login(user)
    return client


def form_data(days=3, starts="10:00", ends="12:00", purpose="Online conference", organisation=None, member=None):
    organisation = organisation or member.representations.get().organisation
    day = (timezone.localdate() + datetime.timedelta(days=days)).isoformat() if isinstance(days, int) else days
    return {"organisation": str(getattr(organisation, "pk", organisation)), "day": day, "starts": starts,
            "ends": ends, "purpose": purpose}


# -- truth tables -----------------------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_space_pages_are_public_and_offer_booking_to_members(client, person, studio, role):
    user = person(role)
    as_(client, user)
    assert client.get("/en/network/spaces/").status_code == 200
    page = client.get(studio.get_absolute_url())
    assert page.status_code == 200
    assert ("Book this space" in page.content.decode()) is (role == "member")
    if role == "anonymous":
        assert (f'href="/en/accounts/login/?next=/en/network/spaces/{studio.slug}/book/">Log in to book this space'
                in page.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "status"), [("anonymous", 302), ("participant", 403), ("member", 200),
                                              ("editor", 403), ("administrator", 403)])
def test_booking_form_truth_table(client, person, studio, role, status):
    user = person(role)
    response = as_(client, user).get(f"/en/network/spaces/{studio.slug}/book/")
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith("/en/accounts/login/")
    if status == 403:
        assert "representatives of the centre&#x27;s member organisations" in response.content.decode()
    if role == "member":
        page = response.content.decode()
        assert 'name="organisation"' in page and "Consiliul Județean Cluj" in page
        assert 'for="id_day"' in page and 'type="date"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_a_space_that_takes_no_booking_refuses_everyone(client, person, role):
    closed = SpaceFactory(closed=True)
    response = as_(client, person(role)).get(f"/en/network/spaces/{closed.slug}/book/")
    assert response.status_code == (302 if role == "anonymous" else 403)
    if role != "anonymous":
        assert "This space does not take bookings." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "status"), [("anonymous", 302), ("participant", 200), ("member", 200),
                                              ("editor", 200), ("administrator", 200)])
def test_my_bookings_truth_table(client, person, member, studio, role, status):
    BookingFactory(space=studio, booked_by=member, purpose="Our general assembly")
    response = as_(client, person(role)).get("/en/network/bookings/")
    assert response.status_code == status
    if status == 200:
        assert ("Our general assembly" in response.content.decode()) is (role == "member")


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "status"), [("anonymous", 302), ("participant", 403), ("member", 403),
                                              ("editor", 200), ("administrator", 200)])
def test_booking_management_truth_table(client, person, member, studio, role, status):
    BookingFactory(space=studio, booked_by=member, status=BookingStatus.REQUESTED, purpose="Our general assembly")
    response = as_(client, person(role)).get("/en/network/bookings/manage/")
    assert response.status_code == status
    if status == 200:
        page = response.content.decode()
        assert "Our general assembly" in page and member.email in page and "Confirm" in page


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["confirm", "decline", "cancel"])
@pytest.mark.parametrize("role", ROLES + ["booker"])
def test_booking_moves_truth_table(client, person, member, studio, role, action):
    booker = member_representative(member.representations.get().organisation)
    booking = BookingFactory(space=studio, booked_by=booker, status=BookingStatus.REQUESTED)
    user = booker if role == "booker" else person(role)
    response = as_(client, user).post(f"/en/network/bookings/{booking.pk}/{action}/",
                                      {"reason": "Repairs", "back": "manage"})
    moved = {"confirm": BookingStatus.CONFIRMED, "decline": BookingStatus.DECLINED,
             "cancel": BookingStatus.CANCELLED}[action]
    allowed = role in ("editor", "administrator") or (role == "booker" and action == "cancel")
    if role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif role in ("participant", "member"):
        assert response.status_code == 404  # someone else's booking: as if it did not exist
    else:
        assert response.status_code == 302
        assert response["Location"] == ("/en/network/bookings/manage/" if role != "booker"
                                        else "/en/network/bookings/")
    assert (Booking.objects.get(pk=booking.pk).status == moved) is allowed


@pytest.mark.django_db
def test_a_refused_move_says_why(client, member, studio):
    booking = BookingFactory(space=studio, booked_by=member, status=BookingStatus.REQUESTED)
    client.force_login(member)
    response = client.post(f"/en/network/bookings/{booking.pk}/confirm/", follow=True)
    assert "The centre&#x27;s staff confirm and decline bookings." in response.content.decode()
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.REQUESTED


@pytest.mark.django_db
def test_declining_needs_a_reason(client, editor, studio):
    booking = BookingFactory(space=studio, status=BookingStatus.REQUESTED)
    client.force_login(editor)
    page = client.post(f"/en/network/bookings/{booking.pk}/decline/", {"back": "manage"}, follow=True)
    assert "Say why the booking is declined" in page.content.decode()
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.REQUESTED


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/network/bookings/abc/cancel/", "/en/network/bookings/999999/cancel/",
                                  "/en/network/bookings/999999/confirm/", "/en/network/spaces/nope/book/"])
def test_malformed_or_missing_ids_are_not_found(client, editor, path):
    client.force_login(editor)
    assert client.post(path).status_code == 404


@pytest.mark.django_db
def test_moves_answer_only_to_post(client, editor, studio):
    booking = BookingFactory(space=studio, status=BookingStatus.REQUESTED)
    client.force_login(editor)
    assert client.get(f"/en/network/bookings/{booking.pk}/confirm/").status_code == 405


# -- booking through the form ----------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_member_books_and_finds_it_in_my_bookings(client, member, studio):
    client.force_login(member)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(f"/en/network/spaces/{studio.slug}/book/", form_data(member=member))
    booking = Booking.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/network/bookings/#booking-{booking.pk}"
    assert timezone.localtime(booking.starts_at).strftime("%H:%M") == "10:00"
    assert booking.starts_at == bucharest(3, 10) and booking.ends_at == bucharest(3, 12)
    assert mail.outbox[-1].to == [member.email]
    page = client.get("/en/network/bookings/").content.decode()
    assert "Online conference" in page and "Awaiting confirmation" in page and "The studio" in page
    # The space's page shows the time as taken, not by whom.
    public = client.get(studio.get_absolute_url()).content.decode().split('id="agenda-title"')[1]
    assert "Booked, awaiting confirmation" in public
    assert "Online conference" not in public and "Consiliul" not in public


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "fields", "field", "message"), [
    ("en", {"ends": "09:00"}, "ends", "The end must come after the start."),
    ("ro", {"ends": "09:00"}, "ends", "Sfârșitul trebuie să vină după început."),
    ("en", {"days": -2}, "starts", "This time has passed: choose a time still to come."),
    ("ro", {"days": -2}, "starts", "Ora aceasta a trecut: alegeți o oră care urmează."),
    ("en", {"starts": "08:00", "ends": "19:00"}, "ends", "A booking lasts at most 8 hours."),
    ("ro", {"starts": "08:00", "ends": "19:00"}, "ends", "O rezervare durează cel mult 8 ore."),
    ("en", {"days": 200}, "starts", "Bookings open at most 90 days ahead"),
    ("en", {"days": "2026-02-30"}, "day", "Enter a valid date."),
    ("ro", {"days": "mâine"}, "day", "Introduceți o dată validă."),
    ("en", {"starts": "25:00"}, "starts", "Enter a valid time."),
    ("en", {"purpose": "  "}, "purpose", "This field is required."),
    ("en", {"purpose": "x" * 600}, "purpose", "Ensure this value has at most 500 characters"),
    ("en", {"organisation": "abc"}, "organisation", "Select a valid choice."),
])
def test_bad_input_is_explained_by_the_field_and_what_was_typed_is_kept(client, member, studio, language, fields,
                                                                         field, message):
    member.language = language
    member.save()
    client.force_login(member)
    data = form_data(member=member, **{"purpose": "Our assembly", **fields})
    response = client.post(f"/{language}/network/spaces/{studio.slug}/book/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message.replace("'", "&#x27;") in page
    assert f'id="id_{field}_error"' in page and f'aria-describedby="id_{field}_error' in page.replace(
        f'aria-describedby="id_{field}_helptext id_{field}_error', f'aria-describedby="id_{field}_error')
    assert 'aria-invalid="true"' in page
    if field != "purpose":
        assert "Our assembly" in page
    if field not in ("day", "starts"):
        assert f'value="{data["starts"]}"' in page
    assert not Booking.objects.exists()


@pytest.mark.django_db
def test_a_second_booking_of_the_same_time_is_refused_with_the_message(client, member, studio):
    BookingFactory(space=studio, starts_at=bucharest(3, 9), ends_at=bucharest(3, 11))
    client.force_login(member)
    response = client.post(f"/en/network/spaces/{studio.slug}/book/", form_data(member=member))
    assert response.status_code == 400
    page = response.content.decode()
    assert "The studio is taken on" in page and "09:00–11:00 by another booking." in page
    assert 'class="form-errors" role="alert"' in page and 'value="Online conference"' not in page
    assert "Online conference</textarea>" in page
    assert Booking.objects.count() == 1


@pytest.mark.django_db
def test_only_ones_own_member_organisations_are_offered(client, member, studio):
    stranger = MemberFactory(name="Another member")
    client.force_login(member)
    assert "Another member" not in client.get(f"/en/network/spaces/{studio.slug}/book/").content.decode()
    response = client.post(f"/en/network/spaces/{studio.slug}/book/", form_data(member=member, organisation=stranger))
    assert response.status_code == 400 and "Select a valid choice." in response.content.decode()


@pytest.mark.django_db
def test_a_time_the_clock_skips_is_refused(client, member, studio):
    # Romania moves its clocks from 03:00 to 04:00 on the last Sunday of March.
    year = timezone.localdate().year + 1
    last_sunday = next(datetime.date(year, 3, day) for day in range(31, 24, -1)
                       if datetime.date(year, 3, day).weekday() == 6)
    client.force_login(member)
    response = client.post(f"/en/network/spaces/{studio.slug}/book/",
                           form_data(member=member, days=last_sunday.isoformat(), starts="03:30", ends="05:00"))
    assert response.status_code == 400
    assert "This time does not exist on that day: the clocks move forward." in response.content.decode()


@pytest.mark.django_db
def test_the_booking_form_shows_the_taken_times_of_the_chosen_day(client, member, studio):
    BookingFactory(space=studio, starts_at=bucharest(20, 14), ends_at=bucharest(20, 16))
    client.force_login(member)
    page = client.post(f"/en/network/spaces/{studio.slug}/book/",
                       form_data(member=member, days=20, starts="15:00", ends="17:00")).content.decode()
    agenda = page.split('id="agenda-title"')[1]
    assert "14:00" in agenda and "16:00" in agenda and "Booked" in agenda
    for bad in ("?from=2026-99-99", "?from=x"):
        assert client.get(f"/en/network/spaces/{studio.slug}/book/{bad}").status_code == 200


@pytest.mark.django_db
def test_my_bookings_cancel_button_frees_the_time(client, member, studio):
    booking = BookingFactory(space=studio, booked_by=member)
    client.force_login(member)
    page = client.get("/en/network/bookings/").content.decode()
    assert f'action="/en/network/bookings/{booking.pk}/cancel/"' in page
    response = client.post(f"/en/network/bookings/{booking.pk}/cancel/", follow=True)
    assert "The booking is cancelled and its time is free again." in response.content.decode()
    assert f'action="/en/network/bookings/{booking.pk}/cancel/"' not in response.content.decode()


# -- query counts ----------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_my_bookings_and_the_space_pages_cost_the_same_whatever_their_rows(client, member, studio,
                                                                            assert_constant_queries):
    client.force_login(member)
    urls = ["/en/network/bookings/", "/en/network/spaces/", studio.get_absolute_url(),
            f"/en/network/spaces/{studio.slug}/book/"]
    BookingFactory(space=studio, booked_by=member, starts_at=bucharest(1, 8), ends_at=bucharest(1, 9))

    def more():
        for day in range(2, 9):
            BookingFactory(space=studio, booked_by=member, starts_at=bucharest(day, 8), ends_at=bucharest(day, 9),
                           status=BookingStatus.REQUESTED if day % 2 else BookingStatus.CONFIRMED)
        SpaceFactory.create_batch(4)

    assert_constant_queries(client, urls, more)


# -- personal data ---------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_bookings_in_my_data_and_what_deleting_my_account_keeps(member, studio, member_organisation):
    past = BookingFactory(space=studio, booked_by=member, organisation=member_organisation,
                          purpose="Last year's assembly", starts_at=bucharest(-30, 10), ends_at=bucharest(-30, 12))
    coming = BookingFactory(space=studio, booked_by=member, organisation=member_organisation, purpose="Next assembly")
    data = account_services.personal_data_export(user=member)["network"]["space_bookings"]
    assert [entry["purpose"] for entry in data] == ["Last year's assembly", "Next assembly"]
    assert data[1]["space"] == studio.slug and data[1]["organisation"] == "Consiliul Județean Cluj"
    assert data[1]["status"] == "confirmed"
    account_services.account_delete(user=member)
    past.refresh_from_db()
    coming.refresh_from_db()
    assert past.booked_by is None and past.purpose == "" and past.status == BookingStatus.CONFIRMED
    assert coming.booked_by is None and coming.status == BookingStatus.CANCELLED
