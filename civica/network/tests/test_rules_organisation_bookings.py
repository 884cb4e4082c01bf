"""Truth table of who sees an organisation's bookings of the centre's spaces on its page: its
representatives and the staff, nobody else."""

import pytest

from civica.network.tests.factories import BookingFactory, MemberFactory, SpaceFactory

PERMISSIONS = {"network.see_organisation_bookings"}


@pytest.mark.django_db
@pytest.mark.parametrize("kind, sees", [("anonymous", False), ("participant", False), ("other_member", False),
                                        ("representative", True), ("moderator", False), ("editor", True),
                                        ("administrator", True)])
def test_who_sees_an_organisations_bookings(client, make_user, kind, sees):
    organisation = MemberFactory()
    BookingFactory(organisation=organisation, space=SpaceFactory(name_en="The studio"))
    if kind == "representative":
        user = make_user("member_representative", scope=organisation)
    elif kind == "other_member":
        user = make_user("member_representative", scope=MemberFactory())
    else:
        user = make_user(kind)
    assert user.has_perm("network.see_organisation_bookings", organisation) == sees
    if user.is_authenticated:
        client.force_login(user)
    page = client.get(f"/en/network/organisations/{organisation.slug}/").content.decode()
    assert ("Bookings of the centre's spaces" in page) == sees
