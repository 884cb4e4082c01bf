"""Search in consultations, ideas, debates and comments: accents, languages, ranking, snippets, what
stays private, and the page itself."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from civica.comments.models import Comment
from civica.participation.models import Debate
from civica.participation.tests.factories import IdeaFactory, ProcessFactory
from civica.search import query as search_module
from civica.search.registry import searchables

pytestmark = pytest.mark.django_db


def find(query, language="en"):
    with translation.override(language):
        return search_module.search(query=query, user=AnonymousUser())


def titles(query, language="en"):
    return [result.title for result in find(query, language)]


def comment_on(target, body, **fields):
    return Comment.objects.create(target_type=ContentType.objects.get_for_model(target), target_id=target.pk,
                                  scope=target.process, author=getattr(target, "author", None), body=body, **fields)


def test_accents_are_optional_both_ways():
    IdeaFactory(title="Cultură pentru toți")
    IdeaFactory(title="Cultura urbana", body="Fara diacritice")
    IdeaFactory(title="Şcoala de vară", body="Cu sedilă, ca pe tastaturile vechi")
    assert set(titles("cultura")) == {"Cultură pentru toți", "Cultura urbana"}
    assert set(titles("cultură")) == {"Cultură pentru toți", "Cultura urbana"}
    assert set(titles("CULTURĂ")) == {"Cultură pentru toți", "Cultura urbana"}
    assert titles("școala") == ["Şcoala de vară"]  # comma below finds cedilla
    assert titles("scoala") == ["Şcoala de vară"]


def test_romanian_stemming_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("stemming needs PostgreSQL's text search; SQLite matches substrings")
    IdeaFactory(title="Bănci noi în parcul central")
    IdeaFactory(title="Program lung la bibliotecă")
    assert titles("parcului") == ["Bănci noi în parcul central"]
    assert titles("bibliotecile") == ["Program lung la bibliotecă"]
    assert titles("parcurile pietonale") == []  # every word must match


def test_an_edited_text_is_found_by_its_new_words_only():
    idea = IdeaFactory(title="Bănci în parc", body="Lângă lac.")
    comment = comment_on(idea, "Mai multe coșuri de gunoi.")
    idea.body = "Lângă fântâna arteziană."
    idea.save()
    Comment.objects.filter(pk=comment.pk).update(body="Mai multe toalete publice.")
    assert titles("fântâna") == ["Bănci în parc"]
    assert titles("lac") == []
    assert [result.kind for result in find("toalete")] == ["comment"]
    assert find("gunoi") == []


def test_english_text_is_found():
    IdeaFactory(title="Safer cycling", body="We need protected bicycle lanes near the stations.")
    ProcessFactory(title_ro="Spații verzi", title_en="Green spaces for everyone", summary_en="Trees and parks.")
    assert titles("bicycle lanes") == ["Safer cycling"]
    assert titles("green spaces") == ["Green spaces for everyone"]
    assert titles("spatii verzi", language="ro") == ["Spații verzi"]


def test_comments_and_debates_are_found_with_links_to_them():
    idea = IdeaFactory(title="A library in every neighbourhood")
    comment = comment_on(idea, "Yes, with a reading garden behind it.")
    debate = Debate.objects.create(process=idea.process, question="Should gardens stay open at night?",
                                   description="Lighting and neighbours.")
    debate_comment = comment_on(debate, "Only the garden near the tram.")
    results = {result.kind: result for result in find("garden") if result.kind != "comment"}
    comments = {result.url for result in find("garden") if result.kind == "comment"}
    assert results["debate"].url == f"/en/processes/{idea.process.slug}/debates/{debate.pk}/"
    assert comments == {
        f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/#comment-{comment.pk}",
        f"/en/processes/{idea.process.slug}/debates/{debate.pk}/#comment-{debate_comment.pk}",
    }
    comment_titles = {result.title for result in find("reading garden") if result.kind == "comment"}
    assert comment_titles == {"Comment on “A library in every neighbourhood”"}


def test_private_and_hidden_content_is_never_found():
    draft = ProcessFactory(is_published=False, title_en="Secret zeppelin plan", summary_en="zeppelin")
    IdeaFactory(process=draft, title="Zeppelin idea in a draft")
    Debate.objects.create(process=draft, question="Zeppelin debate in a draft?")
    hidden_idea = IdeaFactory(title="Zeppelin idea hidden by moderators", is_hidden=True)
    comment_on(hidden_idea, "Zeppelin comment on a hidden idea")
    visible = IdeaFactory(title="Visible idea")
    comment_on(visible, "Zeppelin comment hidden by moderators", is_hidden=True)
    comment_on(visible, "Zeppelin comment deleted", is_deleted=True)
    hidden_debate = Debate.objects.create(process=visible.process, question="Zeppelin debate hidden?",
                                          is_hidden=True)
    comment_on(hidden_debate, "Zeppelin comment in a hidden debate")
    comment_on(IdeaFactory(process=draft, title="Plain draft idea"), "Zeppelin comment in a draft")
    assert find("zeppelin") == []
    comment_on(visible, "One zeppelin comment anyone may read")
    assert [result.kind for result in find("zeppelin")] == ["comment"]


def test_title_matches_rank_before_text_only_matches():
    title_match = IdeaFactory(title="Bancă în fiecare stație", body="Pentru așteptare.")
    IdeaFactory(title="Altceva", body="O bancă, încă o bancă și iar o bancă lângă fântână.")
    results = find("banca")
    assert [result.title for result in results] == [title_match.title, "Altceva"]
    assert results[0].rank > results[1].rank


def test_snippets_mark_the_match_and_escape_user_html():
    IdeaFactory(title="Ore de program",
                body='Salut <script>alert("x")</script> preț < 20 lei & biblioteca deschisă toată ziua.')
    [result] = find("biblioteca")
    snippet = str(result.snippet)
    assert "<mark>biblioteca</mark>" in snippet
    assert "<script" not in snippet and "</script" not in snippet  # PostgreSQL drops tags, SQLite escapes them
    assert "preț &lt; 20 lei &amp; <mark>" in snippet
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_marked_html_is_balanced_and_escaped():
    start, stop = search_module._START, search_module._STOP
    html = search_module._marked_html(f"{stop}<b>{start}x{start}y & z")
    assert html == "&lt;b&gt;<mark>xy &amp; z</mark>"


def test_queries_are_bounded():
    IdeaFactory(title="ab cd")
    assert find("a") == [] and find("") == [] and find("   ") == []
    assert search_module.clean_query("x" * 500) == "x" * 200
    for index in range(6):
        IdeaFactory(title=f"Fântână {index}")
    with translation.override("en"):
        assert len(search_module.search(query="fantana", user=AnonymousUser(), limit=3)) == 3


@pytest.mark.parametrize("query", [
    "", "?q=", "?q=a", "?q=%20%20", "?q=" + "x" * 500, "?q=" + "ș" * 300, "?q=%22", "?q=-", "?q=!%3A*%26%7C(",
    "?q=%5C%27%3B--", "?q=or", "?q=%F0%9F%8C%B3%20parc", "?q=a&q=b",
])
def test_the_page_answers_any_query(client, query):
    IdeaFactory(title="Parc")
    response = client.get(f"/en/search/{query}")
    assert response.status_code == 200


def test_the_page_explains_short_and_empty_queries(client):
    assert "Type a few words above" in client.get("/en/search/").content.decode()
    assert "Type at least two characters to search." in client.get("/en/search/?q=a").content.decode()
    assert "Nothing matches “nimic”" in client.get("/en/search/?q=nimic").content.decode()


def test_the_page_lists_results_with_kinds_links_and_snippets(client):
    idea = IdeaFactory(title="Grădină comunitară", body="O grădină pe <b>acoperiș</b>.")
    page = client.get("/en/search/?q=gradina").content.decode()
    assert 'role="search"' in page and '<label for="search-q">' in page
    assert "1 result for “gradina”" in page
    assert f'href="/en/processes/{idea.process.slug}/ideas/{idea.pk}/"' in page
    assert '<span class="badge kind-idea">Idea</span>' in page
    assert "<mark>grădină</mark>" in page and "<b>acoperiș" not in page


def test_results_show_the_picture_of_what_has_one(client):
    from civica.core.illustrations import illustrate

    pictured = IdeaFactory(title="Fântână pictată")
    illustrate(pictured)
    IdeaFactory(title="Fântână fără poză")
    page = client.get("/en/search/?q=fantana").content.decode()
    assert page.count('class="search-result with-image"') == 1 and page.count('class="search-result"') == 1
    thumbnail = page[page.index('class="search-result with-image"'):]
    assert '<img class="search-thumb"' in thumbnail and pictured.image.url in thumbnail
    assert 'alt=""' in thumbnail.split(">", 2)[1]  # the title beside it already names it


def test_every_page_has_the_search_box_in_its_header(client):
    page = client.get("/en/processes/").content.decode()
    assert 'action="/en/search/"' in page and 'name="q"' in page
    assert 'action="/ro/search/"' in client.get("/ro/processes/").content.decode()


def test_search_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    process = ProcessFactory(title_en="Fountains")
    idea = IdeaFactory(process=process, title="Fântână 0")
    comment_on(idea, "O fântână în plus")
    url = "/en/search/?q=fantana"
    client.get(url)  # content types are cached from now on
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).content.decode().count('class="search-result"') == 2
    for index in range(1, 8):
        more = IdeaFactory(process=process, title=f"Fântână {index}")
        comment_on(more, f"Încă o fântână {index}")
        debate = Debate.objects.create(process=process, question=f"Fântână sau bancă {index}?")
        comment_on(debate, "Fântână")
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(url).content.decode().count('class="search-result"') == 2 + 7 * 4
    assert len(few.captured_queries) <= len(searchables())  # one query a kind of content


def test_a_signed_in_person_s_kept_search_page_costs_only_the_header(client, settings, participant,
                                                                      django_assert_max_num_queries):
    """The results are what anyone may read, so the page kept from a visitor's render is everyone's."""
    settings.PAGE_CACHE_SECONDS = 60
    process = ProcessFactory(title_en="Fountains")
    for index in range(8):
        comment_on(IdeaFactory(process=process, title=f"Fântână {index}"), f"O fântână în plus {index}")
    client.force_login(participant)
    url = "/en/search/?q=fantana"
    client.get(url)
    # session, user, roles, verified e-mail, represented organisations, unread count: the header's
    # parts; no search (one query per kind of content) runs.
    with django_assert_max_num_queries(6) as captured:
        page = client.get(url).content.decode()
    assert page.count('class="search-result"') == 16 and "Log out" in page
    assert not any("participation_idea" in query["sql"] for query in captured.captured_queries)


def test_postgresql_search_reads_the_stored_indexed_vectors():
    """Every entry filters on a generated ``search_vector`` column through its GIN index (participation's
    migration 0006 and each registering app's own)."""
    if connection.vendor != "postgresql":
        pytest.skip("GIN indexes exist on PostgreSQL only")
    for entry in searchables():
        queryset = search_module.matching_ids(entry, "cultura").values("pk")
        sql, params = queryset.query.sql_with_params()
        with connection.cursor() as cursor:
            # Small test tables: forbid the scans that need no index of ours (a sequential scan, or an index
            # scan in the order of another key, as the planner picks for a table of a few rows), so the
            # plan shows whether the GIN index can serve the match.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        model = entry.public().model
        table = (model._meta.get_field(entry.vector_of).related_model if entry.vector_of else model)._meta.db_table
        assert f"Bitmap Index Scan on {table}_search" in plan, plan


def test_snippets_show_markdown_as_plain_text():
    """Issue 12, item 15: snippets showed the Markdown's asterisks."""
    IdeaFactory(title="Murale", body="Pictăm **zidurile** școlii cu elevii. *(Sume și termene fictive.)*")
    snippet = str(find("zidurile")[0].snippet)
    assert "*" not in snippet and "(Sume și termene fictive" in snippet and "zidurile</mark>" in snippet
    assert str(find("fictive")[0].snippet).count("*") == 0
