"""F001 tracked-changes: a Word draft that still holds tracked changes."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from click.testing import CliRunner
from docgen import tracked_delete, tracked_insert

from minlint.cli import cli


def draft(path: Path, *, changes: bool) -> Path:
    document = docx.Document()
    document.add_paragraph("HOUSING SCRUTINY PANEL")
    document.add_paragraph("Tuesday, 4th June, 2024")
    document.add_paragraph("Present:- Councillor Lund (in the Chair); Councillors Bell and Pike.")
    document.add_paragraph("12.   TENANCY SUPPORT")
    para = document.add_paragraph("The panel noted the report presented on ")
    if changes:
        tracked_insert(para, "4 June")
        tracked_delete(para, "28 May")
        later = document.add_paragraph("Resolved:-  That the report be noted")
        tracked_insert(later, ".")
    else:
        para.add_run("4 June.")
        document.add_paragraph("Resolved:-  That the report be noted.")
    document.save(path)
    return path


def check(*args: str):
    return CliRunner().invoke(cli, ["check", "--select", "F001", "--format", "json", *args])


def test_tracked_changes_are_reported_at_the_first_changed_paragraph(tmp_path: Path):
    result = check(str(draft(tmp_path / "draft.docx", changes=True)))
    assert result.exit_code == 1, result.output
    (finding,) = json.loads(result.output)["violations"]
    assert (finding["code"], finding["name"], finding["category"]) == (
        "F001",
        "tracked-changes",
        "document",
    )
    assert finding["line"] == 5
    assert finding["severity"] == "warning"
    assert finding["message"] == (
        "tracked changes remain (2 insertions, 1 deletion): accept or reject them before "
        "publication; 2 paragraphs hold changes"
    )


def test_a_clean_word_draft_and_a_text_draft_are_not_reported(tmp_path: Path):
    assert check(str(draft(tmp_path / "draft.docx", changes=False))).exit_code == 0
    text = tmp_path / "draft.md"
    text.write_text("Resolved:- That the tracked changes policy be noted.\n", encoding="utf-8")
    assert check(str(text)).exit_code == 0


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "tracked-changes"])
    assert result.exit_code == 0
    assert "accept" in result.output
