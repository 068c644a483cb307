"""Readers turn a file into a :class:`~minlint.lint.blocks.Document`.

The reader is chosen by file extension, and for ``.txt`` files by content: markdown
saved as ``.txt`` (headings, bold lines, HTML tables) is read as markdown.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from minlint.lint import regexstore as rx
from minlint.lint.blocks import Document

# The longest agenda packs are a few MB of text; a file many times that is not minutes,
# and reading it would take minutes and gigabytes.
MAX_TEXT_BYTES = 16 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".php"}


class InputError(Exception):
    """A file that cannot be read. The message is one line and does not repeat the path."""


# Byte-order marks, longest first: a UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
SNIFF_BYTES = 8192
NOT_TEXT = "not a text file (contains NUL bytes)"


def decode(data: bytes) -> str:
    """Decode a text file as an editor would, with its line ends made LF.

    A byte-order mark names the encoding (UTF-8, UTF-16 or UTF-32, either byte order);
    without one, NUL bytes in every other (or three of every four) places are UTF-16
    (UTF-32) of mostly-ASCII text, as some exports write it; other NUL bytes are binary
    data, unless they are a few stray bytes in text; the rest is UTF-8 or else an
    eight-bit code page (see :func:`_legacy`). CRLF and a bare CR (old Mac files) end
    a line as LF does.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding == "utf-8" or (encoding.startswith("utf-16") and _narrow(body)):
                return normalise_newlines(_utf8_or_cp1252(body))
            text = _wide(body, encoding)
            if _garbled(text):
                name = encoding.upper().removesuffix("-LE").removesuffix("-BE")
                raise InputError(f"not a text file (binary data after a {name} byte-order mark)")
            return normalise_newlines(text)
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        encoding = _bomless_wide(head)
        if encoding is None:
            if not _stray_nuls(data[: SNIFF_BYTES + 4096].rstrip(b"\x00")[:SNIFF_BYTES]):
                raise InputError(NOT_TEXT)
            return normalise_newlines(_utf8_or_cp1252(data))
        text = _wide(data, encoding)
        if _garbled(text):
            raise InputError(NOT_TEXT)
        return normalise_newlines(text)
    return normalise_newlines(_utf8_or_cp1252(data))


_ASCII_WORD = rx.compile(rb"[A-Za-z]{2,}")


def _wide(data: bytes, encoding: str) -> str:
    """UTF-16 or UTF-32 text as a write cut short leaves it, read without what the cut
    left: the bytes of a last character begun and not finished (half a code unit, or
    the first of a surrogate pair), and the NUL characters that pad its end, as
    eight-bit text is read without its NUL bytes (see :func:`_utf8_or_cp1252`)."""
    unit = 4 if encoding.startswith("utf-32") else 2
    data = data[: len(data) - len(data) % unit]
    if unit == 2 and len(data) >= 2:
        high = data[-1] if encoding.endswith("le") else data[-2]
        if 0xD8 <= high <= 0xDB:
            data = data[:-2]
    text = data.decode(encoding, errors="replace")
    return text.rstrip("\x00") if text.endswith("\x00") else text


def _narrow(body: bytes) -> bool:
    """True when what follows a UTF-16 byte-order mark is eight-bit text, written after
    a mark that does not belong to it: no NUL byte (UTF-16 of any text with a space, a
    line end or a figure has them), and read byte by byte, words and spaces."""
    head = body[:SNIFF_BYTES]
    if len(head) < 64 or b"\x00" in head:
        return False
    if head.count(b" ") + head.count(b"\n") + head.count(b"\r") < len(head) // 40:
        return False
    return len(set(_ASCII_WORD.findall(head))) >= 5


def _stray_nuls(head: bytes) -> bool:
    """True when the NUL bytes of a file's start are a few bytes of damage in text, not
    binary data: one in a thousand at most, and text around them. Compressed data holds
    one in 256, and control characters besides."""
    if not head or head.count(0) > len(head) // 1000:  # more than one in a thousand
        return False
    return not _garbled(_utf8_or_cp1252(head.replace(b"\x00", b"")))


_GARBLE = rx.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")


def _garbled(text: str) -> bool:
    """True when text decoded from UTF-16 or UTF-32 is binary data: NUL characters, or
    many control characters, undecodable units and private-use characters."""
    sample = text[:SNIFF_BYTES]
    if "\x00" in sample:
        return True
    return len(_GARBLE.findall(sample)) > 0.1 * max(len(sample), 20)


def _utf8_or_cp1252(data: bytes) -> str:
    """UTF-8, else Windows-1252. UTF-8 with a few damaged bytes stays UTF-8 (each bad
    sequence one U+FFFD): read as Windows-1252, every pound sign, accent and curly quote
    of the file would be garbled ("Â£", "â€™") for one bad byte. Windows-1252 text
    almost never holds a valid UTF-8 sequence, so the valid ones tell the two apart."""
    if b"\x00" in data:
        # NUL bytes padding the end of a file (a write cut short) are dropped; others
        # are damage, shown as U+FFFD like an undecodable byte.
        return _eight_bit(data.rstrip(b"\x00")).replace("\x00", "\ufffd")
    return _eight_bit(data)


def _eight_bit(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            # A write cut short in a last character: UTF-8 up to it, when the text
            # before it shows UTF-8 (a last "é" of Windows-1252 starts such a sequence).
            head = data[: exc.start].decode("utf-8")
            if not head.isascii():
                return head
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    valid = len(text) - len(text.encode("ascii", "ignore")) - bad
    if valid > bad:
        return text
    return _legacy(data)


# Eight-bit encodings a clerk's machine writes: Windows (and ISO-8859-1, a subset of
# it for text), old Macs, and Word's "MS-DOS" plain-text export. Windows-1252 first:
# it is the default, and the others must read clearly better to be chosen.
_LEGACY = ("cp1252", "mac_roman", "cp850")
_PUNCTUATION = frozenset("‘’“”–—…•™©®§¶·½¼¾")
_CURRENCY = frozenset("£€¥¢")
# Accented letters of the languages minutes are written in; others ("ÿ", "Ð", "Õ", "Ž")
# are what bytes of another code page look like.
_ACCENTED = frozenset("àáâäãåæçèéêëìíîïñòóôöõøùúûüýœßÀÁÂÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖØÙÚÛÜÝŒ")
_HIGH = rx.compile("[\\x80-\\uffff]")


def _legacy(data: bytes) -> str:
    """Eight-bit text in the encoding that reads most plausibly. The same bytes give
    accented letters in one encoding and symbols in another: in Mac Roman, an
    apostrophe is Windows-1252's "Õ" ("councilÕs"), a dash its "Ð"; in the MS-DOS code
    page, "é" is its "‚" and "£" its "œ". Letters inside words and typographic
    punctuation count for an encoding, capitals after small letters, lone symbols and
    control characters against it. An encoding an HTML or XML file declares is
    believed first, as a browser believes it."""
    declared = _declared(data[:4096])
    if declared:
        return data.decode(declared, errors="replace")
    best = data.decode("cp1252", errors="replace")
    if data.count(b"\xa0") > data.count(b" ") // 4 + 8:
        return best  # the byte spaces words: Windows no-break spaces, not letters
    best_score = _plausibility(best)
    for encoding in _LEGACY[1:]:
        text = data.decode(encoding, errors="replace")
        score = _plausibility(text)
        if score > best_score + max(1, abs(best_score) // 5):
            best, best_score = text, score
    return best


_CHARSET = rx.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
# Labels browsers read otherwise than Python's codecs do (WHATWG Encoding Standard).
_LABELS = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "x-mac-roman": "mac_roman",
}


def _declared(head: bytes) -> str | None:
    """The encoding a page declares, when Python knows it as a text encoding that
    reads ASCII as ASCII; a declared Unicode encoding the bytes are not in is no help."""
    m = _CHARSET.search(head)
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii").lower()
    label = _LABELS.get(label, label)
    try:
        name = codecs.lookup(label).name
        if name.startswith(("utf", "mbcs")) or b"<a =1>".decode(name) != "<a =1>":
            return None
    except (LookupError, ValueError):  # unknown, or not text ("rot13", "zlib")
        return None
    return name


def _plausibility(text: str) -> int:
    score = 0
    for m in _HIGH.finditer(text[:200_000]):
        c = m.group()
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if c in _PUNCTUATION:
            score += 1
        elif c in _CURRENCY:  # before an amount ("£5", "£ 5") or after one ("5 €")
            ahead = (after + text[i + 2 : i + 3]).lstrip(" ")[:1].isdigit()
            behind = before.isdigit() or (i >= 2 and before == " " and text[i - 2].isdigit())
            score += 1 if ahead or behind else -1
        elif c == "°":
            score += 1 if before.isdigit() or after in "CF" else -1
        elif c.isspace():
            # A no-break space before a name or a figure ("Councillor\xa0Okafor", "10\xa0am")
            # is Word's, kept by its text export; the same byte is "á" in the MS-DOS code
            # page, a letter that comes before small letters.
            word_space = not before.isspace() and (after.isupper() or after.isdigit())
            if c == "\xa0" and (word_space or before.isdigit()):
                score += 1
        elif c not in _ACCENTED:
            score -= 1
        elif c.isupper():
            score += 1 if not before.islower() and (before.isalpha() or after.isalpha()) else -1
        elif before.isdigit() or after.isdigit() or after.isupper():
            score -= 1
        elif before.isalpha() or after.isalpha():
            score += 1
    return score


def _bomless_wide(head: bytes) -> str | None:
    """The encoding of UTF-16 or UTF-32 text without a byte-order mark, when its NUL
    bytes say so: in mostly-ASCII text the high bytes of most characters are NUL and the
    low byte almost never is. Binary data shows no such pattern."""
    n = len(head) // 4
    if n:
        lanes = [head[i : 4 * n : 4].count(0) for i in range(4)]
        for low, encoding in ((0, "utf-32-le"), (3, "utf-32-be")):
            high = [lanes[i] for i in range(4) if i != low]
            if min(high) >= 0.9 * n and lanes[low] <= 0.02 * n:
                return encoding
    n = len(head) // 2
    if n == 0:
        return None
    even = head[0 : 2 * n : 2].count(0)
    odd = head[1 : 2 * n : 2].count(0)
    for high, low, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if high >= 0.6 * n and low <= 0.02 * n:
            return encoding
    return None


_OTHER_LINE_ENDS = rx.compile("[\x85\u2028\u2029]")


def normalise_newlines(text: str) -> str:
    """CRLF and a bare CR made LF (and CR CR LF, a CRLF file converted twice), a DOS
    end-of-file mark (Ctrl-Z) dropped; form feeds (page breaks) are kept. A text with no
    LF at all whose lines end in NEL (as text converted from EBCDIC does), or in the
    Unicode line or paragraph separator, has those made LF."""
    if text.endswith("\x1a"):
        text = text.rstrip("\x1a")  # the end-of-file mark of DOS editors and exports
    if "\r" in text:
        if "\r\r\n" in text and text.count("\r\r\n") >= 0.9 * text.count("\n"):
            # CRLF line ends converted again, as if each line ended in LF alone (a copy
            # in text mode of a file already in Windows form): one line end each.
            text = text.replace("\r\r\n", "\n")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text and _OTHER_LINE_ENDS.search(text):
        text = _OTHER_LINE_ENDS.sub("\n", text)
    return text


@contextmanager
def os_errors() -> Iterator[None]:
    """Turn the operating system's refusal to read a file into a one-line InputError."""
    try:
        yield
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None


def read_bytes(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    with os_errors():
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"file too large ({size} bytes; the limit is {limit})")
        return path.read_bytes()


def looks_like_markdown(text: str) -> bool:
    """True when a plain-text file is really markdown (as some converters save it)."""
    score = 0
    for line in text.splitlines()[:400]:
        s = line.strip()
        if s.startswith(("# ", "## ", "### ", "#### ")):
            score += 2
        elif (
            (s.startswith("**") and s.endswith("**") and len(s) > 4)
            or s.startswith("<table")
            or s.startswith("<p>")
            or "](" in s
        ):
            score += 1
        if score >= 6:
            return True
    return False


def read_document(path: str | Path) -> Document:
    """Read any supported file into blocks; raise :class:`InputError` on bad input."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".docx":
        from minlint.lint.readers.docx import read_docx

        return read_docx(p)
    data = read_bytes(p) if suffix != ".pdf" else b""
    if suffix == ".pdf" or data.startswith(b"%PDF-"):  # a PDF saved under another name
        from minlint.lint.readers.pdf import read_pdf

        return read_pdf(p)
    packed = _packed(data)
    if packed is not None:
        raise InputError(packed)
    if data.startswith(b"PK\x03\x04"):
        from minlint.lint.readers.docx import read_docx

        return read_docx(p)
    try:
        text = decode(data)
    except InputError as exc:
        raise InputError(_binary(data) or str(exc)) from None
    return read_text_as(text, str(path), suffix)


# Files that are not text, by their first bytes: what each is, and what to do.
_MAGIC = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "a Word 97-2003 (.doc) or other OLE file; save it as .docx",
    ),
    (b"\x1f\x8b", "a gzip-compressed file; uncompress it"),
    (b"BZh", "a bzip2-compressed file; uncompress it"),
    (b"\xfd7zXZ\x00", "an xz-compressed file; uncompress it"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; take the minutes out of it"),
)


def _binary(data: bytes) -> str | None:
    """What a file that is not text is, when its first bytes say."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"not a text file: {what}"
    return None


def _packed(data: bytes) -> str | None:
    """Why a document packed in a format minlint does not read cannot be checked: an
    RTF file (text, but its markup would be read as words), an OpenDocument file, a zip
    archive that is not a Word document."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf":
        return "an RTF document, whose markup is not minutes; save it as .docx or as text"
    if not data.startswith(b"PK\x03\x04"):
        return None
    head = data[:200]
    if b"mimetype" in head and b"opendocument" in head:
        return "an OpenDocument file (.odt); save it as .docx"
    if b"[Content_Types].xml" in data[:4096] or b"word/" in data[:4096]:
        return None  # a Word document under another name: read as one
    return "a zip archive, not text; take the minutes out of it"


def read_text_as(text: str, path: str, suffix: str) -> Document:
    """Read already-decoded text, choosing the reader from the suffix and content."""
    from minlint.lint.readers.text import compose

    text = compose(normalise_newlines(text))
    if suffix in HTML_SUFFIXES:
        from minlint.lint.readers.html import read_html

        return read_html(text, path)
    if suffix in MARKDOWN_SUFFIXES or looks_like_markdown(text):
        from minlint.lint.readers.markdown import read_markdown

        return read_markdown(text, path)
    from minlint.lint.readers.text import read_plain

    return read_plain(text, path)
