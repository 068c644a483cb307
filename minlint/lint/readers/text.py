"""Plain-text reader, including text extracted from PDF agenda packs.

PDF text is cleaned as a reader would read it: running page headers and footers
("Page 1 Agenda Item 2", "IMPROVING LIVES SELECT COMMISSION - 18/09/18", "4   BODY -"),
a URL repeated by every page, stray bullet glyphs and non-breaking spaces are
recognised; a form feed starts a new page; sentences broken across lines and pages are
joined into one paragraph that keeps the line numbers it came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from minlint.lint import regexstore as rx
from minlint.lint.blocks import HEADING, LIST_ITEM, Directive, Document
from minlint.lint.readers.lines import (
    FUNCTION_END,
    ROMAN,
    Line,
    build_blocks,
    is_caps,
    page_edges,
    roman_value,
)

# Zero-width characters are dropped: a zero-width space, a word joiner, a soft hyphen
# (shown only where a line breaks), and a stray byte-order mark (a file saved twice with
# one, or files joined). Typographic ligatures, as PDF text holds them ("ﬁnance"), are
# their letters.
SPACES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\xa0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\t": "  ",
        "\u200b": "",
        "\u2060": "",
        "\u00ad": "",
        "\ufeff": "",
    }
)


# What UTF-8 text becomes when it is read as Windows-1252 (or Latin-1) and saved again:
# the first byte of a letter's sequence followed by one of its continuation bytes, as
# in "â€™" for "’" and "Â£" for "£".
_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp1252", "ignore")
_MOJIBAKE = rx.compile(f"[\xc2-\xf4][\x80-\x9f{re.escape(_CONTINUATION)}]")


def compose(text: str) -> str:
    """Text with each accented letter one character (Unicode NFC), as most editors write
    it: a name typed on a Mac or taken from a PDF as a letter and a combining accent is
    the same name. Byte-order marks inside the text (files joined, each with its own)
    are dropped before the text's format is judged by its first characters. UTF-8 that
    was read in a Windows code page and saved again ("Councillor SeÃ¡n", "the Chairâ€™s
    report") is read back as it was written."""
    if not text.isascii() and _MOJIBAKE.search(text):
        from ftfy import fix_encoding

        text = fix_encoding(text)
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


BULLET_GLYPHS = "\uf0b7\uf0a7\uf0d8\uf076•▪◦●○■□➢►‣⁃·"
_BULLET = rx.compile(rf"^([{BULLET_GLYPHS}]|[-*](?=\s))\s*")
_DIRECTIVE = rx.compile(r"<!--\s*(minlint:(?:(?!<!--).)*?)\s*-->")  # see markdown.py
_URL_LINE = rx.compile(r"^<?(https?://|www\.)\S+>?$", re.I)

# Running headers and footers of council PDF packs.
_FOOTERS = [
    rx.compile(r"^Page\s+\d+(\s+Agenda\s+Item\s+\d+[A-Za-z]?)?$", re.I),
    rx.compile(r"^Agenda\s+Item\s+\d+[A-Za-z]?(\s+Page\s+\d+)?$", re.I),
    rx.compile(r"^\d{1,3}\s{2,}[A-Z][A-Z0-9 ,'’&()/-]{6,}\s-$"),
    rx.compile(r"^[A-Z][A-Z0-9 ,'’&()/-]{6,}\s-\s\d{1,2}/\d{1,2}/\d{2,4}$"),
    rx.compile(r"^-\s*\d{1,3}\s*-$"),
    rx.compile(r"^\d{1,3}$"),
]
# A line that begins a block even without a blank line before it.
_MINUTE_HEAD = rx.compile(
    r"^\d{1,4}\.?\s{2,}\S|^\d{1,4}\.\t|^\d{1,4}\.(?=[A-Z])|^\d{3,4}(?=[A-Z][a-z])"
    r"|^(?:(?:Agenda|AGENDA)\s+)?(?:[Ii]tem|ITEM|Minute|MINUTE)\s+(?:No\.?\s*)?\d"
    r"|^\d{1,3}\.0\s+[A-Z]|^\d{1,4}/\d{1,4}\s+[A-Z][a-z]"
    r"|^\d{1,4}\s+[-–—]\s+[A-Z]|^[A-Z]{1,4}(?:\s*[/.]\s*|\s+)\d{1,4}/\d{1,4}\s+[A-Z]"
)
_RESOLVED = rx.compile(r"^(And\s+)?Resolved\b", re.I)
_LABEL = rx.compile(
    r"^(?:[A-Z][A-Za-z/&'’ -]{1,40}\s*:-|(?:Date(?: and Time)?|Time|Venue|Membership"
    r"|(?:(?:Councillors|Cllrs|Members|Officers|Those|Staff|Directors|Trustees)\s+)?Present"
    r"|Apologies(?: for absence)?|(?:Also\s+|Officers\s+)?In attendance|Also present"
    r"|Attendees|Attendance"
    r"|Absent|Sederunt|Co-opted members?|Officers|Staff|Members of the public"
    r"|(?:(?:Parish|Town|Deputy|Assistant|Locum)\s+)?Clerk(?:\s+to\s+the\s+Council)?|RFO"
    r"|Minute[- ]taker)\s*[:–-])",
    re.I,
)
_HTML_LINE = rx.compile(r"^<(h[1-6]|p|div)\b[^>]*>(.*?)</\1>$", re.I)
# "Apologies for absence were received from ...": the apologies, after a list of those
# present that ran on to the line before without a full stop; and a decision in one word
# under a title in capitals ("7 WORK PROGRAMME" / "NOTED").
_OPENS_PARAGRAPH = rx.compile(r"^Apolog(?:ies|y)\b|^(?:NOTED|AGREED|APPROVED|RECEIVED)\.?$")
_NUMBERED = rx.compile(r"^(\(\d{1,2}\)|\d{1,2}\)|\(?(?:[a-z]|[ivx]{2,4})\)|\([A-Z]\)|\d{1,3}\.)\s")
_SENTENCE_END = rx.compile(r"[.:;?!]['\"’”)]?$|:-$")


_BREAK_TAG = rx.compile(r"<br\s*/?>", re.I)
_ENTITY = rx.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.I)


def _physical_lines(raw_lines: list[str]) -> list[tuple[int, int, str]]:
    """(line number, column, text) of each line a reader sees.

    Some council sites save minutes as text with HTML line breaks: the whole document on
    one line, ``<br />`` between its lines and entities such as ``&pound;``. Each piece
    between breaks is read as a line of its own that keeps its column in the file.
    """
    out: list[tuple[int, int, str]] = []
    for no, raw in enumerate(raw_lines, start=1):
        if "<" not in raw or not _BREAK_TAG.search(raw):
            out.append((no, 0, raw))
            continue
        at = 0
        for m in _BREAK_TAG.finditer(raw):
            out.append((no, at, raw[at : m.start()]))
            at = m.end()
        out.append((no, at, raw[at:]))
    return out


def is_page_furniture(line: str) -> bool:
    """True for a running header or footer line of council PDF packs ("Page 3")."""
    return any(p.match(line) for p in _FOOTERS)


# A line that carries on the one before: it starts with a word in lower case ("of the
# report"), not with a capital, a figure or a list mark such as "a)".
_GOES_ON = rx.compile(r"[a-z]+(?![).\w])")


# "3.", "(b)", "12  " before a word; "4 Finance", a number and one space, only before a
# word with a capital (a count is followed by its noun: "4 members were present").
_LIST_MARK = rx.compile(
    r"^\(?(?:(?P<n>\d{1,4})|(?P<a>[a-z]))(?:[.)]\s+|\s{2,}|(?<=\d) (?=[A-Z][a-z]))\S"
)


# "IV. Planning applications": a Roman numeral in capitals before a word with a capital.
_ROMAN_MARK = rx.compile(r"^(" + ROMAN + r")[.)]\s+[A-Z]")


@dataclass(frozen=True, slots=True)
class _Roman:
    value: int


def _list_mark(text: str) -> int | str | _Roman | None:
    """The number or letter a line opens with ("3.", "(b)", "12 ", "IV."), if any."""
    m = _LIST_MARK.match(text)
    if m is None:
        r = _ROMAN_MARK.match(text)
        return _Roman(roman_value(r.group(1))) if r else None
    if m.group("n"):
        return int(m.group("n"))
    return m.group("a") if text[1:2] in ".)" or text[:1] == "(" else None


def _next_mark(mark: int | str | _Roman | None) -> int | str | _Roman | None:
    if mark is None:
        return None
    if isinstance(mark, _Roman):
        return _Roman(mark.value + 1)
    return mark + 1 if isinstance(mark, int) else chr(ord(mark) + 1)


def _title_alone(text: str, width: int, wrap: int) -> bool:
    """A numbered minute title alone on its line, well short of the width the text
    wraps at ("23/32 Declarations of interest"): the line after it starts the minute's
    text even without a blank line between, as clerks often write."""
    if not (_MINUTE_HEAD.match(text) or _NUMBERED.match(text) or _ROMAN_MARK.match(text)):
        return False
    if _SENTENCE_END.search(text) or width > min(60, 0.6 * max(wrap, 80)):
        return False
    return not FUNCTION_END.search(text)


# A title in words alone: a capital, a few words, no sentence; "Public forum" above "A
# resident asked ...". Numbered titles are found by their numbers (see _title_alone).
_PLAIN_TITLE = rx.compile(r"^[A-Z][\w'’&/()-]*(?:[ \t]+[\w'’&/()-]+){0,7}$")


def _plain_title(texts: list[str], raw_lines: list[str], i: int, wrap: int) -> bool:
    """Whether line ``i``, the first of its paragraph, is a title in words alone: short,
    well short of the width the text wraps at, with a sentence under it starting on the
    next line, wider than the title."""
    t = texts[i]
    if i + 1 >= len(texts) or not _PLAIN_TITLE.match(t) or _LABEL.match(t) or is_caps(t):
        return False  # a title in capitals is a title already
    if _MINUTE_HEAD.match(t):
        return False  # "FC/25/003 Minutes": numbered, found by its number as its fellows are
    nxt = texts[i + 1]
    if not nxt or not (nxt[0].isupper() or nxt[0] in "\"“‘'(£$€") or _GOES_ON.match(nxt):
        return False
    width = len(raw_lines[i].rstrip())
    return width <= min(60, 0.6 * max(wrap, 80)) and len(raw_lines[i + 1].rstrip()) >= 1.3 * width


def _moves(raw: str) -> tuple[tuple[int, int], ...]:
    """(offset after, offset before) the translation by SPACES, wherever a character was
    not replaced by exactly one."""
    out = []
    after = 0
    for before, ch in enumerate(raw, 1):
        put = SPACES.get(ord(ch))
        after += 1 if put is None or isinstance(put, int) else len(put)
        if put is not None and not isinstance(put, int) and len(put) != 1:
            out.append((after, before))
    return tuple(out)


def _source(moved: tuple[tuple[int, int], ...], offset: int) -> int:
    """The offset in the line as written of ``offset`` in the translated line."""
    source = offset
    for after, before in moved:
        if after > offset:
            break
        source = before + offset - after
    return source


def read_plain(
    text: str, path: str, *, running_heads: bool = True, titles: Collection[int] = ()
) -> Document:
    """Read plain text (or PDF text with pages separated by form feeds) into blocks.

    With ``running_heads`` False, lines repeated at the top and foot of many pages are
    kept: the caller has taken the running headers and footers out itself (the PDF
    reader does, from the layout of the pages). ``titles`` are (1-based) lines known to
    be headings, as the layout of a PDF page shows them (in bold or a larger font).
    """
    file_lines = text.split("\n")
    physical = _physical_lines(file_lines)
    raw_lines: list[str] = []
    numbers: list[int] = []
    texts: list[str] = []
    columns: list[int] = []  # where the text starts in the file, for locations
    shifts_of: list[tuple[tuple[int, int], ...]] = []  # see Line.shifts
    indents: list[int] = []  # where it starts in its line, for the layout
    page_of: list[int | None] = []
    breaks: set[int] = set()
    has_pages = "\f" in text
    page = 1
    pages: list[list[int]] = [[]]
    directives: list[Directive] = []
    for i, (no, offset, raw) in enumerate(physical):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
            breaks.add(i)
            pages.append([])
        for m in _DIRECTIVE.finditer(raw):
            directives.append(Directive(line=no, text=m.group(1)))
        if directives and directives[-1].line == no:
            raw = _DIRECTIVE.sub("", raw)
        if "&" in raw and _ENTITY.search(raw):
            import html

            raw = html.unescape(raw)
        moved: tuple[tuple[int, int], ...] = ()
        if "\t" in raw or not raw.isascii():
            translated = raw.translate(SPACES)
            if len(translated) != len(raw):
                moved = _moves(raw)
            raw = translated
        clean = raw.rstrip()
        stripped = clean.lstrip()
        lead = len(clean) - len(stripped)
        raw_lines.append(raw)
        numbers.append(no)
        texts.append(stripped)
        indents.append(lead + 1)
        columns.append(offset + _source(moved, lead) + 1)
        shifts_of.append(tuple((at - lead, offset + was + 1) for at, was in moved if at > lead))
        page_of.append(page if has_pages else None)
        pages[-1].append(i)

    drop = page_edges(pages, texts) if has_pages and running_heads else set()
    seen_urls: set[str] = set()
    for i, t in enumerate(texts):
        if not t:
            continue
        if is_page_furniture(t):
            drop.add(i)
        elif _URL_LINE.match(t):
            key = t.strip("<>").rstrip("/").lower()
            if key in seen_urls:
                drop.add(i)
            seen_urls.add(key)

    # Most lines of PDF text start at column 1; there a line indented by one space is a
    # bullet whose glyph the extraction lost.
    starts = Counter(indents[i] for i, t in enumerate(texts) if t)
    flush_left = starts[1] > 0.6 * max(1, sum(starts.values()))

    # A PDF wraps lines near a fixed width: an indented line after a full line goes on
    # with the sentence, while one after a short line starts a new bullet.
    widths = sorted(len(raw_lines[i].rstrip()) for i, t in enumerate(texts) if t)
    wrap = widths[int(len(widths) * 0.75)] if widths else 0

    lines: list[Line] = []
    prev_text = ""
    title_alone = 0  # the width of a numbered title alone on the line before, if any
    marks: dict[type, int | str] = {}  # the last number, and letter, a line opened with
    for i, t in enumerate(texts):
        if i in drop:
            continue
        ln = Line(
            no=numbers[i],
            text=t,
            column=columns[i],
            page=page_of[i],
            page_break=i in breaks,
            shifts=shifts_of[i],
        )
        width = len(raw_lines[i].rstrip())
        if (
            title_alone
            and t
            and not _GOES_ON.match(t)
            and not (is_caps(prev_text) and is_caps(t))  # "12. TENANCY SUPPORT" / "REPORT"
            # wider than the title, or a sentence that is the whole paragraph ("None."):
            # not the next line of a narrow column
            and (
                width >= 1.3 * title_alone
                or (_SENTENCE_END.search(t) and (i + 1 == len(texts) or not texts[i + 1]))
            )
        ):
            ln.starts_block = True  # the minute's text, right under its title
        mark = _list_mark(t)
        if mark is not None and mark == _next_mark(marks.get(type(mark))):
            ln.starts_block = True  # "1. Apologies" / "2. Declarations": a list, one a line
        if not t:
            marks = {}  # a list runs on from line to line
        elif isinstance(mark, int):
            marks = {int: mark}  # the lettered parts of the item before are over
        elif mark is not None:
            marks[type(mark)] = mark
        title_alone = width if t and _title_alone(t, width, wrap) else 0
        if t and numbers[i] in titles:
            ln.hint = HEADING
        elif t:
            tag = _HTML_LINE.match(t)
            if tag:
                # A heading tag written into a text file by the site that publishes it.
                ln.text = t = re.sub(r"<[^>]+>", "", tag.group(2)).strip()
                ln.shifts = ()
                if tag.group(1).lower().startswith("h"):
                    ln.hint = HEADING
                    lines.append(ln)
                    prev_text = t
                    continue
            m = _BULLET.match(t)
            if (
                m
                and t[0] == "-"
                and t[m.end() : m.end() + 1].isdigit()
                and lines
                and lines[-1].text
                and not _SENTENCE_END.search(lines[-1].text)
            ):
                m = None  # "(Pages 45" / "- 47)": a range wrapped at its dash, not a bullet
            if m and len(t) > m.end():
                ln.drop(m.end())
                ln.hint = LIST_ITEM
                ln.level = 1 if indents[i] > 1 else 0
            elif not prev_text and _plain_title(texts, raw_lines, i, wrap):
                ln.hint = HEADING
            elif (
                _RESOLVED.match(t)
                or _MINUTE_HEAD.match(t)
                or _LABEL.match(t)
                or _OPENS_PARAGRAPH.match(t)
            ):
                ln.starts_block = True
            elif (
                flush_left
                and indents[i] == 2
                and prev_text
                and len(raw_lines[i - 1].rstrip()) >= 0.85 * wrap
                and not _SENTENCE_END.search(prev_text)
            ):
                pass
            elif flush_left and indents[i] in (2, 3) and not is_caps(t):
                ln.hint = LIST_ITEM
            elif indents[i] in (2, 3) or (
                _NUMBERED.match(t) and (not prev_text or _SENTENCE_END.search(prev_text))
            ):
                ln.starts_block = True
        lines.append(ln)
        prev_text = t
    return Document(
        path=path,
        format="text",
        blocks=build_blocks(lines),
        lines=[r.replace("\f", "") for r in file_lines],
        directives=directives,
    )
