"""Opinion map: Civica's `map_opinions` against red-dwarf, and at city scale. Prints a table; asserts nothing.

Run: make bench   (or .venv/bin/python bench/bench_opinion_map.py)

1. The two real Pol.is conversations in civica/insights/tests/data/polis (CC BY 4.0, attribution in
   the README there): time of one map and adjusted Rand index (ARI) against the groups Pol.is itself
   computed, for Civica and for red-dwarf (the community's Python port of the Pol.is computation).
   red-dwarf is never a dependency of Civica: this script installs it into its own virtualenv under
   /tmp and runs it there in a subprocess, which sends its labels back as JSON. Both get the same
   votes: one per (participant, statement), the latest, as red-dwarf refuses duplicates. Times are
   medians of several runs inside each process, imports and file reading excluded.
2. City scale: 10,000 participants × 1,000 statements, 15 % of the cells voted (1.5 million votes, in
   three camps), in a fresh process: wall and CPU time of the whole call (reading the votes
   included), peak memory traced by tracemalloc during the call, and the process's peak RSS.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from civica.insights.opinion_map import map_opinions  # noqa: E402
from civica.insights.polis_export import read_polis_export, read_polis_groups  # noqa: E402

DATA = ROOT / "civica" / "insights" / "tests" / "data" / "polis"
CONVERSATIONS = ["15-per-hour-seattle", "canadian-electoral-reform"]
REPEATS = 5
RED_DWARF = "red-dwarf==0.4.0"
RED_DWARF_VENV = Path(os.environ.get("CIVICA_RED_DWARF_VENV", "/tmp/civica-bench-red-dwarf"))
CITY = {"participants": 10_000, "statements": 1_000, "density": 0.15, "camps": 3}

# Runs inside red-dwarf's virtualenv: votes in on stdin, labels and times out on stdout.
RED_DWARF_DRIVER = """
import json, statistics, sys, time
from reddwarf.implementations.polis import run_pipeline
request = json.load(sys.stdin)
answers = {}
for name, conversation in request["conversations"].items():
    walls, cpus = [], []
    for _ in range(request["repeats"]):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run_pipeline(votes=conversation["votes"], mod_out_statement_ids=conversation["moderated_out"],
                              min_user_vote_threshold=7, random_state=0)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    labels = result.participants_df["cluster_id"].dropna()
    answers[name] = {"wall": statistics.median(walls), "cpu": statistics.median(cpus),
                     "labels": {str(int(p)): int(label) for p, label in labels.items()}}
json.dump(answers, sys.stdout)
"""


def adjusted_rand(reference, labels):
    from sklearn.metrics import adjusted_rand_score

    both = sorted(set(reference) & set(labels))
    return adjusted_rand_score([reference[p] for p in both], [labels[p] for p in both]), len(both)


def unique_latest_votes(export):
    latest = {}
    for participant, statement, vote, timestamp in sorted(export.votes, key=lambda row: row[3]):
        latest[participant, statement] = (vote, timestamp)
    return [(p, s, vote, timestamp) for (p, s), (vote, timestamp) in sorted(latest.items())]


def run_civica(votes, moderated_out):
    triples = [(p, s, vote) for p, s, vote, _ in votes]
    walls, cpus = [], []
    for _ in range(REPEATS):
        wall, cpu = time.perf_counter(), time.process_time()
        result = map_opinions(triples, exclude_statements=moderated_out)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "labels": result.group_of}


def red_dwarf_python():
    """red-dwarf's interpreter, installing it first if needed; (None, reason) when it cannot be had."""
    python = RED_DWARF_VENV / "bin" / "python"
    try:
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(RED_DWARF_VENV)], check=True, capture_output=True)
        check = subprocess.run([str(python), "-c", "import reddwarf"], capture_output=True)
        if check.returncode != 0:
            subprocess.run(
                [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", RED_DWARF],
                check=True, capture_output=True, text=True, timeout=900,
            )
    except (OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        return None, f"could not install {RED_DWARF}: {detail.strip().splitlines()[-1] if detail else error}"
    return python, None


def run_red_dwarf(python, conversations):
    request = {
        "repeats": REPEATS,
        "conversations": {
            name: {
                "votes": [
                    {"participant_id": p, "statement_id": s, "vote": vote, "modified": timestamp}
                    for p, s, vote, timestamp in votes
                ],
                "moderated_out": sorted(moderated_out),
            }
            for name, (votes, moderated_out) in conversations.items()
        },
    }
    completed = subprocess.run(
        [str(python), "-c", RED_DWARF_DRIVER], input=json.dumps(request), capture_output=True, text=True, timeout=900
    )
    if completed.returncode != 0:
        return None, "red-dwarf failed: " + (completed.stderr.strip().splitlines() or ["no output"])[-1]
    answers = json.loads(completed.stdout)
    for answer in answers.values():
        answer["labels"] = {int(p): label for p, label in answer["labels"].items()}
    return answers, None


def city_votes(participants, statements, density, camps, seed=0):
    """Unique votes of `camps` camps, each leaning agree, disagree or neither on each statement."""
    import numpy as np

    rng = np.random.default_rng(seed)
    camp = rng.integers(camps, size=participants)
    lean = rng.choice([-1, 0, 1], size=(camps, statements), p=[0.35, 0.3, 0.35])
    participant, statement = np.nonzero(rng.random((participants, statements)) < density)
    agree_probability = 0.5 + 0.35 * lean[camp[participant], statement]
    vote = np.where(rng.random(len(participant)) < agree_probability, 1, -1)
    vote[rng.random(len(participant)) < 0.15] = 0
    order = rng.permutation(len(participant))
    columns = (participant[order].tolist(), statement[order].tolist(), vote[order].tolist())
    return list(zip(*columns, strict=True)), camp


def measure_city():
    """Runs in its own process (see main): prints one JSON line of figures."""
    votes, camp = city_votes(**CITY)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    walls, cpus = [], []
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        result = map_opinions(votes)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    map_opinions(votes)
    traced_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    ari, _ = adjusted_rand(dict(enumerate(camp.tolist())), result.group_of)
    print(json.dumps({
        "votes": len(votes), "wall": statistics.median(walls), "cpu": statistics.median(cpus),
        "traced_mib": traced_peak / 2**20, "rss_mib": rss_after / 1024,
        "rss_growth_mib": (rss_after - rss_before) / 1024,
        "groups": [len(group.members) for group in result.groups], "ari_camps": ari,
    }))


def main():
    conversations, reference = {}, {}
    for name in CONVERSATIONS:
        export = read_polis_export(DATA / name)
        conversations[name] = (unique_latest_votes(export), export.moderated_out)
        reference[name] = read_polis_groups(DATA / name)

    civica = {name: run_civica(votes, moderated_out) for name, (votes, moderated_out) in conversations.items()}
    python, problem = red_dwarf_python()
    red_dwarf = None
    if python is not None:
        red_dwarf, problem = run_red_dwarf(python, conversations)

    print("| conversation | placed | Civica ARI | red-dwarf ARI | Civica time (CPU) | red-dwarf time (CPU) |")
    print("|---|---|---|---|---|---|")
    for name in CONVERSATIONS:
        ours, placed = adjusted_rand(reference[name], civica[name]["labels"])
        row = f"| {name} | {placed} | {ours:.3f} |"
        if red_dwarf:
            theirs, _ = adjusted_rand(reference[name], red_dwarf[name]["labels"])
            row += f" {theirs:.3f} |"
        else:
            row += " n/a |"
        row += f" {civica[name]['wall'] * 1000:.0f} ms ({civica[name]['cpu'] * 1000:.0f} ms) |"
        if red_dwarf:
            row += f" {red_dwarf[name]['wall'] * 1000:.0f} ms ({red_dwarf[name]['cpu'] * 1000:.0f} ms) |"
        else:
            row += " n/a |"
        print(row)
    mean_ours = statistics.mean(adjusted_rand(reference[n], civica[n]["labels"])[0] for n in CONVERSATIONS)
    line = f"| mean | | {mean_ours:.3f} |"
    if red_dwarf:
        mean_theirs = statistics.mean(adjusted_rand(reference[n], red_dwarf[n]["labels"])[0] for n in CONVERSATIONS)
        line += f" {mean_theirs:.3f} |"
    else:
        line += " n/a |"
    print(line + " | |")
    if problem:
        print(f"\nred-dwarf: {problem}")

    city = subprocess.run([sys.executable, __file__, "--city"], capture_output=True, text=True, check=True)
    figures = json.loads(city.stdout.strip().splitlines()[-1])
    print(
        f"\n| city scale | votes | time (CPU) | traced peak | process peak RSS (growth in the call) | groups |\n"
        f"|---|---|---|---|---|---|\n"
        f"| {CITY['participants']:,} × {CITY['statements']:,}, {CITY['density']:.0%} voted | {figures['votes']:,} | "
        f"{figures['wall']:.2f} s ({figures['cpu']:.2f} s) | {figures['traced_mib']:.0f} MiB | "
        f"{figures['rss_mib']:.0f} MiB (+{figures['rss_growth_mib']:.0f} MiB) | "
        f"{len(figures['groups'])} (ARI {figures['ari_camps']:.2f} against the camps) |"
    )
    # Single-threaded, the map's wall time equals its CPU time on an idle machine; a busy one stretches it.
    print(f"\n{os.cpu_count()} cores; load average over the last minute {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--city"]:
        measure_city()
    else:
        main()
