"""``minlint rules`` and ``minlint rule``: the catalogue of rules, and one rule explained."""

from __future__ import annotations

import json

from minlint.lint.registry import Registry, Rule

COLUMNS = ("code", "name", "category", "severity", "summary")


def table(registry: Registry) -> str:
    """The rules as an aligned table, one rule a line."""
    rows = [COLUMNS] + [(r.code, r.name, r.category, r.severity, r.summary) for r in registry]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS) - 1)]
    lines = []
    for row in rows:
        cells = [row[i].ljust(w) for i, w in enumerate(widths)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines) + "\n"


def as_json(registry: Registry) -> str:
    data = [
        {
            "code": r.code,
            "name": r.name,
            "category": r.category,
            "severity": r.severity,
            "summary": r.summary,
            "needs": sorted(r.needs),
            "uses": sorted(r.uses),
            "explanation": r.explanation,
        }
        for r in registry
    ]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def explain(rule: Rule) -> str:
    """A rule's heading line, what it needs, and its explanation."""
    head = f"{rule.code} {rule.name} ({rule.category}, {rule.severity})"
    records = []
    if rule.needs:
        records.append(f"Needs: {', '.join(sorted(rule.needs))}.")
    if rule.uses:
        records.append(f"Uses when found: {', '.join(sorted(rule.uses))}.")
    needs = "\n" + "\n".join(records) + "\n" if records else ""
    return f"{head}\n{needs}\n{rule.explanation}\n"
