"""Minute titles set in bold at the start of their paragraph, the minute's text after them
on the same line ("**45. Apologies for absence** Apologies were received ..."), as
clerks type them in Word and as HTML and markdown pages show them. The bold run ends the
title: the text after it is the minute's, read for apologies, decisions and the rest."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from agenda_pairs import minutes_of

from minlint.lint.readers import read_document

HEAD = (
    "Brookfield Parish Council",
    "Minutes of the meeting of Brookfield Parish Council held on Monday 3 March 2025 at "
    "7.30pm in the Village Hall.",
    "Present: Councillors R. Okafor (Chair), J. Marsh, L. Brennan and D. Whitley.",
)
# (bold title, text after it)
MINUTES = [
    ("45. Apologies for absence", "Apologies were received from Councillor S. Patel."),
    ("46. Declarations of interest", "None."),
    ("47. Finance:", "RESOLVED: that the payments listed be made."),
    ("48. Date of next meeting", "The next meeting will be held on Monday 7 April 2025."),
]
TITLES = ["Apologies for absence", "Declarations of interest", "Finance", "Date of next meeting"]


def _unnumbered(minutes: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(t.split(". ", 1)[1], rest) for t, rest in minutes]


def write(kind: str, path: Path, minutes: list[tuple[str, str]]) -> Path:
    if kind == "md":
        lines = [f"# {HEAD[0]}", HEAD[1], HEAD[2], *(f"**{t}** {r}" for t, r in minutes)]
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    elif kind == "html":
        body = "".join(f"<p><strong>{t}</strong> {r}</p>" for t, r in minutes)
        path.write_text(
            f"<html><body><h1>{HEAD[0]}</h1><p>{HEAD[1]}</p><p>{HEAD[2]}</p>{body}</body></html>",
            encoding="utf-8",
        )
    else:
        document = docx.Document()
        document.add_heading(HEAD[0], 1)
        document.add_paragraph(HEAD[1])
        document.add_paragraph(HEAD[2])
        for title, rest in minutes:
            p = document.add_paragraph()
            p.add_run(title).bold = True
            p.add_run(" " + rest)
        document.save(str(path))
    return path


@pytest.mark.parametrize("kind", ["md", "html", "docx"])
def test_a_bold_title_ends_where_the_bold_ends(tmp_path: Path, kind: str):
    part = minutes_of(write(kind, tmp_path / f"minutes.{kind}", MINUTES))
    assert [m.title for m in part.items] == TITLES
    assert [m.number for m in part.items] == [45, 46, 47, 48]
    # the text after the title is the minute's
    assert [p.name for p in part.apologies] == ["S. Patel"]
    assert [r.text for r in part.items[2].resolutions] == ["that the payments listed be made."]
    assert part.next_meeting is not None and part.next_meeting.date.isoformat() == "2025-04-07"


@pytest.mark.parametrize("kind", ["md", "html", "docx"])
def test_unnumbered_minutes_headed_by_bold_titles(tmp_path: Path, kind: str):
    part = minutes_of(write(kind, tmp_path / f"minutes.{kind}", _unnumbered(MINUTES)))
    assert [m.title for m in part.items] == TITLES
    assert not part.numbered
    assert [p.name for p in part.apologies] == ["S. Patel"]


@pytest.mark.parametrize("kind", ["md", "html", "docx"])
def test_two_bold_labels_are_no_minutes(tmp_path: Path, kind: str):
    labels = [("Note", "The hall will be closed in August."), ("Venue", "The Village Hall.")]
    part = minutes_of(write(kind, tmp_path / f"minutes.{kind}", labels))
    assert part.items == []


@pytest.mark.parametrize("kind", ["md", "html", "docx"])
def test_a_paragraph_all_in_bold_or_not_opening_with_bold_has_no_bold_title(
    tmp_path: Path, kind: str
):
    rows = [("46. Declarations of interest", ""), ("", "The clerk reported on the grant.")]
    blocks = read_document(write(kind, tmp_path / f"minutes.{kind}", rows)).blocks
    assert [b.lead for b in blocks if b.text.startswith(("46.", "The clerk"))] == [0, 0]


@pytest.mark.parametrize("kind", ["md", "html", "docx"])
def test_the_bold_title_of_a_block_is_its_first_characters(tmp_path: Path, kind: str):
    blocks = read_document(write(kind, tmp_path / f"minutes.{kind}", MINUTES[:1])).blocks
    (block,) = [b for b in blocks if b.text.startswith("45.")]
    assert block.text[: block.lead] == "45. Apologies for absence"


def test_a_number_before_the_bold_title_in_markdown(tmp_path: Path):
    lines = [f"# {HEAD[0]}", HEAD[1], HEAD[2]]
    lines += [f"{t.split('. ')[0]}. **{t.split('. ', 1)[1]}** – {r}" for t, r in MINUTES]
    path = tmp_path / "minutes.md"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    part = minutes_of(path)
    assert [m.title for m in part.items] == TITLES
    assert [m.number for m in part.items] == [45, 46, 47, 48]
    assert [p.name for p in part.apologies] == ["S. Patel"]


def test_a_number_and_title_in_bold_with_one_space_between(tmp_path: Path):
    """'4 Finance' with one space is a title only alone on its line ('4 members were
    present' is a count), unless it is set in bold with the minute's text after it."""
    minutes = [(t.replace(". ", " ", 1), r) for t, r in MINUTES]
    part = minutes_of(write("md", tmp_path / "minutes.md", minutes))
    assert [m.number for m in part.items] == [45, 46, 47, 48]
    assert [m.title for m in part.items] == TITLES
