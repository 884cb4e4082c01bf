"""Forms of verification: what a person types (identifier and birth date, a desk code) and what staff
send (a census file and whether to try it only, a person's e-mail at the desk). Every value is checked
here, so a malformed one is a form error in the person's language, never a crash; errors never repeat
an identifier."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .census import DATE_FORMATS, valid_identifier
from .services import CODE_LENGTH

MAX_CENSUS_BYTES = 50 * 1024 * 1024


class ResidenceForm(forms.Form):
    identifier = forms.CharField(
        label=_("Personal numeric code (CNP) or the city's resident identifier"), max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
    birth_date = forms.DateField(label=_("Birth date"), input_formats=DATE_FORMATS,
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def clean_identifier(self):
        value = self.cleaned_data["identifier"]
        if not valid_identifier(value):
            raise forms.ValidationError(_("Type the identifier with letters and digits only."))
        return value

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        if not datetime.date(1900, 1, 1) <= value <= datetime.date.today():
            raise forms.ValidationError(_("Type your birth date."))
        return value


class CodeForm(forms.Form):
    code = forms.CharField(label=_("One-time code from the centre"), max_length=2 * CODE_LENGTH,
                           widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))

    def clean_code(self):
        value = "".join(self.cleaned_data["code"].split()).replace("-", "").upper()
        if len(value) != CODE_LENGTH or not value.isascii() or not value.isalnum():
            raise forms.ValidationError(_("The code has %(count)s letters and digits.") % {"count": CODE_LENGTH})
        return value


class CensusForm(forms.Form):
    file = forms.FileField(label=_("Census (CSV)"), help_text=_(
        "Columns identifier (or cnp) and birth_date; UTF-8; dates as YYYY-MM-DD or DD.MM.YYYY."))
    dry_run = forms.BooleanField(label=_("Only check the file, do not replace the census"), required=False,
                                 initial=True)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CENSUS_BYTES:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        return upload


class DeskPersonForm(forms.Form):
    email = forms.EmailField(label=_("The person's e-mail address"))

    def clean_email(self):
        email = self.cleaned_data["email"]
        person = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("No account has this e-mail address."))
        self.person = person
        return email


class DeskPersonIdForm(forms.Form):
    """The person staff confirmed, by id (a hidden number), with the level to withdraw, if any."""

    person = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    revoke = forms.ChoiceField(required=False, choices=[("", ""), ("resident", "resident"),
                                                         ("in_person", "in_person")])

    def clean_person(self):
        person = get_user_model().objects.filter(pk=self.cleaned_data["person"], is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("No account has this e-mail address."))
        return person
