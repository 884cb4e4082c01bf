"""The forms of the editors' workshop screens: each reads what is posted (a forged id or number is an
error beside its field, never an error page) and keeps it when the save is refused."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.forms import ModelMultipleIdsField
from civica.meetings.models import Meeting

from ..models import Contribution, WorkshopQuestion
from ..services import NEW_THEME


class SettingsForm(forms.Form):
    slug = forms.SlugField(label=_("Short name in addresses"), max_length=100,
                           help_text=_("Letters, digits and hyphens, such as “cafe-iunie”."))
    no_account_needed = forms.BooleanField(
        label=_("Anonymous notes allowed"), required=False,
        help_text=_("Anyone with a table's link (or QR code) writes notes without logging in."))
    participants_contribute = forms.BooleanField(
        label=_("Participants may contribute"), required=False,
        help_text=_("Otherwise only the tables' facilitators write the notes."))
    dots_per_person = forms.IntegerField(label=_("Dots per person"), min_value=1, max_value=20, initial=3)


class NewWorkshopForm(SettingsForm):
    meeting = forms.ModelChoiceField(
        label=_("Meeting"), queryset=Meeting.objects.none(),
        help_text=_("The meeting the world-café is held at (one workshop per meeting)."),
        error_messages={"invalid_choice": _("Choose one of the meetings without a workshop."),
                        "required": _("Choose the meeting.")})
    field_order = ["meeting", "slug", "no_account_needed", "participants_contribute", "dots_per_person"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(workshop__isnull=True).order_by("-starts_at")
        self.fields["meeting"].label_from_instance = lambda meeting: "{} · {}".format(
            meeting.translated("title"), timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y %H:%M"))
        self.fields["no_account_needed"].initial = True
        self.fields["participants_contribute"].initial = True


class QuestionForm(forms.Form):
    text_ro = forms.CharField(label=_("Question (Romanian)"), widget=forms.Textarea(attrs={"rows": 2}),
                              max_length=1000, error_messages={"required": _("Write the question in Romanian.")})
    text_en = forms.CharField(label=_("Question (English)"), widget=forms.Textarea(attrs={"rows": 2}),
                              max_length=1000, required=False)


class TableForm(forms.Form):
    number = forms.IntegerField(label=_("Table number"), min_value=1, max_value=999)
    topic = forms.CharField(label=_("Topic"), max_length=200)
    question = forms.ModelChoiceField(label=_("Question"), queryset=WorkshopQuestion.objects.none(), required=False,
                                      error_messages={"invalid_choice": _("Choose one of this workshop's questions.")})
    facilitator_email = forms.EmailField(
        label=_("Facilitator's e-mail"), required=False,
        help_text=_("The person's account gets the facilitator role for this workshop: they run its rounds "
                    "and write notes at any table."))

    def __init__(self, *args, workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].queryset = WorkshopQuestion.objects.filter(workshop=workshop)


class RoundForm(forms.Form):
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=1, max_value=600, initial=20)


class SplitForm(forms.Form):
    contributions = ModelMultipleIdsField(
        label=_("The notes that go to the new theme"), queryset=Contribution.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose the notes that go to the new theme."),
                        "invalid_choice": _("Choose among this theme's notes."),
                        "invalid_pk_value": _("Choose among this theme's notes.")})
    label = forms.CharField(label=_("Label of the new theme"), max_length=120,
                            error_messages={"required": _("A theme needs a label.")})

    def __init__(self, *args, theme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributions"].queryset = Contribution.objects.filter(theme=theme).order_by("created_at", "pk")
        self.fields["contributions"].label_from_instance = lambda note: note.text


class PlacementForm(forms.Form):
    """One theme chooser per note in no theme (``note-<id>``), starting at the harvest's suggestion."""

    new_label = forms.CharField(label=_("Label of the new theme"), max_length=120, required=False,
                                help_text=_("For the notes you put in “a new theme”."))

    def __init__(self, *args, notes, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.notes = notes
        choices = [("", _("leave it in no theme")), *((str(theme.pk), theme.label) for theme in themes),
                   (NEW_THEME, _("a new theme"))]
        self.themes = {str(theme.pk): theme for theme in themes}
        for note in notes:
            self.fields[f"note-{note.pk}"] = forms.ChoiceField(
                label=note.text, choices=choices, required=False,
                initial=str(note.suggested_theme_id) if note.suggested_theme_id else "",
                error_messages={"invalid_choice": _("Choose one of this workshop's themes.")})

    def rows(self):
        return [(note, self[f"note-{note.pk}"]) for note in self.notes]

    def placements(self):
        chosen = []
        for note in self.notes:
            value = self.cleaned_data.get(f"note-{note.pk}")
            chosen.append((note, NEW_THEME if value == NEW_THEME else self.themes.get(value)))
        return chosen
