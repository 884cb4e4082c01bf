"""A world-café note's meaning vector: computed once after the note is saved (``tasks.embed_contribution``,
on a worker of the queue, so saving a note never waits for the model and a room of phones does not run
it many times at once in the web processes), reused by the harvest (services, itself run by the queue).

Vectors are stored as bytes, little-endian float32 one after the other (``stored_vector``): a harvest
reads them all at once with one ``numpy.frombuffer`` over the joined bytes (``vectors_of``). As JSON
text (until migration 0004) decoding 10,000 of them took 1.6 s; ``bench/bench_themes.py`` measures both."""

import logging

import numpy

from .models import Contribution

logger = logging.getLogger(__name__)

# How a vector is stored: 4-byte floats, little-endian whatever the machine (a dump moves between them).
STORED_DTYPE = numpy.dtype("<f4")


def themes_module():
    """``insights.themes``, imported on first use: it loads scikit-learn and SciPy (about a second),
    which no web process should pay at start-up for pages that never harvest."""
    from civica.insights import themes

    return themes


def stored_vector(vector) -> bytes:
    """A vector (any sequence of numbers) as the bytes ``Contribution.embedding`` keeps."""
    return numpy.asarray(vector, dtype=STORED_DTYPE).tobytes()


def vector_of(stored) -> numpy.ndarray:
    """One stored vector as a float32 array (the database gives bytes or a memoryview)."""
    return numpy.frombuffer(stored, dtype=STORED_DTYPE).astype(numpy.float32)


def vectors_of(stored: list) -> numpy.ndarray:
    """Many stored vectors of one model (so of one length) as one float32 matrix, a row each, decoded
    in one step: the bytes joined, then read as numbers."""
    if not stored:
        return numpy.zeros((0, 0), dtype=numpy.float32)
    joined = numpy.frombuffer(b"".join(stored), dtype=STORED_DTYPE)
    return joined.reshape(len(stored), -1).astype(numpy.float32)


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
