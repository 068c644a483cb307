"""A draft checked against a large records directory, cache warm (not a test).

A records directory of N documents (500 by default: copies of the seeds and the corpus,
each copy in a folder of its own) is made in a temporary directory, and seed 002 is
checked alone and with ``--records DIR``: once to fill the cache, then several times
with the cache warm. The budget: with the cache warm, the records cost at most as much
as the draft alone (a ratio of 2 or less). The first run (cache cold) is shown too.

    python bench/records.py [--runs 7] [--size 500] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from archive import build_archive

from bench import DRAFTS, MINLINT, PYTHON, bench_env, load, seed, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--size", type=int, default=500)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = ap.parse_args()

    env = bench_env()
    print(f"before: {load()}")
    root = Path(tempfile.mkdtemp(prefix="minlint-records-"))
    # A draft just edited, as a hook sees it (see bench.py): its findings are made anew.
    draft = str(root / "draft.txt")
    shutil.copyfile(seed(args.shared / "seeds", "002"), draft)
    DRAFTS.add(draft)
    try:
        records = build_archive(args.shared, args.size, root)
        check = [*MINLINT, "check", "--exit-zero", draft]
        start_up = [PYTHON, "-c", "pass"]
        wall(start_up, env)
        base = statistics.median(wall(start_up, env) for _ in range(args.runs))
        wall(check, env)
        alone = statistics.median(wall(check, env) for _ in range(args.runs))
        cold = wall([*check, "--records", str(records)], env)
        warm = statistics.median(
            wall([*check, "--records", str(records)], env) for _ in range(args.runs)
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"{'seed 002':<40} {'median':>9} {'x start-up':>10}")
    for name, seconds in (
        ("python -c pass (start-up)", base),
        ("alone", alone),
        (f"--records of {args.size} documents, cold cache", cold),
        (f"--records of {args.size} documents, warm cache", warm),
    ):
        print(f"{name:<40} {seconds * 1000:7.1f}ms {seconds / base:10.2f}")
    print(f"\nwarm records / alone: {warm / alone:.2f} (budget: 2)")
    print(f"{args.runs} runs each (cold: one); after: {load()}")


if __name__ == "__main__":
    main()
