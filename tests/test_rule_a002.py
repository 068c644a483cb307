"""A002 name-variant: a name that nearly matches a member or an officer."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, all_real_documents, corpus, seed
from docgen import docx_from_blocks
from engine_support import check, variant
from hypothesis import given, settings
from hypothesis import strategies as st

from minlint.cli import cli
from minlint.lint.parse import parse_path

HERE = Path(__file__).resolve().parent / "fixtures" / "rules_attendance"
DRAFT = HERE / "draft_2024-02-06.txt"
MANORDEILO = "mscc-manordeilo-salem"


def a002(path, **options):
    result = check(path, select=("A002",), **options)
    assert [str(e) for e in result.errors] == []
    return result.findings


def where(findings):
    return [(f.line, f.message) for f in findings]


# --- the bundled example ---------------------------------------------------------------


EXAMPLE_RECORDS = {
    "agenda": str(EXAMPLES / "agenda_2024-06-11.txt"),
    "previous": str(EXAMPLES / "minutes_2024-05-14.txt"),
    "records": (str(EXAMPLES),),
}


def test_the_example_planted_mistake_is_found():
    """Hirst and Hurst (two members), "Councillor J. Sutcliffe" (Jane Sutcliffe) and
    "Mrs. Oldroyd" (the co-opted Mrs. P. Oldroyd) are not variants."""
    draft = EXAMPLES / "draft_minutes_2024-06-11.md"
    (found,) = a002(draft, **EXAMPLE_RECORDS)
    assert (found.line, found.column, found.end_column) == (40, 14, 21)
    assert found.message == (
        '"Councillor Philips" is written "Phillips" in the list of those present, the '
        "membership in the agenda of 11 June 2024 and the list of those present of the "
        "minutes of 14 May 2024"
    )
    assert [(Path(r.path).name, r.line) for r in found.related] == [
        ("draft_minutes_2024-06-11.md", 7),
        ("agenda_2024-06-11.txt", 9),
        ("minutes_2024-05-14.txt", 6),
    ]
    assert (found.code, found.name, found.category, found.severity) == (
        "A002",
        "name-variant",
        "attendance",
        "warning",
    )


def test_the_example_without_records_compares_within_the_draft():
    draft = EXAMPLES / "draft_minutes_2024-06-11.md"
    assert where(a002(draft)) == [
        (40, '"Councillor Philips" is written "Phillips" in the list of those present')
    ]


def test_a_word_draft_gives_the_same_findings_as_its_text(tmp_path):
    draft = EXAMPLES / "draft_minutes_2024-06-11.md"
    blocks = parse_path(draft).document.blocks
    word = docx_from_blocks(blocks, tmp_path / "draft_minutes_2024-06-11.docx")
    text_findings = [(f.code, f.message) for f in check(draft, select=("A",)).findings]
    word_findings = [(f.code, f.message) for f in check(word, select=("A",)).findings]
    assert sorted(word_findings) == sorted(text_findings)
    assert {code for code, _ in text_findings} == {"A001", "A002", "A004"}


# --- written fixtures --------------------------------------------------------------------


def test_near_names_of_different_members_say_nothing():
    """Clark and Clarke, Sheahan and Sheehan, Davies (A) and Davies (R) all sit on the
    panel: every list names them apart."""
    assert a002(DRAFT, records=(str(HERE),)) == []
    assert a002(DRAFT) == []


def test_a_misspelled_member_in_the_text_is_found(tmp_path):
    draft = variant(
        tmp_path, DRAFT, ("Councillor Kowalczyk welcomed", "Councillor Kowalcyk welcomed")
    )
    (found,) = a002(draft)
    assert (found.line, found.column, found.end_column) == (51, 12, 20)
    assert found.message == (
        '"Councillor Kowalcyk" is written "Kowalczyk" in the list of those present and the text'
    )
    assert [r.line for r in found.related] == [5, 53]


def test_a_misspelled_member_in_the_present_list_is_found_against_the_membership(tmp_path):
    draft = variant(tmp_path, DRAFT, ("Lund,\n", "Lunde,\n"))
    for name in ("agenda_2024-02-06.txt", "minutes_2024-01-09.txt"):
        (tmp_path / name).write_text((HERE / name).read_text(encoding="utf-8"), encoding="utf-8")
    found = a002(draft, records=(str(tmp_path),))
    assert [(f.line, f.message) for f in found] == [
        (
            5,
            '"Councillor Lunde" is written "Lund" in the text, the membership in the agenda of '
            "6 February 2024 and the list of those present of the minutes of 9 January 2024",
        )
    ]


def test_a_councillor_with_another_office_is_not_taken_for_a_member(tmp_path):
    draft = variant(
        tmp_path,
        DRAFT,
        (
            "Councillor Clark said",
            "Councillor Lunde, Leader of the Council, said that he supported the review.\n\n"
            "Councillor Clark said",
        ),
    )
    assert a002(draft) == []


def test_a_name_close_to_two_people_says_nothing(tmp_path):
    # "Sheihan" is one letter from Sheahan and one from Sheehan: either could be meant.
    draft = variant(tmp_path, DRAFT, ("Councillor Sheahan asked", "Councillor Sheihan asked"))
    assert a002(draft) == []
    # "Clarck" is Clark or Clarke.
    draft = variant(tmp_path, DRAFT, ("Councillor Clark said", "Councillor Clarck said"))
    assert a002(draft) == []


def test_an_officer_named_again_with_another_first_name_in_the_same_minute(tmp_path):
    draft = variant(
        tmp_path,
        DRAFT,
        (
            "Councillor Clark said that the trade",
            "Councillor Clark thanked Pria Raman for the review and said that the trade",
        ),
    )
    (found,) = a002(draft)
    assert (
        found.message
        == '"Pria Raman" is written "Priya Raman" in the text, for the Licensing Manager'
    )
    # In another minute the same words are not evidence enough.
    draft = variant(tmp_path, DRAFT, ("thanked Priya Raman", "thanked Pria Raman"))
    assert a002(draft) == []


def test_an_officer_is_never_a_variant_of_a_councillor(tmp_path):
    draft = variant(
        tmp_path, DRAFT, ("Priya Raman, Licensing Manager", "Priya Lunde, Licensing Manager")
    )
    assert a002(draft) == []


def test_the_edit_distance_is_configurable(tmp_path):
    draft = variant(
        tmp_path, DRAFT, ("Councillor Kowalczyk welcomed", "Councillor Kowalzcyk welcomed")
    )
    assert len(a002(draft)) == 1  # letters swapped: one slip
    draft = variant(
        tmp_path, DRAFT, ("Councillor Kowalczyk welcomed", "Councillor Kovalcyk welcomed")
    )
    assert len(a002(draft)) == 1  # two letters apart
    (tmp_path / "minlint.toml").write_text("[thresholds]\nname-variant-distance = 1\n")
    assert a002(draft) == []


def test_the_bodys_own_name_with_another_kind_of_body_is_found(tmp_path):
    draft = variant(
        tmp_path,
        DRAFT,
        ("consider the Panel's views", "consider the Licensing and Appeals Committee's views"),
    )
    (found,) = a002(draft)
    assert (found.line, found.column, found.end_column) == (34, 83, 92)
    assert found.message == (
        '"Licensing and Appeals Committee" is written "Licensing and Appeals Panel" at the '
        "head of the minutes"
    )
    assert [r.line for r in found.related] == [1]


def test_other_bodies_named_alike_are_not_the_bodys_name(tmp_path):
    # A sub-group of the panel, and a body of one word before its kind.
    draft = variant(
        tmp_path,
        DRAFT,
        (
            "consider the Panel's views",
            "consider the views of the Licensing and Appeals Sub-Group and the Licensing Board",
        ),
    )
    assert a002(draft) == []


# --- the real documents --------------------------------------------------------------------


def test_seed_003_elliot_and_elliott_and_paula_and_paul_williams():
    path = seed("003")
    expected = [
        (617, '"Paul Williams" is written "Paula Williams" in the text, for the Head of Inclusion'),
        (740, '"Councillor M. Elliott" is written "Elliot" in the list of those present'),
    ]
    found = a002(path)
    assert where(found) == expected
    assert [(f.column, [r.line for r in f.related]) for f in found] == [(9, [297]), (1, [4])]
    # The records (Elliot on earlier agendas and minutes) confirm the reading.
    with_records = a002(path, records=(str(SEEDS),))
    assert [f.line for f in with_records] == [617, 740]


def test_seed_001_agenda_elliott_against_its_attached_minutes_elliot():
    path = seed("001")
    (found,) = a002(path)
    assert (found.line, found.message) == (
        7,
        '"Councillor Elliott" is written "Elliot" in the list of those present',
    )
    assert [r.line for r in found.related] == [84]


def test_seed_004_co_opted_member_ms_and_mrs_jones():
    path = seed("004")
    (found,) = a002(path)
    assert (found.line, found.severity) == (54, "info")
    assert found.message == '"Ms Jones" is written "Mrs J. Jones" in the apologies'
    # The records call her Ms. J. Jones too: the apologies' "Mrs" is the odd one.
    (found,) = a002(path, records=(str(SEEDS),))
    assert (found.line, found.message) == (
        66,
        '"Mrs J. Jones" is written "Ms Jones" in the membership',
    )


def test_manordeilo_o_william_for_owen_williams():
    for name, line in (("minutes_2020-02-12.html", 35), ("minutes_2020-03-11.html", 32)):
        found = a002(corpus(f"{MANORDEILO}/{name}"))
        assert [(f.line, f.message.split(" in ")[0]) for f in found] == [
            (line, '"Councillor O. William" is written "Owen Williams"')
        ], name


def test_manordeilo_hubert_gwynne_against_the_previous_minutes_gwynn():
    path = corpus(f"{MANORDEILO}/minutes_2020-03-11.html")
    found = a002(path, records=(str(path.parent),))
    gwynne = [f for f in found if "Gwynne" in f.message]
    assert [(f.line, f.message) for f in gwynne] == [
        (
            11,
            '"Councillor Hubert Gwynne" is written "Hubert Gwynn" in the apologies of the '
            'minutes of 12 February 2020 ("Gwynne" 4 times here)',
        )
    ]
    assert [(Path(r.path).name, r.line) for r in gwynne[0].related] == [
        ("minutes_2020-02-12.html", 15)
    ]
    # The minutes alone spell him one way.
    assert not [f for f in a002(path) if "Gwynne" in f.message]


@pytest.mark.parametrize(
    "relative",
    [
        "limerick-council/2020-09-28_minutes.md",
        "limerick-council/2020-12-03_minutes.md",
        "limerick-metropolitan/2021-01-18_minutes.md",
        "limerick-metropolitan/2021-01-27_minutes.md",
    ],
)
def test_sheahans_sheehans_collinses_and_ryans_are_different_people(relative):
    path = corpus(relative)
    assert a002(path, records=(str(path.parent),)) == []


def test_nothing_else_in_the_real_documents():
    documents = all_real_documents()
    if not documents:
        return
    result = check(*documents, select=("A002",), records=(str(SEEDS), str(CORPUS)))
    assert [str(e) for e in result.errors] == []
    assert sorted((Path(f.path).name, f.line) for f in result.findings) == [
        ("001_d9983ae3ff2d6261.txt", 7),
        ("003_1e29e6338641200d.txt", 617),
        ("003_1e29e6338641200d.txt", 740),
        ("004_2fbdf9215b9e6f15.txt", 66),
        ("minutes_2020-02-12.html", 35),
        ("minutes_2020-03-11.html", 11),
        ("minutes_2020-03-11.html", 32),
    ]


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "name-variant"])
    assert result.exit_code == 0
    assert result.output.startswith("A002 name-variant (attendance, warning)\n")
    assert "Clark and Clarke" in result.output


def _every_variant_is_found(entries: list[tuple[str, str]], distance: int) -> None:
    """The surname index gives every written name that ``variant`` would pair with a
    name, without trying each name against each other."""
    from minlint.lint.facts.identity import parse_name, variant
    from minlint.rules.a002_name_variant import _NearSurnames

    names = [n for g, s in entries if (n := parse_name(f"{g}{s.capitalize()}", "Councillor"))]
    near = _NearSurnames(distance)
    for k, n in enumerate(names):
        near.add((n.text, n.title, str(k)), n)
    for a in names:
        found = {key[2] for key in near.around(a)}
        for k, b in enumerate(names):
            if variant(a, b, distance) is not None:
                assert str(k) in found, (a.text, b.text)


_SURNAMES = st.text(alphabet="aehilnorstuyABCDEFGHIJKLMNOPRSTW'-", min_size=1, max_size=10)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_SURNAMES, st.sampled_from(["", "J. ", "Jane ", "Mrs "])), max_size=12),
       st.integers(1, 3))  # fmt: skip
def test_the_names_a_name_may_be_a_variant_of_are_all_found(entries, distance):
    _every_variant_is_found(entries, distance)


# Surnames around the length where the index stops holding deletions and compares instead.
_LONG_SURNAMES = st.text(alphabet="abn", min_size=17, max_size=32)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_LONG_SURNAMES, st.sampled_from(["", "J. "])), max_size=8),
       st.integers(1, 3))  # fmt: skip
def test_long_surnames_find_the_names_they_may_be_a_variant_of(entries, distance):
    _every_variant_is_found(entries, distance)
