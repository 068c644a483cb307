"""Parsed records kept on disk: reused while the file is unchanged, never trusted blindly."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES

from minlint.cli import cli
from minlint.lint import cache, cachedir, parse
from minlint.lint import records as records_module
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
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    record = tmp_path / "agenda.txt"
    record.write_bytes(AGENDA.read_bytes())
    calls = counting(monkeypatch)
    first = ParseCache().get(str(record), persist=True)
    second = ParseCache().get(str(record), persist=True)
    assert calls == ["agenda.txt"]
    assert to_json(second) == to_json(first)
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1


def test_a_changed_record_is_parsed_again(monkeypatch, tmp_path):
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
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
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    ParseCache().get(str(AGENDA))
    assert not (tmp_path / "cache").exists()
    monkeypatch.setenv(cachedir.ENV, "")
    calls = counting(monkeypatch)
    ParseCache().get(str(AGENDA), persist=True)
    ParseCache().get(str(AGENDA), persist=True)
    assert calls == ["agenda_2024-06-11.txt"] * 2


def test_a_broken_cache_entry_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    ParseCache().get(str(AGENDA), persist=True)
    (entry,) = (tmp_path / "cache").glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    calls = counting(monkeypatch)
    parsed = ParseCache().get(str(AGENDA), persist=True)
    assert calls == ["agenda_2024-06-11.txt"]
    assert parsed.agendas[0].items


def test_output_is_the_same_with_and_without_the_cache(monkeypatch, tmp_path):
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
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


def _entry_of(tmp_path, suffix: str = ".pickle") -> Path:
    (entry,) = (tmp_path / "cache").glob(f"*{suffix}")
    return entry


def test_an_entry_flipped_on_disk_is_parsed_again_even_when_it_still_unpickles(
    monkeypatch, tmp_path
):
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    first = ParseCache().get(str(AGENDA), persist=True)
    entry = _entry_of(tmp_path)
    data = bytearray(entry.read_bytes())
    where = data.rindex(b"Thornbridge")
    data[where] = ord("X")  # one letter of the text changed: the pickle is still sound
    entry.write_bytes(bytes(data))
    payload = bytes(data[len(cache.MAGIC) + 32 :])
    assert pickle.loads(payload) is not None
    calls = counting(monkeypatch)
    again = ParseCache().get(str(AGENDA), persist=True)
    assert calls == ["agenda_2024-06-11.txt"]
    assert to_json(again) == to_json(first)


def test_a_truncated_entry_is_parsed_again(monkeypatch, tmp_path):
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    ParseCache().get(str(AGENDA), persist=True)
    entry = _entry_of(tmp_path)
    entry.write_bytes(entry.read_bytes()[:-10])
    calls = counting(monkeypatch)
    assert ParseCache().get(str(AGENDA), persist=True).agendas[0].items
    assert calls == ["agenda_2024-06-11.txt"]


def test_a_record_rewritten_with_the_same_size_and_time_is_parsed_again(monkeypatch, tmp_path):
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    record = tmp_path / "agenda.txt"
    record.write_bytes(AGENDA.read_bytes())
    stat = record.stat()
    calls = counting(monkeypatch)
    before = ParseCache().get(str(record), persist=True)
    text = AGENDA.read_bytes().replace(b"11 June 2024", b"18 June 2024")
    assert len(text) == stat.st_size
    record.write_bytes(text)
    os.utime(record, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (record.stat().st_size, record.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    after = ParseCache().get(str(record), persist=True)
    assert calls == ["agenda.txt", "agenda.txt"]
    assert (before.agendas[0].date.day, after.agendas[0].date.day) == (11, 18)


def _records_dir(tmp_path: Path, decoys: int) -> Path:
    """The examples' records, and agendas of other bodies that no draft matches."""
    records = tmp_path / "records"
    records.mkdir()
    for name in ("agenda_2024-06-11.txt", "minutes_2024-05-14.txt", "work_programme_2024-25.txt"):
        (records / name).write_bytes((EXAMPLES / name).read_bytes())
    text = AGENDA.read_text(encoding="utf-8")
    for k in range(decoys):
        other = text.replace("COMMUNITIES SELECT COMMISSION", f"BOARD NUMBER {k} OF DECOYS")
        (records / f"decoy_{k}.txt").write_text(other, encoding="utf-8")
    return records


def test_only_the_records_a_draft_matches_are_read_from_the_cache(monkeypatch, tmp_path):
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    records = _records_dir(tmp_path, decoys=12)
    args = ["check", "--format", "json", str(EXAMPLES / "draft_minutes_2024-06-11.md")]
    args += ["--records", str(records)]
    cold = CliRunner().invoke(cli, args).output
    assert len(list((tmp_path / "cache").glob("*.index"))) == 15
    loaded: list[str] = []
    real_load = cache.load

    def load(path, key=None):
        loaded.append(Path(path).name)
        return real_load(path, key)

    monkeypatch.setattr(cache, "load", load)
    calls = counting(monkeypatch)
    warm = CliRunner().invoke(cli, args).output
    assert calls == ["draft_minutes_2024-06-11.md"]  # the draft only: no record parsed
    assert not any(name.startswith("decoy_") for name in loaded)
    assert "agenda_2024-06-11.txt" in loaded and "minutes_2024-05-14.txt" in loaded
    assert warm == cold == CliRunner().invoke(cli, [*args, "--no-cache"]).output
    assert json.loads(warm)["violations"]


def test_a_damaged_index_is_made_again_from_the_file(monkeypatch, tmp_path):
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    records = _records_dir(tmp_path, decoys=0)
    args = ["check", "--format", "json", str(EXAMPLES / "draft_minutes_2024-06-11.md")]
    args += ["--records", str(records)]
    cold = CliRunner().invoke(cli, args).output
    for entry in (tmp_path / "cache").glob("*.index"):
        data = bytearray(entry.read_bytes())
        data[data.rindex(b"COMMISSION") + 1] = ord("0")  # a name: it still unpickles
        entry.write_bytes(bytes(data))
    calls = counting(monkeypatch)
    made: list[str] = []
    real_index = records_module.record_index

    def record_index(parsed):
        made.append(Path(parsed.document.path).name)
        return real_index(parsed)

    monkeypatch.setattr(records_module, "record_index", record_index)
    assert CliRunner().invoke(cli, args).output == cold
    # Each index made again from the file's model (itself sound in the cache).
    assert sorted(made) == sorted(p.name for p in records.iterdir())
    assert calls == ["draft_minutes_2024-06-11.md"]
    assert all(cache.load_index(str(p)) is not None for p in records.iterdir())


def test_a_record_parsed_by_other_parsing_code_is_parsed_again(monkeypatch, tmp_path):
    """Within one version the parsing code may change (an editable install being worked
    on): an entry made by other code is not read back."""
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    record = tmp_path / "agenda.txt"
    record.write_bytes(AGENDA.read_bytes())
    calls = counting(monkeypatch)
    ParseCache().get(str(record), persist=True)
    ParseCache().get(str(record), persist=True)
    real = cache._build
    monkeypatch.setattr(cache, "_build", lambda: "other parsing code")
    ParseCache().get(str(record), persist=True)
    assert calls == ["agenda.txt", "agenda.txt"]
    # the stamp of the real code is of its files, and stable within a process
    assert real.__wrapped__() == real() and len(real()) == 64
