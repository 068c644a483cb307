"""Shares of one whole do not add to 100%.

What it checks: percentages the text gives as shares of one whole, and adds them up.
Percentages are read as shares of one whole only where the text says so: a breakdown
("By locality, 38% ... in the North, 41% in Central and 27% in the South"), a list that
ends with "other reasons" or "the rest", complementary categories (male and female,
within and outside the Borough), or three or more shares of the same thing ("37% of
the measures ... 32% of measures ... 31% ..."). Percentages that are targets,
averages, rates or changes ("against a target of 85%", "up from 72% to 78%") are not
shares, and shares "of" different wholes ("83% of the offending population and 91% of
the 10-17 population") are added up apart. Shares that add to far more or far less than
100% (a list of needs where one person can have several) are not a breakdown and are
left alone.

Rounding is allowed for: each share may be half a unit of its last digit out, so three
whole-number shares may add to anything from 98.5% to 101.5%, and four shares given to
one decimal to 99.8% to 100.2%. Shares that fall short of 100% are a warning unless
the list names its remainder ("other", "the rest"), since a category may be left out.

Why it matters: shares that do not make a whole mean a figure was mistyped, or a
category counted twice or left out; readers of the record cannot tell which.

Example:

    By locality, 38% of the incidents reported were in the North, 41% in Central and
    27% in the South.

is reported as "38% + 41% + 27% = 106%, not 100%".
"""

from __future__ import annotations

from collections.abc import Iterator

from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.registry import rule


@rule(
    code="T004",
    name="shares-not-100",
    category="total",
    severity="error",
    summary="Shares of one whole do not add to 100% (allowing for rounding).",
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.totals import find_relations, joined, show_value, written

    for group in find_relations(ctx.parsed).shares:
        shares = list(group.shares)
        total = sum(f.value for f in shares)
        slack = sum(f.step for f in shares) / 2 + 1e-9
        if abs(total - 100) <= slack:
            continue
        if not 75 <= total <= 125:
            continue  # not one whole cut into parts
        notes = [f"read as shares of one whole: {group.cue}"]
        severity = None
        hedged = [f for f in shares if f.hedge]
        if hedged:
            if abs(total - 100) <= max(2.0, 0.02 * 100 * len(hedged)):
                continue
            severity = "warning"
            notes += [f'"{written(f)}" is hedged ("{f.hedge}")' for f in hedged[:2]]
        if total < 100 and not group.remainder:
            severity = "warning"
            notes.append("a category may be left out")
        message = f"{joined(shares)} = {show_value(total, shares)}, not 100% ({'; '.join(notes)})"
        first = shares[0]
        related = [ctx.related(ctx.path, f.line, f"share: {written(f)}") for f in shares[1:]]
        yield ctx.finding_at(
            first.block,
            first.start,
            shares[-1].end if shares[-1].block is first.block else first.end,
            message,
            related=related,
            severity=severity,
        )
