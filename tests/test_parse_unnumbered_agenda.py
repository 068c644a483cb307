"""Agendas written without numbers: the items listed under the agenda's title or its
summons, as headings, as a bulleted list, or as short lines one under the other. Each
item is known by its title and its place; minutes are matched with them by title."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO
from docgen import docx_from_blocks
from test_parse_unnumbered import TITLES as MINUTE_TITLES

from minlint.lint.blocks import HEADING, PARAGRAPH, Block
from minlint.lint.engine import CheckOptions, run_check
from minlint.lint.model import AgendaPart, to_json
from minlint.lint.outline import outline
from minlint.lint.parse import parse_path

FOLDER = REPO / "tests/fixtures/model"
NUMBERED = FOLDER / "parish_unnumbered_agenda.txt"
DRAFT = FOLDER / "parish_unnumbered.txt"
TITLES = [
    "Apologies for absence",
    "Declarations of interest",
    "Minutes of the last meeting",
    "Public forum",
    "Finance",
    "Allotments",
    "Highways and verges",
    "Correspondence",
    "Date of next meeting",
]
_ITEM = re.compile(r"^\d\. (.*)$", re.M)
SHAPES = {
    "one-a-line": lambda m: m.group(1),
    "bullets": lambda m: f"• {m.group(1)}",
    "capitals-apart": lambda m: f"{m.group(1).upper()}\n",
    "lines-apart": lambda m: f"{m.group(1)}\n",
}


def unnumbered(tmp_path: Path, shape: str) -> Path:
    text = _ITEM.sub(SHAPES[shape], NUMBERED.read_text(encoding="utf-8"))
    path = tmp_path / f"agenda_{shape}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def agenda(path: Path) -> AgendaPart:
    (part,) = parse_path(path).agendas
    return part


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_items_of_an_agenda_without_numbers(tmp_path: Path, shape: str):
    part = agenda(unnumbered(tmp_path, shape))
    assert [i.title.casefold() for i in part.items] == [t.casefold() for t in TITLES]
    assert [i.number for i in part.items] == list(range(1, 10))
    assert not part.numbered and not any(i.numbered for i in part.items)
    assert part.notes == ["the agenda is not numbered: each item is known by its title"]
    # the clerk's signature under the items is no item
    assert all("Clerk" not in i.title for i in part.items)
    assert part.items[6].label() == f'agenda item "{part.items[6].title}"'


def test_the_json_and_the_outline_say_the_items_are_not_numbered(tmp_path: Path):
    path = unnumbered(tmp_path, "one-a-line")
    data = to_json(parse_path(path))
    schema = json.loads((REPO / "minlint/schemas/meeting.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(data)
    items = data["parts"][0]["items"]
    assert [i["numbered"] for i in items] == [False] * 9
    assert [i["line"] for i in items] == list(range(7, 16))
    assert "  - Highways and verges (line 13)" in outline(parse_path(path)).splitlines()
    # a numbered agenda's items carry no such key
    numbered = to_json(parse_path(NUMBERED))["parts"][0]["items"]
    assert len(numbered) == 9 and not [i for i in numbered if "numbered" in i]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_minutes_are_checked_against_an_agenda_without_numbers(tmp_path: Path, shape: str):
    path = unnumbered(tmp_path, shape)
    result = run_check([str(DRAFT)], CheckOptions(agenda=str(path), apply_baseline=False))
    found = [(f.code, f.line, f.message) for f in result.findings if f.code.startswith("G")]
    title = "HIGHWAYS AND VERGES" if shape == "capitals-apart" else "Highways and verges"
    assert found == [
        (
            "G001",
            33,
            f'agenda item "{title}" has no minute; it would come between the minute '
            '"ALLOTMENTS" and the minute "CORRESPONDENCE"',
        )
    ]
    (g001,) = [f for f in result.findings if f.code == "G001"]
    assert [(r.line, r.message) for r in g001.related] == [
        (agenda(path).items[6].line, f'agenda item "{title}"')
    ]


def test_numbered_minutes_are_matched_with_an_agenda_without_numbers_by_title(tmp_path: Path):
    text = DRAFT.read_text(encoding="utf-8")
    # the same minutes numbered from 31: nothing in common with the items' places
    for k, title in enumerate(MINUTE_TITLES):
        text = text.replace(f"\n{title}\n", f"\n{31 + k}. {title}\n", 1)
    draft = tmp_path / "minutes.txt"
    draft.write_text(text, encoding="utf-8")
    options = CheckOptions(agenda=str(unnumbered(tmp_path, "one-a-line")), apply_baseline=False)
    found = [(f.code, f.message) for f in run_check([str(draft)], options).findings]
    assert [code for code, _ in found if code[0] in "GN"] == ["G001"]
    assert next(m for c, m in found if c == "G001").startswith(
        'agenda item "Highways and verges" has no minute'
    )


def test_an_agenda_in_word_with_its_items_as_headings(tmp_path: Path):
    blocks = [
        Block(HEADING, "ELMSTEAD PARISH COUNCIL", 1, 1),
        Block(
            PARAGRAPH,
            "You are summoned to attend the meeting of Elmstead Parish Council on "
            "Monday 9 June 2025 at 7.00pm in the Pavilion, Church Lane.",
            2,
            2,
        ),
        *(Block(HEADING, t, 3 + k, 3 + k) for k, t in enumerate(TITLES)),
    ]
    path = tmp_path / "agenda.docx"
    docx_from_blocks(blocks, path)
    part = agenda(path)
    assert [i.title for i in part.items] == TITLES
    assert not part.numbered


def test_an_agenda_of_sentences_has_no_items_and_no_agenda_finding(tmp_path: Path):
    path = tmp_path / "agenda.txt"
    path.write_text(
        "ELMSTEAD PARISH COUNCIL\n\nAGENDA\n\n"
        "The council will consider the minutes of its last meeting and the accounts.\n\n"
        "Members of the public may speak for three minutes each before the business.\n\n"
        "The clerk will report on the allotments and on the correspondence received.\n",
        encoding="utf-8",
    )
    assert agenda(path).items == []
    result = run_check([str(DRAFT)], CheckOptions(agenda=str(path), apply_baseline=False))
    assert not [f for f in result.findings if f.code.startswith("G")]


def test_a_numbered_agenda_is_read_by_its_numbers_as_before():
    part = agenda(NUMBERED)
    assert part.numbered and [i.number for i in part.items] == list(range(1, 10))
    assert part.items[6].label() == "agenda item 7"
    assert part.items[6].named() == 'agenda item 7 "Highways and verges"'


def test_a_reference_to_an_agenda_item_by_number_is_left_alone(tmp_path: Path):
    """An agenda without numbers gives its items places, not numbers: "agenda item 14"
    cannot be told to point at nothing (N002)."""
    text = DRAFT.read_text(encoding="utf-8").replace(
        "\nFINANCE\n", "\nFINANCE\nAs reported under agenda item 14, the accounts were seen.\n", 1
    )
    draft = tmp_path / "minutes.txt"
    draft.write_text(text, encoding="utf-8")
    numbered = run_check([str(draft)], CheckOptions(agenda=str(NUMBERED), select=("N002",)))
    assert [f.code for f in numbered.findings] == ["N002"]  # the numbered agenda has 9
    options = CheckOptions(agenda=str(unnumbered(tmp_path, "one-a-line")), select=("N002",))
    assert run_check([str(draft)], options).findings == []


def test_the_report_names_unnumbered_items_by_their_titles(tmp_path: Path):
    from report_support import report

    agenda_path = unnumbered(tmp_path, "one-a-line")
    _, page = report(tmp_path / "report.html", DRAFT, "--agenda", str(agenda_path))
    assert ">Highways and verges<" in page
    assert ">7. Highways and verges<" not in page
    _, numbered = report(tmp_path / "numbered.html", DRAFT, "--agenda", str(NUMBERED))
    assert ">7. Highways and verges<" in numbered
