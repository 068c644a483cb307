"""The next meeting is not after this one, or is given another date or time elsewhere.

What it checks, for the next meeting that minutes (and agendas) give:

- a next meeting dated before the meeting itself, with its year written out ("the next
  meeting will be held on 12 March 2023" in the minutes of 14 March 2024);
- minutes whose next meeting differs from the first later meeting of the body among
  the records that plainly follows them (its agenda or minutes deal with these
  minutes): an error for a different date, a warning for a different time (a meeting
  is sometimes moved after the minutes are written);
- minutes whose next meeting differs from the one the agenda of the same meeting
  announced. With the work programme giving the agenda's date too it is an error,
  otherwise a warning; when the next meeting's own records agree with the minutes,
  the agenda was out of date and nothing is reported.

The work programme (its meeting dates, the first after this meeting) only ever
confirms the agenda: a plan drawn up months before is not enough on its own. A date
taken from a file's name (``uncertain`` holds "date") is never compared. Times are
compared as times of day, however written ("5.30 pn" is read as 5.30 p.m.).

Why it matters: the next meeting's date in the minutes is the notice members and the
public rely on; a date in the past, or one that differs from the published agenda of
that meeting, sends people to a meeting that is not happening. It is typically a date
carried over from last year's template, or an agenda updated after the minutes were
drafted.

Example: minutes of 11 June 2024 resolving that "the Commission's next meeting take
place on Tuesday 16 July 2024", when the agenda of 11 June and the work programme both
give Tuesday 9 July 2024, are reported at "16 July 2024" as "the next meeting is given
as 16 July 2024, but the agenda of this meeting and the work programme give 9 July
2024". Minutes of 22 March giving the next meeting as "15 June 2021 at 5:30pm", when
the agenda of 15 June 2021 says "10.00 a.m.", are reported as a warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from minlint.lint.blocks import Block
from minlint.lint.context import RuleContext
from minlint.lint.facts.dateformat import show_date, show_time
from minlint.lint.findings import Finding, Related
from minlint.lint.model import AgendaPart, MeetingPart, MinutesPart, Part
from minlint.lint.registry import rule

# A work programme updated this long before a meeting is not its current programme.
_PROGRAMME_AGE = dt.timedelta(days=120)


@dataclass(frozen=True, slots=True)
class Claim:
    """Another source's date (and time) for the next meeting."""

    date: dt.date
    time: str | None
    name: str
    related: Related


def _span(part: MeetingPart) -> tuple[Block, int, int] | None:
    """Where the next meeting's date is written."""
    from minlint.lint.facts.dates import find_dates

    nxt = part.next_meeting
    if nxt is None or nxt.date is None:
        return None
    for block in part.blocks:
        if not block.line <= nxt.line <= block.end_line:
            continue
        for f in find_dates(block.text):
            if (f.day, f.month) == (nxt.date.day, nxt.date.month) and (
                block.locate(f.start)[0] == nxt.line
            ):
                return block, f.start, f.end
    return None


def _year_written(part: MeetingPart) -> bool:
    """Whether the next meeting's date is written with its year (not inferred)."""
    span = _span(part)
    if span is None:
        return False
    from minlint.lint.facts.dates import find_dates

    block, start, _ = span
    return any(
        f.start == start and f.year is not None and not f.year_inferred
        for f in find_dates(block.text)
    )


def _programme_dates(part: Part, around: dt.date) -> list[tuple[dt.date, int]]:
    """The meeting dates of a work programme: dates that open a block (its first
    column), with the year nearest ``around`` when none is written."""
    from minlint.lint.facts.dates import find_dates
    from minlint.rules.d001_weekday_mismatch import nearest

    out: list[tuple[dt.date, int]] = []
    for block in part.blocks:
        text = block.text.lstrip(" *#|\t<b>")
        lead = len(block.text) - len(text)
        facts = find_dates(text[:40])
        if not facts or facts[0].start != 0 or not facts[0].valid:
            continue
        f = facts[0]
        if f.year is not None and not f.year_inferred and f.date is not None:
            when = f.date
        elif f.day is not None and f.month is not None:
            when = nearest(f.day, f.month, around)
        else:
            continue
        if when is not None:
            out.append((when, block.locate(lead)[0]))
    return out


def _programme_claim(ctx: RuleContext, part: MeetingPart) -> Claim | None:
    """The first meeting after this one in the latest work programme before it."""
    from minlint.lint.facts.meetings import updated as programme_updated
    from minlint.lint.model import WORK_PROGRAMME

    assert part.date is not None
    found: list[tuple[dt.date, str, Part]] = []
    own = [(p, None) for p in ctx.parsed.parts if p.kind == WORK_PROGRAMME]
    for p, fallback in [*own, *((r.part, r.date) for r in ctx.records.work_programmes)]:
        updated = programme_updated(p, fallback)
        if updated is not None and part.date - _PROGRAMME_AGE <= updated <= part.date:
            path = ctx.path if (p, None) in own else _record_path(ctx, p)
            found.append((updated, path, p))
    if not found:
        return None
    updated, path, programme = max(found, key=lambda x: (x[0], x[1]))
    later = sorted(d for d in _programme_dates(programme, part.date) if d[0] > part.date)
    if not later:
        return None
    when, line = later[0]
    return Claim(
        when,
        None,
        "the work programme",
        ctx.related(path, line, f"the work programme: {show_date(when)}"),
    )


def _record_path(ctx: RuleContext, part: Part) -> str:
    for r in ctx.records.work_programmes:
        if r.part is part:
            return r.path
    return ctx.path


def _next_records(part: MeetingPart, known: list) -> list[Claim]:
    """The records of the first later meeting, when they plainly follow this one (they
    deal with its minutes) or are dated as its next meeting."""
    from minlint.lint.facts.meetings import follows, meeting_after

    nxt = part.next_meeting
    out: list[Claim] = []
    for m in meeting_after(part, known):
        if not m.certain and (nxt is None or m.date != nxt.date):
            continue
        if not follows(m.part, part) and (nxt is None or m.date != nxt.date):
            continue
        kind = "agenda" if isinstance(m.part, AgendaPart) else "minutes"
        line = m.part.date_line or m.part.start_line
        out.append(
            Claim(
                m.date,
                m.part.time,
                f"the {kind} of that meeting",
                Related(
                    m.path, line, f"the {kind} of the next meeting: {_when(m.date, m.part.time)}"
                ),
            )
        )
    return out


def _when(date: dt.date, time: str | None) -> str:
    return show_date(date) + (f" at {show_time(time)}" if time else "")


def part_findings(ctx: RuleContext, part: MeetingPart, known: list) -> Iterator[Finding]:
    nxt = part.next_meeting
    if nxt is None or nxt.date is None or part.date is None:
        return
    span = _span(part)

    def finding(message: str, related: list[Related], severity: str | None = None) -> Finding:
        if span is not None:
            block, start, end = span
            return ctx.finding_at(block, start, end, message, related=related, severity=severity)
        return ctx.finding(nxt.line, message, related=related, severity=severity)

    own_date = "date" not in part.uncertain
    if own_date and nxt.date < part.date and _year_written(part):
        line = part.date_line or part.start_line
        yield finding(
            f"the next meeting is given as {show_date(nxt.date)}, "
            f"which is before this meeting ({show_date(part.date)})",
            [ctx.related(ctx.path, line, f"this meeting: {show_date(part.date)}")],
        )
        return
    records = _next_records(part, known)
    # One claim of each kind, the checked file's own first (a pack's agenda).
    records.sort(key=lambda c: c.related.path != ctx.path)
    records = list({c.name: c for c in reversed(records)}.values())[::-1]
    dated = [c for c in records if c.date != nxt.date]
    if dated and not [c for c in records if c.date == nxt.date]:
        names = " and ".join(sorted({c.name for c in dated}))
        yield finding(
            f"the next meeting is given as {show_date(nxt.date)}, "
            f"but {names} {'is' if len(dated) == 1 else 'are'} dated {show_date(dated[0].date)}",
            [c.related for c in dated],
        )
        return
    timed = [
        c for c in records if c.date == nxt.date and c.time and nxt.time and c.time != nxt.time
    ]
    if timed:
        c = timed[0]
        yield finding(
            f"the next meeting is given as {_when(nxt.date, nxt.time)}, "
            f"but {c.name} gives {show_time(c.time)}",
            [c.related],
            severity="warning",
        )
        return
    if records or not isinstance(part, MinutesPart) or not own_date:
        return
    yield from _against_agenda(ctx, part, known, finding)


def _against_agenda(ctx: RuleContext, part: MinutesPart, known: list, finding) -> Iterator[Finding]:
    from minlint.rules.d004_previous_meeting_date import agenda_of

    nxt = part.next_meeting
    assert nxt is not None and nxt.date is not None and part.date is not None
    found = agenda_of(ctx, part, known)
    if found is None:
        return
    path, agenda = found
    announced = agenda.next_meeting
    if (
        announced is None
        or announced.date is None
        or agenda.date is None
        or announced.date <= agenda.date
    ):
        return
    related = [
        ctx.related(path, announced.line, f"the agenda: {_when(announced.date, announced.time)}")
    ]
    if announced.date != nxt.date:
        programme = _programme_claim(ctx, part)
        sources = "the agenda of this meeting"
        severity = "warning"
        if programme is not None and programme.date == announced.date:
            sources += " and the work programme"
            related.append(programme.related)
            severity = None
        message = (
            f"the next meeting is given as {show_date(nxt.date)}, "
            f"but {sources} {'give' if programme is not None and severity is None else 'gives'} "
            f"{show_date(announced.date)}"
        )
        if severity:
            message += " (it may have been moved at the meeting)"
        yield finding(message, related, severity)
    elif announced.time and nxt.time and announced.time != nxt.time:
        yield finding(
            f"the next meeting is given as {_when(nxt.date, nxt.time)}, "
            f"but the agenda of this meeting gives {show_time(announced.time)}",
            related,
            "warning",
        )


@rule(
    code="D005",
    name="next-meeting-date",
    category="date",
    severity="error",
    summary="The next meeting is not after this one, or differs from the agenda or the "
    "next meeting's records.",
    uses=("agenda", "history", "work_programme"),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.meetings import meetings

    records = ctx.records
    named = [r for r in (records.agenda, records.previous) if r is not None]
    known = meetings(ctx.path, ctx.parsed.parts, [*records.history, *named])
    for part in ctx.parsed.parts:
        if isinstance(part, (MinutesPart, AgendaPart)):
            yield from part_findings(ctx, part, known)
