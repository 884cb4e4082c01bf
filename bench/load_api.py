"""The public API at city scale (issue 20): the ideas list of the largest consultation, page 2 by
supports (reached by following page 1's ``next`` cursor), and one idea, beside the one-query baseline
view, in the same run, served by gunicorn on PostgreSQL as ``load_participation.py`` serves the pages.

It reuses ``load_participation.py``'s database, seed, server, load generator and CPU meter: on the same
database (``--database``, ``civica_bench`` by default) it seeds nothing when the seed at that scale is
there. Each endpoint is loaded by 16 keep-alive clients for a fixed time, first as **visitors** (no
cookie, no token: the answers the visitors' page cache keeps, as in production) and then with a
**token** each (``Authorization: Bearer``: never kept, every answer computed, what a cache miss or a
personal client costs), while a writer supports and withdraws ten times a second in that consultation
(every write makes the kept answers stale). Prints requests a second ×baseline, p50/p95 and the CPU
milliseconds a request of gunicorn's workers and of PostgreSQL; asserts nothing.

    .venv/bin/python bench/load_api.py                       # city scale (seeding takes minutes)
    .venv/bin/python bench/load_api.py --scale 0.05 --database civica_bench_small

The API's rate limits are lifted for the run (all clients share 127.0.0.1; in production they are many
addresses): ``CIVICA_API_RATE_BY_ADDRESS`` and ``CIVICA_API_RATE_BY_TOKEN`` in the server's environment.
The tokens made for the run are deleted at its end, with what the writer wrote."""

import argparse
import datetime
import http.client
import json
import os
import platform
import sys
from urllib.parse import urlsplit

import load_participation as lp
import psycopg

AUDIENCES = ("visitors", "token")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of city scale to seed (default 1)")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="civica_bench", help="database to create or reuse")
    parser.add_argument("--seconds", type=float, default=15.0, help="measured seconds per endpoint (default 15)")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/8",
                        help="Redis for the cache (emptied first; default db 8, not load_participation's 7)")
    parser.add_argument("--page-cache", choices=["on", "off"], default="on")
    parser.add_argument("--writes-per-second", type=float, default=10.0)
    parser.add_argument("--audience", type=lambda text: [name for name in AUDIENCES if name in text.split(",")],
                        default=list(AUDIENCES), help="comma-separated: visitors, token (default both)")
    arguments = parser.parse_args()
    arguments.worker_class = "gthread"
    return arguments


class TokenClient(lp.Browser):
    """A keep-alive client sending a personal access token, no cookie."""

    def __init__(self, port, secret):
        super().__init__(port)
        self.secret = secret

    def copy(self):
        return TokenClient(self.port, self.secret)

    def request(self, method, path, form=None):
        try:
            self.connection.request(method, path, headers={"Authorization": f"Bearer {self.secret}"})
            response = self.connection.getresponse()
            return response.status, "", response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            return None, "", b""


def make_tokens(count):
    """A token for each of ``count`` seeded citizens (scope read:personal: the public reads need none)."""
    from django.db import connection

    from civica.api import services
    from civica.api.models import AccessToken, Scope
    from civica.participation.management.commands.seedscale import seeded_citizens

    people = list(seeded_citizens().order_by("pk")[:count])
    AccessToken.objects.filter(user__in=people, name="bench_api").delete()
    secrets = [services.token_create(by=person, name="bench_api", scopes=[Scope.READ_PERSONAL],
                                     expires_in_days=30)[1] for person in people]
    connection.close()
    return secrets


def delete_tokens():
    from django.db import connection

    from civica.api.models import AccessToken
    from civica.audit.models import AuditEntry

    removed, _details = AccessToken.objects.filter(name="bench_api").delete()
    AuditEntry.objects.filter(action="api.accesstoken.create", summary="bench_api").delete()
    connection.close()
    return removed


def page_two(port, slug):
    """Page 2 of the ideas by supports, as a client reaches it: page 1's ``next``."""
    status, body = lp.get("127.0.0.1", port, f"/api/v1/processes/{slug}/ideas?sort=supported")
    if status != 200:
        raise SystemExit(f"load_api: the ideas list answered {status}")
    following = urlsplit(json.loads(body)["next"])
    return f"{following.path}?{following.query}"


def measure(arguments, pages, secrets, meter):
    results = {}
    for key, label, path in pages:
        for audience in ["visitors"] if key == "baseline" else arguments.audience:
            if audience == "visitors":
                result = lp.load(arguments.port, path, arguments.clients, arguments.warmup, arguments.seconds, meter)
            else:
                clients = [TokenClient(arguments.port, secret) for secret in secrets]
                try:
                    result = lp.load_as(clients, path, arguments.warmup, arguments.seconds, meter)
                finally:
                    for client in clients:
                        client.close()
            results[key, audience] = result
            print(f"  {label}, {audience}: {result['rps']:.0f} req/s, {result['errors']} errors", flush=True)
    return results


def main():
    arguments = parse_arguments()
    database_url = f"{arguments.postgres}/{arguments.database}"
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "config.settings.bench", "CIVICA_BENCH_DATABASE_URL": database_url,
        "REDIS_URL": arguments.redis, "CIVICA_PAGE_CACHE_SECONDS": "60" if arguments.page_cache == "on" else "0",
        "CIVICA_API_RATE_BY_ADDRESS": "100000000/m", "CIVICA_API_RATE_BY_TOKEN": "100000000/m"})
    try:
        created = lp.ensure_database(arguments.postgres, arguments.database)
    except psycopg.OperationalError as error:
        raise SystemExit(f"load_api: PostgreSQL is not reachable at {arguments.postgres}: {error}") from None
    print(f"Database {arguments.database}: {'created' if created else 'reused'}")

    import django

    django.setup()
    from django.utils import timezone

    seed_seconds, slug, idea = lp.prepare_data(arguments.scale)
    lp.vacuum_analyze(arguments.postgres, arguments.database)
    secrets = make_tokens(arguments.clients) if "token" in arguments.audience else []
    lp.empty_redis(arguments.redis)
    log_path = lp.BASE_DIR / "var" / "bench" / "gunicorn-api.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    server = lp.start_gunicorn(arguments, database_url, log_path)
    meter = lp.CpuMeter(server.pid, database_url, arguments.database)
    load_before, since, writer, writes = os.getloadavg()[0], timezone.now(), None, 0
    try:
        pages = [("baseline", "baseline (one query)", f"/bench/baseline/?idea={idea.pk}"),
                 ("ideas", "API: ideas by supports, page 2", page_two(arguments.port, slug)),
                 ("idea", "API: one idea", f"/api/v1/processes/{idea.process.slug}/ideas/{idea.pk}")]
        if arguments.writes_per_second > 0:
            writer = lp.BackgroundWriter(idea.pk, arguments.writes_per_second)
        results = measure(arguments, pages, secrets, meter)
    finally:
        load_after = os.getloadavg()[0]
        if writer is not None:
            writes = writer.stop()
        meter.close()
        lp.stop_gunicorn(server)
        supports, _comments = lp.restore_seed(since, [idea.pk])
        print(f"Removed what the run wrote: {supports:,} supports, {delete_tokens()} tokens")

    seeded = f" · seeded in {seed_seconds:.0f} s" if seed_seconds is not None else ""
    print()
    print(f"{datetime.date.today().isoformat()} · scale {arguments.scale:g} · {os.cpu_count()} cores "
          f"({platform.processor() or platform.machine()}) · PostgreSQL {lp.database_version(database_url)} · "
          f"gunicorn {arguments.workers} gthread workers × {arguments.threads} threads · "
          f"page cache {arguments.page_cache} · {arguments.writes_per_second:g} writes/s ({writes:,} in all) · "
          f"{arguments.clients} clients · {arguments.seconds:g} s each · "
          f"load average {load_before:.1f} before, {load_after:.1f} after{seeded}")
    print()
    print_table(pages, arguments.audience, results)


def print_table(pages, audiences, results):
    base_rps = results["baseline", "visitors"]["rps"]
    print("| endpoint | audience | path | requests | errors | req/s | p50 ms | p95 ms | × baseline | targets hold "
          "| app CPU ms/req | db CPU ms/req |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for key, label, path in pages:
        for audience in ["visitors"] if key == "baseline" else audiences:
            result = results[key, audience]
            ratio = result["rps"] / base_rps if base_rps else float("nan")
            holds = ratio >= lp.MIN_RATIO and result["p95"] <= lp.MAX_P95_MS and not result["errors"]
            shown = path if len(path) < 70 else path[:60] + "…"
            print(f"| {label} | {audience} | `{shown}` | {result['requests']:,} | {result['errors']:,} | "
                  f"{result['rps']:,.0f} | {result['p50']:.1f} | {result['p95']:.1f} | {ratio:.2f} | "
                  f"{'yes' if holds else 'no'} | {result['app_cpu']:.1f} | {result['db_cpu']:.1f} |")


if __name__ == "__main__":
    sys.exit(main())
