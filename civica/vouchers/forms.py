"""Every value a voucher page reads from a request goes through one of these forms: the code and redemption
forms, a resident's application (calls' form engine) and the staff's screens' forms."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from civica.calls.form_engine import (
    NUMERIC_KINDS,
    FieldKind,
    QuestionFormMixin,
    localized_number,
    plain,
    stored_to_data,
)
from civica.core.forms import ModelMultipleIdsField, SectionsMixin
from civica.network.forms import IdChoiceField
from civica.network.models import Organisation, Programme

from .models import QUESTION_KIND_CHOICES, EligibilityQuestion, Offer, Venue, VoucherProgramme
from .services import MAX_BULK, VENUE_TOKEN_EXPIRY_DAYS

CODE_WIDGET = forms.TextInput(attrs={
    "autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "inputmode": "text",
    "placeholder": "7KQ2-M9XD-4TRB-HW3E-P", "class": "voucher-code-input"})


class CodeForm(forms.Form):
    """A code typed by its holder (to see their balance) or by venue staff."""

    code = forms.CharField(label=_("Voucher code"), max_length=40, widget=CODE_WIDGET,
                           help_text=_("17 letters and digits, as printed on the card; dashes and spaces do "
                                       "not matter."))


class VenueCodeForm(CodeForm):
    venue = forms.ModelChoiceField(label=_("Venue"), queryset=Venue.objects.none(), empty_label=None)

    def __init__(self, *args, venues, single_id=None, **kwargs):
        """``venues``: a queryset of the person's venues; ``single_id``: their venue's id when they have one
        only (then the field is hidden, and read only when the form is posted)."""
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = venues
        if single_id is not None:
            self.fields["venue"].widget = forms.HiddenInput()
            self.fields["venue"].initial = single_id


class RedeemForm(forms.Form):
    code = forms.CharField(max_length=40, widget=forms.HiddenInput())
    venue = forms.IntegerField(widget=forms.HiddenInput())
    offer = forms.ModelChoiceField(label=_("Offer"), queryset=Offer.objects.none(), empty_label=None,
                                   widget=forms.RadioSelect)
    amount = forms.DecimalField(label=_("Amount to redeem"), min_value=Decimal("0.01"), max_digits=10,
                                decimal_places=2, localize=True,
                                help_text=_("The offer's price is suggested; never more than the balance."))

    def __init__(self, *args, offers, **kwargs):
        """``offers``: those of the person's venues that may be chosen, their venue joined: the cleaned
        ``venue`` is the chosen offer's (one query for both), and a venue that is not the offer's is refused."""
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = offers
        self.fields["offer"].label_from_instance = lambda offer: f"{offer.translated('title')} · {offer.price}"

    def clean(self):
        cleaned = super().clean()
        offer, venue_id = cleaned.get("offer"), cleaned.get("venue")
        if offer is not None and venue_id is not None:
            if offer.venue_id != venue_id:
                raise forms.ValidationError(_("This offer is not one of this venue's."))
            cleaned["venue"] = offer.venue
        return cleaned


class RegisterForm(forms.Form):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=VoucherProgramme.objects.none(), empty_label=None)
    alias = forms.CharField(label=_("Alias (optional)"), max_length=60, required=False,
                            help_text=_("A first name or nickname you will recognise them by. Not printed on "
                                        "the card. No surname, address or phone number is needed."))
    language = forms.ChoiceField(label=_("Language of the card"), choices=settings.LANGUAGES)
    email = forms.EmailField(label=_("E-mail address (optional)"), required=False, max_length=254,
                             help_text=_("Only if they want the voucher by e-mail as well."))

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes


class FindForm(forms.Form):
    q = forms.CharField(label=_("Reference or alias"), max_length=60, required=False)


class ReverseForm(forms.Form):
    reason = forms.CharField(label=_("Why is it reversed?"), max_length=300,
                             widget=forms.TextInput(attrs={"autocomplete": "off"}))


class ProgrammeFilterForm(forms.Form):
    programme = forms.SlugField(required=False, max_length=80)


class PrepareStatementsForm(forms.Form):
    """The programme's staff prepare a month's settlement statements."""

    programme = forms.ModelChoiceField(label=_("Voucher programme"), queryset=VoucherProgramme.objects.none(),
                                       empty_label=None)
    month = forms.DateField(label=_("Month"), input_formats=["%Y-%m"],
                            widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
                            help_text=_("Everything not yet settled up to this month's end goes into its statements."),
                            error_messages={"invalid": _("Give a month as year and month, like 2021-06.")})

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes

    def clean_month(self):
        month = self.cleaned_data["month"]
        if month.year < 2000 or month.year > 2100:
            raise forms.ValidationError(_("Give a month between the years 2000 and 2100."))
        return month.replace(day=1)


class StatementMoveForm(forms.Form):
    to = forms.ChoiceField(choices=[("approved", _("Approve")), ("paid", _("Mark paid"))])
def _days(days):
    return ngettext_lazy("%(count)s day", "%(count)s days", days) % {"count": days}


class VenueTokenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80,
                           help_text=_("Which system uses it (the ticketing system, the box office's app)."))
    expires_in_days = forms.TypedChoiceField(label=_("Valid for"), coerce=int, initial=365,
                                             choices=[(days, _days(days)) for days in VENUE_TOKEN_EXPIRY_DAYS])


class BulkIssueForm(forms.Form):
    count = forms.IntegerField(label=_("Number of vouchers"), min_value=1, max_value=MAX_BULK)
    purpose = forms.CharField(label=_("What they are for"), max_length=200,
                              help_text=_("For example: the referrals of a partner, or cards for a distribution."))
    language = forms.ChoiceField(label=_("Language of the cards"), choices=settings.LANGUAGES)
# Residents' online applications: the programme's eligibility questions, by calls' form engine.

class ApplicationForm(QuestionFormMixin, forms.Form):
    """The answers to a programme's eligibility questions: nothing required in a draft (what was typed is
    kept, flagged), everything checked when it is submitted."""

    def __init__(self, *args, questions, strict=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions, self.strict = list(questions), strict
        for question in self.questions:
            self.add_question(question)
        if not strict:
            self.relax()

    def answers(self) -> dict:
        values = self.typed_values()
        return {question.key: plain(values.get(question.key)) for question in self.questions}


def answers_data(questions, answers: dict) -> dict:
    """Stored answers back into form data (to show a draft)."""
    data = {}
    for question in questions:
        value = answers.get(question.key)
        if question.kind in NUMERIC_KINDS and value not in (None, ""):
            value = localized_number(value)
        stored_to_data(question, value, data)
    return data


class RefuseForm(forms.Form):
    reason = forms.CharField(label=_("Why is it refused?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("The applicant is told this by e-mail, as you write it."))


# The staff's screens.

class ProgrammeForm(SectionsMixin, forms.ModelForm):
    programme = IdChoiceField(label=_("Programme of the centre"), queryset=Programme.objects.all())
    venues = ModelMultipleIdsField(label=_("Partner venues"), queryset=Venue.objects.all(), required=False,
                                   widget=forms.CheckboxSelectMultiple)

    SECTIONS = (
        (_("The programme"), ["name_ro", "purpose_ro", "eligibility_ro"]),
        (_("Setting"), ["programme", "slug", "starts_on", "ends_on", "unit", "voucher_value", "validity_days",
                        "budget", "retention_until", "accepts_applications", "venues"]),
    )

    class Meta:
        model = VoucherProgramme
        fields = ["programme", "name_ro", "name_en", "slug", "purpose_ro", "purpose_en", "eligibility_ro",
                  "eligibility_en", "starts_on", "ends_on", "unit", "voucher_value", "validity_days", "budget",
                  "retention_until", "accepts_applications", "venues"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in
                   ("purpose_ro", "purpose_en", "eligibility_ro", "eligibility_en")} | {
            name: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            for name in ("starts_on", "ends_on", "retention_until")}
        localized_fields = ["voucher_value", "budget"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts_on") and cleaned.get("ends_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", _("The programme must end on or after the day it starts."))
        for name in ("voucher_value", "budget"):
            if cleaned.get(name) is not None and cleaned[name] <= 0:
                self.add_error(name, _("It must be more than zero."))
        return cleaned

    def _post_clean(self):
        # The model is checked by the service (services.programme_save), under the programme's lock.
        pass

    def values(self) -> dict:
        values = {name: self.cleaned_data[name] for name in self.Meta.fields if name != "programme"}
        return values | {"centre_programme": self.cleaned_data["programme"]}


class QuestionForm(forms.ModelForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=QUESTION_KIND_CHOICES)
    choices = forms.CharField(label=_("Choices"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("For one or several choices: one choice per line."))

    class Meta:
        model = EligibilityQuestion
        fields = ["kind", "key", "label_ro", "label_en", "help_ro", "help_en", "required", "max_length",
                  "min_value", "max_value", "choices"]
        widgets = {"help_ro": forms.Textarea(attrs={"rows": 2}), "help_en": forms.Textarea(attrs={"rows": 2})}
        localized_fields = ["min_value", "max_value"]

    def clean_choices(self):
        return [line.strip()[:200] for line in (self.cleaned_data.get("choices") or "").splitlines() if line.strip()]

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_value"), cleaned.get("max_value")
        if low is not None and high is not None and high < low:
            self.add_error("max_value", _("The maximum cannot be below the minimum."))
        if cleaned.get("kind") in (FieldKind.SINGLE_CHOICE, FieldKind.MULTIPLE_CHOICE) and len(
                cleaned.get("choices") or []) < 2:
            self.add_error("choices", _("Write at least two choices, one per line."))
        return cleaned

    def _post_clean(self):
        # Checked by the service, which knows the programme.
        pass

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class VenueForm(SectionsMixin, forms.ModelForm):
    organisation = IdChoiceField(label=_("Organisation"), queryset=Organisation.objects.all(), required=False,
                                 help_text=_("A member or partner organisation, when the venue is one."))

    SECTIONS = (
        (_("Description"), ["description_ro"]),
        (_("The venue"), ["name", "slug", "organisation", "address"]),
    )

    class Meta:
        model = Venue
        fields = ["name", "slug", "organisation", "address", "description_ro", "description_en"]
        widgets = {"description_ro": forms.Textarea(attrs={"rows": 3}),
                   "description_en": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self):
        # Checked by the service (services.venue_save).
        pass

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class VenueStaffForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the account"), max_length=254,
                             help_text=_("The person must already have an account on the platform."))


class OfferForm(SectionsMixin, forms.ModelForm):
    proposed_to = ModelMultipleIdsField(
        label=_("Proposed to the programmes"), queryset=VoucherProgramme.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Their staff accept it before their vouchers buy it. A change of the price or the dates "
                    "asks them again."))

    SECTIONS = (
        (_("The offer"), ["title_ro", "description_ro"]),
        (_("Terms"), ["kind", "starts_on", "ends_on", "price", "proposed_to"]),
    )

    class Meta:
        model = Offer
        fields = ["kind", "title_ro", "title_en", "description_ro", "description_en", "starts_on", "ends_on", "price"]
        widgets = {"description_ro": forms.Textarea(attrs={"rows": 3}),
                   "description_en": forms.Textarea(attrs={"rows": 3})} | {
            name: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d") for name in ("starts_on", "ends_on")}
        localized_fields = ["price"]

    def __init__(self, *args, venue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposed_to"].queryset = venue.programmes.all()
        self.fields["proposed_to"].label_from_instance = lambda programme: programme.translated("name")
        if self.instance.pk:
            self.fields["proposed_to"].initial = list(
                {p.pk for p in self.instance.programmes.all()} | {p.pk for p in self.instance.proposed_to.all()})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts_on") and cleaned.get("ends_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", _("The offer must end on or after the day it starts."))
        if cleaned.get("price") is not None and cleaned["price"] <= 0:
            self.add_error("price", _("It must be more than zero."))
        return cleaned

    def _post_clean(self):
        # Checked by the service (services.offer_save).
        pass

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in [*self.Meta.fields, "proposed_to"]}
