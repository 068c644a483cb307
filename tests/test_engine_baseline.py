"""Baselines: adopt minlint on an archive, then see only new findings."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from engine_support import FIXTURES, check

from minlint.cli import cli


@pytest.fixture
def archive(tmp_path, monkeypatch):
    (tmp_path / "minutes").mkdir()
    shutil.copy(FIXTURES / "weekday_errors.md", tmp_path / "minutes" / "2023-11.md")
    shutil.copy(FIXTURES / "clean_minutes.md", tmp_path / "minutes" / "2023-12.md")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


def test_round_trip(archive):
    written = run("minutes", "--write-baseline", "baseline.json")
    assert written.exit_code == 0
    assert written.stderr == "Wrote 5 findings to baseline.json.\n"
    assert written.stdout == ""
    data = json.loads((archive / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert {(e["path"], e["code"], e["count"]) for e in data["findings"]} == {
        ("minutes/2023-11.md", "D001", 1)
    }
    assert len(data["findings"]) == 5
    assert all(len(e["hash"]) == 16 and "line" not in e for e in data["findings"])

    again = run("minutes", "--baseline", "baseline.json")
    assert again.exit_code == 0
    assert again.stdout == "All checks passed.\n"


def test_edits_elsewhere_keep_the_baseline_and_new_findings_show(archive):
    run("minutes", "--write-baseline", "baseline.json")
    draft = archive / "minutes" / "2023-11.md"
    text = draft.read_text(encoding="utf-8")
    # Lines added above every finding, and one new mistake at the end.
    text = text.replace("## 41.", "An added paragraph.\n\nAnother one.\n\n## 41.")
    text += "\nThe fair is on Monday 2 December 2023.\n"
    draft.write_text(text, encoding="utf-8")
    result = run("minutes", "--baseline", "baseline.json")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "minutes/2023-11.md:27:16: D001 Monday does not fall on 2 December 2023 (a Saturday)",
        "Found 1 finding (1 error) in 1 file.",
    ]


def test_a_changed_line_is_reported_again(archive):
    run("minutes", "--write-baseline", "baseline.json")
    draft = archive / "minutes" / "2023-11.md"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("signed off on", "approved on"), encoding="utf-8")
    result = run("minutes", "--baseline", "baseline.json", "--format", "json")
    assert [v["line"] for v in json.loads(result.stdout)["violations"]] == [17]


def test_each_baseline_entry_accounts_for_one_finding(archive):
    run("minutes", "--write-baseline", "baseline.json")
    draft = archive / "minutes" / "2023-11.md"
    text = draft.read_text(encoding="utf-8")
    line = "The panel heard that the winter plan had been signed off on Friday 5 January 2023.\n"
    draft.write_text(text + "\n" + line, encoding="utf-8")
    result = check("minutes", baseline="baseline.json")
    assert [f.line for f in result.findings] == [23]


def test_the_baseline_works_from_another_directory(archive, monkeypatch):
    run("minutes", "--write-baseline", "baseline.json")
    monkeypatch.chdir(archive / "minutes")
    result = run(".", "--baseline", "../baseline.json")
    assert result.exit_code == 0, result.stdout


def test_the_configuration_can_name_the_baseline(archive):
    run("minutes", "--write-baseline", "baseline.json")
    (archive / "minlint.toml").write_text('baseline = "baseline.json"\n', encoding="utf-8")
    assert run("minutes").exit_code == 0
    (archive / "minlint.toml").write_text('baseline = "absent.json"\n', encoding="utf-8")
    result = run("minutes")
    assert result.exit_code == 2
    assert result.stderr == "absent.json: error: no such file\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not a JSON file"),
        ('{"version": 7, "findings": []}', "unsupported baseline version 7"),
        ('{"version": 1, "findings": [{"path": "a"}]}', "not a minlint baseline"),
        ("[1, 2]", "not a minlint baseline"),
    ],
)
def test_a_bad_baseline_is_exit_2(archive, content, message):
    (archive / "baseline.json").write_text(content, encoding="utf-8")
    result = run("minutes", "--baseline", "baseline.json")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"baseline.json: error: {message}")
