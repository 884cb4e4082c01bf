import json

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper


@pytest.mark.django_db
def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_unreachable(client, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "error"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "accept_language, expected",
    [("en-GB,en;q=0.9", "/en/"), ("ro-RO,ro;q=0.9", "/ro/"), ("de-DE", "/ro/"), ("", "/ro/")],
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
def test_unknown_page_is_a_translated_404(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    response = client.get("/ro/no-such-page/")
    assert "Pagina nu a fost găsită" in response.content.decode()


@pytest.mark.django_db
def test_responses_carry_a_content_security_policy(client):
    response = client.get("/ro/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_language_switcher_keeps_the_current_page(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/ro/network/programmes/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/network/programmes/"


@pytest.mark.django_db
def test_language_switch_is_remembered_on_the_profile(client, participant):
    client.force_login(participant)
    client.post("/i18n/setlang/", {"language": "en", "next": "/ro/account/"})
    participant.refresh_from_db()
    assert participant.language == "en"


@pytest.mark.django_db
def test_language_switcher_ignores_unknown_languages(client, participant):
    client.force_login(participant)
    client.post("/i18n/setlang/", {"language": "xx", "next": "/ro/"})
    participant.refresh_from_db()
    assert participant.language == "ro"


@pytest.mark.django_db
def test_a_visitor_switches_language_by_a_link_that_keeps_the_page(client):
    page = client.get("/ro/network/programmes/?page=1").content.decode()
    link = "/i18n/setlang/?language=en&amp;next=/ro/network/programmes/%3Fpage%3D1"
    assert link in page
    assert 'name="csrfmiddlewaretoken"' not in page  # nothing per visitor in the header
    response = client.get("/i18n/setlang/", {"language": "en", "next": "/ro/network/programmes/?page=1"})
    assert response.status_code == 302
    assert response["Location"] == "/en/network/programmes/?page=1"
    assert response.cookies["django_language"].value == "en"


@pytest.mark.django_db
def test_the_language_link_never_leads_to_another_site(client):
    response = client.get("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"
    response = client.get("/i18n/setlang/", {"language": "xx", "next": "/ro/"})
    assert response["Location"] == "/ro/"
    assert "django_language" not in response.cookies


@pytest.mark.django_db
def test_a_signed_in_person_switches_language_with_a_form(client, participant):
    client.force_login(participant)
    page = client.get("/ro/network/programmes/").content.decode()
    assert '<form class="language-switcher"' in page
    assert 'name="csrfmiddlewaretoken"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("browser_language", ["en-US,en;q=0.9", "ro-RO", ""])
def test_the_switch_works_whatever_language_the_browser_asks_for(client, browser_language):
    # The switch itself lives outside the language prefix, so the request's language comes from the
    # browser: the page it goes back to must still be read in its own language.
    headers = {"Accept-Language": browser_language} if browser_language else {}
    response = client.get("/i18n/setlang/", {"language": "en", "next": "/ro/processes/?state=active"},
                          headers=headers)
    assert response["Location"] == "/en/processes/?state=active"
    response = client.get("/i18n/setlang/", {"language": "ro", "next": "/en/processes/"}, headers=headers)
    assert response["Location"] == "/ro/processes/"
