"""The forms of data collection campaigns: an organisation's answer (calls' form engine, draft or strict),
and the analysts' campaign, question, query and acceptance forms. Every posted value is read here, so
bad input is an error beside its field, never a 500, and a draft keeps what was typed."""

import json

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.calls.form_engine import (
    NUMERIC_KINDS,
    FieldKind,
    QuestionFormMixin,
    localized_number,
    plain,
    stored_to_data,
)
from civica.core.params import parse_int
from civica.network.models import Category, Network

from ..models import Campaign, CampaignQuestion, Indicator, Target, ValueStatus
from ..models.campaigns import CAMPAIGN_KIND_CHOICES

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]
FILE_TYPES = [("pdf", "PDF"), ("jpeg", "JPEG"), ("png", "PNG")]


class AnswerForm(QuestionFormMixin, forms.Form):
    """An organisation's answer: one field per question (the engine's), nothing required in a draft.
    ``base`` carries the answers as shown, so a save writes only what its author changed."""

    base = forms.CharField(widget=forms.HiddenInput, required=False)
    grouped_numbers = True

    def __init__(self, *args, campaign, questions=None, existing_files=(), strict=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign, self.strict = campaign, strict
        self.questions = list(questions if questions is not None
                              else campaign.questions.select_related("indicator"))
        existing = set(existing_files)
        for question in self.questions:
            self.add_question(question, has_file=question.key in existing)
        if not strict:
            self.relax()

    def clean_base(self):
        try:
            base = json.loads(self.cleaned_data.get("base") or "null")
        except ValueError:
            return None
        return base if isinstance(base, dict) else None

    def clean(self):
        cleaned = super().clean()
        self.clean_files(cleaned, self.questions)
        return cleaned

    def answers(self) -> dict:
        """What to store: valid values; in a draft, invalid ones as typed."""
        values = self.typed_values()
        return {question.key: plain(values.get(question.key)) for question in self.questions
                if question.kind != FieldKind.FILE}

    def uploads(self) -> dict:
        return self.question_uploads(self.questions)


def answer_data(questions, answers: dict) -> dict:
    """Stored answers back into form data, numbers as the active language writes them."""
    data = {}
    for question in questions:
        value = answers.get(question.key)
        if question.kind in NUMERIC_KINDS and value not in (None, ""):
            value = localized_number(value)
        stored_to_data(question, value, data)
    return data


def strict_problems(answer) -> list[str]:
    """What stops ``answer`` (as saved) from being submitted or accepted: each question with its problem,
    in the language of the request."""
    campaign = answer.campaign
    questions = list(campaign.questions.select_related("indicator"))
    files = set(answer.files.values_list("question_key", flat=True))
    form = AnswerForm(answer_data(questions, answer.answers), campaign=campaign, questions=questions,
                      existing_files=files, strict=True)
    form.is_valid()
    problems = []
    for question in questions:
        for error in form.errors.get(question.key, ()):
            problems.append(f"{question.translated('label')}: {error}")
    return problems


class IdChoiceField(forms.ModelChoiceField):
    """A row chosen by its id: anything but a positive 64-bit number is an invalid choice (never a
    database error: a 25-digit number overflows SQLite and PostgreSQL alike)."""

    def to_python(self, value):
        if value not in self.empty_values and parse_int(str(value), minimum=1) is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ChoicesField(forms.CharField):
    """One choice per line, blank lines left out."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _datetime_field(label):
    return forms.DateTimeField(label=label, input_formats=DATETIME_FORMATS,
                               widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))


class CampaignForm(forms.ModelForm):
    opens_at = _datetime_field(gettext_lazy("Opens at"))
    deadline = _datetime_field(gettext_lazy("Deadline"))
    year = forms.IntegerField(label=gettext_lazy("Year the figures cover"), min_value=1990, max_value=2100)
    network = IdChoiceField(label=gettext_lazy("Network"), queryset=Network.objects.all(), required=False,
                                     help_text=gettext_lazy("When the campaign goes to a network's organisations."))
    categories = forms.MultipleChoiceField(label=gettext_lazy("Organisation categories"), choices=Category.choices,
                                           required=False, widget=forms.CheckboxSelectMultiple,
                                           help_text=gettext_lazy("When the campaign goes to some categories."))

    class Meta:
        model = Campaign
        fields = ["title_ro", "title_en", "intro_ro", "intro_en", "year", "opens_at", "deadline", "target",
                  "network", "categories"]
        widgets = {"intro_ro": forms.Textarea(attrs={"rows": 4}), "intro_en": forms.Textarea(attrs={"rows": 4}),
                   "target": forms.RadioSelect}

    def clean(self):
        cleaned = super().clean()
        opens_at, deadline = cleaned.get("opens_at"), cleaned.get("deadline")
        if opens_at and deadline and deadline <= opens_at:
            self.add_error("deadline", _("The deadline must come after the opening."))
        if cleaned.get("target") == Target.NETWORK and not cleaned.get("network"):
            self.add_error("network", _("Choose the network the campaign goes to."))
        if cleaned.get("target") == Target.CATEGORIES and not cleaned.get("categories"):
            self.add_error("categories", _("Choose at least one category."))
        return cleaned

    def _post_clean(self):
        # The model is checked by the service (campaign_services.campaign_save).
        pass

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class QuestionForm(forms.ModelForm):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=CAMPAIGN_KIND_CHOICES)
    choices = ChoicesField(label=gettext_lazy("Choices"), required=False,
                           help_text=gettext_lazy("For one or several choices: one choice per line."))
    file_types = forms.MultipleChoiceField(label=gettext_lazy("Accepted file types"), choices=FILE_TYPES,
                                           required=False, widget=forms.CheckboxSelectMultiple,
                                           help_text=gettext_lazy("For files; none: PDF."))
    indicator = IdChoiceField(label=gettext_lazy("Indicator"), required=False,
                                       queryset=Indicator.objects.all(),
                                       help_text=gettext_lazy("An accepted number becomes the organisation's value "
                                                              "of this indicator for the campaign's year."))

    class Meta:
        model = CampaignQuestion
        fields = ["kind", "key", "label_ro", "label_en", "help_ro", "help_en", "required", "indicator",
                  "max_length", "min_value", "max_value", "choices", "file_types", "max_file_mb"]
        widgets = {"help_ro": forms.Textarea(attrs={"rows": 2}), "help_en": forms.Textarea(attrs={"rows": 2})}
        localized_fields = ["min_value", "max_value"]

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_value"), cleaned.get("max_value")
        if low is not None and high is not None and high < low:
            self.add_error("max_value", _("The maximum cannot be below the minimum."))
        if cleaned.get("kind") in (FieldKind.SINGLE_CHOICE, FieldKind.MULTIPLE_CHOICE) and len(
                cleaned.get("choices") or []) < 2:
            self.add_error("choices", _("Write at least two choices, one per line."))
        if cleaned.get("indicator") and cleaned.get("kind") not in (FieldKind.NUMBER, FieldKind.MONEY):
            self.add_error("indicator", _("Only a number or an amount can feed an indicator."))
        return cleaned

    def _post_clean(self):
        # The model is checked by the service, which knows the campaign.
        pass

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class QueryForm(forms.Form):
    question = IdChoiceField(label=gettext_lazy("About the question"),
                                      queryset=CampaignQuestion.objects.none())
    message = forms.CharField(label=gettext_lazy("What you ask the organisation"), max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    seen_status = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].queryset = campaign.questions.all()
        self.fields["question"].label_from_instance = lambda question: question.translated("label")


class AcceptForm(forms.Form):
    value_status = forms.ChoiceField(label=gettext_lazy("Record the figures as"), choices=ValueStatus.choices,
                                     initial=ValueStatus.FINAL, widget=forms.RadioSelect)
    seen_status = forms.CharField(widget=forms.HiddenInput, required=False)


class MoveForm(forms.Form):
    to = forms.ChoiceField(choices=Campaign.STATUS.choices)
