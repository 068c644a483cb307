"""Markdown reader, including HTML tables and tab-separated rows left by PDF converters."""

from __future__ import annotations

import html
import re

from minlint.lint.blocks import HEADING, LIST_ITEM, TABLE_ROW, Directive, Document
from minlint.lint.readers.lines import Line, build_blocks
from minlint.lint.readers.text import SPACES

# A comment, link, tag, row or cell is not looked for past the next opening of its
# kind: a line of thousands of unclosed "<!--", "[", "<" or "<tr>" is not searched to
# its end from each of them.
_DIRECTIVE = re.compile(r"<!--\s*(minlint:(?:(?!<!--).)*?)\s*-->")
_COMMENT = re.compile(r"<!--(?:(?!<!--).)*?-->")
_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^([-*+•])\s+")
_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*:?$|^__(.+?)__$")
_PIPE_SEP = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_AUTOLINK = re.compile(r"<((?:https?://|www\.|mailto:)[^<>\s]+)>")
_TAG = re.compile(r"<[^<>]+>")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_ROW = re.compile(r"<tr\b[^<>]*>((?:(?!<tr\b).)*?)</tr>", re.I | re.S)
_CELL = re.compile(r"<t[dh]\b[^<>]*>((?:(?!<t[dh]\b).)*?)</t[dh]>", re.I | re.S)
_BLOCK_TAG = re.compile(r"</?(p|div|li|br|tr|h\d|ul|ol|table|caption)\b[^<>]*>", re.I)


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


def read_markdown(text: str, path: str) -> Document:
    """Read markdown (or markdown saved as .txt) into blocks."""
    raw_lines = text.split("\n")
    lines: list[Line] = []
    directives: list[Directive] = []
    in_fence = False
    for i, raw in enumerate(raw_lines):
        no = i + 1
        for m in _DIRECTIVE.finditer(raw):
            directives.append(Directive(line=no, text=m.group(1)))
        raw = _COMMENT.sub("", raw)
        stripped = raw.strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            lines.append(Line(no=no, text=""))
            continue
        if in_fence:
            lines.append(Line(no=no, text=stripped))
            continue
        if not stripped or stripped in ("---", "***", "___") or _PIPE_SEP.match(stripped):
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
            continue
        lines.append(Line(no=no, text=body, column=_column(raw, body)))
    return Document(
        path=path,
        format="markdown",
        blocks=build_blocks(lines),
        lines=raw_lines,
        directives=directives,
    )
