"""Forms of the editors' screens: a new call from its kind, its details (bilingual, timeline on the
Bucharest clock, budget, eligibility), a guide document, a question of the application form, a
criterion, and the "move up / move down" and delete buttons. Every posted value is read here, so bad
input is an error beside its field, never a 500."""

from django import forms
from django.utils.translation import gettext_lazy as _

from civica.core.uploads import PublicImageFormMixin, check_pdf
from civica.goals.forms import GoalsField
from civica.network.models import Category, Programme

from . import blueprints
from .models import Call, Criterion, FieldKind, FormField

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]
FILE_TYPES = [("pdf", "PDF"), ("jpeg", "JPEG"), ("png", "PNG")]
MARKDOWN_HELP = _("Markdown: **bold**, *italic*, lists, links.")


def datetime_field(label, **options):
    return forms.DateTimeField(label=label, input_formats=DATETIME_FORMATS,
                               widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                               **options)


def date_field(label, **options):
    return forms.DateField(label=label, input_formats=["%Y-%m-%d", "%d.%m.%Y"],
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **options)


def money_field(label, **options):
    return forms.DecimalField(label=label, max_digits=14, decimal_places=2, min_value=0, localize=True, **options)


class MoneyAndDatesMixin:
    def clean(self):
        cleaned = super().clean()
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("The deadline must come after the opening."))
        low, high, budget = cleaned.get("amount_min"), cleaned.get("amount_max"), cleaned.get("budget_total")
        if low is not None and high is not None and high < low:
            self.add_error("amount_max", _("The maximum cannot be below the minimum."))
        if high is not None and budget is not None and high > budget:
            self.add_error("amount_max", _("The maximum per application cannot be above the total budget."))
        return cleaned


class NewCallForm(MoneyAndDatesMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of call"), choices=blueprints.choices, widget=forms.RadioSelect,
                             initial="open_call")
    title_ro = forms.CharField(label=_("Title (Romanian)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    summary_ro = forms.CharField(label=_("Summary (Romanian)"), max_length=800,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    summary_en = forms.CharField(label=_("Summary (English)"), max_length=800, required=False,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    opens_at = datetime_field(_("Opens at"), help_text=_("Bucharest time."))
    closes_at = datetime_field(_("Deadline"), help_text=_("The exact instant, Bucharest time."))
    budget_total = money_field(_("Total budget (lei)"))
    amount_min = money_field(_("Minimum per application (lei)"), initial=0)
    amount_max = money_field(_("Maximum per application (lei)"))


class CallForm(PublicImageFormMixin, MoneyAndDatesMixin, forms.ModelForm):
    eligible_categories = forms.MultipleChoiceField(
        label=_("Organisation categories"), choices=Category.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("For calls open to organisations of given categories."))
    opens_at = datetime_field(_("Opens at"), help_text=_("Bucharest time."))
    closes_at = datetime_field(_("Deadline"), help_text=_("The exact instant, Bucharest time."))
    questions_until = datetime_field(_("Questions accepted until"), required=False,
                                     help_text=_("Bucharest time; empty: until the deadline."))
    evaluation_until = date_field(_("Evaluation until"), required=False)
    results_on = date_field(_("Results announced on"), required=False)
    budget_total = money_field(_("Total budget (lei)"))
    amount_min = money_field(_("Minimum per application (lei)"))
    amount_max = money_field(_("Maximum per application (lei)"))
    # The goals of the call are its funded projects' too (issue 19, point 5).
    goals = GoalsField(help_text=_("The Sustainable Development Goals and the EU mission the call serves; its "
                                   "funded projects are listed under them too."))

    class Meta:
        model = Call
        fields = ["title_ro", "title_en", "summary_ro", "summary_en", "guide_ro", "guide_en", "programme",
                  "eligibility", "eligible_categories", "opens_at", "closes_at", "questions_until",
                  "evaluation_until", "results_on", "budget_total", "amount_min", "amount_max", "is_blind",
                  "disagreement_threshold", "image", "image_alt", "goals"]
        widgets = {
            "image": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            "summary_ro": forms.Textarea(attrs={"rows": 3}), "summary_en": forms.Textarea(attrs={"rows": 3}),
            "guide_ro": forms.Textarea(attrs={"rows": 10}), "guide_en": forms.Textarea(attrs={"rows": 10}),
            "eligibility": forms.RadioSelect,
        }
        help_texts = {"guide_ro": MARKDOWN_HELP, "guide_en": MARKDOWN_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.order_by("name_ro")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("eligibility") == "categories" and not cleaned.get("eligible_categories"):
            self.add_error("eligible_categories", _("Choose at least one category."))
        return cleaned

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title of the document"), max_length=200)
    file = forms.FileField(label=_("PDF document"), help_text=_("A PDF of at most 10 MB."),
                           widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}))

    def clean_file(self):
        return check_pdf(self.cleaned_data["file"])


class ChoicesField(forms.CharField):
    """One choice per line, blank lines left out."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class FieldForm(forms.ModelForm):
    choices = ChoicesField(label=_("Choices"), required=False,
                           help_text=_("For one or several choices: one choice per line."))
    file_types = forms.MultipleChoiceField(label=_("Accepted file types"), choices=FILE_TYPES, required=False,
                                           widget=forms.CheckboxSelectMultiple, help_text=_("For files; none: PDF."))

    class Meta:
        model = FormField
        fields = ["kind", "key", "label_ro", "label_en", "help_ro", "help_en", "required", "identifying",
                  "max_length", "min_value", "max_value", "choices", "file_types", "max_file_mb"]
        widgets = {"help_ro": forms.Textarea(attrs={"rows": 2}), "help_en": forms.Textarea(attrs={"rows": 2})}
        localized_fields = ["min_value", "max_value"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = FieldKind.choices

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
        # The model is checked by the service, which knows the call (and the published-form guard).
        pass

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class CriterionForm(forms.ModelForm):
    weight = forms.DecimalField(label=_("Weight"), max_digits=5, decimal_places=2, min_value=0.01, max_value=100,
                                localize=True, help_text=_("Relative: a criterion of weight 2 counts twice as much as "
                                                           "one of weight 1."))

    class Meta:
        model = Criterion
        fields = ["name_ro", "name_en", "description_ro", "description_en", "weight", "scale_min", "scale_max"]
        widgets = {"description_ro": forms.Textarea(attrs={"rows": 2}),
                   "description_en": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("scale_min"), cleaned.get("scale_max")
        if low is not None and high is not None and high <= low:
            self.add_error("scale_max", _("The highest score must be above the lowest."))
        return cleaned

    def _post_clean(self):
        pass

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


class PickForm(forms.Form):
    """An id of a row of this call (a question, a criterion, a document, an evaluator)."""

    id = forms.IntegerField(min_value=1)
