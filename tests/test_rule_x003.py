"""X003 attached-minutes-mismatch: what it must flag, what it must not, the real documents."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SHARED, all_real_documents, corpus, seed
from engine_support import check, variant

from minlint.cli import cli
from minlint.lint.findings import Related
from minlint.lint.parse import parse_path
from minlint.rules.x003_attached_minutes_mismatch import (
    attachments,
    before_meeting,
    item_blocks,
    stated_dates,
)

HERE = Path(__file__).resolve().parent / "fixtures" / "rules_x003_d003"
MERTON = "merton-audit-committee/2009-10-22_audit-committee_agenda-pack"


def x003(*paths, **options):
    return check(*paths, select=("X003",), **options)


def located(result):
    return [(Path(f.path).name, f.line, f.column, f.message) for f in result.findings]


def minutes_item_dates(path) -> list[dt.date]:
    """The dates the agenda's minutes item gives, as the rule reads them."""
    parsed = parse_path(path)
    ((agenda, _),) = attachments(parsed)
    found = []
    for item in agenda.items:
        if "minutes" in item.title.lower():
            found += [s.date for s in stated_dates(item_blocks(agenda, item), agenda.date) or []]
    return found


# --- the published instance ------------------------------------------------------------


def test_the_real_pack_of_july_2020_attaches_the_march_minutes():
    path = seed("000")
    result = x003(path)
    assert result.errors == []
    (found,) = result.findings
    assert (found.path, found.line, found.column) == (str(path), 35, 44)
    assert found.message == (
        "the agenda says the minutes of 16 June 2020 are attached, "
        "but the attached minutes are of 3 March 2020"
    )
    assert (found.code, found.name, found.category, found.severity) == (
        "X003",
        "attached-minutes-mismatch",
        "record",
        "error",
    )
    assert found.related == (Related(str(path), 100, "attached minutes of 3 March 2020"),)


def test_the_real_pack_with_its_item_corrected_is_not_flagged(tmp_path):
    fixed = variant(
        tmp_path,
        seed("000"),
        ("held on 16 June 2020 (Pages", "held on 3 March 2020 (Pages"),
        ("held on 16 June \n2020", "held on 3 March \n2020"),
    )
    assert x003(fixed).findings == []


# --- consistent real packs ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "dates"),
    [
        # "held on 9 and 22 March" on the agenda of 15 June 2021, in the title and below it.
        ("001", [dt.date(2021, 3, 9), dt.date(2021, 3, 22)] * 2),
        ("004", [dt.date(2018, 1, 23)]),
    ],
)
def test_real_packs_whose_minutes_match_are_read_and_not_flagged(path, dates):
    assert minutes_item_dates(seed(path)) == dates
    result = x003(seed(path))
    assert (result.findings, result.errors) == ([], [])


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_the_merton_pack_is_read_and_not_flagged(suffix):
    path = corpus(MERTON + suffix)
    if suffix == ".pdf":
        pytest.importorskip("pypdf")
    assert minutes_item_dates(path) == [dt.date(2009, 9, 24)]
    result = x003(path)
    assert (result.findings, result.errors) == ([], [])


def test_only_the_july_2020_pack_is_flagged_among_the_real_documents():
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    pdf = SHARED / "corpus" / (MERTON + ".pdf")
    if pdf.exists() and importlib.util.find_spec("pypdf") is not None:
        documents.append(pdf)
    result = x003(*documents)
    assert [str(e) for e in result.errors] == []
    assert [(Path(f.path).name, f.line) for f in result.findings] == [(seed("000").name, 35)]


# --- written fixtures ---------------------------------------------------------------------


def test_an_item_left_from_the_previous_pack_is_flagged():
    result = x003(HERE / "x003_pack_stale_item.txt")
    assert located(result) == [
        (
            "x003_pack_stale_item.txt",
            17,
            44,
            "the agenda says the minutes of 13 December 2023 are attached, "
            "but the attached minutes are of 8 November 2023",
        )
    ]
    (found,) = result.findings
    assert [(Path(r.path).name, r.line, r.message) for r in found.related] == [
        ("x003_pack_stale_item.txt", 35, "attached minutes of 8 November 2023")
    ]


def test_a_december_date_on_a_january_agenda_is_the_december_before(tmp_path):
    fixed = variant(
        tmp_path,
        HERE / "x003_pack_stale_item.txt",
        ("Wednesday, 8th November, 2023", "Wednesday, 13th December, 2023"),
    )
    assert minutes_item_dates(fixed) == [dt.date(2023, 12, 13)] * 2
    assert x003(fixed).findings == []


def test_one_of_two_sets_of_minutes_not_attached_is_flagged():
    result = x003(HERE / "x003_pack_two_sets.md")
    assert [(f.line, f.message) for f in result.findings] == [
        (
            15,
            "the agenda says the minutes of 20 September 2023 are attached, "
            "but the attached minutes are of 6 September 2023 and 27 September 2023",
        )
    ]
    (found,) = result.findings
    assert [(r.line, r.message) for r in found.related] == [
        (28, "attached minutes of 6 September 2023"),
        (45, "attached minutes of 27 September 2023"),
    ]


def test_other_mentions_of_minutes_are_not_the_attachment():
    # The item about the previous minutes matches; the Cabinet's minutes (not attached)
    # and minutes recalled in a report's item are not what the pack attaches.
    path = HERE / "x003_pack_consistent.txt"
    assert minutes_item_dates(path) == [dt.date(2024, 1, 17)] * 2
    result = x003(path)
    assert (result.findings, result.errors) == ([], [])


def test_a_pack_attaching_only_another_bodys_minutes_is_not_compared():
    result = x003(HERE / "x003_pack_other_body.txt")
    assert (result.findings, result.errors) == ([], [])


def test_attached_minutes_without_a_date_are_not_compared(tmp_path):
    undated = variant(
        tmp_path, HERE / "x003_pack_stale_item.txt", ("Wednesday, 8th November, 2023\n", "")
    )
    ((_, after),) = attachments(parse_path(undated))
    assert [p.kind for p in after] == ["minutes"] and after[0].date is None
    result = x003(undated)
    assert (result.findings, result.errors) == ([], [])


def test_a_date_that_opens_another_attachment_counts_as_attached(tmp_path):
    # The minutes were not recognised as minutes (no "Present:-" line): the pack still
    # holds a part headed with the date the agenda gives, so nothing is said.
    text = (HERE / "x003_pack_two_sets.md").read_text(encoding="utf-8")
    second = text.index("**ENVIRONMENT AND TRANSPORT SCRUTINY PANEL**\n**Wednesday 27")
    extra = (
        "**TO:** Environment and Transport Scrutiny Panel\n\n"
        "**DATE:** Wednesday 20 September 2023\n\n"
        "Minutes of the informal meeting held on 20 September 2023.\n\n"
    )
    path = tmp_path / "pack.md"
    path.write_text(text[:second] + extra + text[second:], encoding="utf-8")
    kinds = [p.kind for p in parse_path(path).parts]
    assert kinds == ["agenda", "minutes", "report", "minutes"]
    result = x003(path)
    assert (result.findings, result.errors) == ([], [])


def test_an_agenda_without_attached_minutes_is_not_checked():
    # The example agenda's item 2 still names the April minutes, but the minutes are a
    # separate file, not an attachment of this one.
    result = x003(EXAMPLES / "agenda_2024-06-11.txt")
    assert (result.findings, result.errors) == ([], [])


def test_minutes_are_not_checked_as_an_agenda():
    result = x003(EXAMPLES / "draft_minutes_2024-06-11.md", seed("002"), seed("003"))
    assert result.findings == []


@pytest.mark.parametrize(
    ("meeting", "day", "month", "expected"),
    [
        (dt.date(2021, 6, 15), 22, 3, dt.date(2021, 3, 22)),
        (dt.date(2024, 1, 17), 13, 12, dt.date(2023, 12, 13)),
        (dt.date(2024, 3, 20), 29, 2, dt.date(2024, 2, 29)),
        # Neither this year nor the last has a 29 February: the date is not guessed.
        (dt.date(2023, 3, 20), 29, 2, None),
    ],
)
def test_an_omitted_year_puts_the_date_before_the_meeting(meeting, day, month, expected):
    assert before_meeting(day, month, meeting) == expected


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "X003"])
    assert result.exit_code == 0
    assert result.output.startswith("X003 attached-minutes-mismatch (record, error)\n")
    assert "What it checks" in result.output and "Example" in result.output


# --- an agenda whose minutes are a separate file -------------------------------------------

PREVIOUS = EXAMPLES / "minutes_2024-05-14.txt"


def test_the_example_agenda_still_naming_the_april_minutes_is_flagged():
    result = x003(EXAMPLES / "agenda_2024-06-11.txt", records=(str(EXAMPLES),))
    (found,) = result.findings
    assert (found.line, found.column) == (36, 45)
    assert found.message == (
        "the agenda names the minutes of 16 April 2024, but the minutes of the previous "
        "meeting are of 14 May 2024, which approved those of 16 April 2024"
    )
    assert [(Path(r.path).name, r.line) for r in found.related] == [
        ("agenda_2024-06-11.txt", 34),
        (PREVIOUS.name, 2),
    ]
    # Named with --previous, the same.
    named = x003(EXAMPLES / "agenda_2024-06-11.txt", previous=str(PREVIOUS))
    assert [f.line for f in named.findings] == [36]


def test_an_agenda_naming_only_the_previous_minutes_is_not_flagged(tmp_path):
    fixed = variant(
        tmp_path,
        EXAMPLES / "agenda_2024-06-11.txt",
        ("meeting held on 16 April 2024 as", "meeting held on 14 May 2024 as"),
    )
    assert x003(fixed, previous=str(PREVIOUS)).findings == []


def test_minutes_not_shown_to_be_the_meeting_before_are_not_compared(tmp_path):
    # The agenda's item names only 16 April, and the May minutes give another next
    # meeting: nothing says they are the minutes this agenda presents.
    agenda = variant(
        tmp_path,
        EXAMPLES / "agenda_2024-06-11.txt",
        ("meeting held on 14 May 2024 (Pages", "meeting held on 16 April 2024 (Pages"),
    )
    previous = variant(tmp_path, PREVIOUS, ("Tuesday 11th June, 2024", "Tuesday 18th June, 2024"))
    assert x003(agenda, previous=str(previous)).findings == []
