"""What the news holds about a person: the articles they wrote (an editor). On deletion the articles
stay, the centre's publications, without their author (``Article.author`` is set to null)."""

from .models import Article


def export(user) -> dict:
    return {"articles_written": [
        {"slug": article.slug, "title": article.title_ro, "status": article.status,
         "published_at": article.published_at.isoformat() if article.published_at else None}
        for article in Article.objects.filter(author=user).order_by("created_at")
    ]}


def erase(user) -> None:
    Article.objects.filter(author=user).update(author=None)
