"""Inputs the fuzz campaign (bench/fuzz.py) found to crash, hang or exhaust memory, each
rebuilt here at test time in its smallest form: every one is now read, or refused with
one clear line, and checked by every rule without an error."""

from __future__ import annotations

import logging
import zlib
from pathlib import Path

import pytest
from docgen import W_NS, docx_members, zip_bytes

from minlint.lint.engine import CheckOptions, run_check
from minlint.lint.readers import InputError, read_document


def refused(path: Path) -> str:
    with pytest.raises(InputError) as err:
        read_document(path)
    message = str(err.value)
    assert "\n" not in message and len(message) < 200
    return message


def checked_cleanly(path: Path) -> None:
    """The whole check with every rule: no rule failed and no reader broke."""
    result = run_check([str(path)], CheckOptions(select=("ALL",)))
    assert all(e.path == str(path) for e in result.errors)
    assert not [e for e in result.errors if "failed" in e.message or "internal" in e.message]


def _docx(tmp_path: Path, members: list[dict]) -> Path:
    path = tmp_path / "draft.docx"
    path.write_bytes(zip_bytes(members))
    return path


def test_a_corrupt_deflate_stream_is_refused(tmp_path: Path):
    members = docx_members("19. DECLARATIONS OF INTEREST")
    document = members[2]
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    stream = bytearray(packer.compress(document["data"]) + packer.flush())
    stream[len(stream) // 2 :] = b"\xff" * (len(stream) - len(stream) // 2)
    document["stream"] = bytes(stream)
    path = _docx(tmp_path, members)
    assert refused(path).startswith("word/document.xml is damaged: Error -3 while decompressing")
    checked_cleanly(path)


# PDF ------------------------------------------------------------------------------------


def _pdf(tmp_path: Path, old: bytes, new: bytes) -> Path:
    pytest.importorskip("pypdf")
    from docgen import simple_pdf

    lines = [(56, 800 - 16 * i, 10, f"{19 + i}. DECLARATIONS OF INTEREST") for i in range(3)]
    path = simple_pdf(tmp_path / "pack.pdf", [lines])
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))
    return path


def test_a_stream_filter_pypdf_does_not_know_is_refused(tmp_path: Path):
    path = _pdf(tmp_path, b"<< /Length", b"<< /Filter /FlateDekode /Length")
    assert refused(path) == "cannot read the PDF: Unsupported filter /FlateDekode"
    checked_cleanly(path)


def test_pypdf_logs_nothing_while_minlint_reads(tmp_path: Path, caplog):
    """A font encoding pypdf does not know: it logs an error and reads on; minlint's
    output stays its own."""
    path = _pdf(tmp_path, b"/WinAnsiEncoding", b"/WinAnsiEncodXYZ")
    caplog.set_level(logging.DEBUG)
    assert "DECLARATIONS OF INTEREST" in read_document(path).blocks[0].text
    assert [r.getMessage()[:40] for r in caplog.records if r.name.startswith("pypdf")] == []


# Numbered lists -------------------------------------------------------------------------


def test_a_lettered_html_list_starting_beyond_reason_is_read(tmp_path: Path):
    page = tmp_path / "minutes.html"
    page.write_text(
        '<ol start="99999999999999999999" type="a"><li>First</li><li>Second</li></ol>',
        encoding="utf-8",
    )
    texts = [b.text for b in read_document(page).blocks]
    assert texts == ["99999999999999999999. First", "100000000000000000000. Second"]
    checked_cleanly(page)


def test_a_lettered_word_list_starting_beyond_reason_is_read(tmp_path: Path):
    members = docx_members()
    numbering = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        '<w:start w:val="99999999999999999999"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    ).encode()
    paragraph = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    body = (
        f'<w:document xmlns:w="{W_NS}"><w:body>{paragraph}<w:r><w:t>That the report be noted.'
        "</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    members[2]["data"] = body
    members.append({"name": "word/numbering.xml", "data": numbering})
    path = _docx(tmp_path, members)
    texts = [b.text for b in read_document(path).blocks]
    assert texts == ["(99999999999999999999) That the report be noted."]
    checked_cleanly(path)


@pytest.mark.parametrize("char", ["110000", "FFFFFFFFFFFFFFFFFFFF", "D800", "DFFF"])
def test_a_word_symbol_that_is_no_character_is_left_out(tmp_path: Path, char: str):
    members = docx_members()
    members[2]["data"] = (
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Item</w:t>'
        f'<w:sym w:char="{char}"/><w:t>s</w:t><w:sym w:char="0041"/></w:r></w:p>'
        "</w:body></w:document>"
    ).encode()
    path = _docx(tmp_path, members)
    assert [b.text for b in read_document(path).blocks] == ["ItemsA"]
    checked_cleanly(path)


# Facts --------------------------------------------------------------------------------


def test_a_time_cue_before_a_number_of_thousands_of_digits():
    from minlint.lint.facts.quantities import find_quantities

    digits = "9" * 4400  # beyond Python's limit for converting a string to an int
    (found,) = find_quantities(f"The meeting resumed at {digits}.03 and closed.")
    assert found.text == f"{digits}.03"


def test_a_zip_needing_a_later_version_of_zip_is_refused(tmp_path: Path):
    data = bytearray(zip_bytes(docx_members()))
    at = data.find(b"PK\x01\x02")
    while at != -1:
        data[at + 6 : at + 8] = (148).to_bytes(2, "little")  # "version needed": 14.8
        at = data.find(b"PK\x01\x02", at + 1)
    path = tmp_path / "draft.docx"
    path.write_bytes(bytes(data))
    assert refused(path) == "cannot read this Word document: zip file version 14.8"
    checked_cleanly(path)


def test_an_encrypted_member_is_named_in_plain_words(tmp_path: Path):
    members = docx_members()
    members[2]["flags"] = 1  # the member says it is encrypted
    path = _docx(tmp_path, members)
    assert refused(path) == "cannot read word/document.xml: it is encrypted with a password"
    checked_cleanly(path)
