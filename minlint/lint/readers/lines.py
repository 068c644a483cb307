"""Grouping source lines into blocks, shared by the text and markdown readers.

A reader turns each source line into a :class:`Line` (cleaned text and a hint of what
it is); :func:`build_blocks` groups consecutive lines into blocks and joins a sentence
that a PDF broke across lines, blank lines or pages back into one paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from minlint.lint import regexstore as rx
from minlint.lint.blocks import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW, Block

BLANK = "blank"


@dataclass(slots=True)
class Line:
    """One source line as the block builder sees it: its cleaned text, where it is,
    and what the reader knows of its shape."""

    no: int  # 1-based source line
    text: str  # cleaned text; "" for a blank line
    column: int = 1  # 1-based column of text[0] in the source line
    page: int | None = None
    hint: str | None = None  # HEADING, LIST_ITEM, TABLE_ROW, PARAGRAPH, or None: decide by shape
    level: int = 0
    cells: tuple[str, ...] = ()
    starts_block: bool = False  # a new block starts here even without a blank line
    page_break: bool = False  # a page starts at this line
    joins: bool = False  # goes on with the line before, even after a heading line
    # (offset in text, source column) where the text's characters stop matching the
    # source's one for one: after a tab read as two spaces, a zero-width space dropped
    shifts: tuple[tuple[int, int], ...] = ()
    lead: int = 0  # see Block.lead

    def column_at(self, offset: int) -> int:
        """The source column of character ``offset`` of the text."""
        column = self.column + offset
        for at, col in self.shifts:
            if at > offset:
                break
            column = col + offset - at
        return column

    def drop(self, count: int) -> None:
        """Take the first ``count`` characters off the text (a bullet, a list mark)."""
        self.column = self.column_at(count)
        self.shifts = tuple((at - count, col) for at, col in self.shifts if at > count)
        self.text = self.text[count:]


# A line that ends on a little word or a joining mark goes on in the next line: a title
# or a sentence wrapped, not a line complete in itself.
FUNCTION_END = rx.compile(
    r"\b(?:a|an|the|of|to|and|or|in|into|on|at|by|for|from|with|within|under|over|as|that"
    r"|which|be|is|was|were|are)$|[,(&/–-]$",
    re.I,
)
_TERMINAL = rx.compile(r"[.:;?!)\]]['\"’”]?$|:-$|-$")
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "and",
        "or",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "that",
        "which",
        "who",
        "whose",
        "be",
        "is",
        "was",
        "were",
        "are",
        "has",
        "had",
        "have",
        "their",
        "its",
        "his",
        "her",
        "our",
        "this",
        "these",
        "those",
        "into",
        "onto",
        "than",
        "between",
    ]
)
_ROLE_NOTE = rx.compile(r"^\((?:[Vv]ice[- ])?[Cc]hair(?:man|person)?\)")
# "a) Circulated ...", "iv. The ...": an item of a lettered list, not a sentence going on.
_LETTER_MARK = rx.compile(r"^(?:[a-z]|[ivx]{1,4})[.)](?:\s|$)")
_BRACKETS = rx.compile(r"\([^()]*\)")
_CAPS_LETTERS = rx.compile(r"[A-Za-z]")
# A paragraph all in bold is a title when it is a few words and no sentence, as a bold
# line is in markdown (the Word and HTML readers).
BOLD_TITLE = rx.compile(r"^(?=\S)(?:\S+\s+){0,11}\S+(?<![.;,])$")


def is_caps(text: str) -> bool:
    """True when the letters of ``text`` are nearly all capitals (a title line).

    A note in brackets does not count: "2 MINUTES OF THE MEETING (Agenda item 3)".
    """
    if sum(map(str.islower, text[:30])) > 8 and "(" not in text[:30]:
        return False  # most lines are ordinary text: say so without counting it all
    if "(" in text:
        bare = _BRACKETS.sub("", text)
        if sum(map(str.isalpha, bare)) >= 4:
            text = bare
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    if upper + lower < 2:
        return False
    return upper / (upper + lower) >= 0.85


_ADDRESS_END = rx.compile(r"(?:https?://|www\.)\S*[\w/.-]$")
_ADDRESS_GOES_ON = rx.compile(r"^[a-z0-9][\w./#?=&%-]*(?:$|[\s.,;)])")


def separator(before: str, after: str) -> str:
    """What goes between two lines of one paragraph: a space, or nothing for a word
    broken by a hyphen at the line end ("9.30-" / "11.30") or a web address broken where
    the line ran out ("…/core/po" / "rtal/home")."""
    if before.endswith("-") and len(before) > 1 and before[-2].isalnum() and after[:1].isalnum():
        return ""
    if _ADDRESS_END.search(before[-200:]) and _ADDRESS_GOES_ON.match(after):
        return ""
    return " "


Places = tuple[tuple[int, int, int], ...]


def _join(parts: list[Line]) -> tuple[str, Places, Places]:
    """Join line texts into one string; return it with its (offset, line, column) origins
    (where each line starts) and shifts (see :attr:`Line.shifts`)."""
    # Pieces in a list, and the last few hundred characters for :func:`separator`: a
    # block of tens of thousands of lines joined by "+=" took time of the square of its
    # length.
    pieces: list[str] = []
    tail = ""
    length = 0
    origins: list[tuple[int, int, int]] = []
    shifts: list[tuple[int, int, int]] = []
    for ln in parts:
        piece = ln.text
        if length:
            sep = separator(tail, piece)
            pieces.append(sep)
            length += len(sep)
            tail += sep
        origins.append((length, ln.no, ln.column))
        # A shift past the line's last character (a tab in trailing space) would claim
        # the next line's first characters for this one.
        shifts.extend((length + at, ln.no, col) for at, col in ln.shifts if at < len(piece))
        pieces.append(piece)
        length += len(piece)
        tail = (tail + piece)[-256:]
    return "".join(pieces), tuple(origins), tuple(shifts)


def _make_block(parts: list[Line]) -> Block:
    first = parts[0]
    text, origins, shifts = _join(parts)
    kind = first.hint
    if kind is None:
        kind = HEADING if len(text) < 250 and is_caps(text) else PARAGRAPH
    return Block(
        kind=kind,
        text=text,
        line=first.no,
        end_line=parts[-1].no,
        level=first.level,
        cells=first.cells,
        page=first.page,
        origins=origins,
        shifts=shifts,
        lead=first.lead if kind != HEADING else 0,
    )


_DIGITS = rx.compile(r"\d+")
_NUMBERED_TITLE = rx.compile(r"^\W{0,3}\d{1,4}\W{0,3}[A-Z]")


def page_edges(pages: list[list[int]], texts: list[str], depth: int = 4) -> set[int]:
    """Line indexes of running headers/footers: the same text (numbers aside) among the
    first or last ``depth`` lines of many pages.

    With a smaller ``depth``, a text that also appears away from the page edges is
    content that happens to repeat ("And Resolved:"), not furniture.
    """
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    where: dict[str, list[int]] = {}
    inner: set[str] = set()
    if depth < 4:
        # A page too short to have a middle cannot tell furniture from content.
        pages = [p for p in pages if sum(1 for i in p if texts[i]) > 3 * depth]
        if len(pages) < 3:
            return set()
    for idxs in pages:
        body = [i for i in idxs if texts[i]]
        edge = body[:depth] + body[-depth:]
        if depth < 4:
            # A numbered title at the top of several pages is a minute, not a header.
            edge = [i for i in edge if not _NUMBERED_TITLE.match(texts[i])]
        keys = {_DIGITS.sub("#", texts[i]) for i in edge}
        for i in edge:
            where.setdefault(_DIGITS.sub("#", texts[i]), []).append(i)
        if depth < 4:
            inner.update(_DIGITS.sub("#", texts[i]) for i in body[depth:-depth])
        seen.update(keys)
    limit = max(3, len(pages) // 2)
    return {
        i
        for key, n in seen.items()
        if n >= limit and len(key) < 200 and key not in inner
        for i in where[key]
    }


_DATE_LINE = rx.compile(r"^\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9},?\s+\d{4}$")


def _continues(prev: Block, nxt: Block, caps_titles: bool = False) -> bool:
    """A sentence broken across a blank line or a page: the next block goes on from here."""
    if prev.kind not in (PARAGRAPH, LIST_ITEM, HEADING) or nxt.kind not in (PARAGRAPH, HEADING):
        return False
    kinds = (prev.kind, nxt.kind)
    if caps_titles:
        kinds = tuple(
            HEADING if b.kind == PARAGRAPH and len(b.text) < 250 and is_caps(b.text) else b.kind
            for b in (prev, nxt)
        )
    if HEADING in kinds and not prev.text.endswith(":"):
        return False
    if prev.text.endswith(":") and _DATE_LINE.match(nxt.text):
        return True  # "UPDATED:" / "17 JUNE 2020"
    return runs_on(prev.text, nxt.text)


def runs_on(prev: str, nxt: str) -> bool:
    """True when the sentence of ``prev`` evidently goes on in ``nxt``: ``prev`` does not
    end a sentence, and ends with a comma or a word such as "the", or ``nxt`` starts in
    lower case."""
    if _TERMINAL.search(prev.rstrip()):
        return False
    if (nxt[:1].islower() and not _LETTER_MARK.match(nxt)) or _ROLE_NOTE.match(nxt):
        return True
    if prev.endswith(","):
        return True
    last = prev.rsplit(None, 1)[-1].lower() if prev.strip() else ""
    return last in _FUNCTION_WORDS


def _merge(prev: Block, nxt: Block) -> Block:
    offset = len(prev.text) + 1
    # A block without origins (a Word paragraph) starts at its first line.
    first = prev.origins or ((0, prev.line, 1),)
    rest = nxt.origins or ((0, nxt.line, 1),)
    origins = first + tuple((o + offset, ln, col) for o, ln, col in rest)
    shifts = prev.shifts + tuple((o + offset, ln, col) for o, ln, col in nxt.shifts)
    return Block(
        kind=prev.kind,
        text=prev.text + " " + nxt.text,
        line=prev.line,
        end_line=nxt.end_line,
        level=prev.level,
        cells=prev.cells,
        page=prev.page,
        origins=origins,
        shifts=shifts,
        lead=prev.lead,
    )


def build_blocks(lines: list[Line]) -> list[Block]:
    """Group lines into blocks (see the module docstring)."""
    blocks: list[Block] = []
    current: list[Line] = []
    all_caps = False  # every line of the current block is in capitals
    last_caps = False  # its last line is

    def flush() -> None:
        if current:
            blocks.append(_make_block(current))
            current.clear()

    for ln in lines:
        if not ln.text:
            flush()
            continue
        if ln.hint == TABLE_ROW:
            flush()
            blocks.append(_make_block([ln]))
            continue
        if current and current[-1].hint == HEADING and not ln.joins:
            flush()  # a heading line is a block of its own unless the next goes on with it
        caps = is_caps(ln.text)
        if (
            current
            and not ln.joins
            and (
                ln.starts_block
                or ln.page_break
                or ln.hint in (HEADING, LIST_ITEM)
                # ordinary text after title lines in capitals
                or (current[0].hint is None and all_caps and any(map(str.islower, ln.text)))
                # a title in capitals after ordinary text, as PDFs without blank lines have it
                or (
                    caps
                    and not last_caps
                    and len(ln.text) < 120
                    and len(_CAPS_LETTERS.findall(ln.text)) >= 6
                )
            )
        ):
            flush()
        if any(map(str.isalpha, ln.text)):  # a line of figures leaves the block as it was
            all_caps = (all_caps or not current) and caps
            last_caps = caps
        elif not current:
            all_caps = last_caps = False
        current.append(ln)
    flush()

    return join_continued(blocks)


def join_continued(blocks: list[Block], *, caps_titles: bool = False) -> list[Block]:
    """Blocks with a sentence broken across a blank line or a page joined into one.

    With ``caps_titles`` a paragraph in capitals counts as a title, as the text reader
    reads it (a reader whose paragraphs come without a kind of their own).
    """
    out: list[Block] = []
    for block in blocks:
        if out and _continues(out[-1], block, caps_titles):
            out[-1] = _merge(out[-1], block)
        else:
            out.append(block)
    return out


# A Roman numeral in capitals, I to XLIX: minutes and agendas numbered "IV. PLANNING".
ROMAN = r"(?=[IVXL])(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def in_sequence(numbers: list[int]) -> bool:
    """Whether numbers mostly follow one another (101, 102, 104): minutes' numbers do;
    references that open the rows of a table (planning applications 25/0412, 25/0433)
    have the shape of minute numbers, not the sequence."""
    steps = sum(1 for a, b in pairwise(numbers) if b == a + 1)
    return 2 * steps >= len(numbers) - 1


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral written in capitals ("XIV" is 14)."""
    total = 0
    for k, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[numeral[k + 1]] if k + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def roman_numeral(n: int) -> str:
    """``n`` as a Roman numeral in capitals (1 to 3999; other values in figures)."""
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)
