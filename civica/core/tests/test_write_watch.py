"""What ``write_watch`` takes for a write: the statement's verb and tables near its start, and a WITH statement
that writes in one of its parts (the redemption's one statement on PostgreSQL)."""

import pytest

from civica.core import write_watch


@pytest.fixture
def seen(monkeypatch):
    calls = []
    monkeypatch.setattr(write_watch, "_watchers", [(lambda connection: calls.append("any"), (), ("django_session",)),
                                                   (lambda connection: calls.append("votes"), ('"votes"',), ())])
    return calls


def _run(sql):
    write_watch._watch(lambda *args: None, sql, [], False, {"connection": None})


@pytest.mark.parametrize(("sql", "expected"), [
    ('SELECT * FROM "votes"', []),
    ('UPDATE "votes" SET choice = 1', ["any", "votes"]),
    ('UPDATE "django_session" SET data = 1', []),
    ('WITH x AS (SELECT 1) SELECT * FROM "votes", x', []),
    ('WITH spent AS (UPDATE "vouchers" AS v SET balance = v.balance - 1 RETURNING id) '
     'INSERT INTO "votes" (id) SELECT id FROM spent', ["any", "votes"]),
    ('WITH spent AS (UPDATE "vouchers" SET balance = 0 RETURNING id) SELECT id FROM spent', ["any"]),
])
def test_writes_are_seen_with_their_tables(seen, sql, expected):
    _run(sql)
    assert seen == expected
