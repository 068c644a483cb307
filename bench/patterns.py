"""Every regular expression of minlint on long runs of one kind of text (not a test).

A pattern that backtracks over a run of spaces, digits or letters can take time of the
square of the run's length; a paragraph of a damaged file holds runs of thousands. Each
pattern compiled through ``minlint.lint.regexstore`` (all of minlint's fixed patterns)
is run with ``finditer`` over runs of one kind of text, each run followed by text that
makes a match fail late, at two lengths four times apart. A pattern whose time grows by
more than ``--ratio`` (16 is quadratic, 4 linear) on a run where it takes at least
``--floor`` seconds is listed with the run: a hang the fuzz campaign may take a long
time to find, marked SEARCHED when a module searches for it in a whole text (``search``,
``finditer``, ``sub`` ... without an end), "at a place" when it is only matched at one
place or in a bounded window, which costs no more than the run. A search is stopped
after ``--limit`` seconds.

    python bench/patterns.py [--short 1000] [--ratio 8] [--floor 0.005] [--limit 5]
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import signal
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# (name, the repeated unit, what follows the run)
RUNS = [
    ("spaces", " ", "x"),
    ("tabs", "\t", "x"),
    ("line ends", "\n", "x"),
    ("blank lines of spaces", " \n", "x"),
    ("digits", "9", ".5.5"),
    ("digits and commas", "1,", "5."),
    ("digits and points", "1.", "5,"),
    ("small letters", "a", "!"),
    ("capitals", "A", "!"),
    ("words", "word ", "!"),
    ("capitalised words", "Word ", "!"),
    ("initials", "A. ", "!"),
    ("names and commas", "Smith, ", "!"),
    ("and", "and ", "!"),
    ("points", ".", "a"),
    ("hyphens", "-", "a"),
    ("stars", "*", "a"),
    ("brackets", "(", "a"),
    ("closing brackets", ")", "a"),
    ("apostrophes", "'", "a"),
    ("pounds", "£", "a"),
    ("percent", "5%", "a"),
    ("dates", "1 May ", "x"),
    ("minute numbers", "12. ", "x"),
    ("pipes", "|", "x"),
    ("hashes", "#", "x"),
    ("colons", ":", "x"),
]


SEARCHES = ("search", "finditer", "findall", "sub", "subn", "split")


def searched() -> set[str]:
    """The patterns (their text) that a module of minlint searches for in a whole text:
    a module-level pattern called with one of SEARCHES and no ``endpos``."""
    import ast

    import minlint
    from minlint.lint.lazyre import LazyPattern

    out: set[str] = set()
    for info in pkgutil.walk_packages(minlint.__path__, "minlint."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except Exception:
            continue
        names = {
            name: value.pattern
            for name, value in vars(module).items()
            if isinstance(value, (re.Pattern, LazyPattern)) and isinstance(value.pattern, str)
        }
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in names
                and node.func.attr in SEARCHES
                and not (node.func.attr in SEARCHES[:3] and len(node.args) >= 3)
            ):
                out.add(names[node.func.value.id])
    return out


def patterns() -> list[re.Pattern[str]]:
    """Every pattern compiled through the store by importing each minlint module (and
    compiling the patterns its module keeps for first use)."""
    import minlint
    from minlint.lint import regexstore

    seen: dict[tuple[str, int], re.Pattern[str]] = {}
    real = regexstore.compile

    def keep(pattern, flags=0):
        compiled = real(pattern, flags)
        seen[(pattern, int(flags))] = compiled
        return compiled

    regexstore.compile = keep
    from minlint.lint.lazyre import LazyPattern

    for info in pkgutil.walk_packages(minlint.__path__, "minlint."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except Exception as exc:  # an optional dependency missing: its patterns are not run
            print(f"skipped {info.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        for value in list(vars(module).values()):
            if isinstance(value, LazyPattern):
                value.compiled()  # compiled on first use: now
    regexstore.compile = real
    return [p for p in seen.values() if isinstance(p.pattern, str)]


class TooSlow(Exception):
    pass


def _stop(signum, frame):
    raise TooSlow


def cost(pattern: re.Pattern[str], text: str, limit: float) -> float:
    """Seconds to find every match in ``text``; ``limit`` when it takes longer."""
    signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    try:
        for _ in pattern.finditer(text):
            pass
    except TooSlow:
        return limit
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--short", type=int, default=1000, help="characters of the shorter run")
    ap.add_argument("--ratio", type=float, default=8.0)
    ap.add_argument("--floor", type=float, default=0.005, help="seconds on the longer run")
    ap.add_argument("--limit", type=float, default=5.0, help="seconds a search may take")
    args = ap.parse_args()

    signal.signal(signal.SIGALRM, _stop)
    found = patterns()
    whole = searched()
    print(f"{len(found)} patterns, {len(RUNS)} kinds of run, {args.short} and {args.short * 4}")
    slow = []
    for number, pattern in enumerate(found, 1):
        if number % 50 == 0:
            print(f"... {number} patterns run", file=sys.stderr, flush=True)
        for name, unit, tail in RUNS:
            times = []
            for length in (args.short, args.short * 4):
                text = "Minutes " + unit * (length // len(unit)) + tail
                runs = 1 if times and times[0] > args.floor else 2  # slow: once is enough
                times.append(min(cost(pattern, text, args.limit) for _ in range(runs)))
            if times[1] >= args.floor and times[1] > args.ratio * max(times[0], 1e-6):
                ratio = times[1] / max(times[0], 1e-6)
                use = "SEARCHED" if pattern.pattern in whole else "at a place"
                slow.append(use)
                shown = repr(pattern.pattern[:150])
                print(
                    f"{ratio:6.1f}x {times[1] * 1000:8.1f} ms  {use:<10} {name:<22} {shown}",
                    flush=True,
                )
    print(
        f"{len(slow)} slow, {slow.count('SEARCHED')} of them searched for in a whole text"
        if slow
        else "none grows faster than its run"
    )


if __name__ == "__main__":
    main()
