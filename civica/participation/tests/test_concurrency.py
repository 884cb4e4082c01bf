"""Parallel supports never double-count or get lost (unique constraint + F() counter)."""

import threading

import pytest
from django.db import connection, connections

from civica.accounts.tests.factories import UserFactory
from civica.participation import services
from civica.participation.models import Idea, Support
from civica.participation.tests.factories import IdeaFactory, ProcessFactory


@pytest.mark.django_db(transaction=True)
def test_parallel_supports_count_exactly_once_each():
    if connection.vendor != "postgresql":
        pytest.skip("parallel writes need PostgreSQL (SQLite serialises every writer)")
    idea = IdeaFactory()
    people = UserFactory.create_batch(12)
    # Each person clicks twice at once: 24 requests, 12 supports.
    attempts = [person for person in people for _twice in range(2)]
    barrier = threading.Barrier(len(attempts))
    errors = []

    def click(person):
        try:
            barrier.wait()
            services.idea_support(idea=Idea.objects.get(pk=idea.pk), by=person)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click, args=(person,)) for person in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    idea.refresh_from_db()
    assert Support.objects.filter(idea=idea).count() == 12
    assert idea.support_count == 12


@pytest.mark.django_db(transaction=True)
def test_parallel_supports_respect_the_per_person_cap():
    if connection.vendor != "postgresql":
        pytest.skip("parallel writes need PostgreSQL (SQLite serialises every writer)")
    process = ProcessFactory(supports_per_person=3)
    ideas = IdeaFactory.create_batch(8, process=process)
    person = UserFactory()
    barrier = threading.Barrier(len(ideas))

    def click(idea):
        try:
            barrier.wait()
            services.idea_support(idea=Idea.objects.select_related("process").get(pk=idea.pk), by=person)
        except Exception:  # noqa: BLE001 - refusals past the cap are expected
            pass
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click, args=(idea,)) for idea in ideas]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Support.objects.filter(user=person).count() == 3
    assert sum(Idea.objects.filter(process=process).values_list("support_count", flat=True)) == 3
