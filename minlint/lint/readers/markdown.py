"""Markdown reader, including HTML tables and tab-separated rows left by PDF converters."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from minlint.lint import regexstore as rx
from minlint.lint.blocks import HEADING, LIST_ITEM, TABLE_ROW, Directive, Document
from minlint.lint.readers.lines import FUNCTION_END, Line, build_blocks, is_caps, page_edges
from minlint.lint.readers.text import BULLET_GLYPHS, SPACES

# A comment, link, tag, row or cell is not looked for past the next opening of its
# kind: a line of thousands of unclosed "<!--", "[", "<" or "<tr>" is not searched to
# its end from each of them.
_DIRECTIVE = rx.compile(r"<!--\s*(minlint:(?:(?!<!--).)*?)\s*-->")
_COMMENT = rx.compile(r"<!--(?:(?!<!--).)*?-->")
_ATX = rx.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = rx.compile(rf"^([-*+{BULLET_GLYPHS}])\s+|^([{BULLET_GLYPHS}])(?=\S)")
_BOLD_LINE = rx.compile(r"^\*\*(.+?)\*\*:?$|^__(.+?)__$")
_PIPE_SEP = rx.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_LINK = rx.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_AUTOLINK = rx.compile(r"<((?:https?://|www\.|mailto:)[^<>\s]+)>")
_TAG = rx.compile(r"<[^<>]+>")
_EMPHASIS = rx.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_ESCAPE = rx.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_ROW = rx.compile(r"<tr\b[^<>]*>((?:(?!<tr\b).)*?)</tr>", re.I | re.S)
_CELL = rx.compile(r"<t[dh]\b[^<>]*>((?:(?!<t[dh]\b).)*?)</t[dh]>", re.I | re.S)
_BLOCK_TAG = rx.compile(r"</?(p|div|li|br|tr|h\d|ul|ol|table|caption)\b[^<>]*>", re.I)


def inline_text(text: str) -> str:
    """Markdown inline syntax and HTML tags to plain text."""
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _BLOCK_TAG.sub(" ", text)
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    text = html.unescape(text).translate(SPACES)
    return re.sub(r"\s{2,}", " ", text).strip()


_BOLD_LEAD = rx.compile(r"^((?:\d{1,4}[.)]?\s+)?)(\*\*|__)(?=\S)(.{1,200}?)(?<=\S)\2")


def bold_lead(source: str, text: str) -> int:
    """Where a title in bold that opens a line of text ends in ``text`` (the line's
    plain text): "**12. Planning** The committee ..." and "12. **Planning** The committee
    ..." give the length of "12. Planning"; 0 when the line does not open with bold or is
    all bold."""
    m = _BOLD_LEAD.match(source)
    if m is None or not inline_text(source[m.end() :]):
        return 0
    title = inline_text(m.group(1) + m.group(3))
    return len(title) if title and text.startswith(title) else 0


def _column(raw: str, text: str) -> int:
    """The column where ``text`` starts in its source line, past "**", "- " and the like."""
    for probe in (text[:12], text.split(" ", 1)[0]):
        at = raw.find(probe) if probe else -1
        if at >= 0:
            return at + 1
    return len(raw) - len(raw.lstrip()) + 1


def _html_rows(no: int, text: str) -> list[Line]:
    """Rows of an HTML table written on one markdown line; other HTML is one paragraph."""
    out: list[Line] = []
    rows = _ROW.findall(text)
    if rows:
        before = text[: text.lower().find("<table")]
        if inline_text(before):
            out.append(Line(no=no, text=inline_text(before)))
        for row in rows:
            cells = tuple(inline_text(c) for c in _CELL.findall(row))
            if any(cells):
                out.append(Line(no=no, text=" | ".join(cells), hint=TABLE_ROW, cells=cells))
        out.append(Line(no=no, text=""))
        return out
    plain = inline_text(text)
    return [Line(no=no, text=plain), Line(no=no, text="")] if plain else []


_PAGE_BREAK = frozenset(("---", "***", "___"))
_SCANNED = rx.compile(r"^\*?<small>\s*scanned\s+page\b.*$", re.I)
_OMITTED = rx.compile(r"^\(?image\s+omitted\)?$", re.I)
_PAGE_NUMBER = rx.compile(r"^(?:page\s+)?(\d{1,3})(?:\s+of\s+\d{1,3})?$|^-\s*(\d{1,3})\s*-$", re.I)
_TERMINAL = rx.compile(r"[.:;?!]['\"’”)\]]?$|:-$|\(\d{1,3}\)$")
# A list closed by its count in brackets ends its paragraph ("... Talukder. (8)").
_COUNTED = rx.compile(r"\(\d{1,3}\)$")
_LABEL_START = rx.compile(
    r"^(?:(?:proposed|seconded)\s+by\b|(?:and\s+)?resolved\b|reply\b|present\b|apolog"
    r"|signed\b|dated?\s*:)",
    re.I,
)
# Who was there, each list under its label: a label at the start of a line opens a block
# even where the line before runs on ("Members present: ... Kessler" / "Members absent:").
_ROLL_LABEL = rx.compile(
    r"^[*_]*(?:(?:members|councillors|officers)\s+(?:present|absent)|present|absent"
    r"|apologies(?:\s+for\s+absence)?|also\s+present|in\s+attendance|staff|officers)"
    r"\s*(?:[*_]*\s*:|:\s*[*_]*)",
    re.I,
)
_NUMBERED_LINE = rx.compile(r"^\d{1,4}\.\s*[A-Z]")
_NUMBER_START = rx.compile(r"^(?:\d{1,4}\.?(?:\s|$|(?=[A-Z]))|\(?[a-z0-9]{1,3}\))")


@dataclass(slots=True)
class _Page:
    """A page of markdown converted from a PDF: its lines, and how they are laid out."""

    first: int  # index of its first source line
    end: int  # index after its last source line
    scanned: bool = False  # read by OCR: paragraphs are separated by blank lines
    soft: bool = False  # every line followed by a blank line: blank lines are line ends


def _pages(raw_lines: list[str]) -> list[_Page]:
    """The pages of a markdown file, cut at its "---" lines (one page when it has none)."""
    cuts = [i for i, raw in enumerate(raw_lines) if raw.strip() in _PAGE_BREAK]
    if len(cuts) < 2:
        return [_Page(0, len(raw_lines))]
    bounds = [0, *(c + 1 for c in cuts), len(raw_lines) + 1]
    pages = []
    for a, b in pairwise(bounds):
        page = _Page(a, min(b - 1, len(raw_lines)))
        body = [i for i in range(page.first, page.end) if raw_lines[i].strip()]
        page.scanned = any(_SCANNED.match(raw_lines[i].strip()) for i in body[:2])
        followed = sum(1 for i in body if i + 1 < page.end and not raw_lines[i + 1].strip())
        page.soft = not page.scanned and len(body) >= 4 and followed >= 0.75 * len(body)
        pages.append(page)
    return pages


def _furniture(raw_lines: list[str], pages: list[_Page]) -> set[int]:
    """Source lines that are page furniture: the scanned-page note, page numbers, the
    note of an omitted image, and headers or footers that recur on many pages."""
    drop: set[int] = set()
    texts = [inline_text(r) for r in raw_lines]
    numbered: list[tuple[int, int, int]] = []  # (line, page number written, page index)
    for k, page in enumerate(pages):
        body = [i for i in range(page.first, page.end) if texts[i]]
        for i in body:
            if _SCANNED.match(raw_lines[i].strip()) or _OMITTED.match(texts[i]):
                drop.add(i)
        body = [i for i in body if i not in drop]
        for i in {*body[:1], *body[-1:]}:
            m = _PAGE_NUMBER.match(texts[i])
            if m and raw_lines[i].strip() == texts[i]:
                numbered.append((i, int(m.group(1) or m.group(2)), k))
    if len(pages) > 1 and numbered:
        # Page numbers run with the pages: the same offset from the page's place.
        offsets = Counter(n - k for _, n, k in numbered)
        offset, count = offsets.most_common(1)[0]
        if count >= 2 or len(numbered) == 1:
            drop.update(i for i, n, k in numbered if n - k == offset)
    rest = [[i for i in range(p.first, p.end) if i not in drop] for p in pages]
    drop |= page_edges(rest, texts, depth=2)
    return drop


def _soft_starts(lines: list[Line], wrap: int, italic: set[int]) -> None:
    """Where blocks start on pages whose blank lines are only line ends (hard-wrapped PDF
    text): after a short line that ends a sentence, after a title line much shorter than
    the page, and at a line that opens a minute, a part or a decision."""
    prev: Line | None = None
    for ln in lines:
        if not ln.text:
            prev = None
            continue
        if prev is not None and ln.hint is None and not ln.starts_block:
            short = len(prev.text) < 0.6 * wrap
            ended = (
                _TERMINAL.search(prev.text) and len(prev.text) < 0.9 * wrap
            ) or _COUNTED.search(prev.text)
            title = (
                short
                and not FUNCTION_END.search(prev.text)
                and not ln.text[:1].islower()
                and not (is_caps(prev.text) and is_caps(ln.text))
            )
            opens = _LABEL_START.match(ln.text) or (
                _NUMBER_START.match(ln.text) and not FUNCTION_END.search(prev.text)
            )
            if ended or title or opens:
                ln.starts_block = True
        elif (
            prev is not None
            and ln.hint == HEADING
            and prev.hint == HEADING
            and (ln.no in italic) == (prev.no in italic)
            and not _TERMINAL.search(prev.text)
            and (len(prev.text) >= 0.5 * wrap or ln.text[:1].islower() or ln.text[:1] in ")-–")
        ):
            ln.joins = True  # a bold title wrapped onto a second bold line
        prev = ln


def _numbered_starts(lines: list[Line]) -> None:
    """A numbered or labelled line after a line that ends a sentence starts a block,
    blank line or not ("... signed.”" / "2. Corporate Services:", "Proposed by Councillor
    Keary;" / "Seconded by ...")."""
    prev = ""
    for ln in lines:
        if (
            ln.text
            and prev
            and _TERMINAL.search(prev)
            and (_NUMBERED_LINE.match(ln.text) or _LABEL_START.match(ln.text))
        ) or (ln.text and prev and _ROLL_LABEL.match(ln.text)):
            ln.starts_block = True
        prev = ln.text


def read_markdown(text: str, path: str) -> Document:
    """Read markdown (or markdown saved as .txt) into blocks.

    Markdown converted from PDF pages (``---`` between pages) loses its page numbers,
    running headers and footers and OCR notes; on pages where every line is followed by a
    blank line, blank lines are line ends and paragraphs are found as in PDF text.
    """
    raw_lines = text.split("\n")
    pages = _pages(raw_lines)
    drop = _furniture(raw_lines, pages) if len(pages) > 1 else set()
    soft_at = {i for p in pages if p.soft for i in range(p.first, p.end)}
    page_starts = {p.first for p in pages[1:]}
    lines: list[Line] = []
    directives: list[Directive] = []
    italic: set[int] = set()  # bold lines also in italics (quoted questions, not titles)
    in_fence = False
    for i, raw in enumerate(raw_lines):
        no = i + 1
        for m in _DIRECTIVE.finditer(raw):
            directives.append(Directive(line=no, text=m.group(1)))
        raw = _COMMENT.sub("", raw)
        stripped = raw.strip()
        if i in page_starts:
            lines.append(Line(no=no, text=""))
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            lines.append(Line(no=no, text=""))
            continue
        if in_fence:
            lines.append(Line(no=no, text=stripped))
            continue
        if i in drop:
            continue
        if not stripped or stripped in _PAGE_BREAK or _PIPE_SEP.match(stripped):
            if i not in soft_at or stripped:
                lines.append(Line(no=no, text=""))
            continue
        column = len(raw) - len(raw.lstrip()) + 1
        m = _ATX.match(stripped)
        if m:
            lines.append(
                Line(no=no, text=inline_text(m.group(2)), hint=HEADING, level=len(m.group(1)))
            )
            continue
        cells: list[str] = []
        if "\t" in stripped:
            cells = [inline_text(c) for c in raw.split("\t")]
        elif stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
            cells = [inline_text(c) for c in stripped.strip("|").split("|")]
        if len([c for c in cells if c]) >= 2 or (cells and "<table" in stripped.lower()):
            if "<table" in stripped.lower():
                lines.extend(_html_rows(no, raw.split("\t")[0] if raw.startswith("\t") else raw))
                continue
            lines.append(Line(no=no, text=" | ".join(cells), hint=TABLE_ROW, cells=tuple(cells)))
            continue
        if stripped.startswith("<") and _TAG.search(stripped):
            lines.extend(_html_rows(no, stripped))
            continue
        m = _BULLET.match(stripped)
        if m:
            body = inline_text(stripped[m.end() :])
            if body:
                lines.append(
                    Line(
                        no=no,
                        text=body,
                        column=_column(raw, body),
                        hint=LIST_ITEM,
                        level=(column - 1) // 2,
                    )
                )
            continue
        m = _BOLD_LINE.match(stripped)
        body = inline_text(stripped)
        if m and body:
            lines.append(Line(no=no, text=body, column=_column(raw, body), hint=HEADING, level=0))
            if stripped.startswith("***"):
                italic.add(no)
            continue
        lines.append(
            Line(no=no, text=body, column=_column(raw, body), lead=bold_lead(stripped, body))
        )
    _numbered_starts(lines)
    if soft_at:
        widths = sorted(len(ln.text) for ln in lines if ln.no - 1 in soft_at and ln.text)
        _soft_starts(lines, widths[int(len(widths) * 0.9)] if widths else 80, italic)
    return Document(
        path=path,
        format="markdown",
        blocks=build_blocks(lines),
        lines=raw_lines,
        directives=directives,
        scanned=[(p.first + 1, p.end) for p in pages if p.scanned],
    )
