import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from civica.core import refusals
from civica.core.exports import csv_writer

from ..lookups import process_or_404
from . import selectors, services
from .forms import PollForm
from .models import PollAnswer, PollResponse, Question

BROWSER_COOKIE = "civica_browser"
BROWSER_SALT = "civica.polls.browser"


def _poll_or_404(process, poll_id):
    poll = selectors.poll_for_page(process=process, poll_id=poll_id)
    if poll is None:
        raise Http404
    poll.process = process
    return poll


def poll_detail(request, slug, poll_id):
    process = process_or_404(slug, request.user)
    poll = _poll_or_404(process, poll_id)
    browser_key = request.get_signed_cookie(BROWSER_COOKIE, default="", salt=BROWSER_SALT)
    answered = selectors.has_answered(poll, request.user, browser_key)
    can_answer = not answered and request.user.has_perm("participation.answer_poll", poll)
    form = PollForm(request.POST or None, poll=poll)
    new_browser_key = None
    if request.method == "POST":
        if not can_answer:
            messages.error(request, _("You have already answered this poll.") if answered
                           else refusals.why_not(request.user, "participation.answer_poll", poll))
            return redirect(poll.get_absolute_url())
        if form.is_valid():
            if poll.allow_anonymous and not request.user.is_authenticated and not browser_key:
                browser_key = new_browser_key = uuid.uuid4().hex
            try:
                services.poll_respond(poll=poll, by=request.user, browser_key=browser_key, answers=form.answers())
            except refusals.REFUSALS as refused:
                refusals.show_refusal(request, refused)
            else:
                messages.success(request, _("Thank you: your answers are recorded."))
            response = redirect(poll.get_absolute_url())
            if new_browser_key:
                response.set_signed_cookie(BROWSER_COOKIE, new_browser_key, salt=BROWSER_SALT,
                                           max_age=60 * 60 * 24 * 365, httponly=True, samesite="Lax",
                                           secure=request.is_secure())
            return response
    show_results = request.user.has_perm("participation.see_poll_results", poll)
    return render(request, "participation/poll_detail.html", {
        "process": process, "poll": poll, "form": form, "answered": answered, "can_answer": can_answer,
        "refusal": None if answered else refusals.why_not(request.user, "participation.answer_poll", poll),
        "results": selectors.poll_results(poll) if show_results else None,
        "can_export": request.user.has_perm("participation.export_poll", poll),
    })


def _answer_text(question, answers):
    if question.kind == Question.Kind.RANKING:
        ranked = sorted((answer for answer in answers if answer.rank), key=lambda answer: answer.rank)
        return "; ".join(f"{answer.rank}. {answer.choice.text}" for answer in ranked)
    if question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        return "; ".join(answer.choice.text for answer in answers)
    if question.kind == Question.Kind.SCALE:
        return "; ".join(str(answer.value) for answer in answers)
    return "; ".join(answer.text for answer in answers)


@require_safe
def poll_export(request, slug, poll_id):
    """All responses as CSV, one row each; respondents by number, never by name or e-mail."""
    process = process_or_404(slug, request.user)
    poll = _poll_or_404(process, poll_id)
    if not request.user.has_perm("participation.export_poll", poll):
        raise PermissionDenied(_("Only the editors and moderators of this consultation may export responses."))
    questions = list(poll.questions.all())
    answers = {}
    for answer in PollAnswer.objects.filter(question__poll=poll).select_related("choice"):
        answers.setdefault((answer.response_id, answer.question_id), []).append(answer)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="poll-{poll.pk}-responses.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the diacritics right
    writer = csv_writer(response)
    writer.writerow([_("response"), _("respondent"), _("answered at"), *[question.text for question in questions]])
    for poll_response in PollResponse.objects.filter(poll=poll).order_by("created_at", "pk"):
        respondent = (_("participant %(number)s") % {"number": poll_response.respondent_id}
                      if poll_response.respondent_id else _("anonymous"))
        writer.writerow([poll_response.pk, respondent, poll_response.created_at.isoformat(),
                         *[_answer_text(question, answers.get((poll_response.pk, question.pk), []))
                           for question in questions]])
    return response
