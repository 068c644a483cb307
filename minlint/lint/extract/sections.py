"""The headings of minutes and agendas written without numbers.

Many parish and town councils head each minute with its title alone ("APOLOGIES FOR
ABSENCE", "## Planning", a line in bold). When no numbered heading is found, the
minutes are read by these headings: those after the meeting's title and attendance, at
the level most of them share, leaving out the attendance's own labels and the
resolution labels a clerk may set on a line of their own. Each minute is then known by
its title and its place; the rules that compare numbers leave such minutes alone.

An agenda without numbers lists its items under its title ("AGENDA") or its summons:
as headings, as a bulleted list, or as short lines one under the other.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from minlint.lint import regexstore as rx
from minlint.lint.blocks import HEADING, LIST_ITEM, PARAGRAPH, Block
from minlint.lint.extract.attendance import is_attendance_label
from minlint.lint.extract.common import norm, source_lines
from minlint.lint.extract.headings import SENTENCE_END, Heading

# A title is a few words, not a sentence.
_MAX_WORDS = 15
# An item on a line of its own, among others: shorter than a line of running text.
_MAX_LINE_WORDS = 10
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
        return _bold_titles(blocks, first, titles)
    level = min(levels, key=lambda v: (-levels[v], v))
    kept = [i for i in found if blocks[i].level == level]
    if len(kept) < 2:
        return _bold_titles(blocks, first, titles)
    return [
        Heading(index=i, number=k, title=norm(blocks[i].text).rstrip(":-–— "), style=UNNUMBERED)
        for k, i in enumerate(kept, 1)
    ]


def _bold_titles(blocks: list[Block], first: int, titles: set[str]) -> list[Heading]:
    """Minutes whose titles are set in bold at the start of their first paragraph
    ("**Apologies for absence** Apologies were received ...")."""
    out: list[Heading] = []
    for i in range(first + 1, len(blocks)):
        b = blocks[i]
        if b.kind != PARAGRAPH or not b.lead:
            continue
        title = norm(b.text[: b.lead]).rstrip(":-–—. ")
        if not _title_like(title) or title.casefold() in titles:
            continue
        rest_at = b.lead + len(b.text[b.lead :]) - len(b.text[b.lead :].lstrip(" :-–—"))
        out.append(
            Heading(index=i, number=len(out) + 1, title=title, style=UNNUMBERED, rest_at=rest_at)
        )
    return out if len(out) >= 3 else []  # two bold labels are no minutes


@dataclass(frozen=True, slots=True)
class Titled:
    """An unnumbered agenda item: its title, the block it is in and the line it is on."""

    title: str
    index: int
    line: int


_MIN_ITEMS = 3
# "A. Dunmore, Clerk to the Council" under the items: who signs the agenda.
_SIGNED = rx.compile(
    r",\s*(?:(?:town|parish|deputy|assistant)\s+)?(?:clerk|proper\s+officer|chief\s+executive"
    r"|secretary)\b",
    re.I,
)


def _item_line(text: str) -> bool:
    return _title_like(text) and len(text.split()) <= _MAX_LINE_WORDS and not _SIGNED.search(text)


def unnumbered_items(blocks: list[Block]) -> list[Titled]:
    """The items of an agenda without numbers, from ``blocks`` (what follows the
    agenda's title or summons): its headings, else its list items, else the longest run
    of short title lines; fewer than three are none."""
    headings = [
        Titled(norm(b.text).rstrip(":-–— "), i, b.line)
        for i, b in enumerate(blocks)
        if b.kind == HEADING and _title_like(norm(b.text))
    ]
    if len(headings) >= _MIN_ITEMS:
        return headings
    listed = [
        Titled(norm(b.text).rstrip(":-–— "), i, b.line)
        for i, b in enumerate(blocks)
        if b.kind == LIST_ITEM and b.level == 0 and _title_like(norm(b.text))
    ]
    if len(listed) >= _MIN_ITEMS:
        return listed
    best: list[Titled] = []
    run: list[Titled] = []
    for i, b in enumerate(blocks):
        lines = source_lines(b) if b.kind == PARAGRAPH else []
        titles = [norm(t) for t in lines]
        if titles and all(_item_line(t) for t in titles):
            if len(titles) > 1 or (run and run[-1].index != i - 1):
                # items one a line are a block of their own, or blocks of one line each
                if len(run) > len(best):
                    best = run
                run = []
            starts = [o for o, _, _ in b.origins] or [0]
            run += [
                Titled(t.rstrip(":-–— "), i, b.locate(at)[0])
                for t, at in zip(titles, starts, strict=False)
            ]
            continue
        if len(run) > len(best):
            best = run
        run = []
    if len(run) > len(best):
        best = run
    return best if len(best) >= _MIN_ITEMS else []
