"""What the pages of a consultation share: following from a form, the comment section of an idea or a
debate (posted to the page's own ``comments/`` address), and what makes them kept for everyone."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from civica.comments.section import comment_section
from civica.notifications import services as notification_services

from .. import selectors
from ..models import Idea, Process


def follow_from_form(request, target):
    following = request.POST.get("follow") == "1"
    notification_services.follow_set(by=request.user, target=target, following=following)
    messages.success(request, _("You will be notified of what happens here.") if following
                     else _("You no longer follow this."))
    return redirect(target.get_absolute_url())


# A consultation's pages and the writes made on them share a page-cache scope (core/page_cache.py):
# a support in one consultation leaves the others' kept pages current.
PROCESS_SCOPE = ("process", "slug")
# An idea's page and the writes on it (a support, a comment, a follow): a person's write on one idea leaves
# their kept pages of the consultation's other ideas current (core/page_cache.py, "targets").
IDEA_TARGET = ("idea", "idea_id")


def sees_more_than_visitors(request, slug, **kwargs) -> bool:
    """Whether this person's view of a consultation's ideas differs from a visitor's beyond the
    personal parts: its moderators see hidden ideas, authors their own hidden ones, and "only my
    ideas" and the random order (a seed in the session) are theirs. Such pages are never kept."""
    user = request.user
    if request.GET.get("mine") == "1" or request.GET.get("sort") == selectors.IdeaSort.RANDOM:
        return True
    if not user.is_authenticated:
        return False
    process = Process.objects.filter(slug=slug).only("pk", "slug").first()
    return process is not None and (
        user.has_perm("participation.answer_idea", process)
        or Idea.objects.filter(process=process, author=user, is_hidden=True).exists())


def comment_context(request, target):
    return comment_section(request, target, post_url=request.path + "comments/")
