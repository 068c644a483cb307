"""PDF reader (the ``pdf`` extra: pypdf).

Text is extracted page by page and read as plain text with pages separated by form
feeds, so running headers and footers are dropped, sentences broken across lines and
pages are joined, and each block knows its page. Line numbers are those of the
extracted text.
"""

from __future__ import annotations

import io
import itertools
import logging
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minlint.lint.blocks import Document
from minlint.lint.readers import InputError, read_bytes
from minlint.lint.readers.text import BULLET_GLYPHS

MAX_PDF_BYTES = 200 * 1024 * 1024
MAX_PAGES = 5_000
PAGE_SEPARATOR = "\n\f\n"
# A gap between lines this much larger than the page's usual line spacing, and at
# least this many times the font size, separates paragraphs.
GAP_OVER_LINE = 1.3
GAP_OVER_FONT = 1.45
# A bullet this many font sizes right of the first-level bullets is a sub-item.
BULLET_STEP = 1.0
INSTALL_HINT = "reading PDF needs the pdf extra: pip install 'minlint[pdf]'"


def read_pdf(path: Path) -> Document:
    """Read a PDF into blocks; raise :class:`InputError` for a bad, locked or unreadable file."""
    from minlint.lint.readers.text import read_plain

    doc = read_plain(pdf_text(Path(path)), str(path))
    doc.format = "pdf"
    return doc


def pdf_text(path: Path) -> str:
    """The text of every page, pages separated by a form feed on a line of its own."""
    try:
        import pypdf
        from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError
    except ImportError:
        raise InputError(INSTALL_HINT) from None

    data = read_bytes(path, MAX_PDF_BYTES)
    if b"%PDF-" not in data[:1024]:
        raise InputError("not a PDF file: it has no PDF header")
    # pypdf logs every oddity it works around (as warnings, and some as errors); a
    # reader of minutes has no use for them, and a failure is reported below in one line.
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # Many published PDFs are encrypted with an empty password only to restrict
            # printing or copying; those open as they do in any viewer.
            try:
                opened = reader.decrypt("")
            except NotImplementedError as exc:
                raise InputError(f"cannot decrypt the PDF: {_first_line(exc)}") from None
            if not opened:
                raise InputError("the PDF is password-protected; save a copy without a password")
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise InputError(f"the PDF has {len(pages)} pages, over the limit of {MAX_PAGES}")
        texts = _layout([_page_lines(page) for page in pages])
    except InputError:
        raise
    except DependencyError:
        raise InputError(
            "the PDF is encrypted with AES, which needs the cryptography package:"
            " pip install 'pypdf[crypto]'"
        ) from None
    except FileNotDecryptedError:
        raise InputError("the PDF is password-protected; save a copy without a password") from None
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        NotImplementedError,  # a stream filter pypdf does not know ("/FlateDekode")
    ) as exc:
        raise InputError(f"cannot read the PDF: {_first_line(exc)}") from None
    except (RecursionError, MemoryError, OverflowError, ZeroDivisionError, AssertionError) as exc:
        raise InputError(f"cannot read the PDF: {type(exc).__name__}") from None
    finally:
        log.setLevel(level)
    if not any(t.strip() for t in texts):
        raise InputError("the PDF has no text layer (a scan?); run it through OCR first")
    return PAGE_SEPARATOR.join(texts)


@dataclass(slots=True)
class _Line:
    text: str = ""
    x: float | None = None  # where the line's first visible text starts
    y: float | None = None  # and its baseline
    size: float = 0.0  # largest font size on the line

    @property
    def bullet(self) -> bool:
        return self.text.lstrip()[:1] in BULLET_GLYPHS if self.text.strip() else False


def _page_lines(page: Any) -> tuple[str, list[_Line] | None]:
    """The page's text as pypdf extracts it, and its lines with their positions (None
    when the two cannot be matched up)."""
    lines = [_Line()]

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text:
            return
        for i, part in enumerate(text.split("\n")):
            if i:
                lines.append(_Line())
            line = lines[-1]
            line.text += part
            if part.strip():
                if line.y is None:
                    line.x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                    line.y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                scale = abs(tm[3] * cm[3]) or 1.0
                line.size = max(line.size, abs(size) * scale)

    plain = page.extract_text(visitor_text=visit) or ""
    if "\n".join(ln.text for ln in lines) != plain:
        return plain, None
    return plain, lines


def _layout(pages: list[tuple[str, list[_Line] | None]]) -> list[str]:
    """Each page's text with what pypdf leaves out of it restored: a blank line where the
    page leaves a paragraph's worth of space between two lines, and an indent before a
    bullet that sits right of the document's first-level bullets. Without them
    paragraphs, list items and sub-items would run together."""
    bullet_xs = [ln.x for _, lines in pages for ln in lines or () if ln.bullet and ln.x is not None]
    first_level = min(bullet_xs) if bullet_xs else None
    out: list[str] = []
    for plain, lines in pages:
        if lines is None:
            out.append(plain)
            continue
        placed = [ln for ln in lines if ln.y is not None and ln.text.strip()]
        ratios = [r for a, b in itertools.pairwise(placed) if (r := _spacing(a, b)) is not None]
        if len(ratios) >= 5:
            # The tighter spacings of a page are its lines' own; paragraphs sit further apart.
            usual = statistics.quantiles(ratios, n=5)[0]
        else:
            usual = min(ratios, default=0.0)
        threshold = max(GAP_OVER_FONT, GAP_OVER_LINE * usual)
        text: list[str] = []
        prev: _Line | None = None
        for ln in lines:
            if not ln.text.strip():
                prev = None
                text.append(ln.text)
                continue
            if prev is not None and len(ratios) >= 3:
                ratio = _spacing(prev, ln)
                if ratio is not None and ratio > threshold:
                    text.append("")
            sub_item = (
                ln.bullet
                and first_level is not None
                and ln.x is not None
                and ln.x - first_level > BULLET_STEP * max(ln.size, 1.0)
            )
            text.append(("  " if sub_item else "") + ln.text)
            prev = ln
        out.append("\n".join(text))
    return out


def _spacing(above: _Line, below: _Line) -> float | None:
    """The distance between two lines' baselines in units of their font size."""
    if above.y is None or below.y is None:
        return None
    gap = above.y - below.y
    size = max(above.size, below.size)
    if gap <= 0 or size <= 0:
        return None  # a new column or a line placed out of order
    return gap / size


def _first_line(exc: BaseException) -> str:
    message = str(exc).strip()
    return (message.splitlines()[0] if message else type(exc).__name__)[:200]
