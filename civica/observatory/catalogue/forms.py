"""The analysts' forms: a framework, a dimension, an indicator (its breakdowns as checkboxes, its count
from the platform chosen from the registry), a stated value, and the import of a file. Numbers are typed
and shown in the page's language (``1.234,5`` in Romanian) and read by ``numbers.parse_number``, as the
import reads them; the services decide, and their refusals are shown by the fields they name."""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from civica.core.formatting import format_decimal
from civica.core.forms import SectionsMixin

from .. import computed, importing
from ..models import Breakdown, Dimension, Framework, Indicator, ValueStatus
from ..numbers import ENGLISH, MAX_DECIMALS, MAX_INTEGER_DIGITS, ROMANIAN, NumberError, convention_of, parse_number


def show_number(value) -> str:
    """``value`` in the page's language with as many decimals as it has (``1.234,5``; ``1,234.5``)."""
    exponent = Decimal(value).normalize().as_tuple().exponent
    return format_decimal(value, max(0, -exponent) if isinstance(exponent, int) else 0)


class LocalizedDecimalField(forms.CharField):
    """A number typed in either convention, the page's language deciding the ambiguous ``1.234``; shown
    back in the page's language. Cleans to a ``Decimal``."""

    MAX_LENGTH = 40

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "maxlength": self.MAX_LENGTH})

    def prepare_value(self, value):
        return show_number(value) if isinstance(value, (Decimal, int)) else value

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        if len(text) > self.MAX_LENGTH:
            raise forms.ValidationError(_("The number is too large (at most %(digits)d digits before the decimals).")
                                        % {"digits": MAX_INTEGER_DIGITS}, code="invalid")
        try:
            return parse_number(text, convention=convention_of(get_language()))
        except NumberError as error:
            raise forms.ValidationError(str(error), code="invalid") from error


class FrameworkForm(SectionsMixin, forms.ModelForm):
    SECTIONS = ((_("Name"), ["name_ro"]), (_("Description"), ["description_ro"]),
                (_("The framework"), ["slug", "url", "position"]))

    class Meta:
        model = Framework
        fields = ["name_ro", "name_en", "description_ro", "description_en", "slug", "url", "position"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in ("description_ro", "description_en")}
        # An address typed without its scheme is a secure one.
        formfield_callback = staticmethod(lambda field, **kwargs: field.formfield(
            **({"assume_scheme": "https"} if isinstance(field, models.URLField) else {}), **kwargs))


class DimensionForm(SectionsMixin, forms.ModelForm):
    SECTIONS = ((_("Name"), ["name_ro"]), (_("Description"), ["description_ro"]),
                (_("The dimension"), ["slug", "position"]))

    class Meta:
        model = Dimension
        fields = ["name_ro", "name_en", "description_ro", "description_en", "slug", "position"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in ("description_ro", "description_en")}


class IndicatorForm(SectionsMixin, forms.ModelForm):
    SECTIONS = ((_("Name"), ["name_ro"]), (_("Definition"), ["definition_ro"]), (_("Methodology"), ["methodology_ro"]),
                (_("Where it belongs"), ["code", "framework", "dimension", "position", "sdg_targets"]),
                (_("Its values"), ["unit", "decimals", "minimum", "maximum", "frequency", "aggregation",
                                   "breakdowns", "source", "computed_from"]),
                (_("Publication"), ["is_published", "illustrative"]))

    breakdowns = forms.MultipleChoiceField(
        label=_("Broken down by"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(value, label) for value, label in Breakdown.choices if value],
        help_text=_("Besides the whole city."))
    minimum = LocalizedDecimalField(label=_("smallest possible value"), required=False)
    maximum = LocalizedDecimalField(label=_("largest possible value"), required=False)
    computed_from = forms.ChoiceField(label=_("counted by the platform from"), required=False,
                                      help_text=_("Its values are then counted every night, never typed in."))

    class Meta:
        model = Indicator
        fields = ["name_ro", "name_en", "definition_ro", "definition_en", "methodology_ro", "methodology_en", "code",
                  "framework", "dimension", "position", "sdg_targets", "unit", "decimals", "minimum", "maximum",
                  "frequency", "aggregation", "breakdowns", "source", "computed_from", "is_published", "illustrative"]
        widgets = {name: forms.Textarea(attrs={"rows": 4})
                   for name in ("definition_ro", "definition_en", "methodology_ro", "methodology_en")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["computed_from"].choices = [("", _("Typed in or imported"))] + computed.counts.choices()
        self.fields["dimension"].queryset = Dimension.objects.select_related("framework")
        self.fields["decimals"].validators.append(MaxValueValidator(MAX_DECIMALS))
        self.fields["decimals"].widget.attrs["max"] = MAX_DECIMALS

    def clean(self):
        cleaned = super().clean()
        minimum, maximum = cleaned.get("minimum"), cleaned.get("maximum")
        if minimum is not None and maximum is not None and minimum > maximum:
            self.add_error("maximum", _("The largest value is smaller than the smallest."))
        dimension, framework = cleaned.get("dimension"), cleaned.get("framework")
        if dimension is not None and framework is not None and dimension.framework_id != framework.pk:
            self.add_error("dimension", _("The dimension belongs to another framework."))
        return cleaned


class ValueForm(SectionsMixin, forms.Form):
    """A stated value of an indicator: the year, the breakdown and group (or the whole city), the number
    typed in the page's language, its status, source and note."""

    SECTIONS = ((_("Which value"), ["year", "breakdown", "group"]), (_("The value"), ["value", "status"]),
                (_("Where it comes from"), ["source", "note"]))

    year = forms.IntegerField(label=_("year"), min_value=importing.FIRST_YEAR, max_value=importing.LAST_YEAR)
    breakdown = forms.ChoiceField(label=_("breakdown"), required=False)
    group = forms.CharField(label=_("group"), required=False, max_length=importing.MAX_LENGTHS["group"])
    value = LocalizedDecimalField(label=_("value"))
    status = forms.ChoiceField(label=_("status"), choices=ValueStatus.choices, initial=ValueStatus.PROVISIONAL)
    source = forms.CharField(label=_("source"), required=False, max_length=importing.MAX_LENGTHS["source"])
    note = forms.CharField(label=_("note"), required=False, max_length=importing.MAX_LENGTHS["note"])

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.fields["breakdown"].choices = [(value, label) for value, label in Breakdown.choices
                                            if not value or value in (indicator.breakdowns or ())]
        self.fields["group"].help_text = _("For an area of the city, its name; for a domain, a category or an age "
                                           "group, its code, as in the import.")

    def clean_group(self):
        return self.cleaned_data["group"].strip()


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"),
                           help_text=_("Columns: indicator, year, breakdown, group, value, status, source, note. "
                                       "At most 20 MB and 200,000 rows."))
    convention = forms.ChoiceField(
        label=_("Numbers in the file are written"),
        choices=[(ROMANIAN, _("as in Romanian: 1.234,5")), (ENGLISH, _("as in English: 1,234.5"))],
        widget=forms.RadioSelect,
        help_text=_("Decides only numbers that could be read both ways, as 1.234; 1.234,5 and 1234.5 are "
                    "read the same either way."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["convention"].initial = convention_of(get_language())

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > importing.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than %(megabytes)d MB; split it.")
                                        % {"megabytes": importing.MAX_BYTES // (1024 * 1024)})
        return upload


class ImportConfirmForm(forms.Form):
    """The dry run's confirmation: the token of the file kept for it (``views``)."""

    token = forms.RegexField(regex=r"^[0-9a-f]{32}$", max_length=32, widget=forms.HiddenInput)
