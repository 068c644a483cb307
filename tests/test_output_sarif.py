"""SARIF 2.1.0: valid against the OASIS schema, with rules, results and notifications."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import SHARED
from engine_support import FIXTURES, sample_result

import minlint
from minlint.cli import cli
from minlint.lint.output import render
from minlint.lint.output.sarif import uri

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def validate(log: dict) -> None:
    if not SARIF_SCHEMA.exists():
        pytest.skip(f"the SARIF schema is not beside the checkout ({SARIF_SCHEMA})")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)


def test_the_log_is_valid_sarif():
    log = json.loads(render(sample_result(), "sarif"))
    validate(log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("minlint", minlint.__version__)
    assert run["columnKind"] == "unicodeCodePoints"


def test_rules_carry_their_descriptions_and_level():
    (run,) = json.loads(render(sample_result(), "sarif"))["runs"]
    (rule,) = run["tool"]["driver"]["rules"]
    assert rule["id"] == "D001" and rule["name"] == "weekday-mismatch"
    assert rule["shortDescription"] == {"text": "A stated weekday does not fall on its date."}
    assert rule["fullDescription"]["text"] == "A stated weekday does not fall on its date."
    assert "Why it matters" in rule["help"]["text"]
    assert rule["help"]["markdown"] == rule["help"]["text"]
    assert rule["defaultConfiguration"] == {"level": "error"}
    assert rule["properties"] == {"tags": ["date"]}


def test_results_point_at_their_places():
    (run,) = json.loads(render(sample_result(), "sarif"))["runs"]
    first, second, third = run["results"]
    assert first["ruleId"] == "D001" and first["ruleIndex"] == 0
    assert first["level"] == "error"
    assert first["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "drafts/a%20b.md"},
                "region": {"startLine": 3, "startColumn": 5, "endLine": 3},
            }
        }
    ]
    assert first["partialFingerprints"] == {"minlint/v1": "0123456789abcdef"}
    assert second["level"] == "warning"
    assert second["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 7,
        "startColumn": 1,
        "endLine": 8,
        "endColumn": 9,
    }
    assert second["relatedLocations"] == [
        {
            "id": 0,
            "physicalLocation": {
                "artifactLocation": {"uri": "agenda.txt"},
                "region": {"startLine": 12},
            },
            "message": {"text": "the agenda gives 4 June"},
        }
    ]
    assert third["level"] == "note"


def test_bad_files_are_notifications_and_the_run_not_successful():
    (run,) = json.loads(render(sample_result(), "sarif"))["runs"]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"] == [
        {
            "level": "error",
            "message": {"text": "no such file"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "missing.md"}}}],
        }
    ]


def test_uris_are_relative_with_forward_slashes():
    assert uri("drafts/2023/a.md") == "drafts/2023/a.md"
    assert uri("minutes #3.md") == "minutes%20%233.md"
    assert uri("/srv/minutes/a.md") == "file:///srv/minutes/a.md"


def test_a_real_run_is_valid_sarif(tmp_path, monkeypatch):
    monkeypatch.chdir(FIXTURES)
    result = CliRunner().invoke(
        cli, ["check", "weekday_errors.md", "clean_minutes.md", "absent.md", "--format", "sarif"]
    )
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    validate(log)
    (run,) = log["runs"]
    assert len(run["results"]) == 5
    assert {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    } == {"weekday_errors.md"}
    assert run["invocations"][0]["toolExecutionNotifications"][0]["message"] == {
        "text": "no such file"
    }
