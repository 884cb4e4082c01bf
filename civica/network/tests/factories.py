import factory

from civica.network.models import Category, Organisation, Programme, Relationship


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
