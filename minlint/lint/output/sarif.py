"""SARIF 2.1.0 for code scanning: one run, the rules that ran, a result per finding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from minlint import __version__
from minlint.lint.engine import CheckResult
from minlint.lint.findings import ERROR, INFO, WARNING, Finding
from minlint.lint.registry import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {ERROR: "error", WARNING: "warning", INFO: "note"}


def uri(path: str) -> str:
    """A relative path as a relative URI with forward slashes; an absolute one as file:."""
    p = Path(path)
    return p.as_uri() if p.is_absolute() else quote(p.as_posix())


def _location(path: str, region: dict[str, int] | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri(path)}}
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def _rule(r: Rule) -> dict[str, Any]:
    explanation = r.explanation
    first = explanation.split("\n\n", 1)[0].replace("\n", " ")
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": first},
        "help": {"text": explanation, "markdown": explanation},
        "defaultConfiguration": {"level": LEVEL[r.severity]},
        "properties": {"tags": [r.category]},
    }


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line}
    if f.end_column is not None:
        region["endColumn"] = f.end_column
    out: dict[str, Any] = {"ruleId": f.code}
    if f.code in index:
        out["ruleIndex"] = index[f.code]
    out.update(
        level=LEVEL[f.severity],
        message={"text": f.message},
        locations=[_location(f.path, region)],
    )
    if f.related:
        out["relatedLocations"] = [
            {**_location(r.path, {"startLine": r.line}), "id": i, "message": {"text": r.message}}
            for i, r in enumerate(f.related)
        ]
    if f.fingerprint:
        out["partialFingerprints"] = {"minlint/v1": f.fingerprint}
    return out


def report(result: CheckResult) -> dict[str, Any]:
    index = {r.code: i for i, r in enumerate(result.rules)}
    invocation: dict[str, Any] = {"executionSuccessful": not result.errors}
    if result.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": e.message}, "locations": [_location(e.path)]}
            for e in result.errors
        ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "minlint",
                        "version": __version__,
                        "rules": [_rule(r) for r in result.rules],
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index) for f in result.findings],
            }
        ],
    }


def render(result: CheckResult, color: bool = False) -> str:
    return json.dumps(report(result), indent=2, ensure_ascii=False) + "\n"
