"""HTML reader: ModernGov minutes and agenda pages, other council pages, and fragments.

The page is read as a browser shows it: h1-h6 are headings; p, div and other block
elements are paragraphs (a block that holds other blocks is only their container, and
its loose text becomes paragraphs of its own); li elements are list items, numbered as
the browser numbers an ordered list; table rows are rows of cells, except a row that
lays out whole paragraphs (ModernGov puts each agenda item or minute in one), which is
read as the blocks it holds. A lone number ("95.") before a block, as in ModernGov's
item-number cell, is joined to that block. Scripts, styles, forms and navigation are
skipped; comments that start with "minlint:" are suppression directives.

Line numbers are the file's own (1-based), as the parser reports them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from minlint.lint import regexstore as rx
from minlint.lint.blocks import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW, Block, Directive, Document
from minlint.lint.readers.lines import BOLD_TITLE, in_sequence
from minlint.lint.readers.text import SPACES
from minlint.lint.xmlsafe import parse_html

if TYPE_CHECKING:
    from lxml import etree

SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "noscript",
        "template",
        "button",
        "select",
        "option",
        "optgroup",
        "textarea",
        "input",
        "nav",
        "svg",
        "math",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "canvas",
        "map",
        "audio",
        "video",
        "datalist",
    ]
)
BLOCK_TAGS = frozenset(
    [
        "html",
        "body",
        "div",
        "p",
        "section",
        "article",
        "main",
        "aside",
        "header",
        "footer",
        "address",
        "blockquote",
        "figure",
        "figcaption",
        "details",
        "summary",
        "fieldset",
        "form",
        "legend",
        "center",
        "dl",
        "dt",
        "dd",
        "pre",
        "hr",
        "hgroup",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "menu",
        "dir",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
    ]
)
HEADINGS = {f"h{i}": i for i in range(1, 7)}
LISTS = frozenset({"ul", "ol", "menu", "dir"})
# ModernGov marks headings with classes on paragraphs.
HEADING_CLASSES = {"mgSubTitleTxt": 2, "mgMainTitleTxt": 1, "mgAiTitleTxt": 3}
# A short number standing alone before the block it numbers.
# A number alone, set before the text it numbers (a cell of its own, a paragraph): "12.",
# "(b)", "iv)", "25/101", "FC/25/101", "Item 5", "IV.".
_LABEL = rx.compile(
    r"^(\d{1,4}[a-z]?(\.\d{1,3}[a-z]?)*[.)]?|\(\d{1,3}[a-z]?\)|\([a-z]\)|[ivx]{1,5}[.)]|[A-Z][.)]"
    r"|(?:[A-Z]{1,4}\s?/\s?)?\d{1,4}/\d{1,4}\.?|(?:Item|ITEM|Minute|MINUTE)\s+\d{1,4}[a-z]?\.?"
    r"|[IVXL]{1,6}[.)])$"
)
_SLASHED_LABEL = rx.compile(r"^(?:[A-Z]{1,4}\s?/\s?)?\d{1,4}/(\d{1,4})\.?$")
_WS = rx.compile(r"\s+")
# ModernGov follows the title of a linked document with its size: "Minutes PDF 88 KB".
_FILE_SIZE = rx.compile(r"(?<!\s)\s*\(?(?:PDF|DOCX?|XLSX?)\s+[\d.,]+\s*[KMG]B\)?$")
_LIST_STYLE = rx.compile(r"list-style(?:-type)?\s*:\s*([^;]*)", re.I)
_LIST_STYLE_TYPES = frozenset(
    "none disc circle square decimal decimal-leading-zero lower-alpha upper-alpha"
    " lower-latin upper-latin lower-roman upper-roman".split()
)
_HIDDEN_STYLE = rx.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def read_html(text: str, path: str, *, line_offset: int = 0) -> Document:
    """Read an HTML page or fragment into blocks.

    ``line_offset`` is added to every line number, for HTML embedded in another file
    that starts after that many lines.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    root, cut = parse_html(text)
    reader = _Reader(lines, line_offset)
    if root is not None:
        reader.read(root)
    return Document(
        path=path,
        format="html",
        blocks=reader.blocks,
        lines=lines,
        directives=reader.directives,
        notices=[f"part of the page was not read: {c.lower()}" for c in cut],
    )


# How far past the last piece found on a line the next piece is looked for first.
_NEAR = 4096


@dataclass(slots=True)
class _Inline:
    """Inline text being gathered into one block, with where each source line starts."""

    # The text in pieces, joined when read: a block of thousands of text nodes is
    # gathered in linear time.
    parts: list[str] = field(default_factory=list)
    size: int = 0
    first: int | None = None
    last: int | None = None
    origins: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        if len(self.parts) > 1:
            self.parts[:] = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""

    def _append(self, piece: str) -> None:
        self.parts.append(piece)
        self.size += len(piece)

    def _needs_space(self) -> bool:
        return self.size > 0 and not self.parts[-1].endswith(" ")

    def add(self, piece: str, line: int, column: int | None) -> None:
        """Append a text node that starts on source ``line``; ``column`` is where its
        first visible character sits on that line, if known."""
        piece = piece.translate(SPACES)
        for i, segment in enumerate(piece.split("\n")):
            if i:
                line += 1
                self.space()
            body = segment.strip()
            if not body:
                if segment and self._needs_space():
                    self._append(" ")
                continue
            lead = len(segment) - len(segment.lstrip())
            if lead and self._needs_space():
                self._append(" ")
            col = 1 + lead if i else (column or 1)
            if not self.origins or self.origins[-1][1] != line:
                self.origins.append((self.size, line, col))
            self._append(_WS.sub(" ", body))
            if segment[-1:].isspace():
                self._append(" ")
            if self.first is None:
                self.first = line
            self.last = line

    def space(self) -> None:
        if self._needs_space():
            self._append(" ")

    def clean(self) -> str:
        return self.text.strip()


class _Reader:
    def __init__(self, lines: list[str], offset: int) -> None:
        self.src = lines
        self.offset = offset
        self.blocks: list[Block] = []
        self.directives: list[Directive] = []
        self.cur = 1  # the source line the walk has reached
        self.prefix: Block | None = None  # a lone number waiting for its block
        self.references = False  # in a table whose rows open with references, not minutes
        self.list_level = -1
        self.li_first: tuple[int, str] | None = None  # (level, marker) of an open list item
        self.has_block: set[etree._Element] = set()
        # Where the last piece found on a line ends, and how much more of the line may be
        # searched for pieces not found near it: a page on one long line is searched
        # once over, not once per piece.
        self.found_at: dict[int, int] = {}
        self.search_left: dict[int, int] = {}

    # Walking ---------------------------------------------------------------------------

    def read(self, root: etree._Element) -> None:
        from lxml import etree

        self.etree = etree
        for el in root.iter():
            if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
                parent = el.getparent()
                while parent is not None and parent not in self.has_block:
                    self.has_block.add(parent)
                    parent = parent.getparent()
        for sibling in reversed(list(root.itersiblings(preceding=True))):
            self._comment(sibling)
        self._container(root)
        for sibling in root.itersiblings():
            self._comment(sibling)
        self._drop_prefix()

    def _tag(self, el: etree._Element) -> str:
        return el.tag.lower() if isinstance(el.tag, str) else ""

    def _sync(self, el: etree._Element) -> None:
        line = el.sourceline
        if line is not None and line > self.cur:
            self.cur = line

    def _column(self, line: int, piece: str) -> int | None:
        """The column where ``piece`` starts in source line ``line``, when it can be found."""
        body = piece.strip()[:20]
        if not body or not 0 < line <= len(self.src):
            return None
        text = self.src[line - 1]
        start = self.found_at.get(line, 0)
        at = text.find(body, start, start + _NEAR)
        if at < 0:
            left = self.search_left.get(line, 4 * len(text))
            if left > 0:
                at = text.find(body, start)
                self.search_left[line] = left - (len(text) - start)
        if at < 0:
            return None
        self.found_at[line] = at + len(body)
        return at + 1

    def _add(self, inline: _Inline, piece: str | None) -> None:
        if not piece:
            return
        first = piece.split("\n", 1)[0]
        inline.add(piece, self.cur, self._column(self.cur, first) if first.strip() else None)
        self.cur += piece.count("\n")

    def _skip(self, el: etree._Element) -> bool:
        tag = self._tag(el)
        if tag in SKIP_TAGS:
            return True
        if el.get("hidden") is not None:
            return True
        style = el.get("style")
        return bool(style and _HIDDEN_STYLE.search(style))

    def _pass_over(self, el: etree._Element) -> None:
        """Move the line past a skipped element's content."""
        for node in el.iter():
            self._sync(node)
            if node is not el and node.tail:
                self.cur += node.tail.count("\n")
            if isinstance(node.text, str) and node.text:
                self.cur += node.text.count("\n")

    def _is_block(self, el: etree._Element) -> bool:
        return self._tag(el) in BLOCK_TAGS or el in self.has_block

    def _container(self, el: etree._Element) -> None:
        """Walk an element whose children may be blocks; loose text becomes paragraphs."""
        self._sync(el)
        self._children(el)

    def _children(
        self, el: etree._Element, on_item: Callable[[etree._Element], None] | None = None
    ) -> None:
        """Blocks for the children of ``el``; runs of loose text and inline elements between
        them become paragraphs. ``on_item`` handles the ``li`` children of a list."""
        inline = _Inline()
        self._add(inline, el.text)
        for child in el:
            if not isinstance(child.tag, str):
                self._comment(child)
            elif self._skip(child):
                self._pass_over(child)
            elif self._tag(child) == "br":
                self._sync(child)
                inline.space()
            elif on_item is not None and self._tag(child) == "li":
                self._emit_inline(inline, PARAGRAPH)
                inline = _Inline()
                on_item(child)
            elif self._is_block(child):
                self._emit_inline(inline, PARAGRAPH)
                inline = _Inline()
                self._block(child)
            else:
                self._inline(child, inline)
            self._add(inline, child.tail)
        self._emit_inline(inline, PARAGRAPH)

    def _inline(self, el: etree._Element, inline: _Inline) -> None:
        """Gather an element's text into ``inline``, whatever block elements it holds."""
        self._sync(el)
        tag = self._tag(el)
        if tag == "br":
            inline.space()
            return
        if tag in BLOCK_TAGS:
            inline.space()
        self._add(inline, el.text)
        for child in el:
            if not isinstance(child.tag, str):
                self._comment(child)
            elif self._skip(child):
                self._pass_over(child)
            else:
                self._inline(child, inline)
            self._add(inline, child.tail)
        if tag in BLOCK_TAGS:
            inline.space()

    def _block(self, el: etree._Element) -> None:
        tag = self._tag(el)
        self._sync(el)
        if tag in HEADINGS:
            self._leaf(el, HEADING, HEADINGS[tag])
        elif tag in LISTS:
            self._list(el)
        elif tag == "li":
            self._item(el, "", max(self.list_level, 0))
        elif tag == "table":
            self._table(el)
        elif tag in ("tr", "thead", "tbody", "tfoot"):
            self._rows(el)
        elif tag == "hr":
            return
        elif tag == "pre":
            self._pre(el)
        elif el in self.has_block:
            self._container(el)
        else:
            level = _class_heading(el)
            if level:
                self._leaf(el, HEADING, level)
            elif _all_bold(el) and BOLD_TITLE.match(" ".join("".join(el.itertext()).split())):
                # a short line all in bold, as "**Planning**" in markdown: a title
                self._leaf(el, HEADING, 0)
            else:
                self._leaf(el, PARAGRAPH, 0)

    def _pre(self, el: etree._Element) -> None:
        """Preformatted text, as a page that publishes minutes typed as plain text holds
        it: read as a text file is, line by line, its lines those of the page."""
        from minlint.lint.readers.text import read_plain

        self._drop_prefix()
        text = "".join(el.itertext())
        start = el.sourceline or self.cur
        indent = 0  # where the text starts on the line of the tag
        if text.startswith("\n"):
            text = text[1:]  # a line end right after <pre> is not content
            start += 1
        elif 0 < start <= len(self.src):
            tag_line = self.src[start - 1]
            opened = tag_line.lower().find("<pre")
            indent = tag_line.find(">", opened) + 1 if opened >= 0 else 0
        shift = start - 1 + self.offset

        def place(ln: int, col: int) -> tuple[int, int]:
            return ln + shift, col + (indent if ln == 1 else 0)

        for b in read_plain(text, "", running_heads=False).blocks:
            self.blocks.append(
                replace(
                    b,
                    line=b.line + shift,
                    end_line=b.end_line + shift,
                    origins=tuple((o, *place(ln, col)) for o, ln, col in b.origins),
                    shifts=tuple((o, *place(ln, col)) for o, ln, col in b.shifts),
                )
            )
        self.cur = start + text.count("\n")

    def _leaf(self, el: etree._Element, kind: str, level: int) -> None:
        inline = _Inline()
        self._inline(el, inline)
        count = len(self.blocks)
        self._emit_inline(inline, kind, level, el.sourceline)
        if kind != HEADING and len(self.blocks) > count:
            title = _bold_lead(el)
            block = self.blocks[-1]
            at = block.text.find(title, 0, len(title) + 12) if title else -1
            if at >= 0 and at + len(title) < len(block.text):
                self.blocks[-1] = replace(block, lead=at + len(title))

    # Lists -----------------------------------------------------------------------------

    def _list(self, el: etree._Element) -> None:
        style = _list_style(el)
        items = [c for c in el if self._tag(c) == "li"]
        reversed_ = el.get("reversed") is not None
        start = _int(el.get("start"))
        if start is None:
            start = len(items) if reversed_ else 1
        number = start

        def item(child: etree._Element) -> None:
            nonlocal number
            value = _int(child.get("value"))
            if value is not None:
                number = value
            marker = _marker(number, _list_style(child, style))
            self._item(child, marker, self.list_level)
            number += -1 if reversed_ else 1

        self.list_level += 1
        try:
            self._children(el, on_item=item)
        finally:
            self.list_level -= 1

    def _item(self, el: etree._Element, marker: str, level: int) -> None:
        self._sync(el)
        outer = self.li_first
        self.li_first = (level, marker)
        try:
            if el in self.has_block:
                self._container(el)
            else:
                self._leaf(el, LIST_ITEM, level)
        finally:
            self.li_first = outer

    # Tables ----------------------------------------------------------------------------

    def _table(self, el: etree._Element) -> None:
        self._sync(el)
        outer = self.references
        self.references = _references(el)
        try:
            self._table_children(el)
        finally:
            self.references = outer

    def _table_children(self, el: etree._Element) -> None:
        for child in el:
            tag = self._tag(child)
            if not isinstance(child.tag, str):
                self._comment(child)
            elif self._skip(child) or tag in ("colgroup", "col"):
                self._pass_over(child)
            elif tag == "caption":
                self._leaf(child, PARAGRAPH, 0)
            elif tag in ("thead", "tbody", "tfoot", "tr"):
                self._rows(child)
            elif self._is_block(child):
                self._block(child)
            else:
                inline = _Inline()
                self._inline(child, inline)
                self._emit_inline(inline, PARAGRAPH)
            self.cur += (child.tail or "").count("\n")

    def _rows(self, el: etree._Element) -> None:
        if self._tag(el) == "tr":
            self._row(el)
            return
        self._sync(el)
        for child in el:
            if not isinstance(child.tag, str):
                self._comment(child)
            elif self._tag(child) == "tr":
                self._row(child)
            elif self._skip(child):
                self._pass_over(child)
            else:
                self._block(child)
            self.cur += (child.tail or "").count("\n")

    def _row(self, tr: etree._Element) -> None:
        self._sync(tr)
        cells = [c for c in tr if self._tag(c) in ("td", "th")]
        if any(self._lays_out(c) for c in cells):
            for child in tr:
                if not isinstance(child.tag, str):
                    self._comment(child)
                elif self._skip(child):
                    self._pass_over(child)
                else:
                    self._container(child)
                self.cur += (child.tail or "").count("\n")
            return
        self._drop_prefix()
        line = self.cur
        texts: list[str] = []
        last = line
        for child in tr:
            if not isinstance(child.tag, str):
                self._comment(child)
            elif self._tag(child) in ("td", "th"):
                inline = _Inline()
                self._inline(child, inline)
                texts.append(inline.clean())
                if inline.last is not None:
                    last = max(last, inline.last)
            else:
                self._pass_over(child)
            self.cur += (child.tail or "").count("\n")
        if any(texts):
            self.blocks.append(
                Block(
                    kind=TABLE_ROW,
                    text=" | ".join(texts).strip(" |"),
                    line=line + self.offset,
                    end_line=last + self.offset,
                    cells=tuple(texts),
                )
            )

    def _lays_out(self, cell: etree._Element) -> bool:
        """A cell that holds whole paragraphs, lists or tables rather than a value."""
        if "mgItemNumberCell" in (cell.get("class") or "").split() and _LABEL.match(
            _WS.sub(" ", cell.text_content()).strip()
        ):
            return True
        blocks = 0
        for el in cell.iterdescendants():
            tag = self._tag(el)
            if tag in HEADINGS or tag in LISTS or tag == "table":
                return True
            if tag in BLOCK_TAGS and tag != "hr" and el not in self.has_block:
                blocks += 1
                if blocks > 1:
                    return True
        return False

    # Output ----------------------------------------------------------------------------

    def _comment(self, node: etree._Element) -> None:
        # The parser gives a comment the line where it ends.
        text = node.text if isinstance(node.text, str) else ""
        end = node.sourceline
        if end is None:
            end = self.cur + text.count("\n")
        self.cur = max(self.cur, end)
        if isinstance(node, self.etree._Comment):
            body = text.strip()
            if body.lower().startswith("minlint:"):
                start = max(1, end - text.count("\n") + (len(text) - len(text.lstrip("\n"))))
                self.directives.append(Directive(line=start + self.offset, text=_WS.sub(" ", body)))

    def _emit_inline(
        self, inline: _Inline, kind: str, level: int = 0, start: int | None = None
    ) -> None:
        text = _FILE_SIZE.sub("", inline.clean())
        if not text or inline.first is None:
            return
        first = inline.first if start is None else min(inline.first, start)
        last = inline.last or first
        # clean() dropped the leading spaces; shift the offsets to match.
        lead = len(inline.text) - len(inline.text.lstrip())
        origins = [(max(0, o - lead), ln, col) for o, ln, col in inline.origins]
        if (
            self.li_first is None
            and kind in (PARAGRAPH, HEADING)
            and _LABEL.match(text)
            and not (self.references and _SLASHED_LABEL.match(text))
        ):
            self._drop_prefix()
            self.prefix = Block(kind, text, first, last, origins=tuple(origins))
            return
        if self.li_first is not None:
            li_level, marker = self.li_first
            self.li_first = None
            if kind != HEADING:
                kind, level = LIST_ITEM, li_level
            if marker:
                text, origins = _prepend(marker, text, origins, [])
        if self.prefix is not None:
            label, self.prefix = self.prefix, None
            text, origins = _prepend(label.text, text, origins, list(label.origins))
            first = min(first, label.line)
        self.blocks.append(
            Block(
                kind=kind,
                text=text,
                line=first + self.offset,
                end_line=last + self.offset,
                level=level,
                origins=tuple((o, ln + self.offset, col) for o, ln, col in origins),
            )
        )

    def _drop_prefix(self) -> None:
        """A lone number that no block followed is a paragraph after all."""
        if self.prefix is not None:
            label, self.prefix = self.prefix, None
            self.blocks.append(
                Block(
                    kind=PARAGRAPH,
                    text=label.text,
                    line=label.line + self.offset,
                    end_line=label.end_line + self.offset,
                    origins=tuple((o, ln + self.offset, col) for o, ln, col in label.origins),
                )
            )


def _prepend(
    label: str,
    text: str,
    origins: list[tuple[int, int, int]],
    label_origins: list[tuple[int, int, int]],
) -> tuple[str, list[tuple[int, int, int]]]:
    """``label`` and a space before ``text``, with the origins of both."""
    shift = len(label) + 1
    return f"{label} {text}", label_origins + [(o + shift, ln, col) for o, ln, col in origins]


_BOLD = frozenset(("b", "strong"))


def _references(table: etree._Element) -> bool:
    """Whether the numbers like "25/0412" that open a table's rows are references (a list
    of planning applications), not minutes: minutes follow one another (101, 102, 103)."""
    numbers = []
    for tr in table.iter("tr"):
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
        m = _SLASHED_LABEL.match(_WS.sub(" ", cells[0].text_content()).strip()) if cells else None
        if m:
            numbers.append(int(m.group(1)))
    return len(numbers) >= 2 and not in_sequence(numbers)


def _bold_lead(el: etree._Element) -> str:
    """The text of the bold element an element opens with ("<p><b>12. Planning</b> The
    committee ...</p>"), with its white space collapsed; "" when it opens otherwise."""
    if (el.text or "").strip():
        return ""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag.rsplit("}", 1)[-1].lower() not in _BOLD:
            return ""
        return " ".join("".join(child.itertext()).split())[:300]
    return ""


def _all_bold(el: etree._Element) -> bool:
    """Whether all the text of an element is in bold (``<p><b>Planning</b></p>``)."""
    found = False
    stack = [(el, False)]
    while stack:  # not recursive: a damaged page may nest elements thousands deep
        node, bold = stack.pop()
        tag = node.tag
        if not isinstance(tag, str):
            continue  # a comment
        bold = bold or tag.rsplit("}", 1)[-1].lower() in _BOLD
        if (node.text or "").strip():
            if not bold:
                return False
            found = True
        for child in node:
            if (child.tail or "").strip():
                if not bold:
                    return False
                found = True
            stack.append((child, bold))
    return found


def _class_heading(el: etree._Element) -> int | None:
    for cls in (el.get("class") or "").split():
        if cls in HEADING_CLASSES:
            return HEADING_CLASSES[cls]
    return None


def _int(value: str | None) -> int | None:
    try:
        return int(value.strip()) if value is not None else None
    except ValueError:
        return None


_TYPE_STYLES = {
    "1": "decimal",
    "a": "lower-alpha",
    "A": "upper-alpha",
    "i": "lower-roman",
    "I": "upper-roman",
    "disc": "disc",
    "circle": "disc",
    "square": "disc",
    "none": "none",
}


def _list_style(el: etree._Element, inherited: str | None = None) -> str:
    """The list-style-type of a list or item: its style attribute, its type attribute,
    a class name that says it, or what it inherits."""
    style = el.get("style") or ""
    m = _LIST_STYLE.search(style)
    for value in m.group(1).lower().split() if m else ():
        if value in _LIST_STYLE_TYPES:
            return {"lower-latin": "lower-alpha", "upper-latin": "upper-alpha"}.get(value, value)
    kind = el.get("type")
    if kind is not None and kind.strip() in _TYPE_STYLES:
        return _TYPE_STYLES[kind.strip()]
    for cls in (el.get("class") or "").lower().split():
        if cls in ("unstyled", "list-unstyled", "list-none", "no-bullet", "nobullet"):
            return "none"
        if "roman" in cls:
            return "upper-roman" if "upper" in cls else "lower-roman"
        if "alpha" in cls or "letter" in cls:
            return "upper-alpha" if "upper" in cls else "lower-alpha"
    if inherited is not None:
        return inherited
    return "decimal" if el.tag.lower() == "ol" else "disc"


def _marker(n: int, style: str) -> str:
    """The marker a browser shows for item ``n``; "" for bullets and unstyled lists."""
    from minlint.lint.readers.docx import format_number

    if style in ("decimal", "decimal-leading-zero"):
        return f"{n:02d}." if style == "decimal-leading-zero" else f"{n}."
    if style in ("lower-alpha", "upper-alpha"):
        return format_number(n, "lowerLetter" if style == "lower-alpha" else "upperLetter") + "."
    if style in ("lower-roman", "upper-roman"):
        return format_number(n, "lowerRoman" if style == "lower-roman" else "upperRoman") + "."
    return ""
