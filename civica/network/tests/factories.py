import factory

from civica.network.models import (
    Booking,
    BookingStatus,
    Category,
    DuesCategory,
    EntityKind,
    Membership,
    Network,
    NetworkEntity,
    Organisation,
    Programme,
    Relationship,
    Space,
    SpaceKind,
    SpaceStatus,
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    category = Category.CULTURAL_INSTITUTION
    relationship = Relationship.PARTNER


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name_ro = factory.Sequence(lambda n: f"Programul {n}")
    name_en = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    organisation = factory.SubFactory(OrganisationFactory)
    summary_ro = "Rezumat"
    summary_en = "Summary"


class SpaceFactory(factory.django.DjangoModelFactory):
    """An open space members may book; ``closed=True`` makes one that takes no booking."""

    class Meta:
        model = Space

    name_ro = factory.Sequence(lambda n: f"Sala {n}")
    name_en = factory.Sequence(lambda n: f"Room {n}")
    slug = factory.Sequence(lambda n: f"space-{n}")
    kind = SpaceKind.STUDIO
    status = SpaceStatus.OPEN
    is_bookable = True

    class Params:
        closed = factory.Trait(status=SpaceStatus.PREPARING, is_bookable=False)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    dues_category = DuesCategory.INSTITUTIONS


class MemberFactory(OrganisationFactory):
    """A member organisation, with its membership (as services.membership_sync keeps it)."""

    relationship = Relationship.MEMBER
    membership = factory.RelatedFactory(MembershipFactory, factory_related_name="organisation")


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    slug = factory.Sequence(lambda n: f"network-{n}")
    name_ro = factory.Sequence(lambda n: f"Rețeaua {n}")
    name_en = factory.Sequence(lambda n: f"Network {n}")


class NetworkEntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkEntity

    network = factory.SubFactory(NetworkFactory)
    kind = EntityKind.SCHOOL
    name = factory.Sequence(lambda n: f"Școala {n}")
    locality = "Cluj-Napoca"
    county = "Cluj"
    country = "România"


def member_representative(organisation=None, **user_fields):
    """A participant who represents ``organisation`` (a new member organisation by default)."""
    from civica.accounts.tests.factories import UserFactory
    from civica.network.models import Representation

    user = UserFactory(**user_fields)
    Representation.objects.create(user=user, organisation=organisation or MemberFactory())
    return user


def bucharest(days: int, hour: int, minute: int = 0):
    """``days`` from today at ``hour``:``minute`` on the centre's clock."""
    import datetime

    from django.utils import timezone

    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone())


class BookingFactory(factory.django.DjangoModelFactory):
    """A confirmed booking two days ahead, 10:00–12:00 Bucharest time."""

    class Meta:
        model = Booking

    space = factory.SubFactory(SpaceFactory)
    organisation = factory.SubFactory(MemberFactory)
    booked_by = None
    purpose = "Întâlnirea membrilor"
    starts_at = factory.LazyFunction(lambda: bucharest(2, 10))
    ends_at = factory.LazyFunction(lambda: bucharest(2, 12))
    status = BookingStatus.CONFIRMED
