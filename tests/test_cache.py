"""Parsed records kept on disk: reused while the file is unchanged, never trusted blindly."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest
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


def forget_findings(tmp_path) -> None:
    """Drop the findings kept for unchanged drafts: the draft is checked again, and the
    records are read from the cache."""
    for entry in (tmp_path / "cache").glob("*.result"):
        entry.unlink()


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
    forget_findings(tmp_path)
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
    forget_findings(tmp_path)
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


# Findings of an unchanged draft ------------------------------------------------------------

DRAFT_NAME = "draft_minutes_2024-06-11.md"


def _folder(tmp_path: Path) -> Path:
    """The examples in a folder of their own: a draft beside its records."""
    folder = tmp_path / "committee"
    folder.mkdir()
    for path in EXAMPLES.glob("*_20*"):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def _check(folder: Path, *more: str) -> str:
    args = ["check", "--format", "json", str(folder / DRAFT_NAME), "--records", str(folder)]
    result = CliRunner().invoke(cli, [*args, *more])
    assert result.exit_code in (0, 1), result.output
    return result.output


def test_an_unchanged_draft_s_findings_are_read_back(monkeypatch, tmp_path):
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    folder = _folder(tmp_path)
    first = _check(folder)
    assert len(list((tmp_path / "cache").glob("*.result"))) == 1
    calls = counting(monkeypatch)
    again = _check(folder)
    assert calls == [], "neither the draft nor a record is parsed again"
    assert again == first == _check(folder, "--no-cache")
    assert json.loads(first)["violations"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _membership(folder: Path) -> None:
    (folder / "members.txt").write_text("Councillor Dyson (Chair)\nCouncillor Zebedee\n")
    (folder / "minlint.toml").write_text('membership = "members.txt"\n')


CHANGES = {
    # The draft: a planted mistake put right (D002 "31 June 2024").
    "draft": lambda f: _edit(f / DRAFT_NAME, "31 June 2024", "30 June 2024"),
    # A record: the previous minutes lose a paragraph, and the one the draft copies
    # (P003) moves up.
    "record": lambda f: _edit(
        f / "minutes_2024-05-14.txt",
        "Sian Pritchard, Head of Housing Options, reported on progress against the\n"
        "strategy's four priorities",
        "The Head of Housing Options gave a short verbal update.\n\nPriorities",
    ),
    "new record": lambda f: (f / "minutes_2024-04-09.txt").write_bytes(
        (f / "minutes_2024-05-14.txt").read_bytes().replace(b"14 May 2024", b"9 April 2024")
    ),
    "configuration": lambda f: (f / "minlint.toml").write_text('ignore = ["D002"]\n'),
    "membership": _membership,
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_findings_are_made_again_when_anything_they_depend_on_changes(
    monkeypatch, tmp_path, change
):
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    folder = _folder(tmp_path)
    before = _check(folder)
    CHANGES[change](folder)
    after = _check(folder)
    truth = _check(folder, "--no-cache")
    assert after == truth
    assert after != before, "the change must show in the findings, or the test proves nothing"


def test_another_selection_is_another_entry(monkeypatch, tmp_path):
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    folder = _folder(tmp_path)
    everything = _check(folder)
    dates = _check(folder, "--select", "D")
    assert dates != everything
    assert dates == _check(folder, "--select", "D", "--no-cache")
    assert _check(folder) == everything
    assert len(list((tmp_path / "cache").glob("*.result"))) == 2


def test_a_damaged_entry_is_checked_again(monkeypatch, tmp_path):
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    folder = _folder(tmp_path)
    first = _check(folder)
    (entry,) = (tmp_path / "cache").glob("*.result")
    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 0x01
    entry.write_bytes(bytes(data))
    calls = counting(monkeypatch)
    assert _check(folder) == first
    assert DRAFT_NAME in calls


def test_library_callers_and_other_rules_keep_no_findings(monkeypatch, tmp_path):
    from minlint.lint.engine import CheckOptions, run_check
    from minlint.lint.findings import Finding
    from minlint.lint.registry import Registry, load_registry

    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    folder = _folder(tmp_path)
    draft = str(folder / DRAFT_NAME)
    run_check([draft], CheckOptions(records=(str(folder),)))
    assert not list((tmp_path / "cache").glob("*.result")), "reuse is the command line's"

    def check(ctx):  # a rule of another package: its code is not stamped
        yield Finding(ctx.path, 1, 1, 1, "Z001", "plugin", "style", "warning", "a finding")

    import dataclasses

    from minlint.lint import engine

    plugin = dataclasses.replace(load_registry().get("D002"), code="Z001", check=check)
    monkeypatch.setattr(engine, "load_registry", lambda: Registry([plugin]))
    run_check([draft], CheckOptions(reuse=True))
    assert not list((tmp_path / "cache").glob("*.result"))


def test_another_version_of_a_library_that_reads_files_is_another_build(monkeypatch, tmp_path):
    module = tmp_path / "fake_pdf_library.py"
    module.write_text("VERSION = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(cache, "DEPENDENCIES", ("fake_pdf_library", "no_such_library"))
    before = cache._dependencies()
    module.write_text("VERSION = 22\n")  # upgraded in place
    after = cache._dependencies()
    assert before != after
    assert before[1] == after[1] == "no_such_library:-"


def test_clean_removes_minlint_s_files_and_nothing_else(monkeypatch, tmp_path):
    directory = tmp_path / "cache"
    monkeypatch.setenv(cachedir.ENV, str(directory))
    folder = _folder(tmp_path)
    _check(folder)
    ours = sorted(p.name for p in directory.iterdir())
    assert any(n.endswith(".result") for n in ours) and any(n.endswith(".pickle") for n in ours)
    (directory / "notes.txt").write_text("the user's own file")
    (directory / "draft.pickle").write_bytes(b"not a name minlint gives its entries")
    result = CliRunner().invoke(cli, ["clean"])
    assert result.exit_code == 0
    assert result.output.startswith(f"Removed {len(ours)} files (")
    assert sorted(p.name for p in directory.iterdir()) == ["draft.pickle", "notes.txt"]
    assert _check(folder) == _check(folder, "--no-cache"), "a clean cache is filled again"


def test_clean_with_the_cache_off_removes_nothing(monkeypatch):
    monkeypatch.setenv(cachedir.ENV, "")
    result = CliRunner().invoke(cli, ["clean"])
    assert result.exit_code == 0 and "nothing to remove" in result.output


def test_a_block_unpickles_as_it_was_pickled():
    from minlint.lint.blocks import Block

    block = Block("paragraph", "Apologies were received.", 7, 8, 1, ("a", "b"), 3, ((0, 7, 1),))
    again = pickle.loads(pickle.dumps(block, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == block and again.shifts == () and again.locate(3) == (7, 4)


def test_findings_beside_a_rule_that_broke_are_not_kept(monkeypatch, tmp_path):
    """A failure of minlint's own (here memory running out in a rule) may not happen
    again: the next run checks the draft afresh."""
    import dataclasses

    from minlint.lint import engine
    from minlint.lint.registry import Registry

    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    folder = _folder(tmp_path)

    def broken(ctx):
        raise MemoryError("out of memory for once")

    broken.__module__ = "minlint.rules.d002_incomplete_date"  # stamped as minlint's own
    registry = engine.load_registry()
    patched = Registry(
        [dataclasses.replace(r, check=broken) if r.code == "D002" else r for r in registry]
    )
    monkeypatch.setattr(engine, "load_registry", lambda: patched)
    args = ["check", str(folder / DRAFT_NAME), "--records", str(folder)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "rule D002 (" in result.output and ") failed: MemoryError" in result.output
    assert not list((tmp_path / "cache").glob("*.result"))


def test_a_draft_s_findings_are_read_back_whatever_was_checked_with_it(monkeypatch, tmp_path):
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "cache"))
    folder = _folder(tmp_path)
    other = folder / "draft_copy.md"
    other.write_text(
        (folder / DRAFT_NAME).read_text(encoding="utf-8").replace("11 June", "12 June")
    )
    args = ["check", "--format", "json", "--records", str(folder)]
    together = CliRunner().invoke(cli, [*args, str(other), str(folder / DRAFT_NAME)])
    assert together.exit_code == 1
    calls = counting(monkeypatch)
    alone = CliRunner().invoke(cli, [*args, str(folder / DRAFT_NAME)])
    assert calls == [], "checked with another draft or alone, its findings are the same"
    assert alone.output == _check(folder, "--no-cache")
