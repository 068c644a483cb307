"""Dates and times as minutes write them.

``find_dates`` reads day-month dates ("18th September, 2018", "Tuesday, 23rd January,
2018", "17TH JULY, 2018", "on the 24th of July 2023", "9 and 22 March"), month-day dates
("January 21, 2015", "June 16th 2014") and numeric dates ("16/06/20", "22.10.2009",
"2014-12-12"). Numeric dates are read day first, as UK and Irish minutes write them;
only a slash date that cannot be day first ("12/23/2014") is read month first.

Month-only mentions ("March 2020", "in January") are not dates here: every ``DateFact``
has a day and a month. Times ("5.30 p.m.", "19:00", "9.30-11.30 a.m.") come from
``find_times`` as 24-hour "HH:MM" strings.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from minlint.lint import regexstore as rx

__all__ = ["DateFact", "TimeFact", "find_dates", "find_times", "parse_date", "parse_time"]


@dataclass(frozen=True, slots=True)
class DateFact:
    """A date written in the text.

    ``year`` is the year as written (two-digit years expanded), or ``default_year`` with
    ``year_inferred`` set when the text gives none, or None when there is neither.
    ``weekday`` is the weekday the text states (0 = Monday), never a computed one.
    ``date`` is set when day, month and year form a real date. ``valid`` is False when
    the day does not exist in the month (31 June, 30 February), or for 29 February when
    a written year is not a leap year; with an inferred year 29 February stays valid
    (the inference may be wrong) but ``date`` is None.
    """

    start: int
    end: int
    text: str
    day: int | None
    month: int | None
    year: int | None
    weekday: int | None
    date: dt.date | None
    valid: bool
    year_inferred: bool


@dataclass(frozen=True, slots=True)
class TimeFact:
    """A time of day written in the text; ``value`` is 24-hour "HH:MM"."""

    start: int
    end: int
    text: str
    value: str


_MONTHS = (
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May", None),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sept", "Sep"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
)
_WEEKDAYS = (
    ("Monday", "Mon"),
    ("Tuesday", "Tues", "Tue"),
    ("Wednesday", "Weds", "Wed"),
    ("Thursday", "Thurs", "Thur", "Thu"),
    ("Friday", "Fri"),
    ("Saturday", "Sat"),
    ("Sunday", "Sun"),
)


def _table(groups: tuple[tuple[str | None, ...], ...], first: int) -> dict[str, int]:
    """Each name as Title and UPPER case, with its index + ``first``.

    Lower case is left out: "may" and "march" are ordinary words, and a pattern that
    may start with a common lower-case letter scans text several times slower.
    """
    out: dict[str, int] = {}
    for index, names in enumerate(groups):
        for name in names:
            if name is not None:
                out[name] = out[name.upper()] = index + first
    return out


# Welsh month names, with the mutated forms minutes use ("ar y 3ydd o Fawrth").
_WELSH_MONTHS = (
    ("Ionawr",),
    ("Chwefror",),
    ("Mawrth", "Fawrth"),
    ("Ebrill",),
    ("Mai", "Fai"),
    ("Mehefin", "Fehefin"),
    ("Gorffennaf", "Orffennaf"),
    ("Awst",),
    ("Medi", "Fedi"),
    ("Hydref",),
    ("Tachwedd", "Dachwedd"),
    ("Rhagfyr", "Ragfyr"),
)
_MONTH_OF = _table(_MONTHS, 1) | _table(_WELSH_MONTHS, 1)
_WEEKDAY_OF = _table(_WEEKDAYS, 0)


def _alternation(names: dict[str, int]) -> str:
    # Longest first so "September" wins over "Sep". The patterns spell out their case
    # variants instead of using IGNORECASE, which makes them several times slower.
    return "(?:" + "|".join(sorted(names, key=lambda n: (-len(n), n))) + ")"


_ABBREVIATIONS = [v for names in _MONTHS for a in names[1:] if a for v in (a, a.upper())]
# A full stop after an abbreviation ("Nov.") belongs to the date; after "July" it ends
# the sentence.
_MONTH_DOT = (
    rf"(?P<month>{_alternation(_MONTH_OF)})(?![A-Za-z])"
    rf"(?:(?:(?<={'|'.join(a for a in _ABBREVIATIONS if len(a) == 3)})"
    rf"|(?<={'|'.join(a for a in _ABBREVIATIONS if len(a) == 4)}))\.)?"
)
_WD = _alternation(_WEEKDAY_OF)
# Spaces (at most one line break), or markdown emphasis left between the words.
_SP = r"(?:[^\S\n]|\*)"
# Spaces, at most one line break among them; written so that a long run of spaces
# is not split between two repeats in every possible way.
_OPT = rf"{_SP}*(?:\n{_SP}*)?"
_GAP = rf"(?=[\s*]){_OPT}"
# "th" as OCR reads it, too; and Welsh ordinals ("8fed", "11eg", "21ain", "3ydd").
_SUF = r"(?:st|nd|rd|th|ST|ND|RD|TH|™|\"|”|ᵗʰ|af|il|ydd|edd|ed|fed|eg|ain|FED|EG|AIN|YDD)"
_THE = rf"(?:the|The|THE){_GAP}"
_WDP = rf"(?:{_WD})\.?,?{_GAP}(?:{_THE})?"
_ELEM = rf"(?:{_WDP})?(?:{_THE})?\d{{1,2}}{_SUF}?(?!\d)"
_LISTSEP = rf"{_OPT}(?:,{_OPT}(?:(?:and|AND|or)\b|&)?|(?:and|AND|or|OR|to)\b|&|/|-|–|—){_OPT}"
# A year in two figures after a month's name ("Tues 7 Oct 25 at 7pm") only where a
# date ends there: "7 October 25 members" is a count.
_YEAR = (
    rf"(?:,?{_OPT}(?:(?P<year>(?:19|20)\d\d)(?![\d/]|-\d)|['’]?(?P<year2>\d\d)(?![.,]?\d)"
    r"(?=[^\S\n]*(?:$|\n|[,.;:)–—(]|-\s|(?:at|from|in|commencing|starting)\b))))?"
)
_WD_AFTER = rf"(?:{_OPT}\((?P<wd2>{_WD})\))?"
_BEFORE = r"(?<![\w£€$/:])(?<!\d[.,])(?<!\d-)"

# Dates are found from their month names (or, for numeric dates, a pattern that starts
# at a digit) so that the engine can skip ahead quickly; what may come before (the day,
# a weekday, earlier days of a list) is read backwards with patterns anchored at the end
# of a short window.
_MONTH_SCAN_RE = rx.compile(rf"{_alternation(_MONTH_OF)}(?![A-Za-z])")
# "14 of October", and the legal "14th day of October"
_OF = rf"(?:{_GAP}(?:(?:day|DAY){_GAP})?(?:of|OF)\b)?"
_DAY_BEFORE_MONTH_RE = rx.compile(rf"\d{{1,2}}{_SUF}?(?!\d){_OF}{_OPT}\Z")
_DAY_WINDOW = 16
_DAY_MONTH_RE = rx.compile(
    rf"""(?P<day>\d{{1,2}}){_SUF}?(?!\d)
    {_OF}{_OPT}
    {_MONTH_DOT}
    {_YEAR}{_WD_AFTER}""",
    re.VERBOSE,
)
_LEAD_RE = rx.compile(rf"{_BEFORE}(?P<lead>(?:{_ELEM}{_LISTSEP})*)(?:{_WDP})?(?:{_THE})?\Z")
_LEAD_WINDOW = 120
_MONTH_DAY_RE = rx.compile(
    rf"""{_MONTH_DOT}{_GAP}(?:{_THE})?
    (?P<day>\d{{1,2}})(?P<suf>st|nd|rd|th)?(?![\d:]|[.,]\d)
    {_YEAR}{_WD_AFTER}""",
    re.VERBOSE,
)
_NUMERIC_RE = rx.compile(
    rf"""(?P<a>\d{{1,4}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<c>\d{{2}}|\d{{4}})
    (?![\w/]|[.:-]\d){_WD_AFTER}""",
    re.VERBOSE,
)
_ELEM_RE = rx.compile(
    rf"(?:(?P<wd>{_WD})\.?,?{_GAP}(?:{_THE})?)?(?:{_THE})?(?P<day>\d{{1,2}}){_SUF}?"
)
_WD_BEFORE_RE = rx.compile(rf"(?P<wd>{_WD})\.?,?{_GAP}(?:{_THE})?\Z")
_WD_WINDOW = 20
_NOT_AFTER_MONTH_DAY = rx.compile(r"[\w£€$/:]")
_NOT_AFTER_NUMERIC = rx.compile(r"[\w/.:-]")
# A list of day numbers right after one of these words is a list of references, not days.
_REFERENCE_WORD_RE = rx.compile(
    r"\b(?:minutes?|items?|nos?\.?|numbers?|sections?|pages?|paras?\.?|paragraphs?"
    r"|appendix|appendices|annex|clauses?|rules?|standing orders?)[\s.:]*$",
    re.IGNORECASE,
)

_MER = r"(?P<mer>[aApP]\.[ \t]?[mM]\b\.?|(?:am|AM|pm|PM|pn|noon|NOON|midday|midnight|hrs|hours)\b)"
_TIME_RE = rx.compile(
    # the look-behind comes after the first digit so that the engine can skip ahead
    rf"""(?P<num>(?P<h>\d(?<![\w£€$.,:/]\d)\d?)(?:(?P<sep>[.:])(?P<m>\d{{2}}))?)(?!\d)(?![.:,]\d)
    (?:[ \t]*(?:\n[ \t]*)?{_MER})?""",
    re.VERBOSE,
)
_RANGE_SEP_RE = rx.compile(r"\s*(?:-|–|—|to|until|till)\s*", re.IGNORECASE)
_CUE_RE = rx.compile(
    r"\b(?:at|from|until|till|between|commencing|starting|starts?|begins?|began|closed"
    r"|opened|ended|finished|resumed|reconvened|adjourned|commenced)[\s*]*$",
    re.IGNORECASE,
)
_NOT_TIME_AFTER_RE = rx.compile(
    r"\s*(?:%|per\b|percent|pence|p\b|m\b|bn\b|k\b|million|billion)", re.IGNORECASE
)


def _expand_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _year_of(m: re.Match[str]) -> int | None:
    if m["year"]:
        return int(m["year"])
    return _expand_year(m["year2"]) if m["year2"] else None


def _fact(
    text: str,
    start: int,
    end: int,
    day: int,
    month: int,
    year: int | None,
    weekday: str | None,
    default_year: int | None,
) -> DateFact | None:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    inferred = False
    if year is None and default_year is not None:
        year, inferred = default_year, True
    valid = day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])
    date = None
    if valid and year is not None:
        try:
            date = dt.date(year, month, day)
        except ValueError:  # 29 February outside a leap year
            valid = inferred
    return DateFact(
        start=start,
        end=end,
        text=text[start:end],
        day=day,
        month=month,
        year=year,
        weekday=_WEEKDAY_OF[weekday] if weekday else None,
        date=date,
        valid=valid,
        year_inferred=inferred,
    )


def _weekday_before(text: str, start: int) -> re.Match[str] | None:
    return _WD_BEFORE_RE.search(text, max(0, start - _WD_WINDOW), start)


def _day_month(text: str, m: re.Match[str], default_year: int | None) -> list[DateFact]:
    lead = _LEAD_RE.search(text, max(0, m.start() - _LEAD_WINDOW), m.start())
    if lead is None:
        return []  # the day is glued to what comes before it ("x9 March", "1.5 March")
    month = _MONTH_OF[m["month"]]
    year = _year_of(m)
    out: list[DateFact] = []
    lead_end = lead.end("lead")
    if lead_end > lead.start() and not _REFERENCE_WORD_RE.search(
        text, max(0, lead.start() - 30), lead.start()
    ):
        elements = list(_ELEM_RE.finditer(text, lead.start(), lead_end))
        # "6th, 13th and 20th March" is a list; in "3, 9 March" the 3 is something else.
        if elements and text[elements[-1].end() : lead_end].strip(" \t\n*") != ",":
            for e in elements:
                start = e.start("wd") if e["wd"] else e.start("day")
                day = int(e["day"])
                fact = _fact(text, start, e.end(), day, month, year, e["wd"], default_year)
                if fact is not None:
                    out.append(fact)
    final = _ELEM_RE.match(text, lead_end)
    wd = final["wd"] if final is not None and final.end("day") == m.end("day") else None
    start = final.start("wd") if wd and final is not None else m.start()
    fact = _fact(text, start, m.end(), int(m["day"]), month, year, wd or m["wd2"], default_year)
    if fact is not None:
        out.append(fact)
    return out


def _month_day(text: str, m: re.Match[str], default_year: int | None) -> list[DateFact]:
    if not m["suf"] and not m["year"] and not m["year2"]:
        return []  # "May 2 members" is not a date; "May 2nd" and "May 2, 2014" are
    if m.start() and _NOT_AFTER_MONTH_DAY.match(text, m.start() - 1):
        return []
    year = _year_of(m)
    wd = _weekday_before(text, m.start())
    fact = _fact(
        text,
        wd.start() if wd else m.start(),
        m.end(),
        int(m["day"]),
        _MONTH_OF[m["month"]],
        year,
        wd["wd"] if wd else m["wd2"],
        default_year,
    )
    return [fact] if fact else []


def _numeric(text: str, m: re.Match[str], default_year: int | None) -> list[DateFact]:
    if m.start() and _NOT_AFTER_NUMERIC.match(text, m.start() - 1):
        return []
    a, b, c, sep = m["a"], m["b"], m["c"], m["sep"]
    if len(a) == 4:
        if len(c) != 2:
            return []
        year, month, day = int(a), int(b), int(c)
    elif len(a) <= 2:
        if len(c) == 2 and sep != "/" and (len(a) != 2 or len(b) != 2):
            return []  # "2.3.21" is a version number, "22.10.09" a date
        day, month, year = int(a), int(b), _expand_year(c)
        if month > 12 and sep == "/" and 1 <= day <= 12:
            day, month = month, day  # only readable month first: "12/23/2014"
    else:
        return []
    if not 1900 <= year <= 2099:
        return []
    wd = _weekday_before(text, m.start())
    fact = _fact(
        text,
        wd.start() if wd else m.start(),
        m.end(),
        day,
        month,
        year,
        wd["wd"] if wd else m["wd2"],
        default_year,
    )
    return [fact] if fact else []


_CACHE_SIZE = 4096


def find_dates(text: str, default_year: int | None = None) -> list[DateFact]:
    """Every date in ``text`` in order; see ``DateFact`` for what each field holds."""
    return list(_find_dates(text, default_year))


# Several rules and the model extractor read the same paragraphs: remember recent answers.
@functools.lru_cache(maxsize=_CACHE_SIZE)
def _find_dates(text: str, default_year: int | None) -> tuple[DateFact, ...]:
    candidates: list[tuple[int, int, list[DateFact]]] = []

    def add(facts: list[DateFact]) -> None:
        if facts:
            candidates.append((facts[0].start, facts[-1].end, facts))

    # Month names are rare in text and quick to find: both word orders start from them.
    for month in _MONTH_SCAN_RE.finditer(text):
        at = month.start()
        day = _DAY_BEFORE_MONTH_RE.search(text, max(0, at - _DAY_WINDOW), at)
        if day is not None:
            m = _DAY_MONTH_RE.match(text, day.start())
            if m is not None and m.start("month") == at:
                add(_day_month(text, m, default_year))
        m = _MONTH_DAY_RE.match(text, at)
        if m is not None:
            add(_month_day(text, m, default_year))
    for m in _NUMERIC_RE.finditer(text):
        add(_numeric(text, m, default_year))
    candidates.sort(key=lambda c: (c[0], -c[1]))
    out: list[DateFact] = []
    last_end = -1
    for start, end, facts in candidates:
        if start >= last_end:
            out.extend(facts)
            last_end = end
    return tuple(out)


def _clock(h: int, minute: int, mer: str | None) -> tuple[int, int] | None:
    """Hour and minute on a 24-hour clock, or None when the reading is impossible."""
    if minute > 59:
        return None
    if mer is None:
        return (h, minute) if h <= 23 else None
    mer = mer.lower()
    if mer[0] == "a" and mer[-1] != "y":
        if h == 12:
            return 0, minute
        return (h, minute) if h <= 11 else None
    if mer[0] == "p":
        if h == 12 or 13 <= h <= 23:
            return h, minute
        return (h + 12, minute) if 1 <= h <= 11 else None
    if mer in ("noon", "midday"):
        return (12, 0) if h == 12 and minute == 0 else None
    if mer == "midnight":
        return (0, 0) if h == 12 and minute == 0 else None
    return (h, minute) if h <= 23 else None  # hrs, hours


def find_times(text: str) -> list[TimeFact]:
    """Every time of day in ``text`` in order.

    A time needs "a.m."/"p.m." (or "noon", "hrs"), a two-digit hour with a colon
    ("19:00"), or a two-digit hour after a word such as "at" ("at 20.47"). A bare
    "at 8.03" is skipped: it does not say morning or evening. In a range
    ("9.30-11.30 a.m.") the first time takes the second's a.m. or p.m.
    """
    return list(_find_times(text))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _find_times(text: str) -> tuple[TimeFact, ...]:
    atoms = list(_TIME_RE.finditer(text))
    out: list[TimeFact] = []
    for i, m in enumerate(atoms):
        h = int(m["h"])
        minute = int(m["m"]) if m["m"] else 0
        mer = m["mer"]
        end = m.end("mer") if mer else m.end("num")
        if mer and mer.lower() in ("pn", "hrs", "hours") and not m["m"]:
            continue  # "24 hours" is a duration; "5 pn" too unsure to read
        if mer and mer.lower() == "hours" and len(m["h"]) != 2:
            continue
        clock = _clock(h, minute, mer) if mer else None
        if mer is None:
            nxt = atoms[i + 1] if i + 1 < len(atoms) else None
            if (
                nxt is not None
                and nxt["mer"]
                and nxt["mer"].lower()[0] in "apnm"
                and _RANGE_SEP_RE.fullmatch(text, m.end("num"), nxt.start())
            ):
                clock = _range_start(h, minute, nxt)
            elif (
                m["m"]
                and len(m["h"]) == 2
                and (m["sep"] == ":" or _CUE_RE.search(text, max(0, m.start() - 16), m.start()))
                and not _NOT_TIME_AFTER_RE.match(text, end)
            ):
                clock = _clock(h, minute, None)
        if clock is None:
            continue
        out.append(
            TimeFact(m.start(), end, text[m.start() : end], f"{clock[0]:02d}:{clock[1]:02d}")
        )
    return tuple(out)


def _range_start(h: int, minute: int, nxt: re.Match[str]) -> tuple[int, int] | None:
    """The first time of a range such as "9.30-11.30 a.m." or "11-1 p.m."."""
    second = _clock(int(nxt["h"]), int(nxt["m"]) if nxt["m"] else 0, nxt["mer"])
    if second is None:
        return None
    mer = nxt["mer"].lower()
    first = _clock(h, minute, "pm" if mer[0] == "p" else "am")
    if first is not None and first <= second:
        return first
    first = _clock(h, minute, "am")
    return first if first is not None and first <= second else None


def parse_date(text: str, default_year: int | None = None) -> dt.date | None:
    """The first complete, valid date in ``text``."""
    for fact in find_dates(text, default_year):
        if fact.date is not None:
            return fact.date
    return None


def parse_time(text: str) -> str | None:
    """The first time of day in ``text`` as "HH:MM"."""
    times = find_times(text)
    return times[0].value if times else None
