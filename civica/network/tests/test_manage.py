"""The staff's screens for the network: who gets them, creating and editing organisations, programmes
and spaces (a refused save keeps what was typed), representatives by e-mail, ordering, the audit log,
and fixed query counts."""

import pytest
from django.urls import reverse

from civica.audit.models import AuditEntry
from civica.network.models import Figure, Organisation, Programme, Representation, Space, SpaceStatus
from civica.network.tests.factories import MemberFactory, OrganisationFactory, ProgrammeFactory, SpaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(in_english):
    """The screens in English (``in_english``: conftest), their addresses under /en/."""


@pytest.fixture
def rows(db):
    organisation = MemberFactory(name="Asociația Teatrului", slug="teatru")
    programme = ProgrammeFactory(slug="academia", organisation=organisation)
    space = SpaceFactory(slug="qub", name_ro="Qub", name_en="Qub")
    Figure.objects.create(key="members", value=117, label_ro="membri", label_en="members", source_ro="Despre noi")
    return organisation, programme, space


def screens(organisation, programme, space):
    return [reverse("network:manage"), reverse("network:manage_organisations"),
            reverse("network:manage_organisation_new"),
            reverse("network:manage_organisation", args=[organisation.slug]),
            reverse("network:manage_representative_add", args=[organisation.slug]),
            reverse("network:manage_programmes"), reverse("network:manage_programme_new"),
            reverse("network:manage_programme", args=[programme.slug]), reverse("network:manage_spaces"),
            reverse("network:manage_space_new"), reverse("network:manage_space", args=[space.slug]),
            reverse("network:manage_figures"), reverse("network:manage_figure_new"),
            reverse("network:manage_figure", args=["members"])]


def test_each_screen_is_for_editors(client, make_user, rows):
    urls = screens(*rows)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    client.force_login(make_user("participant"))
    for url in urls:
        assert client.get(url).status_code == 403, url
    client.force_login(make_user("administrator"))
    for url in urls:
        assert client.get(url).status_code == 200, url
    client.force_login(make_user("editor"))
    for url in urls[:4] + urls[5:]:
        assert client.get(url).status_code == 200, url
    # Who represents an organisation is the administrators' to say, as roles are.
    assert client.get(urls[4]).status_code == 403


def test_an_editor_creates_an_organisation_and_a_refusal_keeps_what_was_typed(client, make_user):
    editor = make_user("editor")
    client.force_login(editor)
    OrganisationFactory(slug="taken")
    url = reverse("network:manage_organisation_new")
    data = {"name": "Fundația Comunitară", "slug": "taken", "category": "civil_society", "relationship": "member",
            "dues_category": "ngos", "city": "Cluj-Napoca", "description_ro": "Despre noi",
            "description_en": "About us"}
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was saved" in page and "Fundația Comunitară" in page and "About us" in page
    assert not Organisation.objects.filter(name="Fundația Comunitară").exists()
    response = client.post(url, {**data, "slug": "fundatia"})
    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="fundatia")
    assert organisation.relationship == "member" and organisation.description_en == "About us"
    assert organisation.membership.dues_category == "ngos"
    entry = AuditEntry.objects.get(action="network.organisation.create")
    assert entry.actor == editor and entry.changes["name"] == [None, "Fundația Comunitară"]


def test_an_editor_edits_a_spaces_opening_status(client, make_user, rows):
    _organisation, programme, space = rows
    client.force_login(make_user("editor"))
    url = reverse("network:manage_space", args=[space.slug])
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and name != "image"}
    data.update(status=SpaceStatus.PREPARING, status_note_ro="Se deschide în martie.",
                status_note_en="Opens in March.", is_bookable="", programme=programme.pk)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    space.refresh_from_db()
    assert space.status == SpaceStatus.PREPARING and not space.is_bookable and space.programme == programme
    entry = AuditEntry.objects.get(action="network.space.update")
    assert entry.changes["status"] == ["open", "preparing"] and entry.changes["is_bookable"] == [True, False]
    # The public page says so.
    assert "Opens in March." in client.get(space.get_absolute_url()).content.decode()


def test_a_refused_space_keeps_the_typed_text_beside_the_error(client, make_user, rows):
    client.force_login(make_user("editor"))
    response = client.post(reverse("network:manage_space_new"), {
        "name_ro": "Sala nouă", "name_en": "New room", "slug": "qub", "kind": "studio", "status": "open",
        "booking_terms_en": "Ask a week ahead.", "latitude": "46.7"})
    page = response.content.decode()
    assert response.status_code == 200 and "Ask a week ahead." in page and "Sala nouă" in page
    assert set(response.context["form"].errors) == {"slug", "longitude"} or "slug" in response.context["form"].errors
    assert Space.objects.count() == 1


def test_programmes_are_created_with_websites_and_reordered(client, make_user, rows):
    organisation, first, _space = rows
    client.force_login(make_user("editor"))
    response = client.post(reverse("network:manage_programme_new"), {
        "name_ro": "Arta în Joacă", "name_en": "Art at Play", "slug": "arta", "organisation": organisation.pk,
        "summary_ro": "Pentru copii", "websites": "https://arta.example.org\nnot an address"})
    assert "is not a web address" in response.content.decode()
    response = client.post(reverse("network:manage_programme_new"), {
        "name_ro": "Arta în Joacă", "name_en": "Art at Play", "slug": "arta", "organisation": organisation.pk,
        "summary_ro": "Pentru copii", "websites": "https://arta.example.org\n"})
    assert response.status_code == 302
    second = Programme.objects.get(slug="arta")
    assert second.websites == ["https://arta.example.org"]
    names = [programme.slug for programme in Programme.objects.order_by("position", "name_ro")]
    assert names == ["arta", "academia"] or names == ["academia", "arta"]
    last = names[-1]
    client.post(reverse("network:manage_programme_move", args=[last]), {"direction": "up"})
    assert [p.slug for p in Programme.objects.order_by("position", "name_ro")][0] == last
    assert AuditEntry.objects.filter(action="network.programme.reorder").exists()


def test_representatives_are_added_by_email_and_removed(client, make_user, rows):
    organisation = rows[0]
    administrator = make_user("administrator")
    person = make_user("participant", email="ana@example.org")
    client.force_login(administrator)
    add = reverse("network:manage_representative_add", args=[organisation.slug])
    response = client.post(add, {"email": "nobody@example.org", "position": "președintă"})
    assert response.status_code == 200 and "No account has this e-mail address" in response.content.decode()
    assert "președintă" in response.content.decode()
    assert client.post(add, {"email": "ANA@example.org", "position": "președintă"}).status_code == 302
    representation = Representation.objects.get(organisation=organisation)
    assert representation.user == person and person.has_perm("network.book_for_organisation", organisation)
    response = client.post(add, {"email": "ana@example.org"})
    assert "already represents" in response.content.decode()
    page = client.get(reverse("network:manage_organisation", args=[organisation.slug])).content.decode()
    assert "ana@example.org" in page
    client.post(reverse("network:manage_representative_remove", args=[organisation.slug, representation.pk]))
    assert not Representation.objects.filter(organisation=organisation).exists()
    assert list(AuditEntry.objects.filter(action__startswith="network.representation").values_list(
        "action", flat=True).order_by("pk")) == ["network.representation.create", "network.representation.delete"]


def test_an_editor_may_not_remove_a_representative(client, make_user, rows):
    organisation = rows[0]
    representative = make_user("member_representative", scope=organisation)
    client.force_login(make_user("editor"))
    representation = Representation.objects.get(user=representative)
    response = client.post(reverse("network:manage_representative_remove", args=[organisation.slug,
                                                                                 representation.pk]))
    assert response.status_code == 302
    assert Representation.objects.filter(pk=representation.pk).exists()


def test_lists_and_forms_cost_fixed_queries(client, make_user, rows, assert_constant_queries):
    organisation, programme, space = rows
    client.force_login(make_user("administrator"))
    counter = iter(range(1000))

    def grow():
        for _ in range(3):
            number = next(counter)
            other = MemberFactory()
            make_user("member_representative", scope=other)
            make_user("member_representative", scope=organisation)
            ProgrammeFactory(organisation=other)
            SpaceFactory(programme=programme, slug=f"room-{number}")
            Figure.objects.create(key=f"figure-{number}", value=number, label_ro="ceva", source_ro="sursa")

    assert_constant_queries(client, screens(organisation, programme, space), grow)


def test_figures_are_edited_and_reordered(client, make_user, rows):
    client.force_login(make_user("editor"))
    response = client.post(reverse("network:manage_figure_new"), {
        "key": "schools", "value": "-3", "label_ro": "școli", "label_en": "schools", "source_ro": "Raport"})
    assert response.status_code == 200 and "școli" in response.content.decode()
    response = client.post(reverse("network:manage_figure_new"), {
        "key": "schools", "value": "35", "label_ro": "școli", "label_en": "schools", "source_ro": "Raport",
        "source_url": "ciic.example.org/raport"})
    assert response.status_code == 302
    figure = Figure.objects.get(key="schools")
    assert figure.value == 35 and figure.source_url == "https://ciic.example.org/raport"
    client.post(reverse("network:manage_figure_move", args=["schools"]), {"direction": "up"})
    assert list(Figure.objects.values_list("key", flat=True)) == ["schools", "members"]
    assert AuditEntry.objects.filter(action="network.figure.create").exists()
