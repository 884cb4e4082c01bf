"""Lighthouse scores of five public pages, served as in production: ``make lighthouse``.

A fresh SQLite database in a temporary folder gets the demo data; ``collectstatic`` puts the static
files (hashed names, gzip and brotli copies: WhiteNoise's CompressedManifestStaticFilesStorage) in the
same folder; gunicorn serves ``config.settings.production`` on 127.0.0.1 over plain HTTP. Production
settings need HTTPS; the bench turns the redirect and HSTS off through their documented environment
variables (``DJANGO_SECURE_SSL_REDIRECT=0``, ``DJANGO_HSTS_SECONDS=0``: README, settings) and nothing
else. Then Lighthouse (npm's, pinned in package.json; Debian's chromium) runs with its mobile preset
on the home page, a consultation, a call, the 2021 plan and the meetings list, in Romanian, and the
script prints the four category scores of each page, with the audits that cost points. It asserts
nothing and exits 0 (a bench, not a test); the targets of issue 14 are printed beside the scores.

Needs: ``npm ci`` done (the Makefile target does it), /usr/bin/chromium (or CHROME_PATH).
Options: ``--runs 3`` runs Lighthouse three times per page and shows the run with the median
performance (the score that varies with the machine's load); ``--keep DIR`` writes the JSON reports
into DIR; ``--pages /ro/…`` replaces the pages; ``--work DIR`` keeps the database and static files in
DIR (not removed), and a second run with the same DIR skips loading the demo again (collectstatic
still runs).
"""

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 90, "accessibility": 100, "best-practices": 95, "seo": 95}
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
# The demo's pages, found in the database once it is loaded (their addresses hold slugs).
FIND_PAGES = """
from django.urls import reverse
from django.utils import translation
from civica.accountability.models import Plan
from civica.calls.models import Call
from civica.participation.models import Process
translation.activate("ro")
print(reverse("content:home"))
print(Process.objects.order_by("pk").first().get_absolute_url())
print(Call.objects.order_by("pk").first().get_absolute_url())
print(Plan.objects.filter(year=2021).order_by("pk").first().get_absolute_url())
print(reverse("meetings:list"))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env, *args, capture=False):
    result = subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )
    return result.stdout


def wait_until_up(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own server
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer {url} within {seconds} s")


def run_lighthouse(url, report_path, attempts=3):
    """One Lighthouse run's report, or None when Chromium failed ``attempts`` times (it sometimes
    loses the trace of a load on a busy machine: NO_NAVSTART)."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report_path}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    for _attempt in range(attempts):
        if subprocess.run(command, env=env, check=False).returncode == 0:
            return json.loads(Path(report_path).read_text(encoding="utf-8"))
    return None


def median_report(url, report_path, runs):
    """Of ``runs`` reports of a page, the one with the median performance score (the other
    categories do not vary between runs; performance does, with the machine's load)."""
    reports = []
    for run in range(runs):
        path = report_path.with_name(f"{report_path.stem}-run{run + 1}.json") if runs > 1 else report_path
        report = run_lighthouse(url, path)
        if report is not None:
            reports.append(report)
    if not reports:
        return None
    reports.sort(key=lambda report: report["categories"]["performance"]["score"] or 0)
    return reports[(len(reports) - 1) // 2]


def lost_points(report, category):
    """The audits of a category that did not pass, with their scores (weighted audits only)."""
    lost = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
            lost.append(f"{ref['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}".strip())
    return lost


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="a folder for the JSON reports")
    parser.add_argument("--pages", nargs="*", help="paths to test instead of the five default pages")
    parser.add_argument("--work", type=Path, help="a folder kept for the database and static files")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median performance is shown")
    options = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci` (or `make lighthouse`).")

    work = options.work or Path(tempfile.mkdtemp(prefix="civica-lighthouse-"))
    work.mkdir(parents=True, exist_ok=True)
    fresh = not (work / "civica.sqlite3").exists()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Plain HTTP on the loopback: production's HTTPS redirect and HSTS off (their own settings).
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DATABASE_URL": f"sqlite:///{work / 'civica.sqlite3'}",
        "CIVICA_VAR_DIR": str(work),
        "CIVICA_STATIC_ROOT": str(work / "static"),
        "CIVICA_SERVE_MEDIA": "1",
        "CIVICA_BASE_URL": base,
    }
    env.pop("REDIS_URL", None)
    server = None
    try:
        print(f"Demo data and static files in {work} …", flush=True)
        if fresh:
            manage(env, "migrate", "--noinput", "-v", "0")
            manage(env, "loaddemo", "-v", "0")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        found = manage(env, "shell", "--no-imports", "-c", FIND_PAGES, capture=True).split()
        pages = options.pages or [line for line in found if line.startswith("/")]
        server = subprocess.Popen(
            [str(GUNICORN), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"],
            cwd=ROOT,
            env=env,
        )
        wait_until_up(f"{base}/healthz")
        reports = options.keep or work / "reports"  # the work folder goes at the end
        reports.mkdir(parents=True, exist_ok=True)
        rows, notes = [], []
        for number, path in enumerate(pages, start=1):
            print(f"Lighthouse {path} …", flush=True)
            report = median_report(base + path, reports / f"page-{number}.json", max(1, options.runs))
            if report is None:
                rows.append((path, dict.fromkeys(CATEGORIES, "failed")))
                continue
            scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
            rows.append((path, scores))
            for name in CATEGORIES:
                if scores[name] < TARGETS[name]:
                    notes.append(f"{path} {name}: " + "; ".join(lost_points(report, name)))
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        if not options.work:
            shutil.rmtree(work, ignore_errors=True)
    width = max(len(path) for path, _ in rows)
    print()
    print(f"{'page':<{width}}  " + "  ".join(f"{name:>14}" for name in CATEGORIES))
    print(f"{'target':<{width}}  " + "  ".join(f"{'≥ ' + str(TARGETS[name]):>14}" for name in CATEGORIES))
    for path, scores in rows:
        print(f"{path:<{width}}  " + "  ".join(f"{scores[name]:>14}" for name in CATEGORIES))
    if notes:
        print("\nBelow target (audit, score):")
        print("\n".join(f"- {note}" for note in notes))
    if options.keep:
        print(f"\nReports: {options.keep}")


if __name__ == "__main__":
    sys.exit(main())
