"""G003 agenda-order: minutes taken out of the agenda's order with no reason recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from agenda_pairs import minutes_of, move, replace_once, rotherham_agenda
from click.testing import CliRunner
from conftest import EXAMPLES, corpus, seed
from engine_support import check

from minlint.cli import cli
from minlint.lint.findings import Related

AGENDA = EXAMPLES / "agenda_2024-06-11.txt"
DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"
G = ("G001", "G002", "G003")


def g003(draft, agenda_path):
    return check(draft, select=("G003",), agenda=str(agenda_path))


def messages(result) -> list[str]:
    assert [str(e) for e in result.errors] == []
    return [f.message for f in result.findings]


def test_the_planted_item_out_of_order():
    (finding,) = g003(DRAFT, AGENDA).findings
    assert (finding.path, finding.line, finding.severity) == (str(DRAFT), 42, "error")
    assert (finding.code, finding.name, finding.category) == ("G003", "agenda-order", "agenda")
    assert finding.message == (
        'minute 18 (agenda item 8 "Libraries and Neighbourhood Hubs Review - Consultation '
        'Proposals") is taken before agenda items 6 and 7 (minutes 19 and 20), and the minutes '
        "give no reason"
    )
    assert finding.related == (
        Related(str(DRAFT), 70, "minute 19"),
        Related(str(DRAFT), 107, "minute 20"),
        Related(str(AGENDA), 53, "agenda item 6"),
        Related(str(AGENDA), 56, "agenda item 7"),
        Related(str(AGENDA), 58, "agenda item 8"),
    )


# --- real minutes that record why --------------------------------------------------------

LIMERICK_REASON = "With the permission of the Cathaoirleach, it was agreed to take Item 34 next."


def test_limerick_takes_item_34_early_and_says_so():
    minutes_path = corpus("limerick-metropolitan/2021-03-19_minutes.md")
    agenda_path = corpus("limerick-metropolitan/2021-03-19_agenda.md")
    assert messages(check(minutes_path, select=G, agenda=str(agenda_path))) == []


def test_without_the_reason_it_is_reported(tmp_path):
    minutes_path = corpus("limerick-metropolitan/2021-03-19_minutes.md")
    agenda_path = corpus("limerick-metropolitan/2021-03-19_agenda.md")
    edited = replace_once(minutes_path, LIMERICK_REASON, "", tmp_path / "m.md")
    (finding,) = g003(edited, agenda_path).findings
    assert finding.message.startswith("minute 34 (agenda item 34 ")
    assert finding.message.endswith(
        ") is taken before agenda items 31, 32 and 33 (minutes 31, 32 and 33), and the "
        "minutes give no reason"
    )


def test_adare_names_the_items_taken_next(tmp_path):
    minutes_path = corpus("limerick-adare-rathkeale/2014-07-08_minutes.md")
    agenda_path = corpus("limerick-adare-rathkeale/2014-07-08_agenda.md")
    assert messages(check(minutes_path, select=G, agenda=str(agenda_path))) == []
    reasons = (
        "With the permission of the Cathaoirleach, Item No. 4 was taken next.",
        "With the permission of the Cathaoirleach, Item No. 3 was taken next.",
    )
    edited = replace_once(minutes_path, reasons[0], "", tmp_path / "a.md")
    edited = replace_once(edited, reasons[1], "", tmp_path / "b.md")
    assert len(messages(g003(edited, agenda_path))) == 2


# --- pairs built from the real documents ---------------------------------------------------


@pytest.fixture
def rotherham(tmp_path: Path) -> Path:
    return rotherham_agenda(minutes_of(seed("003")), tmp_path / "agenda.txt")


def test_a_minute_moved_in_real_minutes(rotherham, tmp_path):
    edited = move(seed("003"), 27, 24, tmp_path / "minutes.txt")
    result = check(edited, select=G, agenda=str(rotherham))
    (finding,) = result.findings
    assert finding.code == "G003"
    assert finding.message == (
        'minute 27 (agenda item 12 "Improving Lives Select Commission - Work Programme '
        '2018/19 - Update") is taken before agenda items 9, 10 and 11 (minutes 24, 25 and '
        "26), and the minutes give no reason"
    )
    assert finding.line == next(m.line for m in minutes_of(edited).items if m.number == 27)


@pytest.mark.parametrize(
    "reason",
    [
        "The Chair agreed to vary the order of business.",
        "With the agreement of the Commission, agenda item 12 was taken next.",
        "It was agreed to take minute 27 at this point.",
    ],
)
def test_a_recorded_reason_silences_it(rotherham, tmp_path, reason):
    edited = move(seed("003"), 27, 24, tmp_path / "a.txt")
    edited = replace_once(
        edited,
        "There was confidence that it was a good story",
        reason + " There was confidence that it was a good story",
        tmp_path / "b.txt",
    )
    assert messages(g003(edited, rotherham)) == []


def test_a_reason_for_another_item_does_not(rotherham, tmp_path):
    edited = move(seed("003"), 27, 24, tmp_path / "a.txt")
    edited = replace_once(
        edited,
        "There was confidence that it was a good story",
        "Agenda item 5 was taken next. There was confidence that it was a good story",
        tmp_path / "b.txt",
    )
    assert len(messages(g003(edited, rotherham))) == 1


def test_a_markdown_pair_with_two_minutes_swapped(tmp_path):
    minutes_path = corpus("limerick-metropolitan/2021-03-19_minutes.md")
    agenda_path = corpus("limerick-metropolitan/2021-03-19_agenda.md")
    edited = move(minutes_path, 23, 22, tmp_path / "m.md")
    (message,) = messages(g003(edited, agenda_path))
    assert message.startswith("minute 2")
    assert "give no reason" in message


def test_a_word_draft_gives_the_same_findings_as_its_text(rotherham, tmp_path):
    from docgen import docx_from_blocks

    from minlint.lint.readers.text import read_plain

    edited = move(seed("003"), 27, 24, tmp_path / "minutes.txt")
    blocks = read_plain(edited.read_text(encoding="utf-8"), str(edited)).blocks
    word = docx_from_blocks(blocks, tmp_path / "minutes.docx")
    expected = messages(g003(edited, rotherham))
    assert len(expected) == 1
    assert messages(g003(word, rotherham)) == expected


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "G003"])
    assert result.exit_code == 0
    assert result.output.startswith("G003 agenda-order (agenda, error)\n")
    assert "vary the order of business" in result.output and "Example" in result.output
