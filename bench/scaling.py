"""How the duplicate checks (P001-P003) and ``minlint diff`` scale with document length
(not a test).

A document ten times longer should cost about ten times as much, not a hundred. The
minutes of a seed (003 by default) are repeated 1 and 10 times, each copy with its minutes
renumbered to continue the sequence and its lower-case letters shifted by the copy's
number, so that copies share structure and statistics but not words (otherwise every
paragraph would be a duplicate of nine others, and the work would grow with the
duplicates found, not with the length). For the diff, the new version has, in every
copy, a minute removed, two minutes swapped, a resolution reworded and the minutes after
them renumbered.

Times are the best of several runs in one process (each run repeats a short call
enough times to last a fifth of a second), parsing excluded (it is measured on its
own); the ratio of the x10 time to the x1 time is printed. Near 10 is linear.

    python bench/scaling.py [--seed 003] [--copies 10] [--runs 5] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

_HEAD = re.compile(r"^(\s*)(\d{1,4})(\.\s+\S)")


def _shift(text: str, k: int) -> str:
    if not k:
        return text
    return "".join(chr((ord(c) - 97 + k) % 26 + 97) if "a" <= c <= "z" else c for c in text)


def _split(text: str) -> tuple[list[str], list[list[str]]]:
    """The header lines and the minutes (each a list of lines, its heading first)."""
    header: list[str] = []
    minutes: list[list[str]] = []
    for line in text.split("\n"):
        if _HEAD.match(line):
            minutes.append([line])
        elif minutes:
            minutes[-1].append(line)
        else:
            header.append(line)
    return header, minutes


def _numbered(lines: list[str], number: int) -> list[str]:
    return [_HEAD.sub(lambda m: f"{m.group(1)}{number}{m.group(3)}", lines[0], count=1), *lines[1:]]


def build(seed_text: str, copies: int, edited: bool) -> str:
    header, minutes = _split(seed_text)
    first = int(_HEAD.match(minutes[0][0]).group(2))  # type: ignore[union-attr]
    out = list(header)
    number = first
    for k in range(copies):
        body = [[_shift(line, k) if i else line for i, line in enumerate(m)] for m in minutes]
        if edited:
            body = [list(m) for m in body]
            del body[1]  # a minute removed
            body[2], body[3] = body[3], body[2]  # two swapped
            for m in body:  # a resolution reworded
                for i, line in enumerate(m):
                    if line.lstrip().startswith("Resolved"):
                        m[i] = line.replace("noted", "received and noted", 1)
                        break
                else:
                    continue
                break
        for m in body:
            out.extend(_numbered(m, number))
            number += 1
    return "\n".join(out)


def best_time(fn: Callable[[], object], runs: int) -> float:
    """Seconds per call: the best of ``runs`` measurements, each of enough calls to last
    a fifth of a second (as timeit does), so that a shared machine's load matters less."""
    from minlint.lint.diff.words import paragraph_key

    def once() -> float:
        paragraph_key.cache_clear()  # each call computes what one process would
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    once()  # warm up
    loops = max(1, int(0.2 / max(once(), 1e-6)))
    best = float("inf")
    for _ in range(runs):
        best = min(best, sum(once() for _ in range(loops)) / loops)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", default="003")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()

    from minlint.lint.config import DEFAULT
    from minlint.lint.diff.align import diff_parsed
    from minlint.lint.engine import RuleContext
    from minlint.lint.parse import parse_path
    from minlint.lint.records import Record, Records
    from minlint.lint.registry import load_registry

    found = sorted((args.shared / "seeds").glob(f"{args.seed}*.txt"))
    if not found:
        raise SystemExit(f"no seed {args.seed}* in {args.shared / 'seeds'}")
    text = found[0].read_text(encoding="utf-8")
    workdir = Path(tempfile.mkdtemp(prefix="minlint-scaling-"))
    registry = load_registry()
    rules = [registry.get(code) for code in ("P001", "P002", "P003")]

    rows = []
    for copies in (1, args.copies):
        old_path = workdir / f"x{copies}_old.txt"
        new_path = workdir / f"x{copies}_new.txt"
        old_path.write_text(build(text, copies, edited=False), encoding="utf-8")
        new_path.write_text(build(text, copies, edited=True), encoding="utf-8")
        old, new = parse_path(old_path), parse_path(new_path)
        previous = Record(str(old_path), old.minutes[0], None, None, True)
        records = Records(previous=previous)

        def duplicates(parsed=new, records=records, path=str(new_path)) -> None:
            from minlint.lint import duplicates as d

            d._UNITS.clear()
            for r in rules:
                ctx = RuleContext(r, path, parsed, records, DEFAULT)
                list(r.check(ctx))

        size = len(new_path.read_bytes())
        words = len(new_path.read_text(encoding="utf-8").split())
        parse_t = best_time(lambda p=new_path: parse_path(p), args.runs)
        dup_t = best_time(duplicates, args.runs)
        diff_t = best_time(lambda o=old, n=new: diff_parsed(o, n), args.runs)
        result = diff_parsed(old, new)
        rows.append((copies, size, words, parse_t, dup_t, diff_t, result.summary))

    print(f"seed {args.seed}: minutes repeated 1 and {args.copies} times (best of {args.runs})")
    print(f"{'copies':>6} {'KB':>7} {'words':>7} {'parse s':>8} {'P001-3 s':>9} {'diff s':>8}")
    for copies, size, words, parse_t, dup_t, diff_t, _ in rows:
        print(
            f"{copies:>6} {size / 1024:7.0f} {words:>7} {parse_t:8.3f} {dup_t:9.3f} {diff_t:8.3f}"
        )
    (_, _, w1, p1, d1, f1, s1), (_, _, w10, p10, d10, f10, s10) = rows
    print(
        f"ratio x{args.copies}/x1: words {w10 / w1:.1f}, parse {p10 / p1:.1f}, "
        f"duplicates {d10 / d1:.1f}, diff {f10 / f1:.1f}"
    )
    print(f"diff summary x1: {s1}")
    print(f"diff summary x{args.copies}: {s10}")


if __name__ == "__main__":
    main()
