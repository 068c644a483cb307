"""X002 untracked-action: decisions asking for action, against the work programme and
monitoring schedule that follow them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, SHARED, seed
from engine_support import check, copies, variant

from minlint.cli import cli
from minlint.lint.model import MONITORING_SCHEDULE, WORK_PROGRAMME
from minlint.rules.x002_untracked_action import action_kind

MINUTES = EXAMPLES / "minutes_2024-05-14.txt"
DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"
PROGRAMME = EXAMPLES / "work_programme_2024-25.txt"


def x002(path, **options):
    result = check(path, select=("X002",), **options)
    assert [str(e) for e in result.errors] == []
    return result.findings


def test_the_example_briefing_missing_from_the_schedule_is_flagged():
    (found,) = x002(MINUTES, records=(str(EXAMPLES),))
    assert (found.line, found.end_line) == (137, 139)
    assert found.message == (
        "this decision asks for action, but the monitoring schedule updated on 3 June 2024 "
        "does not track it"
    )
    assert [(Path(r.path).name, r.line) for r in found.related] == [(PROGRAMME.name, 119)]


def test_the_example_draft_postdates_the_work_programme():
    assert x002(DRAFT, records=(str(EXAMPLES),)) == []


def test_a_tracked_briefing_is_not_flagged(tmp_path):
    folder = copies(tmp_path, EXAMPLES)
    row = (
        "14/05/24 | Empty Council Homes – Re-let Performance | That the Assistant Director of "
        "Housing Management provides Members with a written briefing on the time taken to "
        "re-let empty council homes, broken down by area, within eight weeks. | July 2024 | "
        "Requested | None at present\n"
    )
    programme = folder / PROGRAMME.name
    programme.write_text(programme.read_text(encoding="utf-8") + row, encoding="utf-8")
    assert x002(folder / MINUTES.name, records=(str(folder),)) == []


def test_without_a_schedule_following_the_meeting_nothing_is_checked(tmp_path):
    assert x002(MINUTES) == []
    folder = copies(tmp_path, EXAMPLES)
    # A schedule updated before the meeting is not the one that follows it.
    variant(
        folder,
        folder / PROGRAMME.name,
        ("UPDATED: 3 JUNE 2024\n\nDecision", "UPDATED: 3 MAY 2024\n\nDecision"),
    )
    assert x002(folder / MINUTES.name, records=(str(folder),)) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("That a further report be brought to the Commission in six months' time.", WORK_PROGRAMME),
        (
            "That the sub-group reports its findings to the meeting of the Commission on "
            "15th October.",
            WORK_PROGRAMME,
        ),
        ("That a progress report be submitted to a future meeting of the Panel.", WORK_PROGRAMME),
        ("That the Head of Service circulates to Members a map of the area.", MONITORING_SCHEDULE),
        ("That a briefing be circulated to all Members.", MONITORING_SCHEDULE),
        (
            "That the Director provides Members with a written briefing within eight weeks.",
            MONITORING_SCHEDULE,
        ),
        ("That the report be noted.", None),
        ("That the minutes of the meeting held on 14 May be approved.", None),
        ("That the Work Programme be updated as discussed.", None),
        ("That a sub-group be set up, comprising Councillors A, B and C.", None),
        ("That the next meeting be held on 9 July.", None),
    ],
)
def test_what_asks_for_action(text, kind):
    assert action_kind(text) == kind


def test_the_real_decisions_are_tracked():
    """Seed 000's minutes of 3 March 2020 are followed in the same pack by the work
    programme of 17 June and the schedule of 20 July 2020: the Liquid Logic update is a
    schedule row, the SEND peer review report a work programme entry ("Peer review
    circulated to members April 2020")."""
    if not SEEDS.is_dir():
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    for folder in [SEEDS, *sorted(p for p in CORPUS.glob("*") if p.is_dir())]:
        assert x002(folder, records=(str(folder),)) == [], folder


def test_a_real_decision_left_off_the_schedule_is_flagged(tmp_path):
    row = (
        "That an update be provided to \nmembers of the Improving Lives Select \n"
        "Commission on the implementation \nand use of the Liquid Logic case \n"
        "management system."
    )
    edited = variant(tmp_path, seed("000"), (row, "Removed."))
    (found,) = x002(edited)
    assert found.line == 564
    assert "monitoring schedule updated on 20 July 2020" in found.message


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "X002"])
    assert result.exit_code == 0
    assert result.output.startswith("X002 untracked-action (record, error)\n")
