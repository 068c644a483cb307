"""Minute numbers skip, repeat or go backwards.

What it checks: the numbers of the minutes in each set of minutes, in the order they
appear. Each set is checked on its own: an agenda pack that attaches the minutes of two
earlier meetings has two sets, and the second may carry on from the first or start
again. Every minute after the first of its set must be numbered one more than the minute
before it. Reported are:

- a gap: minute 22 straight after minute 20, when no minute 21 appears anywhere in the
  set;
- a repeat: two minutes numbered 57 one after the other;
- a step backwards: minute 12 after minute 14 (a number used earlier in the set is
  named too).

A minute taken out of its place ("... 5, 7, 6, 8") is reported once, where the numbers go
back, not also as a gap; and not at all when the minutes record why ("it was agreed to
take Item 34 next", "the Chair agreed to vary the order of business"), as councils that
number their minutes by agenda item do. Where the model is unsure which numbered
paragraphs are minutes (``uncertain`` holds "numbering"), the rule says nothing.
Numbering that runs on from meeting to meeting (minute 2779 at one meeting, 2796 at the
next) is checked the same way; whether the first minute follows the previous minutes'
last is N003's business. Numbers are named as the minutes write them: in Roman numerals
("minute VI is repeated"), or with the year they share ("minute 25/105 follows minute
25/103").

Why it matters: minutes are cited by number ("Minute No. 97"), in later minutes, in the
work programme and in the monitoring schedule. A gap makes readers look for a minute
that was never written, or suggests that one was removed; a repeated number makes every
citation of it ambiguous. A draft that lost or duplicated a minute while being edited
usually shows it first in its numbering.

Example: a draft whose minutes run

    20. COMMUNITY SAFETY PARTNERSHIP - PERFORMANCE UPDATE
    ...
    22. WORK PROGRAMME 2024/25

is reported at minute 22 as "minute 22 follows minute 20: minute 21 is missing", with
minute 20 as the related location.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from minlint.lint.blocks import Block
from minlint.lint.context import RuleContext
from minlint.lint.facts.numbering import shown_numbers
from minlint.lint.findings import Finding
from minlint.lint.model import MinutesPart
from minlint.lint.registry import rule


@dataclass(frozen=True, slots=True)
class Numbered:
    """A minute number where it appears: a minute of the model, or a paragraph."""

    number: int
    line: int
    block: Block | None


def _missing(numbers: list[int], show: Callable[[int], str]) -> str:
    first, last = show(numbers[0]), show(numbers[-1])
    if len(numbers) == 1:
        return f"minute {first} is missing"
    if len(numbers) == 2:
        return f"minutes {first} and {last} are missing"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"minutes {first} to {last} are missing"
    return f"minutes {', '.join(map(show, numbers[:-1]))} and {last} are missing"


def _problem(
    prev: Numbered,
    cur: Numbered,
    accounted: set[int],
    first_at: dict[int, int],
    show: Callable[[int], str] = str,
) -> str | None:
    """The message for ``cur`` coming after ``prev``, or None when it is in order.

    ``accounted`` holds the numbers present in the set and those already reported
    missing; the missing numbers of a gap are added to it. ``show`` writes a number as
    the minutes do.
    """
    if cur.number == prev.number + 1:
        return None
    now, before = show(cur.number), show(prev.number)
    if cur.number == prev.number:
        return f"minute {now} is repeated"
    if cur.number < prev.number:
        message = f"minute {now} comes after minute {before}"
        earlier = first_at.get(cur.number)
        if earlier is not None and earlier < cur.line:
            message += f"; minute {now} is already at line {earlier}"
        return message
    absent = [n for n in range(prev.number + 1, cur.number) if n not in accounted]
    if not absent:
        return None  # the numbers between are further on: reported where they go back
    accounted.update(absent)
    return f"minute {now} follows minute {before}: {_missing(absent, show)}"


def minute_numbers(part: MinutesPart) -> list[Numbered]:
    """The minute numbers of a set of minutes in the order they appear (see above)."""
    if not part.items:
        return []
    at_line: dict[int, Block] = {}
    for block in part.blocks:
        at_line.setdefault(block.line, block)
    items = [Numbered(m.number, m.line, at_line.get(m.line)) for m in part.items]
    return items


def _reordered(part: MinutesPart) -> tuple[set[int], bool]:
    """Minute numbers the minutes say were taken out of order, and whether they say the
    order of business was varied without naming the items."""
    from minlint.lint.facts.order import order_changes

    named: set[int] = set()
    varied = False
    for change in order_changes(part.blocks):
        named.update(change.items)
        varied = varied or not change.items
    return named, varied


def part_findings(ctx: RuleContext, part: MinutesPart) -> Iterator[Finding]:
    if "numbering" in part.uncertain:
        return  # the model could not tell which numbered paragraphs are minutes
    reordered, varied = _reordered(part)
    items = minute_numbers(part)
    accounted = {n.number for n in items}
    first_at: dict[int, int] = {}
    for n in items:
        first_at.setdefault(n.number, n.line)
    show = shown_numbers(part.items)
    for prev, cur in pairwise(items):
        message = _problem(prev, cur, accounted, first_at, show)
        if message is None:
            continue
        if (varied and cur.number != prev.number) or {prev.number, cur.number} & reordered:
            continue  # taken out of order, and the minutes say so
        related = [ctx.related(ctx.path, prev.line, f"minute {show(prev.number)}")]
        block = cur.block
        digits = show(cur.number)
        at = block.text.find(digits) if block is not None else -1
        if block is not None and 0 <= at <= 8 and not block.text[:at].strip(" \t*#"):
            yield ctx.finding_at(block, at, at + len(digits), message, related=related)
        else:
            yield ctx.finding(cur.line, message, related=related)


@rule(
    code="N001",
    name="minute-sequence",
    category="numbering",
    severity="error",
    summary="Minute numbers skip, repeat or go backwards.",
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    for part in ctx.parsed.minutes:
        yield from part_findings(ctx, part)
