"""T005 part-exceeds-whole: what it must flag, what it must not, and the real documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SHARED, all_real_documents, corpus, seed
from engine_support import check, variant
from totals_support import file_relations, located, messages, minutes_messages

from minlint.cli import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules_totals"


def test_the_planted_parts_and_votes_in_the_fixtures():
    result = check(FIXTURES, select=("T005",))
    assert [(Path(f.path).name, f.line, f.message) for f in result.findings] == [
        ("officer_report.md", 31, "52 is more than the 46 it is part of"),
        (
            "parish_minutes.txt",
            23,
            "carried by 5 votes to 3: 8 votes cast, but 6 members are recorded present "
            "(6 in the Present list)",
        ),
    ]
    vote = result.findings[1]
    assert [(r.line, r.message) for r in vote.related] == [(3, "recorded present")]


def test_the_consistent_parts_of_the_fixture_are_read():
    parts = {
        (p.part.text, p.whole.text) for p in file_relations(FIXTURES / "officer_report.md").parts
    }
    assert {("9", "46"), ("1,390", "1,540"), ("210", "820"), ("640", "2,410")} <= parts


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Of the 20 women, 24 attended the course.", "24 is more than the 20 it is part of"),
        ("Some 312 of the 212 households were helped.",
         '312 is more than the 212 it is part of ("312" is hedged ("some"))'),
        ("The Clerk reported 3 planning applications, 4 of which were approved.",
         "4 is more than the 3 it is part of"),
        ("It costs £2,088,480 over five years, of which £2,631,683 is cashable.",
         "£2,631,683 is more than the £2,088,480 it is part of"),
    ],
)  # fmt: skip
def test_parts_larger_than_their_whole(text, message):
    assert [m for _, m in messages("T005", text)] == [message]


@pytest.mark.parametrize(
    ("attendance", "vote", "message"),
    [
        ("Present:- Councillor Ahmed (in the Chair); Councillors Baker, Carter and Davies.",
         "The motion was carried by 4 votes to 1.",
         "carried by 4 votes to 1: 5 votes cast, but 4 members are recorded present "
         "(4 in the Present list)"),
        ("Present:- Councillors Baker, Carter and Davies.",
         "There were 2 votes in favour and 1 against, with 1 abstention.",
         "2 votes in favour and 1 against, with 1 abstention: 4 votes cast, but 3 members are "
         "recorded present (3 in the Present list)"),
        ("Present: Cllr Smith (Chair), Cllr Jones, Cllr Brown, Cllr White",
         "The motion was carried with 4 votes in favour and 1 against.",
         "4 votes in favour and 1 against: 5 votes cast, but 4 members are recorded present "
         "(4 in the Present list)"),
        # the members' label of a town council; the vote recorded in the resolution
        ("Councillors present: Amy Lord (Mayor), Ben Carr, Cath Dunn, Dev Shah",
         "It was RESOLVED by 4 votes to 1 that the precept be set at £41,200.",
         "by 4 votes to 1: 5 votes cast, but 4 members are recorded present "
         "(4 in the Present list)"),
        # a vote written as American councils write it
        ("Present: Mayor Jensen, Councilmembers Ortiz, Patel and Quinn.",
         "Motion by Councilmember Ortiz, seconded by Councilmember Patel. Motion carried 5-0.",
         "carried 5-0: 5 votes cast, but 4 members are recorded present (4 in the Present list)"),
        ("The meeting was quorate with 7 members present.",
         "The budget was approved by 6 votes to 2.",
         'approved by 6 votes to 2: 8 votes cast, but 7 members are recorded present (stated '
         'as "7 members present")'),
    ],
)  # fmt: skip
def test_votes_exceeding_the_members_present(attendance, vote, message):
    assert minutes_messages("T005", attendance, vote) == [("error", message)]


@pytest.mark.parametrize(
    ("attendance", "vote"),
    [
        ("Present:- Councillor Ahmed (in the Chair); Councillors Baker, Carter and Davies.",
         "The motion was carried by 3 votes to 1."),
        # the chair, named apart from the list, can vote
        ("Councillor Ahmed in the Chair. Present:- Councillors Baker, Carter and Davies.",
         "The motion was carried by 3 votes to 1."),
        # a list that runs on without a full stop is not evidently complete
        ("Present:- Councillors Baker, Carter and", "The motion was carried by 9 votes to 1."),
        # no Present list at all
        ("The meeting was held online.", "The motion was carried by 9 votes to 1."),
        # a list broken over two paragraphs
        ("Present: Councillors Ahmed, Baker,", "The motion was carried by 6 votes to 1."),
        # the chair named apart: the members are under another heading
        ("PRESENT IN THE CHAIR: Councillor Kiely, Cathaoirleach",
         "The vote was 13 no. in favour and 7 no. against the proposed amendment."),
    ],
)  # fmt: skip
def test_votes_not_flagged(attendance, vote):
    assert minutes_messages("T005", attendance, vote) == []


@pytest.mark.parametrize(
    "text",
    [
        "Of the 20 women, 12 attended the course.",
        "Only five of the sixteen schools did not take part.",
        "More than 6,200 young people live here, 299 of these individuals are not in work.",
        "The council agreed to contribute £500 of the £1,000 set aside in the budget.",
    ],
)
def test_parts_within_their_whole(text):
    assert messages("T005", text) == []


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "T005"])
    assert result.exit_code == 0
    assert result.output.startswith("T005 part-exceeds-whole (total, error)\n")
    assert "evidently complete" in result.output


# ------------------------------------------------------------ the example and the real ones


def test_the_planted_vote_in_the_example():
    result = check(EXAMPLES / "draft_minutes_2024-06-11.md", select=("T005",))
    assert located(result) == [
        (
            62,
            "T005",
            "error",
            "carried by 11 votes to 5: 16 votes cast, but 15 members are recorded present "
            "(14 in the Present list, 1 co-opted member)",
        )
    ]
    assert [r.line for r in result.findings[0].related] == [7, 9]


def test_the_parts_within_their_wholes_in_the_example():
    parts = {
        (p.part.text, p.whole.text)
        for p in file_relations(EXAMPLES / "draft_minutes_2024-06-11.md").parts
    }
    assert {("9", "38"), ("22", "61"), ("97", "112"), ("128", "211"), ("312", "512")} <= parts
    for name in ("minutes_2024-05-14.txt", "agenda_2024-06-11.txt", "work_programme_2024-25.txt"):
        assert check(EXAMPLES / name, select=("T005",)).findings == []


def test_no_part_exceeds_its_whole_in_the_real_documents():
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    result = check(*documents, select=("T005",))
    assert [str(e) for e in result.errors] == []
    assert [(f.path, f.line, f.message) for f in result.findings] == []


@pytest.mark.parametrize(
    ("where", "part", "whole"),
    [
        ("004", "five", "sixteen"),
        ("003", "110", "188"),
        ("002", "299", "6200"),
        ("001", "£835,802", "£1,292,599"),
        ("000", "Three", "four"),
    ],
)
def test_parts_within_their_whole_in_the_seeds_are_read(where, part, whole):
    assert (part, whole) in {(p.part.text, p.whole.text) for p in file_relations(seed(where)).parts}


def test_recorded_votes_are_not_checked_against_an_incomplete_present_list():
    # The Present list of these minutes runs over two paragraphs and is read in part; the
    # vote of 28 to 8 names voters missing from what was read.
    assert check(corpus("limerick-council/2020-12-03_minutes.md"), select=("T005",)).findings == []


def test_a_vote_changed_in_a_real_document_is_found(tmp_path):
    source = corpus("tintern-wyevalley-cc/20191028_minutes.txt")
    path = variant(
        tmp_path, source, ("2793.   Correspondence:  None.", "2793.   Correspondence:  The "
                           "motion to write to MCC was carried by 7 votes to 2.")
    )  # fmt: skip
    assert [(f.line, f.message) for f in check(path, select=("T005",)).findings] == [
        (43, "carried by 7 votes to 2: 9 votes cast, but 8 members are recorded present "
         "(8 in the Present list)")
    ]  # fmt: skip


def test_the_example_records_as_the_readme_runs_them():
    """The totals rules on the bundled example, with its records, report the five planted
    mistakes of examples/README.md and nothing else: not the suppressed rough-sleeping
    counts (draft:91), and nothing in the agenda, the previous minutes or the work
    programme."""
    result = check(
        EXAMPLES,
        select=("T",),
        agenda=str(EXAMPLES / "agenda_2024-06-11.txt"),
        previous=str(EXAMPLES / "minutes_2024-05-14.txt"),
        records=(str(EXAMPLES),),
    )
    assert result.errors == []
    assert [(Path(f.path).name, f.line, f.code) for f in result.findings] == [
        ("draft_minutes_2024-06-11.md", 62, "T005"),
        ("draft_minutes_2024-06-11.md", 74, "T001"),
        ("draft_minutes_2024-06-11.md", 76, "T002"),
        ("draft_minutes_2024-06-11.md", 109, "T003"),
        ("draft_minutes_2024-06-11.md", 113, "T004"),
    ]
