"""An agenda names minutes of one date, and the pack attaches minutes of another.

What it checks: in an agenda pack (an agenda followed by its attachments), the agenda
item that presents the minutes of the previous meeting ("Minutes of the previous
meeting held on 13 December (Pages 1 - 6)", "To agree the minutes of the meetings held
on 6 and 20 September") against the minutes actually attached after the agenda. Every
date the item gives for those minutes must be the date of an attached set of minutes.
A date written without a year takes the year that puts it before the agenda's meeting
("6 and 20 September" on an October 2023 agenda is 6 and 20 September 2023; "13
December" on a January 2024 agenda is 13 December 2023). The finding is at the first
date of the item that matches no attachment, with the attached minutes' dates as
related places.

It stays silent unless the comparison is sure: the item's title must be about minutes
and the date must follow "minutes of the (previous) meeting(s) held on" directly (a
mention of minutes in another item, or minutes "of the Cabinet", is not the
attachment); the pack must attach minutes, every attached set must be dated, and at
least one must be of the agenda's own body when both bodies are known (a pack that only
attaches another body's minutes for information says nothing about the previous
meeting). A date that opens another attachment of the pack counts as attached, in case
the minutes were not recognised as minutes.

An agenda whose minutes are a separate file is checked against the previous minutes of
its body among the records (``--previous``, or the latest minutes of the body before
the agenda's date), when they are plainly the meeting before: they give the agenda's
date as their next meeting, or the item names their date. A date the item gives
besides theirs is then reported when those minutes already approved the minutes of
that date (a date left over from the agenda before), or when it falls between them and
the agenda's meeting although they say the next meeting is the agenda's. An agenda on
its own, with no minutes attached or among the records, is not checked.

Why it matters: members approve "the minutes of the meeting held on 13 December" as a
correct record while reading another meeting's minutes; the approval then either
covers the wrong meeting or the minutes of the right one were never circulated. It is
usually an agenda item copied from the previous pack and only half updated.

Example: the pack for a meeting on 17 January 2024 whose item 2 reads

    2. Minutes of the previous meeting held on 13 December (Pages 1 - 6)

while the minutes at pages 1 - 6 are headed "Wednesday, 8th November, 2023" is reported
as "the agenda says the minutes of 13 December 2023 are attached, but the attached
minutes are of 8 November 2023". An item for "the previous meetings held on 6 and 20
September" with the minutes of 6 September and of 20 September attached is not
reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from minlint.lint import regexstore as rx
from minlint.lint.blocks import Block
from minlint.lint.context import RuleContext
from minlint.lint.facts.dateformat import show_date
from minlint.lint.findings import Finding
from minlint.lint.model import AgendaItem, AgendaPart, MinutesPart, ParsedDocument, Part
from minlint.lint.records import body_key
from minlint.lint.registry import rule

# The item's title is about minutes: "Minutes of the previous meeting", "Approval of minutes".
_MINUTES_TITLE = rx.compile(r"\bminutes\b", re.IGNORECASE)

# "minutes of the previous meeting held on", "minutes of the meetings held on",
# "minutes of the last meeting of the Committee held on". Another body's minutes ("of
# the Cabinet held on") are not the previous meeting's.
_SAME_BODY = r"(?:committee|sub-committee|commission|panel|board|council|forum|group)"
_PHRASE = rx.compile(
    r"\bminutes[\s*_]+of[\s*_]+(?:(?:the|this|its|our)[\s*_]+)?"
    r"(?:(?:previous|last|preceding)[\s*_]+)?"
    r"(?:(?:ordinary|special|extraordinary|annual)[\s*_]+)?"
    r"meetings?[\s*_]+"
    rf"(?:of[\s*_]+(?:the|this)[\s*_]+{_SAME_BODY}[\s*_]+)?"
    r"(?:held[\s*_]+(?:on[\s*_]+)?|on[\s*_]+)",
    re.IGNORECASE,
)
# What may stand between the phrase and its first date, and between two dates of a list.
_LEAD = rx.compile(r"[\s*_]*(?:(?:the|THE)[\s*_]+)?")
_LIST_GAP = rx.compile(r"[\s*_]*(?:(?:,|and|AND|&)[\s*_]*){0,2}")

# Blocks of another attachment read for a date that opens it.
_OPENING_BLOCKS = 6


def show_all(dates: Sequence[dt.date]) -> str:
    shown = [show_date(d) for d in dates]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


@dataclass(frozen=True, slots=True)
class StatedDate:
    """A date an agenda item gives for the minutes it presents."""

    block: Block
    start: int
    end: int
    date: dt.date


def before_meeting(day: int, month: int, meeting: dt.date) -> dt.date | None:
    """The date with this day and month in the meeting's year, or the year before when
    that would fall after the meeting: minutes presented are of earlier meetings."""
    for year in (meeting.year, meeting.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # 29 February outside a leap year
            continue
        if candidate <= meeting:
            return candidate
    return None


def item_blocks(agenda: AgendaPart, item: AgendaItem) -> list[Block]:
    """The blocks of an agenda item: its title and what stands under it."""
    later = [i.line for i in agenda.items if i.line > item.line]
    end = min(later) if later else agenda.end_line + 1
    return [b for b in agenda.blocks if item.line <= b.line < end]


def stated_dates(blocks: Sequence[Block], meeting: dt.date | None) -> list[StatedDate] | None:
    """Each date given after "minutes of the ... meeting(s) held on" in the blocks.

    None when a date cannot be read for sure (a day that does not exist, or no year and
    no meeting date to take it from): such an item is not compared.
    """
    from minlint.lint.facts.dates import find_dates

    out: list[StatedDate] = []
    for block in blocks:
        text = block.text
        facts = find_dates(text)
        for phrase in _PHRASE.finditer(text):
            at = _LEAD.match(text, phrase.end()).end()
            for fact in facts:
                if fact.start < at:
                    continue
                if fact.start != at:
                    break
                if not fact.valid or fact.day is None or fact.month is None:
                    return None
                if fact.date is not None and not fact.year_inferred:
                    date = fact.date
                elif meeting is not None:
                    date = before_meeting(fact.day, fact.month, meeting)
                else:
                    return None
                if date is None:
                    return None
                out.append(StatedDate(block, fact.start, fact.end, date))
                at = _LIST_GAP.match(text, fact.end).end()
    return out


def _same_body(a: str | None, b: str | None) -> bool | None:
    """Whether two bodies are the same; None when either is not known."""
    ka, kb = body_key(a), body_key(b)
    if ka is None or kb is None:
        return None
    return ka == kb or ka in kb or kb in ka


def _opening_dates(part: Part) -> set[dt.date]:
    """Full dates written at the head of a part (its first blocks)."""
    from minlint.lint.facts.dates import find_dates

    return {
        f.date
        for b in part.blocks[:_OPENING_BLOCKS]
        for f in find_dates(b.text)
        if f.date is not None and f.year is not None
    }


def attachments(parsed: ParsedDocument) -> Iterator[tuple[AgendaPart, list[Part]]]:
    """Each agenda of the file with the parts that follow it, up to the next agenda."""
    current: AgendaPart | None = None
    after: list[Part] = []
    for part in parsed.parts:
        if isinstance(part, AgendaPart):
            if current is not None:
                yield current, after
            current, after = part, []
        elif current is not None:
            after.append(part)
    if current is not None:
        yield current, after


def check_agenda(ctx: RuleContext, agenda: AgendaPart, after: list[Part]) -> Iterator[Finding]:
    attached = [p for p in after if isinstance(p, MinutesPart)]
    if not attached or any(m.date is None for m in attached):
        return
    if all(_same_body(agenda.body, m.body) is False for m in attached):
        return  # only another body's minutes are attached
    minutes_dates = sorted({m.date for m in attached if m.date is not None})
    present = set(minutes_dates)
    for part in after:
        if not isinstance(part, MinutesPart):
            present |= _opening_dates(part)
    for item in agenda.items:
        if not _MINUTES_TITLE.search(item.title):
            continue
        stated = stated_dates(item_blocks(agenda, item), agenda.date)
        if not stated:
            continue
        missing = [s for s in stated if s.date not in present]
        if not missing:
            continue
        unique = sorted({s.date for s in missing})
        first = missing[0]
        related = [
            ctx.related(
                ctx.path, m.date_line or m.start_line, f"attached minutes of {show_date(m.date)}"
            )
            for m in attached
            if m.date is not None
        ]
        yield ctx.finding_at(
            first.block,
            first.start,
            first.end,
            f"the agenda says the minutes of {show_all(unique)} are attached, "
            f"but the attached minutes are of {show_all(minutes_dates)}",
            related=related,
        )


def check_separate(ctx: RuleContext, agenda: AgendaPart) -> Iterator[Finding]:
    """An agenda whose minutes are not attached, against the previous minutes among the
    records (see the module docstring)."""
    from minlint.lint.facts.meetings import minutes_statements

    record = ctx.records.previous
    if record is None or agenda.date is None or "date" in agenda.uncertain:
        return
    prev = record.part
    if not isinstance(prev, MinutesPart) or prev.date is None or "date" in prev.uncertain:
        return
    if _same_body(agenda.body, prev.body) is False or prev.date >= agenda.date:
        return
    approved = {d for s in minutes_statements(prev) for d in s.dates}
    nxt = prev.next_meeting.date if prev.next_meeting is not None else None
    for item in agenda.items:
        if not _MINUTES_TITLE.search(item.title):
            continue
        stated = stated_dates(item_blocks(agenda, item), agenda.date)
        if not stated:
            continue
        if nxt != agenda.date and prev.date not in {s.date for s in stated}:
            continue  # not plainly the meeting before
        theirs = [s for s in stated if s.date == prev.date]
        for s in stated:
            if s.date == prev.date:
                continue
            if s.date < prev.date and s.date in approved:
                why = f", which approved those of {show_date(s.date)}"
            elif prev.date < s.date < agenda.date and nxt == agenda.date:
                why = f", whose next meeting is this one ({show_date(agenda.date)})"
            else:
                continue
            related = [
                ctx.related(ctx.path, t.block.locate(t.start)[0], f"the item: {show_date(t.date)}")
                for t in theirs[:1]
            ]
            line = prev.date_line or prev.start_line
            related.append(
                ctx.related(record.path, line, f"the previous minutes: {show_date(prev.date)}")
            )
            yield ctx.finding_at(
                s.block,
                s.start,
                s.end,
                f"the agenda names the minutes of {show_date(s.date)}, but the minutes of the "
                f"previous meeting are of {show_date(prev.date)}{why}",
                related=related,
            )


@rule(
    code="X003",
    name="attached-minutes-mismatch",
    category="record",
    severity="error",
    summary="An agenda names minutes of one date, but those attached (or the previous "
    "minutes) are of another.",
    uses=("previous",),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.records import primary_part

    main = primary_part(ctx.parsed)
    for agenda, after in attachments(ctx.parsed):
        if any(isinstance(p, MinutesPart) for p in after):
            yield from check_agenda(ctx, agenda, after)
        elif agenda is main:
            yield from check_separate(ctx, agenda)
