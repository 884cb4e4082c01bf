"""The news list's filters (a form, so a bad query string is a filter not applied, never an error) and
the editors' forms: an article's texts, image, tags and programme, and the moment to schedule it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from civica.core.forms import ModelMultipleIdsField
from civica.core.uploads import check_new_image

from .models import Article, ArticleKind, Tag

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]
MARKDOWN_HELP = _("Markdown: **bold**, *italic*, lists, links.")


class ArticleFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, choices):
        super().__init__(data)
        self.fields["kind"].choices = [("", _("News and press releases")), *ArticleKind.choices]
        self.fields["tag"].choices = [("", _("All tags"))] + [(tag.slug, tag.translated("name"))
                                                            for tag in choices["tags"]]
        self.fields["programme"].choices = [("", _("All programmes"))] + [
            (programme.slug, programme.translated("name")) for programme in choices["programmes"]]
        self.fields["year"].choices = [("", _("All years"))] + [(str(year), str(year)) for year in choices["years"]]

    def filters(self) -> dict:
        """The valid filters; a value that is not one of the choices is left out (as if not given)."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) or None for name in self.fields if name not in self.errors}


class ArticleForm(forms.ModelForm):
    tags = ModelMultipleIdsField(label=_("Tags"), required=False, queryset=Tag.objects.order_by("name_ro"),
                                 widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Article
        fields = ["kind", "title_ro", "summary_ro", "body_ro", "title_en", "summary_en", "body_en", "image",
                  "image_alt_ro", "image_alt_en", "tags", "programme", "is_fictional"]
        widgets = {
            "summary_ro": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "body_ro": forms.Textarea(attrs={"rows": 14}),
            "body_en": forms.Textarea(attrs={"rows": 14}),
            "image": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }
        help_texts = {"body_ro": MARKDOWN_HELP, "body_en": MARKDOWN_HELP}

    def clean_image(self):
        return check_new_image(self.cleaned_data.get("image"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_alt_ro"):
            self.add_error("image_alt_ro", _("Describe the image for people who cannot see it."))
        return cleaned

    def article_fields(self) -> dict:
        """The services' keyword arguments; an image cleared with its checkbox is "" (no file)."""
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if fields["image"] is False:
            fields["image"] = ""
        return fields


class ScheduleForm(forms.Form):
    published_at = forms.DateTimeField(
        label=_("Publish at"), input_formats=DATETIME_FORMATS, help_text=_("Europe/Bucharest time."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
