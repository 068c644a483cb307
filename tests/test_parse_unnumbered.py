"""Minutes written without numbers: each minute headed by its title alone, as many
parish and town councils write them. The model reads each heading as a minute, known by
its title and its place; the rules that compare numbers leave them alone, the others
(agenda alignment, totals, duplicates, diff) work on them as on numbered minutes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from agenda_pairs import minutes_of
from conftest import REPO
from docgen import docx_from_blocks, html_from_blocks

from minlint.lint.blocks import HEADING
from minlint.lint.engine import CheckOptions, run_check
from minlint.lint.model import part_to_json
from minlint.lint.parse import parse_path

FOLDER = REPO / "tests/fixtures/model"
DRAFT = FOLDER / "parish_unnumbered.txt"
AGENDA = FOLDER / "parish_unnumbered_agenda.txt"
TITLES = [
    "APOLOGIES FOR ABSENCE",
    "DECLARATIONS OF INTEREST",
    "MINUTES OF THE LAST MEETING",
    "PUBLIC FORUM",
    "FINANCE",
    "ALLOTMENTS",
    "CORRESPONDENCE",
    "DATE OF NEXT MEETING",
]


def test_each_heading_is_a_minute_known_by_its_title_and_place():
    m = minutes_of(DRAFT)
    assert [i.title for i in m.items] == TITLES
    assert [i.number for i in m.items] == list(range(1, 9))
    assert [i.line for i in m.items] == [8, 11, 14, 17, 20, 29, 33, 36]
    assert not m.numbered and not any(i.numbered for i in m.items)
    assert "numbering" in m.uncertain
    assert m.notes == ["the minutes are not numbered: each heading is read as a minute"]
    # the meeting's title and attendance come before the first minute
    assert (m.date, m.time) == (dt.date(2025, 6, 9), "19:00")
    assert m.chair is not None and m.chair.name == "R. Okafor"
    assert [p.name for p in m.apologies] == ["J. Whitlock"]
    # "RESOLVED" on a line of its own is part of FINANCE, not a minute; the body's name
    # repeated at the foot of the page is no minute either
    finance = m.items[4]
    assert [r.form for r in finance.resolutions] == ["agreed", "resolved"]
    assert finance.resolutions[-1].text == "That the payments listed be made."
    assert m.items[-1].end_line == 39  # to the foot of the page
    assert m.next_meeting is not None and m.next_meeting.date == dt.date(2025, 7, 14)
    assert m.items[4].label() == 'the minute "FINANCE"'


def test_the_model_says_the_minutes_are_not_numbered():
    import jsonschema

    from minlint.lint.model import to_json

    schema = json.loads((REPO / "minlint/schemas/meeting.schema.json").read_text())
    jsonschema.validate(to_json(parse_path(DRAFT)), schema)
    items = part_to_json(minutes_of(DRAFT))["items"]
    assert [i.get("numbered") for i in items] == [False] * 8
    numbered = part_to_json(minutes_of(FOLDER / "parish_titles_above_text.txt"))["items"]
    assert all("numbered" not in i for i in numbered)


def _as_markdown(path: Path) -> str:
    part = parse_path(path).parts[0]
    lines = []
    for b in part.blocks:
        if b.kind == HEADING and b.text.isupper() and b.line > 3 and b.text != "RESOLVED":
            lines.append(f"## {b.text.title()}")
        elif b.kind == HEADING and b.line <= 3:
            lines.append(f"# {b.text}")
        else:
            lines.append(b.text)
        lines.append("")
    return "\n".join(lines)


@pytest.mark.parametrize("kind", ["md", "html", "docx"])
def test_the_same_minutes_in_markdown_html_and_word(tmp_path: Path, kind: str):
    blocks = parse_path(DRAFT).parts[0].blocks
    path = tmp_path / f"minutes.{kind}"
    if kind == "md":
        path.write_text(_as_markdown(DRAFT), encoding="utf-8")
    elif kind == "html":
        path.write_text(html_from_blocks(blocks), encoding="utf-8")
    else:
        docx_from_blocks(blocks, path)
    m = minutes_of(path)
    assert [i.title.upper() for i in m.items] == TITLES
    assert not m.numbered
    assert [p.name for p in m.present] == [p.name for p in minutes_of(DRAFT).present]


def test_headings_before_the_first_paragraph_are_the_title_not_minutes(tmp_path: Path):
    draft = tmp_path / "minutes.txt"
    draft.write_text(
        "ELMSTEAD PARISH COUNCIL\n\nMINUTES OF THE ANNUAL MEETING\n\n"
        "The meeting was held on 9 June 2025. Cllr Okafor was elected Chairman.\n"
    )
    assert minutes_of(draft).items == []


def test_one_heading_alone_makes_no_minutes(tmp_path: Path):
    draft = tmp_path / "minutes.txt"
    draft.write_text(
        "MINUTES OF THE MEETING HELD ON 9 JUNE 2025\n\nPresent: Cllr R. Okafor\n\n"
        "FINANCE\n\nThe payments were approved.\n"
    )
    m = minutes_of(draft)
    assert m.items == [] and m.numbered


def test_the_rules_check_unnumbered_minutes_against_their_agenda():
    result = run_check(
        [str(DRAFT)], CheckOptions(select=("ALL",), agenda=str(AGENDA), apply_baseline=False)
    )
    found = sorted((f.code, f.line, f.message) for f in result.findings)
    assert found == [
        (
            "G001",
            33,
            'agenda item 7 "Highways and verges" has no minute; it would come between the '
            'minute "ALLOTMENTS" and the minute "CORRESPONDENCE"',
        ),
        ("T001", 25, "£412.00 + £360.00 + £45.00 = £817.00, not £827.00"),
    ]


def test_a_heading_on_no_agenda_is_a_warning_that_says_why(tmp_path: Path):
    text = DRAFT.read_text(encoding="utf-8").replace(
        "CORRESPONDENCE\n", "CORRESPONDENCE\nThe letters were read.\n\nSPEED WATCH VOLUNTEERS\n"
    )
    draft = tmp_path / "minutes.txt"
    draft.write_text(text, encoding="utf-8")
    result = run_check([str(draft)], CheckOptions(select=("G002",), agenda=str(AGENDA)))
    (finding,) = result.findings
    assert finding.severity == "warning"
    assert finding.message == (
        'the minute "SPEED WATCH VOLUNTEERS" matches no agenda item (the minutes are not '
        "numbered: it may be a sub-heading)"
    )


def test_a_paragraph_repeated_in_another_minute_is_named_by_its_minute_s_title(tmp_path: Path):
    repeated = (
        "A resident asked when the bench on Mill Green would be repaired. The Clerk will "
        "ask the contractor for a date."
    )
    text = DRAFT.read_text(encoding="utf-8").replace("was noted.\n", f"was noted.\n\n{repeated}\n")
    draft = tmp_path / "minutes.txt"
    draft.write_text(text, encoding="utf-8")
    result = run_check([str(draft)], CheckOptions(select=("P001",)))
    (finding,) = result.findings
    assert 'the minute "PUBLIC FORUM"' in finding.message


def test_two_versions_of_unnumbered_minutes_are_aligned_by_title(tmp_path: Path):
    """A minute moved down the page is moved, and the minutes after its old place are
    unchanged: their places changed, but a place is no number to be renumbered."""
    from minlint.lint.diff.align import diff_paths

    forum = (
        "PUBLIC FORUM\nA resident asked when the bench on Mill Green would be repaired. The "
        "Clerk will ask the contractor for a date.\n\n"
    )
    text = DRAFT.read_text(encoding="utf-8")
    assert forum in text
    moved = text.replace(forum, "").replace(
        "DATE OF NEXT MEETING", forum.replace("repaired", "mended") + "DATE OF NEXT MEETING"
    )
    new = tmp_path / "new.txt"
    new.write_text(moved, encoding="utf-8")
    diff = diff_paths(str(DRAFT), str(new))
    statuses = {d.old.title: d.status for d in diff.items if d.old is not None}
    assert statuses == {t: "moved" if t == "PUBLIC FORUM" else "unchanged" for t in TITLES}
    (forum_diff,) = [d for d in diff.items if d.status == "moved"]
    (change,) = forum_diff.changes
    assert "repaired" in change.old_text and "mended" in change.new_text
    assert json.loads(json.dumps(diff.items[0].to_json()))["old"]["number"] is None


def _bold_titles_docx(path: Path, paragraphs: list[tuple[str, bool]]) -> Path:
    import docx

    document = docx.Document()
    for text, bold in paragraphs:
        p = document.add_paragraph()
        p.add_run(text).bold = bold
    document.save(str(path))
    return path


PARAGRAPHS = [
    ("Elmstead Parish Council", False),
    ("Minutes of the meeting held on Monday 9 June 2025 at 7.00pm", False),
    ("Present: Cllr R. Okafor (Chairman), Cllr S. Lindqvist and Cllr M. Bryce", False),
    ("Apologies for absence", True),
    ("Cllr J. Whitlock sent apologies.", False),
    ("Finance", True),
    ("The payments were approved.", False),
    ("RESOLVED that the payments listed in the schedule be made.", True),
    ("Planning", True),
    ("No applications had been received.", False),
]


def test_titles_in_bold_in_word_and_html_head_the_minutes(tmp_path: Path):
    """A short paragraph all in bold is a title, as a bold line is in markdown; a whole
    sentence in bold (a resolution) stays a paragraph."""
    docx_path = _bold_titles_docx(tmp_path / "minutes.docx", PARAGRAPHS)
    html_path = tmp_path / "minutes.html"
    html_path.write_text(
        "<html><body>"
        + "".join(
            f"<p><strong>{t}</strong></p>" if bold else f"<p>{t}</p>" for t, bold in PARAGRAPHS
        )
        + "<p><b>Half</b> in bold</p></body></html>",
        encoding="utf-8",
    )
    for path in (docx_path, html_path):
        m = minutes_of(path)
        assert [i.title for i in m.items] == ["Apologies for absence", "Finance", "Planning"]
        assert sorted(r.form for r in m.items[1].resolutions) == ["agreed", "resolved"]
        kinds = {b.text: b.kind for b in parse_path(path).parts[0].blocks}
        assert kinds["RESOLVED that the payments listed in the schedule be made."] == "paragraph"
    assert {b.text: b.kind for b in parse_path(html_path).parts[0].blocks}["Half in bold"] == (
        "paragraph"
    )


def test_titles_in_words_alone_in_a_text_file(tmp_path: Path):
    """A text file saved from Word loses the bold: "Public forum" alone on the first line
    of its paragraph, a wider sentence under it, is still the title of a minute."""
    text = DRAFT.read_text(encoding="utf-8")
    for title in TITLES:
        text = text.replace(f"\n{title}\n", f"\n{title.capitalize()}\n")
    draft = tmp_path / "minutes.txt"
    draft.write_text(text, encoding="utf-8")
    m = minutes_of(draft)
    assert [i.title for i in m.items] == [t.capitalize() for t in TITLES]
    assert m.items[3].blocks[0].text.startswith("A resident asked")


@pytest.mark.parametrize(
    "lines",
    [
        # a sentence wrapped early, going on in lower case
        "The Clerk reported\nthat the bench had been repaired.",
        # a label with its colon, and a short line with a longer one under it that is no wider
        "Present:\nCllr R. Okafor and Cllr S. Lindqvist",
        "Mill Green bench\nRepaired",
        # a title in capitals is read as one already, with the line it wraps to
        "LEAD\nOFFICER:",
    ],
)
def test_short_first_lines_that_are_no_title(tmp_path: Path, lines: str):
    from minlint.lint.readers.text import read_plain

    blocks = read_plain("Some text before.\n\n" + lines + "\n", "x.txt").blocks
    assert not [b for b in blocks[1:] if b.kind == HEADING and not b.text.isupper()]
    assert len(blocks) == 2


def test_titles_in_bold_in_a_pdf_printed_from_word(tmp_path: Path):
    """The Word minutes with their titles in bold, printed to PDF by LibreOffice: the
    titles are read from the fonts of the page, and head the minutes as in Word."""
    from docgen import convert, soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = _bold_titles_docx(tmp_path / "minutes.docx", PARAGRAPHS)
    (pdf,) = convert([source], "pdf", tmp_path / "pdf", tmp_path / "profile")
    m = minutes_of(pdf)
    assert [i.title for i in m.items] == ["Apologies for absence", "Finance", "Planning"]
    assert not m.numbered
    assert [p.name for p in m.apologies] == ["J. Whitlock"]
