"""Parts read from scanned pages: what OCR leaves unsure.

Text read by OCR loses and garbles numbers ("i: Minutes" for "1. Minutes", an item
number on a line of its own far from its title). Where a good share of a part comes
from scanned pages, the numbering of its minutes or items is marked uncertain, so that
the rules that rest on it stay silent, and the part says why.
"""

from __future__ import annotations

from minlint.lint.model import AgendaPart, MeetingPart, MinutesPart, ParsedDocument

_SHARE = 0.25


def note_scanned(parsed: ParsedDocument) -> None:
    """Mark the numbering of parts largely read by OCR as uncertain."""
    ranges = parsed.document.scanned
    if not ranges:
        return
    for part in parsed.parts:
        if not isinstance(part, MeetingPart) or not part.blocks:
            continue
        inside = sum(1 for b in part.blocks if any(a <= b.line <= z for a, z in ranges))
        if inside < _SHARE * len(part.blocks):
            continue
        field = "items" if isinstance(part, AgendaPart) else "numbering"
        if isinstance(part, (AgendaPart, MinutesPart)) and field not in part.uncertain:
            part.uncertain.append(field)
        pages = len(ranges)
        part.notes.append(
            f"{pages} page{'s' if pages != 1 else ''} read by OCR: the numbering may be incomplete"
        )
