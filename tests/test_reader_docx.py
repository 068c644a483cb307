"""The Word reader: paragraphs, headings, lists with Word's own numbering, tables,
tracked changes and comments, on documents made with python-docx and LibreOffice."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from conftest import seed
from docgen import (
    CONVERTED_SEEDS,
    add_list,
    add_list_instance,
    delete_paragraph_mark,
    docx_from_blocks,
    model_json,
    number_paragraph,
    qn,
    raw_docx,
    tracked_delete,
    tracked_insert,
    tracked_move,
    without_locations,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from minlint.lint.blocks import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW
from minlint.lint.readers import read_document
from minlint.lint.readers.docx import format_number, read_docx

docx = pytest.importorskip("docx")

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
# Minutes of a meeting that never took place, in the house style of the seed minutes,
# as typed in a text file; MINUTES below are the same minutes for the Word version.
MINUTES_TEXT = FIXTURES / "panel_minutes.txt"

MINUTES = [
    (
        "DECLARATIONS OF INTEREST",
        ["There were no declarations of interest."],
        [],
    ),
    (
        "MINUTES OF THE PREVIOUS MEETING HELD ON 14TH FEBRUARY, 2023",
        [
            "Resolved:-  That the minutes of the meeting held on 14th February, 2023,"
            " be approved as a correct record."
        ],
        [],
    ),
    (
        "STREET LIGHTING REPLACEMENT PROGRAMME",
        [
            "The Head of Highways gave an update on replacing sodium lanterns with LED units"
            " across the borough; 4,200 lanterns had been changed since April.",
            "Members asked when the rural routes would be finished and what the change had"
            " saved in energy costs.",
            "Resolved:-",
        ],
        [
            "That the update be noted.",
            "That a report on energy savings be brought to the panel in September 2023.",
        ],
    ),
    (
        "BUS SHELTER MAINTENANCE CONTRACT",
        [
            "The Transport Manager set out the tenders received for cleaning and repairing the"
            " 310 bus shelters owned by the Council.",
            "Resolved:-",
        ],
        [
            "That the award of the contract to the lowest compliant bidder be supported.",
            "That the panel receive the contractor's performance figures each quarter.",
            "That ward members be told of shelters due for replacement.",
        ],
    ),
    (
        "DATE AND TIME OF NEXT MEETING",
        ["Resolved:-  That the next meeting be held on Tuesday, 11th April, 2023, at 10.00 a.m."],
        [],
    ),
]


def build_minutes(path: Path) -> Path:
    """The minutes above as a clerk drafts them in Word: minute numbers from a list that
    starts at 95, resolution parts from a "(1)" list restarted in each minute."""
    document = docx.Document()
    document.add_paragraph("TRANSPORT AND ENVIRONMENT SCRUTINY PANEL", style="Title")
    document.add_paragraph("14th March, 2023")
    document.add_paragraph(
        "Present:- Councillor Ashworth (in the Chair); Councillors Bell, Dunmore, Fenwick,"
        " Kowalski and Okafor."
    )
    document.add_paragraph("Apologies for absence were received from Councillor Hale.")
    _, minute_list = add_list(document, [("decimal", "%1.", 95)])
    parts_abstract, _ = add_list(document, [("decimal", "(%1)", 1), ("lowerLetter", "(%2)", 1)])
    for title, paragraphs, parts in MINUTES:
        heading = document.add_paragraph(title, style="Heading 2")
        number_paragraph(heading, minute_list)
        for text in paragraphs:
            document.add_paragraph(text)
        if parts:
            restart = add_list_instance(document, parts_abstract, {0: 1})
            for text in parts:
                number_paragraph(document.add_paragraph(text), restart)
    document.save(str(path))
    return path


@pytest.fixture
def minutes_docx(tmp_path: Path) -> Path:
    return build_minutes(tmp_path / "draft minutes.docx")


def test_word_numbering_is_read_as_text(minutes_docx: Path) -> None:
    doc = read_docx(minutes_docx)
    headings = [b.text for b in doc.blocks if b.kind == HEADING]
    assert headings == [
        "TRANSPORT AND ENVIRONMENT SCRUTINY PANEL",
        "95. DECLARATIONS OF INTEREST",
        "96. MINUTES OF THE PREVIOUS MEETING HELD ON 14TH FEBRUARY, 2023",
        "97. STREET LIGHTING REPLACEMENT PROGRAMME",
        "98. BUS SHELTER MAINTENANCE CONTRACT",
        "99. DATE AND TIME OF NEXT MEETING",
    ]
    parts = [b.text.split()[0] for b in doc.blocks if b.kind == LIST_ITEM]
    assert parts == ["(1)", "(2)", "(1)", "(2)", "(3)"]
    assert doc.format == "docx"
    assert not doc.notices


def test_word_minutes_give_the_model_of_the_same_minutes_typed_as_text(
    minutes_docx: Path,
) -> None:
    from_text = model_json(MINUTES_TEXT)
    from_word = model_json(minutes_docx)
    assert without_locations(from_word) == without_locations(from_text)
    minutes = from_word["parts"][0]
    assert [m["number"] for m in minutes["items"]] == [95, 96, 97, 98, 99]
    assert [r["number"] for r in minutes["items"][3]["resolutions"]] == ["1", "2", "3"]


def test_lines_are_the_body_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("First paragraph.")
    document.add_paragraph("")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Member"
    table.cell(0, 1).text = "Attended"
    table.cell(1, 0).text = "Councillor Bell"
    table.cell(1, 1).paragraphs[0].text = "4 of 5"
    table.cell(1, 1).add_paragraph("(one apology)")
    document.add_paragraph("After the table.")
    path = tmp_path / "t.docx"
    document.save(str(path))
    doc = read_docx(path)
    assert doc.lines == [
        "First paragraph.",
        "",
        "Member",
        "Attended",
        "Councillor Bell",
        "4 of 5",
        "(one apology)",
        "After the table.",
    ]
    rows = [b for b in doc.blocks if b.kind == TABLE_ROW]
    assert [(r.cells, r.line, r.end_line) for r in rows] == [
        (("Member", "Attended"), 3, 4),
        (("Councillor Bell", "4 of 5 (one apology)"), 5, 7),
    ]
    assert rows[0].text == "Member | Attended"
    last = doc.blocks[-1]
    assert (last.kind, last.text, last.line) == (PARAGRAPH, "After the table.", 8)


def test_headings_and_levels(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Agenda", 0)
    document.add_heading("Part A", 1)
    document.add_heading("Item", 3)
    p = document.add_paragraph("Outline level two")
    ppr = p._p.get_or_add_pPr()
    from docx.oxml import OxmlElement

    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "1")
    ppr.append(outline)
    path = tmp_path / "h.docx"
    document.save(str(path))
    blocks = read_docx(path).blocks
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        (HEADING, 1, "Agenda"),
        (HEADING, 1, "Part A"),
        (HEADING, 3, "Item"),
        (HEADING, 2, "Outline level two"),
    ]


def test_numbering_formats_levels_and_restarts(tmp_path: Path) -> None:
    document = docx.Document()
    _, multi = add_list(
        document,
        [("decimal", "%1.", 1), ("decimal", "%1.%2", 1), ("lowerRoman", "(%3)", 1)],
    )
    _, letters = add_list(document, [("upperLetter", "%1)", 1)])
    _, bullets = add_list(document, [("bullet", "\uf0b7", 1)])
    rows = [
        (multi, 0, "Budget"),
        (multi, 1, "Revenue"),
        (multi, 2, "fees"),
        (multi, 2, "charges"),
        (multi, 1, "Capital"),
        (multi, 2, "schemes"),
        (multi, 0, "Staffing"),
        (multi, 1, "Vacancies"),
        (letters, 0, "first option"),
        (letters, 0, "second option"),
        (bullets, 0, "a point"),
    ]
    for num, ilvl, text in rows:
        number_paragraph(document.add_paragraph(text), num, ilvl)
    path = tmp_path / "n.docx"
    document.save(str(path))
    blocks = read_docx(path).blocks
    assert [(b.text, b.level) for b in blocks] == [
        ("1. Budget", 0),
        ("1.1 Revenue", 1),
        ("(i) fees", 2),
        ("(ii) charges", 2),
        ("1.2 Capital", 1),
        ("(i) schemes", 2),
        ("2. Staffing", 0),
        ("2.1 Vacancies", 1),
        ("A) first option", 0),
        ("B) second option", 0),
        ("a point", 0),
    ]
    assert all(b.kind == LIST_ITEM for b in blocks)


def test_lists_sharing_a_definition_continue_unless_restarted(tmp_path: Path) -> None:
    document = docx.Document()
    abstract, first = add_list(document, [("decimal", "%1.", 95)])
    same = add_list_instance(document, abstract)
    restarted = add_list_instance(document, abstract, {0: 1})
    for num, text in [
        (first, "one"),
        (first, "two"),
        (same, "three"),
        (restarted, "again"),
        (restarted, "and again"),
    ]:
        number_paragraph(document.add_paragraph(text), num)
    path = tmp_path / "c.docx"
    document.save(str(path))
    assert [b.text for b in read_docx(path).blocks] == [
        "95. one",
        "96. two",
        "97. three",
        "1. again",
        "2. and again",
    ]


def test_level_restart_setting(tmp_path: Path) -> None:
    # lvlRestart 0: the second level keeps counting across first-level items.
    document = docx.Document()
    _, num = add_list(
        document, [("decimal", "%1.", 1), ("lowerLetter", "(%2)", 1)], restart_after={1: 0}
    )
    for ilvl, text in [(0, "A"), (1, "x"), (1, "y"), (0, "B"), (1, "z")]:
        number_paragraph(document.add_paragraph(text), num, ilvl)
    path = tmp_path / "r.docx"
    document.save(str(path))
    assert [b.text for b in read_docx(path).blocks] == [
        "1. A",
        "(a) x",
        "(b) y",
        "2. B",
        "(c) z",
    ]


def test_numbering_from_the_paragraph_style(tmp_path: Path) -> None:
    # python-docx's template numbers "List Number" through the style, as Word does.
    document = docx.Document()
    document.add_paragraph("That the report be noted.", style="List Number")
    document.add_paragraph("That officers report back.", style="List Number")
    p = document.add_paragraph("Not numbered after all.", style="List Number")
    number_paragraph(p, 0)  # numId 0 takes the style's numbering off
    document.add_paragraph("A point.", style="List Bullet")
    document.add_paragraph("A sub-point.", style="List Bullet 2")
    path = tmp_path / "s.docx"
    document.save(str(path))
    blocks = read_docx(path).blocks
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        (LIST_ITEM, 0, "1. That the report be noted."),
        (LIST_ITEM, 0, "2. That officers report back."),
        (PARAGRAPH, 0, "Not numbered after all."),
        (LIST_ITEM, 0, "A point."),
        (LIST_ITEM, 1, "A sub-point."),
    ]


def test_number_formats() -> None:
    assert [format_number(n, "lowerRoman") for n in (1, 4, 9, 14, 40)] == [
        "i",
        "iv",
        "ix",
        "xiv",
        "xl",
    ]
    assert [format_number(n, "upperLetter") for n in (1, 26, 27, 28)] == ["A", "Z", "AA", "BB"]
    assert format_number(7, "decimalZero") == "07"
    assert format_number(12, "ordinalText") == "12"


def test_tracked_changes_are_accepted_and_reported(tmp_path: Path) -> None:
    document = docx.Document()
    p = document.add_paragraph("The panel ")
    tracked_delete(p, "noted ")
    tracked_insert(p, "welcomed ")
    p.add_run("the report.")
    q = document.add_paragraph("Members asked about costs")
    tracked_insert(q, " and timescales")
    q.add_run(".")
    r = document.add_paragraph("This sentence was cut.")
    r.runs[0]._r.getparent().remove(r.runs[0]._r)
    tracked_delete(r, "This sentence was cut.")
    delete_paragraph_mark(r)
    s = document.add_paragraph("Moved ")
    tracked_move(s, "away", to=False)
    tracked_move(s, "here", to=True)
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    doc = read_docx(path)
    assert [b.text for b in doc.blocks] == [
        "The panel welcomed the report.",
        "Members asked about costs and timescales.",
        "Moved here",
    ]
    assert doc.notices == ["tracked changes remain (2 insertions, 2 deletions, 1 move)"]
    assert doc.blocks[2].line == 4  # the deleted paragraph still counts as a paragraph


def test_deleted_paragraph_mark_joins_two_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    p = document.add_paragraph("The meeting adjourned at 7.10 p.m.")
    delete_paragraph_mark(p)
    document.add_paragraph("and reconvened at 7.25 p.m.")
    document.add_paragraph("Next paragraph.")
    path = tmp_path / "joined.docx"
    document.save(str(path))
    doc = read_docx(path)
    assert [(b.text, b.line, b.end_line) for b in doc.blocks] == [
        ("The meeting adjourned at 7.10 p.m. and reconvened at 7.25 p.m.", 1, 2),
        ("Next paragraph.", 3, 3),
    ]
    assert doc.notices == ["tracked changes remain (1 deletion)"]


def test_minlint_comments_become_directives(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Introduction.")
    p = document.add_paragraph("The same paragraph twice.")
    document.add_comment(p.runs, text="minlint: disable=P001", author="Clerk")
    q = document.add_paragraph("Another paragraph.")
    document.add_comment(q.runs, text="Please check this figure.", author="Editor")
    path = tmp_path / "commented.docx"
    document.save(str(path))
    doc = read_docx(path)
    assert [(d.line, d.text) for d in doc.directives] == [(2, "minlint: disable=P001")]
    assert [b.text for b in doc.blocks] == [
        "Introduction.",
        "The same paragraph twice.",
        "Another paragraph.",
    ]


def test_run_content(tmp_path: Path) -> None:
    from docx.oxml import OxmlElement

    document = docx.Document()
    p = document.add_paragraph("Item\t4")
    p.add_run().add_break()
    p.add_run("report of the ")
    caps = p.add_run("chief executive")
    caps.font.all_caps = True
    hidden = p.add_run(" (draft)")
    hidden.font.hidden = True
    # A field: its instruction is not text, its result is.
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, " page 3")):
        r = OxmlElement("w:r")
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            r.append(fc)
        else:
            t = OxmlElement("w:instrText" if text == " PAGE " else "w:t")
            t.text = text
            r.append(t)
        p._p.append(r)
    path = tmp_path / "runs.docx"
    document.save(str(path))
    assert read_docx(path).blocks[0].text == "Item 4 report of the CHIEF EXECUTIVE page 3"


def test_soft_hyphens_and_zero_width_spaces_in_runs_are_not_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("The Overview and Scrutiny Manage\u00adment\u200b Board met.")
    p = document.add_paragraph("Council\u2060lor ")
    p.add_run("Okafor\u00ad")
    path = tmp_path / "invisible.docx"
    document.save(str(path))
    assert [b.text for b in read_docx(path).blocks] == [
        "The Overview and Scrutiny Management Board met.",
        "Councillor Okafor",
    ]


def test_dispatch_and_input_untouched(minutes_docx: Path) -> None:
    before = hashlib.sha256(minutes_docx.read_bytes()).hexdigest()
    mtime = minutes_docx.stat().st_mtime_ns
    minutes_docx.chmod(0o444)
    doc = read_document(minutes_docx)
    assert doc.format == "docx" and doc.blocks
    assert hashlib.sha256(minutes_docx.read_bytes()).hexdigest() == before
    assert minutes_docx.stat().st_mtime_ns == mtime


def test_document_part_found_through_relationships(tmp_path: Path) -> None:
    from docgen import PACKAGE_RELS, document_xml

    rels = PACKAGE_RELS.replace(b"word/document.xml", b"word/main.xml")
    path = raw_docx(
        tmp_path / "renamed.docx",
        {"_rels/.rels": rels, "word/main.xml": document_xml("Found it.")},
        with_document=False,
    )
    assert [b.text for b in read_docx(path).blocks] == ["Found it."]


# Seeds converted to Word -------------------------------------------------------------


@pytest.mark.parametrize("prefix", CONVERTED_SEEDS)
def test_libreoffice_word_version_of_a_seed_gives_the_same_model(
    prefix: str, converted_seeds: dict[str, Path]
) -> None:
    converted = converted_seeds[f"{prefix}.docx"]
    expected = without_locations(model_json(seed(prefix)))
    assert without_locations(model_json(converted)) == expected
    assert any(part.get("items") for part in expected["parts"])


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_seed_with_word_numbered_minutes_gives_the_same_model(prefix: str, tmp_path: Path) -> None:
    from minlint.lint.readers.text import read_plain

    source = seed(prefix)
    blocks = read_plain(source.read_text(encoding="utf-8"), str(source)).blocks
    path = docx_from_blocks(blocks, tmp_path / f"{prefix}.docx", minute_numbers=True)
    doc = read_docx(path)
    numbered = [b for b in doc.blocks if b.kind == HEADING and b.text[:1].isdigit()]
    assert numbered, "minute headings carry Word's numbers"
    # The numbers are Word's: the paragraphs' own text has none.
    with zipfile.ZipFile(path) as zf:
        body = zf.read("word/document.xml").decode()
    assert f"<w:t>{numbered[0].text}</w:t>" not in body
    assert without_locations(model_json(path)) == without_locations(model_json(source))


def test_heading_styles_linked_to_a_list(tmp_path: Path) -> None:
    # Minute numbers through the heading style: the style names the list, the list's
    # level names the style, as Word writes "Heading 2" numbering.
    from docx.oxml import OxmlElement

    document = docx.Document()
    abstract, num = add_list(document, [("decimal", "%1.", 1), ("decimal", "%1.%2", 1)])
    numbering = document.part.numbering_part.element
    for a in numbering.iter(qn("w:abstractNum")):
        if a.get(qn("w:abstractNumId")) == str(abstract):
            for lvl, style_id in zip(a.iter(qn("w:lvl")), ("Heading1", "Heading2"), strict=True):
                link = OxmlElement("w:pStyle")
                link.set(qn("w:val"), style_id)
                lvl.find(qn("w:numFmt")).addprevious(link)
    for name in ("Heading 1", "Heading 2"):
        ppr = document.styles[name].element.get_or_add_pPr()
        numpr = OxmlElement("w:numPr")
        ref = OxmlElement("w:numId")
        ref.set(qn("w:val"), str(num))
        numpr.append(ref)
        ppr.insert(0, numpr)
    document.add_heading("Finance", 1)
    document.add_heading("Budget", 2)
    document.add_heading("Audit", 2)
    document.add_heading("Staffing", 1)
    p = document.add_paragraph("A numbered paragraph with only a level", style="Heading 1")
    own = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), "1")
    own.append(lvl)
    p._p.get_or_add_pPr().append(own)
    path = tmp_path / "linked.docx"
    document.save(str(path))
    assert [b.text for b in read_docx(path).blocks] == [
        "1. Finance",
        "1.1 Budget",
        "1.2 Audit",
        "2. Staffing",
        "2.1 A numbered paragraph with only a level",
    ]


def test_table_of_contents_is_not_read_as_content(tmp_path: Path) -> None:
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("Before.")
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    obj = OxmlElement("w:docPartObj")
    gallery = OxmlElement("w:docPartGallery")
    gallery.set(qn("w:val"), "Table of Contents")
    obj.append(gallery)
    pr.append(obj)
    sdt.append(pr)
    content = OxmlElement("w:sdtContent")
    for entry in ("95. Declarations of interest\t3", "96. Minutes\t4"):
        p = OxmlElement("w:p")
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = entry
        r.append(t)
        p.append(r)
        content.append(p)
    sdt.append(content)
    document.add_paragraph("After.")._p.addprevious(sdt)
    path = tmp_path / "toc.docx"
    document.save(str(path))
    doc = read_docx(path)
    assert [(b.text, b.line) for b in doc.blocks] == [("Before.", 1), ("After.", 4)]
    assert len(doc.lines) == 4


# Resolutions with their parts as list paragraphs -----------------------------------------


def test_resolution_parts_as_list_paragraphs(tmp_path: Path) -> None:
    """ "Resolved:- That" with its parts as bullets, a bold "Resolved:" with parts that Word
    numbers "(1)" (a part ending "including:-" followed by bullets at its own level),
    "1)" and "a)" parts: each part is a resolution, as in the text."""
    document = docx.Document()
    document.add_paragraph(
        "Present:- Councillor Ashworth (in the Chair); Councillors Bell and Dunmore."
    )
    _, minutes = add_list(document, [("decimal", "%1.", 41)])
    _, bullets = add_list(document, [("bullet", "\u2022", 1)])
    bracketed, _ = add_list(document, [("decimal", "(%1)", 1), ("lowerLetter", "(%2)", 1)])
    closing, _ = add_list(document, [("decimal", "%1)", 1), ("lowerLetter", "%2)", 1)])

    def minute(title: str) -> None:
        number_paragraph(document.add_paragraph(title, style="Heading 2"), minutes)

    def listed(num: int, text: str, level: int = 0) -> None:
        number_paragraph(document.add_paragraph(text), num, level)

    minute("ALLOTMENT RENTS")
    document.add_paragraph("Resolved:- That")
    listed(bullets, "the rents for 2024 be held at the level of 2023;")
    listed(bullets, "the waiting list be published each quarter.")
    minute("PARKS MAINTENANCE")
    p = document.add_paragraph()
    p.add_run("Resolved:").bold = True
    parts = add_list_instance(document, bracketed, {0: 1})
    listed(parts, "That the report be noted.")
    listed(parts, "That a further report be submitted including:-")
    listed(bullets, "the cost of the new mowers")
    listed(bullets, "the hours of the seasonal staff")
    listed(parts, "That the panel visit the depot in June.")
    minute("PLAY AREAS")
    document.add_paragraph("Resolved: That")
    parts = add_list_instance(document, closing, {0: 1})
    listed(parts, "the inspection report be noted;")
    listed(parts, "the panel:-")
    listed(parts, "supports the repairs at Mill Lane;", 1)
    listed(parts, "asks for a report on the new fencing.", 1)
    listed(parts, "the work be finished by the summer.")
    path = tmp_path / "resolutions.docx"
    document.save(str(path))
    (part,) = model_json(path)["parts"]
    assert [(i["number"], [r["number"] for r in i["resolutions"]]) for i in part["items"]] == [
        (41, [None, None]),
        (42, ["1", "2", "3"]),
        (43, ["1", "2", "a", "b", "3"]),
    ]
    including = part["items"][1]["resolutions"][1]["text"]
    assert including.endswith("the cost of the new mowers the hours of the seasonal staff")


# A text opened in Word: one paragraph per line ----------------------------------------------


def _wrapped(text: str, width: int) -> list[str]:
    """The lines of a text with its paragraphs wrapped at ``width`` characters."""
    import textwrap

    out: list[str] = []
    for paragraph in text.split("\n"):
        out.extend(textwrap.wrap(paragraph, width) or [""])
    return out


@pytest.mark.parametrize("style", [None, "Plain Text"])
def test_a_text_opened_in_word_reads_as_the_text(tmp_path: Path, style: str | None) -> None:
    """Each line of the text a paragraph, an empty paragraph between paragraphs: wrapped
    titles, the attendance list and sentences are read whole, as the text reader reads
    the text, whether the lines are in Word's "Plain Text" style or in its own."""
    lines = _wrapped(MINUTES_TEXT.read_text(encoding="utf-8"), 44)
    text = tmp_path / "wrapped.txt"
    text.write_text("\n".join(lines), encoding="utf-8")
    assert "ON 14TH FEBRUARY, 2023" in lines and "Kowalski and Okafor." in lines
    document = docx.Document()
    if style:
        from docx.enum.style import WD_STYLE_TYPE

        document.styles.add_style(style, WD_STYLE_TYPE.PARAGRAPH)
    for line in lines:
        document.add_paragraph(line, style=style)
    path = tmp_path / "opened.docx"
    document.save(str(path))
    expected = without_locations(model_json(text))
    assert without_locations(model_json(path)) == expected
    assert expected == without_locations(model_json(MINUTES_TEXT))
    doc = read_docx(path)
    present = next(b for b in doc.blocks if b.text.startswith("Present:-"))
    assert (present.line, present.end_line) == (4, 6)
    assert present.locate(present.text.index("Kowalski")) == (6, 1)


def test_typed_paragraphs_are_not_read_as_lines(minutes_docx: Path) -> None:
    """Typed paragraphs that each end a sentence stay paragraphs of their own."""
    doc = read_docx(minutes_docx)
    assert [b.line for b in doc.blocks] == list(range(1, len(doc.lines) + 1))


def test_a_paragraph_broken_mid_sentence_is_joined(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Present:- Councillor Ashworth (in the Chair); Councillors Bell,")
    document.add_paragraph("Dunmore, Fenwick and Okafor.")
    document.add_paragraph("96. MINUTES OF THE PREVIOUS MEETING HELD ON")
    document.add_paragraph("Resolved:- That the minutes be approved as a correct record.")
    document.add_paragraph("The Chair asked officers to look again at the")
    document.add_paragraph("timetable for the works.")
    path = tmp_path / "broken.docx"
    document.save(str(path))
    doc = read_docx(path)
    assert [(b.text, b.line, b.end_line) for b in doc.blocks] == [
        (
            "Present:- Councillor Ashworth (in the Chair); Councillors Bell, Dunmore,"
            " Fenwick and Okafor.",
            1,
            2,
        ),
        ("96. MINUTES OF THE PREVIOUS MEETING HELD ON", 3, 3),
        ("Resolved:- That the minutes be approved as a correct record.", 4, 4),
        ("The Chair asked officers to look again at the timetable for the works.", 5, 6),
    ]
    assert doc.blocks[3].locate(len("The Chair asked officers to look again at the ")) == (6, 1)


def test_typed_bullets_and_line_breaks(tmp_path: Path) -> None:
    """A bullet typed as a character is a list item; lines broken within a paragraph
    (Shift+Enter) stay apart as the lines of a text do."""
    from minlint.lint.extract.common import source_lines

    document = docx.Document()
    document.add_paragraph("- the waiting times for the service")
    document.add_paragraph("\u2022 the number of staff in post")
    names = document.add_paragraph("Directors Present:")
    for name in ("Ann Ashworth", "Bryn Bell", "Cara Dunmore"):
        names.add_run().add_break()
        names.add_run(name)
    path = tmp_path / "typed.docx"
    document.save(str(path))
    blocks = read_docx(path).blocks
    assert [(b.kind, b.text) for b in blocks[:2]] == [
        (LIST_ITEM, "the waiting times for the service"),
        (LIST_ITEM, "the number of staff in post"),
    ]
    assert blocks[2].text == "Directors Present: Ann Ashworth Bryn Bell Cara Dunmore"
    assert source_lines(blocks[2]) == [
        "Directors Present:",
        "Ann Ashworth",
        "Bryn Bell",
        "Cara Dunmore",
    ]


_PARAGRAPHS = st.lists(
    st.sampled_from(
        [
            "", "", "Present:- Councillor Ashworth (in the Chair); Councillors Bell,",
            "Dunmore and Okafor.", "12.   STREET LIGHTING", "REPLACEMENT PROGRAMME",
            "Resolved:-", "(1)  That the update be noted.", " the waiting times", "- a point",
            "The Head of Highways reported that the", "lanterns had been changed.", "Page 3",
            "\u2022 the cost", "14th March, 2023", "https://example.org/x", "3",
        ]
    ),
    max_size=40,
)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(_PARAGRAPHS, st.booleans())
def test_any_paragraphs_read(paragraphs: list[str], numbered: bool) -> None:
    """Typed paragraphs or a text's lines, numbered by Word or not: no error, and every
    block points at the paragraphs it came from."""
    import tempfile

    document = docx.Document()
    _, num = add_list(document, [("decimal", "%1.", 1)])
    for k, text in enumerate(paragraphs):
        p = document.add_paragraph(text)
        if numbered and k % 5 == 4:
            number_paragraph(p, num)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "any.docx"
        document.save(str(path))
        doc = read_docx(path)
    assert len(doc.lines) == len(paragraphs)
    for b in doc.blocks:
        assert 1 <= b.line <= b.end_line <= len(paragraphs)
        assert all(1 <= line <= len(paragraphs) for _, line, _ in b.origins)


def test_accents_as_combining_marks_and_ligatures_in_runs_are_letters(tmp_path: Path) -> None:
    """A name typed on a Mac (a letter and a combining accent) is the name typed
    anywhere else, and a ligature pasted from a PDF is its letters."""
    document = docx.Document()
    document.add_paragraph("Councillor Rene\u0301e Mu\u0308ller presented the \ufb01nance report.")
    path = tmp_path / "composed.docx"
    document.save(str(path))
    assert [b.text for b in read_docx(path).blocks] == [
        "Councillor Renée Müller presented the finance report."
    ]
