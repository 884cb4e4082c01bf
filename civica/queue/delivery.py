"""Each e-mail sent once, however often its task runs.

``once(key, send)`` calls ``send()`` unless an e-mail with ``key`` was already sent. The key's row is
created if missing, then locked (``select_for_update``) while the e-mail is sent, so two runs of the
same task at once (a message the broker delivered again while the first worker still ran) wait for
each other and the second sees it sent. An error while sending leaves the key unsent, and the task's
retry sends it. (What is never ruled out: the mail server accepted the message and the worker died
before the database committed; the retry then sends it again. Exactly once needs the mail server's
help; this is at least once, and at most once for every failure Civica can see.)"""

from uuid import uuid4

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import SentMail


def once(key: str, send) -> bool:
    """Call ``send()`` unless the e-mail ``key`` was sent; True when it was sent now."""
    try:
        SentMail.objects.get_or_create(key=key)
    except IntegrityError:  # created meanwhile by another run of the same task
        pass
    with transaction.atomic():
        row = SentMail.objects.select_for_update().get(key=key)
        if row.sent_at is not None:
            return False
        send()
        row.sent_at = timezone.now()
        row.save(update_fields=["sent_at"])
    return True


def was_sent(key: str) -> bool:
    return SentMail.objects.filter(key=key, sent_at__isnull=False).exists()


def event_key(prefix: str, *parts) -> str:
    """A key for one e-mail about one event (``meetings.registration:12:confirmation:<random>``), made
    when the task is enqueued: the same row may be the subject of another e-mail later (registering
    again after cancelling), which is then another event with a key of its own."""
    return ":".join([prefix, *(str(part) for part in parts), uuid4().hex])
