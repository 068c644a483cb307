"""Colour for terminals, and the summary line shared by the text formats."""

from __future__ import annotations

from minlint.lint.engine import CheckResult
from minlint.lint.findings import ERROR, INFO, SEVERITIES, WARNING

BOLD = "1"
RED = "31"
YELLOW = "33"
CYAN = "36"
BLUE = "34"
GREEN = "32"

SEVERITY_COLOUR = {ERROR: RED, WARNING: YELLOW, INFO: CYAN}


def paint(text: str, *codes: str, on: bool) -> str:
    """``text`` in ANSI colours when ``on``; unchanged otherwise."""
    if not on or not codes:
        return text
    return f"\x1b[{';'.join(codes)}m{text}\x1b[0m"


def plural(n: int, word: str) -> str:
    if n == 1 or word == INFO:
        return f"{n} {word}"
    return f"{n} {word}s"


def summary(result: CheckResult, color: bool = False) -> str:
    """ "Found 3 findings (2 errors, 1 warning) in 1 file." or "All checks passed."."""
    lines = []
    findings = result.findings
    if findings:
        counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
        detail = ", ".join(plural(n, s) for s, n in counts.items() if n)
        files = len({f.path for f in findings})
        lines.append(
            f"Found {plural(len(findings), 'finding')} ({detail}) in {plural(files, 'file')}."
        )
    elif not result.errors:
        lines.append(paint("All checks passed.", GREEN, on=color))
    if result.errors:
        bad = len({e.path for e in result.errors})
        lines.append(f"{plural(bad, 'file')} could not be checked.")
    return "\n".join(lines)
