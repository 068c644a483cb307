"""``minlint check`` on an archive: parallel speed-up, linear time, flat memory (not a test).

An archive of N documents is made in a temporary directory from copies of the seeds and
the corpus (each copy in a folder of its own, the bodies' folders kept), and checked as
a whole process, as CI checks an archive:

- ``--jobs 1`` and ``--jobs 2`` on 1,000 documents: the speed-up of the second;
- 100 and 1,000 documents: the ratio of the times (10 is linear);
- the peak memory (largest resident set of the main process or any of its workers) at
  100 and 1,000 documents: it should not grow with the archive.

Each measured run starts with an empty cache, as a CI machine does: no document's
findings are read back. One more run, with the cache the run before it left, shows an
archive checked again with nothing changed.

Times are medians of several runs with their ratio to a bare ``python -c pass``. The
CPU time of the main process and of its workers is printed too: on a machine busy with
other work, two jobs cannot run twice as fast, and the CPU times show what they would
do with two CPUs free (the main process's share plus half the workers').

    python bench/archive.py [--runs 3] [--sizes 100,1000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import PYTHON, REPO, bench_env, load

SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}

# Runs minlint in this process and prints, on stderr's last line, the peak resident set
# of the process and of its workers (KB on Linux) and the CPU seconds of each.
# minlint's entry point, measured by an exit handler (it runs them, then leaves at once).
_MEASURED = """
import atexit, resource, sys
from minlint.cli import main

def measured():
    me = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"measured {max(me.ru_maxrss, workers.ru_maxrss)} "
          f"{me.ru_utime + me.ru_stime} {workers.ru_utime + workers.ru_stime}",
          file=sys.stderr)

atexit.register(measured)
sys.argv = ["minlint", *sys.argv[1:]]
main()
"""


def documents(shared: Path) -> list[Path]:
    found = [
        p
        for folder in (shared / "seeds", shared / "corpus")
        for p in sorted(folder.rglob("*"))
        if p.suffix.lower() in SUFFIXES and p.is_file()
    ]
    if not found:
        raise SystemExit(f"no documents under {shared}")
    return found


def build_archive(shared: Path, size: int, root: Path) -> Path:
    """``size`` documents: copy k of document i is ``copy<k>/<its folder>/<its name>``."""
    docs = documents(shared)
    archive = root / f"archive-{size}"
    for n in range(size):
        src = docs[n % len(docs)]
        dest = archive / f"copy{n // len(docs):03d}" / src.parent.name / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
    return archive


@dataclass(frozen=True)
class Measure:
    wall: float  # seconds
    peak: int  # KB
    cpu_main: float  # seconds
    cpu_workers: float
    findings: int


def fresh(env: dict[str, str], root: Path) -> dict[str, str]:
    """``env`` with a cache of its own, empty, under ``root``."""
    return dict(env, MINLINT_CACHE_DIR=tempfile.mkdtemp(prefix="cache-", dir=root))


def run(archive: Path, jobs: int, env: dict[str, str]) -> Measure:
    """One check of the archive, as a new process."""
    command = [PYTHON, "-c", _MEASURED, "check", str(archive), "--exit-zero"]
    command += ["--format", "json", "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, cwd=REPO, env=env)
    elapsed = time.perf_counter() - start
    stderr = done.stderr.decode(errors="replace").splitlines()
    if not stderr or not stderr[-1].startswith("measured "):
        raise SystemExit(f"{' '.join(command[3:])} failed:\n" + "\n".join(stderr[-20:]))
    _, peak, cpu_main, cpu_workers = stderr[-1].split()
    findings = len(json.loads(done.stdout)["violations"])
    return Measure(elapsed, int(peak), float(cpu_main), float(cpu_workers), findings)


def median_of(measured: list[Measure]) -> Measure:
    """Median times, the largest peak; the findings must be the same every time."""
    if len({m.findings for m in measured}) != 1:
        raise SystemExit(f"the number of findings varies: {[m.findings for m in measured]}")
    return Measure(
        statistics.median(m.wall for m in measured),
        max(m.peak for m in measured),
        statistics.median(m.cpu_main for m in measured),
        statistics.median(m.cpu_workers for m in measured),
        measured[0].findings,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="100,1000", help="archive sizes, the largest last")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    env = bench_env()
    _wall([PYTHON, "-c", "pass"], env)
    base = statistics.median(_wall([PYTHON, "-c", "pass"], env) for _ in range(max(args.runs, 5)))
    print(f"before: {load()}")
    root = Path(tempfile.mkdtemp(prefix="minlint-archive-"))
    rows: dict[tuple[int, int], Measure] = {}
    try:
        for size in sizes:
            archive = build_archive(args.shared, size, root)
            run(archive, 1, fresh(env, root))  # warm the file cache and the bytecode
            for jobs in (1, 2):
                rows[size, jobs] = median_of(
                    [run(archive, jobs, fresh(env, root)) for _ in range(args.runs)]
                )
            if size == sizes[-1]:
                kept = fresh(env, root)
                run(archive, 2, kept)
                again = run(archive, 2, kept)
            shutil.rmtree(archive)
    finally:
        shutil.rmtree(root, ignore_errors=True)

    print(
        f"{'documents':>9} {'jobs':>4} {'median s':>9} {'x start-up':>10} "
        f"{'CPU s main':>10} {'workers':>8} {'peak MB':>8} {'findings':>8}"
    )
    for (size, jobs), m in rows.items():
        print(
            f"{size:>9} {jobs:>4} {m.wall:9.2f} {m.wall / base:10.0f} {m.cpu_main:10.2f} "
            f"{m.cpu_workers:8.2f} {m.peak / 1024:8.1f} {m.findings:>8}"
        )
    small, large = sizes[0], sizes[-1]
    one, two = rows[large, 1], rows[large, 2]
    if one.findings != two.findings:
        print(f"\nFINDINGS DIFFER: {one.findings} with --jobs 1, {two.findings} with --jobs 2")
    free = (one.cpu_main + one.cpu_workers) / (two.cpu_main + two.cpu_workers / 2)
    print(
        f"\n--jobs 2 speed-up on {large} documents: {one.wall / two.wall:.2f}x measured; "
        f"{free:.2f}x from the CPU times, with two CPUs free"
    )
    for jobs in (1, 2):
        a, b = rows[small, jobs], rows[large, jobs]
        print(
            f"--jobs {jobs}: {large} documents take {b.wall / a.wall:.1f}x the time of {small} "
            f"({large / small:.0f} is linear); peak memory {a.peak / 1024:.0f} MB -> "
            f"{b.peak / 1024:.0f} MB"
        )
    print(
        f"--jobs 2, {large} documents checked again, findings cached: {again.wall:.2f} s "
        f"({two.wall / again.wall:.1f}x as fast)"
    )
    print(f"{args.runs} runs each; start-up {base * 1000:.1f} ms; after: {load()}")


def _wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, cwd=REPO, env=env, check=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
