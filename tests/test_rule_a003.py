"""A003 not-a-member: someone recorded present who is not on the membership."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import CORPUS, EXAMPLES, SEEDS, all_real_documents, seed
from engine_support import check, variant

from minlint.cli import cli
from minlint.lint.facts.identity import membership_for
from minlint.lint.parse import parse_path

HERE = Path(__file__).resolve().parent / "fixtures" / "rules_attendance"
DRAFT = HERE / "draft_2024-02-06.txt"
AGENDA = HERE / "agenda_2024-02-06.txt"
PREVIOUS = HERE / "minutes_2024-01-09.txt"


def a003(path, **options):
    result = check(path, select=("A003",), **options)
    assert [str(e) for e in result.errors] == []
    return result.findings


def copy_records(tmp_path: Path, *names: str) -> None:
    for name in names:
        (tmp_path / name).write_text((HERE / name).read_text(encoding="utf-8"), encoding="utf-8")


# --- the bundled example ---------------------------------------------------------------


def test_the_example_planted_mistake_is_found():
    draft = EXAMPLES / "draft_minutes_2024-06-11.md"
    (found,) = a003(
        draft,
        agenda=str(EXAMPLES / "agenda_2024-06-11.txt"),
        previous=str(EXAMPLES / "minutes_2024-05-14.txt"),
        records=(str(EXAMPLES),),
    )
    assert (found.line, found.column, found.end_column) == (7, 96, 104)
    assert found.message == (
        "Councillor Gledhill is recorded present but is not in the membership in the agenda "
        "of 11 June 2024 or the attendance at the meeting of 14 May 2024"
    )
    assert [(Path(r.path).name, r.line) for r in found.related] == [
        ("agenda_2024-06-11.txt", 7),
        ("minutes_2024-05-14.txt", 4),
    ]
    assert (found.code, found.name, found.category, found.severity) == (
        "A003",
        "not-a-member",
        "attendance",
        "error",
    )


def test_without_a_membership_the_rule_says_nothing():
    assert a003(EXAMPLES / "draft_minutes_2024-06-11.md") == []


# --- written fixtures --------------------------------------------------------------------


def test_a_clean_draft_says_nothing():
    """Farnley is present as Whitlock's substitute; Dunmore, a Cabinet Member, is in
    attendance, not present."""
    assert a003(DRAFT, records=(str(HERE),)) == []


def test_a_non_member_present_is_found(tmp_path):
    draft = variant(tmp_path, DRAFT, ("Sheahan and Sheehan.", "Sheahan, Sheehan and Greaves."))
    copy_records(tmp_path, AGENDA.name, PREVIOUS.name)
    (found,) = a003(draft, records=(str(tmp_path),))
    assert (found.line, found.column) == (6, 22)
    assert found.message == (
        "Councillor Greaves is recorded present but is not in the membership in the agenda "
        "of 6 February 2024 or the attendance at the meeting of 9 January 2024"
    )


def test_the_membership_file_is_named(tmp_path):
    draft = variant(tmp_path, DRAFT, ("Sheahan and Sheehan.", "Sheahan, Sheehan and Greaves."))
    copy_records(tmp_path, "members.txt")
    (tmp_path / "minlint.toml").write_text('membership = "members.txt"\n', encoding="utf-8")
    (found,) = a003(draft)
    assert found.message == (
        "Councillor Greaves is recorded present but is not in the membership file members.txt"
    )
    assert [(Path(r.path).name, r.line) for r in found.related] == [("members.txt", 1)]


def test_earlier_minutes_alone_are_not_a_membership(tmp_path):
    """Minutes list those present and those who sent apologies, not a member who did
    neither: without an agenda or a membership file the rule stays silent."""
    draft = variant(tmp_path, DRAFT, ("Sheahan and Sheehan.", "Sheahan, Sheehan and Greaves."))
    copy_records(tmp_path, PREVIOUS.name)
    assert a003(draft, records=(str(tmp_path),)) == []


def test_substitutes_county_councillors_and_near_names_are_not_reported(tmp_path):
    copy_records(tmp_path, AGENDA.name)
    for old, new in [
        # Recorded as a substitute, in another form.
        (
            "Sheahan and Sheehan.",
            "Sheahan, Sheehan and Greaves.\n\nCouncillor Greaves attended as a substitute "
            "member for this meeting.",
        ),
        # A county councillor at a district panel attends in another capacity.
        ("Sheahan and Sheehan.", "Sheahan and Sheehan, and County Councillor Greaves."),
        # A spelling of a member's name: A002's finding.
        ("Sheahan and Sheehan.", "Sheahan and Sheehann."),
    ]:
        draft = variant(tmp_path, DRAFT, (old, new))
        assert a003(draft, records=(str(tmp_path),)) == [], new


def test_someone_also_present_attends_unless_a_co_opted_member(tmp_path):
    copy_records(tmp_path, AGENDA.name)
    extra = "Councillor Greaves, Cabinet Member for Housing, was also present.\n\n"
    draft = variant(
        tmp_path, DRAFT, ("Apologies for absence were", extra + "Apologies for absence were")
    )
    part = parse_path(draft).minutes[0]
    assert [p.name for p in part.in_attendance] == ["Dunmore", "Greaves"]
    assert a003(draft, records=(str(tmp_path),)) == []
    # A co-opted member also present is a member present; an agenda that lists no
    # co-opted members says nothing about them.
    extra = "Co-opted member Mrs. A. Greaves (Taxi Trade Forum) was also present.\n\n"
    draft = variant(
        tmp_path, DRAFT, ("Apologies for absence were", extra + "Apologies for absence were")
    )
    assert "A. Greaves" in [p.name for p in parse_path(draft).minutes[0].present]
    assert [f.message for f in a003(draft, records=(str(tmp_path),))] == []


def test_an_agenda_whose_count_exceeds_its_names_reads_joined_names_apart():
    """Seed 004's agenda lists "Marles Marriott" (a comma missing) under a count of 18:
    Councillor Marles, present at the attached minutes of 23 January 2018 (the same
    municipal year as the agenda), is a member."""
    path = seed("004")
    parsed = parse_path(path)
    minutes = parsed.minutes[0]
    membership = membership_for(minutes, parsed, str(path), None)
    assert membership is not None and membership.explicit
    assert membership.sources == ("the membership in the agenda of 13 March 2018",)
    surnames = {m.name.surname for m in membership.members}
    assert {"marles", "marriott"} <= surnames
    assert a003(path) == []


def test_a_non_member_in_the_real_attached_minutes_is_found(tmp_path):
    draft = variant(
        tmp_path, seed("004"), ("Marles, Pitchley and Senior.", "Marles, Pitchford and Senior.")
    )
    (found,) = a003(draft)
    assert found.line == 63
    assert found.message == (
        "Councillor Pitchford is recorded present but is not in the membership in the agenda "
        "of 13 March 2018"
    )


# --- the real documents --------------------------------------------------------------------


def test_nothing_in_the_real_documents():
    documents = all_real_documents()
    if not documents:
        return
    result = check(*documents, select=("A003",), records=(str(SEEDS), str(CORPUS)))
    assert [str(e) for e in result.errors] == []
    assert result.findings == []


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "A003"])
    assert result.exit_code == 0
    assert result.output.startswith("A003 not-a-member (attendance, error)\n")
    assert "substitute" in result.output
