"""`minlint diff OLD NEW`: formats, exit status, errors, and documents in other formats."""

from __future__ import annotations

import json
import re

import jsonschema
from click.testing import CliRunner
from conftest import REPO, corpus, seed
from docgen import docx_from_blocks
from test_diff_align import edit_002

from minlint.cli import cli
from minlint.lint.readers import read_document

SCHEMA = json.loads((REPO / "minlint/schemas/diff.schema.json").read_text())


def run(*args: str):
    return CliRunner().invoke(cli, ["diff", *args])


def validate(output: str) -> dict:
    data = json.loads(output)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    return data


def test_the_schema_is_a_valid_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_identical_documents_exit_0_and_print_nothing():
    result = run(str(seed("002")), str(seed("002")))
    assert (result.exit_code, result.output) == (0, "")
    data = validate(run("--format", "json", str(seed("002")), str(seed("002"))).output)
    assert data["header"] == [] and {i["status"] for i in data["items"]} == {"unchanged"}
    assert data["summary"]["unchanged"] == 12


def test_text_output_is_a_word_diff_grouped_by_minute(tmp_path):
    new = edit_002(tmp_path)
    result = run(str(seed("002")), str(new))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[:2] == [f"--- {seed('002')}", f"+++ {new}"]
    assert "present: Councillor [-Bacon-]{+Beacon+}  OLD:6 NEW:6" in lines
    assert "minute 98 QUESTIONS FROM MEMBERS OF THE PUBLIC AND THE PRESS (removed) OLD:29" in lines
    assert "minute 99 -> 98 COMMUNICATIONS (renumbered) OLD:33 NEW:29" in lines
    assert (
        "minute 104 -> 102 IMPROVING LIVES SELECT COMMISSION - SUB AND PROJECT GROUP UPDATES "
        "(moved) OLD:210 NEW:196" in lines
    )
    at = lines.index("@@ OLD:198 NEW:194 @@")
    assert lines[at + 1] == (
        "That the presentation {+slides+} be circulated to {+all Members of+} the Commission."
    )
    assert "[-There were no questions from members of the public or press.-]" in lines
    assert lines[-1] == "1 removed, 1 moved, 6 renumbered, 4 unchanged, 2 header changes."
    assert "\x1b[" not in result.output  # not a terminal: no colour


def test_colour_only_on_a_terminal(tmp_path, monkeypatch):
    import io

    from minlint.cli import _use_colour
    from minlint.lint.diff.align import diff_paths
    from minlint.lint.diff.text import render

    coloured = render(diff_paths(str(seed("002")), str(edit_002(tmp_path))), color=True)
    assert "\x1b[31mBacon\x1b[0m\x1b[32mBeacon\x1b[0m" in coloured and "[-" not in coloured

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdout", Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _use_colour(False, None) is True
    assert _use_colour(True, None) is False  # --no-color
    assert _use_colour(False, "diff.txt") is False  # -o FILE
    monkeypatch.setenv("NO_COLOR", "1")
    assert _use_colour(False, None) is False


def test_json_output_follows_its_schema(tmp_path):
    result = run("--format", "json", str(seed("002")), str(edit_002(tmp_path)))
    assert result.exit_code == 1
    data = validate(result.output)
    assert data["summary"] == {
        "added": 0,
        "removed": 1,
        "changed": 0,
        "moved": 1,
        "renumbered": 6,
        "unchanged": 4,
    }
    removed = next(i for i in data["items"] if i["status"] == "removed")
    assert removed["old"] == {
        "number": 98,
        "title": "QUESTIONS FROM MEMBERS OF THE PUBLIC AND THE PRESS",
        "line": 29,
    }
    assert removed["new"] is None
    reworded = next(i for i in data["items"] if i["old"] and i["old"]["number"] == 102)
    (change,) = reworded["changes"]
    assert change["op"] == "replace"
    assert change["old_text"] == "That the presentation be circulated to the Commission."
    assert [w for w in change["words"] if w["op"] != "equal"] == [
        {"op": "insert", "old_text": "", "new_text": "slides"},
        {"op": "insert", "old_text": "", "new_text": "all Members of"},
    ]
    present = [c for c in data["header"] if c.get("field") == "present"]
    assert present == [
        {
            "op": "replace",
            "old_text": "Councillor Bacon",
            "new_text": "Councillor Beacon",
            "old_line": 6,
            "new_line": 6,
            "field": "present",
            "words": [
                {"op": "equal", "old_text": "Councillor", "new_text": "Councillor"},
                {"op": "replace", "old_text": "Bacon", "new_text": "Beacon"},
            ],
        }
    ]
    again = run("--format", "json", str(seed("002")), str(edit_002(tmp_path)))
    assert again.output == result.output  # deterministic


def test_html_is_one_self_contained_escaped_page(tmp_path):
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    head = "PANEL\nTuesday 5 March 2024\n\n1.   ITEM\n\n"
    old.write_text(head + "The Chair said <script>alert('x')</script> & \"more\".\n")
    new.write_text(head + 'The Chair said <img src=x onerror=alert(1)> & "less".\n')
    out = tmp_path / "diff.html"
    result = run("--format", "html", "-o", str(out), str(old), str(new))
    assert result.exit_code == 1 and result.output == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<img" not in page
    assert (
        "The Chair said &lt;<del>script&gt;</del><ins>img src=x onerror=</ins>alert("
        "<del>&#39;x&#39;</del><ins>1</ins>)<del>&lt;/script</del>&gt; &amp; &#34;"
        "<del>more</del><ins>less</ins>&#34;." in page
    )
    # No element loads anything: no src or href attribute, no stylesheet link or import.
    assert not re.search(r"<[^>]*\b(?:src|href)\s*=|<link|@import|url\(", page)
    assert "default-src 'none'" in page


def test_html_redline_of_a_real_edit(tmp_path):
    result = run("--format", "html", str(seed("002")), str(edit_002(tmp_path)))
    assert result.exit_code == 1
    page = result.output
    assert "<del>Bacon</del><ins>Beacon</ins>" in page
    assert "That the presentation <ins>slides</ins> be circulated" in page
    assert page.count('class="minlint-item minlint-renumbered"') == 6
    assert 'class="minlint-item minlint-removed"' in page
    assert "<del>There were no questions from members of the public or press.</del>" in page


def test_html_fragment_and_page_for_other_reports(tmp_path):
    from markupsafe import Markup

    from minlint.lint.diff.align import diff_paths
    from minlint.lint.diff.html import CSS, change_html, redline, render_fragment
    from minlint.lint.diff.words import word_diff

    assert redline(word_diff("a <b> c", "a <i> c")) == Markup(
        "a &lt;<del>b</del><ins>i</ins>&gt; c"
    )
    result = diff_paths(str(seed("002")), str(edit_002(tmp_path)))
    fragment = render_fragment(result)
    assert isinstance(fragment, Markup)
    assert fragment.startswith('<div class="minlint-diff">') and "<html" not in fragment
    assert ".minlint-item" in CSS
    assert "<ins>" in change_html(result.items[7].changes[0])


def test_a_missing_or_unreadable_file_is_one_line_and_exit_2(tmp_path):
    missing = tmp_path / "nope.txt"
    result = run(str(seed("002")), str(missing))
    assert result.exit_code == 2
    assert result.output.strip() == f"{missing}: error: no such file"
    binary = tmp_path / "draft.txt"
    binary.write_bytes(b"\x00\x01" * 50)
    result = run(str(binary), str(missing))
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"{binary}: error: not a text file (contains NUL bytes)",
        f"{missing}: error: no such file",
    ]
    assert "Traceback" not in result.output


def test_an_unwritable_output_file_is_exit_2(tmp_path):
    result = run(
        "-o", str(tmp_path / "no" / "such" / "dir.txt"), str(seed("002")), str(seed("002"))
    )
    assert result.exit_code == 2
    assert "error" in result.output and "Traceback" not in result.output


def test_inputs_are_not_modified(tmp_path):
    new = edit_002(tmp_path)
    before = (seed("002").read_bytes(), new.read_bytes())
    run("--format", "html", str(seed("002")), str(new))
    assert (seed("002").read_bytes(), new.read_bytes()) == before


def test_the_real_draft_and_final_minutes_of_tintern():
    draft = corpus("tintern-wyevalley-cc/20230108_minutes.txt")
    final = corpus("tintern-wyevalley-cc/20240108_minutes.txt")
    result = run(str(draft), str(final))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[2:4] == [
        "minute 3628 To consider & approve accounts for payment (changed) OLD:15 NEW:15",
        "@@ OLD:20 NEW:20 @@",
    ]
    assert "(Ch. No. 300517) {+\u2013 cancelled.+} Llandogo" in lines[4]
    assert lines[5:] == [
        "minute 3637 Date of next meeting (changed) OLD:57 NEW:57",
        "@@ OLD:57 NEW:59 @@",
        "{+There being no further business the meeting closed at 20.47.+}",
        "2 changed, 14 unchanged.",
    ]
    data = validate(run("--format", "json", str(draft), str(final)).output)
    assert data["summary"]["changed"] == 2


# --- across formats ------------------------------------------------------------------------


def _docx(tmp_path, source, name, replace=()):
    blocks = read_document(source).blocks
    from dataclasses import replace as copy

    edited = []
    for b in blocks:
        text = b.text
        for old, new in replace:
            text = text.replace(old, new)
        edited.append(copy(b, text=text))
    return docx_from_blocks(edited, tmp_path / name, minute_numbers=True)


def test_text_against_word_says_the_same(tmp_path):
    word = _docx(tmp_path, seed("002"), "002.docx")
    result = run(str(seed("002")), str(word))
    assert (result.exit_code, result.output) == (0, "")


def test_text_against_an_edited_word_document(tmp_path):
    word = _docx(
        tmp_path,
        seed("002"),
        "002.docx",
        replace=[
            ("Councillors Atkin, Bacon,", "Councillors Atkin, Beacon,"),
            (
                "That the presentation be circulated to the Commission.",
                "That the presentation be circulated to all Members.",
            ),
        ],
    )
    result = run("--format", "json", str(seed("002")), str(word))
    assert result.exit_code == 1
    data = validate(result.output)
    assert [c["field"] for c in data["header"] if "field" in c] == ["present"]
    changed = [i for i in data["items"] if i["status"] != "unchanged"]
    assert [(i["status"], i["old"]["number"], i["new"]["number"]) for i in changed] == [
        ("changed", 102, 102)
    ]
    (change,) = changed[0]["changes"]
    assert [(w["old_text"], w["new_text"]) for w in change["words"] if w["op"] != "equal"] == [
        ("the Commission", "all Members")
    ]
    # Lines in a Word document are paragraph numbers.
    assert change["old_line"] == 198 and change["new_line"] < 198


def test_the_word_and_pdf_versions_of_the_seeds_say_the_same(converted_seeds):
    """LibreOffice's Word and PDF versions of the seeds read as the same documents."""
    for name, path in sorted(converted_seeds.items()):
        result = run(str(seed(name.split(".")[0])), str(path))
        assert (name, result.exit_code, result.output) == (name, 0, "")
