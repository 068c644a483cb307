"""References to other minutes and to agenda items.

Read: "Minute No. 97", "Minute 102", "minute number 54", "Minute No. 13(3) (Domestic
Abuse Update)", "Minutes Nos. 12 and 13", "agenda item 9", "Agenda Items 4 and 5",
"Agenda No. 2792", "Item No. 4", "item 9 on the agenda". A bare "item 9" is not read: it
may number anything. The page footer of an agenda pack, "Page 1 Agenda Item 2", is not
a reference.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from minlint.lint import regexstore as rx

__all__ = ["Reference", "find_references"]

MINUTE = "minute"
AGENDA_ITEM = "agenda_item"


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference to a minute or an agenda item.

    ``part`` is a resolution part given in brackets ("3" in "Minute No. 13(3)").
    ``subject`` is the bracketed title that follows the number, where one does.
    ``pair`` holds the two figures of a number written with its year ("158/25",
    "FC/25/003"): which is the year, the minutes' own numbers say; ``number`` is then
    the second.
    """

    start: int
    end: int
    text: str
    kind: str
    number: int
    part: str | None
    subject: str | None
    pair: tuple[int, int] | None = None


_S = r"[^\S\n]"
# The keyword patterns run over a lower-cased copy of the text: a pattern with a literal
# prefix ("minute", "agenda") is found far faster than one spelling out case variants.
# A number, or a number written with its year and the council's letters ("158/25",
# "24/101", "fc/25/003" in the lower-cased text).
_NUM = r"(?:[a-z]{1,4}/)?(?:\d{1,4}/)?\d{1,5}(?:\([0-9a-z]{1,4}\))*(?!\d|[.:/]\d|[a-z])"
_SEP = rf"{_S}*(?:,{_S}*(?:and{_S}+)?|and{_S}+|&{_S}*)"
_LIST = rf"(?P<list>{_NUM}(?:{_SEP}{_NUM})*)"
_NO = r"(?:nos?\.?|numbers?)"

_MINUTE_RE = rx.compile(rf"(?:minute(?P<plural>s)?|min\.)(?P<no>{_S}*{_NO})?{_S}*{_LIST}")
_AGENDA_RE = rx.compile(
    rf"(?:agenda{_S}+(?:items?(?:{_S}*{_NO})?|{_NO})|items?{_S}*nos?\.){_S}*{_LIST}"
)
_ITEM_ON_AGENDA_RE = rx.compile(rf"items?{_S}+{_LIST}(?={_S}+on{_S}+the{_S}+agenda\b)")
_ONE_RE = rx.compile(
    r"(?:[a-z]{1,4}/(?=\d{1,4}/))?(?:(?P<first>\d{1,4})/)?(?P<number>\d{1,5})"
    r"(?:\((?P<part>[0-9a-z]{1,4})\))?(?:\([0-9a-z]{1,4}\))*"
)
_SUBJECT_RE = rx.compile(
    rf"{_S}*(?:\n{_S}*)?\((?P<subject>[A-Z\"“‘'](?:[^()\n]|\n(?!{_S}*\n)){{2,160}})\)"
)
_FOOTER_RE = rx.compile(rf"\bpage{_S}+\d+{_S}+$")
_MONTH_AFTER_RE = rx.compile(
    rf"{_S}*(?:of{_S}+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    r"|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
)


def _read(
    text: str, low: str, m: re.Match[str], kind: str, with_subject: bool = True
) -> list[Reference]:
    if m.start() and (low[m.start() - 1].isalnum() or low[m.start() - 1] == "_"):
        return []  # inside a word: "administem 5"
    if kind == AGENDA_ITEM and _FOOTER_RE.search(low, max(0, m.start() - 14), m.start()):
        return []
    if kind == MINUTE and m["plural"] and not m["no"] and not text[m.start()].isupper():
        return []  # "within minutes 3 people left"; "Minutes 12 and 13" is a reference
    out: list[Reference] = []
    numbers = list(_ONE_RE.finditer(low, m.start("list"), m.end("list")))
    for i, n in enumerate(numbers):
        if _MONTH_AFTER_RE.match(text, n.end()):
            break  # "MINUTES 12 OCTOBER 2020" is a heading with a date
        # The first reference of a list spans the keyword: "Minute No. 12".
        start = m.start() if i == 0 else n.start()
        end = n.end()
        subject = None
        if i == len(numbers) - 1 and with_subject:
            s = _SUBJECT_RE.match(text, end)
            if s is not None:
                subject, end = " ".join(s["subject"].split()), s.end()
        part = text[n.start("part") : n.end("part")] if n["part"] else None
        number = int(n["number"])
        pair = (int(n["first"]), number) if n["first"] else None
        out.append(Reference(start, end, text[start:end], kind, number, part, subject, pair))
    return out


def find_references(text: str) -> list[Reference]:
    """Every minute and agenda item reference in ``text`` in order."""
    return list(_find_references(text))


# Several rules read the same paragraphs: remember recent answers.
@functools.lru_cache(maxsize=4096)
def _find_references(text: str) -> tuple[Reference, ...]:
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two; keep offsets exact
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    out = [r for m in _MINUTE_RE.finditer(low) for r in _read(text, low, m, MINUTE)]
    out += [r for m in _AGENDA_RE.finditer(low) for r in _read(text, low, m, AGENDA_ITEM)]
    out += [
        r
        for m in _ITEM_ON_AGENDA_RE.finditer(low)
        for r in _read(text, low, m, AGENDA_ITEM, with_subject=False)
    ]
    out.sort(key=lambda r: (r.start, -r.end))
    kept: list[Reference] = []
    for r in out:
        if not kept or r.start >= kept[-1].end:
            kept.append(r)
    return tuple(kept)
