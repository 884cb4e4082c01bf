"""The forms of the dashboards (slice 4): the filters of an indicator's page, read from the query string
(a bad year or breakdown is a message, never a 500), and the analysts' forms for a diagnosis report and
its sections."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from civica.core.forms import ModelMultipleIdsField, SectionsMixin

from ..models import Breakdown, Indicator, Report, ReportSection

FIRST_YEAR, LAST_YEAR = 1900, 2200


class IndicatorFilterForm(forms.Form):
    """Years from and to, and the breakdown (among those the indicator has)."""

    first_year = forms.IntegerField(label=_("From the year"), required=False, min_value=FIRST_YEAR,
                                    max_value=LAST_YEAR, widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    last_year = forms.IntegerField(label=_("To the year"), required=False, min_value=FIRST_YEAR,
                                   max_value=LAST_YEAR, widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    breakdown = forms.ChoiceField(label=_("Breakdown"), required=False)

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        offered = [value for value in indicator.breakdowns or () if value in Breakdown.values and value]
        self.fields["breakdown"].choices = [(Breakdown.TOTAL, Breakdown.TOTAL.label)] + [
            (value, Breakdown(value).label) for value in offered]

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_year"), cleaned.get("last_year")
        if first is not None and last is not None and first > last:
            raise ValidationError({"last_year": _("The last year comes before the first.")})
        return cleaned

    def filters(self) -> dict:
        """What the selector is asked: the valid filters, the whole series when the form is not valid."""
        if not self.is_valid():
            return {"breakdown": Breakdown.TOTAL}
        return {"breakdown": self.cleaned_data["breakdown"] or Breakdown.TOTAL,
                "first_year": self.cleaned_data["first_year"], "last_year": self.cleaned_data["last_year"]}


class ReportForm(SectionsMixin, forms.ModelForm):
    SECTIONS = ((_("Title"), ["title_ro"]), (_("The report"), ["slug", "year", "illustrative"]),
                (_("Introduction"), ["introduction_ro"]), (_("Conclusion"), ["conclusion_ro"]))

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug == "manage":  # reports/manage/ is the analysts' screen
            raise ValidationError(_("This short name is taken by the site: choose another."))
        return slug

    class Meta:
        model = Report
        fields = ["title_ro", "title_en", "slug", "year", "illustrative", "introduction_ro", "introduction_en",
                  "conclusion_ro", "conclusion_en"]
        widgets = {name: forms.Textarea(attrs={"rows": 6})
                   for name in ("introduction_ro", "introduction_en", "conclusion_ro", "conclusion_en")}


class SectionForm(SectionsMixin, forms.ModelForm):
    SECTIONS = ((_("Title"), ["title_ro"]), (_("Narrative"), ["narrative_ro"]),
                (_("Its place and figures"), ["position", "indicators"]))

    indicators = ModelMultipleIdsField(
        label=_("Indicators shown"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=Indicator.objects.published().select_related("framework"),
        help_text=_("Only published indicators: the section shows their published figures."))

    class Meta:
        model = ReportSection
        fields = ["title_ro", "title_en", "narrative_ro", "narrative_en", "position", "indicators"]
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in ("narrative_ro", "narrative_en")}


class ReportMoveForm(forms.Form):
    to = forms.ChoiceField(choices=Report.STATUS.choices)
