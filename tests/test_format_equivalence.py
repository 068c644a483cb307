"""The same minutes give the same findings whether read as text, Word or PDF.

Seed 003 (the minutes of 18 September 2018) with one weekday made wrong is written
as text, converted by LibreOffice to .docx and .pdf, and built as a Word document whose
minute numbers are Word's own numbering; `minlint check` must report the same findings
on all of them, up to where (line numbers differ between formats).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import seed
from docgen import convert, docx_from_blocks, html_from_blocks, soffice

from minlint.cli import cli
from minlint.lint.readers.text import read_plain

WRONG = ("Tuesday, 6th November", "Wednesday, 6th November")


def findings(path: Path) -> list[tuple[str, str]]:
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(path)])
    assert result.exit_code in (0, 1), result.output
    return sorted((v["code"], v["message"]) for v in json.loads(result.output)["violations"])


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    text = seed("003").read_text(encoding="utf-8")
    assert WRONG[0] in text
    work = tmp_path_factory.mktemp("formats")
    source = work / "minutes.txt"
    source.write_text(text.replace(*WRONG), encoding="utf-8")
    blocks = read_plain(source.read_text(encoding="utf-8"), str(source)).blocks
    out = {
        "txt": source,
        "numbered.docx": docx_from_blocks(blocks, work / "numbered.docx", minute_numbers=True),
    }
    if soffice() is not None:
        page = work / "minutes.html"
        page.write_text(html_from_blocks(blocks), encoding="utf-8")
        for target in ("docx", "pdf"):
            (made,) = convert([page], target, work / target, work / "profile")
            out[target] = made
    return out


def test_text_version_has_the_planted_finding(versions: dict[str, Path]):
    message = (
        "Wednesday does not fall on 6 November 2018 (a Tuesday); the year is not stated "
        "and was taken from the meeting of 18 September 2018"
    )
    total = (
        "188 + 32 = 220, not 210 (the additional 32 read as added to the 188 the list opens with)"
    )
    variants = [
        ("A002", '"Councillor M. Elliott" is written "Elliot" in the list of those present'),
        (
            "A002",
            '"Paul Williams" is written "Paula Williams" in the text, for the Head of Inclusion',
        ),
    ]
    assert findings(versions["txt"]) == [*variants, ("D001", message), ("T001", total)]


@pytest.mark.parametrize("kind", ["numbered.docx", "docx", "pdf"])
def test_other_formats_give_the_same_findings(kind: str, versions: dict[str, Path]):
    if kind not in versions:
        pytest.skip("LibreOffice (soffice) is not installed")
    assert findings(versions[kind]) == findings(versions["txt"])
