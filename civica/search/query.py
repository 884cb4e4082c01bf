"""One search over everything public: every entry of the registry (``registry.py``), one query each.

On PostgreSQL: full-text search with the ``civica_ro`` and ``civica_en`` text search
configurations (Romanian and English stemming, accents ignored through ``unaccent``; created by
participation's migration 0005), read from a stored, GIN-indexed ``search_vector`` column that
PostgreSQL generates from each table's texts (participation's migration 0006 and one migration in
each app that registers a table since), ranked with ``ts_rank``, snippets highlighted by
``ts_headline``. A query matches when it matches in either language.

On SQLite (development, tests): every word of the query must appear, accents and
case ignored, as a substring of the title or the text; title matches come first.

Only what anyone may read is ever searched: each entry's ``public()`` queryset, applied at query
time. The number of queries is the number of entries, whatever the number of results.

Snippets are HTML: user text is escaped character by character and only ``<mark>`` is added.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    Case,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    Q,
    TextField,
    Value,
    When,
)
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from civica.core.i18n import active_language
from civica.core.markup import markdown_to_text

from .registry import Searchable, searchables, value

MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 200
DEFAULT_LIMIT = 50
MAX_WORDS = 8  # SQLite searches the query's first words; PostgreSQL parses the whole (capped) query

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
    kind: str  # the entry's kind: "process", "idea", "call", …
    kind_label: str
    title: str  # plain text: templates escape it
    snippet: SafeString  # escaped text with <mark>…</mark> around the matches
    url: str
    rank: float
    context: str = ""  # where it belongs (an idea's consultation), plain text
    image: object = None  # the row's image (an ImageFieldFile) when it has one


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
    entries = searchables()
    if connection.vendor == "postgresql":
        results = _postgres_search(entries, query, limit)
    else:
        results = _fallback_search(entries, query, limit)
    order = {entry.kind: position for position, entry in enumerate(entries)}
    results.sort(key=lambda result: (-result.rank, order[result.kind]))
    return results[:limit]


def _result(entry: Searchable, row, snippet) -> SearchResult:
    return SearchResult(entry.kind, str(entry.label), entry.shown_title(row), snippet, entry.url(row), row.rank,
                        entry.context(row), (getattr(row, entry.image) or None) if entry.image else None)


def _public(entry: Searchable):
    queryset = entry.public()
    return queryset.only(*entry.only, *entry.image_columns) if entry.only else queryset


# --- PostgreSQL -----------------------------------------------------------------------------------

class StoredSearchVector(Expression):
    """The ``search_vector`` column of the query's own table, or of the row ``relation`` leads to:
    generated and stored by PostgreSQL from the texts, GIN-indexed; the models do not declare it."""

    def __init__(self, relation=""):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())
        self.relation = relation
        self.alias = None

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        resolved = super().resolve_expression(query, allow_joins, reuse, summarize, for_save)
        if self.relation:
            # Resolving a column of the related row (not its primary key, which Django would read
            # from the foreign key without a join) makes the join and tells its alias.
            related = query.model._meta.get_field(self.relation).related_model
            column = next(field.name for field in related._meta.concrete_fields if not field.primary_key)
            resolved.alias = F(f"{self.relation}__{column}").resolve_expression(
                query, allow_joins, reuse, summarize).alias
        return resolved

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(self.alias or compiler.query.base_table)
        return f"{table}.search_vector", []


def search_query(query):
    """``query`` read as Romanian or as English (``websearch_to_tsquery``: never a syntax error)."""
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(query, config="civica_ro", search_type="websearch") | SearchQuery(
        query, config="civica_en", search_type="websearch")


def matching_ids(entry: Searchable, query):
    """The primary keys of ``entry``'s rows whose stored vector matches (public or not)."""
    model = entry.public().model
    return model.objects.alias(search=StoredSearchVector(entry.vector_of)).filter(search=search_query(query))


def postgres_querysets(query, limit=DEFAULT_LIMIT) -> dict:
    """The ranked PostgreSQL query of :func:`search` for each entry, by kind."""
    from django.contrib.postgres.search import SearchHeadline, SearchRank

    either = search_query(query)

    def headline(column, config):
        return SearchHeadline(column, either, config=config, **_HEADLINE_OPTIONS)

    def matching(entry):
        queryset = _public(entry)
        # A word found in tens of thousands of texts would have each ranked: rank the newest
        # RANK_WINDOW matches of each kind only (all of them for any rarer word). PostgreSQL
        # then walks the primary key backwards for a common word (a few thousand rows) and uses
        # the GIN index for a rare one (bench/README.md has the plans at city scale).
        newest = matching_ids(entry, query).order_by("-pk").values("pk")[:RANK_WINDOW]
        return (
            queryset.filter(pk__in=newest)
            .annotate(rank=SearchRank(StoredSearchVector(entry.vector_of), either),
                      snippet_ro=headline(entry.text.ro, "civica_ro"),
                      snippet_en=headline(entry.text.en or entry.text.ro, "civica_en"))
            .order_by("-rank", "-pk")[:limit]
        )

    return {entry.kind: matching(entry) for entry in searchables()}


def _postgres_search(entries, query, limit):
    querysets = postgres_querysets(query, limit)
    return [_result(entry, row, _pick_snippet(row)) for entry in entries for row in querysets[entry.kind]]


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


def _fallback_search(entries, query, limit):
    words = _words(query)
    if not words:
        return []
    _register_fold()
    language = active_language()
    results = []
    for entry in entries:
        titles, texts = entry.title.columns if entry.title else (), entry.text.columns + entry.also
        folded = {_alias(column): _Fold(F(column)) for column in (*titles, *texts)}
        every_word, in_title = Q(), Q()
        for word in words:
            every_word &= _any_column(titles + texts, word)
            in_title &= _any_column(titles, word)
        rank = Case(When(in_title, then=Value(2.0)), default=Value(1.0)) if titles else Value(1.0)
        rows = (
            _public(entry).alias(**folded).filter(every_word)
            .annotate(rank=ExpressionWrapper(rank, output_field=FloatField()))
            .order_by("-rank", "-pk")[:limit]
        )
        for row in rows:
            # The text in the page's language when it holds a word, else the other, else any.
            candidates = [value(row, entry.text.in_language(language)), value(row, entry.text.ro),
                          value(row, entry.text.en or entry.text.ro)]
            text = next((text for text in candidates if _found(text, words)), None) or next(
                filter(None, candidates), "")
            results.append(_result(entry, row, _highlight(text, words)))
    return results


def _alias(column):
    return f"fold_{column.replace('__', '_')}"  # an alias may not hold "__" (read as a lookup)


def _any_column(columns, word):
    condition = Q()
    for column in columns:
        condition |= Q(**{f"{_alias(column)}__contains": word})
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
