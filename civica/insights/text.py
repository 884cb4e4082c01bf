"""Words of short Romanian and English texts, as keys that ignore diacritics, inflection and case.

`words(text)` splits a text into `Word`s: each keeps its surface form (as written, diacritics and all,
for labels) and a stem key (for counting), and says whether it is a stop word. The themes
(`themes.py`) count stems and show surface forms.

How a word becomes a key:

1. Tokens are runs of letters and digits, joined by hyphens ("start-up-urile", "s-au", "IMM-uri").
   Numbers alone are not words; neither is a single letter.
2. Hyphens. Romanian writes the article and plural of borrowed words and acronyms after a hyphen
   ("IMM-urile", "start-up-uri", "online-ul"): such trailing parts are dropped and the rest joined,
   so "start-up-urile", "startup-uri" and "startup" share a key. Hyphens also join clitics
   ("s-au", "să-și", "într-un", "adu-ți"): a token any of whose parts is a stop word is split into
   its parts instead, each a word of its own.
3. Folding: lower case, diacritics removed (NFKD, combining marks dropped), so "clădirile" and
   "cladirile", "ş" (cedilla) and "ș" (comma below) meet. About a third of real contributions are
   typed without diacritics, and the key must not depend on the keyboard.
4. Stemming: Snowball (PyStemmer), Romanian or English as the text's language (below), on the folded
   word. Snowball's Romanian rules expect diacritics, but stemming the folded word treats both
   spellings alike, which matters more than the few suffixes (in "-ă", "-ți") it then misses.
   Trailing vowels are then trimmed from stems longer than four letters ("spatiu" and "spat",
   "teatru" and "teatr" meet).
5. Language: English when the text has more English than Romanian stop words and no Romanian
   diacritics; Romanian otherwise (the harvests are mostly Romanian).

Stop words are one list for both languages (a Romanian word that is an English stop word, or the
reverse, is rare in these texts and rarely the point of one), compared folded. They include the
modal and auxiliary verbs of suggestions ("ar trebui să", "putem", "should"), which every
contribution uses and no theme is about. A part written in capitals in a text that is not all
capitals is an acronym ("IT", "ONG", "ISU") and never a stop word, though "it" is one.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

ROMANIAN, ENGLISH = "romanian", "english"

ROMANIAN_STOP_WORDS = frozenset(
    """
    a abia acea aceasta aceea acei aceia acel acela acele acelea acelasi acest acesta aceste acestea acestei
    acestia acestui acestora acolo acum adica ai aia aiba aici al ala ale alea alt alta altcineva alte
    altele altfel alti altii altul am anume apoi ar are as asa asemenea asta astazi astea asupra atare ati
    atat atata atatea atatia atit atita atitea atunci au avand avea aveau avem aveti avut avea azi ba
    bine ca cam cand care careia carei carora caruia cat cata cate cati catre catva ce cea ceea cei
    ceilalti cel cele celelalte celor ceva chiar ci cine cineva cit cita cite citi cu cui cum cumva
    da daca dar dat data de deci deja deoarece departe desi despre din dinspre dintr dintre doar
    dupa e ea ei el ele era erau eram este esti etc eu face fac facem facut fara fata fel fi fie fiecare
    fiecarei fiecarui fiind fim fiu fost fosta foste fosti fusese ia iar ii il im in inca inclusiv ins insa
    intr intre isi iti la le li lor lui ma mai mare mea mei mele mereu meu mi mie mine mod mult multa
    multe multi multor n ne nevoie nici nicio niciodata niciun nimeni nimic noastra noastre noi nostri
    nostru nr nu o ori oricare orice oricine oricum pai pana pe pentru peste pot poata poate poti prea
    prin printr pt putea puteau putem puteti sa sai sale sau se si sint sintem sunt suntem sunteti ta tale
    te ti tine toata toate tot toti totul totusi trebui trebuia trebuie tu tau un una unde unei unele
    uneori unor unora unui unul va vi voastra voastre voi vom vor vostru vreo vreun
    """.split()
)
ENGLISH_STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can cannot could did do does doing down during each etc few for from
    further get gets had has have having he her here hers herself him himself his how i if in into is it
    its itself just let like lot lots make many may me might more most much must my myself need needs no
    nor not now of off on once only or other ought our ours ourselves out over own same shall she should
    so some such than that the their theirs them themselves then there these they this those through to
    too under until up us very was we were what when where which while who whom why will with would you
    your yours yourself yourselves
    """.split()
)
STOP_WORDS = ROMANIAN_STOP_WORDS | ENGLISH_STOP_WORDS

# Romanian article and plural endings written after a hyphen ("IMM-urile", "online-ul", "ONG-ului").
HYPHENATED_ENDINGS = frozenset("a ei i ii ilor le lor lui ul ului uri urile urilor".split())
# Parts of clitic forms ("s-au", "n-a", "i-am", "dintr-o"): too short to be stop words of their own.
CLITIC_PARTS = frozenset("c d i l m n s t v".split())

_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_ROMANIAN_LETTERS = re.compile("[ăâîșşțţ]", re.IGNORECASE)
_STEMMERS = {ROMANIAN: Stemmer.Stemmer(ROMANIAN), ENGLISH: Stemmer.Stemmer(ENGLISH)}
_VOWELS = "aeiouy"
MIN_STEM_FOR_TRIMMING = 5


@dataclass(frozen=True)
class Word:
    surface: str  # as written in the text (a hyphenated part: that part)
    key: str  # folded stem: what is counted
    stop: bool
    first: bool  # the text's first word: its capital is the sentence's, not the word's


CACHED_LENGTH = 40  # words and short phrases repeat across a harvest; whole texts rarely do


def fold(text):
    """Lower case without diacritics: "Clădirile Şcolii" → "cladirile scolii"."""
    return _fold(text) if len(text) < CACHED_LENGTH else _fold.__wrapped__(text)


@lru_cache(maxsize=100_000)
def _fold(text):
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def language_of(text):
    """ROMANIAN or ENGLISH, from stop words and diacritics; ROMANIAN when in doubt."""
    if _ROMANIAN_LETTERS.search(text):
        return ROMANIAN
    folded = [fold(token) for token in _TOKEN.findall(text)]
    english = sum(word in ENGLISH_STOP_WORDS for word in folded)
    romanian = sum(word in ROMANIAN_STOP_WORDS for word in folded)
    return ENGLISH if english > romanian else ROMANIAN


def words(text, language=None):
    """The text's words in order, stop words included (flagged): see the module docstring.

    `language`: the text's `language_of`, when the caller has it already.
    """
    language = language or language_of(text)
    shouting = text.upper() == text
    found = []
    for match in _TOKEN.finditer(text):
        for surface, folded in _split_token(match.group(), shouting):
            if folded.isdigit() or len(folded) < 2:
                continue
            stop = folded in STOP_WORDS and not _is_acronym(surface, shouting)
            found.append(Word(surface, stem(folded, language), stop, first=not found))
    return found


@lru_cache(maxsize=100_000)
def stem(folded_word, language=ROMANIAN):
    """Key of a folded word: Snowball stem, trailing vowels of long stems trimmed."""
    stemmed = _STEMMERS[language].stemWord(folded_word)
    while len(stemmed) >= MIN_STEM_FOR_TRIMMING and stemmed[-1] in _VOWELS:
        stemmed = stemmed[:-1]
    return stemmed


def _split_token(token, shouting):
    """(surface, folded) pairs of one token: hyphenated endings dropped, clitic forms split."""
    if "-" not in token:
        return [(token, fold(token))]
    parts = token.split("-")
    folded = [fold(part) for part in parts]
    while len(parts) > 1 and folded[-1] in HYPHENATED_ENDINGS:
        parts, folded = parts[:-1], folded[:-1]
    if len(parts) == 1:
        return [(token, folded[0])]
    # Only Romanian writes clitics with hyphens: "start-up" is one word though "up" is an English stop word.
    clitic = any(
        (part in ROMANIAN_STOP_WORDS or part in CLITIC_PARTS) and not _is_acronym(surface, shouting)
        for surface, part in zip(parts, folded, strict=True)
    )
    if clitic:
        return list(zip(parts, folded, strict=True))
    return [(token, "".join(folded))]


def _is_acronym(surface, shouting):
    return not shouting and len(surface) > 1 and surface.isupper()
