"""Fixtures shared by every app's tests: users in each role, the rows of every permission truth
table (``make_user``), a query-count check for pages (``assert_constant_queries``), a clean cache, and
the demo's data loaded once for a module (``demo_for_module``)."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory

# The roles a truth table can ask for by name. Scoped ones take the object they are held on
# (``make_user("evaluator", scope=call)``); a member representative represents ``scope`` (an
# organisation; a new member organisation without one).
USER_KINDS = ("anonymous", "inactive", "unverified", "participant", "member_representative", "moderator",
              "evaluator", "facilitator", "editor", "administrator", "analyst", "superuser")


def user_in_role(kind, scope=None, **fields):
    """A user of ``kind`` (one of ``USER_KINDS``), saved, with a verified e-mail unless said otherwise."""
    if kind == "anonymous":
        from django.contrib.auth.models import AnonymousUser

        return AnonymousUser()
    if kind == "inactive":
        return UserFactory(is_active=False, **fields)
    if kind == "unverified":
        return UserFactory(verified=False, **fields)
    if kind == "participant":
        return UserFactory(**fields)
    if kind == "member_representative":
        from civica.network.tests.factories import member_representative

        return member_representative(scope, **fields)
    if kind == "superuser":
        return UserFactory(is_superuser=True, is_staff=True, **fields)
    if kind in {"evaluator", "facilitator"} and scope is None:
        raise ValueError(f"A {kind} is always given a scope.")
    if kind in {"moderator", "evaluator", "facilitator", "editor", "administrator", "analyst"}:
        return UserFactory(role=Role(kind), role__scope=scope, **fields)
    raise ValueError(f"Unknown kind of user: {kind!r} (one of {', '.join(USER_KINDS)}).")


@pytest.fixture
def make_user(db):
    """``make_user(kind, scope=None, **fields)``: see ``user_in_role``."""
    return user_in_role


@pytest.fixture
def assert_constant_queries(db):
    """Check that pages cost the same number of queries with few rows and with many.

    ``assert_constant_queries(client, urls, grow)`` loads every address (status 200 expected),
    calls ``grow()`` to add rows, loads them again and fails, naming the extra queries, when a
    count changed. An item of ``urls`` may be ``(other_client, url)`` for a page seen by someone
    else. ``expected`` (one count for every page, or a list) pins the counts as well. Returns the
    counts."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def measure(default_client, urls, status):
        counts = []
        for item in urls:
            client, url = item if isinstance(item, tuple) else (default_client, item)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            assert response.status_code == status, f"{url} answered {response.status_code}"
            counts.append([query["sql"] for query in captured.captured_queries])
        return counts

    def check(client, urls, grow, *, expected=None, status=200, warm_up=True):
        urls = [urls] if isinstance(urls, (str, tuple)) else list(urls)
        if warm_up:  # caches filled once (content types, site settings) do not count as rows
            measure(client, urls, status)
        before = measure(client, urls, status)
        grow()
        after = measure(client, urls, status)
        for item, few, many in zip(urls, before, after, strict=True):
            url = item[1] if isinstance(item, tuple) else item
            extra = "\n".join(query for query in many if query not in few) or "(the same queries, repeated)"
            assert len(many) == len(few), (
                f"{url}: {len(few)} queries with few rows, {len(many)} with more. New ones:\n{extra}")
        counts = [len(few) for few in before]
        if expected is not None:
            wanted = expected if isinstance(expected, list) else [expected] * len(counts)
            assert counts == wanted, f"query counts {counts}, expected {wanted}"
        return counts

    return check


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits live in the cache: each test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def demo_for_module(django_db_setup, django_db_blocker):
    """The demo's data (``loaddemo``, 5–10 s) loaded once for all the tests of a module that read it, in a
    transaction rolled back after the module's last test; each test runs in a savepoint of it (the ``db``
    fixture), so what one test changes the next does not see. A module using it marks itself
    ``xdist_group`` so that its tests share one worker and the load is made once."""
    with django_db_blocker.unblock(), translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        call_command("loaddemo", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _default_language():
    # A page under /en/ activates English for the thread; the next test in the same worker starts in
    # the site's language again, whatever ran before it.
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def participant(db):
    return UserFactory(display_name="Paula Participant")


@pytest.fixture
def unverified(db):
    return UserFactory(verified=False, display_name="Uma Unverified")


@pytest.fixture
def editor(db):
    return UserFactory(role=Role.EDITOR, display_name="Emil Editor")


@pytest.fixture
def administrator(db):
    return UserFactory(role=Role.ADMINISTRATOR, display_name="Ana Administrator")


@pytest.fixture
def moderator(db):
    return UserFactory(role=Role.MODERATOR, display_name="Maria Moderator")


@pytest.fixture
def member_organisation(db):
    from civica.network.tests.factories import MemberFactory

    return MemberFactory(name="Consiliul Județean Cluj")


@pytest.fixture
def member(member_organisation):
    """A representative of a member organisation (English speaker)."""
    return user_in_role("member_representative", scope=member_organisation, display_name="Mihai Membru",
                        language="en")


# The tests that never open the database, whichever it is (pure Python: rules on plain data, parsers, charts).
# CI's second pass on PostgreSQL sets CIVICA_ONLY_DATABASE_TESTS=1 and skips them: they ran on the first.
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def pytest_collection_modifyitems(config, items):
    if os.environ.get("CIVICA_ONLY_DATABASE_TESTS") != "1":
        return
    kept, skipped = [], []
    for item in items:
        touches_database = item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(
            getattr(item, "fixturenames", ()))
        (kept if touches_database else skipped).append(item)
    if skipped:
        config.hook.pytest_deselected(items=skipped)
        items[:] = kept
