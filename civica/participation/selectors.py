"""Reads for consultation pages, shaped so a page costs a fixed number of queries: the process list
(by state, tag and year), a process with its phases, ideas sorted by support, date, comments or at random
(a shuffle that stays the same for one visitor across pages), ``supported_by_me`` as an ``Exists``, how
many there are from the process's tally (``idea_count``, the same cost at 5,000 ideas as at 50,000),
similar ideas while someone types a title, the ideas with a place for the consultation's map (``idea_places``),
debates, and the editors' list (drafts included)."""

import re

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce, Mod
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from civica.core.maps import Place, place_of
from civica.verification.levels import Level, how_to_get

from .models import (
    SHUFFLE_MODULUS,
    SHUFFLE_STEP,
    Category,
    Idea,
    IdeaStatus,
    IdeaTally,
    Phase,
    Process,
    Support,
    Tag,
    shuffle_place,
)


class ProcessState:
    ACTIVE, UPCOMING, PAST = "active", "upcoming", "past"
    ALL = (ACTIVE, UPCOMING, PAST)


def _with_phases(queryset):
    return queryset.prefetch_related(
        Prefetch("phases", queryset=Phase.objects.order_by("position", "starts_at")),
        Prefetch("tags", queryset=Tag.objects.order_by("kind", "slug")),
    )


def process_list(*, user, state=None, tag=None, year=None):
    processes = Process.objects.all() if user.has_perm("participation.add_process") else Process.objects.published()
    today = timezone.localdate()
    if state == ProcessState.ACTIVE:
        processes = processes.active(today)
    elif state == ProcessState.UPCOMING:
        processes = processes.upcoming(today)
    elif state == ProcessState.PAST:
        processes = processes.past(today)
    if tag:
        processes = processes.filter(tags__slug=tag)
    if year:
        processes = processes.filter(starts_on__year__lte=year, ends_on__year__gte=year)
    return _with_phases(processes.order_by("-starts_on", "slug").distinct())


def process_years():
    """The years processes ran in, newest first, for the archive filter."""
    years = set()
    for starts_on, ends_on in Process.objects.published().values_list("starts_on", "ends_on"):
        years.update(range(starts_on.year, ends_on.year + 1))
    return sorted(years, reverse=True)


def process_for_page(slug):
    return _with_phases(Process.objects.filter(slug=slug)).prefetch_related(
        Prefetch("categories", queryset=Category.objects.order_by("name_ro")), "goals",
    ).first()


def process_for_permissions(slug):
    """The consultation with what its permissions read (its phases), for the personal parts of its
    pages: two queries, not the page's four."""
    return Process.objects.filter(slug=slug).prefetch_related(
        Prefetch("phases", queryset=Phase.objects.order_by("position", "starts_at"))).first()


class IdeaSort:
    SUPPORTED, NEWEST, COMMENTED, RANDOM = "supported", "newest", "commented", "random"
    ALL = (SUPPORTED, NEWEST, COMMENTED, RANDOM)


def _idea_filters(*, status, category) -> dict:
    filters = {}
    if status in IdeaStatus.values:
        filters["status"] = status
    if category:
        filters["category_id"] = category
    return filters


def idea_list(*, process, user, sort=IdeaSort.SUPPORTED, status=None, category=None, mine=False, seed=0):
    ideas = Idea.objects.filter(process=process, **_idea_filters(status=status, category=category))
    if not user.has_perm("participation.answer_idea", process):
        ideas = ideas.filter(Q(is_hidden=False) | Q(author_id=user.pk or 0))
    if mine and user.is_authenticated:
        ideas = ideas.filter(author=user)
    if user.is_authenticated:
        ideas = ideas.annotate(supported_by_me=Exists(Support.objects.filter(idea=OuterRef("pk"), user=user)))
    ideas = ideas.select_related("author", "category")
    if sort == IdeaSort.NEWEST:
        return ideas.order_by("-created_at", "-id")
    if sort == IdeaSort.COMMENTED:
        return ideas.order_by("-comment_count", "-id")
    if sort == IdeaSort.RANDOM:
        # A shuffle that stays the same for one visitor (seed kept in their session) across pages.
        return ideas.order_by(Mod(F("id") * SHUFFLE_STEP + seed, SHUFFLE_MODULUS), "id")
    return ideas.order_by("-support_count", "-id")


def idea_count(*, process, user, status=None, category=None, mine=False) -> int:
    """How many ideas ``idea_list`` gives for the same arguments, in one query whose cost does not grow
    with the process: the sum of its ``IdeaTally`` rows for the filters, less the hidden ideas the user
    may not see (a partial index holds only the hidden ones). Counting the ideas themselves read every
    idea of the process (23 ms at 50,000; ``bench/README.md``). "Only my ideas" counts the person's
    own ideas, through the author's index."""
    if mine and user.is_authenticated:
        return idea_list(process=process, user=user, status=status, category=category, mine=True).count()
    filters = _idea_filters(status=status, category=category)
    tallies = IdeaTally.objects.filter(process=process)
    if "status" in filters:
        tallies = tallies.filter(status=filters["status"])
    if "category_id" in filters:
        tallies = tallies.filter(category_key=filters["category_id"])
    total = Coalesce(Sum("count"), 0)
    if not user.has_perm("participation.answer_idea", process):
        hidden = Idea.objects.filter(process=process, is_hidden=True, **filters)
        if user.is_authenticated:
            hidden = hidden.exclude(author_id=user.pk)
        hidden = hidden.order_by().values("process").annotate(ideas=Count("pk")).values("ideas")
        total = total - Coalesce(Subquery(hidden), 0)
    return tallies.aggregate(ideas=total)["ideas"]


class _IdeaPaginator(Paginator):
    """Pages of ``idea_list`` told their count (``idea_count``) and read with a deferred join: the ids
    of the page first, from an index that holds every column the list filters and sorts on, then
    those rows whole. Skipping whole rows to reach a page (``OFFSET``) read the ideas before it from
    the table, and the random order sorted every idea of the process with its author and category.

    The random order (``seed`` given) is the shuffle's index (``models.shuffle_place``) turned around
    at the seed: ``(place + seed) % SHUFFLE_MODULUS`` puts first the ideas whose place is at least
    ``SHUFFLE_MODULUS - seed``, then the others, each by place and id. The page's ids are the first
    ideas of both parts, read in that order from the index (two queries, each reading no further
    than the page): the same ideas in the same order as sorting every idea."""

    def __init__(self, object_list, per_page, *, count: int, seed=None):
        super().__init__(object_list, per_page)
        self._count, self._seed = count, seed

    @property
    def count(self):
        return self._count

    def _ids(self, bottom, top):
        ids = self.object_list.values_list("pk", flat=True)
        if self._seed is None:
            return ids[bottom:top]
        turn = SHUFFLE_MODULUS - self._seed % SHUFFLE_MODULUS
        shuffled = ids.alias(place=shuffle_place()).order_by("place", "pk")
        first = list(shuffled.filter(place__gte=turn)[:top])
        then = list(shuffled.filter(place__lt=turn)[:top])
        return (first + then)[bottom:top]

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        return self._get_page(self.object_list.filter(pk__in=self._ids(bottom, top)), number, self)


def idea_page(*, process, user, number, per_page, sort=IdeaSort.SUPPORTED, status=None, category=None, mine=False,
              seed=0) -> Page:
    """Page ``number`` of ``idea_list`` (the last one for a number too large), in queries that do not
    grow with the process: the count and the page (and, in random order, the two parts of the shuffle)."""
    filters = {"process": process, "user": user, "status": status, "category": category, "mine": mine}
    ideas = idea_list(**filters, sort=sort, seed=seed)
    return _IdeaPaginator(ideas, per_page, count=idea_count(**filters),
                          seed=seed if sort == IdeaSort.RANDOM else None).get_page(number)


# The consultation page's map shows at most this many ideas (the most supported); the list of ideas
# has them all, a page at a time.
IDEA_PLACES_LIMIT = 300


def idea_place(idea, process) -> Place | None:
    """An idea as a place on a map (None without both coordinates); ``process`` is the idea's."""
    return place_of(idea.title, idea.latitude, idea.longitude, address=idea.location,
                    url=reverse("participation:idea_detail", args=[process.slug, idea.pk]))


def idea_places(*, process, user, limit=IDEA_PLACES_LIMIT) -> list[Place]:
    """The ideas of ``process`` the user may see that have both coordinates, most supported first: one query."""
    ideas = Idea.objects.filter(process=process, latitude__isnull=False, longitude__isnull=False)
    if not user.has_perm("participation.answer_idea", process):
        ideas = ideas.filter(Q(is_hidden=False) | Q(author_id=user.pk or 0))
    ideas = ideas.order_by("-support_count", "-id").only("pk", "title", "location", "latitude", "longitude")
    return [idea_place(idea, process) for idea in ideas[:limit]]


def idea_for_page(*, process, idea_id, user):
    ideas = Idea.objects.filter(process=process, pk=idea_id).select_related("author", "category", "answered_by")
    if user.is_authenticated:
        ideas = ideas.annotate(supported_by_me=Exists(Support.objects.filter(idea=OuterRef("pk"), user=user)))
    return ideas.first()


_WORD = re.compile(r"\w{4,}", re.UNICODE)


def similar_ideas(*, process, title, limit=5):
    """Ideas whose titles share words with ``title`` (suggested while someone types a new one)."""
    words = sorted(set(_WORD.findall(title.lower())), key=len, reverse=True)[:6]
    if not words:
        return Idea.objects.none()
    matches = Q()
    for word in words:
        matches |= Q(title__icontains=word)
    return Idea.objects.visible().filter(matches, process=process).order_by("-support_count", "-id")[:limit]


def debate_for_page(*, process, debate_id):
    from .models import Debate

    return Debate.objects.filter(process=process, pk=debate_id, is_hidden=False).select_related("created_by").first()


def debate_list(*, process):
    from .models import Debate

    return Debate.objects.filter(process=process, is_hidden=False).order_by("-created_at")


# --- Editors' screens -----------------------------------------------------------------------

def manage_process_list():
    """Every process, drafts included, newest first, with its phases and its number of ideas."""
    from django.db.models import Count

    return (Process.objects.annotate(idea_total=Count("ideas"))
            .prefetch_related(Prefetch("phases", queryset=Phase.objects.order_by("position", "starts_at")))
            .select_related("created_by").order_by("-starts_on", "slug"))


def process_for_manage(slug):
    """A process with everything its manage page shows, in a fixed number of queries."""
    from django.db.models import Count

    from .models import Conversation, Debate, Poll

    return _with_phases(Process.objects.filter(slug=slug)).prefetch_related(
        Prefetch("categories", queryset=Category.objects.annotate(idea_total=Count("ideas")).order_by("name_ro")),
        Prefetch("debates", queryset=Debate.objects.order_by("-created_at")),
        Prefetch("polls", queryset=Poll.objects.select_related("phase").annotate(
            question_total=Count("questions")).order_by("-created_at")),
        Prefetch("conversations", queryset=Conversation.objects.select_related("phase").order_by("-created_at")),
    ).first()




# What the consultation's page says each action needs (civica.verification), in the order people meet them.
LEVELLED_ACTIONS = (
    ("propose", gettext_lazy("To propose ideas you need")),
    ("support", gettext_lazy("To support ideas you need")),
    ("comment", gettext_lazy("To comment you need")),
    ("poll", gettext_lazy("To answer polls you need")),
    ("converse", gettext_lazy("To vote and add statements in its conversations you need")),
    ("register", gettext_lazy("To register for its meetings you need")),
)
LEVELLED_ACTION_NAMES = frozenset(action for action, _says in LEVELLED_ACTIONS)


def levels_needed(*, process) -> list[dict]:
    """The actions of ``process`` that need more than a verified e-mail: what each needs and how to get it
    (no query: the levels are the process's own fields)."""
    needed = []
    for action, says in LEVELLED_ACTIONS:
        level = Level(getattr(process, f"level_{action}") or Level.EMAIL)
        if level != Level.EMAIL:
            needed.append({"action": action, "says": says, "level": level, "how": how_to_get(level)})
    return needed
