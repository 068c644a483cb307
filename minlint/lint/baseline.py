"""Baselines: the findings an archive already had when it adopted minlint.

A baseline records each finding by path (relative to the baseline file), code and a
fingerprint of its message and the text of its source line, with a count. Line numbers
are left out so that edits elsewhere in a file do not invalidate it; a finding whose
line or message changes is reported again.
"""

from __future__ import annotations

import functools
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from minlint.lint.findings import Finding

VERSION = 1

Key = tuple[str, str, str]  # (path relative to the baseline, code, fingerprint)


class BaselineError(Exception):
    """A baseline file that cannot be read; the message does not repeat the path."""


# A line longer than this (one line holding a whole document) is represented in a
# fingerprint by its own hash, so that many findings on it do not each hash all of it.
LONG_LINE = 65536


def fingerprint(code: str, message: str, source_line: str) -> str:
    """A short hash of what a finding says and the text it was found in."""
    import hashlib  # only runs that find something pay for loading OpenSSL

    text = _normal_line(source_line)
    return hashlib.sha256(f"{code}\0{message}\0{text}".encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=64)
def _normal_line(source_line: str) -> str:
    """The line with its spacing made single (findings on one line share the work)."""
    import hashlib

    text = " ".join(source_line.split())
    if len(text) > LONG_LINE:
        text = "sha256:" + hashlib.sha256(text.encode()).hexdigest()
    return text


def _relative(path: str, base: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


@dataclass(slots=True)
class Baseline:
    """The findings recorded in a baseline file, counted by their key."""

    path: str
    entries: Counter[Key]

    @property
    def base(self) -> Path:
        return Path(os.path.abspath(self.path)).parent

    def key(self, finding: Finding) -> Key:
        return (_relative(finding.path, self.base), finding.code, finding.fingerprint)

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings the baseline does not account for (each entry counts once)."""
        left = Counter(self.entries)
        out = []
        for f in findings:
            k = self.key(f)
            if left[k] > 0:
                left[k] -= 1
            else:
                out.append(f)
        return out


def load_baseline(path: str) -> Baseline:
    """Read a baseline file; raise :class:`BaselineError` when it cannot be used."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError:
        raise BaselineError("no such file") from None
    except OSError as exc:
        raise BaselineError(exc.strerror or str(exc)) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise BaselineError(f"not a JSON file ({exc})") from None
    entries: Counter[Key] = Counter()
    try:
        if data.get("version") != VERSION:
            raise BaselineError(f"unsupported baseline version {data.get('version')!r}")
        for item in data["findings"]:
            entries[(item["path"], item["code"], item["hash"])] += int(item.get("count", 1))
    except (AttributeError, KeyError, TypeError, ValueError):
        raise BaselineError("not a minlint baseline (expected version and findings)") from None
    return Baseline(path, entries)


def write_baseline(path: str, findings: Iterable[Finding]) -> int:
    """Write the findings as a baseline; return how many were written."""
    empty = Baseline(path, Counter())
    counts: Counter[Key] = Counter()
    messages: dict[Key, str] = {}
    for f in findings:
        k = empty.key(f)
        counts[k] += 1
        messages.setdefault(k, f.message)
    data = {
        "version": VERSION,
        "findings": [
            {
                "path": p,
                "code": c,
                "hash": h,
                "count": counts[(p, c, h)],
                "message": messages[(p, c, h)],
            }
            for p, c, h in sorted(counts)
        ],
    }
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return sum(counts.values())
