"""Records: how a draft finds its agenda, previous minutes and work programmes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import SEEDS, seed
from engine_support import FIXTURES, check

from minlint.lint import engine
from minlint.lint.parse import parse_path
from minlint.lint.records import (
    ParseCache,
    RecordPool,
    RecordSources,
    body_key,
    expand,
    supported_files,
)
from minlint.lint.registry import Registry, rule

RECORDS = FIXTURES / "records"
DRAFT = FIXTURES / "draft_2024-03-12.md"


def match(draft, **sources):
    pool = RecordPool(RecordSources(**sources), cache=ParseCache())
    return pool.match(str(draft), parse_path(draft)), pool


def name(record):
    return None if record is None else record.path.rsplit("/", 1)[-1]


def test_body_names_compare_without_case_or_punctuation():
    assert body_key("IMPROVING LIVES SELECT COMMISSION") == body_key(
        "Improving Lives Select Commission"
    )
    assert body_key("Planning & Highways Panel") == body_key("planning and highways panel.")
    assert body_key("The Licensing Committee") == body_key("Licensing Committee")
    assert body_key("Licensing Committee") != body_key("Licensing Sub-Committee")
    assert body_key(None) is None and body_key("  ") is None


def test_a_records_directory_gives_agenda_previous_and_work_programme():
    records, pool = match(DRAFT, paths=(str(RECORDS),))
    assert pool.errors == []
    assert name(records.agenda) == "agenda_2024-03-12.txt"
    # Not the licensing committee's later minutes, not the older Harbour minutes, and not
    # the minutes of this same meeting attached to the next pack.
    assert name(records.previous) == "minutes_2024-02-13.txt"
    assert records.previous.date == dt.date(2024, 2, 13)
    assert [name(r) for r in records.work_programmes] == ["pack_2024-04-09.txt"]
    assert records.work_programmes[0].date == dt.date(2024, 4, 9)
    assert records.monitoring_schedules == ()
    # Without a membership file, the agenda's membership is used.
    assert [p.name for p in records.membership] == [
        "Ashworth",
        "Brennan",
        "Dalton",
        "Feeney",
        "Okafor",
    ]
    assert records.membership_path.endswith("agenda_2024-03-12.txt")


def test_a_draft_is_never_its_own_record():
    pack = RECORDS / "pack_2024-04-09.txt"
    records, _ = match(pack, paths=(str(RECORDS),))
    assert records.agenda is None  # the pack's own agenda does not count
    # The minutes attached to the pack are the draft's own, so the previous minutes are
    # the latest other ones before 9 April 2024.
    assert name(records.previous) == "minutes_2024-02-13.txt"
    assert records.work_programmes == ()


def harbour_draft(path: Path, date: str) -> Path:
    """A short draft of the Harbour Scrutiny Panel's minutes of ``date``."""
    path.write_text(
        f"# HARBOUR SCRUTINY PANEL\n\n**{date}**\n\n"
        "Present:- Councillor Ashworth (in the Chair).\n",
        encoding="utf-8",
    )
    return path


def test_parts_of_packs_count_as_minutes_records(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(
        "# HARBOUR SCRUTINY PANEL\n\n**Tuesday 9 April 2024**\n\n"
        "Present:- Councillor Ashworth (in the Chair); Councillor Brennan.\n\n"
        "## 41. APOLOGIES\n\nThere were none.\n",
        encoding="utf-8",
    )
    records, _ = match(draft, paths=(str(RECORDS),))
    # The latest Harbour minutes before 9 April are those of 12 March in the pack.
    assert name(records.previous) == "pack_2024-04-09.txt"
    assert records.previous.date == dt.date(2024, 3, 12)
    assert name(records.agenda) == "pack_2024-04-09.txt"


def test_records_are_parsed_once_per_process(monkeypatch, tmp_path, probes):
    from minlint.lint import parse, records

    calls: list[str] = []
    real = parse.parse_path

    def counting(path):
        calls.append(str(path).rsplit("/", 1)[-1])
        return real(path)

    fresh = ParseCache()
    monkeypatch.setenv("MINLINT_CACHE_DIR", str(tmp_path / "cache"))  # nothing kept yet
    monkeypatch.setattr(parse, "parse_path", counting)
    monkeypatch.setattr(records, "PARSED", fresh)
    monkeypatch.setattr(engine, "PARSED", fresh)
    second = tmp_path / "second.md"
    second.write_text(DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
    check(DRAFT, second, records=(str(RECORDS), str(RECORDS / "agenda_2024-03-12.txt")))
    assert sorted(calls) == sorted(
        ["draft_2024-03-12.md", "second.md", *(p.name for p in RECORDS.iterdir())]
    )


def test_a_named_agenda_is_used_whatever_its_date():
    # A wrong agenda is for the rules to report (D003), not a reason to look elsewhere.
    other = RECORDS / "pack_2024-04-09.txt"
    records, _ = match(DRAFT, agenda=str(other))
    assert name(records.agenda) == "pack_2024-04-09.txt"
    assert records.agenda.date == dt.date(2024, 4, 9)
    # The pack's work programme comes with it.
    assert [name(r) for r in records.work_programmes] == ["pack_2024-04-09.txt"]


def test_named_previous_minutes_take_the_latest_before_the_draft(tmp_path):
    draft = harbour_draft(tmp_path / "draft.md", "Tuesday 14 May 2024")
    records, _ = match(draft, previous=str(RECORDS / "pack_2024-04-09.txt"))
    assert records.previous.date == dt.date(2024, 3, 12)


def test_a_named_file_without_the_record_is_an_error():
    records, pool = match(DRAFT, agenda=str(RECORDS / "minutes_2024-02-13.txt"))
    assert records.agenda is None
    assert [(e.path.rsplit("/", 1)[-1], e.message) for e in pool.errors] == [
        ("minutes_2024-02-13.txt", "no agenda found in this file")
    ]


def test_missing_and_unreadable_records_are_errors(tmp_path):
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / ".hidden.txt").write_text("not a record", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")
    records, pool = match(DRAFT, paths=(str(tmp_path), str(tmp_path / "absent")))
    assert records.previous is None
    assert sorted((e.path.rsplit("/", 1)[-1], e.message) for e in pool.errors) == [
        ("absent", "no such file or directory"),
        ("broken.txt", "not a text file (contains NUL bytes)"),
    ]


def test_a_records_directory_is_scanned_for_supported_files(tmp_path):
    for rel in ("a.txt", "b.MD", "sub/c.docx", "sub/d.pdf", "e.htm", "f.csv", ".git/g.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    found = [p.rsplit("/", 1)[-1] for p in supported_files(tmp_path)]
    assert found == ["a.txt", "b.MD", "e.htm", "c.docx", "d.pdf"]
    files, errors = expand([str(tmp_path / "a.txt"), str(tmp_path / "sub")])
    assert [f.rsplit("/", 1)[-1] for f in files] == ["a.txt", "c.docx", "d.pdf"]
    assert errors == []


def _with_membership(tmp_path, text: str):
    """The draft's records with a membership file of ``text``, and the file's path."""
    members = tmp_path / "members.txt"
    members.write_text(text, encoding="utf-8")
    records, _ = match(DRAFT, paths=(str(RECORDS),), membership=str(members))
    return records, str(members)


def test_a_membership_file_overrides_the_agenda(tmp_path):
    records, members = _with_membership(
        tmp_path,
        "# Harbour Scrutiny Panel, 2023/24\nCouncillor Ashworth (Chair)\n"
        "Councillors Brennan, Dalton and Okafor\n",
    )
    assert [(p.name, p.role) for p in records.membership] == [
        ("Ashworth", "chair"),
        ("Brennan", None),
        ("Dalton", None),
        ("Okafor", None),
    ]
    assert records.membership_path == members


def test_membership_lines_are_numbered_as_an_editor_numbers_them(tmp_path):
    # A line separator (U+2028) pasted into a comment is not a line end in an editor.
    records, _ = _with_membership(
        tmp_path,
        "# Harbour Scrutiny Panel\u2028(2023/24)\nCouncillor Ashworth (Chair)\n\n"
        "Councillor Brennan\n",
    )
    assert [(p.name, p.line) for p in records.membership] == [("Ashworth", 2), ("Brennan", 4)]


def test_real_seed_minutes_find_the_previous_minutes_in_a_pack():
    records, pool = match(seed("002"), paths=(str(SEEDS),))
    assert pool.errors == []
    # 25 July 2023: the latest earlier minutes of the commission among the seeds are
    # those of 22 March 2021, attached to the pack of 15 June 2021.
    assert name(records.previous) == seed("001").name
    assert records.previous.date == dt.date(2021, 3, 22)
    assert records.agenda is None
    assert [name(r) for r in records.work_programmes] == [seed("000").name, seed("001").name]
    assert [name(r) for r in records.monitoring_schedules] == [seed("000").name]


def test_real_seed_2018_minutes_find_january_minutes_in_the_march_pack():
    records, _ = match(seed("003"), paths=(str(SEEDS),))
    assert name(records.previous) == seed("004").name
    assert records.previous.date == dt.date(2018, 1, 23)


# --- rules run only with their records --------------------------------------------------


def _probe_registry(calls: list):
    @rule(
        code="G901",
        name="probe-agenda",
        category="agenda",
        summary="Probe that needs an agenda.",
        needs=("agenda",),
    )
    def probe(ctx):
        calls.append(ctx.records.agenda.path)
        yield ctx.finding(1, f"agenda is {ctx.records.agenda.path.rsplit('/', 1)[-1]}")

    @rule(code="G902", name="probe-none", category="agenda", summary="Probe that needs nothing.")
    def plain(ctx):
        calls.append("plain")
        return iter(())

    @rule(
        code="G903",
        name="probe-optional",
        category="agenda",
        summary="Probe that uses an agenda when there is one.",
        uses=("agenda",),
    )
    def optional(ctx):
        agenda = ctx.records.agenda
        calls.append(f"optional:{agenda.path.rsplit('/', 1)[-1] if agenda else None}")
        return iter(())

    return Registry([probe, plain, optional])


@pytest.fixture
def probes(monkeypatch):
    calls: list = []
    monkeypatch.setattr(engine, "load_registry", lambda: _probe_registry(calls))
    monkeypatch.setattr(engine, "_POOLS", {})
    return calls


def test_a_rule_whose_records_are_missing_does_not_run(probes):
    result = check(DRAFT)
    assert result.findings == [] and result.errors == []
    assert probes == ["plain", "optional:None"]


def test_a_rule_runs_with_its_records(probes):
    result = check(DRAFT, records=(str(RECORDS),))
    assert [f.message for f in result.findings] == ["agenda is agenda_2024-03-12.txt"]
    agenda = RECORDS / "agenda_2024-03-12.txt"
    assert probes == [str(agenda), "plain", f"optional:{agenda.name}"]


def test_a_rule_uses_its_optional_records_when_only_it_asks_for_them(probes):
    result = check(DRAFT, records=(str(RECORDS),), select=("G903",))
    assert result.errors == [] and probes == ["optional:agenda_2024-03-12.txt"]


def test_records_are_not_read_when_no_selected_rule_needs_them(probes, monkeypatch):
    from minlint.lint import parse

    calls: list[str] = []
    real = parse.parse_path
    monkeypatch.setattr(parse, "parse_path", lambda p: calls.append(str(p)) or real(p))
    result = check(DRAFT, records=(str(RECORDS),), select=("G902",))
    assert result.errors == [] and calls == [str(DRAFT)]


def test_a_mistyped_record_path_is_reported_even_when_not_needed(probes):
    absent = str(RECORDS / "absent")
    result = check(DRAFT, records=(absent,), agenda="agenda.txt", select=("G902",))
    assert [str(e) for e in result.errors] == [
        f"{absent}: error: no such file or directory",
        "agenda.txt: error: no such file or directory",
    ]
    # Reported once, not once by the check and again by the rule that needs it.
    result = check(DRAFT, records=(absent,))
    assert [str(e) for e in result.errors] == [f"{absent}: error: no such file or directory"]


def test_the_history_holds_every_dated_agenda_and_minutes_of_the_body():
    records, _ = match(DRAFT, paths=(str(RECORDS),))
    assert [(name(r), r.date) for r in records.history] == [
        ("minutes_2024-01-09.md", dt.date(2024, 1, 9)),
        ("minutes_2024-02-13.txt", dt.date(2024, 2, 13)),
        ("agenda_2024-03-12.txt", dt.date(2024, 3, 12)),
        ("pack_2024-04-09.txt", dt.date(2024, 3, 12)),
        ("pack_2024-04-09.txt", dt.date(2024, 4, 9)),
    ]
    assert records.has("history")
    # Not the licensing committee's minutes: another body.
    assert all("licensing" not in r.path for r in records.history)


def test_a_long_history_is_the_meetings_nearest_the_draft(tmp_path):
    """A body's archive of years: the draft is compared with the meetings around its
    date, and its previous minutes are still the latest before it."""
    from minlint.lint.records import HISTORY_SIZE

    folder = tmp_path / "archive"
    folder.mkdir()
    months = [dt.date(2016 + k // 12, k % 12 + 1, 9) for k in range(96)]
    for day in months:
        (folder / f"minutes_{day}.md").write_text(
            f"# HARBOUR SCRUTINY PANEL\n\n**{day:%A %-d %B %Y}**\n\n"
            "Present:- Councillor Ashworth (in the Chair).\n\n## 1. Apologies\n\nNone.\n",
            encoding="utf-8",
        )
    draft = harbour_draft(tmp_path / "draft.md", "Tuesday 14 May 2019")
    records, _ = match(draft, paths=(str(folder),))
    dates = [r.date for r in records.history]
    assert len(dates) == HISTORY_SIZE < len(months)
    assert dates == sorted(dates)
    assert dates[0] <= dt.date(2017, 6, 9) and dates[-1] >= dt.date(2021, 3, 9)
    assert records.previous.date == dt.date(2019, 5, 9)


def test_nameless_records_are_matched_only_beside_a_nameless_draft(tmp_path):
    body = tmp_path / "council"
    other = tmp_path / "elsewhere"
    body.mkdir()
    other.mkdir()
    text = (
        "Minutes of a meeting of the above Council held on Monday {date} at 7.00pm.\n\n"
        "Present: Cllrs Hayward, Hoskins.\n\n"
        "{n}.\tApologies for absence: None.\n\n"
        "{m}.\tDate of next meeting: {next}.\n"
    )
    (body / "a.txt").write_text(
        text.format(date="28th October 2019", n=10, m=11, next="25th November 2019"),
        encoding="utf-8",
    )
    (other / "b.txt").write_text(
        text.format(date="30th October 2019", n=40, m=41, next="27th November 2019"),
        encoding="utf-8",
    )
    draft = body / "draft.txt"
    draft.write_text(
        text.format(date="25th November 2019", n=12, m=13, next="6th January 2020"),
        encoding="utf-8",
    )
    assert parse_path(draft).minutes[0].body is None
    records, _ = match(draft, paths=(str(tmp_path),))
    assert name(records.previous) == "a.txt"
    assert [name(r) for r in records.history] == ["a.txt"]
    # A named body's draft never takes the nameless records.
    named = harbour_draft(body / "named.md", "Monday 25 November 2019")
    records, _ = match(named, paths=(str(tmp_path),))
    assert records.previous is None and records.history == ()


def test_a_work_programme_file_takes_the_body_its_title_names():
    from conftest import EXAMPLES

    draft = EXAMPLES / "minutes_2024-05-14.txt"
    records, _ = match(draft, paths=(str(EXAMPLES),))
    assert [name(r) for r in records.work_programmes] == ["work_programme_2024-25.txt"]
    assert [name(r) for r in records.monitoring_schedules] == ["work_programme_2024-25.txt"]
    assert records.work_programmes[0].body == "COMMUNITIES SELECT COMMISSION"
    # Checked itself, the work programme finds the body's minutes.
    programme = EXAMPLES / "work_programme_2024-25.txt"
    records, _ = match(programme, paths=(str(EXAMPLES),))
    assert {name(r) for r in records.history} >= {"minutes_2024-05-14.txt"}


def test_a_file_checked_with_itself_named_is_no_error():
    from conftest import EXAMPLES

    agenda = EXAMPLES / "agenda_2024-06-11.txt"
    records, pool = match(agenda, agenda=str(agenda), previous=str(agenda))
    assert records.agenda is None and pool.errors == []
