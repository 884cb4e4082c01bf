"""``{% show_comments section %}``: the comment section of any commentable page, from
``comments.section.comment_section(request, target, post_url=…)`` (other apps' pages use
this tag, never the templates behind it)."""

from django import template

register = template.Library()


@register.inclusion_tag("comments/_comments.html", takes_context=True)
def show_comments(context, section):
    return {**section, "user": context["user"], "request": context["request"],
            "csrf_token": context.get("csrf_token")}
