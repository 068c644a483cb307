"""The inputs of the fuzz campaign: base documents and the ways they are damaged.

Bases are the real documents (text, markdown, HTML, the Merton PDF) and Word and PDF
files built from them when the campaign starts (python-docx, LibreOffice and a small PDF
writer, as the tests build them). An input is a base with one to four mutations, all
chosen by a random generator seeded with the campaign seed and the input's number, so
input N is the same input on every run and every machine holding the same bases.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import random
import re
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = (".txt", ".md", ".html")


@dataclass(frozen=True, slots=True)
class Base:
    name: str  # unique, e.g. "seeds/003_....txt" or "built/003.docx"
    suffix: str
    data: bytes
    records: str  # the directory of the document's records (its body's folder)

    @property
    def kind(self) -> str:
        return {".docx": "docx", ".pdf": "pdf"}.get(self.suffix, "text")


@dataclass(slots=True)
class FuzzInput:
    index: int
    base: Base
    data: bytes
    suffix: str
    mode: str  # "draft": checked as the draft; "agenda"/"previous": given as that record
    recipe: list[str]
    draft: str | None = None  # with "agenda"/"previous": the real draft checked against it


# Base documents -------------------------------------------------------------------------


def real_documents(shared: Path) -> list[Path]:
    seeds = sorted((shared / "seeds").glob("0*.txt"))
    corpus = sorted(
        p
        for p in (shared / "corpus").rglob("*")
        if p.is_file() and p.suffix in (*TEXT_SUFFIXES, ".pdf") and p.name != "SOURCES.md"
    )
    return seeds + corpus


def build_bases(shared: Path, workdir: Path, log: Callable[[str], None]) -> list[Base]:
    """The base documents, built once into ``workdir`` and read from there afterwards
    (so that a resumed campaign damages the very same files)."""
    manifest = workdir / "manifest.json"
    if manifest.exists():
        entries = json.loads(manifest.read_text(encoding="utf-8"))
        bases = []
        for e in entries:
            data = (workdir / e["file"]).read_bytes()
            if hashlib.sha256(data).hexdigest() != e["sha256"]:
                raise SystemExit(f"{workdir / e['file']} changed since the campaign started")
            bases.append(Base(e["name"], e["suffix"], data, e["records"]))
        return bases

    sys.path.insert(0, str(REPO / "tests"))
    import docgen

    from minlint.lint.readers import read_document

    workdir.mkdir(parents=True, exist_ok=True)
    found: list[tuple[str, Path, str]] = []  # name, file, records directory
    for path in real_documents(shared):
        rel = path.relative_to(shared).as_posix()
        found.append((rel, path, str(path.parent)))

    built = workdir / "built"
    built.mkdir(exist_ok=True)
    seeds = sorted((shared / "seeds").glob("0*.txt"))
    word_sources = [*seeds]
    word_sources += [
        p
        for p in real_documents(shared)
        if p.parent.name in ("limerick-council", "tintern-wyevalley-cc", "mscc-manordeilo-salem")
        and p.suffix in TEXT_SUFFIXES
    ][::4]
    for i, source in enumerate(word_sources):
        out = built / f"{source.stem}.docx"
        blocks = read_document(source).blocks
        docgen.docx_from_blocks(blocks, out, minute_numbers=i % 2 == 0)
        found.append((f"built/{out.name}", out, str(source.parent)))
    if seeds:
        found.append(_tracked_changes_docx(docgen, seeds[min(3, len(seeds) - 1)], built))
        for source in (seeds[min(2, len(seeds) - 1)], *real_documents(shared)[-1:]):
            found.append(_small_pdf(docgen, source, built))
    if seeds and docgen.soffice() is not None:
        log("building Word and PDF versions of the seeds with LibreOffice ...")
        prefixes = [p for p in docgen.CONVERTED_SEEDS if any(s.name.startswith(p) for s in seeds)]
        chosen = [next(s for s in seeds if s.name.startswith(p)) for p in prefixes]
        try:
            made = docgen.seed_conversions(prefixes, chosen, built / "libreoffice")
        except Exception as exc:  # the campaign goes on without them
            log(f"LibreOffice failed ({type(exc).__name__}: {exc}); no converted seeds")
            made = {}
        for key, path in sorted(made.items()):
            found.append((f"libreoffice/{key}", path, str(seeds[0].parent)))
    else:
        log("LibreOffice (soffice) is not installed: no converted seeds")

    entries = []
    bases = []
    for name, path, records in found:
        data = path.read_bytes()
        file = "files/" + re.sub(r"[^A-Za-z0-9._-]", "_", name)
        (workdir / file).parent.mkdir(parents=True, exist_ok=True)
        (workdir / file).write_bytes(data)
        suffix = path.suffix.lower()
        entries.append(
            {
                "name": name,
                "file": file,
                "suffix": suffix,
                "records": records,
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        )
        bases.append(Base(name, suffix, data, records))
    manifest.write_text(json.dumps(entries, indent=1), encoding="utf-8")
    return bases


def _tracked_changes_docx(docgen, source: Path, built: Path) -> tuple[str, Path, str]:
    """A Word draft with tracked insertions, deletions, moves and a deleted paragraph mark."""
    import docx

    from minlint.lint.readers import read_document

    document = docx.Document()
    _, num_id = docgen.add_list(document, [("decimal", "%1.", 19), ("decimal", "(%2)", 1)])
    for i, block in enumerate(read_document(source).blocks[:120]):
        p = document.add_paragraph(block.text)
        if i % 7 == 0:
            docgen.number_paragraph(p, num_id, ilvl=i % 2)
        if i % 5 == 1:
            docgen.tracked_insert(p, " (amended)")
        if i % 5 == 2:
            docgen.tracked_delete(p, " deleted words")
        if i % 11 == 3:
            docgen.tracked_move(p, " moved words", to=i % 2 == 0)
        if i % 13 == 4:
            docgen.delete_paragraph_mark(p)
    out = built / f"{source.stem}-tracked.docx"
    document.save(str(out))
    return f"built/{out.name}", out, str(source.parent)


def _small_pdf(docgen, source: Path, built: Path) -> tuple[str, Path, str]:
    """A two-page PDF of a document's first lines, small enough to damage quickly."""
    text = source.read_bytes().decode("utf-8", "replace")
    if source.suffix == ".pdf":
        text = "Minutes of the meeting held on Tuesday, 13 March 2018\n" * 40
    lines = [ln for ln in text.splitlines() if ln.strip()][:90]
    pages = []
    for start in (0, 45):
        page = []
        for i, line in enumerate(lines[start : start + 45]):
            safe = line.encode("cp1252", "replace").decode("cp1252")
            page.append((56.0 + (12 if line.startswith(" ") else 0), 800.0 - 16 * i, 10.0, safe))
        pages.append(page)
    out = built / f"{source.stem}-small.pdf"
    docgen.simple_pdf(out, pages)
    return f"built/{out.name}", out, str(source.parent)


# Mutations of bytes ---------------------------------------------------------------------

INTERESTING_BYTES = [
    b"\x00", b"\r", b"\n", b"\r\n", b"\f", b"\t", b"\x0b", b"\x1a", b"\x7f", b"\x85",
    b"\xa0", b"\xff", b"\xfe", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xc3",
    b"\xe2\x80", b"\xe2\x80\xa8", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\x80",
    b"\x00\x00\xfe\xff", b"%", b"<", b">", b"&", b";", b"|", b"*", b"#", b"(", b")",
]  # fmt: skip

# Text that steers the readers and the extractors into their special cases, and values
# at the edge of what numbers and dates can hold.
TOKENS = [
    "\n", "\n\n", "\f", "\r", "\t", "\xa0", "\u200b", "\ufeff", "\u2028", "\x85", "\uf0b7 ",
    "• ", "- ", "  - ", "**", "# ", "###### ", "|", "| --- |", "<table><tr><td>",
    "</td></tr></table>", "<br />", "&pound;", "&#0;", "&#xD800;", "&#99999999999;",
    "<!-- minlint: disable=D001 -->", "<!-- minlint: disable-next-line -->",
    "<!-- minlint: enable=ALL -->", "<!-- minlint: disable-file -->", "<!--",
    "Present:- ", "Councillor ", "Councillors ", "(in the Chair); ", " and ", ", ",
    "Apologies for absence:- ", "Resolved:- ", "RESOLVED: ", "(1) ", "(2) ", "(4) ", "1) ",
    "(a) ", "That ", "19.   ", "2779.\t", "0. ", "DECLARATIONS OF INTEREST",
    "MINUTES OF THE MEETING HELD ON ", "minutes of the meeting held on 31st February 2019",
    "Date and Time :- ", "Venue:- ", "Membership:- ", "(Chair)", "(Vice-Chair)", "(18)",
    "(Pages 1 - 11)", "(Pages 99999999999999999999 - 1)", "Page 3 Agenda Item 2",
    "Tuesday, ", "13th March, 2018", "31 June", "29 February 2023", "Monday 1 January 0001",
    "31 December 9999", "1 January 10000", "99/99/99", "00/00/0000", "2022/23", "2099/00",
    "at 5.30 p.m.", "at 25.99 pm", "NEXT MEETING", "The next meeting will be held on ",
    "Work programme – ", "Recommendations Monitoring Schedule", "TO: ", "A G E N D A",
    "left the meeting", "re-joined the meeting", "Minute No. 97", "Minute No. 0",
    "agenda item 9", "9" * 30, "9" * 5000, "1" * 400 + ".", "(" * 200, ")" * 200,
    "%1.%2.%3", "https://example.org/x", "Zoë", "Z. ", "Ⅻ", "١٢", "𝟏𝟐", "½", "²",
    "110 (58.5%)", "Total 12 (5 + 8)", "one hundred and ten", "£1,000,000,000,000,000",
]  # fmt: skip

BIG_TOKENS = [
    lambda r: "x" * r.choice([1000, 100_000, 100_000, 1_000_000]),
    lambda r: "\n" * r.choice([1000, 50_000]),
    lambda r: "- " * r.choice([1000, 50_000]),
    lambda r: "  " * r.choice([500, 5000]) + "- item",
    lambda r: "> " * r.choice([100, 5000]) + "quoted",
    lambda r: "|" * r.choice([1000, 50_000]),
    lambda r: "| a " * r.choice([500, 5000]) + "|\n" + "| --- " * 500 + "|\n",
    lambda r: "**" * r.choice([1000, 20_000]),
    lambda r: "(1) " * r.choice([1000, 20_000]),
    lambda r: "Councillor A, " * r.choice([1000, 20_000]),
    lambda r: "<div>" * r.choice([300, 5000, 100_000]),
    lambda r: "<table><tr><td>" * r.choice([100, 3000]),
    lambda r: "<ol>" * r.choice([100, 3000]) + "<li>x",
    lambda r: "\f" * r.choice([100, 10_000]),
    lambda r: "1.\n" * r.choice([1000, 30_000]),
    lambda r: "".join(f"{n}. Item\n" for n in range(1, r.choice([500, 5000]))),
]


def _pos(r: random.Random, data: bytes | str) -> int:
    return r.randrange(len(data) + 1)


def flip(r: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(r.choice([1, 1, 2, 4, 16, 64])):
        if out:
            i = r.randrange(len(out))
            out[i] = out[i] ^ (1 << r.randrange(8)) if r.random() < 0.5 else r.randrange(256)
    return bytes(out)


def insert(r: random.Random, data: bytes) -> bytes:
    at = _pos(r, data)
    if r.random() < 0.5:
        piece = r.choice(INTERESTING_BYTES) * r.choice([1, 1, 2, 3, 100])
    else:
        piece = bytes(r.randrange(256) for _ in range(r.choice([1, 4, 32, 512])))
    return data[:at] + piece + data[at:]


def delete(r: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    at = r.randrange(len(data))
    n = r.choice([1, 2, 16, 256, 4096, max(1, len(data) // 4)])
    return data[:at] + data[at + n :]


def truncate(r: random.Random, data: bytes) -> bytes:
    return data[: _pos(r, data)]


def duplicate(r: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    a = r.randrange(len(data))
    b = min(len(data), a + r.choice([1, 64, 1024, 16384]))
    times = r.choice([1, 2, 10, 100])
    at = _pos(r, data)
    return data[:at] + data[a:b] * times + data[at:]


BYTE_MUTATIONS = {
    "flip": flip,
    "insert": insert,
    "delete": delete,
    "truncate": truncate,
    "duplicate": duplicate,
}


# Mutations of text ----------------------------------------------------------------------


def token(r: random.Random, text: str) -> str:
    at = _pos(r, text)
    piece = r.choice(TOKENS) if r.random() < 0.9 else r.choice(BIG_TOKENS)(r)
    return text[:at] + piece + text[at:]


def swap_digits(r: random.Random, text: str) -> str:
    """Replace numbers with numbers at the edges: 0, 31, 99999999999 ..."""
    spans = [m.span() for m in re.finditer(r"\d+", text)]
    if not spans:
        return text
    for _ in range(r.choice([1, 3, 10])):
        a, b = r.choice(spans)
        new = r.choice(["0", "00", "1", "13", "29", "31", "32", "99", "2018", "9999", "10000",
                        "4294967296", "9" * 25, "9" * 4400, "-1", "1e9"])  # fmt: skip
        text = text[:a] + new + text[b:]
        spans = [m.span() for m in re.finditer(r"\d+", text)]
    return text


def splice(r: random.Random, text: str, other: str) -> str:
    """A block of lines from another document, inserted at a line boundary."""
    theirs = other.split("\n")
    start = r.randrange(max(1, len(theirs)))
    block = theirs[start : start + r.choice([1, 3, 10, 60, 400])]
    ours = text.split("\n")
    at = r.randrange(len(ours) + 1)
    return "\n".join(ours[:at] + block + ours[at:])


def shuffle_lines(r: random.Random, text: str) -> str:
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    a = r.randrange(len(lines))
    b = min(len(lines), a + r.choice([2, 10, 100]))
    chunk = lines[a:b]
    r.shuffle(chunk)
    return "\n".join(lines[:a] + chunk + lines[b:])


def drop_lines(r: random.Random, text: str) -> str:
    lines = text.split("\n")
    keep = [ln for ln in lines if r.random() > r.choice([0.05, 0.3, 0.8])]
    return "\n".join(keep)


def html_damage(r: random.Random, text: str) -> str:
    """Markup that parsers find hard: unclosed and deep tags, entity declarations, huge
    attributes, spans beyond reason."""
    choice = r.randrange(9)
    if choice == 0:  # unclosed tags
        closes = [m.start() for m in re.finditer(r"</[a-zA-Z][^>]*>", text)]
        for at in sorted(r.sample(closes, min(len(closes), r.choice([1, 5, 50]))), reverse=True):
            end = text.find(">", at) + 1
            text = text[:at] + text[end:]
        return text
    if choice == 1:
        depth = r.choice([100, 255, 257, 1000, 20_000])
        tag = r.choice(["div", "ol", "ul", "li", "table", "td", "span", "b", "blockquote"])
        at = _pos(r, text)
        return text[:at] + f"<{tag}>" * depth + "deep" + f"</{tag}>" * depth + text[at:]
    if choice == 2:
        entities = "".join(
            f'<!ENTITY e{i} "{f"&e{i - 1};" * 10 if i else "lol"}">' for i in range(10)
        )
        return f"<!DOCTYPE html [{entities}<!ENTITY x SYSTEM 'file:///etc/passwd'>]>&e9;&x;" + text
    if choice == 3:
        # Over lxml's 10 MB limit now and then: such inputs are slow to make and to read.
        big = "A" * (11_000_000 if r.random() < 0.05 else r.choice([10_000, 1_000_000]))
        at = _pos(r, text)
        return text[:at] + f'<p class="{big}" title={big}>x</p>' + text[at:]
    if choice == 4:
        span = r.choice(["0", "-1", "999999999", "99999999999999999999", "1e3", "x", ""])
        cell = f'<td colspan="{span}" rowspan="{span}">cell</td>'
        at = _pos(r, text)
        return text[:at] + f"<table><tr>{cell * r.choice([1, 50])}</tr></table>" + text[at:]
    if choice == 5:
        start = r.choice(["0", "-5", "99999999999999999999", "abc", "3999", "4000", "1e9"])
        kind = r.choice(["1", "a", "A", "i", "I", "disc", "x"])
        items = f'<li value="{start}">v</li>' + "<li>x</li>" * r.choice([1, 30])
        at = _pos(r, text)
        return text[:at] + f'<ol start="{start}" type="{kind}">{items}</ol>' + text[at:]
    if choice == 6:
        at = _pos(r, text)
        return (
            text[:at] + r.choice(["<!--", "<![CDATA[", "<script>", "<style>", "<?php"]) + text[at:]
        )
    if choice == 7:
        stamp = r.choice(["2020-1-8", "99999-99-99", "2020-02-30", "", "0000-00-00", "x"])
        at = _pos(r, text)
        return text[:at] + f'<time datetime="{stamp}">8 January 2020</time>' + text[at:]
    tags = [m.span() for m in re.finditer(r"<[a-zA-Z][^>]{0,80}>", text)]
    if not tags:
        return text
    a, b = r.choice(tags)
    return text[:a] + text[a:b] * r.choice([2, 100, 3000]) + text[b:]


TEXT_MUTATIONS: dict[str, Callable[[random.Random, str], str]] = {
    "token": token,
    "digits": swap_digits,
    "shuffle-lines": shuffle_lines,
    "drop-lines": drop_lines,
    "markup": html_damage,
}

ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8-bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8", "surrogatepass"),
    "utf-16-le-bom": lambda t: b"\xff\xfe" + t.encode("utf-16-le", "surrogatepass"),
    "utf-16-be-bom": lambda t: b"\xfe\xff" + t.encode("utf-16-be", "surrogatepass"),
    "utf-16-le": lambda t: t.encode("utf-16-le", "surrogatepass"),
    "utf-16-be": lambda t: t.encode("utf-16-be", "surrogatepass"),
    "utf-32-bom": lambda t: b"\xff\xfe\x00\x00" + t.encode("utf-32-le", "surrogatepass"),
    "cp1252": lambda t: t.encode("cp1252", "replace"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8", "surrogatepass"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8", "surrogatepass"),
}


# Mutations of zip archives --------------------------------------------------------------


@dataclass(slots=True)
class Member:
    name: bytes
    raw: bytes  # the stored (compressed) bytes
    method: int
    crc: int
    csize: int
    usize: int
    flags: int = 0
    local_name: bytes | None = None  # a different name in the local header
    local_sizes: tuple[int, int] | None = None  # (csize, usize) in the local header


def zip_members(data: bytes) -> list[Member] | None:
    """The members of an archive with their stored bytes, or None if it does not open."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            out = []
            for info in zf.infolist():
                start = info.header_offset
                name_len, extra_len = struct.unpack_from("<HH", data, start + 26)
                begin = start + 30 + name_len + extra_len
                out.append(
                    Member(
                        name=info.filename.encode("utf-8"),
                        raw=data[begin : begin + info.compress_size],
                        method=info.compress_type,
                        crc=info.CRC,
                        csize=info.compress_size,
                        usize=info.file_size,
                    )
                )
            return out
    except Exception:
        return None


def member(name: str, content: bytes, *, deflate: bool = True) -> Member:
    if deflate:
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        raw = c.compress(content) + c.flush()
    else:
        raw = content
    return Member(
        name.encode(), raw, 8 if deflate else 0, zlib.crc32(content), len(raw), len(content)
    )


def write_zip(members: list[Member], *, cd_offset_delta: int = 0, count_delta: int = 0) -> bytes:
    """An archive written byte by byte, so that it can say what it likes about itself."""
    out = bytearray()
    central = bytearray()
    for m in members:
        offset = len(out)
        lname = m.local_name if m.local_name is not None else m.name
        lc, lu = m.local_sizes if m.local_sizes is not None else (m.csize, m.usize)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, m.flags, m.method, 0, 0x21,
            m.crc & 0xFFFFFFFF, lc & 0xFFFFFFFF, lu & 0xFFFFFFFF, len(lname), 0,
        )  # fmt: skip
        out += lname + m.raw
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, m.flags, m.method, 0, 0x21,
            m.crc & 0xFFFFFFFF, m.csize & 0xFFFFFFFF, m.usize & 0xFFFFFFFF, len(m.name),
            0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        central += m.name
    cd_offset = len(out)
    out += central
    count = max(0, min(0xFFFF, len(members) + count_delta))
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central),
        max(0, cd_offset + cd_offset_delta) & 0xFFFFFFFF, 0,
    )  # fmt: skip
    return bytes(out)


def _xml_members(members: list[Member]) -> list[int]:
    return [
        i
        for i, m in enumerate(members)
        if m.name.endswith((b".xml", b".rels")) and m.method in (0, 8)
    ]


def _inflate(m: Member) -> bytes | None:
    try:
        return zlib.decompress(m.raw, -15) if m.method == 8 else m.raw
    except zlib.error:
        return None


def zip_damage(
    r: random.Random, members: list[Member], other: list[Member] | None
) -> tuple[bytes, str]:
    """Damage the archive itself: its streams, sizes, names and directory."""
    members = [dataclasses.replace(m) for m in members]
    what = r.randrange(14)
    m = r.choice(members) if members else None
    label = ["corrupt-stream", "truncated-stream", "wrong-usize", "wrong-csize", "bad-crc",
             "duplicate-name", "drop-member", "bad-method", "encrypted-flag", "local-name",
             "huge-size", "cd-offset", "many-members", "odd-names"][what]  # fmt: skip
    if m is None:
        return write_zip(members), label
    if what == 0 and m.raw:
        raw = bytearray(m.raw)
        for _ in range(r.choice([1, 4, 32])):
            i = r.randrange(len(raw))
            raw[i] = r.randrange(256)
        m.raw = bytes(raw)
    elif what == 1:
        m.raw = m.raw[: _pos(r, m.raw)]
        if r.random() < 0.5:
            m.csize = len(m.raw)
    elif what == 2:
        m.usize = r.choice([0, 1, m.usize // 2, m.usize + 1, m.usize * 10, 0x7FFFFFFF])
    elif what == 3:
        m.csize = r.choice([0, 1, m.csize // 2, m.csize + 100, 0xFFFFFFF0])
        if r.random() < 0.5:
            m.local_sizes = (m.csize, m.usize)
    elif what == 4:
        m.crc ^= 1 << r.randrange(32)
    elif what == 5:
        content = _inflate(m) or b""
        if other:
            donor = r.choice(other)
            content = _inflate(donor) or content
        twin = member(m.name.decode("utf-8", "replace"), content[: _pos(r, content)] or content)
        members.insert(r.randrange(len(members) + 1), twin)
    elif what == 6:
        members.remove(m)
    elif what == 7:
        m.method = r.choice([1, 6, 9, 12, 14, 93, 99, 0xFFFF])
    elif what == 8:
        m.flags |= 1
    elif what == 9:
        m.local_name = m.name + b"x" if r.random() < 0.5 else b"other.xml"
    elif what == 10:
        m.usize = 0xFFFFFFFF
        m.csize = r.choice([m.csize, 0xFFFFFFFF])
    elif what == 11:
        return write_zip(members, cd_offset_delta=r.choice([-1, 1, -1000, 10**6])), label
    elif what == 12:
        extra = [member(f"word/media/x{i}.bin", b"x") for i in range(r.choice([100, 2001, 5000]))]
        members += extra
    else:
        m.name = r.choice(
            [b"../../../etc/passwd", b"/word/document.xml", b"word\\document.xml",
             b"word/document.xml\x00", b"WORD/DOCUMENT.XML", b"", b"word/" + b"a" * 5000,
             "wörd/døcument.xml".encode()]
        )  # fmt: skip
    return write_zip(members, count_delta=r.choice([0, 0, 0, 1, -1])), label


# Mutations of XML -----------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ATTRIBUTE_VALUES = [
    "", "0", "-1", "1", "8", "9", "10", "255", "99999999999999999999", "4294967296", "1e9",
    "abc", "%1%2%3%4%5%6%7%8%9%10", "%1.%9.%0", "%", "true", "false", "off", "0x10",
    "decimal", "upperRoman", "lowerLetter", "bullet", "decimalZero", "ordinal", "cardinalText",
    "chicago", "ideographDigital", "none", "Heading1", "Heading 9", "Title", "ListBullet",
    "rId1", "rId999", "../../etc/passwd", "/word/document.xml", "http://example.org/x",
    "word/document.xml", "\u202e", "x" * 100_000,
]  # fmt: skip

# Pieces of WordprocessingML put in odd places ("w:" is bound when they are parsed).
FRAGMENTS = [
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="{a}"/><w:numId w:val="{b}"/></w:numPr></w:pPr>'
    "<w:r><w:t>19. Minutes</w:t></w:r></w:p>",
    '<w:ins w:id="1" w:author="a"><w:r><w:t>inserted {a}</w:t></w:r></w:ins>',
    '<w:del w:id="2" w:author="a"><w:r><w:delText>gone {b}</w:delText></w:r></w:del>',
    '<w:moveFrom w:id="3"><w:r><w:delText>moved</w:delText></w:r></w:moveFrom>',
    '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="{a}"/><w:vMerge w:val="restart"/>'
    "</w:tcPr><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
    "</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>1. Item {a}</w:t></w:r></w:p>"
    "</w:sdtContent></w:sdt>",
    '<w:fldSimple w:instr=" PAGE "><w:r><w:t>{a}</w:t></w:r></w:fldSimple>',
    '<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>LISTNUM {a}</w:instrText>'
    '<w:fldChar w:fldCharType="end"/></w:r>',
    '<w:commentRangeStart w:id="{a}"/>',
    '<w:r><w:commentReference w:id="{b}"/></w:r>',
    '<w:r><w:br w:type="page"/><w:tab/><w:noBreakHyphen/><w:sym w:char="{a}"/></w:r>',
    '<w:pPr><w:pStyle w:val="{a}"/><w:outlineLvl w:val="{b}"/></w:pPr>',
    '<w:lvl w:ilvl="{a}"><w:start w:val="{b}"/><w:numFmt w:val="{a}"/>'
    '<w:lvlText w:val="{b}"/><w:lvlRestart w:val="{a}"/><w:isLgl/></w:lvl>',
    '<w:num w:numId="{a}"><w:abstractNumId w:val="{b}"/><w:lvlOverride w:ilvl="{a}">'
    '<w:startOverride w:val="{b}"/></w:lvlOverride></w:num>',
    '<w:style w:type="paragraph" w:styleId="{a}"><w:name w:val="{b}"/>'
    '<w:basedOn w:val="{a}"/></w:style>',
    "<w:customXml><w:customXml><w:p><w:r><w:t>nested {a}</w:t></w:r></w:p></w:customXml>"
    "</w:customXml>",
]


def xml_damage(r: random.Random, content: bytes, donor: bytes | None) -> tuple[bytes, str]:
    """Damage one XML part: as text (unclosed tags, declarations, depth, size) or as a
    tree (values, copies, moves, fragments of WordprocessingML)."""
    what = r.randrange(10)
    if what == 0:  # unclosed tags
        closes = [m.start() for m in re.finditer(rb"</[^>]+>", content)]
        for at in sorted(r.sample(closes, min(len(closes), r.choice([1, 3, 30]))), reverse=True):
            end = content.find(b">", at) + 1
            content = content[:at] + content[end:]
        return content, "unclosed-tags"
    if what == 1:  # entity declarations
        decl = r.choice(
            [
                b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
                b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
                b'<!DOCTYPE w:document SYSTEM "http://example.org/x.dtd">',
                b"<!DOCTYPE w:document>",
                b'<!ENTITY % p "x">',
            ]
        )
        at = content.find(b"?>") + 2 if content.startswith(b"<?xml") else 0
        body = content[:at] + decl + content[at:]
        return body.replace(b"<w:t>", b"<w:t>&b;", 1) if r.random() < 0.5 else body, "entities"
    if what == 2:  # deep nesting
        depth = r.choice([100, 250, 257, 1000, 10_000, 100_000])
        tag = r.choice([b"w:sdt", b"w:sdtContent", b"w:customXml", b"w:ins", b"w:smartTag", b"x"])
        at = content.find(b"<w:p>")
        if at < 0:
            at = len(content) // 2
        open_, close = b"<%s>" % tag, b"</%s>" % tag
        inner = b"<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
        return content[:at] + open_ * depth + inner + close * depth + content[at:], "deep-nesting"
    if what == 3:  # huge attribute
        size = 10_000_001 if r.random() < 0.1 else r.choice([100_000, 1_000_000])
        at = content.find(b"<w:p>")
        if at < 0:
            return content, "huge-attribute"
        big = b'<w:p><w:pPr><w:pStyle w:val="' + b"A" * size + b'"/></w:pPr></w:p>'
        return content[:at] + big + content[at:], "huge-attribute"
    try:
        from lxml import etree

        root = etree.fromstring(content, parser=etree.XMLParser(huge_tree=True))
    except Exception:
        return flip(r, content), "xml-bytes"
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    if what == 4:  # attribute values
        attributed = [e for e in elements if e.attrib]
        for e in r.sample(attributed, min(len(attributed), r.choice([1, 5, 40]))):
            key = r.choice(list(e.attrib))
            e.set(key, r.choice(ATTRIBUTE_VALUES))
        label = "attribute-values"
    elif what == 5:  # copies, of at most COPY_BUDGET elements and characters in all (a
        # part nested 100,000 deep, or a 10 MB attribute, copied fifty times would not fit
        # the worker's memory)
        budget = COPY_BUDGET
        for e in r.sample(elements[1:], min(len(elements) - 1, r.choice([1, 5, 20]))):
            parent = e.getparent()
            size = _weight(e, budget + 1)
            if parent is None:
                continue
            for _ in range(r.choice([1, 2, 50])):
                if size > budget:
                    break
                budget -= size
                parent.insert(parent.index(e), _copy(e))
        label = "copied-elements"
    elif what == 6:  # deletions and moves
        for e in r.sample(elements[1:], min(len(elements) - 1, r.choice([1, 5, 50]))):
            parent = e.getparent()
            if parent is None:
                continue
            parent.remove(e)
            if r.random() < 0.5:
                target = r.choice(elements)
                if target is not e and e not in target.iterancestors():
                    target.insert(r.randrange(len(target) + 1), e)
        label = "moved-elements"
    elif what == 7:  # WordprocessingML fragments in odd places
        for _ in range(r.choice([1, 3, 20])):
            text = r.choice(FRAGMENTS).format(
                a=escape(r.choice(ATTRIBUTE_VALUES[:40]), {'"': "&quot;"}),
                b=escape(r.choice(ATTRIBUTE_VALUES[:40]), {'"': "&quot;"}),
            )
            try:
                fragment = etree.fromstring(f'<w:x xmlns:w="{W}">{text}</w:x>'.encode())[0]
            except Exception:
                continue
            target = r.choice(elements)
            target.insert(r.randrange(len(target) + 1), fragment)
        label = "fragments"
    elif what == 8 and donor:  # elements spliced from another document
        try:
            other = etree.fromstring(donor, parser=etree.XMLParser(huge_tree=True))
        except Exception:
            return content, "splice"
        theirs = list(other.iter())[1:]
        for e in r.sample(theirs, min(len(theirs), r.choice([1, 10, 100]))):
            target = r.choice(elements)
            target.insert(r.randrange(len(target) + 1), _copy(e))
        label = "spliced-elements"
    else:  # text of the runs
        texts = [e for e in elements if e.text and e.text.strip()]
        for e in r.sample(texts, min(len(texts), r.choice([1, 5, 30]))):
            try:
                e.text = token(r, e.text)
            except ValueError:  # a control character, which XML cannot hold
                continue
        label = "run-text"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), label


COPY_BUDGET = 200_000
CHARACTERS_PER_ELEMENT = 64


def _weight(e, most: int) -> int:
    """An element's size for COPY_BUDGET: its elements, and its characters (text and
    attribute values) in CHARACTERS_PER_ELEMENT; counted up to ``most``."""
    total = 0
    for sub in e.iter():
        chars = len(sub.text or "") + len(sub.tail or "") + sum(map(len, sub.attrib.values()))
        total += 1 + chars // CHARACTERS_PER_ELEMENT
        if total >= most:
            break
    return total


def _copy(e):
    import copy

    return copy.deepcopy(e)


# PDF ------------------------------------------------------------------------------------

PDF_NUMBERS = [b"0", b"-1", b"1", b"2", b"999999999", b"99999999999999999999", b"3.5",
               b"-0", b"1e308", b"65535", b"2147483648", b"NaN"]  # fmt: skip


def pdf_damage(r: random.Random, data: bytes, other: bytes | None) -> tuple[bytes, str]:
    what = r.randrange(5)
    if what == 0:  # numbers in the structure (lengths, counts, references, offsets)
        spans = [
            m.span() for m in re.finditer(rb"(?<=[ /\[<R\n])\d+(?=[ \]>\nR/])", data[:200_000])
        ]
        out = data
        for a, b in sorted(r.sample(spans, min(len(spans), r.choice([1, 3, 20]))), reverse=True):
            out = out[:a] + r.choice(PDF_NUMBERS) + out[b:]
        return out, "pdf-numbers"
    if what == 1:  # keywords
        words = [b"endstream", b"endobj", b"stream", b"xref", b"trailer", b"startxref", b"/Root",
                 b"/Pages", b"/Kids", b"/Contents", b"/Font", b"/Encoding", b"/Filter"]  # fmt: skip
        word = r.choice(words)
        return data.replace(
            word, r.choice([b"", word[:-1], word + word]), r.choice([1, 3, -1])
        ), "pdf-keywords"
    if what == 2 and other:  # blocks from another PDF
        a = r.randrange(len(other))
        block = other[a : a + r.choice([100, 5000, 50000])]
        at = _pos(r, data)
        return data[:at] + block + data[at:], "pdf-splice"
    if what == 3:  # text operators in uncompressed content streams
        ops = [
            m.span() for m in re.finditer(rb"\((?:[^()\\]|\\.)*\) Tj|[-\d.]+ Tf|[-\d. ]+ Tm", data)
        ]
        out = data
        for a, b in sorted(r.sample(ops, min(len(ops), r.choice([1, 5, 40]))), reverse=True):
            piece = r.choice(
                [b"(" + b"9" * 5000 + b") Tj", b"0 Tf", b"-12 Tf", b"1e30 Tf",
                 b"1 0 0 1 0 0 Tm", b"0 0 0 0 0 0 Tm", b"1 0 0 -1 56 -9999 Tm",
                 b"(\\f\\r\\n) Tj", b"[(a) -99999 (b)] TJ", b"T*", b"", out[a:b] * 20]
            )  # fmt: skip
            out = out[:a] + piece + out[b:]
        return out, "pdf-text-ops"
    return r.choice(list(BYTE_MUTATIONS.values()))(r, data), "pdf-bytes"


# Making input N --------------------------------------------------------------------------

FORMAT_WEIGHTS = {".txt": 30, ".md": 15, ".html": 15, ".docx": 25, ".pdf": 15}


def make_input(bases: list[Base], seed: int, index: int) -> FuzzInput:
    """Input number ``index`` of the campaign seeded with ``seed``."""
    r = random.Random(f"{seed}:{index}")
    by_suffix: dict[str, list[Base]] = {}
    for b in bases:
        by_suffix.setdefault(b.suffix, []).append(b)
    suffixes = [s for s in FORMAT_WEIGHTS if s in by_suffix]
    suffix = r.choices(suffixes, [FORMAT_WEIGHTS[s] for s in suffixes])[0]
    base = r.choice(by_suffix[suffix])
    recipe = [base.name]
    data = base.data
    steps = r.choice([1, 1, 2, 2, 3, 4])
    if base.kind == "text":
        data = _mutate_text(r, base, bases, data, steps, recipe)
    elif base.kind == "docx":
        data = _mutate_docx(r, bases, data, steps, recipe)
    else:
        for _ in range(steps):
            if r.random() < 0.7:
                donor = r.choice([b for b in bases if b.kind == "pdf"]).data
                data, label = pdf_damage(r, data, donor)
            else:
                label = r.choice(list(BYTE_MUTATIONS))
                data = BYTE_MUTATIONS[label](r, data)
            recipe.append(label)
    out_suffix = suffix
    if r.random() < 0.03:  # a file whose name says another format
        out_suffix = r.choice([".txt", ".md", ".html", ".docx", ".pdf"])
        recipe.append(f"named{out_suffix}")
    mode = r.choices(["draft", "agenda", "previous"], [85, 10, 5])[0]
    draft = None
    if mode != "draft":
        own = base.name.rsplit("/", 1)[-1]
        drafts = [p for p in _drafts(base.records) if not p.endswith("/" + own)]
        if drafts:
            draft = r.choice(drafts)
        else:
            mode = "draft"
    return FuzzInput(index, base, data, out_suffix, mode, recipe, draft)


_DRAFTS: dict[str, list[str]] = {}


def _drafts(records: str) -> list[str]:
    """The real documents of a records folder, any of which can be a draft."""
    if records not in _DRAFTS:
        from minlint.lint.records import supported_files

        _DRAFTS[records] = supported_files(records)
    return _DRAFTS[records]


def _mutate_text(r, base, bases, data, steps, recipe) -> bytes:
    text = data.decode("utf-8-sig", "replace").replace("\r\n", "\n")
    for _ in range(steps):
        if r.random() < 0.55:
            if r.random() < 0.3:
                other = r.choice([b for b in bases if b.kind == "text"])
                text = splice(r, text, other.data.decode("utf-8", "replace"))
                recipe.append(f"splice:{other.name}")
            else:
                label = r.choice(list(TEXT_MUTATIONS))
                text = TEXT_MUTATIONS[label](r, text)
                recipe.append(label)
    encoding = r.choice([None, None, None, *ENCODINGS]) if r.random() < 0.5 else None
    data = ENCODINGS[encoding](text) if encoding else text.encode("utf-8", "surrogatepass")
    if encoding:
        recipe.append(f"encode:{encoding}")
    for _ in range(r.choice([0, 0, 1, 2])):
        label = r.choice(list(BYTE_MUTATIONS))
        data = BYTE_MUTATIONS[label](r, data)
        recipe.append(label)
    return data


def _mutate_docx(r, bases, data, steps, recipe) -> bytes:
    members = zip_members(data)
    if members is None:
        return flip(r, data)
    donors = [b for b in bases if b.kind == "docx"]
    for _ in range(steps):
        choice = r.random()
        if choice < 0.55:
            xml = _xml_members(members)
            weights = [8 if members[i].name == b"word/document.xml" else 1 for i in xml]
            i = r.choices(xml, weights)[0]
            content = _inflate(members[i])
            if content is None:
                continue
            donor_members = zip_members(r.choice(donors).data) or []
            donor = next((_inflate(m) for m in donor_members if m.name == members[i].name), None)
            content, label = xml_damage(r, content, donor)
            members[i] = member(members[i].name.decode("utf-8", "replace"), content)
            recipe.append(f"{label}:{members[i].name.decode('utf-8', 'replace')}")
        elif choice < 0.9:
            other = zip_members(r.choice(donors).data)
            data, label = zip_damage(r, members, other)
            recipe.append(label)
            return data  # the archive's own damage is the last step: rewriting would undo it
        else:
            label = r.choice(list(BYTE_MUTATIONS))
            recipe.append(label)
            return BYTE_MUTATIONS[label](r, write_zip(members))
    return write_zip(members)
