"""Django's project package. The Celery app is loaded with it, so ``shared_task``s bind to it."""

from .celery import app as celery_app

__all__ = ("celery_app",)
