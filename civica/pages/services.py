"""Writes on pages: a save and a restore, each one new ``PageRevision`` in the same transaction.

``save_page`` locks the page row, then checks that the form was based on the latest revision
(``based_on``, the number the edit form carried): if someone saved in between, it refuses with a
``ValidationError`` of code ``"conflict"`` naming who and when, and writes nothing, so the view can show
the form again with what was typed. A save that changes nothing makes no revision (returns None).
``restore_revision`` writes an old revision's content as a new revision: the history only grows."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from civica.audit import services as audit

from .models import CONTENT_FIELDS, Page, PageRevision, Section


def _check_may_edit(by, page):
    if by is None or not by.has_perm("pages.edit", page):
        raise PermissionDenied(_("Only the centre's editors change the site's pages."))


def _clean_sections(sections) -> list[str]:
    chosen = set(sections or [])
    unknown = chosen - set(Section.values)
    if unknown:
        raise ValidationError(_("Unknown section: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    return [value for value in Section.values if value in chosen]


def _line(value: str) -> str:
    return " ".join((value or "").split())


def _text(value: str) -> str:
    """Markdown as kept: Unix line ends (a browser sends CR LF), no blank lines around, one final line end."""
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    return text + "\n" if text else ""


def _write(page: Page, content: dict, *, by, note: str) -> PageRevision:
    """Save ``content`` on the (locked) page and record it as the next revision."""
    now = timezone.now()
    for name, value in content.items():
        setattr(page, name, value)
    page.revision += 1
    page.updated_at, page.updated_by = now, by
    page.full_clean(exclude=["slug"], validate_unique=False)
    page.save(update_fields=[*CONTENT_FIELDS, "revision", "updated_at", "updated_by"])
    audit.record(by=by, action="pages.page.change", target=page,
                 summary=f"revision {page.revision}: {note.strip()[:200]}")
    return PageRevision.objects.create(
        page=page, number=page.revision, by=by, created_at=now, note=note.strip()[:200], **content
    )


def _locked(page: Page) -> Page:
    return Page.objects.select_for_update().get(pk=page.pk)


@transaction.atomic
def save_page(
    *,
    page: Page,
    by,
    based_on: int,
    title_ro: str,
    title_en: str,
    summary_ro: str,
    summary_en: str,
    body_ro: str,
    body_en: str,
    sections,
    note: str = "",
) -> PageRevision | None:
    """Save the page's text and sections as a new revision, if the page is still at revision
    ``based_on``; None when nothing changed. ``page`` itself is not refreshed: read it again."""
    _check_may_edit(by, page)
    current = _locked(page)
    if current.revision != based_on:
        latest = current.revisions.select_related("by").order_by("-number").first()
        raise ValidationError(
            _(
                "Someone saved this page while you were editing it (revision %(number)s, by %(who)s, %(when)s), so "
                "your version was not saved. What you typed is still here: compare it with the history, then "
                "save again to replace that revision."
            )
            % {
                "number": current.revision,
                "who": latest.by.display_name if latest and latest.by else _("the site"),
                "when": date_format(timezone.localtime(current.updated_at), "DATETIME_FORMAT")
                if current.updated_at
                else "—",
            },
            code="conflict",
        )
    content = {
        "title_ro": _line(title_ro),
        "title_en": _line(title_en),
        "summary_ro": _line(summary_ro),
        "summary_en": _line(summary_en),
        "body_ro": _text(body_ro),
        "body_en": _text(body_en),
        "sections": _clean_sections(sections),
    }
    if not content["title_ro"]:
        raise ValidationError(_("The page needs a Romanian title."), code="required")
    if all(getattr(current, name) == value for name, value in content.items()):
        return None
    return _write(current, content, by=by, note=note)


@transaction.atomic
def restore_revision(*, revision: PageRevision, by) -> PageRevision | None:
    """Make ``revision``'s content the page's again, as a new revision; None when it already is."""
    _check_may_edit(by, revision.page)
    current = _locked(revision.page)
    content = revision.content()
    if all(getattr(current, name) == value for name, value in content.items()):
        return None
    return _write(current, content, by=by, note=_("Restored revision %(number)s") % {"number": revision.number})
