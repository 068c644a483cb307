"""A file is read by what it is, not only by its name: a PDF or a Word document saved
as .txt is read as one; a file minlint cannot read says what it is and what to do."""

from __future__ import annotations

import gzip
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLES

from minlint.lint.engine import CheckOptions, run_check
from minlint.lint.model import to_json
from minlint.lint.parse import parse_path
from minlint.lint.readers import InputError, read_document

PREVIOUS = EXAMPLES / "minutes_2024-05-14.txt"


def refused(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_document(path)
    return str(caught.value)


def model(path: Path) -> dict:
    out = to_json(parse_path(path))
    out.pop("path")
    return out


@pytest.mark.parametrize(
    ("name", "make", "said"),
    [
        ("minutes.txt", lambda t: gzip.compress(t), "a gzip-compressed file"),
        ("minutes.txt.gz", lambda t: gzip.compress(t), "a gzip-compressed file"),
        ("minutes.txt", lambda t: b"BZh91AY&SY" + bytes(range(256)), "bzip2"),
        (
            "minutes.txt",
            lambda t: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8,
            "Word 97-2003 (.doc)",
        ),
        ("minutes.rtf", lambda t: rb"{\rtf1\ansi\deff0 {\fonttbl{\f0 Arial;}} " + t, "RTF"),
    ],
)
def test_a_file_that_is_not_minutes_text_says_what_it_is(tmp_path, name, make, said):
    path = tmp_path / name
    path.write_bytes(make(PREVIOUS.read_bytes()))
    message = refused(path)
    assert said in message
    assert "\n" not in message


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


ODT = {
    "mimetype": b"application/vnd.oasis.opendocument.text",
    "content.xml": b"<office:document-content/>",
}


@pytest.mark.parametrize("name", ["minutes.odt", "minutes.docx", "minutes.txt"])
def test_an_opendocument_file_is_named(tmp_path, name):
    assert "OpenDocument" in refused(_zip(tmp_path / name, ODT))


def test_a_zip_archive_of_files_is_not_read_as_text(tmp_path):
    path = _zip(tmp_path / "minutes.txt", {"minutes.txt": PREVIOUS.read_bytes()})
    assert "zip archive" in refused(path)


def test_a_word_document_saved_as_txt_is_read_as_word(tmp_path):
    from docgen import document_xml, raw_docx

    paragraphs = ("1. APOLOGIES", "Apologies were received from Councillor Ames.")
    docx = raw_docx(tmp_path / "minutes.docx", {"word/document.xml": document_xml(*paragraphs)})
    renamed = tmp_path / "minutes.txt"
    shutil.copyfile(docx, renamed)
    assert model(renamed) == model(docx)


def test_a_pdf_saved_as_txt_is_read_as_pdf(tmp_path, converted_seeds):
    pdf = converted_seeds["003.pdf"]
    renamed = tmp_path / "003.txt"
    shutil.copyfile(pdf, renamed)
    assert model(renamed) == model(pdf)


def test_the_other_files_are_still_checked(tmp_path):
    bad = tmp_path / "a.txt"
    bad.write_bytes(gzip.compress(PREVIOUS.read_bytes()))
    good = tmp_path / "b.txt"
    shutil.copyfile(PREVIOUS, good)
    result = run_check([str(bad), str(good)], CheckOptions(select=("ALL",)))
    assert [e.path for e in result.errors] == [str(bad)]
    assert "gzip" in result.errors[0].message
    alone = run_check([str(good)], CheckOptions(select=("ALL",)))
    assert result.findings == alone.findings
