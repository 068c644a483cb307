"""Readers turn a file into a :class:`~minlint.lint.blocks.Document`.

The reader is chosen by file extension, and for ``.txt`` files by content: markdown
saved as ``.txt`` (headings, bold lines, HTML tables) is read as markdown.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from minlint.lint.blocks import Document

MAX_TEXT_BYTES = 50 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".php"}


class InputError(Exception):
    """A file that cannot be read. The message is one line and does not repeat the path."""


def decode(data: bytes) -> str:
    """Decode a text file: UTF-8 (with or without BOM), else Windows-1252."""
    if b"\x00" in data[:8192]:
        raise InputError("not a text file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


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
    if suffix == ".pdf":
        from minlint.lint.readers.pdf import read_pdf

        return read_pdf(p)
    text = decode(read_bytes(p))
    return read_text_as(text, str(path), suffix)


def read_text_as(text: str, path: str, suffix: str) -> Document:
    """Read already-decoded text, choosing the reader from the suffix and content."""
    if suffix in HTML_SUFFIXES:
        from minlint.lint.readers.html import read_html

        return read_html(text, path)
    if suffix in MARKDOWN_SUFFIXES or looks_like_markdown(text):
        from minlint.lint.readers.markdown import read_markdown

        return read_markdown(text, path)
    from minlint.lint.readers.text import read_plain

    return read_plain(text, path)
