"""Word-level differences between two short texts (a quoted resolution and its source).

Words are compared without case and without the punctuation around them, so that a
quote re-wrapped, re-cased or re-punctuated is the same quote; the differences are
shown with the words as written. The texts compared here are a paragraph at most:
:func:`word_diff` is the one place that decides how, so that a structural aligner for
whole documents can take its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Change", "show_changes", "similarity", "word_diff"]

_EDGE = re.compile(r"^[^\w£$€%]+|[^\w£$€%]+$")


@dataclass(frozen=True, slots=True)
class Change:
    """One run of the diff: "equal", "replace", "delete" (only in ``old``) or "insert"."""

    op: str
    old: tuple[str, ...]
    new: tuple[str, ...]


def _key(word: str) -> str:
    return _EDGE.sub("", word.lower().replace("’", "'"))


def _words(text: str) -> list[str]:
    return [w for w in text.split() if _key(w)]


def word_diff(old: str, new: str) -> list[Change]:
    """The runs that turn the words of ``old`` into those of ``new``."""
    from difflib import SequenceMatcher

    a, b = _words(old), _words(new)
    matcher = SequenceMatcher(None, [_key(w) for w in a], [_key(w) for w in b], autojunk=False)
    return [
        Change(op, tuple(a[i1:i2]), tuple(b[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def similarity(changes: list[Change]) -> float:
    """The share of words the two texts have in common (1.0 when they are the same)."""
    same = sum(len(c.old) for c in changes if c.op == "equal")
    total = sum(len(c.old) + len(c.new) for c in changes)
    return 2 * same / total if total else 1.0


def show_changes(changes: list[Change], context: int = 3) -> str:
    """The differences as "... in [-six-]{+twelve+} months' time", with a few words of
    context around each and "..." for what is left out."""
    parts: list[str] = []
    last = len(changes) - 1
    for k, c in enumerate(changes):
        if c.op == "equal":
            words = list(c.old)
            if k == 0 and k == last:
                parts.append(" ".join(words))
            elif k == 0:
                parts.append(("... " if len(words) > context else "") + " ".join(words[-context:]))
            elif k == last:
                parts.append(" ".join(words[:context]) + (" ..." if len(words) > context else ""))
            elif len(words) > 2 * context:
                parts.append(" ".join(words[:context]) + " ... " + " ".join(words[-context:]))
            else:
                parts.append(" ".join(words))
            continue
        shown = ""
        if c.old:
            shown += "[-" + " ".join(c.old) + "-]"
        if c.new:
            shown += "{+" + " ".join(c.new) + "+}"
        parts.append(shown)
    return " ".join(p for p in parts if p)
