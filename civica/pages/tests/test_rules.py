"""Truth table of the pages: every role × the permission and every view. Everyone reads the four pages;
only editors, administrators (and superusers) reach the list, the edit form, the history and restore;
anonymous visitors are sent to log in, everyone else gets a 403."""

import html

import pytest
from django.test import Client

from civica.network.tests.factories import OrganisationFactory
from civica.pages.models import Page

PERMISSIONS = {"pages.edit"}

KINDS = [
    "anonymous",
    "inactive",
    "unverified",
    "participant",
    "member_representative",
    "moderator",
    "evaluator",
    "facilitator",
    "editor",
    "administrator",
    "superuser",
]
EDITORS = {"editor", "administrator", "superuser"}
SCOPED = {"evaluator", "facilitator"}


@pytest.fixture
def make(make_user):
    def make(kind):
        # Scoped roles are held on something else (here an organisation): they give nothing on pages.
        return make_user(kind, scope=OrganisationFactory() if kind in SCOPED else None)

    return make


@pytest.fixture
def about(db):
    return Page.objects.get(slug="about")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_edit(make, about, kind):
    user = make(kind)
    assert user.has_perm("pages.edit", about) == (kind in EDITORS)
    assert user.has_perm("pages.edit") == (kind in EDITORS)


def _client(user):
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("path", ["/ro/about/", "/en/ciic/", "/ro/accessibility/", "/en/privacy/"])
def test_everyone_reads_the_pages(make, kind, path):
    assert _client(make(kind)).get(path).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "method, path",
    [
        ("get", "/en/pages/"),
        ("get", "/en/pages/about/edit/"),
        ("post", "/en/pages/about/edit/"),
        ("get", "/en/pages/about/history/"),
        ("post", "/en/pages/about/restore/"),
    ],
)
def test_editor_screens(make, about, kind, method, path):
    user = make(kind)
    data = {"revision": "1"} if path.endswith("restore/") else {}
    response = getattr(_client(user), method)(path, data)
    if kind in EDITORS:
        assert response.status_code in (200, 302)
        assert "/accounts/login/" not in response.get("Location", "")
    elif user.is_authenticated and user.is_active:
        assert response.status_code == 403
        assert "Only the centre's editors change the site's pages." in html.unescape(response.content.decode())
    else:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Page.objects.get(slug="about").revision == 1, "nobody saved anything"
