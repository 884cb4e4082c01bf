"""Server-side time of the busiest foundation pages with the demo data, through Django's
test client on an in-memory SQLite database. Prints figures; asserts nothing."""

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

from civica.accounts.models import User  # noqa: E402

PAGES = ["/ro/", "/en/", "/ro/network/programmes/", "/ro/network/organisations/", "/ro/account/"]
REPEAT = 200

anonymous, member = Client(), Client()
member.force_login(User.objects.get(email="member@civica.test"))
for label, client in (("anonymous", anonymous), ("signed in", member)):
    for path in PAGES:
        if path == "/ro/account/" and label == "anonymous":
            continue
        client.get(path)
        start = time.perf_counter()
        for _ in range(REPEAT):
            client.get(path)
        seconds = (time.perf_counter() - start) / REPEAT
        print(f"page  {label:<10} {path:<30} {seconds * 1000:7.2f} ms/request")
