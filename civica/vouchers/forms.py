"""Every value a voucher page reads from a request goes through one of these forms."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .models import Offer, Venue, VoucherProgramme
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

    def __init__(self, *args, venues, single=None, **kwargs):
        """``venues``: a queryset of the person's venues; ``single``: their venue when they have one only
        (then the field is hidden)."""
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = venues
        if single is not None:
            self.fields["venue"].widget = forms.HiddenInput()
            self.fields["venue"].initial = single.pk


class RedeemForm(forms.Form):
    code = forms.CharField(max_length=40, widget=forms.HiddenInput())
    venue = forms.ModelChoiceField(queryset=Venue.objects.none(), widget=forms.HiddenInput())
    offer = forms.ModelChoiceField(label=_("Offer"), queryset=Offer.objects.none(), empty_label=None,
                                   widget=forms.RadioSelect)
    amount = forms.DecimalField(label=_("Amount to redeem"), min_value=Decimal("0.01"), max_digits=10,
                                decimal_places=2, localize=True,
                                help_text=_("The offer's price is suggested; never more than the balance."))

    def __init__(self, *args, venues, offers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = venues
        self.fields["offer"].queryset = offers
        self.fields["offer"].label_from_instance = lambda offer: f"{offer.translated('title')} · {offer.price}"


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
