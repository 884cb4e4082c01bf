"""Forms of conversations: every id and choice read from a request goes through one of these."""

from django import forms
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from ..phases import phase_contents
from .models import MAX_STATEMENT, Conversation, Vote

CHOICES = [(str(Vote.Choice.AGREE.value), _("Agree")), (str(Vote.Choice.DISAGREE.value), _("Disagree")),
           (str(Vote.Choice.PASS.value), _("Pass / unsure"))]
BIG_ID = 2**31 - 1


class VoteForm(forms.Form):
    statement = forms.IntegerField(min_value=1, max_value=BIG_ID, widget=forms.HiddenInput,
                                   error_messages={"required": _("Choose a statement to vote on."),
                                                   "invalid": _("This is not a statement of the conversation.")})
    choice = forms.TypedChoiceField(choices=CHOICES, coerce=int, widget=forms.RadioSelect,
                                    error_messages={"required": _("Choose agree, disagree or pass."),
                                                    "invalid_choice": _("Choose agree, disagree or pass.")})


class StatementForm(forms.Form):
    text = forms.CharField(
        label=_("Your statement"), max_length=MAX_STATEMENT, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("At most %(max)s characters. Moderators read it before others can vote on it.")
        % {"max": MAX_STATEMENT},
        error_messages={"max_length": _("A statement has at most %(limit_value)d characters (this one has "
                                        "%(show_value)d)."), "required": _("Write your statement.")})


class SeedForm(forms.Form):
    texts = forms.CharField(label=_("Statements, one a line"), widget=forms.Textarea(attrs={"rows": 6}),
                            max_length=50_000)


class ImportForm(forms.Form):
    votes_file = forms.FileField(label=_("votes.csv of the Pol.is export"))
    comments_file = forms.FileField(label=_("comments.csv of the Pol.is export"))


class ConversationForm(forms.ModelForm):
    class Meta:
        model = Conversation
        fields = ["phase", "title", "title_en", "description", "description_en", "participants_submit"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}),
                   "description_en": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"phase": _("The conversation is open while this phase runs."),
                      "title_en": _("Empty: the English page shows the Romanian.")}

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        phases = list(process.phases.all())
        self.fields["phase"].queryset = process.phases.all()
        self.fields["phase"].choices = [("", _("— choose —"))] + [
            (phase.pk, f"{phase.translated('name') or _kind_name(phase.kind)} "
                       f"({localtime(phase.starts_at):%d.%m.%Y} – {localtime(phase.ends_at):%d.%m.%Y})")
            for phase in phases]


def _kind_name(kind):
    return phase_contents[kind].name if kind in phase_contents else kind
