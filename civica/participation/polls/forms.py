"""The answer form of a poll, built from its questions."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Question

SCALE = [(value, str(value)) for value in range(1, 6)]


def field_name(question, choice=None):
    return f"q{question.pk}" if choice is None else f"q{question.pk}_c{choice.pk}"


class PollForm(forms.Form):
    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(poll.questions.all())
        for question in self.questions:
            choices = [(choice.pk, choice.translated("text")) for choice in question.choices.all()]
            label, required = question.translated("text"), question.required
            if question.kind == Question.Kind.SINGLE:
                self.fields[field_name(question)] = forms.TypedChoiceField(
                    label=label, required=required, choices=choices, coerce=int, widget=forms.RadioSelect)
            elif question.kind == Question.Kind.MULTIPLE:
                limit = question.max_choices
                help_text = _("Choose at most %(max)s.") % {"max": limit} if limit else ""
                self.fields[field_name(question)] = forms.TypedMultipleChoiceField(
                    label=label, required=required, choices=choices, coerce=int,
                    widget=forms.CheckboxSelectMultiple, help_text=help_text)
            elif question.kind == Question.Kind.RANKING:
                places = [("", "—")] + [(place, str(place)) for place in range(1, len(choices) + 1)]
                for choice in question.choices.all():
                    self.fields[field_name(question, choice)] = forms.TypedChoiceField(
                        label=_("%(choice)s — place") % {"choice": choice.translated("text")}, required=required,
                        choices=places, coerce=int, empty_value=None)
            elif question.kind == Question.Kind.SCALE:
                self.fields[field_name(question)] = forms.TypedChoiceField(
                    label=label, required=required, choices=SCALE, coerce=int, widget=forms.RadioSelect,
                    help_text=gettext_lazy("1 = not at all, 5 = very much"))
            else:
                self.fields[field_name(question)] = forms.CharField(
                    label=label, required=required, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            if question.kind == Question.Kind.MULTIPLE and question.max_choices:
                chosen = cleaned.get(field_name(question)) or []
                if len(chosen) > question.max_choices:
                    self.add_error(field_name(question), _("Choose at most %(max)s.") % {"max": question.max_choices})
            if question.kind == Question.Kind.RANKING:
                places = [cleaned.get(field_name(question, choice)) for choice in question.choices.all()]
                given = [place for place in places if place is not None]
                if given and (len(given) != len(places) or sorted(given) != list(range(1, len(places) + 1))):
                    first = field_name(question, question.choices.all()[0])
                    self.add_error(first, _("Give each choice a different place, from 1 to %(count)s.")
                                   % {"count": len(places)})
        return cleaned

    def answers(self):
        """{question: value} — a choice id, a list of ids, {choice id: place}, a number or a text."""
        answers = {}
        for question in self.questions:
            if question.kind == Question.Kind.RANKING:
                places = {choice.pk: self.cleaned_data.get(field_name(question, choice))
                          for choice in question.choices.all()}
                if any(place is not None for place in places.values()):
                    answers[question] = places
            else:
                value = self.cleaned_data.get(field_name(question))
                if value not in (None, "", []):
                    answers[question] = value
        return answers

    def rows(self):
        """Fields grouped by question, so a ranking's places sit in one fieldset."""
        for question in self.questions:
            if question.kind == Question.Kind.RANKING:
                yield question, [self[field_name(question, choice)] for choice in question.choices.all()]
            else:
                yield question, [self[field_name(question)]]
