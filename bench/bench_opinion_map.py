"""Opinion map: Civica's `map_opinions` against red-dwarf and Pol.is, and at city scale. Prints tables; asserts nothing.

Run: make bench   (or .venv/bin/python bench/bench_opinion_map.py [--data FOLDER] [--no-city])

1. Every Pol.is conversation export in the data folder (one sub-folder each, with votes.csv,
   comments.csv and participants-votes.csv; CC BY 4.0, The Computational Democracy Project). The
   folder is `--data`, else $CIVICA_POLIS_DATA, else the project's shared data (`shared/data/polis`
   beside the checkout or one level up), else the two conversations in
   civica/insights/tests/data/polis. Per conversation: the adjusted Rand index (ARI) of Civica's
   groups and of red-dwarf's (the community's Python port of the Pol.is computation) against the
   groups Pol.is itself computed (`group-id`), over the participants both placed, and the time of
   one map; then the mean and the worst ARI of each tool over all conversations, from this one run.
   red-dwarf is never a dependency of Civica: this script installs it into its own virtualenv under
   /tmp and runs it there in a subprocess, which sends its labels back as JSON. Both get the same
   votes: one per (participant, statement), the latest, as red-dwarf refuses duplicates. Civica also
   gets each vote's time (red-dwarf has it as `modified`). Times are medians of several runs inside
   each process, imports and file reading excluded.
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

TEST_DATA = ROOT / "civica" / "insights" / "tests" / "data" / "polis"
SHARED_DATA = [ROOT.parent / "shared" / "data" / "polis", ROOT.parent.parent / "shared" / "data" / "polis"]
REPEATS = 3
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
    walls, cpus = [], []
    for _ in range(REPEATS):
        wall, cpu = time.perf_counter(), time.process_time()
        result = map_opinions(votes, exclude_statements=moderated_out)
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


def data_folder(arguments):
    """The folder of conversations: --data, else $CIVICA_POLIS_DATA, else the shared data, else the tests' two."""
    if "--data" in arguments:
        return Path(arguments[arguments.index("--data") + 1])
    if os.environ.get("CIVICA_POLIS_DATA"):
        return Path(os.environ["CIVICA_POLIS_DATA"])
    return next((folder for folder in SHARED_DATA if folder.is_dir()), TEST_DATA)


def conversation_names(folder):
    return sorted(path.parent.name for path in folder.glob("*/participants-votes.csv"))


def milliseconds(figures):
    return f"{figures['wall'] * 1000:.0f} ms ({figures['cpu'] * 1000:.0f} ms)"


def agreement_table(folder):
    names = conversation_names(folder)
    conversations, reference = {}, {}
    for name in names:
        export = read_polis_export(folder / name)
        conversations[name] = (unique_latest_votes(export), export.moderated_out)
        reference[name] = read_polis_groups(folder / name)

    civica = {name: run_civica(votes, moderated_out) for name, (votes, moderated_out) in conversations.items()}
    python, problem = red_dwarf_python()
    red_dwarf = None
    if python is not None:
        red_dwarf, problem = run_red_dwarf(python, conversations)

    print(f"Conversations in {folder}\n")
    print("| conversation | placed | Civica ARI | red-dwarf ARI | Civica time (CPU) | red-dwarf time (CPU) |")
    print("|---|---|---|---|---|---|")
    ours, theirs = {}, {}
    for name in names:
        ours[name], placed = adjusted_rand(reference[name], civica[name]["labels"])
        if red_dwarf:
            theirs[name], _ = adjusted_rand(reference[name], red_dwarf[name]["labels"])
        their_ari = f"{theirs[name]:.3f}" if red_dwarf else "n/a"
        their_time = milliseconds(red_dwarf[name]) if red_dwarf else "n/a"
        print(f"| {name} | {placed} | {ours[name]:.3f} | {their_ari} | {milliseconds(civica[name])} | {their_time} |")
    for label, summary in (("mean", statistics.mean), ("worst", min)):
        their_figure = f"{summary(theirs.values()):.3f}" if red_dwarf else "n/a"
        print(f"| **{label}** ({len(names)}) | | **{summary(ours.values()):.3f}** | {their_figure} | | |")
    if problem:
        print(f"\nred-dwarf: {problem}")


def city_table():
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


def main(arguments):
    agreement_table(data_folder(arguments))
    if "--no-city" not in arguments:
        city_table()
    # Single-threaded, the map's wall time equals its CPU time on an idle machine; a busy one stretches it.
    print(f"\n{os.cpu_count()} cores; load average over the last minute {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--city"]:
        measure_city()
    else:
        main(sys.argv[1:])
