"""What Civica's Romanian must not contain: words written without their diacritics, and the informal
"tu" (the site addresses people as "dumneavoastră"). Whole words, case-insensitive."""

import re

# Words that are never right without diacritics (ambiguous ones, e.g. "parola" = "the password",
# "adresa" = "the address", "va" = "will", are left out: they are correct Romanian as they are).
UNDIACRITISED = {
    "sa", "si", "ti", "iti", "isi", "in", "intr", "inainte", "inapoi", "intai", "inca", "daca",
    "fara", "catre", "dupa", "cand", "pana", "asa", "dumneavoastra", "rugam", "multumim", "puteti",
    "aveti", "doriti", "sunteti", "introduceti", "introdu", "inregistreaza", "inregistrati",
    "inregistrare", "inregistrarea", "adauga", "adaugati", "actuala", "conecteaza", "deconecteaza",
    "reseteaza", "seteaza", "verifica-ti", "tara", "rau", "optiuni", "optional", "intampinati",
    "incearca", "incercati", "esti", "poti", "tau", "parolă-ta", "confirmati", "salutari",
    "noua-ti", "schimba-ti", "aceeasi", "aceasta-ti", "confirmari", "adrese-ti",
}
# The informal address ("tu") in any of its forms.
INFORMAL = {
    "tu", "te", "ți", "îți", "ție", "tine", "tău", "ta", "tale", "tăi", "ești", "poți", "vrei", "ai",
    "introdu", "alege", "încearcă", "verifică-ți", "ține-mă",
}
# A button or an instruction that starts with the informal imperative ("Salvează", "Trimite"): the
# polite form is "Salvați", "Trimiteți". Only the first word is checked, since most of these are also
# the third person ("Centrul publică rapoarte") in the middle of a sentence; verbs whose infinitive is
# the same word and that start fragments ("[pentru a] propune idei") are left out.
INFORMAL_IMPERATIVES = {
    "adaugă", "alocă", "anulează", "aplică", "ascunde", "blochează", "caută", "confirmă", "creează",
    "declară", "descarcă", "deschide", "descoperă", "editează", "exportă", "filtrează", "intră",
    "înscrie-mă", "închide", "marchează", "modifică", "mută", "pornește", "publică",
    "raportează", "retrage", "rezervă", "răspunde", "salvează", "schimbă", "scrie", "șterge", "trimite",
    "verifică", "vezi", "votează", "abonează-te", "alătură-te", "află", "continuă", "citește",
}
INFORMAL_PHRASES = ("te rugăm", "te rog", "ține-mă", "tine-ma", "ai uitat", "contul tău", "parola ta")

WORD = re.compile(r"[\w]+(?:-[\w]+)*", re.UNICODE)


def problems(text: str) -> list[str]:
    """The undiacritised and informal words in a piece of Romanian text."""
    lowered = text.lower()
    found = []
    for token in WORD.findall(text):
        # A part in capitals is an abbreviation, not a word: "SA" of a licence's "CC BY-SA".
        parts = {part.lower() for part in {token, *token.split("-")} if not (len(part) > 1 and part.isupper())}
        for part in parts:
            if part in UNDIACRITISED:
                found.append(f"without diacritics: {part!r}")
            if part in INFORMAL:
                found.append(f"informal: {part!r}")
    found += [f"informal: {phrase!r}" for phrase in INFORMAL_PHRASES if phrase in lowered]
    first = WORD.search(lowered)
    if first and first.group(0) in INFORMAL_IMPERATIVES:
        found.append(f"informal imperative: {first.group(0)!r}")
    return found
