"""A stated count differs from the items listed.

What it checks: a count the text states next to the items it lists:

- an agenda's membership with its count: "Councillors ... Julie Turner and Tweed (18)",
  the Chair and Vice-Chair included; a count that also takes in the co-opted members
  listed with the membership is accepted too;
- "three partner organisations attended: A, B, C and D", "four priorities: ...",
  "the 9 teams – ..." and a count whose items follow as a list ("4 themes:" and the
  bullets under it, "the three key indicators ... These are;");
- a recorded vote: "Councillors Butler, Daly ... and Sheehan (C). (13)".

Items are counted as they are written: commas (or semicolons) separate them and the
last "and" (or "or") separates the last two, so "Marles Marriott" with its comma
missing counts as one name, as a reader sees it. Bullets are counted from the lines of
the file, since a reader may join two bullets broken across a page. Where the items
cannot be told apart ("Town Centre and Canklow, ..., Dalton and Rawmarsh", where "and"
joins the names of single items) the rule says nothing.

Why it matters: the count and the list are read as two statements of the same fact; a
name missing its comma, a member left out of the list or an organisation added without
updating the count leaves the record contradicting itself.

Example: an agenda whose membership reads

    Councillors Beaumont, Brookes, ..., Khan, Marles Marriott, Pitchley, ... and Tweed (18).

with the Chair and Vice-Chair above is reported at "(18)" as "the membership is stated
as 18, but 17 names are listed (the Chair and Vice-Chair included): "Marles Marriott"
may be two names with a comma missing".
"""

from __future__ import annotations

from collections.abc import Iterator

from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.registry import rule


def _listed(items: tuple[str, ...], limit: int = 6) -> str:
    shown = [" ".join(i.split()) for i in items]
    shown = [s if len(s) <= 60 else s[:57].rstrip() + "..." for s in shown]
    if len(shown) > limit:
        shown = [*shown[:limit], f"... ({len(items) - limit} more)"]
    return "; ".join(shown)


@rule(
    code="T003",
    name="count-mismatch",
    category="total",
    severity="error",
    summary="A stated count differs from the items listed.",
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.counts import stated_counts

    for c in stated_counts(ctx.parsed):
        n = len(c.items)
        if n in (c.stated, c.also) or n < c.stated <= n + c.more:
            continue
        written = " ".join(c.block.text[c.start : c.end].split())
        if c.form == "membership":
            message = (
                f"the membership is stated as {c.stated}, but {n} names are listed "
                "(the Chair and Vice-Chair included)"
            )
        elif c.form == "named vote":
            message = f"{written} is stated, but {n} names are listed: {_listed(c.items)}"
        else:
            are = "is" if n == 1 else "are"
            message = f'"{written} {c.noun}", but {n} {are} listed: {_listed(c.items)}'
        if c.hint:
            message += f": {c.hint}"
        lines = sorted(set(c.lines))
        related = [ctx.related(ctx.path, line, "listed here") for line in lines[:12]]
        yield ctx.finding_at(c.block, c.start, c.end, message, related=related)
