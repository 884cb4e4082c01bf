"""Writes of polls: an editor saves a poll with its questions and choices in one go (refused when a
change would make recorded answers wrong, see ``change_rules``); a participant or an anonymous
browser responds once."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from civica.core import refusals

from . import change_rules
from .models import Choice, Poll, PollAnswer, PollResponse, Question


def poll_respond(*, poll, by, browser_key: str, answers: dict) -> PollResponse:
    """Record one response: one per participant, or one per browser when the poll is anonymous."""
    refusals.check(by, "participation.answer_poll", poll)
    anonymous = poll.allow_anonymous and not by.is_authenticated
    if anonymous and not browser_key:
        raise PermissionDenied(_("Your browser must accept cookies to answer anonymously."))
    try:
        with transaction.atomic():
            response = PollResponse.objects.create(
                poll=poll, respondent=None if anonymous else by, browser_key=browser_key if anonymous else "")
            rows = []
            for question, value in answers.items():
                if question.kind == Question.Kind.MULTIPLE:
                    rows += [PollAnswer(response=response, question=question, choice_id=choice) for choice in value]
                elif question.kind == Question.Kind.RANKING:
                    rows += [PollAnswer(response=response, question=question, choice_id=choice, rank=place)
                             for choice, place in value.items()]
                elif question.kind == Question.Kind.SINGLE:
                    rows.append(PollAnswer(response=response, question=question, choice_id=value))
                elif question.kind == Question.Kind.SCALE:
                    rows.append(PollAnswer(response=response, question=question, value=value))
                else:
                    rows.append(PollAnswer(response=response, question=question, text=value.strip()))
            PollAnswer.objects.bulk_create(rows)
            Poll.objects.filter(pk=poll.pk).update(response_count=F("response_count") + 1)
    except IntegrityError:
        raise ValidationError(_("You have already answered this poll.")) from None
    return response


POLL_FIELDS = ("title", "title_en", "description", "description_en", "allow_anonymous", "results_visibility")
CHOICE_KINDS = {Question.Kind.SINGLE, Question.Kind.MULTIPLE, Question.Kind.RANKING}


def poll_answered_sets(poll) -> tuple[set, set]:
    """The ids of the questions and of the choices of ``poll`` that someone has answered."""
    if poll is None or poll.pk is None:
        return set(), set()
    questions, choices = set(), set()
    for question_id, choice_id in PollAnswer.objects.filter(question__poll=poll).values_list(
            "question_id", "choice_id").distinct():
        questions.add(question_id)
        if choice_id:
            choices.add(choice_id)
    return questions, choices


def poll_change_problems(*, poll, questions: list[dict]) -> list[str]:
    """Why saving ``questions`` (as for ``poll_save``) would invalidate answers given."""
    if poll is None or poll.pk is None:
        return []
    answered_questions, answered_choices = poll_answered_sets(poll)
    poll_answered = poll.response_count > 0 or bool(answered_questions)
    old_questions = {question.pk: question for question in poll.questions.prefetch_related("choices")}
    problems, kept = [], set()
    for new in questions:
        old = old_questions.get(new.get("id"))
        if old is None:
            problems += change_rules.question_addition_problems(new, poll_answered=poll_answered)
            continue
        kept.add(old.pk)
        old_spec = {"text": old.text, "kind": old.kind, "required": old.required, "max_choices": old.max_choices}
        answered = old.pk in answered_questions
        problems += change_rules.question_change_problems(old_spec, new, answered=answered)
        old_choice_ids = {choice.pk for choice in old.choices.all()}
        new_choice_ids = {choice.get("id") for choice in new.get("choices", [])}
        for choice in old.choices.all():
            if choice.pk not in new_choice_ids:
                problems += change_rules.choice_removal_problems(old_spec, choice.text,
                                                               answered=choice.pk in answered_choices)
        if new_choice_ids - old_choice_ids:  # choices without an id, or with one of another question: new
            problems += change_rules.choice_addition_problems(old_spec, answered=answered)
    for pk, old in old_questions.items():
        if pk not in kept:
            problems += change_rules.question_removal_problems({"text": old.text}, answered=pk in answered_questions)
    return problems


def poll_save(*, process, by, phase, questions: list[dict], poll=None, **fields) -> Poll:
    """Create or change a poll and its questions in one go. ``questions`` in order, each a dict with
    ``id`` (None for new), ``kind``, ``text``, ``text_en``, ``required``, ``max_choices`` and ``choices``
    (dicts with ``id``, ``text`` and ``text_en``, in order). Questions and choices not listed are removed. Once people
    have answered, changes that would make their answers wrong are refused; wording may change."""
    if not by.has_perm("participation.manage_poll", process):
        raise PermissionDenied(_("Only the centre's editors run consultations."))
    if phase is None or phase.process_id != process.pk:
        raise ValidationError({"phase": _("Choose a phase of this consultation.")})
    if poll is not None and poll.process_id != process.pk:
        raise PermissionDenied(_("This poll belongs to another consultation."))
    problems = poll_change_problems(poll=poll, questions=questions)
    if not questions:
        problems.append(_("Add at least one question."))
    for values in questions:
        count = len([choice for choice in values.get("choices", []) if (choice.get("text") or "").strip()])
        if values["kind"] in CHOICE_KINDS and count < 2:
            problems.append(_("«%(question)s» needs at least two choices.") % {"question": values["text"]})
        if values["kind"] not in CHOICE_KINDS and count:
            problems.append(_("«%(question)s» is answered without choices: leave its choices empty.")
                            % {"question": values["text"]})
    if problems:
        raise ValidationError(problems)
    poll = poll or Poll(process=process)
    poll.phase = phase
    for name in POLL_FIELDS:
        if name in fields:
            setattr(poll, name, fields[name])
    poll.full_clean()
    with transaction.atomic():
        poll.save()
        old_questions = {question.pk: question for question in poll.questions.prefetch_related("choices")}
        kept_questions = set()
        for position, values in enumerate(questions):
            question = old_questions.get(values.get("id")) or Question(poll=poll)
            question.position = position
            question.kind = values["kind"]
            question.text = values["text"].strip()
            question.text_en = (values.get("text_en") or "").strip()
            question.required = bool(values.get("required"))
            question.max_choices = values.get("max_choices") if question.kind == Question.Kind.MULTIPLE else None
            question.full_clean(exclude=["poll"])
            question.save()
            kept_questions.add(question.pk)
            old_choices = {choice.pk: choice for choice in question.choices.all()} if values.get("id") else {}
            kept_choices = set()
            for choice_position, choice_values in enumerate(
                    choice for choice in values.get("choices", []) if (choice.get("text") or "").strip()):
                choice = old_choices.get(choice_values.get("id")) or Choice(question=question)
                choice.position = choice_position
                choice.text = choice_values["text"].strip()
                choice.text_en = (choice_values.get("text_en") or "").strip()
                choice.full_clean(exclude=["question"])
                choice.save()
                kept_choices.add(choice.pk)
            Choice.objects.filter(question=question).exclude(pk__in=kept_choices).delete()
        Question.objects.filter(poll=poll).exclude(pk__in=kept_questions).delete()
    return poll
