"""The archive's forms: the catalogue's search and facets (a bad value is a filter not applied, never an
error), and the staff's work, image and import forms."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from civica.core.forms import ModelMultipleIdsField
from civica.core.maps import both_or_neither, latitude_field, longitude_field
from civica.core.uploads import check_image

from .models import Tag, Work, WorkImage

SLUG = RegexValidator(r"^[-a-z0-9]{1,120}$")


class CatalogueForm(forms.Form):
    q = forms.CharField(label=_("Search the archive"), required=False, max_length=200)
    artist = forms.CharField(required=False, validators=[SLUG])
    period = forms.IntegerField(required=False, min_value=1000, max_value=2990)
    medium = forms.CharField(required=False, validators=[SLUG])
    collection = forms.CharField(required=False, validators=[SLUG])
    tag = forms.CharField(required=False, validators=[SLUG])

    def filters(self) -> dict:
        self.is_valid()
        cleaned = {name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors}
        cleaned["q"] = " ".join(str(cleaned.get("q") or "").split())
        if cleaned.get("period") is not None and cleaned["period"] % 10:
            cleaned["period"] = None
        return {name: value for name, value in cleaned.items() if value not in (None, "")}


class WorkForm(forms.ModelForm):
    tags = ModelMultipleIdsField(label=_("Tags"), required=False, queryset=Tag.objects.order_by("name_ro"),
                                 widget=forms.CheckboxSelectMultiple)
    # The work's place on the maps (picked on the form's map or typed): both or neither.
    latitude = latitude_field()
    longitude = longitude_field()

    class Meta:
        model = Work
        fields = ["inventory_number", "title_ro", "title_en", "artist", "year_from", "year_to", "date_text_ro",
                  "date_text_en", "medium", "technique_ro", "technique_en", "dimensions", "description_ro",
                  "description_en", "location", "latitude", "longitude", "provenance_ro", "provenance_en", "condition",
                  "conservation_notes", "tags", "is_fictional"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in
                   ("description_ro", "description_en", "provenance_ro", "provenance_en", "conservation_notes")}

    def clean(self):
        cleaned = super().clean()
        both_or_neither(self)
        return cleaned


class ImageForm(forms.ModelForm):
    upload = forms.ImageField(label=_("Image"), help_text=_("JPEG, PNG or WebP, at most 5 MB."),
                              widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))

    class Meta:
        model = WorkImage
        fields = ["upload", "alt_ro", "alt_en", "rights_holder", "photographer", "licence", "keep_location"]

    def clean_upload(self):
        return check_image(self.cleaned_data["upload"])


class ImageEditForm(forms.ModelForm):
    class Meta:
        model = WorkImage
        fields = ["alt_ro", "alt_en", "rights_holder", "photographer", "licence", "position"]


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet"), help_text=_("CSV (UTF-8) or XLSX, at most 5 MB; the first row "
                                                               "names the columns."))
    apply = forms.BooleanField(label=_("Save the rows (otherwise only check them)"), required=False)
