"""Workshops' background work (civica.queue): a note's meaning vector (embeddings.py) and a harvest
asked for by an editor (harvesting.py), so neither runs the model or the grouping in a request."""

from civica.queue.tasks import background_task

from .embeddings import store_embedding
from .harvesting import harvest_workshop

__all__ = ["embed_contribution", "harvest_workshop"]


@background_task
def embed_contribution(contribution_id):
    store_embedding(contribution_id)
