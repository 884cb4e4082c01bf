"""The editors' screens of calls under parallel requests (two editors, a double click): the call's row
is locked while questions are numbered or moved and while the call is published, so positions stay
0, 1, 2… and a call is published once, with one audit entry (PostgreSQL; SQLite serialises every
writer, so there is nothing to prove)."""

import pytest
from django.utils import translation

from civica.audit.models import AuditEntry
from civica.calls import editing, evaluation
from civica.calls.models import CallStatus, Criterion, FieldKind, FormField
from civica.calls.tests.factories import CallFactory
from civica.core.tests.concurrency import run_together, skip_unless_postgresql

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def _question(key):
    return {"key": key, "kind": FieldKind.SHORT_TEXT, "label_ro": key, "label_en": "", "help_ro": "", "help_en": "",
            "required": False, "identifying": False, "max_length": 100, "min_value": None, "max_value": None,
            "choices": [], "file_types": [], "max_file_mb": 10}


def test_questions_added_and_moved_at_once_keep_their_positions_in_a_row(make_user):
    call = CallFactory(status=CallStatus.DRAFT)
    editors = [make_user("editor") for _ in range(4)]
    outcomes = run_together([lambda by=by, number=number: editing.field_save(call=call, by=by,
                                                                             **_question(f"extra-{number}"))
                             for number, by in enumerate(editors)])
    assert outcomes == [None] * 4
    positions = list(FormField.objects.filter(call=call).values_list("position", flat=True))
    assert sorted(positions) == list(range(len(positions)))
    fields = list(FormField.objects.filter(call=call))
    outcomes = run_together([
        lambda: editing.field_move(field=fields[1], by=editors[0], direction="up"),
        lambda: editing.field_move(field=fields[2], by=editors[1], direction="down"),
        lambda: editing.field_move(field=fields[3], by=editors[2], direction="up"),
    ])
    assert outcomes == [None] * 3
    positions = list(FormField.objects.filter(call=call).values_list("position", flat=True))
    assert sorted(positions) == list(range(len(positions)))


def test_a_call_published_twice_at_once_is_published_once(make_user):
    call = CallFactory(status=CallStatus.DRAFT)
    Criterion.objects.create(call=call, name_ro="Calitate", weight=1)
    editors = [make_user("editor") for _ in range(3)]
    outcomes = run_together([lambda by=by: evaluation.call_move(call=type(call).objects.get(pk=call.pk),
                                                                to=CallStatus.PUBLISHED, by=by) for by in editors])
    assert sum(outcome is None for outcome in outcomes) == 1, outcomes
    call.refresh_from_db()
    assert call.status == CallStatus.PUBLISHED
    assert AuditEntry.objects.for_object(call).filter(action="calls.call.publish").count() == 1
