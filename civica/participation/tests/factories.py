import datetime

import factory
from django.utils import timezone

from civica.accounts.tests.factories import UserFactory
from civica.participation.models import Idea, Phase, Process
from civica.participation.services import idea_tally_move


class ProcessFactory(factory.django.DjangoModelFactory):
    """A published process whose ideas phase is open now (information before, voting after)."""

    class Meta:
        model = Process
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"process-{n}")
    title_ro = factory.Sequence(lambda n: f"Consultarea {n}")
    title_en = factory.Sequence(lambda n: f"Consultation {n}")
    summary_ro = "Rezumat"
    summary_en = "Summary"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    is_published = True

    @factory.post_generation
    def phases(process, create, extracted, **kwargs):
        if not create:
            return
        now = timezone.now()
        day = datetime.timedelta(days=1)
        spec = extracted if extracted is not None else [
            ("information", now - 30 * day, now - 10 * day),
            ("ideas", now - 10 * day, now + 10 * day),
            ("voting", now + 10 * day, now + 30 * day),
        ]
        for position, (kind, starts_at, ends_at) in enumerate(spec):
            Phase.objects.create(process=process, kind=kind, starts_at=starts_at, ends_at=ends_at, position=position)


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idea

    process = factory.SubFactory(ProcessFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Idea {n} for the park")
    body = "More benches and **shade**."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Counted in its process's tally as idea_create counts it, so the ideas list's count is right.
        idea = super()._create(model_class, *args, **kwargs)
        idea_tally_move(process_id=idea.process_id, after=(idea.category_id, idea.status))
        return idea
