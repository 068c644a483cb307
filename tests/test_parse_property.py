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
        "<br />", "<br /><br />", "&pound;", "\n---\n", "\n---\n2\n", "**10.Question", "**",
        "3331.Declarations", "2320Apologies", "1.\n\n", "Proposed by Councillor X;",
        "And Resolved:", "“That ", "it was proposed by Cllr A, seconded by Cllr B and agreed",
        "PRESENT IN THE CHAIR:", "Cathaoirleach", "Mayor", "CYFARFOD 8fed IONAWR 2020",
        "*<small>Scanned page, text may contain errors.</small>*", "(Image omitted)", "\r",
        "IV. ", "II) ", "XLIX. ", "L. Brennan", "(ii) ", "**Apologies** ", "1. **Finance** – ",
        "AGENDA\n", "• Finance\n", "Total £827.00.", "£412.00; ", "RESOLVED that:\n",
        "Members Present:\n", "Cllr Jane Marsh (Town Mayor, in the Chair)\n", "25/101\t",
        "the 14th day of October 2025", "Agreed – ", "Officers: ", "\x1a", "\u00ad",
        "<li><strong>Title</strong> text</li>",
        "<td>25/101</td><td><p><b>T</b></p><p>x y z</p></td>",
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


# A council's minutes in one of the corpus styles, with page furniture and a flattened
# table between its minutes: page numbers and table cells are never headings.
_STYLES = {
    "markdown": ("**{n}.{title}**", ".md"),
    "bare": ("{n}.\n\n{title}", ".md"),
    "text": ("{n}.   {title}", ".txt"),
    "glued": ("{n}.{title}:  Noted.", ".txt"),
}
_TITLES = st.sampled_from(
    ["Adoption of Minutes", "Disposal of Land", "Correspondence", "Planning Applications",
     "Question submitted by Councillor Ryan", "Financial Report"]
)  # fmt: skip
_FURNITURE = st.sampled_from(
    ["---\n{page}", "{cell}", "{cell}\n\n{cell}", "Thursday 13 August 2020\n\n{cell}",
     "The Members noted the report.", "---\n*<small>Scanned page, text may contain errors. "
     "See original file for clarity</small>*"]
)  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(_STYLES)),
    st.integers(min_value=1, max_value=3000),
    st.lists(st.tuples(_TITLES, _FURNITURE, st.integers(2, 999)), min_size=2, max_size=12),
)
def test_page_numbers_and_table_cells_are_never_headings(style, first, rows):
    template, suffix = _STYLES[style]
    parts = ["MINUTES OF THE MEETING OF THE TEST DISTRICT", "Present: Councillors Ash and Beech."]
    page = 1
    for k, (title, furniture, cell) in enumerate(rows):
        parts.append(template.format(n=first + k, title=title))
        parts.append("The item was discussed at length by the members present.")
        page += furniture.startswith("---")
        parts.append(furniture.format(page=page, cell=cell))
    doc = read_text_as("\n\n".join(parts) + "\n", "minutes" + suffix, suffix)
    (minutes,) = parse_document(doc).minutes
    numbers = [m.number for m in minutes.items]
    assert numbers == list(range(first, first + len(rows)))
