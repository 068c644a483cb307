"""Splitting a document into parts: an agenda pack into its agenda, attached minutes,
officer reports, work programme, monitoring schedule and sub-group updates.

A part starts at a recognisable opening (an agenda's "Date and Time :-", minutes'
"Present:-", a report's "TO:"/"Public Report", a work programme's title) and runs to
the next opening. A file with no recognisable opening is one part, its kind guessed
from its content and name.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from minlint.lint import regexstore as rx
from minlint.lint.blocks import HEADING, TABLE_ROW, Block, Document
from minlint.lint.model import (
    AGENDA,
    MINUTES,
    MONITORING_SCHEDULE,
    OTHER,
    REPORT,
    WORK_PROGRAMME,
    Part,
)

_PRESENT = rx.compile(r"^(?:members\s+)?present\b(?:\s+in\s+the\s+chair)?\s*[:;.\-–]", re.I)
# "PRESENT" as a label of its own above the names (Welsh "PRESENNOL").
_PRESENT_LABEL = rx.compile(r"^(?:members\s+|councillors\s+)?(?:present|presennol)\s*:?$", re.I)
_AGENDA_MARK = rx.compile(r"^(date\s+and\s+time\s*:|date\s*:|time\s*:|membership\s*:)", re.I)
_AGENDA_TITLE = rx.compile(r"^(a\s?g\s?e\s?n\s?d\s?a|c\s?l\s?[áa]\s?r)$", re.I)
_REPORT_MARK = rx.compile(
    r"^(to\s*:\s*\S|public\s+report\b|committee\s+name\s+and\s+date\s+of\s+committee\s+meeting$"
    r"|briefing\s+title\b|report\s+title$)",
    re.I,
)
_WORK_PROGRAMME = rx.compile(r"^work\s+programme\b(?!\s*\()", re.I)
_MONITORING = rx.compile(
    r"recommendations\s*(?:[–-]\s*)?(?:implementation\s+)?monitoring\s+schedule"
    r"|^monitoring\s+schedule\b",
    re.I,
)
_WP_TITLE = rx.compile(r"^work\s+programme\s*[–-]\s*\S", re.I)
_SUBGROUP = rx.compile(r"^sub\s+and\s+project\s+group\s+work\b", re.I)
_MINUTE_NUMBER = rx.compile(r"^\d{1,4}\.?\s")
_DATE_ONLY = rx.compile(
    r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)?,?\s*\d{1,2}(st|nd|rd|th)?\s+"
    r"[A-Za-z]+,?\s+\d{4}$",
    re.I,
)
_MINUTES_TITLE = rx.compile(
    r"^minutes\s+of\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}(?:proceedings|meeting)\b", re.I
)


STRONG_AGENDA = "agenda!"
_COVER_DATE = rx.compile(r"^date\s*:", re.I)


def _opening(block: Block, following: str = "") -> str | None:
    """The kind of part that this block opens, if any (``following``: the next block's text)."""
    text = block.text.strip()
    if block.kind == TABLE_ROW:
        return None
    if _PRESENT.match(text) or (_PRESENT_LABEL.match(text) and following[:1].isupper()):
        return MINUTES
    if _AGENDA_TITLE.match(text):
        return STRONG_AGENDA
    if _AGENDA_MARK.match(text):
        return AGENDA
    if _REPORT_MARK.match(text):
        if text.lower().startswith("to") and not _COVER_DATE.match(following):
            return None
        return REPORT
    titled = block.kind == HEADING or "updated" in text.lower()
    if (
        _MONITORING.search(text)
        and not _MINUTE_NUMBER.match(text)
        and len(text) < 200
        and (titled or "recommendations" in text.lower())
    ):
        return MONITORING_SCHEDULE
    if (
        _WORK_PROGRAMME.match(text)
        and not _MINUTE_NUMBER.match(text)
        and len(text) < 200
        and (titled or _WP_TITLE.match(text))
    ):
        return WORK_PROGRAMME
    if _SUBGROUP.match(text):
        return OTHER
    return None


def _is_title(block: Block) -> bool:
    """A block that heads a part: a title in capitals, a date line, 'Minutes of ...'."""
    text = block.text.strip()
    if _MINUTE_NUMBER.match(text):
        return False
    return (
        (block.kind == HEADING and len(text.split()) > 1)
        or bool(_DATE_ONLY.match(text))
        or bool(_MINUTES_TITLE.match(text))
    )


# Words in a file's or folder's name that say what it holds (Welsh "cofnodion" are
# minutes, "rhaglen" an agenda).
_NAMES = ((AGENDA, ("agenda", "rhaglen")), (MINUTES, ("minute", "cofnod")))
# Minutes report what happened: "reported", "was agreed", "were received"; Welsh
# minutes in the impersonal past ("cynigiwyd", "penderfynwyd"). An agenda lists what is to
# come and has next to none.
_PAST = rx.compile(
    r"\b(?:reported|agreed|resolved|noted|received|discussed|thanked|confirmed|approved"
    r"|informed|explained|stated|asked|advised|proposed|seconded|welcomed|declared|requested"
    r"|attended|presented|considered|queried|replied|responded|suggested|commented|outlined"
    r"|raised|highlighted)\b|\b\w{3,}wyd\b",
    re.I,
)
# A numbered line that is a title: "2784.\tFinancial Report", "3. Planning applications".
_NUMBERED_TITLE = rx.compile(r"^\d{1,4}\.?\s*[A-Z][^.!?]{0,80}$")
_SAMPLE_BLOCKS = 300
_ITEM_LINE = rx.compile(r"^\d{1,4}[.)]?\s*[A-Za-z]")


def _named_kind(path: str) -> str | None:
    """The kind the file's name says, else the kind its folder's name says
    ("minutes/20191028.txt", "agendas/2024-05-14.md"). Only the folder the file is in:
    the folders above it are the clerk's ("minutes-project/reports/...")."""
    parts = PurePath(path).parts
    names = [p.lower() for p in reversed(parts[-2:])]
    for name in names:
        said = {kind for kind, words in _NAMES if any(w in name for w in words)}
        if len(said) == 1:
            return said.pop()
        if said and name == names[0]:
            return AGENDA  # "agenda-and-minutes.pdf": a pack opens with its agenda
    return None


def _guess_kind(doc: Document) -> str:
    named = _named_kind(doc.path)
    if named:
        return named
    # The title, not an item: "2783. Approval of minutes of previous meeting" is on agendas.
    head = " ".join(b.text for b in doc.blocks[:6] if not _ITEM_LINE.match(b.text)).lower()
    if "minutes" in head or "cofnodion" in head:
        return MINUTES
    if "agenda" in head:
        return AGENDA
    resolved = sum(1 for b in doc.blocks if b.text.lower().startswith(("resolved", "agreed")))
    if resolved:
        return MINUTES
    sample = doc.blocks[:_SAMPLE_BLOCKS]
    text = " ".join(b.text for b in sample)
    past = len(_PAST.findall(text))
    if past >= 8 and past * 1000 >= 5 * len(text.split()):
        return MINUTES
    titles = sum(1 for b in sample if _NUMBERED_TITLE.match(b.text.strip()))
    if titles >= 3 and past <= 2 and titles * 2 >= len(sample) * 0.5:
        return AGENDA
    return OTHER


def _title(kind: str, blocks: list[Block]) -> str:
    for b in blocks[:6]:
        t = b.text.strip()
        if kind in (WORK_PROGRAMME, MONITORING_SCHEDULE, OTHER) and len(t) < 200:
            return t
        if (b.kind == HEADING or kind != REPORT) and len(t) < 200:
            return t
    return blocks[0].text.strip()[:120] if blocks else ""


def split_parts(doc: Document) -> list[Part]:
    """Split a read document into parts (the whole document when nothing opens a part)."""
    blocks = doc.blocks
    if not blocks:
        return [Part(kind=_guess_kind(doc), start_line=1, end_line=max(1, len(doc.lines)))]
    starts: list[tuple[int, str]] = []
    for i, block in enumerate(blocks):
        following = blocks[i + 1].text.strip() if i + 1 < len(blocks) else ""
        kind = _opening(block, following)
        if kind is None:
            continue
        current = starts[-1][1] if starts else None
        has_agenda = any(k == AGENDA for _, k in starts)
        if kind == STRONG_AGENDA:
            if has_agenda or current == MINUTES:
                continue
            kind = AGENDA
        if kind == current and kind != MINUTES:
            continue
        elif kind == AGENDA and current is not None and (current != OTHER or has_agenda):
            continue  # "Date:" inside minutes or a report; a pack has one agenda
        if kind == MINUTES and current == MINUTES and i - starts[-1][0] < 8:
            continue  # "Members present" after "Present in the chair"
        begin = i
        floor = starts[-1][0] + 1 if starts else 0
        while begin > floor and i - begin < 4 and _is_title(blocks[begin - 1]):
            begin -= 1
        starts.append((begin, kind))
    if not starts:
        kind = _guess_kind(doc)
        return [
            Part(
                kind=kind,
                start_line=blocks[0].line,
                end_line=blocks[-1].end_line,
                title=_title(kind, blocks),
                blocks=list(blocks),
            )
        ]
    # What comes before the first opening belongs to the first part.
    starts[0] = (0, starts[0][1])
    parts: list[Part] = []
    for n, (begin, kind) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        chunk = list(blocks[begin:end])
        if not chunk:
            continue
        parts.append(
            Part(
                kind=kind,
                start_line=chunk[0].line,
                end_line=max(b.end_line for b in chunk),
                title=_title(kind, chunk),
                blocks=chunk,
            )
        )
    return parts
