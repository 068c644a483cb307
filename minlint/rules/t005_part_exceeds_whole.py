"""A part larger than its whole; votes cast exceeding the members present.

What it checks:

- a figure the text states as part of another: "312 of the 512 households", "Of the
  188, 110 ...", "56 measures ..., 22 of those ...", "£2,088,480 ... of which
  £1,631,683", a table's "Of which" column against the column before it, and a column
  that is part of a "Total" column;
- a vote ("carried by 11 votes to 5", "9 votes in favour, 3 against with 2
  abstentions", a recorded vote with its "For" and "Against" counts) against the
  members recorded present: those in the Present list, the Chair, and co-opted members
  recorded as present, or the number stated ("7 members were present"). It runs only
  where the attendance is evidently complete: the Present list ends (a full stop, or the
  end of its paragraph with nothing carrying it on), every name written in it was read,
  and no other list of members is given. Members who left before the vote are not taken
  off, so the check never asks for fewer votes than could have been cast. A recorded
  vote that names a voter not in the Present list, or far more votes than names, shows
  the list is incomplete, and is not checked.

A hedged figure ("more than 6,200") makes a finding a warning.

Why it matters: more votes than members present is either a miscounted vote or an
attendance record that leaves people out, and a vote's validity can turn on it; a
part larger than its whole is a mistyped figure.

Example: minutes whose Present list names 14 councillors, the Chair among them, and one
co-opted member "also present", and which record that "the amendment was carried by 11
votes to 5", are reported as "carried by 11 votes to 5: 16 votes cast, but 15 members
are recorded present (14 in the Present list, 1 co-opted member)".
"""

from __future__ import annotations

from collections.abc import Iterator

from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.model import MinutesPart
from minlint.lint.registry import rule


@rule(
    code="T005",
    name="part-exceeds-whole",
    category="total",
    severity="error",
    summary="A part larger than its whole; votes cast exceeding the members present.",
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.totals import find_relations, written

    for rel in find_relations(ctx.parsed).parts:
        part, whole = rel.part, rel.whole
        slack = (part.step + whole.step) / 2 if part.scaled or whole.scaled else 1e-9
        if part.value <= whole.value + slack:
            continue
        hedged = [f for f in (part, whole) if f.hedge]
        message = f"{written(part)} is more than the {written(whole)} it is part of"
        if hedged:
            message += (
                " (" + "; ".join(f'"{written(f)}" is hedged ("{f.hedge}")' for f in hedged) + ")"
            )
        related = [ctx.related(ctx.path, whole.line, f"whole: {written(whole)}")]
        yield ctx.finding_at(
            part.block,
            part.start,
            part.end,
            message,
            related=related,
            severity="warning" if hedged else None,
        )
    yield from _votes(ctx)


def _votes(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.counts import attendance, find_votes

    for part in ctx.parsed.parts:
        if not isinstance(part, MinutesPart):
            continue
        votes = find_votes(part)
        if not votes:
            continue
        present = attendance(part)
        if present is None:
            continue
        reported: set[tuple[int, ...]] = set()
        for vote in votes:
            if vote.names and not present.stated and not set(vote.names) <= present.names:
                continue  # a voter not in the Present list: the list is incomplete
            key = tuple(sorted(n for _, n in vote.counts))
            if vote.cast <= present.count or key in reported:
                continue
            if vote.cast > 1.5 * present.count + 2:
                continue  # far more votes than names: the list, not the vote, is short
            reported.add(key)
            if vote.names:
                said = (
                    "the recorded vote (" + ", ".join(f"{n} {lab}" for lab, n in vote.counts) + ")"
                )
            else:
                said = " ".join(vote.block.text[vote.start : vote.end].split())
            are = "is" if present.count == 1 else "are"
            message = (
                f"{said}: {vote.cast} votes cast, but {present.count} members {are} "
                f"recorded present ({present.detail})"
            )
            related = [ctx.related(ctx.path, line, "recorded present") for line in present.lines]
            yield ctx.finding_at(vote.block, vote.start, vote.end, message, related=related)
