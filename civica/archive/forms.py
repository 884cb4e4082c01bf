"""The archive's forms: the catalogue's search and facets (a bad value is a filter not applied, never an
error), and the staff's forms: works, images, the import, artists, collections and events (their works named
by inventory numbers, ``InventoryNumbersField``) and documents (a PDF checked by its content)."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from civica.core.forms import ModelMultipleIdsField
from civica.core.maps import both_or_neither, latitude_field, longitude_field
from civica.core.uploads import check_image, check_pdf

from .models import Artist, Collection, Document, Event, Tag, Work, WorkImage

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


MAX_LISTED_WORKS = 2_000


class InventoryNumbersField(forms.CharField):
    """Works named by their inventory numbers, one a line (commas too), in that order; an unknown number is
    refused by name. Cleans to a list of ``Work`` (the same work twice: once)."""

    widget = forms.Textarea(attrs={"rows": 6, "spellcheck": "false", "autocomplete": "off"})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 50_000)
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        numbers = list(dict.fromkeys(part.strip() for line in text.splitlines() for part in line.split(",")
                                     if part.strip()))
        if len(numbers) > MAX_LISTED_WORKS:
            raise forms.ValidationError(_("At most %(count)s works a list.") % {"count": MAX_LISTED_WORKS})
        if any(len(number) > 40 for number in numbers):
            raise forms.ValidationError(_("An inventory number has at most 40 characters."))
        found = {work.inventory_number: work for work in Work.objects.filter(inventory_number__in=numbers)}
        unknown = [number for number in numbers if number not in found]
        if unknown:
            raise forms.ValidationError(_("No work has these inventory numbers: %(numbers)s.")
                                        % {"numbers": ", ".join(unknown[:20])})
        return [found[number] for number in numbers]


def inventory_numbers(works) -> str:
    return "\n".join(work.inventory_number for work in works)


class ArtistForm(forms.ModelForm):
    class Meta:
        model = Artist
        fields = ["name", "birth_year", "bio_ro", "bio_en", "links", "is_fictional"]
        widgets = {"bio_ro": forms.Textarea(attrs={"rows": 4}), "bio_en": forms.Textarea(attrs={"rows": 4}),
                   "links": forms.Textarea(attrs={"rows": 3})}

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        if year is not None and not 1800 <= year <= 2100:
            raise forms.ValidationError(_("A year of birth between 1800 and 2100, please."))
        return year

    def clean_links(self):
        lines = [line.strip() for line in self.cleaned_data.get("links", "").splitlines() if line.strip()]
        wrong = [line for line in lines if not line.startswith(("https://", "http://"))]
        if wrong:
            raise forms.ValidationError(_("Each link starts with https:// or http:// (one a line)."))
        return "\n".join(lines)


class CollectionForm(forms.ModelForm):
    works = InventoryNumbersField(label=_("Works, in their order"),
                                  help_text=_("Their inventory numbers, one a line."))

    class Meta:
        model = Collection
        fields = ["title_ro", "title_en", "description_ro", "description_en", "is_fictional"]
        widgets = {"description_ro": forms.Textarea(attrs={"rows": 4}),
                   "description_en": forms.Textarea(attrs={"rows": 4})}


class EventForm(forms.ModelForm):
    starts_on = forms.DateField(label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Ends on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    works = InventoryNumbersField(label=_("Works shown"), help_text=_("Their inventory numbers, one a line."))

    class Meta:
        model = Event
        fields = ["kind", "title_ro", "title_en", "starts_on", "ends_on", "place", "description_ro",
                  "description_en", "is_fictional"]
        widgets = {"description_ro": forms.Textarea(attrs={"rows": 4}),
                   "description_en": forms.Textarea(attrs={"rows": 4})}

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The event ends before it starts."))
        return cleaned


class DocumentForm(forms.ModelForm):
    """A new document: a PDF checked by its content (``core.uploads.check_pdf``)."""

    upload = forms.FileField(label=_("PDF"), help_text=_("A PDF, at most 10 MB; its metadata are removed."),
                             widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}))

    class Meta:
        model = Document
        fields = ["title_ro", "title_en"]

    def clean_upload(self):
        return check_pdf(self.cleaned_data["upload"])


class DocumentEditForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["title_ro", "title_en"]
