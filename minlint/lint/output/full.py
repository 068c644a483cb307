"""Each finding with its source lines and the place marked, as ruff's full output."""

from __future__ import annotations

from collections.abc import Sequence

from minlint.lint.engine import MAX_SPAN, CheckResult, shown
from minlint.lint.findings import Finding
from minlint.lint.output.style import BLUE, BOLD, SEVERITY_COLOUR, paint, summary

WIDTH = 200  # characters of a long line shown, around the place marked
LEAD = 60  # of them, before the place marked
ELLIPSIS = "…"


def _window(text: str, start: int, stop: int) -> tuple[int, int]:
    """The characters ``[lo, hi)`` of the finding's line shown: all of a line that fits,
    else the place marked with some of what leads to it (a paragraph on one line of
    markdown or Word text can be thousands of characters, and a finding per sentence
    would print it once each)."""
    if len(text) <= WIDTH:
        return 0, max(WIDTH, stop - 1)
    lo = max(0, min(start - 1 - LEAD, len(text) - WIDTH))
    return lo, lo + WIDTH


def _cut(text: str, lo: int, hi: int) -> str:
    if lo >= len(text):
        lo, hi = 0, WIDTH  # a line around it that ends before the window: its beginning
    if len(text) <= WIDTH and lo == 0:
        return text
    piece = text[lo:hi]
    if lo and piece:
        piece = ELLIPSIS + piece
    if len(text) > hi:
        piece += ELLIPSIS
    return piece


def _snippet(f: Finding, lines: Sequence[str], color: bool) -> list[str]:
    numbers = shown(f, len(lines))
    if not numbers:
        return []
    first, last = numbers[0], numbers[-1]
    last_marked = min(f.end_line, f.line + MAX_SPAN - 1)
    width = len(str(last))
    gutter = paint(" " * width + " |", BLUE, on=color)
    texts = {n: lines[n - 1].replace("\t", " ").rstrip() for n in range(first, last + 1)}
    marked = texts.get(f.line, "")
    start = max(1, f.column)
    if f.end_column and f.end_line == f.line:
        stop = max(start + 1, f.end_column)
    else:
        stop = max(start + 1, len(marked) + 1)
    lo, hi = _window(marked, start, stop)
    out = [gutter]
    for number in range(first, last + 1):
        text = _cut(texts[number], lo, hi)
        out.append(paint(f"{number:>{width}} |", BLUE, on=color) + (" " + text if text else ""))
        if number == f.line:
            lead = len(ELLIPSIS) if lo else 0
            left, right = max(start - 1, lo), min(stop - 1, hi)
            marks = " " * (left - lo + lead) + "^" * max(1, right - left)
            out.append(gutter + " " + paint(marks, BOLD, SEVERITY_COLOUR[f.severity], on=color))
    if last_marked < f.end_line:
        out.append(paint(" " * width + " :", BLUE, on=color))
    out.append(gutter)
    return out


def render(result: CheckResult, color: bool = False) -> str:
    blocks = []
    for f in result.findings:
        code = paint(f.code, BOLD, SEVERITY_COLOUR[f.severity], on=color)
        head = [
            f"{code} {paint(f.message, BOLD, on=color)}",
            paint("  --> ", BLUE, on=color) + f"{f.path}:{f.line}:{f.column}",
        ]
        notes = [f"  = {r.path}:{r.line}: {r.message}" for r in f.related]
        blocks.append("\n".join(head + _snippet(f, result.lines.get(f.path, ()), color) + notes))
    body = "".join(b + "\n\n" for b in blocks)
    return body + summary(result, color) + "\n"
