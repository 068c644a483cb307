"""Each finding with its source lines and the place marked, as ruff's full output."""

from __future__ import annotations

from collections.abc import Sequence

from minlint.lint.engine import MAX_SPAN, CheckResult, shown
from minlint.lint.findings import Finding
from minlint.lint.output.style import BLUE, BOLD, SEVERITY_COLOUR, paint, summary


def _snippet(f: Finding, lines: Sequence[str], color: bool) -> list[str]:
    numbers = shown(f, len(lines))
    if not numbers:
        return []
    first, last = numbers[0], numbers[-1]
    last_marked = min(f.end_line, f.line + MAX_SPAN - 1)
    width = len(str(last))
    gutter = paint(" " * width + " |", BLUE, on=color)
    out = [gutter]
    for number in range(first, last + 1):
        text = lines[number - 1].replace("\t", " ").rstrip()
        out.append(paint(f"{number:>{width}} |", BLUE, on=color) + (" " + text if text else ""))
        if number == f.line:
            start = max(1, f.column)
            if f.end_column and f.end_line == f.line:
                stop = max(start + 1, f.end_column)
            else:
                stop = max(start + 1, len(text) + 1)
            marks = " " * (start - 1) + "^" * (stop - start)
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
