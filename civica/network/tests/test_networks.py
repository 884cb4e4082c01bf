"""Members and networks from data (issue 18, point 1): memberships kept with the relationship, networks
and their entities, figures counted or stated, the directory (filters, pages, exports) and an
organisation's page."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from civica.network import selectors, services
from civica.network.models import (
    Category,
    DuesCategory,
    EntityKind,
    Figure,
    FigureCount,
    Membership,
    NetworkEntity,
    Organisation,
    Relationship,
)
from civica.network.registry import OrganisationSection, SectionItem, organisation_sections
from civica.network.tests.factories import (
    MemberFactory,
    NetworkEntityFactory,
    NetworkFactory,
    OrganisationFactory,
    ProgrammeFactory,
)


def figure(key, **fields):
    return Figure.objects.create(key=key, value=fields.pop("value", 117), label_ro=key, label_en=key,
                                 source_ro="pagina „Despre”", source_en="the About page", **fields)


# Memberships -------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_an_organisation_saved_as_member_gets_its_membership_and_loses_it_when_it_stops(editor):
    organisation = services.organisation_save(
        by=editor, name="Teatrul Exemplu", slug="teatrul-exemplu", category=Category.CULTURAL_INSTITUTION,
        relationship=Relationship.MEMBER, member_since=None, dues_category=DuesCategory.INSTITUTIONS)
    assert organisation.membership.dues_category == DuesCategory.INSTITUTIONS
    services.organisation_save(organisation=organisation, by=editor, relationship=Relationship.PARTNER)
    assert not Membership.objects.filter(organisation=organisation).exists()


@pytest.mark.django_db
def test_a_member_without_a_dues_category_gets_the_one_of_its_category(editor):
    organisation = OrganisationFactory(category=Category.PUBLIC_ADMINISTRATION)
    services.organisation_save(organisation=organisation, by=editor, relationship=Relationship.MEMBER)
    assert Membership.objects.get(organisation=organisation).dues_category == DuesCategory.ADMINISTRATIONS


@pytest.mark.django_db
def test_the_staff_form_asks_a_member_for_its_dues_category(client, editor):
    organisation = OrganisationFactory()
    client.force_login(editor)
    data = {"name": organisation.name, "slug": organisation.slug, "category": Category.UNIVERSITY,
            "relationship": Relationship.MEMBER, "member_since": "2019-05-02", "dues_category": ""}
    response = client.post(f"/en/network/manage/organisations/{organisation.slug}/", data)
    assert response.status_code == 200
    assert "A member pays its dues in one of the categories: choose it." in response.content.decode()
    response = client.post(f"/en/network/manage/organisations/{organisation.slug}/",
                           dict(data, dues_category=DuesCategory.INSTITUTIONS))
    assert response.status_code == 302
    membership = Membership.objects.get(organisation=organisation)
    assert str(membership.since) == "2019-05-02" and membership.dues_category == DuesCategory.INSTITUTIONS


@pytest.mark.django_db
def test_members_and_memberships_agree_after_the_demo(db):
    from django.core.management import call_command

    call_command("loaddemo", verbosity=0)
    entities = NetworkEntity.objects.count()
    call_command("loaddemo", verbosity=0)  # loaded again: nothing doubled
    assert NetworkEntity.objects.count() == entities
    assert set(NetworkEntity.objects.filter(is_fictional=False).values_list("name", flat=True)) >= {
        "Ministerul Culturii", "Sites et Cités Remarquables de France", "Centrul de Inovare și Imaginație Civică"}
    members = set(Organisation.objects.members().values_list("pk", flat=True))
    assert members and members == set(Membership.objects.values_list("organisation_id", flat=True))
    assert not Figure.objects.exclude(counts=FigureCount.STATED).exists()  # the records are incomplete
    assert Figure.objects.get(key="schools").network.slug == "cluj-school-network"


# Figures: counted or stated ----------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_counted_figure_shows_the_count_and_a_stated_one_its_source_value(django_assert_max_num_queries):
    network = NetworkFactory()
    NetworkEntityFactory.create_batch(3, network=network)
    MemberFactory.create_batch(2)
    figure("members", counts=FigureCount.MEMBERS, value=117)
    figure("schools", counts=FigureCount.NETWORK, network=network, value=35)
    figure("partners", value=60, more_than=True)
    with django_assert_max_num_queries(3):
        shown = {item.figure.key: item for item in selectors.shown_figures()}
    assert (shown["members"].value, shown["members"].counted) == (2, True)
    assert shown["members"].url == "/ro/network/organisations/?relationship=member"
    assert (shown["schools"].value, shown["schools"].counted) == (3, True)
    assert shown["schools"].url == f"/ro/network/networks/{network.slug}/"
    assert (shown["partners"].value, shown["partners"].more_than, shown["partners"].counted) == (60, True, False)
    assert shown["partners"].url == "/ro/network/figures/#figure-partners"


@pytest.mark.django_db
def test_a_figure_counting_a_network_names_it():
    with pytest.raises(ValidationError):
        Figure(key="x", value=1, label_ro="x", source_ro="x", counts=FigureCount.NETWORK).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        figure("x", counts=FigureCount.NETWORK)


@pytest.mark.django_db
def test_the_home_page_says_which_figures_are_counted_and_links_each_to_where_it_comes_from(client):
    network = NetworkFactory(slug="schools")
    NetworkEntityFactory.create_batch(2, network=network)
    MemberFactory.create_batch(4)
    figure("members", counts=FigureCount.MEMBERS)
    figure("schools", counts=FigureCount.NETWORK, network=network)
    figure("partners", value=60, more_than=True, year=2021)
    page = client.get("/en/").content.decode()
    assert ('<a href="/en/network/organisations/?relationship=member" class="figure-link"><strong>4</strong> '
            '<span>members</span></a>') in page
    assert "(counted from the directory)" in page
    assert '<a href="/en/network/networks/schools/" class="figure-link"><strong>2</strong>' in page
    assert "(counted from the network's list)" in page
    assert '<a href="/en/network/figures/#figure-partners" class="figure-link"><strong>60+</strong>' in page
    assert "(2021, source: the About page)" in page
    # The directory lists as many members as the home page says.
    directory = client.get("/en/network/organisations/?relationship=member").content.decode()
    assert "4 organisations" in directory
    members_line = directory[directory.index('class="figure-link"><strong>4</strong>'):]
    members_line = members_line[:members_line.index("</li>")]
    assert "(counted from the directory)" in members_line and "listed here" not in members_line


@pytest.mark.django_db
def test_a_stated_figure_on_the_directory_explains_the_difference(client):
    MemberFactory.create_batch(2)
    figure("members", value=117)
    page = client.get("/en/network/organisations/").content.decode()
    assert "· 2 of them are listed here: the others are not entered yet." in page
    figure_page = client.get("/en/network/figures/").content.decode()
    assert 'id="figure-members"' in figure_page and "source: the About page, no date given" in figure_page


# The directory -----------------------------------------------------------------------------------------

@pytest.fixture
def directory(db):
    programme = ProgrammeFactory(slug="arta")
    network = NetworkFactory(slug="csn", programme=programme)
    school = MemberFactory(name="Liceul Exemplu", category=Category.CULTURAL_INSTITUTION)
    NetworkEntityFactory(network=network, organisation=school, name=school.name)
    university = OrganisationFactory(name="Universitatea Exemplu", category=Category.UNIVERSITY)
    return {"programme": programme, "network": network, "school": school, "university": university}


def names(response):
    return {organisation.name for organisation in response.context["organisations"]}


@pytest.mark.django_db
@pytest.mark.parametrize("query, expected", [
    ("", {"Liceul Exemplu", "Universitatea Exemplu", "Organisation"}),
    ("category=university", {"Universitatea Exemplu"}),
    ("relationship=member", {"Liceul Exemplu"}),
    ("network=csn", {"Liceul Exemplu"}),
    ("programme=arta", {"Liceul Exemplu", "Organisation"}),  # the programme's own organisation runs it
])
def test_the_directory_filters(client, directory, query, expected):
    response = client.get(f"/en/network/organisations/?{query}")
    found = {name if not name.startswith("Organisation ") else "Organisation" for name in names(response)}
    assert found == expected


@pytest.mark.django_db
def test_a_bad_filter_is_said_and_not_applied(client, directory):
    response = client.get("/en/network/organisations/?category=nope&network=%C2%B2&programme=arta")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Category: “nope” is not one of the choices for this filter: it is not applied." in page
    assert 'role="alert"' in page
    assert names(response) == {"Liceul Exemplu", directory["programme"].organisation.name}


@pytest.mark.django_db
def test_the_directory_is_paginated(client):
    OrganisationFactory.create_batch(30)
    first = client.get("/en/network/organisations/")
    assert len(first.context["organisations"]) == 24 and "Page 1 of 2" in first.content.decode()
    assert len(client.get("/en/network/organisations/?page=2").context["organisations"]) == 6
    assert client.get("/en/network/organisations/?page=%C2%B2").status_code == 200


FUZZ = st.one_of(st.sampled_from(["", "\x00", "²", "9" * 25, "-1", "member", "university", "csn", "arta",
                                  "<script>", "ș" * 300]), st.text(max_size=12))


@pytest.mark.django_db
def test_fuzzing_the_directory_query_never_fails(client, directory):
    @settings(max_examples=40, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.fixed_dictionaries({}, optional={name: FUZZ for name in
                                               ("category", "relationship", "network", "programme", "page")}))
    def get(query):
        for path in ("/ro/network/organisations/", "/ro/network/organisations/export.csv"):
            response = client.get(path, query)
            # A NUL is refused by core's middleware (400) before the view; nothing fails.
            assert response.status_code in (200, 400), (path, query)

    get()


@pytest.mark.django_db
def test_the_directory_costs_the_same_queries_for_more_organisations(client, directory, assert_constant_queries):
    def grow():
        for number in range(10):
            organisation = MemberFactory()
            NetworkEntityFactory(network=directory["network"], organisation=organisation, name=f"n{number}")

    assert_constant_queries(client, ["/en/network/organisations/", "/en/network/organisations/?network=csn",
                                     "/en/network/networks/", "/en/network/networks/csn/", "/en/network/figures/"],
                            grow)


@pytest.mark.django_db
def test_the_exports_neutralise_formulas_and_follow_the_filters(client, directory):
    MemberFactory(name="=HYPERLINK(\"http://evil\")", category=Category.UNIVERSITY)
    response = client.get("/en/network/organisations/export.csv?category=university")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["Name", "Category", "Relationship to the centre"]
    assert {row[0] for row in rows[1:]} == {"'=HYPERLINK(\"http://evil\")", "Universitatea Exemplu"}
    response = client.get("/en/network/organisations/export.xlsx?network=csn")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][0] == "Liceul Exemplu" and values[1][7] == directory["network"].name_en
    assert len(values) == 2


# An organisation's page --------------------------------------------------------------------------------

@pytest.fixture
def registered_section():
    section = OrganisationSection(key="test_won", title="Won", order=1, items=lambda organisation: [
        SectionItem(title=f"Won by {organisation.name}", url="/somewhere/")])
    organisation_sections.register(section)
    yield section
    organisation_sections._sections.pop(section.key)


@pytest.mark.django_db
def test_the_organisation_page_shows_membership_networks_and_registered_sections(client, directory,
                                                                                  registered_section,
                                                                                  django_assert_max_num_queries):
    school = directory["school"]
    with django_assert_max_num_queries(8):
        page = client.get(f"/en/network/organisations/{school.slug}/").content.decode()
    assert "Dues category</dt><dd>Institutions</dd>" in page
    assert "Member since</dt><dd>not known</dd>" in page
    assert f'<a href="/en/network/networks/csn/">{directory["network"].name_en}</a> (School)' in page
    assert "Won by Liceul Exemplu" in page
    assert "Bookings of the centre's spaces" not in page  # not public


# Network pages -----------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_network_page_lists_its_entities_by_kind_where_they_are_and_the_fictional_ones(client):
    network = NetworkFactory(slug="rr", name_en="Remarkable Romania")
    NetworkEntityFactory(network=network, kind=EntityKind.LOCALITY, name="Comuna A", locality="", county="Cluj",
                         is_fictional=True)
    NetworkEntityFactory(network=network, kind=EntityKind.PARTNER, name="Sites et Cités", locality="Paris",
                         county="", country="Franța")
    figure("municipalities", value=12, network=network)
    page = client.get("/en/network/networks/rr/").content.decode()
    assert page.index(">Locality (1)<") < page.index(">Partner organisation (1)<")
    assert "<td>Paris</td><td>—</td><td>Franța</td>" in page
    assert "1 entry below is fictional" in page and '<span class="badge">fictional</span>' in page
    assert "<strong>12</strong>" in page and "2 of them are recorded here." in page
    listing = client.get("/en/network/networks/").content.decode()
    assert "Remarkable Romania" in listing and "Locality: 1 · Partner organisation: 1" in listing
    assert client.get("/en/network/networks/nope/").status_code == 404


@pytest.mark.django_db
def test_an_editor_switches_a_figure_to_counted_and_a_counted_network_figure_needs_its_network(client, editor):
    network = NetworkFactory()
    NetworkEntityFactory.create_batch(2, network=network)
    figure("schools", value=35)
    client.force_login(editor)
    data = {"key": "schools", "value": "35", "label_ro": "școli", "label_en": "schools", "source_ro": "pagina",
            "source_en": "page", "counts": FigureCount.NETWORK, "network": ""}
    response = client.post("/en/network/manage/figures/schools/", data)
    assert response.status_code == 200
    assert "Choose the network whose entities the figure counts." in response.content.decode()
    response = client.post("/en/network/manage/figures/schools/", dict(data, network=network.pk))
    assert response.status_code == 302
    assert selectors.shown_figures()[0].value == 2


@pytest.mark.django_db
@pytest.mark.parametrize("kind, may", [("anonymous", False), ("participant", False), ("member", False),
                                       ("moderator", False), ("editor", True), ("administrator", True)])
def test_who_keeps_the_networks_in_the_admin(make_user, kind, may):
    user = make_user("member_representative") if kind == "member" else make_user(kind)
    for model in ("network", "networkentity"):
        for action in ("view", "add", "change", "delete"):
            assert user.has_perm(f"network.{action}_{model}") == may, (model, action)
