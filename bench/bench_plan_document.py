"""How long the full 2021 plan document takes to render, as HTML and as PDF, with the demo data
(the seed's whole plan): the PDF's first rendering (on a worker; here in the process) and the request
that serves it, once stored. Prints figures; asserts nothing.  Run: .venv/bin/python bench/bench_plan_document.py"""

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


def _size(response):
    return len(response.getvalue()) if response.streaming else len(response.content)


for language in ("ro", "en"):
    start = time.perf_counter()
    response = client.get(f"/{language}/plans/2021/document.pdf")  # rendered and stored (no broker here)
    print(f"plan 2021 document {language} PDF, first rendering {time.perf_counter() - start:6.2f} s  "
          f"({_size(response) / 1024:.0f} KiB)")
    for suffix, label in (("document/", "HTML"), ("document.pdf", "PDF")):
        url = f"/{language}/plans/2021/{suffix}"
        client.get(url)  # warm the template cache (the PDF: stored by now, served from the storage)
        runs = 3
        start = time.perf_counter()
        for _ in range(runs):
            response = client.get(url)
        seconds = (time.perf_counter() - start) / runs
        print(f"plan 2021 document {language} {label:<4} {seconds:6.2f} s  ({_size(response) / 1024:.0f} KiB)")
