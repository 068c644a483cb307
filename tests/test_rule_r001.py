"""R001 missing-resolution: a substantive item that records no decision."""

from __future__ import annotations

from pathlib import Path

import pytest
from agenda_pairs import minutes_of, without_resolution
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, all_real_documents, seed
from engine_support import check, document, minutes, run_rule

from minlint.cli import cli
from minlint.lint.model import Minute, ParsedDocument, Resolution

DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"


def r001(*paths, **options):
    return check(*paths, select=("R001",), **options)


def found(result) -> list[tuple[int, str, str]]:
    assert [str(e) for e in result.errors] == []
    return [(f.line, f.severity, f.message) for f in result.findings]


# --- the bundled example --------------------------------------------------------------------


def test_the_planted_missing_resolution_of_the_example():
    result = r001(DRAFT)
    (finding,) = result.findings
    assert (finding.line, finding.end_line, finding.severity) == (107, 125, "error")
    assert (finding.code, finding.name, finding.category) == (
        "R001",
        "missing-resolution",
        "resolution",
    )
    assert finding.message == (
        'minute 20 "COMMUNITY SAFETY PARTNERSHIP - PERFORMANCE UPDATE" records no decision'
    )


def test_the_examples_procedural_minutes_and_the_previous_minutes_are_not_flagged():
    # draft:26 declarations, 30 questions, 34 communications, 149 urgent business; the
    # previous minutes' procedural minutes 28, 32, 36 and 172.
    assert found(r001(EXAMPLES / "minutes_2024-05-14.txt")) == []
    lines = [f.line for f in r001(DRAFT).findings]
    assert not {26, 30, 34, 149} & set(lines)


# --- the real documents ------------------------------------------------------------------


def test_the_real_documents_have_one_update_minuted_without_a_decision():
    """Seed 002 (25 July 2023): every substantive item ends "Resolved: ..." but the
    Corporate Parenting Panel update. Nothing else in the seeds or the corpus: parish
    councils' narrative minutes record decisions only now and then, questions are
    answered, motions are seconded, referred or withdrawn."""
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SEEDS})")
    result = r001(*documents, records=(str(SEEDS), str(CORPUS)))
    assert [(Path(f.path).name, f.line, f.severity, f.message) for f in result.findings] == [
        (
            seed("002").name,
            37,
            "error",
            'minute 100 "CORPORATE PARENTING PANEL - UPDATE" records no decision',
        )
    ]


def test_a_resolution_taken_out_of_real_minutes_is_found(tmp_path):
    edited = without_resolution(seed("003"), 24, tmp_path / "minutes.txt")
    (finding,) = r001(edited).findings
    assert finding.line == minutes_of(edited).items[5].line
    assert finding.message == (
        'minute 24 "SPECIAL EDUCATIONAL NEEDS AND DISABILITY (SEND) - UPDATE" records no decision'
    )
    assert finding.severity == "error"


def test_two_resolutions_taken_out_are_both_found(tmp_path):
    edited = without_resolution(seed("003"), 23, tmp_path / "a.txt")
    edited = without_resolution(edited, 26, tmp_path / "b.txt")
    assert [f.message.split('"')[1] for f in r001(edited).findings] == [
        "CHILDREN MISSING EDUCATION",
        "FEEDBACK FROM IMPROVING LIVES SELECT COMMISSION PERFORMANCE SUB-GROUP",
    ]


@pytest.mark.parametrize(
    "decision",
    [
        "The Select Commission noted the report.",
        "The report was noted.",
        "Members noted the report and thanked the officers for attending.",
        "Agreed:- That the report be noted.",
        "RESOLVED - that the report be noted.",
        "Decision: the report was noted.",
        "The report was otherwise noted.",
        "It was agreed that a further report be brought to the next meeting.",
        "Members voted unanimously to note the report.",
        "The Commission voted in favour of the recommendations.",
        "The Improving Lives Select Commission agreed to note the report.",
        "Cabinet resolved to note the report.",
        "The Sub-Committee agreed that the report be noted.",
    ],
)
def test_a_decision_in_other_words_counts(tmp_path, decision):
    edited = without_resolution(seed("003"), 24, tmp_path / "minutes.txt", [decision])
    assert found(r001(edited)) == []


def test_a_decision_word_that_may_not_be_the_decision_is_a_warning_saying_why(tmp_path):
    said = "The Assistant Director agreed to circulate the figures to Members."
    edited = without_resolution(seed("003"), 24, tmp_path / "minutes.txt", [said])
    (finding,) = r001(edited).findings
    assert finding.severity == "warning"
    assert finding.message == (
        'minute 24 "SPECIAL EDUCATIONAL NEEDS AND DISABILITY (SEND) - UPDATE" records no '
        'resolution; "The Assistant Director agreed to circulate the figures to Members" '
        f"(line {finding.related[0].line}) may be meant as its decision"
    )


@pytest.mark.parametrize(
    "said",
    [
        # "It was noted that ..." is how minutes tell what was said; at the end of a long
        # discussion it may or may not be the decision.
        "It was noted that the report would be considered again in the spring.",
        # what one member of the body agreed to do is no decision of the body
        "The Chair of the Select Commission agreed to write to the Minister.",
    ],
)
def test_what_may_not_be_the_decision_in_a_long_minute_is_a_warning(tmp_path, said):
    edited = without_resolution(seed("003"), 24, tmp_path / "minutes.txt", [said])
    (finding,) = r001(edited).findings
    assert finding.severity == "warning"
    assert f'"{said[:-1]}"' in finding.message


def test_a_short_minute_that_notes_something_has_its_record(tmp_path):
    # A minute that is only what was noted records that as its outcome.
    edited = without_resolution(seed("003"), 27, tmp_path / "minutes.txt")
    text = edited.read_text(encoding="utf-8")
    start = text.index("Caroline Webb, Senior Adviser")
    end = text.index("28.   DATE AND TIME")
    short = "It was noted that the sub-group would meet again in October.\n\n"
    edited.write_text(text[:start] + short + text[end:], encoding="utf-8")
    assert found(r001(edited)) == []


def test_a_title_that_does_not_say_what_it_is_gives_a_warning(tmp_path):
    edited = without_resolution(seed("003"), 23, tmp_path / "minutes.txt")
    (finding,) = r001(edited).findings
    assert finding.severity == "warning"
    assert finding.message.endswith("its title does not say whether it needed one")


def test_configured_procedural_items_need_no_decision(tmp_path):
    edited = without_resolution(seed("003"), 24, tmp_path / "minutes.txt")
    (tmp_path / "minlint.toml").write_text('procedural-items = ["Special Educational*"]\n')
    assert found(r001(edited)) == []


def test_a_minute_saying_there_was_nothing_needs_no_decision(tmp_path):
    edited = without_resolution(
        seed("003"), 24, tmp_path / "minutes.txt", ["This item was deferred to the next meeting."]
    )
    assert found(r001(edited)) == []


def test_minutes_that_seldom_record_decisions_are_not_judged(tmp_path):
    """Take out all but one of the resolutions: the rest of the minutes no longer show
    a habit of recording decisions, so nothing is reported."""
    edited = seed("003")
    for k, number in enumerate((23, 24, 25, 26)):
        edited = without_resolution(edited, number, tmp_path / f"{k}.txt")
    assert found(r001(edited)) == []


# --- hand-made parts -----------------------------------------------------------------------


def _parsed(uncertain: list[str]) -> ParsedDocument:
    paragraphs = [
        "1. BUDGET REPORT",
        "The Director presented the budget report.",
        "Resolved:- That the report be noted.",
        "2. PERFORMANCE REPORT",
        "The Director presented the performance report.",
        "Resolved:- That the report be noted.",
        "3. HOUSING STRATEGY UPDATE",
        "The Director presented the strategy.",
    ]
    doc = document(*paragraphs)
    part = minutes(doc, None)
    part.uncertain = uncertain
    blocks = doc.blocks
    part.items = [
        Minute(1, "BUDGET REPORT", 1, 5, blocks[1:3], [Resolution(None, "x", 5, 5)]),
        Minute(2, "PERFORMANCE REPORT", 7, 11, blocks[4:6], [Resolution(None, "x", 11, 11)]),
        Minute(3, "HOUSING STRATEGY UPDATE", 13, 15, blocks[7:8]),
    ]
    return ParsedDocument(doc, [part])


def test_minutes_whose_decisions_are_uncertain_are_not_judged():
    assert [f.line for f in run_rule("R001", _parsed([]))] == [13]
    assert run_rule("R001", _parsed(["decisions"])) == []
    assert run_rule("R001", _parsed(["numbering"])) == []


# --- Word ------------------------------------------------------------------------------


def test_a_word_draft_gives_the_same_findings_as_its_text(tmp_path):
    from docgen import docx_from_blocks

    from minlint.lint.readers.text import read_plain

    edited = without_resolution(seed("003"), 24, tmp_path / "minutes.txt")
    blocks = read_plain(edited.read_text(encoding="utf-8"), str(edited)).blocks
    word = docx_from_blocks(blocks, tmp_path / "minutes.docx", minute_numbers=True)
    messages = [(f.severity, f.message) for f in r001(edited).findings]
    assert messages and [(f.severity, f.message) for f in r001(word).findings] == messages


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "missing-resolution"])
    assert result.exit_code == 0
    assert result.output.startswith("R001 missing-resolution (resolution, error)\n")
    assert "procedural-items" in result.output and "Example" in result.output


def test_the_word_and_pdf_versions_of_the_seeds(converted_seeds):
    """Seed 002 converted by LibreOffice reports its update minuted without a decision,
    as the text does; the other converted seeds report nothing, nor do R002 and R003."""
    expected = ['minute 100 "CORPORATE PARENTING PANEL - UPDATE" records no decision']
    for name, path in sorted(converted_seeds.items()):
        result = check(path, select=("R001", "R002", "R003"))
        assert [f.message for f in result.findings] == (
            expected if name.startswith("002") else []
        ), name


@pytest.mark.parametrize(
    "title",
    [
        "Clerk's report",
        "To receive the Town Clerk's report",
        "County Councillor's report",
        "Reports from District Councillors",
        "Police report",
        "Ward members' reports",
    ],
)
def test_reports_given_for_information_need_no_decision(title):
    from minlint.lint.facts.items import PROCEDURAL, item_kind

    assert item_kind(title) in PROCEDURAL


@pytest.mark.parametrize("title", ["Finance report", "Annual report of the Auditor", "Planning"])
def test_reports_on_a_subject_are_substantive(title):
    from minlint.lint.facts.items import PROCEDURAL, item_kind

    assert item_kind(title) not in PROCEDURAL
