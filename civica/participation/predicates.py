"""Participation predicates: phases, authorship, limits. Composed in rules.py."""

import rules
from django.utils import timezone

from civica.accounts.predicates import is_moderator_of
from civica.moderation.models import UNPUBLISHED

from .phases import phase_contents


def process_of(obj):
    return getattr(obj, "process", obj)


def active_phase(process, now=None):
    """The phase running now, from ``process.phases.all()`` (so a prefetch serves whole lists)."""
    now = now or timezone.now()
    for phase in process.phases.all():
        if phase.starts_at <= now < phase.ends_at:
            return phase
    return None


def phase_allows(action):
    @rules.predicate(name=f"phase_allows_{action}")
    def predicate(user, obj):
        if obj is None:
            return False
        phase = active_phase(process_of(obj))
        return phase is not None and phase.kind in phase_contents and action in phase_contents[phase.kind].actions

    return predicate


@rules.predicate
def is_published(user, obj):
    return obj is not None and process_of(obj).is_published


@rules.predicate
def is_idea_author(user, idea):
    return idea is not None and user.is_authenticated and idea.author_id == user.pk


@rules.predicate
def idea_untouched(user, idea):
    """Nobody has supported or commented on the idea yet (so its author may still change it)."""
    return idea is not None and idea.support_count == 0 and idea.comment_count == 0


@rules.predicate
def idea_visible(user, idea):
    return idea is not None and not idea.is_hidden


@rules.predicate
def idea_not_hidden_by_reports(user, idea):
    """The idea is visible, or hidden only because it waits for a moderator's approval or was rejected
    (pre-moderation), not because of reports: its author may still change it (then it waits again)."""
    return idea is not None and (not idea.is_hidden or idea.review_state in UNPUBLISHED)


@rules.predicate
def moderates_process(user, obj):
    return obj is not None and is_moderator_of(user, process_of(obj))


@rules.predicate
def has_supports_left(user, obj):
    from .models import Support

    process = process_of(obj)
    if process.supports_per_person is None:
        return True
    used = Support.objects.filter(user=user, idea__process=process).count()
    return used < process.supports_per_person


@rules.predicate
def target_visible(user, target):
    return target is not None and not getattr(target, "is_hidden", False)


@rules.predicate
def poll_open(user, poll):
    return poll is not None and poll.is_open()


@rules.predicate
def poll_anonymous(user, poll):
    return poll is not None and poll.allow_anonymous


@rules.predicate
def poll_results_public(user, poll):
    from .models import Poll

    return poll is not None and (poll.results_visibility == Poll.ResultsVisibility.IMMEDIATELY or poll.is_closed())


def conversation_of(obj):
    """A conversation, or the conversation of a statement."""
    return getattr(obj, "conversation", obj)


@rules.predicate
def conversation_open(user, obj):
    return obj is not None and conversation_of(obj).is_open()


@rules.predicate
def conversation_takes_statements(user, obj):
    return obj is not None and conversation_of(obj).participants_submit


@rules.predicate
def statement_shown(user, statement):
    return statement is not None and statement.is_shown
