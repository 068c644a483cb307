"""P001 duplicate-paragraph: paragraphs, sentences and words repeated in a draft."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SHARED, all_real_documents, seed
from engine_support import check, document, minutes, run_rule
from hypothesis import given
from hypothesis import strategies as st

from minlint.cli import cli
from minlint.lint.blocks import LIST_ITEM, PARAGRAPH, Block
from minlint.lint.duplicates import StandardWording, doubled_phrases, units
from minlint.lint.model import Minute, ParsedDocument

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules_p"
DRAFT = FIXTURES / "draft_2024-03-05.txt"
GARBLED = '"the he": a doubled word half deleted (an article before a pronoun)'


def located(result, code="P001"):
    return [
        (f.line, f.column, f.message, [(r.line, r.message) for r in f.related])
        for f in result.findings
        if f.code == code
    ]


def doubled(text: str) -> list[str]:
    return [r.text for r in doubled_phrases(Block(PARAGRAPH, text, 1, 1))]


def one_minute(*paragraphs: str) -> ParsedDocument:
    """A draft of one minute whose paragraphs are these."""
    doc = document("1. ITEM", *paragraphs)
    part = minutes(doc, dt.date(2024, 3, 5))
    part.items = [Minute(1, "ITEM", 1, doc.blocks[-1].line, list(doc.blocks[1:]))]
    return ParsedDocument(doc, [part])


# --- the fixture ---------------------------------------------------------------------------


def test_flags_each_planted_repeat_in_the_fixture():
    result = check(DRAFT, select=("P001",))
    assert result.errors == []
    assert located(result) == [
        (24, 57, 'words doubled: "was agreed was agreed"', []),
        (34, 1, "this paragraph repeats the one at line 27", [(27, "the first occurrence")]),
        (39, 36, 'words doubled: "the the"', []),
        (
            42,
            76,
            "sentence repeated within the paragraph: "
            '"The associations collected the rents on the Council\'s behal…"',
            [(42, "the first time")],
        ),
        (49, 3, "this paragraph repeats the one at line 48", [(48, "the first occurrence")]),
    ]
    first = result.findings[0]
    assert (first.code, first.name, first.category, first.severity) == (
        "P001",
        "duplicate-paragraph",
        "duplicate",
        "error",
    )


def test_the_fixture_s_consistent_text_is_not_flagged():
    """Standard wording in two minutes ("That the report be noted."), "had had" and
    "that that was", two motions worded alike, a table's repeated row, a lead-in to a
    list, and a statement followed by the resolution that restates it."""
    result = check(DRAFT, select=("P001",))
    flagged = {f.line for f in result.findings}
    for line in (31, 32, 51, 69, 73, 76, 83, 84, 93, 96):
        assert line not in flagged, line


def test_a_bullet_and_the_same_text_unbulleted_are_the_same_paragraph():
    text = (
        "The perception amongst residents of safety in the market square had improved "
        "since the lights were replaced."
    )
    parsed = one_minute(text, "Members discussed the survey results.", f"- {text}")
    parsed.document.blocks[3] = Block(LIST_ITEM, parsed.document.blocks[3].text[2:], 7, 7)
    parsed.parts[0].items[0].blocks[2] = parsed.document.blocks[3]
    (found,) = run_rule("P001", parsed)
    assert (found.line, found.message) == (7, "this paragraph repeats the one at line 3")


def test_short_and_standard_paragraphs_are_not_compared():
    parsed = one_minute(
        "There were no declarations of interest.",
        "Members thanked the officer.",
        "There were no declarations of interest.",
        "Members thanked the officer.",
    )
    assert run_rule("P001", parsed) == []


def test_a_repeat_in_another_minute_must_be_substantial():
    once = (
        "It was agreed to refer the motion to the Environment Policy Committee for consideration."
    )
    long_one = (
        "The Manager explained that the depot would close for refurbishment in August. "
        "Collections would run from the northern depot until the work was finished."
    )
    doc = document("1. FIRST", once, long_one, "2. SECOND", once, long_one)
    part = minutes(doc, dt.date(2024, 3, 5))
    part.items = [
        Minute(1, "FIRST", 1, 5, list(doc.blocks[1:3])),
        Minute(2, "SECOND", 7, 11, list(doc.blocks[4:6])),
    ]
    found = run_rule("P001", ParsedDocument(doc, [part]))
    assert [(f.line, f.message) for f in found] == [
        (11, "this paragraph repeats the one at line 5 (minute 1)")
    ]


def test_text_found_three_times_is_a_formula():
    text = (
        "Any issues that the steering group or the board wish or need to be aware of at this time?"
    )
    assert run_rule("P001", one_minute(text, "Other text here.", text, "More text.", text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was agreed was agreed that the Panel would visit.", ["was agreed was agreed"]),
        ("the Panel noted the the concession.", ["the the"]),
        ("The the concession would stay.", ["The the"]),
        ("This consists of of a module.", ["of of"]),
        ("The report stated that that the Council was required to act.", ["that that"]),
        (
            "an update on the work of the he Panel's task groups",
            ["the he"],
        ),
        ("The data had had gaps.", []),
        ("He said that that was being repaired.", []),
        ("The old wall will be left as it is as it is now home to nesting birds.", []),
        ("The project is very very quiet.", []),
        ("Apache Clerezza Project [Hasan Hasan]", []),
        ("Maven Plugin Plugin 3.4 released", []),
        ("ANNUAL GOVERNANCE REPORT 2008/09 ANNUAL GOVERNANCE REPORT 2008/09 - PENSION FUND", []),
        ("Sheet 24 24 was attached.", []),
        ("QUESTIONS Questions submitted by Councillor Ryan", []),
        ("What happens next? What happens next? What happens next?", []),
        ("For Thornbridge to be a For Thornbridge to be a For Thornbridge to be a fair place", []),
        ("see www.example.gov.uk/coronavirus www.example.gov.uk/coronavirus", []),
        ("a policy, that is policy that is agreed", []),
        ("Restart Grant, Restart Grant Plus", []),
        ("the he-goat", []),
        ("nnn nnn eee", []),
    ],
)
def test_doubled_words(text, expected):
    assert doubled(text) == expected


def test_doubled_words_are_located():
    (found,) = run_rule("P001", one_minute("It was agreed was agreed that the Panel would visit."))
    assert (found.line, found.column, found.end_column) == (3, 15, 25)


def test_a_sentence_repeated_in_another_paragraph_of_the_minute():
    """Where a reader joins a minute's lines into one paragraph, a line pasted twice is a
    sentence repeated in the minute."""
    line = (
        "Wye River Bridge: the county council confirmed the design would be for pedestrians only."
    )
    parsed = one_minute(
        f"Accounts for payment: Merlin Waste £60.00. {line} Village Hall £75.00.",
        f"Updates: Speed signs had been ordered. {line}",
    )
    (found,) = run_rule("P001", parsed)
    assert found.line == 5 and found.message.startswith("sentence repeated from line 3:")


# --- the example and the real documents ------------------------------------------------------


def test_the_planted_duplicate_in_the_example_draft():
    result = check(EXAMPLES / "draft_minutes_2024-06-11.md", select=("P001",))
    assert located(result) == [
        (58, 1, "this paragraph repeats the one at line 54", [(54, "the first occurrence")])
    ]


@pytest.mark.parametrize(
    "name", ["agenda_2024-06-11.txt", "minutes_2024-05-14.txt", "work_programme_2024-25.txt"]
)
def test_the_other_example_documents_are_clean(name):
    assert check(EXAMPLES / name, select=("P001",)).findings == []


def test_the_real_repeats_in_the_seeds():
    """The seeds' real slips: a garbled doubled "the" in two agendas (the item on sub and
    project groups), and in seed 004 a paragraph of minute 111 repeated as the last bullet
    of the list after it. The officer report of seed 004, extracted from slides with
    its text drawn four times over, is not reported."""
    result = check(*(seed(p) for p in ("000", "001", "002", "003", "004")), select=("P001",))
    assert [(Path(f.path).name[:3], f.line, f.column, f.message) for f in result.findings] == [
        ("000", 84, 27, GARBLED),
        ("001", 50, 108, GARBLED),
        ("004", 216, 4, "this paragraph repeats the one at line 177"),
    ]


def test_every_p001_finding_in_the_real_documents_is_known():
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    result = check(*documents, select=("P001",))
    assert [str(e) for e in result.errors] == []
    assert [(Path(f.path).name, f.line, f.message) for f in result.findings] == [
        ("board_agenda_2015_02_18.txt", 3078, 'words doubled: "of of"'),
        ("2020-09-28_minutes.md", 708, 'words doubled: "that that"'),
        ("000_d668314ed7b8673b.txt", 84, GARBLED),
        ("001_d9983ae3ff2d6261.txt", 50, GARBLED),
        ("004_2fbdf9215b9e6f15.txt", 216, "this paragraph repeats the one at line 177"),
    ]


def test_the_word_and_pdf_versions_of_the_seeds(converted_seeds):
    expected = {
        "000": ['"the he": a doubled word half deleted (an article before a pronoun)'],
        "002": [],
        "003": [],
        "004": ["this paragraph repeats the one at line {}"],
    }
    for name, path in sorted(converted_seeds.items()):
        result = check(path, select=("P001",))
        messages = [f.message for f in result.findings]
        want = expected[name.split(".")[0]]
        assert len(messages) == len(want), name
        for got, pattern in zip(messages, want, strict=True):
            assert got.startswith(pattern.split("{}")[0]), (name, got)


def test_standard_wording_from_the_configuration(tmp_path):
    paragraph = (
        "Members were reminded that the meeting was being recorded and that the recording "
        "would be published on the Council's website."
    )
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "PANEL\nTuesday 5 March 2024\n\n"
        "Present:- Councillor Ash (in the Chair); Councillor Bell.\n\n1.   ITEM\n\n"
        f"{paragraph}\n\nThe Chair welcomed everyone.\n\n{paragraph}\n",
        encoding="utf-8",
    )
    assert [f.line for f in check(draft, select=("P001",)).findings] == [12]
    (tmp_path / "minlint.toml").write_text(
        'standard-wording = ["Members were reminded that the meeting was being recorded*"]\n',
        encoding="utf-8",
    )
    assert check(draft, select=("P001",)).findings == []
    (tmp_path / "minlint.toml").write_text("[thresholds]\nduplicate-min-words = 40\n")
    assert check(draft, select=("P001",)).findings == []


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "P001"])
    assert result.exit_code == 0
    assert result.output.startswith("P001 duplicate-paragraph (duplicate, error)\n")
    assert "Example:" in result.output


@given(st.text(max_size=400))
def test_any_text_gives_no_crash(text):
    block = Block(PARAGRAPH, text, 1, 1)
    doubled_phrases(block)
    doc = document("1. ITEM", text or "x")
    part = minutes(doc, None)
    part.items = [Minute(1, "ITEM", 1, 3, list(doc.blocks[1:]))]
    units(part, StandardWording(), 1)
    run_rule("P001", ParsedDocument(doc, [part]))


def test_a_minute_pasted_twice_is_reported_however_short_its_text():
    text = "The Clerk reported that the hall insurance had been renewed for another year."
    doc = document(
        "5. INSURANCE", text, "6. CORRESPONDENCE", "None received.", "5. INSURANCE", text
    )
    part = minutes(doc, dt.date(2024, 3, 5))
    part.items = [
        Minute(5, "INSURANCE", 1, 3, [doc.blocks[1]]),
        Minute(6, "CORRESPONDENCE", 5, 7, [doc.blocks[3]]),
        Minute(5, "INSURANCE", 9, 11, [doc.blocks[5]]),
    ]
    found = run_rule("P001", ParsedDocument(doc, [part]))
    assert [(f.line, f.message) for f in found] == [
        (11, "this paragraph repeats the one at line 3 (minute 5)")
    ]


def test_several_sentences_repeated_from_one_paragraph_are_one_finding():
    a = "The bridge survey had been completed and the report was expected in March."
    b = "The parish council had asked to see the correspondence about the footpath closure."
    parsed = one_minute(f"Updates: {a} {b} Nothing else.", f"Correspondence: {a} {b}")
    (found,) = run_rule("P001", parsed)
    assert found.line == 5
    assert found.message == (f'2 sentences repeated from line 3: "{a[:59]}…" and more')


def test_a_word_repeated_without_end_is_read_once_not_once_per_repeat(monkeypatch):
    """A damaged file can hold one word a million times in a row: each of its places is a
    candidate of every phrase length, and they were all made and kept (gigabytes)."""
    from minlint.lint import duplicates

    made = 0
    of_size = duplicates._Candidates._of_size

    def counted(self, size, runs):
        nonlocal made
        for c in of_size(self, size, runs):
            made += 1
            yield c

    monkeypatch.setattr(duplicates._Candidates, "_of_size", counted)
    text = "Minutes " * 20_000 + "and the the end."
    assert [r.text for r in doubled_phrases(Block(PARAGRAPH, text, 1, 1))] == ["the the"]
    assert made < 100
