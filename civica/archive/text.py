"""The archive's words without accents or case, for a search that finds "Șerban" from "serban" on every
database (the catalogue's ``q`` and the bulk import's matching of names)."""

import unicodedata


def fold(text) -> str:
    """Lower case without accents: "Cultură" → "cultura", "ȘCOALĂ" and "ŞCOALĂ" → "scoala"."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def words(text) -> list[str]:
    return [word for word in fold(text).split() if word][:8]


def work_search_text(work) -> str:
    """Everything a visitor may search a work by, folded: titles, artist, inventory number, dates,
    medium, technique, tags (a saved work's, or the ones about to be set on it)."""
    parts = [work.title_ro, work.title_en, work.inventory_number, work.date_text_ro, work.date_text_en,
             work.technique_ro, work.technique_en, str(work.year_from or ""), str(work.year_to or "")]
    if work.artist_id:
        parts.append(work.artist.name)
    if work.medium_id:
        parts += [work.medium.name_ro, work.medium.name_en]
    tags = getattr(work, "_tags", None)
    if tags is None and work.pk:
        tags = list(work.tags.all())
    parts += [name for tag in tags or () for name in (tag.name_ro, tag.name_en)]
    return " " + " ".join(fold(part) for part in parts if part) + " "
