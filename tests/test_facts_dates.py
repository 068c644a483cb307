from __future__ import annotations

import datetime as dt

import pytest
from conftest import all_real_documents, corpus, seed
from hypothesis import given, settings
from hypothesis import strategies as st

from minlint.lint.facts.dates import find_dates, find_times, parse_date, parse_time


def one(text: str, default_year: int | None = None):
    facts = find_dates(text, default_year)
    assert len(facts) == 1, facts
    return facts[0]


# ---------------------------------------------------------------- day-month dates


@pytest.mark.parametrize(
    ("text", "matched", "day", "month", "year", "weekday"),
    [
        (
            "The meeting of 18th September, 2018 was quorate.",
            "18th September, 2018",
            18,
            9,
            2018,
            None,
        ),
        (
            "held on Tuesday, 23rd January, 2018 at noon",
            "Tuesday, 23rd January, 2018",
            23,
            1,
            2018,
            1,
        ),
        ("Date: Tuesday 25 July 2023", "Tuesday 25 July 2023", 25, 7, 2023, 1),
        ("HELD ON 17TH JULY, 2018", "17TH JULY, 2018", 17, 7, 2018, None),
        ("on Tuesday 12th September 2023.", "Tuesday 12th September 2023", 12, 9, 2023, 1),
        ("on the 24th of July 2023 we met", "24th of July 2023", 24, 7, 2023, None),
        ("Thursday, 25th January, 2018,", "Thursday, 25th January, 2018", 25, 1, 2018, 3),
        ("on 9™ SEPTEMBER 2014 at", "9™ SEPTEMBER 2014", 9, 9, 2014, None),
        ('on 7" October, 2014 in', '7" October, 2014', 7, 10, 2014, None),
        ("Tuesday the 4th of March 2025", "Tuesday the 4th of March 2025", 4, 3, 2025, 1),
        ("see 3 Nov. 2014 notes", "3 Nov. 2014", 3, 11, 2014, None),
        ("on 25 July 2023 (Tuesday) at", "25 July 2023 (Tuesday)", 25, 7, 2023, 1),
        ("on Wed. 5 March 2025", "Wed. 5 March 2025", 5, 3, 2025, 2),
        # the legal form of a summons or a formal record
        ("held on the 14th day of October 2025 at", "14th day of October 2025", 14, 10, 2025, None),
        (
            "on Tuesday the 14th day of October, 2025",
            "Tuesday the 14th day of October, 2025",
            14,
            10,
            2025,
            1,
        ),
    ],
)
def test_day_month_formats(text, matched, day, month, year, weekday):
    f = one(text)
    assert (f.text, f.day, f.month, f.year, f.weekday) == (matched, day, month, year, weekday)
    assert text[f.start : f.end] == matched
    assert f.date == dt.date(year, month, day)
    assert f.valid and not f.year_inferred


def test_date_broken_across_lines_and_markdown_emphasis():
    f = one("on **Tuesday, 8th** **July, 2014 at** 9am")
    assert (f.day, f.month, f.year, f.weekday) == (8, 7, 2014, 1)
    f = one("to be held on 20th \nSeptember next")
    assert (f.day, f.month) == (20, 9)
    # a blank line ends the date: a table of periods is not a day and a month
    assert find_dates("17\n\nApr") == []


def test_sentence_full_stop_is_not_part_of_the_date():
    assert one("We meet on 6th July.").text == "6th July"
    assert one("We met on 6 Jul. 2014").text == "6 Jul. 2014"


def test_year_omitted_is_inferred_from_default():
    f = one("on Monday 22 March at 5:30pm", default_year=2021)
    assert (f.day, f.month, f.year, f.weekday) == (22, 3, 2021, 0)
    assert f.year_inferred and f.date == dt.date(2021, 3, 22)
    f = one("on Monday 22 March at 5:30pm")
    assert f.year is None and f.date is None and f.valid and not f.year_inferred


def test_list_of_days_sharing_a_month():
    a, b = find_dates("the meetings held on 9 and 22 March", default_year=2021)
    assert (a.text, a.day, a.month, a.year, a.year_inferred) == ("9", 9, 3, 2021, True)
    assert (b.text, b.day, b.month, b.year) == ("22 March", 22, 3, 2021)
    # a year written at the end of an obvious list applies to the whole list
    a, b, c = find_dates("sessions on 6th, 13th and 20th March 2025")
    assert [f.day for f in (a, b, c)] == [6, 13, 20]
    assert all(f.year == 2025 and not f.year_inferred for f in (a, b, c))
    a, b = find_dates("Monday 9 and Tuesday 10 March 2021")
    assert (a.text, a.weekday, b.weekday) == ("Monday 9", 0, 1)
    a, b = find_dates("the fair runs 15th/16th February")
    assert (a.text, a.day, b.day, a.month) == ("15th", 15, 16, 2)
    a, b = find_dates("closed 8-10th December")
    assert (a.day, b.day, a.month, b.month) == (8, 10, 12, 12)


def test_list_is_not_read_from_references_or_bare_commas():
    assert [f.day for f in find_dates("see Minute 12 and 13 March")] == [13]
    assert [f.day for f in find_dates("a score of 3, 9 March")] == [9]


def test_two_separate_dates_do_not_share_a_year():
    a, b = find_dates("on Tuesday, 6th November not 30th October, 2018")
    assert (a.day, a.month, a.year, a.weekday) == (6, 11, None, 1)
    assert (b.day, b.month, b.year) == (30, 10, 2018)
    a, b = find_dates("open from 29th January-19th February 2020")
    assert (a.day, a.month, a.year) == (29, 1, None)
    assert (b.day, b.month, b.year) == (19, 2, 2020)


def test_weekday_only_when_directly_attached():
    f = one("On Tuesday the committee agreed to meet on 25 July 2023.")
    assert f.weekday is None
    f = one("Tuesday, 25 July 2023")
    assert f.weekday == 1
    f = one("Thursday\n25 July 2023")
    assert f.weekday == 3


def test_month_day_order():
    f = one("released on January 21, 2015 by")
    assert (f.day, f.month, f.year) == (21, 1, 2015)
    f = one("Tuesday, June 16th 2014")
    assert (f.day, f.month, f.year, f.weekday) == (16, 6, 2014, 1)
    f = one("due Oct 26th")
    assert (f.day, f.month, f.year) == (26, 10, None)
    # without an ordinal or a year, "May 2" is too often not a date
    assert find_dates("In May 2 members resigned") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("agreed on 16/06/20 -", dt.date(2020, 6, 16)),
        ("29/10/19 Youth plan", dt.date(2019, 10, 29)),
        ("on 30/04/19.", dt.date(2019, 4, 30)),
        ("signed 22.10.2009", dt.date(2009, 10, 22)),
        ("signed 22.10.09", dt.date(2009, 10, 22)),
        ("email of 22/1/2020 from", dt.date(2020, 1, 22)),
        ("since 2014-12-12.", dt.date(2014, 12, 12)),
        ("on Tuesday 16/06/20", dt.date(2020, 6, 16)),
        # only readable month first
        ("on 12/23/2014", dt.date(2014, 12, 23)),
    ],
)
def test_numeric_dates(text, expected):
    f = one(text)
    assert f.date == expected and not f.year_inferred


def test_numeric_weekday():
    assert one("on Tuesday 16/06/20").weekday == 1


@pytest.mark.parametrize(
    "text",
    [
        "under Section 100(A) 4 of the Act",
        "the 2022/23 municipal year",
        "Pages 1 - 11",
        "call 07554 436546 today",
        "see Minute No. 97",
        "16- and 17-year olds",
        "a budget of £1.435m",
        "version 2.3.21 of the tool",
        "item 4.4.5xi) noted",
        "Road 381/53",
        "in March 2020 the board",
        "in January",
        "June 2019",
        "a rise of 1.5 March figures",
        "planning ref DM/2019/01572",
        "see https://example.org/2014/11/27/post",
        "you may 2 be",
    ],
)
def test_not_dates(text):
    assert find_dates(text) == []


def test_impossible_dates_are_reported_invalid():
    f = one("on 31 June 2020")
    assert not f.valid and f.date is None and (f.day, f.month, f.year) == (31, 6, 2020)
    f = one("on 30 February", default_year=2020)
    assert not f.valid and f.date is None
    f = one("on 29 February 2019")
    assert not f.valid and f.date is None
    f = one("on 29 February 2020")
    assert f.valid and f.date == dt.date(2020, 2, 29)
    # an inferred year may be wrong: not invalid, but no date either
    f = one("on 29 Feb", default_year=2019)
    assert f.valid and f.date is None and f.year_inferred
    f = one("on 31/06/2020")
    assert not f.valid
    # a day beyond 31 is not read as a date at all
    assert find_dates("on 32 March 2020") == []


def test_parse_date():
    assert parse_date("Held on Tuesday, 28 July 2020 at 5.30 p.m.") == dt.date(2020, 7, 28)
    assert parse_date("31 June 2020 or 2 July 2020") == dt.date(2020, 7, 2)
    assert parse_date("on 22 March") is None
    assert parse_date("on 22 March", default_year=2021) == dt.date(2021, 3, 22)
    assert parse_date("no date here") is None


# ---------------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("starts at 5.30 p.m. sharp", ["17:30"]),
        ("at 5:30pm.", ["17:30"]),
        ("at 10am in the hall", ["10:00"]),
        ("at 10.00 a.m.", ["10:00"]),
        ("from 9.30-11.30 a.m. on", ["09:30", "11:30"]),
        ("at 9.30-\n11.30 a.m.", ["09:30", "11:30"]),
        ("at 5.00-7.00 p.m.,", ["17:00", "19:00"]),
        ("2.00-4.00 p.m. on", ["14:00", "16:00"]),
        ("at 7.30pm on", ["19:30"]),
        ("Time: 19:00", ["19:00"]),
        ("at 5.30 pm", ["17:30"]),
        ("at 12 noon", ["12:00"]),
        ("at 5.30 pn", ["17:30"]),
        ("AT 9.00 A.M.", ["09:00"]),
        ("from 8am-6pm weekdays", ["08:00", "18:00"]),
        ("from 11-1pm", ["11:00", "13:00"]),
        ("at 12:00pm", ["12:00"]),
        ("at 12am", ["00:00"]),
        ("closed at 20.47.", ["20:47"]),
        ("starts 19.00 hrs", ["19:00"]),
        ("10.00-12 noon", ["10:00", "12:00"]),
        ("(19:15 TO 19:25)", ["19:15", "19:25"]),
    ],
)
def test_times(text, values):
    times = find_times(text)
    assert [t.value for t in times] == values
    for t in times:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    "text",
    [
        "a rise of 58.5% this year",
        "a budget of £1.435m",
        "after 1.5 years",
        "within 24 hours",
        "grew by 0.03%",
        "the meeting closed at 8.03",  # morning or evening: not said
        "5 amendments were made",
        "signed 22.10.2009",
        "on 16/06/20",
        "a fee of £1.50 pm",
        "at 12.50 per cent",
        "version 10.10.1",
        "Pages 1 - 11",
    ],
)
def test_not_times(text):
    assert find_times(text) == []


def test_time_text_excludes_sentence_full_stop():
    (t,) = find_times("We start at 10am.")
    assert t.text == "10am"
    (t,) = find_times("We start at 10 a.m.")
    assert t.text == "10 a.m."


def test_parse_time():
    assert parse_time("Tuesday, 28 July 2020 at 5.30 p.m.") == "17:30"
    assert parse_time("no time") is None


# ---------------------------------------------------------------- real documents


def test_seed_003_opening_dates():
    text = seed("003").read_text()
    lines = text.splitlines()
    first = find_dates(lines[1])
    assert [(f.day, f.month, f.year) for f in first] == [(18, 9, 2018)]
    head = "\n".join(lines[:60])
    facts = find_dates(head, default_year=2018)
    dates = [f.date for f in facts]
    # the communications item lists three sessions in September without a year
    for day in (20, 21, 27):
        hit = [f for f in facts if (f.day, f.month) == (day, 9)]
        assert hit and hit[0].year_inferred and hit[0].date == dt.date(2018, 9, day)
    # the previous meeting, in capitals in the heading and in lower case below it
    assert dates.count(dt.date(2018, 7, 17)) == 3
    assert any(f.text.startswith("17TH JULY") for f in facts)
    values = [t.value for t in find_times(head)]
    assert values[:3] == ["17:00", "19:00", "09:30"]
    assert "11:30" in values and "14:00" in values and "16:00" in values


def test_seed_004_agenda_typo_time_and_dates():
    text = seed("004").read_text()
    assert "17:30" in [t.value for t in find_times(text)]
    weekdays = [f for f in find_dates(text) if f.weekday is not None and f.date is not None]
    assert weekdays and all(f.date.weekday() == f.weekday for f in weekdays)


def test_limerick_ocr_dates():
    text = corpus("limerick-adare-rathkeale/2014-09-09_minutes.md").read_text()
    facts = find_dates(text)
    assert any(f.date == dt.date(2014, 9, 9) and f.weekday == 1 for f in facts)
    text = corpus("limerick-adare-rathkeale/2014-10-07_minutes.md").read_text()
    assert any(f.date == dt.date(2014, 10, 7) and f.weekday == 1 for f in find_dates(text))


def test_html_minutes_first_date():
    text = corpus("mscc-manordeilo-salem/minutes_2020-01-08.html").read_text()
    assert parse_date(text) == dt.date(2020, 1, 8)
    assert parse_time(text) == "19:30"


def test_welsh_community_council_heading():
    text = corpus("tintern-wyevalley-cc/20191028_minutes.txt").read_text()
    first = find_dates(text.splitlines()[0])
    assert [(f.date, f.weekday) for f in first] == [(dt.date(2019, 10, 28), 0)]


def real_texts() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(errors="replace")) for p in all_real_documents()]


def test_real_documents_sane():
    texts = real_texts()
    if not texts:
        pytest.skip("the real documents are absent")
    total = 0
    for name, text in texts:
        for f in find_dates(text, default_year=2020):
            total += 1
            assert text[f.start : f.end] == f.text, name
            assert f.month is not None and 1 <= f.month <= 12, (name, f)
            assert f.day is not None and 1 <= f.day <= 31, (name, f)
            assert f.year is None or 1900 <= f.year <= 2099, (name, f)
            # every stated weekday in these published documents is right
            if f.weekday is not None and f.date is not None and not f.year_inferred:
                assert f.date.weekday() == f.weekday, (name, f)
            assert "\n\n" not in f.text, (name, f)
        for t in find_times(text):
            assert text[t.start : t.end] == t.text
            hh, mm = t.value.split(":")
            assert 0 <= int(hh) <= 23 and 0 <= int(mm) <= 59
    assert total > 500


# ------------------------------------------------------------------- properties

_ALPHABET = st.sampled_from(
    [*'0123456789 ,.-/:()*\n"™thsndr', "March", "Tuesday", "pm", "a.m.", "of", "the"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.one_of(st.none(), st.integers(1, 9999)))
def test_property_dates_never_fail(text, default_year):
    for f in find_dates(text, default_year):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert 1 <= f.month <= 12
        assert f.date is None or (f.date.day, f.date.month) == (f.day, f.month)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_property_any_text(text):
    for f in find_dates(text, 2020):
        assert text[f.start : f.end] == f.text
    for t in find_times(text):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
    parse_date(text)
    parse_time(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_property_times_never_fail(text):
    for t in find_times(text):
        assert text[t.start : t.end] == t.text
        assert len(t.value) == 5 and t.value[2] == ":"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("held on Tues 7 Oct 25 at 7pm", dt.date(2025, 10, 7)),
        ("held on Tuesday 7 October 25.", dt.date(2025, 10, 7)),
        ("held on 7 Oct '25 in the hall", dt.date(2025, 10, 7)),
        ("held on 3 May 24 (Friday)", dt.date(2024, 5, 3)),
    ],
)
def test_a_year_in_two_figures_after_the_month(text, expected):
    (fact,) = find_dates(text)
    assert fact.date == expected and not fact.year_inferred


@pytest.mark.parametrize(
    "text", ["on 7 October 25 members attended", "on 7 October 25.5 hours were logged"]
)
def test_two_figures_after_a_month_that_go_on_are_no_year(text):
    (fact,) = find_dates(text)
    assert fact.year is None and fact.text == "7 October"
