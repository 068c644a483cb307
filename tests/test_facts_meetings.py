"""Facts about a body's meetings: the minutes a part names, the municipal year, and the
records before and after a meeting."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import EXAMPLES, all_real_documents, corpus, seed
from engine_support import document, minutes
from hypothesis import given
from hypothesis import strategies as st

from minlint.lint.facts.meetings import (
    about_the_body,
    before_meeting,
    follows,
    meeting_after,
    meetings,
    minutes_statements,
    municipal_year,
    previous_minutes,
)
from minlint.lint.model import AgendaItem, AgendaPart, Minute, MinutesPart, NextMeeting
from minlint.lint.parse import parse_path


def stated(path, kind=MinutesPart):
    parsed = parse_path(path)
    return [
        (s.line, s.title, s.dates, s.inferred)
        for p in parsed.parts
        if isinstance(p, kind)
        for s in minutes_statements(p)
    ]


@pytest.mark.parametrize(
    ("date", "start", "year"),
    [
        (dt.date(2024, 5, 1), 5, 2024),
        (dt.date(2024, 4, 30), 5, 2023),
        (dt.date(2024, 1, 10), 5, 2023),
        (dt.date(2024, 1, 10), 1, 2024),
        (dt.date(2023, 12, 31), 4, 2023),
    ],
)
def test_the_municipal_year_begins_in_its_month(date, start, year):
    assert municipal_year(date, start) == year


def test_a_date_without_its_year_is_on_or_before_the_meeting():
    assert before_meeting(13, 12, dt.date(2024, 1, 17)) == dt.date(2023, 12, 13)
    assert before_meeting(17, 1, dt.date(2024, 1, 17)) == dt.date(2024, 1, 17)
    assert before_meeting(29, 2, dt.date(2023, 3, 1)) is None


@pytest.mark.parametrize(
    ("desc", "body", "same"),
    [
        ("the previous meeting", None, True),
        ("the Commission's meeting", "Communities Select Commission", True),
        (
            "the meeting of the Improving Lives Select Commission,",
            "IMPROVING LIVES SELECT COMMISSION",
            True,
        ),
        (
            "Meeting of the Municipal District of Adare-Rathkeale",
            "MUNICIPAL DISTRICT OF ADARE-RATHKEALE",
            True,
        ),
        ("Rathkeale Area Committee Meeting", "MUNICIPAL DISTRICT OF ADARE-RATHKEALE", False),
        ("the Cabinet", "Communities Select Commission", False),
        ("a TCC meeting", None, False),
        ("the Licensing Sub-Committee", "Licensing Committee", False),
    ],
)
def test_minutes_of_another_body_are_told_apart(desc, body, same):
    assert about_the_body(desc, body) is same


def test_the_example_draft_names_its_previous_minutes_three_times():
    assert stated(EXAMPLES / "draft_minutes_2024-06-11.md") == [
        (20, True, (dt.date(2024, 5, 14),), False),
        (22, False, (dt.date(2024, 5, 14),), False),
        (24, False, (dt.date(2024, 5, 21),), False),
    ]
    # The agenda's item names them twice: the title and a stale description.
    assert stated(EXAMPLES / "agenda_2024-06-11.txt", AgendaPart) == [
        (34, True, (dt.date(2024, 5, 14),), False),
        (36, False, (dt.date(2024, 4, 16),), False),
    ]


def test_real_statements_are_read():
    # Two meetings in one title, the year taken from the agenda's date.
    assert stated(seed("001"), AgendaPart)[0] == (
        21,
        True,
        (dt.date(2021, 3, 9), dt.date(2021, 3, 22)),
        True,
    )
    # "the minutes of the last meeting held on the 8th January 2020"
    assert stated(corpus("mscc-manordeilo-salem/minutes_2020-02-12.html")) == [
        (20, False, (dt.date(2020, 1, 8),), False)
    ]
    # Two sets adopted under one item, in separate paragraphs.
    assert [s[2] for s in stated(corpus("limerick-metropolitan/2021-02-15_minutes.md"))] == [
        (dt.date(2021, 1, 18),),
        (dt.date(2021, 1, 27),),
    ]
    # "To note the Minutes of Rathkeale Area Committee": another body's, left out.
    assert [s[2] for s in stated(corpus("limerick-adare-rathkeale/2014-07-08_minutes.md"))] == [
        (dt.date(2014, 6, 10),)
    ]


def test_a_file_of_one_line_does_not_take_its_heading_for_earlier_minutes():
    # The 2021 Tintern minutes are one line: every block is on line 1.
    assert stated(corpus("tintern-wyevalley-cc/20210125_minutes.txt")) == []


def test_statements_are_read_in_every_real_document_without_error():
    for path in all_real_documents():
        for part in parse_path(path).parts:
            if isinstance(part, (MinutesPart, AgendaPart)):
                for s in minutes_statements(part):
                    assert part.date is None or part.date not in s.dates, path


def built(date, number, next_date=None, approves=None, path="x.txt"):
    text = (
        f"Minutes of the previous meeting held on {approves.day} {approves:%B %Y}"
        if approves
        else "Apologies"
    )
    doc = document("PANEL", text, path=path)
    part = minutes(doc, date)
    part.items = [Minute(number, text, 3, 3, blocks=[])]
    if approves:
        part.items[0].blocks = [doc.blocks[1]]
    if next_date:
        part.next_meeting = NextMeeting(next_date, None, 3)
    return part


def test_the_meeting_before_and_after_among_the_records():
    a = built(dt.date(2024, 1, 9), 1, next_date=dt.date(2024, 2, 13))
    b = built(dt.date(2024, 2, 13), 2, approves=dt.date(2024, 1, 9))
    c = built(dt.date(2024, 3, 12), 3)
    known = meetings("x.txt", [c, a, b])
    assert [m.date for m in known] == [a.date, b.date, c.date]
    assert previous_minutes(c, known).part is b
    assert previous_minutes(a, known) is None
    assert [m.part for m in meeting_after(a, known)] == [b]
    assert follows(b, a)  # a gives b as its next meeting
    assert not follows(c, b)  # nothing says c comes right after b
    b.next_meeting = NextMeeting(dt.date(2024, 3, 12), None, 3)
    assert follows(c, b)


def test_an_agenda_names_the_minutes_it_presents():
    doc = document(
        "PANEL", "2. Minutes of the previous meeting held on 9 January 2024", path="a.txt"
    )
    agenda = AgendaPart(
        kind="agenda", start_line=1, end_line=3, blocks=doc.blocks, date=dt.date(2024, 2, 13)
    )
    agenda.items = [AgendaItem(2, "Minutes of the previous meeting held on 9 January 2024", 3)]
    assert [s.dates for s in minutes_statements(agenda)] == [(dt.date(2024, 1, 9),)]
    assert follows(agenda, built(dt.date(2024, 1, 9), 1))


@given(st.text(max_size=300))
def test_any_text_is_read_without_error(text):
    doc = document("PANEL", text or "x")
    part = minutes(doc, dt.date(2024, 1, 1))
    part.items = [Minute(1, "Minutes of the previous meeting", 1, 3, blocks=doc.blocks)]
    for s in minutes_statements(part):
        assert s.dates and all(isinstance(d, dt.date) for d in s.dates)
