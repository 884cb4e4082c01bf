import xml.etree.ElementTree as ElementTree

import pytest

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.participation import services
from civica.participation.tests.factories import IdeaFactory, ProcessFactory


@pytest.mark.django_db
def test_rss_lists_new_ideas_and_answers(client):
    process = ProcessFactory(title_en="Parks")
    idea = IdeaFactory(process=process, title="Shade trees", body="Plant **oaks**")
    IdeaFactory(process=process, title="Hidden one", is_hidden=True)
    services.idea_answer(idea=idea, by=UserFactory(role=Role.EDITOR), status="accepted", answer="We will.")
    response = client.get(f"/en/processes/{process.slug}/feed.rss")
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ElementTree.fromstring(response.content)
    titles = [item.findtext("title") for item in root.iter("item")]
    assert titles == ["Official answer (Accepted): Shade trees", "New idea: Shade trees"]
    assert root.findtext("channel/title") == "Parks — new ideas and answers"
    assert "<strong>oaks</strong>" in response.content.decode().replace("&lt;", "<").replace("&gt;", ">")


@pytest.mark.django_db
def test_atom_feed_and_unpublished_processes(client):
    process = ProcessFactory()
    IdeaFactory(process=process, title="One")
    response = client.get(f"/ro/processes/{process.slug}/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Idee nouă: One" in response.content.decode()
    draft = ProcessFactory(is_published=False)
    assert client.get(f"/en/processes/{draft.slug}/feed.rss").status_code == 404


@pytest.mark.django_db
def test_feed_query_count_is_constant(client, django_assert_max_num_queries):
    process = ProcessFactory()
    IdeaFactory.create_batch(25, process=process)
    with django_assert_max_num_queries(4):
        client.get(f"/en/processes/{process.slug}/feed.rss")
