from django.contrib import admin

from .models import Consent, NewsletterList, Subscriber, Subscription


@admin.register(NewsletterList)
class NewsletterListAdmin(admin.ModelAdmin):
    list_display = ["name_ro", "slug", "position"]


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    extra = 0


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    readonly_fields = ["action", "lists", "wording_version", "language", "at", "used_at"]
    can_delete = False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "language", "confirmed_at", "unsubscribed_at", "bounced_at"]
    list_filter = ["language"]
    search_fields = ["email"]
    raw_id_fields = ["user"]
    inlines = [SubscriptionInline, ConsentInline]
