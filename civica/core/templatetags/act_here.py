"""``{% act_here %}``: where a person may not act yet only for want of an account, the buttons that take
them there and back (log in or create an account, then the same page, or the same action); otherwise
the refusal's sentence.

``{% act_here "participation.support_idea" idea label=_("Log in to support this idea") anchor="support" %}``
asks ``core.refusals.next_step`` which requirement refuses; a page that decides without a declared
permission passes ``step="log_in"`` (or ``"verify"``) and its ``refusal``. ``next_url`` is where to come
back to (this page by default), ``anchor`` the part of it to land on. A requirement met elsewhere (a
verification level) adds its ``refusals.Remedy``: a link to the page where this person meets it, which
brings them back here (pages without a declared permission pass ``remedy``)."""

from django import template
from django.utils.http import urlencode

from civica.core import refusals

register = template.Library()


@register.inclusion_tag("core/_act_here.html", takes_context=True)
def act_here(context, permission=None, obj=None, *, label, step=None, refusal=None, next_url=None, anchor=None,
             remedy=None):
    request = context["request"]
    user = request.user
    if permission is not None:
        step = step or refusals.next_step(user, permission, obj)
        refusal = refusal or refusals.why_not(user, permission, obj)
        remedy = remedy or refusals.remedy(user, permission, obj)
    back_to = next_url or request.get_full_path()
    if anchor:
        back_to = f"{back_to}#{anchor}"
    return {"step": step, "label": label, "refusal": refusal, "next_url": back_to, "user": user,
            "remedy": remedy, "remedy_href": remedy_href(remedy, back_to) if remedy else None,
            "csrf_token": context.get("csrf_token"),
            "LOG_IN": refusals.LOG_IN, "VERIFY": refusals.VERIFY}


@register.simple_tag
def remedy_href(remedy, back_to: str) -> str:
    """The remedy's page, told to come back to ``back_to``, landing on its anchor."""
    return f"{remedy.url}?{urlencode({'next': back_to})}" + (f"#{remedy.anchor}" if remedy.anchor else "")
