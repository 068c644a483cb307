"""``minlint check``, ``minlint rules`` and ``minlint rule`` as users run them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import REPO, SEEDS, seed
from engine_support import FIXTURES, check

from minlint.cli import cli
from minlint.lint.output import FORMATS, render

CLEAN = str(FIXTURES / "clean_minutes.md")
ERRORS = str(FIXTURES / "weekday_errors.md")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


# --- exit status ----------------------------------------------------------------------


def test_exit_0_when_nothing_is_found():
    result = run("check", CLEAN)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "All checks passed.\n", "")


def test_exit_1_when_something_is_found():
    result = run("check", ERRORS)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"{ERRORS}:13:38: D001 Monday does not fall on 23 November 2023 (a Thursday); "
        "the year is not stated and was taken from the meeting of 14 November 2023"
    )
    assert result.stdout.splitlines()[-1] == "Found 5 findings (4 errors, 1 warning) in 1 file."


def test_exit_zero_turns_findings_into_success_but_not_errors(tmp_path):
    assert run("check", ERRORS, "--exit-zero").exit_code == 0
    assert run("check", ERRORS, str(tmp_path / "absent.md"), "--exit-zero").exit_code == 2


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", CLEAN, "--format", "xml"],
        ["check", CLEAN, "--jobs", "-1"],
        ["check", CLEAN, "--no-such-option"],
    ],
)
def test_usage_errors_are_exit_2(args):
    result = run(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_bad_files_are_reported_and_the_others_still_checked(tmp_path):
    binary = tmp_path / "scan.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    fake_word = tmp_path / "draft.docx"
    fake_word.write_text("not a zip", encoding="utf-8")
    missing = tmp_path / "absent.txt"
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("check", CLEAN, str(missing), ERRORS, str(binary), str(fake_word), str(empty))
    assert result.exit_code == 2  # exit 2 wins over 1
    assert result.stderr.splitlines() == [
        f"{missing}: error: no such file",
        f"{fake_word}: error: not a Word document: the file is not a zip archive",
        f"{empty}: error: no supported files in this directory",
        f"{binary}: error: not a text file (contains NUL bytes)",
    ]
    lines = result.stdout.splitlines()
    assert sum(line.startswith(f"{ERRORS}:") for line in lines) == 5
    assert lines[-2:] == [
        "Found 5 findings (4 errors, 1 warning) in 1 file.",
        "4 files could not be checked.",
    ]


def test_a_directory_is_checked_file_by_file(tmp_path):
    shutil.copy(ERRORS, tmp_path / "b.md")
    shutil.copy(CLEAN, tmp_path / "a.md")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    result = check(tmp_path)
    assert [f.rsplit("/", 1)[-1] for f in result.files] == ["a.md", "b.md"]
    assert {f.path.rsplit("/", 1)[-1] for f in result.findings} == {"b.md"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this system has no named pipes")
def test_a_named_pipe_in_a_directory_is_passed_over(tmp_path):
    """A named pipe with a supported name (a tool's leftover) would block the reading for
    ever: a directory's files are the regular ones."""
    from minlint.lint.records import supported_files

    shutil.copy(ERRORS, tmp_path / "b.md")
    os.mkfifo(tmp_path / "pipe.txt")
    # listed first: were the pipe among the files, the check would wait on it for ever
    assert [f.rsplit("/", 1)[-1] for f in supported_files(tmp_path)] == ["b.md"]
    result = check(tmp_path)
    assert [f.rsplit("/", 1)[-1] for f in result.files] == ["b.md"]
    assert result.errors == [] and len(result.findings) == 5


def test_a_file_named_twice_is_checked_once():
    assert len(check(ERRORS, ERRORS).findings) == 5


def test_output_file_gets_the_report_and_stdout_stays_empty(tmp_path):
    out = tmp_path / "report.json"
    result = run("check", ERRORS, "--format", "json", "--output-file", str(out))
    assert (result.exit_code, result.stdout) == (1, "")
    assert len(json.loads(out.read_text(encoding="utf-8"))["violations"]) == 5


# --- determinism and parallel runs ----------------------------------------------------


def _inputs() -> list[str]:
    paths = [str(p) for p in sorted(FIXTURES.glob("*.*"))]
    if SEEDS.is_dir():
        paths += [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    return [*paths, "absent.md"]


def _cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "minlint", *args], capture_output=True, cwd=cwd or REPO
    )


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_two_runs_are_byte_identical(fmt):
    first = _cli("check", *_inputs(), "--format", fmt, "--records", str(FIXTURES / "records"))
    second = _cli("check", *_inputs(), "--format", fmt, "--records", str(FIXTURES / "records"))
    assert first.returncode == 2
    assert first.stdout == second.stdout and first.stderr == second.stderr
    assert b"Traceback" not in first.stderr


def test_jobs_2_gives_the_same_output_as_a_serial_run():
    serial = check(*_inputs(), records=(str(FIXTURES / "records"),))
    parallel = check(*_inputs(), records=(str(FIXTURES / "records"),), jobs=2)
    assert parallel.findings == serial.findings and parallel.errors == serial.errors
    for fmt in FORMATS:
        assert render(parallel, fmt) == render(serial, fmt)
    first = _cli("check", *_inputs(), "--format", "json")
    second = _cli("check", *_inputs(), "--format", "json", "--jobs", "2")
    assert first.stdout == second.stdout and first.stderr == second.stderr


def test_the_installed_command_checks_a_real_document(tmp_path):
    draft = tmp_path / "minutes.txt"
    text = seed("002").read_text(encoding="utf-8")
    draft.write_text(text.replace("Tuesday 25 July 2023", "Monday 25 July 2023", 1))
    result = _cli("check", "minutes.txt", cwd=tmp_path)
    assert result.returncode == 1
    # The planted weekday, the published title that stops at "HELD ON", the published
    # update minuted without a decision, and last year's work programme approved.
    assert result.stdout.decode().splitlines() == [
        "minutes.txt:4:1: D001 Monday does not fall on 25 July 2023 (a Tuesday)",
        'minutes.txt:13:37: D002 no date after "HELD ON"',
        'minutes.txt:37:1: R001 minute 100 "CORPORATE PARENTING PANEL - UPDATE" '
        "records no decision",
        "minutes.txt:208:41: D007 the work programme is labelled 2022/23, but the meeting "
        "of 25 July 2023 is in the municipal year 2023/24",
        "Found 4 findings (4 errors) in 1 file.",
    ]


# --- rules and rule -------------------------------------------------------------------


def test_rules_lists_the_shipped_rules_as_a_table():
    result = run("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "name", "category", "severity", "summary"]
    d001 = next(line for line in lines[1:] if line.startswith("D001"))
    assert d001.split(None, 4) == [
        "D001",
        "weekday-mismatch",
        "date",
        "error",
        "A stated weekday does not fall on its date.",
    ]
    # The columns line up: every row's name starts where the header's does.
    start = lines[0].index("name")
    assert all(line[start - 2 : start] == "  " and line[start] != " " for line in lines[1:])


def test_rules_lists_only_registered_rules():
    # Only shipped rules: no stubs for the rest of the catalogue.
    from minlint.lint.registry import load_registry

    listed = [line.split()[0] for line in run("rules").stdout.splitlines()[1:]]
    assert listed == [r.code for r in load_registry()]


def test_rules_as_json():
    data = json.loads(run("rules", "--format", "json").stdout)
    d001 = next(r for r in data if r["code"] == "D001")
    assert d001["name"] == "weekday-mismatch" and d001["needs"] == []
    assert d001["explanation"].startswith("A stated weekday does not fall on its date.")


@pytest.mark.parametrize("key", ["D001", "weekday-mismatch", "d001"])
def test_rule_explains_one_rule(key):
    result = run("rule", key)
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "D001 weekday-mismatch (date, error)\n\nA stated weekday does not fall on its date.\n"
    )
    assert "Example:" in result.stdout


def test_an_unknown_rule_is_exit_2():
    result = run("rule", "Z999")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: unknown rule 'Z999' (see `minlint rules`)\n",
    )
