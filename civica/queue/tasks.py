"""The queue's own tasks, and ``background_task``, the decorator every app's ``tasks.py`` uses.

A background task is acknowledged after it ran and given back to the queue if its worker dies
(settings), and retried with exponential backoff (2, 4, 8… seconds, at most ten minutes apart, six
times) when the mail server, the broker or the database cannot be reached. Its arguments are plain ids
and strings: what it needs it reads from the database when it runs."""

from celery import shared_task
from django.core.mail import EmailMultiAlternatives
from django.db import InterfaceError, OperationalError

RETRY = {
    "autoretry_for": (OSError, OperationalError, InterfaceError),  # smtplib's errors are OSErrors
    "retry_backoff": 2,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 6,
}


def background_task(function=None, **options):
    """``@background_task``: a Celery task named after its module and function, retried as above."""
    def decorate(function):
        return shared_task(**{**RETRY, **options})(function)

    return decorate(function) if function is not None else decorate


def message_data(message) -> dict:
    """What ``send_prepared_mail`` needs of a written ``EmailMessage``, as plain data for the broker."""
    return {"subject": message.subject, "body": message.body, "to": list(message.to),
            "from_email": message.from_email, "headers": dict(message.extra_headers),
            "content_subtype": message.content_subtype,
            "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])]}


@background_task
def send_prepared_mail(key, message):
    """Send a message already written (allauth's own e-mails, rendered in the request's language;
    ``message_data``), once."""
    from .delivery import once

    def send():
        email = EmailMultiAlternatives(subject=message["subject"], body=message["body"], to=message["to"],
                                       from_email=message["from_email"], headers=message["headers"])
        email.content_subtype = message["content_subtype"]
        for content, mimetype in message["alternatives"]:
            email.attach_alternative(content, mimetype)
        email.send()

    once(key, send)


@background_task
def render_document(name, html, version=None):
    """Render ``html`` to a PDF and store it under ``name`` at ``version`` (by default the hash of
    ``html``; documents.py); nothing if already there."""
    from .documents import store_pdf

    store_pdf(name=name, html=html, version=version)
