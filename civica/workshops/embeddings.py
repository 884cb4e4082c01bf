"""A world-café note's meaning vector: computed once after the note is saved (``tasks.embed_contribution``,
on a worker of the queue, so saving a note never waits for the model and a room of phones does not run
it many times at once in the web processes), reused by the harvest (services)."""

import logging

from .models import Contribution

logger = logging.getLogger(__name__)


def themes_module():
    """``insights.themes``, imported on first use: it loads scikit-learn and SciPy (about a second),
    which no web process should pay at start-up for pages that never harvest."""
    from civica.insights import themes

    return themes


def stored_vector(vector) -> list[float]:
    return [round(float(x), 6) for x in vector]


def store_embedding(contribution_id):
    """Compute the contribution's meaning vector and store it (again, if run twice: the same vector).
    Without the embedding model the harvest groups by words instead, so a failure here is harmless."""
    contribution = Contribution.objects.filter(pk=contribution_id).only("text").first()
    if contribution is None:
        return
    themes = themes_module()
    try:
        vector = themes.embed_texts([contribution.text])[0]
    except themes.EmbeddingUnavailable:
        logger.warning("No vector for contribution %s: the model cannot run here", contribution_id)
        return
    # Only if the text is still the one embedded: an edit meanwhile queues its own computation.
    Contribution.objects.filter(pk=contribution_id, text=contribution.text).update(
        embedding=stored_vector(vector), embedding_model=themes.EMBEDDING_MODEL)
