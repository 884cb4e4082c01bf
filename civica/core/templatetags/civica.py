"""The template filters every app's templates use (``{% load civica %}``): ``markdown``, ``plaintext``
and ``sanitize`` (markup.py), ``money``, ``decimal``, ``short_date`` and ``html_datetime`` (formatting.py),
``translated`` (a bilingual field in the active language), ``participant_name`` ("Deleted participant"
for an erased account), and ``{% inline_static %}`` (a stylesheet inlined for WeasyPrint's documents)."""

from django import template
from django.utils.translation import gettext as _

from civica.core.formatting import format_decimal, format_money, format_short_date, html_datetime
from civica.core.markup import markdown_to_text, render_markdown, sanitize_html

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    return render_markdown(text)


@register.filter(name="plaintext")
def plaintext_filter(text):
    """Markdown as plain text, for cards and excerpts (escaped like any text)."""
    return markdown_to_text(text)


@register.filter(name="sanitize")
def sanitize_filter(html):
    return sanitize_html(html or "")


@register.filter(name="money")
def money_filter(value, decimal_places=2):
    return format_money(value, decimal_places)


@register.filter(name="decimal")
def decimal_filter(value, decimal_places=2):
    return format_decimal(value, decimal_places)


@register.filter(name="short_date")
def short_date_filter(value, arg=""):
    """``{{ day|short_date }}`` → "6 nov. 2026"; ``{{ moment|short_date:"time" }}`` → "6 nov. 2026, 14:30"."""
    return format_short_date(value, with_time=arg == "time")


@register.filter(name="html_datetime")
def html_datetime_filter(value, precision=""):
    """``<time datetime="{{ moment|html_datetime }}">``: a valid value, without microseconds;
    ``{{ moment|html_datetime:"day" }}`` or ``:"month"`` for what is known no closer."""
    return html_datetime(value, precision)


@register.filter(name="translated")
def translated_filter(obj, field):
    """The value of a bilingual field (``name_ro``/``name_en``) in the active language."""
    return obj.translated(field)


@register.filter(name="participant_name")
def participant_name_filter(user):
    """How an author is shown: contributions kept after their author deleted the account
    have no author any more and read "Deleted participant"."""
    if user is None:
        return _("Deleted participant")
    return user.public_name


@register.simple_tag
def inline_static(path):
    """The text of a static file, for a ``<style>`` of a page that is also printed as a PDF (WeasyPrint
    reads no stylesheet over HTTP): ``static/css/document.css`` is shared this way by the plan document
    and the workshop report."""
    from django.contrib.staticfiles import finders
    from django.utils.safestring import mark_safe

    found = finders.find(path)
    if not found:
        raise template.TemplateSyntaxError(f"No static file {path!r}.")
    with open(found, encoding="utf-8") as css:
        return mark_safe(css.read())  # our own file, never user input
