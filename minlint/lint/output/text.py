"""``path:line:col: CODE message``, one finding a line, then a summary."""

from __future__ import annotations

from minlint.lint.engine import CheckResult
from minlint.lint.findings import Finding
from minlint.lint.output.style import BOLD, SEVERITY_COLOUR, paint, summary


def finding_line(f: Finding, color: bool = False) -> str:
    where = paint(f.path, BOLD, on=color)
    code = paint(f.code, BOLD, SEVERITY_COLOUR[f.severity], on=color)
    return f"{where}:{f.line}:{f.column}: {code} {f.message}"


def render(result: CheckResult, color: bool = False) -> str:
    lines = [finding_line(f, color) for f in result.findings]
    return "".join(line + "\n" for line in lines) + summary(result, color) + "\n"
