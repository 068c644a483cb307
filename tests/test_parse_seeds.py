"""The meeting model of the five seed documents, checked against a reading of each."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import seed

from minlint.lint.model import AgendaPart, MinutesPart, ParsedDocument
from minlint.lint.parse import parse_path

_CACHE: dict[str, ParsedDocument] = {}


def parsed(prefix: str) -> ParsedDocument:
    path = seed(prefix)
    if prefix not in _CACHE:
        _CACHE[prefix] = parse_path(path)
    return _CACHE[prefix]


def kinds(prefix: str) -> list[str]:
    return [p.kind for p in parsed(prefix).parts]


def names(people) -> list[str]:
    return [p.name for p in people]


def resolution_parts(part: MinutesPart) -> dict[int, list[str | None]]:
    return {m.number: [r.number for r in m.resolutions] for m in part.items if m.resolutions}


# --- how each file is split -----------------------------------------------------------


def test_pack_2020_07_28_parts():
    assert kinds("000") == [
        "agenda",
        "minutes",
        "report",
        "work_programme",
        "monitoring_schedule",
        "other",
    ]


def test_pack_2021_06_15_parts():
    assert kinds("001") == ["agenda", "minutes", "minutes", "report", "work_programme", "other"]


def test_minutes_files_are_one_part():
    assert kinds("002") == ["minutes"]
    assert kinds("003") == ["minutes"]


def test_pack_2018_03_13_parts():
    assert kinds("004")[:2] == ["agenda", "minutes"]
    assert set(kinds("004")[2:]) <= {"report", "other"}


# --- minutes ----------------------------------------------------------------------------


def test_minutes_2023_07_25():
    (m,) = parsed("002").minutes
    assert m.date == dt.date(2023, 7, 25)
    assert m.body == "IMPROVING LIVES SELECT COMMISSION"
    assert m.chair.name == "Pitchley"
    assert names(m.present)[0] == "Pitchley"  # the chair is named first
    assert sorted(names(m.present)) == [
        "Atkin", "Bacon", "Baker-Rogers", "Barley", "Bennett-Sylvester", "Cooksey", "Griffin",
        "Haleem", "Hughes", "McNeely", "Mills", "Monk", "Pitchley", "Wilson", "Z. Collingham",
    ]  # fmt: skip
    assert m.apologies == []
    assert [i.number for i in m.items] == list(range(95, 107))
    # The published title really does stop after "HELD ON".
    assert m.items[0].title == "MINUTES OF THE PREVIOUS MEETING HELD ON"
    assert m.items[6].title == (
        "CHILDREN'S AND YOUNG PEOPLES SERVICE PERFORMANCE AND YEAR END PERFORMANCE"
    )
    assert resolution_parts(m) == {
        95: [None],
        97: [None],
        101: [None] * 5,
        102: [None] * 4,
        103: [None],
        106: [None],
    }
    # Sub-bullets belong to the part that introduces them.
    provides = m.items[6].resolutions[1]
    assert provides.text.startswith("The Assistant Director for Education and Skills provides:")
    assert "career options offer" in provides.text
    assert m.next_meeting.date == dt.date(2023, 9, 12)
    assert m.next_meeting.time == "10:00"


def test_minutes_2018_09_18():
    (m,) = parsed("003").minutes
    assert m.date == dt.date(2018, 9, 18)
    assert m.chair.name == "Brookes"
    assert names(m.present)[0] == "Brookes"  # the chair is named first
    assert sorted(names(m.present)) == [
        "Beaumont", "Brookes", "Clark", "Elliot", "Ireland", "Jarvis", "Julie Turner", "Khan",
        "Marriott", "Price", "Senior", "Short",
    ]  # fmt: skip
    assert names(m.apologies) == ["Cusworth"]
    assert [(p.name, p.role) for p in m.in_attendance] == [
        ("Steele", "Chair of the Overview Scrutiny Management Board"),
        ("Watson", "Deputy Leader"),
    ]
    assert [i.number for i in m.items] == list(range(19, 29))
    titles = {i.number: i.title for i in m.items}
    assert titles[22] == "MINUTES OF THE PREVIOUS MEETING HELD ON 17TH JULY, 2018"
    assert titles[24] == "SPECIAL EDUCATIONAL NEEDS AND DISABILITY (SEND) - UPDATE"
    # A title in capitals that runs over two lines is read whole.
    assert titles[25].startswith("OUTCOMES FROM THE")
    assert titles[25].endswith("SESSION - COMPLEX ABUSE INVESTIGATION")
    assert len(titles[25].split()) == 13
    assert resolution_parts(m) == {
        22: [None],
        23: ["1", "2", "3", "4"],
        24: ["1", "2", "3", "4", "5"],
        25: ["1", "2"],
        26: ["1", "2", "3"],
        27: ["1", "2"],
        28: [None],
    }
    # "(2) That a further detailed report be submitted including:-" keeps its list.
    part2 = m.items[4].resolutions[1]
    assert part2.text.endswith("the new way of working of the Strategic Missing Group")
    # "6th November not 30th October, 2018": the rearranged date is the next meeting.
    assert m.next_meeting.date == dt.date(2018, 11, 6)
    assert m.next_meeting.time == "17:30"


def test_minutes_attached_to_pack_2020_07_28():
    (m,) = parsed("000").minutes
    assert m.date == dt.date(2020, 3, 3)
    assert m.chair.name == "Cusworth"
    assert names(m.present)[0] == "Cusworth"  # the chair is named first
    assert sorted(names(m.present)) == [
        "Atkin", "Beaumont", "Buckley", "Clark", "Cusworth", "Elliot", "Fenwick-Green",
        "Ireland", "Jarvis", "Khan", "Marles", "Senior", "Simpson",
    ]  # fmt: skip
    assert names(m.apologies) == ["Pitchley"]
    assert [i.number for i in m.items] == list(range(53, 65))
    assert resolution_parts(m) == {
        54: [None],
        58: [None],
        59: ["1", "2", "3", "4", "5"],
        60: ["1", "2"],
        61: ["1", "2"],
        62: ["1", "2"],
        64: [None],
    }
    # A sentence broken by the page footer and a stray indent is one resolution part.
    assert m.items[8].resolutions[1].text.endswith("Liquid Logic case management system.")
    assert m.next_meeting.date == dt.date(2020, 6, 16)


def test_two_sets_of_minutes_in_pack_2021_06_15():
    first, second = parsed("001").minutes
    assert (first.date, second.date) == (dt.date(2021, 3, 9), dt.date(2021, 3, 22))
    assert (first.chair.name, second.chair.name) == ("Cusworth", "Cusworth")
    assert names(first.present)[0] == "Cusworth"  # the chair is named first
    assert sorted(names(first.present)) == [
        "Beaumont", "Buckley", "Clark", "Cusworth", "Elliot", "Fenwick-Green", "Jarvis",
        "Khan", "Marriott", "Pitchley", "Senior", "Simpson",
    ]  # fmt: skip
    assert names(first.apologies) == ["Hague"]
    assert names(second.present)[0] == "Cusworth"  # the chair is named first
    assert sorted(names(second.present)) == [
        "Buckley", "Clark", "Cusworth", "Fenwick-Green", "Jarvis", "Khan", "Marriott",
        "Simpson",
    ]  # fmt: skip
    assert names(second.apologies) == ["Beaumont"]
    assert [i.number for i in first.items] == list(range(140, 151))
    assert [i.number for i in second.items] == list(range(151, 158))
    assert resolution_parts(first) == {
        140: [None],
        145: ["1", "2"],
        146: ["1", "2"],
        147: [None],
        148: [None],
        150: [None],
    }
    assert resolution_parts(second) == {155: ["1", "2", "3"], 157: [None]}
    assert first.next_meeting.date == dt.date(2021, 3, 22)
    assert second.next_meeting.date == dt.date(2021, 6, 15)


def test_minutes_attached_to_pack_2018_03_13():
    m = parsed("004").minutes[0]
    assert m.date == dt.date(2018, 1, 23)
    assert m.chair.name == "Clark"
    assert names(m.present)[0] == "Clark"  # the chair is named first
    assert sorted(names(m.present)) == [
        "Beaumont", "Clark", "Cusworth", "Elliot", "Fenwick-Green", "Hague", "Ireland",
        "Jarvis", "Khan", "Marles", "Pitchley", "Senior",
    ]  # fmt: skip
    # Apologies from two councillors and, in the same sentence, a co-opted member.
    assert names(m.apologies) == ["Cooksey", "J. Turner", "J. Jones"]
    assert [i.number for i in m.items] == list(range(107, 116))
    assert m.items[3].title == "MINUTES OF THE PREVIOUS MEETING HELD ON 12TH DECEMBER, 2017"
    assert resolution_parts(m) == {
        110: ["1", "2", "3", "4"],
        111: ["1", "2", "3"],
        112: ["1", "2"],
        113: ["1", "2", "a", "b", "c", "3"],
        114: ["1", "2"],
        115: [None],
    }
    assert m.next_meeting.date == dt.date(2018, 3, 13)


# --- agendas ----------------------------------------------------------------------------


def agenda(prefix: str) -> AgendaPart:
    return parsed(prefix).agendas[0]


def test_agenda_2020_07_28():
    a = agenda("000")
    assert (a.date, a.time) == (dt.date(2020, 7, 28), "17:30")
    assert a.venue == "Microsoft Teams Virtual Meeting"
    roles = {p.name: p.role for p in a.membership}
    assert roles["Cusworth"] == "chair"
    assert roles["Jarvis"] == "vice-chair"
    assert roles["J. Jones"] == roles["A. Clough"] == "co-opted"
    assert sum(1 for r in roles.values() if r in ("chair", "vice-chair", "member")) == 17
    assert [i.number for i in a.items] == list(range(1, 14))
    assert a.items[1].title == "Minutes of the previous meeting held on 16 June 2020"
    assert a.items[1].pages == "1-11"
    assert a.items[6].title == "Looked after Children Sufficiency Strategy - Progress Report"
    assert a.items[6].pages == "12-16"
    assert a.next_meeting.date == dt.date(2020, 9, 22)
    assert a.next_meeting.time == "17:30"


def test_agenda_2021_06_15():
    a = agenda("001")
    assert (a.date, a.time) == (dt.date(2021, 6, 15), "10:00")
    assert a.venue == "Town Hall, Moorgate Street, Rotherham."
    assert [(p.name, p.role) for p in a.membership[:3]] == [
        ("Pitchley", "chair"),
        ("Cooksey", "vice-chair"),
        ("Aveyard", "member"),
    ]
    assert len(a.membership) == 18
    assert [i.number for i in a.items] == list(range(1, 12))
    assert a.items[1].title == "Minutes of the previous meetings held on 9 and 22 March"
    assert a.items[1].pages == "4-19"
    assert a.items[8].pages == "45"
    assert a.next_meeting.date == dt.date(2021, 7, 27)
    assert a.next_meeting.time == "10:00"


def test_agenda_2018_03_13():
    a = agenda("004")
    assert (a.date, a.time) == (dt.date(2018, 3, 13), "17:30")
    assert a.stated_count == 18
    members = [p for p in a.membership if p.role != "co-opted"]
    assert (members[0].name, members[0].role) == ("Clark", "chair")
    assert (members[1].name, members[1].role) == ("Cusworth", "vice-chair")
    # The published list lacks a comma between two members: "Marles Marriott".
    assert "Marles Marriott" in names(members)
    assert [p.name for p in a.membership if p.role == "co-opted"] == ["Jones", "Clough"]
    assert [i.number for i in a.items] == list(range(1, 12))
    assert a.items[6].title == "Minutes of the previous meeting held on 23rd January, 2018"
    assert a.items[6].pages == "1-9"
    # "Tuesday 24 April, 2018 at 5.30 pn"
    assert a.next_meeting.date == dt.date(2018, 4, 24)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_line_spans_are_ordered(prefix: str):
    doc = parsed(prefix)
    last_end = 0
    for part in doc.parts:
        assert part.start_line > last_end
        assert part.end_line >= part.start_line
        last_end = part.end_line
    for m in doc.minutes:
        for item in m.items:
            assert m.start_line <= item.line <= item.end_line <= m.end_line
            for r in item.resolutions:
                assert item.line <= r.line <= r.end_line <= item.end_line


def _heading_in_source(path, line: int) -> str:
    """A numbered heading as the file has it: its lines up to the first blank one."""
    lines = path.read_text(encoding="utf-8").split("\n")[line - 1 :]
    taken = []
    for text in lines:
        if not text.strip():
            break
        taken.append(text.replace("**", "").replace("#", ""))
    return " ".join(" ".join(taken).split())


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_minute_title_is_the_whole_heading(prefix: str):
    """Each title is the heading's text in the file, whatever lines it was wrapped over."""
    checked = 0
    for m in parsed(prefix).minutes:
        for item in m.items:
            source = _heading_in_source(seed(prefix), item.line)
            number, _, rest = source.partition(" ")
            assert number.rstrip(".") == str(item.number)
            assert " ".join(item.title.split()) == rest.strip(" -"), item.number
            checked += 1
    assert checked >= 9


@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_every_agenda_item_title_is_the_whole_heading(prefix: str):
    for item in parsed(prefix).agendas[0].items:
        source = _heading_in_source(seed(prefix), item.line)
        if item.pages:
            assert "(Page" in source
            source = source[: source.rindex("(Page")]
        number, _, rest = source.partition(" ")
        assert number == f"{item.number}."
        assert item.title == rest.strip(), item.number
