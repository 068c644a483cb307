"""R002 resolution-numbering: resolution parts that skip or repeat, in the text and in
Word's own list numbering."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, all_real_documents, seed
from engine_support import check, document, minutes, run_rule

from minlint.cli import cli
from minlint.lint.blocks import Block
from minlint.lint.model import Minute, ParsedDocument, Resolution

DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"


def r002(*paths, **options):
    return check(*paths, select=("R002",), **options)


def messages(result) -> list[tuple[int, str]]:
    assert [str(e) for e in result.errors] == []
    return [(f.line, f.message) for f in result.findings]


def edited(tmp_path: Path, source: Path, *changes: tuple[str, str], name: str = "m.txt") -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    out = tmp_path / name
    out.write_text(text, encoding="utf-8")
    return out


# --- the bundled example --------------------------------------------------------------------


def test_the_planted_numbering_of_the_example():
    result = r002(DRAFT)
    (finding,) = result.findings
    assert (finding.line, finding.column, finding.end_column) == (105, 1, 4)
    assert finding.message == "resolution part (4) follows (2): (3) is missing"
    assert [(r.line, r.message) for r in finding.related] == [
        (101, "resolution part (1)"),
        (103, "resolution part (2)"),
    ]


def test_the_examples_parts_in_order_are_not_flagged():
    # draft:64-68 (1) (2) (3); minutes:80-88 and 109-115; the same "(1) That the report be
    # noted." in two minutes.
    assert messages(r002(EXAMPLES / "minutes_2024-05-14.txt")) == []
    assert [f.line for f in r002(DRAFT).findings] == [105]


# --- the real documents ------------------------------------------------------------------


def test_the_real_documents_number_their_parts_in_order():
    """(1) (2) (3), 1) 2), (A) (B), and (1) (2) (a) (b) (c) (3) nested (seed 004 minute
    113): no finding anywhere."""
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SEEDS})")
    result = r002(*documents, records=(str(SEEDS), str(CORPUS)))
    assert messages(result) == []


def test_a_part_taken_out_of_real_minutes(tmp_path):
    part = (
        "(3)  That consideration be given as to the appropriate arena for the \n"
        "evaluation of the Controlling Migration Fund.\n\n"
    )
    out = edited(tmp_path, seed("003"), (part, ""))
    (finding,) = r002(out).findings
    assert finding.message == "resolution part (4) follows (2): (3) is missing"
    assert [r.message for r in finding.related] == ["resolution part (1)", "resolution part (2)"]


def test_a_part_numbered_twice(tmp_path):
    out = edited(tmp_path, seed("003"), ("(3)  That consideration", "(2)  That consideration"))
    assert [m for _, m in messages(r002(out))] == ["resolution part (2) is repeated"]


def test_parts_closing_brackets_only_repeated(tmp_path):
    out = edited(
        tmp_path,
        seed("003"),
        (
            "Resolved:-  (1)  That the report be noted.\n\n(2)",
            "Resolved:-  1)  That the report be noted.\n\n2)",
        ),
        ("(3)  That consideration", "2)  That consideration"),
        (
            "(4)  That a report be submitted to the December",
            "3)  That a report be submitted to the December",
        ),
    )
    assert [m for _, m in messages(r002(out))] == ["resolution part 2) is repeated"]


def test_letters_that_skip(tmp_path):
    part = (
        " (b) notes and supports the plan for a joint Social, Emotional and Mental \n"
        "Health strategy across Education, Health and Social Care;\n"
    )
    out = edited(tmp_path, seed("004"), (part, ""))
    assert [m for _, m in messages(r002(out))] == [
        "resolution part (c) follows (a): (b) is missing"
    ]


def test_roman_numerals_that_skip(tmp_path):
    out = edited(
        tmp_path,
        seed("003"),
        (
            "Resolved:-  (1)  That the report be noted.\n\n(2)",
            "Resolved:-  (i)  That the report be noted.\n\n(iii)",
        ),
        ("(3)  That consideration", "(iv)  That consideration"),
        (
            "(4)  That a report be submitted to the December",
            "(v)  That a report be submitted to the December",
        ),
    )
    assert [m for _, m in messages(r002(out))] == [
        "resolution part (iii) follows (i): (ii) is missing"
    ]


def test_parts_running_on_in_one_paragraph(tmp_path):
    out = edited(
        tmp_path,
        seed("003"),
        (
            "Resolved:-  (1)  That the work programme be noted.\n (2)  That updates",
            "Resolved:-  (1)  That the work programme be noted; and (3)  that updates",
        ),
    )
    ((line, message),) = messages(r002(out))
    assert message == "resolution part (3) follows (1): (2) is missing"
    assert out.read_text(encoding="utf-8").splitlines()[line - 1].startswith("Resolved:-")
    # In order, or with a reference such as "Minute No. 13(3)" in the text: nothing.
    out = edited(
        tmp_path,
        seed("003"),
        (
            "Resolved:-  (1)  That the work programme be noted.\n (2)  That updates",
            "Resolved:-  (1)  That Minute 13(3) be noted; and (2)  that updates",
        ),
    )
    assert messages(r002(out)) == []


def test_a_second_resolution_starts_again(tmp_path):
    # Minute 24 gains a second "Resolved:" whose parts start again at (1).
    source = seed("003")
    text = source.read_text(encoding="utf-8")
    anchor = "24.   SPECIAL EDUCATIONAL NEEDS AND DISABILITY (SEND)"
    extra = "Resolved:-  (1)  That the timetable be noted.\n\n(2)  That it be circulated.\n\n"
    out = tmp_path / "m.txt"
    out.write_text(text.replace(anchor, extra + anchor, 1), encoding="utf-8")
    assert messages(r002(out)) == []
    # ... but "(1)" straight after "(1)" in one resolution is a repeat.
    out.write_text(
        text.replace("(2)  That a further detailed report", "(1)  That a further detailed report"),
        encoding="utf-8",
    )
    assert [m for _, m in messages(r002(out))] == ["resolution part (1) is repeated"]


# --- hand-made parts -----------------------------------------------------------------------


def _parsed(uncertain: list[str]) -> ParsedDocument:
    doc = document("1. BUDGET", "Resolved:- (1) That it be noted.", "(3) That it be sent on.")
    part = minutes(doc, None)
    part.uncertain = uncertain
    blocks: list[Block] = doc.blocks
    resolutions = [Resolution("1", "That it be noted.", 3, 3), Resolution("3", "x", 5, 5)]
    part.items = [Minute(1, "BUDGET", 1, 5, blocks[1:], resolutions)]
    return ParsedDocument(doc, [part])


def test_uncertain_decisions_are_not_checked():
    assert [f.message for f in run_rule("R002", _parsed([]))] == [
        "resolution part (3) follows (1): (2) is missing"
    ]
    assert run_rule("R002", _parsed(["decisions"])) == []


# --- Word ------------------------------------------------------------------------------

_PART = re.compile(r"^(?:(Resolved:-?)\s*)?\((\d{1,2})\)\s*(.*)$", re.S)


def word_with_numbered_parts(blocks: list[Block], path: Path) -> Path:
    """A Word document of the blocks in which Word numbers the minutes and the resolution
    parts itself ("(%1)" lists): a part that does not follow the one before starts a new
    list at its own number, as when a clerk restarts the numbering by hand."""
    import docx
    from docgen import add_list, add_list_instance, number_paragraph

    from minlint.lint.blocks import HEADING, LIST_ITEM

    document = docx.Document()
    abstract, _ = add_list(document, [("decimal", "(%1)", 1)])
    current: tuple[int, int] | None = None  # (list id, last number)
    for b in blocks:
        m = _PART.match(b.text)
        if m and b.kind != HEADING:
            if m.group(1):
                document.add_paragraph(m.group(1))
                current = None
            value = int(m.group(2))
            if current is None or value != current[1] + 1:
                current = (add_list_instance(document, abstract, {0: value}), value)
            p = document.add_paragraph(m.group(3))
            number_paragraph(p, current[0])
            current = (current[0], value)
            continue
        if b.kind == HEADING:
            document.add_paragraph(b.text, style="Heading 2")
        elif b.kind == LIST_ITEM:
            document.add_paragraph(b.text, style="List Bullet")
        else:
            document.add_paragraph(b.text)
            current = None
    document.save(str(path))
    return path


def _word(tmp_path: Path, text_path: Path) -> Path:
    from minlint.lint.readers.text import read_plain

    blocks = read_plain(text_path.read_text(encoding="utf-8"), str(text_path)).blocks
    return word_with_numbered_parts(blocks, tmp_path / (text_path.stem + ".docx"))


def test_word_numbering_gives_the_same_findings_as_the_text(tmp_path):
    out = edited(tmp_path, seed("003"), ("(3)  That consideration", "(4)  That consideration"))
    out = edited(
        tmp_path,
        out,
        ("(4)  That a report be submitted to the December", "(5)  That a report be submitted"),
        name="m2.txt",
    )
    word = _word(tmp_path, out)
    from minlint.lint.parse import parse_path

    text = parse_path(word).document.blocks
    assert any(b.text.startswith("(4) That consideration") for b in text)
    expected = [m for _, m in messages(r002(out))]
    assert expected == ["resolution part (4) follows (2): (3) is missing"]
    assert [m for _, m in messages(r002(word))] == expected


def test_a_word_list_restarted_at_two_repeats_a_part(tmp_path):
    out = edited(tmp_path, seed("003"), ("(3)  That consideration", "(2)  That consideration"))
    word = _word(tmp_path, out)
    assert [m for _, m in messages(r002(word))] == ["resolution part (2) is repeated"]
    # The clean minutes in Word: nothing.
    assert messages(r002(_word(tmp_path, seed("003")))) == []


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "R002"])
    assert result.exit_code == 0
    assert result.output.startswith("R002 resolution-numbering (resolution, error)\n")
    assert "Word" in result.output and "Example" in result.output
