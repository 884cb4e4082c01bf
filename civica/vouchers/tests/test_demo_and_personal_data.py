"""The demo of the 2021 pilots (on the two programmes and the museum network's demo makes, made here by
factories: network's demo draws images, seconds of CI), what a beneficiary with an account downloads and
what erasing leaves, the voucher's e-mail, and the programme page's section."""

from decimal import Decimal

import pytest
from django.utils import timezone

from civica.accounts.models import User
from civica.accounts.tests.factories import UserFactory
from civica.network.tests.factories import OrganisationFactory, ProgrammeFactory
from civica.vouchers import demo, personal_data, services
from civica.vouchers.models import Beneficiary, Redemption, Statement, Voucher, VoucherProgramme, VoucherStatus
from civica.vouchers.tests.factories import issued, programme_staff, setting, venue_staff

pytestmark = pytest.mark.django_db


def test_the_demo_holds_the_two_pilots_of_the_plan_with_fictional_beneficiaries_and_runs_twice(client):
    for slug in ("spatiu-interior", "jivipen", "academia-schimbarii"):
        ProgrammeFactory(slug=slug)
    OrganisationFactory(slug="muzeul-etnografic-al-transilvaniei")
    said = []
    demo.load(said.append)
    demo.load(lambda _message: None)
    wellbeing = VoucherProgramme.objects.get(slug="vouchere-well-being-2021")
    pata_rat = VoucherProgramme.objects.get(slug="voucher-cultural-pata-rat-2021")
    assert wellbeing.programme.slug == "spatiu-interior" and pata_rat.programme.slug == "jivipen"
    assert (wellbeing.starts_on.isoformat(), wellbeing.ends_on.isoformat()) == ("2021-06-01", "2021-12-31")
    assert (pata_rat.starts_on.isoformat(), pata_rat.ends_on.isoformat()) == ("2021-04-01", "2021-11-30")
    assert "fictional" in wellbeing.purpose_en and "fictive" in pata_rat.purpose_ro
    assert Beneficiary.objects.count() == 18 and not Beneficiary.objects.filter(is_fictional=False).exists()
    assert {p.status for p in (wellbeing, pata_rat)} == {"closed"}
    trial = VoucherProgramme.objects.get(slug="vouchere-demonstrative")
    assert trial.status == "open" and trial.is_fictional
    assert not Voucher.objects.filter(is_fictional=False).exists()
    assert Redemption.objects.exists() and not Redemption.objects.filter(is_fictional=False).exists()
    for programme in (wellbeing, pata_rat, trial):
        issued_value = sum(v.value for v in Voucher.objects.filter(programme=programme))
        assert programme.committed == issued_value <= programme.budget
        for voucher in Voucher.objects.filter(programme=programme):
            spent = sum(r.amount for r in voucher.redemptions.all())
            assert voucher.balance == voucher.value - spent >= 0
    page = client.get("/en/vouchers/").content.decode()
    assert "Cultural voucher for the people of Pata Rât" in page
    voucher = Voucher.objects.filter(redemptions__isnull=False, programme=pata_rat).first()
    assert "expired" in client.get(f"/en/vouchers/v/{voucher.code}/").content.decode()
    code = said[0].rpartition("a code to try: ")[2]
    trying = client.get(f"/en/vouchers/v/{code}/").content.decode()
    assert "Demonstration cultural vouchers (fictional)" in trying and "Museum entry (demo offer)" in trying
    assert all(r.redeemed_at <= timezone.now() for r in Redemption.objects.all())
    # The fictional redemptions are settled: the 2021 months' statements approved and paid, marked fictional.
    assert not Redemption.objects.filter(statement=None).exists()
    assert Statement.objects.exists() and not Statement.objects.filter(is_fictional=False).exists()
    assert {s.status for s in Statement.objects.filter(programme__in=[wellbeing, pata_rat])} == {"paid"}
    staff = User.objects.get(email="voucher-staff@civica.test")
    client.force_login(staff)
    listing = client.get("/en/vouchers/statements/").content.decode()
    assert "Settlement statements" in listing and "Fictional (demo)" in listing


def test_a_beneficiary_with_an_account_downloads_their_vouchers_and_erasing_keeps_the_redemptions():
    programme, venue, offer = setting()
    person = UserFactory()
    voucher = issued(programme)
    Beneficiary.objects.filter(pk=voucher.beneficiary_id).update(user=person)
    services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("30"), by=venue_staff(venue))
    exported = personal_data.export(person)
    assert exported["beneficiary"][0]["vouchers"][0]["code"] == voucher.code
    assert exported["beneficiary"][0]["vouchers"][0]["redemptions"][0]["amount"] == "30.00"
    staff = programme_staff(programme)
    assert personal_data.export(staff)["programme_roles"][0]["role"] == "staff"
    personal_data.erase(person)
    voucher.refresh_from_db()
    programme.refresh_from_db()
    assert not Beneficiary.objects.exists() and voucher.beneficiary is None
    assert voucher.status == VoucherStatus.CANCELLED and programme.committed == Decimal("30")
    assert Redemption.objects.filter(voucher=voucher).count() == 1


def test_the_programme_page_lists_its_voucher_programmes_but_not_drafts(client):
    programme, _venue, _offer = setting()
    from civica.vouchers.tests.factories import VoucherProgrammeFactory

    VoucherProgrammeFactory(programme=programme.programme, name_en="Draft vouchers", status="draft")
    page = client.get(f"/en/network/programmes/{programme.programme.slug}/").content.decode()
    assert programme.name_en in page and f"/en/vouchers/programmes/{programme.slug}/" in page
    assert "Draft vouchers" not in page
    public = client.get(f"/en/vouchers/programmes/{programme.slug}/").content.decode()
    assert f"/en/vouchers/offers/?programme={programme.slug}" in public


def test_a_voucher_is_e_mailed_once_in_the_beneficiarys_language_with_its_card(mailoutbox):
    programme, _venue, _offer = setting()
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        voucher = issued(programme, language="en", email="Ana@Example.org")
    assert voucher.beneficiary.email == "ana@example.org"
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["ana@example.org"] and programme.name_en in message.subject
    assert voucher.display_code in message.body and f"/en/vouchers/v/{voucher.code}/" in message.body
    assert message.attachments[0][2] == "application/pdf" and message.attachments[0][1].startswith(b"%PDF")
    from civica.vouchers import tasks

    tasks.send_voucher(voucher.pk, f"vouchers.voucher.{voucher.pk}.sent")  # run again: sent once
    assert len(mailoutbox) == 1


def test_beneficiaries_are_erased_after_their_programmes_retention_date_and_not_before():
    import datetime

    from civica.vouchers import tasks

    kept, _venue, _offer = setting(retention_until=timezone.localdate())
    past, venue, offer = setting(retention_until=timezone.localdate() - datetime.timedelta(days=1))
    issued(kept)
    voucher = issued(past)
    services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("30"), by=venue_staff(venue))
    tasks.erase_past_retention()
    assert list(Beneficiary.objects.values_list("programme", flat=True)) == [kept.pk]
    assert Redemption.objects.get().voucher.beneficiary is None
