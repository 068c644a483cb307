"""D007 municipal-year: the year label of the current work programme."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, SHARED, seed
from engine_support import check, document, minutes, run_rule, variant

from minlint.cli import cli
from minlint.lint.model import Minute, ParsedDocument, Resolution

DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"


def d007(path, **options):
    result = check(path, select=("D007",), **options)
    assert [str(e) for e in result.errors] == []
    return result.findings


def test_the_example_approves_last_years_work_programme():
    (found,) = d007(DRAFT)
    assert (found.line, found.column, found.end_column) == (135, 42, 49)
    assert found.message == (
        "the work programme is labelled 2023/24, but the meeting of 18 June 2024 is in the "
        "municipal year 2024/25"
    )
    # The minute's title "WORK PROGRAMME 2024/25", the annual reports for 2023/24 and the
    # previous minutes' labels are right.
    assert d007(EXAMPLES / "minutes_2024-05-14.txt") == []
    assert d007(EXAMPLES / "agenda_2024-06-11.txt") == []


def test_the_real_work_programme_of_last_year_is_found():
    if not SEEDS.is_dir():
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    found = []
    for folder in [SEEDS, *sorted(p for p in CORPUS.glob("*") if p.is_dir())]:
        found += d007(folder)
    assert [(Path(f.path).name, f.line, f.column) for f in found] == [(seed("002").name, 208, 41)]
    assert found[0].message == (
        "the work programme is labelled 2022/23, but the meeting of 25 July 2023 is in the "
        "municipal year 2023/24"
    )


def test_the_start_of_the_municipal_year_is_configurable(tmp_path):
    draft = variant(tmp_path, seed("002"))
    (tmp_path / "minlint.toml").write_text(
        "[thresholds]\nmunicipal-year-start-month = 9\n", encoding="utf-8"
    )
    assert d007(draft) == []


def built(date: dt.date, *paragraphs: str, title: str = "WORK PROGRAMME", decided=()):
    doc = document("TEST PANEL", f"9. {title}", *paragraphs)
    part = minutes(doc, date)
    blocks = doc.blocks[2:]
    part.items = [Minute(9, title, 3, len(doc.lines), blocks=blocks)]
    part.items[0].resolutions = [
        Resolution(None, blocks[k].text, blocks[k].line, blocks[k].line) for k in decided
    ]
    return [f.line for f in run_rule("D007", ParsedDocument(doc, [part]))]


JULY = dt.date(2023, 7, 25)


def test_labels_in_every_form_are_read():
    assert built(
        JULY, "Resolved: That the Work Programme for 2022-23 be agreed.", decided=(0,)
    ) == [5]
    assert built(JULY, "Resolved: That the 2022/2023 work programme be agreed.", decided=(0,)) == [
        5
    ]
    assert built(JULY, "Members considered the Forward Plan 2022/23.") == [5]
    assert built(JULY, "Members noted it.", title="WORK PROGRAMME 2022/23") == [3]


def test_labels_that_fit_are_not_reported():
    assert (
        built(JULY, "Resolved: That the Work Programme for 2023/24 be approved.", decided=(0,))
        == []
    )
    # Next year's programme being drawn up.
    assert built(JULY, "Members discussed the 2024/25 work programme.") == []
    # Last year's, in the month the year starts.
    may = dt.date(2023, 5, 16)
    assert built(may, "Resolved: That the Work Programme for 2022/23 be noted.", decided=(0,)) == []
    # A programme the sentence puts in the past, and a strategy's span.
    assert built(JULY, "The 2022/23 work programme had been completed in full.") == []
    assert built(JULY, "Members considered the work programme 2021-2026.") == []
    # Other things labelled with past years.
    assert built(JULY, "Members considered the Annual Report 2022/23.") == []


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "D007"])
    assert result.exit_code == 0
    assert result.output.startswith("D007 municipal-year (date, error)\n")
