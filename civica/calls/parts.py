"""The personal parts of a call's page (core/personal_parts.py): where the person stands with the call
(their application and its status, "start an application", or why they may not apply) and the form to
ask a question. The call's facts, guide, criteria, documents, answered questions and funded projects
are the same for everyone and kept in the shared page.

Both parts of one request read the same call and the person's application: loaded once, by the first
part that needs them."""

from civica.core.personal_parts import once, remember, template_part

from .forms import QuestionForm
from .models import Application, Call


def _call(request, slug):
    """The call ``slug`` if the person may read it, with their application (or None) as
    ``my_application``; None otherwise. One query for the call, one for the application."""
    def load():
        call = Call.objects.filter(slug=slug).first()
        if call is None or not request.user.has_perm("calls.read_call", call):
            return None
        remember(request, call)
        call.my_application = (Application.objects.filter(call=call, applicant=request.user).first()
                               if request.user.is_authenticated else None)
        return call
    return once(request, ("calls.call", slug), load)


def _application_state(request, slug):
    call = _call(request, slug)
    if call is None:
        return None
    application = call.my_application
    return {"call": call, "application": application,
            "can_apply": application is None and request.user.has_perm("calls.apply", call)}


def _question_form(request, slug):
    call = _call(request, slug)
    if call is None or not request.user.has_perm("calls.ask_question", call):
        return None
    return {"call": call, "question_form": QuestionForm()}


template_part("calls.application_state", "calls/parts/application_state.html", _application_state)
template_part("calls.question_form", "calls/parts/question_form.html", _question_form)
