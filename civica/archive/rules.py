"""Who may do what in the archive. One line a permission.

Anyone reads a published work, a published collection or event, a published document (of a published
event) and every artist with a published work; the centre's editors (administrators too) see every record,
catalogue them on the staff screens (artists, collections, events and their documents too), import
spreadsheets, publish and unpublish works, and alone read conservation notes and the images' originals
(which may keep the photo's location). What a visitor sees of a work's images is decided by each image's
licence (``models.PUBLIC_LICENCES``), not by a permission."""

import rules

from civica.accounts.predicates import is_editor
from civica.core.permissions import add_admin_perms


@rules.predicate
def is_published(user, work):
    return work is not None and work.is_published


@rules.predicate
def is_public_document(user, document):
    """Published, and its event (if any) published too."""
    return (document is not None and document.is_published
            and (document.event_id is None or document.event.is_published))


rules.add_perm("archive.read_work", is_published | is_editor)
rules.add_perm("archive.read_document", is_public_document | is_editor)
rules.add_perm("archive.edit_record", is_editor)
rules.add_perm("archive.publish_record", is_editor)
rules.add_perm("archive.unpublish_record", is_editor)
rules.add_perm("archive.manage_archive", is_editor)
rules.add_perm("archive.edit_work", is_editor)
rules.add_perm("archive.import_works", is_editor)
rules.add_perm("archive.publish_work", is_editor)
rules.add_perm("archive.unpublish_work", is_editor)
rules.add_perm("archive.read_conservation", is_editor)
rules.add_perm("archive.read_original", is_editor)
add_admin_perms("archive", ["artist", "medium", "tag", "work", "workimage", "collection", "collectionitem",
                            "event", "document"], is_editor)
