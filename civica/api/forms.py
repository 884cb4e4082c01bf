from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .models import Scope
from .services import EXPIRY_DAYS


def _expiry_label(days):
    return ngettext_lazy("%(count)s day", "%(count)s days", days) % {"count": days}


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80, help_text=_("What you use it for, to recognise it later."))
    scopes = forms.MultipleChoiceField(label=_("What it may do"), choices=Scope.choices,
                                       widget=forms.CheckboxSelectMultiple)
    expires_in_days = forms.TypedChoiceField(label=_("Valid for"), coerce=int, initial=90,
                                             choices=[(days, _expiry_label(days)) for days in EXPIRY_DAYS])
