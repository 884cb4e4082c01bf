"""Calls for seats (issue 18, point 4): opened by an editor, applied to with the call's own form, decided
on the calls app's ranking screen; accepted people take the body's seats. Age and vacancy refusals,
deciding twice, a decision taken back, the call's page and the body page's include."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civica.calls import evaluation
from civica.calls.models import Application, ApplicationStatus, Call, CallStatus, Decision
from civica.governance.models import Body, BodyRole, Seat, SeatAppointment, SeatCall, Term
from civica.governance.seat_calls import services
from civica.governance.seat_calls.selectors import open_seat_calls

pytestmark = pytest.mark.django_db


def youth_council(**fields):
    values = {"name_ro": "Consiliul Consultativ de Tineret", "name_en": "Youth Consultative Council",
              "slug": "consiliul-de-tineret", "role": BodyRole.CONSULTATIVE, "size": 3, "term_months": 24,
              "min_age": 14, "max_age": 35}
    return Body.objects.create(**(values | fields))


def born_years_ago(years, days=10):
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=days)


def open_call(body, editor, *, seats=2):
    """A call for seats opened by ``editor`` and published, open now."""
    now = timezone.now()
    seat_call = services.seat_call_open(body=body, by=editor, title_ro="Recrutare", summary_ro="Rezumat",
                                        seats=seats, opens_at=now - datetime.timedelta(days=1),
                                        closes_at=now + datetime.timedelta(days=5))
    evaluation.call_move(call=seat_call.call, to=CallStatus.PUBLISHED, by=editor)
    return seat_call


def apply(client, person, call, *, born, submit=True):
    client.force_login(person)
    client.post(f"/en/calls/{call.slug}/apply/")
    data = {"title": "Candidatura mea", "date_of_birth": born.isoformat(), "motivation": "Vreau să ajut.",
            "rules": "on"}
    if submit:
        data["submit"] = "1"
    response = client.post(f"/en/calls/{call.slug}/application/", data, follow=True)
    return Application.objects.get(call=call, applicant=person), response


def to_decisions(call, editor):
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - datetime.timedelta(minutes=1),
                                           opens_at=timezone.now() - datetime.timedelta(days=2))
    call.refresh_from_db()
    evaluation.call_move(call=call, to=CallStatus.EVALUATION, by=editor)
    evaluation.call_move(call=call, to=CallStatus.RANKING_LOCKED, by=editor)
    return call


def test_the_flow_end_to_end(client, editor, participant):
    body = youth_council()
    client.force_login(editor)
    response = client.post(f"/en/network/bodies/{body.slug}/seat-calls/new/", {
        "title_ro": "Recrutare pentru Consiliul de Tineret", "summary_ro": "Căutăm tineri.", "seats": "2",
        "opens_at": (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (timezone.localtime() + datetime.timedelta(days=9)).strftime("%Y-%m-%dT%H:%M")})
    seat_call = SeatCall.objects.get(body=body)
    call = seat_call.call
    assert response.status_code == 302 and response["Location"] == f"/en/calls/manage/{call.slug}/"
    assert call.status == CallStatus.DRAFT and seat_call.seats == 2 and seat_call.term_months == 24
    assert [field.key for field in call.form_fields.all()] == ["date_of_birth", "motivation", "rules"]
    evaluation.call_move(call=call, to=CallStatus.PUBLISHED, by=editor)

    page = client.get(f"/en/calls/{call.slug}/").content.decode()
    assert "2 seats on the Youth Consultative Council, 2-year term" in page
    assert "Total budget" not in page

    application, response = apply(client, participant, call, born=born_years_ago(20))
    assert application.status == ApplicationStatus.SUBMITTED, response.content.decode()

    to_decisions(call, editor)
    client.force_login(editor)
    client.post(f"/en/calls/{call.slug}/manage/ranking/", {"application": application.pk, "decision": "funded"})
    application.refresh_from_db()
    assert application.decision == Decision.FUNDED
    term = Term.objects.get()
    assert term.holder == participant and term.holder_name == participant.public_name
    assert term.seat.body == body and term.starts_on == timezone.localdate()
    assert term.ends_on == timezone.localdate().replace(year=timezone.localdate().year + 2)
    assert SeatAppointment.objects.get().application == application
    assert not services._vacant_seat(body, term.seat.role, timezone.localdate()) or Seat.objects.count() > 1


def test_an_applicant_outside_the_age_range_is_refused_with_the_reason(client, editor, participant):
    call = open_call(youth_council(), editor).call
    application, response = apply(client, participant, call, born=born_years_ago(40))
    assert application.status == ApplicationStatus.DRAFT
    assert ("Members of the Youth Consultative Council are between 14 and 35 years old. "
            "By the date of birth you gave, you are 40 years old.") in response.content.decode()
    # Nothing typed is lost.
    assert application.answers["motivation"] == "Vreau să ajut."


def test_too_young_is_refused_too(client, editor, participant):
    call = open_call(youth_council(), editor).call
    application, response = apply(client, participant, call, born=born_years_ago(12))
    assert application.status == ApplicationStatus.DRAFT
    assert "you are 12 years old" in response.content.decode()


def _accepted_ready(client, editor, people, body, seats=2):
    seat_call = open_call(body, editor, seats=seats)
    applications = [apply(client, person, seat_call.call, born=born_years_ago(19))[0] for person in people]
    to_decisions(seat_call.call, editor)
    return seat_call, [Application.objects.get(pk=application.pk) for application in applications]


def test_no_vacant_seat_refuses_the_acceptance_before_it_happens(client, editor, make_user):
    body = youth_council(size=1)
    holder = make_user("participant")
    Term.objects.create(seat=Seat.objects.create(body=body), holder=holder, holder_name="A. Holder",
                        starts_on=timezone.localdate() - datetime.timedelta(days=30))
    _seat_call, [application] = _accepted_ready(client, editor, [make_user("participant")], body, seats=1)
    with pytest.raises(ValidationError) as refused:
        evaluation.decide(application=application, by=editor, decision=Decision.FUNDED)
    assert "has no vacant seat: its 1 seat is held" in " ".join(refused.value.messages)
    application.refresh_from_db()
    assert application.decision == Decision.PENDING
    assert Term.objects.count() == 1


def test_a_vacant_seat_is_taken_before_a_new_one_is_made(client, editor, make_user):
    body = youth_council(size=2)
    seat = Seat.objects.create(body=body)
    Term.objects.create(seat=seat, holder_name="A. Former", starts_on=datetime.date(2022, 1, 1),
                        ends_on=datetime.date(2024, 1, 1))
    _seat_call, [first, second] = _accepted_ready(client, editor, [make_user("participant"),
                                                                   make_user("participant")], body)
    evaluation.decide(application=first, by=editor, decision=Decision.FUNDED)
    assert first.seat_appointment.term.seat == seat
    evaluation.decide(application=second, by=editor, decision=Decision.FUNDED)
    assert Seat.objects.filter(body=body).count() == 2


def test_the_call_fills_only_its_seats(client, editor, make_user):
    _seat_call, [first, second] = _accepted_ready(client, editor, [make_user("participant"),
                                                                   make_user("participant")], youth_council(), seats=1)
    evaluation.decide(application=first, by=editor, decision=Decision.FUNDED)
    with pytest.raises(ValidationError) as refused:
        evaluation.decide(application=second, by=editor, decision=Decision.FUNDED)
    assert "This call fills 1 seat and it is taken" in refused.value.messages[0]


def test_deciding_twice_starts_one_term_and_taking_it_back_removes_it(client, editor, participant):
    _seat_call, [application] = _accepted_ready(client, editor, [participant], youth_council())
    evaluation.decide(application=application, by=editor, decision=Decision.FUNDED)
    evaluation.decide(application=application, by=editor, decision=Decision.FUNDED, feedback="Bine ați venit")
    assert Term.objects.count() == SeatAppointment.objects.count() == 1
    evaluation.decide(application=application, by=editor, decision=Decision.REJECTED)
    assert Term.objects.count() == SeatAppointment.objects.count() == 0


def test_other_calls_decide_as_before(client, editor, participant):
    """A call that is not for seats: the outcome hook does nothing (and an amount is still needed)."""
    from civica.calls.tests.factories import CallFactory

    call = CallFactory(status=CallStatus.RANKING_LOCKED)
    application = Application.objects.create(call=call, applicant=participant, reference="X-1",
                                             status=ApplicationStatus.SUBMITTED)
    with pytest.raises(ValidationError):
        evaluation.decide(application=application, by=editor, decision=Decision.FUNDED)
    evaluation.decide(application=application, by=editor, decision=Decision.FUNDED, amount="5000")
    assert not Term.objects.exists()


def test_the_body_page_include_lists_open_calls_in_one_query(editor, django_assert_max_num_queries):
    body = youth_council()
    open_call(body, editor)
    closed = open_call(body, editor)
    Call.objects.filter(pk=closed.call_id).update(closes_at=timezone.now() - datetime.timedelta(minutes=1))
    for _extra in range(3):
        open_call(body, editor)
    with django_assert_max_num_queries(1), translation.override("en"):
        html = render_to_string("governance/seat_calls/_open_calls.html",
                                {"open_seat_calls": list(open_seat_calls(body))})
    assert html.count("<li>") == 4
    assert "Open calls for seats" in html and "2 seats" in html


def test_the_outcome_reads_in_romanian(editor):
    seat_call = open_call(youth_council(), editor, seats=1)
    with translation.override("ro"):
        text = services.describe(seat_call)
    with translation.override("en"):
        assert services.describe(seat_call) == "1 seat on the Youth Consultative Council, 2-year term"
    assert "Consiliul Consultativ de Tineret" in text


def test_the_form_keeps_what_was_typed_and_never_fails(client, editor):
    body = youth_council()
    client.force_login(editor)
    response = client.post(f"/en/network/bodies/{body.slug}/seat-calls/new/",
                           {"title_ro": "Recrutare", "summary_ro": "Rezumat", "seats": "²", "opens_at": "2024-13"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Write the number of seats, a whole number from 1." in page and 'value="Recrutare"' in page
    response = client.post(f"/en/network/bodies/{body.slug}/seat-calls/new/", {
        "title_ro": "Recrutare", "summary_ro": "Rezumat", "seats": "9", "opens_at": "2030-01-01T10:00",
        "closes_at": "2030-02-01T10:00"})
    assert response.status_code == 400
    assert "The body has 3 seats: a call cannot offer more." in response.content.decode()

    odd = st.one_of(st.sampled_from(["", "\x00", "²", "9" * 25, "-1", "2024-02-30", "<b>x</b>"]), st.text(max_size=8))

    @settings(max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(st.fixed_dictionaries({}, optional={name: odd for name in (
        "title_ro", "title_en", "summary_ro", "summary_en", "seats", "opens_at", "closes_at")}))
    def post(data):
        assert client.post(f"/en/network/bodies/{body.slug}/seat-calls/new/", data).status_code < 500

    post()


def test_the_ranking_screen_accepts_and_shows_a_refusal(client, editor, make_user):
    body = youth_council(size=1)
    _seat_call, [first, second] = _accepted_ready(client, editor, [make_user("participant"),
                                                                   make_user("participant")], body, seats=1)
    client.force_login(editor)
    url = f"/en/calls/{first.call.slug}/manage/ranking/"
    page = client.get(url).content.decode()
    assert ">Accepted</option>" in page and ">Not accepted</option>" in page and 'name="amount"' not in page
    client.post(url, {"application": first.pk, "decision": "funded"})
    response = client.post(url, {"application": second.pk, "decision": "funded"}, follow=True)
    assert "This call fills 1 seat and it is taken" in response.content.decode()
    second.refresh_from_db()
    assert second.decision == Decision.PENDING and Term.objects.count() == 1
    assert "<strong>Accepted</strong>" in response.content.decode()


def test_the_body_page_names_its_open_calls_for_seats(client, editor):
    body = youth_council()
    seat_call = open_call(body, editor)
    html = client.get(f"/en/network/bodies/{body.slug}/").content.decode()
    assert "Open calls for seats" in html and seat_call.call.get_absolute_url() in html
