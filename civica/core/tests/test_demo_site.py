"""`make demo` as a visitor meets it: the site's own address in links, Civica's own error pages (DEBUG
off), and static and public media files still served."""

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings

BASE_DIR = Path(__file__).resolve().parents[3]

# What a visitor of the demo meets, read in a separate process with the environment `make demo` gives
# its server (settings are read once per process).
VISIT = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client, override_settings

client = Client(SERVER_NAME="localhost", raise_request_exception=False)
seen = {"base_url": settings.CIVICA_BASE_URL, "debug": settings.DEBUG}
response = client.get("/ro/no-such-page/")
seen["404"] = [response.status_code, response.content.decode()]
with override_settings(ROOT_URLCONF="civica.core.tests.urls_failing"):
    response = client.get("/fail/")
seen["500"] = [response.status_code, response.content.decode()]
response = client.get("/static/css/tokens.css")
seen["static"] = [response.status_code, b"".join(response).decode()[:200]]
response = client.get("/media/ideas/photo.txt")
seen["media"] = [response.status_code, b"".join(response).decode()]
print(json.dumps(seen))
"""


def _demo_server_environment(**make_variables) -> dict:
    """The variables `make demo` sets on the command that serves the site (from a dry run)."""
    arguments = [f"{name}={value}" for name, value in make_variables.items()]
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", "demo", *arguments],
        cwd=BASE_DIR, capture_output=True, text=True, timeout=60, check=True,
    )
    server = next(line for line in result.stdout.splitlines() if "manage.py runserver" in line)
    words = shlex.split(server)
    return dict(word.split("=", 1) for word in words[: words.index("manage.py") - 1] if "=" in word)


@pytest.fixture(scope="module")
def demo_visit(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("demo-var")
    media = var_dir / "media" / "ideas"
    media.mkdir(parents=True)
    (media / "photo.txt").write_text("a public image stand-in", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CIVICA_", "DATABASE_"))}
    env.update(CIVICA_VAR_DIR=str(var_dir), DJANGO_SETTINGS_MODULE="config.settings.dev")  # manage.py's default
    env.update(_demo_server_environment(PORT="8123"))
    result = subprocess.run(
        [sys.executable, "-c", VISIT], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_make_demo_gives_links_the_address_it_serves_on(demo_visit):
    assert demo_visit["base_url"] == "http://127.0.0.1:8123"


def test_make_demo_sets_the_address_from_host_and_port_unless_given():
    assert _demo_server_environment(HOST="localhost", PORT="9000")["CIVICA_BASE_URL"] == "http://localhost:9000"
    given = _demo_server_environment(PORT="9000", CIVICA_BASE_URL="https://demo.example.org")
    assert given["CIVICA_BASE_URL"] == "https://demo.example.org"


def test_the_demo_answers_an_unknown_address_with_civicas_own_404(demo_visit):
    assert demo_visit["debug"] is False
    status, page = demo_visit["404"]
    assert status == 404
    assert "Pagina nu a fost găsită" in page
    assert "URLconf" not in page and "admin/" not in page  # no list of the site's routes


def test_the_demo_answers_a_failure_with_civicas_own_500(demo_visit):
    status, page = demo_visit["500"]
    assert status == 500
    assert "Ceva nu a mers bine" in page
    assert "RuntimeError" not in page and "Traceback" not in page


def test_the_demo_still_serves_static_and_public_media_files(demo_visit):
    assert demo_visit["static"][0] == 200
    assert demo_visit["media"] == [200, "a public image stand-in"]


@pytest.mark.django_db
def test_media_is_served_by_the_app_only_where_a_setting_allows_it(client):
    # The public uploads' storage (in memory in the tests, MEDIA_ROOT elsewhere).
    name = default_storage.save("image.txt", ContentFile(b"public"))
    with override_settings(CIVICA_SERVE_MEDIA=False):
        assert client.get(f"/media/{name}").status_code == 404
    with override_settings(CIVICA_SERVE_MEDIA=True):
        response = client.get(f"/media/{name}")
        assert response.status_code == 200
        assert b"".join(response) == b"public"
        client.raise_request_exception = False
        assert client.get("/media/../config/settings/base.py").status_code in {400, 404}
