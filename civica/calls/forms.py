"""Forms of the calls pages: every id or value an editor posts (the call's status, appointing and
assigning evaluators, answers to questions, decisions) and a question an applicant asks is read through
one of these, so bad input is a message, never a 500."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import Application, ApplicationStatus, CallQuestion, CallStatus, Decision


class QuestionForm(forms.Form):
    question = forms.CharField(label=_("Your question"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                               help_text=_("Answers are published to everyone on this page; your name is not shown."))


# --- Running a call: every value an editor posts is read through one of these ------------------

class MoveForm(forms.Form):
    to = forms.ChoiceField(choices=CallStatus.choices)


class AppointForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=254,
                             error_messages={"invalid": _("Write a valid e-mail address.")})


class AutoAssignForm(forms.Form):
    per = forms.IntegerField(error_messages={"invalid": _("Choose between 1 and 20 evaluators per application."),
                                             "required": _("Choose between 1 and 20 evaluators per application.")})


class AssignForm(forms.Form):
    application = forms.ModelChoiceField(queryset=Application.objects.none(),
                                         error_messages={"invalid_choice": _("This application is not in this call.")})
    evaluator = forms.ModelChoiceField(queryset=get_user_model().objects.filter(is_active=True),
                                       error_messages={"invalid_choice": _("Choose one of the call's evaluators.")})

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = Application.objects.filter(call=call)


class AnswerForm(forms.Form):
    question = forms.ModelChoiceField(queryset=CallQuestion.objects.none(),
                                      error_messages={"invalid_choice": _("This question is not in this call.")})
    answer = forms.CharField(max_length=5000, error_messages={"required": _("Write the answer.")})

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].queryset = CallQuestion.objects.filter(call=call)


class DecisionForm(forms.Form):
    application = forms.ModelChoiceField(queryset=Application.objects.none(),
                                         error_messages={"invalid_choice": _("This application is not in this call.")})
    decision = forms.ChoiceField(choices=[choice for choice in Decision.choices if choice[0]])
    amount = forms.DecimalField(required=False, max_digits=14, decimal_places=2, localize=True)
    feedback = forms.CharField(required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = Application.objects.filter(call=call,
                                                                          status=ApplicationStatus.SUBMITTED)


def form_errors(form) -> str:
    """A refused form's messages, one sentence after another."""
    return " ".join(str(message) for messages in form.errors.values() for message in messages)
