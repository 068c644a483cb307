"""A Word draft still holds tracked changes.

What it checks: insertions, deletions, moves and formatting changes that Word still
tracks in a .docx draft. minlint reads the draft as if every change were accepted, so
the other rules see the text that would be published; this rule reports that the
changes are still there, at the first paragraph that holds one.

Why it matters: a draft that goes to publication with tracked changes can show the
public what was deleted, and whoever accepts them last decides the wording without
review. Drafts are finished with every change accepted or rejected.

Example: a draft in which the clerk's correction "held on 14 May" over "held on 21
May" was never accepted is reported as "tracked changes remain (1 insertion, 1
deletion): accept or reject them before publication".
"""

from __future__ import annotations

from collections.abc import Iterator

from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.registry import rule

PREFIX = "tracked changes remain"


@rule(
    code="F001",
    name="tracked-changes",
    category="document",
    summary="A Word draft still holds tracked changes.",
    severity="warning",
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.document
    for notice in doc.notices:
        if notice.startswith(PREFIX):
            lines = doc.revision_lines or [1]
            more = f"; {len(lines)} paragraphs hold changes" if len(lines) > 1 else ""
            yield ctx.finding(
                lines[0],
                f"{notice}: accept or reject them before publication{more}",
            )
