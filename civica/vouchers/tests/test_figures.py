"""The settlement statements' and the dashboard's query counts, the public figures' disclosure control (a
differencing attempt included), and the figures fed to the plan's KPIs, the observatory's counted indicators
and the open-data catalogue. Who sees them: test_rules_settlement.py."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone, translation

from civica.accountability.registry import live_source
from civica.core.open_data import registered
from civica.observatory.computed import counts
from civica.vouchers import figures, services
from civica.vouchers.models import Redemption
from civica.vouchers.tests.factories import (
    OfferFactory,
    VenueFactory,
    issued,
    programme_staff,
    setting,
    venue_staff,
)

pytestmark = pytest.mark.django_db

def _month() -> datetime.date:
    return timezone.localdate().replace(day=1)


def _busy_programme(people=6):
    programme, venue, offer = setting(budget=Decimal("5000"))
    staff = programme_staff(programme)
    here = venue_staff(venue)
    venues = [(venue, offer, here)]
    for _ in range(2):
        other = VenueFactory()
        programme.venues.add(other)
        venues.append((other, OfferFactory(venue=other, programmes=[programme]), venue_staff(other)))
    for index in range(people):
        voucher = issued(programme)
        place, place_offer, place_staff = venues[index % 3]
        services.voucher_redeem(voucher=voucher, venue=place, offer=place_offer, amount=Decimal("10"), by=place_staff)
    return programme, staff, venues


def test_the_dashboard_and_the_statements_list_take_a_fixed_number_of_queries(client,
                                                                              django_assert_max_num_queries):
    programme, staff, _venues = _busy_programme(9)
    services.statements_prepare(programme=programme, month=_month(), by=staff)
    client.force_login(staff)
    client.get("/en/vouchers/statements/")  # warms what a first request loads once
    with django_assert_max_num_queries(12):
        response = client.get(f"/en/vouchers/manage/{programme.slug}/dashboard/")
    assert response.status_code == 200
    with django_assert_max_num_queries(12):
        response = client.get("/en/vouchers/statements/")
    assert response.content.decode().count('href="/en/vouchers/statements/') == 3
    with django_assert_max_num_queries(12):
        assert client.get(f"/en/vouchers/programmes/{programme.slug}/").status_code == 200


def test_published_figures_never_show_fewer_than_three_beneficiaries_even_by_difference():
    """Six people redeem, three at venue A, two at B, one at C. B and C are too few; A alone is safe, but
    the total minus A would be B and C together (three people: safe). Then one more person at A: the total
    minus A and B... the attacker subtracts every published cell from the total, and never lands on fewer
    than three people."""
    programme, _staff, venues = _busy_programme(0)
    (a, offer_a, staff_a), (b, offer_b, staff_b), (c, offer_c, staff_c) = venues
    for place, offer, staff, times in ((a, offer_a, staff_a, 4), (b, offer_b, staff_b, 2), (c, offer_c, staff_c, 1)):
        for _ in range(times):
            services.voucher_redeem(voucher=issued(programme), venue=place, offer=offer, amount=Decimal("10"),
                                    by=staff)
    with translation.override("en"):
        shown = figures.published(programme)["redeemed"]
    by_venue = {cell.label: cell for cell in shown["by_venue"]}
    assert by_venue[b.name].withheld and by_venue[c.name].withheld
    # The differencing attempt: the total minus every published venue is the withheld venues' people.
    published = [cell for cell in by_venue.values() if not cell.withheld]
    if not shown["total"].withheld:
        remainder = shown["total"].people - sum(cell.people for cell in published)
        assert remainder == 0 or remainder >= 3
    assert shown["total"].people == 7 and shown["total"].amount == Decimal("70")
    # Every published cell counts at least three people.
    for cell in [shown["total"], *shown["by_venue"], *shown["by_month"]]:
        assert cell.withheld or cell.people >= 3

    # Now venue A has 4 and B 2, C nothing more: with C's one person gone (reversed), total − A = B's two.
    reversed_one = Redemption.objects.filter(venue=c).get()
    services.redemption_reverse(redemption=reversed_one, reason="Mistake", by=programme_staff(programme))
    shown = figures.published(programme)["redeemed"]
    by_venue = {cell.label: cell for cell in shown["by_venue"]}
    assert by_venue[b.name].withheld
    assert by_venue[a.name].withheld or shown["total"].withheld  # one of the two, or B could be computed
    for cell in [shown["total"], *shown["by_venue"], *shown["by_month"]]:
        assert cell.withheld or cell.people >= 3


def test_the_public_page_and_open_data_withhold_small_cells(client):
    programme, _staff, _venues = _busy_programme(2)
    page = client.get(f"/en/vouchers/programmes/{programme.slug}/").content.decode()
    assert "Withheld: fewer than 3 beneficiaries" in page and "20.00" not in page
    response = client.get(f"/en/vouchers/programmes/{programme.slug}/figures.xlsx")
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content))["data"].iter_rows(values_only=True))
    assert rows[0][:6] == ("programme", "figure", "breakdown", "group", "beneficiaries", "value")
    assert all(row[4] is None and row[5] is None for row in rows[1:])
    csv = client.get(f"/en/vouchers/programmes/{programme.slug}/figures.csv").content.decode()
    assert "Withheld" in csv
    assert client.get(f"/en/vouchers/programmes/{programme.slug}/figures.exe").status_code == 404


def test_figures_feed_the_plan_the_observatory_and_the_open_data_catalogue():
    programme, _staff, _venues = _busy_programme(2)
    today = timezone.localdate()
    source = live_source(f"vouchers.{programme.slug}.beneficiaries")
    assert source is not None and source.value_at(today) is None  # two people: not shown
    assert counts["vouchers.beneficiaries"].by_year([today.year]) == {}
    venue, offer, staff = _venues[0]
    services.voucher_redeem(voucher=issued(programme), venue=venue, offer=offer, amount=Decimal("10"), by=staff)
    assert source.value_at(today) == Decimal("3")
    assert live_source(f"vouchers.{programme.slug}.used").value_at(today) == Decimal("30")
    assert live_source(f"vouchers.{programme.slug}.issued").value_at(today) == Decimal("3")
    assert live_source(f"vouchers.{programme.slug}.redeemed").value_at(
        today - datetime.timedelta(days=400)) is None
    assert counts["vouchers.beneficiaries"].by_year([today.year]) == {today.year: Decimal("3")}
    assert counts["vouchers.lei_used"].by_year([today.year]) == {today.year: Decimal("30")}
    assert counts["vouchers.issued"].by_year(None) == {today.year: Decimal("3")}
    entries = [entry for entry in registered() if entry.url == f"/ro/vouchers/programmes/{programme.slug}/"
               or entry.url.endswith(f"/vouchers/programmes/{programme.slug}/")]
    assert len(entries) == 1
    assert {distribution.file_type for distribution in entries[0].distributions} == {"CSV", "XLSX"}
