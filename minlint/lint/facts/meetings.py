"""Facts about a body's meetings: which minutes a part names, the municipal year, and
which of the body's records come just before or after a meeting.

"the minutes of the Commission's meeting held on 14 May 2024", "MINUTES OF THE PREVIOUS
MEETING HELD ON 12TH DECEMBER, 2017", "the minutes of the last meeting held on the 11th
December 2019", "Minutes of the previous meetings held on 9 and 22 March": a date
written right after "minutes of ... held on" (or "minutes of 14 May") inside an item
about minutes names the meeting whose record the item deals with. The words between
("the previous meeting", "the meeting of the Improving Lives Select Commission") must
be about the body itself: "the minutes of Rathkeale Area Committee held on 1st May" or
"the minutes of the Cabinet held on" are another body's, and are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from minlint.lint.blocks import Block
from minlint.lint.lazyre import LazyPattern
from minlint.lint.model import AgendaPart, MeetingPart, MinutesPart, Part

__all__ = [
    "Meeting",
    "MinutesStatement",
    "before_meeting",
    "blocks_by_line",
    "follows",
    "meeting_after",
    "minutes_statements",
    "municipal_year",
    "previous_minutes",
    "updated",
]

# "minutes of" ... a connector ... right before a date (searched in a window that ends at
# the date). No sentence may end in between.
_BEFORE_DATE = LazyPattern(
    r"\bminutes[\s*_]+(?:of|from)[\s*_]+(?P<desc>[^.;!?()\[\]|]{0,160}?)[\s*_,]*"
    r"(?:\b(?:held[\s*_]+(?:on[\s*_]+)?|on[\s*_]+|of[\s*_]+|dated[\s*_]+))?"
    r"(?:the[\s*_]+)?\Z",
    re.IGNORECASE,
)
_WINDOW = 220
# What may separate the dates of a list: "9 and 22 March", "6, 13 and 20 September".
_LIST_GAP = LazyPattern(r"[\s*_]*(?:(?:,|and|&)[\s*_]*){1,2}(?:the[\s*_]+)?", re.IGNORECASE)
_WORD = LazyPattern(r"[a-z0-9]+")
# Words that describe a meeting of the body without naming another body.
_GENERIC = frozenset(
    "the a an this its our their said above same previous last preceding prior recent "
    "ordinary special extraordinary annual monthly online virtual inaugural adjourned "
    "reconvened remote hybrid general full statutory meeting meetings of held s "
    "committee commission council panel board forum".split()
)


@dataclass(frozen=True, slots=True)
class MinutesStatement:
    """Dates a part gives for the minutes it deals with, where it gives them.

    ``start``/``end`` span the dates in ``block.text``; ``inferred`` is set when a date
    was written without its year (the year is then the latest that puts it on or
    before the part's own date).
    """

    block: Block
    start: int
    end: int
    dates: tuple[dt.date, ...]
    inferred: bool
    title: bool  # written in the item's title

    @property
    def line(self) -> int:
        return self.block.locate(self.start)[0]


def municipal_year(date: dt.date, start_month: int = 5) -> int:
    """The calendar year in which the municipal year holding ``date`` began."""
    return date.year if date.month >= start_month else date.year - 1


def before_meeting(day: int, month: int, meeting: dt.date) -> dt.date | None:
    """The date with this day and month on or before the meeting: this year or the last."""
    for year in (meeting.year, meeting.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= meeting:
            return candidate
    return None


def _tokens(text: str | None) -> set[str]:
    return set(_WORD.findall((text or "").lower().replace("&", " and ")))


def about_the_body(desc: str, body: str | None) -> bool:
    """Whether the words between "minutes of" and the date are about the body itself:
    generic words only ("the previous meeting"), or words of the body's own name."""
    rest = _tokens(desc) - _GENERIC
    if not rest:
        return True
    return bool(body) and rest <= _tokens(body) | {"and"}


def _squeeze(text: str) -> str:
    return " ".join(text.split()).lower()


def blocks_by_line(part: MeetingPart) -> dict[int, list[Block]]:
    """The part's blocks by the line they start on, for :func:`heading_block`."""
    out: dict[int, list[Block]] = {}
    for b in part.blocks:
        out.setdefault(b.line, []).append(b)
    return out


def heading_block(
    part: MeetingPart, line: int, title: str, by_line: dict[int, list[Block]] | None = None
) -> Block | None:
    """The block that holds an item's heading (a file of one long line has many blocks on
    that line: the one holding the title). ``by_line``: the part's
    :func:`blocks_by_line`, made once for many items."""
    want = _squeeze(title)[:30]
    on_line = (by_line if by_line is not None else blocks_by_line(part)).get(line, [])
    for b in on_line:
        if want and want in _squeeze(b.text):
            return b
    return on_line[0] if len(on_line) == 1 else None


def _minutes_blocks(part: MeetingPart) -> list[tuple[Block, bool]]:
    """The blocks of the part's items about minutes, each with whether it is the title."""
    from minlint.lint.facts.approvals import is_minutes_item

    out: list[tuple[Block, bool]] = []
    if isinstance(part, MinutesPart):
        by_line = blocks_by_line(part)
        for minute in part.items:
            if not is_minutes_item(minute.title):
                continue
            head = heading_block(part, minute.line, minute.title, by_line)
            if head is not None and head not in minute.blocks:
                out.append((head, True))
            out.extend((b, False) for b in minute.blocks)
    elif isinstance(part, AgendaPart) and "items" not in part.uncertain:
        starts = sorted({i.line for i in part.items})
        for item in part.items:
            if not is_minutes_item(item.title):
                continue
            later = [s for s in starts if s > item.line]
            end = later[0] if later else part.end_line + 1
            out.extend((b, b.line == item.line) for b in part.blocks if item.line <= b.line < end)
    return out


def minutes_statements(part: MeetingPart) -> list[MinutesStatement]:
    """Each place where the part's items about minutes date the minutes they deal with
    (see the module docstring). A date that cannot be read for sure (a day that does not
    exist, no year and no meeting date to take it from) ends the list it is in."""
    from minlint.lint.facts.dates import find_dates

    out: list[MinutesStatement] = []
    for block, is_title in _minutes_blocks(part):
        text = block.text
        if "inute" not in text and "INUTE" not in text:
            continue
        facts = find_dates(text)
        k = 0
        while k < len(facts):
            fact = facts[k]
            m = _BEFORE_DATE.search(text, max(0, fact.start - _WINDOW), fact.start)
            if m is None or not about_the_body(m["desc"], part.body):
                k += 1
                continue
            dates: list[dt.date] = []
            inferred = False
            end = fact.end
            j = k
            while j < len(facts):
                f = facts[j]
                if j > k and _LIST_GAP.fullmatch(text, facts[j - 1].end, f.start) is None:
                    break
                if not f.valid or f.day is None or f.month is None:
                    break
                if f.date is not None and not f.year_inferred:
                    when = f.date
                elif part.date is not None:
                    when = before_meeting(f.day, f.month, part.date)
                    inferred = True
                else:
                    when = None
                if when is None:
                    break
                dates.append(when)
                end = f.end
                j += 1
            if dates and part.date not in dates:  # the part's own date: its heading
                out.append(
                    MinutesStatement(block, fact.start, end, tuple(dates), inferred, is_title)
                )
            k = max(j, k + 1)
    return out


@dataclass(frozen=True, slots=True)
class Meeting:
    """An agenda or minutes of the body, in the checked file or among its records."""

    path: str
    part: AgendaPart | MinutesPart

    @property
    def date(self) -> dt.date | None:
        return self.part.date

    @property
    def certain(self) -> bool:
        """Whether the date is written in the part (not taken from the file's name)."""
        return self.part.date is not None and "date" not in self.part.uncertain


def meetings(path: str, parts: Iterable[object], history: Iterable[object] = ()) -> list[Meeting]:
    """The dated agendas and minutes of the checked file and of its records' history
    (``Record`` objects: anything with ``path`` and ``part``), by date."""
    out: list[Meeting] = []
    seen: set[int] = set()
    for p in parts:
        if isinstance(p, (AgendaPart, MinutesPart)) and p.date is not None:
            out.append(Meeting(path, p))
            seen.add(id(p))
    for r in history:
        p = getattr(r, "part", None)
        if isinstance(p, (AgendaPart, MinutesPart)) and p.date is not None and id(p) not in seen:
            out.append(Meeting(str(getattr(r, "path", "")), p))
            seen.add(id(p))
    out.sort(key=lambda m: (m.part.date, m.path, m.part.start_line))
    return out


def previous_minutes(part: MeetingPart, known: Sequence[Meeting]) -> Meeting | None:
    """The latest minutes before the part's meeting (the part itself left out)."""
    if part.date is None:
        return None
    before = [
        m
        for m in known
        if isinstance(m.part, MinutesPart) and m.part is not part and m.date < part.date
    ]
    if not before:
        return None
    latest = max(m.date for m in before)
    same = [m for m in before if m.date == latest]
    return same[0]


def meeting_after(part: MeetingPart, known: Sequence[Meeting]) -> list[Meeting]:
    """The records of the first meeting after the part's (its agenda, its minutes)."""
    if part.date is None:
        return []
    after = [m for m in known if m.part is not part and m.date > part.date]
    if not after:
        return []
    first = min(m.date for m in after)
    return [m for m in after if m.date == first]


def follows(later: MeetingPart, earlier: MeetingPart) -> bool:
    """Whether the records say that ``later`` is the meeting right after ``earlier``:
    ``earlier`` gives ``later``'s date as its next meeting, or ``later`` deals with the
    minutes of ``earlier``'s date."""
    if earlier.date is None or later.date is None:
        return False
    nxt = earlier.next_meeting
    if nxt is not None and nxt.date == later.date:
        return True
    return any(earlier.date in s.dates for s in minutes_statements(later))


def updated(part: Part, fallback: dt.date | None) -> dt.date | None:
    """The date a work programme or monitoring schedule was brought up to date
    ("UPDATED: 3 JUNE 2024", in its title or first lines), else ``fallback`` (the date
    of the pack it is part of)."""
    from minlint.lint.facts.dates import find_dates

    for text in [part.title, *(b.text for b in part.blocks[:3])]:
        for f in find_dates(text):
            if f.date is not None and f.year is not None and not f.year_inferred:
                return f.date
    return fallback
