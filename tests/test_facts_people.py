"""Names as minutes write them: lists, honorifics, roles, officers in running text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from minlint.lint.facts.people import find_people, parse_person, split_names


def names(text: str) -> list[str]:
    return [p.name for p in split_names(text)]


def test_list_with_chair_initials_and_hyphens():
    people = split_names(
        "Councillor Okafor (in the Chair); Councillors Bell, R. Dyson, Hart-Lowe and Mary Pike"
    )
    assert [p.name for p in people] == ["Okafor", "Bell", "R. Dyson", "Hart-Lowe", "Mary Pike"]
    assert people[0].role == "chair"
    assert all(p.title == "Councillor" for p in people)


def test_parentheses_are_not_split():
    people = split_names(
        "Ms. K. Hale (Tenants' Forum, North Area), Mrs. B. Lund (Older People's Panel)"
    )
    assert [(p.name, p.title, p.role) for p in people] == [
        ("K. Hale", "Ms", "Tenants' Forum, North Area"),
        ("B. Lund", "Mrs", "Older People's Panel"),
    ]


def test_roles_and_welsh_style_lists():
    people = split_names("Chairman Cllr Mrs Evans, Cllrs Price, Morgan & the Clerk")
    assert [(p.name, p.role) for p in people] == [
        ("Evans", "chair"),
        ("Price", None),
        ("Morgan", None),
    ]
    assert people[0].title == "Councillor"


def test_vice_chair_spellings():
    assert parse_person("Dyson (Vice Chair)").role == "vice-chair"
    assert parse_person("Dyson (Vice-Chair)").role == "vice-chair"
    assert parse_person("Dyson (Chair)").role == "chair"


def test_trailing_words_after_a_name_are_dropped():
    person = parse_person("Mrs. A. Lund (Carers' Forum) for items about carers")
    assert (person.name, person.role) == ("A. Lund", "Carers' Forum")


def test_phrases_are_not_names():
    assert names("no apologies were received") == []
    assert names("the Clerk") == []
    assert parse_person("") is None


def test_find_people_titled_and_lists():
    text = "Councillors Bell, Hart-Lowe and McAllister met; Mrs. J. Pike and Dr Lund agreed."
    found = [(p.name, p.title) for p in find_people(text)]
    assert found == [
        ("Bell", "Councillor"),
        ("Hart-Lowe", "Councillor"),
        ("McAllister", "Councillor"),
        ("J. Pike", "Mrs"),
        ("Lund", "Dr"),
    ]
    for p in find_people(text):
        assert text[p.start : p.end] == p.name


def test_find_people_officers_with_posts():
    text = (
        "The Chair invited Rosa Lind, Head of Housing Options, Tom Baker, Service Manager "
        "(Temporary Accommodation) and Jo Reid, Assistant Director of Housing, to present."
    )
    found = [(p.name, p.role) for p in find_people(text)]
    assert found == [
        ("Rosa Lind", "Head of Housing Options"),
        ("Tom Baker", "Service Manager (Temporary Accommodation)"),
        ("Jo Reid", "Assistant Director of Housing"),
    ]


def test_find_people_ignores_capitalised_phrases():
    text = "The Select Commission, Chair of the panel, noted that Early Help, Lead Partner."
    assert find_people(text) == []


@given(st.text())
def test_any_text(text: str):
    for p in find_people(text):
        assert 0 <= p.start < p.end <= len(text)
    split_names(text)


def test_the_sentence_after_a_list_is_not_a_name():
    from minlint.lint.facts.people import split_names

    people = split_names("Cllr G. Tran (holiday). Apologies accepted.")
    assert [(p.name, p.role) for p in people] == [("G. Tran", "holiday")]
    people = split_names("Councillors Martin Whelton. Caroline Holland (Director of Finance)")
    assert [(p.name, p.role) for p in people] == [
        ("Martin Whelton", None),
        ("Caroline Holland", "Director of Finance"),
    ]
    # an initial, or a title, before a full stop is not the end of a name
    assert [p.name for p in split_names("Mrs. J. Jones, Dr. A. Khan")] == ["J. Jones", "A. Khan"]
