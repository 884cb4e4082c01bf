"""The bilingual edit form of a page (with the revision it was based on, hidden) and the restore form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Section

MARKDOWN_HELP = _("Markdown: ## a heading, **bold**, *italic*, lists, [links](https://…).")
BODY_MAX = 50_000


class PageForm(forms.Form):
    based_on = forms.IntegerField(min_value=0, max_value=2**31 - 1, widget=forms.HiddenInput)
    title_ro = forms.CharField(label=_("Title (Romanian)"), max_length=200)
    summary_ro = forms.CharField(
        label=_("Summary (Romanian)"),
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences, shown under the title and to search engines."),
    )
    body_ro = forms.CharField(
        label=_("Text (Romanian)"),
        max_length=BODY_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=MARKDOWN_HELP,
    )
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    summary_en = forms.CharField(
        label=_("Summary (English)"), max_length=400, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    body_en = forms.CharField(
        label=_("Text (English)"),
        max_length=BODY_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=MARKDOWN_HELP,
    )
    sections = forms.MultipleChoiceField(
        label=_("Shown from data"),
        choices=Section.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The figures come after the summary, the plans and reports after the text."),
    )
    note = forms.CharField(
        label=_("What changed (optional)"), max_length=200, required=False, help_text=_("Shown in the page's history.")
    )

    def page_fields(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "note"}

    @staticmethod
    def initial_for(page) -> dict:
        return {
            "based_on": page.revision,
            "title_ro": page.title_ro,
            "title_en": page.title_en,
            "summary_ro": page.summary_ro,
            "summary_en": page.summary_en,
            "body_ro": page.body_ro,
            "body_en": page.body_en,
            "sections": page.sections,
        }


class RestoreForm(forms.Form):
    revision = forms.IntegerField(min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)
