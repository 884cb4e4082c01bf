"""HTML kept for anyone (``personal_parts.render_for_anyone``) and given each request's CSRF token."""

from django.middleware.csrf import _does_token_match, rotate_token
from django.test import RequestFactory

from civica.core import personal_parts


def _token_in(html):
    return html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]


def test_a_kept_form_holds_no_token_and_each_request_puts_a_valid_one_in(settings, tmp_path):
    template = tmp_path / "form.html"
    template.write_text('<form method="post">{% csrf_token %}<button>{{ label }}</button></form>')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    kept = personal_parts.render_for_anyone("form.html", {"label": "Da"})
    assert personal_parts.CSRF_PLACEHOLDER in kept and "<button>Da</button>" in kept

    request = RequestFactory().get("/")
    first = personal_parts.with_csrf_token(request, kept)
    second = personal_parts.with_csrf_token(request, kept)
    token = _token_in(first)
    assert personal_parts.CSRF_PLACEHOLDER not in first
    assert _does_token_match(token, request.META["CSRF_COOKIE"])
    assert _token_in(second) == token  # masked once a request, as one template's forms share one

    other = RequestFactory().get("/")
    assert _token_in(personal_parts.with_csrf_token(other, kept)) != token  # nobody else's

    rotate_token(request)  # a sign-in in the same request: the old token no longer matches the new secret
    rotated = _token_in(personal_parts.with_csrf_token(request, kept))
    assert _does_token_match(rotated, request.META["CSRF_COOKIE"])
    assert not _does_token_match(token, request.META["CSRF_COOKIE"])
