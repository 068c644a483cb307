"""The model of a minutes part: attendance, numbered minutes, the next meeting."""

from __future__ import annotations

import re

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
    NEXT_TITLE,
    body_name,
    first_date,
    first_time,
    next_meeting,
    norm,
    tail_block,
    typed_part,
)
from minlint.lint.extract.headings import find_headings
from minlint.lint.extract.resolutions import resolutions
from minlint.lint.facts.dates import find_dates
from minlint.lint.facts.people import split_names
from minlint.lint.model import Minute, MinutesPart, Part


def extract_minutes(part: Part) -> MinutesPart:
    """Minutes' date, attendance, numbered minutes with resolutions, the next meeting."""
    out = typed_part(MinutesPart, part)
    blocks = part.blocks
    first_minute = len(blocks)
    found, certain = find_headings(blocks)
    if not certain:
        out.uncertain.append("numbering")
    if found:
        first_minute = found[0].index
    header = blocks[:first_minute]

    out.body = body_name(header)
    date_blocks = header[:6]
    out.date = first_date(date_blocks)
    if out.date is not None:
        out.date_source = "text"
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
    for k, h in enumerate(found):
        end = found[k + 1].index if k + 1 < len(found) else len(blocks)
        head_block = blocks[h.index]
        body = list(blocks[h.body_start : end])
        if h.rest_at >= 0:
            body.insert(0, tail_block(head_block, h.rest_at))
        minute = Minute(
            number=h.number,
            title=norm(h.title),
            line=head_block.line,
            end_line=max([b.end_line for b in blocks[h.index : end]] or [head_block.end_line]),
            blocks=body,
        )
        minute.resolutions = resolutions(minute.blocks)
        items.append(minute)
        if not out.apologies and APOLOGIES.match(h.title):
            for b in minute.blocks:
                if "apolog" in b.text.lower() or b is body[0]:
                    text = norm(b.text)
                    out.apologies = apologies_list(
                        text if APOLOGIES.match(text) else "Apologies: " + text, b.line
                    )
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
