"""The model of an agenda part: date, venue, membership, numbered items, next meeting."""

from __future__ import annotations

import re

from minlint.lint import regexstore as rx
from minlint.lint.blocks import Block
from minlint.lint.extract.common import (
    AGENDA_HEADING,
    NEXT_TITLE,
    PAGES,
    body_name,
    first_time,
    next_meeting,
    norm,
    note_language,
    typed_part,
)
from minlint.lint.extract.headings import find_headings
from minlint.lint.extract.sections import unnumbered_items
from minlint.lint.facts.dates import find_dates
from minlint.lint.facts.people import split_names
from minlint.lint.model import AgendaItem, AgendaPart, Part, Person

_BARE_ITEM = rx.compile(r"^(\d{1,3})\.$")
_AGENDA_ITEM = rx.compile(r"^(\d{1,4})\.\s+(\S.*)$", re.S)
# Searched for in a whole title: spaces taken from the start of their run only, or a
# long run of them would be tried from each of its places.
_TRAILING_PAGE = rx.compile(r"(?<!\s)\s+(\d{1,3})$")
_VENUE = rx.compile(r"^venue\s*(?::-|:|-)\s*(.*)$", re.I | re.S)
_DATE_LABEL = rx.compile(r"^date(?:\s+and\s+time)?\s*(?::-|:|-)\s*(.*)$", re.I | re.S)
_TIME_LABEL = rx.compile(r"^time\s*(?::-|:|-)\s*(.*)$", re.I | re.S)
_MEMBERSHIP = rx.compile(r"^(?:.*\bmembership)\s*(?::-|:|-|–)?\s*(.*)$", re.I | re.S)
_COUNT = rx.compile(r"\((\d{1,3})\)\s*\.?\s*$")
_ROLE_LINE = rx.compile(
    r"^(chair(?:man|person)?|vice[- ]chair(?:man)?)\s*[–:-]\s*(.+)$", re.I | re.S
)
_COOPTED = rx.compile(r"^co-?opted\s+members?\s*(?::-|:|-|–)?\s*(.*)$", re.I | re.S)


def _membership(blocks: list[Block], agenda: AgendaPart) -> None:
    """The membership: chair, vice-chair, members, co-opted members, a stated count."""
    members: list[Person] = []
    in_list = False
    for b in blocks:
        text = norm(b.text)
        m = _ROLE_LINE.match(text)
        if m:
            role = "chair" if m.group(1).lower().startswith("chair") else "vice-chair"
            for p in split_names(m.group(2), b.line):
                p.role = role
                members.append(p)
            in_list = True
            continue
        m = _COOPTED.match(text)
        if m:
            for p in split_names(m.group(1), b.line):
                p.role = "co-opted"
                members.append(p)
            in_list = False
            continue
        m = _MEMBERSHIP.match(text) if "membership" in text.lower()[:60] else None
        if m and not _AGENDA_ITEM.match(text):
            in_list = True
            text = m.group(1)
            if not text:
                continue
        elif not in_list:
            continue
        elif not re.match(r"^(Councillors?|Cllrs?|Other\s+Members|[A-Z][a-z]+\s[A-Z])", text):
            in_list = False
            continue
        if re.match(r"^(Councillors|Other\s+Members)\s*:?$", text, re.I):
            continue
        count = _COUNT.search(text)
        if count:
            agenda.stated_count = int(count.group(1))
            text = text[: count.start()]
        if "," not in text and len(b.origins) > 1:
            # One name a line ("Angela Caldara" / "Corinna Edge"): split at the line ends.
            cuts = [o for o, _, _ in b.origins[1:]] if b.text == text else []
            if cuts:
                text = ", ".join(
                    b.text[x:y].strip() for x, y in zip([0, *cuts], [*cuts, None], strict=False)
                )
        for p in split_names(text, b.line):
            if p.role not in ("chair", "vice-chair"):
                p.role = "member" if p.role is None or "chair" not in p.role.lower() else p.role
            members.append(p)
    agenda.membership = members


_NOTICE = rx.compile(
    r"\b(?:meeting|session)\s+of\s+(?:the\s+)?(?P<body>.{3,90}?)\s+(?:to\s+be|will\s+be|shall\s+be)"
    r"\s+held\b",
    re.I | re.S,
)
_SUMMONS = rx.compile(
    r"\b(?:requested|summoned|invited|required)\s+to\s+attend\b|\bnotice\s+is\s+(?:hereby\s+)?given\b",
    re.I,
)
_HELD_ON = rx.compile(r"\b(?:to\s+be|will\s+be|shall\s+be|is\s+to\s+be)\s+held\b", re.I)


def _notice(blocks: list[Block]) -> tuple[str | None, Block | None, int]:
    """The body and the block of a summons ("... a Meeting of the X to be held on ..."),
    and where in the block the meeting's date may start."""
    for b in blocks[:60]:
        if "held" not in b.text or not _SUMMONS.search(b.text):
            continue
        m = _NOTICE.search(b.text)
        held = _HELD_ON.search(b.text)
        if held:
            body = norm(m.group("body")) if m else None
            return body, b, held.end()
    return None, None, 0


def extract_agenda(part: Part) -> AgendaPart:
    """An agenda's date, time, venue, membership, numbered items and next meeting."""
    out = typed_part(AgendaPart, part)
    blocks = part.blocks
    note_language(out)
    out.body = body_name(blocks)
    notice_body, notice, at = _notice(blocks)
    if notice_body:
        out.body = notice_body  # the summons names the body; a letterhead may not
    for b in blocks[:30]:
        text = norm(b.text)
        m = _DATE_LABEL.match(text)
        if m and out.date is None:
            dates = [f for f in find_dates(m.group(1)) if f.date]
            if dates:
                out.date, out.date_line = dates[0].date, b.line
                out.time = out.time or first_time(m.group(1)[dates[0].end :])
            continue
        m = _TIME_LABEL.match(text)
        if m and out.time is None:
            out.time = first_time(m.group(1))
            continue
        m = _VENUE.match(text)
        if m and out.venue is None:
            out.venue = m.group(1).strip() or None
    if out.date is None and notice is not None:
        # "You are requested to attend a Meeting ... to be held on Monday, 18th January":
        # the summons names the meeting's date; the letter's own date is another.
        dated = [f for f in find_dates(notice.text[at:]) if f.date and f.year]
        if dated:
            f = dated[0]
            out.date, out.date_line = f.date, notice.locate(at + f.start)[0]
            out.time = out.time or first_time(notice.text[at + f.end : at + f.end + 40])
    if out.date is None and notice is not None:
        out.notes.append("the date in the summons could not be read")
    elif out.date is None:
        # No "Date:" label: the meeting's date is the one given with its weekday (a
        # summons letter is itself dated), else the first full date.
        found = [(f, b) for b in blocks[:12] for f in find_dates(b.text) if f.date and f.year]
        found.sort(key=lambda fb: fb[0].weekday is None)
        if found:
            f, b = found[0]
            out.date, out.date_line = f.date, b.line
            out.time = out.time or first_time(b.text[f.end : f.end + 40])
    if out.date is not None:
        out.date_source = "text"
    _membership(blocks[:40], out)

    start = 0
    for i, b in enumerate(blocks):
        if len(b.text) < 20 and AGENDA_HEADING.match(norm(b.text)):
            start = i + 1
            break
    found, certain = find_headings(blocks[start:], minutes=False)
    first = _items_start(blocks, start, notice, out.date_line)
    if not found and first is not None:
        out.items = [
            AgendaItem(number=k, title=t.title, line=t.line, numbered=False)
            for k, t in enumerate(unnumbered_items(blocks[first:]), 1)
        ]
        if out.items:
            out.notes.append("the agenda is not numbered: each item is known by its title")
            _next_from_items(out, blocks[first:])
        return out
    if not certain:
        out.uncertain.append("items")
    items: list[AgendaItem] = []
    for h in found:
        b = blocks[start + h.index]
        title = h.title
        pages = None
        pm = PAGES.search(title)
        if pm:
            pages = pm.group(1) + (f"-{pm.group(2)}" if pm.group(2) else "")
            title = title[: pm.start()] + title[pm.end() :]
        else:
            tp = _TRAILING_PAGE.search(title)
            if tp and not find_dates(title):
                pages = tp.group(1)
                title = title[: tp.start()]
        items.append(
            AgendaItem(
                number=h.number,
                title=norm(title).rstrip(" -–:"),
                line=b.line,
                pages=pages,
                written=h.label,
            )
        )
        if NEXT_TITLE.search(title):
            after = blocks[start + h.body_start : start + h.body_start + 2]
            nxt = next_meeting([b, *after], out.date, require_sentence=False, later=True)
            if nxt:
                out.next_meeting = nxt
    out.items = items
    return out


def _items_start(
    blocks: list[Block], after_title: int, notice: Block | None, date_line: int | None
) -> int | None:
    """Where an agenda's items may start when they have no numbers: after its title
    ("AGENDA"), else after its summons, else after the line that gives the meeting's
    date; None when the agenda has none of them."""
    if after_title:
        return after_title
    if notice is not None:
        return blocks.index(notice) + 1
    dated = [i for i, b in enumerate(blocks) if date_line is not None and b.line == date_line]
    return dated[0] + 1 if dated else None


def _next_from_items(out: AgendaPart, blocks: list[Block]) -> None:
    """The next meeting, from the item about it and the lines after it."""
    for k, item in enumerate(out.items):
        if not NEXT_TITLE.search(item.title):
            continue
        after = [b for b in blocks if b.line >= item.line][:3]
        # an item's line within a block of items: only its own text and what follows
        nxt = next_meeting(after, out.date, require_sentence=False, later=True)
        later = out.items[k + 1].line if k + 1 < len(out.items) else None
        if nxt and (later is None or nxt.line < later):
            out.next_meeting = nxt
        return
