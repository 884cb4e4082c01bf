"""Every registered ``rules`` permission has a truth table.

Each truth-table module (``civica/<app>/tests/test_rules*.py``) declares the permissions it covers
in ``PERMISSIONS``; this test compares their union with ``rules.permissions.permissions``."""

import importlib
from pathlib import Path

import rules

import civica


def truth_table_modules():
    root = Path(civica.__file__).parent
    for path in sorted(root.glob("*/tests/test_rules*.py")):
        yield importlib.import_module(".".join(path.relative_to(root.parent).with_suffix("").parts))


def declared():
    covered = {}
    for module in truth_table_modules():
        for name in module.PERMISSIONS:
            covered.setdefault(name, module.__name__)
    return covered


def without_truth_table():
    return sorted(set(rules.permissions.permissions) - set(declared()))


def test_every_registered_permission_has_a_truth_table():
    missing = without_truth_table()
    assert not missing, f"permissions without a truth table: {', '.join(missing)}"


def test_a_new_permission_without_a_truth_table_is_caught():
    rules.add_perm("core.do_something_new", rules.always_allow)
    try:
        assert without_truth_table() == ["core.do_something_new"]
    finally:
        rules.remove_perm("core.do_something_new")


def test_truth_tables_cover_only_registered_permissions():
    unknown = sorted(set(declared()) - set(rules.permissions.permissions))
    assert not unknown, f"truth tables declare permissions nobody registers: {', '.join(unknown)}"


def test_every_truth_table_module_declares_what_it_covers():
    modules = list(truth_table_modules())
    assert len(modules) >= 6
    for module in modules:
        assert module.PERMISSIONS, f"{module.__name__} declares no PERMISSIONS"
