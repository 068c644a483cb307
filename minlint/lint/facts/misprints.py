"""Day numbers misprinted before a month name: "24h April" for "24th April".

A day number followed by one stray letter of an ordinal suffix (s, t, n, d, r, h) and
then a month name. Only those letters: "5k March" (a race) and "24 hours" are not days.
"2d" and "3d" (and 22d, 23d) are an old way of writing 2nd and 3rd, not misprints; a
day the month does not have (31h June) is not a misprinted day of that month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minlint.lint.facts.dateformat import MONTH_NAMES
from minlint.lint.lazyre import LazyPattern

__all__ = ["DAYS_IN_MONTH", "MisprintedDay", "misprinted_days"]

DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_MONTH_NAMES = {
    name
    for month in (*MONTH_NAMES, "Sept")
    for short in (month, month[:3])
    for name in (short, short.upper())
}
_MONTH_ALT = "|".join(sorted(_MONTH_NAMES, key=lambda n: (-len(n), n)))
# Found from the month name, which is rare and quick to find, looking back a little.
_MONTH_SCAN_RE = LazyPattern(rf"(?:{_MONTH_ALT})(?![A-Za-z])")
_STRAY_BEFORE_RE = LazyPattern(
    r"""(?<![\w£€$/.,:-])(?P<day>\d{1,2})(?P<stray>[sStTnNdDrRhH])(?P<dot>\.?)
    [ \t]*(?:\n[ \t]*)?(?:(?:of|OF)[ \t]+)?\Z""",
    re.VERBOSE,
)
_STRAY_WINDOW = 16
_MONTH_OF = {name.lower(): i for i, m in enumerate(MONTH_NAMES) for name in (m, m[:3])}


@dataclass(frozen=True, slots=True)
class MisprintedDay:
    """A misprinted day before a month: ``start`` at the day, ``end`` after the month;
    ``stray`` is the offset of the stray letter (and ``stray_end`` after it and any dot)."""

    start: int
    end: int
    day: int
    month: int  # 1 to 12
    written: str  # "24h"
    stray: int
    stray_end: int


def misprinted_days(text: str) -> list[MisprintedDay]:
    """Every misprinted day before a month name in ``text``, in order."""
    out: list[MisprintedDay] = []
    for month in _MONTH_SCAN_RE.finditer(text):
        m = _STRAY_BEFORE_RE.search(text, max(0, month.start() - _STRAY_WINDOW), month.start())
        if m is None:
            continue
        day = int(m["day"])
        if not 1 <= day <= 31:
            continue
        if m["stray"].lower() == "d" and day in (2, 3, 22, 23):
            continue
        index = _MONTH_OF[month.group(0)[:3].lower()]
        if day > DAYS_IN_MONTH[index]:
            continue
        out.append(
            MisprintedDay(
                start=m.start(),
                end=month.end(),
                day=day,
                month=index + 1,
                written=f"{m['day']}{m['stray']}",
                stray=m.start("stray"),
                stray_end=m.end("dot"),
            )
        )
    return out
