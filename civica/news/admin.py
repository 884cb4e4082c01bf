"""Tags are kept in the admin; articles are written on the editors' own screens (``/news/manage/``), the
admin only lists them (and an administrator may correct one there, its image checked like every upload)."""

from django.contrib import admin

from .forms import ArticleForm
from .models import Article, Tag


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name_ro", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_ro"]}
    search_fields = ["name_ro", "name_en"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = ["title_ro", "kind", "status", "published_at", "is_fictional", "is_hidden"]
    list_filter = ["kind", "status", "is_fictional"]
    search_fields = ["title_ro", "title_en"]
    readonly_fields = ["status", "published_at"]
