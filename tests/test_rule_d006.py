"""D006 conflicting-dates: one event given two dates in a minute, and dates still to come
reported as past."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, SHARED, corpus
from engine_support import check, document, minutes, run_rule, variant

from minlint.cli import cli
from minlint.lint.model import Minute, NextMeeting, ParsedDocument, Resolution

DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"


def d006(path, **options):
    result = check(path, select=("D006",), **options)
    assert [str(e) for e in result.errors] == []
    return result.findings


# --- the bundled example ---------------------------------------------------------------


def test_the_example_cabinet_decision_dated_twice_is_flagged():
    (found,) = d006(DRAFT)
    assert (found.line, found.column, found.severity) == (66, 130, "error")
    assert found.message == (
        "the decision gives 24 September 2024, but the discussion of the same minute gives "
        '"17 September 2024" for what reads as the same event (line 48)'
    )
    assert [(Path(r.path).name, r.line) for r in found.related] == [(DRAFT.name, 48)]


def test_the_example_corrected_is_not_flagged(tmp_path):
    # The consultation's opening and closing dates (line 48) are other events.
    fixed = variant(
        tmp_path, DRAFT, ("decision on 24 September 2024", "decision on 17 September 2024")
    )
    assert d006(fixed) == []
    assert d006(EXAMPLES / "minutes_2024-05-14.txt") == []


# --- the real documents ------------------------------------------------------------------


def test_the_real_work_completed_in_the_future_is_found():
    """Tintern's minutes of 8 January 2024 (and the same minutes filed as 20230108) say
    "Work was completed on the 15th December 2024"; their next meeting is 29 January
    2024. The meeting's own date comes from the file's name and is not relied on."""
    if not SEEDS.is_dir():
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    found = []
    for folder in [SEEDS, *sorted(p for p in CORPUS.glob("*") if p.is_dir())]:
        found += d006(folder, records=(str(folder),))
    assert [(Path(f.path).name, f.line, f.column) for f in found] == [
        ("20230108_minutes.txt", 52, 98),
        ("20240108_minutes.txt", 52, 98),
    ]
    assert found[0].message == (
        '"15th December 2024" is reported as past ("was completed on"), but it is after the '
        "next meeting these minutes give (29 January 2024)"
    )


def test_a_past_date_without_its_year_is_not_guessed(tmp_path):
    path = corpus("tintern-wyevalley-cc/20240108_minutes.txt")
    edited = variant(tmp_path, path, ("the 15th December 2024.", "the 15th December."))
    assert d006(edited) == []


# --- the decisions, on text built by hand --------------------------------------------------


def built(*paragraphs: str, next_date: dt.date | None = None, decided: tuple[int, ...] = ()):
    doc = document("TEST PANEL", "7. LIBRARIES REVIEW", *paragraphs)
    part = minutes(doc, dt.date(2024, 6, 11))
    part.date_line = 1
    blocks = doc.blocks[2:]
    part.items = [Minute(7, "LIBRARIES REVIEW", 3, len(doc.lines), blocks=blocks)]
    part.items[0].resolutions = [
        Resolution(None, blocks[k].text, blocks[k].line, blocks[k].line) for k in decided
    ]
    if next_date:
        part.next_meeting = NextMeeting(next_date, None, 1)
    return run_rule("D006", ParsedDocument(doc, [part]))


def test_a_decision_and_the_discussion_dating_one_event_differently():
    found = built(
        "The consultation would close on 30 August 2024.",
        "Resolved: That the results be reported once the consultation closes on 6 September 2024.",
        decided=(1,),
    )
    assert [f.line for f in found] == [7]


def test_different_events_and_dates_far_apart_are_not_compared():
    assert (
        built(
            "The consultation had opened on 3 June 2024 and would close on 30 August 2024.",
            "Resolved: That the Cabinet decision on 24 September 2024 be noted.",
            decided=(1,),
        )
        == []
    )
    # Same words, but three months apart: two events of one kind.
    assert (
        built(
            "The Cabinet would decide on the first phase on 17 September 2024.",
            "Resolved: That the Cabinet decide on the second phase on 17 December 2024.",
            decided=(1,),
        )
        == []
    )


def test_events_that_past_tense_words_put_ahead_are_not_reported_as_past():
    nxt = dt.date(2024, 7, 9)
    assert built("A site visit was arranged for 20 August 2024.", next_date=nxt) == []
    assert built("The group was scheduled on 20 August 2024 to meet.", next_date=nxt) == []
    assert built("The group will have met on 20 August 2024.", next_date=nxt) == []
    # Between the meeting and the next one: a note added after the meeting.
    assert built("Post meeting note: the letter was sent on 1 July 2024.", next_date=nxt) == []
    (found,) = built("The group met on 20 August 2024.", next_date=nxt)
    assert found.message.startswith('"20 August 2024" is reported as past ("met on")')


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "D006"])
    assert result.exit_code == 0
    assert result.output.startswith("D006 conflicting-dates (date, error)\n")
