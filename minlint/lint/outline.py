"""A readable outline of the meeting model, for ``minlint parse --format text``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from minlint.lint.model import AgendaPart, MinutesPart, ParsedDocument, Person, Resolution

if TYPE_CHECKING:
    from minlint.lint.facts.alignment import Alignment


def _names(people: list[Person]) -> str:
    return ", ".join(p.name + (f" ({p.role})" if p.role else "") for p in people) or "-"


def _decision(r: Resolution) -> str:
    """ "(2)" for a numbered part of a resolution, else how the decision was written."""
    if r.number:
        return f"({r.number})"
    return r.form if r.form != "resolved" else "resolved"


def outline(parsed: ParsedDocument) -> str:
    """One line per fact, indented by part."""
    doc = parsed.document
    lines = [f"{doc.path} ({doc.format}, {len(parsed.parts)} part(s))"]
    for note in doc.notices:
        lines.append(f"  notice: {note}")
    for part in parsed.parts:
        lines.append(f"{part.kind} lines {part.start_line}-{part.end_line}: {part.title}")
        if isinstance(part, (MinutesPart, AgendaPart)):
            lines.append(f"  body: {part.body or '-'}")
            source = f" (from the {part.date_source})" if part.date_source == "file name" else ""
            lines.append(f"  date: {part.date or '-'}{source}  time: {part.time or '-'}")
            if part.venue:
                lines.append(f"  venue: {part.venue}")
            if part.language != "en":
                lines.append(f"  language: {part.language}")
            if part.uncertain:
                lines.append(f"  uncertain: {', '.join(part.uncertain)}")
            for note in part.notes:
                lines.append(f"  note: {note}")
        if isinstance(part, MinutesPart):
            lines.append(f"  chair: {part.chair.name if part.chair else '-'}")
            lines.append(f"  present: {_names(part.present)}")
            lines.append(f"  apologies: {_names(part.apologies)}")
            lines.append(f"  in attendance: {_names(part.in_attendance)}")
            for m in part.items:
                parts = [_decision(r) for r in m.resolutions]
                res = f"  decisions: {', '.join(parts)}" if parts else ""
                mark = f"{m.shown}." if m.numbered else "-"
                lines.append(f"  {mark} {m.title} (line {m.line}){res}")
            for mv in part.movements:
                lines.append(f"  {mv.name} {mv.action} at minute {mv.minute} (line {mv.line})")
        if isinstance(part, AgendaPart):
            count = f" (stated {part.stated_count})" if part.stated_count is not None else ""
            lines.append(f"  membership{count}: {_names(part.membership)}")
            for i in part.items:
                pages = f" [pages {i.pages}]" if i.pages else ""
                mark = f"{i.shown}." if i.numbered else "-"
                lines.append(f"  {mark} {i.title}{pages} (line {i.line})")
        if isinstance(part, (MinutesPart, AgendaPart)) and part.next_meeting:
            n = part.next_meeting
            lines.append(f"  next meeting: {n.date or '-'} {n.time or ''} (line {n.line})".rstrip())
    return "\n".join(lines) + "\n"


def alignment_outline(alignment: Alignment, agenda_path: str) -> str:
    """The agenda items against the minutes, one line each, in the order of the minutes."""
    how = (
        "numbered alike: matched by number and title"
        if alignment.by_number
        else "numbered apart: matched by title and order"
    )
    lines = [f"alignment with the agenda {agenda_path} ({how})"]
    for note in alignment.notes:
        lines.append(f"  note: {note}")
    for link in alignment.links:
        item = link.item
        minute = link.minute
        left = f"item {item.shown} {link.title} (line {item.line})" if item else "-"
        right = f"{minute.label()} (line {minute.line})" if minute else "-"
        if item is None and minute is not None and minute.numbered:
            right = f"minute {minute.shown} {minute.title} (line {minute.line})"
        status = link.status
        if link.crossed and minute is not None:
            taken = ", ".join(c.minute.shown for c in link.crossed if c.minute)
            status += f" (across minutes {taken})"
        note = f": {link.note}" if link.note else ""
        lines.append(f"  {left} -> {right}  {status}{note}")
    return "\n".join(lines) + "\n"
