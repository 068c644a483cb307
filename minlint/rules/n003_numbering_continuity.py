"""The first minute does not carry on from the previous minutes' numbers.

What it checks: a set of minutes against the latest earlier minutes of the same body
among the records. Bodies number their minutes in one of three ways, and the rule reads
which from the records themselves:

- afresh at every meeting (1, 2, 3 ... each time): a set that starts at 1 (or 2 or 3,
  where the first items are not numbered minutes) is never reported;
- on through a municipal year, starting again when the year begins (in May in the UK;
  ``municipal-year-start-month`` in ``[thresholds]``): within one year the first minute
  must follow the previous minutes' last; across the start of a year anything may
  follow;
- on for ever, year after year (minute 2779 ... 3652): the records show it when two
  consecutive meetings in different municipal years carry on from each other, and the
  year's start then no longer excuses anything.

Reported, within a year (or in a series that runs on):

- numbers the previous minutes already used (minutes 2779 to 2794 again, a month
  later), when the previous minutes themselves carry on a series (do not start at 1 to
  3);
- a first minute below the previous minutes' last, or one that leaves numbers out,
  when the records show that the previous minutes are of the meeting right before
  (they give this meeting as their next, or these minutes approve theirs). A gap is
  not reported where the records show other gaps between consecutive meetings (a
  series shared with other bodies) or where the numbers left out are on the previous
  meeting's agenda.

Minutes whose numbering the model is unsure of, and records dated only by their file's
name, are not compared.

Why it matters: minutes are cited by number in later minutes, work programmes and
monitoring schedules. Two meetings using the same numbers make every such citation
ambiguous, and a new set that does not follow on suggests lost or duplicated minutes.
A draft started from the previous meeting's file keeps its numbers unless the clerk
remembers to change every one of them.

Example: minutes of 25 November 2019 numbered 2779 to 2794, when the minutes of 28
October 2019 (whose next meeting was 25 November) ran from 2779 to 2795, are reported at
minute 2779 as "minutes 2779 to 2794 reuse the numbers of the minutes of 28 October
2019 (2779 to 2795)".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise

from minlint.lint.context import RuleContext
from minlint.lint.facts.dateformat import show_date
from minlint.lint.facts.numbering import shown_numbers
from minlint.lint.findings import Finding
from minlint.lint.model import AgendaPart, MinutesPart
from minlint.lint.registry import rule

# A set whose first minute is at most this starts a series afresh.
_RESTART = 3


def _numbered(part: MinutesPart) -> bool:
    return bool(part.items) and "numbering" not in part.uncertain


def _first_last(part: MinutesPart) -> tuple[int, int]:
    numbers = [m.number for m in part.items]
    return numbers[0], max(numbers)


def _runs(numbers: list[int], show: Callable[[int], str] = str) -> str:
    """Numbers as ranges: "2779 to 2794", "13", "13 and 15" (each written by ``show``)."""
    runs: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    shown = [
        show(a)
        if a == b
        else f"{show(a)} and {show(b)}"
        if b == a + 1
        else f"{show(a)} to {show(b)}"
        for a, b in runs
    ]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _consecutive_pairs(known: Sequence) -> list[tuple[MinutesPart, MinutesPart]]:
    """Minutes of the records that follow each other (the later deals with the earlier's
    minutes, or the earlier gives the later as its next meeting)."""
    from minlint.lint.facts.meetings import follows

    sets = [
        m.part for m in known if isinstance(m.part, MinutesPart) and m.certain and _numbered(m.part)
    ]
    return [(a, b) for a, b in pairwise(sets) if a.date != b.date and follows(b, a)]


def part_findings(
    ctx: RuleContext, part: MinutesPart, known: Sequence, start_month: int
) -> Iterator[Finding]:
    from minlint.lint.facts.meetings import follows, municipal_year, previous_minutes

    if not _numbered(part) or part.date is None:
        return
    found = previous_minutes(part, known)
    if found is None or not found.certain or not _numbered(found.part):
        return
    prev = found.part
    first, _ = _first_last(part)
    p_first, p_last = _first_last(prev)
    if first <= _RESTART:
        return  # numbered afresh
    pairs = _consecutive_pairs(known)
    same_year = municipal_year(prev.date, start_month) == municipal_year(part.date, start_month)
    runs_on = any(
        municipal_year(a.date, start_month) != municipal_year(b.date, start_month)
        and _first_last(b)[0] == _first_last(a)[1] + 1
        for a, b in pairs
    )
    if not (same_year or runs_on):
        return
    head = part.items[0]
    where = show_date(prev.date)
    show, then = shown_numbers(part.items), shown_numbers(prev.items)
    reused = sorted({m.number for m in part.items} & {m.number for m in prev.items})
    if reused and p_first > _RESTART:
        earlier = next(m for m in prev.items if m.number == reused[0])
        yield _at_first(
            ctx,
            part,
            f"minutes {_runs(reused, show)} reuse the numbers of the minutes of {where} "
            f"({then(p_first)} to {then(p_last)})"
            if len(reused) > 1
            else f"minute {show(reused[0])} reuses a number of the minutes of {where} "
            f"({then(p_first)} to {then(p_last)})",
            [ctx.related(found.path, earlier.line, f"minute {earlier.shown} of {where}")],
        )
        return
    if first == p_last + 1 or not follows(part, prev):
        return
    last_minute = max(prev.items, key=lambda m: m.number)
    related = [ctx.related(found.path, last_minute.line, f"the last minute of {where}")]
    if first <= p_last:
        if p_first <= _RESTART and first <= p_last:
            return  # the previous set restarted: this one may have lost its first numbers
        yield _at_first(
            ctx,
            part,
            f"the first minute is {show(first)}, but the minutes of {where} (the meeting"
            f" before) already ran to {then(p_last)}",
            related,
        )
        return
    missing = list(range(p_last + 1, first))
    if any(
        _first_last(b)[0] > _first_last(a)[1] + 1
        for a, b in pairs
        if municipal_year(a.date, start_month) == municipal_year(b.date, start_month)
        and b is not part
    ):
        return  # gaps between meetings are usual here: a series shared with other bodies
    on_agenda = {
        i.number
        for m in known
        if isinstance(m.part, AgendaPart) and m.date == prev.date
        for i in m.part.items
    }
    if set(missing) <= on_agenda:
        return
    word = "minute" if len(missing) == 1 else "minutes"
    verb = "is" if len(missing) == 1 else "are"
    yield _at_first(
        ctx,
        part,
        f"the first minute is {head.shown}, but the minutes of {where} (the meeting before, "
        f"in the same municipal year) end at {then(p_last)}: {word} {_runs(missing, show)}"
        f" {verb} missing",
        related,
    )


def _at_first(ctx: RuleContext, part: MinutesPart, message: str, related: list) -> Finding:
    head = part.items[0]
    digits = head.shown
    for block in part.blocks:
        if block.line != head.line:
            continue
        at = block.text.find(digits)
        if 0 <= at <= 8 and not block.text[:at].strip(" \t*#"):
            return ctx.finding_at(block, at, at + len(digits), message, related=related)
    return ctx.finding(head.line, message, related=related)


@rule(
    code="N003",
    name="numbering-continuity",
    category="numbering",
    severity="error",
    summary="The first minute does not follow the previous minutes' last (within a "
    "municipal year), or reuses their numbers.",
    uses=("previous", "history"),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.meetings import meetings

    records = ctx.records
    named = [r for r in (records.agenda, records.previous) if r is not None]
    known = meetings(ctx.path, ctx.parsed.parts, [*records.history, *named])
    start_month = int(ctx.config.threshold("municipal-year-start-month"))
    for part in ctx.parsed.minutes:
        yield from part_findings(ctx, part, known, start_month)
