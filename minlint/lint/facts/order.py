"""Where minutes record that business was taken out of its order, and why.

"With the permission of the Chair, it was agreed to take Item 34 next", "the Chair
agreed to vary the order of business", "item 9 was brought forward": the minutes then
number or order their items differently from the agenda on purpose, and the rules that
check the order (N001 for minute numbers, G003 for the agenda) stay silent about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minlint.lint import regexstore as rx
from minlint.lint.blocks import Block

__all__ = ["OrderChange", "order_changes"]

_ITEMS = r"(?:agenda\s+)?(?:items?|minutes?)\s+(?:nos?\.?\s*)?\d{1,4}(?:\s*(?:,|and|&)\s*\d{1,4})*"
_NUMBERS = rx.compile(
    r"(?:items?|minutes?)\s+(?:nos?\.?\s*)?(\d{1,4}(?:\s*(?:,|and|&)\s*\d{1,4})*)", re.I
)
_TAKE_ITEM = rx.compile(
    rf"\b(?:take|taking|taken|took|consider|considering|considered|deal\s+with|dealt\s+with"
    rf"|hear|heard)\s+{_ITEMS}\s+(?:next|first|now|earlier|before|at\s+this\s+point|out\s+of"
    rf"\s+(?:the\s+)?(?:agenda\s+)?order)"
    rf"|\b{_ITEMS}\s+(?:was|were|be|would\s+be)\s+(?:taken|considered|dealt\s+with|heard)"
    rf"\s+(?:next|first|earlier|before|out\s+of\s+(?:the\s+)?(?:agenda\s+)?order)"
    rf"|\b{_ITEMS}\s+(?:was|were|be|would\s+be)\s+brought\s+forward"
    rf"|\bbr(?:ing|ought)\s+forward\s+{_ITEMS}",
    re.I,
)
_VARY = rx.compile(
    r"\b(?:vary|varied|varying|change|changed|alter|altered)\s+(?:the\s+)?order\s+of\s+"
    r"(?:the\s+)?(?:business|agenda|items)|\b(?:taken|considered)\s+out\s+of\s+(?:the\s+)?"
    r"(?:agenda\s+)?order|\bout\s+of\s+(?:the\s+)?(?:agenda\s+)?(?:order|sequence)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class OrderChange:
    """A recorded change to the order of business: the items named (empty when the
    minutes say only that the order was varied) and where it is said."""

    line: int
    items: tuple[int, ...]
    text: str


def order_changes(blocks: list[Block]) -> list[OrderChange]:
    """Every recorded change to the order of business in the blocks, in order."""
    out: list[OrderChange] = []
    for b in blocks:
        low = b.text.lower()
        if not any(w in low for w in ("order", "item", "minute", "forward")):
            continue
        found = False
        for m in _TAKE_ITEM.finditer(b.text):
            named = _NUMBERS.search(m.group(0))
            items = tuple(int(n) for n in re.findall(r"\d+", named.group(1))) if named else ()
            out.append(OrderChange(b.locate(m.start())[0], items, m.group(0)))
            found = True
        if not found:
            m = _VARY.search(b.text)
            if m:
                out.append(OrderChange(b.locate(m.start())[0], (), m.group(0)))
    return out
