"""`minlint parse`: the meeting model on the command line."""

from __future__ import annotations

import json

import jsonschema
from click.testing import CliRunner
from conftest import EXAMPLES, REPO, seed

from minlint.cli import cli

SCHEMA = json.loads((REPO / "minlint/schemas/meeting.schema.json").read_text())


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_parse_json_validates_and_is_deterministic():
    path = str(seed("003"))
    first = run("parse", path)
    assert first.exit_code == 0, first.output
    data = json.loads(first.output)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["format"] == "text"
    (part,) = data["parts"]
    assert part["kind"] == "minutes"
    assert part["date"] == "2018-09-18"
    assert part["chair"] == {"name": "Brookes", "title": "Councillor", "role": "chair", "line": 4}
    assert run("parse", path).output == first.output


def test_parse_text_outline_of_the_example_agenda():
    result = run("parse", "--format", "text", str(EXAMPLES / "agenda_2024-06-11.txt"))
    assert result.exit_code == 0, result.output
    assert "agenda lines" in result.output
    assert "date: 2024-06-11  time: 17:30" in result.output
    assert "membership (stated 15):" in result.output
    # An item named like a monitoring schedule is an item, not the start of a schedule.
    assert "  10. Recommendations Monitoring Schedule" in result.output
    assert "  13. Date and time of the next meeting" in result.output


def test_parse_bad_files_exit_2_with_one_line(tmp_path):
    missing = tmp_path / "nope.txt"
    result = run("parse", str(missing))
    assert result.exit_code == 2
    assert result.output.strip() == f"{missing}: error: no such file"
    binary = tmp_path / "draft.txt"
    binary.write_bytes(b"\x00\x01PK\x03\x04" * 20)
    result = run("parse", str(binary))
    assert result.exit_code == 2
    assert result.output.strip() == f"{binary}: error: not a text file (contains NUL bytes)"
    assert "Traceback" not in result.output


def test_parse_does_not_modify_the_input(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_bytes((EXAMPLES / "draft_minutes_2024-06-11.md").read_bytes())
    before = draft.read_bytes(), draft.stat().st_mtime_ns
    assert run("parse", str(draft)).exit_code == 0
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == before
