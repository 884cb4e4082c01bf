"""RSS and Atom feeds of the news (all of it, or press releases only), newest first: the pattern of
participation's consultation feeds (``django.contrib.syndication``, the body through ``core.markup``)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from civica.core.markup import render_markdown

from . import selectors
from .models import ArticleKind

FEED_SIZE = 30


class NewsFeed(Feed):
    kind = None

    def title(self):
        return _("Civica — press releases") if self.kind else _("Civica — news")

    def link(self):
        return reverse("news:press") if self.kind else reverse("news:list")

    def description(self):
        return _("News and press releases of the Cluj Cultural Centre and the CIIC.")

    def items(self):
        return selectors.article_list(kind=self.kind)[:FEED_SIZE]

    def item_title(self, article):
        return article.translated("title")

    def item_description(self, article):
        return render_markdown(article.translated("summary") + "\n\n" + article.translated("body"))

    def item_link(self, article):
        return article.get_absolute_url()

    def item_guid(self, article):
        return f"civica:article:{article.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return max(article.updated_at, article.published_at)

    def item_author_name(self, article):
        return _("Civica")

    def item_categories(self, article):
        return [article.get_kind_display()]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


class PressFeed(NewsFeed):
    kind = ArticleKind.PRESS_RELEASE


class PressAtomFeed(PressFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
