"""A stated total differs from the sum of its stated parts.

What it checks: totals that the text ties to their parts, and adds the parts up:

- in one sentence: "Amount spent to date on revenue £7,317, capital £5,321.11 making a
  total spend of £12,638.11", "Of the 41 referrals, 12 came from schools, 9 from health,
  15 from the police and 5 from families", "214 empty homes, of which 131 ..., 58 ...
  and 25 ...", "made up of", "comprising", "broken down as", "in total", "bringing ...
  to"; or in brackets after the total: "6 in Central (2 Clifton, 2 Oakwood, 1 Winterhill
  and 1 Wingfield)";
- itemised lines closed by a "Total" line (a list of payments, a finance statement) or
  opened by one that states the total ("€2.36m, allocated as follows:");
- a table's row or column labelled Total (markdown, HTML, and tables extracted from PDF
  as text).

Figures of different kinds are never added together (pounds with counts, money of two
currencies), and numbers that are labels (dates, minute and page numbers, ages) are not
figures. Rounding is allowed for where the figures show it: "£2.36m" stands for any
amount that rounds to it, and whole pounds or dollars in a statement may each be
rounded. Where the wording lets the parts be only some of the whole ("Of the 41
referrals, 12 came from schools and 9 from health") only an excess is reported. A
relation read across sentences, a total given with a hedge ("approximately") and whole
pounds beside pence are warnings, and the message says why.

Why it matters: a total that its own parts contradict is the mistake readers of a
finance report or an officer's figures notice first, and the published record cannot
say which figure was mistyped.

Example:

    Of the 1,284 households who approached the service, 512 were owed a prevention
    duty, 437 were owed a relief duty and 301 were given advice only.

is reported at the total as "512 + 437 + 301 = 1,250, not 1,284", with each part as a
related location.
"""

from __future__ import annotations

from collections.abc import Iterator

from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.registry import rule


def _slack(figures: list, money_whole: bool) -> float:
    """How far a sum may be off because the figures as written are rounded."""
    slack = 1e-6
    for f in figures:
        if f.scaled or f.kind in ("percent", "decimal"):
            slack += f.step / 2
        elif money_whole and f.whole_units:
            slack += 0.5
    return slack


@rule(
    code="T001",
    name="sum-mismatch",
    category="total",
    severity="error",
    summary="A stated total differs from the sum of its stated parts.",
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.totals import find_relations, joined, show_value, written

    for rel in find_relations(ctx.parsed).sums:
        figures = [rel.total, *rel.parts]
        total = rel.total.value
        added = sum(p.value for p in rel.parts)
        money = [f for f in figures if f.kind == "money"]
        all_whole = bool(money) and all(f.whole_units for f in money)
        slack = _slack(figures, all_whole)
        diff = added - total
        if abs(diff) <= slack:
            continue
        if diff < 0 and not rel.exhaustive:
            continue  # "Of the 41, 12 came from schools and 9 from health": only some
        notes: list[str] = []
        severity = None
        hedged = [f for f in figures if f.hedge]
        if hedged:
            if abs(diff) <= 0.1 * max(abs(total), abs(added)):
                continue
            severity = "warning"
            notes += [f'"{written(f)}" is hedged ("{f.hedge}")' for f in hedged[:2]]
        rounded = [f for f in money if f.whole_units] if money and not all_whole else []
        if rounded and abs(diff) <= _slack(figures, True):
            severity = "warning"
            sign = "£" if written(rounded[0]).startswith("£") else ""
            unit = "pounds" if sign else "units"
            names = ", ".join(written(f) for f in rounded)
            notes.append(f"{names} is given in whole {unit} and may be rounded")
        if rel.inferred:
            severity = "warning"
            if rel.note:
                notes.append(rel.note)
        message = f"{joined(rel.parts)} = {show_value(added, figures)}, not {written(rel.total)}"
        if notes:
            message += " (" + "; ".join(notes) + ")"
        related = [ctx.related(ctx.path, p.line, f"part: {written(p)}") for p in rel.parts]
        yield ctx.finding_at(
            rel.total.block,
            rel.total.start,
            rel.total.end,
            message,
            related=related,
            severity=severity,
        )
