"""A004 absent-participant: taking part while not recorded present, or after leaving."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, all_real_documents, corpus, seed
from engine_support import check, variant

from minlint.cli import cli
from minlint.lint.facts.identity import mention_sightings
from minlint.lint.facts.participation import away_periods, participations
from minlint.lint.parse import parse_path

HERE = Path(__file__).resolve().parent / "fixtures" / "rules_attendance"
DRAFT = HERE / "draft_2024-02-06.txt"
STREET_TRADING = "Councillor Sheahan asked whether the pitch on Bridge Street would be kept."
NEXT_MEETING = "49.   DATE AND TIME OF THE NEXT MEETING\n"


def a004(path, **options):
    result = check(path, select=("A004",), **options)
    assert [str(e) for e in result.errors] == []
    return result.findings


def messages(findings):
    return [(f.line, f.message, f.severity) for f in findings]


# --- the bundled example ---------------------------------------------------------------


def test_the_example_planted_mistake_is_found():
    """Hurst leaves and re-joins, then speaks; the Cabinet Members in attendance introduce
    items; Okafor declares an interest; Lockwood and Yeadon move and second: all present."""
    draft = EXAMPLES / "draft_minutes_2024-06-11.md"
    (found,) = a004(
        draft,
        agenda=str(EXAMPLES / "agenda_2024-06-11.txt"),
        previous=str(EXAMPLES / "minutes_2024-05-14.txt"),
        records=(str(EXAMPLES),),
    )
    assert (found.line, found.column, found.end_column) == (131, 12, 17)
    assert found.message == (
        "Councillor Dyson speaks here but left the meeting earlier and is not recorded re-joining"
    )
    assert [(r.line, r.message) for r in found.related] == [(121, "recorded leaving")]
    assert (found.code, found.name, found.category, found.severity) == (
        "A004",
        "absent-participant",
        "attendance",
        "error",
    )


def test_the_example_participants_are_read():
    part = parse_path(EXAMPLES / "draft_minutes_2024-06-11.md").minutes[0]
    found = participations(part, mention_sightings(part, "x"))
    seen = {(p.kind, p.sighting.name.text, p.sighting.line) for p in found}
    assert {
        ("declared", "Okafor", 28),
        ("moved", "Lockwood", 60),
        ("seconded", "Yeadon", 60),
        ("spoke", "Hurst", 98),
        ("spoke", "Dyson", 131),
        ("spoke", "Farrar", 72),
        ("spoke", "J. Sutcliffe", 56),
        ("spoke", "Oldroyd", 99),
    } <= seen
    away = [(a.name.text, a.start_line, a.end_line) for a in away_periods(part)]
    assert away == [("Hurst", 93, 93), ("Dyson", 121, 155)]


# --- written fixtures --------------------------------------------------------------------


def test_a_clean_draft_says_nothing():
    """Sheahan leaves during the item he declared an interest in and speaks at the next;
    Lund arrives before he speaks; Dunmore (in attendance) speaks; Kowalczyk leaves at the
    end."""
    assert a004(DRAFT, records=(str(HERE),)) == []


def test_speaking_after_leaving_is_found(tmp_path):
    draft = variant(
        tmp_path,
        DRAFT,
        (
            NEXT_MEETING,
            NEXT_MEETING + "\nCouncillor Kowalczyk asked when the panel would next meet.\n",
        ),
    )
    assert messages(a004(draft)) == [
        (
            59,
            "Councillor Kowalczyk speaks here but left the meeting earlier and is not recorded "
            "re-joining",
            "error",
        )
    ]


def test_taking_part_after_sending_apologies_is_found(tmp_path):
    draft = variant(
        tmp_path,
        DRAFT,
        (STREET_TRADING, "Councillor Whitlock asked whether the pitch would be kept."),
    )
    assert messages(a004(draft)) == [
        (49, "Councillor Whitlock speaks here but sent apologies", "error")
    ]
    # "Raised" may be a point sent in writing by someone away.
    draft = variant(
        tmp_path, DRAFT, (STREET_TRADING, "Councillor Whitlock raised the pitch on Bridge Street.")
    )
    assert a004(draft) == []


def test_seconding_after_sending_apologies_is_found(tmp_path):
    draft = variant(
        tmp_path, DRAFT, ("Councillor Davies (R) seconded", "Councillor Whitlock seconded")
    )
    assert messages(a004(draft)) == [
        (41, "Councillor Whitlock seconds here but sent apologies", "error")
    ]


def test_speaking_before_arriving_is_found(tmp_path):
    draft = variant(
        tmp_path,
        DRAFT,
        (
            "left the meeting during consideration of that item.\n",
            "left the meeting during consideration of that item.\n\n"
            "Councillor Lund asked whether declarations had to be made in writing.\n",
        ),
    )
    assert messages(a004(draft)) == [
        (21, "Councillor Lund speaks here but is recorded arriving later", "error")
    ]


def test_moving_while_only_in_attendance_is_found(tmp_path):
    draft = variant(tmp_path, DRAFT, ("Councillor Okonjo moved", "Councillor Dunmore moved"))
    assert messages(a004(draft)) == [
        (
            41,
            "Councillor Dunmore moves here but is recorded in attendance, not as a member present",
            "error",
        )
    ]


def test_a_councillor_in_no_list_is_found_with_less_certainty(tmp_path):
    draft = variant(
        tmp_path,
        DRAFT,
        (STREET_TRADING, "Councillor Greaves asked whether the pitch would be kept."),
    )
    assert messages(a004(draft)) == [
        (49, "Councillor Greaves speaks here but is not recorded present", "warning")
    ]
    # The text says the councillor attended: not a finding.
    draft = variant(
        tmp_path,
        DRAFT,
        (
            STREET_TRADING,
            "Councillor Greaves, who attended the meeting as ward member, asked whether the "
            "pitch would be kept.",
        ),
    )
    assert a004(draft) == []


def test_an_ambiguous_or_misspelled_name_says_nothing(tmp_path):
    # Two Councillors Davies are present; "Sheahn" is a spelling of Sheahan (A002).
    for new in ("Councillor Davies asked whether", "Councillor Sheahn asked whether"):
        draft = variant(tmp_path, DRAFT, ("Councillor Sheahan asked whether", new))
        assert a004(draft) == [], new


# --- the real documents --------------------------------------------------------------------


def test_a_seconder_who_sent_apologies_in_real_minutes_is_found(tmp_path):
    """Limerick's full council of 3 December 2020: Councillor Slattery sent apologies."""
    path = corpus("limerick-council/2020-12-03_minutes.md")
    draft = variant(
        tmp_path, path, ("Seconded by Councillor Sheahan (J);", "Seconded by Councillor Slattery;")
    )
    found = a004(draft)
    assert [f.message for f in found] == ["Councillor Slattery seconds here but sent apologies"]


def test_real_minutes_that_record_attendance_in_the_text_say_nothing():
    """Seed 001: Councillor Steele, who chairs another board, speaks and the sentence says
    he was in attendance; Tintern 25 January 2021: Cllr Richards, who sent apologies,
    "raised" issues (a point made in writing)."""
    assert a004(seed("001")) == []
    assert a004(corpus("tintern-wyevalley-cc/20210125_minutes.txt")) == []


def test_nothing_in_the_real_documents():
    documents = all_real_documents()
    if not documents:
        return
    result = check(*documents, select=("A004",), records=(str(SEEDS), str(CORPUS)))
    assert [str(e) for e in result.errors] == []
    assert result.findings == []


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "absent-participant"])
    assert result.exit_code == 0
    assert result.output.startswith("A004 absent-participant (attendance, error)\n")
