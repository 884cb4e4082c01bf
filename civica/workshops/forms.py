"""One small form per action of the workshop page: every value posted goes through a form field, so
a forged id (``theme=abc``) is a message on the page, never an error page (a NUL never gets here:
core.middleware refuses it first)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from civica.core.forms import ModelMultipleIdsField

from .models import ActionItem, Contribution, Theme

NEW_THEME = "new"


class WorkshopForm(forms.Form):
    """A form bound to one workshop: its choice fields offer only that workshop's rows."""

    def __init__(self, *args, workshop, **kwargs):
        self.workshop = workshop
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                model = field.queryset.model
                if model is Theme:
                    field.queryset = Theme.objects.filter(workshop=workshop)
                elif model is Contribution:
                    field.queryset = Contribution.objects.filter(table__workshop=workshop).select_related("table")
                elif model is ActionItem:
                    field.queryset = ActionItem.objects.filter(workshop=workshop)


_CHOOSE_THEME = {"invalid_choice": _("Choose one of this workshop's themes."),
                 "required": _("Choose one of this workshop's themes.")}


class NoFieldsForm(WorkshopForm):
    """Start a round, close the workshop: nothing to read but the action."""


class ThemeForm(WorkshopForm):
    theme = forms.ModelChoiceField(queryset=Theme.objects.none(), error_messages=_CHOOSE_THEME)


class RenameForm(ThemeForm):
    label = forms.CharField(label=_("Label"), max_length=120,
                            error_messages={"required": _("A theme needs a label.")})


class MergeForm(ThemeForm):
    other = forms.ModelChoiceField(queryset=Theme.objects.none(), error_messages=_CHOOSE_THEME)

    def clean(self):
        data = super().clean()
        if data.get("theme") and data.get("other") and data["theme"] == data["other"]:
            raise forms.ValidationError(_("Choose another theme to merge into this one."))
        return data


class MoveForm(WorkshopForm):
    contribution = forms.ModelChoiceField(
        queryset=Contribution.objects.none(),
        error_messages={"invalid_choice": _("Choose a note of this workshop."),
                        "required": _("Choose a note of this workshop.")})
    theme = forms.CharField(max_length=20, error_messages=_CHOOSE_THEME)
    label = forms.CharField(max_length=120, required=False)

    def clean_theme(self):
        value = self.cleaned_data["theme"]
        if value == NEW_THEME:
            return NEW_THEME
        field = forms.ModelChoiceField(queryset=Theme.objects.filter(workshop=self.workshop),
                                       error_messages=_CHOOSE_THEME)
        return field.clean(value)


class ActionForm(WorkshopForm):
    title = forms.CharField(label=_("Title"), max_length=200,
                            error_messages={"required": _("An action needs a title.")})
    description = forms.CharField(label=_("Description"), required=False)
    owner = forms.CharField(label=_("Owner"), max_length=200, required=False)
    due_on = forms.DateField(label=_("Due on"), required=False)
    themes = ModelMultipleIdsField(
        label=_("From the themes"), queryset=Theme.objects.none(), required=False,
        error_messages={"invalid_choice": _("Choose among this workshop's themes."),
                        "invalid_pk_value": _("Choose among this workshop's themes.")})


class ToActivityForm(WorkshopForm):
    item = forms.ModelChoiceField(
        queryset=ActionItem.objects.none(),
        error_messages={"invalid_choice": _("Choose an action of this workshop's plan."),
                        "required": _("Choose an action of this workshop's plan.")})
    plan = forms.ModelChoiceField(queryset=None, error_messages={
        "invalid_choice": _("Choose one of the plans."), "required": _("Choose one of the plans.")})
    programme = forms.ModelChoiceField(queryset=None, error_messages={
        "invalid_choice": _("Choose one of the programmes."), "required": _("Choose one of the programmes.")})

    def __init__(self, *args, **kwargs):
        from civica.accountability.models import Plan
        from civica.network.models import Programme

        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = Plan.objects.all()
        self.fields["programme"].queryset = Programme.objects.all()


class NoteForm(WorkshopForm):
    """A note typed at a table (``contribution``: the note being changed, if any); the services
    check its length."""

    contribution = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1,
                                      error_messages={"invalid": _("Choose one of your notes.")})
    text = forms.CharField(required=False, strip=False)


class HarvestForm(WorkshopForm):
    """Harvesting again, confirmed on the page that says what will happen: nothing to read."""
