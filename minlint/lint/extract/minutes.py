"""The model of a minutes part: attendance, numbered minutes, the next meeting."""

from __future__ import annotations

from minlint.lint.extract.attendance import (
    PRESENT,
    apologies_in_items,
    header_attendance,
    movements,
    present_in_items,
)
from minlint.lint.extract.common import (
    NEXT_TITLE,
    body_name,
    first_date,
    first_time,
    head_of,
    next_meeting,
    norm,
    note_language,
    tail_block,
    typed_part,
)
from minlint.lint.extract.headings import find_headings
from minlint.lint.extract.resolutions import resolutions
from minlint.lint.extract.sections import unnumbered_headings
from minlint.lint.facts.dates import find_dates
from minlint.lint.facts.people import same_person
from minlint.lint.model import Minute, MinutesPart, NextMeeting, Part, Person


def extract_minutes(part: Part) -> MinutesPart:
    """Minutes' date, attendance, numbered minutes with resolutions, the next meeting."""
    out = typed_part(MinutesPart, part)
    blocks = part.blocks
    first_minute = len(blocks)
    found, certain = find_headings(blocks)
    numbered = True
    if not found:
        found = unnumbered_headings(blocks)
        numbered = not found
    if not certain or not numbered:
        out.uncertain.append("numbering")
    if not numbered:
        out.notes.append("the minutes are not numbered: each heading is read as a minute")
    note_language(out)
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

    out.chair, out.present, out.apologies, out.in_attendance = header_attendance(header)

    items: list[Minute] = []
    for k, h in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        end = nxt.index if nxt is not None else len(blocks)
        head_block = blocks[h.index] if not h.at else tail_block(blocks[h.index], h.at)
        body = list(blocks[h.body_start : end])
        if h.rest_at >= 0:
            # up to the next minute when it starts later in the same block
            until = nxt.at if nxt is not None and nxt.index == h.index and nxt.at else None
            body.insert(0, tail_block(blocks[h.index], h.rest_at, until))
        if nxt is not None and nxt.at and nxt.index >= h.body_start:
            body.append(head_of(blocks[nxt.index], nxt.at))
        minute = Minute(
            number=h.number,
            title=norm(h.title),
            line=head_block.line,
            end_line=max([b.end_line for b in blocks[h.index : end]] or [head_block.end_line]),
            blocks=body,
            numbered=numbered,
            written=h.label,
        )
        minute.resolutions = resolutions(minute.blocks)
        items.append(minute)
    out.items = items
    out.movements = movements(items)
    if not out.present:
        out.present = present_in_items(items[:3])
        if out.chair is None:
            out.chair = next((p for p in out.present if p.role == "chair"), None)
    if not out.apologies:
        out.apologies = apologies_in_items(items)
    if out.chair is None:
        # "Cllr. K. Davies took the Chair and welcomed everyone": the chair of the meeting.
        took = [mv for mv in out.movements[:1] if mv.action == "took_chair"]
        if took and items and took[0].minute == items[0].number:
            first = took[0]
            named = [p for p in out.present if same_person(first.name, p.name)]
            if len(named) == 1:
                out.chair = named[0]
            elif not named:
                out.chair = Person(first.name, title="Councillor", role="chair", line=first.line)

    out.next_meeting = minutes_next_meeting(out)
    return out


def minutes_next_meeting(part: MinutesPart) -> NextMeeting | None:
    """The next meeting: from the minute about it, else a sentence near the end."""
    for minute in reversed(part.items):
        if NEXT_TITLE.search(minute.title):
            found = next_meeting(minute.blocks, part.date, require_sentence=False)
            if found is not None:
                return found
            break
    items = part.items
    tail = [b for m in items[-3:] for b in m.blocks] if items else part.blocks[-6:]
    return next_meeting(tail, part.date, require_sentence=True)
