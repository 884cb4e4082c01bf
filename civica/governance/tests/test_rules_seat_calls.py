"""Truth table of opening a call for seats: the permission and its screen, for every role."""

import pytest

from civica.calls.tests.factories import CallFactory
from civica.governance.tests.test_seat_calls import youth_council

pytestmark = pytest.mark.django_db

PERMISSIONS = {"governance.open_seat_call"}

KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "evaluator", "facilitator",
         "moderator", "editor", "administrator", "superuser"]
EDITORS = {"editor", "administrator", "superuser"}


@pytest.mark.parametrize("kind", KINDS)
def test_who_opens_a_call_for_seats(client, make_user, kind):
    body = youth_council()
    user = make_user(kind, scope=CallFactory()) if kind in {"evaluator", "facilitator"} else make_user(kind)
    assert user.has_perm("governance.open_seat_call", body) == (kind in EDITORS)
    if kind not in {"anonymous", "inactive"}:
        client.force_login(user)
    response = client.get(f"/en/network/bodies/{body.slug}/seat-calls/new/")
    if kind in EDITORS:
        assert response.status_code == 200
    elif kind in {"anonymous", "inactive"}:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 403
        assert "Only the centre&#x27;s editors open calls for seats." in response.content.decode()


def test_an_unknown_body_is_not_found(client, editor):
    client.force_login(editor)
    assert client.get("/en/network/bodies/nobody/seat-calls/new/").status_code == 404
