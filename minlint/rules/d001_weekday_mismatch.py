"""A stated weekday does not fall on its date.

What it checks: every date written with a weekday ("Tuesday, 23rd January, 2018",
"Monday 22 March", "13 March 2018 (Tuesday)"), anywhere in the draft, including the
attachments of an agenda pack. When the text gives no year, the year is taken from the
meeting the text belongs to: the year that puts the date nearest the meeting's date, so
"Friday 3 January" in the minutes of a December meeting is read as the next January.
A finding on an inferred year says so and is a warning, since the text did not state it.

Why it matters: minutes are a legal record, and a weekday that contradicts its date
leaves a reader unsure which of the two is right; it is usually a sign that a date was
copied from an earlier meeting and only half updated. The notice of the next meeting
is where it does most harm.

A date whose day is misprinted ("Wednesday, 24h April, 2018") is checked too, reading
the day number without its stray letter; D002 reports the misprint itself.

Example:

    Resolved:- That the next meeting be held on Wednesday, 13th March, 2018 at 5.30 p.m.

is reported as "Wednesday does not fall on 13 March 2018 (a Tuesday)". Dates whose
weekday is right, and weekdays with no date ("Meeting next Tuesday"), are not reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from minlint.lint.blocks import Block
from minlint.lint.context import RuleContext
from minlint.lint.facts.dateformat import WEEKDAY_NAMES, show_date
from minlint.lint.findings import Finding
from minlint.lint.model import AgendaPart, MinutesPart, ParsedDocument
from minlint.lint.registry import rule

if TYPE_CHECKING:
    from minlint.lint.facts.dates import DateFact


@dataclass(frozen=True, slots=True)
class WeekdayClaim:
    """A weekday stated with a date, and the date it was checked against."""

    block: Block
    start: int
    end: int
    text: str
    weekday: int  # as stated, 0 = Monday
    date: dt.date
    year_inferred: bool
    meeting: dt.date | None  # the meeting date the year was taken from
    misprint: str | None = None  # a misprinted day read as a day number: "24h"


def nearest(day: int, month: int, meeting: dt.date) -> dt.date | None:
    """The date with this day and month nearest the meeting (within a year either side)."""
    candidates = []
    for year in (meeting.year - 1, meeting.year, meeting.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:  # 29 February outside a leap year
            continue
    return min(candidates, key=lambda d: (abs((d - meeting).days), d), default=None)


def _meeting_dates(parsed: ParsedDocument) -> list[tuple[int, int, dt.date]]:
    """(start line, end line, date) of each dated agenda or minutes part."""
    return [
        (p.start_line, p.end_line, p.date)
        for p in parsed.parts
        if isinstance(p, (AgendaPart, MinutesPart)) and p.date is not None
    ]


def _meeting_of(
    line: int, spans: list[tuple[int, int, dt.date]], default: dt.date | None
) -> dt.date | None:
    for start, end, date in spans:
        if start <= line <= end:
            return date
    return default


def _with_misprints(text: str) -> list[tuple[DateFact, str | None]]:
    """The dates of the text, and those whose day is misprinted ("Tuesday, 24h April"),
    read with the stray letter taken out (D002 reports the misprint itself)."""
    from minlint.lint.facts.dates import find_dates
    from minlint.lint.facts.misprints import misprinted_days

    out: list[tuple[DateFact, str | None]] = [(f, None) for f in find_dates(text)]
    misprints = misprinted_days(text)
    if not misprints:
        return out
    repaired = text
    for m in misprints:
        blank = " " * (m.stray_end - m.stray)
        repaired = repaired[: m.stray] + blank + repaired[m.stray_end :]
    for f in find_dates(repaired):
        found = next((m for m in misprints if f.start <= m.start < f.end), None)
        if found is not None:
            out.append((f, found.written))
    out.sort(key=lambda x: x[0].start)
    return out


def weekday_claims(parsed: ParsedDocument) -> Iterator[WeekdayClaim]:
    """Every weekday stated with a date that can be checked, in document order.

    Undated parts of a pack (reports, the work programme) take the date of the file's
    first dated agenda or minutes.
    """
    spans = _meeting_dates(parsed)
    default = spans[0][2] if spans else None
    for block in parsed.document.blocks:
        # Most blocks name no weekday: skip them before looking for dates.
        if not any(
            name[:3] in block.text or name[:3].upper() in block.text for name in WEEKDAY_NAMES
        ):
            continue
        meeting = _meeting_of(block.line, spans, default)
        for fact, misprint in _with_misprints(block.text):
            if fact.weekday is None or not fact.valid or fact.day is None or fact.month is None:
                continue
            if fact.year is not None:
                date, inferred = fact.date, False
            elif meeting is not None:
                date, inferred = nearest(fact.day, fact.month, meeting), True
            else:
                continue
            if date is not None:
                yield WeekdayClaim(
                    block,
                    fact.start,
                    fact.end,
                    block.text[fact.start : fact.end],
                    fact.weekday,
                    date,
                    inferred,
                    meeting,
                    misprint,
                )


@rule(
    code="D001",
    name="weekday-mismatch",
    category="date",
    severity="error",
    summary="A stated weekday does not fall on its date.",
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    for claim in weekday_claims(ctx.parsed):
        actual = claim.date.weekday()
        if actual == claim.weekday:
            continue
        stated, real = WEEKDAY_NAMES[claim.weekday], WEEKDAY_NAMES[actual]
        message = f"{stated} does not fall on {show_date(claim.date)} (a {real})"
        if claim.misprint is not None:
            message += f'; the misprinted day "{claim.misprint}" is read as {claim.date.day}'
        if claim.year_inferred and claim.meeting is not None:
            meeting = show_date(claim.meeting)
            message += f"; the year is not stated and was taken from the meeting of {meeting}"
        yield ctx.finding_at(
            claim.block,
            claim.start,
            claim.end,
            message,
            severity="warning" if claim.year_inferred else None,
        )
