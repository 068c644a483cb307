"""P002 near-duplicate-paragraph: an edited copy left beside the original."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SHARED, all_real_documents, seed
from engine_support import check, document, minutes, run_rule

from minlint.cli import cli
from minlint.lint.diff.words import word_diff
from minlint.lint.duplicates import fills_a_formula
from minlint.lint.model import Minute, ParsedDocument

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules_p"
DRAFT = FIXTURES / "draft_2024-03-05.txt"


def minutes_of(*items: tuple[str, list[str]]) -> ParsedDocument:
    """A draft whose minutes have these titles and paragraphs."""
    texts: list[str] = []
    spans = []
    for title, paragraphs in items:
        spans.append((len(texts), len(paragraphs)))
        texts.append(f"{len(spans)}. {title}")
        texts.extend(paragraphs)
    doc = document(*texts)
    part = minutes(doc, dt.date(2024, 3, 5))
    part.items = [
        Minute(
            k + 1,
            items[k][0],
            doc.blocks[at].line,
            doc.blocks[at + n].line,
            list(doc.blocks[at + 1 : at + 1 + n]),
        )
        for k, (at, n) in enumerate(spans)
    ]
    return ParsedDocument(doc, [part])


ORIGINAL = (
    "The Head of Service said that the new depot would open in June and that every crew "
    "would move there by the end of the summer. Members welcomed the news."
)
EDITED = (
    "The Head of Service said the new depot would open in July and that each crew would "
    "move there by the end of the summer. Members welcomed the news."
)


def test_flags_the_edited_copy_in_the_fixture():
    result = check(DRAFT, select=("P002",))
    assert [(f.line, f.column, f.end_line, f.message) for f in result.findings] == [
        (
            65,
            1,
            67,
            "nearly the same as the paragraph at line 61 (similarity 0.96): …would arrive in "
            "[-June-]{+July+}, so that [-every-]{+each+} ward would be… …during the summer "
            "{+months+}.",
        )
    ]
    (found,) = result.findings
    assert [(r.line, r.message) for r in found.related] == [(61, "the other version")]
    assert (found.code, found.name, found.category, found.severity) == (
        "P002",
        "near-duplicate-paragraph",
        "duplicate",
        "warning",
    )


def test_the_planted_near_duplicate_in_the_example_draft():
    result = check(EXAMPLES / "draft_minutes_2024-06-11.md", select=("P002",))
    assert [(f.line, f.message) for f in result.findings] == [
        (
            119,
            "nearly the same as the paragraph at line 115 (similarity 0.95): …new CCTV cameras "
            "[-installed-] in the town centre had made [-a-]{+any+} difference. The Community "
            "Safety Manager said [-that-] a baseline of… …with the same [-months-]{+period+} "
            "next year.",
        )
    ]


def test_an_edited_copy_in_the_same_minute():
    found = run_rule("P002", minutes_of(("DEPOT", [ORIGINAL, "Other business.", EDITED])))
    assert [(f.line, f.related[0].line) for f in found] == [(7, 3)]


def test_across_minutes_only_close_copies_of_substantial_paragraphs():
    """Parallel items are worded alike: in another minute, a near copy must be a
    substantial paragraph (two sentences, or twice the minimum length) and closer
    (halfway between the threshold and identical)."""
    one = (
        "The Head of Service said that the new depot would open in June and that every crew "
        "would move."
    )
    one_edited = one.replace("every crew", "each crew")
    assert run_rule("P002", minutes_of(("DEPOT", [one]), ("CREWS", [one_edited]))) == []
    # Two sentences, edited in three places (similarity 0.93): two items worded alike.
    assert run_rule("P002", minutes_of(("DEPOT", [ORIGINAL]), ("CREWS", [EDITED]))) == []
    close = ORIGINAL.replace("every crew", "each crew")
    found = run_rule("P002", minutes_of(("DEPOT", [ORIGINAL]), ("CREWS", [close])))
    assert [f.message for f in found] == [
        "nearly the same as the paragraph at line 3 (minute 1) (similarity 0.98): …June and "
        "that [-every-]{+each+} crew would move…"
    ]


def test_the_threshold_comes_from_the_configuration(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(DRAFT.read_bytes())
    assert [f.line for f in check(draft, select=("P002",)).findings] == [65]
    (tmp_path / "minlint.toml").write_text("[thresholds]\nnear-duplicate-ratio = 0.99\n")
    assert check(draft, select=("P002",)).findings == []


@pytest.mark.parametrize(
    ("old", "new", "formula"),
    [
        (
            "The motion was moved by Councillor Ryan, seconded by Councillor Walsh and carried.",
            "The motion was moved by Councillor Doyle, seconded by Councillor Quinn and carried.",
            True,
        ),
        (
            "concerning disposal of property at 31, McDermott Avenue, Janesboro, Limerick.",
            "concerning disposal of land at 1, Clarke Avenue, Janesboro, Limerick.",
            True,
        ),
        (
            "the impact of the pandemic on the delivery of Primary Education",
            "the impact of the pandemic on the delivery of Secondary Education",
            True,
        ),
        (
            "Councillors Kilcoyne, Leddin, McSweeney, Murphy, O'Donovan and Ryan voted for.",
            "Councillors Kilcoyne, Leddin, McSweeney, O'Donovan and Ryan voted for.",
            True,
        ),
        (
            "Each Member shall be permitted to submit two Notices of Motion for each meeting.",
            "Each Member shall be permitted to submit three Questions for each meeting.",
            True,
        ),
        (
            "sweepers would arrive in June, so that every ward would be swept in the summer.",
            "sweepers would arrive in July, so that each ward would be swept in the summer months.",
            False,
        ),
        (
            "Councillor Philips asked about the depot.",
            "Councillor Phillips asked about the new depot.",
            False,
        ),
        (
            "cameras installed in the town centre had made a difference.",
            "cameras in the town centre had made any difference.",
            False,
        ),
    ],
)
def test_one_formula_filled_twice(old, new, formula):
    assert fills_a_formula(word_diff(old, new)) is formula


def test_the_seeds_have_no_near_duplicates():
    result = check(*(seed(p) for p in ("000", "001", "002", "003", "004")), select=("P002",))
    assert result.findings == []


def test_no_near_duplicate_in_any_real_document():
    """Parallel wording is everywhere in real minutes (each motion "proposed by ...,
    seconded by ...", each property disposal in the same statutory words, the thanks at
    the end of each item); none of it is an edited copy."""
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    result = check(*documents, select=("P002",))
    assert [str(e) for e in result.errors] == []
    assert [(f.path, f.line, f.message) for f in result.findings] == []


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "near-duplicate-paragraph"])
    assert result.exit_code == 0
    assert result.output.startswith("P002 near-duplicate-paragraph (duplicate, warning)\n")
