"""Builders of test documents, made at test time by real tools.

Word documents are written with python-docx, with Word's automatic numbering and
tracked changes added to its XML; Word and PDF versions of the real minutes are made
by LibreOffice; hostile archives (zip bombs, entity attacks, encrypted files) are built
byte by byte.
"""

from __future__ import annotations

import html
import os
import shutil
import struct
import subprocess
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from minlint.lint.blocks import HEADING, LIST_ITEM, TABLE_ROW, Block

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
) -> Path:
    """A Word document with one paragraph per block, as a clerk would type it.

    With ``minute_numbers`` the minute headings ("19. DECLARATIONS OF INTEREST") are
    numbered by Word: a decimal list that starts at the first minute number, and the
    number is taken out of the text.
    """
    import re

    import docx

    document = docx.Document()
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


def simple_pdf(path: Path, pages: Sequence[Sequence[tuple[float, float, float, str]]]) -> Path:
    """A PDF whose pages show lines of Helvetica text, each given as (x, y, size, text)
    in points from the bottom left of an A4 page."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for lines in pages:
        stream = "".join(
            f"BT /F1 {size:g} Tf 1 0 0 1 {x:g} {y:g} Tm ({escape(text)}) Tj ET\n"
            for x, y, size, text in lines
        ).encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources"
            b" << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
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

    Each seed is read with the text reader, written as a plain HTML page, and converted;
    the result maps "003.docx", "003.pdf" ... to the converted files.
    """
    from minlint.lint.readers.text import read_plain

    key = str(workdir)
    if key not in _conversions:
        pages = []
        for prefix, seed in zip(prefixes, seeds, strict=True):
            doc = read_plain(seed.read_text(encoding="utf-8"), str(seed))
            page = workdir / f"{prefix}.html"
            workdir.mkdir(parents=True, exist_ok=True)
            page.write_text(html_from_blocks(doc.blocks), encoding="utf-8")
            pages.append(page)
        profile = workdir / "profile"
        out: dict[str, Path] = {}
        for target in ("docx", "pdf"):
            for made in convert(pages, target, workdir, profile):
                out[f"{made.stem}.{target}"] = made
        _conversions[key] = out
    return _conversions[key]
