import datetime

from django.utils import timezone

from civica.moderation.models import ReviewState
from civica.participation.conversations.models import Conversation, Statement
from civica.participation.tests.factories import ProcessFactory


def open_conversation(process=None, *, open_now=True, **fields) -> Conversation:
    """A conversation of a published consultation, during its conversation phase (or after it)."""
    now, day = timezone.now(), datetime.timedelta(days=1)
    window = (now - day, now + 10 * day) if open_now else (now - 10 * day, now - day)
    process = process or ProcessFactory(phases=[("conversation", *window)])
    phase = process.phases.get(kind="conversation") if process.phases.filter(kind="conversation").exists() \
        else process.phases.first()
    return Conversation.objects.create(process=process, phase=phase, title=fields.pop("title", "Conversație"),
                                       title_en=fields.pop("title_en", "Conversation"), **fields)


def statements(conversation, count, **fields):
    return [Statement.objects.create(conversation=conversation, text=f"Statement {n}", is_seed=True, **fields)
            for n in range(count)]


def waiting(conversation, text="Mai multe parcuri de skate"):
    return Statement.objects.create(conversation=conversation, text=text, review_state=ReviewState.WAITING,
                                    is_hidden=True)
