"""The agenda alignment: which minute records which agenda item.

Tested on the real pairs of the corpus (an agenda and the minutes of the same meeting),
on pairs built from the real documents with items dropped, added, reordered, retitled
and renumbered, and on `minlint parse --agenda`.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from agenda_pairs import drop, insert, minutes_of, move, renumber, replace_once, rotherham_agenda
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, REPO, SEEDS, all_real_documents, corpus, seed
from hypothesis import given
from hypothesis import strategies as st

from minlint.cli import cli
from minlint.lint.facts.alignment import (
    COVERED,
    MATCH,
    MINUTED,
    MISSING,
    NOT_ON_AGENDA,
    OUT_OF_ORDER,
    RETITLED,
    STANDING,
    align,
    full_title,
    similarity,
    titles_differ,
)
from minlint.lint.model import AgendaItem, AgendaPart, Minute, MinutesPart
from minlint.lint.parse import parse_path
from minlint.lint.records import primary_part

AGENDA = EXAMPLES / "agenda_2024-06-11.txt"
DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"
SCHEMA = json.loads((REPO / "minlint/schemas/meeting.schema.json").read_text())


def aligned(agenda_path: Path, minutes_path: Path):
    return align(parse_path(agenda_path).agendas[0], minutes_of(minutes_path))


def table(alignment) -> list[tuple[str, int | None, int | None]]:
    return [
        (
            k.status,
            k.item.number if k.item else None,
            k.minute.number if k.minute else None,
        )
        for k in alignment.links
    ]


def unusual(alignment) -> list[tuple[str, int | None, int | None]]:
    return [row for row in table(alignment) if row[0] not in (MINUTED, RETITLED)]


# --- titles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Declarations of Interest", "DECLARATIONS OF INTEREST"),
        ("Work Programme 2020/21 (Pages 33 - 42)", "WORK PROGRAMME 2020/21"),
        ("Youth Offending Team - Progress report", "YOUTH OFFENDING TEAM"),
        ("Corporate Parenting Panel", "CORPORATE PARENTING PANEL - UPDATE"),
        ("Special Educational Needs and Disabilities (SEND)", "SEND Update"),
        ("Request from Festivals Ass’n for funding", "Request from Festivals Association"),
        ("Police Report", "Police Reports"),
        ("Lawnmower", "Discuss the Council’s Lawnmower"),
        ("To elect a Leas-Chathaoirleach of the District", "Election of Leas-Chathaoirleach"),
        ("Miontuairisci", "Adoption of Minutes"),
        ("To receive apologies for absence", "WELCOME AND APOLOGIES"),
    ],
)
def test_titles_of_one_item_are_similar(a: str, b: str):
    assert similarity(a, b) >= MATCH, (a, b)
    assert similarity(a, b) == similarity(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Any Other Business", "Presentation by Adare Business Association"),
        ("Sub-Group Updates", "MARKET STREET PUBLIC TOILETS - VERBAL UPDATE"),
        ("Financial Report", "Police Report"),
        ("Lighting", "Footpaths"),
        ("Question submitted by Councillor E. Secas", "Notice of Motion by Councillor E. Secas"),
    ],
)
def test_titles_of_different_items_are_not(a: str, b: str):
    assert similarity(a, b) < MATCH, (a, b, similarity(a, b))


def test_titles_differ_beyond_case_punctuation_and_pages_only():
    assert not titles_differ("Work Programme 2024/25 (Pages 43 - 45)", "WORK PROGRAMME 2024/25")
    assert not titles_differ("Declarations of Interest.", "DECLARATIONS OF INTEREST")
    assert titles_differ("Police Report", "Police Reports")


def test_an_agenda_title_broken_across_lines_is_read_whole():
    agenda = parse_path(AGENDA).agendas[0]
    item = next(i for i in agenda.items if i.number == 6)
    assert item.title.endswith("- Annual")  # the model keeps the first line
    assert full_title(item, agenda) == (
        "Homelessness Prevention and Temporary Accommodation - Annual Report 2023/24"
    )
    # An item whose next lines are sub-items, not the rest of its title.
    tintern = corpus("tintern-wyevalley-cc/20231127_agenda.txt")
    part = parse_path(tintern).agendas[0]
    accounts = next(i for i in part.items if i.number == 3613)
    assert full_title(accounts, part) == accounts.title


# --- the bundled example -----------------------------------------------------------------


def test_the_example_alignment():
    alignment = aligned(AGENDA, DRAFT)
    assert (alignment.by_number, alignment.checkable) == (False, True)
    assert table(alignment) == [
        (COVERED, 1, None),
        (MINUTED, 2, 14),
        (MINUTED, 3, 15),
        (MINUTED, 4, 16),
        (MINUTED, 5, 17),
        (OUT_OF_ORDER, 8, 18),
        (MINUTED, 6, 19),
        (MINUTED, 7, 20),
        (MINUTED, 9, 22),
        (MINUTED, 10, 23),
        (MISSING, 11, None),
        (NOT_ON_AGENDA, None, 24),
        (MINUTED, 12, 25),
        (MINUTED, 13, 26),
    ]
    covered = alignment.links[0]
    assert (covered.line, covered.note) == (15, "the apologies are recorded at line 15")
    moved = alignment.links[5]
    assert [c.minute.number for c in moved.crossed] == [19, 20]


# --- the real pairs -----------------------------------------------------------------------

TINTERN = CORPUS / "tintern-wyevalley-cc"


def tintern_pairs() -> list[tuple[Path, Path]]:
    found = sorted(TINTERN.glob("*_agenda.txt")) if TINTERN.is_dir() else []
    return [(a, a.with_name(a.name.replace("_agenda", "_minutes"))) for a in found]


def test_every_tintern_agenda_is_minuted_but_one_item():
    pairs = tintern_pairs()
    if not pairs:
        pytest.skip(f"the real documents are not beside the checkout ({TINTERN})")
    assert len(pairs) == 10
    for agenda_path, minutes_path in pairs:
        alignment = aligned(agenda_path, minutes_path)
        assert (alignment.by_number, alignment.checkable) == (True, True), agenda_path.name
        expected = [(MISSING, 3621, None)] if "20231127" in agenda_path.name else []
        assert unusual(alignment) == expected, agenda_path.name


def test_the_tintern_agenda_that_misnumbers_an_item_is_matched_by_title():
    alignment = aligned(
        corpus("tintern-wyevalley-cc/20230109_agenda.txt"),
        corpus("tintern-wyevalley-cc/20230109_minutes.txt"),
    )
    link = next(k for k in alignment.links if k.item and k.item.number == 3522)
    assert (link.status, link.minute.number) == (MINUTED, 3422)
    assert link.note == "numbered 3522 on the agenda"


def test_retitled_tintern_items_are_notes_not_gaps():
    alignment = aligned(
        corpus("tintern-wyevalley-cc/20210125_agenda.txt"),
        corpus("tintern-wyevalley-cc/20210125_minutes.txt"),
    )
    link = next(k for k in alignment.links if k.item and k.item.number == 2329)
    assert link.status == RETITLED
    assert link.note == "titled 'Unclassified Routes in the community area' in the minutes"


def test_limerick_takes_item_34_after_30():
    alignment = aligned(
        corpus("limerick-metropolitan/2021-03-19_agenda.md"),
        corpus("limerick-metropolitan/2021-03-19_minutes.md"),
    )
    assert alignment.by_number and alignment.checkable
    assert unusual(alignment) == [(OUT_OF_ORDER, 34, 34)]
    moved = next(k for k in alignment.links if k.status == OUT_OF_ORDER)
    assert [c.minute.number for c in moved.crossed] == [31, 32, 33]


def test_adare_numbers_its_minutes_in_the_order_taken():
    alignment = aligned(
        corpus("limerick-adare-rathkeale/2014-07-08_agenda.md"),
        corpus("limerick-adare-rathkeale/2014-07-08_minutes.md"),
    )
    assert not alignment.by_number
    rows = sorted(unusual(alignment), key=str)
    assert rows == [(OUT_OF_ORDER, 2, 4), (OUT_OF_ORDER, 3, 3), (STANDING, 5, None)]


def test_ocr_agendas_are_shown_but_not_relied_on():
    alignment = aligned(
        corpus("limerick-metropolitan/2021-01-18_agenda.md"),
        corpus("limerick-metropolitan/2021-01-18_minutes.md"),
    )
    assert not alignment.reliable
    assert "the agenda's items are uncertain" in alignment.notes


def test_only_the_agendas_of_the_same_meeting_are_checkable():
    """Every real minutes against every real agenda: only the pairs of one meeting are
    taken as one meeting; the rest are another body's, dated apart, numbered in another
    running series, or share too few items."""
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SEEDS.parent})")
    parsed = {p: parse_path(p) for p in documents}
    drafts = [p for p in documents if isinstance(primary_part(parsed[p]), MinutesPart)]
    agendas = [p for p in documents if parsed[p].agendas]
    same = set()
    for d in drafts:
        for a in agendas:
            alignment = align(parsed[a].agendas[0], primary_part(parsed[d]))
            if alignment.same_meeting:
                same.add((a.name, d.name))
    expected = {(a.name, m.name) for a, m in tintern_pairs()}
    for folder in ("limerick-adare-rathkeale", "limerick-metropolitan", "limerick-council"):
        for a in sorted((CORPUS / folder).glob("*_agenda.md")):
            expected.add((a.name, a.name.replace("_agenda", "_minutes")))
    for folder in ("limerick-newcastle-west",):
        for a in sorted((CORPUS / folder).glob("*_agenda.md")):
            expected.add((a.name, a.name.replace("_agenda", "_minutes")))
    expected.add(("board_agenda_2015_01_21.txt", "board_minutes_2015_01_21.txt"))
    assert same == expected


# --- pairs built from the real documents ---------------------------------------------------


@pytest.fixture
def rotherham(tmp_path: Path) -> tuple[Path, Path]:
    """The minutes of 18 September 2018 and an agenda of that meeting in the council's
    agenda style."""
    minutes_path = seed("003")
    agenda_path = rotherham_agenda(minutes_of(minutes_path), tmp_path / "agenda.txt")
    return agenda_path, minutes_path


def test_the_built_rotherham_agenda_aligns_item_for_item(rotherham):
    agenda_path, minutes_path = rotherham
    alignment = aligned(agenda_path, minutes_path)
    assert not alignment.by_number  # items 4-13, minutes 19-28
    assert unusual(alignment) == [(STANDING, 1, None), (STANDING, 2, None), (COVERED, 3, None)]
    assert [(i, m) for s, i, m in table(alignment) if s == MINUTED] == [
        (n, n + 15) for n in range(4, 14)
    ]


def test_a_dropped_minute_is_missing(rotherham, tmp_path):
    agenda_path, minutes_path = rotherham
    edited = drop(minutes_path, 25, tmp_path / "minutes.txt")
    alignment = aligned(agenda_path, edited)
    assert (MISSING, 10, None) in table(alignment)
    assert [r for r in unusual(alignment) if r[0] == MISSING] == [(MISSING, 10, None)]


def test_an_added_minute_is_not_on_the_agenda(rotherham, tmp_path):
    agenda_path, minutes_path = rotherham
    text = ["Members discussed the school transport policy for the autumn term."]
    edited = insert(minutes_path, 26, "SCHOOL TRANSPORT POLICY", text, tmp_path / "minutes.txt")
    assert [m.number for m in minutes_of(edited).items] == list(range(19, 30))
    alignment = aligned(agenda_path, edited)
    added = [r for r in unusual(alignment) if r[0] == NOT_ON_AGENDA]
    assert added == [(NOT_ON_AGENDA, None, 26)]


def test_a_minute_moved_is_out_of_order(rotherham, tmp_path):
    agenda_path, minutes_path = rotherham
    edited = move(minutes_path, 27, 24, tmp_path / "minutes.txt")
    alignment = aligned(agenda_path, edited)
    rows = unusual(alignment)
    assert [(s, i) for s, i, _ in rows if s == OUT_OF_ORDER] == [(OUT_OF_ORDER, 12)]


def test_a_retitled_minute_is_a_note(rotherham, tmp_path):
    agenda_path, minutes_path = rotherham
    edited = replace_once(
        minutes_path,
        "CHILDREN MISSING EDUCATION",
        "CHILDREN MISSING FROM EDUCATION - UPDATE",
        tmp_path / "minutes.txt",
    )
    alignment = aligned(agenda_path, edited)
    link = next(k for k in alignment.links if k.minute and k.minute.number == 23)
    assert (link.status, link.item.number) == (RETITLED, 8)
    assert unusual(alignment) == [(STANDING, 1, None), (STANDING, 2, None), (COVERED, 3, None)]


def test_renumbered_minutes_align_by_title(rotherham, tmp_path):
    agenda_path, minutes_path = rotherham
    edited = renumber(minutes_path, 100, tmp_path / "minutes.txt")
    assert [m.number for m in minutes_of(edited).items][:2] == [119, 120]
    alignment = aligned(agenda_path, edited)
    assert unusual(alignment) == [(STANDING, 1, None), (STANDING, 2, None), (COVERED, 3, None)]


def test_a_renumbered_tintern_agenda_still_aligns_by_title(tmp_path):
    agenda_path = corpus("tintern-wyevalley-cc/20240129_agenda.txt")
    minutes_path = corpus("tintern-wyevalley-cc/20240129_minutes.txt")
    # The agenda of the draft, typed with last year's numbers: no shared numbering.
    edited = tmp_path / "20240129_agenda.txt"
    edited.write_text(agenda_path.read_text(encoding="utf-8").replace("36", "35"), encoding="utf-8")
    alignment = aligned(edited, minutes_path)
    assert [m for _, _, m in table(alignment) if m] == list(range(3638, 3653))
    assert all(s in (MINUTED, RETITLED) for s, _, _ in table(alignment))


def test_a_dropped_tintern_minute_in_shared_numbering(tmp_path):
    agenda_path = corpus("tintern-wyevalley-cc/20240129_agenda.txt")
    edited = drop(
        corpus("tintern-wyevalley-cc/20240129_minutes.txt"), 3649, tmp_path / "minutes.txt"
    )
    alignment = aligned(agenda_path, edited)
    assert alignment.by_number
    assert unusual(alignment) == [(MISSING, 3649, None)]


def test_a_markdown_pair_with_a_minute_dropped_and_one_moved(tmp_path):
    agenda_path = corpus("limerick-metropolitan/2021-03-19_agenda.md")
    minutes_path = corpus("limerick-metropolitan/2021-03-19_minutes.md")
    edited = drop(minutes_path, 17, tmp_path / "a.md")
    edited = move(edited, 5, 4, tmp_path / "b.md")
    alignment = aligned(agenda_path, edited)
    rows = unusual(alignment)
    assert (MISSING, 17, None) in rows
    assert {r for r in rows if r[0] == OUT_OF_ORDER} >= {(OUT_OF_ORDER, 34, 34)}
    assert len([r for r in rows if r[0] == OUT_OF_ORDER]) == 2


def test_a_word_draft_aligns_as_its_text(rotherham, tmp_path):
    from docgen import docx_from_blocks

    from minlint.lint.readers.text import read_plain

    agenda_path, minutes_path = rotherham
    edited = drop(minutes_path, 25, tmp_path / "minutes.txt")
    blocks = read_plain(edited.read_text(encoding="utf-8"), str(edited)).blocks
    word = docx_from_blocks(blocks, tmp_path / "minutes.docx", minute_numbers=True)
    numbers = [m.number for m in minutes_of(edited).items]
    assert [m.number for m in minutes_of(word).items] == numbers
    assert [r[:2] for r in table(aligned(agenda_path, word))] == [
        r[:2] for r in table(aligned(agenda_path, edited))
    ]


# --- hand-made parts -----------------------------------------------------------------------


def _agenda(*titles: str, start: int = 1) -> AgendaPart:
    part = AgendaPart(kind="agenda", start_line=1, end_line=100)
    part.items = [AgendaItem(start + k, t, 10 + k) for k, t in enumerate(titles)]
    return part


def _minutes(*titles: str, start: int = 1) -> MinutesPart:
    part = MinutesPart(kind="minutes", start_line=1, end_line=200)
    part.items = [Minute(start + k, t, 10 + 5 * k, 14 + 5 * k) for k, t in enumerate(titles)]
    return part


def test_one_item_and_one_minute_between_the_same_neighbours_are_one_item():
    alignment = align(
        _agenda("Budget", "Green Lanes", "Planning"),
        _minutes("Budget", "Unclassified Routes", "Planning", start=10),
    )
    # Nothing in common but their place: not a plausible alignment.
    assert table(alignment)[1:3] == [(MISSING, 2, None), (NOT_ON_AGENDA, None, 11)]
    # The same number, where the numbering is shared, is a sign of the same item.
    alignment = align(
        _agenda("Budget", "Green Lanes", "Planning"),
        _minutes("Budget", "Unclassified Routes", "Planning"),
    )
    assert table(alignment)[1] == (RETITLED, 2, 2)
    alignment = align(
        _agenda("Budget", "Green Lanes in the community area", "Planning"),
        _minutes("Budget", "Unclassified Routes in the community area", "Planning"),
    )
    assert table(alignment)[1] == (RETITLED, 2, 2)


def test_items_recorded_without_a_minute_of_their_own():
    from engine_support import document

    doc = document(
        "Minutes of the meeting of the Planning Panel held on 5 March 2024",
        "Apologies for absence were received from Councillor Reed.",
        "1. Budget",
        "The budget was agreed.",
        "The next meeting will be held on 2 April 2024.",
    )
    minutes = _minutes("Budget")
    minutes.blocks = doc.blocks
    minutes.items[0].line = 5
    agenda = _agenda("Apologies", "Minutes of the last meeting", "Budget", "Date of next meeting")
    assert table(align(agenda, minutes)) == [
        (COVERED, 1, None),
        (MISSING, 2, None),  # the title "Minutes of the meeting ..." approves nothing
        (MINUTED, 3, 1),
        (COVERED, 4, None),
    ]


def test_an_item_gathering_business_minuted_one_by_one():
    alignment = align(
        _agenda("Minutes", "Petitions", "Budget"),
        _minutes(
            "Minutes",
            "Petition from residents of Mill Lane",
            "Petition from the Allotment Society",
            "Budget",
            start=20,
        ),
    )
    assert [s for s, _, _ in table(alignment)] == [MINUTED, MINUTED, RETITLED, MINUTED]
    assert alignment.links[1].note == "a further minute on agenda item 2"
    alignment = align(
        _agenda("Minutes", "Public Questions", "Budget"),
        _minutes("Minutes", "Question from Mr Reed", "Question from Ms Lane", "Budget", start=20),
    )
    assert table(alignment)[:2] == [(MINUTED, 1, 20), (COVERED, 2, None)]
    assert alignment.links[1].note == "recorded as minutes 21, 22"
    motions = ("Minutes", "Notice of Motion by Cllr Ash", "Notice of Motion by Cllr Oak")
    alignment = align(
        _agenda("Minutes", "Notices of Motion", "Budget"), _minutes(*motions, "Budget")
    )
    assert table(alignment) == [(MINUTED, 1, 1), (RETITLED, 2, 2), (MINUTED, 2, 3), (MINUTED, 3, 4)]
    # The budget's minute lost: the second motion is no budget minute.
    alignment = align(_agenda("Minutes", "Notices of Motion", "Budget"), _minutes(*motions))
    assert table(alignment) == [
        (MINUTED, 1, 1),
        (RETITLED, 2, 2),
        (MINUTED, 2, 3),
        (MISSING, 3, None),
    ]


def test_a_minute_repeating_an_item_is_a_further_minute():
    alignment = align(
        _agenda("Budget", "Highways", "Planning"),
        _minutes("Budget", "Highways", "Highways", "Planning"),
    )
    assert table(alignment) == [
        (MINUTED, 1, 1),
        (MINUTED, 2, 2),
        (MINUTED, 2, 3),
        (MINUTED, 3, 4),
    ]


@given(
    st.lists(st.text(min_size=0, max_size=30), max_size=12),
    st.lists(st.text(min_size=0, max_size=30), max_size=12),
    st.integers(min_value=0, max_value=3000),
)
def test_any_titles_align_each_item_and_minute_once(agenda_titles, minute_titles, start):
    agenda = _agenda(*agenda_titles, start=start)
    minutes = _minutes(*minute_titles)
    alignment = align(agenda, minutes)
    assert sorted(id(k.minute) for k in alignment.links if k.minute) == sorted(
        id(m) for m in minutes.items
    )
    items = [id(k.item) for k in alignment.links if k.item]
    assert set(items) == {id(i) for i in agenda.items}


# --- minlint parse --agenda ----------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_parse_shows_the_alignment_as_text():
    result = run("parse", "--format", "text", str(DRAFT), "--agenda", str(AGENDA))
    assert result.exit_code == 0, result.output
    tail = result.output.split(f"alignment with the agenda {AGENDA}")[1].splitlines()
    assert tail[0] == " (numbered apart: matched by title and order)"
    assert "  item 1 Apologies for Absence (line 30) -> -  covered: " in "\n".join(tail)
    assert (
        "  item 8 Libraries and Neighbourhood Hubs Review - Consultation Proposals (line 58)"
        " -> minute 18 (line 42)  out of order (across minutes 19, 20)" in tail
    )
    assert "  item 11 Sub-Group Updates (line 70) -> -  missing" in tail
    assert (
        "  - -> minute 24 MARKET STREET PUBLIC TOILETS - VERBAL UPDATE (line 143)"
        "  not on the agenda" in tail
    )


def test_parse_shows_the_alignment_as_json_that_validates():
    result = run("parse", str(DRAFT), "--agenda", str(AGENDA))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    alignment = data["alignment"]
    assert (alignment["agenda"], alignment["numbering"]) == (str(AGENDA), "separate")
    statuses = [k["status"] for k in alignment["links"]]
    assert statuses.count("missing") == 1 and statuses.count("out of order") == 1
    assert run("parse", str(DRAFT), "--agenda", str(AGENDA)).output == result.output
    # Without --agenda the output is the model alone.
    assert "alignment" not in json.loads(run("parse", str(DRAFT)).output)


def test_parse_agenda_errors_exit_2_with_one_line(tmp_path):
    missing = tmp_path / "nope.txt"
    result = run("parse", str(DRAFT), "--agenda", str(missing))
    assert result.exit_code == 2
    assert result.output.strip() == f"{missing}: error: no such file"
    result = run("parse", str(DRAFT), "--agenda", str(DRAFT))
    assert result.exit_code == 2
    assert result.output.strip() == f"{DRAFT}: error: no agenda found in this file"
    result = run("parse", str(AGENDA), "--agenda", str(AGENDA))
    assert result.exit_code == 2
    assert result.output.strip() == f"{AGENDA}: error: no minutes found in this file to align"


def test_an_agenda_and_minutes_far_longer_than_a_meeting_are_not_aligned(tmp_path):
    """Every agenda item is scored against every minute: 2,000 of each took minutes. Past
    what any meeting holds, the pair is left unaligned, and the agenda rules stay silent
    saying why."""
    from engine_support import check

    from minlint.lint.facts.alignment import MAX_PAIRS, align

    n = int(MAX_PAIRS**0.5) + 60
    agenda = tmp_path / "agenda.txt"
    agenda.write_text(
        "ELM PARISH COUNCIL\n\nMeeting on Monday 13 October 2025 at 7pm.\n\nAGENDA\n\n"
        + "".join(f"{i}. Item on subject {i}\n" for i in range(1, n)),
        encoding="utf-8",
    )
    draft = tmp_path / "minutes.txt"
    draft.write_text(
        "ELM PARISH COUNCIL\n\nMinutes of the meeting held on Monday 13 October 2025.\n\n"
        + "".join(f"{i}. ITEM ON SUBJECT {i}\nNoted.\n\n" for i in range(1, n) if i % 10),
        encoding="utf-8",
    )
    (a,) = parse_path(agenda).agendas
    (m,) = parse_path(draft).minutes
    alignment = align(a, m)
    assert not alignment.checkable and alignment.links == []
    assert alignment.notes[0].startswith("not aligned: ")
    assert check(draft, select=("G",), agenda=str(agenda)).findings == []
