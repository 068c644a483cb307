"""N003 numbering-continuity: the first minute against the previous minutes' numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, SHARED, corpus
from engine_support import check, copies, document, minutes, run_rule, variant

from minlint.cli import cli
from minlint.lint.model import Minute, NextMeeting, ParsedDocument
from minlint.lint.records import Record, Records

DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"
PREVIOUS = EXAMPLES / "minutes_2024-05-14.txt"


def n003(path, **options):
    result = check(path, select=("N003",), **options)
    assert [str(e) for e in result.errors] == []
    return result.findings


# --- the bundled example ---------------------------------------------------------------


def test_the_example_draft_skips_a_number_after_the_previous_minutes():
    (found,) = n003(DRAFT, previous=str(PREVIOUS), records=(str(EXAMPLES),))
    assert (found.line, found.column, found.severity) == (20, 3, "error")
    assert found.message == (
        "the first minute is 14, but the minutes of 14 May 2024 (the meeting before, in the "
        "same municipal year) end at 12: minute 13 is missing"
    )
    assert [(Path(r.path).name, r.line) for r in found.related] == [(PREVIOUS.name, 176)]
    assert n003(PREVIOUS, records=(str(EXAMPLES),)) == []


def test_a_year_that_starts_in_june_makes_the_may_minutes_last_years(tmp_path):
    folder = copies(tmp_path, EXAMPLES)
    (folder / "minlint.toml").write_text(
        "[thresholds]\nmunicipal-year-start-month = 6\n", encoding="utf-8"
    )
    assert n003(folder / DRAFT.name, records=(str(folder),)) == []


def test_minutes_of_another_municipal_year_are_not_compared(tmp_path):
    folder = copies(tmp_path, EXAMPLES)
    variant(
        folder, folder / PREVIOUS.name, ("Tuesday, 14th May, 2024", "Tuesday, 16th April, 2024")
    )
    draft = variant(folder, folder / DRAFT.name, ("HELD ON 14 MAY 2024", "HELD ON 16 APRIL 2024"))
    assert n003(draft, records=(str(folder),)) == []


# --- the real documents ------------------------------------------------------------------


def test_the_tintern_minutes_reusing_last_months_numbers_are_found():
    folder = corpus("tintern-wyevalley-cc")
    found = n003(folder, records=(str(folder),))
    assert [(Path(f.path).name, f.line, f.column) for f in found] == [
        ("20191125_minutes.txt", 5, 1)
    ]
    assert found[0].message == (
        "minutes 2779 to 2794 reuse the numbers of the minutes of 28 October 2019 (2779 to 2795)"
    )
    assert [(Path(r.path).name, r.line) for r in found[0].related] == [("20191028_minutes.txt", 5)]


def test_nothing_else_in_the_real_documents_is_flagged():
    if not SEEDS.is_dir():
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    found = []
    for folder in [SEEDS, *sorted(p for p in CORPUS.glob("*") if p.is_dir())]:
        found += [Path(f.path).name for f in n003(folder, records=(str(folder),))]
    # Limerick and Manordeilo number afresh at each meeting, Rotherham through the year
    # (seed 003 of September 2018 starts at 19 after 115 in January: a new year), Tintern
    # for ever.
    assert found == ["20191125_minutes.txt"]


def test_the_tintern_numbers_renumbered_to_follow_on_are_not_flagged(tmp_path):
    folder = copies(tmp_path, corpus("tintern-wyevalley-cc"))
    draft = folder / "20191125_minutes.txt"
    text = draft.read_text(encoding="utf-8")
    for n in range(2794, 2778, -1):
        text = text.replace(f"{n}.", f"{n + 17}.")
    draft.write_text(text, encoding="utf-8")
    assert n003(draft, records=(str(folder),)) == []


# --- the decisions, on parts built by hand -------------------------------------------------


def built(date, numbers, next_date=None, path="x.txt"):
    doc = document("TEST PANEL", *(f"{n}. ITEM {n}" for n in numbers), path=path)
    part = minutes(doc, date)
    part.date_line = 1
    part.items = [Minute(n, f"ITEM {n}", 3 + 2 * k, 3 + 2 * k) for k, n in enumerate(numbers)]
    if next_date:
        part.next_meeting = NextMeeting(next_date, None, 1)
    return part


def run(draft, *history):
    records = Records(
        history=tuple(Record(f"r{k}.txt", p, p.body, p.date) for k, p in enumerate(history))
    )
    return run_rule("N003", ParsedDocument(built_doc(draft), [draft]), records)


def built_doc(part):
    from minlint.lint.blocks import Document

    return Document(path="draft.txt", format="text", blocks=part.blocks, lines=["x"] * 60)


MAR, APR, JUN, JUL = (dt.date(2024, m, 10) for m in (3, 4, 6, 7))


def test_a_gap_is_not_reported_where_other_meetings_show_gaps():
    draft = built(JUL, [40, 41])
    june = built(JUN, [30, 31, 32], next_date=JUL)
    assert len(run(draft, june)) == 1
    # Another pair of consecutive meetings of the same year with a gap: a shared series.
    sept = built(dt.date(2024, 9, 10), [60, 61], path="s.txt")
    aug = built(dt.date(2024, 8, 10), [50, 51], next_date=dt.date(2024, 9, 10), path="a.txt")
    assert run(draft, june, aug, sept) == []


def test_a_series_that_runs_on_across_years_is_checked_across_years():
    draft = built(JUN, [118, 119])  # reuses 118-119 of April, in a new municipal year
    april = built(APR, [111, 118, 119, 120], next_date=JUN)
    assert run(draft, april) == []
    # March 2023 -> June 2023 carried on across the start of a year: the series runs on.
    before = built(dt.date(2023, 3, 10), [1001, 1002], next_date=dt.date(2023, 6, 10))
    after = built(dt.date(2023, 6, 10), [1003, 1004])
    (found,) = run(draft, april, before, after)
    assert found.message.startswith("minutes 118 and 119 reuse the numbers")


def test_a_set_numbered_afresh_is_never_reported():
    assert run(built(JUL, [1, 2, 3]), built(JUN, [1, 2, 3, 4], next_date=JUL)) == []
    assert run(built(JUL, [2, 3]), built(JUN, [1, 2, 3, 4], next_date=JUL)) == []


def test_a_first_minute_below_the_last_is_reported_only_for_the_meeting_before():
    draft = built(JUL, [25, 26])
    june = built(JUN, [20, 27, 28], next_date=JUL)
    assert [f.message for f in run(draft, june)] == [
        "the first minute is 25, but the minutes of 10 June 2024 (the meeting before) "
        "already ran to 28"
    ]
    june.next_meeting = None
    assert run(draft, june) == []


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "numbering-continuity"])
    assert result.exit_code == 0
    assert result.output.startswith("N003 numbering-continuity (numbering, error)\n")
    assert "municipal-year-start-month" in result.output


def test_numbers_written_with_the_year_are_named_so(tmp_path):
    """Minutes numbered "140/25" that reuse the previous meeting's numbers: the finding
    names them as both sets write them, and underlines the whole number."""

    def write(name: str, date: str) -> Path:
        lines = [f"Minutes of the meeting of Kingswood Parish Council held on {date}.", ""]
        lines += ["Present: Cllrs Abbott (Chairman), Bishop, Cole.", ""]
        for n, title in enumerate(["Apologies", "Minutes", "Finance", "Planning"], 140):
            lines += [f"{n}/25  {title}", "The council considered the matter.", ""]
        path = tmp_path / name
        path.write_text("\n".join(lines), encoding="utf-8")
        return path

    write("2025-03-12_minutes.txt", "12 March 2025")
    draft = write("2025-04-09_minutes.txt", "9 April 2025")
    (finding,) = check(draft, select=("N003",), records=(str(tmp_path),)).findings
    assert finding.message == (
        "minutes 140/25 to 143/25 reuse the numbers of the minutes of 12 March 2025"
        " (140/25 to 143/25)"
    )
    assert (finding.line, finding.column, finding.end_column) == (5, 1, 7)
