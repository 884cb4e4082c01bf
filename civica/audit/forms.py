from django import forms
from django.utils.translation import gettext_lazy as _


class AuditFilterForm(forms.Form):
    action = forms.CharField(label=_("Area"), required=False, max_length=80)
    actor = forms.CharField(label=_("Who (e-mail address contains)"), required=False, max_length=254)
