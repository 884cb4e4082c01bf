"""The field editors tag with goals in the manage forms of consultations, plan activities, programmes and
calls: checkboxes, one a goal, labelled with the goal's short label and name in the active language
("ODD 11 · Orașe și comunități durabile"). Ids that are not numbers are refused before any query."""

from django import forms
from django.utils.translation import gettext_lazy as _

from civica.core.forms import ModelMultipleIdsField

from .models import Goal


class GoalsField(ModelMultipleIdsField):
    def __init__(self, **options):
        options.setdefault("label", _("Goals"))
        options.setdefault("required", False)
        options.setdefault("help_text", _("The Sustainable Development Goals and the EU mission this work serves."))
        super().__init__(queryset=Goal.objects.order_by("position", "id"), widget=forms.CheckboxSelectMultiple,
                         **options)

    def label_from_instance(self, goal):
        return f"{goal.short_label()} · {goal.translated('name')}"
