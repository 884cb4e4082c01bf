"""Two app servers behind a load balancer, proven: one person's journey alternates between them, then the load mix.

The deployment (README) says any number of stateless app servers share PostgreSQL and Redis. This
shows it on one machine: two gunicorn servers (``config.settings.bench``, each naming itself in an
``X-Served-By`` header), HAProxy in front of them with round-robin, a Celery worker, all on one
PostgreSQL database and one Redis database. One cookie-keeping client then walks a participant's
journey through HAProxy, each request answered by the other server than the one before: sign in
(the CSRF token issued by one server, accepted by the other), support an idea, a visitor's kept page
made stale by a comment written through the other server, a refused comment whose text comes back on
the next page, the e-mail the comment queued sent by the worker, the per-person write limit reached
with writes spread over both servers. Each step prints OK or FAILED and the servers that answered.
Then the visitors' load mix of ``load_participation.py`` runs against HAProxy and prints its table.

    apt-get install -y haproxy                    # Debian; the script says so and stops without it
    .venv/bin/python bench/two_servers.py         # scale 0.02: seeding takes about a minute the first time

A benchmark, not a test: it prints figures and exits 1 when a step of the journey failed.
"""

import argparse
import datetime
import html
import http.client
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import requests

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR / "bench"))

from load_participation import (  # noqa: E402  (bench/ is not a package)
    CpuMeter,
    _cpu_seconds,
    _parent_pid,
    _pids,
    database_version,
    empty_redis,
    ensure_database,
    get,
    load,
    print_table,
    start_gunicorn,
    stop_gunicorn,
    vacuum_analyze,
    write_steadily,
)

SERVED_BY = "X-Served-By"
SERVERS = ("app1", "app2")
PAGE_KEYS = ("home", "processes", "ideas", "idea", "search")
HAPROXY_MISSING = """two_servers: HAProxy is not installed, and the benchmark puts it in front of the two app servers.
Install it from Debian (as root):

    apt-get install -y haproxy

(only the program is used: the script writes its own configuration to var/bench/ and starts it itself)."""


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=0.02, help="fraction of city scale to seed (default 0.02)")
    parser.add_argument("--password", default="bench-pair-password",
                        help="password of every seeded account (the journey signs in with it)")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432",
                        help="PostgreSQL server, without the database name")
    parser.add_argument("--database", default="civica_bench_pair", help="database to create or reuse")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/8",
                        help="the Redis database both servers and the worker share: cache, sessions, rate limits, "
                             "page-cache generations and the task queue (emptied first; default db 8, since "
                             "load_participation.py empties db 7)")
    parser.add_argument("--port", type=int, default=8770, help="HAProxy's port; the servers take the next two")
    cores = os.cpu_count() or 1
    parser.add_argument("--workers", type=int, default=(cores + 2) // 2,
                        help="gunicorn workers per server (default: half of cores + 1, rounded up: together at "
                             "least what the one server of load_participation.py has)")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker (default 2)")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds per page (default 10)")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds per page first")
    parser.add_argument("--clients", type=int, default=16, help="concurrent keep-alive clients (default 16)")
    parser.add_argument("--writes-per-second", type=float, default=10.0,
                        help="a writer updates an idea this often while each page is loaded (default 10/s)")
    parser.add_argument("--trusted-proxies", type=int, default=1,
                        help="CIVICA_TRUSTED_PROXY_COUNT of the servers (default 1: HAProxy; 0 shows what goes wrong)")
    parser.add_argument("--pages", type=lambda text: set(text.split(",")), default=set(PAGE_KEYS),
                        help=f"comma-separated subset of {','.join(PAGE_KEYS)}; empty: the journey only")
    return parser.parse_args()


# --- the data -----------------------------------------------------------------------------------------


def prepare_data(scale, password):
    """Migrate; seed with a password people can sign in with, unless this seed is there already (the
    supports and comments earlier journeys added aside)."""
    from django.core.management import call_command
    from django.db import connection

    from civica.participation.management.commands.seedscale import planned_sizes, seeded_counts, seeded_users

    call_command("migrate", interactive=False, verbosity=0)
    sizes, counts = planned_sizes(scale), seeded_counts()
    someone = seeded_users().order_by("pk").first()
    same = all(counts[name] == sizes[name] for name in ("users", "processes", "ideas"))
    if same and someone is not None and someone.check_password(password):
        print(f"Database already holds the seed at scale {scale:g} with that password: {counts}; not seeding.")
    else:
        started = time.perf_counter()
        call_command("seedscale", scale=scale, force=any(counts.values()), password=password, verbosity=0)
        print(f"Seeded at scale {scale:g} in {time.perf_counter() - started:.0f} s")
    call_command("collectstatic", interactive=False, verbosity=0)
    connection.close()


def journey_cast():
    """An idea open to support and comments, a person who may do both, and a follower of the idea who
    chose e-mails as they happen (seeded accounts choose none): the comment's e-mail goes to them."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from civica.accounts.models import EmailFrequency
    from civica.notifications.models import Follow
    from civica.participation.management.commands.seedscale import seeded_processes, seeded_users
    from civica.participation.models import Idea

    people = list(seeded_users().order_by("pk")[:40])
    ideas = Idea.objects.filter(process__in=seeded_processes(), is_hidden=False).select_related("process")
    for idea in ideas.order_by("comment_count", "pk")[:200]:
        person = next((someone for someone in people if someone.pk != idea.author_id
                       and someone.has_perm("participation.support_idea", idea)
                       and someone.has_perm("comments.post", idea)
                       and not idea.supports.filter(user=someone).exists()), None)
        if person is not None:
            break
    else:
        raise SystemExit("two_servers: no seeded idea is open to support and comments now; reseed "
                         "(manage.py seedscale --force)")
    follower = next(someone for someone in people if someone.pk not in (person.pk, idea.author_id))
    follower.email_frequency = EmailFrequency.IMMEDIATELY
    follower.save(update_fields=["email_frequency"])
    Follow.objects.get_or_create(user=follower, target_type=ContentType.objects.get_for_model(idea),
                                 target_id=idea.pk)
    connection.close()
    return person, idea, follower


# --- the servers --------------------------------------------------------------------------------------


def start_pair(arguments, database_url, log_dir, servers):
    """Start both servers into ``servers`` (the caller's list, so it stops the first if the second fails)."""
    for offset, name in enumerate(SERVERS, start=1):
        os.environ["CIVICA_BENCH_SERVER"] = name  # start_gunicorn passes the environment on
        options = argparse.Namespace(port=arguments.port + offset, workers=arguments.workers,
                                     threads=arguments.threads, worker_class="gthread", redis=arguments.redis,
                                     page_cache="on")
        servers.append(start_gunicorn(options, database_url, log_dir / f"gunicorn-{name}.log"))
    os.environ.pop("CIVICA_BENCH_SERVER")


def start_worker(log_path):
    """``celery -A config worker`` on the same broker and database (see ``make worker``)."""
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--concurrency=1",
               "--without-gossip", "--without-mingle", "--loglevel=INFO"]
    log = open(log_path, "w")  # closed by stop_process
    worker = subprocess.Popen(command, cwd=BASE_DIR, env=dict(os.environ), stdout=log, stderr=subprocess.STDOUT)
    worker.log = log
    deadline = time.monotonic() + 90
    while "ready." not in log_path.read_text():
        if worker.poll() is not None or time.monotonic() > deadline:
            stop_process(worker)
            raise SystemExit(f"two_servers: the Celery worker did not start; see {log_path}")
        time.sleep(0.5)
    return worker


def write_haproxy_config(path, port, log_dir):
    backends = "\n".join(f"    server {name} 127.0.0.1:{port + offset} check inter 2s"
                         for offset, name in enumerate(SERVERS, start=1))
    path.write_text(f"""# Written by bench/two_servers.py: round-robin over the two app servers, request by request.
global
    maxconn 4096
    pidfile {log_dir / "haproxy.pid"}

defaults
    mode http
    option forwardfor
    timeout connect 5s
    timeout client 60s
    timeout server 60s

frontend civica
    bind 127.0.0.1:{port}
    default_backend app_servers

backend app_servers
    balance roundrobin
    option httpchk GET /healthz
{backends}
""")


def start_haproxy(haproxy, config_path, log_path, port):
    log = open(log_path, "w")  # closed by stop_process
    process = subprocess.Popen([haproxy, "-db", "-f", str(config_path)], stdout=log, stderr=subprocess.STDOUT)
    process.log = log
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"two_servers: HAProxy exited with {process.returncode}; see {log_path}")
        try:
            if get("127.0.0.1", port, "/healthz")[0] == 200:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    stop_process(process)
    raise SystemExit(f"two_servers: HAProxy did not answer within 30 s; see {log_path}")


def stop_process(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    process.log.close()


class PairMeter(CpuMeter):
    """``CpuMeter`` over the workers of both gunicorn servers (and the PostgreSQL backends serving them)."""

    def __init__(self, server_pids, database_url, database):
        super().__init__(server_pids[0], database_url, database)
        self.server_pids = set(server_pids)

    def snapshot(self):
        workers = [pid for pid in _pids() if _parent_pid(pid) in self.server_pids]
        backends = [pid for (pid,) in self.connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [self.database])]
        return ({pid: _cpu_seconds(pid) for pid in workers}, {pid: _cpu_seconds(pid) for pid in backends})


# --- the journey --------------------------------------------------------------------------------------


class Browser:
    """One person's browser: keeps cookies, follows no redirect by itself (each hop is a request of its
    own, balanced like any other), and notes which server answered each request."""

    def __init__(self, base_url, served):
        self.base_url, self.session, self.served = base_url, requests.Session(), served
        self.writes = 0  # what WriteRateLimitMiddleware counts: POSTs outside the account pages

    def request(self, method, path, data=None, headers=None):
        # A connection of its own per request: nothing but HAProxy's round-robin picks the server.
        response = self.session.request(method, self.base_url + path, data=data, allow_redirects=False,
                                        headers={"Connection": "close", **(headers or {})}, timeout=60)
        self.served.append(response.headers.get(SERVED_BY, "?"))
        self.writes += method == "POST" and "/accounts/" not in path
        return response

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data, form_page=None):
        """POST with the CSRF token of ``form_page`` (fetched first, so from the other server)."""
        token = csrf_token(self.get(form_page or path).text)
        return self.request("POST", path, data={"csrfmiddlewaretoken": token, **data},
                            headers={"Referer": self.base_url + (form_page or path)})

    def get_from(self, server, path):
        """GET ``path`` until ``server`` answers it (at most one request more, under round-robin)."""
        for _attempt in range(len(SERVERS)):
            response = self.get(path)
            if response.headers.get(SERVED_BY) == server:
                return response
        return response


def csrf_token(page):
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    return found.group(1) if found else ""


def by(response):
    return response.headers.get(SERVED_BY, "?")


def other(server):
    return SERVERS[1 - SERVERS.index(server)] if server in SERVERS else SERVERS[0]


def translated(text, language="ro"):
    from django.utils import translation

    with translation.override(language):
        return html.escape(translation.gettext(text))


class Journey:
    def __init__(self, base_url, person, idea, follower, password):
        self.person, self.idea, self.follower, self.password = person, idea, follower, password
        self.served = []  # the server that answered each request of the journey, in order
        self.browser, self.visitor = Browser(base_url, self.served), Browser(base_url, self.served)
        self.idea_path = f"/ro/processes/{idea.process.slug}/ideas/{idea.pk}/"
        self.results = []
        self.marker = f"două-servere-{uuid.uuid4().hex[:10]}"

    def step(self, name, ok, detail):
        self.results.append(ok)
        print(f"  {'OK    ' if ok else 'FAILED'}  {name}: {detail}", flush=True)

    def run(self):
        # The rate limit right after the other writes, so all of them fall in its minute; the queue's
        # e-mail, written at the comment, is looked for last.
        steps = [self.client_addresses, self.sign_in, self.csrf_refused, self.support, self.comment_and_page_cache,
                 self.draft_kept, self.rate_limit, self.task_queue]
        for step in steps:
            try:
                step()
            except (requests.RequestException, ValueError) as error:
                self.step(step.__name__, False, f"{type(error).__name__}: {error}")
        served = self.served
        alternated = all(first != second for first, second in zip(served, served[1:], strict=False))
        counts = ", ".join(f"{served.count(name)} by {name}" for name in SERVERS)
        self.step("alternation", alternated and "?" not in served,
                  f"the journey's {len(served)} requests (the person's and the visitor's): {counts}; "
                  + ("each answered by the other server than the one before" if alternated
                     else f"not alternating: {' '.join(served)}"))
        return all(self.results)

    def client_addresses(self):
        """Two people behind the balancer are two addresses to the rate limits, not the balancer's one."""
        seen = []
        for source in ("127.0.0.2", "127.0.0.2", "127.0.0.3", "127.0.0.3"):
            connection = http.client.HTTPConnection("127.0.0.1", int(os.environ["CIVICA_PAIR_PORT"]), timeout=30,
                                                    source_address=(source, 0))
            try:  # a forged address first: HAProxy adds the real one after it, and only that one is trusted
                connection.request("GET", "/bench/client-address/", headers={"X-Forwarded-For": "192.0.2.66"})
                response = connection.getresponse()
                seen.append((source, response.read().decode(), response.getheader(SERVED_BY, "?")))
            finally:
                connection.close()
            self.served.append(seen[-1][2])
        ok = all(source == address for source, address, _server in seen)
        self.step("client addresses", ok, "; ".join(f"from {source} seen as {address} by {server}"
                                                    for source, address, server in seen)
                  + ("" if ok else " (the balancer's address: CIVICA_TRUSTED_PROXY_COUNT=1 says there is one)"))

    def sign_in(self):
        login = "/ro/accounts/login/"
        form = self.browser.get(login)
        answer = self.browser.request("POST", login, data={
            "csrfmiddlewaretoken": csrf_token(form.text), "login": self.person.email, "password": self.password},
            headers={"Referer": self.browser.base_url + login})
        page = self.browser.get(self.idea_path)
        signed_in = 'action="/ro/accounts/logout/"' in page.text
        self.step("sign in", answer.status_code == 302 and signed_in,
                  f"login form from {by(form)}, its CSRF token and password accepted by {by(answer)} "
                  f"({answer.status_code}), signed in on {by(page)} with the session kept in Redis")

    def csrf_refused(self):
        answer = self.browser.request("POST", self.idea_path + "support/", data={},
                                      headers={"Referer": self.browser.base_url + self.idea_path})
        self.step("CSRF", answer.status_code == 403,
                  f"a write without the form's token refused by {by(answer)} ({answer.status_code})")

    def support(self):
        from civica.participation.models import Support

        answer = self.browser.post(self.idea_path + "support/", {}, form_page=self.idea_path)
        page = self.browser.get(self.idea_path)
        kept = Support.objects.filter(idea=self.idea, user=self.person).exists()
        thanked = translated("Thank you for your support.") in page.text
        self.step("support", answer.status_code == 302 and kept and thanked,
                  f"sent to {by(answer)} ({answer.status_code}); the support {'is' if kept else 'is NOT'} in the "
                  f"database, and the message {'is' if thanked else 'is NOT'} shown by {by(page)}")

    def comment_and_page_cache(self):
        from django.core.cache import cache

        from civica.core.page_cache import GENERATION_KEY

        # A visitor (no cookies) reads the idea page twice: rendered once, kept, served again by the other server.
        first = self.visitor.get(self.idea_path)
        kept_before = cached_page(self.idea_path)
        second = self.visitor.get(self.idea_path)
        kept_after = cached_page(self.idea_path)
        replayed = (kept_before is not None and kept_after is not None and kept_before[:2] == kept_after[:2]
                    and by(first) != by(second) and first.text == second.text)
        self.step("page cache", replayed,
                  f"a visitor's idea page rendered by {by(first)}, kept in Redis, then served from it by "
                  f"{by(second)}" + ("" if replayed else " (it was NOT replayed from the cache)"))
        generation = cache.get(GENERATION_KEY)
        body = f"Comentariu {self.marker}: și pe celălalt server."
        answer = self.browser.post(self.idea_path + "comments/", {"body": body, "alignment": ""},
                                   form_page=self.idea_path)
        page = self.browser.get(self.idea_path)
        self.comment_server = by(answer)
        self.step("comment", answer.status_code == 302 and self.marker in page.text,
                  f"sent to {by(answer)} ({answer.status_code}), shown to its author by {by(page)}")
        fresh = self.visitor.get_from(other(self.comment_server), self.idea_path)
        moved = (cache.get(GENERATION_KEY) or 0) > (generation or 0)
        self.step("page-cache generations", self.marker in fresh.text and moved,
                  f"the comment written through {self.comment_server} moved the shared generation on "
                  f"({'yes' if moved else 'NO'}); the visitor's kept page, asked of {by(fresh)}, "
                  + ("shows the comment" if self.marker in fresh.text else "is STALE"))

    def draft_kept(self):
        from civica.comments.models import MAX_COMMENT_BODY

        typed = f"Ciornă {self.marker} " + "foarte lungă " * (MAX_COMMENT_BODY // 12)
        answer = self.browser.post(self.idea_path + "comments/", {"body": typed, "alignment": ""},
                                   form_page=self.idea_path)
        page = self.browser.get(self.idea_path)
        textarea = re.search(r"<textarea[^>]*>([^<]*)</textarea>", page.text)
        kept = textarea is not None and html.unescape(textarea.group(1)).strip() == typed.strip()
        self.step("draft kept", answer.status_code == 302 and kept,
                  f"a comment too long ({len(typed):,} characters) refused by {by(answer)}; the next page, from "
                  f"{by(page)}, " + ("gives back every character typed" if kept else "LOST what was typed"))

    def task_queue(self):
        from civica.notifications.models import Notification
        from civica.queue.models import SentMail

        mail_dir = Path(os.environ["EMAIL_FILE_PATH"])
        deadline = time.monotonic() + 60
        notification = None
        while time.monotonic() < deadline:
            notification = Notification.objects.filter(recipient=self.follower, url__contains=str(self.idea.pk)
                                                       ).order_by("-pk").first()
            if notification is not None and notification.emailed_at is not None:
                break
            time.sleep(0.5)
        sent = notification is not None and notification.emailed_at is not None
        mailed = sent and SentMail.objects.filter(key=f"notifications.notification:{notification.pk}").exists()
        files = [path for path in mail_dir.iterdir() if self.follower.email in path.read_text(errors="replace")]
        self.step("task queue", sent and mailed and bool(files),
                  f"the e-mail to the idea's follower, queued by {getattr(self, 'comment_server', '?')} when the "
                  f"comment was written, " + (f"sent by the worker ({len(files)} message in {mail_dir.name}/)"
                                              if sent and files else "was NOT sent within 60 s"))

    def rate_limit(self):
        from django.conf import settings

        limit = settings.ACCOUNT_RATE_LIMITS["write_by_person"]
        token = csrf_token(self.browser.get(self.idea_path).text)
        earlier = self.browser.writes  # the journey's writes so far (CSRF refused, support, comment, draft)
        accepted, refused = {name: 0 for name in SERVERS}, None
        for attempt in range(200):
            answer = self.browser.request("POST", self.idea_path + "support/",
                                          data={"csrfmiddlewaretoken": token, **({"withdraw": "1"} if attempt % 2
                                                                                 == 0 else {})},
                                          headers={"Referer": self.browser.base_url + self.idea_path})
            if answer.status_code == 429:
                refused = answer
                break
            accepted[by(answer)] = accepted.get(by(answer), 0) + 1
        allowed = int(limit.split("/")[0])
        explained = refused is not None and translated("Too many attempts") in refused.text
        shared = refused is not None and sum(accepted.values()) + earlier == allowed
        self.step("rate limit", refused is not None and explained and shared,
                  f"limit {limit}: {sum(accepted.values())} more writes accepted "
                  f"({', '.join(f'{count} by {name}' for name, count in accepted.items())}) after the journey's "
                  f"{earlier}, " + (f"the next refused by {by(refused)} with 429 and its page"
                                    if refused is not None else "NONE refused")
                  + ("" if explained or refused is None else " (WITHOUT its message)"))


def cached_page(path):
    """(generation, stored at) of the page kept for a visitor at ``path``, or None."""
    from django.core.cache import cache
    from django.test import RequestFactory

    from civica.core.page_cache import _page_key

    kept = cache.get(_page_key(RequestFactory().get(path, HTTP_HOST=f"127.0.0.1:{os.environ['CIVICA_PAIR_PORT']}")))
    return None if kept is None else kept[:2]


# --- the run ------------------------------------------------------------------------------------------


def main():
    arguments = parse_arguments()
    haproxy = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin")
    if not haproxy:
        raise SystemExit(HAPROXY_MISSING)
    database_url = f"{arguments.postgres}/{arguments.database}"
    log_dir = BASE_DIR / "var" / "bench"
    mail_dir = log_dir / "pair-mail"
    shutil.rmtree(mail_dir, ignore_errors=True)
    mail_dir.mkdir(parents=True)
    # Every process started below (both servers, the worker) inherits this environment.
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "config.settings.bench", "CIVICA_BENCH_DATABASE_URL": database_url,
        "REDIS_URL": arguments.redis, "CELERY_BROKER_URL": arguments.redis, "CIVICA_PAGE_CACHE_SECONDS": "60",
        "EMAIL_FILE_PATH": str(mail_dir), "EMAIL_HOST": "", "CIVICA_PAIR_PORT": str(arguments.port),
        # One balancer in front: the client's address is the last in X-Forwarded-For (README, deployment).
        "CIVICA_TRUSTED_PROXY_COUNT": str(arguments.trusted_proxies),
    })
    try:
        created = ensure_database(arguments.postgres, arguments.database)
    except psycopg.OperationalError as error:
        raise SystemExit(f"two_servers: PostgreSQL is not reachable at {arguments.postgres}: {error}") from None
    print(f"Database {arguments.database}: {'created' if created else 'reused'}")

    import django

    django.setup()
    from django.db import connection

    prepare_data(arguments.scale, arguments.password)
    person, idea, follower = journey_cast()
    vacuum_analyze(arguments.postgres, arguments.database)
    empty_redis(arguments.redis)

    config_path = log_dir / "haproxy.cfg"
    write_haproxy_config(config_path, arguments.port, log_dir)
    processes, servers = [], []
    load_before = os.getloadavg()[0]
    results, pages = {}, []
    try:
        start_pair(arguments, database_url, log_dir, servers)
        processes.append(start_worker(log_dir / "celery-pair.log"))
        processes.append(start_haproxy(haproxy, config_path, log_dir / "haproxy.log", arguments.port))
        print(f"HAProxy on 127.0.0.1:{arguments.port} (round-robin; {config_path.relative_to(BASE_DIR)}) → "
              + ", ".join(f"{name} on :{arguments.port + offset}" for offset, name in enumerate(SERVERS, start=1))
              + f" ({arguments.workers} gthread workers × {arguments.threads} threads each); a Celery worker; "
              f"PostgreSQL {arguments.database}; Redis {arguments.redis}")
        print(f"\nJourney of {person.email} on idea {idea.pk} (“{idea.title}”):")
        journey_held = Journey(f"http://127.0.0.1:{arguments.port}", person, idea, follower, arguments.password).run()
        connection.close()
        print(f"\nThe journey {'held at every step' if journey_held else 'FAILED at a step'}.\n")

        pages = [("baseline", "baseline", f"/bench/baseline/?idea={idea.pk}"), *load_pages(idea)]
        pages = [page for page in pages if page[0] == "baseline" or page[0] in arguments.pages]
        if len(pages) > 1:
            meter = PairMeter([server.pid for server in servers], database_url, arguments.database)
            try:
                for key, label, path in pages:
                    def writer(stop, idea_pk=idea.pk):
                        return write_steadily(idea_pk, arguments.writes_per_second, stop)
                    results[key] = load(arguments.port, path, arguments.clients, arguments.warmup,
                                        arguments.seconds, meter, writer if arguments.writes_per_second > 0 else None)
                    print(f"  {label}: {results[key]['rps']:.0f} req/s", flush=True)
            finally:
                meter.close()
    finally:
        load_after = os.getloadavg()[0]
        for process in reversed(processes):
            stop_process(process)
        for server in servers:
            stop_gunicorn(server)

    if results:
        print()
        print(f"{datetime.date.today().isoformat()} · scale {arguments.scale:g} · {os.cpu_count()} cores "
              f"({platform.processor() or platform.machine()}) · PostgreSQL {database_version(database_url)} · "
              f"HAProxy round-robin over 2 gunicorn servers × {arguments.workers} gthread workers × "
              f"{arguments.threads} threads · page cache on · {arguments.writes_per_second:g} writes/s · "
              f"{arguments.clients} clients · {arguments.seconds:g} s per page · "
              f"load average {load_before:.1f} before, {load_after:.1f} after")
        print()
        print_table(pages, results)
    sys.exit(0 if journey_held else 1)


def load_pages(idea):
    """The visitors' pages of ``load_participation.py``: the seed's largest process and most commented idea."""
    from django.db import connection
    from django.db.models import Count

    from civica.participation.management.commands.seedscale import BENCHMARK_COMMENTS, seeded_processes
    from civica.participation.models import Idea

    largest = seeded_processes().annotate(idea_total=Count("ideas")).order_by("-idea_total", "pk").first()
    ideas = Idea.objects.filter(process__in=seeded_processes(), is_hidden=False).select_related("process")
    busy = ideas.filter(comment_count=BENCHMARK_COMMENTS).order_by("pk").first() or ideas.order_by(
        "-comment_count", "pk").first()
    connection.close()
    return [
        ("home", "home", "/ro/"),
        ("processes", "process list", "/ro/processes/"),
        ("ideas", "ideas by supports, page 2", f"/ro/processes/{largest.slug}/ideas/?sort=supported&page=2"),
        ("idea", f"idea detail, {busy.comment_count} comments", f"/ro/processes/{busy.process.slug}/ideas/{busy.pk}/"),
        ("search", "search", "/ro/search/?q=cultura"),
    ]


if __name__ == "__main__":
    main()
