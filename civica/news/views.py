"""The news pages: the list with its filters (kind, tag, programme, year; ``/news/press/`` is the list of
press releases), an article's page (its comments through the comments app's ``section.comment_section``
and ``{% show_comments %}``, a report form like ideas'), and the editors' screens: every article with
drafts, writing and editing, preview (the article's page for any status, to editors only), schedule,
publish and unpublish. Views parse, ask rules, call one service or selector and render; anonymous
visitors are sent to log in from the editors' screens, others without the right get a 403.

The public pages are the same for everyone (``@shared_page``, core/page_cache.py): the lists have
nothing of anyone's; an article's page keeps what one person may do (edit, report, comment, their
comments' buttons) in personal parts (parts.py, comments/parts.py). An article's page and the writes
made on it (comment, report, moderate) share a page-cache scope, so a comment on one article leaves
the other articles' kept pages current (the lists, home and search, which span everything, do not)."""


from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from civica.comments.section import comment_section, post_comment_from_form
from civica.core import refusals
from civica.core.page_cache import shared_page, write_scope
from civica.core.params import page_param
from civica.moderation.views import moderate_target, report_target

from . import selectors, services
from .forms import ArticleFilterForm, ArticleForm, ScheduleForm
from .models import ArticleKind

ARTICLES_PER_PAGE = 12
MANAGED_PER_PAGE = 25
# An article's page and the writes made on it (core/page_cache.py).
ARTICLE_SCOPE = ("article", "slug")


def _list(request, *, press):
    choices = selectors.filter_choices()
    form = ArticleFilterForm(request.GET, choices=choices)
    filters = form.filters()
    if press:
        filters["kind"] = ArticleKind.PRESS_RELEASE
    page = Paginator(selectors.article_list(**filters), ARTICLES_PER_PAGE).get_page(page_param(request.GET))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "news/article_list.html", {
        "articles": page.object_list, "page": page, "query": query.urlencode(), "form": form, "press": press,
        "filtered": any(filters.values()),
    })


@shared_page
@require_safe
def article_list(request):
    return _list(request, press=False)


@shared_page
@require_safe
def press_list(request):
    return _list(request, press=True)


def _article_or_404(slug):
    article = selectors.article_for_page(slug)
    if article is None:
        raise Http404
    return article


def _page(request, article, *, preview=False):
    return render(request, "news/article_detail.html", {
        "article": article, "preview": preview,
        "comment_section": None if preview else comment_section(
            request, article, post_url=reverse("news:comment", args=[article.slug])),
    })


@shared_page(scope=ARTICLE_SCOPE)
@require_safe
def article_detail(request, slug):
    return _page(request, _article_or_404(slug))


def _signed_in_on_article(request, slug, act):
    """``act(request, article)`` on a visible article for a signed-in person (others log in first)."""
    article = _article_or_404(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(article.get_absolute_url())
    return act(request, article)


@write_scope(*ARTICLE_SCOPE)
@require_POST
def comment(request, slug):
    return _signed_in_on_article(request, slug, post_comment_from_form)


@write_scope(*ARTICLE_SCOPE)
@require_POST
def report(request, slug):
    return _signed_in_on_article(request, slug, report_target)


@write_scope(*ARTICLE_SCOPE)
@require_POST
def moderate(request, slug):
    # A hidden article is no longer visible: moderators find it by its slug among every article.
    article = selectors.article_for_editors_by_slug(slug)
    if article is None:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("moderation:queue"))
    return moderate_target(request, article)


# --- The editors' screens --------------------------------------------------------------------------

# Anonymous visitors log in first; others without the right are refused with the reason.
editors_only = refusals.permission_required("news.manage_news",
                                            gettext_lazy("Only the centre's editors write the news."))


def _managed(pk):
    article = selectors.article_for_editors(pk)
    if article is None:
        raise Http404
    return article


@require_safe
@editors_only
def manage_list(request):
    page = Paginator(selectors.manage_list(), MANAGED_PER_PAGE).get_page(page_param(request.GET))
    return render(request, "news/manage/article_list.html", {
        "articles": page.object_list, "page": page, "query": ""})


@editors_only
def article_edit(request, pk=None):
    article = _managed(pk) if pk is not None else None
    form = ArticleForm(request.POST or None, request.FILES or None, instance=article)
    errors = []
    if request.method == "POST" and form.is_valid():
        fields = form.article_fields()
        tags = fields.pop("tags")
        try:
            if article is None:
                article = services.article_create(by=request.user, tags=tags, **fields)
            else:
                article = services.article_update(article=article, by=request.user, tags=tags, **fields)
        except ValidationError as error:
            errors = refusals.refusal_messages(error)
        else:
            messages.success(request, _("The article is saved."))
            return redirect("news:manage_article", pk=article.pk)
    return render(request, "news/manage/article_form.html", {"article": article, "form": form, "errors": errors})


@require_safe
@editors_only
def article_manage(request, pk):
    article = _managed(pk)
    return render(request, "news/manage/article_manage.html", {
        "article": article, "schedule_form": ScheduleForm(initial={"published_at": article.published_at}),
    })


@require_safe
@editors_only
def article_preview(request, pk):
    article = _managed(pk)
    if not request.user.has_perm("news.preview_article", article):
        raise PermissionDenied(_("Only the centre's editors write the news."))
    return _page(request, article, preview=True)


@require_POST
@editors_only
def article_status(request, pk):
    """Publish now, schedule (with the form's moment) or unpublish, as the button pressed says."""
    article = _managed(pk)
    action = request.POST.get("action")
    try:
        if action == "publish":
            services.article_publish(article=article, by=request.user)
            messages.success(request, _("The article is published."))
        elif action == "unpublish":
            services.article_unpublish(article=article, by=request.user)
            messages.success(request, _("The article is a draft again: no longer public."))
        elif action == "schedule":
            form = ScheduleForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give the day and time to publish at."))
            services.article_schedule(article=article, by=request.user, at=form.cleaned_data["published_at"])
            messages.success(request, _("The article is scheduled: it will be public from the moment you chose."))
        else:
            messages.error(request, _("Choose what to do with the article."))
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    return redirect("news:manage_article", pk=article.pk)
