"""Resolutions of a minute, split into their parts "(1)", "1)", "(a)" or bullets."""

from __future__ import annotations

import re

from minlint.lint.blocks import LIST_ITEM, TABLE_ROW, Block
from minlint.lint.extract.common import norm
from minlint.lint.model import Resolution

_RESOLVED = re.compile(
    r"^(?:and\s+)?(?:it\s+was\s+)?(?:resolved|agreed|decided)\b\s*(?:that\b\s*:?-?)?\s*[:;.]*\s*-?\s*",
    re.I,
)
_RESOLVED_START = re.compile(
    r"\s*(?:and\s+|it\s+was\s+)?(?:resolved|agreed|decision|decided)", re.I
)
_RESOLVED_LABEL = re.compile(r"^(?:and\s+)?(resolved|agreed|decision|decided)\s*[:;-]", re.I)
_PART_MARK = re.compile(r"^(\((\d{1,2}|[a-z]|[ivx]{1,4})\)|(\d{1,2})\)|([a-z])\))\s*", re.I)


def resolutions(blocks: list[Block]) -> list[Resolution]:
    """Resolutions of one minute, split into their parts."""
    out: list[Resolution] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == TABLE_ROW or not _RESOLVED_START.match(b.text):
            i += 1
            continue
        text = norm(b.text)
        if not _RESOLVED_LABEL.match(text) and not text.lower().startswith(
            ("it was resolved", "and resolved", "resolved that")
        ):
            i += 1
            continue
        rest = _RESOLVED.sub("", text, count=1).strip()
        lead_in = (
            not rest or rest.lower() in ("that", "that:", "that:-") or rest.endswith((":", ":-"))
        )
        parts: list[Resolution] = []
        if rest and not lead_in:
            mark = _PART_MARK.match(rest)
            number = _mark_number(mark) if mark else None
            parts.append(
                Resolution(number, rest[mark.end() :] if mark else rest, b.line, b.end_line)
            )
        i += 1
        absorbing = bool(parts) and parts[-1].text.endswith((":", ":-"))
        level = -1  # list level of the current part's block; -1 for a paragraph
        while i < len(blocks):
            nb = blocks[i]
            ntext = norm(nb.text)
            mark = _PART_MARK.match(ntext)
            is_item = nb.kind == LIST_ITEM
            if nb.kind == TABLE_ROW or _RESOLVED_LABEL.match(ntext):
                break
            if mark and ((parts and parts[-1].number is not None) or (lead_in and not parts)):
                parts.append(
                    Resolution(_mark_number(mark), ntext[mark.end() :], nb.line, nb.end_line)
                )
                absorbing = ntext.endswith((":", ":-"))
                level = nb.level if is_item else -1
            elif is_item and parts and (nb.level > level >= 0 or (absorbing and level < 0)):
                last = parts[-1]
                parts[-1] = Resolution(last.number, last.text + " " + ntext, last.line, nb.end_line)
            elif is_item and lead_in and (not parts or parts[-1].number is None):
                parts.append(Resolution(None, ntext, nb.line, nb.end_line))
                absorbing = ntext.endswith((":", ":-"))
                level = nb.level
            else:
                break
            i += 1
        out.extend(parts)
    return out


def _mark_number(mark: re.Match[str]) -> str:
    """The number or letter of a part marker: "(2)" -> "2"."""
    return next(g for g in mark.groups()[1:] if g is not None)
