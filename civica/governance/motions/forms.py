"""Forms of the motions' screens. Ids are chosen among choices listed in advance (the motion's options,
the organisations the person represents): anything else is "not one of the choices", with no query."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from civica.accountability.models import Plan
from civica.core.params import parse_int
from civica.meetings.models import Meeting

from ..models import Body
from .models import Majority, MotionKind

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]


def _datetime_field(label):
    return forms.DateTimeField(label=label, input_formats=DATETIME_FORMATS, widget=forms.DateTimeInput(
        attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))


class IdChoiceField(forms.ModelChoiceField):
    """A row chosen by id: what is not an ASCII number within 64 bits is refused before any query."""

    def to_python(self, value):
        if value not in self.empty_values and parse_int(str(value), minimum=1) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class VoteForm(forms.Form):
    """One organisation's vote: which organisation (when the person represents several that have not
    voted) and which option."""

    organisation = forms.TypedChoiceField(label=_("Vote for"), coerce=int, empty_value=None)
    option = forms.TypedChoiceField(label=_("Your organisation's vote"), coerce=int, empty_value=None,
                                    widget=forms.RadioSelect)

    def __init__(self, *args, motion, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {organisation.pk: organisation for organisation in organisations}
        self.fields["organisation"].choices = [(organisation.pk, organisation.name) for organisation in organisations]
        if len(organisations) == 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].initial = organisations[0].pk
        self.fields["option"].choices = [(option.pk, option.translated("label")) for option in motion.options.all()]
        self.fields["option"].error_messages["required"] = _("Choose one of the options.")

    def vote_fields(self) -> dict:
        return {"organisation": self.organisations[self.cleaned_data["organisation"]],
                "option_id": self.cleaned_data["option"]}


class MotionForm(forms.Form):
    body = IdChoiceField(label=_("Body"), queryset=Body.objects.all(), empty_label=None)
    title_ro = forms.CharField(label=_("Title (Romanian)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    text_ro = forms.CharField(label=_("Text (Romanian, Markdown)"), widget=forms.Textarea(attrs={"rows": 8}))
    text_en = forms.CharField(label=_("Text (English, Markdown)"), widget=forms.Textarea(attrs={"rows": 8}),
                              required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=MotionKind.choices, initial=MotionKind.FOR_AGAINST,
                             widget=forms.RadioSelect)
    choices = forms.CharField(
        label=_("Options of a choice"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One option a line, Romanian first, then “|” and the English (“Varianta A | Option A”). "
                    "Only for a choice among options."))
    meeting = IdChoiceField(label=_("Held at the meeting"), queryset=Meeting.objects.order_by("-starts_at"),
                                     required=False, help_text=_("Empty for a vote by correspondence."))
    opens_at = _datetime_field(_("Voting opens at (Bucharest time)"))
    closes_at = _datetime_field(_("Voting closes at (Bucharest time)"))
    quorum_percent = forms.IntegerField(label=_("Quorum (% of member organisations that must vote)"),
                                        min_value=0, max_value=100, initial=50)
    majority = forms.ChoiceField(label=_("Majority"), choices=Majority.choices, initial=Majority.SIMPLE,
                                 widget=forms.RadioSelect)
    approves_plan = IdChoiceField(label=_("Approves the plan"), queryset=Plan.objects.order_by("-year"),
                                           required=False)
    document_title = forms.CharField(label=_("Document title"), max_length=200, required=False)
    document = forms.FileField(label=_("Document (PDF)"), required=False)

    def clean(self):
        cleaned = super().clean()
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("Voting must close after it opens."))
        if cleaned.get("kind") == MotionKind.CHOICE and len(self.choice_labels()) < 2:
            self.add_error("choices", _("A choice needs at least two options."))
        if cleaned.get("document") and not cleaned.get("document_title"):
            self.add_error("document_title", _("Give the document a title."))
        return cleaned

    def clean_quorum_percent(self):
        value = self.cleaned_data["quorum_percent"]
        if value is None:
            raise ValidationError(_("Give the quorum as a number from 0 to 100."))
        return value

    def choice_labels(self) -> list[tuple[str, str]]:
        labels = []
        for line in (self.cleaned_data.get("choices") or "").splitlines():
            ro, _bar, en = line.partition("|")
            if ro.strip():
                labels.append((ro.strip(), en.strip()))
        return labels

    def motion_fields(self) -> dict:
        data = self.cleaned_data
        fields = {name: data[name] for name in ("body", "title_ro", "title_en", "text_ro", "text_en", "kind",
                                                "meeting", "opens_at", "closes_at", "quorum_percent", "majority",
                                                "approves_plan")}
        fields["choices"] = self.choice_labels()
        fields["documents"] = [(data["document_title"], data["document"])] if data.get("document") else []
        return fields
