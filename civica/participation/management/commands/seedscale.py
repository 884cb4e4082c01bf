"""City-scale fictional data for load tests: ``manage.py seedscale`` (``--scale 0.01`` for less).

Pages must be measured on a database the size of Cluj's, not on the demo's 60 ideas: 300,000
accounts, 40 consultations, 50,000 ideas, 2,000,000 supports and 500,000 comments, written in
minutes with PostgreSQL COPY (``bulk_create`` in batches elsewhere). Every row is fictional and
marked so it can be recognised and removed: accounts at ``@seed.civica.test``, processes, meetings,
calls, programmes and the organisation whose slug starts with ``seed-``. Counters (supports,
comments, replies) are computed while generating and stored with the rows, so they match without a
recount.

Besides the consultations, the pages signed-in people and staff use at city scale are given what
makes them heavy (issue 17): an upcoming meeting with registrations, an open call with
applications, a published plan with programmes and activities, a moderator (``moderator@…``)
facing 350 open reports on 200 ideas and comments, and an evaluator (``evaluator@…``) with 220
assignments across four calls in evaluation. Those counts do not scale with ``--scale``: they are
what one busy moderator or juror has, whatever the size of the city.
"""

import datetime
import random
import time
from collections import Counter
from contextlib import contextmanager
from decimal import Decimal
from itertools import islice

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify

from civica.accountability.models import (
    Activity,
    ActivityStatus,
    Area,
    BudgetGroup,
    BudgetKind,
    BudgetLine,
    Indicator,
    IndicatorValue,
    Objective,
    Plan,
    PlanStatus,
    Priority,
)
from civica.accounts.models import EmailFrequency, RoleAssignment, User
from civica.accounts.roles import Role
from civica.calls.demo import CRITERIA
from civica.calls.models import (
    Application,
    ApplicationStatus,
    Assignment,
    Call,
    CallKind,
    CallStatus,
    Criterion,
    Review,
    Score,
)
from civica.comments.models import Alignment, Comment, CommentVote
from civica.meetings.models import Meeting, MeetingFormat, MeetingKind, Registration, RegistrationStatus
from civica.moderation.models import Report, ReportReason
from civica.network.models import Category as NetworkCategory
from civica.network.models import Organisation, Programme
from civica.participation.demo import TAGS
from civica.participation.models import (
    Category,
    Idea,
    IdeaStatus,
    Phase,
    Process,
    Support,
    Tag,
)
from civica.participation.services import idea_tally_recount

SEED_EMAIL_DOMAIN = "seed.civica.test"
SEED_SLUG_PREFIX = "seed-"
CITIZEN_PREFIX = "cetatean"
CITY_SCALE = {"users": 300_000, "processes": 40, "ideas": 50_000, "supports": 2_000_000, "comments": 500_000}
# One busy moderator's and one busy juror's work: the same at every scale (issue 17).
STAFF_WORK = {"reports": 350, "assignments": 220}
MINIMUM = {"users": 1, "processes": 1, "ideas": 1, "supports": 0, "comments": 0, "reports": 0, "assignments": 0}
# The staff accounts (besides the citizens), and what they are given.
MODERATOR_EMAIL = f"moderator@{SEED_EMAIL_DOMAIN}"
EVALUATOR_EMAIL = f"evaluator@{SEED_EMAIL_DOMAIN}"
REPORTED_ITEMS_PER_REPORT = 200 / 350  # 350 reports fall on 200 items: most reported twice
EVALUATION_CALLS = 4
OPEN_CALL_APPLICATIONS = 40
MEETING_REGISTRATIONS = 60
PLAN_YEAR = 2031  # no real plan has it: the plan page's address (``/plans/2031/``) is the seed's
PLAN_PROGRAMMES, PLAN_OBJECTIVES, PLAN_ACTIVITIES = 12, 3, 10  # per programme, like the 2021 plan
MEETING_SLUG = f"{SEED_SLUG_PREFIX}dezbatere-publica"
OPEN_CALL_SLUG = f"{SEED_SLUG_PREFIX}apel-deschis"
ORGANISATION_SLUG = f"{SEED_SLUG_PREFIX}organizatie"
# Without --force, a database holding this many ideas already is taken for real or seeded data.
EXISTING_IDEAS_LIMIT = 1_000
BENCHMARK_COMMENTS = 50
REPLY_SHARE = 0.2
BATCH_SIZE = 2_000

FIRST_NAMES = ["Ana", "Andrei", "Bianca", "Bogdan", "Carmen", "Cristian", "Dan", "Diana", "Elena", "Emil", "Florin",
               "Gabriela", "Horia", "Ioana", "Ion", "Irina", "Lucian", "Maria", "Mihai", "Nicoleta", "Oana", "Paul",
               "Raluca", "Radu", "Sorin", "Simona", "Teodora", "Tudor", "Vlad", "Zsófia", "Levente", "Réka", "Attila"]
LAST_NAMES = ["Pop", "Mureșan", "Kovács", "Rus", "Moldovan", "Szabó", "Sabău", "Crișan", "Pop", "Lazăr", "Bota",
              "Nagy", "Câmpean", "Oprea", "Toma", "Man", "Boca", "Ardelean", "Suciu", "Filip"]

THEMES = [
    ("Bugetare participativă", "Participatory budgeting"),
    ("Mobilitate urbană", "Urban mobility"),
    ("Spații verzi", "Green spaces"),
    ("Cultură în cartiere", "Culture in the neighbourhoods"),
    ("Tineret", "Youth"),
    ("Oraș neutru climatic", "Climate-neutral city"),
    ("Patrimoniu și memorie", "Heritage and memory"),
    ("Educație", "Education"),
    ("Sănătate și sport", "Health and sport"),
    ("Spațiu public", "Public space"),
]
CATEGORIES = [("Infrastructură", "Infrastructure"), ("Cultură", "Culture"), ("Mediu", "Environment"),
              ("Social", "Social"), ("Educație", "Education"), ("Mobilitate", "Mobility")]
PLACES = [("în", "Mănăștur"), ("în", "Gheorgheni"), ("în", "Mărăști"), ("în", "Grigorescu"), ("în", "Zorilor"),
          ("în", "Bună Ziua"), ("în", "Iris"), ("în", "Someșeni"), ("în", "Între Lacuri"), ("în", "Dâmbul Rotund"),
          ("în", "Andrei Mureșanu"), ("în", "Centru"), ("pe", "malul Someșului"), ("în", "Parcul Central"),
          ("lângă", "Piața Mihai Viteazul"), ("pe", "Calea Florești"), ("pe", "Strada Horea"),
          ("în", "Piața Unirii"), ("lângă", "Gara Mică"), ("în", "Parcul Feroviarilor"), ("în", "Sopor"),
          ("lângă", "Casa de Cultură a Studenților")]
SUBJECTS = ["Piste de biciclete protejate", "Bănci și umbră", "Un centru cultural de cartier",
            "Ateliere de teatru pentru copii", "Stații de autobuz acoperite", "Grădini comunitare",
            "Toalete publice accesibile", "Cișmele cu apă potabilă", "Concerte în aer liber",
            "O bibliotecă de cartier", "Parcări sigure pentru biciclete", "Trotuare mai late",
            "Treceri de pietoni iluminate", "Locuri de joacă incluzive", "Cinema în aer liber",
            "Ateliere de reparat obiecte", "Arbori pe străzile fără umbră", "Un skatepark",
            "Terenuri de sport deschise seara", "Expoziții de artă în stațiile de autobuz", "Un festival de cartier",
            "Puncte de compostare", "Trasee pietonale sigure spre școli", "O scenă pentru trupe tinere",
            "Spații de lucru pentru liceeni", "Un muzeu al cartierului", "Mese de ping-pong în parcuri",
            "Rampe de acces la instituțiile publice", "Seri de lectură în curțile școlilor",
            "Piețe volante de produse locale", "Un program de cultura urbană pentru adolescenți"]
PURPOSES = ["", "", "pentru vârstnici", "pentru familii cu copii", "pentru tineri", "pentru toți locuitorii",
            "cu ajutorul vecinilor", "până în 2030", "din bugetul participativ", "ca proiect-pilot"]
REASONS = ["Mulți vecini nu au un loc unde să se întâlnească.", "Copiii din zonă merg prea departe pentru așa ceva.",
           "Zona este foarte aglomerată la orele de vârf.", "Vara, fără umbră, strada devine greu de folosit.",
           "Cartierul are mulți tineri și puține spații pentru ei.", "Ar aduce cultura mai aproape de oameni.",
           "Ar ajuta și persoanele cu dizabilități să iasă din casă.",
           "Terenul este deja al orașului, deci costurile ar fi mici."]
DETAILS = ["Costul estimat este de aproximativ {number}.000 de lei.", "Ar putea fi testat întâi timp de {months} luni.",
           "Asociația de proprietari din zonă s-a oferit să ajute.",
           "Școlile din apropiere ar putea organiza activități acolo.",
           "Centrul cultural al orașului ar putea face programul."]
FICTIONAL_NOTE = "_Idee fictivă, generată automat pentru testele de performanță._"
COMMENTS = {
    Alignment.IN_FAVOUR: ["Susțin ideea, ar schimba mult cartierul.",
                          "Foarte bună propunere; aș adăuga și câteva bănci.",
                          "Da! Locuiesc aproape și aș folosi-o zilnic.", "Ar ajuta și vârstnicii, nu doar tinerii.",
                          "Am văzut ceva asemănător la Timișoara și a mers bine."],
    Alignment.AGAINST: ["Mă tem că întreținerea va costa prea mult.",
                        "Nu cred că e o prioritate; sunt probleme mai urgente.", "Locul ales e deja prea aglomerat.",
                        "Ar trebui întâi un studiu despre cine ar folosi-o."],
    Alignment.NEUTRAL: ["Cine s-ar ocupa de program în weekend?", "Există un buget estimat?",
                        "Poate ar merge testat întâi într-un singur cartier.",
                        "Ce spune asociația de proprietari?", "Ar fi bine să fie întrebați și elevii din zonă."],
}
ALIGNMENTS = [Alignment.IN_FAVOUR, Alignment.AGAINST, Alignment.NEUTRAL, Alignment.NEUTRAL]
REPLIES = ["Bună întrebare; primăria ar trebui să aibă date despre asta.", "De acord, un pilot ar fi un început bun.",
           "Am fost la dezbaterea de la CIIC pe tema asta; merită continuat.",
           "Nu sunt sigur, dar merită discutat la următoarea întâlnire.", "Mulțumesc pentru precizare!"]
# Official answers of the ideas of past consultations (weights: how often each status occurs).
PAST_STATUSES = [(IdeaStatus.PUBLISHED, 20), (IdeaStatus.EVALUATING, 5), (IdeaStatus.ACCEPTED, 25),
                 (IdeaStatus.REJECTED, 30), (IdeaStatus.IN_IMPLEMENTATION, 10), (IdeaStatus.IMPLEMENTED, 10)]
ANSWERS = {
    IdeaStatus.EVALUATING: "Analizăm costurile și fezabilitatea (răspuns fictiv).",
    IdeaStatus.ACCEPTED: "Ideea intră în planul de investiții al anului viitor (răspuns fictiv).",
    IdeaStatus.REJECTED: "Terenul nu aparține orașului, deci nu putem realiza ideea (răspuns fictiv).",
    IdeaStatus.IN_IMPLEMENTATION: "Lucrările au început (răspuns fictiv).",
    IdeaStatus.IMPLEMENTED: "Ideea a fost realizată. Mulțumim! (răspuns fictiv)",
}


def planned_sizes(scale=1.0, **explicit):
    """City scale times ``scale`` (the staff's work as it is), with explicit counts (None = not
    given) taking precedence."""
    sizes = {}
    for name, city in CITY_SCALE.items():
        given = explicit.get(name)
        sizes[name] = given if given is not None else max(MINIMUM[name], round(city * scale))
    for name, work in STAFF_WORK.items():
        given = explicit.get(name)
        sizes[name] = given if given is not None else work
    return sizes


def seeded_users():
    """Every seeded account: the citizens and the staff."""
    return User.objects.filter(email__endswith=f"@{SEED_EMAIL_DOMAIN}")


def seeded_citizens():
    return seeded_users().filter(email__startswith=CITIZEN_PREFIX)


def seeded_calls():
    return Call.objects.filter(slug__startswith=SEED_SLUG_PREFIX)


def seeded_processes():
    return Process.objects.filter(slug__startswith=SEED_SLUG_PREFIX)


def seeded_counts():
    """What an earlier run left, counted like ``planned_sizes`` (so a benchmark can reuse it)."""
    processes = seeded_processes()
    return {
        "users": seeded_citizens().count(),
        "processes": processes.count(),
        "ideas": Idea.objects.filter(process__in=processes).count(),
        "supports": Support.objects.filter(idea__process__in=processes).count(),
        "comments": Comment.objects.filter(scope_type=ContentType.objects.get_for_model(Process),
                                           scope_id__in=processes.values("pk")).count(),
        "reports": Report.objects.filter(reporter__in=seeded_citizens(), is_resolved=False).count(),
        "assignments": Assignment.objects.filter(evaluator__email=EVALUATOR_EMAIL).count(),
    }


def spread(total, weights, cap, rng):
    """Split ``total`` into whole shares roughly proportional to ``weights``, none above ``cap``."""
    if total > cap * len(weights):
        raise CommandError(f"Cannot place {total:,} rows on {len(weights):,} targets of at most {cap:,} each.")
    if not total:
        return [0] * len(weights)
    factor = total / sum(weights)
    shares = [min(cap, int(weight * factor)) for weight in weights]
    left = total - sum(shares)
    order = list(range(len(weights)))
    while left:
        rng.shuffle(order)
        for index in order:
            if shares[index] < cap:
                shares[index] += 1
                left -= 1
                if not left:
                    break
    return shares


def _batches(rows, size):
    rows = iter(rows)
    while batch := list(islice(rows, size)):
        yield batch


def _field_default(field):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return timezone.now()
    return field.get_default()


def insert_rows(model, fields, rows):
    """Insert tuples of ``fields`` values (attnames); other columns get their field's default.

    PostgreSQL streams them with COPY (no per-row statements, no model instances); other
    databases get ``bulk_create`` in batches. Returns the number of rows."""
    count = 0
    if connection.vendor == "postgresql":
        others = [field for field in model._meta.concrete_fields
                  if not field.primary_key and field.attname not in fields]
        other_values = tuple(_field_default(field) for field in others)
        columns = [model._meta.get_field(name).column for name in fields] + [field.column for field in others]
        quote = connection.ops.quote_name
        statement = f"COPY {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) FROM STDIN"
        with connection.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row + other_values)
                count += 1
        return count
    for batch in _batches(rows, BATCH_SIZE):
        model.objects.bulk_create([model(**dict(zip(fields, row, strict=True))) for row in batch])
        count += len(batch)
    return count


def _moment(start, end, rng):
    """A random instant in [start, end] (end when the window is empty)."""
    span = (end - start).total_seconds()
    return end if span <= 0 else start + datetime.timedelta(seconds=rng.random() * span)


class Command(BaseCommand):
    help = (
        "Generate city-scale fictional consultation data for load tests (300,000 users, 50,000 ideas in 40 "
        "processes, 2,000,000 supports, 500,000 comments). --scale or explicit counts make less. Refuses a "
        "database that already holds such data unless --force, which first removes the earlier seed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Fraction of city scale (default 1).")
        for name, city in CITY_SCALE.items():
            parser.add_argument(f"--{name}", type=int, help=f"Exact number of {name} (city scale: {city:,}).")
        parser.add_argument("--reports", type=int, help=f"Open reports before the moderator (default "
                                                        f"{STAFF_WORK['reports']} at every scale).")
        parser.add_argument("--assignments", type=int, help=f"The evaluator's assignments (default "
                                                            f"{STAFF_WORK['assignments']} at every scale).")
        parser.add_argument("--force", action="store_true",
                            help="Seed even if data is there; removes an earlier seed first (and only it).")
        parser.add_argument("--password", help="One password shared by every seeded account, hashed once "
                                               "(default: unusable passwords, nobody can log in as them).")
        parser.add_argument("--random-seed", type=int, default=2030, help="Seed of the generator (same data).")

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        sizes = planned_sizes(options["scale"], **{name: options[name] for name in [*CITY_SCALE, *STAFF_WORK]})
        self._check_sizes(sizes)
        started = time.perf_counter()
        timings = {}
        if self._must_clear(options["force"]):
            with self._stage("removing the earlier seed", timings):
                self._remove_seed()
        self.rng = random.Random(options["random_seed"])
        self.now = timezone.now().replace(microsecond=0)
        method = "PostgreSQL COPY" if connection.vendor == "postgresql" else "bulk_create"
        self._say(", ".join(f"{count:,} {name}" for name, count in sizes.items()) + f" ({method})")
        with self._stage("processes", timings):
            processes = self._processes(sizes["processes"])
        with self._stage("users", timings):
            user_ids = self._users(sizes["users"], options["password"])
        with self._stage("ideas", timings):
            ideas = self._ideas(processes, user_ids, sizes)
        with self._stage("supports", timings):
            self._supports(ideas, user_ids)
        with self._stage("comments", timings):
            self._comments(ideas, user_ids)
        with self._stage("staff, meeting, calls, plan, reports", timings):
            moderator, evaluator = self._staff(options["password"])
            meeting = self._meeting(processes[0], user_ids)
            calls = self._calls(user_ids, evaluator, sizes["assignments"])
            self._plan()
            self._reports(processes, ideas, user_ids, sizes["reports"])
        if connection.vendor == "postgresql":
            with self._stage("analyze", timings), connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        total = time.perf_counter() - started
        self._say("timings: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items())
                  + f"; total {total:.1f} s")
        self._report_pages(processes, ideas, meeting, calls)

    # --- Safety -------------------------------------------------------------------------------

    def _check_sizes(self, sizes):
        for name, count in sizes.items():
            if count < MINIMUM[name]:
                raise CommandError(f"--{name} must be at least {MINIMUM[name]}.")
        if sizes["supports"] > sizes["ideas"] * (sizes["users"] - 1):
            raise CommandError("More supports than (idea, user) pairs: an author does not support their own idea.")

    def _must_clear(self, force) -> bool:
        """Refuse a database that holds data already unless forced; forced, clear an earlier seed."""
        seeded = seeded_users().exists() or seeded_processes().exists() or seeded_calls().exists()
        crowded = Idea.objects.count() >= EXISTING_IDEAS_LIMIT
        if (seeded or crowded) and not force:
            reason = "seeded data from an earlier run" if seeded else f"{Idea.objects.count():,} ideas already"
            raise CommandError(f"The database holds {reason}; run again with --force to (re)seed anyway.")
        return seeded

    def _remove_seed(self):
        """Delete the bulk of an earlier seed with set-based statements (the ORM's collector would load
        millions of rows), then the few rows left through the ORM, which knows every other relation."""
        quote = connection.ops.quote_name

        def table(model):
            return quote(model._meta.db_table)

        processes = f"SELECT id FROM {table(Process)} WHERE slug LIKE %s"
        users = f"SELECT id FROM {table(User)} WHERE email LIKE %s"
        ideas = f"SELECT id FROM {table(Idea)} WHERE process_id IN ({processes})"
        # A comment's scope is its consultation (Comment.scope): the process's content type and id.
        in_seed = f"scope_type_id = {ContentType.objects.get_for_model(Process).pk} AND scope_id IN ({processes})"
        comments = f"SELECT id FROM {table(Comment)} WHERE {in_seed}"
        slug_like, email_like = f"{SEED_SLUG_PREFIX}%", f"%@{SEED_EMAIL_DOMAIN}"
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table(CommentVote)} WHERE comment_id IN ({comments})", [slug_like])
            # Replies first, then the rest, so SQLite's immediate foreign keys hold at every step.
            cursor.execute(f"DELETE FROM {table(Comment)} WHERE parent_id IS NOT NULL AND {in_seed}", [slug_like])
            cursor.execute(f"DELETE FROM {table(Comment)} WHERE {in_seed}", [slug_like])
            cursor.execute(f"DELETE FROM {table(Support)} WHERE idea_id IN ({ideas})", [slug_like])
            cursor.execute(f"DELETE FROM {table(Idea)} WHERE process_id IN ({processes})", [slug_like])
            cursor.execute(f"DELETE FROM {table(EmailAddress)} WHERE user_id IN ({users})", [email_like])
            # The staff's side: a few hundred rows, through the ORM (which knows their relations).
            Report.objects.filter(reporter__in=seeded_users()).delete()
            RoleAssignment.objects.filter(user__in=seeded_users()).delete()
            seeded_calls().delete()  # applications, assignments, reviews, criteria
            Meeting.objects.filter(slug__startswith=SEED_SLUG_PREFIX).delete()  # and its registrations
            Plan.objects.filter(organisation__slug=ORGANISATION_SLUG).delete()  # activities first: programmes
            Programme.objects.filter(slug__startswith=SEED_SLUG_PREFIX).delete()
            Organisation.objects.filter(slug=ORGANISATION_SLUG).delete()
            seeded_processes().delete()  # phases, categories, debates…: a few rows
            try:
                with transaction.atomic():
                    cursor.execute(f"DELETE FROM {table(User)} WHERE email LIKE %s", [email_like])
                    connection.check_constraints()  # PostgreSQL's deferred foreign keys, checked now
            except IntegrityError:
                # Someone used the seeded accounts (follows, notifications…): let the ORM cascade.
                seeded_users().delete()

    # --- Generation ---------------------------------------------------------------------------

    def _processes(self, count):
        """Published processes with four phases; most have their ideas phase open now."""
        tags = []
        for kind, slug, name_ro, name_en in TAGS:
            tag, _created = Tag.objects.get_or_create(slug=slug, defaults={"kind": kind, "name_ro": name_ro,
                                                                           "name_en": name_en})
            tags.append(tag)
        day = datetime.timedelta(days=1)
        now = self.now.replace(minute=0, second=0)
        rng, processes, phases, categories, tag_links = self.rng, [], [], [], []
        for index in range(count):
            theme_ro, theme_en = THEMES[index % len(THEMES)]
            _preposition, area = PLACES[index % len(PLACES)]
            if index % 10 == 9:  # a past consultation, answered
                origin = now - rng.randint(200, 700) * day
                spans = [(-40, -25), (-25, 5), (5, 25), (25, 60)]
            elif index % 10 == 8:  # voting now
                origin = now
                spans = [(-90, -70), (-70, -10), (-10, 15), (15, 45)]
            else:  # ideas now
                origin = now
                spans = [(-40, -25), (-25, 20 + index % 7), (20 + index % 7, 40), (40, 70)]
            year = (origin + spans[-1][1] * day).year
            process = Process(
                slug=f"{SEED_SLUG_PREFIX}{index + 1:02d}-{slugify(theme_ro)}-{slugify(area)}",
                title_ro=f"{theme_ro} {year}: {area} (consultare fictivă)",
                title_en=f"{theme_en} {year}: {area} (fictional consultation)",
                summary_ro=f"Ce ar trebui să se schimbe în {area}? Propuneți și susțineți idei. Date generate automat.",
                summary_en=f"What should change in {area}? Propose and support ideas. Generated data.",
                body_ro="Consultare **fictivă**, generată pentru testele de performanță.",
                body_en="A **fictional** consultation, generated for load tests.",
                scope=Process.Scope.NEIGHBOURHOOD if index % 4 else Process.Scope.CITY,
                starts_on=timezone.localdate(origin + spans[0][0] * day),
                ends_on=timezone.localdate(origin + spans[-1][1] * day),
                is_published=True,
            )
            process.phase_windows = {
                kind: (origin + start * day, origin + end * day)
                for kind, (start, end) in zip(["information", "ideas", "voting", "results"], spans, strict=True)
            }
            processes.append(process)
        Process.objects.bulk_create(processes)
        for index, process in enumerate(processes):
            for position, (kind, (starts_at, ends_at)) in enumerate(process.phase_windows.items()):
                phases.append(Phase(process=process, kind=kind, starts_at=starts_at, ends_at=ends_at,
                                    position=position))
            for offset in range(4):
                name_ro, name_en = CATEGORIES[(index + offset) % len(CATEGORIES)]
                categories.append(Category(process=process, name_ro=name_ro, name_en=name_en))
            for tag in rng.sample(tags, min(3, len(tags))):
                tag_links.append(Process.tags.through(process=process, tag=tag))
        Phase.objects.bulk_create(phases)
        Category.objects.bulk_create(categories)
        Process.tags.through.objects.bulk_create(tag_links)
        for process in processes:
            process.category_ids = [category.pk for category in categories if category.process_id == process.pk]
        self._say(f"  {len(processes):,} processes, {len(phases):,} phases, {len(categories):,} categories")
        return processes

    def _users(self, count, password):
        """Accounts with a verified primary e-mail, sharing one password hash (never hashed per user)."""
        rng = self.rng
        password_hash = make_password(password)  # None gives an unusable password
        three_years = datetime.timedelta(days=3 * 365)

        def users():
            for number in range(1, count + 1):
                name = "" if rng.random() < 0.25 else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                yield (password_hash, f"cetatean{number:06d}@{SEED_EMAIL_DOMAIN}", name,
                       "en" if rng.random() < 0.1 else "ro", EmailFrequency.NEVER,
                       _moment(self.now - three_years, self.now, rng))

        with transaction.atomic():
            insert_rows(User, ("password", "email", "display_name", "language", "email_frequency", "date_joined"),
                        users())
            user_ids = list(seeded_users().order_by("pk").values_list("pk", flat=True))
            insert_rows(EmailAddress, ("user_id", "email", "verified", "primary"),
                        ((user_id, f"cetatean{number:06d}@{SEED_EMAIL_DOMAIN}", True, True)
                         for number, user_id in enumerate(user_ids, start=1)))
        self._say(f"  {len(user_ids):,} users with verified e-mail addresses")
        return user_ids

    def _ideas(self, processes, user_ids, sizes):
        """Ideas with their final counters: supports and comments are planned before the ideas exist."""
        rng = self.rng
        per_process = spread(sizes["ideas"], [1 / (index + 1) ** 0.6 for index in range(len(processes))],
                             sizes["ideas"], rng)
        ideas = []
        for process, count in zip(processes, per_process, strict=True):
            ideas_from, ideas_until = process.phase_windows["ideas"]
            past = process.phase_windows["results"][1] < self.now
            for _number in range(count):
                preposition, place = rng.choice(PLACES)
                subject, purpose = rng.choice(SUBJECTS), rng.choice(PURPOSES)
                sentences = [f"Propun {subject[0].lower()}{subject[1:]} {preposition} {place}."]
                sentences += rng.sample(REASONS, rng.randint(1, 2))
                sentences += [detail.format(number=rng.randint(20, 900), months=rng.randint(2, 12))
                              for detail in rng.sample(DETAILS, rng.randint(0, 2))]
                status = rng.choices(*zip(*PAST_STATUSES, strict=True))[0] if past else IdeaStatus.PUBLISHED
                created_at = _moment(ideas_from, min(ideas_until, self.now) - datetime.timedelta(hours=1), rng)
                located = rng.random() < 0.3
                ideas.append(Idea(
                    process=process, author_id=rng.choice(user_ids),
                    title=" ".join(part for part in (subject, preposition, place, purpose) if part),
                    body=" ".join(sentences) + "\n\n" + FICTIONAL_NOTE,
                    category_id=rng.choice(process.category_ids), location=place,
                    latitude=Decimal(f"{rng.uniform(46.74, 46.80):.6f}") if located else None,
                    longitude=Decimal(f"{rng.uniform(23.53, 23.65):.6f}") if located else None,
                    status=status, answer=ANSWERS.get(status, ""),
                    answered_at=min(self.now, ideas_until + datetime.timedelta(days=40)) if status in ANSWERS
                    else None,
                    created_at=created_at,
                ))
        weights = [rng.lognormvariate(0, 1.3) for _idea in ideas]
        supports = spread(sizes["supports"], weights, len(user_ids) - 1, rng)
        # The idea-detail benchmark wants one idea with exactly BENCHMARK_COMMENTS comments: the first.
        special = min(BENCHMARK_COMMENTS, sizes["comments"]) if len(ideas) > 1 else sizes["comments"]
        comment_weights = [weight ** 0.7 * rng.lognormvariate(0, 0.5) for weight in weights[1:]]
        comments = [special] + spread(sizes["comments"] - special, comment_weights, sizes["comments"], rng)
        for idea, support_count, comment_count in zip(ideas, supports, comments, strict=True):
            idea.support_count, idea.comment_count = support_count, comment_count
        with transaction.atomic():
            Idea.objects.bulk_create(ideas, batch_size=BATCH_SIZE)
            for process in processes:
                idea_tally_recount(process=process)  # the ideas list counts from it
        self._say(f"  {len(ideas):,} ideas")
        return ideas

    def _supports(self, ideas, user_ids):
        """``idea.support_count`` distinct supporters per idea, never its author."""
        rng, user_count = self.rng, len(user_ids)
        author_index = {user_id: index for index, user_id in enumerate(user_ids)}

        def supports():
            for idea in ideas:
                if not idea.support_count:
                    continue
                picks = rng.sample(range(user_count), idea.support_count + 1)
                author = author_index[idea.author_id]
                if author in picks:
                    picks.remove(author)
                else:
                    picks.pop()
                voting_until = min(self.now, idea.process.phase_windows["voting"][1])
                for pick in picks:
                    yield idea.pk, user_ids[pick], _moment(idea.created_at, voting_until, rng)

        total = sum(idea.support_count for idea in ideas)
        with transaction.atomic():
            count = insert_rows(Support, ("idea_id", "user_id", "created_at"), self._progress(supports(), total))
        self._say(f"  {count:,} supports")

    def _comments(self, ideas, user_ids):
        """Top-level comments first (replies need their ids), then replies one level deep."""
        rng = self.rng
        idea_type = ContentType.objects.get_for_model(Idea)
        process_type = ContentType.objects.get_for_model(Process)
        fields = ("target_type_id", "target_id", "scope_type_id", "scope_id", "parent_id", "depth", "author_id", "body",
                  "alignment", "reply_count", "created_at")
        replies = []  # (index of the parent among top-level comments, idea)
        tops = []  # created_at of each top-level comment, in insertion order

        def top_level():
            for idea in ideas:
                reply_total = int(idea.comment_count * REPLY_SHARE) if idea.comment_count > 1 else 0
                top_total = idea.comment_count - reply_total
                parents = Counter(rng.randrange(top_total) for _reply in range(reply_total))
                until = min(self.now, idea.process.phase_windows["ideas"][1])
                for number in range(top_total):
                    alignment = rng.choice(ALIGNMENTS)
                    created_at = _moment(idea.created_at, until, rng)
                    replies.extend([(len(tops), idea)] * parents[number])
                    tops.append(created_at)
                    body = " ".join(rng.sample(COMMENTS[alignment], rng.randint(1, 2)))
                    yield (idea_type.pk, idea.pk, process_type.pk, idea.process_id, None, 0, rng.choice(user_ids),
                           body, alignment, parents[number], created_at)

        def replies_to(top_ids):
            for parent, idea in replies:
                until = min(self.now, idea.process.phase_windows["ideas"][1])
                yield (idea_type.pk, idea.pk, process_type.pk, idea.process_id, top_ids[parent], 1,
                       rng.choice(user_ids), rng.choice(REPLIES), Alignment.NEUTRAL, 0,
                       _moment(tops[parent], until, rng))

        total = sum(idea.comment_count for idea in ideas)
        with transaction.atomic():
            count = insert_rows(Comment, fields, self._progress(top_level(), total))
            process_ids = {idea.process_id for idea in ideas}
            top_ids = list(Comment.objects.filter(scope_type=process_type, scope_id__in=process_ids,
                                                  parent__isnull=True).order_by("pk").values_list("pk", flat=True))
            if len(top_ids) != len(tops):
                raise CommandError(f"Expected {len(tops):,} top-level comments, found {len(top_ids):,}.")
            count += insert_rows(Comment, fields, self._progress(replies_to(top_ids), total, done=len(tops)))
        self._say(f"  {count:,} comments ({len(replies):,} replies)")

    # --- What signed-in people and staff see -------------------------------------------------

    def _staff(self, password):
        """The moderator of the whole site and a juror, signing in with the citizens' password."""
        password_hash = make_password(password)
        staff = []
        for email, name, role in ((MODERATOR_EMAIL, "Moderator (fictiv)", Role.MODERATOR),
                                  (EVALUATOR_EMAIL, "Evaluator (fictiv)", None)):
            user = User.objects.create(email=email, display_name=name, password=password_hash, language="ro",
                                       email_frequency=EmailFrequency.NEVER)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            if role is not None:
                RoleAssignment.objects.create(user=user, role=role)
            staff.append(user)
        return staff

    def _meeting(self, process, user_ids):
        """An upcoming public debate of the first consultation, with people registered (its comments
        open when it begins, so it has none yet)."""
        starts_at = self.now.replace(minute=0, second=0) + datetime.timedelta(days=9, hours=3)
        meeting = Meeting.objects.create(
            slug=MEETING_SLUG, kind=MeetingKind.PUBLIC_DEBATE, format=MeetingFormat.HYBRID,
            title_ro=f"Dezbatere publică: {process.title_ro}", title_en=f"Public debate: {process.title_en}",
            description_ro="Discutăm ideile consultării cu vecinii și cu primăria. **Întâlnire fictivă**, generată "
                           "pentru testele de performanță.",
            description_en="We discuss the consultation's ideas with neighbours and the city hall. A **fictional** "
                           "meeting, generated for load tests.",
            starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2), place="Casa de Cultură a "
            "Studenților", address="Piața Lucian Blaga 1-3, Cluj-Napoca", capacity=MEETING_REGISTRATIONS * 2,
            process=process, online_url="https://example.org/dezbatere-fictiva")
        people = self.rng.sample(user_ids, min(MEETING_REGISTRATIONS, len(user_ids)))
        Registration.objects.bulk_create(
            Registration(meeting=meeting, person_id=person_id, status=RegistrationStatus.REGISTERED,
                         created_at=self.now - datetime.timedelta(hours=number))
            for number, person_id in enumerate(people))
        return meeting

    def _calls(self, user_ids, evaluator, assignments):
        """An open call with applications (drafts and submitted ones), and calls in evaluation whose
        applications are all the evaluator's to review (a third of them reviewed already)."""
        day = datetime.timedelta(days=1)
        now = self.now.replace(minute=0, second=0)
        per_call = min(len(user_ids), max(1, -(-assignments // EVALUATION_CALLS)))
        counts = [min(per_call, assignments - done) for done in range(0, assignments, per_call)]
        calls, applications = [], []

        def call(slug, title_ro, title_en, status, opens, closes):
            return Call(slug=slug, kind=CallKind.GRANT, status=status, title_ro=title_ro, title_en=title_en,
                        summary_ro="Granturi pentru proiecte de cartier. Apel **fictiv**, generat pentru testele "
                                   "de performanță.",
                        summary_en="Grants for neighbourhood projects. A **fictional** call, generated for load "
                                   "tests.",
                        guide_ro="## Cine poate aplica\nOrice participant verificat.", guide_en="## Who may apply\n"
                        "Any verified participant.", budget_total=Decimal("300000"), amount_min=Decimal("5000"),
                        amount_max=Decimal("30000"), opens_at=now + opens * day, closes_at=now + closes * day,
                        evaluation_until=(now + (closes + 30) * day).date())

        open_call = call(OPEN_CALL_SLUG, "Granturi de cartier (apel fictiv)", "Neighbourhood grants (fictional call)",
                         CallStatus.PUBLISHED, -10, 20)
        calls.append(open_call)
        for number in range(1, len(counts) + 1):
            calls.append(call(f"{SEED_SLUG_PREFIX}apel-in-evaluare-{number}", f"Granturi de cartier, runda {number} "
                              "(apel fictiv)", f"Neighbourhood grants, round {number} (fictional call)",
                              CallStatus.EVALUATION, -60 - number, -15 - number))
        Call.objects.bulk_create(calls)
        criteria = [Criterion(call=each, position=position, name_ro=name_ro, name_en=name_en, weight=Decimal(weight))
                    for each in calls[1:]
                    for position, (name_ro, name_en, weight) in enumerate(CRITERIA, start=1)]
        Criterion.objects.bulk_create(criteria)
        rng = self.rng
        for index, (each, count) in enumerate(zip(calls, [min(OPEN_CALL_APPLICATIONS, len(user_ids)), *counts],
                                                   strict=True)):
            for number, applicant in enumerate(rng.sample(user_ids, count), start=1):
                submitted = index > 0 or number % 3 != 0
                applications.append(Application(
                    call=each, applicant_id=applicant, reference=f"SEED-{index:02d}-{number:04d}",
                    title=f"{rng.choice(SUBJECTS)} {' '.join(rng.choice(PLACES))} (proiect fictiv)",
                    amount_requested=Decimal(rng.randrange(5, 31) * 1000),
                    answers={"summary": "Propunere fictivă, generată pentru testele de performanță."},
                    status=ApplicationStatus.SUBMITTED if submitted else ApplicationStatus.DRAFT,
                    version=1 if submitted else 0, submitted_at=each.opens_at + day if submitted else None))
        Application.objects.bulk_create(applications, batch_size=BATCH_SIZE)
        RoleAssignment.objects.bulk_create(
            RoleAssignment(user=evaluator, role=Role.EVALUATOR, scope_type=ContentType.objects.get_for_model(Call),
                           scope_id=each.pk) for each in calls[1:])
        reviewed = [application for application in applications if application.call_id != open_call.pk]
        made = Assignment.objects.bulk_create(Assignment(application=application, evaluator=evaluator)
                                              for application in reviewed)
        reviews = Review.objects.bulk_create(
            Review(assignment=assignment, status=Review.Status.SUBMITTED, comment="Evaluare fictivă.",
                   submitted_at=now - day) for assignment in made[::3])
        by_call = {criterion.call_id: [] for criterion in criteria}
        for criterion in criteria:
            by_call[criterion.call_id].append(criterion)
        Score.objects.bulk_create(
            Score(review=review, criterion=criterion, value=rng.randint(4, 10))
            for review, assignment in zip(reviews, made[::3], strict=True)
            for criterion in by_call[assignment.application.call_id])
        self._say(f"  {len(calls)} calls, {len(applications):,} applications, {len(made)} assignments "
                  f"({len(reviews)} reviewed)")
        return calls

    def _plan(self):
        """A published plan of a fictional organisation, shaped like the 2021 plan: twelve programmes
        with their objectives and activities (some under way), priorities, indicators and a budget."""
        rng = self.rng
        organisation = Organisation.objects.create(name="Organizație fictivă (date de test)", slug=ORGANISATION_SLUG,
                                                   category=NetworkCategory.CULTURAL_INSTITUTION, city="Cluj-Napoca")
        programmes = Programme.objects.bulk_create(
            Programme(organisation=organisation, slug=f"{SEED_SLUG_PREFIX}program-{number:02d}", position=number,
                      name_ro=f"{THEMES[number % len(THEMES)][0]} (program fictiv {number})",
                      name_en=f"{THEMES[number % len(THEMES)][1]} (fictional programme {number})")
            for number in range(1, PLAN_PROGRAMMES + 1))
        plan = Plan.objects.create(
            organisation=organisation, year=PLAN_YEAR, end_year=PLAN_YEAR, title_ro=f"Plan {PLAN_YEAR} (fictiv)",
            title_en=f"Plan {PLAN_YEAR} (fictional)", status=PlanStatus.PUBLISHED,
            introduction_ro="Planul anual al unei organizații **fictive**, generat pentru testele de performanță.",
            introduction_en="The annual plan of a **fictional** organisation, generated for load tests.",
            approved_by="Adunarea Generală (fictivă)", approved_on=timezone.localdate(self.now),
            published_at=self.now)
        areas = Area.objects.bulk_create(Area(plan=plan, position=position, name_ro=name_ro, name_en=name_en)
                                         for position, (name_ro, name_en) in enumerate(CATEGORIES[:4], start=1))
        Priority.objects.bulk_create(
            Priority(area=area, position=position, text_ro=f"Prioritatea {position}: {rng.choice(REASONS)}",
                     text_en=f"Priority {position} (fictional)")
            for area in areas for position in range(1, 4))
        objectives, activities = [], []
        for programme in programmes:
            objectives += [Objective(plan=plan, programme=programme, position=position,
                                     text_ro=f"Obiectivul {position}: {rng.choice(SUBJECTS).lower()} (fictiv)",
                                     text_en=f"Objective {position} (fictional)")
                           for position in range(1, PLAN_OBJECTIVES + 1)]
            for position in range(1, PLAN_ACTIVITIES + 1):
                progress = rng.choice([0, 0, 20, 50, 80, 100])
                status = (ActivityStatus.PLANNED if not progress else
                          ActivityStatus.DONE if progress == 100 else ActivityStatus.ONGOING)
                month = rng.randint(1, 12)
                activities.append(Activity(
                    plan=plan, programme=programme, position=position,
                    section_ro=f"Direcția {1 + (position - 1) // 4}", section_en=f"Strand {1 + (position - 1) // 4}",
                    title_ro=f"{rng.choice(SUBJECTS)} {' '.join(rng.choice(PLACES))} (activitate fictivă)",
                    title_en="A fictional activity", period_text=f"luna {month}",
                    starts_on=datetime.date(PLAN_YEAR, month, 1), ends_on=datetime.date(PLAN_YEAR, month, 28),
                    status=status, progress=progress))
        Objective.objects.bulk_create(objectives)
        Activity.objects.bulk_create(activities)
        indicators = Indicator.objects.bulk_create(
            Indicator(plan=plan, position=position, name_ro=f"Participanți la activități ({position})",
                      name_en=f"Participants in activities ({position})", unit_ro="participanți",
                      unit_en="participants", target=Decimal(1000 * position))
            for position in range(1, 6))
        IndicatorValue.objects.bulk_create(
            IndicatorValue(indicator=indicator, date=datetime.date(PLAN_YEAR, quarter * 3, 1),
                           value=Decimal(250 * quarter * indicator.position))
            for indicator in indicators for quarter in range(1, 4))
        for position, kind in enumerate((BudgetKind.INCOME, BudgetKind.EXPENSE), start=1):
            group = BudgetGroup.objects.create(plan=plan, kind=kind, position=position,
                                               name_ro=f"Grupa {position} (fictivă)", name_en=f"Group {position}")
            BudgetLine.objects.bulk_create(
                BudgetLine(group=group, position=line, label_ro=f"Linia {line} (fictivă)", label_en=f"Line {line}",
                           amount=Decimal(rng.randrange(10, 500) * 1000))
                for line in range(1, 9))
        self._say(f"  plan {plan.slug}: {len(programmes)} programmes, {len(objectives)} objectives, "
                  f"{len(activities)} activities")
        return plan

    def _reports(self, processes, ideas, user_ids, total):
        """``total`` open reports by citizens on ideas and comments (half each, as far as there are),
        most of them reported twice: what the moderator's queue has to show."""
        if not total:
            return
        rng = self.rng
        wanted = max(1, round(total * REPORTED_ITEMS_PER_REPORT))
        # Not the showcase idea (the idea-detail benchmark's) nor its comments.
        idea_targets = [(idea, idea) for idea in ideas[1:wanted // 2 + 1]]
        comments = list(Comment.objects.filter(
            scope_type=ContentType.objects.get_for_model(Process), scope_id__in=[process.pk for process in processes])
            .exclude(target_id=ideas[0].pk).order_by("pk").values_list("pk", "scope_id")[:wanted - len(idea_targets)])
        idea_type, comment_type = ContentType.objects.get_for_model(Idea), ContentType.objects.get_for_model(Comment)
        process_type = ContentType.objects.get_for_model(Process)
        targets = ([(idea_type.pk, idea.pk, idea.process_id) for idea, _idea in idea_targets]
                   + [(comment_type.pk, pk, scope_id) for pk, scope_id in comments])
        if not targets:
            raise CommandError("Nothing to report: seed at least two ideas or a comment.")
        shares = spread(total, [1] * len(targets), len(user_ids), rng)
        reasons = list(ReportReason)
        Report.objects.bulk_create(
            Report(target_type_id=type_id, target_id=target_id, scope_type=process_type, scope_id=scope_id,
                   reporter_id=reporter, reason=rng.choice(reasons), note="Raport fictiv.",
                   created_at=self.now - datetime.timedelta(minutes=rng.randint(1, 60 * 24 * 7)))
            for (type_id, target_id, scope_id), share in zip(targets, shares, strict=True)
            for reporter in rng.sample(user_ids, share))
        self._say(f"  {total:,} reports on {len(targets):,} ideas and comments")

    # --- Output -------------------------------------------------------------------------------

    def _say(self, message):
        if self.verbosity >= 1:
            self.stdout.write(message)
            self.stdout.flush()

    def _progress(self, rows, total, done=0):
        """Pass rows through, saying every tenth of ``total`` how far the stream is."""
        step = max(total // 10, 1)
        for row in rows:
            yield row
            done += 1
            if done % step == 0 and total >= 100_000:
                self._say(f"    {done:,} / {total:,}")

    @contextmanager
    def _stage(self, name, timings):
        started = time.perf_counter()
        yield
        timings[name] = time.perf_counter() - started
        self._say(f"  {name}: {timings[name]:.1f} s")

    def _report_pages(self, processes, ideas, meeting, calls):
        idea_counts = Counter(idea.process_id for idea in ideas)
        largest = max(processes, key=lambda process: idea_counts[process.pk])
        with translation.override("ro"):
            detail = reverse("participation:idea_detail", args=[ideas[0].process.slug, ideas[0].pk])
            idea_list = reverse("participation:idea_list", args=[largest.slug])
            pages = {"meeting": meeting.get_absolute_url(), "open call": calls[0].get_absolute_url(),
                     "plan": reverse("accountability:plan", args=[str(PLAN_YEAR)]),
                     f"moderation queue ({MODERATOR_EMAIL})": reverse("moderation:queue"),
                     f"reviews ({EVALUATOR_EMAIL})": reverse("calls:my_reviews")}
        self._say(f"Idea with {ideas[0].comment_count} comments: {detail}")
        self._say(f"Largest process ideas list: {idea_list}?sort=supported&page=2")
        for name, url in pages.items():
            self._say(f"{name[0].upper()}{name[1:]}: {url}")
        self.stdout.write(self.style.SUCCESS("Seeded."))
