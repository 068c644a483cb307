"""P003 copied-from-previous: a discussion paragraph carried over from the last minutes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, corpus, seed
from engine_support import check

from minlint.cli import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules_p"
DRAFT = FIXTURES / "draft_2024-03-05.txt"
PREVIOUS = FIXTURES / "previous_2024-02-06.txt"


def found(result):
    return [
        (f.line, f.end_line, f.message, [(r.path, r.line) for r in f.related])
        for f in result.findings
    ]


def test_flags_the_paragraph_carried_over_in_the_fixture():
    result = check(DRAFT, previous=str(PREVIOUS), select=("P003",))
    assert result.errors == []
    assert found(result) == [
        (
            57,
            59,
            f"paragraph copied from the previous minutes of 6 February 2024 ({PREVIOUS}:25)",
            [(str(PREVIOUS), 25)],
        )
    ]
    (finding,) = result.findings
    assert (finding.code, finding.name, finding.severity) == (
        "P003",
        "copied-from-previous",
        "warning",
    )


def test_what_the_fixture_repeats_on_purpose_is_not_flagged():
    """Who attended, the webcast notice, no declarations, no public questions, the
    resolution noting the report, and the matters arising carried forward."""
    flagged = {f.line for f in check(DRAFT, previous=str(PREVIOUS), select=("P003",)).findings}
    for line in (4, 7, 10, 15, 19, 69, 88):
        assert line not in flagged, line


def test_it_does_not_run_without_the_previous_minutes():
    assert check(DRAFT, select=("P003",)).findings == []


def test_an_edited_copy_of_a_previous_paragraph_shows_the_words_that_differ(tmp_path):
    draft = tmp_path / "draft.txt"
    text = DRAFT.read_text(encoding="utf-8")
    old = "litter in the town centre had fallen for the second quarter running."
    assert old in text
    draft.write_text(
        text.replace(old, "litter in the town centre had dropped for the second quarter running.")
    )
    (message,) = [
        f.message for f in check(draft, previous=str(PREVIOUS), select=("P003",)).findings
    ]
    assert message == (
        "nearly the same as a paragraph of the previous minutes of 6 February 2024 "
        f"({PREVIOUS}:25, similarity 0.97): "
        "…town centre had [-fallen-]{+dropped+} for the second…"
    )


def test_the_same_meeting_s_minutes_are_not_a_previous_record():
    """Minutes dated as the previous record are the same meeting's (a pack's attached
    copy); a draft that is mostly the previous record word for word is another version
    of it (a draft and its final text, undated, as Tintern files them)."""
    assert check(PREVIOUS, previous=str(PREVIOUS), select=("P003",)).findings == []
    draft = corpus("tintern-wyevalley-cc/20230108_minutes.txt")
    final = corpus("tintern-wyevalley-cc/20240108_minutes.txt")
    assert check(final, previous=str(draft), select=("P003",)).findings == []


def test_the_planted_copy_in_the_example_draft():
    result = check(
        EXAMPLES / "draft_minutes_2024-06-11.md",
        previous=str(EXAMPLES / "minutes_2024-05-14.txt"),
        records=(str(EXAMPLES),),
        select=("P003",),
    )
    assert [
        (f.line, f.message, [(r.line, r.message) for r in f.related]) for f in result.findings
    ] == [
        (
            88,
            "paragraph copied from the previous minutes of 14 May 2024 "
            f"({EXAMPLES / 'minutes_2024-05-14.txt'}:100)",
            [(100, "the paragraph in the previous minutes")],
        )
    ]


def _folders() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return [SEEDS, *sorted(p for p in CORPUS.iterdir() if p.is_dir())]


def test_no_copy_in_the_real_documents_with_their_records():
    folders = _folders()
    if not folders:
        pytest.skip("the real documents are not beside the checkout")
    for folder in folders:
        result = check(folder, records=(str(folder),), select=("P003",))
        assert [(f.path, f.line, f.message) for f in result.findings] == [], folder


@pytest.mark.parametrize(
    ("previous", "draft"),
    [
        ("tintern-wyevalley-cc/20191028_minutes.txt", "tintern-wyevalley-cc/20191125_minutes.txt"),
        ("tintern-wyevalley-cc/20200127_minutes.txt", "tintern-wyevalley-cc/20200224_minutes.txt"),
        ("tintern-wyevalley-cc/20231127_minutes.txt", "tintern-wyevalley-cc/20240108_minutes.txt"),
        ("tintern-wyevalley-cc/20240108_minutes.txt", "tintern-wyevalley-cc/20240129_minutes.txt"),
        (
            "mscc-manordeilo-salem/minutes_2020-01-08.html",
            "mscc-manordeilo-salem/minutes_2020-02-12.html",
        ),
        (
            "mscc-manordeilo-salem/minutes_2020-02-12.html",
            "mscc-manordeilo-salem/minutes_2020-03-11.html",
        ),
        (
            "limerick-metropolitan/2021-02-15_minutes.md",
            "limerick-metropolitan/2021-03-19_minutes.md",
        ),
        (
            "limerick-newcastle-west/2018-01-10_minutes.md",
            "limerick-newcastle-west/2018-02-07_minutes.md",
        ),
        ("limerick-council/2020-09-28_minutes.md", "limerick-council/2020-12-03_minutes.md"),
    ],
)
def test_consecutive_real_minutes(previous, draft):
    """Consecutive meetings repeat their standing items and carry their matters arising
    forward (Manordeilo's action list, Limerick's registers of orders); none of it is a
    copied discussion paragraph."""
    result = check(corpus(draft), previous=str(corpus(previous)), select=("P003",))
    assert [(f.line, f.message) for f in result.findings] == []


def test_consecutive_seeds():
    result = check(seed("003"), previous=str(seed("004")), select=("P003",))
    assert result.findings == []


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "P003"])
    assert result.exit_code == 0
    assert "previous minutes" in result.output
