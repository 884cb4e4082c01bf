"""How long the full 2021 plan document takes to render, as HTML and as PDF, with the demo data
(the seed's whole plan). Prints figures; asserts nothing.  Run: .venv/bin/python bench/bench_plan_document.py"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

setup_test_environment()
call_command("migrate", verbosity=0)
call_command("loaddemo", verbosity=0)
client = Client()
for language in ("ro", "en"):
    for suffix, label in (("document/", "HTML"), ("document.pdf", "PDF")):
        url = f"/{language}/plans/2021/{suffix}"
        client.get(url)  # warm the template cache
        runs = 3
        start = time.perf_counter()
        for _ in range(runs):
            response = client.get(url)
        seconds = (time.perf_counter() - start) / runs
        print(f"plan 2021 document {language} {label:<4} {seconds:6.2f} s  ({len(response.content) / 1024:.0f} KiB)")
