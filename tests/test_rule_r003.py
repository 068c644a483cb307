"""R003 empty-resolution: "Resolved:" with nothing resolved, or cut off mid-sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, all_real_documents, seed
from engine_support import check

from minlint.cli import cli

DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"


def r003(*paths, **options):
    return check(*paths, select=("R003",), **options)


def messages(result) -> list[str]:
    assert [str(e) for e in result.errors] == []
    return [f.message for f in result.findings]


def edited(tmp_path: Path, source: Path, *changes: tuple[str, str]) -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    out = tmp_path / source.name
    out.write_text(text, encoding="utf-8")
    return out


# --- the bundled example --------------------------------------------------------------------


def test_the_planted_empty_resolution_of_the_example():
    (finding,) = r003(DRAFT).findings
    assert (finding.line, finding.column, finding.end_column) == (141, 3, 13)
    assert (finding.code, finding.name, finding.severity) == ("R003", "empty-resolution", "error")
    assert finding.message == (
        'minute 23 "RECOMMENDATIONS MONITORING SCHEDULE" has "Resolved:-" with nothing resolved'
    )


def test_the_example_previous_minutes_are_clean():
    assert messages(r003(EXAMPLES / "minutes_2024-05-14.txt")) == []


# --- the real documents ------------------------------------------------------------------


def test_no_empty_or_cut_resolution_in_the_real_documents():
    """ "Resolved: -" followed by its parts (seed 000), "And Resolved:" followed by the
    quoted resolution (Limerick), "Resolved: That" followed by bullets (seed 002): all
    complete."""
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SEEDS})")
    assert messages(r003(*documents, records=(str(SEEDS), str(CORPUS)))) == []


WORK_PROGRAMME = (
    "Resolved:-  (1)  That the work programme be noted.\n"
    " (2)  That updates be submitted to each meeting of the Select Commission \n"
    "on the progress of the work programme and for further prioritisation as \n"
    "required.\n"
)


def test_a_label_left_empty_in_real_minutes(tmp_path):
    out = edited(tmp_path, seed("003"), (WORK_PROGRAMME, "Resolved:-\n"))
    (finding,) = r003(out).findings
    assert finding.message == (
        'minute 27 "IMPROVING LIVES SELECT COMMISSION - WORK PROGRAMME 2018/19 - UPDATE" has '
        '"Resolved:-" with nothing resolved'
    )
    assert out.read_text(encoding="utf-8").splitlines()[finding.line - 1] == "Resolved:-"


def test_a_label_with_only_that(tmp_path):
    out = edited(tmp_path, seed("003"), (WORK_PROGRAMME, "Resolved:-  That\n"))
    assert messages(r003(out)) == [
        'minute 27 "IMPROVING LIVES SELECT COMMISSION - WORK PROGRAMME 2018/19 - UPDATE" has '
        '"Resolved:- That" with nothing resolved'
    ]


def test_a_resolution_cut_off_after_a_preposition(tmp_path):
    out = edited(
        tmp_path,
        seed("003"),
        ("(1)  That the feedback be noted.", "(1)  That the feedback be circulated to."),
    )
    assert messages(r003(out)) == [
        'minute 26 "FEEDBACK FROM IMPROVING LIVES SELECT COMMISSION PERFORMANCE SUB-GROUP": '
        'the resolution ends mid-sentence: "... feedback be circulated to."'
    ]


def test_a_resolution_cut_off_in_a_name_the_discussion_gives_whole(tmp_path):
    out = edited(
        tmp_path,
        seed("002"),
        (
            "That the presentation be circulated to the Commission.",
            "That the presentation be shared with the Community.",
        ),
    )
    (message,) = messages(r003(out))
    assert message.startswith(
        'minute 102 "ROTHERHAM YOUTH JUSTICE SERVICE PROGRESS REPORT": the resolution ends '
        'mid-name: "... shared with the Community." where the discussion names '
        '"the Community Safety Team" (line '
    )


def test_a_name_the_discussion_also_uses_on_its_own_is_not_a_cut(tmp_path):
    # "the Cabinet Member" in the discussion does not make "the Cabinet" a cut name.
    out = edited(
        tmp_path,
        seed("002"),
        (
            "That the presentation be circulated to the Commission.",
            "That the presentation be sent to the Cabinet.",
        ),
    )
    assert messages(r003(out)) == []


def test_a_lead_in_with_nothing_after_it(tmp_path):
    out = edited(
        tmp_path,
        seed("003"),
        (
            WORK_PROGRAMME,
            "Resolved:-  (1)  That the work programme be noted.\n\n"
            "(2)  That the Select Commission:-\n",
        ),
    )
    assert messages(r003(out)) == [
        'minute 27 "IMPROVING LIVES SELECT COMMISSION - WORK PROGRAMME 2018/19 - UPDATE": '
        'the resolution ends "That the Select Commission:" with nothing after it'
    ]
    # Seed 004's "(2) That the Improving Lives Select Commission:-" is followed by its
    # parts (a) (b) (c): nothing (the real documents test above).


def test_parts_joined_by_and_are_not_cut(tmp_path):
    out = edited(
        tmp_path,
        seed("003"),
        ("(1)  That the feedback be noted.", "(1)  That the feedback be noted; and"),
    )
    assert messages(r003(out)) == []


# --- Word ------------------------------------------------------------------------------


def test_a_word_draft_gives_the_same_findings_as_its_text(tmp_path):
    from docgen import docx_from_blocks

    from minlint.lint.readers.text import read_plain

    out = edited(
        tmp_path,
        seed("003"),
        (WORK_PROGRAMME, "Resolved:-\n"),
        ("(1)  That the feedback be noted.", "(1)  That the feedback be circulated to."),
    )
    blocks = read_plain(out.read_text(encoding="utf-8"), str(out)).blocks
    word = docx_from_blocks(blocks, tmp_path / "minutes.docx", minute_numbers=True)
    expected = messages(r003(out))
    assert len(expected) == 2
    assert messages(r003(word)) == expected


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "R003"])
    assert result.exit_code == 0
    assert result.output.startswith("R003 empty-resolution (resolution, error)\n")
    assert "mid-sentence" in result.output and "Example" in result.output


PLANNING = Path(__file__).resolve().parent / "fixtures" / "model" / "planning_committee.html"


def test_parts_in_a_numbered_html_list_ending_and_are_not_cut():
    """ "subject to: 1. a Section 106 agreement; and 2. the conditions ...": the first part
    goes on in the second, as an ordered list's items in a web page."""
    assert messages(r003(PLANNING)) == []


def test_the_last_part_of_that_list_cut_off_is_found(tmp_path):
    cut = edited(tmp_path, PLANNING, ("the conditions in the report.", "the conditions in the."))
    assert messages(r003(cut)) == [
        'minute 47 "23/1187/FUL - Land at Station Road": the resolution ends mid-sentence: '
        '"... the conditions in the."'
    ]


def test_a_resolution_ending_on_an_amount_is_whole(tmp_path):
    """ "... be set at £186,400.": the last word is "at", but the sentence ends on the
    amount after it."""
    town = Path(__file__).resolve().parent / "fixtures" / "model" / "town_council_min_numbers.txt"
    assert messages(r003(town)) == []
    cut = edited(tmp_path, town, ("be set at £186,400.\n", "be set at.\n"))
    assert messages(r003(cut)) == [
        'minute 24/105 "BUDGET AND PRECEPT 2024/25": the resolution ends mid-sentence: '
        '"... 2024/25 be set at."'
    ]
