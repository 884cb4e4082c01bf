"""Forms of the account pages: what sign-up asks besides allauth's fields (the terms), the profile, and
the password confirmation that deleting an account asks for."""

from django import forms
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import User


def _terms_label():
    return format_html(
        _('I have read the <a href="{}">privacy notice</a> and agree that my contributions are public.'),
        reverse_lazy("pages:privacy"),
    )


class SignupExtraForm(forms.Form):
    """Fields allauth's sign-up form adds to e-mail and password."""

    field_order = ["email", "display_name", "password1", "password2", "accept_terms"]

    display_name = forms.CharField(
        label=_("Display name"), max_length=80, required=False,
        help_text=_("Shown next to what you write. You can change it later."),
    )
    accept_terms = forms.BooleanField(label=lazy(_terms_label, str)(), required=True)

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"].strip()
        user.language = getattr(request, "LANGUAGE_CODE", user.language)
        user.save(update_fields=["display_name", "language"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "organisation_name", "language", "email_frequency"]


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To confirm that it is you who deletes this account."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not right. Your account was not deleted."))
        return password
