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


def pdf_bytes(*, author=None, title=None, text="") -> bytes:
    """A small real PDF (one blank page), with document information and XMP metadata if asked."""
    import io

    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    if text:
        pdf.Root.Comment = pikepdf.String(text)  # any marker the test wants to find in the bytes
    if author or title:
        pdf.docinfo = pdf.make_indirect(pikepdf.Dictionary(
            {key: pikepdf.String(value) for key, value in (("/Author", author), ("/Title", title)) if value}))
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            if author:
                meta["dc:creator"] = [author]
            if title:
                meta["dc:title"] = title
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()
