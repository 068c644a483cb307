"""``minlint diff --format json``: one object, described by ``schemas/diff.schema.json``."""

from __future__ import annotations

import json
from typing import Any

from minlint.lint.diff.align import DocumentDiff


def to_json(diff: DocumentDiff) -> dict[str, Any]:
    from minlint import __version__

    return {
        "version": __version__,
        "old": diff.old_path,
        "new": diff.new_path,
        "items": [item.to_json() for item in diff.items],
        "header": [change.to_json() for change in diff.header],
        "summary": diff.summary,
    }


def render(diff: DocumentDiff) -> str:
    return json.dumps(to_json(diff), indent=2, ensure_ascii=False) + "\n"
