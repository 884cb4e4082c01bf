"""RSS and Atom feeds of a consultation: new ideas and official answers, newest first."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from civica.core.markup import render_markdown

from .models import Idea, IdeaStatus, Process

FEED_SIZE = 30


class ProcessFeed(Feed):
    def get_object(self, request, slug):
        process = Process.objects.published().filter(slug=slug).first()
        if process is None:
            raise Http404
        return process

    def title(self, process):
        return _("%(process)s — new ideas and answers") % {"process": process.translated("title")}

    def link(self, process):
        return process.get_absolute_url()

    def description(self, process):
        return process.translated("summary")

    def items(self, process):
        ideas = Idea.objects.visible().filter(process=process).select_related("process", "author")
        entries = [("idea", idea, idea.created_at) for idea in ideas.order_by("-created_at")[:FEED_SIZE]]
        answered = ideas.exclude(status=IdeaStatus.PUBLISHED).filter(answered_at__isnull=False)
        entries += [("answer", idea, idea.answered_at) for idea in answered.order_by("-answered_at")[:FEED_SIZE]]
        return sorted(entries, key=lambda entry: entry[2], reverse=True)[:FEED_SIZE]

    def item_title(self, entry):
        kind, idea, _when = entry
        if kind == "answer":
            return _("Official answer (%(status)s): %(title)s") % {"status": idea.get_status_display(),
                                                                   "title": idea.title}
        return _("New idea: %(title)s") % {"title": idea.title}

    def item_description(self, entry):
        kind, idea, _when = entry
        return render_markdown(idea.answer if kind == "answer" else idea.body)

    def item_link(self, entry):
        kind, idea, _when = entry
        return idea.get_absolute_url() + ("#answer-title" if kind == "answer" else "")

    def item_guid(self, entry):
        kind, idea, when = entry
        return f"civica:idea:{idea.pk}:{kind}:{when.isoformat()}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry[2]

    def item_author_name(self, entry):
        kind, idea, _when = entry
        if kind == "answer":
            return _("Civica")
        return idea.author.public_name if idea.author else _("Deleted participant")


class ProcessAtomFeed(ProcessFeed):
    feed_type = Atom1Feed
    subtitle = ProcessFeed.description
