"""Forms of the editors' screens: a process from a blueprint, its details, phases, categories,
debates and polls. Formsets are plain (ids travel as hidden numbers, checked by the services),
so a page renders from objects already loaded and a malformed id is an error, never a crash."""

from django import forms
from django.forms import formset_factory
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from civica.core.forms import ModelMultipleIdsField
from civica.core.uploads import check_new_image
from civica.goals.forms import GoalsField

from .. import blueprints
from ..models import Debate, Poll, Process, Question, Tag
from ..phases import phase_contents
from ..schedule import schedule_problems

LEVEL_FIELDS = ("level_propose", "level_support", "level_comment", "level_poll", "level_converse",
                "level_register")
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M", "%d.%m.%Y, %H:%M"]


def date_field(label, **options):
    return forms.DateField(label=label, input_formats=DATE_FORMATS,
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **options)


def datetime_field(label, **options):
    return forms.DateTimeField(label=label, input_formats=DATETIME_FORMATS,
                               widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                               **options)


class DatesMixin:
    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The consultation cannot end before it starts."))
        return cleaned


class BlueprintForm(DatesMixin, forms.Form):
    blueprint = forms.ChoiceField(label=_("Phases to start from"), choices=blueprints.choices,
                                  widget=forms.RadioSelect, initial=blueprints.Blueprint.FULL_CONSULTATION.value)
    title_ro = forms.CharField(label=_("Title (Romanian)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    summary_ro = forms.CharField(label=_("Summary (Romanian)"), max_length=600,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    summary_en = forms.CharField(label=_("Summary (English)"), max_length=600, required=False,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    starts_on = date_field(_("Starts on"))
    ends_on = date_field(_("Ends on"), help_text=_("The last day of the consultation, included."))


class ProcessForm(DatesMixin, forms.ModelForm):
    area_tags = ModelMultipleIdsField(label=_("Areas"), required=False, queryset=Tag.objects.none(),
                                      widget=forms.CheckboxSelectMultiple)
    goals = GoalsField()
    starts_on = date_field(_("Starts on"))
    ends_on = date_field(_("Ends on"), help_text=_("The last day of the consultation, included."))

    class Meta:
        model = Process
        fields = ["title_ro", "title_en", "summary_ro", "summary_en", "body_ro", "body_en", "hero_image",
                  "hero_image_alt", "scope", "programme", "starts_on", "ends_on", "supports_per_person",
                  "report_threshold", "contributions_wait", *LEVEL_FIELDS]
        widgets = {
            "summary_ro": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "body_ro": forms.Textarea(attrs={"rows": 10}),
            "body_en": forms.Textarea(attrs={"rows": 10}),
            "hero_image": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }
        help_texts = {
            "body_ro": _("Markdown: **bold**, *italic*, lists, links."),
            "body_en": _("Markdown: **bold**, *italic*, lists, links."),
            "hero_image": _("JPEG, PNG or WebP, at most 5 MB."),
            "hero_image_alt": _("What the image shows, for people who cannot see it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in LEVEL_FIELDS:  # a form sent without them (an older page, a script) keeps what was set
            self.fields[name].required = False
        self.fields["programme"].label_from_instance = lambda programme: programme.translated("name")
        tags = list(Tag.objects.order_by("slug"))
        field = self.fields["area_tags"]
        field.queryset = Tag.objects.order_by("slug")
        # Choices from the list read once, so the page asks the database once for every tag.
        field.choices = [(tag.pk, tag.translated("name")) for tag in tags]
        if not self.is_bound and self.instance.pk:
            chosen = {tag.pk for tag in self.instance.tags.all()}
            self.initial["area_tags"] = [tag.pk for tag in tags if tag.pk in chosen]
            self.initial["goals"] = [goal.pk for goal in self.instance.goals.all()]

    def clean_hero_image(self):
        return check_new_image(self.cleaned_data.get("hero_image"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hero_image") and not cleaned.get("hero_image_alt"):
            self.add_error("hero_image_alt", _("Describe the image for people who cannot see it."))
        return cleaned

    def process_fields(self):
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data
                  and not (name in LEVEL_FIELDS and not self.cleaned_data[name])}
        if fields.get("hero_image") is False:  # "clear" ticked
            fields["hero_image"] = ""
        fields["tags"] = list(self.cleaned_data.get("area_tags", []))
        fields["goals"] = list(self.cleaned_data.get("goals", []))
        return fields


def phase_kind_choices():
    return [("", _("— choose —")), *phase_contents.choices()]


class PhaseForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    kind = forms.ChoiceField(label=_("Kind"), choices=phase_kind_choices)
    name_ro = forms.CharField(label=_("Name (Romanian)"), max_length=120, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=120, required=False)
    starts_at = datetime_field(_("Starts at"))
    ends_at = datetime_field(_("Ends at"))


class BasePhaseFormSet(forms.BaseFormSet):
    def __init__(self, *args, process, **kwargs):
        self.process = process
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "ORDER" in form.fields:
            form.fields["ORDER"].label = _("Position")
            form.fields["ORDER"].widget.attrs.update({"min": 1, "class": "narrow-number"})
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this phase")

    def clean(self):
        if any(self.errors) or self.non_form_errors():
            return
        forms_in_order = [form for form in self.ordered_forms if form.cleaned_data]

        class Row:
            def __init__(self, form):
                self.starts_at = form.cleaned_data.get("starts_at")
                self.ends_at = form.cleaned_data.get("ends_at")

        for problem in schedule_problems(starts_on=self.process.starts_on, ends_on=self.process.ends_on,
                                         phases=[Row(form) for form in forms_in_order]):
            forms_in_order[problem.row].add_error(problem.field, problem.message)

    def phases(self):
        """The phases as the service takes them, in the order asked for."""
        return [{name: form.cleaned_data.get(name) for name in ("id", "kind", "name_ro", "name_en", "starts_at",
                                                                 "ends_at")}
                for form in self.ordered_forms if form.cleaned_data]


PhaseFormSet = formset_factory(PhaseForm, formset=BasePhaseFormSet, extra=1, can_order=True, can_delete=True,
                               can_delete_extra=False, max_num=30, validate_max=True)


def phase_initial(phases):
    return [{"id": phase.pk, "kind": phase.kind, "name_ro": phase.name_ro, "name_en": phase.name_en,
             "starts_at": phase.starts_at, "ends_at": phase.ends_at} for phase in phases]


class CategoryForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    name_ro = forms.CharField(label=_("Name (Romanian)"), max_length=120)
    name_en = forms.CharField(label=_("Name (English)"), max_length=120, required=False)


class BaseCategoryFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove (its ideas stay, without a category)")

    def categories(self):
        return [{name: form.cleaned_data.get(name) for name in ("id", "name_ro", "name_en")}
                for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]


CategoryFormSet = formset_factory(CategoryForm, formset=BaseCategoryFormSet, extra=2, can_delete=True,
                                  can_delete_extra=False, max_num=100, validate_max=True)


class DebateForm(forms.ModelForm):
    class Meta:
        model = Debate
        fields = ["question", "question_en", "description", "description_en"]
        widgets = {"description": forms.Textarea(attrs={"rows": 8}),
                   "description_en": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"description": _("Markdown: **bold**, *italic*, lists, links."),
                      "question_en": _("Empty: the English page shows the Romanian.")}


class PollSettingsForm(forms.ModelForm):
    class Meta:
        model = Poll
        fields = ["phase", "title", "title_en", "description", "description_en", "allow_anonymous",
                  "results_visibility"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5}),
                   "description_en": forms.Textarea(attrs={"rows": 5}), "results_visibility": forms.RadioSelect}
        help_texts = {"phase": _("The poll is open while this phase runs."),
                      "title_en": _("Empty: the English page shows the Romanian.")}

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        phases = list(process.phases.all())
        names = {phase.kind: phase_contents[phase.kind].name for phase in phases if phase.kind in phase_contents}
        self.fields["phase"].queryset = process.phases.all()
        self.fields["phase"].choices = [("", _("— choose —"))] + [
            (phase.pk, f"{phase.translated('name') or names.get(phase.kind, phase.kind)} "
                       f"({localtime(phase.starts_at):%d.%m.%Y} – {localtime(phase.ends_at):%d.%m.%Y})")
            for phase in phases]


class ChoiceForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    text = forms.CharField(label=_("Choice"), max_length=200, required=False)
    text_en = forms.CharField(label=_("In English"), max_length=200, required=False)


ChoiceFormSet = formset_factory(ChoiceForm, extra=0, max_num=30, validate_max=True)
NEW_QUESTION_CHOICES = 4
MORE_CHOICES = 2


class QuestionForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    text = forms.CharField(label=_("Question (Romanian)"), max_length=300)
    text_en = forms.CharField(label=_("Question (English)"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=[("", _("— choose —")), *Question.Kind.choices])
    required = forms.BooleanField(label=_("An answer is required"), required=False, initial=True)
    max_choices = forms.IntegerField(label=_("At most this many choices"), required=False, min_value=1,
                                     max_value=30, help_text=_("For several choices; empty means no limit."))

    def __init__(self, *args, choices_initial=(), **kwargs):
        super().__init__(*args, **kwargs)
        extra = MORE_CHOICES if choices_initial else NEW_QUESTION_CHOICES
        self.choice_forms = ChoiceFormSet(self.data if self.is_bound else None, prefix=f"{self.prefix}-choices",
                                     initial=[*choices_initial, *({} for _ in range(extra))])

    def has_changed(self):
        return super().has_changed() or self.choice_forms.has_changed()

    def is_valid(self):
        return super().is_valid() and self.choice_forms.is_valid()

    def question(self):
        values = {name: self.cleaned_data.get(name)
                  for name in ("id", "text", "text_en", "kind", "required", "max_choices")}
        values["choices"] = [{"id": form.cleaned_data.get("id"), "text": form.cleaned_data["text"].strip(),
                              "text_en": (form.cleaned_data.get("text_en") or "").strip()}
                             for form in self.choice_forms.forms if form.cleaned_data.get("text", "").strip()]
        return values


class BaseQuestionFormSet(forms.BaseFormSet):
    def __init__(self, *args, choices_initial=(), **kwargs):
        self.choices_initial = list(choices_initial)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if index is not None and index < len(self.choices_initial):
            kwargs["choices_initial"] = self.choices_initial[index]
        return kwargs

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "ORDER" in form.fields:
            form.fields["ORDER"].label = _("Position")
            form.fields["ORDER"].widget.attrs.update({"min": 1})
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this question")

    def questions(self):
        return [form.question() for form in self.ordered_forms if form.cleaned_data]


QuestionFormSet = formset_factory(QuestionForm, formset=BaseQuestionFormSet, extra=1, can_order=True,
                                  can_delete=True, can_delete_extra=False, max_num=50, validate_max=True)
NewPollQuestionFormSet = formset_factory(QuestionForm, formset=BaseQuestionFormSet, extra=2, can_order=True,
                                         can_delete=True, can_delete_extra=False, max_num=50, validate_max=True)


def question_initial(questions):
    initial, choices = [], []
    for question in questions:
        initial.append({"id": question.pk, "text": question.text, "text_en": question.text_en, "kind": question.kind,
                        "required": question.required, "max_choices": question.max_choices})
        choices.append([{"id": choice.pk, "text": choice.text, "text_en": choice.text_en}
                        for choice in question.choices.all()])
    return initial, choices
