"""N002 dangling-reference: minute and agenda item references that point at nothing, or
at another subject."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, SHARED, seed
from engine_support import check, copies, variant

from minlint.cli import cli

DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"
AGENDA = EXAMPLES / "agenda_2024-06-11.txt"
PREVIOUS = EXAMPLES / "minutes_2024-05-14.txt"


def n002(path, **options):
    result = check(path, select=("N002",), **options)
    assert [str(e) for e in result.errors] == []
    return result.findings


def with_records(path):
    return n002(path, agenda=str(AGENDA), previous=str(PREVIOUS), records=(str(EXAMPLES),))


# --- the bundled example ---------------------------------------------------------------


def test_the_example_agenda_item_beyond_the_agenda_is_flagged():
    (found,) = with_records(DRAFT)
    assert (found.line, found.column, found.end_column) == (133, 81, 95)
    assert found.message == "agenda item 14 is not on the agenda of this meeting (items 1 to 13)"
    # The libraries item, which the sentence is about, and the agenda's last item.
    assert [(Path(r.path).name, r.line, r.message) for r in found.related] == [
        (
            AGENDA.name,
            58,
            "item 8: Libraries and Neighbourhood Hubs Review - Consultation Proposals",
        ),
        (AGENDA.name, 79, "the last item, 13"),
    ]


def test_without_the_agenda_an_agenda_item_is_not_checked():
    assert n002(DRAFT) == []


def test_a_minute_of_the_previous_meeting_on_another_subject_is_flagged(tmp_path):
    folder = copies(tmp_path, EXAMPLES)
    draft = variant(
        folder,
        folder / DRAFT.name,
        ("Minute No. 7 (Empty Council Homes", "Minute No. 6 (Empty Council Homes"),
    )
    (found,) = n002(draft, records=(str(folder),))
    assert found.line == 22
    assert found.message == (
        'Minute No. 6 is given as "Empty Council Homes - Re-let Performance", but that minute '
        'of 14 May 2024 is "HOMELESSNESS PREVENTION STRATEGY - MID-POINT REVIEW"'
    )
    assert [(Path(r.path).name, r.line) for r in found.related] == [(PREVIOUS.name, 90)]


def test_a_minute_missing_from_the_meeting_named_is_flagged(tmp_path):
    folder = copies(tmp_path, EXAMPLES)
    draft = variant(
        folder,
        folder / DRAFT.name,
        (
            "Minute No. 6 of the meeting held on 14 May",
            "Minute No. 16 of the meeting held on 14 May",
        ),
    )
    (found,) = n002(draft, records=(str(folder),))
    assert found.line == 72
    assert found.message == "minute 16 is not among the minutes of 14 May 2024 (1 to 12)"
    # Without those minutes among the records, another meeting's minute is left alone.
    (folder / PREVIOUS.name).unlink()
    assert n002(draft, records=(str(folder),)) == []


def test_another_bodys_minute_is_not_checked(tmp_path):
    draft = variant(
        tmp_path,
        DRAFT,
        ("Minute No. 6 of the meeting held on 14 May 2024", "Cabinet Minute No. 60"),
        ("under Minute No. 5 of the meeting held on 14 May 2024", "under Minute 99 of the Cabinet"),
    )
    assert n002(draft, records=(str(EXAMPLES),)) == []


# --- the real documents ------------------------------------------------------------------


def test_no_real_reference_is_flagged():
    """Every real reference resolves (seed 002's "Minute 102 (Rotherham Youth Justice
    Service Progress Report)", Tintern's "Agenda No. 2792", Limerick's "Item No. 4 was
    taken next") or points at minutes missing from the records (seed 003's "Minute No.
    53 of the Commission held on 22nd March, 2017", seed 004's "Minute No. 101
    (Communications)" of the meeting before)."""
    if not SEEDS.is_dir():
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    for folder in [SEEDS, *sorted(p for p in CORPUS.glob("*") if p.is_dir())]:
        assert n002(folder, records=(str(folder),)) == [], folder


def test_a_minute_after_the_last_of_real_minutes_is_flagged(tmp_path):
    edited = variant(tmp_path, seed("002"), ("Minute 102 (Rotherham", "Minute 108 (Rotherham"))
    (found,) = n002(edited)
    assert (found.line, found.column) == (23, 1)
    assert found.message == "minute 108 is not among these minutes (95 to 106)"


def test_a_real_minute_reference_on_another_subject_is_flagged(tmp_path):
    edited = variant(tmp_path, seed("002"), ("Minute 102 (Rotherham", "Minute 101 (Rotherham"))
    (found,) = n002(edited)
    assert found.message == (
        'Minute 101 is given as "Rotherham Youth Justice Service Progress Report", but that '
        "minute is \"CHILDREN'S AND YOUNG PEOPLES SERVICE PERFORMANCE AND YEAR END "
        'PERFORMANCE"'
    )


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "N002"])
    assert result.exit_code == 0
    assert result.output.startswith("N002 dangling-reference (numbering, error)\n")


def test_a_set_numbered_afresh_at_every_meeting_is_checked_past_its_last(tmp_path):
    # Limerick's minutes start at 1 every month: "Minute 40" in minutes of 25 items is
    # none of them. In the first minutes of the records nothing shows the numbering
    # starts afresh at every meeting (it might be the start of a year).
    from conftest import corpus

    folder = copies(tmp_path, corpus("limerick-metropolitan"))
    draft = folder / "2021-02-15_minutes.md"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("\n\n", "\n\nAs recorded at Minute 40.\n\n", 1), encoding="utf-8")
    (found,) = n002(draft, records=(str(folder),))
    assert found.message == (
        "minute 40 is not among these minutes (1 to 25), which are numbered afresh at each meeting"
    )
    first = folder / "2021-01-18_minutes.md"
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("\n\n", "\n\nAs recorded at Minute 40.\n\n", 1), encoding="utf-8")
    assert n002(first, records=(str(folder),)) == []


def _minutes_with_years(tmp_path, labels: list[str], sentence: str) -> list[str]:
    lines = ["Minutes of the meeting of Kingswood Parish Council held on 9 April 2025.", ""]
    lines += ["Present: Cllrs Abbott (Chairman), Bishop, Cole.", ""]
    titles = ["Apologies", "Minutes", "Finance", "Planning", "Highways"]
    for label, title in zip(labels, titles, strict=True):
        lines += [f"{label}  {title}", "The council considered the matter.", ""]
    lines += [sentence, ""]
    path = tmp_path / "minutes.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return [f.message for f in check(path, select=("N002",)).findings]


@pytest.mark.parametrize(
    ("labels", "sentence", "expected"),
    [
        (["145/25", "146/25", "147/25", "148/25", "149/25"], "See also minute 158/25.",
         ["minute 158/25 is not among these minutes (145/25 to 149/25)"]),
        (["25/145", "25/146", "25/147", "25/148", "25/149"], "See also minute 25/158.",
         ["minute 25/158 is not among these minutes (25/145 to 25/149)"]),
        (["FC/25/045", "FC/25/046", "FC/25/047", "FC/25/048", "FC/25/049"],
         "See also minute FC/25/058.",
         ["minute FC/25/058 is not among these minutes (FC/25/045 to FC/25/049)"]),
        # a minute that is there, and a minute of another year: nothing to report
        (["145/25", "146/25", "147/25", "148/25", "149/25"], "See also minute 147/25.", []),
        (["145/25", "146/25", "147/25", "148/25", "149/25"], "See also minute 158/24.", []),
    ],
)  # fmt: skip
def test_references_written_with_the_year(tmp_path, labels, sentence, expected):
    assert _minutes_with_years(tmp_path, labels, sentence) == expected
