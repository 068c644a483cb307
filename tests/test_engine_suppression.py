"""Inline suppression comments: disable, enable, disable-next-line, disable-line, -file."""

from __future__ import annotations

import pytest
from engine_support import FIXTURES, check

from minlint.lint.blocks import PARAGRAPH, Block, Directive, Document
from minlint.lint.findings import Finding
from minlint.lint.registry import load_registry
from minlint.lint.suppression import apply, parse_directive, suppressions_of


def finding(line: int, code: str = "D001") -> Finding:
    return Finding("d.md", line, line, 1, code, "probe", "date", "error", "m")


def doc(lines: list[str], blocks=(), directives=(), fmt: str = "markdown") -> Document:
    return Document("d.md", fmt, list(blocks), list(lines), list(directives))


def kept(document: Document, *findings: Finding) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in apply(findings, document, load_registry())]


def test_the_markdown_fixture_keeps_only_unsuppressed_findings():
    result = check(FIXTURES / "suppressed.md", select=("D001",))
    assert [(f.line, f.message[:30]) for f in result.findings] == [
        (9, "Monday does not fall on 16 Dec"),
        (15, "Monday does not fall on 30 Dec"),
    ]


def test_an_html_comment_suppresses_the_next_paragraph():
    result = check(FIXTURES / "suppressed.html", select=("D001",))
    assert [(f.line, f.column) for f in result.findings] == [(7, 27)]


def test_a_word_comment_suppresses_its_paragraph(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("HARBOUR SCRUTINY PANEL")
    d.add_paragraph("Tuesday 14 November 2023")
    p = d.add_paragraph("The regatta is on Monday 2 December 2023.")
    d.add_comment(p.runs, text="minlint: disable-line=D001", author="Clerk")
    d.add_paragraph("The lantern walk is on Monday 9 December 2023.")
    d.save(tmp_path / "draft.docx")
    result = check(tmp_path / "draft.docx", select=("D001",))
    assert [str(e) for e in result.errors] == []
    assert [f.line for f in result.findings] == [4]


@pytest.mark.parametrize(
    ("text", "action", "codes"),
    [
        ("minlint: disable", "disable", None),
        ("minlint:disable=D001", "disable", {"D001"}),
        ("minlint: enable=weekday-mismatch, A002", "enable", {"D001", "A002"}),
        ("minlint: disable-next-line=D001,", "disable-next-line", {"D001"}),
        ("minlint: disable-line", "disable-line", None),
        ("minlint: disable-file=d001", "disable-file", {"D001"}),
    ],
)
def test_directives_are_read_with_codes_or_names(text, action, codes):
    d = parse_directive(3, text, load_registry())
    assert d.action == action
    assert d.codes == (None if codes is None else frozenset(codes))


@pytest.mark.parametrize("text", ["minlint: disabled", "minlint: off", "markdownlint-disable"])
def test_other_comments_are_not_directives(text):
    assert parse_directive(1, text, load_registry()) is None


def test_disable_and_enable_switch_rules_from_their_line_on():
    lines = ["a", "<!-- minlint: disable -->", "b", "<!-- minlint: enable=D001 -->", "c", "d"]
    document = doc(lines)
    assert kept(document, finding(1), finding(3), finding(5), finding(5, "A002")) == [
        (1, "D001"),
        (5, "D001"),
    ]
    lines[5] = "<!-- minlint: enable -->"
    assert kept(doc(lines), finding(6, "A002")) == [(6, "A002")]


def test_disable_next_line_covers_the_block_that_starts_there():
    lines = ["<!-- minlint: disable-next-line=D001 -->", "para one", "still one", "", "two"]
    blocks = [
        Block(PARAGRAPH, "para one still one", 2, 3),
        Block(PARAGRAPH, "two", 5, 5),
    ]
    document = doc(lines, blocks)
    assert kept(document, finding(2), finding(3), finding(5), finding(2, "A002")) == [
        (5, "D001"),
        (2, "A002"),
    ]


def test_disable_next_line_with_a_blank_line_after_it_covers_nothing():
    document = doc(["<!-- minlint: disable-next-line -->", "", "text"])
    assert kept(document, finding(3)) == [(3, "D001")]


def test_disable_line_and_disable_file():
    document = doc(["text <!-- minlint: disable-line=D001 -->", "more"])
    assert kept(document, finding(1), finding(1, "A002"), finding(2)) == [
        (1, "A002"),
        (2, "D001"),
    ]
    anywhere = doc(["text", "more", "<!-- minlint: disable-file=attendance-probe,D001 -->"])
    assert kept(anywhere, finding(1), finding(2, "A002")) == [(2, "A002")]
    everything = doc(["<!-- minlint: disable-file -->", "text"])
    assert kept(everything, finding(2), finding(2, "A002")) == []


def test_directives_collected_by_the_reader_are_used():
    # A reader that strips the comment from the line still hands over the directive.
    document = doc(["", "text"], directives=[Directive(1, "minlint: disable-next-line")])
    assert kept(document, finding(2)) == []
    sup = suppressions_of(document, load_registry())
    assert sup.lines == {2: None}


def test_comments_in_a_word_documents_text_are_not_scanned():
    # In a Word document only the reader's directives (comments) count.
    document = doc(["<!-- minlint: disable-file -->", "text"], fmt="docx")
    assert kept(document, finding(2)) == [(2, "D001")]


def test_a_comment_in_a_plain_text_draft_suppresses(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "HARBOUR SCRUTINY PANEL\nTuesday 14 November 2023\n\n"
        "<!-- minlint: disable-next-line=D001 -->\nThe fair is on Monday 2 December 2023.\n\n"
        "The quiz is on Monday 16 December 2023.\n",
        encoding="utf-8",
    )
    assert [f.line for f in check(draft, select=("D001",)).findings] == [7]
