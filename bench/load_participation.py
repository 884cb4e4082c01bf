"""Throughput and latency of the consultation pages at city scale, served as in production, for
visitors and for signed-in people in the same run.

One run: create (or reuse) the PostgreSQL database ``civica_bench``, migrate it, seed it with
``seedscale`` (skipped when it already holds the data at this scale), serve it with gunicorn on
127.0.0.1 under ``config.settings.bench``, load each page with 16 keep-alive clients for a fixed
time — first as visitors without cookies, then as 16 signed-in people, each a different seeded
citizen (the moderator's queue and the evaluator's list as those two) — print a table, stop
gunicorn. Prints figures; asserts nothing (tests never time things).

    .venv/bin/python bench/load_participation.py               # city scale (seeding takes minutes)
    .venv/bin/python bench/load_participation.py --scale 0.05  # a quick run

Throughput is compared with ``/bench/baseline/`` (one indexed query, no template): a page holds
its targets when it serves at least half the baseline's requests per second and its 95th
percentile stays within 100 ms. Meanwhile a writer process supports and withdraws through
``civica.participation.services`` (``--writes-per-second``), and each signed-in client also
participates through the site's own forms every few seconds (``--participate-every``): a support,
its withdrawal or a comment. What the run wrote is removed at its end, so the seed stays exactly
the seed and the next run reuses it.
"""

import argparse
import datetime
import gzip
import http.client
import multiprocessing
import os
import platform
import random
import re
import signal
import subprocess
import sys
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

MIN_RATIO, MAX_P95_MS = 0.5, 100.0
PAGE_KEYS = ("home", "processes", "process", "ideas", "idea", "search", "meeting", "call", "plan", "moderation",
             "reviews")
OPTIONAL_PAGES = {"search"}  # may not exist yet: a 404 is reported as "not available"
AUDIENCES = ("visitors", "signed-in")
# Pages for one account only, signed in (16 clients share its session, as 16 tabs): none for visitors.
STAFF_PAGES = {"moderation": "moderator", "reviews": "evaluator"}
# seedscale --password: every seeded account's (the benchmark's database only; never a real one).
BENCH_PASSWORD = "civica-bench-seed-2026"
# Ideas of the largest consultation the signed-in clients support and comment on (never the showcase idea).
PARTICIPATION_IDEAS = 200


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of city scale to seed (default 1)")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432",
                        help="PostgreSQL server, without the database name")
    parser.add_argument("--database", default="civica_bench", help="database to create or reuse")
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds per page (default 20)")
    parser.add_argument("--warmup", type=float, default=3.0, help="unmeasured seconds per page first")
    parser.add_argument("--clients", type=int, default=16, help="concurrent keep-alive clients (default 16)")
    cores = os.cpu_count() or 1
    parser.add_argument("--workers", type=int, default=cores + 1, help="gunicorn workers (default cores + 1)")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker (default 2)")
    parser.add_argument("--worker-class", default="gthread", choices=["gthread", "sync"],
                        help="gthread keeps client connections alive; sync closes them after each response")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/7",
                        help="Redis for the cache and sessions, as in production (emptied first; default db 7)")
    parser.add_argument("--page-cache", choices=["on", "off"], default="on",
                        help="on: visitors' pages served from the page cache, as in production with Redis; "
                             "off: every page rendered (what a signed-in person or a cache miss costs)")
    parser.add_argument("--writes-per-second", type=float, default=10.0,
                        help="while each page is loaded, a writer updates an idea this often (default 10/s, "
                             "a busy city): every write makes the kept pages stale, as real participation does")
    parser.add_argument("--pages", type=lambda text: set(text.split(",")), default=set(PAGE_KEYS),
                        help=f"comma-separated subset of {','.join(PAGE_KEYS)} (the baseline is always measured)")
    parser.add_argument("--audience", type=lambda text: [name for name in AUDIENCES if name in text.split(",")],
                        default=list(AUDIENCES),
                        help="comma-separated: visitors (no cookie), signed-in (each client a different seeded "
                             "person); default both, each page loaded by one and then the other")
    parser.add_argument("--accept-gzip", action="store_true",
                        help="clients send Accept-Encoding: gzip, as browsers do (default: they do not, as in the "
                             "earlier runs)")
    parser.add_argument("--participate-every", type=float, default=5.0,
                        help="seconds between two participations of one signed-in client, on average (default "
                             "5: 16 clients give about 3 a second): a support, its withdrawal or a comment, "
                             "posted through the site's forms; 0 for none")
    return parser.parse_args()


def ensure_database(server, name):
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        connection.execute(f'CREATE DATABASE "{name}"')
        return True


def prepare_data(scale, password=BENCH_PASSWORD):
    """Migrate, seed unless this scale is there already (every seeded account signing in with
    ``password``), and name the pages to measure."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count

    from civica.participation.management.commands.seedscale import (
        BENCHMARK_COMMENTS,
        planned_sizes,
        seeded_counts,
        seeded_processes,
    )
    from civica.participation.models import Idea

    call_command("migrate", interactive=False, verbosity=0)
    sizes, counts = planned_sizes(scale), seeded_counts()
    seed_seconds = None
    if counts == sizes:
        print(f"Database already holds the seed at scale {scale}: {counts}; not seeding.")
        ensure_password(password)
    else:
        started = time.perf_counter()
        call_command("seedscale", scale=scale, force=any(counts.values()), password=password)
        seed_seconds = time.perf_counter() - started
    call_command("collectstatic", interactive=False, verbosity=0)
    largest = seeded_processes().annotate(idea_total=Count("ideas")).order_by("-idea_total", "pk").first()
    ideas = Idea.objects.filter(process__in=seeded_processes(), is_hidden=False).select_related("process")
    # seedscale gives one idea exactly BENCHMARK_COMMENTS comments (all of them, at a tiny scale)
    idea = ideas.filter(comment_count=BENCHMARK_COMMENTS).order_by("pk").first() or ideas.order_by(
        "-comment_count", "pk").first()
    connection.close()
    return seed_seconds, largest.slug, idea


def ensure_password(password):
    """An earlier seed made without ``--password`` (or with another) gets ``password``, hashed once."""
    from django.contrib.auth.hashers import make_password

    from civica.participation.management.commands.seedscale import MODERATOR_EMAIL, seeded_users

    moderator = seeded_users().filter(email=MODERATOR_EMAIL).first()
    if moderator is None or not moderator.check_password(password):
        changed = seeded_users().update(password=make_password(password))
        print(f"Seeded accounts given the benchmark's password: {changed:,}")


def page_list(process_slug, idea):
    """(key, label, path) of every page the benchmark knows, the baseline first (every ratio needs it)."""
    from django.urls import reverse
    from django.utils import translation

    from civica.participation.management.commands.seedscale import MEETING_SLUG, OPEN_CALL_SLUG, PLAN_YEAR

    with translation.override("ro"):
        return [
            ("baseline", "baseline", f"/bench/baseline/?idea={idea.pk}"),
            ("home", "home", "/ro/"),
            ("processes", "process list", "/ro/processes/"),
            ("process", "process page (the largest)", reverse("participation:process_detail", args=[process_slug])),
            ("ideas", "ideas by supports, page 2", f"/ro/processes/{process_slug}/ideas/?sort=supported&page=2"),
            ("idea", f"idea detail, {idea.comment_count} comments",
             f"/ro/processes/{idea.process.slug}/ideas/{idea.pk}/"),
            ("search", "search", "/ro/search/?q=cultura"),
            ("meeting", "meeting page (upcoming)", reverse("meetings:detail", args=[MEETING_SLUG])),
            ("call", "call page (open)", reverse("calls:detail", args=[OPEN_CALL_SLUG])),
            ("plan", "plan page", reverse("accountability:plan", args=[str(PLAN_YEAR)])),
            ("moderation", "moderator queue", reverse("moderation:queue")),
            ("reviews", "evaluator's list", reverse("calls:my_reviews")),
        ]


def participation_paths(idea, count=PARTICIPATION_IDEAS):
    """Addresses of ideas the signed-in clients support and comment on: the showcase idea's
    consultation's, not the showcase idea itself (its page keeps its comment count)."""
    from django.db import connection

    from civica.participation.models import Idea

    ideas = (Idea.objects.filter(process=idea.process, is_hidden=False).exclude(pk=idea.pk)
             .order_by("pk").values_list("pk", flat=True)[:count])
    paths = [f"/ro/processes/{idea.process.slug}/ideas/{pk}/" for pk in ideas]
    connection.close()
    return paths


def restore_seed(since, idea_pks):
    """Remove what the run wrote after ``since`` (supports, comments, follows and notifications of
    seeded accounts) and recount the ideas it touched: the seed is exactly the seed again."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.db.models import Count, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    from civica.comments.models import Comment, CommentVote
    from civica.notifications.models import Follow, Notification
    from civica.participation.management.commands.seedscale import seeded_users
    from civica.participation.models import Idea, Support

    idea_type = ContentType.objects.get_for_model(Idea)
    with transaction.atomic():
        comments = Comment.objects.filter(target_type=idea_type, target_id__in=idea_pks, created_at__gte=since)
        CommentVote.objects.filter(comment__in=comments).delete()
        removed_comments, _details = comments.delete()
        removed_supports, _details = Support.objects.filter(idea__in=idea_pks, created_at__gte=since).delete()
        Follow.objects.filter(user__in=seeded_users(), created_at__gte=since).delete()
        Notification.objects.filter(recipient__in=seeded_users(), created_at__gte=since).delete()

        def counted(queryset, field):
            totals = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(total=Count("pk"))
            return Coalesce(Subquery(totals.values("total")), 0)

        Idea.objects.filter(pk__in=idea_pks).update(
            support_count=counted(Support.objects.all(), "idea"),
            comment_count=counted(Comment.objects.filter(target_type=idea_type), "target_id"))
    connection.close()
    return removed_supports, removed_comments


def empty_redis(url):
    """Nothing kept by an earlier run (of another seed, perhaps) may answer for this one."""
    import redis

    try:
        redis.Redis.from_url(url).flushdb()
    except redis.RedisError as error:
        raise SystemExit(f"load_participation: Redis is not reachable at {url}: {error}") from None


def vacuum_analyze(server, name):
    """Settle the freshly loaded tables now, so autovacuum does not compete with the measurement."""
    started = time.perf_counter()
    with psycopg.connect(f"{server}/{name}", autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")
    print(f"VACUUM (ANALYZE): {time.perf_counter() - started:.1f} s")


def start_gunicorn(arguments, database_url, log_path):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench",
                   "CIVICA_BENCH_DATABASE_URL": database_url, "REDIS_URL": arguments.redis,
                   "CIVICA_PAGE_CACHE_SECONDS": "60" if arguments.page_cache == "on" else "0"}
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{arguments.port}",
               "--workers", str(arguments.workers), "--worker-class", arguments.worker_class,
               "--keep-alive", "30", "--log-level", "warning"]
    if arguments.worker_class == "gthread":  # gunicorn turns a sync worker with threads into gthread
        command += ["--threads", str(arguments.threads)]
    log = open(log_path, "w")  # closed by stop_gunicorn
    server = subprocess.Popen(command, cwd=BASE_DIR, env=environment, stdout=log, stderr=subprocess.STDOUT)
    server.log = log
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}; see {log_path}")
        try:
            if get("127.0.0.1", arguments.port, "/healthz")[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    stop_gunicorn(server)
    raise SystemExit(f"gunicorn did not answer within 60 s; see {log_path}")


def stop_gunicorn(server):
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)  # graceful: the master stops its workers
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    server.log.close()


def get(host, port, path, timeout=10):
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def write_steadily(idea_pk, per_second, stop, stopped=None, written=None):
    """Write ``per_second`` times a second until ``stop`` (a ``time.perf_counter()`` instant) or
    until ``stopped`` (an event) is set, as participation does: seeded people support idea
    ``idea_pk`` and withdraw it again, through ``civica.participation.services`` (so the page cache
    hears of every write as it hears of a person's). Behind time (a slow write), it catches up.
    Returns how many writes were made, also counted in ``written`` (a shared value) if given."""
    from django.db import connection

    from civica.participation import services
    from civica.participation.management.commands.seedscale import seeded_citizens
    from civica.participation.models import Idea, Support

    idea = Idea.objects.select_related("process").get(pk=idea_pk)
    people = list(seeded_citizens().exclude(pk=idea.author_id)
                  .exclude(pk__in=Support.objects.filter(idea=idea).values("user")).order_by("-pk")[:20])
    writes, interval, supported = 0, 1 / per_second, set()
    next_write = time.perf_counter()
    while (now := time.perf_counter()) < stop and not (stopped is not None and stopped.is_set()):
        if now >= next_write and people:
            person = people[writes % len(people)]
            if person.pk in supported:
                services.idea_withdraw_support(idea=idea, by=person)
                supported.discard(person.pk)
            else:
                services.idea_support(idea=idea, by=person)
                supported.add(person.pk)
            writes += 1
            if written is not None:
                with written.get_lock():
                    written.value += 1
            next_write += interval
        time.sleep(max(0.0, min(next_write, stop, now + interval) - time.perf_counter()))
    connection.close()
    return writes


def _write_in_child(idea_pk, per_second, stopped, written):
    import django

    django.setup()
    write_steadily(idea_pk, per_second, float("inf"), stopped, written)


class BackgroundWriter:
    """``write_steadily`` in a process of its own for the whole run, as a real writer is (its Python
    does not compete with the load generator's threads for one interpreter, and it starts once).
    ``written()`` is how many writes it has made so far."""

    def __init__(self, idea_pk, per_second):
        context = multiprocessing.get_context("spawn")  # a fork of the threaded load generator could deadlock
        self.stopped, self.count = context.Event(), context.Value("q", 0)
        self.process = context.Process(target=_write_in_child, args=(idea_pk, per_second, self.stopped, self.count),
                                       daemon=True)
        self.process.start()

    def written(self):
        return self.count.value

    def stop(self):
        self.stopped.set()
        self.process.join(timeout=60)
        if self.process.is_alive():
            self.process.terminate()
        return self.written()


class Browser:
    """One person's browser: a keep-alive connection and the cookies the site set (session, CSRF,
    messages). Without cookies, a visitor. ``accept_encoding``: what every browser sends (``--accept-gzip``).
    """

    accept_encoding = None

    def __init__(self, port, cookies=None):
        self.port, self.cookies = port, dict(cookies or {})
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def copy(self):
        """Another tab of the same person: the same cookies, a connection of its own."""
        return Browser(self.port, self.cookies)

    def request(self, method, path, form=None):
        """(status, Location, body); the connection is opened again after a failure."""
        headers = {"Accept-Encoding": self.accept_encoding} if self.accept_encoding else {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            return None, "", b""
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value == "" or morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status, response.getheader("Location", ""), content

    def post(self, path, form):
        return self.request("POST", path, {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **form})

    def sign_in(self, email, password):
        """allauth's form, with its CSRF token; the session cookie is kept. Stops the run on refusal."""
        status, _location, page = self.request("GET", "/ro/accounts/login/")
        page = gzip.decompress(page) if (page or b"")[:2] == b"\x1f\x8b" else page
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page or b"")
        if status != 200 or token is None:
            raise SystemExit(f"load_participation: the sign-in page answered {status}")
        status, location, _page = self.request("POST", "/ro/accounts/login/", {
            "csrfmiddlewaretoken": token.group(1).decode(), "login": email, "password": password})
        if status != 302 or "/accounts/login" in location:
            raise SystemExit(f"load_participation: {email} could not sign in ({status}); was the seed made with "
                             "this --password?")
        return self

    def close(self):
        self.connection.close()


def succeeded(status):
    """A page answered: 2xx, and never a redirect (to the sign-in page or elsewhere)."""
    return status is not None and 200 <= status < 300


def posted(status, location, expected=""):
    """A form accepted: the redirect back to the page (to ``expected`` in its address, such as the new
    comment's anchor), not to the sign-in page; a 4xx or 5xx (a 429 too) is a refusal."""
    return status in (302, 303) and "/accounts/login" not in location and expected in location


class Participation:
    """What one signed-in person does besides reading, every ``every`` seconds on average: supports
    an idea, withdraws a support given earlier in the run, or comments, through the site's forms."""

    def __init__(self, idea_paths, every, seed):
        self.idea_paths, self.every = idea_paths, every
        self.rng = random.Random(seed)
        self.supported = []
        self.next_at = time.perf_counter() + self.rng.uniform(0, every)
        self.count = 0

    def due(self, now):
        return self.every > 0 and bool(self.idea_paths) and now >= self.next_at

    def act(self, browser):
        """One participation, as a browser does it: the form posted, then the page it leads back to
        (with the message saying it worked); returns (accepted, seconds for both)."""
        self.next_at = time.perf_counter() + self.rng.uniform(0.5, 1.5) * self.every
        self.count += 1
        began = time.perf_counter()
        choice, expected = self.rng.random(), ""
        if self.supported and choice < 0.25:
            status, location, _page = browser.post(self.supported.pop() + "support/", {"withdraw": "1"})
        elif choice < 0.6:
            path = self.rng.choice(self.idea_paths)
            status, location, _page = browser.post(path + "support/", {})
            self.supported.append(path)
        else:
            body = f"Comentariu fictiv de test de încărcare nr. {self.count} ({self.rng.randrange(10**6)})."
            status, location, _page = browser.post(self.rng.choice(self.idea_paths) + "comments/",
                                                   {"body": body, "alignment": "neutral"})
            expected = "#comment-"  # a refused comment goes back to "#comments", with the draft kept
        accepted = posted(status, location, expected)
        if accepted:
            back = urlsplit(location)
            accepted = succeeded(browser.request("GET", back.path + (f"?{back.query}" if back.query else ""))[0])
        return accepted, time.perf_counter() - began


def load(port, path, clients, warmup, seconds, meter, writer=None):
    """``clients`` threads, one persistent connection each, requesting ``path`` until time is up;
    ``writer(stop)``, if given, runs beside them (see ``write_steadily``)."""
    browsers = [Browser(port) for _ in range(clients)]
    try:
        return load_as(browsers, path, warmup, seconds, meter, writer)
    finally:
        for browser in browsers:
            browser.close()


def load_as(browsers, path, warmup, seconds, meter, writer=None, participations=None):
    """One thread per browser (a visitor's or a signed-in person's), requesting ``path`` until time
    is up. Each ``Participation`` given (one per browser) posts that person's forms meanwhile from a
    tab of its own, at its own pace whatever the page's latency; reported apart (``participation``).
    ``writer(stop)``, if given, runs beside them."""
    latencies, errors, lock = [], [0], threading.Lock()
    posts, post_errors = [], [0]
    start_measuring = time.perf_counter() + warmup
    stop = start_measuring + seconds
    written = [0]
    writer_thread = writer and threading.Thread(target=lambda: written.__setitem__(0, writer(stop)))
    if writer_thread:
        writer_thread.start()

    def client(browser):
        mine, failed = [], 0
        while (began := time.perf_counter()) < stop:
            status, _location, _page = browser.request("GET", path)
            if began >= start_measuring:
                mine.append(time.perf_counter() - began)
                failed += not succeeded(status)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    def participant(browser, participation):
        mine, failed = [], 0
        while (now := time.perf_counter()) < stop:
            if not participation.due(now):
                time.sleep(max(0.0, min(participation.next_at, stop) - now))
                continue
            accepted, spent = participation.act(browser)
            if now >= start_measuring:
                mine.append(spent)
                failed += not accepted
        browser.close()
        with lock:
            posts.extend(mine)
            post_errors[0] += failed

    threads = [threading.Thread(target=client, args=(browser,)) for browser in browsers]
    threads += [threading.Thread(target=participant, args=(browser.copy(), participation))
                for browser, participation in zip(browsers, participations or [None] * len(browsers), strict=True)
                if participation is not None and participation.every > 0]
    for thread in threads:
        thread.start()
    time.sleep(max(0.0, start_measuring - time.perf_counter()))
    cpu_before = meter.snapshot()
    time.sleep(max(0.0, stop - time.perf_counter()))
    app_cpu, database_cpu = meter.spent_since(cpu_before)
    for thread in threads:
        thread.join()
    if writer_thread:
        writer_thread.join()
    latencies.sort()
    posts.sort()
    requests = len(latencies)
    served = requests + 2 * len(posts)  # the CPU went to all: a participation is a form and the page after it
    return {"requests": requests, "errors": errors[0], "rps": requests / seconds,
            "p50": percentile(latencies, 50) * 1000, "p95": percentile(latencies, 95) * 1000,
            "app_cpu": app_cpu * 1000 / served if served else float("nan"),
            "db_cpu": database_cpu * 1000 / served if served else float("nan"), "writes": written[0],
            "participation": {"requests": len(posts), "errors": post_errors[0], "latencies": posts}}


class CpuMeter:
    """CPU time used by gunicorn's workers and by the PostgreSQL backends serving them (Linux /proc).

    Unlike latency, it hardly moves when other work shares the machine: it says what a page costs."""

    def __init__(self, server_pid, database_url, database):
        self.server_pid, self.database = server_pid, database
        self.connection = psycopg.connect(database_url, autocommit=True)

    def snapshot(self):
        workers = [pid for pid in _pids() if _parent_pid(pid) == self.server_pid]
        backends = [pid for (pid,) in self.connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [self.database])]
        return ({pid: _cpu_seconds(pid) for pid in workers}, {pid: _cpu_seconds(pid) for pid in backends})

    def spent_since(self, before):
        after = self.snapshot()
        return tuple(sum(seconds - earlier.get(pid, 0.0) for pid, seconds in later.items())
                     for earlier, later in zip(before, after, strict=True))

    def close(self):
        self.connection.close()


def _pids():
    return [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]


def _stat_fields(pid):
    try:  # the command name, in parentheses, may hold spaces: split after it
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _parent_pid(pid):
    fields = _stat_fields(pid)
    return int(fields[1]) if fields else None


def _cpu_seconds(pid):
    fields = _stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if fields else 0.0


def percentile(sorted_values, rank):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, max(0, round(rank / 100 * len(sorted_values)) - 1))]


def sign_in_everyone(port, clients, password):
    """Each client a different seeded citizen, signed in once for the whole run (allauth allows 30
    sign-ins a minute from one address); the moderator and the evaluator once each, their clients
    being tabs of that one session."""
    from civica.participation.management.commands.seedscale import EVALUATOR_EMAIL, MODERATOR_EMAIL

    citizens = [Browser(port).sign_in(f"cetatean{number:06d}@seed.civica.test", password)
                for number in range(1, clients + 1)]
    staff = {"moderator": Browser(port).sign_in(MODERATOR_EMAIL, password),
             "evaluator": Browser(port).sign_in(EVALUATOR_EMAIL, password)}
    return citizens, staff


def main():
    arguments = parse_arguments()
    Browser.accept_encoding = "gzip" if arguments.accept_gzip else None
    database_url = f"{arguments.postgres}/{arguments.database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    os.environ["CIVICA_BENCH_DATABASE_URL"] = database_url
    # The writer below writes as the app does, into the same Redis: the page cache learns of it.
    os.environ["REDIS_URL"] = arguments.redis
    os.environ["CIVICA_PAGE_CACHE_SECONDS"] = "60" if arguments.page_cache == "on" else "0"
    try:
        created = ensure_database(arguments.postgres, arguments.database)
    except psycopg.OperationalError as error:
        raise SystemExit(f"load_participation: PostgreSQL is not reachable at {arguments.postgres}: {error}") from None
    print(f"Database {arguments.database}: {'created' if created else 'reused'}")

    import django

    django.setup()
    from django.utils import timezone

    seed_seconds, process_slug, idea = prepare_data(arguments.scale)
    idea_paths = participation_paths(idea)
    vacuum_analyze(arguments.postgres, arguments.database)
    pages = [page for page in page_list(process_slug, idea) if page[0] == "baseline" or page[0] in arguments.pages]
    log_path = BASE_DIR / "var" / "bench" / "gunicorn.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    empty_redis(arguments.redis)
    server = start_gunicorn(arguments, database_url, log_path)
    meter = CpuMeter(server.pid, database_url, arguments.database)
    load_before = os.getloadavg()[0]
    since = timezone.now()
    results, participated = {}, {"requests": 0, "errors": 0, "latencies": [], "seconds": 0.0}
    browsers, writer, writes, loaded_seconds = [], None, 0, 0.0
    try:
        if arguments.writes_per_second > 0:
            writer = BackgroundWriter(idea.pk, arguments.writes_per_second)
        citizens, staff = sign_in_everyone(arguments.port, arguments.clients, BENCH_PASSWORD)
        browsers = [*citizens, *staff.values()]
        participations = [Participation(idea_paths, arguments.participate_every, seed=number)
                          for number in range(len(citizens))]
        for key, label, path in pages:
            for audience in ["visitors"] if key == "baseline" else arguments.audience:
                if audience == "visitors" and key in STAFF_PAGES:
                    results[key, audience] = "signed-in only"
                    continue
                if audience == "visitors":
                    tester, clients, acting = Browser(arguments.port), None, None
                elif key in STAFF_PAGES:  # one account's tabs: their posts would meet the per-person limit
                    tester = staff[STAFF_PAGES[key]]
                    clients, acting = [tester.copy() for _ in range(arguments.clients)], None
                else:
                    tester, clients, acting = citizens[0], [citizen.copy() for citizen in citizens], participations
                status = tester.request("GET", path)[0]
                if audience == "visitors":
                    tester.close()
                if status == 404 and key in OPTIONAL_PAGES:
                    results[key, audience] = "not available (404)"
                    continue
                writes_before = writer.written() if writer else 0
                if clients is None:
                    result = load(arguments.port, path, arguments.clients, arguments.warmup, arguments.seconds,
                                  meter)
                else:
                    result = load_as(clients, path, arguments.warmup, arguments.seconds, meter, None, acting)
                    for client in clients:
                        client.close()
                result["writes"] = (writer.written() if writer else 0) - writes_before
                results[key, audience] = result
                loaded_seconds += arguments.warmup + arguments.seconds
                if acting:
                    participated["requests"] += result["participation"]["requests"]
                    participated["errors"] += result["participation"]["errors"]
                    participated["latencies"] += result["participation"]["latencies"]
                    participated["seconds"] += arguments.seconds
                print(f"  {label}, {audience}: {result['rps']:.0f} req/s, {result['errors']} errors, "
                      f"{result['writes']} writes", flush=True)
    finally:
        load_after = os.getloadavg()[0]
        if writer is not None:
            writes = writer.stop()
        for browser in browsers:
            browser.close()
        meter.close()
        stop_gunicorn(server)
        supports, comments = restore_seed(since, [idea.pk, *[int(path.rstrip("/").rsplit("/", 1)[1])
                                                             for path in idea_paths]])
        print(f"Removed what the run wrote: {supports:,} supports, {comments:,} comments")

    workers = f"{arguments.workers} {arguments.worker_class} workers"
    if arguments.worker_class == "gthread":
        workers += f" × {arguments.threads} threads"
    seeded = f" · seeded in {seed_seconds:.0f} s" if seed_seconds is not None else ""
    write_rate = sum(result["writes"] for result in results.values() if isinstance(result, dict)) / (
        loaded_seconds or 1)
    print()
    print(f"{datetime.date.today().isoformat()} · scale {arguments.scale:g} · {os.cpu_count()} cores "
          f"({platform.processor() or platform.machine()}) · PostgreSQL {database_version(database_url)} · "
          f"gunicorn {workers} · page cache {arguments.page_cache} · "
          f"{arguments.writes_per_second:g} writes/s asked, {write_rate:.1f} made while pages were loaded "
          f"({writes:,} in all) · {arguments.clients} clients"
          f"{' taking gzip' if arguments.accept_gzip else ''} · "
          f"signed-in clients participate every {arguments.participate_every:g} s · "
          f"{arguments.seconds:g} s per page · "
          f"load average {load_before:.1f} before, {load_after:.1f} after{seeded}")
    print()
    print_mix_table(pages, arguments.audience, results, participated)


def database_version(database_url):
    with psycopg.connect(database_url) as connection:
        return connection.execute("SHOW server_version").fetchone()[0]


def print_table(pages, results):
    base_rps = results["baseline"]["rps"]
    print("| page | path | requests | errors | req/s | p50 ms | p95 ms | × baseline | targets hold "
          "| app CPU ms/req | db CPU ms/req |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for key, label, path in pages:
        result = results[key]
        if result is None:
            print(f"| {label} | `{path}` | – | – | – | – | – | – | not available (404) | – | – |")
            continue
        ratio = result["rps"] / base_rps if base_rps else float("nan")
        holds = ratio >= MIN_RATIO and result["p95"] <= MAX_P95_MS and not result["errors"]
        print(f"| {label} | `{path}` | {result['requests']:,} | {result['errors']:,} | {result['rps']:,.0f} | "
              f"{result['p50']:.1f} | {result['p95']:.1f} | {ratio:.2f} | {'yes' if holds else 'no'} | "
              f"{result['app_cpu']:.1f} | {result['db_cpu']:.1f} |")


def print_mix_table(pages, audiences, results, participated):
    """One row per page and audience, the baseline first, the signed-in clients' posts last."""
    base_rps = results["baseline", "visitors"]["rps"]
    print("| page | audience | path | requests | errors | req/s | p50 ms | p95 ms | × baseline | targets hold "
          "| app CPU ms/req | db CPU ms/req |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for key, label, path in pages:
        for audience in ["visitors"] if key == "baseline" else audiences:
            result = results.get((key, audience))
            if result is None:
                continue
            if isinstance(result, str):
                print(f"| {label} | {audience} | `{path}` | – | – | – | – | – | – | {result} | – | – |")
                continue
            ratio = result["rps"] / base_rps if base_rps else float("nan")
            holds = ratio >= MIN_RATIO and result["p95"] <= MAX_P95_MS and not result["errors"]
            print(f"| {label} | {audience} | `{path}` | {result['requests']:,} | {result['errors']:,} | "
                  f"{result['rps']:,.0f} | {result['p50']:.1f} | {result['p95']:.1f} | {ratio:.2f} | "
                  f"{'yes' if holds else 'no'} | {result['app_cpu']:.1f} | {result['db_cpu']:.1f} |")
    if participated["requests"] or participated["errors"]:
        latencies = sorted(participated["latencies"])
        rate = participated["requests"] / participated["seconds"] if participated["seconds"] else float("nan")
        print(f"| participation: a support, a withdrawal or a comment, and the page after it | signed-in | (forms) | "
              f"{participated['requests']:,} | {participated['errors']:,} | {rate:,.1f} | "
              f"{percentile(latencies, 50) * 1000:.1f} | {percentile(latencies, 95) * 1000:.1f} | – | – | – | – |")


if __name__ == "__main__":
    main()
