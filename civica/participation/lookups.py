"""Finding what a page shows, answering "not found" alike for what is missing and what the person may
not read (a draft consultation is not revealed by a different answer)."""

from django.http import Http404

from . import selectors


def process_or_404(slug, user):
    process = selectors.process_for_page(slug)
    if process is None or not user.has_perm("participation.read_process", process):
        raise Http404
    return process
