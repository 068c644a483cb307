"""PDF reader (the ``pdf`` extra: pypdf).

Text is extracted page by page and read as plain text with pages separated by form
feeds, so running headers and footers are dropped, sentences broken across lines and
pages are joined, and each block knows its page. Line numbers are those of the
extracted text.

Where a line breaks depends on the page width, the fonts and their sizes, none of
which say anything about the minutes. The layout of each page is used so that the
same minutes read the same on any page: a gap between lines separates paragraphs, a
bullet further in is a sub-item, and a line that goes on with the line before (that
line stops mid-sentence where the next word would not have fitted, on the same page or
at the foot of the page before) is joined to it in the extracted text, so that nothing
reads it as the start of anything, however it begins ("Select Commission:-",
"- UPDATE"). Line widths are estimated with generic glyph widths, so only how full a
line is compared with the fullest lines of its page counts, not the font. Lines set in
bold or in a larger font than the text are titles, as headings are in a Word document;
running headers and footers are found from the pages' lines before any are joined. A
text file printed to PDF (a fixed-pitch font) keeps its lines for the text reader.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from minlint.lint import regexstore as rx
from minlint.lint.blocks import Document
from minlint.lint.readers import InputError, read_bytes
from minlint.lint.readers.lines import separator
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
# Lines whose font sizes differ by more than this share are set differently.
SAME_SIZE = 0.1
# A line wrapped when the next word would not have fitted in the room left on it (in
# font sizes; generous, since the glyph widths are estimated).
WRAP_ROOM = 1.0
# A line longer than this is a paragraph in bold, not a title.
MAX_TITLE = 200
INSTALL_HINT = "reading PDF needs the pdf extra: pip install 'minlint[pdf]'"


def read_pdf(path: Path) -> Document:
    """Read a PDF into blocks; raise :class:`InputError` for a bad, locked or unreadable file."""
    from minlint.lint.readers.text import read_plain

    text, titles = _extract(Path(path))
    doc = read_plain(text, str(path), running_heads=False, titles=titles)
    doc.format = "pdf"
    return doc


def pdf_text(path: Path) -> str:
    """The text of every page, pages separated by a form feed on a line of its own, with
    the running headers and footers taken out."""
    return _extract(path)[0]


# A PDF whose catalogue is lost is searched for it object by object, each search a scan of
# the whole file: at most this many bytes scanned in all (pypdf's own limit is 10,000
# objects, some gigabytes for a large file).
_RECOVERY_BYTES = 100_000_000


def _reader(pypdf: ModuleType, data: bytes) -> Any:
    recovery = min(10_000, max(100, _RECOVERY_BYTES // max(1, len(data))))
    try:
        return pypdf.PdfReader(io.BytesIO(data), strict=False, root_object_recovery_limit=recovery)
    except TypeError:  # an older pypdf, without the parameter
        return pypdf.PdfReader(io.BytesIO(data), strict=False)


def _extract(path: Path) -> tuple[str, set[int]]:
    """The text of every page (see :func:`pdf_text`) and the lines of it that are titles."""
    try:
        import pypdf
        from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError
    except ImportError:
        raise InputError(INSTALL_HINT) from None

    limit_reached = getattr(pypdf.errors, "LimitReachedError", ())  # in recent pypdf only
    data = read_bytes(path, MAX_PDF_BYTES)
    if b"%PDF-" not in data[:1024]:
        raise InputError("not a PDF file: it has no PDF header")
    # pypdf logs every oddity it works around (as warnings, and some as errors); a
    # reader of minutes has no use for them, and a failure is reported below in one line.
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        reader = _reader(pypdf, data)
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
        laid, titles = _layout([_page_lines(page) for page in pages])
    except InputError:
        raise
    except DependencyError:
        raise InputError(
            "the PDF is encrypted with AES, which needs the cryptography package:"
            " pip install 'pypdf[crypto]'"
        ) from None
    except FileNotDecryptedError:
        raise InputError("the PDF is password-protected; save a copy without a password") from None
    except limit_reached as exc:
        if "root" in str(exc).lower():
            raise InputError("damaged PDF: its catalogue (root object) is lost") from None
        raise InputError(f"cannot read the PDF: {_first_line(exc)}") from None
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
    if not any(t.strip() for t in laid):
        raise InputError("the PDF has no text layer (a scan?); run it through OCR first")
    from minlint.lint.readers.text import compose

    return compose(PAGE_SEPARATOR.join(laid)), titles


@dataclass(slots=True)
class _Line:
    """A line of a PDF page as laid out: its text, position, font size and weights."""

    text: str = ""
    x: float | None = None  # where the line's first visible text starts
    y: float | None = None  # and its baseline
    size: float = 0.0  # largest font size on the line
    end: float | None = None  # where its last visible text ends (estimated)
    weights: int = 0  # the font weights on the line: PLAIN, BOLD, or both
    fixed: bool = False  # set in a fixed-pitch font, as a printed text file is

    @property
    def bullet(self) -> bool:
        return self.text.lstrip()[:1] in BULLET_GLYPHS if self.text.strip() else False


# Glyph widths of a common sans-serif face (per 1000 units of the font size) for the
# printable ASCII characters; other characters count as a digit does.
_WIDTHS = (
    [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278]
    + [556] * 10
    + [278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278]
    + [500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667]
    + [611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222]
    + [222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500]
    + [500, 334, 260, 334, 584]
)


PLAIN, BOLD = 1, 2
_BOLD_NAME = rx.compile(r"bold|black|heavy|semibold|demibold", re.I)


def _is_bold(font: Any) -> bool:
    """Whether a font resource is a bold face: by its name, weight or flags."""
    try:
        if font is None:
            return False
        if _BOLD_NAME.search(str(font.get("/BaseFont", ""))):
            return True
        descriptor = font.get("/FontDescriptor")
        if descriptor is not None:
            descriptor = descriptor.get_object()
            if float(descriptor.get("/FontWeight", 0)) >= 600:
                return True
            return bool(int(descriptor.get("/Flags", 0)) & (1 << 18))  # ForceBold
    except (AttributeError, TypeError, ValueError):
        return False
    return False


_FIXED_NAME = rx.compile(r"mono|courier|consol|typewriter", re.I)


def _is_fixed(font: Any) -> bool:
    """Whether a font resource is a fixed-pitch (typewriter) face."""
    try:
        if font is None:
            return False
        if _FIXED_NAME.search(str(font.get("/BaseFont", ""))):
            return True
        descriptor = font.get("/FontDescriptor")
        return descriptor is not None and bool(int(descriptor.get_object().get("/Flags", 0)) & 1)
    except (AttributeError, TypeError, ValueError):
        return False


def _width(text: str) -> float:
    """The estimated width of ``text`` in units of its font size."""
    return sum(_WIDTHS[o - 32] if 32 <= (o := ord(c)) < 127 else 556 for c in text) / 1000


# A damaged font's map gives pypdf halves of UTF-16 pairs as characters: text can hold
# none (they cannot be written out), so each becomes the replacement character.
_SURROGATE = rx.compile(r"[\ud800-\udfff]")


def _page_lines(page: Any) -> tuple[str, list[_Line] | None]:
    """The page's text as pypdf extracts it, and its lines with their positions (None
    when the two cannot be matched up)."""
    lines = [_Line()]
    faces: dict[int, tuple[bool, bool]] = {}  # (bold, fixed) by font resource

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text:
            return
        text = _SURROGATE.sub("\ufffd", text)
        for i, part in enumerate(text.split("\n")):
            if i:
                lines.append(_Line())
            line = lines[-1]
            line.text += part
            if part.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                if line.y is None:
                    line.x = x
                    line.y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                scale = abs(tm[3] * cm[3]) or 1.0
                line.size = max(line.size, abs(size) * scale)
                face = faces.get(id(font))
                if face is None:
                    face = faces[id(font)] = (_is_bold(font), _is_fixed(font))
                line.weights |= BOLD if face[0] else PLAIN
                line.fixed = line.fixed or face[1]
                # A part after a line break within one piece of text has no position.
                line.end = x + _width(part.rstrip()) * abs(size) * scale if not i else None

    plain = _SURROGATE.sub("\ufffd", page.extract_text(visitor_text=visit) or "")
    if "\n".join(ln.text for ln in lines) != plain:
        return plain, None
    return plain, lines


def _layout(pages: list[tuple[str, list[_Line] | None]]) -> tuple[list[str], set[int]]:
    """Each page's text with what pypdf leaves out of it restored, and the lines of the
    whole text (1-based, pages separated as :data:`PAGE_SEPARATOR` does) that are titles:
    set in bold or in a larger font than the text, as a word processor sets headings.

    Running headers and footers are taken out. Restored are a blank line where the page
    leaves a paragraph's worth of space between two lines, an indent before a bullet
    that sits right of the document's first-level bullets (Word's second-level "o"
    counts as a bullet there), and the lines that a page width broke: a line that goes
    on with the line before is joined to it, on the same page or across a page break.
    Without them paragraphs, list items and sub-items would run together, and a wrapped
    line could read as the start of something. The headers and footers are found
    before the lines are joined: joined lines are too few at a page's edges to tell.
    """
    bullet_xs = [ln.x for _, lines in pages for ln in lines or () if ln.bullet and ln.x is not None]
    first_level = min(bullet_xs) if bullet_xs else None
    furniture = _furniture([lines or [] for _, lines in pages])
    placed_all = [ln for _, lines in pages for ln in lines or () if ln.text.strip()]
    # A text file printed to PDF keeps the lines of the text: they are read as a text's.
    printout = sum(ln.fixed for ln in placed_all) > 0.5 * len(placed_all)
    sizes = Counter(round(ln.size * 2) / 2 for ln in placed_all if ln.size > 0)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    titles: set[tuple[int, int]] = set()  # (page, line of the page)
    texts: list[list[str]] = []
    # Per page: its right edge, and its first and last lines of text with their index.
    edges: list[tuple[float | None, tuple[int, _Line] | None, tuple[int, _Line] | None]] = []
    for plain, lines in pages:
        if lines is None:
            texts.append(plain.split("\n"))
            edges.append((None, None, None))
            continue
        placed = [ln for ln in lines if ln.y is not None and ln.text.strip()]
        ratios = [r for a, b in itertools.pairwise(placed) if (r := _spacing(a, b)) is not None]
        if len(ratios) >= 5:
            # The tighter spacings of a page are its lines' own; paragraphs sit further apart.
            usual = statistics.quantiles(ratios, n=5)[0]
        else:
            usual = min(ratios, default=0.0)
        threshold = max(GAP_OVER_FONT, GAP_OVER_LINE * usual)
        left = min((ln.x for ln in placed if ln.x is not None), default=None)
        ends = sorted(ln.end for ln in placed if ln.end is not None)
        # The right edge of the text: where the fullest lines of the page end.
        right = ends[int(len(ends) * 0.9)] if len(ends) >= 5 and not printout else None
        text: list[str] = []
        shown: list[tuple[int, _Line]] = []
        prev: _Line | None = None
        tail: _Line | None = None  # the last line of text of the page
        for ln in lines:
            if id(ln) in furniture:
                continue
            if not ln.text.strip():
                prev = None
                text.append(ln.text)
                continue
            tail = ln
            sub = _sub_bullet(ln, first_level if first_level is not None else left)
            if sub is not None:
                ln = sub
            ratio = _spacing(prev, ln) if prev is not None and len(ratios) >= 3 else None
            if (ratio is not None and ratio > threshold) or (
                prev is not None and _set_apart(prev, ln)
            ):
                text.append("")
            elif (
                ratio is not None
                and right is not None
                and prev is not None
                and _goes_on(prev, ln, right, _is_title(prev, body) and _is_title(ln, body))
            ):
                text[-1] = _joined(text[-1], ln.text)
                prev = ln
                continue
            sub_item = (
                ln.bullet
                and first_level is not None
                and ln.x is not None
                and ln.x - first_level > BULLET_STEP * max(ln.size, 1.0)
            )
            if _is_title(ln, body):
                titles.add((len(texts), len(text)))
            shown.append((len(text), ln))
            text.append(("  " if sub_item else "") + ln.text)
            prev = ln
        texts.append(text)
        last = (shown[-1][0], tail) if shown and tail is not None else None
        edges.append((right, shown[0] if shown else None, last))
    moved: dict[tuple[int, int], tuple[int, int]] = {}  # a line joined to a page before
    for n in range(1, len(texts)):
        right, _, last = edges[n - 1]
        _, first, _ = edges[n]
        if right is None or last is None or first is None:
            continue
        # No title shortcut here: with no spacing to go by, a title at the foot of a page
        # may as well stand above the first paragraph of the next.
        if _goes_on(last[1], first[1], right):
            to = (n - 1, last[0])
            while to in moved:  # a page of one line, itself joined to the page before
                to = moved[to]
            texts[to[0]][to[1]] = _joined(texts[to[0]][to[1]], texts[n][first[0]])
            moved[(n, first[0])] = to
    out: list[str] = []
    numbers: set[int] = set()
    first = 1  # the number of the page's first line in the whole text
    for n, text in enumerate(texts):
        kept = [k for k in range(len(text)) if (n, k) not in moved]
        numbers.update(first + j for j, k in enumerate(kept) if (n, k) in titles)
        out.append("\n".join(text[k] for k in kept))
        first += len(kept) + PAGE_SEPARATOR.count("\n") - 1
    return out, numbers


def _is_title(ln: _Line, body: float) -> bool:
    """A short line set all in bold, or larger than the text of the document."""
    if ln.bullet or len(ln.text.strip()) > MAX_TITLE or not any(c.isalpha() for c in ln.text):
        return False
    return ln.weights == BOLD or (body > 0 and ln.size > body * (1 + SAME_SIZE))


def _joined(line: str, more: str) -> str:
    """Two lines of one sentence as one; a word broken at a hyphen stays whole."""
    line, more = line.rstrip(), more.strip()
    return line + separator(line, more) + more


def _furniture(pages: list[list[_Line]]) -> set[int]:
    """The lines (by ``id``) that are running headers or footers: page numbers, or the
    same text (numbers aside) at the top or foot of many pages."""
    from minlint.lint.readers.lines import page_edges
    from minlint.lint.readers.text import is_page_furniture

    texts: list[str] = []
    owners: list[_Line] = []
    indexes: list[list[int]] = []
    for lines in pages:
        indexes.append([])
        for ln in lines:
            if ln.text.strip():
                indexes[-1].append(len(texts))
                texts.append(ln.text.strip())
                owners.append(ln)
    repeated = page_edges(indexes, texts)
    return {id(owners[i]) for i, t in enumerate(texts) if i in repeated or is_page_furniture(t)}


# Word's second-level bullet is a letter o in another font; in the text it is an "o".
_LETTER_BULLET = rx.compile(r"^(\s*)o(?:\s+)(?=\S)")


def _sub_bullet(ln: _Line, inner: float | None) -> _Line | None:
    """The line with its "o" read as a bullet, when it stands right of ``inner`` (the
    first-level bullets, or else the left edge of the text) as a sub-item does; None
    otherwise."""
    if inner is None or ln.x is None or ln.x - inner <= BULLET_STEP * max(ln.size, 1.0):
        return None
    m = _LETTER_BULLET.match(ln.text)
    if m is None:
        return None
    return replace(ln, text=m.group(1) + "\u25e6 " + ln.text[m.end() :])


# A line that starts one of these starts something, however full the line before it.
_STARTS = rx.compile(
    r"^(?:\(\d{1,3}\)|\d{1,3}[.)](?=\s|[A-Z(])|\([a-z]\)|[a-z]\)\s|(?:And\s+)?Resolved\b|RESOLVED\b"
    r"|(?:Present|Apologies|In attendance|Also present|Date|Time|Venue|Membership)\b\s*[:;-])"
)
_SENTENCE_END = rx.compile(r"[.:;?!]['\"’”)]?$|:-$")
# A full stop after an initial or a title does not end the sentence: "Councillors B." /
# "Collins and E. Ryan".
_NOT_AN_END = rx.compile(r"(?:^|[\s(])(?:[A-Z]|Cllrs?|Mr|Mrs|Ms|Dr|No|Nos|St)\.$")


def _goes_on(above: _Line, below: _Line, right: float, titles: bool = False) -> bool:
    """True when ``below`` goes on with the sentence of ``above`` on the next line: the
    two are set alike, ``above`` stops mid-sentence and either the words show that the
    sentence runs on, or both are lines of a title (``titles``), or the first word of
    ``below`` would not have fitted on ``above``. (The widths are those of a regular
    face: a title in bold fills its lines more than the estimate says.)"""
    from minlint.lint.readers.lines import is_caps, runs_on

    a, b = above.text.strip(), below.text.strip()
    if below.bullet or _set_apart(above, below):
        return False
    if _SENTENCE_END.search(a) and not _NOT_AN_END.search(a):
        return False
    if below.text[:1].isspace() or _STARTS.match(b):
        # Indented with spaces, as a text file is, or a numbered part or a label: the
        # text reader decides.
        return False
    if b[:1].islower():
        return True
    if is_caps(a) and any(map(str.isalpha, b)) and not is_caps(b):
        return False  # a title and the text under it
    if runs_on(a, b) or titles:
        return True
    if above.end is None or above.size <= 0:
        return False
    room = (right - above.end) / above.size - _width(" " + b.split()[0])
    return room < WRAP_ROOM


def _set_apart(above: _Line, below: _Line) -> bool:
    """Two lines set differently, as a title and the text under it are: in different font
    sizes, or one all bold and the other all plain."""
    if abs(above.size - below.size) > SAME_SIZE * max(above.size, below.size):
        return True
    return {above.weights, below.weights} == {PLAIN, BOLD}


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
