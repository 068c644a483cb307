"""The HTML reader on real community-council fragments, ModernGov-style pages we wrote,
and generic HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import corpus
from docgen import model_json
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minlint.lint.blocks import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW
from minlint.lint.readers import read_document
from minlint.lint.readers.html import read_html

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def blocks(text: str, **kw) -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, b.text) for b in read_html(text, "t.html", **kw).blocks]


# Real pages ------------------------------------------------------------------------------


def test_community_council_minutes_fragment() -> None:
    path = corpus("mscc-manordeilo-salem/minutes_2020-01-08.html")
    doc = read_document(path)
    assert doc.format == "html"
    assert doc.notices == []
    heads = [b.text for b in doc.blocks if b.kind == HEADING]
    # The minutes are an ordered list: the browser's numbers are the minute numbers.
    assert heads[:4] == [
        "PRESENT",
        "1. WELCOME AND APOLOGIES",
        "2. TO CONFIRM THE MINUTES OF THE LAST MEETING",
        "3. DECLARATIONS OF INTEREST",
    ]
    texts = [b.text for b in doc.blocks]
    # Loose text after a heading inside a list item is a paragraph of its own.
    assert texts[texts.index("3. DECLARATIONS OF INTEREST") + 1] == "None."
    # The close button is not part of the minutes; <br> joins with a space.
    assert "×" not in texts
    assert texts[-1] == "12th February 2020 CHAIRPERSON"
    # Every block's line is where its text is in the file.
    for b in doc.blocks:
        words = b.text.split()
        source = " ".join(doc.lines[b.line - 1 : b.end_line])
        assert words[-1] in source or b.text.startswith(tuple("0123456789")), b


def test_community_council_minutes_model() -> None:
    model = model_json(corpus("mscc-manordeilo-salem/minutes_2020-03-11.html"))
    minutes = model["parts"][0]
    assert minutes["kind"] == "minutes"
    assert minutes["date"] == "2020-03-11"
    numbers = [m["number"] for m in minutes["items"]]
    assert numbers[:3] == [1, 2, 3]
    assert numbers == sorted(numbers)


def test_moderngov_minutes_page() -> None:
    doc = read_document(FIXTURES / "moderngov_minutes.html")
    heads = [(b.level, b.text, b.line) for b in doc.blocks if b.kind == HEADING]
    assert heads[1] == (
        2,
        "Transport and Environment Scrutiny Panel - Tuesday, 14th March, 2023 10.00 am",
        18,
    )
    # The number cell and the title cell make one heading; the file size is dropped.
    assert (3, "95. Declarations of interest", 29) in heads
    assert (3, "96. Minutes of the previous meeting held on 14th February, 2023", 36) in heads
    texts = [b.text for b in doc.blocks]
    assert "mgPageTitle" not in " ".join(texts)  # the script
    assert "Committees" not in texts  # the navigation
    assert doc.directives[0].text == "minlint: disable=A002"
    assert doc.directives[0].line == 22
    model = model_json(FIXTURES / "moderngov_minutes.html")
    minutes = model["parts"][0]
    assert minutes["date"] == "2023-03-14"
    assert [m["number"] for m in minutes["items"]] == [95, 96, 97, 98, 99]
    assert [r["number"] for r in minutes["items"][3]["resolutions"]] == ["1", "2", "3"]
    assert [p["name"] for p in minutes["present"]][:2] == ["Ashworth", "Bell"]
    assert minutes["next_meeting"]["date"] == "2023-04-11"


def test_moderngov_agenda_page() -> None:
    model = model_json(FIXTURES / "moderngov_agenda.html")
    agenda = model["parts"][0]
    assert agenda["kind"] == "agenda"
    assert agenda["date"] == "2023-04-11"
    assert [(i["number"], i["title"]) for i in agenda["items"]] == [
        (100, "Declarations of interest"),
        (101, "Minutes of the previous meeting held on 14th March, 2023"),
        (102, "Winter maintenance review"),
    ]


# Structure -------------------------------------------------------------------------------


def test_headings_paragraphs_and_containers() -> None:
    text = """<h1>Council</h1>
<div class="intro">Held at the <b>Town Hall</b>.
  <p>First paragraph,
     over two lines.</p>
  Loose text after it.
  <div><p>Nested.</p></div>
</div>
<h6>Small heading</h6>"""
    assert blocks(text) == [
        (HEADING, 1, "Council"),
        (PARAGRAPH, 0, "Held at the Town Hall."),
        (PARAGRAPH, 0, "First paragraph, over two lines."),
        (PARAGRAPH, 0, "Loose text after it."),
        (PARAGRAPH, 0, "Nested."),
        (HEADING, 6, "Small heading"),
    ]
    doc = read_html(text, "t.html")
    assert [(b.line, b.end_line) for b in doc.blocks] == [
        (1, 1),
        (2, 2),
        (3, 4),
        (5, 5),
        (6, 6),
        (8, 8),
    ]
    assert doc.lines[2] == "  <p>First paragraph,"


def test_locations_inside_a_block() -> None:
    doc = read_html("<p>\n  Apologies were received\n  from Councillor Hale.</p>", "t.html")
    b = doc.blocks[0]
    assert b.text == "Apologies were received from Councillor Hale."
    assert b.locate(b.text.index("Hale")) == (3, 3 + len("from Councillor "))
    assert b.locate(0) == (2, 3)


def test_lists() -> None:
    text = """<ol start="95">
<li>Declarations of interest</li>
<li>Minutes
  <ol type="a"><li>matters arising</li><li value="4">actions</li></ol>
</li>
<li><p>First paragraph of an item.</p><p>Second paragraph.</p></li>
</ol>
<ul><li>a bullet</li></ul>
<ol style="list-style-type: none"><li>1. numbered by hand</li></ol>
<ol reversed><li>three</li><li>two</li></ol>
<ol type="i" start="3"><li>third</li></ol>"""
    assert blocks(text) == [
        (LIST_ITEM, 0, "95. Declarations of interest"),
        (LIST_ITEM, 0, "96. Minutes"),
        (LIST_ITEM, 1, "a. matters arising"),
        (LIST_ITEM, 1, "d. actions"),
        (LIST_ITEM, 0, "97. First paragraph of an item."),
        (PARAGRAPH, 0, "Second paragraph."),
        (LIST_ITEM, 0, "a bullet"),
        (LIST_ITEM, 0, "1. numbered by hand"),
        (LIST_ITEM, 0, "2. three"),
        (LIST_ITEM, 0, "1. two"),
        (LIST_ITEM, 0, "iii. third"),
    ]


def test_tables() -> None:
    text = """<table>
<caption>Budget monitoring</caption>
<thead><tr><th>Service</th><th>Budget (£)</th></tr></thead>
<tbody>
<tr><td>Libraries</td><td>1,200<br>(revised)</td></tr>
<tr><td><p>Parks</p></td><td>&nbsp;</td></tr>
<tr><td></td><td> </td></tr>
</tbody>
</table>"""
    doc = read_html(text, "t.html")
    assert [(b.kind, b.text, b.cells, b.line) for b in doc.blocks] == [
        (PARAGRAPH, "Budget monitoring", (), 2),
        (TABLE_ROW, "Service | Budget (£)", ("Service", "Budget (£)"), 3),
        (TABLE_ROW, "Libraries | 1,200 (revised)", ("Libraries", "1,200 (revised)"), 5),
        (TABLE_ROW, "Parks", ("Parks", ""), 6),
    ]


def test_layout_table_with_number_cells() -> None:
    text = """<table>
<tr><td>12.</td><td><h3>Work programme</h3><p>The panel noted its work programme.</p></td></tr>
<tr><td><p>13.</p></td><td><p>Urgent business</p><p>There was none.</p></td></tr>
</table>"""
    assert blocks(text) == [
        (HEADING, 3, "12. Work programme"),
        (PARAGRAPH, 0, "The panel noted its work programme."),
        (PARAGRAPH, 0, "13. Urgent business"),
        (PARAGRAPH, 0, "There was none."),
    ]


def test_skipped_content_and_entities() -> None:
    text = """<html><head><title>Page title</title><style>p {color: red}</style></head>
<body>
<script>document.write("<p>not text</p>")</script>
<noscript>Enable scripts</noscript>
<p hidden>hidden</p><p style="display: none">also hidden</p>
<p>Fish &amp; chips &pound;5 &#8211; &#x2014; caf&eacute;&nbsp;bar</p>
<form><button>Close</button><select><option>Option</option></select></form>
</body></html>"""
    assert blocks(text) == [(PARAGRAPH, 0, "Fish & chips £5 – — café bar")]


def test_directives_and_line_offset() -> None:
    text = "<p>One</p>\n<!-- minlint: disable=P001 -->\n<p>Two</p>\n<!-- an ordinary comment -->"
    doc = read_html(text, "t.html")
    assert [(d.line, d.text) for d in doc.directives] == [(2, "minlint: disable=P001")]
    shifted = read_html(text, "t.md", line_offset=40)
    assert [(b.text, b.line) for b in shifted.blocks] == [("One", 41), ("Two", 43)]
    assert shifted.directives[0].line == 42
    assert shifted.lines == text.split("\n")


def test_directive_before_the_document() -> None:
    doc = read_html("<!-- minlint: disable-file -->\n<html><body><p>x</p></body></html>", "t.html")
    assert [(d.line, d.text) for d in doc.directives] == [(1, "minlint: disable-file")]


def test_markdown_style_inline_table_fragment() -> None:
    fragment = (
        '<table border="1"><thead><tr><th>Time Period</th><th>Total (£)</th></tr></thead>'
        "<tbody><tr><td>1.5 years</td><td>£1,000</td></tr></tbody></table>"
    )
    doc = read_html(fragment, "report.md", line_offset=632)
    assert [(b.cells, b.line) for b in doc.blocks] == [
        (("Time Period", "Total (£)"), 633),
        (("1.5 years", "£1,000"), 633),
    ]


@pytest.mark.parametrize(
    "text",
    ["", "   \n  ", "<!-- only a comment -->", "<html></html>", "\x00\x01", "<p", "</p></div>"],
)
def test_empty_and_broken_input(text: str) -> None:
    doc = read_html(text, "t.html")
    assert doc.format == "html"
    assert all(b.text for b in doc.blocks)


# Safety ----------------------------------------------------------------------------------


def test_no_entity_expansion_in_html() -> None:
    laughs = "".join(f'<!ENTITY lol{i} "{10 * f"&lol{i - 1};"}">' for i in range(1, 10))
    text = (
        f'<!DOCTYPE html [<!ENTITY lol0 "lol">{laughs}'
        '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        "<html><body><p>&lol9;</p><p>&xxe;</p></body></html>"
    )
    doc = read_html(text, "t.html")
    joined = " ".join(b.text for b in doc.blocks)
    assert "lollol" not in joined
    assert "root:" not in joined


def test_nesting_beyond_the_parser_limit_is_reported() -> None:
    doc = read_html("<p>Before.</p>" + "<div>" * 5000 + "deep" + "</div>" * 5000, "t.html")
    assert doc.blocks[0].text == "Before."
    assert doc.notices == ["part of the page was not read: excessive depth in document: 256"]


# Properties ------------------------------------------------------------------------------

_TAGS = st.sampled_from(
    ["p", "div", "li", "ol", "ul", "table", "tr", "td", "th", "h2", "br", "span", "script", "b"]
)
_PIECES = st.one_of(
    st.text(max_size=20),
    _TAGS.map(lambda t: f"<{t}>"),
    _TAGS.map(lambda t: f"</{t}>"),
    st.sampled_from(["<!-- minlint: x -->", "&amp;", "&#0;", "&#xD800;", "\n", "<!", "<?x?>"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_reads_without_error(text: str) -> None:
    doc = read_html(text, "t.html")
    assert len(doc.lines) == text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40).map("".join), st.integers(0, 5))
def test_any_tag_soup_reads_without_error(text: str, offset: int) -> None:
    doc = read_html(text, "t.html", line_offset=offset)
    last = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1 + offset
    for b in doc.blocks:
        assert b.text == b.text.strip() and b.text
        assert offset < b.line <= b.end_line <= last


# Preformatted text ---------------------------------------------------------------------

PRE_SOURCES = [
    Path(__file__).parent / "fixtures" / "rules_totals" / "parish_minutes.txt",
    Path(__file__).parent / "fixtures" / "rules_d002_n001" / "minute_sequence_errors.txt",
]


@pytest.mark.parametrize("source", PRE_SOURCES, ids=lambda p: p.name)
@pytest.mark.parametrize("same_line", [False, True], ids=["pre-then-newline", "pre-then-text"])
def test_minutes_published_as_preformatted_text_read_as_the_text_file(
    tmp_path: Path, source: Path, same_line: bool
) -> None:
    """A page whose minutes are plain text in a <pre> element (as a text export saved as
    a web page is): the model of the text file, and every finding at the same line and
    column of the text, moved by where the text starts on the page."""
    import html

    from docgen import without_locations
    from engine_support import check

    text = source.read_text(encoding="utf-8")
    head = '<!DOCTYPE html>\n<html>\n<body>\n<pre class="western">'
    page = head + ("" if same_line else "\n") + html.escape(text) + "</pre>\n</body>\n</html>\n"
    path = tmp_path / "minutes.html"
    path.write_text(page, encoding="utf-8")
    assert without_locations(model_json(path)) == without_locations(model_json(source))
    first = 4 if same_line else 5  # the page line of the text's first line
    indent = len('<pre class="western">') if same_line else 0

    def where(f, line_shift: int) -> tuple:
        column = f.column + (indent if f.line == 1 and line_shift else 0)
        message = re.sub(r"\bline (\d+)", lambda m: f"line {int(m[1]) + line_shift}", f.message)
        return f.line + line_shift, column, f.code, message

    expected = [where(f, first - 1) for f in check(source, select=("ALL",)).findings]
    found = [(f.line, f.column, f.code, f.message) for f in check(path, select=("ALL",)).findings]
    assert found == expected and found


def test_a_finding_on_the_first_line_of_preformatted_text_is_placed_after_the_tag(
    tmp_path: Path,
) -> None:
    from engine_support import check

    path = tmp_path / "minutes.html"
    tag = '<html><body><pre class="x">'
    path.write_text(
        f"{tag}Minutes of the meeting held on 31 June 2025.\n\nPresent: Cllr A.</pre>\n",
        encoding="utf-8",
    )
    (finding,) = check(path, select=("D002",)).findings
    assert (finding.line, finding.column) == (
        1,
        len(tag) + len("Minutes of the meeting held on ") + 1,
    )
