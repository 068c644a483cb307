"""The headings of minutes written without numbers.

Many parish and town councils head each minute with its title alone ("APOLOGIES FOR
ABSENCE", "## Planning", a line in bold). When no numbered heading is found, the
minutes are read by these headings: those after the meeting's title and attendance, at
the level most of them share, leaving out the attendance's own labels and the
resolution labels a clerk may set on a line of their own. Each minute is then known by
its title and its place; the rules that compare numbers leave such minutes alone.
"""

from __future__ import annotations

import re
from collections import Counter

from minlint.lint import regexstore as rx
from minlint.lint.blocks import HEADING, Block
from minlint.lint.extract.attendance import is_attendance_label
from minlint.lint.extract.common import norm
from minlint.lint.extract.headings import SENTENCE_END, Heading

# A title is a few words, not a sentence.
_MAX_WORDS = 15
_NOT_A_TITLE = rx.compile(
    r"^(?:resolved|resolutions?|agreed|decisions?|actions?|noted|recommended"
    r"|recommendations?|proposed|seconded|carried|minutes?\s+of\s+(?:the\s+)?meeting)\b"
    r"(?!\s+(?:of|for|on)\b)",
    re.I,
)
UNNUMBERED = "unnumbered"


def _title_like(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= _MAX_WORDS
        and not SENTENCE_END.search(text)
        and not _NOT_A_TITLE.match(text)
        and not is_attendance_label(text)
    )


def unnumbered_headings(blocks: list[Block]) -> list[Heading]:
    """The minutes' headings when they carry no numbers; fewer than two are none."""
    first = next((i for i, b in enumerate(blocks) if b.kind != HEADING and b.text.strip()), None)
    if first is None:
        return []
    # The meeting's title, and a running head repeating it, are no minute.
    titles = {norm(b.text).casefold() for b in blocks[:first]}
    found = [
        i
        for i in range(first + 1, len(blocks))
        if blocks[i].kind == HEADING
        and _title_like(norm(blocks[i].text))
        and norm(blocks[i].text).casefold() not in titles
    ]
    levels = Counter(blocks[i].level for i in found)
    if not levels:
        return []
    level = min(levels, key=lambda v: (-levels[v], v))
    kept = [i for i in found if blocks[i].level == level]
    if len(kept) < 2:
        return []
    return [
        Heading(index=i, number=k, title=norm(blocks[i].text).rstrip(":-–— "), style=UNNUMBERED)
        for k, i in enumerate(kept, 1)
    ]
