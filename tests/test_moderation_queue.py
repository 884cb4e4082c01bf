"""The moderation queue at scale (issue 17, point 6): paginated, most reported first, each item with its
open reports and their reasons from the same query, the total waiting, a fixed number of queries
however long the queue is, and no 500 on a page number it cannot read. Site-wide: it sets up
participation's, comments' and news' rows (moderation knows them only through its registry)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.comments.models import Comment
from civica.moderation import services as moderation
from civica.moderation.models import Report
from civica.moderation.selectors import QUEUE_PAGE_SIZE, moderation_queue
from civica.news.tests.factories import ArticleFactory
from civica.participation.models import Debate, Idea, Process
from civica.participation.tests.factories import IdeaFactory, ProcessFactory


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def report(target, *reasons):
    """Open reports on ``target``, one a reason, by new people (no threshold reached: written directly)."""
    target_type = ContentType.objects.get_for_model(target)
    process = getattr(target, "process", None)
    scope = {"scope_type": ContentType.objects.get_for_model(Process), "scope_id": process.pk} if process else {}
    if isinstance(target, Comment):
        scope = {"scope_type_id": target.scope_type_id, "scope_id": target.scope_id}
    Report.objects.bulk_create([Report(target_type=target_type, target_id=target.pk, reporter=UserFactory(),
                                       reason=reason, **scope) for reason in reasons])


def comment_on(idea, body="A comment"):
    return Comment.objects.create(target_type=ContentType.objects.get_for_model(Idea), target_id=idea.pk,
                                  scope_type=ContentType.objects.get_for_model(Process), scope_id=idea.process_id,
                                  author=UserFactory(), body=body)


def fill(process, number, *, start=0, weight=1):
    """``number`` reported items of each kind in ``process`` (ideas and debates with ``weight`` open
    reports, comments with one more), and as many hidden ideas nobody reported."""
    for index in range(start, start + number):
        idea = IdeaFactory(process=process, title=f"Reported idea {index}")
        report(idea, *["spam"] * weight)
        report(Debate.objects.create(process=process, question=f"Reported debate {index}?"), *["off_topic"] * weight)
        report(comment_on(idea, f"Reported comment {index}"), "offensive", *["spam"] * weight)
        IdeaFactory(process=process, title=f"Hidden idea {index}", is_hidden=True)


@pytest.mark.django_db
def test_most_reported_first_with_reasons_and_the_total_waiting(client, editor):
    process = ProcessFactory()
    once, thrice = IdeaFactory(process=process, title="Once"), IdeaFactory(process=process, title="Thrice")
    report(once, "spam")
    report(thrice, "spam", "spam", "personal_data")
    hidden = IdeaFactory(process=process, title="Hidden quietly", is_hidden=True)
    resolved = IdeaFactory(process=process, title="Decided already")
    report(resolved, "offensive")
    Report.objects.filter(target_id=resolved.pk).update(is_resolved=True)

    queue = moderation_queue(editor)
    items = list(queue.page.object_list)
    assert [item.target for item in items] == [thrice, once, hidden]
    assert [item.open_reports for item in items] == [3, 1, 0]
    assert items[0].reasons == [("Spam or advertising", 2), ("Reveals personal data", 1)]
    assert items[2].reasons == [] and items[2].target.is_hidden
    assert (queue.waiting, queue.open_reports, queue.page.paginator.count) == (2, 4, 3)

    client.force_login(editor)
    page = client.get("/en/moderation/").content.decode()
    assert "2 items wait for a decision." in page and "Open reports: 4." in page
    assert "Spam or advertising: 2; Reveals personal data: 1" in page
    assert "Thrice" in page and "Hidden quietly" in page and "Decided already" not in page
    assert f'action="/en/processes/{process.slug}/ideas/{thrice.pk}/moderate/"' in page


@pytest.mark.django_db
def test_a_scoped_moderator_sees_and_counts_only_their_consultations(editor):
    mine, other = ProcessFactory(), ProcessFactory()
    moderator = UserFactory(role=Role.MODERATOR, role__scope=mine)
    fill(mine, 2)
    fill(other, 3)
    article = ArticleFactory()
    report(article, "spam")  # news belongs to no consultation: the site's moderators only

    queue = moderation_queue(moderator)
    assert queue.page.paginator.count == 2 * 4
    assert {item.scope for item in queue.page.object_list} == {mine}
    assert (queue.waiting, queue.open_reports) == (2 * 3, 2 * 4)
    everything = moderation_queue(editor)
    assert everything.page.paginator.count == 5 * 4 + 1
    assert (everything.waiting, everything.open_reports) == (5 * 3 + 1, 5 * 4 + 1)


@pytest.mark.django_db
def test_reports_on_content_that_is_gone_wait_for_nobody(editor):
    article = ArticleFactory()
    report(article, "spam")
    article.delete()  # an article has no generic relation taking its reports with it
    queue = moderation_queue(editor)
    assert (queue.page.paginator.count, queue.waiting, queue.open_reports) == (0, 0, 0)


@pytest.mark.django_db
def test_pages_of_the_queue(client, editor):
    process = ProcessFactory()
    fill(process, 10)  # 40 items: 30 reported, 10 hidden
    client.force_login(editor)
    first = client.get("/en/moderation/")
    assert len(first.context["items"]) == QUEUE_PAGE_SIZE and first.context["page"].paginator.num_pages == 2
    assert "Page 1 of 2" in first.content.decode()
    second = client.get("/en/moderation/?page=2")
    assert len(second.context["items"]) == 40 - QUEUE_PAGE_SIZE
    shown = [item.target for item in first.context["items"]] + [item.target for item in second.context["items"]]
    assert len(set(shown)) == 40
    assert [item.open_reports for item in second.context["items"]][-10:] == [0] * 10
    assert '<input type="hidden" name="page" value="2">' in second.content.decode()
    for bad in ("abc", "0", "-1", "99999", "2.5", "²", "9" * 30):
        response = client.get(f"/en/moderation/?page={bad}")
        assert response.status_code == 200, bad
    assert client.get("/en/moderation/?page=99999").context["page"].number == 2
    assert client.get("/en/moderation/?page=abc").context["page"].number == 1


@pytest.mark.django_db
def test_a_decision_goes_back_to_the_page_it_was_taken_on(client, editor):
    idea = IdeaFactory()
    report(idea, "spam")
    client.force_login(editor)
    moderate = f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/moderate/"
    response = client.post(moderate, {"action": "hide", "reason": "Advertising", "page": "3"})
    assert response.status_code == 302 and response["Location"] == "/en/moderation/?page=3"
    assert Idea.objects.get(pk=idea.pk).is_hidden and not Report.objects.filter(is_resolved=False).exists()
    for bad in ("abc", "0", "", "99999999999999999999999"):
        response = client.post(moderate, {"action": "restore", "reason": "Fine", "page": bad})
        assert response["Location"] == "/en/moderation/", bad


@pytest.mark.django_db
def test_the_queue_costs_the_same_queries_with_5_and_60_items(client, editor, assert_constant_queries):
    """Ideas, debates and comments on the first page (the first ones are the most reported), reported
    and hidden: only the page is loaded, one query per kind on it."""
    process = ProcessFactory()
    fill(process, 2, weight=3)
    moderator = UserFactory(role=Role.MODERATOR, role__scope=process)
    as_moderator = client_for(moderator)
    client.force_login(editor)
    assert moderation_queue(editor).page.paginator.count < 10
    pages = ["/en/moderation/", (as_moderator, "/en/moderation/")]
    assert_constant_queries(client, pages, lambda: fill(process, 14, start=2))
    assert moderation_queue(editor).page.paginator.count == 64


@pytest.mark.django_db
def test_report_and_moderate_still_work_through_the_services(editor):
    idea = IdeaFactory(process=ProcessFactory(report_threshold=2))
    moderation.report_create(target=idea, by=UserFactory(), reason="spam")
    moderation.report_create(target=idea, by=UserFactory(), reason="offensive")
    item = moderation_queue(editor).page.object_list[0]
    assert item.target == idea and item.target.is_hidden and item.open_reports == 2
    moderation.moderate(target=idea, by=editor, hide=False, reason="Fine")
    queue = moderation_queue(editor)
    assert queue.waiting == 0 and queue.page.paginator.count == 0


def client_for(user):
    from django.test import Client

    other = Client()
    other.force_login(user)
    return other
