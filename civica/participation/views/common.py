"""What the pages of a consultation share: following from a form, and the comment section of an idea
or a debate (posted to the page's own ``comments/`` address)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from civica.comments.section import comment_section
from civica.notifications import services as notification_services


def follow_from_form(request, target):
    following = request.POST.get("follow") == "1"
    notification_services.follow_set(by=request.user, target=target, following=following)
    messages.success(request, _("You will be notified of what happens here.") if following
                     else _("You no longer follow this."))
    return redirect(target.get_absolute_url())


# A consultation's pages and the writes made on them share a page-cache scope (core/page_cache.py):
# a support in one consultation leaves the others' kept pages current.
PROCESS_SCOPE = ("process", "slug")


def comment_context(request, target):
    return comment_section(request, target, post_url=request.path + "comments/")
