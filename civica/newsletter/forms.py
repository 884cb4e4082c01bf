"""The subscribe form (address, lists, consent) and the preference form (lists, language)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from civica.core.forms import ModelMultipleIdsField

from .models import NewsletterList


class ListChoiceField(ModelMultipleIdsField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.translated("name")


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    lists = ListChoiceField(
        label=_("Newsletters"),
        queryset=NewsletterList.objects.all(),
        required=False,
        help_text=_("None chosen: the centre's monthly newsletter."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to receive the newsletters I chose by e-mail. I can unsubscribe at any time with the link "
            "in every e-mail; my address is used for nothing else."
        )
    )


class PreferencesForm(forms.Form):
    lists = ListChoiceField(
        label=_("Newsletters"),
        queryset=NewsletterList.objects.all(),
        required=False,
        help_text=_("None chosen: you are unsubscribed from all."),
    )
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)
