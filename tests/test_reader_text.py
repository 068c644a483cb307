"""The plain-text and markdown readers: blocks, cleaning and source positions."""

from __future__ import annotations

from conftest import seed

from minlint.lint.blocks import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW
from minlint.lint.readers import looks_like_markdown, read_document, read_text_as
from minlint.lint.readers.markdown import read_markdown
from minlint.lint.readers.text import read_plain

PDF_TEXT = """\
 HOUSING SCRUTINY PANEL
Tuesday, 4th June, 2024

Present:- Councillor Lund (in the Chair); Councillors Bell, Hart-Lowe
and Pike.

The meeting was broadcast at:-
https://example.org/webcast

12.   TENANCY SUPPORT - ANNUAL{sp}
REPORT{sp}

The panel heard that the service had supported 412 households during the
year and that most had kept their

Page 3 Agenda Item 2

https://example.org/webcast
tenancy after twelve months.
 Referrals rose in spring
 Waiting times fell to 9.30-
11.30 days on average

Resolved:-  (1)  That the report be noted.
""".format(sp=" ")


def test_pdf_text_blocks():
    doc = read_plain(PDF_TEXT, "pack.txt")
    texts = [(b.kind, b.text) for b in doc.blocks]
    assert texts[0] == (HEADING, "HOUSING SCRUTINY PANEL")
    assert texts[1] == (PARAGRAPH, "Tuesday, 4th June, 2024")
    assert texts[2][1].endswith("Councillors Bell, Hart-Lowe and Pike.")
    assert texts[3] == (PARAGRAPH, "The meeting was broadcast at:- https://example.org/webcast")
    del texts[3]
    # A title broken across lines is one heading.
    assert texts[3] == (HEADING, "12.   TENANCY SUPPORT - ANNUAL REPORT")
    # The footer and a repeated URL are gone, and the sentence they broke is whole.
    assert texts[4] == (
        PARAGRAPH,
        "The panel heard that the service had supported 412 households during the "
        "year and that most had kept their tenancy after twelve months.",
    )
    assert texts[5] == (LIST_ITEM, "Referrals rose in spring")
    # A word broken at a hyphen keeps no space.
    assert texts[6] == (LIST_ITEM, "Waiting times fell to 9.30-11.30 days on average")
    assert texts[7][1].startswith("Resolved:-")


def test_blocks_keep_source_lines():
    doc = read_plain(PDF_TEXT, "pack.txt")
    joined = doc.blocks[5]
    lines = PDF_TEXT.split("\n")
    first = next(n for n, t in enumerate(lines, 1) if t.startswith("The panel heard"))
    last = next(n for n, t in enumerate(lines, 1) if t.startswith("tenancy after"))
    assert (joined.line, joined.end_line) == (first, last)
    assert joined.locate(joined.text.index("tenancy after")) == (last, 1)
    column = lines[first - 1].index("households") + 1
    assert joined.locate(joined.text.index("households")) == (first, column)


def test_page_breaks_and_running_headers():
    page = "HOUSING SCRUTINY PANEL - 04/06/24\nThe panel met on day 7.\nIt agreed plan 7.\n- 7 -\n"
    text = "\f".join(page.replace("7", "ABCD"[n - 1]) for n in range(1, 5))
    doc = read_plain(text, "pack.txt")
    assert all("SCRUTINY" not in b.text for b in doc.blocks)
    assert all("- " not in b.text[:2] for b in doc.blocks)
    assert [b.page for b in doc.blocks][:2] == [1, 1]
    assert doc.blocks[-1].page == 4


def test_non_breaking_spaces_and_bullet_glyphs():
    doc = read_plain("\uf0b7 First\xa0point\n\u2022 Second point\n", "a.txt")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (LIST_ITEM, "First point"),
        (LIST_ITEM, "Second point"),
    ]


def test_markdown_blocks():
    text = (
        "## HOUSING SCRUTINY PANEL\n\n"
        "**12. TENANCY SUPPORT**\n\n"
        "The panel *heard* from [the service](https://example.org).\n"
        "It noted the figures.\n\n"
        "- First\n  - Nested\n\n"
        "| Year | Households |\n|---|---|\n| 2023 | 412 |\n\n"
        "<table><tr><th>Area</th><th>Cases</th></tr><tr><td>North</td><td>12</td></tr></table>\n"
        "<!-- minlint: disable-next-line=T001 -->\n"
        "Area\tCases\tChange\n"
    )
    doc = read_markdown(text, "draft.md")
    kinds = [(b.kind, b.text, b.level) for b in doc.blocks]
    assert kinds[0] == (HEADING, "HOUSING SCRUTINY PANEL", 2)
    assert kinds[1] == (HEADING, "12. TENANCY SUPPORT", 0)
    assert kinds[2] == (PARAGRAPH, "The panel heard from the service. It noted the figures.", 0)
    assert kinds[3] == (LIST_ITEM, "First", 0)
    assert kinds[4] == (LIST_ITEM, "Nested", 1)
    rows = [b.cells for b in doc.blocks if b.kind == TABLE_ROW]
    assert rows == [
        ("Year", "Households"),
        ("2023", "412"),
        ("Area", "Cases"),
        ("North", "12"),
        ("Area", "Cases", "Change"),
    ]
    assert [(d.line, d.text) for d in doc.directives] == [(16, "minlint: disable-next-line=T001")]


def test_markdown_saved_as_text_is_read_as_markdown():
    assert looks_like_markdown("## A\n\n**B**\n\n## C\n\n### D\n")
    assert not looks_like_markdown("Present:- Councillor Lund.\n\n12. ITEM\n")
    assert read_text_as("## A\n\n**B**\n\n## C\n\n### D\n", "x.txt", ".txt").format == "markdown"
    assert read_document(seed("001")).format == "markdown"
    assert read_document(seed("003")).format == "text"


def test_seed_footer_inside_a_sentence_is_removed():
    doc = read_document(seed("000"))
    assert not any("Agenda Item 2" in b.text for b in doc.blocks)
    # A resolution part wrapped before a stray one-space indent (the body's name is cut
    # in two) stays one paragraph that ends where the sentence does.
    (block,) = [
        b
        for b in doc.blocks
        if b.text.startswith("(2) That an update") and "Liquid Logic" in b.text
    ]
    assert block.text.endswith("Liquid Logic case management system.")
    assert "Lives Select Commission on the" in block.text


def test_markdown_columns_skip_emphasis_and_bullets():
    doc = read_markdown("**Tuesday 18 June 2024**\n\n- **Item** one\n  - two\n", "x.md")
    assert [b.locate(0) for b in doc.blocks] == [(1, 3), (3, 5), (4, 5)]


def test_columns_after_tabs_and_zero_width_spaces_are_the_files(tmp_path):
    """A tab is read as two spaces (it separates columns) and a zero-width space as
    nothing; a finding's column is still where an editor puts it, one a character."""
    from minlint.lint.engine import CheckOptions, run_check

    lines = [
        "MINUTES of the meeting held on Tuesday 5 March 2024",
        "",
        "1.\tApologies",
        "",
        "\tThe\tthe\tminutes\u200b were noted on Monday 5 March 2024.",
        "",
        "\u2022\tThe the bullet.",
    ]
    draft = tmp_path / "minutes.txt"
    draft.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = {
        (f.code, f.line, f.column)
        for f in run_check([str(draft)], CheckOptions(select=("P001", "D001"))).findings
    }
    where = {
        ("P001", 5, lines[4].index("the") + 1),
        ("D001", 5, lines[4].index("Monday") + 1),
        ("P001", 7, lines[6].index("the") + 1),
    }
    assert found == where
