"""Reads of polls: a poll with its questions and choices for its page, a consultation's polls,
whether someone has answered, and the results (figures computed by ``results`` from plain rows, with
the rows of their chart for civica/core/charts.py)."""

from django.db.models import Prefetch

from civica.core.formatting import format_decimal

from .models import Choice, Poll, PollAnswer, PollResponse, Question
from .results import choice_counts, ranking_scores, scale_summary


def poll_for_page(*, process, poll_id):
    return (Poll.objects.filter(process=process, pk=poll_id).select_related("phase")
            .prefetch_related(Prefetch("questions", queryset=Question.objects.order_by("position", "id")
                                       .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by(
                                           "position", "id"))))).first())


def poll_list(*, process):
    return Poll.objects.filter(process=process).select_related("phase").order_by("-created_at")


def has_answered(poll, user, browser_key) -> bool:
    if user.is_authenticated and PollResponse.objects.filter(poll=poll, respondent=user).exists():
        return True
    return bool(browser_key) and PollResponse.objects.filter(poll=poll, respondent__isnull=True,
                                                             browser_key=browser_key).exists()


def poll_results(poll):
    """Per question, the figures to show: one query for every answer of the poll."""

    rows = {}
    for question_id, response_id, choice_id, rank, value, text in PollAnswer.objects.filter(
        question__poll=poll
    ).values_list("question_id", "response_id", "choice_id", "rank", "value", "text"):
        rows.setdefault(question_id, []).append((response_id, choice_id, rank, value, text))
    results = []
    for question in poll.questions.all():
        answers = rows.get(question.pk, [])
        respondents = len({answer[0] for answer in answers})
        choices = [(choice.pk, choice.translated("text")) for choice in question.choices.all()]
        chart = []
        if question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            figures = choice_counts(choices, [answer[1] for answer in answers], respondents)
            chart = [(item.text, item.count, _count_and_share(item.count, item.share)) for item in figures]
        elif question.kind == Question.Kind.RANKING:
            figures = ranking_scores(choices, [(answer[1], answer[2]) for answer in answers])
            chart = [(item.text, item.points) for item in figures]
        elif question.kind == Question.Kind.SCALE:
            figures = scale_summary([answer[3] for answer in answers])
            chart = [(str(value), count, _count_and_share(count, share))
                     for value, count, share in figures["distribution"]]
        else:
            figures = [answer[4] for answer in answers if answer[4]]
        results.append({"question": question, "respondents": respondents, "figures": figures,
                        "chart": chart if respondents else [], "chart_id": f"poll-chart-{question.pk}"})
    return results



def _count_and_share(count, share):
    """What a bar of a poll's chart prints: "12 (40%)" (the share of the people who answered)."""
    return f"{format_decimal(count, 0)} ({round(share * 100)}%)"


def poll_for_manage(*, process, poll_id):
    return poll_for_page(process=process, poll_id=poll_id)
