"""Workshops' background work (civica.queue): a note's meaning vector (embeddings.py)."""

from civica.queue.tasks import background_task

from .embeddings import store_embedding


@background_task
def embed_contribution(contribution_id):
    store_embedding(contribution_id)
