"""How well found themes match labelled ones: the measure the tests assert on and the benchmark prints."""

from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score


def theme_of_each(themes, n: int) -> list[int]:
    """One label per text: its theme's position ("other" counts as a group of its own)."""
    labels = [-1] * n
    for number, theme in enumerate(themes):
        for member in theme.members:
            labels[member] = number
    return labels


def naive_baseline(texts: list[str], n_themes: int, seed: int = 0):
    """TF-IDF of raw tokens (no stemming, no stop words, diacritics as typed) and k-means told the true k."""
    matrix = TfidfVectorizer().fit_transform(texts)
    return KMeans(n_clusters=n_themes, n_init=10, random_state=seed).fit_predict(matrix)


def agreement(truth, themes) -> float:
    """Adjusted Rand index of the themes against the true labels: 0 is chance, 1 the labels exactly."""
    return adjusted_rand_score(truth, theme_of_each(themes, len(truth)))


def naive_agreement(truth, texts, seed: int = 0) -> float:
    return adjusted_rand_score(truth, naive_baseline(texts, len(set(truth)), seed))
