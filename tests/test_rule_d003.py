"""D003 meeting-date-mismatch: the minutes' date against the agenda of the same meeting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, SHARED, all_real_documents, seed
from engine_support import agenda, document, minutes, run_rule, variant
from engine_support import check as run

from minlint.cli import cli
from minlint.lint.findings import Related
from minlint.lint.model import (
    AgendaItem,
    AgendaPart,
    Minute,
    MinutesPart,
    NextMeeting,
    ParsedDocument,
)
from minlint.lint.parse import parse_path
from minlint.lint.records import Record, Records, primary_part
from minlint.rules.d003_meeting_date_mismatch import SAME_MEETING_DAYS

HERE = Path(__file__).resolve().parent / "fixtures" / "rules_x003_d003"
AGENDA = HERE / "d003_agenda_2024-03-07.txt"
DRAFT = HERE / "d003_draft_minutes.txt"


def d003(draft, agenda_path):
    return run(draft, select=("D003",), agenda=str(agenda_path))


def messages(result):
    return [(f.line, f.message) for f in result.findings]


# --- the bundled example ---------------------------------------------------------------


def test_the_example_draft_dated_a_week_late_is_flagged():
    draft = EXAMPLES / "draft_minutes_2024-06-11.md"
    agenda_path = EXAMPLES / "agenda_2024-06-11.txt"
    result = d003(draft, agenda_path)
    assert [str(e) for e in result.errors] == []
    (found,) = result.findings
    assert (found.path, found.line, found.severity) == (str(draft), 3, "error")
    assert (found.code, found.name, found.category) == ("D003", "meeting-date-mismatch", "date")
    assert found.message == (
        "the minutes are dated 18 June 2024, but the agenda of this meeting gives 11 June 2024"
    )
    assert found.related == (Related(str(agenda_path), 4, "the agenda's date: 11 June 2024"),)


def test_the_example_previous_minutes_are_not_this_agendas_meeting():
    # The agenda presents the minutes of 14 May 2024 for approval: it is a later meeting's.
    result = d003(EXAMPLES / "minutes_2024-05-14.txt", EXAMPLES / "agenda_2024-06-11.txt")
    assert result.findings == []


# --- written fixtures --------------------------------------------------------------------


def test_minutes_dated_as_their_agenda_are_not_flagged():
    result = d003(DRAFT, AGENDA)
    assert (result.findings, result.errors) == ([], [])


def test_a_wrong_day_is_flagged_at_the_date(tmp_path):
    draft = variant(tmp_path, DRAFT, ("Thursday, 7th March, 2024", "Thursday, 14th March, 2024"))
    result = d003(draft, AGENDA)
    (found,) = result.findings
    assert (found.line, found.column, found.end_column) == (2, 1, 27)
    assert found.message == (
        "the minutes are dated 14 March 2024, but the agenda of this meeting gives 7 March 2024"
    )
    assert [(Path(r.path).name, r.line) for r in found.related] == [(AGENDA.name, 4)]


def test_last_years_date_is_flagged_however_far_apart(tmp_path):
    draft = variant(tmp_path, DRAFT, ("Thursday, 7th March, 2024", "Tuesday, 7th March, 2023"))
    assert messages(d003(draft, AGENDA)) == [
        (
            2,
            "the minutes are dated 7 March 2023, but the agenda of this meeting gives "
            "7 March 2024 (only the year differs)",
        )
    ]


def test_an_agenda_months_away_is_another_meetings(tmp_path):
    draft = variant(tmp_path, DRAFT, ("Thursday, 7th March, 2024", "Thursday, 6th June, 2024"))
    assert d003(draft, AGENDA).findings == []


def test_the_agenda_of_the_meeting_before_is_not_compared(tmp_path):
    # The agenda's next meeting is the draft's date.
    draft = variant(tmp_path, DRAFT, ("Thursday, 7th March, 2024", "Thursday, 4th April, 2024"))
    assert d003(draft, AGENDA).findings == []


def test_the_agenda_of_the_meeting_after_is_not_compared(tmp_path):
    # The draft's next meeting is the agenda's date; the agenda presents the draft's minutes.
    draft = variant(
        tmp_path,
        DRAFT,
        ("Thursday, 7th March, 2024", "Thursday, 8th February, 2024"),
        ("Thursday, 4th April, 2024", "Thursday, 7th March, 2024"),
    )
    assert d003(draft, AGENDA).findings == []


def test_another_bodys_agenda_is_not_compared(tmp_path):
    draft = variant(
        tmp_path,
        DRAFT,
        ("PLANNING AND REGULATION COMMITTEE", "LICENSING COMMITTEE"),
        ("Thursday, 7th March, 2024", "Thursday, 14th March, 2024"),
    )
    assert primary_part(parse_path(draft)).body == "LICENSING COMMITTEE"
    assert d003(draft, AGENDA).findings == []


def test_an_undated_draft_is_not_compared(tmp_path):
    draft = variant(tmp_path, DRAFT, ("Thursday, 7th March, 2024\n", ""))
    assert primary_part(parse_path(draft)).date is None
    assert d003(draft, AGENDA).findings == []


def test_an_agenda_whose_date_is_its_next_meeting_is_not_compared(tmp_path):
    # Without its "Date and Time" line the agenda is read as dated 4 April 2024, the date
    # it gives for the next meeting: that is not its own date.
    agenda_path = variant(
        tmp_path, AGENDA, ("Date and Time :- Thursday, 7 March 2024 at 2.00 p.m.\n", "")
    )
    part = parse_path(agenda_path).agendas[0]
    assert part.date == part.next_meeting.date == dt.date(2024, 4, 4)
    draft = variant(tmp_path, DRAFT, ("Thursday, 4th April, 2024", "Thursday, 11th April, 2024"))
    assert d003(draft, agenda_path).findings == []


def test_a_pack_is_not_checked_as_minutes(tmp_path):
    # The pack's first part is an agenda: its attached minutes are of earlier meetings.
    assert d003(seed("004"), AGENDA).findings == []


def test_without_an_agenda_the_rule_does_not_run():
    result = run(DRAFT, select=("D003",), records=(str(HERE),))
    assert result.findings == []


# --- the decisions, on parts built by hand ------------------------------------------------


def built(
    minutes_date: dt.date | None,
    agenda_date: dt.date | None,
    *,
    minutes_body: str | None = "Test Panel",
    agenda_body: str | None = "Test Panel",
    agenda_next: dt.date | None = None,
    minutes_next: dt.date | None = None,
    minute_titles: tuple[str, ...] = (),
):
    doc = document("TEST PANEL", "Minutes of the meeting.")
    draft = minutes(doc, minutes_date, body=minutes_body)
    draft.date_line = 1
    if minutes_next is not None:
        draft.next_meeting = NextMeeting(minutes_next, None, 3)
    draft.items = [Minute(n, title, 3, 3) for n, title in enumerate(minute_titles, start=1)]
    adoc = document("TEST PANEL", "The agenda.", path="agenda.txt")
    part = agenda(adoc, agenda_date, body=agenda_body)
    part.date_line = 1
    if agenda_next is not None:
        part.next_meeting = NextMeeting(agenda_next, None, 3)
    record = Record("agenda.txt", part, agenda_body, agenda_date, primary=True)
    return run_rule("D003", ParsedDocument(doc, [draft]), Records(agenda=record))


MEETING = dt.date(2024, 3, 7)


@pytest.mark.parametrize(
    ("days", "flagged"),
    [
        (1, True),
        (-7, True),
        (SAME_MEETING_DAYS, True),
        (-SAME_MEETING_DAYS, True),
        (SAME_MEETING_DAYS + 1, False),
        (-SAME_MEETING_DAYS - 1, False),
        (900, False),
    ],
)
def test_dates_within_sixty_days_are_one_meeting(days, flagged):
    found = built(MEETING + dt.timedelta(days=days), MEETING)
    assert len(found) == (1 if flagged else 0)
    assert all(f.severity == "error" for f in found)


@pytest.mark.parametrize(
    ("minutes_date", "flagged"),
    [
        (dt.date(2023, 3, 7), True),
        (dt.date(2025, 3, 7), True),
        (dt.date(2022, 3, 7), False),  # two years: another meeting
        (dt.date(2023, 3, 8), False),  # a year and a day: another meeting
    ],
)
def test_only_a_year_off_by_one_is_a_typo_beyond_sixty_days(minutes_date, flagged):
    assert len(built(minutes_date, MEETING)) == (1 if flagged else 0)


def test_a_missing_date_or_a_known_different_body_says_nothing():
    later = MEETING + dt.timedelta(days=7)
    assert built(None, MEETING) == []
    assert built(later, None) == []
    assert built(later, MEETING, agenda_body="Licensing Committee") == []
    # An unknown body is not a different body.
    assert len(built(later, MEETING, agenda_body=None)) == 1
    assert len(built(later, MEETING, minutes_body="TEST PANEL")) == 1


def test_the_agenda_of_the_previous_meeting_says_nothing():
    later = MEETING + dt.timedelta(days=28)
    assert built(later, MEETING, agenda_next=later) == []
    assert len(built(later, MEETING, agenda_next=later + dt.timedelta(days=28))) == 1


def test_the_agenda_of_the_next_meeting_says_nothing():
    earlier = MEETING - dt.timedelta(days=28)
    assert built(earlier, MEETING, minutes_next=MEETING) == []
    assert len(built(earlier, MEETING, minutes_next=MEETING + dt.timedelta(days=1))) == 1


def test_the_agenda_of_the_meeting_whose_minutes_the_draft_approves_says_nothing():
    later = MEETING + dt.timedelta(days=28)
    title = "MINUTES OF THE PREVIOUS MEETING HELD ON {}"
    assert built(later, MEETING, minute_titles=(title.format("7TH MARCH, 2024"),)) == []
    found = built(later, MEETING, minute_titles=(title.format("8TH FEBRUARY, 2024"),))
    assert len(found) == 1


def test_an_agenda_dated_as_the_minutes_it_presents_says_nothing():
    later = MEETING + dt.timedelta(days=7)
    doc = document("TEST PANEL", "Minutes of the meeting.")
    draft = minutes(doc, later)
    adoc = document(
        "TEST PANEL",
        "2. Minutes of the previous meeting held on 7 March 2024",
        path="agenda.txt",
    )
    part = agenda(adoc, MEETING)
    part.items = [AgendaItem(2, "Minutes of the previous meeting held on 7 March 2024", 3)]
    record = Record("agenda.txt", part, part.body, MEETING, primary=True)
    assert run_rule("D003", ParsedDocument(doc, [draft]), Records(agenda=record)) == []


def test_an_agenda_presenting_the_drafts_minutes_says_nothing():
    earlier = MEETING - dt.timedelta(days=28)
    doc = document("TEST PANEL", "Minutes of the meeting.")
    draft = minutes(doc, earlier)
    adoc = document(
        "TEST PANEL",
        "2. Minutes of the previous meeting held on 8 February (Pages 1 - 4)",
        path="agenda.txt",
    )
    part = agenda(adoc, MEETING)
    part.items = [AgendaItem(2, "Minutes of the previous meeting held on 8 February", 3)]
    record = Record("agenda.txt", part, part.body, MEETING, primary=True)
    assert run_rule("D003", ParsedDocument(doc, [draft]), Records(agenda=record)) == []
    part.items[0].title = "Declarations of interest"
    assert len(run_rule("D003", ParsedDocument(doc, [draft]), Records(agenda=record))) == 1


# --- the real documents --------------------------------------------------------------------


def real_agendas() -> list[Path]:
    return [p for p in all_real_documents() if parse_path(p).agendas]


def test_the_2023_minutes_against_every_real_agenda_say_nothing():
    """Seed 002 (25 July 2023) is the minutes of none of the real agendas: three are of
    the same commission but years earlier, the rest are other bodies'."""
    agendas = real_agendas()
    if not agendas:
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    draft = seed("002")
    assert parse_path(draft).minutes[0].date == dt.date(2023, 7, 25)
    for agenda_path in agendas:
        result = d003(draft, agenda_path)
        assert [str(e) for e in result.errors] == [], agenda_path
        assert result.findings == [], agenda_path


def test_the_2023_minutes_against_a_real_agenda_redated_are_flagged(tmp_path):
    redated = variant(
        tmp_path, seed("000"), ("Tuesday, 28 July 2020 at", "Tuesday, 18 July 2023 at")
    )
    result = d003(seed("002"), redated)
    assert [(f.line, f.column, f.message) for f in result.findings] == [
        (
            4,
            1,
            "the minutes are dated 25 July 2023, but the agenda of this meeting gives 18 July 2023",
        )
    ]
    assert [(r.line, r.message) for r in result.findings[0].related] == [
        (4, "the agenda's date: 18 July 2023")
    ]


def test_the_tintern_pairs_are_dated_by_their_file_names_and_are_not_flagged():
    folder = CORPUS / "tintern-wyevalley-cc"
    pairs = sorted(folder.glob("*_agenda.txt")) if folder.is_dir() else []
    if not pairs:
        pytest.skip(f"the real documents are not beside the checkout ({folder})")
    for agenda_path in pairs:
        draft = agenda_path.with_name(agenda_path.name.replace("_agenda", "_minutes"))
        (part,) = parse_path(agenda_path).agendas
        assert (part.date_line, part.date_source, part.uncertain) == (None, "file name", ["date"])
        result = d003(draft, agenda_path)
        assert (result.findings, [str(e) for e in result.errors]) == ([], []), draft


def test_every_real_minutes_against_every_real_agenda_says_nothing():
    """The only real minutes whose agenda is among the documents have its date; every
    other pairing is another meeting's agenda (another body, months or years apart, or
    the next meeting's agenda presenting these minutes)."""
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    parsed = {p: parse_path(p) for p in documents}
    drafts = [p for p in documents if isinstance(primary_part(parsed[p]), MinutesPart)]
    agendas = [p for p in documents if parsed[p].agendas]
    compared = 0
    for draft in drafts:
        for agenda_path in agendas:
            part: AgendaPart = parsed[agenda_path].agendas[0]
            record = Record(str(agenda_path), part, part.body, part.date, primary=True)
            found = run_rule("D003", parsed[draft], Records(agenda=record))
            assert found == [], (draft.name, agenda_path.name)
            compared += bool(primary_part(parsed[draft]).date and part.date)
    assert compared > 100


def test_real_records_matched_by_body_and_date_say_nothing():
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    result = run(*documents, select=("D003",), records=(str(SEEDS), str(CORPUS)))
    assert [str(e) for e in result.errors] == []
    assert result.findings == []


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "meeting-date-mismatch"])
    assert result.exit_code == 0
    assert result.output.startswith("D003 meeting-date-mismatch (date, error)\n")
    assert "60 days" in result.output and "Example" in result.output
