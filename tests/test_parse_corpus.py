"""Other councils, other layouts: every corpus document parses to a sensible model."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO, all_real_documents, corpus

from minlint.lint.model import to_json
from minlint.lint.parse import parse_path

SCHEMA = json.loads((REPO / "minlint/schemas/meeting.schema.json").read_text())


@cache
def validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    return cls(SCHEMA, format_checker=cls.FORMAT_CHECKER)


def documents() -> list[Path]:
    found = all_real_documents()
    if not found:
        return [pytest.param(None, marks=pytest.mark.skip(reason="../shared is absent"))]
    return found


@pytest.mark.parametrize("path", documents(), ids=lambda p: p.name if p else "none")
def test_every_real_document_parses_to_valid_json(path: Path):
    parsed = parse_path(path)
    data = to_json(parsed)
    validator().validate(data)
    assert parsed.parts, "every file has at least one part"
    for m in parsed.minutes:
        numbers = [i.number for i in m.items]
        # Minute numbers are read in document order; at most the odd one is out of step.
        steps = sum(1 for a, b in itertools.pairwise(numbers) if b <= a)
        assert steps <= 1, numbers
        if m.chair is not None:
            assert m.chair.name in {p.name for p in m.present}


def test_tintern_minutes_running_numbers():
    path = corpus("tintern-wyevalley-cc/20191028_minutes.txt")
    (m,) = parse_path(path).minutes
    assert m.date == dt.date(2019, 10, 28)
    assert m.time == "19:00"
    assert m.chair.name == "Shewell"
    assert [p.name for p in m.present] == [
        "Shewell", "Hayward", "Hoskins", "Richards", "Evans", "Ashman", "Cobb", "Webb",
    ]  # fmt: skip
    # Apologies are minuted as an item of their own here.
    assert [p.name for p in m.apologies] == ["Hillard"]
    assert m.items[0].number == 2779
    assert m.items[0].title == "Police Report"
    assert m.next_meeting.date == dt.date(2019, 11, 25)


def test_tintern_agenda_items():
    path = corpus("tintern-wyevalley-cc/20191028_agenda.txt")
    (a,) = parse_path(path).agendas
    assert a.items[0].number == 2779
    assert [i.number for i in a.items] == list(range(2779, 2796))


def test_merton_pack_is_split_into_agenda_and_minutes():
    path = corpus("merton-audit-committee/2009-10-22_audit-committee_agenda-pack.txt")
    doc = parse_path(path)
    assert [p.kind for p in doc.parts] == ["agenda", "minutes", "minutes"]
    a = doc.agendas[0]
    assert (a.date, a.time) == (dt.date(2009, 10, 22), "19:15")
    assert [p.name for p in a.membership][:3] == ["Angela Caldara", "Corinna Edge", "Rod Scott"]
    m = doc.minutes[0]
    assert m.date == dt.date(2009, 9, 24)
    assert m.chair.name == "Dave Roberts"
    assert [p.name for p in m.present] == [
        "Dave Roberts", "Angela Caldara", "Corinna Edge", "Danny Connellan",
    ]  # fmt: skip
    # "ALSO PRESENT:" runs on from line to line into the apologies, without full stops
    attending = {p.name: p.role for p in m.in_attendance}
    assert attending["Caroline Holland"] == "Director of Corporate Services"
    assert attending["Colin Millar"] == "Democratic Services"
    assert "Suresh Patel" in attending and "Martin Whelton" in attending
    assert [p.name for p in m.apologies] == ["Rod Scott", "Diane Neil"]
    # "(B) That ..." after a full stop is the second part; "NOTED" under a title, a decision
    assert [r.number for r in m.items[4].resolutions] == ["A", "B"]
    assert (m.items[6].title, [r.form for r in m.items[6].resolutions]) == (
        "WORK PROGRAMME",
        ["noted"],
    )
    # The running footer of every page is not part of the text.
    assert not any(b.text.startswith("All minutes are draft") for b in doc.document.blocks)


def test_limerick_minutes_chair_on_its_own_line():
    path = corpus("limerick-adare-rathkeale/2014-07-08_minutes.md")
    (m,) = parse_path(path).minutes
    assert m.date == dt.date(2014, 7, 8)
    assert m.time == "09:00"
    assert m.chair.name == "Tom Neville"
    assert [p.name for p in m.present][1:] == [
        "Keary", "McMahon", "O‟Brien", "O‟Donoghue", "Sheahan",
    ]  # fmt: skip


def test_limerick_agenda_is_dated_by_its_summons():
    path = corpus("limerick-adare-rathkeale/2014-07-08_agenda.md")
    (a,) = parse_path(path).agendas
    # The letter is dated 3rd July; the meeting it summons is on Tuesday 8th July.
    assert (a.date, a.time) == (dt.date(2014, 7, 8), "09:00")
    # Each number stands on a line of its own, its title on the next.
    assert [i.number for i in a.items] == [1, 2, 3, 4, 5]
    assert a.items[2].title.startswith("To receive Deputation")


def test_board_minutes_roll_call():
    path = corpus("asf-board/board_minutes_2015_01_21.txt")
    (m,) = parse_path(path).minutes
    assert m.date == dt.date(2015, 1, 21)
    assert [i.title for i in m.items[:3]] == [
        "Call to order", "Roll Call", "Minutes from previous meetings",
    ]  # fmt: skip
    names = [p.name for p in m.present]
    assert names[:3] == ["Rich Bowen", "Doug Cutting", "Bertrand Delacretaz"]
    assert "Ross Gardler" in names  # "Ross Gardler left at 11:04"
