"""Sentences of a paragraph, as the rules that read sentences share them.

A full stop, question or exclamation mark before a capital, a digit or a bullet ends a
sentence, and so do a line-break tag and a blank line; "Mr.", "Cllr.", "No.", "approx."
and initials ("Cllr. P. Harries") do not. A lettered or numbered point after a full stop
("... was noted. b) RESOLVED: ...") starts one.
"""

from __future__ import annotations

import functools

from minlint.lint.lazyre import LazyPattern

__all__ = ["sentences"]

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr no nos cllr cllrs cyng st co ltd vs approx etc e.g i.e eg ie cf para paras "
    "fig figs ref refs dept govt inc jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m "
    "am pm ch chq cheque rev prof sgt insp supt cpt pp p".split()
)
_BOUNDARY = LazyPattern(
    r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9£€$•\u2022\uf0b7]|\(?[a-z]\)\s)|<br\s*/?>|\n\s*\n"
)
_WORD_BEFORE = LazyPattern(r"([A-Za-z][A-Za-z.]*)\Z")


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of ``text`` (see the module docstring)."""
    return list(_sentences(text))


@functools.lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == ".":
            word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if word:
                w = word.group(1).lower().rstrip(".")
                if w in _ABBREVIATIONS or (len(w) == 1 and text[m.start() - 1].isupper()):
                    continue
        end = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        if end > start:
            out.append((start, end))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return tuple(out)
