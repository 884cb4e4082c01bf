"""The archive's background work (``civica.queue``): the unfiltered catalogue's facet counts made again
after a change of what they count, ahead of the catalogue's first visitor. ``after_change`` is connected
beside ``selectors.catalogue_changed`` to the same signals (``apps.py``)."""

from django.core.cache import cache
from django.db import transaction

from civica.queue.tasks import background_task

from . import selectors


@background_task
def prepare_catalogue_facets():
    """Counts the unfiltered catalogue's facets for the current generation (nothing when a task before
    this one already did)."""
    return selectors.prepare_unfiltered_facets()


def after_change(**kwargs) -> None:
    """A signal receiver: once the write commits, the unfiltered catalogue is counted again."""
    transaction.on_commit(_enqueue)


def _enqueue() -> None:
    """One task per generation, however many rows the committed write changed (an import: thousands)."""
    if cache.add(f"archive:facets-prepare:{selectors.generation()}", 1, selectors.FACETS_SECONDS):
        prepare_catalogue_facets.delay()
