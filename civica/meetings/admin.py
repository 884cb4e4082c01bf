"""Meetings in the admin, for administrators' repairs (editors use their own screens, ``manage``): its form
shows a clash in a space by the field and holds the space's row from the check to the save."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction

from civica.core.maps import both_or_neither, latitude_field, longitude_field
from civica.core.uploads import PublicImageFormMixin
from civica.network import services as network_services
from civica.network.models import Space

from . import services
from .models import (
    Meeting,
    MeetingDocument,
    MeetingFormat,
    Registration,
)


class DocumentInline(admin.TabularInline):
    model = MeetingDocument
    extra = 0


class MeetingAdminForm(PublicImageFormMixin, forms.ModelForm):
    latitude = latitude_field(help_text=Meeting._meta.get_field("latitude").help_text)
    longitude = longitude_field(help_text=Meeting._meta.get_field("longitude").help_text)

    class Meta:
        model = Meeting
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        both_or_neither(self)
        if cleaned.get("format") != MeetingFormat.ONLINE:
            space = cleaned.get("space")
            if space is not None and transaction.get_connection().in_atomic_block:
                # The admin validates and saves in one transaction: holding the space's row from
                # here, no booking can take its time between this check and the save.
                Space.objects.select_for_update().filter(pk=space.pk).first()
            try:
                network_services.meeting_place_check(
                    space=cleaned.get("space"), starts_at=cleaned.get("starts_at"), ends_at=cleaned.get("ends_at"),
                    meeting=self.instance)
            except ValidationError as clash:
                self.add_error(None, clash)
        return cleaned


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    form = MeetingAdminForm
    list_display = ["title_ro", "kind", "format", "starts_at", "space", "capacity", "registration_open",
                    "is_published"]
    list_filter = ["kind", "format", "space", "is_published"]
    list_select_related = ["space"]
    search_fields = ["title_ro", "title_en"]
    prepopulated_fields = {"slug": ["title_ro"]}
    inlines = [DocumentInline]

    def save_model(self, request, obj, form, change):
        # Checked again under the space's lock: a booking made since the form was read still counts.
        services.meeting_save(meeting=obj)
        if change and "capacity" in form.changed_data:
            services.promote_waiting(obj)  # more places: the waiting list moves up


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["code", "meeting", "person", "status", "created_at", "checked_in_at"]
    list_filter = ["meeting", "status"]
    search_fields = ["code", "person__email"]
    list_select_related = ["meeting", "person"]
    readonly_fields = ["code", "created_at", "promoted_at", "checked_in_at"]

