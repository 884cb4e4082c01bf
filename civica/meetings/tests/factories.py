import datetime

import factory
from django.utils import timezone

from civica.meetings.models import Meeting, MeetingKind


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    slug = factory.Sequence(lambda n: f"meeting-{n}")
    kind = MeetingKind.PUBLIC_DEBATE
    title_ro = factory.Sequence(lambda n: f"Dezbaterea {n}")
    title_en = factory.Sequence(lambda n: f"Debate {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7, hours=2))
    place = "CIIC"
    address = "Cluj-Napoca"
