"""The earlier meetings whose minutes an agenda presents or a set of minutes approves.

"MINUTES OF THE PREVIOUS MEETING HELD ON 17TH JULY, 2018", "1.Adoption of Minutes /
Circulated, copy of draft Minutes of the Monthly Meeting ... held on 21st December,
2020", "To receive & approve minutes of previous meeting": the item about minutes names
the meeting whose record it deals with, in its title or in its first paragraphs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from minlint.lint import regexstore as rx
from minlint.lint.blocks import Block
from minlint.lint.model import AgendaPart, MinutesPart

__all__ = ["MinutesDate", "approved_minutes", "is_minutes_item"]

_MINUTES_ITEM = rx.compile(
    r"\bminutes\b|\bminiúint|\bmiontuairisc|\bcofnodion\b|\bprevious\s+meeting\b", re.I
)
_NOT_APPROVAL = rx.compile(r"\b(?:sub-?group|working\s+group|panel|board|partnership)\b", re.I)
_BODY_BLOCKS = 4


@dataclass(frozen=True, slots=True)
class MinutesDate:
    """A date given for minutes dealt with, where it is written."""

    date: dt.date
    line: int
    block: Block | None  # None when the date is in the item's title
    start: int = 0
    end: int = 0
    inferred_year: bool = False


def is_minutes_item(title: str) -> bool:
    """Whether an item's title is about the minutes of an earlier meeting of the body."""
    return bool(_MINUTES_ITEM.search(title)) and not _NOT_APPROVAL.search(title)


def approved_minutes(part: MinutesPart | AgendaPart) -> list[MinutesDate]:
    """Dates of the minutes the part presents or approves, up to its own date.

    A date without a year takes the latest year that puts it on or before the part's
    date. Dates after the part's own date are plans, not earlier minutes, and are left out.
    """
    from minlint.lint.facts.dates import find_dates

    own = part.date
    out: list[MinutesDate] = []
    lines = [item.line for item in part.items]
    for k, item in enumerate(part.items):
        if not is_minutes_item(item.title):
            continue
        end = lines[k + 1] if k + 1 < len(lines) else part.end_line + 1
        blocks = [b for b in part.blocks if item.line <= b.line < end][: _BODY_BLOCKS + 1]
        title_dates = set()
        for f in find_dates(item.title):
            when = _when(f.date, f.day, f.month, f.year_inferred, f.valid, own)
            if when is not None and when not in title_dates:
                title_dates.add(when)
                out.append(MinutesDate(when, item.line, None, inferred_year=f.year_inferred))
        for block in blocks:
            for f in find_dates(block.text):
                when = _when(f.date, f.day, f.month, f.year_inferred, f.valid, own)
                if when is None or (block.line == item.line and when in title_dates):
                    continue
                out.append(
                    MinutesDate(
                        when,
                        block.locate(f.start)[0],
                        block,
                        f.start,
                        f.end,
                        inferred_year=f.year_inferred or f.date is None,
                    )
                )
    return out


def _when(
    date: dt.date | None,
    day: int | None,
    month: int | None,
    inferred: bool,
    valid: bool,
    own: dt.date | None,
) -> dt.date | None:
    if date is not None and not inferred:
        return date if own is None or date <= own else None
    if not valid or day is None or month is None or own is None:
        return None
    for year in (own.year, own.year - 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d <= own:
            return d
    return None
