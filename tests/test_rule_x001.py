"""X001 misquoted-resolution: decisions quoted in a work programme or monitoring schedule
against the minutes that made them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, SHARED, seed
from engine_support import check, copies, variant

from minlint.cli import cli

PROGRAMME = EXAMPLES / "work_programme_2024-25.txt"
MINUTES = EXAMPLES / "minutes_2024-05-14.txt"


def x001(path, **options):
    result = check(path, select=("X001",), **options)
    assert [str(e) for e in result.errors] == []
    return result.findings


def test_the_example_quote_with_twelve_months_for_six_is_flagged():
    (found,) = x001(PROGRAMME, records=(str(EXAMPLES),))
    assert (found.line, found.column, found.end_line) == (96, 24, 100)
    assert found.message == (
        "the quote differs from resolution (2) of minute 5 of 14 May 2024: "
        '"…the Commission in [-six-]{+twelve+} months\' time"'
    )
    assert [(Path(r.path).name, r.line) for r in found.related] == [(MINUTES.name, 83)]


def test_quotes_word_for_word_are_not_flagged(tmp_path):
    # Lines 17-20 and 85-87 of the work programme and both dated schedule rows quote the
    # minutes of 14 May exactly, across line breaks; the row of 16/04/24 quotes minutes
    # that are not among the records.
    folder = copies(tmp_path, EXAMPLES)
    fixed = variant(folder, folder / PROGRAMME.name, ("twelve months' time", "six months' time"))
    assert x001(fixed, records=(str(folder),)) == []


def test_without_the_minutes_quoted_nothing_is_checked():
    assert x001(PROGRAMME) == []


def test_a_quote_of_part_of_a_decision_is_not_a_misquote(tmp_path):
    folder = copies(tmp_path, EXAMPLES)
    cut = variant(
        folder,
        folder / PROGRAMME.name,
        ("twelve months' time.", "six months' time."),
        (
            "That the sub-group reports \nits findings to the meeting of the Commission on "
            "\n15th October, 2024.",
            "That the sub-group reports \nits findings to the meeting of the Commission.",
        ),
    )
    assert x001(cut, records=(str(folder),)) == []


def test_a_real_schedule_row_quoting_minutes_in_the_same_pack_is_checked(tmp_path):
    # Seed 000's schedule row "03/03/20 ... That an update be provided to members ... on
    # the implementation and use of the Liquid Logic case management system." quotes the
    # pack's own minutes of 3 March 2020 word for word; changed, it is flagged.
    assert x001(seed("000")) == []
    edited = variant(
        tmp_path,
        seed("000"),
        (
            "and use of the Liquid Logic case \nmanagement",
            "and cost of the Liquid Logic case \nmanagement",
        ),
    )
    (found,) = x001(edited)
    assert found.line == 1799
    assert "[-use-]{+cost+}" in found.message
    assert found.message.startswith(
        "the quote differs from resolution (2) of minute 61 of 3 March 2020"
    )


def test_no_real_quote_is_flagged():
    if not SEEDS.is_dir():
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    for folder in [SEEDS, *sorted(p for p in CORPUS.glob("*") if p.is_dir())]:
        assert x001(folder, records=(str(folder),)) == [], folder


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "X001"])
    assert result.exit_code == 0
    assert result.output.startswith("X001 misquoted-resolution (record, error)\n")
    assert "[-removed-]" in result.output
