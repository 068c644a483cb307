"""``minlint check`` on an archive: parallel speed-up, linear time, flat memory (not a test).

An archive of N documents is made in a temporary directory from copies of the seeds and
the corpus (each copy in a folder of its own, the bodies' folders kept), and checked as
a whole process, as CI checks an archive:

- ``--jobs 1`` and ``--jobs 2`` on 1,000 documents: the speed-up of the second;
- 100 and 1,000 documents: the ratio of the times (10 is linear);
- the peak memory (largest resident set of the main process or any of its workers) at
  100 and 1,000 documents: it should not grow with the archive.

Times are medians of several runs with their ratio to a bare ``python -c pass``.

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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import PYTHON, REPO, bench_env, load  # noqa: E402

SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}

# Runs minlint in this process and prints the peak resident set of the process and of
# its workers (in KB on Linux) on stderr's last line.
_MEASURED = """
import resource, sys
from minlint.cli import main
sys.argv = ["minlint", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
finally:
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(f"peak-rss {peak}", file=sys.stderr)
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


def run(archive: Path, jobs: int, env: dict[str, str]) -> tuple[float, int, int]:
    """Wall seconds, peak resident set (KB) and number of findings of one check."""
    command = [
        PYTHON,
        "-c",
        _MEASURED,
        "check",
        str(archive),
        "--exit-zero",
        "--format",
        "json",
        "--jobs",
        str(jobs),
    ]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, cwd=REPO, env=env)
    elapsed = time.perf_counter() - start
    stderr = done.stderr.decode(errors="replace").splitlines()
    if not stderr or not stderr[-1].startswith("peak-rss "):
        raise SystemExit(f"{' '.join(command[3:])} failed:\n" + "\n".join(stderr[-20:]))
    findings = len(json.loads(done.stdout)["violations"])
    return elapsed, int(stderr[-1].split()[1]), findings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="100,1000", help="archive sizes, the largest last")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    env = bench_env()
    base = statistics.median(
        _wall([PYTHON, "-c", "pass"], env) for _ in range(max(args.runs, 5))
    )
    print(f"before: {load()}")
    root = Path(tempfile.mkdtemp(prefix="minlint-archive-"))
    rows = []
    try:
        for size in sizes:
            archive = build_archive(args.shared, size, root)
            for jobs in (1, 2):
                if jobs == 1 and size != sizes[-1] and size != sizes[0]:
                    continue
                measured = [run(archive, jobs, env) for _ in range(args.runs)]
                rows.append(
                    (
                        size,
                        jobs,
                        statistics.median(m[0] for m in measured),
                        max(m[1] for m in measured),
                        measured[0][2],
                    )
                )
    finally:
        shutil.rmtree(root, ignore_errors=True)

    print(f"{'documents':>9} {'jobs':>4} {'median s':>9} {'x start-up':>10} {'peak MB':>8} {'findings':>8}")
    for size, jobs, seconds, peak, findings in rows:
        print(
            f"{size:>9} {jobs:>4} {seconds:9.2f} {seconds / base:10.0f} "
            f"{peak / 1024:8.1f} {findings:>8}"
        )
    t = {(size, jobs): seconds for size, jobs, seconds, _, _ in rows}
    m = {(size, jobs): peak for size, jobs, _, peak, _ in rows}
    small, large = sizes[0], sizes[-1]
    print(f"\n--jobs 2 speed-up on {large}: {t[large, 1] / t[large, 2]:.2f}x")
    for jobs in (1, 2):
        if (small, jobs) in t and (large, jobs) in t:
            print(
                f"--jobs {jobs}: {large}/{small} documents take {t[large, jobs] / t[small, jobs]:.1f}x "
                f"the time ({large / small:.0f} is linear); peak memory "
                f"{m[small, jobs] / 1024:.0f} -> {m[large, jobs] / 1024:.0f} MB"
            )
    print(f"{args.runs} runs each; start-up {base * 1000:.1f} ms; after: {load()}")


def _wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, cwd=REPO, env=env, check=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
