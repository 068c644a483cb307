from __future__ import annotations

import pytest
from conftest import all_real_documents, corpus, seed
from hypothesis import given, settings
from hypothesis import strategies as st

from minlint.lint.facts.dates import find_dates, find_times
from minlint.lint.facts.quantities import find_quantities


def read(text: str) -> list[tuple[str, float, str, str | None, str | None]]:
    return [(q.text, q.value, q.kind, q.currency, q.counts) for q in find_quantities(text)]


# ------------------------------------------------------------------ what is read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We saw 188 pupils.", [("188", 188.0, "integer", None, "pupils")]),
        ("a total of 1,292,599 visits", [("1,292,599", 1292599.0, "integer", None, "visits")]),
        ("a mean of 58.5 each", [("58.5", 58.5, "decimal", None, None)]),
        ("savings of £1.435m were made", [("£1.435m", 1435000.0, "money", "GBP", None)]),
        ("it cost £835,802 in all", [("£835,802", 835802.0, "money", "GBP", None)]),
        ("a grant of €2,500 was", [("€2,500", 2500.0, "money", "EUR", None)]),
        ("a budget of £50k for", [("£50k", 50000.0, "money", "GBP", None)]),
        ("dues of $24 a year", [("$24", 24.0, "money", "USD", None)]),
        ("about £3 million more", [("£3 million", 3e6, "money", "GBP", None)]),
        ("a fund of €1.4\nmillion", [("€1.4\nmillion", 1.4e6, "money", "EUR", None)]),
        ("a rise of 58.5% on", [("58.5%", 58.5, "percent", None, None)]),
        ("a fall of 21% percent,", [("21% percent", 21.0, "percent", None, None)]),
        ("some 37 per cent of", [("37 per cent", 37.0, "percent", None, None)]),
        ("up 4 percent", [("4 percent", 4.0, "percent", None, None)]),
        ("three schools took part", [("three", 3.0, "word", None, "schools")]),
        ("Two carers left", [("Two", 2.0, "word", None, "carers")]),
        ("a twelve-month trial", [("twelve-month", 12.0, "word", None, "month")]),
        ("a 24-hour line", [("24-hour", 24.0, "integer", None, "hour")]),
        ("twenty-one days later", [("twenty-one", 21.0, "word", None, "days")]),
        ("eighteen posts are vacant", [("eighteen", 18.0, "word", None, "posts")]),
        ("a hundred homes", [("a hundred", 100.0, "word", None, "homes")]),
        ("one hundred homes", [("one hundred", 100.0, "word", None, "homes")]),
        ("only one carer came", [("one", 1.0, "word", None, "carer")]),
        ("a rate of 4.92 this year", [("4.92", 4.92, "decimal", None, None)]),
        # money after a month's name is money, not a day
        ("Clerk's salary for May £412.00", [("£412.00", 412.0, "money", "GBP", None)]),
        ("rent for March €1,200 paid", [("€1,200", 1200.0, "money", "EUR", None)]),
    ],
)
def test_reads(text, expected):
    assert read(text) == expected


def test_count_and_percentage_side_by_side():
    got = read("Of the 240, 120 (50.0%) were new")
    assert got == [
        ("240", 240.0, "integer", None, None),
        ("120", 120.0, "integer", None, None),
        ("50.0%", 50.0, "percent", None, None),
    ]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("there were 45 children in care", "children"),
        ("15 young people attended", "people"),
        ("4 new foster carers were", "carers"),
        ("three local voluntary sector groups to", "groups"),
        ("at least 8 weeks advance notice", "weeks"),
        ("in 12 months' time", "months"),
        ("5 voted in favour", None),
        ("3 attending the event", None),
        ("we hired 2 Roma speaking workers", None),  # capitalised: too unsure
        ("12 only", None),
        ("45 of them", None),
        ("the council's 5 priorities", "priorities"),
    ],
)
def test_counts(text, counts):
    (q,) = find_quantities(text)
    assert q.counts == counts


def test_a_cell_that_is_only_a_number_is_read():
    assert read("213") == [("213", 213.0, "integer", None, None)]


# -------------------------------------------------------------- what is left out


@pytest.mark.parametrize(
    "text",
    [
        "as set out in Minute No. 97",
        "see Minutes Nos. 12 and 13",
        "declared an interest in agenda item 9",
        "under Section 47 of the Act",
        "Section 100(A) 4 of the Act",
        "in 2023 the board",
        "the 2022/23 municipal year",
        "(Pages 1 - 11)",
        "call 07554 436546",
        "phone +44 1709 822000 now",
        "for the 13th time",
        "the second report",
        "on 20 March 2020 at 5.30 p.m.",
        "from 9.30-11.30 a.m.",
        "16- and 17-year olds",
        "a 15-year-old girl",
        "aged 12 or over",
        "COVID-19 rates",
        "a range of 10-15 homes",
        "Year 6 pupils",
        "in Quarter 1",
        "version 2.3.21 of",
        "the Maven Plugin 2.18 was released",
        "we hired 2 Family Support Workers",
        "a 3:1 vote",
        "open 24/7",
        "18+ only",
        "in March 2020 the",
        "the Apr 16 - Mar 17 figures",
        "the meeting closed at 8.03",
        "one of the carers",
        "no one came",
        "a one-off grant",
        "Element Three funding",
        "the over 60's lunch",
        "see note [2]",
        "at 12 Acacia Avenue",
        "items 1 & 2 are done",
        "S60 2TH",
        "4x4 vehicles",
    ],
)
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_line_numbering_is_not_a_quantity():
    text = "Intro\n1.1 Purpose\n2) Scope\n19.   DECLARATIONS OF INTEREST\n- 3 cases closed"
    assert read(text) == [("3", 3.0, "integer", None, "cases")]


def test_page_number_alone_on_a_line():
    text = "the report was noted.\n\n7\n\nNext page text"
    assert find_quantities(text) == []


def test_resolution_parts_are_not_counts():
    assert find_quantities("Resolved:- (1) That the report be noted.") == []
    assert read("the members (18) met") == [("18", 18.0, "integer", None, None)]


def test_one_needs_a_noun():
    assert find_quantities("This is one.") == []
    assert read("one woman") == [("one", 1.0, "word", None, "woman")]


def test_offsets_and_text():
    text = "Costs: £1,200 in May and 3 visits, 40% done."
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text


# ---------------------------------------------------------------- real documents


def test_seed_003_children_missing_education_figures():
    text = seed("003").read_text()
    qs = find_quantities(text)
    pairs = [(q.value, q.kind, q.counts) for q in qs]
    assert (188.0, "integer", "children") in pairs
    assert (116.0, "integer", "families") in pairs
    assert (32.0, "integer", "cases") in pairs
    # "110 (58.5%)" of the 188: a count followed by its share
    for i, q in enumerate(qs):
        if q.value == 110.0 and qs[i + 1].kind == "percent":
            assert qs[i + 1].value == 58.5
            assert round(110 / 188 * 100, 1) == qs[i + 1].value
            break
    else:
        pytest.fail("110 (58.5%) not read")
    # the minute numbers and the resolution parts of the document are not amounts
    assert 19.0 not in [q.value for q in qs if q.start < 600]


def test_seed_000_money():
    qs = find_quantities(seed("000").read_text())
    money = {q.value for q in qs if q.kind == "money"}
    assert {1435000.0, 1292599.0, 2088480.0} <= money
    assert all(q.currency == "GBP" for q in qs if q.kind == "money")


def test_limerick_euros():
    qs = find_quantities(corpus("limerick-adare-rathkeale/2014-10-07_minutes.md").read_text())
    money = {q.value for q in qs if q.kind == "money"}
    assert {1428000.0, 600000.0, 50000.0, 121000.0} <= money
    assert all(q.currency == "EUR" for q in qs if q.kind == "money")


def test_tintern_financial_report():
    qs = find_quantities(corpus("tintern-wyevalley-cc/20230109_minutes.txt").read_text())
    money = [q.value for q in qs if q.kind == "money"]
    # revenue and capital spent to date add up to the stated total
    assert 10172.11 in money and 12228.84 in money and 22400.95 in money
    assert round(10172.11 + 12228.84, 2) == 22400.95
    # the minute numbers (3416, 3420, ...) are not amounts
    assert not [q for q in qs if q.kind == "integer" and q.value > 3000]


def test_real_documents_sane():
    docs = all_real_documents()
    if not docs:
        pytest.skip("the real documents are absent")
    total = 0
    for path in docs:
        text = path.read_text(errors="replace")
        dates = [(f.start, f.end) for f in find_dates(text)]
        times = [(t.start, t.end) for t in find_times(text)]
        for q in find_quantities(text):
            total += 1
            assert text[q.start : q.end] == q.text, path.name
            assert q.kind in {"integer", "decimal", "money", "percent", "word"}
            assert (q.currency is not None) == (q.kind == "money"), (path.name, q)
            assert q.value >= 0
            assert not (q.kind == "integer" and len(q.text) == 4 and 1900 <= q.value <= 2099), (
                path.name,
                q,
            )
            for s, e in dates + times:
                assert q.end <= s or q.start >= e, (path.name, q)
            assert q.counts is None or q.counts.islower() or "-" in q.text, (path.name, q)
    assert total > 1000


# -------------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    [
        *"0123456789 ,.-/:()%£€$\n'",
        *("m", "k", "per cent", "three", "twenty", "-one", "hundred", " children"),
        *("Minute No. ", "Section ", "March", " p.m.", "aged ", "-year olds"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_property_structured_text(text):
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.value >= 0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_property_any_text(text):
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
