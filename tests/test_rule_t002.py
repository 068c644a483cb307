"""T002 percentage-mismatch: what it must flag, what it must not, and the real documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SHARED, all_real_documents, corpus, seed
from engine_support import check, variant
from totals_support import file_relations, located, messages

from minlint.cli import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules_totals"


def test_the_planted_percentage_in_the_fixture():
    result = check(FIXTURES, select=("T002",))
    assert located(result) == [(14, "T002", "error", "1,390 of 1,540 is 90.3%, not 92.3%")]
    (f,) = result.findings
    assert (f.column, f.end_column) == (61, 66)
    assert [(r.line, r.message) for r in f.related] == [(14, "count: 1,390"), (14, "base: 1,540")]


def test_the_consistent_percentages_of_the_fixture_are_read():
    found = {
        (p.count.text, p.base.text, p.percent.text)
        for p in file_relations(FIXTURES / "officer_report.md").percentages
    }
    assert {("498", "600", "83.0%"), ("72", "600", "12.0%"), ("30", "600", "5.0%")} <= found
    (change,) = file_relations(FIXTURES / "officer_report.md").changes
    assert (change.old.text, change.new.text, change.percent.text) == ("180", "230", "27.8%")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Of the 188 children, 110 (56.5%) had a previous episode.",
         "110 of 188 is 58.5%, not 56.5%"),
        ("In all 312 of the 512 households owed a duty (66.9%) were helped.",
         "312 of 512 is 60.9%, not 66.9%"),
        ("Officers inspected 640 homes. Of these, 371 (48.0%) had a serious hazard.",
         "371 of 640 is 58.0%, not 48.0%"),
        ("Of 250 responses, 150 (60%) were in favour, 75 (35%) against and 25 (10%) had no view.",
         "75 of 250 is 30%, not 35%"),
        ("The number of visits fell from 612,000 to 455,000, a drop of 27.5%.",
         "from 612,000 to 455,000 is a fall of 25.7%, not a fall of 27.5%"),
        ("Attendance rose from 1,200 to 1,500, an increase of 20%.",
         "from 1,200 to 1,500 is a rise of 25%, not a rise of 20%"),
        ("Income went from £40,000 to £44,000, a fall of 10%.",
         "from £40,000 to £44,000 is a rise of 10%, not a fall of 10%"),
        ("Complaints fell by 25% from 250 to 200.",
         "from 250 to 200 is a fall of 20%, not a fall of 25%"),
        ("Visits rose from 1.2 million to 1.5 million, an increase of 20%.",
         "from 1.2 million to 1.5 million is a rise of 25%, not a rise of 20%"),
        ("Satisfaction was 85% (498 of 600).", "498 of 600 is 83%, not 85%"),
        ("Police recorded 27 incidents, compared with 35 in the same quarter last year, a fall "
         "of 25%.", "from 35 to 27 is a fall of 23%, not a fall of 25%"),
        ("Of the sites inspected, 41/60 (72%) met the standard.", "41 of 60 is 68%, not 72%"),
        ("Speed checks recorded 212 vehicles, of which 38 (28%) exceeded the limit.",
         "38 of 212 is 18%, not 28%"),
    ],
)  # fmt: skip
def test_flags(text, message):
    assert messages("T002", text) == [("error", message)]


@pytest.mark.parametrize(
    "text",
    [
        # rounded, and cut short, to the decimals written
        "Of the 188 children, 110 (58.5%) had a previous episode.",
        "Of the 188 children, 110 (58%) had a previous episode.",
        "Of the 188 children, 110 (59%) had a previous episode.",
        "There are 7,625 premises, of which 981 are vacant (12.8%).",
        "Visits fell from 612,000 in 2019/20 to 455,000 in 2023/24, a drop of 25.7%.",
        # hedged: a point either way
        "Of the 240 tenants surveyed, approximately 180 (76%) were satisfied.",
        # percentages with no base in the text
        "Fly-tipping reports had risen by 9%.",
        "87% of fly-tips were removed within five days, against a target of 85%.",
        "7,513 children (16.6%) had a special educational need.",
        "Satisfaction was 83% (498 of 600).",
        "Complaints fell by 20% from 250 to 200.",
        "The 2024 fete raised £2,345, compared with £1,980 in 2023, an increase of 18.4%.",
        "The youth centre had 1,245 visits, up from 1,102, an increase of 13%.",
        "Speed checks recorded 212 vehicles, of which 38 (18%) exceeded the limit.",
    ],
)
def test_does_not_flag(text):
    assert messages("T002", text) == []


def test_a_hedged_figure_is_a_warning_that_says_so():
    assert messages(
        "T002", "Of the 240 tenants surveyed, approximately 180 (85%) were satisfied."
    ) == [("warning", '180 of 240 is 75%, not 85% ("180" is hedged ("approximately"))')]


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "percentage-mismatch"])
    assert result.exit_code == 0
    assert result.output.startswith("T002 percentage-mismatch (total, error)\n")


# ------------------------------------------------------------ the example and the real ones


def test_the_planted_percentage_in_the_example():
    result = check(EXAMPLES / "draft_minutes_2024-06-11.md", select=("T002",))
    assert located(result) == [(76, "T002", "error", "196 of 437 is 44.9%, not 46.2%")]


def test_the_consistent_percentages_of_the_example_are_read():
    draft = file_relations(EXAMPLES / "draft_minutes_2024-06-11.md")
    assert ("312", "512", "60.9%") in {
        (p.count.text, p.base.text, p.percent.text) for p in draft.percentages
    }
    assert [(c.old.text, c.new.text, c.percent.text) for c in draft.changes] == [
        ("612,000", "455,000", "25.7%")
    ]
    minutes = file_relations(EXAMPLES / "minutes_2024-05-14.txt")
    assert [(p.count.text, p.base.text, p.percent.text) for p in minutes.percentages] == [
        ("371", "640", "58.0%")
    ]
    assert check(EXAMPLES / "minutes_2024-05-14.txt", select=("T002",)).findings == []


def test_no_percentage_mismatch_in_the_real_documents():
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    result = check(*documents, select=("T002",))
    assert [str(e) for e in result.errors] == []
    assert [(f.path, f.line, f.message) for f in result.findings] == []


@pytest.mark.parametrize(
    ("prefix", "count", "base", "percent"),
    [
        ("003", "110", "188", "58.5%"),
        ("003", "354", "1,956", "18%"),
        ("003", "1,602", "1,956", "82%"),
        ("000", "71", "77", "92.2%"),
        ("000", "6", "77", "7.8%"),
        ("000", "16", "213", "7.5%"),
        ("000", "5", "18", "27.8%"),
        ("000", "8", "13", "61.5%"),
    ],
)
def test_consistent_percentages_in_the_seeds_are_read(prefix, count, base, percent):
    found = {
        (p.count.text, p.base.text, p.percent.text)
        for p in file_relations(seed(prefix)).percentages
    }
    assert (count, base, percent) in found


def test_a_percentage_changed_in_a_real_document_is_found(tmp_path):
    path = variant(tmp_path, seed("003"), ("110 (58.5%)", "110 (55.8%)"))
    assert [(f.line, f.message) for f in check(path, select=("T002",)).findings] == [
        (89, "110 of 188 is 58.5%, not 55.8%")
    ]


def test_a_vacancy_rate_cut_short_is_not_a_mistake():
    # 981 of 7,625 is 12.87%: "12.8%" is cut short, as reports often do
    path = corpus("limerick-council/2020-09-28_minutes.md")
    assert check(path, select=("T002",)).findings == []
