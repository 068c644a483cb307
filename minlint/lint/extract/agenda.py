"""The model of an agenda part: date, venue, membership, numbered items, next meeting."""

from __future__ import annotations

import re

from minlint.lint.blocks import TABLE_ROW, Block
from minlint.lint.extract.common import (
    AGENDA_HEADING,
    NEXT_TITLE,
    PAGES,
    body_name,
    first_time,
    next_meeting,
    norm,
    typed_part,
)
from minlint.lint.facts.dates import find_dates
from minlint.lint.facts.people import split_names
from minlint.lint.model import AgendaItem, AgendaPart, Part, Person

_BARE_ITEM = re.compile(r"^(\d{1,3})\.$")
_AGENDA_ITEM = re.compile(r"^(\d{1,4})\.\s+(\S.*)$", re.S)
_TRAILING_PAGE = re.compile(r"\s+(\d{1,3})$")
_VENUE = re.compile(r"^venue\s*(?::-|:|-)\s*(.*)$", re.I | re.S)
_DATE_LABEL = re.compile(r"^date(?:\s+and\s+time)?\s*(?::-|:|-)\s*(.*)$", re.I | re.S)
_TIME_LABEL = re.compile(r"^time\s*(?::-|:|-)\s*(.*)$", re.I | re.S)
_MEMBERSHIP = re.compile(r"^(?:.*\bmembership)\s*(?::-|:|-|–)?\s*(.*)$", re.I | re.S)
_COUNT = re.compile(r"\((\d{1,3})\)\s*\.?\s*$")
_ROLE_LINE = re.compile(
    r"^(chair(?:man|person)?|vice[- ]chair(?:man)?)\s*[–:-]\s*(.+)$", re.I | re.S
)
_COOPTED = re.compile(r"^co-?opted\s+members?\s*(?::-|:|-|–)?\s*(.*)$", re.I | re.S)


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


def extract_agenda(part: Part) -> AgendaPart:
    """An agenda's date, time, venue, membership, numbered items and next meeting."""
    out = typed_part(AgendaPart, part)
    blocks = part.blocks
    out.body = body_name(blocks)
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
    if out.date is None:
        # No "Date:" label: the meeting's date is the one given with its weekday (a
        # summons letter is itself dated), else the first full date.
        found = [(f, b) for b in blocks[:12] for f in find_dates(b.text) if f.date and f.year]
        found.sort(key=lambda fb: fb[0].weekday is None)
        if found:
            f, b = found[0]
            out.date, out.date_line = f.date, b.line
            out.time = out.time or first_time(b.text[f.end : f.end + 40])
    _membership(blocks[:40], out)

    items: list[AgendaItem] = []
    start = 0
    for i, b in enumerate(blocks):
        if len(b.text) < 20 and AGENDA_HEADING.match(norm(b.text)):
            start = i + 1
            break
    for i, b in enumerate(blocks[start:], start):
        if b.kind == TABLE_ROW or not b.text[:1].isdigit():
            continue
        text = norm(b.text)
        bare = _BARE_ITEM.match(text)
        if bare and i + 1 < len(blocks):
            # The number on a line of its own and the title on the next ("2." / "To elect").
            text = f"{bare.group(1)}. {norm(blocks[i + 1].text)}"
        m = _AGENDA_ITEM.match(text)
        if not m:
            continue
        number = int(m.group(1))
        if items and number != items[-1].number + 1:
            continue
        if not items and start == 0 and number not in (1,) and number < 100:
            continue
        title = m.group(2)
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
            AgendaItem(number=number, title=norm(title).rstrip(" -–"), line=b.line, pages=pages)
        )
        if NEXT_TITLE.search(title):
            nxt = next_meeting([b, *blocks[i + 1 : i + 3]], out.date, require_sentence=False)
            if nxt:
                out.next_meeting = nxt
    out.items = items
    return out
