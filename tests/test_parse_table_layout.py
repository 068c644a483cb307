"""Minutes laid out in a table, as many clerks set them out in Word: the minute's number
in the first cell, its title (often in bold) and its text in the next, paragraph by
paragraph. Each row is read as the minute it lays out; a table of figures or an agenda's
table of items stays a table."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from agenda_pairs import minutes_of

from minlint.lint.blocks import TABLE_ROW
from minlint.lint.engine import CheckOptions, run_check
from minlint.lint.readers import read_document

HEAD = [
    "ASHCOMBE PARISH COUNCIL",
    "Minutes of the meeting of Ashcombe Parish Council held on Monday 13 October 2025 at "
    "7.30pm in the Village Hall.",
    "Present: Cllrs J. Marsh (Chair), P. Okafor, L. Brennan and D. Whitley.",
]
ROWS = [
    ("25/101", "Apologies for absence", ["Apologies were received from Cllr S. Patel."]),
    ("25/102", "Declarations of interest", ["None."]),
    (
        "25/103",
        "Finance",
        ["The clerk presented the payments list.", "RESOLVED: that the payments be approved."],
    ),
    ("25/105", "Date of next meeting", ["Monday 10 November 2025 at 7.30pm."]),
]


def word(path: Path, rows, *, three_cells: bool = False) -> Path:
    document = docx.Document()
    document.add_paragraph().add_run(HEAD[0]).bold = True
    for text in HEAD[1:]:
        document.add_paragraph(text)
    table = document.add_table(rows=0, cols=3 if three_cells else 2)
    for number, title, paragraphs in rows:
        cells = table.add_row().cells
        cells[0].text = number
        cells[1].paragraphs[0].add_run(title).bold = True
        text_cell = cells[2] if three_cells else cells[1]
        for k, paragraph in enumerate(paragraphs):
            if three_cells and k == 0:
                text_cell.paragraphs[0].text = paragraph
            else:
                text_cell.add_paragraph(paragraph)
    document.save(str(path))
    return path


def page(path: Path, rows) -> Path:
    cells = "".join(
        f"<tr><td>{n}</td><td><p><b>{t}</b></p>{''.join(f'<p>{p}</p>' for p in ps)}</td></tr>"
        for n, t, ps in rows
    )
    path.write_text(
        f"<html><body><p><b>{HEAD[0]}</b></p><p>{HEAD[1]}</p><p>{HEAD[2]}</p>"
        f"<table>{cells}</table></body></html>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("layout", ["docx", "docx-three-cells", "html"])
def test_each_row_is_the_minute_it_lays_out(tmp_path: Path, layout: str):
    if layout == "html":
        path = page(tmp_path / "minutes.html", ROWS)
    else:
        path = word(tmp_path / "minutes.docx", ROWS, three_cells=layout == "docx-three-cells")
    m = minutes_of(path)
    assert [i.title for i in m.items] == [t for _, t, _ in ROWS]
    assert [i.shown for i in m.items] == ["25/101", "25/102", "25/103", "25/105"]
    assert m.numbered and "numbering" not in m.uncertain
    # the text in the row is the minute's
    assert [p.name for p in m.apologies] == ["S. Patel"]
    assert [r.text for r in m.items[2].resolutions] == ["that the payments be approved."]
    assert m.next_meeting is not None and m.next_meeting.date.isoformat() == "2025-11-10"
    # a gap in the numbers is named as the minutes write them
    found = run_check([str(path)], CheckOptions(select=("N001",))).findings
    assert [f.message for f in found] == [
        "minute 25/105 follows minute 25/103: minute 25/104 is missing"
    ]


def test_a_table_of_figures_and_a_table_of_items_stay_tables(tmp_path: Path):
    payments = [("1", "Clerk's salary", ["£412.00"]), ("2", "Grass cutting", ["£360.00"])]
    items = [("45.", "Declarations of interest", []), ("46.", "Minutes", [])]
    for name, rows in (("payments", payments), ("items", items)):
        document = docx.Document()
        table = document.add_table(rows=0, cols=2)
        for number, title, paragraphs in rows:
            cells = table.add_row().cells
            cells[0].text = number
            cells[1].text = " ".join([title, *paragraphs])
        path = tmp_path / f"{name}.docx"
        document.save(str(path))
        assert [b.kind for b in read_document(path).blocks] == [TABLE_ROW, TABLE_ROW]


def test_an_agenda_table_with_the_pages_of_each_item_stays_a_table(tmp_path: Path):
    document = docx.Document()
    table = document.add_table(rows=0, cols=3)
    for number, title, pages in (
        ("45.", "Declarations of interest", "3 - 4"),
        ("46.", "Minutes", "5 - 9"),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = number, title, pages
    path = tmp_path / "agenda.docx"
    document.save(str(path))
    assert [b.kind for b in read_document(path).blocks] == [TABLE_ROW, TABLE_ROW]


def test_a_table_of_planning_applications_inside_minutes_stays_a_table(tmp_path: Path):
    """The shape of minutes laid out as a table (a reference, an address, a decision in
    words), but the references do not follow one another as minutes do."""
    applications = [
        ("25/0412", "4 Mill Lane", "No objection subject to the usual conditions."),
        ("25/0433", "Church Farm barn", "Objection: the access is unsafe for farm traffic."),
        ("25/0501", "12 Station Road", "No objection was raised by members."),
    ]
    document = docx.Document()
    table = document.add_table(rows=0, cols=3)
    for row in applications:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    path = tmp_path / "planning.docx"
    document.save(str(path))
    assert [b.kind for b in read_document(path).blocks] == [TABLE_ROW] * 3


def test_planning_references_opening_the_rows_of_a_page_s_table_are_not_minutes():
    from conftest import REPO

    part = minutes_of(REPO / "tests/fixtures/model/planning_table_in_minutes.html")
    assert [(m.number, m.title) for m in part.items] == [(1, "PLANNING"), (2, "FINANCE")]
    planning = " ".join(b.text for b in part.items[0].blocks)
    assert "25/0412" in planning and "No objection was raised." in planning


def test_a_table_of_item_discussion_and_action_columns(tmp_path: Path):
    """A community council's layout: the item's number, its title in bold and the
    discussion in one cell, who acts in the last (often empty)."""
    document = docx.Document()
    for text in HEAD:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Item", "Discussion", "Action"), strict=True):
        cell.text = text
    rows = [
        ("1", "Apologies", "Apologies were received from S. Patel.", ""),
        ("2", "Minutes", "The minutes of 8 September 2025 were approved.", ""),
        (
            "3",
            "Roads",
            "Members discussed the potholes and agreed to write to the council.",
            "Clerk",
        ),
        ("4", "Date of next meeting", "Monday 10 November 2025.", ""),
    ]
    for number, title, text, action in rows:
        cells = table.add_row().cells
        cells[0].text = number
        paragraph = cells[1].paragraphs[0]
        paragraph.add_run(title).bold = True
        paragraph.add_run(" " + text)
        cells[2].text = action
    path = tmp_path / "minutes.docx"
    document.save(str(path))
    m = minutes_of(path)
    assert [(i.number, i.title) for i in m.items] == [
        (1, "Apologies"),
        (2, "Minutes"),
        (3, "Roads"),
        (4, "Date of next meeting"),
    ]
    assert [p.name for p in m.apologies] == ["S. Patel"]
    assert m.next_meeting is not None and m.next_meeting.date.isoformat() == "2025-11-10"
