"""Hostile and broken inputs: every one is refused with a clear one-line message, quickly,
without expanding an entity or unzipping a bomb."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docgen import document_xml, ole_file, raw_docx, zip_bomb

from minlint.lint import xmlsafe
from minlint.lint.readers import InputError, read_document
from minlint.lint.readers.docx import read_docx

BILLION_LAUGHS = (
    b'<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)
XXE = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def refused(path: Path, match: str) -> str:
    with pytest.raises(InputError, match=match) as err:
        read_document(path)
    message = str(err.value)
    assert "\n" not in message and len(message) < 200
    return message


# Zip archives --------------------------------------------------------------------------


def test_zip_bomb_by_compression_ratio(tmp_path: Path) -> None:
    path = zip_bomb(tmp_path / "bomb.docx", 8 * 1024 * 1024)
    assert path.stat().st_size < 100_000
    message = refused(path, "refusing to unzip")
    assert "word/media/padding.bin expands" in message
    assert "over the limit of 200" in message


def test_zip_bomb_by_total_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xmlsafe, "MAX_UNZIPPED_BYTES", 4 * 1024 * 1024)
    monkeypatch.setattr(xmlsafe, "MAX_COMPRESSION_RATIO", 10**6)
    path = zip_bomb(tmp_path / "bomb.docx", 5 * 1024 * 1024)
    message = refused(path, "refusing to unzip")
    assert message.startswith("refusing to unzip: uncompressed size 5.0 MB exceeds the 4 MB limit")


def _lie_about_size(path: Path, member: str, size: int) -> None:
    """Rewrite the central directory entry of ``member`` to declare ``size`` bytes."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.rfind(b"PK\x01\x02" + b"\0" * 0, 0)
    while at != -1:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_len] == name:
            struct.pack_into("<I", data, at + 24, size)
            break
        at = data.rfind(b"PK\x01\x02", 0, at)
    else:
        raise AssertionError(f"{member} not in the central directory")
    path.write_bytes(bytes(data))


def test_declared_size_of_gigabytes(tmp_path: Path) -> None:
    path = raw_docx(tmp_path / "huge.docx", {"word/media/image1.png": b"\x89PNG" * 250})
    _lie_about_size(path, "word/media/image1.png", 0xFFFF0000)
    message = refused(path, "refusing to unzip")
    assert message == (
        "refusing to unzip: word/media/image1.png is 4.0 GB uncompressed, over the 100 MB limit"
    )


def test_member_larger_than_declared(tmp_path: Path) -> None:
    body = document_xml(*["A paragraph of the minutes."] * 200)
    path = raw_docx(tmp_path / "liar.docx", {"word/document.xml": body})
    _lie_about_size(path, "word/document.xml", 100)
    refused(path, "word/document.xml")


def test_too_many_entries(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    raw_docx(path, {})
    with zipfile.ZipFile(path, "a") as zf:
        for i in range(xmlsafe.MAX_ZIP_ENTRIES):
            zf.writestr(f"customXml/item{i}.xml", b"")
    assert refused(path, "entries") == (
        f"refusing to unzip: {xmlsafe.MAX_ZIP_ENTRIES + 3} entries exceed the limit of"
        f" {xmlsafe.MAX_ZIP_ENTRIES}"
    )


# XML inside the archive ----------------------------------------------------------------


@pytest.mark.parametrize("prolog", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_entity_attacks_in_document_xml(tmp_path: Path, prolog: bytes) -> None:
    body = document_xml("&lol9;" if prolog is BILLION_LAUGHS else "&xxe;", prolog=prolog)
    path = raw_docx(tmp_path / "attack.docx", {"word/document.xml": body})
    assert refused(path, "DOCTYPE") == (
        "refusing word/document.xml: it declares a DOCTYPE, which a Word part never has"
    )


def test_doctype_hidden_by_another_encoding(tmp_path: Path) -> None:
    body = document_xml("&xxe;", prolog=XXE).replace(b'encoding="UTF-8"', b'encoding="UTF-16"')
    path = raw_docx(tmp_path / "utf16.docx", {"word/document.xml": body.decode().encode("utf-16")})
    refused(path, "DOCTYPE")


@pytest.mark.parametrize("prolog", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_the_xml_parser_expands_no_entity(prolog: bytes) -> None:
    from lxml import etree

    xml = prolog.replace(b"w:document", b"doc") + b"<doc>&lol9;&xxe;</doc>"
    xml = xml.replace(b"&lol9;&xxe;", b"&lol9;" if prolog is BILLION_LAUGHS else b"&xxe;")
    try:
        root = etree.fromstring(xml, parser=xmlsafe.xml_parser())
    except etree.XMLSyntaxError as exc:  # libxml2 refuses the amplification outright
        text = str(exc)
    else:
        text = "".join(root.itertext())
    assert "lollol" not in text and "root:" not in text


def test_malformed_document_xml(tmp_path: Path) -> None:
    path = raw_docx(tmp_path / "bad.docx", {"word/document.xml": b"<w:document><w:body>"})
    assert refused(path, "not well-formed").startswith("word/document.xml is not well-formed XML")


def test_other_parts_are_checked_too(tmp_path: Path) -> None:
    styles = b'<?xml version="1.0"?>' + XXE.replace(b"w:document", b"w:styles") + b"<w:styles/>"
    path = raw_docx(tmp_path / "styles.docx", {"word/styles.xml": styles})
    refused(path, "refusing word/styles.xml")


# Not Word documents ----------------------------------------------------------------------


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    path.write_text("Minutes of the meeting held on 14th March, 2023.\n", encoding="utf-8")
    assert refused(path, "not a zip") == "not a Word document: the file is not a zip archive"


@pytest.mark.parametrize("cut", ["start", "end"])
def test_a_word_document_cut_short_is_called_damaged(tmp_path: Path, cut: str) -> None:
    whole = raw_docx(tmp_path / "whole.docx", {}).read_bytes()
    path = tmp_path / "minutes.docx"
    path.write_bytes(whole[: len(whole) // 2] if cut == "start" else whole[:-30])
    assert refused(path, "damaged") == (
        "damaged Word document: the zip archive is cut short or corrupt (no central directory)"
    )


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    refused(path, "not a Word document")


def test_zip_without_document(tmp_path: Path) -> None:
    path = raw_docx(tmp_path / "nodoc.docx", {}, with_document=False)
    assert refused(path, "missing") == "not a Word document: word/document.xml is missing"


def test_other_zip_archive(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("photo.jpg", b"\xff\xd8\xff")
    refused(path, "not a Word document")


def test_password_protected_word_document(tmp_path: Path) -> None:
    path = ole_file(tmp_path / "locked.docx", ["EncryptionInfo", "EncryptedPackage"])
    assert refused(path, "password-protected").startswith("the Word document is password-protected")


def test_word_97_document(tmp_path: Path) -> None:
    path = ole_file(tmp_path / "old.docx", ["WordDocument", "1Table"])
    refused(path, r"\.doc\)")


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_docx(tmp_path / "absent.docx")
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    with pytest.raises(InputError, match="is a directory"):
        read_docx(folder)


def test_command_line_reports_one_line_and_exit_2(tmp_path: Path) -> None:
    from minlint.cli import cli

    path = zip_bomb(tmp_path / "bomb.docx", 8 * 1024 * 1024)
    result = CliRunner().invoke(cli, ["parse", str(path)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path}: error: refusing to unzip")


def test_human_sizes() -> None:
    assert xmlsafe.human_size(5_583_457_485) == "5.2 GB"
    assert xmlsafe.human_size(200 * 1024 * 1024) == "200 MB"
    assert xmlsafe.human_size(812) == "812 bytes"
