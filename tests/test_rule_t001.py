"""T001 sum-mismatch: what it must flag, what it must not, and the real documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SHARED, all_real_documents, corpus, seed
from engine_support import check, variant
from totals_support import file_relations, located, messages, sum_of

from minlint.cli import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules_totals"


# ------------------------------------------------------------------------ the fixtures


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "parish_minutes.txt",
            [
                (9, "T001", "error", "£4,310.25 + £2,875.40 = £7,185.65, not £7,158.65"),
                (19, "T001", "error", "5 + 3 + 2 = 10, not 9"),
            ],
        ),
        ("officer_report.md", [(18, "T001", "error", "30 + 14 = 44, not 46")]),
    ],
)
def test_the_planted_sums(name, expected):
    assert located(check(FIXTURES / name, select=("T001",))) == expected


def test_a_finding_points_at_the_total_and_relates_the_parts():
    result = check(FIXTURES / "parish_minutes.txt", select=("T001",))
    first = result.findings[0]
    assert (first.line, first.column, first.end_column) == (9, 151, 160)
    assert [(r.line, r.message) for r in first.related] == [
        (9, "part: £4,310.25"),
        (9, "part: £2,875.40"),
    ]
    assert (first.code, first.name, first.category) == ("T001", "sum-mismatch", "total")


def test_consistent_sums_in_the_fixtures_are_read_and_not_flagged():
    rels = {sum_of(r) for r in file_relations(FIXTURES / "parish_minutes.txt").sums}
    assert ("£628.60", ("£36.00", "412.60", "180.00")) in rels  # payments and their TOTAL
    assert ("£4,250", ("£2,000", "£750", "£1,500")) in rels  # "This makes a total of"
    assert ("£21,600", ("£14,100", "£7,500")) in rels  # (revenue ... and capital ...)
    assert ("£1,240", ("£620", "£410", "£210")) in rels  # "from 3 events: ..."
    rels = {sum_of(r) for r in file_relations(FIXTURES / "officer_report.md").sums}
    assert ("2,410", ("1,540", "640", "230")) in rels
    assert ("2,410", ("820", "940", "650")) in rels  # the table's Total row
    assert ("640", ("210", "260", "170")) in rels
    assert ("12", ("7", "5")) in rels
    assert ("600", ("498", "72", "30")) in rels


# ---------------------------------------------------------------------- forms and wording


@pytest.mark.parametrize(
    "text",
    [
        "Of the 41 referrals, 12 came from schools, 9 from health, 15 from the police and 7 "
        "from families.",
        "Revenue spend to date £3,118.40, capital spend £2,005.10, making a total spend of "
        "£5,213.50.",
        "The service received 41 referrals in total: 12 from schools, 9 from health and 22 from "
        "the police.",
        "The budget of £45,000 comprises £30,000 for staffing and £12,000 for running costs.",
        "There were 120 applications, made up of 80 from residents and 45 from businesses.",
        "The 75 complaints were broken down as follows: 40 about bins, 25 about fly-tipping and "
        "12 about street cleaning.",
        "There are 48 allotment plots, of which 40 are let and 9 are vacant.",
        "Ward councillors held 12 surgeries in May, 9 in June and 14 in July, 37 in total.",
        "The grant of £5,000 was split between the youth club (£3,000) and the scouts (£2,500).",
        "Payments totalled £1,245.60 (salary £980.00, hall hire £45.60 and insurance £230.00).",
        "Payments were £980 for salary and £230 for insurance (total £1,120).",
        "Bank balances: Current account £4,512.20, Deposit account £12,000.00, Total £16,521.20.",
        "Expenditure of £12,400 comprised £8,000 on staff, £3,100 on premises and £1,500 on "
        "supplies.",
        "There were 23 attendees (15 councillors and 9 members of the public).",
        "There are 11 seats on the council; 9 are filled and 3 are vacant.",
        "Grants of £250 to the youth club, £300 to the WI and £150 to the scouts, £750 in all.",
        "The police reported 14 crimes in March: 5 thefts, 4 burglaries, 3 cases of criminal "
        "damage and 3 assaults.",
        "Of the £5,000 set aside for the playground, £3,200 has been spent and £2,800 remains.",
        "The new play area cost £48,500, funded by a grant of £30,000 from the Lottery, £10,000 "
        "from the county council and £9,500 from reserves.",
        "Of the 12 applications considered, 5 were approved, 4 were refused and 4 were deferred.",
    ],
)
def test_flags(text):
    assert [severity for severity, _ in messages("T001", text)] == ["error"]


@pytest.mark.parametrize(
    "text",
    [
        "Of the 41 referrals, 12 came from schools, 9 from health, 15 from the police and 5 "
        "from families.",
        "Revenue spend to date £3,118.40, capital spend £2,005.10, making a total spend of "
        "£5,123.50.",
        "The council received £2.5m in grant, of which £1.5m was capital and £1.0m revenue.",
        "Savings of £1.2m in 2023/24 and £0.8m in 2024/25 make a total of £2.0m.",
        # parts that may be only some of the whole
        "Of the 41 referrals, 12 came from schools and 9 from health.",
        # a balance: subtraction, not a sum
        "The bank statement showed £12,278.37. Cheques to the value of £625 had not been "
        "presented, giving an actual total of £11,653.37.",
        "Net total spend of £14,615.84 on revenue of £14,777.45 and capital of £1,547.76.",
        # whole dollars in a finance statement may each be rounded
        "Income: donations $10,786, sponsorship $20,000 and interest $24, a total of $30,811.",
        # hedged, and within a tenth
        "Around 350 people came, of whom about 200 were children and 140 adults.",
        # a count of items, not a sum
        "The following three items were deferred: 5, 6 and 7.",
        # no total, or not a sum of the figures named
        "Receipts for the year were £24,500 and payments £22,100, leaving a surplus of £2,400.",
        "The invoice of £1,200 including VAT of £200 was approved.",
        "Resolved that the 3 quotes received (£1,200, £1,450 and £1,600) be considered.",
        "Attendance at the 4 surgeries was 12, 8, 15 and 9 people.",
        "There are 11 seats on the council; 9 are filled and 2 are vacant.",
        "Cllr Jones reported 14 potholes on the B4293, of which 6 had been repaired by 1 March.",
        "The clerk worked 120 hours in the quarter, 20 more than budgeted.",
        "The new play area cost £48,500, funded by a grant of £30,000 from the Lottery, £10,000 "
        "from the county council and £8,500 from reserves.",
        "The project cost £48,500, partly funded by a grant of £30,000 and £10,000 of reserves.",
        "A total of £2,340 was raised at the fete; the Council thanked the 24 volunteers.",
        "The cemetery has 420 plots, of which 385 are in use, leaving 35.",
        "Of the £10,000 budget for highways, £6,500 has been committed and £1,200 spent.",
        # a total alone after a list of amounts that make it
        "Payments approved: salary £412.00; grass cutting £360.00; hall hire £45.00. "
        "Total £817.00.",
        # a total alone after amounts that are no list of its parts
        "The grant was £500 and the hall costs £60 a month. Total reserves £12,000.",
        "Reserves: general £10,000, earmarked £2,500 (of which £500 for the playground). "
        "Total £12,500.",
        "Quotes of £1,200, £1,450 and £1,600 were received. Total budget £5,000.",
        "Quotes: £1,200, £1,450, £1,600. Total budget £5,000.",
    ],
)
def test_does_not_flag(text):
    assert messages("T001", text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Amount spent to date on revenue £4,257, capital £4,945.86 making a total of "
            "£9,202.53.",
            ("warning", "£4,257 + £4,945.86 = £9,202.86, not £9,202.53 (£4,257 is given in "
             "whole pounds and may be rounded)"),
        ),
        (
            "There were approximately 1,700 plans, with 354 (18%) out of area and 1,602 (82%) in "
            "the Borough.",
            ("warning", '354 + 1,602 = 1,956, not 1,700 ("1,700" is hedged ("approximately"))'),
        ),
        (
            "There had been 82 new referrals. There were an additional 14 cases open from "
            "before, bringing the active caseload to 98.",
            ("warning", "82 + 14 = 96, not 98 (the additional 14 read as added to the 82 the "
             "paragraph opens with)"),
        ),
        (
            "A sum of £1,500 was set aside for the playground. A further £500 went to the club. "
            "Legal fees were set at £1,200. This makes a total of £4,200 on Projects.",
            ("warning", "£1,500 + £500 + £1,200 = £3,200, not £4,200 (read as the sum of the "
             "amounts named before it in this paragraph)"),
        ),
        (
            "Payments approved: salary £412.00; grass cutting £360.00; hall hire £45.00. "
            "Total £827.00.",
            ("warning", "£412.00 + £360.00 + £45.00 = £817.00, not £827.00 (read as the sum of "
             "the amounts listed in the sentence before it)"),
        ),
        (
            "Payments: salary £412.00, grass cutting £360.00. Total payments: £782.00.",
            ("warning", "£412.00 + £360.00 = £772.00, not £782.00 (read as the sum of the "
             "amounts listed in the sentence before it)"),
        ),
    ],
)  # fmt: skip
def test_warnings_say_why(text, expected):
    assert messages("T001", text) == [expected]


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "T001"])
    assert result.exit_code == 0
    assert result.output.startswith("T001 sum-mismatch (total, error)\n")
    assert "Example:" in result.output


# ------------------------------------------------------------ the example and the real ones


def test_the_planted_sum_in_the_example_and_the_suppressed_one():
    draft = EXAMPLES / "draft_minutes_2024-06-11.md"
    result = check(draft, select=("T001",))
    assert located(result) == [(74, "T001", "error", "512 + 437 + 301 = 1,250, not 1,284")]
    # draft:91 (the rough-sleeping counts) is a mismatch the clerk suppressed: it is found,
    # and the suppression is used, so it is not reported as unused either
    rels = {sum_of(r) for r in file_relations(draft).sums}
    assert ("31", ("14", "11", "9", "12")) in rels
    assert check(draft, select=("T001",)).errors == []


def test_the_consistent_sums_of_the_example_are_read():
    rels = {sum_of(r) for r in file_relations(EXAMPLES / "draft_minutes_2024-06-11.md").sums}
    assert ("20", ("14", "6")) in rels
    assert ("211", ("38", "61", "112")) in rels
    rels = {sum_of(r) for r in file_relations(EXAMPLES / "minutes_2024-05-14.txt").sums}
    assert ("1,946", ("1,702", "244")) in rels
    assert ("214", ("131", "58", "25")) in rels
    for name in ("minutes_2024-05-14.txt", "agenda_2024-06-11.txt", "work_programme_2024-25.txt"):
        assert check(EXAMPLES / name, select=("T001",)).findings == []


REAL_FINDINGS = [
    ("000", 1108, "error", "3 + 6 + 16 + 2 = 27, not 29"),
    ("003", 95, "warning",
     "188 + 32 = 220, not 210 (the additional 32 read as added to the 188 the list opens with)"),
    ("tintern-wyevalley-cc/20200106_minutes.txt", 15, "warning",
     "£4,257 + £4,945.86 = £9,202.86, not £9,202.53 (£4,257 is given in whole pounds and may be "
     "rounded)"),
    ("tintern-wyevalley-cc/20200106_minutes.txt", 38, "warning",
     "£1,500 + £500 + £1200 = £3,200, not £4,200 (read as the sum of the amounts named before it "
     "in this paragraph)"),
    ("tintern-wyevalley-cc/20200224_minutes.txt", 19, "error",
     "£8,191.00 + £5,580.70 = £13,771.70, not £13,771.95"),
    # A file written with HTML line breaks: one line, the finding at its column.
    ("tintern-wyevalley-cc/20211129_minutes.txt", 1, "error",
     "£1,369.87 + £14,950.80 = £16,320.67, not £16,321.67"),
]  # fmt: skip


def _real(where: str) -> Path:
    return seed(where) if "/" not in where else corpus(where)


@pytest.mark.parametrize(("where", "line", "severity", "message"), REAL_FINDINGS)
def test_the_real_mistakes(where, line, severity, message):
    found = [
        (f.line, f.severity, f.message) for f in check(_real(where), select=("T001",)).findings
    ]
    assert (line, severity, message) in found


def test_no_other_sum_mismatch_in_the_real_documents():
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    result = check(*documents, select=("T001",))
    assert [str(e) for e in result.errors] == []
    expected = sorted((str(_real(w)), line) for w, line, _, _ in REAL_FINDINGS)
    assert sorted((f.path, f.line) for f in result.findings) == expected


@pytest.mark.parametrize(
    ("where", "total", "parts"),
    [
        ("003", "1,956", ("354", "1,602")),
        ("003", "321", ("116", "205")),
        ("003", "142", ("78", "64")),
        ("000", "77", ("71", "6")),
        ("000", "6", ("2", "2", "1", "1")),
        ("000", "16", ("8", "8")),
        ("000", "£954,308", ("£430,492", "£295,556", "£153,000", "£5,000", "£70,260")),
        ("000", "£1,032,757",
         ("£430,492", "£295,556", "£62,862", "£153,000", "£20,587", "£70,260", "£0")),
        ("tintern-wyevalley-cc/20200127_minutes.txt", "£12,638.11", ("£7,317", "£5,321.11")),
        ("tintern-wyevalley-cc/20230109_minutes.txt", "£22,400.95", ("£10,172.11", "£12,228.84")),
        ("tintern-wyevalley-cc/20230109_minutes.txt", "£29,340", ("£19,690", "£9,650")),
        ("tintern-wyevalley-cc/20200106_minutes.txt", "£18,840", ("£9,890", "£8,950")),
        ("mscc-manordeilo-salem/minutes_2020-01-08.html", "£478.00", ("£28.00", "450.00")),
        ("mscc-manordeilo-salem/minutes_2020-03-11.html", "£738.52",
         ("£50.00", "238.52", "450.00")),
        ("limerick-council/2020-09-28_minutes.md", "€2.36m",
         ("€768,000", "€442,000", "€400,000", "€550,000", "€200,000")),
        ("limerick-council/2020-09-28_minutes.md", "€169,000",
         ("€118,000", "€ 41,000", "€ 10,000")),
        ("asf-board/board_minutes_2015_01_21.txt", "$1,409,523",
         ("$148,022", "$17,146", "$49,569", "$906,658", "$288,128")),
    ],
)  # fmt: skip
def test_consistent_sums_in_the_real_documents_are_read(where, total, parts):
    rels = {sum_of(r) for r in file_relations(_real(where)).sums}
    assert (total, parts) in rels


def test_the_payments_of_a_community_council():
    path = corpus("mscc-manordeilo-salem/minutes_2020-02-12.html")
    (rel,) = [r for r in file_relations(path).sums if r.total.text == "£1,608.89"]
    assert len(rel.parts) == 13
    assert round(sum(p.value for p in rel.parts), 2) == 1608.89


@pytest.mark.parametrize(
    ("where", "change", "line", "message"),
    [
        ("tintern-wyevalley-cc/20200127_minutes.txt", ("£12,638.11", "£12,683.11"), 15,
         "£7,317 + £5,321.11 = £12,638.11, not £12,683.11"),
        ("mscc-manordeilo-salem/minutes_2020-01-08.html", ("TOTAL £478.00", "TOTAL £487.00"),
         113, "£28.00 + 450.00 = £478.00, not £487.00"),
        ("003", ("64 that were post-16", "46 that were post-16"), 329, "78 + 46 = 124, not 142"),
    ],
)  # fmt: skip
def test_a_figure_changed_in_a_real_document_is_found(tmp_path, where, change, line, message):
    path = variant(tmp_path, _real(where), change)
    found = [(f.line, f.message) for f in check(path, select=("T001",)).findings]
    assert (line, message) in found


def test_tables_extracted_as_text():
    """Rows set apart by tabs or runs of spaces, as text extracted from a PDF table: a
    Total row adds up each column, a Total column each row."""
    path = FIXTURES / "text_tables.txt"
    assert located(check(path, select=("T001",))) == [
        (14, "T001", "error", "820 + 650 = 1,470, not 1,480")
    ]
    rels = {sum_of(r) for r in file_relations(path).sums}
    assert ("380", ("210", "170")) in rels
    assert ("£41,700", ("£25,500", "£16,200")) in rels  # the Total row
    assert ("£25,500", ("£12,000", "£13,500")) in rels  # the Total column
    assert ("£41,700", ("£20,000", "£21,700")) in rels


PAYMENTS = """b) Payments for approval:
   P. Lane - salary August       £688.12
   Tax office PAYE               £171.80
   Memorial Hall - hire           £36.00
   GreenScape Ltd - grass cutting £420.00 (inc VAT £70.00)
   Total                        £{total}
"""


def test_a_column_of_payments_with_the_vat_noted_in_a_bracket(tmp_path):
    """The VAT in brackets qualifies the amount of its row; it is not a further payment."""
    found = {}
    for total in ("1,315.92", "1,325.92"):
        draft = tmp_path / f"minutes_{total[:5]}.txt"
        draft.write_text("24/89 Finance\n\n" + PAYMENTS.format(total=total), encoding="utf-8")
        found[total] = [f.message for f in check(draft, select=("T001",)).findings]
    assert found == {
        "1,315.92": [],
        "1,325.92": ["£688.12 + £171.80 + £36.00 + £420.00 = £1,315.92, not £1,325.92"],
    }


@pytest.mark.parametrize("total", ["817.00", "827.00"])
@pytest.mark.parametrize("line", ["Total £{}", "making a total of £{}."])
def test_a_list_of_payments_after_a_lead_in_that_names_a_balance(tmp_path, total, line):
    """The lines of payments are the items of the Total line; the line that opens the
    list ("... were approved:") is no item, though it names the bank balance, and a
    payment "for May" is an amount, not a date."""
    draft = tmp_path / "minutes.txt"
    draft.write_text(
        "5. FINANCE\n\n"
        "The balance at the bank on 31 May was £8,240.15. The following payments were approved:\n"
        "Clerk's salary for May £412.00\nGrass cutting £360.00\nPavilion hire £45.00\n"
        + line.format(total)
        + "\n",
        encoding="utf-8",
    )
    found = [f.message for f in check(draft, select=("T001",)).findings]
    wrong = "£412.00 + £360.00 + £45.00 = £817.00, not £827.00"
    assert found == ([] if total == "817.00" else [wrong])
