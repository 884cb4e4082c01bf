import factory

from civica.network.models import Category, Organisation, Programme, Relationship, Space, SpaceKind, SpaceStatus


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
