"""Names compared as people: who can be one person, and which names look like another's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import corpus, seed
from hypothesis import given
from hypothesis import strategies as st

from minlint.lint.facts.identity import (
    FIRST_NAME,
    HONORIFIC,
    INITIAL,
    SPELLING,
    attendance_sightings,
    fold,
    mention_sightings,
    municipal_year,
    near_surname,
    on_one_roll,
    parse_name,
    rolls_of,
    same_person,
    variant,
)
from minlint.lint.parse import parse_path


def name(text: str, title: str | None = None):
    parsed = parse_name(text, title)
    assert parsed is not None, text
    return parsed


# --- reading names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "title", "given", "surname"),
    [
        ("Councillor Jane Sutcliffe", "Councillor", ("jane",), "sutcliffe"),
        ("Cllr. Z. Collingham", "Councillor", ("z",), "collingham"),
        ("Collins (B)", None, ("b",), "collins"),
        ("Mrs. P. Oldroyd", "Mrs", ("p",), "oldroyd"),
        ("O’Brien", None, (), "o'brien"),
        ("O‟Donoghue", None, (), "o'donoghue"),
        ("Fenwick-Green", None, (), "fenwick-green"),
        ("Sarah Novak Uí Chonchúir", None, ("sarah", "novak"), "ui chonchuir"),
        ("Mr Patrick O’Donovan T.", "Mr", ("patrick",), "o'donovan"),
    ],
)
def test_names_are_read_into_given_names_and_surname(written, title, given, surname):
    parsed = name(written)
    assert (parsed.title, parsed.given, parsed.surname) == (title, given, surname)


def test_nothing_that_can_be_a_surname_is_no_name():
    assert parse_name("Cllr") is None
    assert parse_name("J. K.") is None
    assert parse_name("") is None


def test_names_are_compared_without_case_accents_or_the_form_of_the_apostrophe():
    assert fold("O’Brien") == fold("O'Brien") == fold("O‟BRIEN") == "o'brien"
    assert fold("Chonchúir") == "chonchuir"


# --- one person or two --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Councillor J. Sutcliffe", "Councillor Jane Sutcliffe"),
        ("Mrs. Oldroyd", "Mrs. P. Oldroyd"),
        ("Cllr. K. Davies", "Kim Davies"),
        ("Sheehan (C)", "Councillor Conor Sheehan"),
        ("Sheahan (M)", "Michael Sheahan"),
        ("B. Collins", "Collins (B)"),
        ("O’Hanlon", "O’Hanlon (K)"),
        ("Novak", "Novak Uí Chonchúir"),
        ("S. Novak", "Sarah Novak Uí Chonchúir"),
        ("Ms O’Mahony Kennedy", "Ms Sheila O’Mahony Kennedy"),
    ],
)
def test_one_person_written_two_ways(a, b):
    assert same_person(name(a), name(b))
    assert same_person(name(b), name(a))
    assert variant(name(a), name(b)) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Real pairs of different people with near names, from the documents.
        ("Collins (B)", "Collins (J)"),
        ("Sheahan (J)", "Sheahan (K)"),
        ("Sheahan (M)", "Sheahan (K)"),
        ("Arwel Davies", "Kim Davies"),
        ("Alun Davies", "Joseph Davies"),
        ("Chris Edge", "Corinna Edge"),
        ("M. Collins", "Collins (B)"),
        ("Conor Sheehan", "Michael Sheahan"),
        ("Mr Wood", "Mrs Wood"),
    ],
)
def test_two_people(a, b):
    assert not same_person(name(a), name(b))


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("Elliott", "Elliot", SPELLING),
        ("M. Elliott", "Elliot", SPELLING),
        ("Philips", "Phillips", SPELLING),
        ("Hubert Gwynne", "Hubert Gwynn", SPELLING),
        ("O. William", "Owen Williams", SPELLING),
        ("Web", "Webb", SPELLING),
        ("Shaehan", "Sheahan", SPELLING),
        ("Paul Williams", "Paula Williams", FIRST_NAME),
        ("Alan Davies", "Alun Davies", FIRST_NAME),
        ("K. Sutcliffe", "Jane Sutcliffe", INITIAL),
        ("Ms. Rees", "Mrs. J. Rees", HONORIFIC),
    ],
)
def test_variants(a, b, kind):
    assert variant(name(a), name(b)) == kind


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Arwel Davies", "Alun Davies"),  # first names far apart
        ("Conor Sheehan", "Michael Sheahan"),  # both names differ
        ("Leahy", "Leddy"),
        ("Hall", "Hill"),  # short names: a real surname each
        ("Mr Asante", "Mrs Asante"),  # husband and wife, or a slip: not for a spelling rule
        ("Marles", "Marriott"),
    ],
)
def test_not_variants(a, b):
    assert variant(name(a), name(b)) is None


def test_near_surnames_follow_the_configured_distance():
    assert near_surname("bennett-sylvester", "benet-sylvester", 2)
    assert not near_surname("bennett-sylvester", "benet-sylvester", 1)
    # Short names allow one slip only.
    assert not near_surname("ryan", "rean")
    assert near_surname("khan", "kahn")  # letters swapped


def test_the_municipal_year_starts_in_may():
    assert municipal_year(dt.date(2024, 4, 30)) == 2023
    assert municipal_year(dt.date(2024, 5, 1)) == 2024


@given(st.text(max_size=80), st.sampled_from([None, "Councillor", "Mrs"]))
def test_any_text_reads_as_a_name_or_none(text, title):
    parsed = parse_name(text, title)
    if parsed is not None:
        assert parsed.surname
        assert same_person(parsed, parsed)
        assert variant(parsed, parsed) is None


# --- the real documents -----------------------------------------------------------------


def test_real_present_lists_name_different_people_alike():
    """Limerick's full council: four Sheahans and a Sheehan, two Collinses and two Ryans
    on one Present list are different people (a list names each once)."""
    part = parse_path(corpus("limerick-council/2020-09-28_minutes.md")).minutes[0]
    listed = attendance_sightings(part, "x")
    names = {s.name.text: s.name for s in listed}
    for a, b in [
        ("Sheahan (J)", "Sheahan (K)"),
        ("Sheahan (M)", "Sheehan"),
        ("Collins (B)", "Collins (J)"),
        ("Ryan (E)", "Ryan (M)"),
    ]:
        assert on_one_roll(names[a], names[b], rolls_of(listed)), (a, b)


def test_councillors_named_in_full_are_the_members_of_the_list():
    """Limerick's metropolitan district asked for its minutes to tell Councillor Conor
    Sheehan and Councillor Michael Sheahan apart: each is one member of the list."""
    part = parse_path(corpus("limerick-metropolitan/2021-01-18_minutes.md")).minutes[0]
    listed = attendance_sightings(part, "x")
    mentions = {s.name.text: s for s in mention_sightings(part, "x")}
    for full, listed_as in (("Conor Sheehan", "Sheehan (C)"), ("Michael Sheahan", "Sheahan (M)")):
        matches = [s.name.text for s in listed if same_person(mentions[full].name, s.name)]
        assert matches == [listed_as]


def test_a_councillor_in_running_text_keeps_the_initial_that_tells_two_apart():
    part = parse_path(corpus("limerick-council/2020-12-03_minutes.md")).minutes[0]
    texts = {s.name.text for s in mention_sightings(part, "x")}
    assert {"Sheahan (J)", "Ryan (E)", "Collins (B)"} <= texts


def test_mentions_in_running_text_leave_out_the_lists():
    part = parse_path(seed("003")).minutes[0]
    found = mention_sightings(part, "x")
    assert all(s.line > 15 for s in found)
    elliott = [s for s in found if s.name.surname == "elliott"]
    assert [(s.line, s.column, s.minute) for s in elliott] == [(740, 1, 26)]


# --- any text in, no exception out ------------------------------------------------------

ATTENDANCE_PIECES = st.sampled_from(
    [
        "\n", "\n\n", " ", ", ", " and ", " & ", ".", "(", ")", "(B)", "(in the Chair); ",
        "Present:- ", "Councillor ", "Councillors ", "Cllr. ", "Cllrs ", "Mrs. ", "Mr ", "Ms ",
        "County Cllr ", "Apologies for absence:- ", "Apologies were received from ",
        "An apology for late arrival was received from ", "sent her apologies", "Absent: ",
        "left the meeting at 7.10 p.m.", " and re-joined the meeting at 7.20 p.m.",
        "arrived at 6.15 p.m.", "took the Chair", " asked", " said that", " declared an interest",
        " moved, and ", " seconded", "Proposed by Councillor ", "Seconded by Councillor ",
        "was in attendance at the Chair's request", "(substitute for Councillor ", "19.   ",
        "20.   DECLARATIONS OF INTEREST", "Resolved:- ", "Sheahan", "Sheehan", "Clark", "Clarke",
        "O’Brien", "Novak Uí Chonchúir", "Jane Sutcliffe", "J. ", "Head of Inclusion",
        "Paula Williams, Head of Service, presented", "Select Commission", "Select Committee",
    ]
)  # fmt: skip
ATTENDANCE_TEXT = st.lists(st.one_of(ATTENDANCE_PIECES, st.text(max_size=8)), max_size=50).map(
    "".join
)


@given(ATTENDANCE_TEXT, ATTENDANCE_TEXT, ATTENDANCE_TEXT)
def test_any_minutes_give_people_and_the_rules_never_fail(header, first, second):
    from engine_support import run_rule

    from minlint.lint.facts.participation import absences, away_periods, participations
    from minlint.lint.parse import parse_document
    from minlint.lint.readers import read_text_as

    # Generated text inside the frame of minutes, so that the model reads minutes parts.
    text = (
        f"LICENSING PANEL\nTuesday, 6th February, 2024\n\nPresent:- {header}\n\n"
        f"1.   DECLARATIONS OF INTEREST\n\n{first}\n\n2.   STREET TRADING\n\n{second}\n"
    )
    parsed = parse_document(read_text_as(text, "draft.txt", ".txt"))
    assert parsed.minutes
    for part in parsed.minutes:
        mentions = mention_sightings(part, "draft.txt")
        for s in [*attendance_sightings(part, "draft.txt"), *mentions]:
            assert s.line >= 1 and s.name.surname
        absences(part, "draft.txt")
        participations(part, mentions)
        away_periods(part)
    for code in ("A001", "A002", "A003", "A004"):
        for finding in run_rule(code, parsed):
            assert finding.line >= 1 and finding.message


_NAME_TEXT = st.text(alphabet="Ann Lee’'_-é1 \n\t.", max_size=40)


@given(_NAME_TEXT, _NAME_TEXT, st.integers(min_value=0, max_value=45))
def test_a_name_is_found_where_a_pattern_of_its_words_finds_it(hay: str, name: str, after: int):
    """A name is looked for word by word; the pattern it replaced is the reference."""
    import re

    from minlint.lint.blocks import Block
    from minlint.lint.facts.identity import _find_in

    words = [re.escape(w) for w in name.split()]
    expected = None
    if words:
        pattern = re.compile(r"(?<![\w’'])" + r"\s+".join(words) + r"(?![\w’'])")
        m = pattern.search(hay, after)
        expected = (m.start(), m.end()) if m else None
    block = Block(kind="paragraph", text=hay, line=1, end_line=1)
    assert _find_in(block, name, after) == expected


def _doubled_by_every_deletion(short: str, long_: str) -> bool:
    return len(long_) == len(short) + 1 and any(
        long_[k] == long_[k - 1] and long_[:k] + long_[k + 1 :] == short
        for k in range(1, len(long_))
    )


@given(st.text("abc", max_size=9), st.text("abc", max_size=10))
def test_a_doubled_letter_is_found_at_the_first_difference(short: str, long_: str):
    """Whether a surname is another with a letter doubled ("Philips", "Phillips") is
    read at the first letter where they differ, not by trying every deletion (which is
    quadratic in a "surname" of thousands of letters from a damaged file)."""
    from minlint.lint.facts.identity import _doubled

    assert _doubled(short, long_) == _doubled_by_every_deletion(short, long_)
    for k in range(len(short)):
        assert _doubled(short, short[: k + 1] + short[k:]), (short, k)
