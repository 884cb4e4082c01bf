"""``{% show_comments section %}``: the comment section of any commentable page, from
``participation.commenting.comment_section(request, target, post_url=…)`` (other apps' pages use
this tag, never the templates behind it)."""

from django import template

register = template.Library()


@register.inclusion_tag("participation/_comments.html", takes_context=True)
def show_comments(context, section):
    return {**section, "user": context["user"], "request": context["request"],
            "csrf_token": context.get("csrf_token")}
