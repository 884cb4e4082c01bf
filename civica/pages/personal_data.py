"""What the pages app holds about a person: the revisions they saved (an editor's work, with their
name in the history). On deletion the revisions stay, by nobody (``on_delete=SET_NULL``)."""

from .models import Page, PageRevision


def export(user) -> dict:
    rows = [
        {
            "page": revision.page.slug,
            "number": revision.number,
            "saved_at": revision.created_at.isoformat(),
            "note": revision.note,
        }
        for revision in PageRevision.objects.filter(by=user).select_related("page").order_by("pk")
    ]
    return {"page_revisions": rows} if rows else {}


def erase(user) -> None:
    PageRevision.objects.filter(by=user).update(by=None)
    Page.objects.filter(updated_by=user).update(updated_by=None)
