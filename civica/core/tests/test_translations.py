"""Every user-visible string is translatable and both catalogues are complete."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

BASE_DIR = Path(__file__).resolve().parents[3]
CATALOGUES = {lang: BASE_DIR / "locale" / lang / "LC_MESSAGES" / "django.po" for lang in ("ro", "en")}


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(str(CATALOGUES[language]))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries() if entry.msgid]
    assert not untranslated, f"{language}: untranslated {untranslated[:10]}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy[:10]}"


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_placeholders_survive_translation(language):
    import re

    placeholder = re.compile(r"%\(\w+\)s|\{\{?\s*\w*\s*\}?\}|%s")
    for entry in polib.pofile(str(CATALOGUES[language])).translated_entries():
        if entry.msgid_plural:
            continue
        assert sorted(placeholder.findall(entry.msgid)) == sorted(placeholder.findall(entry.msgstr)), entry.msgid


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_every_marked_string_is_in_the_catalogues(tmp_path):
    """Run makemessages on a copy of the tree: it must not find a string the catalogues lack."""
    source_ids = {entry.msgid for entry in polib.pofile(str(CATALOGUES["ro"]))}
    work = tmp_path / "tree"
    shutil.copytree(
        BASE_DIR, work,
        ignore=shutil.ignore_patterns(".venv", "node_modules", ".git", "var", "staticfiles", "*.mo", "__pycache__"),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ro", "--no-obsolete", "--no-location"],
        cwd=work, check=True, capture_output=True, timeout=300,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
    )
    extracted = {entry.msgid for entry in polib.pofile(str(work / "locale/ro/LC_MESSAGES/django.po"))}
    missing = sorted(extracted - source_ids)
    assert not missing, f"marked for translation but missing from locale/ (run make makemessages): {missing[:10]}"


def test_romanian_has_its_diacritics_and_addresses_people_as_dumneavoastra():
    """Every Romanian string: no word written without the diacritics it needs ("sa", "si", "daca",
    "Inregistreaza"…), no informal "tu" ("te rugăm", "ține-mă", "tău", "ai"…). Tags and placeholders
    are not words."""
    import re

    from civica.core.tests.romanian_style import problems

    markup = re.compile(r"<[^>]+>|%\(\w+\)[sd]|\{[^}]*\}|https?://\S+")
    found = {}
    for entry in polib.pofile(str(CATALOGUES["ro"])).translated_entries():
        texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in texts:
            if wrong := problems(markup.sub(" ", text)):
                found[entry.msgid] = (text, wrong)
    assert not found, f"{len(found)} Romanian strings to fix: {list(found.items())[:5]}"
