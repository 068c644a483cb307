"""T004 shares-not-100: what it must flag, what it must not, and the real documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SHARED, all_real_documents, seed
from engine_support import check, variant
from totals_support import file_relations, located, messages

from minlint.cli import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules_totals"


def test_the_planted_shares_in_the_fixture():
    result = check(FIXTURES, select=("T004",))
    assert located(result) == [
        (16, "T004", "error", "58% + 31% + 14% = 103%, not 100% (read as shares of one whole: "
         "by tenure)")
    ]  # fmt: skip
    (f,) = result.findings
    assert [(r.line, r.message) for r in f.related] == [(16, "share: 31%"), (16, "share: 14%")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("By ward, 35% of the calls came from Eastgate, 45% from Millbank and 25% from "
         "Southfield.",
         "35% + 45% + 25% = 105%, not 100% (read as shares of one whole: by ward)"),
        ("The reasons given were cost (40%), distance (35%) and other reasons (35%).",
         "40% + 35% + 35% = 110%, not 100% (read as shares of one whole: other reasons)"),
        ("37% of the measures were below threshold, 32% of measures within tolerance and 21% "
         "were above target.",
         "37% + 32% + 21% = 90%, not 100% (read as shares of one whole: shares of the measures; "
         "a category may be left out)"),
        ("The split was 62.5% urban and 47.5% rural.",
         "62.5% + 47.5% = 110.0%, not 100% (read as shares of one whole: urban and rural)"),
        ("Of the households surveyed, 62% owned their home and 48% rented.",
         "62% + 48% = 110%, not 100% (read as shares of one whole: of the households surveyed)"),
        ("Of those who responded, 70% agreed, 20% disagreed and 20% neither agreed nor disagreed.",
         "70% + 20% + 20% = 110%, not 100% (read as shares of one whole: agreed and "
         "disagreed)"),
    ],
)  # fmt: skip
def test_flags(text, message):
    assert [m for _, m in messages("T004", text)] == [message]


def test_a_shortfall_without_a_remainder_is_a_warning():
    assert messages("T004", "Respondents were 52% female and 44% male.") == [
        (
            "warning",
            "52% + 44% = 96%, not 100% (read as shares of one whole: male and female; a category "
            "may be left out)",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        # rounding: whole-number shares may each be half a point out
        "Of the respondents, 45% were in favour, 40% against and 16% undecided.",
        "The reasons were the end of a tenancy (34.6%), family (28.1%), abuse (14.9%) and other "
        "reasons (22.5%).",
        "Boys make up 64% of the pupils referred and 52% of the school roll, while girls "
        "make up 36% of the pupils referred and 48% of the school roll.",
        # not shares of one whole
        "93% have had mental health issues, 72% domestic abuse, 33% homelessness and 44% drug use.",
        "Of the newly identified children, 14% were open to social care and 6% to early help.",
        "87% of fly-tips were removed within five days, against a target of 85%.",
        "Engagement had increased from 72% to 78%.",
        "Primary attendance was 95% and secondary 91%.",
        "Respondents were 52% female and 47% male, with 1% preferring not to say.",
    ],
)
def test_does_not_flag(text):
    assert messages("T004", text) == []


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "shares-not-100"])
    assert result.exit_code == 0
    assert result.output.startswith("T004 shares-not-100 (total, error)\n")


# ------------------------------------------------------------ the example and the real ones


def test_the_planted_shares_in_the_example():
    result = check(EXAMPLES / "draft_minutes_2024-06-11.md", select=("T004",))
    assert located(result) == [
        (113, "T004", "error", "38% + 41% + 27% = 106%, not 100% (read as shares of one whole: "
         "by locality)")
    ]  # fmt: skip


def test_the_consistent_shares_of_the_example_are_read():
    groups = file_relations(EXAMPLES / "draft_minutes_2024-06-11.md").shares
    assert [tuple(f.text for f in g.shares) for g in groups if g.shares[0].line == 77] == [
        ("34.6%", "28.1%", "14.9%", "22.5%")
    ]


def test_the_gender_shares_of_seed_000():
    """73.2% male and 26.2% female of 213 cases: 26.2% is no whole number of the 213, and
    the shares leave 0.6% unaccounted for."""
    result = check(seed("000"), select=("T004",))
    assert located(result) == [
        (
            1103,
            "T004",
            "warning",
            "73.2% + 26.2% = 99.4%, not 100% (read as shares of one whole: male and female; a "
            "category may be left out)",
        )
    ]


def test_no_other_shares_mismatch_in_the_real_documents():
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    result = check(*documents, select=("T004",))
    assert [str(e) for e in result.errors] == []
    assert [(Path(f.path).name, f.line) for f in result.findings] == [(seed("000").name, 1103)]


def test_consistent_shares_in_the_seeds_are_read():
    groups = {tuple(f.text for f in g.shares) for g in file_relations(seed("000")).shares}
    assert {("83%", "18%"), ("91%", "9%")} <= groups
    groups = {tuple(f.text for f in g.shares) for g in file_relations(seed("002")).shares}
    assert ("37%", "32%", "31%") in groups


def test_a_share_changed_in_a_real_document_is_found(tmp_path):
    path = variant(
        tmp_path, seed("002"), ("and 31% were above target", "and 13% were above target")
    )
    assert [(f.line, f.message) for f in check(path, select=("T004",)).findings] == [
        (64, "37% + 32% + 13% = 82%, not 100% (read as shares of one whole: shares of the "
         "measures; a category may be left out)")
    ]  # fmt: skip
