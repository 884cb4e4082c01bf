"""Rows the tests of slice a1 share (debates, comments, polls, meetings, workshops), made directly: the
services that write them are tested in their own apps."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone

from civica.accounts.tests.factories import UserFactory
from civica.comments.models import Alignment, Comment
from civica.participation.models import Choice, Debate, Poll, Question
from civica.workshops.models import (
    ActionItem,
    Contribution,
    Theme,
    Workshop,
    WorkshopQuestion,
    WorkshopRound,
    WorkshopTable,
)


def debate_in(process, **fields):
    fields.setdefault("question", "Trebuie închisă strada?")
    fields.setdefault("question_en", "Should the street be closed?")
    return Debate.objects.create(process=process, **fields)


def comment_on(target, *, scope=None, parent=None, author=None, body="Da, cu bănci.", **fields):
    """A comment on ``target`` (in ``scope``, its consultation), counted on it as the service counts it."""
    comment = Comment.objects.create(
        target_type=ContentType.objects.get_for_model(target), target_id=target.pk, scope=scope, parent=parent,
        depth=parent.depth + 1 if parent else 0, author=author if author is not None else UserFactory(),
        body=body, alignment=fields.pop("alignment", Alignment.NEUTRAL), **fields)
    type(target).objects.filter(pk=target.pk).update(comment_count=F("comment_count") + 1)
    return comment


def poll_in(process, *, closed=False, **fields):
    """A poll with one question of each kind; ``closed``: its phase ended yesterday."""
    phase = process.phases.get(kind="ideas")
    if closed:
        phase = process.phases.create(kind="information", starts_at=timezone.now() - datetime.timedelta(days=9),
                                      ends_at=timezone.now() - datetime.timedelta(days=1), position=9)
    poll = Poll.objects.create(process=process, phase=phase, title="Priorități", title_en="Priorities", **fields)
    single = Question.objects.create(poll=poll, position=1, kind=Question.Kind.SINGLE, text="Unde?", text_en="Where?")
    for n, (ro, en) in enumerate([("Parc", "Park"), ("Bibliotecă", "Library")]):
        Choice.objects.create(question=single, position=n, text=ro, text_en=en)
    ranking = Question.objects.create(poll=poll, position=2, kind=Question.Kind.RANKING, text="Ordine")
    for n, text in enumerate(["Educație", "Cultură"]):
        Choice.objects.create(question=ranking, position=n, text=text)
    Question.objects.create(poll=poll, position=3, kind=Question.Kind.SCALE, text="Cât de implicat?")
    Question.objects.create(poll=poll, position=4, kind=Question.Kind.TEXT, text="Altceva?", required=False)
    return poll


def workshop_on(meeting, *, slug="cafe"):
    """A workshop with a question, two tables, a round held, two themes with notes and an action."""
    workshop = Workshop.objects.create(meeting=meeting, slug=slug)
    question = WorkshopQuestion.objects.create(workshop=workshop, text_ro="Cum?", text_en="How?")
    tables = [WorkshopTable.objects.create(workshop=workshop, number=n, topic=f"Masa {n}", question=question)
              for n in (1, 2)]
    round_ = WorkshopRound.objects.create(workshop=workshop, number=1, started_at=timezone.now())
    spaces, money = (Theme.objects.create(workshop=workshop, label=label, position=n)
                     for n, label in enumerate(["Spații", "Bani"]))
    Contribution.objects.create(table=tables[0], round=round_, text="Ateliere ieftine", theme=spaces,
                                is_representative=True, author=UserFactory(display_name="Secret Author"))
    Contribution.objects.create(table=tables[1], round=round_, text="Granturi mici", theme=money, author_key="k1")
    action = ActionItem.objects.create(workshop=workshop, title="Deschidem atelierul", owner="CIIC",
                                       due_on=datetime.date(2027, 3, 1))
    action.themes.add(spaces)
    return workshop
