"""The archive's background work (``civica.queue``): the unfiltered catalogue's facet counts made again
after a change of what they count, ahead of the catalogue's first visitor (``selectors.catalogue_changed``)."""

from civica.queue.tasks import background_task

from . import selectors


@background_task
def prepare_catalogue_facets():
    """Counts the unfiltered catalogue's facets for the current generation (nothing when a task before
    this one already did)."""
    return selectors.prepare_unfiltered_facets()
