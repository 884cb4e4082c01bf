"""The form an editor opens a call for seats with: every value posted is read through it."""

from django import forms
from django.utils.translation import gettext_lazy as _

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]


def _moment(label):
    return forms.DateTimeField(label=label, input_formats=DATETIME_FORMATS, help_text=_("Bucharest time."),
                               widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                               error_messages={"invalid": _("Write a date and time, e.g. 2026-03-01 17:00.")})


class SeatCallForm(forms.Form):
    title_ro = forms.CharField(label=_("Title (Romanian)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    summary_ro = forms.CharField(label=_("Summary (Romanian)"), max_length=800,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    summary_en = forms.CharField(label=_("Summary (English)"), max_length=800, required=False,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    seats = forms.IntegerField(label=_("Number of seats"), min_value=1, max_value=500, error_messages={
        "invalid": _("Write the number of seats, a whole number from 1."),
        "min_value": _("Write the number of seats, a whole number from 1."),
        "max_value": _("At most 500 seats.")})
    opens_at = _moment(_("Opens at"))
    closes_at = _moment(_("Deadline"))

    def clean(self):
        cleaned = super().clean()
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("The deadline must come after the opening."))
        return cleaned
