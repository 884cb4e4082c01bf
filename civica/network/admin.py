"""The network's admin: organisations, programmes, spaces, figures and representations (administrators
only). Bookings are read only here, so every change goes through the services."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from civica.accounts.admin import UserAdmin
from civica.core.maps import both_or_neither, latitude_field, longitude_field
from civica.core.uploads import PublicImageFormMixin

from . import services
from .models import Booking, Figure, Network, NetworkEntity, Organisation, Programme, Representation, Space


class RepresentationInline(admin.TabularInline):
    model = Representation
    extra = 0
    autocomplete_fields = ["organisation"]


# A user's page in the admin lists the organisations they represent, as before the move from accounts.
UserAdmin.inlines = [RepresentationInline, *UserAdmin.inlines]


@admin.register(Representation)
class RepresentationAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "position", "created_at"]
    search_fields = ["user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "relationship", "city", "website"]
    list_filter = ["category", "relationship"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        # The membership follows the relationship (kept as it was while it stays a member).
        membership = getattr(obj, "membership", None) if obj.pk else None
        super().save_model(request, obj, form, change)
        services.membership_sync(organisation=obj, since=membership.since if membership else None,
                                 dues_category=membership.dues_category if membership else "")


class ProgrammeAdminForm(PublicImageFormMixin, forms.ModelForm):
    class Meta:
        model = Programme
        fields = "__all__"


class SpaceAdminForm(PublicImageFormMixin, forms.ModelForm):
    latitude = latitude_field(help_text=Space._meta.get_field("latitude").help_text)
    longitude = longitude_field(help_text=Space._meta.get_field("longitude").help_text)

    class Meta:
        model = Space
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        both_or_neither(self)
        return cleaned


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    form = ProgrammeAdminForm
    list_display = ["name_ro", "name_en", "organisation", "position"]
    search_fields = ["name_ro", "name_en"]
    prepopulated_fields = {"slug": ["name_ro"]}
    list_select_related = ["organisation"]


@admin.register(Space)
class SpaceAdmin(admin.ModelAdmin):
    form = SpaceAdminForm
    list_display = ["name_ro", "kind", "status", "is_bookable", "capacity", "position"]
    list_filter = ["kind", "status", "is_bookable"]
    search_fields = ["name_ro", "name_en", "address"]
    prepopulated_fields = {"slug": ["name_ro"]}
    list_select_related = ["programme"]
    fieldsets = [
        (None, {"fields": ["name_ro", "name_en", "slug", "kind", "programme", "position"]}),
        (_("The place"), {"fields": ["description_ro", "description_en", "address", "latitude", "longitude",
                                     "coordinates_approximate", "capacity",
                                     "accessibility_ro", "accessibility_en", "equipment_ro", "equipment_en"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Opening and bookings"), {"fields": ["status", "status_note_ro", "status_note_en", "is_bookable",
                                                "booking_terms_ro", "booking_terms_en"]}),
    ]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Read only: bookings move through their statuses on the bookings page (services.booking_*),
    so every change is checked, locked and told to the member."""

    list_display = ["space", "starts_at", "ends_at", "organisation", "booked_by", "status"]
    list_filter = ["status", "space"]
    search_fields = ["organisation__name", "purpose", "booked_by__email"]
    list_select_related = ["space", "organisation", "booked_by"]
    date_hierarchy = "starts_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class NetworkEntityAdminForm(forms.ModelForm):
    latitude = latitude_field()
    longitude = longitude_field()

    class Meta:
        model = NetworkEntity
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        both_or_neither(self)
        return cleaned


class NetworkEntityInline(admin.TabularInline):
    model = NetworkEntity
    form = NetworkEntityAdminForm
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name_ro", "name_en", "programme", "position"]
    search_fields = ["name_ro", "name_en"]
    prepopulated_fields = {"slug": ["name_ro"]}
    list_select_related = ["programme"]
    inlines = [NetworkEntityInline]


@admin.register(Figure)
class FigureAdmin(admin.ModelAdmin):
    list_display = ["key", "value", "more_than", "counts", "network", "label_ro", "year", "source_ro", "position"]
    search_fields = ["key", "label_ro", "label_en", "source_ro"]
