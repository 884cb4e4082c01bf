"""Rules every template keeps, checked on the files themselves (the Nu HTML checker, tests/test_valid_html.py,
sees only the pages the sweeps render, with the demo's data)."""

import re
from pathlib import Path

import civica

TEMPLATES = sorted(Path(civica.__file__).parent.glob("*/templates/**/*.html"))
# Django's "c" format prints microseconds, which <time datetime> does not allow: html_datetime instead.
ISO_WITH_MICROSECONDS = re.compile(r"""\|date:\s*['"]c['"]""")


def test_there_are_templates_to_check():
    assert len(TEMPLATES) > 100


def test_time_values_go_through_html_datetime():
    offenders = [f"{path.relative_to(Path(civica.__file__).parent)}:{number}"
                 for path in TEMPLATES
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if ISO_WITH_MICROSECONDS.search(line)]
    assert not offenders, "use |html_datetime for <time datetime>: " + ", ".join(offenders)


def test_pages_describe_themselves_through_page_meta_only():
    offenders = [str(path.relative_to(Path(civica.__file__).parent)) for path in TEMPLATES
                 if path.name != "_page_meta.html" and '<meta name="description"' in path.read_text(encoding="utf-8")]
    assert not offenders, "a second meta description; fill {% block page_meta %} instead: " + ", ".join(offenders)
