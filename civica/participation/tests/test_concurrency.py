"""Parallel supports never double-count or get lost (unique constraint + F() counter)."""


import pytest

from civica.accounts.tests.factories import UserFactory
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.participation import services
from civica.participation.models import Idea, Support
from civica.participation.tests.factories import IdeaFactory, ProcessFactory


@pytest.mark.django_db(transaction=True)
def test_parallel_supports_count_exactly_once_each():
    skip_unless_postgresql()
    idea = IdeaFactory()
    people = UserFactory.create_batch(12)
    # Each person clicks twice at once: 24 requests, 12 supports.
    attempts = [person for person in people for _twice in range(2)]
    outcomes = run_together([lambda person=person: services.idea_support(idea=Idea.objects.get(pk=idea.pk), by=person)
                             for person in attempts])
    assert outcomes == [None] * 24  # a second click is no error, and no second support
    idea.refresh_from_db()
    assert Support.objects.filter(idea=idea).count() == 12
    assert idea.support_count == 12


@pytest.mark.django_db(transaction=True)
def test_parallel_supports_respect_the_per_person_cap():
    skip_unless_postgresql()
    process = ProcessFactory(supports_per_person=3)
    ideas = IdeaFactory.create_batch(8, process=process)
    person = UserFactory()
    run_together([lambda idea=idea: services.idea_support(idea=Idea.objects.select_related("process").get(pk=idea.pk),
                                                          by=person)
                  for idea in ideas])  # refusals past the cap are expected
    assert Support.objects.filter(user=person).count() == 3
    assert sum(Idea.objects.filter(process=process).values_list("support_count", flat=True)) == 3
