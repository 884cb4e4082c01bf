"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server.

One chromium per xdist worker (session scope), a fresh browser context per test.
Needs ``/usr/bin/chromium`` (``make browser``) and axe-core (``npm ci``); never
``playwright install``.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio loop in the main thread: without this,
# Django refuses ORM calls made by the test (fixtures, assertions on the DB).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# A loaded CI machine can take seconds to answer a post; a quick answer waits no longer.
DEFAULT_TIMEOUT_MS = 30_000
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BLOCKING_IMPACTS = ("serious", "critical")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
    except Exception:
        playwright.stop()
        raise
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def new_page(browser):
    """Factory for pages in fresh contexts (``new_page(locale="en-GB")``); all closed after the test."""
    contexts = []

    def make(**context_options):
        # The site sends a strict Content-Security-Policy; axe is injected as a script.
        context = browser.new_context(bypass_csp=True, **context_options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture(autouse=True)
def _media_served(settings):
    """The demo's images are in the tests' in-memory storage: the live server serves them, as the demo
    site does (CIVICA_SERVE_MEDIA), so pages load every file they ask for."""
    settings.CIVICA_SERVE_MEDIA = True


@pytest.fixture
def demo_data(transactional_db):
    """The demo's data, as ``loaddemo`` makes it. On SQLite the first load of each worker is kept as a
    copy of the database (and of the in-memory file storages); later tests get that copy back in a few
    milliseconds instead of loading the demo again (about 6 s each, over a hundred tests)."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "sqlite":
        call_command("loaddemo", verbosity=0)
        return
    if _DEMO_SNAPSHOT:
        _restore_demo_snapshot(connection)
        return
    call_command("loaddemo", verbosity=0)
    _take_demo_snapshot(connection)


# One per xdist worker: the SQLite copy of the database right after loaddemo, and the storages' files.
_DEMO_SNAPSHOT = {}


def _file_storages():
    from django.core.files.storage import InMemoryStorage, storages

    found = {}
    for alias in storages.backends:
        storage = storages[alias]
        if isinstance(storage, InMemoryStorage):
            found[alias] = storage
    return found


def _take_demo_snapshot(connection):
    import copy
    import sqlite3

    connection.ensure_connection()
    copy_of_database = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy_of_database)
    _DEMO_SNAPSHOT["database"] = copy_of_database
    # InMemoryStorage keeps its files in `_root`: a test that deletes a demo file must not take it
    # from the tests after it.
    _DEMO_SNAPSHOT["files"] = {alias: copy.deepcopy(storage._root) for alias, storage in _file_storages().items()}


def _restore_demo_snapshot(connection):
    import copy

    from django.contrib.contenttypes.models import ContentType

    connection.ensure_connection()
    _DEMO_SNAPSHOT["database"].backup(connection.connection)
    for alias, storage in _file_storages().items():
        if alias in _DEMO_SNAPSHOT["files"]:
            storage._root = copy.deepcopy(_DEMO_SNAPSHOT["files"][alias])
    # The copy's content types may have other ids than the rows made after the last flush.
    ContentType.objects.clear_cache()


NAVIGATION_RACE_SIGNS = ("Execution context was destroyed", "reading 'appendChild'", "axe is not defined")


def axe_all_violations(page):
    """Every axe-core violation on the page as loaded, whatever its impact."""
    if not AXE_JS.exists():
        pytest.skip(f"axe-core is missing at {AXE_JS}: run npm ci")
    from playwright.sync_api import Error as PlaywrightError

    # A click that navigates returns before the next document exists: axe is then injected into a page
    # that is going away (no <head> yet, or its context destroyed). Wait for the load and run it again.
    for attempt in range(3):
        page.wait_for_load_state("load")
        try:
            page.add_script_tag(path=str(AXE_JS))
            return page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
        except PlaywrightError as error:
            if attempt == 2 or not any(sign in str(error) for sign in NAVIGATION_RACE_SIGNS):
                raise


def axe_violations(page, all_violations=None):
    """The serious and critical axe-core violations on the page."""
    if all_violations is None:
        all_violations = axe_all_violations(page)
    return [violation for violation in all_violations if violation.get("impact") in BLOCKING_IMPACTS]


def describe_violations(violations):
    lines = []
    for violation in violations:
        nodes = violation.get("nodes") or [{}]
        target = nodes[0].get("target")
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation.get('help')}; "
            f"first of {len(violation.get('nodes') or [])} node(s): {target}"
        )
    return "\n".join(lines)
