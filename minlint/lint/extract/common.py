"""What minutes and agendas share: names, dates, the body, the next meeting."""

from __future__ import annotations

import datetime as dt
import re
from typing import TypeVar

from minlint.lint import regexstore as rx
from minlint.lint.blocks import HEADING, Block
from minlint.lint.facts.dates import find_dates, find_times
from minlint.lint.model import AgendaPart, MeetingPart, MinutesPart, NextMeeting, Part

_P = TypeVar("_P", MinutesPart, AgendaPart)
_WS = rx.compile(r"\s+")
PAGES = rx.compile(r"\(\s*Pages?\s+(\d+)\s*(?:[-–]\s*(\d+))?\s*\)", re.I)
NEXT_TITLE = rx.compile(r"\b(date|time)\b.*\bnext\s+meeting\b|\bnext\s+meeting\b", re.I)
_NEXT_SENTENCE = rx.compile(r"next\s+meeting\b|further\s+meeting\s+be\s+held", re.I)
_BODY_NOISE = rx.compile(r"^(minutes\s+of\s+(the\s+)?|agenda\s+(for\s+)?)", re.I)
_MEETING_OF = rx.compile(
    r"\bmeeting\s+of\s+(?:the\s+)?(.{3,80}?)(?:\s+(?:in|at|held|on)\b|[,.]|$)", re.I
)
_SENTENCE_END = rx.compile(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])")
_CLOSING = rx.compile(r"\b(?:closed|ended|finished|concluded|terminated)\b", re.I)
AGENDA_HEADING = rx.compile(r"^a\s?g\s?e\s?n\s?d\s?a$", re.I)
CAPS_MINUTE = rx.compile(r"^(\d{1,4})\.?\s+(\S.*)$", re.S)


def norm(text: str) -> str:
    """Collapse white space."""
    return _WS.sub(" ", text).strip()


def first_date(blocks: list[Block], default_year: int | None = None) -> dt.date | None:
    """The first complete date written in the blocks."""
    for b in blocks:
        for f in find_dates(b.text, default_year):
            if f.date is not None and f.year is not None:
                return f.date
    return None


def first_time(text: str) -> str | None:
    """The first time of day in the text, as "HH:MM"."""
    times = find_times(text)
    return times[0].value if times else None


# "Minutes of the Planning Committee held on ...", not "Minutes of a meeting held ...".
_MINUTES_OF = rx.compile(
    r"^minutes\s+of\s+(?!an?\s)(?:the\s+)?(.{3,80}?)\s+(?:held|meeting)\b", re.I
)
_COUNCIL_NAME = rx.compile(r"\bcouncil$", re.I)
_COMMITTEE_WORD = rx.compile(
    r"\b(?:committee|sub-committee|panel|board|commission|cabinet|forum|working\s+group)\b", re.I
)
# "... CITY COUNCIL REGULAR MEETING MINUTES": what the document is, after whose it is.
_BODY_TAIL = rx.compile(
    r"(?<=\w)\s+(?:(?:regular|special|ordinary|extraordinary|annual|adjourned)\s+)?"
    r"(?:meeting\s+)?(?:minutes|agenda)$",
    re.I,
)
# "BRAMLEY TOWN COUNCIL MINUTES OF THE PLANNING COMMITTEE": the committee after the council.
_INNER_TITLE = rx.compile(r"(?<=\S)\s+(?:minutes|agenda)\s+(?:of|for)\s+(?:the\s+)?(\S.*)$", re.I)
# What joins a body's name to the date after it: "Licensing Committee, Tuesday 3 June".
_DATE_LEAD = rx.compile(
    r"(?:[\s,;:–—-]|\b(?:held|on|of|dated|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)+$",
    re.I,
)


def body_name(blocks: list[Block]) -> str | None:
    """The body's name: the title in capitals, or "meeting of the X" in a sentence; under
    a council's name, the committee named after it ("ORCHARD VALE TOWN COUNCIL" /
    "Minutes of the Finance and General Purposes Committee held on ..."), so that the
    records of the council's other committees are not taken for its own."""
    names = [n for b in blocks[:4] if (n := _named_in_block(b))]
    if not names:
        return None
    first = names[0]
    if _COUNCIL_NAME.search(first):
        committee = next((n for n in names[1:] if _COMMITTEE_WORD.search(n)), None)
        if committee is not None:
            return committee
    return first


def _named_in_block(b: Block) -> str | None:
    """The body a block names, if it names one: "meeting of the X", "Minutes of the X
    held ...", or a title in a heading, without what says what the document is."""
    text = norm(b.text)
    m = _MEETING_OF.search(text) or _MINUTES_OF.match(text.strip("*_ "))
    if m and not m.group(1).lower().startswith("above"):
        return m.group(1).strip()
    if b.kind == HEADING and not AGENDA_HEADING.match(text) and not CAPS_MINUTE.match(text):
        if (find_dates(text) and len(text) > 60) or len(re.findall(r"[A-Za-z]{3,}", text)) < 2:
            return None
        inner = _INNER_TITLE.search(text)
        if inner and _COMMITTEE_WORD.search(inner.group(1)):
            text = inner.group(1)  # "BRAMLEY TOWN COUNCIL MINUTES OF THE PLANNING COMMITTEE"
        name = _BODY_TAIL.sub("", _BODY_NOISE.sub("", text).strip())
        return _before_date(name) or None
    return None


def _before_date(name: str) -> str:
    """A title without the date (and what follows it) when the words before the date
    name the body: "Licensing Committee, Tuesday 3 June 2025 10.00 am"; nothing when
    the title is only a date."""
    dates = find_dates(name)
    if not dates:
        return name
    if dates[0].start == 0:
        return name if re.search(r"[A-Za-z]{3,}", name[dates[0].end :]) else ""
    head = _DATE_LEAD.sub("", name[: dates[0].start])
    words = len(re.findall(r"[A-Za-z]{3,}", head))
    if words == 0:
        return ""  # the title is a date and nothing else
    return head if words >= 2 else name


def source_lines(block: Block) -> list[str]:
    """A block's text cut back into the source lines it was joined from."""
    cuts = [o for o, _, _ in block.origins]
    if len(cuts) < 2:
        return [block.text]
    return [block.text[x:y].strip() for x, y in zip(cuts, [*cuts[1:], None], strict=False)]


def next_meeting(
    blocks: list[Block], meeting: dt.date | None, require_sentence: bool, later: bool = False
) -> NextMeeting | None:
    """The first date in the blocks (with ``require_sentence``, only in a sentence about the
    next meeting; with ``later``, only after the meeting), moved to the next year when an
    inferred year would put it in the past."""
    year = meeting.year if meeting else None
    for b in blocks:
        text = b.text
        if require_sentence and not _NEXT_SENTENCE.search(text):
            continue
        for f in find_dates(text, year):
            if f.date is None:
                continue
            when = f.date
            if f.year_inferred and meeting and when < meeting:
                try:
                    when = when.replace(year=when.year + 1)
                except ValueError:
                    continue
            if later and meeting and when < meeting:
                continue  # the date the clerk signed the agenda, under its last item
            tail = _SENTENCE_END.split(text[f.end : f.end + 80], maxsplit=1)[0]
            if _CLOSING.search(tail):
                tail = ""  # "the meeting closed at 9.40pm": today's closing time
            line = b.locate(f.start)[0]
            return NextMeeting(date=when, time=first_time(tail), line=line, text=norm(text))
    return None


def head_of(block: Block, end: int) -> Block:
    """The block up to character ``end`` of its text."""
    text = block.text[:end].rstrip()
    return Block(
        kind=block.kind,
        text=text,
        line=block.line,
        end_line=block.locate(max(0, len(text) - 1))[0],
        level=block.level,
        page=block.page,
        origins=tuple(o for o in block.origins if o[0] < len(text)) or block.origins[:1],
        shifts=tuple(o for o in block.shifts if o[0] < len(text)),
    )


def tail_block(block: Block, start: int, end: int | None = None) -> Block:
    """The block from character ``start`` of its text on (up to ``end``), with its source
    positions."""
    line, column = block.locate(start)
    stop = len(block.text) if end is None else min(end, len(block.text))
    origins = tuple((o - start, ln, col) for o, ln, col in block.origins if start < o < stop)
    return Block(
        kind=block.kind,
        text=block.text[start:stop],
        line=line,
        end_line=block.end_line if end is None else block.locate(max(start, stop - 1))[0],
        level=block.level,
        page=block.page,
        origins=((0, line, column), *origins),
        shifts=tuple((o - start, ln, col) for o, ln, col in block.shifts if start < o < stop),
    )


def note_language(part: MeetingPart) -> None:
    """Set the part's language; a part not in English says what is left unread."""
    from minlint.lint.facts.language import NAMES, language_of

    part.language = language_of(b.text for b in part.blocks)
    if part.language != "en":
        part.uncertain += ["attendance", "decisions"]
        part.notes.append(
            f"written in {NAMES[part.language]}: numbers, dates and names are read; "
            "attendance and decisions are not"
        )


def typed_part(cls: type[_P], part: Part) -> _P:
    """The part as an agenda or minutes part, with the same place and blocks."""
    return cls(
        kind=part.kind,
        start_line=part.start_line,
        end_line=part.end_line,
        title=part.title,
        blocks=part.blocks,
    )
