"""Bulk issue and the venues' API tokens (issue 22, points 6 and "issuing 10,000 vouchers").

- Bulk issue: the budget boundary (exactly the budget is issued; one voucher more is refused whole, nothing
  written), codes unique and each with its check symbol, the cards rendered by the queue in parts and
  served to the programme's staff, progress on the page; two bulk issues at once on PostgreSQL never pass
  the budget.
- Fuzz (hypothesis) of both pages' forms: never a 500, never past the budget.
- The venue tokens page and the bulk page: truth tables of every role; a token is shown once and stored
  as its digest; revoked by the staff; query counts of both pages."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.core import secret_tokens
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.vouchers import codes, services
from civica.vouchers.models import BulkIssue, VenueToken, Voucher, VoucherProgramme
from civica.vouchers.tests.factories import (
    VenueFactory,
    VoucherProgrammeFactory,
    issued,
    programme_staff,
    referrer,
    setting,
    venue_staff,
)


@pytest.mark.django_db
def test_a_bulk_issue_may_take_exactly_the_budget_and_not_one_voucher_more():
    programme, _venue, _offer = setting(voucher_value=Decimal("100"), budget=Decimal("1000"))
    staff = programme_staff(programme)
    issued(programme)  # 100 committed by a registration
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.bulk_issue(programme=programme, count=10, purpose="Distribution", language="ro", by=staff)
    assert "Issue at most 9" in refused.value.messages[0]
    programme.refresh_from_db()
    assert programme.committed == Decimal("100") and not BulkIssue.objects.exists()
    assert Voucher.objects.filter(programme=programme).count() == 1
    batch = services.bulk_issue(programme=programme, count=9, purpose="Distribution", language="en", by=staff)
    programme.refresh_from_db()
    assert programme.committed == programme.budget == Decimal("1000")
    assert batch.count == 9 and batch.parts == 1 and batch.vouchers.count() == 9
    assert all(voucher.balance == voucher.value == Decimal("100") and voucher.beneficiary is None
               for voucher in batch.vouchers.all())


@pytest.mark.django_db
def test_bulk_codes_are_unique_and_each_passes_its_check_symbol():
    programme = VoucherProgrammeFactory(voucher_value=Decimal("1"), budget=Decimal("3000"))
    batch = services.bulk_issue(programme=programme, count=3000, purpose="Cards", language="ro",
                                by=programme_staff(programme))
    found = list(batch.vouchers.values_list("code", flat=True))
    assert len(found) == len(set(found)) == 3000
    assert all(codes.normalise(code) == code for code in found)
    assert batch.parts == 12  # 250 cards a part


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["referrer", "venue_staff", "editor", "participant"])
def test_only_the_programmes_staff_issue_in_bulk(kind):
    programme, venue, _offer = setting()
    person = {"referrer": lambda: referrer(programme), "venue_staff": lambda: venue_staff(venue),
              "editor": lambda: UserFactory(role=Role.EDITOR), "participant": UserFactory}[kind]()
    with pytest.raises(PermissionDenied):
        services.bulk_issue(programme=programme, count=1, purpose="x", language="ro", by=person)


@pytest.mark.django_db
def test_the_cards_are_rendered_in_parts_by_the_queue_and_served_to_the_staff(
        client, django_capture_on_commit_callbacks):
    programme, _venue, _offer = setting(voucher_value=Decimal("50"))
    staff = programme_staff(programme)
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/vouchers/manage/{programme.slug}/bulk/",
                               {"count": "3", "purpose": "Fictional distribution", "language": "en"})
    assert response.status_code == 302
    batch = BulkIssue.objects.get()
    assert batch.parts == batch.parts_done == 1 and batch.is_rendered
    page = client.get(f"/en/vouchers/manage/{programme.slug}/bulk/").content.decode()
    assert "Fictional distribution" in page and "part 1 (PDF)" in page
    pdf = client.get(f"/en/vouchers/bulk/{batch.pk}/part-0.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert client.get(f"/en/vouchers/bulk/{batch.pk}/part-1.pdf").status_code == 404
    # Each card on demand too, by its code, in the issue's language.
    code = batch.vouchers.first().code
    assert client.get(f"/en/vouchers/v/{code}/card.pdf").status_code in (200, 202)


@pytest.mark.django_db
def test_the_bulk_page_refuses_a_batch_past_the_budget_with_a_message(client):
    programme, _venue, _offer = setting(voucher_value=Decimal("100"), budget=Decimal("300"))
    client.force_login(programme_staff(programme))
    response = client.post(f"/en/vouchers/manage/{programme.slug}/bulk/",
                           {"count": "4", "purpose": "Cards", "language": "ro"})
    assert response.status_code == 400 and "Issue at most 3" in response.content.decode()
    bad = client.post(f"/en/vouchers/manage/{programme.slug}/bulk/", {"count": "x", "purpose": "", "language": "ro"})
    assert bad.status_code == 400 and "Enter a whole number" in bad.content.decode()
    assert not Voucher.objects.exists()


PAGE_KINDS = ["visitor", "participant", "referrer", "venue_staff", "other_venue_staff", "programme_staff",
              "other_programme_staff", "editor"]


@pytest.fixture
def people(db):
    programme, venue, _offer = setting()
    other = VenueFactory()
    unrelated = VoucherProgrammeFactory()
    return programme, venue, {
        "visitor": AnonymousUser(), "participant": UserFactory(), "referrer": referrer(programme),
        "venue_staff": venue_staff(venue), "other_venue_staff": venue_staff(other),
        "programme_staff": programme_staff(programme), "other_programme_staff": programme_staff(unrelated),
        "editor": UserFactory(role=Role.EDITOR)}


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_the_venue_tokens_page_truth_table(client, people, kind):
    programme, venue, persons = people
    if persons[kind].is_authenticated:
        client.force_login(persons[kind])
    url = f"/en/vouchers/venues/{venue.slug}/tokens/"
    response = client.get(url)
    if kind == "visitor":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        return
    allowed = kind in {"venue_staff", "programme_staff"}
    assert response.status_code == (200 if allowed else 403)
    made = client.post(url, {"name": "Ticketing", "expires_in_days": "365"})
    assert made.status_code == (200 if allowed else 403)
    assert VenueToken.objects.filter(venue=venue).exists() == allowed
    if allowed:
        token = VenueToken.objects.get(venue=venue)
        secret = made.context["created"]["secret"]
        assert secret.startswith("civv_") and secret in made.content.decode()
        assert token.digest == secret_tokens.digest(secret) and secret not in token.digest
        assert secret not in client.get(url).content.decode()  # shown once
        assert client.post(f"{url}{token.pk}/revoke/").status_code == 302
        token.refresh_from_db()
        assert token.revoked_at is not None and token.revoked_by == persons[kind]


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_the_bulk_page_truth_table(client, people, kind):
    programme, _venue, persons = people
    if persons[kind].is_authenticated:
        client.force_login(persons[kind])
    response = client.get(f"/en/vouchers/manage/{programme.slug}/bulk/")
    if kind == "visitor":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        return
    assert response.status_code == (200 if kind == "programme_staff" else 403)


@pytest.mark.django_db
def test_the_pages_cost_the_same_queries_with_more_rows(client, assert_constant_queries):
    programme, venue, _offer = setting(voucher_value=Decimal("1"), budget=Decimal("100"))
    staff = programme_staff(programme)
    client.force_login(staff)

    def grow():
        for index in range(3):
            services.venue_token_create(venue=venue, name=f"System {index}", expires_in_days=90, by=staff)
            services.bulk_issue(programme=programme, count=2, purpose=f"Batch {index}", language="ro", by=staff)

    services.venue_token_create(venue=venue, name="First", expires_in_days=90, by=staff)
    services.bulk_issue(programme=programme, count=1, purpose="First", language="ro", by=staff)
    assert_constant_queries(client, [f"/en/vouchers/venues/{venue.slug}/tokens/",
                                     f"/en/vouchers/manage/{programme.slug}/bulk/"], grow)


@pytest.mark.django_db(transaction=True)
def test_two_bulk_issues_at_once_never_pass_the_budget():
    skip_unless_postgresql()
    programme, _venue, _offer = setting(voucher_value=Decimal("100"), budget=Decimal("1000"))
    staff = [programme_staff(programme), programme_staff(programme)]
    outcomes = run_together([lambda person=person: services.bulk_issue(
        programme=programme, count=6, purpose="Race", language="ro", by=person) for person in staff])
    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["NoneType", "ValidationError"]
    assert VoucherProgramme.objects.get(pk=programme.pk).committed == Decimal("600")
    assert Voucher.objects.filter(programme=programme).count() == 6
    # And two that fit together both go through, one after the other.
    outcomes = run_together([lambda person=person: services.bulk_issue(
        programme=programme, count=2, purpose="Race", language="ro", by=person) for person in staff])
    assert outcomes == [None, None]
    assert VoucherProgramme.objects.get(pk=programme.pk).committed == Decimal("1000")
    assert len(set(Voucher.objects.values_list("code", flat=True))) == 10


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(count=st.one_of(st.integers(min_value=-10, max_value=10**9).map(str), st.text(max_size=12)),
       purpose=st.text(max_size=250), language=st.sampled_from(["ro", "en", "xx", ""]),
       name=st.text(max_size=100), days=st.one_of(st.sampled_from(["90", "365", "7", ""]), st.text(max_size=5)))
def test_no_input_of_the_bulk_and_token_forms_makes_a_500(client, fuzz_world, count, purpose, language, name, days):
    programme, venue, staff = fuzz_world
    client.force_login(staff)
    issued_now = client.post(f"/en/vouchers/manage/{programme.slug}/bulk/",
                             {"count": count, "purpose": purpose, "language": language})
    assert issued_now.status_code in (302, 400)
    made = client.post(f"/en/vouchers/venues/{venue.slug}/tokens/", {"name": name, "expires_in_days": days})
    assert made.status_code in (200, 400)
    programme.refresh_from_db()
    assert programme.committed <= programme.budget


@pytest.fixture
def fuzz_world(db):
    programme, venue, _offer = setting(voucher_value=Decimal("1"), budget=Decimal("50"))
    return programme, venue, programme_staff(programme)
