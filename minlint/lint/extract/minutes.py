"""The model of a minutes part: attendance, numbered minutes, the next meeting."""

from __future__ import annotations

import re

from minlint.lint.blocks import HEADING, TABLE_ROW, Block
from minlint.lint.extract.attendance import (
    APOLOGIES,
    PRESENT,
    apologies_list,
    attendance_list,
    movements,
    present_in_items,
    present_list,
)
from minlint.lint.extract.common import (
    CAPS_MINUTE,
    NEXT_TITLE,
    PAGES,
    body_name,
    first_date,
    first_time,
    next_meeting,
    norm,
    typed_part,
)
from minlint.lint.extract.resolutions import resolutions
from minlint.lint.facts.dates import find_dates
from minlint.lint.facts.people import split_names
from minlint.lint.model import Minute, MinutesPart, Part
from minlint.lint.readers.lines import is_caps

_COLON_MINUTE = re.compile(r"^(\d{1,4})\.\s+([^:\n]{3,200}?)\s*:-?\s*(.*)$", re.S)
_BARE_NUMBER = re.compile(r"^(\d{1,4})\.?$")
_ITEM_NOTE = re.compile(r"\s*\((?:agenda\s+)?item\s+\d+[a-z]?\)\s*$", re.I)
_SHORT_MINUTE = re.compile(r"^(\d{1,3})\.\s+([A-Z][^.:]{2,60})$")


def _minute_heading(block: Block, last: int | None) -> tuple[int, str, str] | None:
    """(number, title, rest) when the block opens a numbered minute."""
    if block.kind == TABLE_ROW:
        return None
    text = norm(block.text)
    m = CAPS_MINUTE.match(text)
    if m and is_caps(_ITEM_NOTE.sub("", m.group(2))) and not PAGES.search(text):
        return int(m.group(1)), m.group(2).rstrip(" -–"), ""
    m = _COLON_MINUTE.match(text)
    if m and (last is None or int(m.group(1)) > last) and int(m.group(1)) < 10000:
        title = m.group(2)
        if title[:1].isupper() and len(title.split()) <= 30:
            return int(m.group(1)), title, m.group(3)
    m = CAPS_MINUTE.match(text)
    if m and block.kind == HEADING and (last is None or int(m.group(1)) > last):
        return int(m.group(1)), m.group(2), ""
    m = _SHORT_MINUTE.match(text)
    if m and block.line == block.end_line:
        number = int(m.group(1))
        if (last is None and number == 1) or (last is not None and number == last + 1):
            return number, m.group(2), ""
    return None


def extract_minutes(part: Part) -> MinutesPart:
    """Minutes' date, attendance, numbered minutes with resolutions, the next meeting."""
    out = typed_part(MinutesPart, part)
    blocks = part.blocks
    first_minute = len(blocks)
    last: int | None = None
    heads: list[tuple[int, int, str, str]] = []
    for i, b in enumerate(blocks):
        if not b.text[:1].isdigit():
            continue  # every minute heading starts with its number
        text = norm(b.text)
        bare = _BARE_NUMBER.match(text)
        if bare and i + 1 < len(blocks) and blocks[i + 1].kind == HEADING:
            # A number on its own line and the title on the next ("1." / "Adoption of Minutes").
            heads.append((i, int(bare.group(1)), norm(blocks[i + 1].text), "skip-next"))
            last = int(bare.group(1))
            continue
        if heads and heads[-1][3] == "skip-next" and heads[-1][0] == i - 1:
            continue
        found = _minute_heading(b, last)
        if found:
            heads.append((i, found[0], found[1], found[2]))
            last = found[0]
    if heads:
        first_minute = heads[0][0]
    header = blocks[:first_minute]

    out.body = body_name(header)
    date_blocks = header[:6]
    out.date = first_date(date_blocks)
    for k, b in enumerate(date_blocks):
        if out.date and any(f.date == out.date for f in find_dates(b.text)):
            out.date_line = b.line
            # The time is given with the date, or on the line after it: "(19:15 TO 19:25)".
            out.time = first_time(b.text)
            if out.time is None and k + 1 < len(date_blocks):
                after = date_blocks[k + 1].text
                if len(after) < 60 and not PRESENT.match(after):
                    out.time = first_time(after)
            break

    for n, b in enumerate(header):
        text = norm(b.text)
        if PRESENT.match(text) and not out.present:
            body = PRESENT.sub("", text, count=1)
            if not body and n + 1 < len(header):
                text = norm(header[n + 1].text)
            chair, people = present_list(text, b.line)
            if "in the chair" in b.text.lower() and chair is None and people:
                chair = people[0]
            if re.match(r"^present\s+in\s+the\s+chair", norm(b.text), re.I):
                chair = people[0] if people else None
                # The members follow under "MEMBERS PRESENT:".
                for later in header[n + 1 : n + 6]:
                    lt = norm(later.text)
                    if PRESENT.match(lt):
                        idx = header.index(later)
                        nxt = norm(header[idx + 1].text) if idx + 1 < len(header) else ""
                        members = split_names(PRESENT.sub("", lt) or nxt, later.line)
                        people += members
                        break
            out.chair = chair
            out.present = people
        elif APOLOGIES.match(text) and not out.apologies:
            out.apologies = apologies_list(text, b.line)
        else:
            out.in_attendance += attendance_list(text, b.line)

    items: list[Minute] = []
    for k, (i, number, title, rest) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(blocks)
        start = i + 2 if rest == "skip-next" else i + 1
        body = list(blocks[start:end])
        head_block = blocks[i]
        minute = Minute(
            number=number,
            title=norm(title),
            line=head_block.line,
            end_line=max([b.end_line for b in blocks[i:end]] or [head_block.end_line]),
            blocks=body,
        )
        if rest and rest != "skip-next":
            minute.blocks = [
                Block(
                    kind=head_block.kind,
                    text=rest,
                    line=head_block.line,
                    end_line=head_block.end_line,
                    origins=head_block.origins,
                ),
                *body,
            ]
        minute.resolutions = resolutions(minute.blocks)
        items.append(minute)
        if not out.apologies and title.lower().startswith("apologies"):
            for b in minute.blocks:
                if rest and rest != "skip-next":
                    out.apologies = apologies_list("Apologies: " + rest, head_block.line)
                elif "apolog" in b.text.lower():
                    out.apologies = apologies_list(norm(b.text), b.line)
                if out.apologies:
                    break
    out.items = items
    out.movements = movements(items)
    if not out.present:
        out.present = present_in_items(items[:3])

    for minute in reversed(items):
        if NEXT_TITLE.search(minute.title):
            out.next_meeting = next_meeting(minute.blocks, out.date, require_sentence=False)
            break
    if out.next_meeting is None:
        tail = [b for m in items[-3:] for b in m.blocks] if items else blocks[-6:]
        out.next_meeting = next_meeting(tail, out.date, require_sentence=True)
    return out
