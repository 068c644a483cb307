"""``--statistics``: how many findings of each rule, most frequent first."""

from __future__ import annotations

import json
from collections import Counter

from minlint.lint.engine import CheckResult


def counts(result: CheckResult) -> list[tuple[str, str, int]]:
    tally = Counter((f.code, f.name) for f in result.findings)
    return sorted(((c, n, k) for (c, n), k in tally.items()), key=lambda t: (-t[2], t[0]))


def render(result: CheckResult, as_json: bool = False) -> str:
    rows = counts(result)
    if as_json:
        data = [{"code": c, "name": n, "count": k} for c, n, k in rows]
        return json.dumps(data, indent=2) + "\n"
    if not rows:
        return ""
    width = max(len(str(k)) for _, _, k in rows)
    code_width = max(len(c) for c, _, _ in rows)
    return "".join(f"{k:>{width}}  {c:<{code_width}}  {n}\n" for c, n, k in rows)
