"""The report form (a reason and a note) and the moderator's hide / restore form (a reason)."""

from django import forms
from django.utils.translation import gettext_lazy

from .models import ReportReason


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=gettext_lazy("Why?"), choices=ReportReason.choices)
    note = forms.CharField(label=gettext_lazy("Details (optional)"), max_length=500, required=False)


class ModerateForm(forms.Form):
    action = forms.ChoiceField(choices=[("hide", "hide"), ("restore", "restore")])
    reason = forms.CharField(label=gettext_lazy("Reason (recorded in the log)"), max_length=1000)
