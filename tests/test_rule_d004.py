"""D004 previous-meeting-date: the date of the minutes approved, against the other
statements of the draft, its agenda and the previous minutes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, SHARED, corpus, seed
from engine_support import check, copies, document, minutes, run_rule, variant

from minlint.cli import cli
from minlint.lint.model import Minute, ParsedDocument

DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"
AGENDA = EXAMPLES / "agenda_2024-06-11.txt"
PREVIOUS = EXAMPLES / "minutes_2024-05-14.txt"


def d004(path, **options):
    result = check(path, select=("D004",), **options)
    assert [str(e) for e in result.errors] == []
    return result.findings


def lines(findings):
    return [(Path(f.path).name, f.line, f.severity) for f in findings]


# --- the bundled example ---------------------------------------------------------------


def test_the_example_resolution_approving_the_wrong_date_is_flagged():
    (found,) = d004(DRAFT, agenda=str(AGENDA), previous=str(PREVIOUS), records=(str(EXAMPLES),))
    assert (found.line, found.column, found.severity) == (24, 67, "error")
    assert found.message == (
        "the minutes approved are said to be of 21 May 2024, but the minute's title, line 22, "
        "the agenda and the previous minutes give 14 May 2024"
    )
    assert [(Path(r.path).name, r.line) for r in found.related] == [
        (DRAFT.name, 20),
        (DRAFT.name, 22),
        (AGENDA.name, 34),
        (PREVIOUS.name, 2),
    ]


def test_the_example_is_flagged_from_its_own_statements_alone():
    (found,) = d004(DRAFT)
    assert found.line == 24
    assert found.message.endswith("but the minute's title and line 22 give 14 May 2024")


def test_the_example_corrected_and_the_previous_minutes_are_not_flagged(tmp_path):
    fixed = variant(tmp_path, DRAFT, ("held on 21 May 2024", "held on 14 May 2024"))
    assert d004(fixed, agenda=str(AGENDA), previous=str(PREVIOUS), records=(str(EXAMPLES),)) == []
    assert d004(PREVIOUS, agenda=str(AGENDA), records=(str(EXAMPLES),)) == []


# --- the real documents ------------------------------------------------------------------


def test_no_real_document_is_flagged_with_its_records():
    folders = [SEEDS, *sorted(p for p in CORPUS.glob("*") if p.is_dir())]
    if not SEEDS.is_dir():
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    for folder in folders:
        assert d004(folder, records=(str(folder),)) == [], folder


def test_a_resolution_changed_in_real_minutes_is_flagged_against_title_and_discussion(tmp_path):
    original = seed("003")
    text = original.read_text(encoding="utf-8")
    resolution = "Lives Select Commission, held on 17th July, 2018, be approved"
    assert resolution in text
    edited = variant(tmp_path, original, (resolution, resolution.replace("17th July", "24th July")))
    (found,) = d004(edited, records=(str(SEEDS),))
    assert (found.line, found.severity) == (51, "error")
    assert found.message == (
        "the minutes approved are said to be of 24 July 2018, but the minute's title and "
        "line 46 give 17 July 2018"
    )


def test_a_date_changed_in_real_minutes_is_flagged_against_agenda_and_previous(tmp_path):
    folder = copies(tmp_path, corpus("limerick-metropolitan"))
    draft = folder / "2021-03-19_minutes.md"
    variant(folder, draft, ("held on 15th February, 2021", "held on 8th February, 2021"))
    (found,) = d004(draft, records=(str(folder),))
    assert lines([found]) == [("2021-03-19_minutes.md", 32, "error")]
    assert found.message == (
        "the minutes approved are said to be of 8 February 2021, but the agenda and the "
        "previous minutes give 15 February 2021"
    )
    assert [(Path(r.path).name, r.line) for r in found.related] == [
        ("2021-03-19_agenda.md", 26),
        ("2021-02-15_minutes.md", 4),
    ]


def test_in_an_item_approving_two_meetings_a_slip_is_told_by_the_records(tmp_path):
    folder = copies(tmp_path, corpus("limerick-metropolitan"))
    draft = folder / "2021-02-15_minutes.md"
    variant(folder, draft, ("held on 18th January, 2021", "held on 11th January, 2021"))
    (found,) = d004(draft, records=(str(folder),))
    assert found.line == 46
    assert found.message == (
        "the minutes approved are said to be of 11 January 2021, but the records hold "
        "minutes of 18 January 2021 that nothing else in this item names"
    )
    # Without the January minutes among the records, nothing tells the slip.
    (folder / "2021-01-18_minutes.md").unlink()
    assert d004(draft, records=(str(folder),)) == []


def test_without_agenda_or_next_meeting_a_slip_of_the_latest_minutes_is_a_warning(tmp_path):
    folder = copies(tmp_path, corpus("mscc-manordeilo-salem"))
    draft = folder / "minutes_2020-02-12.html"
    variant(folder, draft, ("held on the 8th January 2020", "held on the 15th January 2020"))
    (found,) = d004(draft, records=(str(folder),))
    assert (found.line, found.severity) == (20, "warning")
    assert found.message == (
        "the minutes approved are said to be of 15 January 2020, but the latest minutes of "
        "the body among the records are of 8 January 2020"
    )
    # A date far from the latest minutes may be of a meeting missing from the records.
    variant(folder, draft, ("held on the 15th January 2020", "held on the 22nd November 2019"))
    assert d004(draft, records=(str(folder),)) == []


def test_minutes_already_approved_at_the_latest_meeting_are_an_error(tmp_path):
    # Seed 003 (September 2018) approving the minutes of 12 December 2017, which the
    # minutes of 23 January 2018 among the records (seed 004) already approved.
    edited = variant(
        tmp_path,
        seed("003"),
        ("HELD ON 17TH JULY, 2018", "HELD ON 12TH DECEMBER, 2017"),
        ("held on 17th July, 2018", "held on 12th December, 2017"),
    )
    (found,) = d004(edited, records=(str(SEEDS),))
    assert lines([found]) == [(edited.name, 43, "error")]
    assert found.message == (
        "the minutes approved are said to be of 12 December 2017, but the meeting of "
        "23 January 2018 already approved them, and its minutes are the latest among the records"
    )
    assert [(Path(r.path).name, r.line) for r in found.related] == [
        (seed("004").name, 60),
        (edited.name, 46),
        (edited.name, 51),
    ]


# --- the decisions, on parts built by hand -------------------------------------------------


def built(*paragraphs: str, title: str = "MINUTES OF THE PREVIOUS MEETING"):
    doc = document("TEST PANEL", f"5. {title}", *paragraphs)
    part = minutes(doc, dt.date(2024, 6, 11))
    part.items = [Minute(5, title, 3, len(doc.lines), blocks=doc.blocks[2:])]
    return run_rule("D004", ParsedDocument(doc, [part]))


def test_two_statements_that_disagree_report_the_later():
    (found,) = built(
        "Resolved: That the minutes of the meeting held on 21 May 2024 be approved.",
        title="MINUTES OF THE PREVIOUS MEETING HELD ON 14 MAY 2024",
    )
    assert found.line == 5
    assert found.message.endswith("but the minute's title gives 14 May 2024")


def test_statements_that_agree_or_name_several_meetings_say_nothing():
    assert (
        built(
            "The minutes of the meeting held on 14 May 2024 were considered.",
            "Resolved: That the minutes of the meeting held on 14 May 2024 be approved.",
            title="MINUTES OF THE PREVIOUS MEETING HELD ON 14 MAY 2024",
        )
        == []
    )
    assert (
        built(
            "Resolved: (1) That the minutes of the meeting held on 9 April 2024 be approved.",
            "(2) That the minutes of the meeting held on 14 May 2024 be approved.",
            title="MINUTES OF THE PREVIOUS MEETINGS HELD ON 9 APRIL AND 14 MAY 2024",
        )
        == []
    )
    # No title date: two meetings adopted in two paragraphs.
    assert (
        built(
            "Circulated, copy of draft Minutes of the meeting held on 9 April 2024.",
            "Circulated, copy of draft Minutes of the meeting held on 14 May 2024.",
        )
        == []
    )


def test_another_bodys_minutes_are_not_compared():
    assert (
        built(
            "The minutes of the Cabinet held on 3 June 2024 were noted.",
            "Resolved: That the minutes of the meeting held on 14 May 2024 be approved.",
            title="MINUTES OF THE PREVIOUS MEETING HELD ON 14 MAY 2024",
        )
        == []
    )


def test_a_date_without_its_year_matches_its_day_and_month():
    assert (
        built(
            "Resolved: That the minutes of the meeting held on 14 May be approved.",
            title="MINUTES OF THE PREVIOUS MEETING HELD ON 14 MAY 2024",
        )
        == []
    )


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "D004"])
    assert result.exit_code == 0
    assert result.output.startswith("D004 previous-meeting-date (date, error)\n")
    assert "Uses when found: agenda, history, previous." in result.output
