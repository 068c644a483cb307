"""The PDF reader: a real agenda pack, LibreOffice PDFs of the seed minutes, PDFs built
line by line, and the files it must refuse."""

from __future__ import annotations

import hashlib
import io
import re
import sys
from pathlib import Path

import pytest
from conftest import corpus, seed
from docgen import (
    CONVERTED_SEEDS,
    model_json,
    simple_pdf,
    without_locations,
    write_pdf,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from minlint.lint.blocks import HEADING, LIST_ITEM, PARAGRAPH
from minlint.lint.readers import InputError, read_document
from minlint.lint.readers.pdf import pdf_text, read_pdf

pypdf = pytest.importorskip("pypdf")

MERTON = "merton-audit-committee/2009-10-22_audit-committee_agenda-pack.pdf"


def test_merton_agenda_pack() -> None:
    path = corpus(MERTON)
    doc = read_document(path)
    assert doc.format == "pdf"
    assert sorted({b.page for b in doc.blocks}) == list(range(1, 9))
    texts = [b.text for b in doc.blocks]
    # The footer of every page of the minutes is gone.
    assert not [t for t in texts if t.startswith("All minutes are draft until agreed")]
    parts = model_json(path)["parts"]
    assert [p["kind"] for p in parts[:2]] == ["agenda", "minutes"]
    agenda, minutes = parts[0], parts[1]
    assert agenda["date"] == "2009-10-22"
    assert [(i["number"], i["pages"]) for i in agenda["items"]][-2:] == [(7, "155"), (8, "169")]
    assert minutes["date"] == "2009-09-24"
    assert [p["name"] for p in minutes["present"]] == [
        "Dave Roberts",
        "Angela Caldara",
        "Corinna Edge",
        "Danny Connellan",
    ]
    assert [p["name"] for p in minutes["apologies"]] == ["Rod Scott", "Diane Neil"]


def test_pages_are_separated_by_form_feeds() -> None:
    text = pdf_text(corpus(MERTON))
    assert text.count("\f") == 7
    assert "\n\f\n" in text


def test_paragraph_gaps_and_sub_items_are_kept(tmp_path: Path) -> None:
    # 12 pt text on 14 pt lines; paragraphs 28 pt apart; sub-bullets further in.
    lines = [
        (57, 780, 12, "Resolved:- That the panel:"),
        (57, 752, 12, "• notes the report on the"),
        (71, 738, 12, "winter gritting routes;"),
        (92, 724, 12, "• including the new cycle routes;"),
        (57, 710, 12, "• asks for a further report."),
        (57, 682, 12, "The Chair thanked the officers for"),
        (57, 668, 12, "their work."),
        (57, 640, 12, "Page 3"),
    ]
    path = simple_pdf(tmp_path / "gaps.pdf", [lines, [(57, 780, 12, "Second page.")]])
    text = pdf_text(path)
    # Lines that go on with the sentence above are joined; the page number is gone.
    assert text.split("\n") == [
        "Resolved:- That the panel:",
        "",
        "• notes the report on the winter gritting routes;",
        "  • including the new cycle routes;",
        "• asks for a further report.",
        "",
        "The Chair thanked the officers for their work.",
        "\f",
        "Second page.",
    ]
    doc = read_pdf(path)
    assert [(b.kind, b.level, b.text, b.page) for b in doc.blocks] == [
        (PARAGRAPH, 0, "Resolved:- That the panel:", 1),
        (LIST_ITEM, 0, "notes the report on the winter gritting routes;", 1),
        (LIST_ITEM, 1, "including the new cycle routes;", 1),
        (LIST_ITEM, 0, "asks for a further report.", 1),
        (PARAGRAPH, 0, "The Chair thanked the officers for their work.", 1),
        (PARAGRAPH, 0, "Second page.", 2),
    ]


def test_missing_extra_gives_install_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = simple_pdf(tmp_path / "a.pdf", [[(57, 780, 12, "Text.")]])
    monkeypatch.setitem(sys.modules, "pypdf", None)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert str(err.value) == "reading PDF needs the pdf extra: pip install 'minlint[pdf]'"


def _encrypted(tmp_path: Path, user: str, owner: str, algorithm: str = "RC4-128") -> Path:
    plain = simple_pdf(tmp_path / "plain.pdf", [[(57, 780, 12, "Confidential minutes.")]])
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(plain))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    out = tmp_path / "locked.pdf"
    with out.open("wb") as fh:
        writer.write(fh)
    return out


# Acrobat restricts printing and copying with AES since version 7; older tools use RC4.
ALGORITHMS = ["RC4-128", "AES-128", "AES-256"]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_password_protected_pdf(tmp_path: Path, algorithm: str) -> None:
    with pytest.raises(InputError, match="password-protected"):
        read_document(_encrypted(tmp_path, "secret", "owner", algorithm))


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_pdf_encrypted_only_against_copying_is_read(tmp_path: Path, algorithm: str) -> None:
    doc = read_document(_encrypted(tmp_path, "", "owner", algorithm))
    assert [b.text for b in doc.blocks] == ["Confidential minutes."]


def test_aes_without_the_cryptography_package_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pypdf decrypts AES with the cryptography package (the pdf extra installs it);
    without it, pypdf's own fallback raises, and the message says what to install."""
    path = _encrypted(tmp_path, "", "owner", "AES-128")
    from pypdf._crypt_providers import _fallback

    monkeypatch.setattr(pypdf._encryption, "CryptAES", _fallback.CryptAES)
    with pytest.raises(InputError, match=r"needs the cryptography package: pip install"):
        read_document(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ngarbage", "cannot read the PDF"),
        (b"Minutes of the meeting\n", "not a PDF file"),
        (b"", "not a PDF file"),
    ],
)
def test_corrupt_pdf(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as err:
        read_document(path)
    assert "\n" not in str(err.value)


def test_truncated_pdf(tmp_path: Path) -> None:
    whole = simple_pdf(tmp_path / "whole.pdf", [[(57, 780, 12, "Text.")]]).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(InputError) as err:
        read_document(path)
    assert "\n" not in str(err.value)


def test_pdf_without_text(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    buf = io.BytesIO()
    writer.write(buf)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buf.getvalue())
    with pytest.raises(InputError, match="no text layer"):
        read_document(path)


def test_input_untouched(tmp_path: Path) -> None:
    path = simple_pdf(tmp_path / "a.pdf", [[(57, 780, 12, "Text.")]])
    path.chmod(0o444)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    read_document(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


# Seeds converted to PDF ----------------------------------------------------------------


@pytest.mark.parametrize("layout", ["pdf", "narrow.pdf"])
@pytest.mark.parametrize("prefix", CONVERTED_SEEDS)
def test_libreoffice_pdf_of_a_seed_gives_the_same_model(
    prefix: str, layout: str, converted_seeds: dict[str, Path]
) -> None:
    # LibreOffice's own page and fonts, and a Word document on a page 11 cm wide in a
    # 13 pt font: the lines break elsewhere, the model is the same.
    converted = converted_seeds[f"{prefix}.{layout}"]
    doc = read_document(converted)
    assert doc.format == "pdf"
    assert max(b.page or 0 for b in doc.blocks) > 1
    expected = without_locations(model_json(seed(prefix)))
    assert without_locations(model_json(converted)) == expected


# Layout: where lines break ------------------------------------------------------------

# Minutes of a meeting that never took place: a title, attendance, a minute whose title
# wraps before "- UPDATE", a resolution with a part that wraps before "Committee:-" on
# some pages, lettered parts, bullets and sub-bullets ("o", as Word draws them).
LAID_OUT = [
    ("title", "LICENSING PANEL"),
    ("text", "Tuesday, 14th March, 2023"),
    (
        "text",
        "Present:- Councillor Ashworth (in the Chair); Councillors Bell, Dunmore, Fenwick,"
        " Kowalski and Okafor.",
    ),
    ("title", "12. STREET TRADING CONSENTS IN THE TOWN CENTRE - UPDATE"),
    (
        "text",
        "The Licensing Manager reported on the consents granted since the last review and"
        " on the pitches that had stood empty through the winter months, noting that the"
        " market traders had asked for shorter consents in the quieter season.",
    ),
    ("bullet", "the fees charged by neighbouring councils for similar consents;"),
    ("sub", "pitches on the High Street and in the Market Square;"),
    ("sub", "pitches at the station forecourt;"),
    ("bullet", "the cost of enforcement visits in the evenings and at weekends."),
    ("text", "Resolved:-"),
    ("text", "(1) That the fees for street trading consents be held at the level of 2022."),
    (
        "text",
        "(2) That the views of the market traders be reported to the Licensing and"
        " Regulation Committee:-",
    ),
    ("text", "(a) on shorter consents in the winter months;"),
    ("text", "(b) on the pitches at the station forecourt."),
    ("title", "13. DATE AND TIME OF THE NEXT MEETING"),
    ("text", "Resolved:- That the next meeting be held on Tuesday, 11th April, 2023 at 10.00 a.m."),
]


def _lay_out(width: float, size: float, lines_per_page: int) -> list[list[tuple]]:
    """LAID_OUT set in Helvetica as a word processor sets it: lines filled up to
    ``width`` points, a gap between paragraphs, titles in bold, pages of so many lines."""
    from minlint.lint.readers.pdf import _width

    pages: list[list[tuple]] = [[]]
    y = 800.0
    for kind, text in LAID_OUT:
        x = {"bullet": 57.0, "sub": 80.0}.get(kind, 57.0)
        glyph = {"bullet": "\u2022 ", "sub": "o "}.get(kind, "")
        font = "Helvetica-Bold" if kind == "title" else "Helvetica"
        words, line = (glyph + text).split(" "), ""
        wrapped: list[str] = []
        for word in words:
            if line and _width(line + " " + word) * size > width - (x - 57.0):
                wrapped.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        wrapped.append(line)
        y -= size * 0.8  # the space before a paragraph
        for k, piece in enumerate(wrapped):
            if len(pages[-1]) >= lines_per_page:
                pages.append([])
                y = 800.0
            indent = 10.0 if k and kind in ("bullet", "sub") else 0.0
            pages[-1].append((x + indent, y, size, piece, font))
            y -= size * 1.2
    return pages


LAYOUTS = [(480, 11, 60), (300, 11, 12), (220, 13, 9), (170, 12, 7)]


@pytest.mark.parametrize(("width", "size", "per_page"), LAYOUTS[1:])
def test_the_page_width_does_not_change_the_blocks(
    tmp_path: Path, width: float, size: float, per_page: int
) -> None:
    wide = read_pdf(simple_pdf(tmp_path / "wide.pdf", _lay_out(*LAYOUTS[0])))
    narrow = read_pdf(simple_pdf(tmp_path / "narrow.pdf", _lay_out(width, size, per_page)))
    assert max(b.page or 0 for b in narrow.blocks) > 2
    shape = [(b.kind, b.level, b.text) for b in wide.blocks]
    assert [(b.kind, b.level, b.text) for b in narrow.blocks] == shape
    assert shape[:4] == [
        (HEADING, 0, "LICENSING PANEL"),
        (PARAGRAPH, 0, "Tuesday, 14th March, 2023"),
        (
            PARAGRAPH,
            0,
            "Present:- Councillor Ashworth (in the Chair); Councillors Bell, Dunmore,"
            " Fenwick, Kowalski and Okafor.",
        ),
        (HEADING, 0, "12. STREET TRADING CONSENTS IN THE TOWN CENTRE - UPDATE"),
    ]
    assert [(b.kind, b.level) for b in wide.blocks[5:9]] == [
        (LIST_ITEM, 0),
        (LIST_ITEM, 1),
        (LIST_ITEM, 1),
        (LIST_ITEM, 0),
    ]
    (minutes,) = model_json(tmp_path / "narrow.pdf")["parts"]
    assert [(i["number"], i["title"]) for i in minutes["items"]] == [
        (12, "STREET TRADING CONSENTS IN THE TOWN CENTRE - UPDATE"),
        (13, "DATE AND TIME OF THE NEXT MEETING"),
    ]
    parts = [r["number"] for r in minutes["items"][0]["resolutions"]]
    assert parts == ["1", "2", "a", "b"]
    assert len(minutes["present"]) == 6


def test_a_printed_text_file_keeps_its_lines(tmp_path: Path) -> None:
    """A text file printed to PDF (a fixed-pitch font) is read as the text file is: its
    lines stay the text's lines, for the text reader to join."""
    from minlint.lint.readers.text import read_plain

    text = [
        "Members raised the following points:",
        "",
        " the waiting times for the service",
        " the number of staff in post",
        "",
        "The Chair thanked the officers for the",
        "report.",
    ]
    lines = [(57, 780 - 12 * k, 10, t, "Courier") for k, t in enumerate(text) if t]
    path = simple_pdf(tmp_path / "printed.pdf", [lines])
    assert pdf_text(path).split("\n") == text
    expected = read_plain("\n".join(text), "printed.txt").blocks
    assert [(b.kind, b.text) for b in read_pdf(path).blocks] == [(b.kind, b.text) for b in expected]


def test_a_title_above_its_text_stays_a_title(tmp_path: Path) -> None:
    """A title in bold and the text set under it without a gap are two blocks, even when
    the text starts in lower case."""
    lines = [
        (57, 808, 12, "Present: Councillors Bell, Dunmore and Fenwick."),
        (57, 780, 12, "4. Disposal of Land", "Helvetica-Bold"),
        (57, 766, 12, "(a) Circulated, a report on the sale of a plot at Mill Lane."),
        (57, 752, 12, "(b) Circulated, a report on the lease of the old depot."),
        (57, 724, 12, "5. Date of next meeting", "Helvetica-Bold"),
        (57, 710, 12, "the 9th of May at 7.30 p.m."),
    ]
    path = simple_pdf(tmp_path / "titles.pdf", [lines])
    assert [(b.kind, b.text) for b in read_pdf(path).blocks][1:] == [
        (HEADING, "4. Disposal of Land"),
        (PARAGRAPH, "(a) Circulated, a report on the sale of a plot at Mill Lane."),
        (PARAGRAPH, "(b) Circulated, a report on the lease of the old depot."),
        (HEADING, "5. Date of next meeting"),
        (PARAGRAPH, "the 9th of May at 7.30 p.m."),
    ]
    (minutes,) = model_json(path)["parts"]
    assert [(i["number"], i["title"]) for i in minutes["items"]] == [
        (4, "Disposal of Land"),
        (5, "Date of next meeting"),
    ]


# Any layout in, every word out -------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "the", "Council", "noted", "report.", "Resolved:-", "(1)", "2)", "a)", "12.", "o",
        "\u2022", "-", "re-", "UPDATE", "Select", "Commission:-", "B.", "Page", "3", "and",
        "MINUTES", "Present:-", "\u00e9t\u00e9", "\u20ac50",
    ]
)  # fmt: skip
_LINE = st.tuples(
    st.lists(_WORDS, min_size=1, max_size=9).map(" ".join),
    st.sampled_from([50.0, 57.0, 80.0, 110.0]),  # x
    st.sampled_from([1.0, 1.2, 1.3, 2.4]),  # the gap above it, in font sizes
    st.sampled_from([10.0, 12.0, 14.0]),  # font size
    st.sampled_from([1, 2, 3]),  # plain, bold, mixed
    st.booleans(),  # fixed pitch
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_LINE, max_size=14), min_size=1, max_size=4))
def test_joining_lines_keeps_every_word_in_order(pages: list[list[tuple]]) -> None:
    """Whatever the layout, the text keeps the characters of every line but the running
    headers and footers, in their order: lines are joined, never lost or repeated."""
    from minlint.lint.readers.pdf import _furniture, _layout, _Line, _width

    laid: list[tuple[str, list[_Line]]] = []
    for page in pages:
        lines: list[_Line] = []
        y = 800.0
        for text, x, gap, size, weights, fixed in page:
            y -= gap * size
            end = x + _width(text) * size
            lines.append(_Line(text, x, y, size, end, weights, fixed))
        laid.append(("\n".join(ln.text for ln in lines), lines))
    furniture = _furniture([lines for _, lines in laid])
    expected = "".join(ln.text for _, lines in laid for ln in lines if id(ln) not in furniture)
    texts, titles = _layout(laid)
    got = "".join(texts).replace("\u25e6", "o")
    assert re.sub(r"\s", "", got) == re.sub(r"\s", "", expected)
    total = sum(t.count("\n") + 1 for t in texts) + len(texts) - 1  # and a "\f" line each
    assert all(1 <= n <= total for n in titles)


def _mapped_font_pdf(path: Path, lines: list[str], mapped: dict[str, str]) -> Path:
    """A PDF of ``lines`` whose font's character map gives each character of ``mapped``
    as the text its value holds (pypdf reads text through that map)."""
    pairs = b"".join(
        b"<%02X> <%s>\n" % (ord(c), "".join(f"{u:04X}" for u in _utf16(t)).encode())
        for c, t in mapped.items()
    )
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Mapped def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"%d beginbfchar\n%sendbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ) % (len(mapped), pairs)
    content = b"\n".join(
        b"BT /F1 12 Tf 56 %d Td (%s) Tj ET" % (780 - 20 * k, text.encode("latin-1"))
        for k, text in enumerate(lines)
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
        b" /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    return write_pdf(path, objects)


def _utf16(text: str) -> list[int]:
    """The UTF-16 units of ``text``; a lone surrogate stands for itself."""
    data = text.encode("utf-16-be", "surrogatepass")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


def _damaged_font_pdf(path: Path, lines: list[str]) -> Path:
    """A PDF whose font maps "Z" to half of a UTF-16 pair (U+DDEF), as the character
    map of a damaged font can: pypdf hands such halves on as characters."""
    return _mapped_font_pdf(path, lines, {"Z": "\uddef"})


def test_ligatures_and_combining_accents_of_a_font_read_as_letters(tmp_path):
    """A font that sets "fi" as one glyph, and an accent as a mark after its letter, as
    many PDF producers do: the text holds the letters and the accented letter."""
    path = _mapped_font_pdf(
        tmp_path / "minutes.pdf",
        [
            "Minutes of the meeting held on 11 June 2024.",
            "Present: Councillor Ren\x02 Okafor",
            "\x01nance",
        ],
        {"\x01": "\ufb01", "\x02": "e\u0301e"},
    )
    text = " ".join(b.text for b in read_document(path).blocks)
    assert "Present: Councillor Renée Okafor finance" in text


def test_halves_of_utf16_pairs_from_a_damaged_font_become_replacement_characters(tmp_path):
    import json

    from minlint.lint.engine import CheckOptions, run_check
    from minlint.lint.model import to_json
    from minlint.lint.output import FORMATS, render
    from minlint.lint.parse import parse_path

    path = _damaged_font_pdf(
        tmp_path / "minutes.pdf",
        [
            "Minutes of the meeting held on 11 June 2024.",
            "3. PLANNING",
            "The hedge on Church Lane was cut back by the contractor Z last week, and the clerk"
            " will ask the county council to clear the verge before the winter.",
            "4. HIGHWAYS",
            "The hedge on Church Lane was cut back by the contractor Z last week, and the clerk"
            " will ask the county council to clear the verge before the winter.",
        ],
    )
    text = json.dumps(to_json(parse_path(path)), ensure_ascii=False)
    text.encode("utf-8")  # no lone surrogate left to write out
    result = run_check([str(path)], CheckOptions(select=("ALL",)))
    assert result.errors == []
    # a finding on a line that held one: its fingerprint is made from the line's text
    lines = {f.line: f.code for f in result.findings}
    assert lines.get(5) == "P001", result.findings
    for fmt in FORMATS:
        render(result, fmt).encode("utf-8")
