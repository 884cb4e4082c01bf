"""The two writes of issues 21 and 22 in-process, through Django's WSGI handler as gunicorn calls it: the CPU
of a vote (the htmx vote of ``bench/load_conversation.py``) and of a redemption (the htmx POST of
``bench/load_vouchers.py``), with their queries, and optionally where it goes.

No test client: each request is a WSGI environ built once (the cookies a browser holds, the htmx headers, the
form) and handed to ``django.core.handlers.wsgi.WSGIHandler``, its body read as gunicorn would, so what is
measured is Django's own work: every middleware, the view, the service, the render. ``config.settings.bench``
against the databases the load scripts seed (run each once first) and the Redis database given; the write
limits are lifted as in the load benchmarks (``CIVICA_BENCH_WRITE_LIMITS=off``: they still count, in Redis).
CPU by ``time.process_time()``: the least and the median of seven rounds. ``--profile`` prints cProfile's
table (CPU time); ``--middleware`` the CPU each middleware adds around the view (its own part, not the rest).

    .venv/bin/python bench/load_conversation.py --database D1 --seconds 5   # seeds, once
    .venv/bin/python bench/load_vouchers.py --database D2 --seconds 5       # seeds, once
    .venv/bin/python bench/bench_writes.py vote --database postgres://postgres@127.0.0.1:5432/D1
    .venv/bin/python bench/bench_writes.py redeem --database postgres://postgres@127.0.0.1:5432/D2
"""

import argparse
import cProfile
import io
import os
import pstats
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

ROUNDS = 7
STATEMENT_FIELD = re.compile(rb'name="statement" value="(\d+)"')


def environ(method, path, cookies, form=None, headers=None):
    """What gunicorn hands Django for one request of a browser on the loopback."""
    body = urlencode(form).encode() if form is not None else b""
    env = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1", "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(body), "wsgi.errors": sys.stderr,
        "wsgi.multithread": True, "wsgi.multiprocess": True, "wsgi.run_once": False, "wsgi.version": (1, 0),
        "HTTP_COOKIE": "; ".join(f"{name}={value}" for name, value in cookies.items()),
        "HTTP_USER_AGENT": "bench", "HTTP_ACCEPT": "*/*",
    }
    if form is not None:
        env.update({"CONTENT_TYPE": "application/x-www-form-urlencoded", "CONTENT_LENGTH": str(len(body))})
    for name, value in (headers or {}).items():
        env["HTTP_" + name.upper().replace("-", "_")] = value
    return env


class Server:
    """Django's WSGI handler and one signed-in browser's cookies."""

    def __init__(self, user):
        from django.conf import settings
        from django.core.handlers.wsgi import WSGIHandler
        from django.middleware.csrf import _get_new_csrf_string
        from django.test import Client

        self.handler = WSGIHandler()
        signing_in = Client()
        signing_in.force_login(user)  # the session as allauth's sign-in leaves it
        self.csrf = _get_new_csrf_string()
        self.cookies = {settings.SESSION_COOKIE_NAME: signing_in.cookies[settings.SESSION_COOKIE_NAME].value,
                        settings.CSRF_COOKIE_NAME: self.csrf}

    def request(self, method, path, form=None, headers=None):
        if form is not None:
            form = {"csrfmiddlewaretoken": self.csrf, **form}
        answer = {}

        def start_response(status, response_headers, exc_info=None):
            answer["status"] = int(status.split()[0])

        response = self.handler(environ(method, path, self.cookies, form, headers), start_response)
        body = b"".join(response)
        response.close()
        return answer["status"], body


def measured(one, count, profile=None):
    """CPU a call of ``one`` (ms): least and median of ROUNDS rounds of ``count``."""
    rounds = []
    for _round in range(ROUNDS):
        if profile:
            profile.enable()
        began = time.process_time()
        for number in range(count):
            one(number)
        rounds.append((time.process_time() - began) * 1000 / count)
        if profile:
            profile.disable()
    rounds.sort()
    return rounds[0], rounds[ROUNDS // 2]


def middleware_meter():
    """Wraps every middleware's call so that each one's own CPU (its call minus the rest inside) adds up."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    totals, stack = {}, []

    def wrap(path):
        cls = import_string(path)
        original = cls.__call__ if "__call__" in vars(cls) else None
        if original is None:  # MiddlewareMixin: its __call__ is inherited
            original = cls.__call__

        def call(self, request):
            began = time.process_time()
            stack.append(0.0)
            try:
                return original(self, request)
            finally:
                inner = stack.pop()
                spent = time.process_time() - began
                totals[path] = totals.get(path, 0.0) + spent - inner
                if stack:
                    stack[-1] += spent

        cls.__call__ = call

    for path in settings.MIDDLEWARE:
        wrap(path)
    return totals


def vote_bench(arguments, profile):
    from django.contrib.auth import get_user_model

    from civica.participation.conversations.models import Conversation, Participant

    conversation = Conversation.objects.filter(process__slug="bench-conversatie").first()
    voter = get_user_model().objects.filter(email="votant001@bench.civica.test").first()
    if conversation is None or voter is None:
        raise SystemExit("bench_writes: seed the conversation first with bench/load_conversation.py")

    def clean():
        Participant.objects.filter(conversation=conversation, user=voter).delete()
        Conversation.objects.filter(pk=conversation.pk).update(map_due_at=None)

    clean()
    server = Server(voter)
    path = f"/ro/processes/bench-conversatie/conversations/{conversation.pk}/"
    statement = int(STATEMENT_FIELD.search(server.request("GET", path)[1]).group(1))
    headers = {"HX-Request": "true", "HX-Target": "voting", "HX-Current-URL": "http://127.0.0.1" + path,
               "Referer": "http://127.0.0.1" + path}
    votes = ROUNDS * arguments.count + 8
    if votes > conversation.statements.count():
        raise SystemExit("bench_writes: fewer statements than votes; ask for a smaller --count")

    def vote(number):
        nonlocal statement
        status, body = server.request("POST", path + "vote/",
                                      {"statement": statement, "choice": (1, -1, 0)[number % 3]}, headers)
        assert status == 200, (status, body[:2000])
        statement = int(STATEMENT_FIELD.search(body).group(1))

    return vote, clean


def redeem_bench(arguments, profile):
    from civica.vouchers.models import Offer, Redemption, Venue, Voucher, VoucherProgramme

    programme = VoucherProgramme.objects.filter(slug="bench-vouchers").first()
    if programme is None:
        raise SystemExit("bench_writes: seed the vouchers first with bench/load_vouchers.py")
    venue = Venue.objects.filter(programmes=programme).first()
    offer = Offer.objects.filter(venue=venue).first()
    codes = list(Voucher.objects.filter(programme=programme).order_by("pk").values_list("code", flat=True)[:200])
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.get(email="venue-staff-01@bench.civica.test")
    server = Server(staff)
    server.request("GET", "/ro/vouchers/redeem/")
    headers = {"HX-Request": "true", "HX-Target": "redeem-panel", "HX-Current-URL": "http://127.0.0.1/ro/vouchers/redeem/",
               "Referer": "http://127.0.0.1/ro/vouchers/redeem/"}
    first = Redemption.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def redeem(number):
        status, body = server.request("POST", "/ro/vouchers/redeem/", {
            "action": "redeem", "code": codes[number % len(codes)], "venue": venue.pk, "offer": offer.pk,
            "amount": "1"}, headers)
        assert status == 200 and b'role="status" data-testid="outcome"' in body, (status, body[:3000])

    def clean():
        from decimal import Decimal

        from django.db.models import F

        done = Redemption.objects.filter(pk__gt=first, voucher__programme=programme)
        for voucher_id in set(done.values_list("voucher_id", flat=True)):
            spent = sum(done.filter(voucher_id=voucher_id).values_list("amount", flat=True), Decimal(0))
            Voucher.objects.filter(pk=voucher_id).update(balance=F("balance") + spent)
        done.delete()

    return redeem, clean


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("write", choices=["vote", "redeem"])
    parser.add_argument("--database", required=True)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--count", type=int, default=25, help="requests a round (seven rounds)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--middleware", action="store_true")
    arguments = parser.parse_args()
    os.environ.update({"DJANGO_SETTINGS_MODULE": "config.settings.bench", "REDIS_URL": arguments.redis,
                       "CIVICA_BENCH_DATABASE_URL": arguments.database, "CIVICA_BENCH_WRITE_LIMITS": "off",
                       "CIVICA_BENCH_MAP_DEBOUNCE": "5", "CIVICA_PAGE_CACHE_SECONDS": "60"})
    import django

    django.setup()
    import redis
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    totals = middleware_meter() if arguments.middleware else None
    profile = cProfile.Profile(time.process_time) if arguments.profile else None
    one, clean = (vote_bench if arguments.write == "vote" else redeem_bench)(arguments, profile)
    try:
        for number in range(5):
            one(number)
        with CaptureQueriesContext(connection) as queries:
            one(0)
        print(f"one {arguments.write}: {len(queries.captured_queries)} queries")
        if arguments.profile or arguments.middleware:
            print("\n".join(query["sql"][:300] for query in queries.captured_queries))
        if totals is not None:
            totals.clear()
        least, median = measured(one, arguments.count, profile)
        print(f"CPU a {arguments.write}: least {least:.2f} ms, median {median:.2f} ms ({ROUNDS} rounds of "
              f"{arguments.count}); load average {os.getloadavg()[0]:.1f}{' (profiled)' if profile else ''}")
        if totals is not None:
            done = ROUNDS * arguments.count
            for path, spent in sorted(totals.items(), key=lambda item: -item[1]):
                print(f"  {spent * 1000 / done:6.3f} ms  {path}")
        if profile:
            table = io.StringIO()
            pstats.Stats(profile, stream=table).sort_stats("cumulative").print_stats(70)
            print(table.getvalue())
    finally:
        clean()
        redis.Redis.from_url(arguments.redis).flushdb()


if __name__ == "__main__":
    main()
