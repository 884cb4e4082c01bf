"""Small factories for the vouchers' tests: an open programme (today within its period) with a venue and
an offer it accepts, people in each role, a registered beneficiary with a voucher."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from civica.accounts.tests.factories import UserFactory
from civica.network.tests.factories import ProgrammeFactory
from civica.vouchers import services
from civica.vouchers.models import (
    Offer,
    ProgrammeRole,
    ProgrammeRoleKind,
    ProgrammeStatus,
    Unit,
    Venue,
    VenueStaff,
    VoucherProgramme,
)


class VoucherProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VoucherProgramme

    programme = factory.SubFactory(ProgrammeFactory)
    name_ro = factory.Sequence(lambda n: f"Vouchere {n}")
    name_en = factory.Sequence(lambda n: f"Vouchers {n}")
    slug = factory.Sequence(lambda n: f"vouchers-{n}")
    purpose_ro = "Acces la cultură."
    purpose_en = "Access to culture."
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=150))
    unit = Unit.LEI
    voucher_value = Decimal("100")
    budget = Decimal("1000")
    status = ProgrammeStatus.OPEN


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Venue {n}")
    slug = factory.Sequence(lambda n: f"venue-{n}")
    address = "Strada Exemplu 1"


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer
        skip_postgeneration_save = True

    venue = factory.SubFactory(VenueFactory)
    title_ro = factory.Sequence(lambda n: f"Atelier {n}")
    title_en = factory.Sequence(lambda n: f"Workshop {n}")
    price = Decimal("30")

    @factory.post_generation
    def programmes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.programmes.set(extracted)


def setting(**programme_fields):
    """An open programme, a venue it accepts and an offer of that venue it accepts."""
    programme = VoucherProgrammeFactory(**programme_fields)
    venue = VenueFactory()
    programme.venues.add(venue)
    offer = OfferFactory(venue=venue, programmes=[programme])
    return programme, venue, offer


def programme_role(programme, role, user=None):
    user = user or UserFactory()
    ProgrammeRole.objects.create(user=user, programme=programme, role=role)
    return user


def referrer(programme):
    return programme_role(programme, ProgrammeRoleKind.REFERRER)


def programme_staff(programme):
    return programme_role(programme, ProgrammeRoleKind.STAFF)


def venue_staff(venue, user=None):
    user = user or UserFactory()
    VenueStaff.objects.create(user=user, venue=venue)
    return user


def issued(programme, by=None, **fields):
    """A voucher issued to a new beneficiary registered by ``by`` (a new referrer by default)."""
    by = by or referrer(programme)
    return services.beneficiary_register(programme=programme, language=fields.pop("language", "ro"), by=by, **fields)
