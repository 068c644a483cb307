"""Safe parsing of untrusted XML, HTML and zip archives.

Every reader that parses markup or unzips an archive goes through here, so the limits
and parser settings live in one place: no network access, no DTD loading, no entity
expansion beyond HTML's own, and zip archives checked against their central directory
before anything is decompressed (and again while reading, in case it lies).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from typing import TYPE_CHECKING

from minlint.lint import regexstore as rx
from minlint.lint.readers import InputError

if TYPE_CHECKING:
    from lxml import etree

MAX_ZIP_ENTRIES = 2_000
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_MEMBER_BYTES = 100 * 1024 * 1024
# Deflate reaches about 1:1000 on zeros; real Word parts stay far below 1:100.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_FROM_BYTES = 1024 * 1024

# What a damaged compressed stream raises (lzma, like zipfile, is optional).
_STREAM_ERRORS: tuple[type[Exception], ...] = (zlib.error,)
try:
    from lzma import LZMAError

    _STREAM_ERRORS += (LZMAError,)
except ImportError:  # pragma: no cover
    pass

_DOCTYPE = rx.compile(rb"<!DOCTYPE", re.I)
# Characters that XML cannot carry; lxml refuses a string that contains them.
_CONTROL_CHARS = rx.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NOT_CHARS = rx.compile("[\ud800-\udfff\ufffe\uffff]")


def human_size(n: int) -> str:
    """A byte count as people write it: "5.2 GB", "200 MB", "812 bytes"."""
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def xml_parser() -> etree.XMLParser:
    """An XML parser that neither loads a DTD, expands entities nor touches the network."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
    )


def html_parser() -> etree.HTMLParser:
    """An HTML parser for untrusted pages: HTML's named entities only, no network."""
    from lxml import html

    return html.HTMLParser(
        no_network=True,
        huge_tree=False,
        remove_pis=True,
        remove_blank_text=False,
        remove_comments=False,
        default_doctype=False,
        encoding="utf-8",
    )


def parse_xml_part(data: bytes, name: str) -> etree._Element:
    """Parse one XML part of an archive; a DTD (and so any entity declaration) is refused."""
    from lxml import etree

    if _DOCTYPE.search(data):
        raise InputError(f"refusing {name}: it declares a DOCTYPE, which a Word part never has")
    try:
        root = etree.fromstring(data, parser=xml_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{name} is not well-formed XML: {_first_line(str(exc))}") from None
    if root is None:
        raise InputError(f"{name} is empty")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise InputError(f"refusing {name}: it declares a DOCTYPE, which a Word part never has")
    return root


def parse_html(text: str) -> tuple[etree._Element | None, list[str]]:
    """Parse HTML (a page or a fragment): the root, or None when there is nothing to
    parse, and what the parser's safety limits cut off ("Excessive depth in document")."""
    from lxml import etree

    data = xml_safe(text).encode("utf-8")
    if not data.strip():
        return None, []
    parser = html_parser()
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, []
    limits = [
        e.message.split(",")[0]
        for e in parser.error_log
        if e.type_name == "ERR_RESOURCE_LIMIT" or "huge" in e.message.lower()
    ]
    return root, list(dict.fromkeys(limits))


def xml_safe(text: str) -> str:
    """``text`` with the characters XML cannot hold replaced, keeping its length and lines.

    Control characters (invisible in a page) become spaces; lone surrogates and
    non-characters become U+FFFD.
    """
    return _NOT_CHARS.sub("\ufffd", _CONTROL_CHARS.sub(" ", text))


def _not_a_zip(path: str, what: str) -> str:
    """Why a file is no zip archive: a damaged or cut-short one still starts as one."""
    try:
        with open(path, "rb") as fh:
            start = fh.read(4)
    except OSError:
        start = b""
    if start == b"PK\x03\x04":
        return f"damaged {what}: the zip archive is cut short or corrupt (no central directory)"
    return f"not a {what}: the file is not a zip archive"


def open_zip(path: str, what: str) -> zipfile.ZipFile:
    """Open a zip archive after checking its central directory against the limits.

    ``what`` names the expected kind of file for the error message ("Word document").
    """
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError(_not_a_zip(path, what)) from None
    except (OSError, ValueError, EOFError) as exc:
        raise InputError(f"not a {what}: {_first_line(str(exc))}") from None
    except NotImplementedError as exc:  # "zip file version 14.8": a zip feature not read
        raise InputError(f"cannot read this {what}: {_first_line(str(exc))}") from None
    try:
        check_zip(zf)
    except InputError:
        zf.close()
        raise
    return zf


def check_zip(zf: zipfile.ZipFile) -> None:
    """Refuse an archive whose declared contents exceed the limits (a zip bomb)."""
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise InputError(
            f"refusing to unzip: {len(infos)} entries exceed the limit of {MAX_ZIP_ENTRIES}"
        )
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > MAX_MEMBER_BYTES:
            raise InputError(
                f"refusing to unzip: {info.filename} is {human_size(size)} uncompressed,"
                f" over the {human_size(MAX_MEMBER_BYTES)} limit"
            )
        if size >= RATIO_CHECK_FROM_BYTES and size > MAX_COMPRESSION_RATIO * max(
            1, info.compress_size
        ):
            ratio = size / max(1, info.compress_size)
            raise InputError(
                f"refusing to unzip: {info.filename} expands {ratio:.0f} times,"
                f" over the limit of {MAX_COMPRESSION_RATIO}"
            )
    if total > MAX_UNZIPPED_BYTES:
        raise InputError(
            f"refusing to unzip: uncompressed size {human_size(total)} exceeds"
            f" the {human_size(MAX_UNZIPPED_BYTES)} limit"
        )


def read_member(zf: zipfile.ZipFile, name: str) -> bytes | None:
    """A member's bytes, or None when absent; reading stops at the limit whatever the
    central directory claimed."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    limit = min(MAX_MEMBER_BYTES, info.file_size)
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except RuntimeError as exc:  # an encrypted member, or a zip feature zipfile lacks
        if "encrypted" in str(exc):
            raise InputError(f"cannot read {name}: it is encrypted with a password") from None
        raise InputError(f"cannot read {name}: {_first_line(str(exc))}") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, *_STREAM_ERRORS) as exc:
        raise InputError(f"{name} is damaged: {_first_line(str(exc))}") from None
    if len(data) > limit:
        raise InputError(f"refusing to unzip: {name} is larger than its declared size")
    return data


def _first_line(message: str) -> str:
    line = message.strip().splitlines()[0] if message.strip() else "unknown error"
    return line[:200]
