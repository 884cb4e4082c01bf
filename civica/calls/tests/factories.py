import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from civica.calls.models import Call, CallKind, CallStatus, FieldKind, FormField


class CallFactory(factory.django.DjangoModelFactory):
    """A published call open now, with a small form."""

    class Meta:
        model = Call
        skip_postgeneration_save = True

    kind = CallKind.GRANT
    slug = factory.Sequence(lambda n: f"call-{n}")
    title_ro = factory.Sequence(lambda n: f"Apelul {n}")
    title_en = factory.Sequence(lambda n: f"Call {n}")
    summary_ro = "Rezumat"
    summary_en = "Summary"
    status = CallStatus.PUBLISHED
    budget_total = Decimal("100000")
    amount_min = Decimal("1000")
    amount_max = Decimal("20000")
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=5))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=5))

    @factory.post_generation
    def form(call, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        specs = [
            ("summary", FieldKind.LONG_TEXT, "Rezumat", "Summary", {"max_length": 500}),
            ("people", FieldKind.NUMBER, "Participanți", "Participants", {"min_value": 1, "max_value": 1000}),
            ("budget", FieldKind.BUDGET_TABLE, "Buget", "Budget", {}),
            ("team", FieldKind.TEAM_MEMBERS, "Echipa", "Team", {"required": False}),
            ("portfolio", FieldKind.FILE, "Portofoliu", "Portfolio", {"file_types": ["pdf"], "max_file_mb": 1}),
            ("rules", FieldKind.DECLARATION, "Accept regulamentul", "I accept the rules", {}),
        ]
        for position, (key, kind, label_ro, label_en, options) in enumerate(specs):
            FormField.objects.create(call=call, key=key, kind=kind, position=position, label_ro=label_ro,
                                     label_en=label_en, required=options.pop("required", True), **options)
