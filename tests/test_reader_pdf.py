"""The PDF reader: a real agenda pack, LibreOffice PDFs of the seed minutes, PDFs built
line by line, and the files it must refuse."""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path

import pytest
from conftest import corpus, seed
from docgen import (
    CONVERTED_SEEDS,
    model_json,
    simple_pdf,
    without_locations,
)

from minlint.lint.blocks import LIST_ITEM, PARAGRAPH
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
    assert text.split("\n") == [
        "Resolved:- That the panel:",
        "",
        "• notes the report on the",
        "winter gritting routes;",
        "  • including the new cycle routes;",
        "• asks for a further report.",
        "",
        "The Chair thanked the officers for",
        "their work.",
        "",
        "Page 3",
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


def _encrypted(tmp_path: Path, user: str, owner: str) -> Path:
    plain = simple_pdf(tmp_path / "plain.pdf", [[(57, 780, 12, "Confidential minutes.")]])
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(plain))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="RC4-128")
    out = tmp_path / "locked.pdf"
    with out.open("wb") as fh:
        writer.write(fh)
    return out


def test_password_protected_pdf(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="password-protected"):
        read_document(_encrypted(tmp_path, "secret", "owner"))


def test_pdf_encrypted_only_against_copying_is_read(tmp_path: Path) -> None:
    doc = read_document(_encrypted(tmp_path, "", "owner"))
    assert [b.text for b in doc.blocks] == ["Confidential minutes."]


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


@pytest.mark.parametrize("prefix", CONVERTED_SEEDS)
def test_libreoffice_pdf_of_a_seed_gives_the_same_model(
    prefix: str, converted_seeds: dict[str, Path]
) -> None:
    converted = converted_seeds[f"{prefix}.pdf"]
    doc = read_document(converted)
    assert doc.format == "pdf"
    assert max(b.page or 0 for b in doc.blocks) > 1
    expected = without_locations(model_json(seed(prefix)))
    assert without_locations(model_json(converted)) == expected
