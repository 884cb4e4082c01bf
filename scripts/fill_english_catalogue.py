"""The source strings are English: the English catalogue translates each one to itself,
so that locale/en is complete and a later wording change is made in one place."""

from pathlib import Path

import polib

path = Path(__file__).resolve().parent.parent / "locale/en/LC_MESSAGES/django.po"
catalogue = polib.pofile(str(path))
for entry in catalogue:
    if entry.obsolete:
        continue
    if entry.msgid_plural:
        entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
    else:
        entry.msgstr = entry.msgid
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
catalogue.metadata["Language"] = "en"
catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
catalogue.save()
