"""D005 next-meeting-date: the next meeting, against the meeting's own date, its agenda,
the work programme and the next meeting's records."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, SHARED, corpus, seed
from engine_support import check, copies, variant

from minlint.cli import cli

DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"
AGENDA = EXAMPLES / "agenda_2024-06-11.txt"
PREVIOUS = EXAMPLES / "minutes_2024-05-14.txt"
PROGRAMME = EXAMPLES / "work_programme_2024-25.txt"


def d005(path, **options):
    result = check(path, select=("D005",), **options)
    assert [str(e) for e in result.errors] == []
    return result.findings


def where(findings):
    return [(Path(f.path).name, f.line, f.column, f.severity) for f in findings]


# --- the bundled example ---------------------------------------------------------------


def test_the_example_next_meeting_differs_from_agenda_and_work_programme():
    (found,) = d005(DRAFT, agenda=str(AGENDA), previous=str(PREVIOUS), records=(str(EXAMPLES),))
    assert where([found]) == [(DRAFT.name, 155, 76, "error")]
    assert found.message == (
        "the next meeting is given as 16 July 2024, but the agenda of this meeting and the "
        "work programme give 9 July 2024"
    )
    assert [(Path(r.path).name, r.line) for r in found.related] == [
        (AGENDA.name, 81),
        (PROGRAMME.name, 46),
    ]


def test_without_the_work_programme_the_agenda_alone_is_a_warning(tmp_path):
    (found,) = d005(DRAFT, agenda=str(AGENDA))
    assert found.severity == "warning"
    assert found.message == (
        "the next meeting is given as 16 July 2024, but the agenda of this meeting gives "
        "9 July 2024 (it may have been moved at the meeting)"
    )


def test_the_work_programme_alone_is_not_enough():
    # Without --agenda the draft (dated 18 June by mistake) finds no agenda of its date.
    assert d005(DRAFT, records=(str(EXAMPLES),)) == []


def test_the_example_corrected_and_the_previous_minutes_are_not_flagged(tmp_path):
    fixed = variant(tmp_path, DRAFT, ("Tuesday 16 July 2024", "Tuesday 9 July 2024"))
    assert d005(fixed, agenda=str(AGENDA), records=(str(EXAMPLES),)) == []
    # The minutes of 14 May give 11 June at 5.30 p.m., as the agenda of 11 June does.
    assert d005(PREVIOUS, records=(str(EXAMPLES),)) == []


def test_a_time_differing_from_the_agenda_of_this_meeting_is_a_warning(tmp_path):
    agenda = variant(
        tmp_path, AGENDA, ("2024, starting at 5.30 p.m.", "2024, starting at 6.00 p.m.")
    )
    fixed = variant(tmp_path, DRAFT, ("Tuesday 16 July 2024", "Tuesday 9 July 2024"))
    (found,) = d005(fixed, agenda=str(agenda))
    assert found.severity == "warning"
    assert found.message == (
        "the next meeting is given as 9 July 2024 at 5.30 p.m., but the agenda of this "
        "meeting gives 6.00 p.m."
    )


# --- the real documents ------------------------------------------------------------------


def test_the_real_next_meeting_time_that_differs_from_the_next_agenda_is_found():
    """The minutes of 22 March 2021 give the next meeting as 15 June 2021 at 5:30pm; the
    agenda of 15 June 2021, in the same pack, is for 10.00 a.m."""
    (found,) = d005(seed("001"), records=(str(SEEDS),))
    assert where([found]) == [(seed("001").name, 394, 92, "warning")]
    assert found.message == (
        "the next meeting is given as 15 June 2021 at 5.30 p.m., but the agenda of that "
        "meeting gives 10.00 a.m."
    )
    assert [(r.line, r.message) for r in found.related] == [
        (5, "the agenda of the next meeting: 15 June 2021 at 10.00 a.m.")
    ]


def test_nothing_else_in_the_real_documents_is_flagged():
    if not SEEDS.is_dir():
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    found = []
    for folder in [SEEDS, *sorted(p for p in CORPUS.glob("*") if p.is_dir())]:
        found += where(d005(folder, records=(str(folder),)))
    assert found == [(seed("001").name, 394, 92, "warning")]


def test_the_typo_5_30_pn_is_read_as_the_same_time():
    # Seed 004: the agenda's next meeting is "Tuesday 24 April, 2018 at 5.30 pn", and its
    # attached minutes of 23 January give 13 March at 5.30 p.m., as the agenda of 13 March.
    from minlint.lint.parse import parse_path

    agenda = parse_path(seed("004")).agendas[0]
    assert (agenda.next_meeting.time, agenda.time) == ("17:30", "17:30")
    assert d005(seed("004"), records=(str(SEEDS),)) == []


def test_a_next_meeting_date_differing_from_the_next_agenda_is_an_error(tmp_path):
    edited = variant(
        tmp_path, seed("001"), ("Tuesday 15 June 2021 at 5:30pm", "Tuesday 22 June 2021 at 10am")
    )
    (found,) = d005(edited, records=(str(SEEDS),))
    assert (found.line, found.severity) == (394, "error")
    assert found.message == (
        "the next meeting is given as 22 June 2021, but the agenda of that meeting is dated "
        "15 June 2021"
    )


def test_a_next_meeting_before_the_meeting_is_an_error(tmp_path):
    edited = variant(
        tmp_path,
        seed("002"),
        ("take place on 12th September 2023", "take place on 12th September 2022"),
    )
    (found,) = d005(edited)
    assert (found.line, found.severity) == (220, "error")
    assert found.message == (
        "the next meeting is given as 12 September 2022, which is before this meeting "
        "(25 July 2023)"
    )


def test_a_next_meeting_without_its_year_is_never_in_the_past(tmp_path):
    # "Date of next meeting: November 25th." takes the year after the meeting.
    folder = copies(tmp_path, corpus("tintern-wyevalley-cc"))
    assert d005(folder / "20191028_minutes.txt", records=(str(folder),)) == []


def test_records_dated_only_by_their_file_name_are_not_compared(tmp_path):
    # The agenda of 25 November 2019 is dated by its file's name, and nothing in the
    # records says it follows the meeting of 28 October: a changed date is not reported.
    folder = copies(tmp_path, corpus("tintern-wyevalley-cc"))
    draft = variant(folder, folder / "20191028_minutes.txt", ("November 25th", "November 18th"))
    assert d005(draft, records=(str(folder),)) == []


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "D005"])
    assert result.exit_code == 0
    assert result.output.startswith("D005 next-meeting-date (date, error)\n")
    assert "5.30 pn" in result.output
