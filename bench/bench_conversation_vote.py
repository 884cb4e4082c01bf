"""A conversation's vote in-process (issue 21): CPU a vote, its queries and its Redis round trips.

The htmx vote of ``bench/load_conversation.py`` through Django's test client, in this one process, under
``config.settings.bench`` against the database that script seeds (``civica_bench_conversation``: run it
once first) and Redis db 11: one signed-in voter (the load script's first) votes on one statement after
another, the answer's next statement each time. Prints the queries and Redis commands of one vote, then
the CPU a vote (``time.process_time``: the figure to compare on a shared machine) as the least and the
median of seven rounds, and the CPU and wall time spent in Redis calls. ``--profile`` adds cProfile's
cumulative table. The voter's participant and votes are removed at the end, and Redis db 11 emptied.

    .venv/bin/python bench/load_conversation.py --seconds 5   # seeds the database, once
    .venv/bin/python bench/bench_conversation_vote.py [--votes 25] [--profile]
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

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

STATEMENT_FIELD = re.compile(rb'name="statement" value="(\d+)"')
ROUNDS = 7


class RedisMeter:
    """Counts the Redis round trips (a pipeline is one) and the time spent in them."""

    def __init__(self):
        import redis

        self.commands, self.cpu, self.wall = [], 0.0, 0.0
        meter = self

        def measured(original, name_of):
            def call(client, *args, **kwargs):
                meter.commands.append(name_of(client, args))
                cpu, wall = time.process_time(), time.perf_counter()
                try:
                    return original(client, *args, **kwargs)
                finally:
                    meter.cpu += time.process_time() - cpu
                    meter.wall += time.perf_counter() - wall
            return call

        redis.Redis.execute_command = measured(redis.Redis.execute_command, lambda client, args: str(args[0]))
        redis.client.Pipeline.execute = measured(redis.client.Pipeline.execute, lambda client, args: (
            "PIPELINE(" + ",".join(str(command[0][0]) for command in client.command_stack) + ")"))

    def reset(self):
        self.commands, self.cpu, self.wall = [], 0.0, 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/civica_bench_conversation")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--votes", type=int, default=25, help="votes a round (seven rounds; default 25)")
    parser.add_argument("--profile", action="store_true", help="print cProfile's table (CPU time)")
    arguments = parser.parse_args()
    os.environ.update({"DJANGO_SETTINGS_MODULE": "config.settings.bench", "REDIS_URL": arguments.redis,
                       "CIVICA_BENCH_DATABASE_URL": arguments.database, "CIVICA_BENCH_WRITE_LIMITS": "off",
                       "CIVICA_BENCH_MAP_DEBOUNCE": "5"})
    import django

    django.setup()
    import redis
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from civica.participation.conversations.models import Conversation, Participant

    conversation = Conversation.objects.filter(process__slug="bench-conversatie").first()
    voter = get_user_model().objects.filter(email="votant001@bench.civica.test").first()
    if conversation is None or voter is None:
        raise SystemExit("bench_conversation_vote: seed the database first with bench/load_conversation.py")
    if ROUNDS * arguments.votes + 6 > conversation.statements.count():
        raise SystemExit("bench_conversation_vote: fewer statements than votes; ask for fewer --votes")

    def clean():
        Participant.objects.filter(conversation=conversation, user=voter).delete()
        Conversation.objects.filter(pk=conversation.pk).update(map_due_at=None)

    clean()
    client = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
    client.force_login(voter)
    path = f"/ro/processes/bench-conversatie/conversations/{conversation.pk}/"
    statement = int(STATEMENT_FIELD.search(client.get(path).content).group(1))
    token = client.cookies["csrftoken"].value

    def vote(number):
        nonlocal statement
        response = client.post(path + "vote/", {"csrfmiddlewaretoken": token, "statement": statement,
                                                "choice": (1, -1, 0)[number % 3]},
                               headers={"HX-Request": "true", "Referer": "http://127.0.0.1" + path})
        assert response.status_code == 200, response.status_code
        statement = int(STATEMENT_FIELD.search(response.content).group(1))

    meter = RedisMeter()
    try:
        for number in range(5):
            vote(number)
        meter.reset()
        with CaptureQueriesContext(connection) as queries:
            vote(0)
        print(f"One vote: {len(queries.captured_queries)} queries, {len(meter.commands)} Redis round trips "
              f"({' '.join(meter.commands)})")
        meter.reset()
        profile = cProfile.Profile(time.process_time)
        if arguments.profile:
            profile.enable()
        rounds = []
        for _round in range(ROUNDS):
            began = time.process_time()
            for number in range(arguments.votes):
                vote(number)
            rounds.append((time.process_time() - began) * 1000 / arguments.votes)
        if arguments.profile:
            profile.disable()
        rounds.sort()
        done = ROUNDS * arguments.votes
        print(f"CPU a vote: least {rounds[0]:.2f} ms, median {rounds[ROUNDS // 2]:.2f} ms ({ROUNDS} rounds of "
              f"{arguments.votes}); in Redis calls {meter.cpu * 1000 / done:.2f} ms of CPU, "
              f"{meter.wall * 1000 / done:.2f} ms of wall time; load average {os.getloadavg()[0]:.1f}"
              f"{' (under cProfile)' if arguments.profile else ''}")
        if arguments.profile:
            table = io.StringIO()
            pstats.Stats(profile, stream=table).sort_stats("cumulative").print_stats(60)
            print(table.getvalue())
    finally:
        clean()
        redis.Redis.from_url(arguments.redis).flushdb()


if __name__ == "__main__":
    main()
