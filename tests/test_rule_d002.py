"""D002 incomplete-date: what it must flag, what it must not, and the real documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SHARED, all_real_documents, seed
from engine_support import check, document, minutes, run_rule

from minlint.cli import cli
from minlint.lint.blocks import TABLE_ROW, Block
from minlint.lint.facts.dates import find_dates
from minlint.lint.model import ParsedDocument
from minlint.lint.parse import parse_path
from minlint.rules.d002_incomplete_date import ordinal

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules_d002_n001"


def located(result):
    return [(f.line, f.column, f.severity, f.message) for f in result.findings]


def findings_in(*paragraphs: str):
    doc = document(*paragraphs)
    return run_rule("D002", ParsedDocument(doc, [minutes(doc, dt.date(2024, 10, 8))]))


def messages(*paragraphs: str) -> list[str]:
    return [f.message for f in findings_in(*paragraphs)]


# --- the fixtures -----------------------------------------------------------------------


def test_flags_each_incomplete_date_in_the_fixture():
    result = check(FIXTURES / "incomplete_dates.txt", select=("D002",))
    assert result.errors == []
    assert located(result) == [
        (9, 39, "error", 'no date after "HELD ON"'),
        (21, 10, "error", 'no date after "held on"'),
        (24, 23, "error", '"31st September, 2024" is not a date: September has 30 days'),
        (27, 40, "error", '"29th February, 2023" is not a date: 2023 is not a leap year'),
        (
            33,
            11,
            "warning",
            'malformed date "7h November": "7h" is not a day number (7th?)',
        ),
        (
            38,
            28,
            "error",
            'no date after "held on": "[date to be confirmed]" is a placeholder',
        ),
        (42, 43, "error", 'no date after "take place on"'),
    ]


def test_a_finding_underlines_the_words_or_the_date():
    result = check(FIXTURES / "incomplete_dates.txt", select=("D002",))
    spans = {(f.line, f.column, f.end_line, f.end_column) for f in result.findings}
    assert (9, 39, 9, 46) in spans  # "HELD ON"
    assert (24, 23, 24, 43) in spans  # "31st September, 2024"
    assert (33, 11, 33, 22) in spans  # "7h November"


def test_consistent_text_is_not_flagged():
    result = check(FIXTURES / "complete_dates.md", select=("D002",))
    assert result.errors == []
    assert result.findings == []


def test_the_consistent_fixture_is_really_read():
    # The fixture uses "held on" in ten places and holds a real leap day.
    parsed = parse_path(FIXTURES / "complete_dates.md")
    text = "\n".join(b.text for b in parsed.document.blocks)
    assert text.lower().count("held on") == 10
    leap = [f for b in parsed.document.blocks for f in find_dates(b.text) if f.day == 29]
    assert [(f.text, f.valid, f.date) for f in leap] == [
        ("29 February 2024", True, dt.date(2024, 2, 29))
    ]


# --- what it flags, and what it leaves alone ----------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "message"),
    [
        ("12. MINUTES OF THE PREVIOUS MEETING HELD ON", 'no date after "HELD ON"'),
        ("The forum was held on.", 'no date after "held on"'),
        ("The forum was held on; nobody attended.", 'no date after "held on"'),
        ("It was held on, and then postponed.", 'no date after "held on"'),
        ("2. Minutes of the meeting held on (Pages 1 - 6)", 'no date after "held on"'),
        ("It will be held on ...", 'no date after "held on": "..." is a placeholder'),
        ("It will be held on …", 'no date after "held on": "…" is a placeholder'),
        ("It will be held on [date].", 'no date after "held on": "[date]" is a placeholder'),
        ("It will be held on [  ].", 'no date after "held on": "[  ]" is a placeholder'),
        ("It will be held on XX June 2024.", 'no date after "held on": "XX" is a placeholder'),
        ("It will be held on xxth June.", 'no date after "held on": "xxth" is a placeholder'),
        ("It will be held on __ June 2024.", 'no date after "held on": "__" is a placeholder'),
        ("It will be held on dd/mm/2024.", 'no date after "held on": "dd/mm" is a placeholder'),
        ("The briefing will take place on .", 'no date after "take place on"'),
        ("The briefing took place on, at 2.00 p.m.", 'no date after "took place on"'),
        ("Resolved:- That the next meeting be held on:", 'no date after "held on"'),
        ("The scheme closes on 31 June 2024.", '"31 June 2024" is not a date: June has 30 days'),
        ("The scheme closes on 31 April.", '"31 April" is not a date: April has 30 days'),
        ("It opened on 31/11/2023.", '"31/11/2023" is not a date: November has 30 days'),
        (
            "It opened on 30 February.",
            '"30 February" is not a date: February has 28 days, or 29 in a leap year',
        ),
        (
            "It opened on Wednesday 29 February 2023.",
            '"Wednesday 29 February 2023" is not a date: 2023 is not a leap year',
        ),
        (
            "The report is due on 3r May 2025.",
            'malformed date "3r May": "3r" is not a day number (3rd?)',
        ),
        (
            "HELD ON 12H DECEMBER, 2024",
            'malformed date "12H DECEMBER": "12H" is not a day number (12TH?)',
        ),
    ],
)  # fmt: skip
def test_flags(paragraph, message):
    assert messages("Intro.", paragraph) == [message]


@pytest.mark.parametrize(
    "paragraph",
    [
        "The meeting was held on Teams.",
        "Walkabouts are held on a quarterly basis.",
        "The session was held on the same day as the open day.",
        "The Forum agreed to hold on to the lease, and it held on to its seat.",
        "The appeal was upheld on review and the cost withheld on advice.",
        "The drop-ins were held on 6 and 20 August.",
        "It was held on the 3rd of September.",
        "It was held on Tuesday, as planned.",  # a weekday without a date is not incomplete
        "It was held on, as agreed at the last meeting, 5 May 2024.",
        "The next meeting will be held on: Tuesday 3 June 2024.",
        "2. Minutes of the previous meeting held on 14 May 2024 (Pages 1 - 8)",
        "Minutes of the meeting held on | 14 May 2024",
        'The words "held on" were struck out.',
        "A meeting was held online.",
        "The recording is held on [the Council's website].",
        "The briefing was held on [Teams](https://example.org/teams).",
        "The figures for 29 February 2024 were checked.",
        "The leap day, 29 February, fell on a weekend.",  # no year: cannot be judged
        "The 5k March fun run and the 24 hours helpline.",
        "It was signed on 2d May and 3d June.",  # an old way of writing ordinals
        "It opened on 21st May, 22nd June and 23rd July.",
        "Information was provided on: waiting lists and rent arrears.",
        "The service had transitioned on.",
    ],
)
def test_leaves_alone(paragraph):
    assert messages("Intro.", paragraph) == []


def test_a_title_whose_date_was_wrapped_onto_the_next_block_is_complete():
    assert messages("12. MINUTES OF THE PREVIOUS MEETING HELD ON", "14TH MAY, 2024") == []
    assert messages("The next walkabout will be held on:", "Tuesday 14 January 2025.") == []
    assert messages("The next walkabout will be held on:", "the 14th of January.") == []
    assert messages("12. MINUTES OF THE PREVIOUS MEETING HELD ON", "Resolved:- That ...") == [
        'no date after "HELD ON"'
    ]


def test_table_cells():
    doc = document("Intro.")
    rows = [
        ("Meeting", "Held on", "Venue"),
        ("Panel", "Held on", ""),
        ("Panel", "To be held on", "14 May 2024"),
        ("Forum", "Held on.", "Civic Centre"),
        ("Forum", "Held on [date]", "Civic Centre"),
    ]
    for n, cells in enumerate(rows, start=3):
        doc.lines += ["", " | ".join(cells)]
        doc.blocks.append(Block(TABLE_ROW, " | ".join(cells), 2 * n - 3, 2 * n - 3, cells=cells))
    parsed = ParsedDocument(doc, [minutes(doc, dt.date(2024, 10, 8))])
    found = [(f.line, f.message) for f in run_rule("D002", parsed)]
    assert found == [
        (9, 'no date after "Held on"'),
        (11, 'no date after "Held on": "[date]" is a placeholder'),
    ]


def test_each_problem_in_a_paragraph_is_reported_in_order():
    found = findings_in(
        "Intro.", "It was held on. It reopens on 31 June 2024 and closes on 31 September 2024."
    )
    assert [(f.line, f.column, f.message) for f in found] == [
        (3, 8, 'no date after "held on"'),
        (3, 31, '"31 June 2024" is not a date: June has 30 days'),
        (3, 58, '"31 September 2024" is not a date: September has 30 days'),
    ]
    assert (found[0].code, found[0].name, found[0].category) == ("D002", "incomplete-date", "date")


@pytest.mark.parametrize(
    ("day", "expected"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"),
     (13, "13th"), (21, "21st"), (22, "22nd"), (23, "23rd"), (24, "24th"), (31, "31st")],
)  # fmt: skip
def test_ordinal(day, expected):
    assert ordinal(day) == expected


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "incomplete-date"])
    assert result.exit_code == 0
    assert result.output.startswith("D002 incomplete-date (date, error)\n")
    assert "Example:" in result.output
    assert "31 June" in result.output


# --- the example and the real documents ----------------------------------------------------


def test_the_planted_impossible_date_in_the_example_draft():
    result = check(EXAMPLES / "draft_minutes_2024-06-11.md", select=("D002",))
    assert located(result) == [
        (145, 256, "error", '"31 June 2024" is not a date: June has 30 days'),
    ]


@pytest.mark.parametrize(
    "name",
    ["agenda_2024-06-11.txt", "minutes_2024-05-14.txt", "work_programme_2024-25.txt"],
)
def test_the_other_example_documents_are_clean(name):
    assert check(EXAMPLES / name, select=("D002",)).findings == []


def test_the_real_documents():
    """Seed 002's minute 95 title stops at "HELD ON" and seed 004's resolution gives the
    next meeting as "Tuesday, 24h April, 2018"; every other "held on" in the seeds and
    the corpus has its date, and every date there exists."""
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    result = check(*documents, select=("D002",))
    assert [str(e) for e in result.errors] == []
    found = [(Path(f.path).name, f.line, f.column, f.severity, f.message) for f in result.findings]
    assert found == [
        (seed("002").name, 13, 37, "error", 'no date after "HELD ON"'),
        (
            seed("004").name,
            492,
            10,
            "warning",
            'malformed date "24h April": "24h" is not a day number (24th?)',
        ),
    ]


def test_the_published_title_without_its_date():
    parsed = parse_path(seed("002"))
    (part,) = parsed.minutes
    assert (part.items[0].number, part.items[0].line) == (95, 13)
    assert part.items[0].title == "MINUTES OF THE PREVIOUS MEETING HELD ON"


def _changed_seed(tmp_path: Path, prefix: str, changes: dict[int, tuple[str, str]]) -> Path:
    lines = seed(prefix).read_text(encoding="utf-8").split("\n")
    for number, (old, new) in changes.items():
        assert old in lines[number - 1], lines[number - 1]
        lines[number - 1] = lines[number - 1].replace(old, new)
    path = tmp_path / f"{prefix}.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_date_taken_out_of_a_real_title_is_found(tmp_path):
    # Seed 004's minute 110 title wraps its date onto the next line; without it ...
    path = _changed_seed(tmp_path, "004", {102: ("12TH DECEMBER, ", ""), 103: ("2017", "")})
    result = check(path, select=("D002",))
    assert [(f.line, f.message) for f in result.findings] == [
        (102, 'no date after "HELD ON"'),
        (492, 'malformed date "24h April": "24h" is not a day number (24th?)'),
    ]


def test_an_impossible_date_put_into_a_real_document_is_found(tmp_path):
    path = _changed_seed(tmp_path, "003", {43: ("17TH JULY", "31ST JUNE")})
    result = check(path, select=("D002",))
    assert [(f.line, f.message) for f in result.findings] == [
        (43, '"31ST JUNE, 2018" is not a date: June has 30 days')
    ]


def test_the_word_and_pdf_versions_of_the_seeds(converted_seeds):
    """The same two findings when the seeds come as .docx or .pdf (made by LibreOffice)."""
    held_on = ("error", 'no date after "HELD ON"')
    misprint = ("warning", 'malformed date "24h April": "24h" is not a day number (24th?)')
    expected = {"000": [], "002": [held_on], "003": [], "004": [misprint]}
    for name, path in sorted(converted_seeds.items()):
        result = check(path, select=("D002",))
        assert result.errors == [], name
        found = [(f.severity, f.message) for f in result.findings]
        assert found == expected[name.split(".")[0]], name
