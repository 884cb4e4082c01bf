"""The required-fields check of a work (issue 23, point 1): what must be filled in before it is published.
Staff see the list on the work's screen and in the catalogue of drafts; ``services.work_publish`` refuses
while anything is missing. An image counts only with its description, rights holder and licence."""

from django.utils.translation import gettext as _


def missing_fields(work) -> list[str]:
    """The names (translated) of what ``work`` still lacks; [] when it may be published."""
    missing = []
    required = [
        (work.title_ro, _("title (Romanian)")),
        (work.title_en, _("title (English)")),
        (work.inventory_number, _("inventory number")),
        (work.artist_id, _("artist")),
        (work.year_from or work.date_text_ro, _("date or period")),
        (work.medium_id, _("medium")),
        (work.technique_ro, _("technique")),
        (work.dimensions, _("dimensions")),
        (work.location, _("location")),
    ]
    missing += [label for value, label in required if not value]
    images = list(work.images.all())
    if not images:
        missing.append(_("at least one image"))
    elif any(not (image.alt_ro and image.rights_holder and image.licence) for image in images):
        missing.append(_("each image's description, rights holder and licence"))
    return missing
