"""``{% act_here %}``: where a person may not act yet only for want of an account, the buttons that take
them there and back (log in or create an account, then the same page, or the same action); otherwise
the refusal's sentence.

``{% act_here "participation.support_idea" idea label=_("Log in to support this idea") anchor="support" %}``
asks ``core.refusals.next_step`` which requirement refuses; a page that decides without a declared
permission passes ``step="log_in"`` (or ``"verify"``) and its ``refusal``. ``next_url`` is where to come
back to (this page by default), ``anchor`` the part of it to land on."""

from django import template

from civica.core import refusals

register = template.Library()


@register.inclusion_tag("core/_act_here.html", takes_context=True)
def act_here(context, permission=None, obj=None, *, label, step=None, refusal=None, next_url=None, anchor=None):
    request = context["request"]
    user = request.user
    if permission is not None:
        step = step or refusals.next_step(user, permission, obj)
        refusal = refusal or refusals.why_not(user, permission, obj)
    back_to = next_url or request.get_full_path()
    if anchor:
        back_to = f"{back_to}#{anchor}"
    return {"step": step, "label": label, "refusal": refusal, "next_url": back_to, "user": user,
            "csrf_token": context.get("csrf_token"),
            "LOG_IN": refusals.LOG_IN, "VERIFY": refusals.VERIFY}
