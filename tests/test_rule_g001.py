"""G001 agenda-item-not-minuted: an agenda item with no minute."""

from __future__ import annotations

from pathlib import Path

import pytest
from agenda_pairs import drop, minutes_of, renumber, rotherham_agenda
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, all_real_documents, corpus, seed
from engine_support import check, run_rule

from minlint.cli import cli
from minlint.lint.findings import Related
from minlint.lint.model import MinutesPart
from minlint.lint.parse import parse_path
from minlint.lint.records import Record, Records, primary_part

AGENDA = EXAMPLES / "agenda_2024-06-11.txt"
DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"
TINTERN = CORPUS / "tintern-wyevalley-cc"
G = ("G001", "G002", "G003")


def g001(draft, agenda_path, **options):
    return check(draft, select=("G001",), agenda=str(agenda_path), **options)


def found(result) -> list[tuple[int, str, str]]:
    assert [str(e) for e in result.errors] == []
    return [(f.line, f.severity, f.message) for f in result.findings]


# --- the bundled example --------------------------------------------------------------------


def test_the_planted_item_with_no_minute_is_reported_in_the_draft():
    (finding,) = g001(DRAFT, AGENDA).findings
    assert (finding.path, finding.line, finding.severity) == (str(DRAFT), 149, "error")
    assert (finding.code, finding.name, finding.category) == (
        "G001",
        "agenda-item-not-minuted",
        "agenda",
    )
    assert finding.message == (
        'agenda item 11 "Sub-Group Updates" has no minute; it would come between minutes 23 and 25'
    )
    assert finding.related == (Related(str(AGENDA), 70, "agenda item 11"),)


def test_apologies_recorded_in_the_header_are_not_reported():
    # Agenda item 1 "Apologies for Absence" is covered by the draft's line 15.
    assert [f.message for f in g001(DRAFT, AGENDA).findings if "Apologies" in f.message] == []


def test_without_an_agenda_the_rule_does_not_run():
    assert check(DRAFT, select=("G001",)).findings == []


# --- the real documents ------------------------------------------------------------------


def tintern_pairs() -> list[tuple[Path, Path]]:
    found_ = sorted(TINTERN.glob("*_agenda.txt")) if TINTERN.is_dir() else []
    return [(a, a.with_name(a.name.replace("_agenda", "_minutes"))) for a in found_]


def test_the_tintern_minutes_that_leave_out_an_agenda_item():
    """The minutes of 27 November 2023 stop at Any Other Business: agenda item 3621,
    the date of the next meeting, has no minute, and the minutes give no next meeting."""
    pairs = tintern_pairs()
    if not pairs:
        pytest.skip(f"the real documents are not beside the checkout ({TINTERN})")
    reported = {}
    for agenda_path, minutes_path in pairs:
        result = check(minutes_path, select=G, agenda=str(agenda_path))
        reported[minutes_path.name] = found(result)
        if result.findings:
            (finding,) = result.findings
            assert finding.related == (Related(str(agenda_path), 23, "agenda item 3621"),)
    assert {k: v for k, v in reported.items() if v} == {
        "20231127_minutes.txt": [
            (
                72,
                "error",
                'agenda item 3621 "Date of next meeting" has no minute; it would come after '
                "minute 3620",
            )
        ]
    }


def test_the_other_real_pairs_minute_every_item():
    pairs = [
        (
            "limerick-metropolitan/2021-03-19_agenda.md",
            "limerick-metropolitan/2021-03-19_minutes.md",
        ),
        (
            "limerick-adare-rathkeale/2014-07-08_agenda.md",
            "limerick-adare-rathkeale/2014-07-08_minutes.md",
        ),
        ("asf-board/board_agenda_2015_01_21.txt", "asf-board/board_minutes_2015_01_21.txt"),
        # Scanned agendas: their items are uncertain and nothing is reported.
        (
            "limerick-metropolitan/2021-01-18_agenda.md",
            "limerick-metropolitan/2021-01-18_minutes.md",
        ),
        ("limerick-council/2020-09-28_agenda.md", "limerick-council/2020-09-28_minutes.md"),
    ]
    for agenda_rel, minutes_rel in pairs:
        result = check(corpus(minutes_rel), select=G, agenda=str(corpus(agenda_rel)))
        assert found(result) == [], minutes_rel


def test_every_real_minutes_against_every_real_agenda():
    """Every pairing of real minutes with a real agenda: another meeting's agenda (another
    body, dated apart, numbered in another running series, or sharing too little of its
    business) says nothing; the one real gap is the only finding of the agenda rules."""
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SEEDS})")
    parsed = {p: parse_path(p) for p in documents}
    drafts = [p for p in documents if isinstance(primary_part(parsed[p]), MinutesPart)]
    agendas = [p for p in documents if parsed[p].agendas]
    reported = []
    for draft in drafts:
        for agenda_path in agendas:
            part = parsed[agenda_path].agendas[0]
            records = Records(agenda=Record(str(agenda_path), part, part.body, part.date, True))
            for code in G:
                for f in run_rule(code, parsed[draft], records):
                    reported.append((draft.name, agenda_path.name, code, f.line))
    assert reported == [("20231127_minutes.txt", "20231127_agenda.txt", "G001", 72)]


def test_records_matched_by_body_and_date_find_only_the_real_omission():
    # Tintern's agendas and minutes name no body and are dated by their file names: they
    # are matched in their own folder, and the one real omission is found that way too.
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SEEDS})")
    result = check(*documents, select=G, records=(str(SEEDS), str(CORPUS)))
    assert [(Path(f.path).name, f.line, f.code) for f in result.findings] == [
        ("20231127_minutes.txt", 72, "G001")
    ]


# --- pairs built from the real documents ---------------------------------------------------


@pytest.fixture
def rotherham(tmp_path: Path) -> Path:
    """An agenda of the meeting of 18 September 2018 in the council's agenda style."""
    return rotherham_agenda(minutes_of(seed("003")), tmp_path / "agenda.txt")


def test_the_built_agenda_and_the_real_minutes_agree(rotherham):
    # Its exclusion and urgency items are standing items with nothing to minute.
    assert found(check(seed("003"), select=G, agenda=str(rotherham))) == []


def test_a_minute_dropped_from_real_minutes(rotherham, tmp_path):
    edited = drop(seed("003"), 25, tmp_path / "minutes.txt")
    result = g001(edited, rotherham)
    assert found(result) == [
        (
            minutes_of(edited).items[6].line,
            "error",
            'agenda item 10 "Outcomes From The Improving Lives Select Commission Workshop Session '
            '- Complex Abuse Investigation" has no minute; it would come between minutes 24 and 26',
        )
    ]
    assert [r.line for r in result.findings[0].related] == [
        i.line for i in parse_path(rotherham).agendas[0].items if i.number == 10
    ]


def test_the_minutes_of_the_last_meeting_left_out(rotherham, tmp_path):
    edited = drop(seed("003"), 22, tmp_path / "minutes.txt")
    assert found(g001(edited, rotherham)) == [
        (
            minutes_of(edited).items[3].line,
            "error",
            'agenda item 7 "Minutes Of The Previous Meeting Held On 17Th July, 2018" has no '
            "minute; it would come between minutes 21 and 23",
        )
    ]


def test_a_procedural_item_left_out_is_a_warning(rotherham, tmp_path):
    edited = drop(seed("003"), 21, tmp_path / "minutes.txt")
    (finding,) = g001(edited, rotherham).findings
    assert finding.severity == "warning"
    assert finding.message == (
        'agenda item 6 "Communications" has no minute; it would come between minutes 20 and '
        "22 (a procedural item: minutes sometimes leave it out when nothing arose)"
    )


def test_a_dropped_minute_in_shared_numbering_renumbered_after(tmp_path):
    agenda_path = corpus("tintern-wyevalley-cc/20240129_agenda.txt")
    minutes_path = corpus("tintern-wyevalley-cc/20240129_minutes.txt")
    dropped = drop(minutes_path, 3649, tmp_path / "a.txt")
    for name, edited in (("kept", dropped), ("renumbered", None)):
        if edited is None:
            # The clerk renumbered the minutes after the one dropped.
            text = dropped.read_text(encoding="utf-8")
            for n in range(3650, 3653):
                text = text.replace(f"{n}.", f"{n - 1}.", 1)
            edited = tmp_path / "b.txt"
            edited.write_text(text, encoding="utf-8")
        result = check(edited, select=G, agenda=str(agenda_path))
        assert [f.message.split(";")[0] for f in result.findings] == [
            'agenda item 3649 "To set the precept for 2024-25." has no minute'
        ], name


def test_a_standing_item_left_out_is_reported_only_where_the_numbering_skips_it(tmp_path):
    agenda_path = corpus("tintern-wyevalley-cc/20240129_agenda.txt")
    minutes_path = corpus("tintern-wyevalley-cc/20240129_minutes.txt")
    dropped = drop(minutes_path, 3651, tmp_path / "a.txt")
    assert found(g001(dropped, agenda_path)) == [
        (
            minutes_of(dropped).items[-1].line,
            "warning",
            'agenda item 3651 "Any Other Business" has no minute; it would come between '
            "minutes 3650 and 3652 (a standing item, but the minutes' numbering skips 3651)",
        )
    ]
    # Any other business with no minute where the minutes are numbered apart: nothing
    # (the built Rotherham pair has exclusion and urgency items with no minute).


def test_renumbered_minutes_report_nothing(rotherham, tmp_path):
    edited = renumber(seed("003"), 200, tmp_path / "minutes.txt")
    assert found(check(edited, select=G, agenda=str(rotherham))) == []


def test_a_markdown_pair_with_a_minute_dropped(tmp_path):
    edited = drop(
        corpus("limerick-metropolitan/2021-03-19_minutes.md"), 17, tmp_path / "minutes.md"
    )
    agenda_path = corpus("limerick-metropolitan/2021-03-19_agenda.md")
    assert found(check(edited, select=G, agenda=str(agenda_path))) == [
        (
            minutes_of(edited).items[16].line,
            "warning",
            'agenda item 17 "Question submitted by Councillor J. Costelloe" has no minute; it '
            "would come between minutes 16 and 18 (a procedural item: minutes sometimes leave "
            "it out when nothing arose)",
        )
    ]


def test_a_word_draft_gives_the_same_findings_as_its_text(rotherham, tmp_path):
    from docgen import docx_from_blocks

    from minlint.lint.readers.text import read_plain

    edited = drop(seed("003"), 25, tmp_path / "minutes.txt")
    blocks = read_plain(edited.read_text(encoding="utf-8"), str(edited)).blocks
    word = docx_from_blocks(blocks, tmp_path / "minutes.docx", minute_numbers=True)
    expected = [f.message for f in g001(edited, rotherham).findings]
    assert len(expected) == 1
    assert [f.message for f in g001(word, rotherham).findings] == expected
    # ... and with the agenda in Word too.
    agenda_blocks = read_plain(rotherham.read_text(encoding="utf-8"), str(rotherham)).blocks
    word_agenda = docx_from_blocks(agenda_blocks, tmp_path / "agenda.docx")
    assert [f.message for f in g001(word, word_agenda).findings] == expected


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "G001"])
    assert result.exit_code == 0
    assert result.output.startswith("G001 agenda-item-not-minuted (agenda, error)\n")
    assert "--agenda" in result.output and "Example" in result.output


_ITEMS = [
    "Apologies for absence",
    "Declarations of interest",
    "Minutes of the last meeting",
    "Finance",
    "Planning applications",
    "Highways",
    "Date of next meeting",
]


@pytest.mark.parametrize(
    "layout",
    [
        "{n}. {t}", "{n}) {t}", "Item {n}: {t}", "{n} {t}", "{n}.\t{t}", "{n}. To consider {tl}",
        "({n}) {T}", "{n} - {t}", "Agenda item {n} – {t}", "{n}.0 {T}", "{r}. {T}",
    ],
)  # fmt: skip
def test_an_agenda_numbered_every_way_councils_number_one(tmp_path, layout):
    """The same agenda, one item a line with no blank line between, numbered as councils
    number agendas; the minutes leave out item 6, and only item 6 is reported."""
    roman = ["", "I", "II", "III", "IV", "V", "VI", "VII"]
    agenda = [
        "WESTFIELD PARISH COUNCIL",
        "",
        "Notice is hereby given that the meeting of the Parish Council will be held on Monday"
        " 13 October 2025 at 7.30pm in the Village Hall.",
        "",
        "AGENDA",
        "",
    ]
    for n, t in enumerate(_ITEMS, 1):
        agenda.append(layout.format(n=n, t=t, tl=t.lower(), T=t.upper(), r=roman[n]))
    minutes = [
        "WESTFIELD PARISH COUNCIL",
        "",
        "Minutes of the meeting of the Parish Council held on Monday 13 October 2025.",
        "",
        "Present: Cllrs Ash (Chair), Birch, Cedar.",
        "",
    ]
    for n, t in enumerate(_ITEMS, 1):
        if t != "Highways":
            minutes += [f"{n}. {t.upper()}", "The council considered the matter.", ""]
    (tmp_path / "agenda.txt").write_text("\n".join(agenda), encoding="utf-8")
    (tmp_path / "minutes.txt").write_text("\n".join(minutes), encoding="utf-8")
    result = check(tmp_path / "minutes.txt", select=G, agenda=str(tmp_path / "agenda.txt"))
    (finding,) = result.findings
    assert finding.code == "G001" and "Highways" in finding.message.title()
    assert f"agenda item {roman[6] if '{r}' in layout else 6} " in finding.message


def test_minutes_numbered_with_the_year_are_named_so(tmp_path):
    agenda = ["KINGSWOOD PARISH COUNCIL", "", "Meeting on Wednesday 9 April 2025 at 7pm.", ""]
    agenda += ["AGENDA", ""] + [f"{n}/25  {t}" for n, t in enumerate(_ITEMS, 145)]
    minutes = ["KINGSWOOD PARISH COUNCIL", "", "Minutes of the meeting held on 9 April 2025.", ""]
    minutes += ["Present: Cllrs Abbott (Chairman), Bishop, Cole.", ""]
    for n, t in enumerate(_ITEMS, 145):
        if t != "Highways":
            minutes += [f"{n}/25  {t}", "The council considered the matter.", ""]
    (tmp_path / "agenda.txt").write_text("\n".join(agenda), encoding="utf-8")
    (tmp_path / "minutes.txt").write_text("\n".join(minutes), encoding="utf-8")
    (finding,) = g001(tmp_path / "minutes.txt", tmp_path / "agenda.txt").findings
    assert finding.message == (
        'agenda item 150/25 "Highways" has no minute; it would come between minutes 149/25'
        " and 151/25"
    )
