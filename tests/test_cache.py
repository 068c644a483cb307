"""Parsed records kept on disk: reused while the file is unchanged, never trusted blindly."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES

from minlint.cli import cli
from minlint.lint import cache, parse
from minlint.lint.model import to_json
from minlint.lint.records import ParseCache

AGENDA = EXAMPLES / "agenda_2024-06-11.txt"


def counting(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = parse.parse_path

    def parse_path(path):
        calls.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(parse, "parse_path", parse_path)
    return calls


def test_a_record_is_parsed_once_and_then_read_from_disk(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    record = tmp_path / "agenda.txt"
    record.write_bytes(AGENDA.read_bytes())
    calls = counting(monkeypatch)
    first = ParseCache().get(str(record), persist=True)
    second = ParseCache().get(str(record), persist=True)
    assert calls == ["agenda.txt"]
    assert to_json(second) == to_json(first)
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1


def test_a_changed_record_is_parsed_again(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    record = tmp_path / "agenda.txt"
    record.write_bytes(AGENDA.read_bytes())
    calls = counting(monkeypatch)
    before = ParseCache().get(str(record), persist=True)
    record.write_text(AGENDA.read_text(encoding="utf-8").replace("11 June", "18 June"))
    os.utime(record, ns=(1, 1))  # a different modification time, whatever the clock says
    after = ParseCache().get(str(record), persist=True)
    assert calls == ["agenda.txt", "agenda.txt"]
    assert before.agendas[0].date != after.agendas[0].date


def test_drafts_are_not_kept_and_the_cache_can_be_off(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    ParseCache().get(str(AGENDA))
    assert not (tmp_path / "cache").exists()
    monkeypatch.setenv(cache.ENV, "")
    calls = counting(monkeypatch)
    ParseCache().get(str(AGENDA), persist=True)
    ParseCache().get(str(AGENDA), persist=True)
    assert calls == ["agenda_2024-06-11.txt"] * 2


def test_a_broken_cache_entry_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    ParseCache().get(str(AGENDA), persist=True)
    (entry,) = (tmp_path / "cache").glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    calls = counting(monkeypatch)
    parsed = ParseCache().get(str(AGENDA), persist=True)
    assert calls == ["agenda_2024-06-11.txt"]
    assert parsed.agendas[0].items


def test_output_is_the_same_with_and_without_the_cache(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    args = [
        "check",
        "--format",
        "json",
        str(EXAMPLES / "draft_minutes_2024-06-11.md"),
        "--records",
        str(EXAMPLES),
    ]
    runs = [CliRunner().invoke(cli, args).output for _ in range(2)]
    runs.append(CliRunner().invoke(cli, [*args, "--no-cache"]).output)
    assert runs[0] == runs[1] == runs[2]
    assert json.loads(runs[0])["violations"]
