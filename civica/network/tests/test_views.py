import pytest

from civica.network.models import Category, Relationship
from civica.network.tests.factories import OrganisationFactory, ProgrammeFactory, SpaceFactory

PUBLIC_PAGES = ["/ro/network/organisations/", "/ro/network/programmes/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
@pytest.mark.parametrize("kind", [None, "unverified", "participant", "editor"])
def test_directory_is_public(client, request, path, kind):
    if kind:
        client.force_login(request.getfixturevalue(kind))
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_organisation_list_filters_by_category(client):
    OrganisationFactory(name="Universitatea Babeș-Bolyai", category=Category.UNIVERSITY)
    OrganisationFactory(name="Consiliul Județean Cluj", category=Category.PUBLIC_ADMINISTRATION,
                        relationship=Relationship.MEMBER)
    page = client.get("/en/network/organisations/?category=university").content.decode()
    assert "Universitatea Babeș-Bolyai" in page
    assert "Consiliul Județean Cluj" not in page
    everything = client.get("/en/network/organisations/?category=nonsense").content.decode()
    assert "Consiliul Județean Cluj" in everything and "Member" in everything


@pytest.mark.django_db
def test_organisation_detail_shows_category_website_and_programmes(client):
    organisation = OrganisationFactory(name="Centrul Cultural Clujean", website="https://www.cccluj.ro",
                                       category=Category.CIVIL_SOCIETY, description_en="Culture *for* change")
    ProgrammeFactory(organisation=organisation, name_ro="Jivipen", name_en="Jivipen")
    page = client.get(f"/en/network/organisations/{organisation.slug}/").content.decode()
    assert "Civil-society association" in page
    assert "www.cccluj.ro" in page
    assert "Jivipen" in page
    assert "<em>for</em>" in page


@pytest.mark.django_db
def test_programme_names_follow_the_language(client):
    programme = ProgrammeFactory(name_ro="Cercetare", name_en="Research", websites=["https://www.cccluj.ro/research"])
    assert "Cercetare" in client.get(f"/ro/network/programmes/{programme.slug}/").content.decode()
    page = client.get(f"/en/network/programmes/{programme.slug}/").content.decode()
    assert "<h1>Research</h1>" in page
    assert "www.cccluj.ro/research" in page


@pytest.mark.django_db
def test_missing_entries_are_404(client):
    assert client.get("/ro/network/organisations/nope/").status_code == 404
    assert client.get("/ro/network/programmes/nope/").status_code == 404


@pytest.mark.django_db
# The organisations: the directory (its count, a page, the page's networks), the filters' networks and
# programmes, its figures (members, partners) and how many of them it lists.
@pytest.mark.parametrize("path, queries", [("/ro/network/organisations/", 7), ("/ro/network/programmes/", 1)])
def test_lists_use_a_constant_number_of_queries(client, path, queries, assert_constant_queries):
    ProgrammeFactory.create_batch(3)
    assert_constant_queries(client, path, lambda: ProgrammeFactory.create_batch(20), expected=queries)


@pytest.mark.django_db
def test_details_use_a_constant_number_of_queries(client, assert_constant_queries):
    organisation = OrganisationFactory()
    programmes = ProgrammeFactory.create_batch(8, organisation=organisation)
    # The organisation (with its membership), its programmes and networks, then the sections the apps register
    # (calls won, meetings to come and past); the programme, its spaces and goals, then the sections the apps register
    # (objectives, activities, meetings to come and past, calls, consultations, voucher programmes:
    # test_programme_page.py).
    assert_constant_queries(client, [f"/ro/network/organisations/{organisation.slug}/",
                                     f"/ro/network/programmes/{programmes[0].slug}/"],
                            lambda: (ProgrammeFactory.create_batch(8, organisation=organisation),
                                     SpaceFactory.create_batch(5, programme=programmes[0])), expected=[6, 10])
