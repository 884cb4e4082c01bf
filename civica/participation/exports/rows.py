"""A consultation's contributions as datasets of rows, for an audience (see the package's docstring).

Every dataset is one query read ``CHUNK`` rows at a time (``QuerySet.iterator``), whatever its size; its
cells are plain values (text, numbers, ISO dates), the same in CSV, XLSX and JSON. Column names are stable
machine names; ``docs/open-data.md`` explains them."""

import enum
import hashlib
import hmac
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civica.comments.models import Comment

from ..models import Debate, Idea, Poll, PollAnswer, Process, Question, Support
from ..predicates import poll_results_public

CHUNK = 500  # rows read from the database at a time


class Audience(enum.Enum):
    PUBLIC = "public"  # no person, nothing hidden or deleted
    CODES = "codes"  # the staff: everything, people as codes
    NAMES = "names"  # the staff allowed names: codes and names


@dataclass(frozen=True)
class Export:
    process: Process
    audience: Audience

    @property
    def staff(self) -> bool:
        return self.audience is not Audience.PUBLIC

    @property
    def names(self) -> bool:
        return self.audience is Audience.NAMES

    def person(self, user_id, user=None) -> list:
        """The person columns' cells: none for the public, the code, and the name when allowed."""
        if not self.staff:
            return []
        code = person_code(self.process.pk, user_id) if user_id is not None else ""
        if not self.names:
            return [code]
        return [code, user.public_name if user is not None else ""]

    def person_columns(self, role: str) -> list[str]:
        if not self.staff:
            return []
        return [role, f"{role}_name"] if self.names else [role]


def person_code(process_id: int, user_id: int) -> str:
    """A person's stable pseudonym in one consultation: ``P-`` and ten hex digits of a keyed hash."""
    message = f"participation-export:{process_id}:{user_id}".encode()
    return "P-" + hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:10]


def browser_code(process_id: int, browser_key: str) -> str:
    """An anonymous poll respondent's pseudonym (their browser's): ``B-`` and ten hex digits."""
    message = f"participation-export-browser:{process_id}:{browser_key}".encode()
    return "B-" + hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:10]


def _when(moment) -> str:
    return moment.isoformat() if moment is not None else ""


def _ideas(export: Export):
    ideas = Idea.objects.filter(process=export.process)
    return ideas if export.staff else ideas.visible()


def _debates(export: Export):
    debates = Debate.objects.filter(process=export.process)
    return debates if export.staff else debates.filter(is_hidden=False)


# Ideas.

def idea_columns(export: Export) -> list[str]:
    return ["id", "title", "status", "official_answer", "answered_at", "category", "place", "latitude",
            "longitude", "supports", "comments", "created_at", *(["hidden"] if export.staff else []),
            *export.person_columns("author")]


def idea_rows(export: Export) -> Iterator[list]:
    ideas = _ideas(export).select_related("category", *(["author"] if export.names else [])).order_by("id")
    for idea in ideas.iterator(chunk_size=CHUNK):
        yield [idea.pk, idea.title, idea.status, idea.answer, _when(idea.answered_at),
               idea.category.translated("name") if idea.category is not None else "", idea.location,
               idea.latitude, idea.longitude, idea.support_count, idea.comment_count, _when(idea.created_at),
               *([idea.is_hidden] if export.staff else []),
               *export.person(idea.author_id, idea.author if export.names else None)]


# Supports: who supported which idea, and when.

def support_columns(export: Export) -> list[str]:
    return ["idea", "created_at", *export.person_columns("person")]


def support_rows(export: Export) -> Iterator[list]:
    supports = Support.objects.filter(idea__in=_ideas(export).values("pk"))
    if export.names:
        supports = supports.select_related("user")
    for support in supports.order_by("idea_id", "created_at", "id").iterator(chunk_size=CHUNK):
        yield [support.idea_id, _when(support.created_at),
               *export.person(support.user_id, support.user if export.names else None)]


# Debates (put by the centre: no person).

def debate_columns(export: Export) -> list[str]:
    return ["id", "question", "question_en", "description", "description_en", "comments", "created_at",
            *(["hidden"] if export.staff else [])]


def debate_rows(export: Export) -> Iterator[list]:
    for debate in _debates(export).order_by("id").iterator(chunk_size=CHUNK):
        yield [debate.pk, debate.question, debate.question_en, debate.description, debate.description_en,
               debate.comment_count, _when(debate.created_at), *([debate.is_hidden] if export.staff else [])]


# Comments on ideas and debates, with their thread (``parent``, ``depth``).

TARGET_KINDS = {Idea: "idea", Debate: "debate"}


def comment_columns(export: Export) -> list[str]:
    return ["id", "parent", "depth", "target_kind", "target", "text", "position", "upvotes", "downvotes",
            "created_at", "edited_at", *(["hidden", "deleted"] if export.staff else []),
            *export.person_columns("author")]


def comments_of(export: Export):
    """The comments on the consultation's ideas and debates. For the public: none hidden or deleted, none
    under one that is (a thread is never cut in the middle), none on a hidden idea or debate."""
    types = {model: ContentType.objects.get_for_model(model) for model in TARGET_KINDS}
    comments = Comment.objects.filter(
        Q(target_type=types[Idea], target_id__in=_ideas(export).values("pk"))
        | Q(target_type=types[Debate], target_id__in=_debates(export).values("pk")))
    if not export.staff:
        for above in ("", "parent__", "parent__parent__"):  # threads are at most three deep
            comments = comments.exclude(**{f"{above}is_hidden": True}).exclude(**{f"{above}is_deleted": True})
    return comments, {types[model].pk: kind for model, kind in TARGET_KINDS.items()}


def comment_rows(export: Export) -> Iterator[list]:
    comments, kinds = comments_of(export)
    if export.names:
        comments = comments.select_related("author")
    for comment in comments.order_by("id").iterator(chunk_size=CHUNK):
        yield [comment.pk, comment.parent_id or "", comment.depth, kinds[comment.target_type_id],
               comment.target_id, "" if comment.is_deleted else comment.body, comment.alignment,
               comment.upvotes, comment.downvotes, _when(comment.created_at), _when(comment.edited_at),
               *([comment.is_hidden, comment.is_deleted] if export.staff else []),
               *export.person(comment.author_id, comment.author if export.names else None)]


# Poll answers: one row per answer (a chosen or ranked choice, a value on the scale, a text).

def poll_answer_columns(export: Export) -> list[str]:
    return ["poll", "poll_title", "question", "question_text", "question_kind", "response", "answered_at",
            *(["respondent"] if export.staff else []), *(["respondent_name"] if export.names else []),
            "choice", "choice_text", "rank", "value", "text"]


def exported_polls(export: Export) -> list[int]:
    """The polls whose answers are given: all for the staff; for the public, those whose results are
    public now (as their page shows them)."""
    polls = Poll.objects.filter(process=export.process).select_related("phase")
    return [poll.pk for poll in polls if export.staff or poll_results_public(None, poll)]


def poll_answer_rows(export: Export) -> Iterator[list]:
    polls = exported_polls(export)
    if not polls:
        return
    answers = PollAnswer.objects.filter(question__poll_id__in=polls).select_related(
        "question__poll", "choice", "response", *(["response__respondent"] if export.names else []))
    for answer in answers.order_by("question__poll_id", "response_id", "question__position", "question_id",
                                   "rank", "id").iterator(chunk_size=CHUNK):
        question, response = answer.question, answer.response
        respondent = []
        if export.staff:
            respondent = [person_code(export.process.pk, response.respondent_id) if response.respondent_id
                          else browser_code(export.process.pk, response.browser_key)]
        if export.names:
            respondent.append(response.respondent.public_name if response.respondent_id else "")
        # Free text may name people and is never shown on the poll's page: the staff's only.
        text = answer.text if export.staff or question.kind != Question.Kind.TEXT else ""
        yield [question.poll_id, question.poll.translated("title"), question.pk, question.translated("text"),
               question.kind, response.pk, _when(response.created_at), *respondent,
               answer.choice_id or "", answer.choice.translated("text") if answer.choice_id else "",
               answer.rank, answer.value, text]


@dataclass(frozen=True)
class Dataset:
    name: str  # its file's and sheet's name
    title: str
    description: str
    columns: Callable[[Export], list[str]]
    rows: Callable[[Export], Iterator[list]]


DATASETS = (
    Dataset("ideas", _("Ideas"), _("Each idea: its status, the official answer, its category and place, "
                                   "its supports and comments."), idea_columns, idea_rows),
    Dataset("supports", _("Supports"), _("Each support given to an idea, and when."), support_columns,
            support_rows),
    Dataset("debates", _("Debates"), _("Each question put to debate."), debate_columns, debate_rows),
    Dataset("comments", _("Comments"), _("Each comment on an idea or a debate, with the one it replies to."),
            comment_columns, comment_rows),
    Dataset("poll_answers", _("Poll answers"), _("Each answer to a poll's question, grouped by response."),
            poll_answer_columns, poll_answer_rows),
)
BY_NAME = {dataset.name: dataset for dataset in DATASETS}
