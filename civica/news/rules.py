"""Who may do what with news. One line a permission.

Anyone reads a visible article (published, or scheduled and its time come, and not hidden); the centre's
editors (administrators too) see every article, write, preview, schedule, publish and unpublish them.
Comments: ``Article`` is registered in the comments app's ``registry.commentables``, open on a visible
article. Moderation: ``Article`` is registered in ``registry.moderatables``; it belongs to no scope, so
the site's moderators decide about reports on it and on its comments."""

import rules
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.accounts.predicates import is_editor
from civica.comments.registry import Commentable, commentables
from civica.core.permissions import add_admin_perms
from civica.core.refusals import Requirements
from civica.moderation.registry import Moderatable, moderatables

from .models import Article


@rules.predicate
def is_visible(user, article):
    return article is not None and article.is_visible


rules.add_perm("news.read_article", is_visible | is_editor)
# The editors' screens: the list with drafts, writing, preview, and every move of a status
# (models.ARTICLE_TRANSITIONS).
rules.add_perm("news.manage_news", is_editor)
rules.add_perm("news.edit_article", is_editor)
rules.add_perm("news.preview_article", is_editor)
rules.add_perm("news.publish_article", is_editor)
rules.add_perm("news.unpublish_article", is_editor)
add_admin_perms("news", ["article", "tag"], is_editor)


commentables.register(Commentable(
    model=Article,
    open_now=Requirements((is_visible, gettext_lazy("You cannot comment here."))),
    readable=is_visible | is_editor,
))

moderatables.register(Moderatable(
    model=Article, kind="articles", scope_of=lambda article: None, site_only=True,
    describe=lambda article: _("the article “%(title)s”") % {"title": article.translated("title")},
    moderate_url=lambda article: reverse("news:moderate", args=[article.slug]),
))
