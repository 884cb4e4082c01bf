from collections import Counter

from civica.calls.assignment import plan_assignments


def test_balanced_and_respects_conflicts():
    plan = plan_assignments([1, 2, 3, 4], ["ana", "dan", "eva"], conflicts=[(1, "ana"), (2, "ana")],
                            per_application=2)
    assert all(pair not in plan for pair in [(1, "ana"), (2, "ana")])
    per_application = Counter(application for application, _ in plan)
    assert set(per_application.values()) == {2}
    load = Counter(evaluator for _, evaluator in plan)
    assert max(load.values()) - min(load.values()) <= 1


def test_existing_assignments_count_and_are_not_repeated():
    plan = plan_assignments([1, 2], ["ana", "dan"], existing=[(1, "ana")], per_application=2)
    assert sorted(plan) == [(1, "dan"), (2, "ana"), (2, "dan")]


def test_not_enough_evaluators_gives_what_it_can():
    assert plan_assignments([1], ["ana"], per_application=3) == [(1, "ana")]
    assert plan_assignments([1], [], per_application=2) == []


def test_deterministic():
    args = ([5, 3, 9, 1], ["z", "a", "m"])
    assert plan_assignments(*args, per_application=2) == plan_assignments(*args, per_application=2)
