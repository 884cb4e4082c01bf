"""The consultations' open data in the site's catalogue (``core.open_data``): each published consultation's
contributions (``exports``: ideas, supports, debates, comments, public polls' answers, with no personal
data and nothing hidden), as a workbook, a ZIP of CSVs and JSON, under CC BY 4.0. One query, however many
consultations: when each last changed is read by subqueries (its latest idea, support, comment or poll
response, or its own creation)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from civica.comments.models import Comment
from civica.core.open_data import CatalogueEntry, Distribution

from .exports import streams
from .models import Idea, PollResponse, Process, Support

FILES = (("xlsx", "XLSX", streams.XLSX_TYPE), ("zip", "ZIP", streams.ZIP_TYPE), ("json", "JSON", "application/json"))
DESCRIPTION = {
    "ro": "Tot ce s-a propus în consultarea „{title}”: ideile (cu statutul și răspunsul oficial), susținerile "
          "fiecărei idei, dezbaterile, comentariile cu firul lor și răspunsurile la sondajele cu rezultate "
          "publice. Fără date personale și fără ce a ascuns moderarea.",
    "en": "Everything contributed to the consultation “{title}”: its ideas (with their status and official "
          "answer), the supports of each idea, the debates, the comments with their thread and the answers to "
          "the polls whose results are public. No personal data, nothing hidden by moderation.",
}


def _processes():
    process = OuterRef("pk")
    return Process.objects.published().annotate(
        last_idea=Subquery(Idea.objects.filter(process=process).order_by("-updated_at").values("updated_at")[:1]),
        last_support=Subquery(Support.objects.filter(idea__process=process).order_by("-created_at")
                              .values("created_at")[:1]),
        last_comment=Subquery(Comment.objects.filter(
            scope_type=ContentType.objects.get_for_model(Process), scope_id=process)
            .order_by("-created_at").values("created_at")[:1]),
        last_response=Subquery(PollResponse.objects.filter(poll__process=process).order_by("-created_at")
                               .values("created_at")[:1]),
    ).order_by("-starts_on", "slug")


def catalogue() -> list[CatalogueEntry]:
    entries = []
    for process in _processes():
        title_en = process.title_en or process.title_ro
        modified = max(moment for moment in (process.created_at, process.last_idea, process.last_support,
                                             process.last_comment, process.last_response) if moment is not None)
        entries.append(CatalogueEntry(
            section=_("Contributions to consultations"),
            url=process.get_absolute_url() + "#open-data-title",
            title_ro=f"Contribuții: {process.title_ro}",
            title_en=f"Contributions: {title_en}",
            description_ro=DESCRIPTION["ro"].format(title=process.title_ro),
            description_en=DESCRIPTION["en"].format(title=title_en),
            licence_url=streams.LICENCE_URL, licence_label=streams.LICENCE_NAME, modified=modified,
            distributions=tuple(Distribution(
                url=reverse("participation:open_data_download", args=[process.slug, f"{streams.ALL}.{fmt}"]),
                file_type=file_type, media_type=media_type) for fmt, file_type, media_type in FILES),
            keywords=(("participare", "participation"), ("consultare publică", "public consultation")),
        ))
    return entries
