"""Settlement statements (issue 22, point 7): what a month's statement holds, reversals netted before
approval and deducted in the next statement after it, the PDF and XLSX contents (masked codes, never a
beneficiary, text never a formula), bad input on the prepare form, and the status moves."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from civica.vouchers import selectors, services
from civica.vouchers.models import Redemption, Statement, StatementStatus
from civica.vouchers.tests.factories import OfferFactory, VenueFactory, issued, programme_staff, setting, venue_staff

pytestmark = pytest.mark.django_db


def _month(offset=0) -> datetime.date:
    first = timezone.localdate().replace(day=1)
    for _ in range(offset):
        first = (first + datetime.timedelta(days=32)).replace(day=1)
    return first


@pytest.fixture
def world():
    programme, venue, offer = setting()
    offer.title_en = "=HYPERLINK(\"http://evil\")"
    offer.save()
    other_venue = VenueFactory()
    programme.venues.add(other_venue)
    other_offer = OfferFactory(venue=other_venue, programmes=[programme])
    staff = programme_staff(programme)
    here, there = venue_staff(venue), venue_staff(other_venue)
    vouchers = [issued(programme, alias=f"Person {index}") for index in range(3)]
    redemptions = [services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("20"), by=here)
                   for voucher in vouchers]
    elsewhere = services.voucher_redeem(voucher=vouchers[0], venue=other_venue, offer=other_offer,
                                        amount=Decimal("15"), by=there)
    return {"programme": programme, "venue": venue, "other_venue": other_venue, "offer": offer, "staff": staff,
            "here": here, "there": there, "vouchers": vouchers, "redemptions": redemptions, "elsewhere": elsewhere}


def _statement(world, venue_key="venue", month=None):
    return selectors.with_totals(Statement.objects.filter(
        programme=world["programme"], venue=world[venue_key], month=month or _month())).get()


def test_a_month_s_statements_hold_each_venue_s_redemptions(world):
    prepared = services.statements_prepare(programme=world["programme"], month=_month(), by=world["staff"])
    assert {statement.venue for statement in prepared} == {world["venue"], world["other_venue"]}
    statement = _statement(world)
    assert (statement.reimbursed, statement.deducted, statement.net) == (Decimal("60"), Decimal("0"), Decimal("60"))
    lines = selectors.statement_lines(statement)
    assert [line.amount for line in lines] == [Decimal("20")] * 3
    codes = {line.code for line in lines}
    for voucher in world["vouchers"]:
        assert voucher.display_code not in codes
        assert selectors.masked_code(voucher.code) in codes
        assert selectors.masked_code(voucher.code).endswith(voucher.display_code[-6:])
    assert _statement(world, "other_venue").net == Decimal("15")
    # Preparing again changes nothing (nothing new to settle).
    services.statements_prepare(programme=world["programme"], month=_month(), by=world["staff"])
    assert Statement.objects.count() == 2 and _statement(world).net == Decimal("60")


def test_a_reversal_before_approval_is_netted_after_it_goes_into_the_next_statement(world):
    programme, staff = world["programme"], world["staff"]
    services.statements_prepare(programme=programme, month=_month(), by=staff)
    services.redemption_reverse(redemption=world["redemptions"][0], reason="Wrong offer", by=staff)
    statement = _statement(world)
    services.statement_move(statement=statement, to=StatementStatus.APPROVED, by=staff)
    statement = _statement(world)
    assert statement.status == StatementStatus.APPROVED and statement.approved_by == staff
    assert (statement.reimbursed, statement.deducted, statement.net) == (Decimal("60"), Decimal("20"), Decimal("40"))
    # After approval: the statement no longer changes; the reversal is a negative line of the next one.
    services.redemption_reverse(redemption=world["redemptions"][1], reason="Double scan", by=staff)
    late = services.voucher_redeem(voucher=world["vouchers"][2], venue=world["venue"], offer=world["offer"],
                                   amount=Decimal("5"), by=world["here"])
    services.statements_prepare(programme=programme, month=_month(), by=staff)
    assert _statement(world).net == Decimal("40")
    services.statements_prepare(programme=programme, month=_month(1), by=staff)
    following = _statement(world, month=_month(1))
    lines = selectors.statement_lines(following)
    assert [(line.amount, line.is_reversal) for line in lines] == [(Decimal("-20"), True), (Decimal("5"), False)]
    assert lines[0].note == "Double scan"
    assert following.net == Decimal("-15")
    late.refresh_from_db()
    assert late.statement_id == following.pk


def test_status_moves_are_declared_and_the_staff_s(world):
    services.statements_prepare(programme=world["programme"], month=_month(), by=world["staff"])
    statement = _statement(world)
    with pytest.raises(PermissionDenied):
        services.statement_move(statement=statement, to=StatementStatus.APPROVED, by=world["here"])
    with pytest.raises(PermissionDenied):  # paid before approved: not declared
        services.statement_move(statement=statement, to=StatementStatus.PAID, by=world["staff"])
    services.statement_move(statement=statement, to=StatementStatus.APPROVED, by=world["staff"])
    with translation.override("en"), pytest.raises(PermissionDenied, match="approved already|not possible"):
        services.statement_move(statement=statement, to=StatementStatus.APPROVED, by=world["staff"])
    paid = services.statement_move(statement=statement, to=StatementStatus.PAID, by=world["staff"])
    assert paid.status == StatementStatus.PAID and paid.paid_at is not None


def test_the_statement_page_pdf_and_xlsx_show_masked_codes_and_no_beneficiary(client, world):
    services.statements_prepare(programme=world["programme"], month=_month(), by=world["staff"])
    statement = _statement(world)
    client.force_login(world["here"])
    page = client.get(f"/en/vouchers/statements/{statement.pk}/").content.decode()
    masked = selectors.masked_code(world["vouchers"][0].code)
    assert masked in page and "To reimburse" in page and "60.00" in page
    for voucher in world["vouchers"]:
        assert voucher.display_code not in page and voucher.beneficiary.reference not in page
        assert voucher.beneficiary.alias not in page
    assert "Approve" not in page  # the venue's staff do not approve

    response = client.get(f"/en/vouchers/statements/{statement.pk}/statement.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.getvalue())).pages)
    assert world["venue"].name in text and "To reimburse" in text and "60.00" in text
    assert masked[-6:] in text
    for voucher in world["vouchers"]:
        assert voucher.display_code not in text and voucher.beneficiary.reference not in text
        assert voucher.beneficiary.alias not in text

    response = client.get(f"/en/vouchers/statements/{statement.pk}/statement.xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert world["venue"].name in cells and masked in cells and 60 in cells
    assert '=HYPERLINK("http://evil")' in cells  # the offer's title stays text
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    for voucher in world["vouchers"]:
        assert voucher.display_code not in cells and voucher.beneficiary.alias not in cells


def test_staff_prepare_approve_and_pay_from_the_pages(client, world):
    client.force_login(world["staff"])
    response = client.post("/en/vouchers/statements/", {"programme": world["programme"].pk,
                                                         "month": _month().strftime("%Y-%m")})
    assert response.status_code == 302
    statement = _statement(world)
    page = client.get(f"/en/vouchers/statements/{statement.pk}/").content.decode()
    assert "Approve" in page
    client.post(f"/en/vouchers/statements/{statement.pk}/", {"to": "approved"})
    client.post(f"/en/vouchers/statements/{statement.pk}/", {"to": "paid"})
    statement.refresh_from_db()
    assert statement.status == StatementStatus.PAID
    # A reversal after approval: the staff are told where it goes.
    response = client.post(f"/en/vouchers/redemptions/{world['redemptions'][0].pk}/reverse/",
                           {"reason": "Mistake", "next": "manage"}, follow=True)
    assert "the next statement of the venue deducts it" in response.content.decode()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(month=st.one_of(st.sampled_from(["2021-13", "9999-01", "1999-12", "2021-6", "²", "2021-06-01", "-1"]),
                       st.text(max_size=12)),
       programme=st.one_of(st.sampled_from(["", "0", "9" * 25, str(2**63), "٣"]), st.text(max_size=6)))
def test_bad_input_on_the_prepare_form_is_a_clear_message(client, world, month, programme):
    client.force_login(world["staff"])
    response = client.post("/en/vouchers/statements/", {"programme": programme, "month": month})
    assert response.status_code in {302, 400}
    if response.status_code == 400 and "\x00" not in month + programme:  # (a NUL: core's readable 400 page)
        assert "errorlist" in response.content.decode()


def test_a_bad_statement_number_or_move_is_a_404_or_a_message(client, world):
    client.force_login(world["staff"])
    assert client.get("/en/vouchers/statements/999999/").status_code == 404
    services.statements_prepare(programme=world["programme"], month=_month(), by=world["staff"])
    statement = _statement(world)
    response = client.post(f"/en/vouchers/statements/{statement.pk}/", {"to": "burned"}, follow=True)
    assert "Choose to approve the statement or to mark it paid." in response.content.decode()
    assert Statement.objects.get(pk=statement.pk).status == StatementStatus.DRAFT
    assert Redemption.objects.filter(statement=statement).count() == 3
