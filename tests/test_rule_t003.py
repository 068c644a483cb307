"""T003 count-mismatch: what it must flag, what it must not, and the real documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SHARED, all_real_documents, corpus, seed
from engine_support import check, variant
from totals_support import located, messages

from minlint.cli import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules_totals"


def test_the_planted_count_in_the_fixture():
    result = check(FIXTURES, select=("T003",))
    assert located(result) == [
        (
            20,
            "T003",
            "error",
            '"three contractors", but 4 are listed: Northgate Building; Harland and Sons; '
            "Peel Electrical; Dunmore Roofing",
        )
    ]
    (f,) = result.findings
    assert (f.column, f.end_column) == (22, 27)
    assert [r.line for r in f.related] == [20]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("The panel heard from three witnesses: the tenant, the landlord, the neighbour and the "
         "housing officer.",
         '"three witnesses", but 4 are listed: the tenant; the landlord; the neighbour; the '
         "housing officer"),
        ("Members agreed five priorities: road safety, litter, youth provision and the high "
         "street.",
         '"five priorities", but 4 are listed: road safety; litter; youth provision; the high '
         "street"),
        ("The report set out two recommendations: that the strategy be approved, that the budget "
         "be increased, and that a review take place.",
         '"two recommendations", but 3 are listed: that the strategy be approved; that the '
         "budget be increased; that a review take place"),
        ("Apologies were received from two members: Councillors Ahmed, Baker and Carter.",
         '"two members", but 3 are listed: Councillors Ahmed; Baker; Carter'),
        ("Apologies were received from two members (Councillors Ahmed, Baker and Carter).",
         '"two members", but 3 are listed: Councillors Ahmed; Baker; Carter'),
    ],
)  # fmt: skip
def test_flags(text, message):
    assert messages("T003", text) == [("error", message)]


@pytest.mark.parametrize(
    "text",
    [
        "The panel heard from three witnesses: the tenant, the landlord and the housing officer.",
        "Two options were considered: to repair the roof, or to replace it and sell the slates.",
        "The Chair reported three matters: the budget, which had been agreed, the new clerk, who "
        "starts in May, and the website.",
        "The performance was broken down across the 9 teams – Clifton, Wingfield, Oakwood, Town "
        "Centre and Canklow, Dinnington, Maltby, Wath, Swinton, Dalton and Rawmarsh.",
        # a count with no list, or a list with no count
        "The three action plans were all completed.",
        "The sub-group comprised Councillors Ahmed, Baker and Carter.",
        # brackets that qualify the count, not list its items
        "In the 18 cases (YCC and above) 4 young people had recorded SEN.",
        "Apologies were received from three members (Councillors Ahmed, Baker and Carter).",
        # amounts with thousands separators, and what the items come to after them
        "Three applications had been received: the Youth Trust (£2,500), Friends of Mill "
        "Park (£800) and the Singers (£450), a total of £3,750.",
        "Two bids were received: Hallam Roofing at £12,400 and Dale Builders at £13,150.",
    ],
)
def test_does_not_flag(text):
    assert messages("T003", text) == []


def test_a_list_with_its_total_after_it_is_still_counted():
    text = (
        "Four applications had been received: the Youth Trust (£2,500), Friends of Mill "
        "Park (£800) and the Singers (£450), a total of £3,750."
    )
    assert [m for _, m in messages("T003", text)] == [
        '"Four applications", but 3 are listed: the Youth Trust (£2,500); Friends of Mill '
        "Park (£800); the Singers (£450)"
    ]


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "T003"])
    assert result.exit_code == 0
    assert result.output.startswith("T003 count-mismatch (total, error)\n")


# ------------------------------------------------------------ the example and the real ones


def test_the_planted_count_in_the_example():
    result = check(EXAMPLES / "draft_minutes_2024-06-11.md", select=("T003",))
    assert located(result) == [
        (
            109,
            "T003",
            "error",
            '"three partner organisations", but 4 are listed: West Pennine Police; West Pennine '
            "Fire and Rescue Service; the Probation Service; Thornbridge Victim Support",
        )
    ]


@pytest.mark.parametrize(
    "name", ["agenda_2024-06-11.txt", "minutes_2024-05-14.txt", "work_programme_2024-25.txt"]
)
def test_the_other_example_documents_are_consistent(name):
    # the agenda's "(15)" with 15 names; "four priorities" with four listed
    assert check(EXAMPLES / name, select=("T003",)).findings == []


def test_the_membership_of_seed_004():
    result = check(seed("004"), select=("T003",))
    assert located(result) == [
        (
            52,
            "T003",
            "error",
            "the membership is stated as 18, but 17 names are listed (the Chair and Vice-Chair "
            'included): "Marles Marriott" may be two names with a comma missing',
        )
    ]
    (f,) = result.findings
    assert [r.line for r in f.related] == [42, 44, 51, 52]


def test_the_membership_with_its_comma_back_is_consistent(tmp_path):
    path = variant(tmp_path, seed("004"), ("Marles Marriott", "Marles, Marriott"))
    assert check(path, select=("T003",)).findings == []


def test_no_other_count_mismatch_in_the_real_documents():
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    result = check(*documents, select=("T003",))
    assert [str(e) for e in result.errors] == []
    assert [(Path(f.path).name, f.line) for f in result.findings] == [(seed("004").name, 52)]


def test_the_recorded_votes_are_counted_and_consistent():
    path = corpus("limerick-metropolitan/2021-01-27_minutes.md")
    assert check(path, select=("T003",)).findings == []


def test_a_recorded_vote_with_a_name_missing_is_found(tmp_path):
    source = corpus("limerick-council/2020-12-03_minutes.md")
    path = variant(tmp_path, source, ("Hartigan, Novak, O’Dea", "Hartigan, O’Dea"))
    assert [(f.line, f.message) for f in check(path, select=("T003",)).findings] == [
        (748, "(8) is stated, but 7 names are listed: Carey; Collins; Hartigan; O’Dea; "
         "O’Donovan; Ryan; ... (1 more)")
    ]  # fmt: skip
