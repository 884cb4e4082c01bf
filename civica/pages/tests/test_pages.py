"""The pages as people see them (both languages, the sections fed by data, the sanitiser, query
counts) and the editors' screens (preview, save, a conflict that keeps what was typed, history with
an escaped diff, restore), and a fuzz of the edit form."""

import html

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civica.accountability.models import PlanStatus
from civica.accountability.tests.factories import make_plan
from civica.network.models import Figure
from civica.pages import services
from civica.pages.models import CONTENT_FIELDS, Page


def text(response):
    return html.unescape(response.content.decode())


def form_data(page, **changes):
    data = {name: getattr(page, name) for name in CONTENT_FIELDS if name != "sections"}
    data.update(based_on=page.revision, sections=page.sections, note="", action="save")
    data.update(changes)
    return data


@pytest.fixture
def about(db):
    return Page.objects.get(slug="about")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, expected",
    [
        (
            "/ro/about/",
            [
                "Despre Centrul Cultural Clujean",
                "<h2>Obiective strategice</h2>",
                "Studiotopia – Colliding Epistemes",
                "Ordinul „Meritul Cultural” în grad de Cavaler",
                '<meta name="description" content="Mobilizăm',
            ],
        ),
        (
            "/en/about/",
            ["About the Cluj Cultural Centre", "<h2>Strategic objectives</h2>", "Interdisciplinary Activation"],
        ),
        (
            "/ro/ciic/",
            [
                "Imaginăm viitorul orașului!",
                "peste 40 de dezbateri publice",
                "cod SMIS 151461",
                "421.935,00 lei",
                'href="mailto:imaginatiecivica@primariaclujnapoca.ro"',
                'href="/ro/processes/"',
            ],
        ),
        (
            "/en/ciic/",
            ["We imagine the city's future!", "Over 40 public debates", "421,935.00 lei", 'href="/en/calls/"'],
        ),
        ("/ro/accessibility/", ["Declarație de accesibilitate", "<h2>Cum verificăm</h2>", "nivelul AA"]),
        ("/en/accessibility/", ["Accessibility statement", "WCAG) 2.1, level AA", 'href="mailto:office@cccluj.ro"']),
        ("/ro/privacy/", ["Notă de confidențialitate", "participant șters"]),
        ("/en/privacy/", ["Privacy notice", "deleted participant"]),
    ],
)
def test_the_pages_in_each_language(client, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    page = text(response)
    for fragment in expected:
        assert html.unescape(fragment) in page, fragment
    assert "Edit this page" not in page


@pytest.mark.django_db
def test_about_shows_the_networks_figures_from_data(client):
    Figure.objects.create(
        key="members",
        value=117,
        label_ro="organizații membre",
        label_en="member organisations",
        source_ro="Pagina CCC",
        position=1,
    )
    partners = Figure.objects.create(
        key="partners",
        value=60,
        more_than=True,
        label_ro="parteneri",
        label_en="partners",
        source_ro="Pagina CCC",
        position=2,
    )
    page = text(client.get("/en/about/"))
    assert "The network in figures" in page
    assert "<strong>117</strong> <span>member organisations</span>" in page
    assert "<strong>60+</strong> <span>partners</span>" in page
    partners.value, partners.more_than = 75, False
    partners.save()
    page = text(client.get("/en/about/"))
    assert "<strong>75</strong> <span>partners</span>" in page and "60+" not in page
    # A page without the section shows no figures.
    assert "The network in figures" not in text(client.get("/en/ciic/"))


@pytest.mark.django_db
def test_about_lists_the_approved_plans_with_their_documents(client):
    approved = make_plan(year=2020, programmes=0, activities=0)
    make_plan(year=2021, programmes=0, activities=0, status=PlanStatus.DRAFT)
    page = text(client.get("/en/about/"))
    assert f'href="/en/plans/{approved.slug}/document.pdf"' in page
    assert f'href="/en/plans/{approved.slug}/document/"' in page
    assert 'href="/en/plans/2021/' not in page, "a draft is not among the reports"
    assert 'href="/en/plans/"' in page


@pytest.mark.django_db
def test_markdown_is_sanitised(client, about, editor):
    services.save_page(
        page=about,
        by=editor,
        based_on=1,
        title_ro=about.title_ro,
        title_en=about.title_en,
        summary_ro="<b>Rezumat</b>",
        summary_en="",
        sections=[],
        body_ro='Bună <script>alert("x")</script> [ziua](javascript:alert(1)) <img src=x onerror=alert(1)>',
        body_en="",
    )
    page = client.get("/ro/about/").content.decode()
    assert "Bună" in page and "ziua" in page
    main = page.split("<main", 1)[1]
    assert "<script>" not in main, "script tags are stripped"
    assert 'href="javascript' not in main and "onerror" not in main and "<img" not in main
    assert "&lt;b&gt;Rezumat&lt;/b&gt;" in page, "the summary is plain text"


@pytest.mark.django_db
def test_page_query_counts_stay_constant(client, assert_constant_queries):
    def grow():
        for number in range(5):
            Figure.objects.create(key=f"figure-{number}", value=number, label_ro="x", source_ro="y")
            make_plan(year=2000 + number, programmes=0, activities=0)

    assert_constant_queries(client, ["/ro/about/", "/en/ciic/"], grow, expected=[3, 1])


@pytest.mark.django_db
def test_history_query_count_stays_constant(editor_client, about, editor, assert_constant_queries):
    def grow():
        page = Page.objects.get(pk=about.pk)
        for number in range(6):
            services.save_page(
                page=page, by=editor, based_on=page.revision, **{**page.content(), "title_en": f"T{number}"}
            )
            page.refresh_from_db()

    assert_constant_queries(editor_client, ["/en/pages/about/history/", "/en/pages/"], grow)


@pytest.mark.django_db
def test_preview_renders_without_saving(editor_client, about):
    response = editor_client.post(
        "/en/pages/about/edit/",
        form_data(about, action="preview", body_ro="## Titlu nou\n\n*nou*", body_en="**new** <script>x</script>"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Preview (not saved)" in page
    assert "<h2>Titlu nou</h2>" in page and "<em>nou</em>" in page and "<strong>new</strong>" in page
    assert "<script>x" not in page
    assert "## Titlu nou" in page, "the form keeps what was typed"
    assert Page.objects.get(pk=about.pk).revision == 1


@pytest.mark.django_db
def test_save_from_the_form(editor_client, about):
    response = editor_client.post(
        "/en/pages/about/edit/", form_data(about, title_en="About us", note="Shorter"), follow=True
    )
    assert response.redirect_chain[-1][0] == "/en/about/"
    assert "The page is saved (revision 2)." in text(response)
    assert "<h1>About us</h1>" in text(response)
    assert "Edit this page" in text(response)
    about.refresh_from_db()
    assert about.revisions.get(number=2).note == "Shorter"


@pytest.mark.django_db
def test_a_conflicting_save_keeps_what_was_typed_and_a_second_save_replaces(editor_client, about, administrator):
    services.save_page(page=about, by=administrator, based_on=1, **{**about.content(), "title_en": "Theirs"})
    response = editor_client.post("/en/pages/about/edit/", form_data(about, title_en="Mine", body_en="My text"))
    page = text(response)
    assert response.status_code == 200
    assert "Someone saved this page while you were editing it (revision 2, by Ana Administrator" in page
    assert 'value="Mine"' in page and "My text" in page
    assert 'name="based_on" value="2"' in page, "saving again is based on their revision"
    assert Page.objects.get(pk=about.pk).title_en == "Theirs"
    response = editor_client.post("/en/pages/about/edit/", form_data(about, based_on=2, title_en="Mine"))
    assert response.status_code == 302
    assert Page.objects.get(pk=about.pk).title_en == "Mine"


@pytest.mark.django_db
def test_history_shows_an_escaped_diff_and_restores(editor_client, about, editor):
    services.save_page(
        page=about,
        by=editor,
        based_on=1,
        note="Bold <b>",
        **{**about.content(), "body_en": about.body_en.replace("## Vision", "## Our vision <b>now</b>")},
    )
    page = editor_client.get("/en/pages/about/history/").content.decode()
    assert "Revision 2 against revision 1" in page
    assert "Emil Editor" in page and "Bold &lt;b&gt;" in page
    assert '<del><span class="visually-hidden">removed: </span>## Vision</del>' in page
    assert '<ins><span class="visually-hidden">added: </span>## Our vision &lt;b&gt;now&lt;/b&gt;</ins>' in page
    assert "<b>now</b>" not in page
    first = editor_client.get("/en/pages/about/history/?revision=1").content.decode()
    assert "Revision 1, the first" in first
    # Odd revision numbers show no diff rather than fail.
    for odd in ["abc", "0", "99", "9" * 30]:
        assert editor_client.get(f"/en/pages/about/history/?revision={odd}").status_code == 200
    response = editor_client.post("/en/pages/about/restore/", {"revision": "1"}, follow=True)
    assert "Revision 1 is restored as revision 3." in text(response)
    about.refresh_from_db()
    assert about.revision == 3 and "## Vision" in about.body_en
    assert editor_client.post("/en/pages/about/restore/", {"revision": "77"}).status_code == 404
    assert editor_client.post("/en/pages/about/restore/", {"revision": "x"}).status_code == 302
    assert editor_client.get("/en/pages/nope/history/").status_code == 404


@pytest.mark.django_db
def test_the_editors_find_the_pages_from_the_header(editor_client):
    page = text(editor_client.get("/en/"))
    assert 'href="/en/pages/"' in page
    listing = text(editor_client.get("/en/pages/"))
    for slug in ("about", "ciic", "accessibility", "privacy"):
        assert f'href="/en/pages/{slug}/edit/"' in listing and f'href="/en/pages/{slug}/history/"' in listing
    assert 'href="/en/pages/"' not in text(Client().get("/en/"))


FORM_FIELDS = [
    "based_on",
    "title_ro",
    "title_en",
    "summary_ro",
    "summary_en",
    "body_ro",
    "body_en",
    "sections",
    "note",
    "action",
]
ODD = st.one_of(
    st.sampled_from(
        [
            "",
            "\x00",
            "²",
            "9" * 25,
            "-1",
            "figures",
            "reports",
            "save",
            "preview",
            "<script>alert(1)</script>",
            "ș" * 600,
            "1",
        ]
    ),
    st.text(max_size=20),
)


@pytest.mark.django_db
def test_fuzzing_the_edit_form_never_fails(editor):
    client = Client(raise_request_exception=False)
    client.force_login(editor)

    @settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(
        st.fixed_dictionaries({}, optional={name: st.one_of(ODD, st.lists(ODD, max_size=3)) for name in FORM_FIELDS})
    )
    def post(data):
        response = client.post("/ro/pages/about/edit/", data)
        assert response.status_code < 500, (data, response.status_code)

    post()
    page = Page.objects.get(slug="about")
    assert page.revisions.count() == page.revision
