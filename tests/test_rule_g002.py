"""G002 minute-not-on-agenda: a minute that matches no agenda item and is not urgent."""

from __future__ import annotations

from pathlib import Path

import pytest
from agenda_pairs import insert, minutes_of, replace_once, rotherham_agenda
from click.testing import CliRunner
from conftest import EXAMPLES, seed
from engine_support import check

from minlint.cli import cli
from minlint.lint.findings import Related

AGENDA = EXAMPLES / "agenda_2024-06-11.txt"
DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"
G = ("G001", "G002", "G003")

ADDED = ["Members discussed the timetable for the school transport policy review."]


def g002(draft, agenda_path):
    return check(draft, select=("G002",), agenda=str(agenda_path))


def messages(result) -> list[str]:
    assert [str(e) for e in result.errors] == []
    return [f.message for f in result.findings]


def test_the_planted_minute_not_on_the_agenda():
    (finding,) = g002(DRAFT, AGENDA).findings
    assert (finding.path, finding.line, finding.severity) == (str(DRAFT), 143, "error")
    assert (finding.code, finding.name, finding.category) == (
        "G002",
        "minute-not-on-agenda",
        "agenda",
    )
    assert finding.message == (
        'minute 24 "MARKET STREET PUBLIC TOILETS - VERBAL UPDATE" matches no agenda item, '
        "and is not recorded as urgent business"
    )
    assert finding.related == (
        Related(str(AGENDA), 66, "agenda item 10, minute 23, comes before it"),
        Related(str(AGENDA), 74, "agenda item 12, minute 25, comes after it"),
        Related(str(DRAFT), 151, "minute 25: urgent business"),
    )


def test_retitled_minutes_of_the_real_pairs_are_not_reported():
    # "Green Lanes" minuted as "Unclassified Routes", "Lawnmower" as "Discuss the
    # Council's Lawnmower": the one item and the one minute between the same neighbours.
    from conftest import corpus

    for name in ("20210125", "20231127", "20211129"):
        minutes_path = corpus(f"tintern-wyevalley-cc/{name}_minutes.txt")
        agenda_path = corpus(f"tintern-wyevalley-cc/{name}_agenda.txt")
        assert messages(g002(minutes_path, agenda_path)) == [], name


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """The minutes of 25 July 2023 and an agenda of that meeting in the council's style."""
    minutes_path = seed("002")
    return rotherham_agenda(minutes_of(minutes_path), tmp_path / "agenda.txt"), minutes_path


def test_the_built_pair_agrees(pair):
    agenda_path, minutes_path = pair
    assert messages(check(minutes_path, select=G, agenda=str(agenda_path))) == []


def test_a_minute_added_to_real_minutes(pair, tmp_path):
    agenda_path, minutes_path = pair
    edited = insert(minutes_path, 103, "SCHOOL TRANSPORT POLICY", ADDED, tmp_path / "m.txt")
    result = check(edited, select=G, agenda=str(agenda_path))
    assert messages(result) == [
        'minute 103 "SCHOOL TRANSPORT POLICY" matches no agenda item, and is not recorded as '
        "urgent business"
    ]
    assert [r.message for r in result.findings[0].related] == [
        "agenda item 11, minute 102, comes before it",
        "agenda item 12, minute 104, comes after it",
        "minute 106: urgent business",
    ]


def test_a_minute_taken_as_urgent_is_not_reported(pair, tmp_path):
    agenda_path, minutes_path = pair
    urgent = [*ADDED, "The Chair had agreed that the item be considered as a matter of urgency."]
    edited = insert(minutes_path, 103, "SCHOOL TRANSPORT POLICY", urgent, tmp_path / "m.txt")
    assert messages(g002(edited, agenda_path)) == []


def test_a_minute_after_urgent_business_that_took_something(pair, tmp_path):
    agenda_path, minutes_path = pair
    said = "The Chair advised that there was no urgent business."
    taken = "The Chair agreed to take the following item as urgent business."
    edited = replace_once(minutes_path, said, taken, tmp_path / "a.txt")
    edited = insert(edited, 106, "SCHOOL TRANSPORT POLICY", ADDED, tmp_path / "b.txt")
    assert messages(g002(edited, agenda_path)) == []
    # After urgent business that says there was none, it is reported.
    edited = insert(minutes_path, 106, "SCHOOL TRANSPORT POLICY", ADDED, tmp_path / "c.txt")
    assert len(messages(g002(edited, agenda_path))) == 1


def test_standing_business_not_on_the_agenda_is_not_reported(pair, tmp_path):
    agenda_path, minutes_path = pair
    edited = insert(
        minutes_path,
        96,
        "APOLOGIES FOR ABSENCE",
        ["There were no apologies for absence."],
        tmp_path / "m.txt",
    )
    assert messages(g002(edited, agenda_path)) == []


def test_a_word_draft_gives_the_same_findings_as_its_text(pair, tmp_path):
    from docgen import docx_from_blocks

    from minlint.lint.readers.text import read_plain

    agenda_path, minutes_path = pair
    edited = insert(minutes_path, 103, "SCHOOL TRANSPORT POLICY", ADDED, tmp_path / "m.txt")
    blocks = read_plain(edited.read_text(encoding="utf-8"), str(edited)).blocks
    word = docx_from_blocks(blocks, tmp_path / "minutes.docx", minute_numbers=True)
    expected = messages(g002(edited, agenda_path))
    assert len(expected) == 1
    assert messages(g002(word, agenda_path)) == expected


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "G002"])
    assert result.exit_code == 0
    assert result.output.startswith("G002 minute-not-on-agenda (agenda, error)\n")
    assert "urgent" in result.output and "Example" in result.output


MODEL = Path(__file__).resolve().parent / "fixtures" / "model"


def test_minutes_against_an_agenda_laid_out_as_a_table(tmp_path):
    minutes, agenda = MODEL / "planning_committee.html", MODEL / "planning_agenda_table.md"
    found = check(minutes, select=("G001", "G002", "G003"), agenda=str(agenda))
    assert [f.message for f in found.findings] == []
    dropped = tmp_path / "minutes.html"
    dropped.write_text(
        minutes.read_text(encoding="utf-8").replace(
            "<h3>48. Appeals</h3>\n<p>The report on appeals was noted.</p>\n", ""
        ),
        encoding="utf-8",
    )
    found = check(dropped, select=("G001", "G002", "G003"), agenda=str(agenda))
    assert [f.message for f in found.findings] == [
        'agenda item 48 "Appeals" has no minute; it would come after minute 47'
    ]


def test_an_agenda_whose_items_could_not_be_read_says_nothing_of_the_minutes(tmp_path):
    agenda = tmp_path / "agenda.md"
    agenda.write_text(
        "# Riverside District Council\n\n## Planning Committee\n\n"
        "**Date:** Wednesday, 21 February 2024\n\nThe business is in the attached schedule.\n",
        encoding="utf-8",
    )
    found = check(MODEL / "planning_committee.html", select=("G001", "G002"), agenda=str(agenda))
    assert found.findings == []
