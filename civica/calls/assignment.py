"""Balanced automatic assignment of evaluators: plain data in, pairs out.

Each application gets evaluators up to ``per_application``; the evaluator with the fewest
assignments so far goes first (ties by id), never one with a declared conflict or one already
assigned. Deterministic: the same input gives the same plan."""

# How many evaluators an application gets unless the call says otherwise (the staff dashboard counts the
# applications with fewer).
EVALUATORS_PER_APPLICATION = 2


def plan_assignments(applications, evaluators, *, existing=(), conflicts=(),
                     per_application=EVALUATORS_PER_APPLICATION):
    """``applications``/``evaluators``: ids; ``existing``/``conflicts``: (application, evaluator) pairs.
    Returns the new (application, evaluator) pairs to create."""
    existing, conflicts = set(existing), set(conflicts)
    load = {evaluator: 0 for evaluator in evaluators}
    for _application, evaluator in existing:
        if evaluator in load:
            load[evaluator] += 1
    planned = []
    for application in sorted(applications):
        assigned = {evaluator for app, evaluator in existing if app == application}
        needed = per_application - len(assigned)
        candidates = [evaluator for evaluator in load
                      if evaluator not in assigned and (application, evaluator) not in conflicts]
        for evaluator in sorted(candidates, key=lambda candidate: (load[candidate], candidate))[:max(needed, 0)]:
            planned.append((application, evaluator))
            load[evaluator] += 1
    return planned
