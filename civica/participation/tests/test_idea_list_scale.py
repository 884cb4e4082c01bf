"""The ideas list at scale: its count comes from the process's tally (``IdeaTally``,
``selectors.idea_count``) and must equal counting the list itself, for every filter and every kind of
reader, after every write that moves an idea; its pages keep their exact order; its number of queries
does not grow with the process."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count

from civica.accounts.services import account_delete
from civica.accounts.tests.factories import UserFactory
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.participation import selectors, services
from civica.participation.models import Category, Idea, IdeaStatus, IdeaTally
from civica.participation.tests.factories import IdeaFactory, ProcessFactory


def tally_of(process) -> dict:
    return {(row.category_key, row.status): row.count
            for row in IdeaTally.objects.filter(process=process) if row.count}


def counted(process) -> dict:
    rows = Idea.objects.filter(process=process).values("category_id", "status").annotate(ideas=Count("pk"))
    return {(row["category_id"] or 0, row["status"]): row["ideas"] for row in rows}


@pytest.fixture
def consultation(db):
    """A process with two categories and ideas in several statuses, two of them hidden (one by
    ``author``, one by someone else)."""
    process = ProcessFactory()
    parks, mobility = (Category.objects.create(process=process, name_ro=name) for name in ("Parcuri", "Mobilitate"))
    author = UserFactory()
    for number in range(12):
        IdeaFactory(process=process, category=(parks, mobility, None)[number % 3],
                    status=(IdeaStatus.PUBLISHED, IdeaStatus.ACCEPTED)[number % 4 == 0],
                    support_count=number % 5, comment_count=number % 3)
    IdeaFactory(process=process, author=author, category=parks, is_hidden=True)
    IdeaFactory(process=process, category=mobility, is_hidden=True, status=IdeaStatus.ACCEPTED)
    IdeaFactory(process=process, author=author, category=None)
    IdeaFactory(process=ProcessFactory())  # another process's idea counts there only
    return {"process": process, "parks": parks, "mobility": mobility, "author": author}


@pytest.mark.django_db
def test_the_count_equals_counting_the_list_for_every_filter_and_reader(consultation, moderator):
    process, parks, mobility = consultation["process"], consultation["parks"], consultation["mobility"]
    readers = [AnonymousUser(), consultation["author"], UserFactory(), moderator]
    assert moderator.has_perm("participation.answer_idea", process)
    for user in readers:
        for status in (None, IdeaStatus.PUBLISHED, IdeaStatus.ACCEPTED, IdeaStatus.REJECTED, "zzz"):
            for category in (None, parks.pk, mobility.pk, 999_999):
                for mine in (False, True):
                    arguments = {"process": process, "user": user, "status": status, "category": category,
                                 "mine": mine}
                    listed = selectors.idea_list(**arguments).count()
                    assert selectors.idea_count(**arguments) == listed, arguments
    assert selectors.idea_count(process=process, user=AnonymousUser()) == 13
    assert selectors.idea_count(process=process, user=consultation["author"]) == 14
    assert selectors.idea_count(process=process, user=moderator) == 15


@pytest.mark.django_db
def test_the_services_keep_the_tally(consultation, participant, moderator, editor):
    process, parks, mobility = consultation["process"], consultation["parks"], consultation["mobility"]
    idea = services.idea_create(process=process, by=participant, title="Bănci noi", body="Mai multe.",
                                category=parks)
    assert tally_of(process) == counted(process)
    services.idea_update(idea=idea, by=participant, category=mobility)
    assert tally_of(process) == counted(process)
    services.idea_answer(idea=idea, by=moderator, status=IdeaStatus.EVALUATING, answer="")
    services.idea_answer(idea=idea, by=moderator, status=IdeaStatus.EVALUATING, answer="Again, the same status.")
    assert tally_of(process)[(mobility.pk, IdeaStatus.EVALUATING)] == 1
    assert tally_of(process) == counted(process)
    services.categories_save(process=process, by=editor, categories=[{"id": parks.pk, "name_ro": "Parcuri"}])
    assert not any(key == mobility.pk for key, _status in tally_of(process))
    assert tally_of(process) == counted(process)
    account_delete(user=consultation["author"])  # their two ideas nobody commented on go
    assert tally_of(process) == counted(process)
    assert selectors.idea_count(process=process, user=moderator) == Idea.objects.filter(process=process).count()


@pytest.mark.django_db
def test_the_admin_recounts_what_it_changes(client, consultation):
    process = consultation["process"]
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    idea = Idea.objects.filter(process=process).first()
    response = client.post(f"/en/admin/participation/idea/{idea.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not Idea.objects.filter(pk=idea.pk).exists()
    assert tally_of(process) == counted(process)
    others = list(Idea.objects.filter(process=process).values_list("pk", flat=True)[:3])
    client.post("/en/admin/participation/idea/", {"action": "delete_selected", "_selected_action": others,
                                                  "post": "yes"})
    assert not Idea.objects.filter(pk__in=others).exists()
    assert tally_of(process) == counted(process)


def _expected_order(ideas, sort, seed=0):
    keys = {
        selectors.IdeaSort.SUPPORTED: lambda idea: (-idea.support_count, -idea.pk),
        selectors.IdeaSort.NEWEST: lambda idea: (-idea.created_at.timestamp(), -idea.pk),
        selectors.IdeaSort.COMMENTED: lambda idea: (-idea.comment_count, -idea.pk),
        selectors.IdeaSort.RANDOM: lambda idea: ((idea.pk * 7919 + seed) % 10007, idea.pk),
    }
    return [idea.pk for idea in sorted(ideas, key=keys[sort])]


@pytest.mark.django_db
@pytest.mark.parametrize("sort", ["supported", "newest", "commented", "random"])
def test_every_page_of_every_sort_in_its_exact_order(client, consultation, sort):
    process = consultation["process"]
    IdeaFactory.create_batch(30, process=process, support_count=2, comment_count=1)  # ties, broken by id
    client.force_login(consultation["author"])
    pages, seen, number = None, [], 1
    while pages is None or number <= pages:
        response = client.get(f"/en/processes/{process.slug}/ideas/?sort={sort}&page={number}")
        pages = response.context["page"].paginator.num_pages
        seen += [idea.pk for idea in response.context["ideas"]]
        number += 1
    visible = [idea for idea in Idea.objects.filter(process=process)
               if not idea.is_hidden or idea.author_id == consultation["author"].pk]
    assert seen == _expected_order(visible, sort, seed=client.session.get("idea_seed", 0))
    assert response.context["page"].paginator.count == len(seen) == 44


@pytest.mark.django_db
def test_the_page_says_how_many_ideas_match(client, consultation):
    process = consultation["process"]
    response = client.get(f"/en/processes/{process.slug}/ideas/?status=accepted")
    assert response.context["page"].paginator.count == 3
    assert "3 ideas" in response.content.decode()
    response = client.get(f"/en/processes/{process.slug}/ideas/?category={consultation['parks'].pk}&page=9")
    assert response.context["page"].paginator.count == 4 and response.context["page"].number == 1


@pytest.mark.django_db
def test_list_queries_do_not_grow_with_the_process(client, assert_constant_queries):
    process = ProcessFactory()
    parks = Category.objects.create(process=process, name_ro="Parcuri")
    author = UserFactory()
    IdeaFactory.create_batch(4, process=process, category=parks)
    IdeaFactory(process=process, category=parks, author=author, status=IdeaStatus.ACCEPTED)  # every list has one
    other = client.__class__()
    other.force_login(author)
    base = f"/en/processes/{process.slug}/ideas/"
    queries = ["", "?sort=newest&page=2", "?sort=commented", "?sort=random&page=2", "?status=accepted",
               f"?category={parks.pk}&sort=supported&page=2", "?mine=1&page=2"]
    urls = [base + query for query in queries] + [(other, base + query) for query in queries]

    def grow():
        for number in range(45):
            IdeaFactory(process=process, category=parks if number % 2 else None, is_hidden=number % 9 == 0,
                        author=author if number % 5 == 0 else None,
                        status=IdeaStatus.ACCEPTED if number % 4 == 0 else IdeaStatus.PUBLISHED)

    assert_constant_queries(client, urls, grow)


@pytest.mark.django_db(transaction=True)
def test_ideas_created_at_once_in_one_process_are_all_counted():
    skip_unless_postgresql()
    process = ProcessFactory()
    category = Category.objects.create(process=process, name_ro="Parcuri")
    people = UserFactory.create_batch(8)
    outcomes = run_together([
        lambda person=person: services.idea_create(process=process, by=person, title=f"Idee {person.pk}",
                                                   body="Text.", category=category)
        for person in people])
    assert outcomes == [None] * 8  # no deadlock between the foreign keys' share locks and the tally's lock
    assert tally_of(process) == counted(process) == {(category.pk, IdeaStatus.PUBLISHED): 8}


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [0, 1, 2_500, 9_999, 10_000])
def test_the_random_order_read_from_its_index_turns_the_shuffle_at_the_seed(seed):
    process = ProcessFactory()
    ideas = IdeaFactory.create_batch(45, process=process)
    seen = []
    for number in (1, 2, 3):
        page = selectors.idea_page(process=process, user=AnonymousUser(), number=number, per_page=20,
                                   sort=selectors.IdeaSort.RANDOM, seed=seed)
        seen += [idea.pk for idea in page.object_list]
    assert seen == _expected_order(ideas, selectors.IdeaSort.RANDOM, seed)
