"""One event is given two dates, or a date still to come is reported as past.

What it checks, in every set of minutes:

- within one minute, a decision that dates an event differently from the discussion
  of the same minute: the discussion says the Cabinet "was expected to decide ... on
  17 September 2024" and the resolution asks for comments "before it makes its decision
  on 24 September 2024". The two are taken for one event when the words just before
  each date share at least two words of substance (the body or thing, and what
  happens to it: "Cabinet ... decide", "consultation ... close"), and the dates are
  close enough to be one slipped into the other (within a month, or the same day a
  year apart). Different events of one minute (a consultation opening on 3 June and
  closing on 30 August) share too little to be compared. Items about the minutes of
  earlier meetings and about the next meeting are left to D004 and D005.
- a date written with its year and reported as past ("the work was completed on the
  11th December 2024", "the group met on ...", "was agreed on ...") that is after the
  meeting the minutes record, and after the next meeting they give, when they give
  one: the minutes cannot report it as done. Events that past-tense words still put
  ahead ("was arranged for", "was scheduled for", "was due on") are not reports of
  the past. A meeting dated only by the file's name is not compared with; its next
  meeting, written in the text, still is.

Why it matters: minutes are the record of what was said and decided; two dates for one
event leave the reader unable to tell which was agreed, and an event reported as done
on a date that had not yet come is a typing slip in the year that undermines the
record (it is usually last year's or next year's number typed from habit).

Example: in minutes of a January 2024 meeting whose next meeting is 29 January 2024,

    412. Correspondence: Letter from the highway authority. The resurfacing of the
    station car park was completed on the 11th December 2024.

is reported as '"11th December 2024" is reported as past ("was completed on"), but it
is after the next meeting these minutes give (29 January 2024)'. And a minute whose
discussion says the Cabinet "was expected to decide ... on 17 September 2024" while its
resolution says "before it makes its decision on 24 September 2024" is reported at the
resolution's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from minlint.lint.blocks import Block
from minlint.lint.context import RuleContext
from minlint.lint.facts.dateformat import show_date
from minlint.lint.findings import Finding
from minlint.lint.lazyre import LazyPattern
from minlint.lint.model import Minute, MinutesPart
from minlint.lint.registry import rule

# Dates further apart than this are two events, not one date slipped into another.
_SLIP_DAYS = 31
# Words read before a date to tell what it is the date of.
_CONTEXT = 80

_WORD = LazyPattern(r"[a-z]{3,}")
_STOP = frozenset(
    "the and for with from that this those these its their was were been being has have "
    "had are would will could should shall may might can must not also than then there "
    "which who whom what when where while before after until into onto upon about over "
    "under between within during since such other any all each every some more most very "
    "said says say date dates day days week weeks month months year years time "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday expected due held".split()
)
# Nouns and verbs of one event, read as one word.
_SAME = {
    "decision": "decide",
    "decisions": "decide",
    "decided": "decide",
    "decides": "decide",
    "deciding": "decide",
    "makes": "make",
    "made": "make",
    "making": "make",
    "closure": "close",
    "closing": "close",
    "closes": "close",
    "closed": "close",
    "opening": "open",
    "opens": "open",
    "opened": "open",
    "starts": "start",
    "started": "start",
    "starting": "start",
    "commencement": "commence",
    "commences": "commence",
    "commenced": "commence",
    "completion": "complete",
    "completed": "complete",
    "completes": "complete",
    "launches": "launch",
    "launched": "launch",
    "publication": "publish",
    "published": "publish",
    "submission": "submit",
    "submitted": "submit",
    "consideration": "consider",
    "considered": "consider",
    "approval": "approve",
    "approved": "approve",
    "implementation": "implement",
    "implemented": "implement",
    "meeting": "meet",
    "meetings": "meet",
    "met": "meet",
}

# A past-tense report right before a date: "was completed on (the)", "met on", "took
# place on". Participles that still put the event ahead are left out.
_PAST = LazyPattern(
    r"\b(?:(?:was|were|had\s+been|has\s+been|have\s+been)[ \t]+(?:\w+[ \t]+)?"
    r"(?P<participle>[a-z]+ed|held|met|sent|paid|made|done|given|taken|written|begun|built|"
    r"brought|bought|told|set|put|spent|won|sold|undertaken|agreed)"
    r"|(?<!to )(?<!be )(?<!will )(?<!would )(?<!shall )(?<!will have )"
    r"(?P<simple>met|took[ \t]+place|happened|occurred|began|started|opened|closed|ended|"
    r"finished|commenced|completed))"
    r"[ \t]+on[ \t]+(?:the[ \t]+)?\Z",
    re.IGNORECASE,
)
_AHEAD = frozenset(
    "arranged scheduled planned expected due postponed deferred rescheduled booked fixed "
    "moved adjourned delayed extended set timetabled programmed proposed requested asked "
    "invited provisionally".split()
)
_PAST_WINDOW = 60


def _stem(word: str) -> str:
    word = _SAME.get(word, word)
    return word[:6]


def _context(text: str, start: int, floor: int) -> frozenset[str]:
    """The words of substance just before a date (back to the previous date, at most)."""
    before = text[max(floor, start - _CONTEXT) : start].lower()
    cut = max(before.rfind(". "), before.rfind("; "))
    if cut >= 0:
        before = before[cut + 2 :]
    return frozenset(_stem(w) for w in _WORD.findall(before) if w not in _STOP)


@dataclass(frozen=True, slots=True)
class Dated:
    """A date in a minute, the words before it, and whether it is in the minute's
    decision or in its discussion."""

    block: Block
    start: int
    end: int
    date: dt.date
    words: frozenset[str]
    decision: bool


def _dated(minute: Minute) -> list[Dated]:
    from minlint.lint.facts.dates import find_dates
    from minlint.lint.facts.decisions import DecisionLines

    decided = DecisionLines((r.line, r.end_line) for r in minute.resolutions)
    out: list[Dated] = []
    for block in minute.blocks:
        decision = decided.meets(block.line, block.end_line)
        floor = 0
        for f in find_dates(block.text):
            if f.date is not None and f.year is not None and not f.year_inferred:
                out.append(
                    Dated(
                        block,
                        f.start,
                        f.end,
                        f.date,
                        _context(block.text, f.start, floor),
                        decision,
                    )
                )
            floor = f.end
    return out


def _slip(a: dt.date, b: dt.date) -> bool:
    """Whether one date may be the other slipped: days apart, or the year typed wrong."""
    if abs((a - b).days) <= _SLIP_DAYS:
        return True
    return (a.day, a.month) == (b.day, b.month) and abs(a.year - b.year) == 1


def _conflicts(ctx: RuleContext, minute: Minute) -> Iterator[Finding]:
    from minlint.lint.facts.approvals import is_minutes_item

    if is_minutes_item(minute.title) or "next meeting" in minute.title.lower():
        return
    dated = _dated(minute)
    decisions = [d for d in dated if d.decision]
    discussion = [d for d in dated if not d.decision]
    for d in decisions:
        same_date = [x for x in discussion if x.date == d.date and len(x.words & d.words) >= 2]
        if same_date:
            continue
        matches = [
            x
            for x in discussion
            if x.date != d.date and len(x.words & d.words) >= 2 and _slip(x.date, d.date)
        ]
        if len(matches) != 1:
            continue
        x = matches[0]
        # The discussion's date must be of this event alone: no other decision shares it.
        if any(o is not d and o.date == x.date for o in decisions):
            continue
        line = x.block.locate(x.start)[0]
        said = " ".join(x.block.text[x.start : x.end].split())
        yield ctx.finding_at(
            d.block,
            d.start,
            d.end,
            f"the decision gives {show_date(d.date)}, but the discussion of the same minute "
            f'gives "{said}" for what reads as the same event (line {line})',
            related=[ctx.related(ctx.path, line, f"the discussion: {show_date(x.date)}")],
        )


def _future_past(ctx: RuleContext, part: MinutesPart) -> Iterator[Finding]:
    from minlint.lint.facts.dates import find_dates

    nxt = part.next_meeting.date if part.next_meeting is not None else None
    own = part.date if "date" not in part.uncertain else None
    if own is None and nxt is None:
        return
    bound = max(d for d in (own, nxt) if d is not None)
    for block in part.blocks:
        low = block.text.lower()
        if " on " not in low:
            continue
        for f in find_dates(block.text):
            if f.date is None or f.year is None or f.year_inferred or f.date <= bound:
                continue
            m = _PAST.search(block.text, max(0, f.start - _PAST_WINDOW), f.start)
            if m is None:
                continue
            participle = (m["participle"] or "").lower()
            if participle in _AHEAD:
                continue
            cue = " ".join(m.group(0).split()).rstrip()
            if cue.lower().endswith(" the"):
                cue = cue[:-4]
            said = " ".join(block.text[f.start : f.end].split())
            if nxt is not None and nxt >= (own or nxt):
                against = f"the next meeting these minutes give ({show_date(nxt)})"
            else:
                against = f"this meeting ({show_date(own)})" if own else ""
            yield ctx.finding_at(
                block,
                f.start,
                f.end,
                f'"{said}" is reported as past ("{cue}"), but it is after {against}',
            )


@rule(
    code="D006",
    name="conflicting-dates",
    category="date",
    severity="error",
    summary="One event is given two dates in a minute, or a date to come is reported as past.",
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    for part in ctx.parsed.minutes:
        found: list[Finding] = []
        for minute in part.items:
            found.extend(_conflicts(ctx, minute))
        found.extend(_future_past(ctx, part))
        found.sort(key=lambda f: (f.line, f.column))
        yield from found
