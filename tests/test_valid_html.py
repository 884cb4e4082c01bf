"""The Nu HTML checker (``vnu-jar`` from npm) finds no error on the pages of the axe and small-screen sweeps.

Every page of tests/browser/test_accessibility.py and tests/browser/test_small_screens.py, in both
languages, is rendered with Django's test client (staff pages as the demo account that uses them) and
written to a file; one run of the checker reads them all, so the JVM starts once. Warnings are printed,
errors fail the test with the page, the line and the checker's message. A page we know to be wrong
goes into the same run, so a checker that finds nothing at all fails too. The same pages also show
that htmx is loaded exactly where a page has ``data-hx-*`` attributes (issue 14: no unused JavaScript).

The checker needs Java 17+ (``apt-get install default-jre-headless``; .ci/run installs it) and ``npm ci``;
where either is missing, the test checks htmx and is then skipped, saying which.
"""

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from tests.browser.test_small_screens import PUBLIC_PAGES, STAFF_PAGES, paths_for

VNU_JAR = Path(__file__).resolve().parents[1] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ("ro", "en")
# Beyond the sweeps: pages that only a signed-in demo account sees, with forms, dates and htmx.
SIGNED_IN_PAGES = {
    "participant": {
        "idea-new": "/{language}/processes/cluj-for-youth-2030/ideas/new/",
        "profile": "/{language}/account/",
        "notifications": "/{language}/notifications/",
        "my-meetings": "/{language}/meetings/mine/",
        "my-applications": "/{language}/calls/mine/",
        "membership-apply": "/{language}/network/membership/",
        "my-membership-applications": "/{language}/network/membership/applications/",
    },
    "member": {"my-bookings": "/{language}/network/bookings/"},
    "editor": {
        "booking-manage": "/{language}/network/bookings/manage/",
        "meeting-as-editor": "/{language}/meetings/dezbatere-cluj-for-youth-2030/",
        "staff-dashboard": "/{language}/staff/", "network-manage": "/{language}/network/manage/",
        "network-organisations": "/{language}/network/manage/organisations/",
        "network-programmes": "/{language}/network/manage/programmes/",
        "network-space-edit": "/{language}/network/manage/spaces/studio-evenimente-online/",
        "plans-manage": "/{language}/plans/manage/",
        "plan-manage": "/{language}/plans/manage/2021/",
        "plan-activity-new": "/{language}/plans/manage/2021/activity/new/",
        "plan-line-new": "/{language}/plans/manage/2021/line/new/",
        "newsletter-campaigns": "/{language}/newsletter/manage/",
        "newsletter-campaign-new": "/{language}/newsletter/manage/new/",
    },
    "facilitator": {"workshop-as-facilitator": "/{language}/workshops/world-cafe-timisoara-2020/"},
    "moderator": {"moderation-queue": "/{language}/moderation/"},
}
HX_ATTRIBUTE = re.compile(rb"\s(?:data-)?hx-[a-z-]+=")
HTMX_SCRIPT = re.compile(rb"<script[^>]+htmx[^>]*\.js")
# Two mistakes the checker must report: a time with microseconds and a list inside a paragraph.
KNOWN_BAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Known bad</title></head>
<body><p><time datetime="2026-12-04T10:00:00.123456+02:00">4 December</time>
<ul><li>A list inside a paragraph</li></ul></p></body></html>
"""


def _checker():
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is not on PATH: the Nu HTML checker needs Java 17+ (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        pytest.skip(f"the Nu HTML checker is missing at {VNU_JAR}: run npm ci")
    return [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always"]


def _render(client, path):
    response = client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    return response.content


def _pages():
    """``{file name: (path, HTML)}`` for every page of both sweeps and ``SIGNED_IN_PAGES``, in both languages."""
    from civica.accounts.models import User

    pages = {}
    visitor = Client()
    for language in LANGUAGES:
        for name, path in paths_for(PUBLIC_PAGES, language).items():
            pages[f"{language}-{name}.html"] = (path, _render(visitor, path))
    signed_in = {}
    for pages_by_role in (STAFF_PAGES, SIGNED_IN_PAGES):
        for role, role_pages in pages_by_role.items():
            signed_in[role] = {**signed_in.get(role, {}), **role_pages}
    for role, role_pages in signed_in.items():
        staff = Client()
        staff.force_login(User.objects.get(email=f"{role}@civica.test"))
        for language in LANGUAGES:
            for name, path in paths_for(role_pages, language).items():
                pages[f"{language}-{role}-{name}.html"] = (path, _render(staff, path))
    return pages


def _messages(command, files):
    """The checker's messages, each with the file it is about."""
    result = subprocess.run([*command, *map(str, files)], capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, f"the Nu HTML checker failed to run:\n{result.stderr}"
    messages = json.loads(result.stdout)["messages"]
    for message in messages:
        message["file"] = message.get("url", "").rsplit("/", 1)[-1]
    return messages


def _htmx_mismatches(pages):
    """Pages that load htmx without using it, or use it without loading it."""
    mismatches = []
    for path, html in pages.values():
        uses, loads = bool(HX_ATTRIBUTE.search(html)), bool(HTMX_SCRIPT.search(html))
        if uses != loads:
            mismatches.append(f"{path}: {'uses htmx without loading it' if uses else 'loads htmx it does not use'}")
    return mismatches


def _describe(message, path):
    where = f"line {message['lastLine']}" if "lastLine" in message else "the whole page"
    extract = " ".join(message.get("extract", "").split())
    return f"{path} ({where}): {message['message']}" + (f"\n    {extract}" if extract else "")


@pytest.mark.django_db
def test_the_pages_are_valid_html_and_load_htmx_only_where_used(tmp_path):
    call_command("loaddemo", verbosity=0)
    pages = _pages()
    assert any(HX_ATTRIBUTE.search(html) for _path, html in pages.values()), "no page uses htmx: check the pages"
    mismatches = _htmx_mismatches(pages)
    assert not mismatches, "\n".join(mismatches)

    command = _checker()
    for file_name, (_path, html) in pages.items():
        (tmp_path / file_name).write_bytes(html)
    (tmp_path / "known-bad.html").write_text(KNOWN_BAD, encoding="utf-8")
    messages = _messages(command, sorted(tmp_path.iterdir()))

    known_bad = [message for message in messages if message["file"] == "known-bad.html"]
    assert sum(message["type"] == "error" for message in known_bad) >= 2, f"the checker missed errors: {known_bad}"
    paths = {file_name: path for file_name, (path, _html) in pages.items()}
    checked = [message for message in messages if message["file"] != "known-bad.html"]
    errors = [_describe(message, paths.get(message["file"], message["file"])) for message in checked
              if message["type"] in ("error", "non-document-error")]
    warnings = Counter(message["message"] for message in checked if message.get("subType") == "warning")
    print(f"Nu HTML checker: {len(pages)} pages, {len(errors)} error(s), {warnings.total()} warning(s)")
    for warning, count in warnings.most_common():
        print(f"  warning ×{count}: {warning}")
    assert not errors, f"the Nu HTML checker found {len(errors)} error(s):\n" + "\n".join(errors)
