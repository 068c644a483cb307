"""The meeting model on councils it was not built on: each style of the corpus, pinned
from a reading of the documents (see ../shared/corpus/SOURCES.md for the styles)."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from conftest import corpus

from minlint.lint.model import AgendaPart, MinutesPart
from minlint.lint.parse import parse_path


@cache
def _parsed(relative: str):
    return parse_path(corpus(relative))


def minutes_of(relative: str) -> MinutesPart:
    (part,) = _parsed(relative).minutes
    return part


def agenda_of(relative: str) -> AgendaPart:
    (part,) = _parsed(relative).agendas
    return part


def names(people) -> list[str]:
    return [p.name for p in people]


# --- text with HTML line breaks: the whole file on one line --------------------------------


def test_minutes_written_with_html_line_breaks():
    m = minutes_of("tintern-wyevalley-cc/20210125_minutes.txt")
    assert (m.date, m.date_source, m.date_line) == (dt.date(2021, 1, 25), "text", 1)
    assert names(m.present) == ["Shewell", "Hayward", "Evans", "Ashman", "Hillard", "Cobb", "Webb"]
    assert names(m.apologies) == ["Hoskins", "Richards"]
    assert [i.number for i in m.items] == list(range(2319, 2333))
    titles = {i.number: i.title for i in m.items}
    # "2320Apologies for absence:" has no point after its number.
    assert titles[2320] == "Apologies for absence"
    assert titles[2329] == "Unclassified Routes in the community area"
    (approval,) = m.items[3].resolutions
    assert (approval.form, approval.text) == ("agreed", "Approved & signed as correct.")
    assert m.next_meeting is not None and m.next_meeting.date == dt.date(2021, 2, 22)
    # Every finding on such a file is on its one line, at the column of its text.
    assert {i.line for i in m.items} == {1}


def test_agenda_written_with_html_line_breaks_is_dated_by_its_file_name():
    a = agenda_of("tintern-wyevalley-cc/20211129_agenda.txt")
    assert (a.date, a.date_source, a.uncertain) == (dt.date(2021, 11, 29), "file name", ["date"])
    assert [i.number for i in a.items] == list(range(3184, 3206))
    titles = {i.number: i.title for i in a.items}
    # "3188.Declarations of interest" on the line after "3187.   Presentation ...".
    assert titles[3187] == "Presentation by Nick Day, Friends of the Lower Wye"
    assert titles[3188] == "Declarations of interest"


def test_decisions_in_sentences_of_a_community_council():
    m = minutes_of("tintern-wyevalley-cc/20211129_minutes.txt")
    assert m.chair is not None and m.chair.name == "Shewell"
    by_number = {i.number: i for i in m.items}
    (vacancy,) = by_number[3201].resolutions
    assert (vacancy.form, vacancy.mover, vacancy.seconder) == ("proposal", "Evans", "Hayward")
    (agreed,) = by_number[3187].resolutions
    assert (agreed.form, agreed.text) == ("agreed", "All Councillors agreed.")
    assert m.next_meeting is not None and m.next_meeting.date == dt.date(2022, 1, 10)


def test_a_minute_number_run_on_after_the_last_sentence():
    # "... distributed for use.3652.	Date of next meeting:  February 26th."
    m = minutes_of("tintern-wyevalley-cc/20240129_minutes.txt")
    assert [i.number for i in m.items] == list(range(3638, 3653))
    assert m.items[-1].title == "Date of next meeting"
    assert not m.items[-2].blocks[-1].text.endswith("3652.")
    assert m.next_meeting is not None and m.next_meeting.date == dt.date(2024, 2, 26)
    assert names(m.apologies) == ["Evans", "Morrison", "Parker"]


def test_a_stale_number_among_its_neighbours_stays_in_the_model():
    a = agenda_of("tintern-wyevalley-cc/20230109_agenda.txt")
    numbers = [i.number for i in a.items]
    assert numbers[7:10] == [3421, 3522, 3423]
    assert "items" not in a.uncertain


def test_a_file_named_under_the_wrong_year_is_left_undated():
    m = minutes_of("tintern-wyevalley-cc/20230108_minutes.txt")
    assert m.date is None and m.date_source is None
    assert m.next_meeting is not None and m.next_meeting.date == dt.date(2024, 1, 29)
    assert "2023-01-08" in m.notes[0] and "2024-01-29" in m.notes[0]
    # The same minutes, filed under the right date.
    right = minutes_of("tintern-wyevalley-cc/20240108_minutes.txt")
    assert (right.date, right.date_source) == (dt.date(2024, 1, 8), "file name")


def test_the_same_person_present_and_sending_apologies_is_read_as_written():
    m = minutes_of("tintern-wyevalley-cc/20240108_minutes.txt")
    assert m.chair is not None and m.chair.name == "Mawdsley"
    assert "Shewell" in names(m.present) and "Shewell" in names(m.apologies)


# --- markdown converted from PDF pages ------------------------------------------------------


def test_hard_wrapped_pages_with_page_numbers_and_bold_headings():
    m = minutes_of("limerick-metropolitan/2021-01-18_minutes.md")
    assert (m.date, m.time) == (dt.date(2021, 1, 18), "09:45")
    assert m.body == "METROPOLITAN DISTRICT OF LIMERICK"
    assert m.chair is not None and (m.chair.name, m.chair.role) == ("Sarah Kiely", "chair")
    # "Cathaoirleach" is the chair's office, never a person.
    assert "Cathaoirleach" not in names(m.present)
    assert len(m.present) == 20 and "Novak Uí Chonchúir" in names(m.present)
    assert ("J. Clune", "Meetings Administrator") in [(p.name, p.role) for p in m.in_attendance]
    # Page numbers after "---" are not minutes; "**3.Question ...**" has no space.
    assert [i.number for i in m.items] == list(range(1, 19))
    assert m.items[2].title.startswith("Question submitted by Councillor A. Talukder")
    assert m.uncertain == []
    adopted = m.items[0].resolutions[0]
    assert (adopted.form, adopted.mover, adopted.seconder) == ("resolved", "Butler", "Sheehan (C)")
    assert adopted.text.startswith("That the draft Minutes, as circulated")
    deferred = m.items[1].resolutions[0]
    assert (deferred.form, deferred.mover, deferred.seconder) == (
        "proposal",
        "Butler",
        "O’Sullivan",
    )
    assert deferred.text.startswith("defer this item to an Adjourned Meeting")


def test_numbered_lists_inside_a_minute_are_not_minutes():
    # The adjourned meeting has one minute; its amendments are numbered 1-14 and 1-5.
    m = minutes_of("limerick-metropolitan/2021-01-27_minutes.md")
    assert [(i.number, i.title) for i in m.items] == [(1, "Economic Development")]


def test_an_item_taken_out_of_order_keeps_its_number():
    m = minutes_of("limerick-metropolitan/2021-03-19_minutes.md")
    assert [i.number for i in m.items] == [*range(1, 31), 34, 31, 32, 33]


def test_a_number_alone_on_its_line_with_the_title_on_the_next():
    m = minutes_of("limerick-newcastle-west/2018-01-10_minutes.md")
    assert (m.date, m.time) == (dt.date(2018, 1, 10), "10:00")
    assert m.body == "MUNICIPAL DISTRICT OF NEWCASTLE WEST"
    assert m.chair is not None and m.chair.name == "M. Collins"
    assert names(m.present) == ["M. Collins", "Browne", "Foley", "Scanlan", "Sheahan", "Galvin"]
    assert [i.number for i in m.items] == list(range(1, 15))
    assert [i.title for i in m.items[:4]] == [
        "Adoption of Minutes",
        "Deputation",
        "Planning & Environmental Services",
        "General Municipal Allocation (GMA)",
    ]
    assert [r.form for r in m.items[3].resolutions] == ["noted"]


def test_a_full_council_with_its_mayor_and_apologies_in_a_sentence():
    m = minutes_of("limerick-council/2020-09-28_minutes.md")
    assert (m.date, m.time) == (dt.date(2020, 9, 28), "15:00")
    assert m.chair is not None and (m.chair.name, m.chair.role) == ("M. Collins", "chair")
    assert "Mayor" not in names(m.present) and len(m.present) == 39
    assert {"Collins (B)", "Collins (J)"} <= set(names(m.present))
    assert names(m.apologies) == ["O’Donovan"]
    assert [i.number for i in m.items] == list(range(1, 23))
    assert [len(i.resolutions) for i in m.items[:2]] == [5, 12]
    later = minutes_of("limerick-council/2020-12-03_minutes.md")
    assert names(later.apologies) == ["Sheehan (C)", "Slattery"]
    assert [i.number for i in later.items] == list(range(1, 19))


def test_a_scanned_agenda_is_dated_by_its_summons_and_marked_uncertain():
    a = agenda_of("limerick-metropolitan/2021-01-18_agenda.md")
    # The covering letter is dated 13 January; the meeting is "to be held on Monday,
    # 18" January, 2021 at 9.45 am".
    assert (a.date, a.time, a.date_source) == (dt.date(2021, 1, 18), "09:45", "text")
    assert a.body == "Metropolitan District of Limerick"
    assert "items" in a.uncertain and any("OCR" in n for n in a.notes)
    assert a.items[1].title == "Economic Development"


def test_a_summons_whose_date_ocr_lost_falls_back_to_the_file_name():
    a = agenda_of("limerick-metropolitan/2021-02-15_agenda.md")
    assert (a.date, a.date_source) == (dt.date(2021, 2, 15), "file name")
    assert "the date in the summons could not be read" in a.notes


def test_a_text_agenda_with_bold_items():
    a = agenda_of("limerick-metropolitan/2021-03-19_agenda.md")
    assert (a.date, a.time) == (dt.date(2021, 3, 19), "09:45")
    assert [i.number for i in a.items] == list(range(1, 35))
    assert a.items[33].title == "Notice of Motion submitted by Councillor C. Sheehan"
    assert a.uncertain == []


def test_ocr_pages_and_a_question_numbered_as_a_minute():
    m = minutes_of("limerick-adare-rathkeale/2014-09-09_minutes.md")
    assert m.body == "MUNICIPAL DISTRICT OF ADARE-RATHKEALE"
    # "“That ... signed.”" and "2. Corporate Services:" on consecutive OCR lines.
    assert [i.number for i in m.items] == list(range(1, 9))
    assert m.items[1].title == "Corporate Services"
    assert m.items[3].title == "Travel and Transportation"
    assert "numbering" in m.uncertain
    assert m.next_meeting is not None
    assert (m.next_meeting.date, m.next_meeting.time) == (dt.date(2014, 10, 7), "09:30")


# --- HTML fragments, English and Welsh ----------------------------------------------------


def test_chair_and_apologies_recorded_in_the_first_minute():
    m = minutes_of("mscc-manordeilo-salem/minutes_2020-01-08.html")
    # "Cllr. K. Davies took the Chair": Councillor Kim Davies of the Present list.
    assert m.chair is not None and m.chair.name == "Kim Davies"
    assert names(m.apologies) == [
        "Gwenfyl Evans",
        "Dorian Jenkins",
        "William Loynton",
        "Owen Williams",
    ]
    assert [i.number for i in m.items] == list(range(1, 13))
    (confirmed,) = m.items[1].resolutions
    assert (confirmed.form, confirmed.mover, confirmed.seconder) == (
        "proposal",
        "P. Harries",
        "J. Davies",
    )


def test_welsh_minutes_say_what_they_could_not_read():
    m = minutes_of("mscc-manordeilo-salem/minutes_2020-01-08_cy.html")
    assert m.language == "cy"
    # "CYFARFOD 8fed IONAWR 2020": a Welsh ordinal and month.
    assert (m.date, m.date_source) == (dt.date(2020, 1, 8), "text")
    assert [i.number for i in m.items] == list(range(1, 13))
    assert set(m.uncertain) == {"attendance", "decisions"}
    assert any("Welsh" in n for n in m.notes)
    english = minutes_of("mscc-manordeilo-salem/minutes_2020-01-08.html")
    assert english.language == "en" and english.uncertain == []


@pytest.mark.parametrize(
    "relative",
    [
        "limerick-council/2020-09-28_agenda.md",
        "limerick-council/2020-12-03_agenda.md",
        "limerick-newcastle-west/2018-01-10_agenda.md",
        "limerick-newcastle-west/2018-02-07_agenda.md",
    ],
)
def test_scanned_agendas_do_not_vouch_for_their_items(relative: str):
    a = agenda_of(relative)
    assert "items" in a.uncertain
    assert any(place in (a.body or "") for place in ("Limerick", "Newcastle West"))


# --- two meetings in one file -----------------------------------------------------------


def test_an_annual_meeting_appended_to_the_minutes_is_a_second_set():
    from conftest import REPO

    parsed = parse_path(REPO / "tests/fixtures/model/ordinary_and_annual_meeting.txt")
    ordinary, annual = parsed.minutes
    assert [i.number for i in ordinary.items] == [411, 412, 413, 414, 415]
    assert [i.number for i in annual.items] == [1, 2, 3, 4]
    assert (ordinary.time, annual.time) == ("19:00", "20:15")
    assert annual.date == dt.date(2024, 5, 14) and annual.start_line == 17
    assert "Hocking" in names(annual.present) and "Hocking" in names(ordinary.apologies)
    assert ordinary.next_meeting is not None and ordinary.next_meeting.date == dt.date(2024, 6, 11)


# --- other common styles, in fixtures of our own ---------------------------------------


def test_minutes_numbered_with_the_year():
    from conftest import REPO

    (m,) = parse_path(REPO / "tests/fixtures/model/parish_year_numbered.md").minutes
    assert [(i.number, i.title) for i in m.items][:2] == [
        (101, "Apologies for absence"),
        (102, "Declarations of interest"),
    ]
    assert [i.number for i in m.items] == list(range(101, 108))
    assert m.chair is not None and m.chair.name == "J Ainsworth"
    assert names(m.present) == ["J Ainsworth", "P Booth", "R Catlow", "S Dewhurst", "M Entwistle"]
    assert [(p.name, p.role) for p in m.in_attendance] == [("L Frankland", "Clerk")]
    assert names(m.apologies) == ["T Greenwood"]
    assert [r.form for r in m.items[4].resolutions] == ["noted", "resolved"]
    assert m.next_meeting is not None
    assert (m.next_meeting.date, m.next_meeting.time) == (dt.date(2024, 10, 14), "19:30")


def test_items_headed_item_n_and_one_name_a_line():
    from conftest import REPO

    (m,) = parse_path(REPO / "tests/fixtures/model/town_items.txt").minutes
    assert [i.number for i in m.items] == [1, 2, 3, 4, 5, 6]
    assert m.items[1].title == "Declarations of Interest"
    assert m.items[3].title == "Planning Applications"  # its sub-items 4.1-4.3 are not minutes
    assert names(m.present) == ["A. Rowe", "B. Sutton", "C. Travis", "D. Upton"]
    assert m.chair is not None and m.chair.name == "A. Rowe"
    assert [(p.name, p.role) for p in m.in_attendance] == [("E. Vickers", "Deputy Town Clerk")]
    assert [r.form for r in m.items[4].resolutions] == ["noted"]


# --- styles of other bodies: titles right above their text, conveners, motions ------------


def _fixture(name: str) -> MinutesPart:
    from conftest import REPO

    (m,) = parse_path(REPO / "tests/fixtures/model" / name).minutes
    return m


def test_titles_right_above_their_text_without_a_blank_line():
    """ "23/32 Declarations of interest" with "None." on the next line: the title is
    the title, the line under it the minute's text; lettered parts are paragraphs."""
    m = _fixture("parish_titles_above_text.txt")
    assert [(i.number, i.title) for i in m.items] == [
        (31, "Apologies for absence"),
        (32, "Declarations of interest"),
        (33, "Minutes of the previous meeting"),
        (34, "Public participation"),
        (35, "Finance"),
        (36, "Planning"),
        (37, "Correspondence"),
        (38, "Date of next meeting"),
    ]
    finance = m.items[4]
    assert [(r.form, r.mover, r.seconder) for r in finance.resolutions] == [
        ("resolved", None, None),
        ("proposal", "Osei", "Lloyd"),
        ("agreed", None, None),
    ]
    assert finance.resolutions[0].text.startswith("approve the following payments")
    assert [r.form for r in m.items[6].resolutions] == ["noted"]
    assert m.chair is not None and m.chair.name == "P. Hartley"
    assert names(m.apologies) == ["D. Rowe"]


def test_a_title_wrapped_in_a_narrow_column_is_not_cut_short():
    from minlint.lint.readers.text import read_plain

    text = (
        "5. Whilst continuing with the Practice\n"
        "Partner is the preferred option based on\n"
        "the information and research available.\n"
    )
    (block,) = read_plain(text, "report.txt").blocks
    assert block.text.startswith("5. Whilst continuing with the Practice Partner is")


def test_a_convener_chairs_and_posts_alone_are_not_people():
    m = _fixture("convener_and_decisions.txt")
    assert m.chair is not None and m.chair.name == "Fiona Macrae"
    assert [(p.name, p.role) for p in m.present[:2]] == [
        ("Fiona Macrae", "chair"),
        ("Alan Duthie", "vice-chair"),
    ]
    assert names(m.apologies) == ["Neil Stewart"]
    assert m.in_attendance == []  # "Director of Education; Head of Finance": posts only
    assert [i.title for i in m.items] == [
        "DECLARATIONS OF INTEREST",
        "MINUTE OF PREVIOUS MEETING",
        "REVENUE BUDGET MONITORING",
        "SCHOOL ESTATE STRATEGY",
    ]
    assert all(i.resolutions for i in m.items[1:])


def test_roll_labels_on_consecutive_markdown_lines_and_motions_carried():
    m = _fixture("board_motions.md")
    assert [(p.name, p.role) for p in m.present] == [
        ("Dana Whitfield", "chair"),
        ("Luis Ortega", "vice-chair"),
        ("Priya Raman", None),
        ("Tom Kessler", None),
    ]
    assert [(p.name, p.role) for p in m.in_attendance] == [("Erin Cobb", "Town Planner")]
    assert [bool(i.resolutions) for i in m.items] == [False, True, True, False]


def test_an_agenda_of_one_item_a_line_with_lettered_parts():
    """Items on consecutive lines, no blank line or full stop between: each is an item,
    and the lettered parts of item 5 do not hide item 6."""
    from conftest import REPO

    (agenda,) = parse_path(REPO / "tests/fixtures/model/parish_agenda_one_item_a_line.txt").agendas
    assert [i.number for i in agenda.items] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert agenda.items[5].title == "Planning applications"
    assert agenda.date == dt.date(2023, 3, 14)


def test_the_minutes_of_that_agenda_align_item_by_item():
    from conftest import REPO

    from minlint.lint.facts.alignment import align

    folder = REPO / "tests/fixtures/model"
    minutes = parse_path(folder / "parish_titles_above_text.txt")
    agenda = parse_path(folder / "parish_agenda_one_item_a_line.txt")
    alignment = align(agenda.agendas[0], minutes.minutes[0])
    assert alignment.reliable and alignment.same_meeting
    pairs = [(link.item.number, link.minute.number) for link in alignment.links]
    assert pairs == [(n, n + 30) for n in range(1, 9)]


def test_minutes_headed_1_0_with_paragraphs_1_1():
    m = _fixture("decimal_paragraphs.txt")
    assert [(i.number, i.title) for i in m.items] == [
        (1, "APOLOGIES"),
        (2, "DECLARATIONS OF INTEREST"),
        (3, "MINUTES"),
        (4, "BUDGET MONITORING"),
        (5, "GRANTS"),
        (6, "DATE OF NEXT MEETING"),
    ]
    assert [[r.form for r in i.resolutions] for i in m.items[2:5]] == [
        ["agreed"],
        ["resolved"],
        ["resolved"],
    ]
    assert m.items[4].resolutions[0].text.startswith("grants totalling £3,750 be awarded")
    assert names(m.present) == ["S. Whitmore", "A. Begum", "G. Fairbairn", "L. Price"]
    assert names(m.apologies) == ["P. Keane"]


def test_a_planning_minute_titled_by_its_application_reference():
    from conftest import REPO

    (m,) = parse_path(REPO / "tests/fixtures/model/planning_committee.html").minutes
    assert [(i.number, i.title) for i in m.items] == [
        (45, "Declarations of Interest"),
        (46, "Minutes"),
        (47, "23/1187/FUL - Land at Station Road"),
        (48, "Appeals"),
    ]
    assert len(m.items[2].resolutions) == 2
    assert m.chair is not None and m.chair.name == "H. Marsh"


def test_minutes_numbered_min_24_101_with_the_mayor_in_the_chair():
    m = _fixture("town_council_min_numbers.txt")
    assert [i.number for i in m.items] == list(range(101, 108))
    assert m.chair is not None and m.chair.name == "R. Hughes"
    assert names(m.present)[:2] == ["R. Hughes", "K. Ahmed"]  # "The Mayor" is his office
    assert names(m.apologies) == ["T. Irwin", "B. Jones"]
    assert [r.form for r in m.items[4].resolutions] == ["agreed", "resolved"]


def test_an_agenda_laid_out_as_a_table():
    from conftest import REPO

    (agenda,) = parse_path(REPO / "tests/fixtures/model/planning_agenda_table.md").agendas
    assert [(i.number, i.title, i.pages) for i in agenda.items] == [
        (45, "Declarations of Interest", None),
        (46, "Minutes of the meeting held on 24 January 2024", "1-6"),
        (47, "23/1187/FUL - Land at Station Road", "7-30"),
        (48, "Appeals", "31-34"),
    ]


def test_an_agenda_signed_after_its_last_item_has_no_next_meeting_of_that_date():
    """ "8) Date of next meeting" and then the clerk's name and the date the agenda was
    sent: that date is before the meeting, so it is not the next meeting."""
    from conftest import REPO

    (agenda,) = parse_path(REPO / "tests/fixtures/model/agenda_items_in_brackets.txt").agendas
    assert [i.number for i in agenda.items] == list(range(1, 9))
    assert agenda.date == dt.date(2024, 3, 7)
    assert agenda.next_meeting is None


@pytest.mark.parametrize("code", ["P/25/", "FC 25/", "PC.25/"])
def test_minute_numbers_with_the_council_s_letters_before_them(tmp_path, code):
    """ "P/25/012 FINANCE": the letters and the year are the label, the number after the
    slash runs from minute to minute; a planning application's reference in a minute
    ("DM/25/0457 Land at ...") is no heading."""
    titles = ["APOLOGIES", "DECLARATIONS OF INTEREST", "FINANCE", "PLANNING", "NEXT MEETING"]
    lines = ["MINUTES OF THE MEETING HELD ON 9 JUNE 2025", "", "Present: Cllr R. Okafor", ""]
    for k, title in enumerate(titles, 12):
        lines += [f"{code}{k:03d} {title}", "", "The members discussed the matter.", ""]
        if title == "PLANNING":
            lines += ["DM/25/0457 Land at Mill Green: no objection.", ""]
    path = tmp_path / "minutes.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    (m,) = parse_path(path).minutes
    assert [(i.number, i.title) for i in m.items] == list(enumerate(titles, 12))
    assert "numbering" not in m.uncertain


@pytest.mark.parametrize(
    ("header", "present", "attending"),
    [
        (
            "Councillors Present: A Smith, B Jones, C Brown\nOfficers Present: J Black (Clerk)",
            ["A Smith", "B Jones", "C Brown"],
            ["J Black"],
        ),
        (
            "Attendees: Cllr Smith (Chair), Cllr Jones, Cllr Brown\n"
            "Also in attendance: J Black, Clerk",
            ["Smith", "Jones", "Brown"],
            ["J Black"],
        ),
        (
            "Present\n\n- Cllr A Smith (Chair)\n- Cllr B Jones\n- Cllr C Brown\n\n"
            "In attendance\n\n- J Black (Clerk)",
            ["A Smith", "B Jones", "C Brown"],
            ["J Black"],
        ),
        (
            "Those present: Cllr Smith (in the Chair), Cllr Jones and Cllr Brown.",
            ["Smith", "Jones", "Brown"],
            [],
        ),
        (
            # the clerk under the post's own label, on the line under the list
            "Present: Cllrs G. Lamb (Chair), H. Marsh and K. Pryce.\nClerk: Mrs R. Shaw.",
            ["G. Lamb", "H. Marsh", "K. Pryce"],
            ["R. Shaw"],
        ),
        (
            "Present: Cllrs G. Lamb (Chair), H. Marsh and K. Pryce\n\nTown Clerk - Alan Bell",
            ["G. Lamb", "H. Marsh", "K. Pryce"],
            ["Alan Bell"],
        ),
        (
            # a Scottish council's word for those present
            "Sederunt: Councillor A Smith (Chair), Councillor B Jones and Councillor C Brown."
            "\nIn attendance: J Black, Clerk.",
            ["A Smith", "B Jones", "C Brown"],
            ["J Black"],
        ),
    ],
)
def test_attendance_labels_and_lists_of_other_councils(tmp_path, header, present, attending):
    """A label on each line of its own ("Officers Present:" under "Councillors Present:"),
    "Attendees", "Those present", and a list of one name a bullet under its label."""
    path = tmp_path / "minutes.txt"
    path.write_text(
        f"MINUTES OF THE MEETING HELD ON 9 JUNE 2025\n\n{header}\n\n1. APOLOGIES\n\n"
        "Apologies were received from Cllr D. White.\n\n2. FINANCE\n\nThe payments were "
        "approved.\n",
        encoding="utf-8",
    )
    (m,) = parse_path(path).minutes
    assert names(m.present) == present
    assert names(m.in_attendance) == attending
    chaired = "Chair" in header.split("\n", 1)[0] or "(Chair)" in header
    assert (m.chair.name if m.chair else None) == (present[0] if chaired else None)
    assert names(m.apologies) == ["D. White"]


def test_minutes_numbered_with_a_number_and_one_space(tmp_path):
    """ "3 Finance" on a line of its own heads a minute where every heading is written
    so; "4 members asked ..." under it is a count, and so is "14 PMC members" among
    headings written "13. Adjournment"."""
    path = tmp_path / "minutes.txt"
    path.write_text(
        "MINUTES OF THE MEETING HELD ON 9 JUNE 2025\n\nPresent: Cllr A Smith (Chair)\n\n"
        "1 Apologies\n\nNone were received.\n\n2 Declarations of interest\n\nNone.\n\n"
        "3 Finance\n\n4 members asked about the grass cutting. The payments were approved.\n\n"
        "4 Planning\n\nNo applications.\n",
        encoding="utf-8",
    )
    (m,) = parse_path(path).minutes
    assert [(i.number, i.title) for i in m.items] == [
        (1, "Apologies"),
        (2, "Declarations of interest"),
        (3, "Finance"),
        (4, "Planning"),
    ]
    dotted = tmp_path / "dotted.txt"
    dotted.write_text(
        "MINUTES OF THE MEETING HELD ON 9 JUNE 2025\n\n12. Reports\n\nThe reports were "
        "received.\n\n13. Adjournment\n\nThe meeting closed at 9pm.\n\nAttachment A\n\n"
        "14 PMC members (No additions since last report)\n\n14 Committers\n",
        encoding="utf-8",
    )
    (m,) = parse_path(dotted).minutes
    assert [i.number for i in m.items] == [12, 13]


def test_an_agenda_numbered_with_a_number_and_one_space(tmp_path):
    path = tmp_path / "agenda.txt"
    path.write_text(
        "ELMSTEAD PARISH COUNCIL\n\nNotice is given of the meeting to be held on Monday 9 "
        "June 2025 at 7.00pm.\n\nAGENDA\n\n1 Apologies\n2 Declarations of interest\n"
        "3 Minutes of the previous meeting\n4 Finance\n5 Planning\n",
        encoding="utf-8",
    )
    (a,) = parse_path(path).agendas
    assert [i.title for i in a.items] == [
        "Apologies",
        "Declarations of interest",
        "Minutes of the previous meeting",
        "Finance",
        "Planning",
    ]


def test_members_present_one_a_line_under_their_label_and_the_mayor_in_the_chair():
    m = _fixture("town_mayor_one_a_line.txt")
    assert names(m.present) == ["Jane Marsh", "Peter Okafor", "Laura Brennan", "David Whitley"]
    assert m.chair is not None and m.chair.name == "Jane Marsh"
    assert [p.role for p in m.present[:2]] == ["chair", "vice-chair"]
    assert [(p.name, p.role) for p in m.apologies] == [
        ("Sunil Patel", "work commitments"),
        ("Rhys Evans", "illness"),
    ]
    assert [i.shown for i in m.items] == ["25/101", "25/102", "25/103", "25/104", "25/105"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a sentence wrapped over lines under the label is not one name a line
        (
            ["Present:", "Councillors Jane Marsh, Peter Okafor and", "Laura Brennan."],
            ["Jane Marsh", "Peter Okafor", "Laura Brennan"],
        ),
        # names on the label's line: a list that wraps, read as before
        (["Present: Cllr Jane Marsh (Chair)", "Cllr Peter Okafor"], ["Jane Marsh", "Peter Okafor"]),
    ],
)
def test_a_present_list_wrapped_over_lines_is_read_as_a_list(tmp_path, lines, expected):
    text = "ASHCOMBE TOWN COUNCIL\n\nMinutes of the meeting held on 14 October 2025.\n\n"
    text += "\n".join(lines) + "\n\n1. APOLOGIES\nNone.\n\n2. FINANCE\nNoted.\n"
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    (m,) = parse_path(path).minutes
    assert names(m.present) == expected


def test_officers_label_and_a_resolution_opened_at_the_end_of_a_paragraph():
    m = _fixture("parish_resolved_in_parts.txt")
    assert names(m.present) == ["Smith", "Jones", "Brown", "Patel", "Evans"]
    assert m.chair is not None and m.chair.name == "Smith"
    assert [(p.name, p.role) for p in m.in_attendance] == [("J. Grant", "Clerk")]
    assert names(m.apologies) == ["Green", "Hale"]
    planning = m.items[4]
    assert planning.title == "PLANNING"
    # "... The Council RESOLVED that:" / "a) ..." / "b) ...": a resolution in two parts
    assert [(r.number, r.form) for r in planning.resolutions] == [
        ("a", "resolved"),
        ("b", "resolved"),
    ]
    assert planning.resolutions[0].text == "no objection be raised;"
    # "Agreed – the Clerk to report it ...": a decision in the sentence's first word
    assert [(r.form, r.text[:9]) for r in m.items[5].resolutions] == [("agreed", "the Clerk")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Agreed actions from the last meeting were reviewed.",
        "Agreeing a date was left to the clerk.",
    ],
)
def test_a_sentence_about_agreed_things_is_no_decision(sentence):
    from minlint.lint.blocks import PARAGRAPH, Block
    from minlint.lint.extract.resolutions import resolutions

    assert resolutions([Block(PARAGRAPH, sentence, 1, 1)]) == []


def _one_minute(tmp_path, line: str) -> MinutesPart:
    text = (
        "WESTLEIGH PARISH COUNCIL\n\nMinutes of the meeting held on Wednesday 8 October 2025"
        " at 7pm.\n\nPresent: Cllrs Smith (Chairman), Jones, Brown.\n\n4. APOLOGIES\nNone.\n\n"
        f"{line}\n\n6. CLOSE\nThe meeting closed at 9pm.\n"
    )
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    (m,) = parse_path(path).minutes
    return m


@pytest.mark.parametrize(
    ("line", "title"),
    [
        # a title closed by a full stop, its text after it
        ("5. Finance. The clerk reported a balance of £4,210.55 and it was noted.", "Finance"),
        # a dash between the number and the title
        ("5 – Finance – The clerk reported a balance of £4,210.55 and it was noted.", "Finance"),
        ("5 - FINANCE", "FINANCE"),
        # an abbreviation's full stop ends no title
        (
            "5. Mr. Smith asked about the hedges on Church Lane and was told they would be cut.",
            "Mr. Smith asked about the hedges on Church Lane and was told they would be cut.",
        ),
    ],
)
def test_a_title_set_apart_by_a_full_stop_or_a_dash(tmp_path, line, title):
    m = _one_minute(tmp_path, line)
    assert [(i.number, i.title) for i in m.items] == [(4, "APOLOGIES"), (5, title), (6, "CLOSE")]


def test_minutes_numbered_with_a_dash_and_the_text_on_the_next_line(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text(
        "WESTLEIGH PARISH COUNCIL\n\nMinutes of the meeting held on Wednesday 8 October 2025."
        "\n\nPresent: Cllrs Smith (Chairman), Jones, Brown.\n\n1 – Apologies\nNone.\n\n"
        "2 – Minutes\nApproved.\n\n3 – Finance\n12 – 14 members of the public attended.\n",
        encoding="utf-8",
    )
    (m,) = parse_path(path).minutes
    assert [(i.number, i.title) for i in m.items] == [
        (1, "Apologies"),
        (2, "Minutes"),
        (3, "Finance"),
    ]


@pytest.mark.parametrize(
    ("sentence", "form", "text"),
    [
        ("RESOLVED unanimously that the precept be set at £41,200.", "resolved", "the precept"),
        ("It was RESOLVED by 5 votes to 1 that the precept be set.", "resolved", "the precept"),
        ("It was unanimously RESOLVED that the precept be set.", "resolved", "the precept"),
        ("RESOLVED (nem. con.) that the precept be set.", "resolved", "the precept"),
        ("RESOLVED, by a majority, that the precept be set.", "resolved", "the precept"),
        ("RESOLVED - by 5 votes to 1 - That the precept be set.", "resolved", "That the p"),
        ("Resolved (5 for, 1 against): the precept be set.", "resolved", "the precept"),
        ("RESOLVED on the Chairman's casting vote that the precept be set.", "resolved",
         "the precept"),
        ("It was agreed by 4 votes to 2 with 1 abstention that the precept be set.", "agreed",
         "the precept"),
        ("It was proposed by Cllr Carr, seconded by Cllr Dunn and RESOLVED by nine votes to"
         " four that the precept be set.", "proposal", "the precept"),
    ],
)  # fmt: skip
def test_how_a_vote_went_is_not_part_of_what_was_resolved(tmp_path, sentence, form, text):
    """ "Resolved by 5 votes to 1 that ...": the record of the vote stands between the
    verb and the decision, and a quotation of the decision elsewhere leaves it out."""
    m = _one_minute(tmp_path, f"5. PRECEPT\n{sentence}")
    (r,) = m.items[1].resolutions
    assert (r.form, r.text[: len(text)]) == (form, text)
    assert "vote" not in r.text and "unanim" not in r.text.lower()


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Licensing Committee, Tuesday 3 June 2025 10.00 am", "Licensing Committee"),
        ("AUDIT COMMITTEE 24 SEPTEMBER 2009", "AUDIT COMMITTEE"),
        ("Minutes of the Planning Committee held on 10 March 2025", "Planning Committee"),
        ("PLANNING COMMITTEE", "PLANNING COMMITTEE"),
        # a date that is the whole of the words: nothing to name the body
        ("Tuesday 3 June 2025", None),
    ],
)
def test_a_body_named_in_a_title_with_its_meeting_s_date(title, body):
    """A title that gives the body and the date of its meeting names the body alone, so
    that the records of the same body, whose titles carry other dates, are found."""
    from minlint.lint.blocks import HEADING, Block
    from minlint.lint.extract.common import body_name

    assert body_name([Block(HEADING, title, 1, 1)]) == body


@pytest.mark.parametrize(
    ("titles", "body"),
    [
        (["ORCHARD VALE TOWN COUNCIL",
          "Minutes of the Finance and General Purposes Committee held on 5 March 2025"],
         "Finance and General Purposes Committee"),
        (["BRAMLEY TOWN COUNCIL MINUTES OF THE PLANNING COMMITTEE"], "PLANNING COMMITTEE"),
        (["Minutes of the Full Council Meeting"], "Full Council"),
        # the council itself, and a meeting described, not named
        (["ASHCOMBE PARISH COUNCIL", "Minutes of the meeting held on 4 March 2025"],
         "ASHCOMBE PARISH COUNCIL"),
    ],
)  # fmt: skip
def test_a_committee_named_under_its_council_is_the_body(titles, body):
    """The council's name heads the minutes of each of its committees: the committee is
    the body, or the records of the council's other committees would be taken for its
    own."""
    from minlint.lint.blocks import HEADING, Block
    from minlint.lint.extract.common import body_name

    blocks = [Block(HEADING, t, k, k) for k, t in enumerate(titles, 1)]
    assert body_name(blocks) == body


def test_a_sentence_reporting_after_a_resolution_is_not_part_of_it(tmp_path):
    """ "(2) That the Clerk writes ..." / "The Chairman thanked the Clerk ..." with no
    blank line between: the second line reports, and the resolution ends before it; a
    line that goes on deciding ("The precept to be set at ...") stays in it."""
    text = (
        "WESTLEIGH PARISH COUNCIL\n\nMinutes of the meeting held on 8 October 2025.\n\n"
        "Present: Cllrs Smith (Chairman), Jones, Brown.\n\n4. APOLOGIES\nNone.\n\n"
        "5. PLAYING FIELD\nRESOLVED:\n(1) That the quote of Vale Fencing Ltd be accepted.\n"
        "(2) That the Clerk writes to the county council.\n"
        "The Chairman thanked the Clerk for her work on the quotes.\n\n"
        "6. MINUTES\nRESOLVED: That the minutes be approved.\nThe Chairman then signed them.\n\n"
        "7. BUDGET\nRESOLVED: That the budget be approved.\nThe precept to be set at £41,200.\n"
    )
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    (m,) = parse_path(path).minutes
    field, minutes, budget = m.items[1:4]
    assert [(r.number, r.text, r.end_line) for r in field.resolutions] == [
        ("1", "That the quote of Vale Fencing Ltd be accepted.", 12),
        ("2", "That the Clerk writes to the county council.", 13),
    ]
    assert [r.text for r in minutes.resolutions] == ["That the minutes be approved."]
    assert [r.text for r in budget.resolutions] == [
        "That the budget be approved. The precept to be set at £41,200."
    ]


@pytest.mark.parametrize(
    "layout",
    [
        "{n}. {t}", "({n}) {t}", "{n}) {t}", "Item {n}. {t}", "{n} {t}", "{n:02d}. {t}",
        "Minute {n}: {t}", "{n}.0 {t}", "Agenda Item {n} – {t}", "{n} - {t}", "{n}.\t{t}",
        "{n}.{t}", "FC/25/{n:03d} {t}", "{n}/25 {t}",
    ],
)  # fmt: skip
def test_minute_numbers_written_every_way_councils_write_them(tmp_path, layout):
    """The same minutes, numbered as councils number them, one number skipped: the
    numbers are read, and the gap is found."""
    from engine_support import check

    titles = ["APOLOGIES", "DECLARATIONS OF INTEREST", "MINUTES", "FINANCE", "PLANNING", "CLOSE"]
    lines = ["HALTON PARISH COUNCIL", "", "Minutes of the meeting held on 7 October 2025.", ""]
    lines += ["Present: Cllrs Ash (Chair), Birch, Cedar.", ""]
    numbers = [1, 2, 3, 5, 6, 7]
    for n, t in zip(numbers, titles, strict=True):
        lines += [layout.format(n=n, t=t), "The members considered the matter.", ""]
    path = tmp_path / "minutes.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    (m,) = parse_path(path).minutes
    assert [i.number for i in m.items] == numbers
    assert [i.title for i in m.items] == titles
    (finding,) = check(path, select=("N001",)).findings
    missing = finding.message.removesuffix(" is missing").rsplit(" ", 1)[-1]
    assert finding.line == 16 and missing in ("4", "FC/25/004", "4/25"), finding.message


@pytest.mark.parametrize(
    ("sentence", "form", "text"),
    [
        ("It was RESOLVED to approve the payments.", "resolved", "to approve the payments."),
        ("Members RESOLVED to approve the payments.", "resolved", "approve the payments."),
        ("The Council RESOLVED that the payments be approved.", "resolved",
         "the payments be approved."),
        ("RESOLVED: To approve the payments.", "resolved", "To approve the payments."),
        ("DECISION: To approve the payments.", "resolved", "To approve the payments."),
        ("Decision - the payments were approved.", "resolved", "the payments were approved."),
        ("Resolved – the payments be approved.", "resolved", "the payments be approved."),
        ("RESOLVED — That the payments be approved.", "resolved", "That the payments be approved."),
        ("Council agreed to approve the payments.", "agreed", "approve the payments."),
        ("The payments were approved.", "agreed", "The payments were approved."),
        ("Proposed Cllr Ash, seconded Cllr Birch and unanimously agreed to approve the payments.",
         "proposal", "approve the payments."),
        ("The Committee NOTED the report.", "noted", "The Committee NOTED the report."),
    ],
)  # fmt: skip
def test_decisions_written_every_way(tmp_path, sentence, form, text):
    m = _one_minute(tmp_path, f"5. FINANCE\n{sentence}")
    assert [(r.form, r.text) for r in m.items[1].resolutions] == [(form, text)]


_ROWS = [
    ("Present:", "Cllrs Ash (Chair), Birch, Cedar, Dale"),
    ("In attendance:", "Mrs K Bell (Clerk)"),
    ("Apologies:", "Cllr Birch"),
]
_AFTER = "1. APOLOGIES\n\nNoted.\n\n2. FINANCE\n\nThe payments were approved.\n"


def _attendance_table(tmp_path, kind: str):
    head = "ELM PARISH COUNCIL\n\nMinutes of the meeting held on Monday 13 October 2025.\n\n"
    if kind == "docx":
        import docx

        document = docx.Document()
        for line in head.strip().split("\n\n"):
            document.add_paragraph(line)
        table = document.add_table(rows=len(_ROWS), cols=2)
        for r, (label, names) in enumerate(_ROWS):
            table.cell(r, 0).text, table.cell(r, 1).text = label, names
        for line in _AFTER.strip().split("\n\n"):
            document.add_paragraph(line)
        path = tmp_path / "minutes.docx"
        document.save(str(path))
        return path
    if kind == "html":
        rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in _ROWS)
        paras = "".join(f"<p>{p}</p>" for p in (head + _AFTER).strip().split("\n\n")[:2])
        after = "".join(f"<p>{p}</p>" for p in _AFTER.strip().split("\n\n"))
        text = f"<html><body>{paras}<table>{rows}</table>{after}</body></html>"
        path = tmp_path / "minutes.html"
    else:
        rows = "| | |\n|---|---|\n" + "".join(f"| {a} | {b} |\n" for a, b in _ROWS)
        text = head + rows + "\n" + _AFTER
        path = tmp_path / "minutes.md"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["docx", "html", "md"])
def test_attendance_set_out_in_a_table_of_labels_and_names(tmp_path, kind):
    """Word templates of minutes set the attendance in a table: "Present:" in one cell,
    the names in the next."""
    (m,) = parse_path(_attendance_table(tmp_path, kind)).minutes
    assert m.chair is not None and m.chair.name == "Ash"
    assert names(m.present) == ["Ash", "Birch", "Cedar", "Dale"]
    assert names(m.apologies) == ["Birch"]
    assert [(p.name, p.role) for p in m.in_attendance] == [("K Bell", "Clerk")]


def test_american_minutes_with_a_roll_call_and_votes_in_figures(tmp_path):
    """ "CALL TO ORDER", "ROLL CALL" with its Present list in the minute, the Mayor
    presiding, "Motion carried 5-0": the attendance is read from the roll call."""
    from minlint.lint.facts.counts import find_votes

    path = tmp_path / "minutes.txt"
    path.write_text(
        "CITY OF MAPLETON\nCITY COUNCIL REGULAR MEETING MINUTES\nTuesday, October 14, 2025\n\n"
        "1. CALL TO ORDER\nThe meeting was called to order at 7:00 p.m. by Mayor Jensen.\n\n"
        "2. ROLL CALL\nPresent: Mayor Jensen, Councilmembers Ortiz, Patel, and Quinn.\n"
        "Absent: Councilmember Reyes.\n\n"
        "3. BUDGET AMENDMENT\nMotion by Councilmember Quinn, seconded by Councilmember Ortiz,"
        " to approve Budget Amendment 2025-07. Motion carried 3-1, Councilmember Patel voting"
        " no.\n\n4. ADJOURNMENT\nThe meeting adjourned at 8:15 p.m.\n",
        encoding="utf-8",
    )
    (m,) = parse_path(path).minutes
    assert m.body == "CITY OF MAPLETON CITY COUNCIL"
    assert m.date == dt.date(2025, 10, 14)
    assert m.chair is not None and m.chair.name == "Jensen"
    assert names(m.present) == ["Jensen", "Ortiz", "Patel", "Quinn"]
    assert [v.counts for v in find_votes(m)] == [(("for", 3), ("against", 1))]
