"""The goals demo tags the programmes and calls the seeds tie to goals, idempotently, and leaves what the
other demos did not make."""

import pytest

from civica.calls.tests.factories import CallFactory
from civica.network.tests.factories import ProgrammeFactory
from civica.observatory.demo import goals as demo_goals

pytestmark = pytest.mark.django_db


def test_the_demo_tags_what_the_seeds_justify():
    programme = ProgrammeFactory(slug="divizia-de-inovare-urbana")
    call = CallFactory(slug="fix-cluj")
    lines = []
    demo_goals.load(lines.append)
    demo_goals.load(lines.append)  # twice: the same goals
    assert set(programme.goals.values_list("code", flat=True)) == {"sdg-9", "sdg-11"}
    assert set(call.goals.values_list("code", flat=True)) == {"sdg-9", "sdg-11", "climate-neutral-cities"}
    assert lines[-1] == "Goals: 2 programmes, calls and activities tagged"
