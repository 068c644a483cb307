"""The JSON report: ``{"version", "violations", "errors"}`` (schemas/report.schema.json)."""

from __future__ import annotations

import json
from typing import Any

from minlint import __version__
from minlint.lint.engine import CheckResult


def report(result: CheckResult) -> dict[str, Any]:
    return {
        "version": __version__,
        "violations": [f.to_json() for f in result.findings],
        "errors": [{"path": e.path, "message": e.message} for e in result.errors],
    }


def render(result: CheckResult, color: bool = False) -> str:
    return json.dumps(report(result), indent=2, ensure_ascii=False) + "\n"
