"""A workshop's status moves only along WORKSHOP_TRANSITIONS ({from: {to: permission}}), by
``services.move``, which locks the row and reads the status again under the lock."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections
from django.utils import translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.meetings.tests.factories import MeetingFactory
from civica.workshops import services
from civica.workshops.models import WORKSHOP_TRANSITIONS, Workshop, WorkshopStatus


def test_the_transitions_say_who_closes_a_workshop_and_that_closed_is_final():
    assert WORKSHOP_TRANSITIONS == {WorkshopStatus.OPEN: {WorkshopStatus.CLOSED: "workshops.manage"}}


@pytest.mark.django_db
def test_editors_close_an_open_workshop_once(editor):
    workshop = Workshop.objects.create(meeting=MeetingFactory(), slug="cafe")
    facilitator = UserFactory(role=Role.FACILITATOR, role__scope=workshop)
    with translation.override("en"):
        with pytest.raises(PermissionDenied, match="Only editors close a workshop."):
            services.move(workshop=workshop, to=WorkshopStatus.CLOSED, by=facilitator)
        assert Workshop.objects.get().status == WorkshopStatus.OPEN
        services.move(workshop=workshop, to=WorkshopStatus.CLOSED, by=editor)
        assert workshop.status == Workshop.objects.get().status == WorkshopStatus.CLOSED
        closed_at = Workshop.objects.get().closed_at
        with pytest.raises(ValidationError, match="The workshop is “Closed”: that change is not possible."):
            services.close(workshop=workshop, by=editor)
        with pytest.raises(ValidationError):
            services.move(workshop=workshop, to=WorkshopStatus.OPEN, by=editor)
    assert Workshop.objects.get().closed_at == closed_at


@pytest.mark.django_db(transaction=True)
def test_two_editors_closing_at_once_close_it_once():
    if connection.vendor != "postgresql":
        pytest.skip("parallel writes need PostgreSQL (SQLite serialises every writer)")
    workshop = Workshop.objects.create(meeting=MeetingFactory(), slug="cafe-closing")
    editors = UserFactory.create_batch(4, role=Role.EDITOR)
    barrier = threading.Barrier(len(editors))
    closed, refused, errors = [], [], []

    def close(editor):
        try:
            barrier.wait()
            closed.append(services.close(workshop=Workshop.objects.get(pk=workshop.pk), by=editor).closed_at)
        except ValidationError:
            refused.append(editor)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=close, args=(editor,)) for editor in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(closed) == 1 and len(refused) == 3
    assert Workshop.objects.get().closed_at == closed[0]
