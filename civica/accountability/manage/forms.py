"""Forms of the plans editors' screens: one per part of a plan (its details, areas, priorities and
their assessment, objectives, activities, indicators and their values, budget categories and lines),
and the status form. Amounts are decimals of at least zero, written with a point or, as in Romanian,
with a comma (1.234,50); choices of parents are limited to the plan's own."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from civica.goals.forms import GoalsField

from ..models import (
    Activity,
    Area,
    BudgetGroup,
    BudgetLine,
    Indicator,
    IndicatorValue,
    Level,
    Objective,
    Plan,
    Priority,
)
from ..registry import all_live_sources

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


def date_field(label, **options):
    return forms.DateField(label=label, input_formats=DATE_FORMATS,
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **options)


class AmountField(forms.DecimalField):
    """Lei, at least zero, with a decimal point or a Romanian comma (``1.234,50`` and ``1 234,50``)."""

    def __init__(self, **options):
        options.setdefault("min_value", Decimal(0))
        super().__init__(max_digits=14, decimal_places=2, localize=False,
                         widget=forms.TextInput(attrs={"inputmode": "decimal"}), **options)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace("\u00a0", "")
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
        return super().to_python(value)

    def clean(self, value):
        value = super().clean(value)
        return value.quantize(Decimal("0.01")) if value is not None else None  # 1500 is 1500.00 lei


class PlanPartForm(forms.ModelForm):
    """A form for a part of ``plan``: parents offered are the plan's own."""

    def __init__(self, *args, plan: Plan, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)
        from civica.network.models import Programme

        limits = {
            "area": Area.objects.filter(plan=plan),
            "programme": Programme.objects.filter(organisation=plan.organisation_id).order_by("position", "name_ro"),
            "objective": Objective.objects.filter(plan=plan).order_by("programme__position", "position", "id"),
            "priority": Priority.objects.filter(area__plan=plan).order_by("area__position", "position", "id"),
            "indicator": Indicator.objects.filter(plan=plan),
            "group": BudgetGroup.objects.filter(plan=plan),
        }
        for name, queryset in limits.items():
            if name in self.fields:
                self.fields[name].queryset = queryset


class NewPlanForm(forms.ModelForm):
    """A new plan, as a draft: its organisation, years and title; its parts are added afterwards."""

    class Meta:
        model = Plan
        fields = ["organisation", "year", "end_year", "title_ro", "title_en"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["end_year"].required = False

    def clean(self):
        cleaned = super().clean()
        year, end_year = cleaned.get("year"), cleaned.get("end_year")
        if year and not end_year:
            cleaned["end_year"] = self.instance.end_year = end_year = year
        if year and not 2000 <= year <= 2100:
            self.add_error("year", _("Give a year between 2000 and 2100."))
        elif year and end_year and end_year < year:
            self.add_error("end_year", _("The last year cannot come before the first."))
        elif year and end_year and Plan.objects.filter(year=year, end_year=end_year).exists():
            # A plan's address is its years (/plans/2021/): one plan per period.
            self.add_error("year", _("There is already a plan for these years."))
        return cleaned


class PlanDetailsForm(PlanPartForm):
    stated_income_total = AmountField(label=_("Total income as stated (lei)"), required=False)
    stated_expense_total = AmountField(label=_("Total expenses as stated (lei)"), required=False)

    class Meta:
        model = Plan
        fields = ["title_ro", "introduction_ro", "title_en", "introduction_en", "stated_income_total",
                  "stated_expense_total"]


class AreaForm(PlanPartForm):
    class Meta:
        model = Area
        fields = ["name_ro", "name_en"]


class PriorityForm(PlanPartForm):
    class Meta:
        model = Priority
        fields = ["area", "text_ro", "text_en"]
        widgets = {"text_ro": forms.Textarea(attrs={"rows": 3}), "text_en": forms.Textarea(attrs={"rows": 3})}


class AssessmentForm(PlanPartForm):
    """The year-end assessment of a priority on the four-level scale, with its narrative."""

    level = forms.ChoiceField(label=_("Achieved"), choices=Level.choices, widget=forms.RadioSelect)

    class Meta:
        model = Priority
        fields = ["level", "narrative_ro", "narrative_en"]
        widgets = {"narrative_ro": forms.Textarea(attrs={"rows": 5}),
                   "narrative_en": forms.Textarea(attrs={"rows": 5})}


class ObjectiveForm(PlanPartForm):
    class Meta:
        model = Objective
        fields = ["programme", "text_ro", "text_en"]
        widgets = {"text_ro": forms.Textarea(attrs={"rows": 3}), "text_en": forms.Textarea(attrs={"rows": 3})}


class ActivityForm(PlanPartForm):
    starts_on = date_field(_("Starts on"), required=False)
    ends_on = date_field(_("Ends on"), required=False)
    # Saved by the service (``save_part(goals=…)``): a form's instance carries no many-to-many values.
    goals = GoalsField()

    class Meta:
        model = Activity
        fields = ["programme", "objective", "priority", "project", "period_text", "starts_on", "ends_on",
                  "responsible", "status", "goals", "section_ro", "title_ro", "section_en", "title_en"]
        widgets = {"title_ro": forms.Textarea(attrs={"rows": 3}), "title_en": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The activity cannot end before it starts."))
        return cleaned


class IndicatorForm(PlanPartForm):
    target = AmountField(label=_("Target"))
    live_source = forms.ChoiceField(label=_("Source of the actual values"), required=False)

    class Meta:
        model = Indicator
        fields = ["target", "live_source", "name_ro", "unit_ro", "unit_one_ro", "text_ro", "name_en", "unit_en",
                  "unit_one_en"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sources = all_live_sources()
        self.fields["live_source"].choices = [("", _("Values typed in by the editors"))] + [
            (key, source.label) for key, source in sorted(sources.items())]
        current = self.instance.live_source
        if current and current not in sources:  # a source no longer registered stays visible
            self.fields["live_source"].choices.append((current, current))


class IndicatorValueForm(PlanPartForm):
    date = date_field(_("Date"))
    value = AmountField(label=_("Value"))

    class Meta:
        model = IndicatorValue
        fields = ["indicator", "date", "value"]


class BudgetGroupForm(PlanPartForm):
    stated_total = AmountField(label=_("Subtotal as stated (lei)"), required=False)

    class Meta:
        model = BudgetGroup
        fields = ["kind", "stated_total", "name_ro", "name_en"]


class BudgetLineForm(PlanPartForm):
    amount = AmountField(label=_("Budgeted (lei)"))
    executed = AmountField(label=_("Executed (lei)"), required=False)

    class Meta:
        model = BudgetLine
        fields = ["group", "amount", "executed", "label_ro", "label_en"]


class StatusForm(forms.Form):
    """The next status; approving needs the date (and the body, the General Assembly unless said)."""

    to = forms.CharField(widget=forms.HiddenInput)
    approved_on = date_field(_("Approved on"), required=False)
    approved_by = forms.CharField(label=_("Approved by"), max_length=200, required=False,
                                  initial=_("the General Assembly of Members"))
