"""Django admin for what the staff screens do not cover yet: artists, media, tags, collections (with
their ordered works), exhibitions and events, and their documents. Works are catalogued on the staff
screens (``manage_views.py``), where the required-fields check and the image rules apply."""

from django import forms
from django.contrib import admin
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile

from civica.core.uploads import check_pdf, random_name, strip_pdf_metadata

from .models import Artist, Collection, CollectionItem, Document, Event, Medium, Tag


@admin.register(Artist)
class ArtistAdmin(admin.ModelAdmin):
    list_display = ["name", "birth_year", "is_fictional"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Medium, Tag)
class LabelAdmin(admin.ModelAdmin):
    list_display = ["name_ro", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_ro"]}


class CollectionItemInline(admin.TabularInline):
    model = CollectionItem
    raw_id_fields = ["work"]
    extra = 1


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["title_ro", "is_published", "is_fictional"]
    inlines = [CollectionItemInline]
    prepopulated_fields = {"slug": ["title_ro"]}


class DocumentForm(forms.ModelForm):
    """A PDF checked by its content and kept without its document metadata (``core.uploads``)."""

    class Meta:
        model = Document
        fields = ["title_ro", "title_en", "file"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):  # a new file (a stored one is shown again as it is)
            check_pdf(upload)
            return ContentFile(strip_pdf_metadata(upload), name=random_name("pdf"))
        return upload


class DocumentInline(admin.TabularInline):
    model = Document
    form = DocumentForm
    extra = 0
    fields = ["title_ro", "title_en", "file"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title_ro", "kind", "starts_on", "is_published"]
    raw_id_fields = ["works"]
    inlines = [DocumentInline]
    prepopulated_fields = {"slug": ["title_ro"]}
