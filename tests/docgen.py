"""Builders of test documents, made at test time by real tools.

Word documents are written with python-docx, with Word's automatic numbering and
tracked changes added to its XML; Word and PDF versions of the real minutes are made
by LibreOffice; hostile archives (zip bombs, entity attacks, encrypted files) are built
byte by byte.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import struct
import subprocess
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from minlint.lint.blocks import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW, Block

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def qn(tag: str) -> str:
    prefix, local = tag.split(":")
    assert prefix == "w"
    return f"{{{W_NS}}}{local}"


# Word numbering ------------------------------------------------------------------------


def add_list(
    document,
    levels: Sequence[tuple[str, str, int]],
    *,
    restart_after: dict[int, int] | None = None,
) -> tuple[int, int]:
    """Add a numbering definition to a python-docx document.

    ``levels`` are (numFmt, lvlText, start) from level 0 down. Returns (abstractNumId,
    numId) of the definition and of a list that uses it.
    """
    from docx.oxml import OxmlElement

    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.iter(qn("w:abstractNum"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "multilevel" if len(levels) > 1 else "singleLevel")
    abstract.append(multi)
    for ilvl, (fmt, text, start) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for name, value in (("w:start", str(start)), ("w:numFmt", fmt)):
            el = OxmlElement(name)
            el.set(qn("w:val"), value)
            lvl.append(el)
        if restart_after and ilvl in restart_after:
            el = OxmlElement("w:lvlRestart")
            el.set(qn("w:val"), str(restart_after[ilvl]))
            lvl.append(el)
        el = OxmlElement("w:lvlText")
        el.set(qn("w:val"), text)
        lvl.append(el)
        # Each level further in, the number hanging before the text, as Word has it.
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(720 * (ilvl + 1)))
        ind.set(qn("w:hanging"), "360")
        ppr.append(ind)
        lvl.append(ppr)
        abstract.append(lvl)
    # Abstract definitions come before the lists that use them.
    first_num = next(iter(numbering.iter(qn("w:num"))), None)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return abstract_id, add_list_instance(document, abstract_id)


def add_list_instance(
    document, abstract_id: int, start_override: dict[int, int] | None = None
) -> int:
    """A further list of an existing definition; with ``start_override`` it restarts."""
    from docx.oxml import OxmlElement

    numbering = document.part.numbering_part.element
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.iter(qn("w:num"))]
    num_id = max(num_ids, default=0) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    for ilvl, start in (start_override or {}).items():
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), str(ilvl))
        so = OxmlElement("w:startOverride")
        so.set(qn("w:val"), str(start))
        override.append(so)
        num.append(override)
    numbering.append(num)
    return num_id


def number_paragraph(paragraph, num_id: int, ilvl: int = 0) -> None:
    """Give a paragraph automatic numbering: Word draws the number, the text has none."""
    from docx.oxml import OxmlElement

    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    for name, value in (("w:ilvl", ilvl), ("w:numId", num_id)):
        el = OxmlElement(name)
        el.set(qn("w:val"), str(value))
        numpr.append(el)
    # numPr follows pStyle (and keepNext ...) in a paragraph's properties.
    style = ppr.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(numpr)
    else:
        ppr.insert(0, numpr)


# Tracked changes -----------------------------------------------------------------------

_revision = iter(range(1000, 100000))


def _change(kind: str, author: str):
    from docx.oxml import OxmlElement

    el = OxmlElement(kind)
    el.set(qn("w:id"), str(next(_revision)))
    el.set(qn("w:author"), author)
    el.set(qn("w:date"), "2023-03-20T10:00:00Z")
    return el


def tracked_insert(paragraph, text: str, author: str = "Democratic Services") -> None:
    """Append ``text`` to a paragraph as a tracked insertion."""
    from docx.oxml import OxmlElement

    ins = _change("w:ins", author)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    run.append(t)
    ins.append(run)
    paragraph._p.append(ins)


def tracked_delete(paragraph, text: str, author: str = "Democratic Services") -> None:
    """Append ``text`` to a paragraph as a tracked deletion."""
    from docx.oxml import OxmlElement

    dele = _change("w:del", author)
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    run.append(t)
    dele.append(run)
    paragraph._p.append(dele)


def tracked_move(paragraph, text: str, *, to: bool, author: str = "Democratic Services") -> None:
    """Append ``text`` as the source (``to=False``) or destination of a tracked move."""
    from docx.oxml import OxmlElement

    move = _change("w:moveTo" if to else "w:moveFrom", author)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t" if to else "w:delText")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    run.append(t)
    move.append(run)
    paragraph._p.append(move)


def delete_paragraph_mark(paragraph, author: str = "Democratic Services") -> None:
    """Mark a paragraph's end as deleted: accepted, it joins the next paragraph."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        from docx.oxml import OxmlElement

        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)
    rpr.append(_change("w:del", author))


# Word documents from blocks ------------------------------------------------------------


def docx_from_blocks(
    blocks: Iterable[Block],
    path: Path,
    *,
    minute_numbers: bool = False,
    layout: Layout | None = None,
) -> Path:
    """A Word document with one paragraph per block, as a clerk would type it.

    With ``minute_numbers`` the minute headings ("19. DECLARATIONS OF INTEREST") are
    numbered by Word: a decimal list that starts at the first minute number, and the
    number is taken out of the text.
    """
    import docx

    document = docx.Document()
    _page(document, layout)
    minute = re.compile(r"^(\d{1,4})\.?\s+(.*)$")
    num_id = None
    expected = None
    for b in blocks:
        if b.kind == TABLE_ROW:
            table = document.add_table(rows=1, cols=max(1, len(b.cells)))
            for cell, text in zip(table.rows[0].cells, b.cells or (b.text,), strict=False):
                cell.text = text
            continue
        m = minute.match(b.text) if minute_numbers and b.kind == HEADING else None
        if m and (expected is None or int(m.group(1)) == expected):
            if num_id is None:
                _, num_id = add_list(document, [("decimal", "%1.", int(m.group(1)))])
            p = document.add_paragraph(m.group(2), style="Heading 2")
            number_paragraph(p, num_id)
            expected = int(m.group(1)) + 1
            continue
        if b.kind == HEADING:
            document.add_paragraph(b.text, style="Heading 2")
        elif b.kind == LIST_ITEM:
            document.add_paragraph(b.text, style="List Bullet" if not b.level else "List Bullet 2")
        else:
            document.add_paragraph(b.text)
    document.save(str(path))
    return path


# Minutes as a clerk types them in Word ---------------------------------------------------

_RESOLVED_LABEL = re.compile(r"^((?:And\s+)?Resolved\s*:?\s*-?)\s*", re.I)
_PART_MARK = re.compile(r"^(?:\((\d{1,2}|[a-z])\)|(\d{1,2}|[a-z])\))\s*")
# Word's list formats for resolution parts: numbers at the first level, letters below.
PART_FORMATS = {
    "(1)": [("decimal", "(%1)", 1), ("lowerLetter", "(%2)", 1)],
    "1)": [("decimal", "%1)", 1), ("lowerLetter", "%2)", 1)],
}


@dataclass(frozen=True, slots=True)
class Layout:
    """A page for LibreOffice to lay the document out on: width and margins in
    centimetres, the body font size in points (None: the template's own)."""

    width: float | None = None
    margin: float | None = None
    font_size: float | None = None


NARROW = Layout(width=11.0, margin=1.2, font_size=13)


def _page(document, layout: Layout | None) -> None:
    from docx.shared import Cm, Pt

    if layout is None:
        return
    for section in document.sections:
        if layout.width is not None:
            section.page_width = Cm(layout.width)
        if layout.margin is not None:
            section.left_margin = section.right_margin = Cm(layout.margin)
    if layout.font_size is not None:
        document.styles["Normal"].font.size = Pt(layout.font_size)


def _part_mark(text: str) -> tuple[str, str, str] | None:
    """("number" or "letter", the mark's value, the text after it)."""
    m = _PART_MARK.match(text)
    if m is None:
        return None
    value = m.group(1) or m.group(2)
    return ("number" if value.isdigit() else "letter"), value, text[m.end() :]


def clerk_docx(
    blocks: Sequence[Block],
    headings: dict[int, tuple[int, str, str]],
    path: Path,
    *,
    parts: str = "(1)",
    tracked: bool = True,
    layout: Layout | None = None,
    numbered_points: bool = False,
) -> Path:
    """Minutes typed in Word the way clerks type them.

    ``blocks`` are the minutes as a reader found them and ``headings`` maps the index of
    each minute's heading block to its number, title and the text after the title in
    that block. Minute headings are "Heading 2" paragraphs numbered by a Word list (the
    number is not in their text), the text after the title a paragraph; "Resolved:-"
    stands in a paragraph of its own, bold, and its parts are paragraphs of a Word list
    in the ``parts`` format ("(1)" or "1)", letters below), restarted for each
    resolution; bullets are Word bullets; one sentence is a tracked insertion. With
    ``numbered_points`` the bulleted points of a discussion are a Word numbered list
    ("1.", "2." ...) instead, started again for each list.
    """
    import docx

    from minlint.lint.extract.common import source_lines

    document = docx.Document()
    _page(document, layout)
    _, bullets = add_list(document, [("bullet", "\u2022", 1), ("bullet", "o", 1)])
    part_list, _ = add_list(document, PART_FORMATS[parts])
    point_list, _ = add_list(document, [("decimal", "%1.", 1)])
    minute_list: int | None = None  # the abstract list of the minute headings
    minute_num = 0  # the list that numbers them now
    next_minute = None
    resolution: int | None = None  # the list of the current resolution's parts
    expected = (1, 1)  # the next part number and letter that list gives
    points: int | None = None  # the list of the current numbered points
    minutes_seen = 0
    inserted = not tracked

    def new_resolution() -> int:
        nonlocal expected
        expected = (1, 1)
        return add_list_instance(document, part_list, {0: 1})

    def paragraph(text: str) -> None:
        nonlocal inserted
        words = text.split(" ")
        if inserted or minutes_seen < 2 or len(words) < 8:
            document.add_paragraph(text)
            return
        # Words added with track changes on; accepted, the text is the same.
        p = document.add_paragraph(" ".join(words[:-4]))
        tracked_insert(p, " " + " ".join(words[-4:]))
        inserted = True

    title_block = ""  # a title in a block of its own after a bare "1."
    for index, b in enumerate(blocks):
        if b.kind != LIST_ITEM:
            points = None
        if title_block and b.text.strip(" -–:.") == title_block:
            title_block = ""
            continue
        if index in headings:
            number, title, rest = headings[index]
            if minute_list is None:
                minute_list, minute_num = add_list(document, [("decimal", "%1.", number)])
            elif number != next_minute:
                # Word numbers on from the list's start: another number is a new start.
                minute_num = add_list_instance(document, minute_list, {0: number})
            number_paragraph(document.add_paragraph(title, style="Heading 2"), minute_num)
            if rest:
                paragraph(rest)
            title_block = title if re.fullmatch(r"\W*\d{1,4}\W*", b.text) else ""
            next_minute = number + 1
            resolution = None
            minutes_seen += 1
            continue
        if b.kind == TABLE_ROW:
            table = document.add_table(rows=1, cols=max(1, len(b.cells)))
            for cell, text in zip(table.rows[0].cells, b.cells or (b.text,), strict=False):
                cell.text = text
            continue
        text = b.text
        # A bold "**Resolved:**" line of markdown is read as a heading: it is a label.
        label = _RESOLVED_LABEL.match(text)
        if label:
            rest = text[label.end() :]
            p = document.add_paragraph()
            p.add_run(label.group(1).strip()).bold = True
            if _part_mark(rest) is None:
                if rest:
                    p.add_run(" " + rest)
                # "Resolved:-" or "Resolved:- That" opens a list of parts.
                opens = rest.strip(" :-").lower() in ("", "that")
                resolution = new_resolution() if opens else None
                continue
            resolution = new_resolution()
            text = rest
        mark = _part_mark(text) if b.kind != HEADING else None
        if mark is not None and mark[2] and (resolution is not None or b.kind == PARAGRAPH):
            kind, value, rest = mark
            if resolution is None:
                resolution = new_resolution()
            want = int(value) if kind == "number" else ord(value) - ord("a") + 1
            level = 0 if kind == "number" else 1
            if want != expected[level]:
                # Word cannot skip a number: the clerk restarts the list at it.
                overrides = {0: want} if level == 0 else {0: expected[0], 1: want}
                resolution = add_list_instance(document, part_list, overrides)
            number_paragraph(document.add_paragraph(rest), resolution, level)
            expected = (want + 1, 1) if level == 0 else (expected[0], want + 1)
            continue
        if b.kind == LIST_ITEM:
            if numbered_points and minutes_seen and resolution is None and not b.level:
                if points is None:
                    points = add_list_instance(document, point_list, {0: 1})
                number_paragraph(document.add_paragraph(text), points)
            else:
                number_paragraph(document.add_paragraph(text), bullets, min(b.level, 1))
            continue
        if b.kind == PARAGRAPH:
            resolution = None
        if b.kind == HEADING and minutes_seen == 0 and not document.paragraphs:
            document.add_paragraph(text, style="Title")
        elif b.kind == HEADING:
            document.add_paragraph(text, style="Heading 3")
        elif len(lines := source_lines(b)) >= 3 and all(
            len(line) <= 40 and not line.endswith(".") for line in lines
        ):
            # A list typed a line at a time ("Directors Present:" / "Rich Bowen" / ...).
            p = document.add_paragraph(lines[0])
            for line in lines[1:]:
                p.add_run().add_break()
                p.add_run(line)
        else:
            paragraph(text)
    document.save(str(path))
    return path


def html_from_blocks(blocks: Iterable[Block], title: str = "Minutes") -> str:
    """A plain HTML page with one element per block, to hand to a converter."""
    out = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"]
    out.append("</head><body>")
    depth = 0  # open <ul> elements
    for b in blocks:
        want = b.level + 1 if b.kind == LIST_ITEM else 0
        while depth > want:
            out.append("</ul>")
            depth -= 1
        while depth < want:
            out.append("<ul>")
            depth += 1
        text = html.escape(b.text)
        if b.kind == HEADING:
            out.append(f"<h2>{text}</h2>")
        elif b.kind == LIST_ITEM:
            out.append(f"<li>{text}</li>")
        elif b.kind == TABLE_ROW:
            cells = "".join(f"<td>{html.escape(c)}</td>" for c in (b.cells or (b.text,)))
            out.append(f"<table><tr>{cells}</tr></table>")
        else:
            out.append(f"<p>{text}</p>")
    out.extend(["</ul>"] * depth)
    out.append("</body></html>")
    return "\n".join(out)


# LibreOffice ---------------------------------------------------------------------------


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(sources: Sequence[Path], target: str, outdir: Path, profile: Path) -> list[Path]:
    """Convert files with LibreOffice ("docx" or "pdf"); one start-up for all of them.

    A private profile directory lets conversions run beside a user's own LibreOffice.
    """
    exe = soffice()
    assert exe is not None
    filters = {"docx": "docx:MS Word 2007 XML", "pdf": "pdf:writer_web_pdf_Export"}
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            filters.get(target, target),
            "--outdir",
            str(outdir),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(profile)},
    )
    out = [outdir / (s.stem + "." + target) for s in sources]
    missing = [p for p in out if not p.exists()]
    assert not missing, f"LibreOffice did not write {missing}"
    return out


# Hostile and broken files --------------------------------------------------------------

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def document_xml(*paragraphs: str, prolog: bytes = b"") -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + prolog
        + f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'.encode()
    )


def raw_docx(path: Path, parts: dict[str, bytes], *, with_document: bool = True) -> Path:
    """A .docx archive written member by member; ``parts`` add to or replace the defaults."""
    members = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS}
    if with_document:
        members["word/document.xml"] = document_xml("A paragraph.")
    members.update(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def zip_bytes(members: Sequence[dict]) -> bytes:
    """A zip archive written byte by byte, so that it can be damaged at will.

    Each member is a dict with ``name`` and ``data``, and optionally ``method`` (8:
    deflate, 0: stored, or any other number), ``stream`` (the stored bytes, instead of
    ``data`` compressed), and ``crc``, ``csize``, ``usize`` and ``flags`` to declare
    other values than the true ones.
    """
    import zlib

    out = bytearray()
    central = bytearray()
    for m in members:
        data = m["data"]
        method = m.get("method", 8)
        if "stream" in m:
            stream = m["stream"]
        elif method == 8:
            packer = zlib.compressobj(6, zlib.DEFLATED, -15)
            stream = packer.compress(data) + packer.flush()
        else:
            stream = data
        name = m["name"].encode()
        crc = m.get("crc", zlib.crc32(data))
        csize, usize = m.get("csize", len(stream)), m.get("usize", len(data))
        flags = m.get("flags", 0)
        offset = len(out)
        fields = (flags, method, 0, 0x21, crc, csize, usize, len(name))
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, *fields, 0) + name + stream
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, *fields, 0, 0, 0, 0, 0, offset
        )
        central += name
    count = len(members)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), len(out), 0)
    return bytes(out + central + end)


def docx_members(*paragraphs: str) -> list[dict]:
    """The members of a minimal Word document, for :func:`zip_bytes`."""
    return [
        {"name": "[Content_Types].xml", "data": CONTENT_TYPES},
        {"name": "_rels/.rels", "data": PACKAGE_RELS},
        {"name": "word/document.xml", "data": document_xml(*(paragraphs or ("A paragraph.",)))},
    ]


def zip_bomb(path: Path, uncompressed: int) -> Path:
    """A .docx whose one extra member is ``uncompressed`` bytes of zeros, streamed."""
    raw_docx(path, {})
    chunk = b"\0" * (1024 * 1024)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf,
        zf.open("word/media/padding.bin", "w", force_zip64=True) as fh,
    ):
        left = uncompressed
        while left > 0:
            fh.write(chunk[: min(left, len(chunk))])
            left -= len(chunk)
    return path


def ole_file(path: Path, streams: Sequence[str]) -> Path:
    """A minimal OLE compound file (the container of an encrypted .docx and of .doc)
    holding empty streams with these names."""
    sector = 512
    free, end_of_chain, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytearray(sector)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 0x2C, 1)  # sectors of the FAT
    struct.pack_into("<I", header, 0x30, 1)  # first directory sector
    struct.pack_into("<I", header, 0x38, 4096)  # mini stream cutoff
    struct.pack_into("<I", header, 0x3C, end_of_chain)  # first mini FAT sector
    struct.pack_into("<I", header, 0x44, end_of_chain)  # first DIFAT sector
    struct.pack_into("<I", header, 0x4C, 0)  # the FAT is sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 0x4C + 4 * i, free)
    fat = bytearray(b"\xff" * sector)
    struct.pack_into("<II", fat, 0, fat_sector, end_of_chain)

    def entry(name: str, kind: int, child: int = free, right: int = free) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        e = bytearray(128)
        e[: len(raw)] = raw
        struct.pack_into("<HBB", e, 64, len(raw), kind, 1)
        struct.pack_into("<III", e, 68, free, right, child)
        struct.pack_into("<I", e, 116, end_of_chain)
        return bytes(e)

    directory = bytearray()
    directory += entry("Root Entry", 5, child=1 if streams else free)
    for i, name in enumerate(streams):
        nxt = i + 2 if i + 1 < len(streams) else free
        directory += entry(name, 2, right=nxt)
    directory += b"\0" * (-len(directory) % sector)
    path.write_bytes(bytes(header) + bytes(fat) + bytes(directory))
    return path


PDF_FONTS = ("Helvetica", "Helvetica-Bold", "Courier")


def simple_pdf(path: Path, pages: Sequence[Sequence[tuple]]) -> Path:
    """A PDF whose pages show lines of text, each given as (x, y, size, text) in points
    from the bottom left of an A4 page, or (x, y, size, text, font) with a font of
    :data:`PDF_FONTS` (Helvetica when not given)."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        *(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
            % name.encode()
            for name in PDF_FONTS
        ),
    ]
    fonts = b" ".join(b"/F%d %d 0 R" % (k + 1, k + 3) for k in range(len(PDF_FONTS)))
    kids = []
    for lines in pages:
        stream = "".join(
            f"BT /F{PDF_FONTS.index(font[0] if font else 'Helvetica') + 1} {size:g} Tf"
            f" 1 0 0 1 {x:g} {y:g} Tm ({escape(text)}) Tj ET\n"
            for x, y, size, text, *font in lines
        ).encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources"
            b" << /Font << %s >> >> /Contents %d 0 R >>" % (fonts, content)
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    return write_pdf(path, objects)


def write_pdf(path: Path, objects: Sequence[bytes]) -> Path:
    """A PDF file of ``objects`` (numbered from 1, the first the catalogue), with its
    cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


# Comparing models ----------------------------------------------------------------------

LOCATION_FIELDS = frozenset({"line", "end_line", "start_line", "pages", "date_line"})


def model_json(path: Path) -> dict:
    """The meeting model of a file, as ``minlint parse`` prints it."""
    from minlint.lint.model import to_json
    from minlint.lint.parse import parse_document
    from minlint.lint.readers import read_document

    return to_json(parse_document(read_document(path)))


def without_locations(model):
    """A model with its location fields (and the file's path and format) taken out."""
    if isinstance(model, dict):
        return {
            k: without_locations(v)
            for k, v in model.items()
            if k not in LOCATION_FIELDS and k not in ("path", "format", "notices")
        }
    if isinstance(model, list):
        return [without_locations(v) for v in model]
    return model


# The seeds converted by LibreOffice: two agenda packs and two sets of minutes.
CONVERTED_SEEDS = ("000", "002", "003", "004")
_conversions: dict[str, dict[str, Path]] = {}


def seed_conversions(
    prefixes: Sequence[str], seeds: Sequence[Path], workdir: Path
) -> dict[str, Path]:
    """Word and PDF versions of seed documents made by LibreOffice, once per session.

    Each seed is read with the text reader, written as a plain HTML page, and converted
    to .docx and .pdf; it is also written as a Word document on a narrow page in a large
    font, and converted to .pdf, so that PDF lines wrap elsewhere. The result maps
    "003.docx", "003.pdf", "003.narrow.pdf" ... to the converted files.
    """
    from minlint.lint.readers.text import read_plain

    key = str(workdir)
    if key not in _conversions:
        workdir.mkdir(parents=True, exist_ok=True)
        pages, narrow = [], []
        for prefix, seed in zip(prefixes, seeds, strict=True):
            doc = read_plain(seed.read_text(encoding="utf-8"), str(seed))
            page = workdir / f"{prefix}.html"
            page.write_text(html_from_blocks(doc.blocks), encoding="utf-8")
            pages.append(page)
            narrow_docx = workdir / f"{prefix}.narrow.docx"
            narrow.append(docx_from_blocks(doc.blocks, narrow_docx, layout=NARROW))
        profile = workdir / "profile"
        out: dict[str, Path] = {}
        for target in ("docx", "pdf"):
            for made in convert(pages, target, workdir, profile):
                out[f"{made.stem}.{target}"] = made
        for made in convert(narrow, "pdf", workdir, profile):
            out[f"{made.stem}.pdf"] = made
        _conversions[key] = out
    return _conversions[key]


# Every set of minutes of the seeds, in Word and PDF -------------------------------------

# What a Word or PDF version of minutes is compared on with the text.
VERSIONS = ("clerk.docx", "lines.docx", "lines.pdf", "clerk.pdf", "narrow.pdf")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class MinutesVersions:
    """One set of minutes of a seed, with two mistakes put in, and its Word and PDF
    versions.

    ``source`` holds the minutes' own lines of the seed, in the seed's format (text or
    markdown), with the weekday of the meeting made wrong and the number of the third
    minute one too high (``planted`` says how); ``plain`` holds the same minutes as a
    text file (for the markdown seed, its words without the marks). ``files`` maps each
    of :data:`VERSIONS` to its file:

    - "clerk.docx": typed in Word as a clerk types minutes (:func:`clerk_docx`), with
      "(1)" resolution parts and bullets in some, "1)" parts and numbered points in
      others;
    - "lines.docx", "lines.pdf": ``plain`` opened in LibreOffice and saved as .docx and
      .pdf, one paragraph per line;
    - "clerk.pdf", "narrow.pdf": the clerk's document printed to PDF by LibreOffice, on
      its own A4 page and on a narrow page in a large font.
    """

    name: str  # "003", or "001-2" for the second minutes of a pack
    seed: Path
    index: int  # which of the seed's minutes parts (0-based, in document order)
    source: Path
    plain: Path
    files: dict[str, Path]
    planted: dict[str, tuple[str, str]]  # "weekday", "minute": (as written, as planted)


def minutes_of(
    path: Path,
) -> list[tuple[list[Block], dict[int, tuple[int, str, str]], int, int]]:
    """Each minutes part of a document: its blocks, its minute headings (the index of the
    heading's block -> number, title and the text after the title in that block) and its
    first and last line."""
    from minlint.lint.parse import parse_document
    from minlint.lint.readers import read_document

    doc = read_document(path)
    out = []
    for part in parse_document(doc).parts:
        if part.kind != "minutes":
            continue
        blocks = [b for b in doc.blocks if part.start_line <= b.line <= part.end_line]
        headings = {}
        at = 0
        for m in part.items:  # type: ignore[attr-defined]
            # The heading's block: on its line (a file with HTML line breaks has one line),
            # starting with its number.
            found = next(
                (
                    k
                    for k in range(at, len(blocks))
                    if blocks[k].line == m.line and blocks[k].text.startswith(str(m.number))
                ),
                None,
            )
            if found is None:
                continue  # a heading run on after a sentence: typed as it stands
            at = found
            block = blocks[at]
            # What follows the title in the heading's own block: "2816. Approval of minutes:
            # Approved & signed as correct."
            first = m.blocks[0] if m.blocks else None
            rest = ""
            if first is not None and first.line <= block.end_line and first.text != block.text:
                rest = first.text
            headings[at] = (m.number, m.title, rest)
            at += 1
        out.append((blocks, headings, part.start_line, part.end_line))
    return out


def plant_mistakes(
    lines: list[str], headings: dict[int, int], first_line: int
) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """The lines of a set of minutes (``first_line`` is the number of the first) with the
    first weekday named made the day after, and the third minute (``headings``: line ->
    number) numbered one too high."""
    lines = list(lines)
    planted: dict[str, tuple[str, str]] = {}
    day = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
    for k, line in enumerate(lines):
        m = day.search(line)
        if m:
            wrong = WEEKDAYS[(WEEKDAYS.index(m.group(1)) + 1) % 7]
            lines[k] = line[: m.start()] + wrong + line[m.end() :]
            planted["weekday"] = (m.group(1), wrong)
            break
    if len(headings) >= 3:
        line, number = sorted(headings.items())[2]
        k = line - first_line
        if f"{number}." in lines[k]:
            lines[k] = lines[k].replace(f"{number}.", f"{number + 1}.", 1)
            planted["minute"] = (str(number), str(number + 1))
    return lines, planted


def plain_text(blocks: Iterable[Block]) -> str:
    """Blocks written as a text file: each block's lines as its source has them, a blank
    line between blocks, bullets with a bullet glyph."""
    from minlint.lint.extract.common import source_lines

    out: list[str] = []
    for b in blocks:
        if b.kind == TABLE_ROW:
            out.append("   ".join(b.cells or (b.text,)))
        else:
            lines = source_lines(b)
            if b.kind == LIST_ITEM:
                lines[0] = "\u2022 " + lines[0]
            out.extend(lines)
        out.append("")
    return "\n".join(out)


_minutes_versions: dict[str, list[MinutesVersions]] = {}


def minutes_versions(documents: Sequence[Path], workdir: Path) -> list[MinutesVersions]:
    """Word and PDF versions of every set of minutes of the documents (the seeds, and
    minutes in other styles), made once per session with python-docx and two runs of
    LibreOffice."""
    key = str(workdir)
    if key in _minutes_versions:
        return _minutes_versions[key]
    workdir.mkdir(parents=True, exist_ok=True)
    made: list[tuple[MinutesVersions, Path, Path]] = []
    for seed in documents:
        found = minutes_of(seed)
        lines = seed.read_text(encoding="utf-8").split("\n")
        # Markdown, HTML and text with HTML line breaks: the text version holds the words,
        # not the marks.
        markdown = seed.suffix == ".txt" and _is_markdown(seed)
        marked = markdown or seed.suffix in (".md", ".html") or "<br" in lines[0]
        suffix = ".md" if markdown else seed.suffix
        for k, (seed_blocks, seed_headings, start, end) in enumerate(found):
            # "003" for a seed, the file's own name for other documents.
            stem = seed.stem[:3] if seed.stem[3:4] == "_" else seed.stem
            name = stem if len(found) == 1 else f"{stem}-{k + 1}"
            source = workdir / f"{name}{suffix}"
            numbers = {seed_blocks[i].line: n for i, (n, _, _) in seed_headings.items()}
            own, planted = plant_mistakes(lines[start - 1 : end], numbers, start)
            source.write_text("\n".join(own) + "\n", encoding="utf-8")
            ((blocks, headings, _, _),) = minutes_of(source)
            plain = workdir / f"{name}.lines.txt"
            text = plain_text(blocks) if marked else source.read_text(encoding="utf-8")
            plain.write_text(text, encoding="utf-8")
            # Word's own numbering in two styles: "(1)" parts and bullets in half of the
            # minutes, "1)" parts and numbered points of discussion in the others.
            odd = len(made) % 2 == 1
            parts, points = ("1)", True) if odd else ("(1)", False)
            clerk = clerk_docx(
                blocks,
                headings,
                workdir / f"{name}.clerk.docx",
                parts=parts,
                numbered_points=points,
            )
            narrow = clerk_docx(
                blocks,
                headings,
                workdir / f"{name}.narrow.docx",
                parts=parts,
                numbered_points=points,
                layout=NARROW,
            )
            versions = MinutesVersions(name, seed, k, source, plain, {"clerk.docx": clerk}, planted)
            made.append((versions, clerk, narrow))
    profile = workdir / "profile"
    plains = [v.plain for v, _, _ in made]
    for v, made_docx in zip(made, convert(plains, "docx", workdir, profile), strict=True):
        v[0].files["lines.docx"] = made_docx
    pdf_in = [p for v, clerk, narrow in made for p in (v.plain, clerk, narrow)]
    pdfs = iter(convert(pdf_in, "pdf", workdir, profile))
    for v, _, _ in made:
        for kind in ("lines.pdf", "clerk.pdf", "narrow.pdf"):
            v.files[kind] = next(pdfs)
    _minutes_versions[key] = [v for v, _, _ in made]
    return _minutes_versions[key]


def _is_markdown(path: Path) -> bool:
    from minlint.lint.readers import looks_like_markdown

    return looks_like_markdown(path.read_text(encoding="utf-8"))


# What is compared ----------------------------------------------------------------------


def minutes_summary(part: dict) -> dict:
    """What a Word or PDF version of minutes must read as the text does: the date, the
    minute numbers and titles, the parts of each minute's resolutions, who was present."""
    return {
        "date": part["date"],
        "present": [p["name"] for p in part["present"]],
        "items": [
            (i["number"], i["title"], [r["number"] for r in i["resolutions"]])
            for i in part["items"]
        ],
    }
