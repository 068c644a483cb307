"""The minutes approved are dated differently from what the other sources say.

What it checks: every date that a set of minutes gives for the earlier minutes it
approves, in the item about minutes: its title ("MINUTES OF THE PREVIOUS MEETING HELD
ON 14 MAY 2024"), its discussion ("considered the minutes of its meeting held on ...")
and its resolution ("That the minutes of the meeting held on ... be approved"). Each of
those statements is compared with

- the other statements of the same minutes;
- the agenda of the same meeting, which names the minutes it presents;
- the previous minutes of the same body among the records, when the records show that
  they are the meeting right before this one (they give this meeting's date as their
  next meeting);
- the dates of the body's minutes among the records: a statement naming the date of
  minutes that exist is not contradicted by the others (a meeting may approve the
  minutes of two earlier meetings).

A statement is reported when none of its dates is given by any other source while
another source gives a different date: by a majority of the other statements, by the
agenda or by the previous minutes. When only two statements of the draft disagree and
nothing else decides, the later one is reported, with the earlier as related. An item
that approves the minutes of several meetings (a statement naming two dates, or
statements naming different dates under a title that names none) is different: its
statements name different meetings on purpose, so a date is reported only when the
records hold minutes within 45 days of it that the item does not name.

A date that nothing else in the draft gives, when the records do not show which meeting
came before, is compared with the latest earlier minutes of the body among them: it is
an error when those minutes already approved the minutes of that date (reported once
even when every statement of the draft gives it: the item copied from the minutes
before), and a warning when it differs from their date in one of day, month or year
only (a date far from theirs may be of a meeting missing from the records). A
statement that names minutes of another body ("the minutes of the Cabinet held on
...") is not compared; nor are minutes in an agenda pack checked against the pack's own
agenda, which is a later meeting's.

Why it matters: approving "the minutes of the meeting held on 21 May" when the meeting
was on 14 May approves, on the record, minutes of a meeting that never took place; the
minutes of 14 May then stand unapproved. The date is usually typed from memory or left
over from a template, and a reader checks it less carefully than anything else.

Example: a draft whose minute 14 reads

    14. MINUTES OF THE PREVIOUS MEETING HELD ON 14 MAY 2024
    The Commission considered the minutes of its meeting held on 14 May 2024. ...
    Resolved:- That the minutes of the Commission's meeting held on 21 May 2024 be
    agreed as an accurate record.

is reported at "21 May 2024" as "the minutes approved are said to be of 21 May 2024,
but the minute's title, line 22, the agenda and the previous minutes give 14 May
2024", with each of those places as related.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from minlint.lint.context import RuleContext
from minlint.lint.facts.dateformat import show_date
from minlint.lint.findings import Finding, Related
from minlint.lint.model import AgendaPart, MinutesPart
from minlint.lint.registry import rule

_TITLE = "the minute's title"
_PREVIOUS = "the previous minutes"
# In an item approving several meetings' minutes, a date this close to minutes among the
# records that the item does not name is taken for a slip of their date.
_NEAR_DAYS = 45


@dataclass(frozen=True, slots=True)
class Source:
    """Dates given for the minutes approved, by one statement or one record."""

    dates: frozenset[dt.date]
    name: str  # how the message names it: "the minute's title", "line 22", "the agenda"
    related: tuple[tuple[Related, frozenset[dt.date]], ...]  # each place, with its dates
    record: bool  # the agenda or the previous minutes, not the draft itself
    order: int  # the draft's statements in reading order; records after them
    inferred: bool = False


def _shown(dates: frozenset[dt.date]) -> str:
    from minlint.rules.x003_attached_minutes_mismatch import show_all

    return show_all(sorted(dates))


def _meets(a: Source, b: Source) -> bool:
    """Whether two sources share a date; a date without its year matches its day and month."""
    if a.dates & b.dates:
        return True
    if a.inferred or b.inferred:
        return bool({(d.month, d.day) for d in a.dates} & {(d.month, d.day) for d in b.dates})
    return False


def agenda_of(ctx: RuleContext, part: MinutesPart, known: list) -> tuple[str, AgendaPart] | None:
    """The agenda of the meeting these minutes record: the matched or named agenda of the
    file's first part (unless it is plainly another meeting's), else an agenda of the
    same date among the records."""
    from minlint.lint.records import primary_part
    from minlint.rules.d003_meeting_date_mismatch import another_meeting, credible

    record = ctx.records.agenda
    if primary_part(ctx.parsed) is part and record is not None:
        agenda = record.part
        dated = isinstance(agenda, AgendaPart) and None not in (agenda.date, part.date)
        if dated and (
            agenda.date == part.date or (credible(agenda) and not another_meeting(part, agenda))
        ):
            return record.path, agenda
    if part.date is None:
        return None
    for m in known:
        if isinstance(m.part, AgendaPart) and m.date == part.date and m.path != ctx.path:
            return m.path, m.part
    return None


def _sources(ctx: RuleContext, part: MinutesPart, known: list) -> list[Source]:
    from minlint.lint.facts.meetings import minutes_statements, previous_minutes

    out: list[Source] = []
    for k, s in enumerate(minutes_statements(part)):
        name = _TITLE if s.title else f"line {s.line}"
        dates = frozenset(s.dates)
        related = ((ctx.related(ctx.path, s.line, f"{name}: {_shown(dates)}"), dates),)
        out.append(Source(frozenset(s.dates), name, related, False, k, s.inferred))
    if not out:
        return out
    found = agenda_of(ctx, part, known)
    if found is not None:
        path, agenda = found
        stated = minutes_statements(agenda)
        if stated:
            dates = frozenset(d for s in stated for d in s.dates)
            related = tuple(
                (
                    ctx.related(
                        path, s.line, f"the agenda: the minutes of {_shown(frozenset(s.dates))}"
                    ),
                    frozenset(s.dates),
                )
                for s in stated
            )
            inferred = any(s.inferred for s in stated)
            out.append(Source(dates, "the agenda", related, True, len(out), inferred))
    prev = previous_minutes(part, known)
    if prev is not None and prev.certain and _is_previous(prev.part, part, out):
        line = prev.part.date_line or prev.part.start_line
        related = (
            (
                ctx.related(prev.path, line, f"the previous minutes are of {show_date(prev.date)}"),
                frozenset({prev.date}),
            ),
        )
        out.append(Source(frozenset({prev.date}), _PREVIOUS, related, True, len(out)))
    return out


def _is_previous(prev: MinutesPart, part: MinutesPart, sources: list[Source]) -> bool:
    """Whether the latest earlier minutes are the meeting right before this one: they give
    this meeting's date as their next, or the draft or its agenda names their date."""
    nxt = prev.next_meeting
    if nxt is not None and nxt.date is not None and nxt.date == part.date:
        return True
    return any(prev.date in s.dates for s in sources)


def _expected(against: list[Source]) -> frozenset[dt.date]:
    """The dates most of the contradicting sources give."""
    counts: dict[dt.date, int] = {}
    for t in against:
        for d in t.dates:
            counts[d] = counts.get(d, 0) + 1
    top = max(counts.values())
    return frozenset(d for d, n in counts.items() if n == top)


def part_findings(ctx: RuleContext, part: MinutesPart, known: list) -> Iterator[Finding]:
    from minlint.lint.facts.meetings import minutes_statements

    sources = _sources(ctx, part, known)
    statements = [s for s in sources if not s.record]
    if not statements:
        return
    existing = {m.date for m in known if isinstance(m.part, MinutesPart) and m.certain}
    supported = {
        id(s): any(_meets(s, t) for t in sources if t is not s) or bool(s.dates & existing)
        for s in sources
    }
    # An item that approves the minutes of several meetings: its statements name
    # different meetings, and do not contradict each other.
    titled = any(s.name == _TITLE for s in statements)
    named = {d for s in statements for d in s.dates}
    several = any(len(s.dates) > 1 for s in statements) or (not titled and len(named) > 1)
    spans = minutes_statements(part)
    records = [t for t in sources if t.record]
    dates = {d for s in statements for d in s.dates}
    if len(dates) == 1 and not any(_meets(statements[0], t) for t in records):
        # The draft agrees with itself: only minutes already approved can be told wrong.
        hint = _latest_minutes(ctx, part, statements[0], sources, known, stale_only=True)
        if hint is not None:
            message, related, severity = hint
            span = spans[statements[0].order]
            related += [r for t in statements[1:] for r, _ in t.related]
            yield ctx.finding_at(
                span.block, span.start, span.end, message, related=related, severity=severity
            )
            return
    for s in statements:
        if supported[id(s)]:
            continue
        span = spans[s.order]
        if several:
            found = _unapproved(ctx, part, s, statements, known)
            if found is not None:
                message, related = found
                yield ctx.finding_at(span.block, span.start, span.end, message, related=related)
            continue
        against = [
            t
            for t in sources
            if t is not s
            and not _meets(s, t)
            and (t.record or supported[id(t)] or (not t.record and t.order < s.order))
        ]
        if not against:
            hint = _latest_minutes(ctx, part, s, sources, known)
            if hint is not None:
                message, related, severity = hint
                yield ctx.finding_at(
                    span.block, span.start, span.end, message, related=related, severity=severity
                )
            continue
        expected = _expected(against)
        names = [t.name for t in against if t.dates & expected]
        message = (
            f"the minutes approved are said to be of {_shown(s.dates)}, but "
            f"{_listed(names)} {_give(names)} {_shown(expected)}"
        )
        related = [r for t in against for r, dates in t.related if dates & expected]
        yield ctx.finding_at(span.block, span.start, span.end, message, related=related)


def _slip(a: dt.date, b: dt.date) -> bool:
    """Whether two dates differ in just one of day, month and year (a typing slip)."""
    return sum((a.day != b.day, a.month != b.month, a.year != b.year)) == 1


def _latest_minutes(
    ctx: RuleContext,
    part: MinutesPart,
    s: Source,
    sources: list[Source],
    known: list,
    stale_only: bool = False,
) -> tuple[str, list[Related], str | None] | None:
    """A date that nothing else in the draft gives, against the latest minutes of the body
    among the records when nothing shows they are the meeting before: an error when
    those minutes already approved the minutes of that date, a warning when the date
    looks like theirs mistyped (one of day, month or year differs)."""
    from minlint.lint.facts.meetings import minutes_statements, previous_minutes

    prev = previous_minutes(part, known)
    if prev is None or not prev.certain or len(s.dates) != 1 or part.date is None:
        return None
    if any(t.name == _PREVIOUS for t in sources):
        return None
    (d,) = s.dates
    line = prev.part.date_line or prev.part.start_line
    related = [ctx.related(prev.path, line, f"the latest minutes: {show_date(prev.date)}")]
    if d < prev.date and d in {x for st in minutes_statements(prev.part) for x in st.dates}:
        message = (
            f"the minutes approved are said to be of {show_date(d)}, but the meeting of "
            f"{show_date(prev.date)} already approved them, and its minutes are the latest "
            "among the records"
        )
        return message, related, None
    if not stale_only and d < part.date and _slip(d, prev.date):
        message = (
            f"the minutes approved are said to be of {show_date(d)}, but the latest minutes "
            f"of the body among the records are of {show_date(prev.date)}"
        )
        return message, related, "warning"
    return None


def _unapproved(
    ctx: RuleContext, part: MinutesPart, s: Source, statements: list[Source], known: list
) -> tuple[str, list[Related]] | None:
    """In an item approving several meetings' minutes, a date that nothing supports is
    reported when the records hold minutes, close to it, that the item does not name:
    those it most likely meant."""
    others = {d for t in statements if t is not s for d in t.dates}
    candidates = [
        m
        for m in known
        if isinstance(m.part, MinutesPart)
        and m.certain
        and part.date is not None
        and m.date < part.date
        and m.date not in others
        and any(abs((m.date - d).days) <= _NEAR_DAYS for d in s.dates)
    ]
    if not candidates:
        return None
    best = min(candidates, key=lambda m: (min(abs((m.date - d).days) for d in s.dates), m.date))
    line = best.part.date_line or best.part.start_line
    message = (
        f"the minutes approved are said to be of {_shown(s.dates)}, but the records hold "
        f"minutes of {show_date(best.date)} that nothing else in this item names"
    )
    return message, [ctx.related(best.path, line, f"the minutes of {show_date(best.date)}")]


def _give(names: list[str]) -> str:
    return "gives" if len(names) == 1 and not names[0].endswith("minutes") else "give"


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@rule(
    code="D004",
    name="previous-meeting-date",
    category="date",
    severity="error",
    summary="The minutes approved are dated differently within the draft, on the agenda or "
    "in the previous minutes.",
    uses=("agenda", "previous", "history"),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.meetings import meetings

    records = ctx.records
    named = [r for r in (records.agenda, records.previous) if r is not None]
    known = meetings(ctx.path, ctx.parsed.parts, [*records.history, *named])
    for part in ctx.parsed.minutes:
        yield from part_findings(ctx, part, known)
