"""The report form (a reason and a note), the moderator's hide / restore form (a reason) and the
pre-moderation decision (approve, or reject with a reason; the fingerprint of the text the moderator read)."""

from django import forms
from django.utils.translation import gettext_lazy

from .models import ReportReason


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=gettext_lazy("Why?"), choices=ReportReason.choices)
    note = forms.CharField(label=gettext_lazy("Details (optional)"), max_length=500, required=False)


class ModerateForm(forms.Form):
    action = forms.ChoiceField(choices=[("hide", "hide"), ("restore", "restore")])
    reason = forms.CharField(label=gettext_lazy("Reason (recorded in the log)"), max_length=1000)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "approve"), ("reject", "reject")])
    reason = forms.CharField(label=gettext_lazy("Reason (the author is told it)"), max_length=1000, required=False)
    fingerprint = forms.RegexField(regex=r"\A[0-9a-f]{16}\Z", required=False)
