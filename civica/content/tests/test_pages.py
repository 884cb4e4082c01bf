import pytest

# The demo is loaded once for the module's tests (conftest.demo_for_module), on one worker.
pytestmark = pytest.mark.xdist_group("demo:content:test_pages")


@pytest.fixture
def demo(demo_for_module, db):
    """The demo's data; what a test changes is rolled back after it."""


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, expected",
    [
        ("ro", ["Imaginăm viitorul orașului!", "Sari la conținutul principal", "Programe", "Academia Schimbării",
                "Cluj for Youth 2030 – planul de acțiune pentru tineret"]),
        ("en", ["We imagine the city's future!", "Skip to main content", "Programmes", "Academy of Change",
                "Cluj for Youth 2030 – the youth action plan"]),
    ],
)
def test_home_page_in_each_language(client, demo, language, expected):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    for text in expected:
        assert text in page, text


@pytest.mark.django_db
def test_footer_has_contact_details_and_the_accessibility_statement(client):
    page = client.get("/ro/").content.decode()
    assert "Str. Fluierașului nr. 3, Cluj-Napoca" in page
    assert "mailto:office@cccluj.ro" in page
    assert "mailto:imaginatiecivica@primariaclujnapoca.ro" in page
    assert 'href="/ro/accessibility/"' in page
    assert 'href="/ro/about/"' in page and 'href="/ro/ciic/"' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, text",
    [("/ro/accessibility/", "Declarație de accesibilitate"), ("/en/accessibility/", "WCAG) 2.1, level AA"),
     ("/ro/privacy/", "participant șters"), ("/en/privacy/", "deleted participant")],
)
def test_statement_pages(client, path, text):
    response = client.get(path)
    assert response.status_code == 200
    assert text in response.content.decode()


@pytest.mark.django_db
def test_navigation_links_only_what_exists_and_marks_the_current_page(client):
    page = client.get("/en/network/programmes/").content.decode()
    assert '<a href="/en/network/programmes/" aria-current="page">' in page
    assert 'href="/en/network/organisations/"' in page


@pytest.mark.django_db
def test_signed_in_header_and_unverified_notice(client, unverified, editor):
    client.force_login(unverified)
    page = client.get("/en/").content.decode()
    assert "is not verified yet" in page
    assert "Administration" not in page
    client.force_login(editor)
    page = client.get("/en/").content.decode()
    assert "is not verified yet" not in page
    assert 'href="/en/admin/"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True])
def test_home_page_query_count(client, demo, participant, signed_in, django_assert_max_num_queries):
    if signed_in:
        client.force_login(participant)
    client.get("/ro/")
    # anonymous: open consultations, open calls, coming meetings, the latest news, programmes and the
    # centre's figures; signed in adds session, user, roles, verified e-mail, the unread count and whether
    # they represent a member organisation (the staff dashboard's link in the menu).
    with django_assert_max_num_queries(12 if signed_in else 6):
        client.get("/ro/")


@pytest.mark.django_db
def test_home_page_shows_what_is_open_now_with_pictures(client, demo):
    from civica.calls.models import Call
    from civica.meetings.models import Meeting

    open_call = Call.objects.open_now().order_by("closes_at").first()
    coming = Meeting.objects.published().upcoming().order_by("starts_at").first()
    assert open_call and coming, "the demo has an open call and a coming meeting"
    page = client.get("/en/").content.decode()
    assert f'href="/en/calls/{open_call.slug}/"' in page
    assert f'href="/en/meetings/{coming.slug}/"' in page
    # Cards carry a picture: the item's image or the drawn placeholder.
    assert page.count('class="card-media') >= 3


@pytest.mark.django_db
def test_a_signed_in_person_s_kept_home_page_costs_only_their_parts(client, demo, participant, settings,
                                                                     django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 60
    client.force_login(participant)
    client.get("/ro/")  # kept as a visitor's page, with its personal parts marked
    # session, user, roles, verified e-mail, represented organisations (the dashboard's link), unread
    # count: the header's and the page's parts; none of the page's own reads (consultations, calls…).
    with django_assert_max_num_queries(6) as captured:
        page = client.get("/ro/").content.decode()
    assert "Imaginăm viitorul orașului!" in page
    assert 'href="/ro/account/"' in page and "Creați un cont" not in page
    read = " ".join(query["sql"] for query in captured.captured_queries)
    for table in ("participation_process", "calls_call", "meetings_meeting", "news_article", "network_figure"):
        assert table not in read, table
