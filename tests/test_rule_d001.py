"""D001 weekday-mismatch: what it must flag, what it must not, and the real documents."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SHARED, all_real_documents, seed
from engine_support import FIXTURES, check, document, minutes, part, run_rule

from minlint.lint.model import ParsedDocument
from minlint.lint.parse import parse_path
from minlint.rules.d001_weekday_mismatch import nearest, weekday_claims


def located(result):
    return [(f.line, f.column, f.severity, f.message) for f in result.findings]


def test_flags_each_planted_mismatch_in_the_fixture():
    result = check(FIXTURES / "weekday_errors.md", select=("D001",))
    inferred = "; the year is not stated and was taken from the meeting of 14 November 2023"
    assert located(result) == [
        (13, 38, "warning", "Monday does not fall on 23 November 2023 (a Thursday)" + inferred),
        (14, 1, "error", "Friday does not fall on 7 December 2023 (a Thursday)"),
        (17, 61, "error", "Friday does not fall on 5 January 2023 (a Thursday)"),
        (21, 45, "error", "Wednesday does not fall on 12 December 2023 (a Tuesday)"),
        (21, 107, "error", "Wednesday does not fall on 9 January 2024 (a Tuesday)"),
    ]


def test_a_date_broken_across_lines_spans_them():
    result = check(FIXTURES / "weekday_errors.md", select=("D001",))
    broken = [f for f in result.findings if f.line == 14]
    assert [(f.line, f.end_line) for f in broken] == [(14, 15)]


def test_consistent_text_is_not_flagged():
    # Includes dates without a year either side of the new year and a leap day.
    result = check(FIXTURES / "clean_minutes.md", select=("D001",))
    assert result.findings == []
    assert result.errors == []


def test_the_clean_fixture_is_really_checked():
    parsed = parse_path(FIXTURES / "clean_minutes.md")
    claims = {(c.text, c.date, c.year_inferred) for c in weekday_claims(parsed)}
    assert ("Friday 5 January", dt.date(2024, 1, 5), True) in claims
    assert ("Wednesday 27 December", dt.date(2023, 12, 27), True) in claims
    assert ("Thursday 29 February", dt.date(2024, 2, 29), True) in claims
    assert ("Tuesday 9 January 2024", dt.date(2024, 1, 9), False) in claims


@pytest.mark.parametrize(
    ("meeting", "day", "month", "expected"),
    [
        (dt.date(2023, 12, 12), 5, 1, dt.date(2024, 1, 5)),
        (dt.date(2024, 1, 9), 19, 12, dt.date(2023, 12, 19)),
        (dt.date(2023, 6, 13), 22, 3, dt.date(2023, 3, 22)),
        (dt.date(2023, 6, 13), 29, 2, dt.date(2024, 2, 29)),
    ],
)
def test_an_omitted_year_is_the_one_nearest_the_meeting(meeting, day, month, expected):
    assert nearest(day, month, meeting) == expected


def test_without_a_meeting_date_an_omitted_year_is_not_guessed():
    # 3 December is a Sunday in 2023 and a Monday in 2018: with no meeting date, no year.
    doc = document("The fete is on Monday 3 December.", "It opened on Thursday 2 June 2023.")
    parsed = ParsedDocument(doc, [minutes(doc, None)])
    found = run_rule("D001", parsed)
    assert [(f.line, f.message) for f in found] == [
        (3, "Thursday does not fall on 2 June 2023 (a Friday)")
    ]


def test_each_part_of_a_pack_infers_from_its_own_meeting():
    doc = document(
        "Agenda for the meeting of Tuesday 9 July 2024.",
        "Minutes of the meeting of Tuesday 12 March 2024.",
        "The next meeting will be on Tuesday 16 April.",
        "An officer's report: the depot reopens on Monday 5 August.",
    )
    parsed = ParsedDocument(
        doc,
        [
            minutes(doc, dt.date(2024, 7, 9), end=1),
            minutes(doc, dt.date(2024, 3, 12), start=3, end=5),
            part("report", doc, 7, 7),
        ],
    )
    # 16 April 2024 and 5 August 2024 fall on those weekdays; 16 April 2025 would not.
    assert run_rule("D001", parsed) == []
    claims = [(c.text, c.meeting) for c in weekday_claims(parsed)]
    assert ("Tuesday 16 April", dt.date(2024, 3, 12)) in claims
    assert ("Monday 5 August", dt.date(2024, 7, 9)) in claims


def test_a_finding_points_at_the_weekday_and_date():
    doc = document("Intro.", "We met on Thursday 9 July 2024 at noon.")
    parsed = ParsedDocument(doc, [minutes(doc, dt.date(2024, 7, 9))])
    (found,) = run_rule("D001", parsed)
    assert (found.line, found.column, found.end_column) == (3, 11, 31)
    assert found.message == "Thursday does not fall on 9 July 2024 (a Tuesday)"
    assert (found.code, found.name, found.category) == ("D001", "weekday-mismatch", "date")


# --- the real documents ---------------------------------------------------------------


def test_no_weekday_mismatch_in_any_real_document():
    """Every weekday stated with a date in the seeds and corpus falls on it."""
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    result = check(*documents, select=("D001",))
    assert [str(e) for e in result.errors] == []
    assert [(f.path, f.line, f.message) for f in result.findings] == []


@pytest.mark.parametrize(
    ("prefix", "line", "text", "date", "inferred"),
    [
        ("000", 94, "Tuesday 22 September", dt.date(2020, 9, 22), True),
        ("001", 112, "Monday 22 March", dt.date(2021, 3, 22), True),
        ("002", 48, "Tuesday 12th September 2023", dt.date(2023, 9, 12), False),
        ("003", 818, "Tuesday, 6th November", dt.date(2018, 11, 6), True),
        ("004", 116, "Tuesday 9th \nJanuary, 2018", dt.date(2018, 1, 9), False),
        ("004", 497, "Tuesday, 13th \nMarch, 2018", dt.date(2018, 3, 13), False),
    ],
)
def test_the_real_weekdays_are_read_and_checked(prefix, line, text, date, inferred):
    parsed = parse_path(seed(prefix))
    claims = {
        (c.block.locate(c.start)[0], " ".join(c.text.split()), c.date, c.year_inferred)
        for c in weekday_claims(parsed)
    }
    assert (line, " ".join(text.split()), date, inferred) in claims


def test_a_weekday_changed_in_a_real_document_is_found(tmp_path):
    original = seed("004").read_text(encoding="utf-8")
    lines = original.split("\n")
    assert lines[496].endswith("on Tuesday, 13th ")
    lines[496] = lines[496].replace("Tuesday, 13th", "Wednesday, 13th")
    draft = tmp_path / "pack.txt"
    draft.write_text("\n".join(lines), encoding="utf-8")
    result = check(draft, select=("D001",))
    assert [(f.line, f.message) for f in result.findings] == [
        (497, "Wednesday does not fall on 13 March 2018 (a Tuesday)")
    ]


def test_a_weekday_of_a_misprinted_day_is_checked(tmp_path):
    # Seed 004 has "Tuesday, 24h April, 2018" (D002 reports the misprint): 24 April 2018
    # was a Tuesday, so the weekday is right.
    claims = [c for c in weekday_claims(parse_path(seed("004"))) if c.misprint]
    assert [(c.block.locate(c.start)[0], c.text, c.date, c.misprint) for c in claims] == [
        (492, "Tuesday, 24h April, 2018", dt.date(2018, 4, 24), "24h")
    ]
    assert check(seed("004"), select=("D001",)).findings == []
    original = seed("004").read_text(encoding="utf-8")
    draft = tmp_path / "pack.txt"
    draft.write_text(
        original.replace("Tuesday, 24h April", "Wednesday, 24h April"), encoding="utf-8"
    )
    result = check(draft, select=("D001",))
    assert [(f.line, f.column, f.message) for f in result.findings] == [
        (
            492,
            1,
            'Wednesday does not fall on 24 April 2018 (a Tuesday); the misprinted day "24h" '
            "is read as 24",
        )
    ]
