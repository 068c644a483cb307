"""A percentage does not match its count and base beyond rounding.

What it checks: a count given with its percentage where the text names the base the
percentage is of: "Of the 188, 110 (58.5%) ...", "312 of the 512 households ...
(60.9%)", "Of these, 371 (58.0%) ...", parts of a stated total with their shares ("1,956
... 354 (18%) ... 1,602 (82%)"); and a change stated as a percentage: "fallen from
612,000 to 455,000, a drop of 25.7%".

A percentage is right when it is the count's share of the base rounded, or cut short,
to the decimals written: 110 of 188 is 58.51%, so "58.5%" is right, and so is "58%"; a
whole-number percentage may be half a point out either way. A hedged figure
("approximately 354", "about 18%") relaxes the check to a point or a tenth, whichever
is larger, and makes a finding a warning. A change said to be a fall that is a rise, or
the other way round, is reported too.

Why it matters: a percentage that does not follow from the figures beside it is a
transcription slip or a figure left over from an earlier draft of the report; either
way the record states two different things.

Example:

    Of the 437 households owed a relief duty, 196 (46.2%) had secured settled
    accommodation within 56 days.

is reported at "46.2%" as "196 of 437 is 44.9%, not 46.2%".
"""

from __future__ import annotations

from collections.abc import Iterator

from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.registry import rule


def _agrees(expected: float, stated: float, step: float, hedged: bool) -> bool:
    """Rounded or cut short to the decimals written (a hedge allows more)."""
    if hedged:
        return abs(expected - stated) <= max(1.0, 0.1 * stated)
    return stated - step / 2 - 1e-9 <= expected < stated + step + 1e-9


def _shown(value: float, decimals: int, stated: float) -> str:
    text = f"{value:.{decimals}f}"
    if float(text) == stated:
        text = f"{value:.{decimals + 1}f}"
    return f"{text}%"


@rule(
    code="T002",
    name="percentage-mismatch",
    category="total",
    severity="error",
    summary="A percentage does not match its count and base beyond rounding.",
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.totals import find_relations, written

    relations = find_relations(ctx.parsed)
    for rel in relations.percentages:
        if rel.base.value <= 0:
            continue
        pct = rel.percent
        expected = 100 * rel.count.value / rel.base.value
        hedges = [f for f in (rel.count, rel.base, pct) if f.hedge]
        if _agrees(expected, pct.value, pct.step, bool(hedges)):
            continue
        message = (
            f"{written(rel.count)} of {written(rel.base)} is "
            f"{_shown(expected, pct.decimals, pct.value)}, not {written(pct)}"
        )
        if hedges:
            message += (
                " (" + "; ".join(f'"{written(f)}" is hedged ("{f.hedge}")' for f in hedges) + ")"
            )
        related = [
            ctx.related(ctx.path, rel.count.line, f"count: {written(rel.count)}"),
            ctx.related(ctx.path, rel.base.line, f"base: {written(rel.base)}"),
        ]
        yield ctx.finding_at(
            pct.block,
            pct.start,
            pct.end,
            message,
            related=related,
            severity="warning" if hedges else None,
        )
    for ch in relations.changes:
        pct = ch.percent
        rise = ch.new.value > ch.old.value
        direction = "rise" if rise else "fall"
        expected = 100 * abs(ch.new.value - ch.old.value) / ch.old.value
        hedges = [f for f in (ch.old, ch.new, pct) if f.hedge]
        if direction == ch.direction and _agrees(expected, pct.value, pct.step, bool(hedges)):
            continue
        if ch.new.value == ch.old.value:
            continue
        shown = (
            _shown(expected, pct.decimals, pct.value)
            if direction == ch.direction
            else f"{expected:.{pct.decimals}f}%"
        )
        message = (
            f"from {written(ch.old)} to {written(ch.new)} is a {direction} of {shown}, "
            f"not a {ch.direction} of {written(pct)}"
        )
        related = [
            ctx.related(ctx.path, ch.old.line, f"from: {written(ch.old)}"),
            ctx.related(ctx.path, ch.new.line, f"to: {written(ch.new)}"),
        ]
        yield ctx.finding_at(
            pct.block,
            pct.start,
            pct.end,
            message,
            related=related,
            severity="warning" if hedges else None,
        )
