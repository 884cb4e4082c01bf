"""Pages of the jury's work (evaluators) and of running a call (editors): ``manage/``, ``manage/ranking/``,
the streamed CSV and XLSX exports (codes only while a blind call's identities are hidden), "My reviews",
and the review page, which in a blind call leaves out every field marked as identifying."""

import tempfile

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from civica.core import refusals
from civica.core.exports import csv_writer, workbook
from civica.core.page_cache import personal_page
from civica.core.params import page_param
from civica.core.templatetags.civica import participant_name_filter as participant_name

from . import evaluation, selectors, services
from .application_form import TABLE_ROWS
from .forms import AnswerForm, AppointForm, AssignForm, AutoAssignForm, DecisionForm, MoveForm, form_errors
from .models import ACCEPTANCE_LABELS, Application, Assignment, CallQuestion, CallStatus, Decision, FieldKind, Review
from .views import _call_or_404


def _manage_or_403(request, slug):
    call = _call_or_404(slug, request.user)
    if not request.user.has_perm("calls.manage_call", call):
        raise PermissionDenied(_("Only the centre's editors run calls."))
    return call


# --- Editors --------------------------------------------------------------------------------

def manage(request, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    call = _manage_or_403(request, slug)
    typed = {}
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "move":
                form = MoveForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(form_errors(form))
                evaluation.call_move(call=call, to=form.cleaned_data["to"], by=request.user)
                messages.success(request, _("The call is now: %(status)s.") % {"status": call.get_status_display()})
            elif action == "appoint":
                typed["email"] = request.POST.get("email", "")
                form = AppointForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(form_errors(form))
                person = get_user_model().objects.filter(email__iexact=form.cleaned_data["email"]).first()
                if person is None:
                    raise ValidationError(_("Nobody has an account with this e-mail address."))
                evaluation.evaluator_appoint(call=call, user=person, by=request.user)
                messages.success(request, _("%(name)s is an evaluator of this call.") % {"name": person.public_name})
            elif action == "auto_assign":
                form = AutoAssignForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(form_errors(form))
                created = evaluation.assign_automatically(call=call, per_application=form.cleaned_data["per"],
                                                          by=request.user)
                messages.success(request, ngettext("%(count)s assignment made.", "%(count)s assignments made.",
                                                   created) % {"count": created})
            elif action == "assign":
                form = AssignForm(request.POST, call=call)
                if not form.is_valid():
                    raise ValidationError(form_errors(form))
                evaluation.assignment_add(application=form.cleaned_data["application"],
                                          evaluator=form.cleaned_data["evaluator"], by=request.user)
                messages.success(request, _("Assigned."))
            elif action == "answer":
                typed["question"] = request.POST.get("question", "")
                typed["answer"] = request.POST.get("answer", "")  # given back if refused
                form = AnswerForm(request.POST, call=call)
                if not form.is_valid():
                    raise ValidationError(form_errors(form))
                services.question_answer(question=form.cleaned_data["question"], by=request.user,
                                         answer=form.cleaned_data["answer"])
                messages.success(request, _("The answer is published on the call page."))
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
            if typed:
                # What was typed is given back in the same page, with the message.
                return _manage_page(request, call, typed, status=400)
        return redirect("calls:manage", slug=slug)
    return _manage_page(request, call, typed)


def _manage_page(request, call, typed, status=200):
    by_evaluator, by_application = selectors.evaluation_progress(call)
    return render(request, "calls/manage.html", {
        "call": call, "by_evaluator": by_evaluator, "by_application": by_application,
        "next_statuses": [CallStatus(status) for status in _next(call)],
        # Not call.questions: the page's call has its answered questions prefetched, and a filter on
        # that would keep only them.
        "open_questions": CallQuestion.objects.filter(call=call, answered_at__isnull=True),
        "identities": call.identities_visible(),
        "evaluators": list(by_evaluator), "typed": typed,
    }, status=status)


def _next(call):
    return sorted(call.next_statuses())


def ranking(request, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    call = _manage_or_403(request, slug)
    if request.method == "POST":
        form = DecisionForm(request.POST, call=call)
        if form.is_valid():
            decided = dict(form.cleaned_data)
            application = decided.pop("application")
            try:
                evaluation.decide(application=application, by=request.user, **decided)
                messages.success(request, _("Decision saved for %(reference)s.") % {
                    "reference": application.reference if call.identities_visible() else application.code})
            except refusals.REFUSALS as refused:
                refusals.show_refusal(request, refused)
        elif "application" in form.errors:
            messages.error(request, form_errors(form))
            return _ranking_page(request, call, status=400)
        else:
            messages.error(request, _("Choose a decision; amounts are in lei."))
        return redirect("calls:ranking", slug=slug)
    return _ranking_page(request, call)


def _ranking_page(request, call, status=200):
    rows = selectors.ranking_rows(call)
    evaluators = {person.pk: person for person in evaluation.evaluators_of(call)}
    return render(request, "calls/ranking.html", {
        "call": call, "rows": rows, "evaluators": evaluators, "identities": call.identities_visible(),
        "can_decide": call.status == CallStatus.RANKING_LOCKED,
        "decisions": list(ACCEPTANCE_LABELS.items()) if call.amount_max == 0 else Decision.choices[1:],
        "money_less": call.amount_max == 0, "acceptance_labels": ACCEPTANCE_LABELS,
        "funded_total": sum((row["application"].amount_awarded or 0) for row in rows
                            if row["application"].decision == Decision.FUNDED),
    }, status=status)


def _export_rows(call):
    """Header, then one row per submitted application (by reference), read from the database in
    chunks: memory stays flat as applications grow; the ranking itself is small plain data."""
    from .models import ApplicationStatus

    identities = call.identities_visible()
    fields = [field for field in call.form_fields.all()
              if field.kind != FieldKind.FILE and (identities or not field.hidden_in_blind_review())]
    header = [_("code"), _("rank"), _("score"), _("spread"), _("title"), _("amount requested (lei)")]
    if identities:
        header += [_("reference"), _("applicant"), _("e-mail"), _("organisation"), _("decision"),
                   _("amount awarded (lei)")]
    header += [field.key for field in fields]
    yield header
    ranking = {item.application_id: item for item in selectors.ranking_results(call)}
    applications = (Application.objects.filter(call=call, status=ApplicationStatus.SUBMITTED)
                    .select_related("applicant", "organisation").order_by("code" if not identities else "reference"))
    for application in applications.iterator(chunk_size=500):
        ranked = ranking[application.pk]
        values = [application.code, ranked.rank or "", "" if ranked.score is None else f"{ranked.score:.2f}",
                  "" if ranked.spread is None else f"{ranked.spread:.2f}", application.title,
                  str(application.amount_requested or "")]
        if identities:
            person = application.applicant  # None once they deleted their account
            values += [application.reference, participant_name(person), person.email if person else "",
                       application.organisation.name if application.organisation_id else "",
                       application.get_decision_display() if application.decision else "",
                       str(application.amount_awarded or "")]
        values += [_flatten(application.answers.get(field.key)) for field in fields]
        yield values


def _flatten(value):
    if isinstance(value, list):
        return "; ".join(" — ".join(str(part) for part in item.values()) if isinstance(item, dict) else str(item)
                         for item in value)
    return "" if value is None else str(value)


class _Echo:
    def write(self, value):
        return value


@require_safe
def export_csv(request, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    call = _manage_or_403(request, slug)
    writer = csv_writer(_Echo())
    # Streamed row by row: memory stays flat however many applications there are.
    response = StreamingHttpResponse((writer.writerow(row) for row in _export_rows(call)),
                                     content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{call.slug}-applications.csv"'
    return response


@require_safe
def export_xlsx(request, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    call = _manage_or_403(request, slug)
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx")  # removed when the response is closed
    # constant_memory: each row is flushed to disk as it is written.
    book = workbook(handle.name, {"constant_memory": True})
    sheet = book.add_worksheet(_("Applications")[:31])
    for number, row in enumerate(_export_rows(call)):
        sheet.write_row(number, 0, row)
    book.close()
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=f"{call.slug}-applications.xlsx",
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


# --- Evaluators -----------------------------------------------------------------------------

@personal_page  # kept for the evaluator (core.page_cache)
@require_safe
def my_reviews(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    to_do = request.GET.get("show") == "todo"
    reviews = selectors.my_reviews_page(request.user, page=page_param(request.GET), to_do=to_do)
    return render(request, "calls/my_reviews.html", {"reviews": reviews, "page": reviews["page"],
                                                     "groups": reviews["groups"], "to_do": to_do,
                                                     "query": "show=todo" if to_do else ""})


def _assignment_or_404(request, slug, code):
    assignment = (Assignment.objects.filter(application__call__slug=slug, application__code=code,
                                            evaluator=request.user)
                  .select_related("application__call").first())
    if assignment is None or not request.user.has_perm("calls.review_application", assignment.application):
        raise Http404
    return assignment


def review(request, slug, code):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    assignment = _assignment_or_404(request, slug, code)
    application, call = assignment.application, assignment.application.call
    criteria = list(call.criteria.all())
    existing = Review.objects.filter(assignment=assignment).first()
    if request.method == "POST":
        if request.POST.get("action") == "conflict":
            try:
                evaluation.conflict_declare(application=application, by=request.user,
                                            reason=request.POST.get("reason", ""))
            except refusals.REFUSALS as refused:
                refusals.show_refusal(request, refused)
                return redirect("calls:review", slug=slug, code=code)
            messages.success(request, _("Your conflict of interest is recorded; this application is no longer yours "
                                        "to review."))
            return redirect("calls:my_reviews")
        scores, problems = {}, []
        for criterion in criteria:
            raw = request.POST.get(f"score_{criterion.pk}", "").strip().replace(",", ".")
            try:
                value = None if raw == "" else float(raw)
            except ValueError:
                problems.append(criterion.translated("name"))
                value = None
            scores[criterion.pk] = (value, request.POST.get(f"comment_{criterion.pk}", ""))
        try:
            if problems:
                raise ValidationError(_("Scores are numbers: check %(names)s.") % {"names": ", ".join(problems)})
            evaluation.review_save(assignment=assignment, by=request.user, scores=scores,
                                   comment=request.POST.get("comment", ""), submit="submit" in request.POST)
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
            typed = {f"score_{pk}": request.POST.get(f"score_{pk}", "") for pk in scores}
            return render(request, "calls/review.html", _review_context(assignment, criteria, existing, typed,
                                                                       request.POST))
        messages.success(request, _("Your review is submitted. Thank you!") if "submit" in request.POST
                         else _("Your draft review is saved."))
        return redirect("calls:review", slug=slug, code=code)
    return render(request, "calls/review.html", _review_context(assignment, criteria, existing))


def _review_context(assignment, criteria, existing, typed=None, posted=None):
    application, call = assignment.application, assignment.application.call
    saved = {score.criterion_id: score for score in existing.scores.all()} if existing else {}
    rows = []
    for criterion in criteria:
        score = saved.get(criterion.pk)
        rows.append({"criterion": criterion,
                     "value": (typed or {}).get(f"score_{criterion.pk}", "" if score is None else score.value),
                     "comment": (posted or {}).get(f"comment_{criterion.pk}", score.comment if score else "")})
    blind = call.is_blind and not call.identities_visible()
    answers = []
    for field in call.form_fields.all():
        if blind and field.hidden_in_blind_review():
            continue
        answers.append({"field": field, "value": application.answers.get(field.key)})
    return {
        "call": call, "application": application, "assignment": assignment, "rows": rows, "review": existing,
        "answers": answers, "blind": blind, "files": list(application.files.all()), "table_rows": TABLE_ROWS,
        "comment": (posted or {}).get("comment", existing.comment if existing else ""),
        "editable": call.status == CallStatus.EVALUATION and not (existing and existing.status == "submitted"),
    }
