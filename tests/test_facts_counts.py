"""Stated counts and what they count; votes and the members recorded present."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, corpus, seed
from hypothesis import given
from hypothesis import strategies as st
from totals_support import parsed_of

from minlint.lint.facts.counts import attendance, find_votes, split_items, stated_counts
from minlint.lint.parse import parse_path


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("A, B and C", ["A", "B", "C"]),
        ("A, B, and C.", ["A", "B", "C"]),
        ("the tenant; the landlord, who owns two flats; and the officer",
         ["the tenant", "the landlord, who owns two flats", "the officer"]),
        ("West Pennine Police, West Pennine Fire and Rescue Service, the Probation Service and "
         "Thornbridge Victim Support",
         ["West Pennine Police", "West Pennine Fire and Rescue Service", "the Probation Service",
          "Thornbridge Victim Support"]),
        ("keeping every site, merging four libraries, or handing five to groups",
         ["keeping every site", "merging four libraries", "handing five to groups"]),
        ("Cusworth (Chair, ex officio), Jarvis and Khan", ["Cusworth (Chair, ex officio)", "Jarvis",
                                                           "Khan"]),
        ("that the plan be approved, that the budget be increased, and that it be reviewed",
         ["that the plan be approved", "that the budget be increased", "that it be reviewed"]),
    ],
)  # fmt: skip
def test_split_items(text, items):
    assert split_items(text) == items


@pytest.mark.parametrize(
    "text",
    [
        # "and" joins the names of single items elsewhere in the list: the last is unsure
        "Clifton, Town Centre and Canklow, Maltby, Dalton and Rawmarsh",
        # commas inside the items
        "the budget, which had been agreed, the new clerk, who starts in May, and the website",
        # two "and"s in the last piece
        "A, B and C and D",
    ],
)
def test_items_that_cannot_be_told_apart(text):
    assert split_items(text) is None


@given(st.text(max_size=200))
def test_split_items_takes_any_text(text):
    split_items(text)


# ------------------------------------------------------------------------ stated counts


def test_a_count_and_the_list_after_it():
    (c,) = stated_counts(
        parsed_of(
            "Representatives of three partner organisations attended: West Pennine Police, "
            "the Probation Service, Thornbridge Victim Support and Age Concern."
        )
    )
    assert (c.stated, c.noun, len(c.items), c.form) == (3, "partner organisations", 4, "listed")


def test_a_count_and_the_bullets_under_it():
    parsed = parse_path(seed("004"))
    found = {(c.block.locate(c.start)[0], c.stated, len(c.items)) for c in stated_counts(parsed)}
    assert (662, 4, 4) in found  # "highlighted 4 themes:" and four bullets


def test_bullets_a_reader_may_have_joined_are_allowed_for():
    # The extraction lost the bullet glyphs; the reader joins the last two bullets
    # ("Rates of Re-offending ... / Rates of Custody"), whose second line may be a bullet.
    parsed = parse_path(seed("000"))
    (c,) = [c for c in stated_counts(parsed) if c.block.locate(c.start)[0] == 973]
    assert (c.stated, len(c.items), c.more) == (3, 2, 1)


def test_the_membership_of_an_agenda_counted_as_written():
    (c,) = [c for c in stated_counts(parse_path(seed("004"))) if c.form == "membership"]
    assert c.stated == 18
    assert len(c.items) == 17  # "Marles Marriott" is one name as written
    assert "Marles Marriott" in c.items
    assert c.hint == '"Marles Marriott" may be two names with a comma missing'
    (c,) = stated_counts(parse_path(EXAMPLES / "agenda_2024-06-11.txt"))
    assert (c.stated, len(c.items), c.also) == (15, 15, 17)


def test_the_names_of_recorded_votes():
    parsed = parse_path(corpus("limerick-metropolitan/2021-01-27_minutes.md"))
    counted = [(c.stated, len(c.items)) for c in stated_counts(parsed)]
    assert counted == [
        (13, 13), (7, 7), (11, 11), (7, 7), (1, 1), (4, 4), (15, 15), (12, 12), (6, 6)
    ]  # fmt: skip
    assert "Novak Uí Chonchúir" in stated_counts(parsed)[1].items


# --------------------------------------------------------------------------------- votes


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The amendment was carried by 11 votes to 5.", (11, 5)),
        ("The motion was lost by 4 votes to 6, with 1 abstention.", (4, 6, 1)),
        ("There were 9 votes in favour and 3 against, with 2 abstentions.", (9, 3, 2)),
        ("The vote was 13 no. in favour of the amendment and 7 no. against the amendment.",
         (13, 7)),
        ("The motion was carried (For: 8, Against: 2, Abstentions: 1).", (8, 2, 1)),
        ("On a vote, the resolution was carried by nine votes to three.", (9, 3)),
    ],
)  # fmt: skip
def test_votes(text, counts):
    (part,) = parsed_of("Present:- Councillors A, B and C.", text).minutes
    (vote,) = find_votes(part)
    assert tuple(n for _, n in vote.counts) == counts


def test_recorded_votes_with_named_voters():
    (part,) = parse_path(corpus("limerick-council/2020-12-03_minutes.md")).minutes
    votes = [v for v in find_votes(part) if v.names]
    assert [(v.counts, len(v.names)) for v in votes] == [
        ((("for", 28), ("against", 8)), 36),
        ((("for", 16), ("against", 16)), 32),
    ]


# ---------------------------------------------------------------------------- attendance


def test_attendance_of_the_example_draft():
    (part,) = parse_path(EXAMPLES / "draft_minutes_2024-06-11.md").minutes
    found = attendance(part)
    assert found is not None
    assert (found.count, found.lines) == (15, (7, 9))
    assert found.detail == "14 in the Present list, 1 co-opted member"


@pytest.mark.parametrize(
    "path",
    [
        # "MEMBERS PRESENT:" broken across two paragraphs: the model read only the first
        "limerick-council/2020-12-03_minutes.md",
        # the members are under "MEMBERS IN ATTENDANCE", not read as present
        "limerick-metropolitan/2021-01-27_minutes.md",
    ],
)
def test_attendance_that_is_not_evidently_complete(path):
    (part,) = parse_path(corpus(path)).minutes
    assert attendance(part) is None


def test_attendance_of_a_community_council():
    (part,) = parse_path(corpus("tintern-wyevalley-cc/20191028_minutes.txt")).minutes
    found = attendance(part)
    assert found is not None
    assert found.count == 8  # the Chairman, six councillors and a county councillor; not the Clerk


@given(st.lists(st.text(max_size=120), min_size=1, max_size=4))
def test_any_minutes_text_in_no_crash_out(paragraphs):
    parsed = parsed_of(*[p.replace("\n", " ") or "x" for p in paragraphs])
    stated_counts(parsed)
    for part in parsed.parts:
        find_votes(part)
        attendance(part)


def test_a_hedged_count_is_not_a_count_of_the_list():
    assert (
        stated_counts(parsed_of("Some 12 groups took part: the WI, the scouts and others.")) == []
    )
