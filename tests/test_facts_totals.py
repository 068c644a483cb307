"""Relations between figures: which numbers the text ties together, and which it does not."""

from __future__ import annotations

import pytest
from conftest import all_real_documents
from hypothesis import given, settings
from hypothesis import strategies as st
from totals_support import parsed_of, relations_of, sums

from minlint.lint.facts.quantities import find_quantities
from minlint.lint.facts.totals import find_relations, sentences, show_value

# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Chq No. 1345 was paid. Next item.", ["Chq No. 1345 was paid.", "Next item."]),
        (
            "Mr. D. Asante sent apologies. He was away.",
            ["Mr. D. Asante sent apologies.", "He was away."],
        ),
        ("A rate of 58.5% was seen. Fine.", ["A rate of 58.5% was seen.", "Fine."]),
        ("Of the 213 cases in Q4. 62 of these", ["Of the 213 cases in Q4.", "62 of these"]),
        ("Report:  Attached.<br /><br />2320 Apologies", ["Report:  Attached.", "2320 Apologies"]),
        ("£12,278.37. Cheques of £625", ["£12,278.37.", "Cheques of £625"]),
    ],
)
def test_sentences(text, expected):
    assert [text[a:b].strip() for a, b in sentences(text)] == expected


# ----------------------------------------------------------------- totals and their parts


@pytest.mark.parametrize(
    ("text", "total", "parts"),
    [
        # opened on the whole
        ("Of the 41 referrals, 12 came from schools, 9 from health and 20 from the police.",
         41, (12, 9, 20)),
        ("Out of 30 schools, 22 were good, 5 outstanding and 3 required improvement.",
         30, (22, 5, 3)),
        ("The data was examined; of the 29 girls aged 14 and 15 3 live in the North, 6 in "
         "Central and 16 in the South, a further 4 were out of area.", 29, (3, 6, 16, 4)),
        # the total after its parts
        ("Revenue spend £3,118.40, capital spend £2,005.10, making a total spend of £5,123.50.",
         5123.5, (3118.4, 2005.1)),
        ("Income was £12,500 from grants and £3,250 from fees, giving a total income of £15,750.",
         15750, (12500, 3250)),
        ("They held 12 surgeries in May, 9 in June and 14 in July, 35 in total.", 35, (12, 9, 14)),
        ("dev 310 messages: 90 in Oct, 126 in Nov, and 94 in Dec", 310, (90, 126, 94)),
        ("Savings of £1.2m and £0.8m bring the total to £2.0m.", 2e6, (1.2e6, 0.8e6)),
        # the total before its parts
        ("There are 48 plots, of which 40 are let and 8 are vacant.", 48, (40, 8)),
        ("The budget of £45,000 comprises £30,000 for staff and £15,000 for running costs.",
         45000, (30000, 15000)),
        ("There were 120 applications, made up of 80 from residents and 40 from businesses.",
         120, (80, 40)),
        ("1,946 properties were licensed, 1,702 of them for five years and 244 for one year.",
         1946, (1702, 244)),
        ("The network has 20 buildings: 14 libraries and 6 hubs.", 20, (14, 6)),
        ("The grant of £5,000 was split between the youth club (£3,000) and the scouts (£2,000).",
         5000, (3000, 2000)),
        ("The precept was £29,340, made up of revenue £19,690 and capital £9,650.",
         29340, (19690, 9650)),
        # in brackets after the total
        ("6 live in Central (2 Clifton, 2 Oakwood, 1 Winterhill and 1 Wingfield).",
         6, (2, 2, 1, 1)),
        ("The precept is £18,840 (Revenue of £9,890 and Capital of £8,950).",
         18840, (9890, 8950)),
        # parts carrying their shares of the total
        ("There were 1,956 plans, with approximately 354 (18%) out of area and 1,602 (82%) "
         "in the Borough.", 1956, (354, 1602)),
    ],
)  # fmt: skip
def test_a_total_and_its_parts(text, total, parts):
    assert (total, parts) in sums(relations_of(text))


def test_the_sum_of_a_paragraph_and_an_added_figure_are_read_as_inferred():
    rel = relations_of(
        "A sum of £1,500 was set aside for the playground. A further £500 went to the club. "
        "Legal fees were set at £1,200. This makes a total of £3,200 on Projects."
    ).sums
    assert [(r.total.value, [p.value for p in r.parts], r.inferred) for r in rel] == [
        (3200, [1500, 500, 1200], True)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a balance, a subtraction, a rate: not sums
        "The balance was £12,278.37. Cheques of £625 were not presented, giving a total of "
        "£11,653.37.",
        "Net total spend of £14,615.84 on revenue of £14,777.45 and capital of £1,547.76.",
        "The hall was hired for 3 hours at £15 per hour.",
        # figures in a list, but nothing says they make a total
        "There were 3 Roma speaking workers and 2 Community Navigators.",
        "In Q1 there were 45 incidents, in Q2 38 and in Q3 41.",
        # a count of items is not the sum of figures inside them
        "Three options were put: keeping every site, merging four libraries, or handing up "
        "to five to community groups.",
        "A total of 63 people came to the three events (21, 18 and 24 respectively).",
        # a number that is not read as a figure leaves a hole in the list
        "Of the 41 referrals, 12 came from schools, 9A from health and 20 from the police.",
        # labels and dates between the figures are not parts
        "Of the 41 referrals received between 1 April and 30 June, under Section 47 of the "
        "Act, 12 came from Year 7 pupils.",
    ],
)
def test_no_sum_is_read(text):
    assert [r for r in relations_of(text).sums if len(r.parts) >= 2] == []


def test_labels_are_not_parts():
    rel = relations_of(
        "Of the 41 referrals made under Section 47 since 1 April 2024, 12 came from Year 7 "
        "pupils, 9 from Key Stage 2 pupils, 15 from the police (see Appendix 2) and 5 from "
        "families aged 16-18."
    )
    assert sums(rel) == [(41, (12, 9, 15, 5))]


def test_an_opening_whole_with_two_parts_may_be_only_some_of_it():
    (rel,) = relations_of("Of the 41 referrals, 12 came from schools and 9 from health.").sums
    assert not rel.exhaustive
    (rel,) = relations_of("Of the 41 referrals, 12 came from schools and the rest 29.").sums
    assert rel.exhaustive


# ------------------------------------------------------------------------- percentages


@pytest.mark.parametrize(
    ("text", "count", "base", "percent"),
    [
        ("Of the 188, 110 (58.5%) had a previous episode.", 110, 188, 58.5),
        ("Some 312 of the 512 households (60.9%) were helped.", 312, 512, 60.9),
        ("Officers inspected 640 homes. Of these, 371 (58.0%) had a hazard.", 371, 640, 58.0),
        ("Across the total 213 cases 7.5% (16) of these young people are looked after.",
         16, 213, 7.5),
        ("Of the 18 young people on statutory orders, 5 of these (27.8%) are looked after.",
         5, 18, 27.8),
        ("Of the 77 young people 71 (92.2%) had no further offences and the remaining 6 (7.8%) "
         "did.", 6, 77, 7.8),
    ],
)  # fmt: skip
def test_a_count_its_percentage_and_its_base(text, count, base, percent):
    found = [(p.count.value, p.base.value, p.percent.value) for p in relations_of(text).percentages]
    assert (count, base, percent) in found


def test_a_change_stated_as_a_percentage():
    (ch,) = relations_of("Visits fell from 612,000 in 2019/20 to 455,000, a drop of 25.7%.").changes
    assert (ch.old.value, ch.new.value, ch.percent.value, ch.direction) == (
        612000,
        455000,
        25.7,
        "fall",
    )


# ------------------------------------------------------------------------------- shares


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("By locality, 38% were in the North, 41% in Central and 27% in the South.",
         (38, 41, 27)),
        ("Reasons were cost (40%), distance (35%) and other reasons (25%).", (40, 35, 25)),
        ("The cohort was 73.2% male and 26.2% female.", (73.2, 26.2)),
        ("37% of the measures were below, 32% of measures within and 31% were above.",
         (37, 32, 31)),
    ],
)  # fmt: skip
def test_shares_of_one_whole(text, values):
    assert [tuple(f.value for f in g.shares) for g in relations_of(text).shares] == [values]


def test_shares_of_different_wholes_are_added_apart():
    groups = relations_of(
        "Boys make up 64% of the pupils referred and 52% of the school roll, while girls "
        "make up 36% of the pupils referred and 48% of the school roll."
    ).shares
    assert sorted(tuple(f.value for f in g.shares) for g in groups) == [(52, 48), (64, 36)]


@pytest.mark.parametrize(
    "text",
    [
        "93% had mental health issues, 72% domestic abuse and 33% homelessness.",
        "Performance was 87% against a target of 85%.",
        "The children were open to social care (14%) and early help (6%).",
        "Attendance rose from 72% to 78%, and 92% were registered.",
    ],
)
def test_percentages_that_are_not_shares_of_one_whole(text):
    assert relations_of(text).shares == []


# ------------------------------------------------------------------------- part of whole


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        ("Some 312 of the 512 households were helped.", 312, 512),
        ("Only five of the sixteen schools did not take part.", 5, 16),
        ("The scorecard has 56 measures, 22 of those targets can be benchmarked.", 22, 56),
        ("It costs £2,088,480 over five years, of which £1,631,683 is cashable.", 1631683, 2088480),
        ("There are 3 vacancies out of 24 posts.", 3, 24),
    ],
)
def test_a_part_of_a_whole(text, part, whole):
    assert (part, whole) in [(p.part.value, p.whole.value) for p in relations_of(text).parts]


@pytest.mark.parametrize(
    "text",
    [
        "Net spend was £14,615.84 after VAT of £1,709.37 was reclaimed.",
        "The budget was £19,690 and capital of £9,650 was agreed.",
        "Births avoided nine months after this, i.e. a total of 27 months.",
        "All but 23 of those hazards had been put right after at least one visit.",
    ],
)
def test_not_a_part_of_a_whole(text):
    assert relations_of(text).parts == []


# ---------------------------------------------------------------------------- messages


def test_values_are_shown_as_the_figures_are_written():
    rel = relations_of("Revenue £4,257, capital £4,945.86 making a total of £9,202.53.").sums[0]
    assert show_value(9202.86, [rel.total, *rel.parts]) == "£9,202.86"
    rel = relations_of("Of the 1,284, 512 were here, 437 there and 301 elsewhere.").sums[0]
    assert show_value(1250, [rel.total, *rel.parts]) == "1,250"


# ---------------------------------------------------------------------- any text at all


@settings(max_examples=200)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(list("0123456789 ,.;:()%£$-–and ofthe\n")) | st.characters(),
            max_size=120,
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_text_in_no_crash_out(paragraphs):
    paragraphs = [p.replace("\n", " ") or "x" for p in paragraphs]
    find_relations(parsed_of(*paragraphs))


def test_every_real_document_is_read_without_error():
    from minlint.lint.parse import parse_path

    for path in all_real_documents():
        find_relations(parse_path(path))


def test_the_quantities_the_relations_rest_on():
    read = [(q.text, q.value) for q in find_quantities("of the 29 girls aged 14 and 15 3 live")]
    assert read == [("29", 29.0), ("3", 3.0)]
    assert find_quantities("for the year ending 31% December, 2021") == []
    assert [q.text for q in find_quantities("VAT reclaimed of £491.36p.")] == ["£491.36p"]
    assert [q.text for q in find_quantities("Hall hire, Chq No 1343 £28.00")] == ["£28.00"]
    assert [q.text for q in find_quantities("12 in May, 9 in June")] == ["12", "9"]
    assert find_quantities("on 9 May, 2024") == []
