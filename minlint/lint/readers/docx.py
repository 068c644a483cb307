"""Word (.docx) reader.

A Word document is read as a person sees it with every tracked change accepted: the
body's paragraphs in order, headings from the Heading N and Title styles, list items,
and table rows. Word's automatic numbering is rendered as text ("95.", "(1)", "2.3")
so that minute numbers and resolution parts that Word numbers itself are seen.

A paragraph that evidently goes on in the next one (it stops mid-sentence, the next
starts in lower case) is joined to it. A document whose paragraphs are the lines of a
text (a text file or a PDF opened in Word: a paragraph per line, an empty paragraph
between paragraphs) is read line by line as the text reader reads a text file, so that
wrapped titles, attendance lists and sentences are whole again. Lines broken within a
paragraph (Shift+Enter) stay apart in the block's origins, as the lines of a text do;
a bullet typed as a character ("- ", "• ") makes a list item.

Locations: a block's ``line`` is the 1-based number of its paragraph among all the
paragraphs (``w:p``) of the body in document order, counting those inside tables and
empty ones; ``Document.lines`` holds the text of each of those paragraphs.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from minlint.lint import regexstore as rx
from minlint.lint.blocks import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW, Block, Directive, Document
from minlint.lint.readers import InputError, os_errors
from minlint.lint.readers.lines import (
    BOLD_TITLE,
    in_sequence,
    join_continued,
    roman_numeral,
    runs_on,
)
from minlint.lint.readers.text import BULLET_GLYPHS, SPACES, compose
from minlint.lint.xmlsafe import open_zip, parse_xml_part, read_member

if TYPE_CHECKING:
    import zipfile

    from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
OFFICE_DOCUMENT = "/officeDocument"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_NAME = rx.compile(r"^heading\s*([1-9])$", re.I)
# Word's built-in "List Bullet 2", "List Number 3" ... are single-level lists drawn
# further in: the number in the name is the level a reader sees.
_LIST_STYLE_NAME = rx.compile(r"^list(?:\s+(?:bullet|number|continue))?\s+([2-9])$", re.I)
_SPACES = rx.compile(r"\s+")
_TYPED_BULLET = rx.compile(rf"^(?:[{BULLET_GLYPHS}]|[-*](?=\s))\s*")
# The paragraph styles of a text file opened in a word processor (LibreOffice, Word).
_TEXT_FILE_STYLES = frozenset({"preformatted text", "plain text", "html preformatted"})
# A line of a text or of a page is rarely longer than this; a typed paragraph often is.
_LONGEST_LINE = 200
# In a text, many lines stop mid-sentence; in typed paragraphs few do.
_WRAPPED_SHARE = 0.15


def read_docx(path: Path) -> Document:
    """Read a .docx file into blocks; raise :class:`InputError` on a bad or unsafe file."""
    path = Path(path)
    _check_signature(path)
    zf = open_zip(str(path), "Word document")
    with zf:
        parts = _Package(zf)
        main = parts.main_document()
        root = parts.xml(main)
        w = _Names(root.nsmap.get("w") or _namespace(root.tag))
        body = root.find(w.body)
        if body is None:
            raise InputError(f"not a Word document: {main} has no body")
        styles = _Styles(parts.xml_or_none(parts.related(main, "/styles")), w)
        numbering = _Numbering(parts.xml_or_none(parts.related(main, "/numbering")), styles, w)
        comments = _comment_texts(parts.xml_or_none(parts.related(main, "/comments")), w)
    return _BodyReader(str(path), w, styles, numbering, comments).read(body)


def _check_signature(path: Path) -> None:
    with os_errors(), path.open("rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        data = path.read_bytes()[: 4 * 1024 * 1024]
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(
                "the Word document is password-protected (encrypted);"
                " save a copy without a password to check it"
            )
        raise InputError(
            "not a Word document: this is a Word 97-2003 (.doc) or other OLE file; save it as .docx"
        )


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else W_NS


class _Names:
    """Qualified tag and attribute names in the document's WordprocessingML namespace
    (transitional or strict)."""

    def __init__(self, ns: str) -> None:
        if ns not in (W_NS, W_STRICT_NS):
            ns = W_NS
        self.ns = ns
        q = self.q
        self.body, self.p, self.r, self.t, self.tbl, self.tr, self.tc = (
            q(n) for n in ("body", "p", "r", "t", "tbl", "tr", "tc")
        )
        self.pPr, self.rPr, self.pStyle, self.rStyle = (
            q(n) for n in ("pPr", "rPr", "pStyle", "rStyle")
        )
        self.numPr, self.numId, self.ilvl, self.outlineLvl = (
            q(n) for n in ("numPr", "numId", "ilvl", "outlineLvl")
        )
        self.ins, self.dele, self.moveFrom, self.moveTo = (
            q(n) for n in ("ins", "del", "moveFrom", "moveTo")
        )
        self.val = q("val")
        self.id = q("id")

    def q(self, local: str) -> str:
        return f"{{{self.ns}}}{local}"

    def val_of(self, el: etree._Element | None, child: str) -> str | None:
        if el is None:
            return None
        c = el.find(self.q(child))
        return None if c is None else c.get(self.val)


class _Package:
    """The parts of the archive, found through the package relationships."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.names = {n.lstrip("/"): n for n in zf.namelist()}

    def _get(self, name: str) -> bytes | None:
        real = self.names.get(name.lstrip("/"))
        return None if real is None else read_member(self.zf, real)

    def xml(self, name: str) -> etree._Element:
        data = self._get(name)
        if data is None:
            raise InputError(f"not a Word document: {name} is missing")
        return parse_xml_part(data, name)

    def xml_or_none(self, name: str | None) -> etree._Element | None:
        if name is None or name.lstrip("/") not in self.names:
            return None
        return self.xml(name)

    def _rels(self, part: str) -> list[tuple[str, str]]:
        folder, base = posixpath.split(part.lstrip("/"))
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.names:
            return []
        root = parse_xml_part(self._get(rels_name) or b"", rels_name)
        out = []
        for rel in root:
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            kind = rel.get("Type") or ""
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            out.append((kind, resolved))
        return out

    def main_document(self) -> str:
        if "[Content_Types].xml" not in self.names and "word/document.xml" not in self.names:
            if "mimetype" in self.names and "content.xml" in self.names:
                raise InputError(
                    "not a Word document: an OpenDocument file (.odt); save it as .docx"
                )
            raise InputError("not a Word document: the archive has no Word parts")
        for kind, target in self._rels(""):
            if kind.endswith(OFFICE_DOCUMENT) and target in self.names:
                return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise InputError("not a Word document: word/document.xml is missing")

    def related(self, part: str, kind_suffix: str) -> str | None:
        for kind, target in self._rels(part):
            if kind.endswith(kind_suffix):
                return target
        default = "word" + kind_suffix + ".xml"
        return default if default in self.names else None


@dataclass(slots=True)
class _Style:
    """A paragraph style: its name, the style it is based on, and the numbering,
    outline level and capitals it gives."""

    name: str = ""
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    caps: bool | None = None
    bold: bool | None = None


class _Styles:
    def __init__(self, root: etree._Element | None, w: _Names) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for el in root.iter(w.q("style")):
            sid = el.get(w.q("styleId"))
            if not sid:
                continue
            ppr = el.find(w.pPr)
            numpr = ppr.find(w.numPr) if ppr is not None else None
            outline = w.val_of(ppr, "outlineLvl")
            ilvl = w.val_of(numpr, "ilvl")
            style = _Style(
                name=(w.val_of(el, "name") or sid).strip(),
                based_on=w.val_of(el, "basedOn"),
                num_id=w.val_of(numpr, "numId"),
                ilvl=_int(ilvl),
                outline=_int(outline),
                caps=_flag(el.find(w.rPr), w, "caps"),
                bold=_flag(el.find(w.rPr), w, "b"),
            )
            self.by_id[sid] = style
            if el.get(w.q("type")) == "paragraph" and el.get(w.q("default")) in ("1", "true"):
                self.default_paragraph = sid

    def chain(self, sid: str | None) -> list[_Style]:
        """The style and the styles it is based on, nearest first."""
        out: list[_Style] = []
        seen: set[str] = set()
        sid = sid or self.default_paragraph
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            out.append(self.by_id[sid])
            sid = self.by_id[sid].based_on
        return out

    def heading_level(self, sid: str | None) -> int | None:
        chain = self.chain(sid)
        if chain:
            name = chain[0].name
            m = _HEADING_NAME.match(name)
            if m:
                return int(m.group(1))
            if name.lower() == "title":
                return 1
        for st in chain:
            if st.outline is not None:
                return st.outline + 1 if st.outline < 9 else None
        return None

    def list_level(self, sid: str | None) -> int:
        chain = self.chain(sid)
        m = _LIST_STYLE_NAME.match(chain[0].name) if chain else None
        return int(m.group(1)) - 1 if m else 0

    def numbering(self, sid: str | None) -> tuple[str | None, int | None]:
        for st in self.chain(sid):
            if st.num_id is not None:
                return st.num_id, st.ilvl
        return None, None

    def caps(self, sid: str | None) -> bool:
        for st in self.chain(sid):
            if st.caps is not None:
                return st.caps
        return False

    def bold(self, sid: str | None) -> bool:
        for st in self.chain(sid):
            if st.bold is not None:
                return st.bold
        return False


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _flag(rpr: etree._Element | None, w: _Names, name: str) -> bool | None:
    """A WordprocessingML on/off property: present means on unless val says otherwise."""
    if rpr is None:
        return None
    el = rpr.find(w.q(name))
    if el is None:
        return None
    return el.get(w.val, "true").lower() not in ("0", "false", "off")


# Numbering ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Level:
    """One level of a Word numbering definition (``w:lvl``)."""

    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None  # the paragraph style linked to this level


@dataclass(slots=True)
class _Num:
    """A numbering instance (``w:num``): its abstract definition and the levels and
    start values it overrides."""

    abstract: str
    overrides: dict[int, int | None] = field(default_factory=dict)  # ilvl -> startOverride
    levels: dict[int, _Level] = field(default_factory=dict)  # ilvl -> replacing w:lvl


class _Numbering:
    """Word's list numbering: counters per list, rendered with each level's lvlText."""

    def __init__(self, root: etree._Element | None, styles: _Styles, w: _Names) -> None:
        self.w = w
        self.styles = styles
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_link: dict[str, str] = {}  # abstractNumId -> numbering style id
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for an in root.iter(w.q("abstractNum")):
            aid = an.get(w.q("abstractNumId"))
            if aid is None:
                continue
            self.abstract[aid] = {
                lvl: level for lvl, level in (self._level(el) for el in an.iter(w.q("lvl")))
            }
            link = w.val_of(an, "numStyleLink")
            if link:
                self.style_link[aid] = link
        for num in root.iter(w.q("num")):
            nid = num.get(w.numId)
            aid = w.val_of(num, "abstractNumId")
            if nid is None or aid is None:
                continue
            entry = _Num(abstract=aid)
            for ov in num.iter(w.q("lvlOverride")):
                ilvl = _int(ov.get(w.ilvl))
                if ilvl is None:
                    continue
                start = _int(w.val_of(ov, "startOverride"))
                lvl_el = ov.find(w.q("lvl"))
                if lvl_el is not None:
                    entry.levels[ilvl] = self._level(lvl_el)[1]
                    if start is None:
                        start = entry.levels[ilvl].start
                entry.overrides[ilvl] = start
            self.nums[nid] = entry

    def _level(self, el: etree._Element) -> tuple[int, _Level]:
        w = self.w
        level = _Level(
            start=_int(w.val_of(el, "start")) or 0,
            fmt=w.val_of(el, "numFmt") or "decimal",
            text=w.val_of(el, "lvlText"),
            restart=_int(w.val_of(el, "lvlRestart")),
            legal=el.find(w.q("isLgl")) is not None,
            suffix=w.val_of(el, "suff") or "tab",
            style=w.val_of(el, "pStyle"),
        )
        if el.find(w.q("start")) is None:
            level.start = 1 if level.fmt != "decimalZero" else 0
        return _int(el.get(w.ilvl)) or 0, level

    def _levels(self, num: _Num) -> dict[int, _Level]:
        levels = self.abstract.get(num.abstract, {})
        if not levels and num.abstract in self.style_link:
            # A list style: the abstract definition lives behind the style's own numId.
            nid, _ = self.styles.numbering(self.style_link[num.abstract])
            linked = self.nums.get(nid or "")
            if linked is not None and linked.abstract != num.abstract:
                levels = self.abstract.get(linked.abstract, {})
        if num.levels:
            levels = {**levels, **num.levels}
        return levels

    def render(
        self, num_id: str | None, ilvl: int | None, style: str | None = None
    ) -> tuple[str, bool] | None:
        """Advance the list and return (the number text with the space that follows it,
        is a bullet); None if the paragraph is not numbered."""
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        num = self.nums[num_id]
        levels = self._levels(num)
        if ilvl is None:
            # A style linked to a level of a list (Heading 2 -> level 1) names no level.
            ilvl = next((k for k, lv in levels.items() if style and lv.style == style), 0)
        ilvl = min(max(ilvl, 0), 8)
        level = levels.get(ilvl)
        if level is None:
            return None
        # Lists that share an abstract definition share counters unless a list restarts
        # with a start override, which makes it a list of its own.
        key = f"n{num_id}" if num.overrides else f"a{num.abstract}"
        counts = self.counters.setdefault(key, [None] * 9)
        if num.overrides and num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in num.overrides.items():
                if 0 <= lvl < 9 and start is not None:
                    counts[lvl] = start - 1
        current = counts[ilvl]
        counts[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            dl = levels.get(deeper)
            restart_after = deeper if dl is None or dl.restart is None else dl.restart
            if restart_after and ilvl < restart_after:
                counts[deeper] = None
        if level.fmt == "bullet":
            return "", True
        text = f"%{ilvl + 1}." if level.text is None else level.text

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            if not 0 <= k < 9:
                return ""
            kl = levels.get(k) or _Level()
            value = counts[k] if counts[k] is not None else kl.start
            fmt = "decimal" if level.legal and kl.fmt != "decimalZero" else kl.fmt
            return format_number(value or 0, fmt)

        rendered = re.sub(r"%([1-9])", number, text).strip()
        if level.fmt == "none" and not rendered:
            return None
        return rendered + ("" if level.suffix == "nothing" or not rendered else " "), False


def format_number(n: int, fmt: str) -> str:
    """A list counter in one of Word's number formats."""
    if fmt in ("lowerLetter", "upperLetter"):
        s = _letters(n)
        return s if fmt == "lowerLetter" else s.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        s = roman_numeral(n)
        return s if fmt == "upperRoman" else s.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalEnclosedParen",):
        return f"({n})"
    if fmt == "none":
        return ""
    return str(n)


# Word numbers lists up to 32767; a larger start (in a damaged file, or an HTML list's
# start attribute) is shown as digits instead of as a letter repeated without end.
MAX_LIST_NUMBER = 32767


def _letters(n: int) -> str:
    # Word repeats the letter: a..z, aa..zz, aaa...
    if n <= 0 or n > MAX_LIST_NUMBER:
        return str(n)
    letter = chr(ord("a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


# Comments -----------------------------------------------------------------------------


def _comment_texts(root: etree._Element | None, w: _Names) -> dict[str, str]:
    """Comments whose text starts with "minlint:", by comment id."""
    out: dict[str, str] = {}
    if root is None:
        return out
    for c in root.iter(w.q("comment")):
        cid = c.get(w.id)
        parts = []
        for p in c.iter(w.p):
            parts.append("".join(t.text or "" for t in p.iter(w.t)))
        text = _SPACES.sub(" ", " ".join(parts)).strip()
        if cid is not None and text.lower().startswith("minlint:"):
            out[cid] = text
    return out


# The body -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Para:
    """A paragraph of the body as read: its number, text, kind and list level."""

    no: int
    text: str
    kind: str = PARAGRAPH
    level: int = 0
    deleted_mark: bool = False
    origins: tuple[tuple[int, int, int], ...] = ()  # where lines broken within it start
    lead: int = 0  # see Block.lead


@dataclass(slots=True)
class _Shape:
    """A body paragraph as a line of text: its text with the spaces as typed (the
    number or a bullet glyph first for a list paragraph), its kind and level."""

    raw: str
    kind: str = PARAGRAPH
    level: int = 0
    text_style: bool = False  # in the style a word processor gives the lines of a text file


class _BodyReader:
    def __init__(
        self,
        path: str,
        w: _Names,
        styles: _Styles,
        numbering: _Numbering,
        comments: dict[str, str],
    ) -> None:
        self.path = path
        self.w = w
        self.styles = styles
        self.numbering = numbering
        self.comments = comments
        self.lines: list[str] = []
        self.blocks: list[Block] = []
        self.directives: list[Directive] = []
        self.anchored: set[str] = set()
        self.pending: _Para | None = None  # a paragraph whose mark was deleted
        self.changes = {"insertions": 0, "deletions": 0, "moves": 0, "formatting changes": 0}
        self.changed: set[etree._Element] = set()  # paragraphs holding a tracked change
        self.revision_lines: list[int] = []
        self.shapes: dict[int, _Shape] = {}  # body paragraphs outside tables, by line
        self.in_table = 0
        self.in_contents = 0
        # whether every run of the paragraph being read so far is bold, and its style's
        self._all_bold = True
        self._para_bold = False
        # the text of the bold runs a paragraph opens with, while they last
        self._lead: list[str] | None = None
        self._bold_lead = ""
        self.skip = {
            w.dele,
            w.moveFrom,
            w.q("delText"),
            w.q("delInstrText"),
            w.q("instrText"),
            w.q("txbxContent"),
            w.q("footnoteReference"),
            w.q("endnoteReference"),
            w.q("commentReference"),
            w.q("rPrChange"),
            w.q("pPrChange"),
            w.q("sectPrChange"),
            w.pPr,
            w.rPr,
            f"{{{MC_NS}}}Fallback",
        }

    def read(self, body: etree._Element) -> Document:
        self._count_changes(body)
        self._container(body)
        self._flush_pending()
        if _paragraphs_are_lines(self.shapes):
            blocks = self._read_as_lines()
        else:
            blocks = join_continued(self.blocks, caps_titles=True)
        notices = []
        counted = [(n, what) for what, n in self.changes.items() if n]
        if counted:
            listed = ", ".join(f"{n} {what if n != 1 else _singular(what)}" for n, what in counted)
            notices.append(f"tracked changes remain ({listed})")
        return Document(
            path=self.path,
            format="docx",
            blocks=blocks,
            lines=self.lines,
            directives=self.directives,
            notices=notices,
            revision_lines=self.revision_lines,
        )

    def _read_as_lines(self) -> list[Block]:
        """The blocks of a document whose paragraphs are lines, read by the text reader.

        Each paragraph is a line of the text; a heading or list paragraph starts a block
        of its own (a blank line is put before it, and after a heading), and keeps its
        kind. Table rows stay as they were read.
        """
        from minlint.lint.readers.text import read_plain

        text: list[str] = []
        origin: list[int] = []  # the paragraph of each line of ``text``
        for no in range(1, len(self.lines) + 1):
            shape = self.shapes.get(no)
            if shape is not None and shape.kind != PARAGRAPH and shape.raw.strip():
                text.append("")
                origin.append(no)
            text.append(shape.raw if shape is not None else "")
            origin.append(no)
            if shape is not None and shape.kind == HEADING:
                text.append("")
                origin.append(no)
        read = read_plain("\n".join(text), self.path).blocks
        out: list[Block] = [b for b in self.blocks if b.kind == TABLE_ROW]
        for b in read:
            line = origin[b.line - 1]
            shape = self.shapes.get(line)
            kind, level = b.kind, b.level
            if shape is not None and shape.kind != PARAGRAPH:
                kind, level = shape.kind, shape.level
            out.append(
                replace(
                    b,
                    kind=kind,
                    level=level,
                    line=line,
                    end_line=origin[b.end_line - 1],
                    origins=tuple((o, origin[ln - 1], col) for o, ln, col in b.origins),
                )
            )
        out.sort(key=lambda b: b.line)
        return out

    def _count_changes(self, body: etree._Element) -> None:
        """Count revisions as Word marks them; a paragraph mark counts only when its
        paragraph has no other change of the same kind."""
        w = self.w
        for el in body.iter(w.ins, w.dele, w.moveFrom, w.q("rPrChange"), w.q("pPrChange")):
            parent = el.getparent()
            if parent is not None and parent.tag == w.rPr and el.tag in (w.ins, w.dele):
                ppr = parent.getparent()
                p = ppr.getparent() if ppr is not None else None
                if p is None or ppr.tag != w.pPr:
                    continue
                if any(c is not el for c in p.iter(el.tag)):
                    continue
            holder = next(el.iterancestors(w.p), None)
            if holder is not None:
                self.changed.add(holder)
            if el.tag == w.ins:
                self.changes["insertions"] += 1
            elif el.tag == w.dele:
                self.changes["deletions"] += 1
            elif el.tag == w.moveFrom:
                self.changes["moves"] += 1
            else:
                self.changes["formatting changes"] += 1

    def _container(self, el: etree._Element) -> None:
        w = self.w
        for child in el:
            tag = child.tag
            if tag == w.p:
                self._paragraph(child)
            elif tag == w.tbl:
                self._table(child)
            elif tag == w.q("commentRangeStart"):
                # A comment anchored between paragraphs belongs to the next one.
                cid = child.get(w.id)
                if cid in self.comments and cid not in self.anchored:
                    self.anchored.add(cid)
                    self.directives.append(
                        Directive(line=len(self.lines) + 1, text=self.comments[cid])
                    )
            elif tag in self.skip or not isinstance(tag, str):
                continue
            elif tag == w.q("sdt") and _is_table_of_contents(child, w):
                # Its paragraphs count as lines, but repeat the headings with page numbers.
                before = len(self.blocks)
                self.in_contents += 1
                self._container(child)
                self.in_contents -= 1
                self._flush_pending()
                del self.blocks[before:]
            else:
                # Content controls, custom XML, moved or inserted runs of blocks.
                self._container(child)

    def _table(self, tbl: etree._Element) -> None:
        self.in_table += 1
        try:
            self._rows(tbl)
        finally:
            self.in_table -= 1

    def _rows(self, tbl: etree._Element) -> None:
        rows: list[tuple[Block | None, list[list[Block]], list[Block]]] = []
        for tr in _children(tbl, self.w.tr, self.w):
            self._flush_pending()
            first_line = len(self.lines) + 1
            cells: list[str] = []
            contents: list[list[Block]] = []
            nested: list[Block] = []
            for tc in _children(tr, self.w.tc, self.w):
                before = len(self.blocks)
                self._container(tc)
                self._flush_pending()
                inner = self.blocks[before:]
                del self.blocks[before:]
                # A nested table's rows stay rows of their own, after this row.
                nested.extend(b for b in inner if b.kind == TABLE_ROW)
                contents.append([b for b in inner if b.kind != TABLE_ROW])
                cells.append(" ".join(b.text for b in contents[-1]))
            row = None
            if any(cells):
                row = Block(
                    kind=TABLE_ROW,
                    text=" | ".join(cells),
                    line=first_line,
                    end_line=max(first_line, len(self.lines)),
                    cells=tuple(cells),
                )
            rows.append((row, contents, nested))
        minutes = _minutes_in_rows([c for _, c, _ in rows])
        for row, contents, nested in rows:
            if minutes and _NUMBER_CELL.match(" ".join(b.text for b in contents[0])):
                self.blocks.extend(_minute_of_row(contents))
            elif row is not None:
                self.blocks.append(row)
            self.blocks.extend(nested)

    def _paragraph(self, p: etree._Element) -> None:
        w = self.w
        no = len(self.lines) + 1
        if p in self.changed:
            self.revision_lines.append(no)
        ppr = p.find(w.pPr)
        style = w.val_of(ppr, "pStyle")
        numpr = ppr.find(w.numPr) if ppr is not None else None
        style_num, style_ilvl = self.styles.numbering(style)
        num_id = w.val_of(numpr, "numId") or style_num
        ilvl = _int(w.val_of(numpr, "ilvl"))
        if ilvl is None:
            ilvl = style_ilvl
        caps = self.styles.caps(style)
        self._para_bold = self.styles.bold(style)
        self._all_bold = True
        self._lead, self._bold_lead = [], ""
        raw = self._raw_text(p, caps)
        self._lead = None
        text, breaks = _broken_lines(raw)
        raw = raw.replace("\n", " ")
        mark = ppr.find(w.rPr) if ppr is not None else None
        deleted_mark = mark is not None and (
            mark.find(w.dele) is not None or mark.find(w.moveFrom) is not None
        )
        if not text and deleted_mark:
            # An emptied paragraph whose mark was deleted is gone once accepted.
            self.lines.append("")
            self._directives(p, no)
            return
        number = self.numbering.render(num_id, ilvl, style)
        heading = self.styles.heading_level(style)
        outline = _int(w.val_of(ppr, "outlineLvl"))
        if outline is not None and outline < 9:
            heading = outline + 1
        kind, level = PARAGRAPH, 0
        if heading is not None:
            kind, level = HEADING, heading
        elif number is None and self._all_bold and BOLD_TITLE.match(text):
            # a short line all in bold, as "**Planning**" in markdown: a title
            kind = HEADING
        elif number is not None:
            kind, level = LIST_ITEM, max(ilvl or 0, self.styles.list_level(style))
        if number is not None and number[0] and text:
            text = number[0] + text
            breaks = [b + len(number[0]) for b in breaks]
        elif kind == PARAGRAPH:
            typed = _TYPED_BULLET.match(text)
            if typed and len(text) > typed.end():
                # A bullet typed as a character ("- ", "• ") rather than a Word bullet.
                text = text[typed.end() :]
                breaks = [b - typed.end() for b in breaks if b > typed.end()]
                kind, level = LIST_ITEM, 1 if raw[:1].isspace() else 0
        origins = ((0, no, 1), *((b, no, b + 1) for b in breaks)) if breaks else ()
        lead = 0
        title = _SPACES.sub(" ", self._bold_lead).strip()
        if kind != HEADING and title and not self._all_bold:
            at = text.find(title, 0, len(title) + 12)
            lead = at + len(title) if at >= 0 and at + len(title) < len(text) else 0
        if not self.in_table and not self.in_contents:
            if number is not None:
                raw = (number[0] if number[0] else "\u2022 ") + raw.strip()
            chain = self.styles.chain(style)
            plain_text = bool(chain) and chain[0].name.lower() in _TEXT_FILE_STYLES
            self.shapes[no] = _Shape(raw.rstrip(), kind, level, plain_text)
        self.lines.append(text)
        self._directives(p, no)
        para = _Para(no, text, kind, level, deleted_mark, origins, lead)
        if self.pending is not None:
            # The previous paragraph's mark was deleted: accepted, the two are one.
            prev = self.pending
            self.pending = None
            joined = (prev.text + " " + text).strip() if text else prev.text
            para = _Para(no=prev.no, text=joined, kind=kind, level=level)
            para.deleted_mark = deleted_mark
            if deleted_mark:
                self.pending = para
                return
            self._emit(para, end=no)
            return
        if deleted_mark:
            self.pending = para
            return
        if text:
            self._emit(para, end=no)

    def _emit(self, para: _Para, end: int) -> None:
        if para.text:
            self.blocks.append(
                Block(
                    kind=para.kind,
                    text=para.text,
                    line=para.no,
                    end_line=end,
                    level=para.level,
                    origins=para.origins,
                    lead=para.lead,
                )
            )

    def _flush_pending(self) -> None:
        if self.pending is not None:
            para, self.pending = self.pending, None
            self._emit(para, end=len(self.lines))

    def _directives(self, p: etree._Element, no: int) -> None:
        if not self.comments:
            return
        w = self.w
        for el in p.iter(w.q("commentRangeStart"), w.q("commentReference")):
            cid = el.get(w.id)
            if cid in self.comments and cid not in self.anchored:
                self.anchored.add(cid)
                self.directives.append(Directive(line=no, text=self.comments[cid]))

    def _raw_text(self, p: etree._Element, caps: bool) -> str:
        out: list[str] = []
        self._runs(p, out, caps)
        return "".join(out)

    def _runs(self, el: etree._Element, out: list[str], caps: bool) -> None:
        w = self.w
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in self.skip:
                continue
            if tag == w.r:
                self._run(child, out, caps)
            elif tag in (w.p, w.tbl):
                continue  # nested block content (text boxes) is not part of this paragraph
            else:
                self._runs(child, out, caps)

    def _run(self, r: etree._Element, out: list[str], para_caps: bool) -> None:
        w = self.w
        rpr = r.find(w.rPr)
        if _flag(rpr, w, "vanish"):
            return
        caps = _flag(rpr, w, "caps")
        if caps is None:
            rstyle = w.val_of(rpr, "rStyle")
            caps = self.styles.caps(rstyle) if rstyle else para_caps
        buf: list[str] = []
        for child in r:
            tag = child.tag
            if tag == w.t:
                buf.append(child.text or "")
            elif tag in (w.q("tab"), w.q("ptab")):
                buf.append("\t")
            elif tag in (w.q("br"), w.q("cr")):
                # A line break within the paragraph ("Directors Present:" / "Rich Bowen" /
                # "Doug Cutting"): the paragraph's lines are kept apart in its origins.
                buf.append(" " if child.get(w.q("type")) in ("page", "column") else "\n")
            elif tag == w.q("noBreakHyphen"):
                buf.append("-")
            elif tag == w.q("sym"):
                char = child.get(w.q("char")) or ""
                try:
                    code = int(char, 16)
                except ValueError:
                    continue
                # Symbol-font characters sit in the private use area; keep plain ones
                # (a damaged file may name a surrogate or no character at all).
                if 0 <= code < 0xD800 or 0xF8FF < code < 0x110000:
                    buf.append(chr(code))
            elif tag == f"{{{MC_NS}}}AlternateContent":
                self._runs(child, buf, bool(caps))
        text = compose("".join(buf)).translate(SPACES)  # zero-width characters, soft hyphens
        if text.strip() and (self._all_bold or self._lead is not None):
            bold = _flag(rpr, w, "b")
            if bold is None:
                rstyle = w.val_of(rpr, "rStyle")
                bold = self.styles.bold(rstyle) if rstyle else self._para_bold
            self._all_bold = self._all_bold and bold
            if self._lead is not None and not bold:
                # the bold runs the paragraph opened with end here
                self._bold_lead = "".join(self._lead)
                self._lead = None
        text = text.upper() if caps else text
        if self._lead is not None:
            self._lead.append(text)
        out.append(text)


# The first cell of a table that lays minutes out: the minute's number alone.
_NUMBER_CELL = rx.compile(
    r"^(?i:(?:agenda\s+)?item\s*|minute\s*|min\.?\s*)?(?:[A-Z]{1,4}\s?/?\s?)?"
    r"\d{1,4}(?:[./]\d{1,4})?\.?$"
)


_DIGITS = rx.compile(r"\d+")


def _minutes_in_rows(rows: list[list[list[Block]]]) -> bool:
    """Whether a table lays out minutes, not a list of figures or an agenda's items:
    rows of two or three cells, the first a number, the others a title and the minute's
    text in most of them."""
    numbered = [
        cells
        for cells in rows
        if 2 <= len(cells) <= 3
        and len(cells[0]) == 1
        and _NUMBER_CELL.match(cells[0][0].text)
        and any(cells[1:])
    ]
    told = [cells for cells in numbered if _title_and_text([b for c in cells[1:] for b in c])]
    numbers = [int(_DIGITS.findall(cells[0][0].text)[-1]) for cells in numbered]
    return len(numbered) >= 2 and 2 * len(told) >= len(numbered) and in_sequence(numbers)


def _title_and_text(paragraphs: list[Block]) -> bool:
    """Whether a row's paragraphs after its number are a title and a minute's text: a
    title in bold with the text after it, or paragraphs after the first that say
    something in words (not a figure, not an agenda item's pages, not only who acts)."""
    if paragraphs and paragraphs[0].lead:
        return True
    words = sum(any(c.isalpha() for c in w) for b in paragraphs[1:] for w in b.text.split())
    return words >= 3


def _minute_of_row(cells: list[list[Block]]) -> list[Block]:
    """A minute laid out as a row: its number and the first paragraph of its text as one
    block ("25/101 Apologies for absence"), then the other paragraphs as they are."""
    number = cells[0][0]
    paragraphs = [b for cell in cells[1:] for b in cell]
    if not paragraphs:
        return [number]
    first, rest = paragraphs[0], paragraphs[1:]
    shift = len(number.text) + 1
    origins = ((0, number.line, 1), *((o + shift, ln, col) for o, ln, col in first.origins))
    if not first.origins:
        origins = ((0, number.line, 1), (shift, first.line, 1))
    head = Block(
        kind=HEADING if first.kind == HEADING else PARAGRAPH,
        text=f"{number.text} {first.text}",
        line=number.line,
        end_line=first.end_line,
        level=first.level,
        origins=origins,
        lead=first.lead + shift if first.lead else 0,
    )
    return [head, *rest]


def _broken_lines(raw: str) -> tuple[str, list[int]]:
    """A paragraph's text with its white space collapsed, and where each of the lines
    after a line break (``\\n`` in ``raw``) starts in it."""
    text = ""
    starts: list[int] = []
    for piece in raw.split("\n"):
        piece = _SPACES.sub(" ", piece).strip()
        if not piece:
            continue
        if text:
            text += " "
            starts.append(len(text))
        text += piece
    return text, starts


def _paragraphs_are_lines(shapes: dict[int, _Shape]) -> bool:
    """True when the body's paragraphs are the lines of a text: they are in the style a
    word processor gives a text file it opens, or empty paragraphs stand between
    paragraphs, most are short and many stop in the middle of a sentence that the next
    paragraph goes on with."""
    plain = [no for no, s in shapes.items() if s.kind == PARAGRAPH and s.raw.strip()]
    if len(plain) < 6:
        return False
    if sum(shapes[no].text_style for no in plain) >= 0.8 * len(plain):
        return True
    # The blank lines between a text's paragraphs are empty paragraphs: without them,
    # reading the lines as a text would run typed paragraphs together.
    empty = sum(1 for s in shapes.values() if not s.raw.strip())
    if empty < max(2, 0.1 * len(plain)):
        return False
    long = sum(1 for no in plain if len(shapes[no].raw.strip()) > _LONGEST_LINE)
    wrapped = 0
    for no in plain:
        nxt = shapes.get(no + 1)
        if nxt is not None and nxt.kind == PARAGRAPH and nxt.raw.strip():
            wrapped += runs_on(shapes[no].raw.strip(), nxt.raw.strip())
    return wrapped >= 3 and wrapped >= _WRAPPED_SHARE * len(plain) and long <= 0.1 * len(plain)


def _singular(what: str) -> str:
    return what[:-1] if what.endswith("s") else what


def _is_table_of_contents(sdt: etree._Element, w: _Names) -> bool:
    gallery = sdt.find(f"{w.q('sdtPr')}/{w.q('docPartObj')}/{w.q('docPartGallery')}")
    return gallery is not None and (gallery.get(w.val) or "").startswith("Table of Contents")


def _children(el: etree._Element, tag: str, w: _Names) -> list[etree._Element]:
    """Children with ``tag``, looking through content controls and custom XML wrappers
    but not into nested tables."""
    out: list[etree._Element] = []
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif isinstance(child.tag, str) and child.tag in (
            w.q("sdt"),
            w.q("sdtContent"),
            w.q("customXml"),
            w.ins,
            w.moveTo,
        ):
            out.extend(_children(child, tag, w))
    return out
