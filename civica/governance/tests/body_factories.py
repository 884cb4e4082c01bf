"""Bodies, seats and terms for the tests of the bodies' pages and services."""

import datetime

import factory

from civica.governance.models import Body, BodyRole, HeldBy, Seat, SeatRole, Term


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    name_ro = factory.Sequence(lambda n: f"Consiliul {n}")
    name_en = factory.Sequence(lambda n: f"Council {n}")
    slug = factory.Sequence(lambda n: f"council-{n}")
    role = BodyRole.CONSULTATIVE
    held_by = HeldBy.EITHER


class SeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Seat

    body = factory.SubFactory(BodyFactory)
    role = SeatRole.MEMBER
    position = factory.Sequence(lambda n: n)


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Term

    seat = factory.SubFactory(SeatFactory)
    holder_name = factory.Sequence(lambda n: f"Persoana {n}")
    starts_on = datetime.date(2020, 1, 1)
