"""The JSON report: exactly the contract of DESIGN.md, valid against report.schema.json."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from engine_support import FIXTURES, sample_result

import minlint
from minlint.cli import cli
from minlint.lint.output import render

SCHEMA = json.loads(
    (Path(minlint.__file__).parent / "schemas" / "report.schema.json").read_text(encoding="utf-8")
)


def validate(report: dict) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(report)


def test_the_report_has_exactly_the_contract_fields():
    report = json.loads(render(sample_result(), "json"))
    validate(report)
    assert list(report) == ["version", "violations", "errors"]
    assert report["version"] == minlint.__version__
    assert report["violations"][1] == {
        "path": "drafts/a b.md",
        "line": 7,
        "end_line": 8,
        "column": 1,
        "code": "D001",
        "name": "weekday-mismatch",
        "category": "date",
        "severity": "warning",
        "message": "Monday, 50% sure: does not fall\non 3 June",
        "related": [{"path": "agenda.txt", "line": 12, "message": "the agenda gives 4 June"}],
    }
    assert report["errors"] == [{"path": "missing.md", "message": "no such file"}]


def test_a_real_run_with_a_bad_file_validates(tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF\x00\x00\x01")
    result = CliRunner().invoke(
        cli,
        ["check", str(FIXTURES / "weekday_errors.md"), str(binary), "--format", "json"],
    )
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    validate(report)
    assert len(report["violations"]) == 5
    assert report["errors"] == [
        {"path": str(binary), "message": "not a text file (contains NUL bytes)"}
    ]
    assert result.stderr == f"{binary}: error: not a text file (contains NUL bytes)\n"


@pytest.mark.parametrize(
    "broken",
    [
        {"version": "1", "violations": []},
        {"version": "1", "violations": [], "errors": [], "extra": 1},
        {"version": "1", "violations": [{"path": "a"}], "errors": []},
    ],
)
def test_the_schema_refuses_reports_off_the_contract(broken):
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)
