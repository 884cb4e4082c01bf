"""``BookingForm`` reads one day and two times on the Bucharest clock (a time the clock skips is refused)
and shows the service's refusals by their fields."""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import MAX_BOOKING_PURPOSE, Organisation

# The service's field names and the form's.
SERVICE_FIELDS = {"starts_at": "starts", "ends_at": "ends", "purpose": "purpose", "organisation": "organisation"}


def bucharest_time(day: datetime.date, time: datetime.time) -> datetime.datetime | None:
    """``day`` at ``time`` on the centre's clock; None for a time the clock skips (spring forward)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    wanted = datetime.datetime.combine(day, time)
    aware = wanted.replace(tzinfo=zone)
    if aware.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != wanted:
        return None
    return aware


class BookingForm(forms.Form):
    """One booking on one day, times on the centre's (Bucharest) clock. The form only reads what was
    typed; ``services.space_book`` decides, and its refusals are shown by the fields they concern."""

    organisation = forms.ModelChoiceField(label=_("For the organisation"), queryset=Organisation.objects.none(),
                                          empty_label=None)
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    starts = forms.TimeField(label=pgettext_lazy("start time", "From"),
                             widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    ends = forms.TimeField(label=pgettext_lazy("end time", "To"),
                           widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    purpose = forms.CharField(label=_("What for"), max_length=MAX_BOOKING_PURPOSE,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Only you and the centre's staff see it; the public sees only that the "
                                          "time is taken."))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("day")
        for field, target in (("starts", "starts_at"), ("ends", "ends_at")):
            if day is not None and cleaned.get(field) is not None:
                cleaned[target] = bucharest_time(day, cleaned[field])
                if cleaned[target] is None:
                    self.add_error(field, _("This time does not exist on that day: the clocks move forward."))
        return cleaned

    def booking_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("organisation", "starts_at", "ends_at", "purpose")}

    def add_refusal(self, refused) -> None:
        """Show a service's ValidationError by the fields it names (the rest above the form)."""
        if not hasattr(refused, "error_dict"):
            self.add_error(None, refused)
            return
        for name, errors in refused.message_dict.items():
            self.add_error(SERVICE_FIELDS.get(name) if name != NON_FIELD_ERRORS else None, errors)
