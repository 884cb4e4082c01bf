"""The personal parts of an article's page (core/personal_parts.py): the editors' "Edit this article"
link and the report form for signed-in people. The article, its comments and the comment section's
own parts (comments/parts.py) are the same for everyone; a visitor's part is empty and costs nothing."""

from django.template.loader import get_template

from civica.core.personal_parts import base_context, part, remember
from civica.moderation.models import ReportReason

from .models import Article


@part("news.article_actions")
def article_actions(request, calls):
    """args: the article's id. Loaded once for every mark (and kept for the comment section's parts)."""
    if not request.user.is_authenticated:
        return [""] * len(calls)
    ids = {int(args[0]) for args in calls if args and args[0].isdecimal()}
    articles = {str(article.pk): remember(request, article) for article in Article.objects.filter(pk__in=ids)}
    template = get_template("news/parts/article_actions.html")
    outputs = []
    for args in calls:
        article = articles.get(args[0]) if args else None
        outputs.append("" if article is None else template.render({
            **base_context(request), "article": article, "report_reasons": ReportReason.choices,
            "can_edit": request.user.has_perm("news.edit_article", article)}))
    return outputs
