"""The personal parts of every page's frame (base.html): the language switcher (a form with a token for
signed-in people, who keep their choice on their profile; links for visitors), the account menu, and
the notices (an unverified address, the messages of the last action). See personal_parts.py."""

from django.contrib import messages

from .personal_parts import template_part

template_part("core.language_switcher", "core/parts/language_switcher.html", lambda request: {})
template_part("core.account_nav", "core/parts/account_nav.html", lambda request: {})
template_part("core.notices", "core/parts/notices.html",
              lambda request: {"messages": messages.get_messages(request)})
