"""Wall-clock benchmark of ``minlint check`` on the seed documents (not a test).

Each scenario runs ``minlint`` as a new process, as a pre-commit hook does, several
times; the median wall time is printed with its ratio to the start-up of a bare
``python -c pass``, so that figures from different machines can be compared. The first
scenarios are the budget of a hook: ``minlint --version`` and ``minlint rules`` in
60 ms, and a 30 KB draft checked with its agenda and previous minutes (records cached),
every rule selected, in 100 ms. The last scenarios run some of the first again while a
``minlint server`` runs (see the README), which the hook's commands are then handed to.

A checked draft is one just edited, as a hook sees it: the seeds are copied to a folder
of their own, and each draft named gets one more line end before every run, so that its
findings are never read back from the cache; one scenario checks an unchanged draft,
whose findings are.

    python bench/bench.py [--runs 9] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MINLINT = [PYTHON, "-m", "minlint"]


def seed(seeds: Path, prefix: str) -> str:
    found = sorted(seeds.glob(f"{prefix}*.txt"))
    if not found:
        raise SystemExit(f"no seed {prefix}* in {seeds}")
    return str(found[0])


def scenarios(shared: Path) -> list[tuple[str, list[str]]]:
    seeds = shared / "seeds"
    s = {p: seed(seeds, p) for p in ("000", "001", "002", "003", "004")}
    edited = Path(tempfile.mkdtemp(prefix="minlint-bench-drafts-"))
    d = {}
    for prefix, path in s.items():
        d[prefix] = str(edited / Path(path).name)
        shutil.copyfile(path, d[prefix])
    DRAFTS.update(d.values())
    check = [*MINLINT, "check", "--exit-zero"]
    parse_three = (
        "from minlint.lint.parse import parse_path\n"
        f"for p in {[s['004'], s['000'], s['003']]!r}: parse_path(p)"
    )
    return [
        ("python -c pass (start-up)", [PYTHON, "-c", "pass"]),
        ("minlint --version", [*MINLINT, "--version"]),
        ("minlint rules", [*MINLINT, "rules"]),
        (
            "002 (28 KB) + --agenda 000 + --previous 003",
            [*check, d["002"], "--agenda", s["000"], "--previous", s["003"]],
        ),
        (
            "the same, 002 unchanged (findings cached)",
            [*check, s["002"], "--agenda", s["000"], "--previous", s["003"]],
        ),
        ("002 minutes 25 July 2023 (28 KB)", [*check, d["002"]]),
        ("003 minutes 18 Sep 2018 (37 KB)", [*check, d["003"]]),
        ("004 pack 13 Mar 2018 (57 KB)", [*check, d["004"]]),
        ("000 pack 28 Jul 2020 (76 KB)", [*check, d["000"]]),
        ("001 pack 15 Jun 2021 (71 KB)", [*check, d["001"]]),
        (
            "004 pack + --agenda 000 + --previous 003",
            [*check, d["004"], "--agenda", s["000"], "--previous", s["003"]],
        ),
        ("002 minutes + --records seeds/", [*check, d["002"], "--records", str(edited)]),
        ("five seeds, --format sarif", [*check, *d.values(), "--format", "sarif"]),
        ("five seeds, --jobs 2", [*check, *d.values(), "--jobs", "2"]),
        ("parse 004 + 000 + 003 in one process", [PYTHON, "-c", parse_three]),
    ]


def served(shared: Path) -> list[tuple[str, list[str]]]:
    """Scenarios run again while ``minlint server`` runs."""
    rows = dict(scenarios(shared))
    return [
        (f"{name}, through minlint server", rows[name])
        for name in (
            "minlint --version",
            "minlint rules",
            "002 (28 KB) + --agenda 000 + --previous 003",
            "002 minutes 25 July 2023 (28 KB)",
            "000 pack 28 Jul 2020 (76 KB)",
        )
    ]


DRAFTS: set[str] = set()  # copies of the seeds, edited before every run


def wall(command: list[str], env: dict[str, str]) -> float:
    for path in DRAFTS.intersection(command):
        with open(path, "ab") as fh:
            fh.write(b"\n")
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, cwd=REPO, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr.decode(errors='replace')}")
    return elapsed


def bench_env() -> dict[str, str]:
    """As installed: compiled bytecode (kept out of the tree) and a cache of our own, so
    that records are read from the cache after the warm-up run, whatever the shell says."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="minlint-bench-pyc-")
    env["MINLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="minlint-bench-cache-")
    return env


def load() -> str:
    """The machine's load averages, to print beside the figures."""
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "load unknown"
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9, help="runs per scenario (median reported)")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()

    env = bench_env()
    print(f"before: {load()}")
    rows = []

    def measure(name: str, command: list[str]) -> None:
        wall(command, env)  # warm the file cache, the bytecode and minlint's cache
        rows.append((name, statistics.median(wall(command, env) for _ in range(args.runs))))

    for name, command in scenarios(args.shared):
        measure(name, command)
    server = [*MINLINT, "server"]
    subprocess.run([*server, "start"], check=True, capture_output=True, cwd=REPO, env=env)
    try:
        for name, command in served(args.shared):
            measure(name, command)
    finally:
        subprocess.run([*server, "stop"], capture_output=True, cwd=REPO, env=env)
    base = rows[0][1]
    width = max(len(name) for name, _ in rows)
    print(f"{'scenario':<{width}}  {'median':>9}  {'x start-up':>10}")
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds * 1000:>7.1f}ms  {seconds / base:>10.2f}")
    print(f"\n{args.runs} runs each; {PYTHON} {sys.version.split()[0]}; after: {load()}")


if __name__ == "__main__":
    main()
