"""One search across consultations, ideas, debates and comments.

On PostgreSQL: full-text search with the ``civica_ro`` and ``civica_en`` text search
configurations (Romanian and English stemming, accents ignored through ``unaccent``; created in
migration 0005), read from a stored, GIN-indexed ``search_vector`` column that PostgreSQL generates
from each row's texts (migration 0006), ranked with ``ts_rank``,
snippets highlighted by ``ts_headline``. A query matches when it matches in either language.

On SQLite (development, tests): every word of the query must appear, accents and
case ignored, as a substring of the title or the text; title matches come first.

Only what anyone may read is ever searched: published consultations; ideas and debates not
hidden by moderation, in published consultations; comments neither hidden nor deleted, on a
visible idea or debate of a published consultation.

Snippets are HTML: user text is escaped character by character and only ``<mark>`` is added.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Exists,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civica.comments.models import Comment
from civica.core.i18n import active_language
from civica.core.markup import markdown_to_text

from .models import Debate, Idea, Process

MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 200
DEFAULT_LIMIT = 50
MAX_WORDS = 8  # SQLite searches the query's first words; PostgreSQL parses the whole (capped) query

KIND_LABELS = {
    "process": _("Consultation"),
    "idea": _("Idea"),
    "debate": _("Debate"),
    "comment": _("Comment"),
}
KIND_ORDER = {kind: position for position, kind in enumerate(KIND_LABELS)}

# Highlight markers from Unicode's private use area: ts_headline puts them around matches, then
# the text is escaped and they become <mark> (user text cannot smuggle markup in this way).
_START, _STOP = "\ue000", "\ue001"
# How many of the newest matches of each kind are ranked (search costs at most this many ranks).
RANK_WINDOW = 2_000
_SNIPPET_CHARS = 240  # SQLite snippets; ts_headline counts words (below)
_HEADLINE_OPTIONS = {"start_sel": _START, "stop_sel": _STOP, "min_words": 15, "max_words": 35,
                     "max_fragments": 2, "fragment_delimiter": " … "}


@dataclass(frozen=True)
class SearchResult:
    kind: str  # "process", "idea", "debate" or "comment"
    title: str  # plain text: templates escape it
    snippet: SafeString  # escaped text with <mark>…</mark> around the matches
    url: str
    rank: float
    process_title: str = ""  # where an idea, a debate or a comment belongs

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]


def clean_query(query) -> str:
    """The query as searched: whitespace collapsed, at most MAX_QUERY_LENGTH characters."""
    return " ".join(str(query or "").split())[:MAX_QUERY_LENGTH].strip()


def search(*, query: str, user, limit: int = DEFAULT_LIMIT) -> list[SearchResult]:
    """What matches ``query``, best first, at most ``limit`` results; [] for a query too short.

    ``user`` is there so that roles may later widen what is searched (editors' drafts,
    moderators' hidden content); for now everyone searches what everyone may read."""
    query = clean_query(query)
    limit = max(1, min(int(limit), DEFAULT_LIMIT * 4))
    if len(query) < MIN_QUERY_LENGTH:
        return []
    if connection.vendor == "postgresql":
        results = _postgres_search(query, limit)
    else:
        results = _fallback_search(query, limit)
    results.sort(key=lambda result: (-result.rank, KIND_ORDER[result.kind]))
    return results[:limit]


# --- Visibility: the same rules for both databases -----------------------------------------------

def _processes():
    return Process.objects.published()


def _ideas():
    return Idea.objects.filter(is_hidden=False, process__is_published=True).select_related("process")


def _debates():
    return Debate.objects.filter(is_hidden=False, process__is_published=True).select_related("process")


def _comments():
    idea_type = ContentType.objects.get_for_model(Idea)
    debate_type = ContentType.objects.get_for_model(Debate)
    # Correlated EXISTS, not IN (every visible idea): checked only for the comments that match,
    # so a word no comment holds costs nothing, whatever the number of ideas.
    visible_target = (
        Q(target_type=idea_type) & Exists(Idea.objects.filter(
            pk=OuterRef("target_id"), is_hidden=False, process__is_published=True))
    ) | (
        Q(target_type=debate_type) & Exists(Debate.objects.filter(
            pk=OuterRef("target_id"), is_hidden=False, process__is_published=True))
    )
    target_title = Case(
        When(target_type=idea_type,
             then=Subquery(Idea.objects.filter(pk=OuterRef("target_id")).order_by().values("title")[:1])),
        When(target_type=debate_type,
             then=Subquery(Debate.objects.filter(pk=OuterRef("target_id")).order_by().values("question")[:1])),
        output_field=CharField(),
    )
    return (
        # The target's consultation is published (visible_target): so is the comment's, its scope, whose
        # address and title come in the same query.
        Comment.objects.filter(visible_target, is_hidden=False, is_deleted=False)
        .annotate(target_title=target_title, **{
            f"scope_{field}": Subquery(Process.objects.filter(pk=OuterRef("scope_id")).order_by().values(field)[:1])
            for field in ("slug", "title_ro", "title_en")})
        .select_related("target_type")
    )


def _comment_url(comment):
    name = "participation:idea_detail" if comment.target_type.model == "idea" else "participation:debate_detail"
    return f"{reverse(name, args=[comment.scope_slug, comment.target_id])}#comment-{comment.pk}"


def _comment_process(comment):
    """The consultation a comment belongs to (its scope), as far as a result needs it."""
    return Process(pk=comment.scope_id, slug=comment.scope_slug, title_ro=comment.scope_title_ro,
                   title_en=comment.scope_title_en)


def _comment_title(comment):
    return gettext("Comment on “%(title)s”") % {"title": comment.target_title or ""}


# --- PostgreSQL -----------------------------------------------------------------------------------

class StoredSearchVector(Expression):
    """The ``search_vector`` column of the query's own table: generated and stored by PostgreSQL
    from the texts, GIN-indexed (migration 0006); the models do not declare it."""

    def __init__(self):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.base_table)
        return f"{table}.search_vector", []


def search_query(query):
    """``query`` read as Romanian or as English (``websearch_to_tsquery``: never a syntax error)."""
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(query, config="civica_ro", search_type="websearch") | SearchQuery(
        query, config="civica_en", search_type="websearch")


def postgres_querysets(query, limit=DEFAULT_LIMIT) -> dict:
    """The four ranked PostgreSQL queries of :func:`search`, by kind."""
    from django.contrib.postgres.search import SearchHeadline, SearchRank

    either = search_query(query)

    def headline(column, config):
        return SearchHeadline(column, either, config=config, **_HEADLINE_OPTIONS)

    def matching(queryset, text):
        ro_text, en_text = (text, text) if isinstance(text, str) else text
        vector = StoredSearchVector()
        # A word found in tens of thousands of texts would have each ranked: rank the newest
        # RANK_WINDOW matches of each kind only (all of them for any rarer word). PostgreSQL
        # then walks the primary key backwards for a common word (a few thousand rows) and uses
        # the GIN index for a rare one (bench/README.md has the plans at city scale).
        newest = (queryset.model.objects.alias(search=StoredSearchVector()).filter(search=either)
                  .order_by("-pk").values("pk")[:RANK_WINDOW])
        return (
            queryset.filter(pk__in=newest)
            .annotate(rank=SearchRank(vector, either),
                      snippet_ro=headline(ro_text, "civica_ro"), snippet_en=headline(en_text, "civica_en"))
            .order_by("-rank", "-pk")[:limit]
        )

    in_process = ("process__slug", "process__title_ro", "process__title_en")
    return {
        "process": matching(_processes().only("slug", "title_ro", "title_en"), ("summary_ro", "summary_en")),
        "idea": matching(_ideas().only("title", *in_process), "body"),
        "debate": matching(_debates().only("question", "question_en", *in_process), "description"),
        "comment": matching(
            _comments().only("target_id", "scope_id", "target_type__app_label", "target_type__model"),
            "body",
        ),
    }


def _postgres_search(query, limit):
    querysets = postgres_querysets(query, limit)
    results = [
        SearchResult("process", process.translated("title"), _pick_snippet(process), process.get_absolute_url(),
                     process.rank)
        for process in querysets["process"]
    ]
    results += [
        SearchResult("idea", idea.title, _pick_snippet(idea), idea.get_absolute_url(), idea.rank,
                     idea.process.translated("title"))
        for idea in querysets["idea"]
    ]
    results += [
        SearchResult("debate", debate.translated("question"), _pick_snippet(debate), debate.get_absolute_url(),
                     debate.rank, debate.process.translated("title"))
        for debate in querysets["debate"]
    ]
    results += [
        SearchResult("comment", _comment_title(comment), _pick_snippet(comment), _comment_url(comment), comment.rank,
                     _comment_process(comment).translated("title"))
        for comment in querysets["comment"]
    ]
    return results


def _pick_snippet(row):
    """Of the Romanian and English headlines, the one that highlights more (the page's language
    on a tie): ts_headline only highlights words its own configuration stems to a query lexeme."""
    ours, other = ("en", "ro") if active_language() == "en" else ("ro", "en")
    candidates = [getattr(row, f"snippet_{ours}") or "", getattr(row, f"snippet_{other}") or ""]
    # max() keeps the first on a tie; an empty text (a missing translation) loses to any other.
    best = max(candidates, key=lambda headline: (headline.count(_START), bool(headline.strip())))
    return _marked_html(markdown_to_text(best))


def _marked_html(headline: str) -> SafeString:
    """Escape everything, then turn the private markers into balanced <mark> elements."""
    html, open_mark = [], False
    for piece in re.split(f"([{_START}{_STOP}])", headline):
        if piece == _START:
            if not open_mark:
                html.append("<mark>")
                open_mark = True
        elif piece == _STOP:
            if open_mark:
                html.append("</mark>")
                open_mark = False
        else:
            html.append(escape(re.sub(r"\s+", " ", piece)))  # tags ts_headline dropped leave runs of spaces
    if open_mark:
        html.append("</mark>")
    return mark_safe("".join(html).strip())  # noqa: S308 - every piece of text escaped just above


# --- SQLite and other databases -------------------------------------------------------------------

def fold(text) -> str:
    """Lower case without accents: "Cultură" → "cultura", "ȘCOALĂ" and "ŞCOALĂ" → "scoala"."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class _Fold(Func):
    function = "civica_fold"
    output_field = TextField()


def _register_fold():
    """Make ``civica_fold()`` available to SQLite on this connection (cheap; safe to repeat)."""
    connection.ensure_connection()
    connection.connection.create_function("civica_fold", 1, fold, deterministic=True)


def _words(query):
    return list(dict.fromkeys(re.findall(r"\w+", fold(query))))[:MAX_WORDS]


def _fallback_search(query, limit):
    words = _words(query)
    if not words:
        return []
    _register_fold()

    def matching(queryset, titles, texts):
        folded = {f"fold_{column}": _Fold(F(column)) for column in (*titles, *texts)}
        every_word, in_title = Q(), Q()
        for word in words:
            every_word &= _any_column(folded, (*titles, *texts), word)
            in_title &= _any_column(folded, titles, word)
        rank = Case(When(in_title, then=Value(2.0)), default=Value(1.0)) if titles else Value(1.0)
        return (
            queryset.alias(**folded).filter(every_word)
            .annotate(rank=ExpressionWrapper(rank, output_field=FloatField()))
            .order_by("-rank", "-pk")[:limit]
        )

    language = active_language()
    results = []
    for process in matching(_processes(), ("title_ro", "title_en"), ("summary_ro", "summary_en")):
        summaries = [process.summary_en, process.summary_ro] if language == "en" else [process.summary_ro,
                                                                                       process.summary_en]
        summary = next((text for text in summaries if _found(text, words)), None) or next(filter(None, summaries), "")
        results.append(SearchResult("process", process.translated("title"), _highlight(summary, words),
                                    process.get_absolute_url(), process.rank))
    for idea in matching(_ideas(), ("title",), ("body",)):
        results.append(SearchResult("idea", idea.title, _highlight(idea.body, words), idea.get_absolute_url(),
                                    idea.rank, idea.process.translated("title")))
    for debate in matching(_debates(), ("question",), ("description",)):
        results.append(SearchResult("debate", debate.translated("question"), _highlight(debate.description, words),
                                    debate.get_absolute_url(), debate.rank, debate.process.translated("title")))
    for comment in matching(_comments(), (), ("body",)):
        results.append(SearchResult("comment", _comment_title(comment), _highlight(comment.body, words),
                                    _comment_url(comment), comment.rank, _comment_process(comment).translated("title")))
    return results


def _any_column(folded, columns, word):
    condition = Q()
    for column in columns:
        condition |= Q(**{f"fold_{column}__contains": word})
    return condition


def _found(text, words):
    folded = fold(text)
    return any(word in folded for word in words)


def _fold_with_positions(text):
    """``text`` folded, and for each folded character the position of the original it comes from."""
    folded, origin = [], []
    for position, char in enumerate(text):
        piece = fold(char)
        folded.append(piece)
        origin.extend([position] * len(piece))
    return "".join(folded), origin


def _highlight(text, words) -> SafeString:
    """About _SNIPPET_CHARS characters of ``text`` around the first match, every match marked."""
    text = markdown_to_text(text or "")
    if not text:
        return mark_safe("")
    folded, origin = _fold_with_positions(text)
    spans = []
    for word in words:
        start = folded.find(word)
        while start != -1 and word:
            spans.append((origin[start], origin[start + len(word) - 1] + 1))
            start = folded.find(word, start + len(word))
    first = min((start for start, _end in spans), default=0)
    begin = max(0, first - _SNIPPET_CHARS // 3)
    if begin:
        space = text.rfind(" ", 0, begin)
        begin = space + 1 if space != -1 and begin - space < 30 else begin
    end = min(len(text), begin + _SNIPPET_CHARS)
    if end < len(text):
        space = text.find(" ", end)
        end = space if space != -1 and space - end < 30 else end
    marked = [False] * len(text)
    for start, stop in spans:
        for position in range(start, stop):
            marked[position] = True
    html, open_mark = ["… " if begin else ""], False
    for position in range(begin, end):
        if marked[position] != open_mark:
            html.append("<mark>" if marked[position] else "</mark>")
            open_mark = marked[position]
        html.append(escape(text[position]))
    if open_mark:
        html.append("</mark>")
    if end < len(text):
        html.append(" …")
    return mark_safe("".join(html))  # noqa: S308 - every character of user text escaped just above
