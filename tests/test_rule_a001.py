"""A001 present-and-absent: a person both recorded present and sending apologies."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, all_real_documents, corpus
from engine_support import check, run_rule, variant

from minlint.cli import cli
from minlint.lint.facts.participation import absences
from minlint.lint.parse import parse_path

HERE = Path(__file__).resolve().parent / "fixtures" / "rules_attendance"
DRAFT = HERE / "draft_2024-02-06.txt"
PRESENT_CLARKE = "Councillor Clarke is recorded present and also as sending apologies"


def a001(path, **options):
    result = check(path, select=("A001",), **options)
    assert [str(e) for e in result.errors] == []
    return result.findings


def where(findings):
    return [(f.line, f.column, f.message, [r.line for r in f.related]) for f in findings]


# --- the bundled example ---------------------------------------------------------------


def test_the_example_planted_mistake_is_found():
    draft = EXAMPLES / "draft_minutes_2024-06-11.md"
    found = a001(
        draft,
        agenda=str(EXAMPLES / "agenda_2024-06-11.txt"),
        previous=str(EXAMPLES / "minutes_2024-05-14.txt"),
        records=(str(EXAMPLES),),
    )
    assert where(found) == [
        (15, 57, "Councillor Whiteley is recorded present and also as sending apologies", [7])
    ]
    assert (found[0].code, found[0].name, found[0].category, found[0].severity) == (
        "A001",
        "present-and-absent",
        "attendance",
        "error",
    )
    assert found[0].related[0].message == "recorded present: Councillor Whiteley"


def test_the_example_previous_minutes_are_clean():
    assert a001(EXAMPLES / "minutes_2024-05-14.txt") == []


# --- written fixtures --------------------------------------------------------------------


def test_a_clean_draft_says_nothing():
    """Apologies from Whitlock, whose substitute is present; an apology for lateness from
    Lund, who arrives at 6.15 p.m.; Clark and Clarke, two Councillors Davies."""
    assert a001(DRAFT, records=(str(HERE),)) == []
    part = parse_path(DRAFT).minutes[0]
    late = {a.sighting.name.text: a.for_lateness for a in absences(part, str(DRAFT))}
    assert late == {"Whitlock": False, "Lund": True}


def test_a_present_member_in_the_apologies_is_found_and_not_the_near_name(tmp_path):
    draft = variant(
        tmp_path,
        DRAFT,
        ("from Councillor Whitlock.", "from Councillors Whitlock and Clarke."),
    )
    assert where(a001(draft)) == [(11, 67, PRESENT_CLARKE, [4])]


def test_one_name_after_councillors_is_one_person(tmp_path):
    draft = variant(tmp_path, DRAFT, ("from Councillor Whitlock.", "from Councillors Clarke."))
    assert where(a001(draft)) == [(11, 54, PRESENT_CLARKE, [4])]


def test_apologies_recorded_in_a_minute_are_found(tmp_path):
    draft = variant(
        tmp_path,
        DRAFT,
        (
            "45.   DECLARATIONS OF INTEREST\n",
            "45.   DECLARATIONS OF INTEREST\n\n"
            "Apologies for absence were received from Councillor Okonjo.\n",
        ),
    )
    (found,) = a001(draft)
    assert (found.line, found.message) == (
        17,
        "Councillor Okonjo is recorded present and also as sending apologies",
    )


def test_an_absent_list_is_found(tmp_path):
    draft = variant(
        tmp_path,
        DRAFT,
        (
            "An apology for late arrival",
            "Absent: Councillor Kowalczyk.\n\nAn apology for late arrival",
        ),
    )
    (found,) = a001(draft)
    assert found.message == "Councillor Kowalczyk is recorded present and also as absent"


@pytest.mark.parametrize(
    "sentence",
    [
        "Apologies for absence were submitted by Councillor Clarke.",
        "Apologies were tendered on behalf of Councillor Clarke.",
        "Councillor Clarke sent her apologies.",
        "Apologies for absence:- Councillor Clarke.",
        "Members absent: Councillor Clarke.",
    ],
)
def test_apologies_and_absences_in_other_words(tmp_path, sentence):
    draft = variant(
        tmp_path,
        DRAFT,
        ("An apology for late arrival", f"{sentence}\n\nAn apology for late arrival"),
    )
    (found,) = a001(draft)
    assert found.line == 13
    assert found.message.startswith("Councillor Clarke is recorded present and also as ")


def test_an_apology_that_could_be_either_of_two_people_says_nothing(tmp_path):
    # Two Councillors Davies are present: "Councillor Davies" could be either.
    draft = variant(tmp_path, DRAFT, ("from Councillor Whitlock.", "from Councillor Davies."))
    assert a001(draft) == []
    # With the initial it is one of them.
    draft = variant(tmp_path, DRAFT, ("from Councillor Whitlock.", "from Councillor Davies (R)."))
    assert [f.message for f in a001(draft)] == [
        "Councillor Davies (R) is recorded present and also as sending apologies"
    ]


def test_apologies_for_lateness_or_followed_by_arrival_say_nothing(tmp_path):
    draft = variant(
        tmp_path, DRAFT, ("An apology for late arrival was", "Apologies for absence were")
    )
    # Lund sent apologies and is recorded arriving at 6.15 p.m.: the apology was for part of it.
    assert a001(draft) == []


def test_apologies_about_an_earlier_meeting_say_nothing(tmp_path):
    draft = variant(
        tmp_path,
        DRAFT,
        (
            "Resolved:- That the minutes of the meeting held on 9th January, 2024, be approved as\n"
            "a correct record.",
            "Apologies for absence had been received from Councillor Okonjo for that meeting.\n\n"
            "Resolved:- That the minutes of the meeting held on 9th January, 2024, be approved as\n"
            "a correct record.",
        ),
    )
    assert a001(draft) == []


def test_minutes_whose_attendance_is_uncertain_say_nothing(tmp_path):
    draft = variant(tmp_path, DRAFT, ("from Councillor Whitlock.", "from Councillor Clarke."))
    parsed = parse_path(draft)
    assert len(run_rule("A001", parsed)) == 1
    parsed.minutes[0].uncertain.append("attendance")
    assert run_rule("A001", parsed) == []


# --- the real documents --------------------------------------------------------------------


TINTERN = "tintern-wyevalley-cc"


def test_the_tintern_drafts_with_a_councillor_present_and_sending_apologies():
    """The minutes of 8 January 2024 (and the earlier draft of them filed as 20230108) list
    Cllr Shewell among those present and, in minute 3623, among the apologies."""
    for name in ("20230108_minutes.txt", "20240108_minutes.txt"):
        path = corpus(f"{TINTERN}/{name}")
        found = a001(path, records=(str(path.parent),))
        assert [(f.line, f.message, [r.line for r in f.related]) for f in found] == [
            (5, "Councillor Shewell is recorded present and also as sending apologies", [1])
        ], name


def test_nothing_else_in_the_real_documents():
    documents = all_real_documents()
    if not documents:
        return
    result = check(*documents, select=("A001",), records=(str(SEEDS), str(CORPUS)))
    assert [str(e) for e in result.errors] == []
    assert sorted((Path(f.path).name, f.line) for f in result.findings) == [
        ("20230108_minutes.txt", 5),
        ("20240108_minutes.txt", 5),
    ]


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "A001"])
    assert result.exit_code == 0
    assert result.output.startswith("A001 present-and-absent (attendance, error)\n")
    assert "Example" in result.output


_PRESENT_LISTS = [
    "Present: Cllrs Ash (Chair), Birch, Cedar and Dale.",
    "PRESENT: Councillor A. Ash (Chairman), Councillor B. Birch, Councillor C. Cedar,"
    " Councillor D. Dale",
    "Present:\nCllr Ash (Chair)\nCllr Birch\nCllr Cedar\nCllr Dale",
    "Members present: Ash, Birch, Cedar, Dale",
    "Councillors Present: Cllr Ash – Chair; Cllr Birch; Cllr Cedar; Cllr Dale.",
    "Present: Councillors Ash (in the Chair), Birch, Cedar & Dale",
    "Attendance: Cllr Ash (Chairman), Cllr Birch, Cllr Cedar, Cllr Dale",
    "In the Chair: Councillor Ash\nPresent: Councillors Birch, Cedar and Dale",
    "The following Councillors were present: Ash (Chair), Birch, Cedar and Dale.",
    "Present\n\n- Cllr Ash (Chair)\n- Cllr Birch\n- Cllr Cedar\n- Cllr Dale",
    "PRESENT: Cllr. Ash (Chair), Cllr. Birch, Cllr. Cedar, Cllr. Dale",
    "Present: Mr Ash (Chairman), Mrs Birch, Ms Cedar, Dr Dale",
]
_APOLOGIES = [
    "Apologies were received from Cllr Birch.",
    "Cllr Birch sent apologies.",
    "Cllr Birch (holiday).",
    "Apologies: Cllr Birch",
    "Received and accepted from Councillor Birch.",
    "An apology for absence was received from Councillor Birch.",
]


@pytest.mark.parametrize("present", _PRESENT_LISTS)
def test_present_and_apologies_written_every_way(tmp_path, present):
    """A member recorded present and sending apologies, the Present list and the
    apologies written in the ways councils write them: found every time, and the
    apologies name no one else."""
    for k, apology in enumerate(_APOLOGIES):
        path = tmp_path / f"minutes{k}.txt"
        path.write_text(
            "ELM PARISH COUNCIL\n\nMinutes of the meeting held on Monday 13 October 2025.\n\n"
            f"{present}\n\n1. APOLOGIES\n{apology}\n\n2. FINANCE\nThe payments were approved.\n",
            encoding="utf-8",
        )
        (m,) = parse_path(path).minutes
        surnames = [p.name.split()[-1] for p in m.present]
        assert surnames == ["Ash", "Birch", "Cedar", "Dale"], (present, apology)
        assert [p.name.split()[-1] for p in m.apologies] == ["Birch"], apology
        (finding,) = check(path, select=("A001",)).findings
        assert "Birch" in finding.message
