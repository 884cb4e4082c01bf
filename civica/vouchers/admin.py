"""The vouchers' admin: editors set up programmes, venues and offers, and say who is a programme's staff
or referrer and who redeems at a venue. Vouchers, beneficiaries and redemptions are not here: they change
only through the services, and beneficiaries are seen by their referrer and the programme's staff only.
``committed`` is read-only: only issuing and cancelling move it, under the programme's lock."""

from django.contrib import admin

from .models import EligibilityQuestion, Offer, ProgrammeRole, Venue, VenueStaff, VoucherProgramme


class EligibilityQuestionInline(admin.StackedInline):
    model = EligibilityQuestion
    extra = 0


class ProgrammeRoleInline(admin.TabularInline):
    model = ProgrammeRole
    extra = 0
    autocomplete_fields = ["user", "organisation"]


@admin.register(VoucherProgramme)
class VoucherProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name_ro", "programme", "status", "starts_on", "ends_on", "budget", "committed"]
    list_filter = ["status", "unit"]
    search_fields = ["name_ro", "name_en"]
    prepopulated_fields = {"slug": ["name_ro"]}
    readonly_fields = ["committed", "status"]
    filter_horizontal = ["venues"]
    inlines = [ProgrammeRoleInline, EligibilityQuestionInline]


class VenueStaffInline(admin.TabularInline):
    model = VenueStaff
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "address"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation"]
    inlines = [VenueStaffInline]


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["title_ro", "venue", "kind", "starts_on", "ends_on", "price"]
    list_filter = ["kind", "venue"]
    search_fields = ["title_ro", "title_en"]
    filter_horizontal = ["programmes", "proposed_to"]
