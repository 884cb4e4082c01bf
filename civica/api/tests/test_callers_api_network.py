"""Truth table of the network's, bodies' and plans' endpoints: everything they answer is public, so
whoever asks reads the same, and nobody reads through them what only some see on the pages: an
organisation's bookings (its representatives and the staff see them on its page), its contact e-mail,
who booked a space, a seat holder's account."""

import pytest
from django.utils import timezone

from civica.accountability.tests.factories import make_plan
from civica.governance.models import Body, BodyRole, Seat, Term
from civica.network.tests.factories import BookingFactory, MemberFactory, SpaceFactory

KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator",
         "evaluator", "facilitator", "editor", "administrator", "superuser"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_every_caller_reads_what_a_visitor_reads(client, make_user, kind):
    organisation = MemberFactory(slug="membru", email="contact@membru.ro")
    space = SpaceFactory(slug="sala")
    BookingFactory(space=space, organisation=organisation, purpose="Ședința internă")
    body = Body.objects.create(name_ro="Consiliul", slug="consiliu", role=BodyRole.CONSULTATIVE)
    holder = make_user("participant", email="titular@example.org")
    Term.objects.create(seat=Seat.objects.create(body=body), holder=holder, holder_name="Ioana",
                        starts_on=timezone.localdate())
    make_plan(year=2021, programmes=1, activities=1)
    scope = space if kind in {"evaluator", "facilitator"} else None
    user = make_user(kind, scope=organisation if kind == "member_representative" else scope)
    if kind != "anonymous":
        client.force_login(user)
    answers = {}
    for path in ("/api/v1/organisations/", "/api/v1/organisations/membru", "/api/v1/spaces/",
                 "/api/v1/spaces/sala", "/api/v1/bodies/", "/api/v1/bodies/consiliu", "/api/v1/plans/",
                 "/api/v1/plans/2021", "/api/v1/networks/", "/api/v1/programmes/"):
        response = client.get(path)
        assert response.status_code == 200, (kind, path)
        answers[path] = response.content.decode()
    everything = "".join(answers.values())
    for secret in ("contact@membru.ro", "Ședința internă", "titular@example.org"):
        assert secret not in everything, (kind, secret)
    assert "Ioana" in answers["/api/v1/bodies/consiliu"]
    assert "Booked" in answers["/api/v1/spaces/sala"] or "Rezervat" in answers["/api/v1/spaces/sala"]
