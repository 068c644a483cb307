"""Any text in, no exception out: the readers and the model extractor never crash."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minlint.lint.model import to_json
from minlint.lint.parse import parse_document
from minlint.lint.readers import read_text_as

# Fragments that steer generated text into the readers' special cases.
PIECES = st.sampled_from(
    [
        "\n", "\n\n", "\f", " ", "  ", "\t", "\xa0", "\uf0b7 ", "• ", "- ", "  - ", "**", "# ",
        "## ", "|", "<table><tr><td>", "</td></tr></table>", "<!-- minlint: disable=D001 -->",
        "Present:- ", "Councillor ", "Councillors ", "(in the Chair); ", " and ", ", ",
        "Apologies for absence:- ", "Resolved:- ", "(1) ", "(2) ", "1) ", "(a) ", "That ",
        "19.   ", "2779.\t", "DECLARATIONS OF INTEREST", "MINUTES OF THE MEETING HELD ON ",
        "Date and Time :- ", "Venue:- ", "Membership:- ", "(Chair)", "(Vice-Chair)", "(18)",
        "(Pages 1 - 11)", "Page 3 Agenda Item 2", "Tuesday, ", "13th March, 2018", "31 June",
        "at 5.30 p.m.", "NEXT MEETING", "Work programme – ", "TO: ", "Public Report", "A G E N D A",
        "left the meeting", "Minute No. 97", "https://example.org/x", "Zoë", "Z. ", "(",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from([".txt", ".md", ".html"]))
def test_any_text_parses(text: str, suffix: str):
    doc = read_text_as(text, "draft" + suffix, suffix)
    for block in doc.blocks:
        assert 1 <= block.line <= block.end_line
        line, column = block.locate(len(block.text) // 2)
        assert line >= 1 and column >= 1
    parsed = parse_document(doc)
    json.dumps(to_json(parsed))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_unicode_parses(text: str):
    for suffix in (".txt", ".md"):
        parse_document(read_text_as(text, "x" + suffix, suffix))
