"""``minlint report``: one self-contained HTML page for the editor who reviews a draft.

:func:`make_report` checks a draft as ``minlint check`` does (keeping the meeting model
and the records matched to it), builds the page's content with
:mod:`minlint.lint.report.build` and renders it with :mod:`minlint.lint.report.html`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minlint.lint.engine import CheckOptions, CheckResult
    from minlint.lint.findings import FileError


@dataclass(slots=True)
class ReportRun:
    """The page (None when the draft itself could not be read) and what the check found."""

    html: str | None
    result: CheckResult
    errors: list[FileError]


def make_report(draft: str, options: CheckOptions, against: str | None = None) -> ReportRun:
    """Check ``draft`` and render its report; with ``against``, the redline from that
    earlier version. Raises ``UsageError`` or ``ConfigError`` as ``run_check`` does."""
    from minlint.lint.engine import run_check
    from minlint.lint.report.build import build
    from minlint.lint.report.html import render

    result = run_check([draft], replace(options, keep_records=True))
    errors = list(result.errors)
    match = result.matched.get(draft)
    if match is None:  # the draft could not be read: its error says why
        return ReportRun(None, result, errors)
    diff = None
    if against is not None:
        from minlint.lint.diff.align import diff_parsed
        from minlint.lint.findings import FileError
        from minlint.lint.records import PARSED

        old = PARSED.get(against)
        if isinstance(old, FileError):
            errors.append(old)
        else:
            diff = diff_parsed(old, match.parsed)
    report = build(draft, result, match, errors=errors, diff=diff, against=against)
    return ReportRun(render(report), result, sorted(set(errors)))
