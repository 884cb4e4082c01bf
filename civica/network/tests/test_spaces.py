from decimal import Decimal

import pytest
from django.core.management import call_command

from civica.network.models import Space, SpaceStatus
from civica.network.tests.factories import ProgrammeFactory, SpaceFactory


@pytest.mark.django_db
def test_space_pages_show_the_facts_in_the_language(client):
    programme = ProgrammeFactory(name_en="Quantum")
    space = SpaceFactory(name_ro="Sala mare", name_en="Big room", address="Str. Exemplu 1", capacity=40,
                         accessibility_en="Step-free *entrance*", equipment_en="Projector", programme=programme,
                         booking_terms_en="Free for members")
    page = client.get("/en/network/spaces/").content.decode()
    assert "Big room" in page and "members may book it" in page
    page = client.get(f"/en/network/spaces/{space.slug}/").content.decode()
    assert "<h1>Big room</h1>" in page
    for text in ("Str. Exemplu 1", "40 people", "Step-free <em>entrance</em>", "Projector", "Quantum",
                 "Free for members", "Representatives of member organisations may book it."):
        assert text in page
    assert "Sala mare" in client.get(f"/ro/network/spaces/{space.slug}/").content.decode()
    assert space.slug in client.get(f"/en/network/programmes/{programme.slug}/").content.decode()


@pytest.mark.django_db
def test_a_space_not_open_yet_says_so_and_empty_facts_stay_out(client):
    space = SpaceFactory(closed=True, name_en="Garrison", status_note_en="Working from 2022.")
    page = client.get(f"/en/network/spaces/{space.slug}/").content.decode()
    assert "Not open yet" in page and "Working from 2022." in page and "Not open to bookings." in page
    assert "Capacity" not in page and "Address" not in page


@pytest.mark.django_db
def test_missing_space_is_404(client):
    assert client.get("/en/network/spaces/nope/").status_code == 404


@pytest.mark.django_db
def test_space_list_uses_a_constant_number_of_queries(client, assert_constant_queries):
    SpaceFactory.create_batch(2, programme=ProgrammeFactory())
    point = {"latitude": Decimal("46.77"), "longitude": Decimal("23.59")}  # on the list's map: no query more
    assert_constant_queries(client, "/en/network/spaces/",
                            lambda: SpaceFactory.create_batch(10, programme=ProgrammeFactory(), **point), expected=1)


@pytest.mark.django_db
def test_demo_spaces_quote_the_seed():
    call_command("loaddemo", verbosity=0)
    assert list(Space.objects.values_list("slug", flat=True)) == [
        "cltp-hub", "qub", "pavilionul-ecca", "garnizoana-culturala", "studio-evenimente-online"]
    garrison = Space.objects.get(slug="garnizoana-culturala")
    assert garrison.status == SpaceStatus.PREPARING and not garrison.takes_bookings
    assert "Garnizoana va fi funcțională din 2022" in garrison.status_note_ro
    studio = Space.objects.get(slug="studio-evenimente-online")
    assert studio.takes_bookings
    assert "folosit și de către membrii noștri, în mod gratuit" in studio.status_note_ro
    assert [space.slug for space in Space.objects.taking_bookings()] == ["studio-evenimente-online"]
    # What the seed does not say stays empty.
    assert not Space.objects.exclude(address="").exists()
    assert not Space.objects.filter(latitude__isnull=False).exists()
    assert not Space.objects.filter(capacity__isnull=False).exists()
    assert Space.objects.get(slug="qub").programme.slug == "quantum"
    call_command("loaddemo", verbosity=0)
    assert Space.objects.count() == 5


@pytest.mark.django_db
def test_space_detail_uses_a_constant_number_of_queries(client, assert_constant_queries):
    import datetime

    from django.utils import timezone

    from civica.meetings.tests.factories import MeetingFactory

    space = SpaceFactory(programme=ProgrammeFactory())

    def meetings(count, offset):
        for number in range(count):
            start = timezone.now() + datetime.timedelta(days=offset + number, hours=1)
            MeetingFactory(space=space, starts_at=start, ends_at=start + datetime.timedelta(hours=1),
                           is_published=number % 2 == 0)

    meetings(1, 1)
    # The space, its upcoming meetings, the meetings and the bookings that take its time.
    assert_constant_queries(client, space.get_absolute_url(), lambda: meetings(8, 3), expected=4)
