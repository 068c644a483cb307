from __future__ import annotations

import re

import pytest
from conftest import all_real_documents, corpus, seed
from hypothesis import given, settings
from hypothesis import strategies as st

from minlint.lint.facts.references import find_references


def read(text: str) -> list[tuple[str, str, int, str | None, str | None]]:
    return [(r.text, r.kind, r.number, r.part, r.subject) for r in find_references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("as agreed at Minute No. 97.", [("Minute No. 97", "minute", 97, None, None)]),
        ("see Minute 102 for", [("Minute 102", "minute", 102, None, None)]),
        ("under minute number 54,", [("minute number 54", "minute", 54, None, None)]),
        ("in Min. 7 the panel", [("Min. 7", "minute", 7, None, None)]),
        (
            "Further to Minute No. 13(3) (Parks Review), the",
            [("Minute No. 13(3) (Parks Review)", "minute", 13, "3", "Parks Review")],
        ),
        (
            "with regard to Minute No. 8 (Budget Update), it",
            [("Minute No. 8 (Budget Update)", "minute", 8, None, "Budget Update")],
        ),
        (
            "an interest in agenda item 9, the",
            [("agenda item 9", "agenda_item", 9, None, None)],
        ),
        ("Agenda Item 2 was deferred", [("Agenda Item 2", "agenda_item", 2, None, None)]),
        ("AGENDA ITEM 4", [("AGENDA ITEM 4", "agenda_item", 4, None, None)]),
        ("(Agenda item 3)", [("Agenda item 3", "agenda_item", 3, None, None)]),
        ("under Agenda No. 2792.", [("Agenda No. 2792", "agenda_item", 2792, None, None)]),
        ("Item No. 4 was taken next", [("Item No. 4", "agenda_item", 4, None, None)]),
        ("took item 9 on the agenda first", [("item 9", "agenda_item", 9, None, None)]),
        (
            "Minute 5(2)(b) (Parking) said",
            [("Minute 5(2)(b) (Parking)", "minute", 5, "2", "Parking")],
        ),
    ],
)
def test_references(text, expected):
    assert read(text) == expected


def test_lists_give_one_reference_each():
    got = read("see Minutes Nos. 12 and 13")
    assert [(r[1], r[2]) for r in got] == [("minute", 12), ("minute", 13)]
    assert got[0][0] == "Minutes Nos. 12" and got[1][0] == "13"
    got = read("Minute Nos. 4, 5 and 6 (Finance) were")
    assert [r[2] for r in got] == [4, 5, 6]
    assert got[-1][4] == "Finance" and got[0][4] is None
    got = read("agenda items 4 & 5")
    assert [(r[1], r[2]) for r in got] == [("agenda_item", 4), ("agenda_item", 5)]


def test_subject_across_a_line_break():
    (r,) = find_references(
        "an interest in Minute No. 111 \n(Young Carers' Survey 2017 –\nReport), as"
    )
    assert r.number == 111
    assert r.subject == "Young Carers' Survey 2017 – Report"


@pytest.mark.parametrize(
    "text",
    [
        "Page 1 Agenda Item 2",
        "Page 14 Agenda Item 6",
        "within 10 minutes 3 people left",
        "the minutes of 5 March",
        "MINUTES 12 OCTOBER 2020",
        "the minute 5.3.2 in the plan",
        "item 9 of the list",
        "Item 10, Financial Donations",
        "the minutes were approved",
        "administem 5",
    ],
)
def test_not_references(text):
    assert find_references(text) == []


def test_footer_is_skipped_but_a_reference_beside_it_is_read():
    text = "Page 3 Agenda Item 5\nas noted in agenda item 7."
    assert [(r.kind, r.number) for r in find_references(text)] == [("agenda_item", 7)]


def test_offsets():
    text = "At Minute No. 5 (Roads), and agenda item 2, and Minutes Nos. 8 and 9."
    for r in find_references(text):
        assert text[r.start : r.end] == r.text


def test_seed_003_reference():
    refs = find_references(seed("003").read_text())
    first = refs[0]
    assert (first.kind, first.number, first.part, first.subject) == (
        "minute",
        13,
        "3",
        "Domestic Abuse Update",
    )


def test_seed_004_repeated_subject():
    refs = find_references(seed("004").read_text())
    by_number = {r.number: r.subject for r in refs if r.kind == "minute"}
    assert by_number[103] == "Domestic Abuse Update"
    assert by_number[101] == "Communications"


def test_seed_000_agenda_item_and_footer():
    text = seed("000").read_text()
    refs = find_references(text)
    items = [r.number for r in refs if r.kind == "agenda_item"]
    # two declarations of interest name agenda item 9; the pack's page footers
    # ("Page N Agenda Item M") are not references
    assert items == [9, 9]
    assert "Agenda Item 2" in text


def test_merton_agenda_items_in_minutes():
    refs = find_references(
        corpus("merton-audit-committee/2009-10-22_audit-committee_agenda-pack.txt").read_text()
    )
    assert [r.number for r in refs if r.kind == "agenda_item"] == [3, 4, 4, 5, 6, 7]


def test_real_documents_sane():
    docs = all_real_documents()
    if not docs:
        pytest.skip("the real documents are absent")
    count = 0
    texts = [path.read_text(errors="replace") for path in docs]
    for text in texts:
        for r in find_references(text):
            count += 1
            assert text[r.start : r.end] == r.text
            assert r.kind in {"minute", "agenda_item"}
            assert r.number > 0
            assert not re.search(r"page\s+\d+\s*$", text[max(0, r.start - 12) : r.start], re.I)
    assert count >= 20


_PIECES = st.sampled_from(
    [
        *"0123456789 ,.()&\n",
        *("Minute", "minutes", "No.", "Nos.", "and", "agenda", "item"),
        *("Page", " on the agenda", "(Budget)", "(3)", "Item"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_property_structured_text(text):
    for r in find_references(text):
        assert text[r.start : r.end] == r.text
        assert r.number >= 0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_property_any_text(text):
    for r in find_references(text):
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end] == r.text


@pytest.mark.parametrize(
    ("text", "pair", "subject"),
    [
        ("See also minute 158/25.", (158, 25), None),
        ("under Minute No. 24/101 (Planning)", (24, 101), "Planning"),
        ("as resolved at minute FC/25/003", (25, 3), None),
    ],
)
def test_a_minute_number_written_with_its_year(text, pair, subject):
    (ref,) = find_references(text)
    assert (ref.pair, ref.subject, ref.number) == (pair, subject, pair[1])


@pytest.mark.parametrize("text", ["minutes 12/3/2024 were signed", "minute 5/10/24"])
def test_a_date_after_minute_is_no_reference(text):
    assert find_references(text) == []
