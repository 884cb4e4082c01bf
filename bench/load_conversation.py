"""The speed of a conversation's vote (issue 21) on PostgreSQL while the opinion map is recomputed.

One run: create (or reuse) the PostgreSQL database ``civica_bench_conversation``, migrate it, seed a
consultation with one conversation of 2,000 participants (pseudonyms without accounts, as imported from
Pol.is) × 200 statements, each participant having voted on about half of them in three camps (skipped
when the seed is there); serve it with gunicorn under ``config.settings.bench``, with Redis as the cache
and Celery's broker and **one Celery worker** (``celery -A config worker -c 1``) running the map's
recomputations, queued by the votes themselves (``tasks.map_requested``, debounced to ``--debounce``
seconds instead of 30 so that several run during the measurement); then 16 signed-in people vote, each on
one statement after another, through the real form (its CSRF token, the ``HX-Request`` header; the answer
is the next statement's voting box, as htmx swaps it). When a person has voted on every statement they
change earlier votes. The write rate limits (300 a minute per address, 60 per person) are lifted for the
run: the 16 clients share one address. They vote twice over: first **without pause** (a stress: what the
server serves at most, and the latency when 16 votes are always waiting), then (``--paced-seconds``) at
**the pace real people voted**: before each vote a client waits a time drawn from the gaps between one
person's consecutive votes in the Pol.is conversations the project keeps
(``civica/insights/tests/data/polis/*/votes.csv``; gaps over 10 minutes, a new sitting, left out; median
about 6 s). Prints req/s, p50 and p95 of the vote request for both, beside ``/bench/baseline/``, and how
many recomputations ran and how long one took. The run's own votes are removed at its end. Asserts
nothing (tests never time things).

    .venv/bin/python bench/load_conversation.py
    .venv/bin/python bench/load_conversation.py --participants 500 --statements 60 --seconds 10

Reuses ``bench/load_participation.py``'s gunicorn, signed-in client and CPU meter.
"""

import argparse
import csv
import datetime
import http.client
import itertools
import os
import platform
import random
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import psycopg

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "bench"))

from load_participation import (  # noqa: E402
    Browser,
    CpuMeter,
    database_version,
    empty_redis,
    ensure_database,
    load,
    percentile,
    start_gunicorn,
    stop_gunicorn,
    vacuum_analyze,
)

TARGET_P95_MS = 50.0
POLIS_DATA = BASE_DIR / "civica" / "insights" / "tests" / "data" / "polis"
SITTING_GAP_SECONDS = 600  # a longer gap between two votes of one person is another visit, not reading time
PROCESS_SLUG = "bench-conversatie"
PASSWORD = "civica-bench-conversation-2026"  # the benchmark's own accounts, in its own database only
STATEMENT_FIELD = re.compile(rb'name="statement" value="(\d+)"')


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432",
                        help="PostgreSQL server, without the database name")
    parser.add_argument("--database", default="civica_bench_conversation", help="database to create or reuse")
    parser.add_argument("--participants", type=int, default=2000, help="seeded participants (default 2,000)")
    parser.add_argument("--statements", type=int, default=200, help="seeded statements (default 200)")
    parser.add_argument("--seconds", type=float, default=30.0, help="measured seconds (default 30)")
    parser.add_argument("--warmup", type=float, default=3.0, help="unmeasured seconds first")
    parser.add_argument("--clients", type=int, default=16, help="signed-in people voting at once (default 16)")
    cores = os.cpu_count() or 1
    parser.add_argument("--workers", type=int, default=cores + 1, help="gunicorn workers (default cores + 1)")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker (default 2)")
    parser.add_argument("--worker-class", default="gthread", choices=["gthread", "sync"])
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/11",
                        help="Redis for the cache, the sessions and Celery's broker (emptied first; default db 11)")
    parser.add_argument("--debounce", type=int, default=5,
                        help="seconds between two recomputations of the map (production: 30)")
    parser.add_argument("--page-cache", choices=["on", "off"], default="on")
    parser.add_argument("--paced-seconds", type=float, default=60.0,
                        help="measured seconds of votes at the recorded pace, after those without pause (0: none)")
    return parser.parse_args()


def seed(participants, statements, clients):
    """The consultation, its conversation and its votes (once), and the voters' accounts; returns the
    conversation and the voters' e-mail addresses. Every seeded text is fictional."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from civica.participation.conversations.models import Conversation, Participant, Statement, Vote
    from civica.participation.models import Phase, Process

    started = time.perf_counter()
    now = timezone.now()
    process = Process.objects.filter(slug=PROCESS_SLUG).first()
    conversation = Conversation.objects.filter(process=process).first() if process else None
    if conversation is None or conversation.statements.count() != statements or \
            conversation.participants.filter(user__isnull=True).count() != participants:
        Process.objects.filter(slug=PROCESS_SLUG).delete()
        with transaction.atomic():
            process = Process.objects.create(
                slug=PROCESS_SLUG, title_ro="Consultare de test (fictivă)", title_en="Bench consultation (fictional)",
                summary_ro="Date inventate pentru măsurători.", summary_en="Invented data for measurements.",
                starts_on=timezone.localdate() - datetime.timedelta(days=10),
                ends_on=timezone.localdate() + datetime.timedelta(days=365), is_published=True)
            phase = Phase.objects.create(process=process, kind="conversation", position=0,
                                         starts_at=now - datetime.timedelta(days=10),
                                         ends_at=now + datetime.timedelta(days=365))
            conversation = Conversation.objects.create(process=process, phase=phase,
                                                       title="Conversație de test (fictivă)")
            seeded = Statement.objects.bulk_create([
                Statement(conversation=conversation, text=f"Afirmația fictivă {number}", is_seed=True)
                for number in range(1, statements + 1)])
            people = Participant.objects.bulk_create([
                Participant(conversation=conversation, number=number) for number in range(1, participants + 1)])
        rng = random.Random(21)
        # Three camps: each statement has a camp that agrees, one that disagrees and one that passes more.
        leaning = [(rng.randrange(3), rng.randrange(3)) for _ in seeded]
        batch = []
        for person in people:
            camp = person.number % 3
            for (agrees, disagrees), statement in zip(leaning, seeded, strict=True):
                if rng.random() >= 0.5:
                    continue
                roll = rng.random()
                choice = (1 if roll < 0.8 else -1) if camp == agrees else (-1 if roll < 0.8 else 1) \
                    if camp == disagrees else (0 if roll < 0.4 else rng.choice((1, -1)))
                batch.append(Vote(participant=person, statement=statement, choice=choice, voted_at=now))
            if len(batch) >= 20_000:
                Vote.objects.bulk_create(batch)
                batch = []
        Vote.objects.bulk_create(batch)
        print(f"Seeded {participants:,} participants × {statements:,} statements, "
              f"{Vote.objects.filter(statement__conversation=conversation).count():,} votes "
              f"in {time.perf_counter() - started:.0f} s", flush=True)
    emails = [f"votant{number:03d}@bench.civica.test" for number in range(1, clients + 1)]
    User = get_user_model()
    password = make_password(PASSWORD)
    for email in emails:
        user, _created = User.objects.get_or_create(email=email, defaults={"display_name": email.split("@")[0]})
        User.objects.filter(pk=user.pk).update(password=password, is_active=True)
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    from civica.participation.conversations.opinion import compute_map

    computed = time.perf_counter()
    compute_map(conversation.pk)
    print(f"The map of the seed computed in {time.perf_counter() - computed:.2f} s (in this process)", flush=True)
    return conversation, emails


def remove_run_votes(conversation, emails):
    """The run's voters and votes out, and no recomputation left pending: a run's queued task dies with
    the broker's emptied database, and its ``map_due_at`` would hold the next run's back until then."""
    from civica.participation.conversations.models import Conversation, Participant

    removed, _ = Participant.objects.filter(conversation=conversation, user__email__in=emails).delete()
    Conversation.objects.filter(pk=conversation.pk).update(map_due_at=None)
    return removed


def start_worker(arguments, database_url, log_path):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench",
                   "CIVICA_BENCH_DATABASE_URL": database_url, "REDIS_URL": arguments.redis,
                   "CIVICA_BENCH_MAP_DEBOUNCE": str(arguments.debounce)}
    log = open(log_path, "w")  # closed by stop_worker
    worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "config", "worker", "-c", "1",
                               "--loglevel", "info", "--without-gossip", "--without-mingle", "--without-heartbeat"],
                              cwd=BASE_DIR, env=environment, stdout=log, stderr=subprocess.STDOUT)
    worker.log = log
    return worker


def stop_worker(worker):
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    worker.log.close()


class Voter:
    """One signed-in person voting on one statement after another with htmx's request."""

    def __init__(self, browser, path, statement_ids, seed):
        self.browser, self.path, self.statement_ids = browser, path, statement_ids
        self.rng = random.Random(seed)
        self.next_statement = None

    def start(self):
        status, _location, page = self.browser.request("GET", self.path)
        found = STATEMENT_FIELD.search(page or b"")
        self.next_statement = int(found.group(1)) if status == 200 and found else None

    def vote(self):
        """One vote; (accepted, seconds)."""
        statement = self.next_statement or self.rng.choice(self.statement_ids)  # all voted: change one
        form = {"csrfmiddlewaretoken": self.browser.cookies.get("csrftoken", ""), "statement": statement,
                "choice": self.rng.choice((1, -1, 0))}
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.browser.cookies.items()),
                   "Content-Type": "application/x-www-form-urlencoded", "HX-Request": "true",
                   "Referer": f"http://127.0.0.1:{self.browser.port}{self.path}"}
        began = time.perf_counter()
        # Once more on a new connection when the kept one was closed meanwhile (gunicorn closes one idle for
        # its keep-alive seconds, which a person reading may exceed), as a browser does; the time counts both.
        for attempt in (1, 2):
            try:
                self.browser.connection.request("POST", self.path + "vote/", body=urlencode(form), headers=headers)
                response = self.browser.connection.getresponse()
                page = response.read()
                break
            except (OSError, http.client.HTTPException):
                self.browser.connection.close()
                if attempt == 2:
                    return False, time.perf_counter() - began
        spent = time.perf_counter() - began
        found = STATEMENT_FIELD.search(page)
        self.next_statement = int(found.group(1)) if found else None
        return response.status == 200 and b'id="voting"' in page, spent


def recorded_gaps():
    """Seconds between one person's consecutive votes in the kept Pol.is conversations, within one sitting."""
    gaps = []
    for votes in sorted(POLIS_DATA.glob("*/votes.csv")):
        by_voter = {}
        with votes.open(newline="") as rows:
            for row in csv.DictReader(rows):
                by_voter.setdefault(row["voter-id"], []).append(int(row["timestamp"]) / 1000)
        for times in by_voter.values():
            times.sort()
            gaps.extend(later - earlier for earlier, later in itertools.pairwise(times)
                        if later - earlier < SITTING_GAP_SECONDS)
    return gaps


def vote_load(voters, warmup, seconds, meter, gaps=None):
    """Every voter votes until the time is up, at once again after each answer, or (``gaps``) after waiting a
    time drawn from ``gaps`` (not counted in the latency)."""
    latencies, errors, lock = [], [0], threading.Lock()
    start_measuring = time.perf_counter() + warmup
    stop = start_measuring + seconds

    def run(voter):
        mine, failed = [], 0
        while (began := time.perf_counter()) < stop:
            if gaps:
                time.sleep(voter.rng.choice(gaps))
                if (began := time.perf_counter()) >= stop:
                    break
            accepted, spent = voter.vote()
            if began >= start_measuring:
                mine.append(spent)
                failed += not accepted
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=run, args=(voter,)) for voter in voters]
    for thread in threads:
        thread.start()
    time.sleep(max(0.0, start_measuring - time.perf_counter()))
    cpu_before = meter.snapshot()
    time.sleep(max(0.0, stop - time.perf_counter()))
    app_cpu, database_cpu = meter.spent_since(cpu_before)
    for thread in threads:
        thread.join()
    latencies.sort()
    requests = len(latencies)
    return {"requests": requests, "errors": errors[0], "rps": requests / seconds,
            "p50": percentile(latencies, 50) * 1000, "p95": percentile(latencies, 95) * 1000,
            "app_cpu": app_cpu * 1000 / requests if requests else float("nan"),
            "db_cpu": database_cpu * 1000 / requests if requests else float("nan")}


def recomputations(log_path):
    """The recomputation tasks the worker ran, with their times (Celery's "succeeded in" lines)."""
    times = [float(found) for found in re.findall(r"recompute_map\[[^\]]+\] succeeded in ([0-9.]+)s",
                                                  log_path.read_text(errors="replace"))]
    return times


def main():
    arguments = parse_arguments()
    database_url = f"{arguments.postgres}/{arguments.database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    os.environ["CIVICA_BENCH_DATABASE_URL"] = database_url
    os.environ["REDIS_URL"] = arguments.redis
    os.environ["CIVICA_BENCH_MAP_DEBOUNCE"] = str(arguments.debounce)
    # 16 clients from one address voting without pause: the write rate limits lifted (bench settings).
    os.environ["CIVICA_BENCH_WRITE_LIMITS"] = "off"
    os.environ["CIVICA_PAGE_CACHE_SECONDS"] = "60" if arguments.page_cache == "on" else "0"
    try:
        created = ensure_database(arguments.postgres, arguments.database)
    except psycopg.OperationalError as error:
        raise SystemExit(f"load_conversation: PostgreSQL is not reachable at {arguments.postgres}: {error}") from None
    print(f"Database {arguments.database}: {'created' if created else 'reused'}", flush=True)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if not (BASE_DIR / "var" / "bench" / "staticfiles" / "staticfiles.json").exists():
        call_command("collectstatic", "--noinput", verbosity=0)
    conversation, emails = seed(arguments.participants, arguments.statements, arguments.clients)
    remove_run_votes(conversation, emails)  # an interrupted run's
    vacuum_analyze(arguments.postgres, arguments.database)
    from django.db import connections

    connections.close_all()
    statement_ids = list(conversation.statements.values_list("pk", flat=True))
    path = f"/ro/processes/{PROCESS_SLUG}/conversations/{conversation.pk}/"
    log_dir = BASE_DIR / "var" / "bench"
    log_dir.mkdir(parents=True, exist_ok=True)
    server_log, worker_log = log_dir / "gunicorn-conversation.log", log_dir / "celery-conversation.log"
    empty_redis(arguments.redis)
    server = start_gunicorn(arguments, database_url, server_log)
    worker = start_worker(arguments, database_url, worker_log)
    meter = CpuMeter(server.pid, database_url, arguments.database)
    load_before = os.getloadavg()[0]
    browsers = []
    try:
        browsers = [Browser(arguments.port).sign_in(email, PASSWORD) for email in emails]
        baseline = load(arguments.port, "/bench/baseline/", arguments.clients, arguments.warmup, arguments.seconds,
                        meter)
        print(f"  baseline: {baseline['rps']:.0f} req/s", flush=True)
        voters = [Voter(browser, path, statement_ids, seed=number) for number, browser in enumerate(browsers)]
        for voter in voters:
            voter.start()
        result = vote_load(voters, arguments.warmup, arguments.seconds, meter)
        print(f"  vote, without pause: {result['rps']:.0f} req/s, {result['errors']} errors", flush=True)
        paced, gaps, ran_before_paced = None, recorded_gaps(), len(recomputations(worker_log))
        if arguments.paced_seconds > 0:
            paced = vote_load(voters, arguments.warmup, arguments.paced_seconds, meter, gaps=gaps)
            print(f"  vote, at the recorded pace: {paced['rps']:.1f} req/s, {paced['errors']} errors", flush=True)
        time.sleep(1)
    finally:
        load_after = os.getloadavg()[0]
        for browser in browsers:
            browser.close()
        meter.close()
        stop_gunicorn(server)
        stop_worker(worker)
        removed = remove_run_votes(conversation, emails)
        print(f"Removed what the run wrote: {removed:,} rows (the voters' participants and votes)")
    ran = recomputations(worker_log)
    print()
    workers = f"{arguments.workers} {arguments.worker_class} workers"
    if arguments.worker_class == "gthread":
        workers += f" × {arguments.threads} threads"
    print(f"{datetime.date.today().isoformat()} · {arguments.participants:,} participants × "
          f"{arguments.statements:,} statements · {os.cpu_count()} cores "
          f"({platform.processor() or platform.machine()}) · PostgreSQL {database_version(database_url)} · "
          f"gunicorn {workers} · 1 Celery worker recomputing (debounce {arguments.debounce} s) · "
          f"{arguments.clients} signed-in clients voting · {arguments.seconds:g} s · "
          f"load average {load_before:.1f} before, {load_after:.1f} after")
    print()
    print(f"| request | requests | errors | req/s | p50 ms | p95 ms | p95 ≤ {TARGET_P95_MS:.0f} ms "
          "| app CPU ms/req | db CPU ms/req |")
    print("|---|---:|---:|---:|---:|---:|---|---:|---:|")
    for label, measured in (("baseline (`/bench/baseline/`)", baseline),
                            (f"vote without pause (htmx POST to `{path}vote/`, the next statement back)", result),
                            ("the same vote at the recorded pace", paced)):
        if measured is not None:
            print(f"| {label} | {measured['requests']:,} | {measured['errors']:,} | {measured['rps']:,.1f} | "
                  f"{measured['p50']:.1f} | {measured['p95']:.1f} | "
                  f"{'yes' if measured['p95'] <= TARGET_P95_MS and not measured['errors'] else 'no'} | "
                  f"{measured['app_cpu']:.1f} | {measured['db_cpu']:.1f} |")
    print()
    gaps.sort()
    print(f"Recorded pace: {len(gaps):,} gaps between one person's votes in {POLIS_DATA.relative_to(BASE_DIR)}, "
          f"median {percentile(gaps, 50):.1f} s, tenth percentile {percentile(gaps, 10):.1f} s")
    if ran:
        print(f"Recomputations run by the worker meanwhile: {len(ran)}, {min(ran):.2f}–{max(ran):.2f} s each "
              f"(median {sorted(ran)[len(ran) // 2]:.2f} s); {len(ran) - ran_before_paced} of them while the votes "
              f"came at the recorded pace")
    else:
        print("Recomputations run by the worker meanwhile: none (see the worker's log)")
    for name, measured in (("without pause", result), ("at the recorded pace", paced)):
        if measured is not None:
            print(f"Vote p95 {name}: {measured['p95']:.1f} ms: target ≤ {TARGET_P95_MS:.0f} ms "
                  f"{'met' if measured['p95'] <= TARGET_P95_MS else 'missed'}")


if __name__ == "__main__":
    main()
