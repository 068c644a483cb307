"""Resolution parts (1), (2), (4) skip or repeat.

What it checks: the numbered parts of each minute's resolutions, in the order they are
written: "(1) (2) (3)", "1) 2) 3)", "(a) (b) (c)", "(i) (ii) (iii)", each on its own
line or running on in one paragraph ("(1) That ...; (2) that ..."), in the text or in
Word's own list numbering (a Word draft is read with its numbering rendered, so a list
restarted at 4 shows as "(4)"). Each style of numbering is a sequence of its own, and a
sequence nested in another ("(2) ... (a) (b) (c) ... (3)") starts again under each part
of the outer one. Reported are:

- a gap: "(4)" straight after "(2)";
- a repeat: "2)" after "2)";
- a step backwards: "(2)" after "(3)".

A sequence that starts again at 1, a or i on a "Resolved" line, or after the label or
some discussion, is a new resolution, not a mistake; "(1)" straight after "(1)" is a
repeat. Letters
and roman numerals are told apart by their neighbours: "(i)" after "(h)" is a letter,
"(ii)" is a numeral. Minutes whose decisions the model could not read (``uncertain``
holds "decisions") are not checked.

Why it matters: resolution parts are cited by number ("Minute No. 13(3)") in later
minutes, in the work programme and in the recommendations monitoring schedule. A
skipped number makes readers look for a part that is not there, or shows that one was
deleted without the rest being renumbered; a repeated one makes every citation of it
ambiguous.

Example:

    Resolved:- (1) That the report be noted.
    (2) That the Head of Housing Options circulates the figures to Members.
    (4) That a further report be brought to the Commission in six months' time.

is reported at "(4)" as "resolution part (4) follows (2): (3) is missing", with the
parts (1) and (2) as related places.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from minlint.lint import regexstore as rx
from minlint.lint.blocks import LIST_ITEM, Block
from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.model import MinutesPart
from minlint.lint.registry import rule

NUMBER, LETTER, ROMAN = "number", "letter", "roman"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
_ROMAN.update({"x": 10, "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15})
_MARK = rx.compile(
    r"^\W{0,4}?(?:(?:and\s+)?(?:it\s+was\s+)?(?:resolved|agreed|decided|decision)\b[\s:;.,\-–—*_]*"
    r"(?:that\b)?[\s:;\-–—*_]*)?(?P<mark>\((?P<a>\d{1,2}|[a-z]|[ivx]{1,4})\)|(?P<b>\d{1,2}|[a-z])\))",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Mark:
    """A part marker as written: "(4)" at characters start:end of its block.

    ``opens`` is True for the first part of a resolution: written on the "Resolved" line,
    or the first part after the label or after discussion.
    """

    text: str
    style: str
    value: int
    block: Block
    start: int
    end: int
    opens: bool = False


def _style_of(token: str, last: dict[str, int]) -> tuple[str, int]:
    token = token.lower()
    if token.isdigit():
        return NUMBER, int(token)
    if token in _ROMAN and len(token) > 1:
        return ROMAN, _ROMAN[token]
    if token in _ROMAN:
        letter = ord(token) - ord("a") + 1
        if last.get(LETTER) == letter - 1:
            return LETTER, letter
        if last.get(ROMAN) == _ROMAN[token] - 1 or token == "i":
            return ROMAN, _ROMAN[token]
        return LETTER, letter
    return LETTER, ord(token) - ord("a") + 1


# Further parts run on in the same paragraph: "(1) That ...; (2) that ...; and (3) ...".
_INLINE = rx.compile(
    r"(?:[;:.]|\band|\bor)\s+(?P<mark>\((?P<a>\d{1,2}|[a-z]|[ivx]{1,4})\)|(?P<b>\d{1,2}|[a-z])\))"
    r"\s+(?=[A-Za-z])",
    re.I,
)


def marks(blocks: list[Block], lines: set[int]) -> list[Mark]:
    """The part markers of the blocks on the given resolution lines, in order: at the
    start of each block, and running on after "; " in the same paragraph (``blocks`` are
    the minute's)."""
    out: list[Mark] = []
    last: dict[str, int] = {}
    previous_was_part = False
    for block in blocks:
        m = _MARK.match(block.text) if block.line in lines else None
        if m is None:
            # Sub-points and continued lines of a part do not end its resolution.
            previous_was_part = previous_was_part and block.kind == LIST_ITEM
            continue
        found = [(m, m.start("mark") > 3 or not previous_was_part)]
        found += [(x, False) for x in _INLINE.finditer(block.text, m.end())]
        for x, opens in found:
            token = x.group("a") or x.group("b")
            style, value = _style_of(token, last)
            if style != NUMBER and x is not m and value != last.get(style, 0) + 1:
                continue  # "(a)" in the middle of a sentence may be anything
            last[style] = value
            out.append(
                Mark(x.group("mark"), style, value, block, x.start("mark"), x.end("mark"), opens)
            )
        previous_was_part = True
    return out


def _problem(prev: Mark, at: int, cur: Mark) -> str | None:
    """What is wrong with ``cur`` following ``prev``, which stands in place ``at`` of its
    sequence (its own value, unless it was itself out of place: after "(2) (2)" both
    "(3)" and "(4)" go on from there)."""
    if cur.value in (at + 1, prev.value + 1) or (cur.value == 1 and cur.opens):
        return None
    if cur.value == prev.value:
        return f"resolution part {cur.text} is repeated"
    if cur.value <= at:
        return f"resolution part {cur.text} comes after {prev.text}"
    missing = [_written(prev, v) for v in range(at + 1, cur.value)]
    verb = "is" if len(missing) == 1 else "are"
    listed = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    return f"resolution part {cur.text} follows {prev.text}: {listed} {verb} missing"


def _written(like: Mark, value: int) -> str:
    """``value`` written in the style of ``like``: "(3)", "c)", "(iii)"."""
    if like.style == NUMBER:
        token = str(value)
    elif like.style == LETTER:
        token = chr(ord("a") + value - 1) if value <= 26 else str(value)
        if like.text.strip("()").isupper():
            token = token.upper()
    else:
        token = next((k for k, v in _ROMAN.items() if v == value), str(value))
        if like.text.strip("()").isupper():
            token = token.upper()
    return f"({token})" if like.text.startswith("(") else f"{token})"


def _worded_part(text: str) -> bool:
    """Whether a paragraph opens with a part marker and goes on in words ("(13)" alone is
    a count of votes)."""
    m = _MARK.match(text)
    return m is not None and len(re.findall(r"[A-Za-z]{2,}", text[m.end() :])) >= 2


def part_findings(ctx: RuleContext, part: MinutesPart) -> Iterator[Finding]:
    if "decisions" in part.uncertain:
        return
    from minlint.lint.facts.decisions import decision_label

    for minute in part.items:
        lines = {r.line for r in minute.resolutions if r.number is not None}
        # Parts the model's resolution stopped short of: a marked paragraph after the
        # decision label, past a paragraph without a mark.
        first = next((b.line for b in minute.blocks if decision_label(b.text)), None)
        if first is not None:
            lines |= {b.line for b in minute.blocks if b.line > first and _worded_part(b.text)}
        found = marks(minute.blocks, lines) if lines else []
        order: list[str] = []  # styles from the outermost, in order of first use
        current: dict[str, tuple[Mark, int]] = {}  # the last mark and the place it stands in
        seen: dict[str, list[Mark]] = {}
        for mark in found:
            if mark.style not in order:
                order.append(mark.style)
            for inner in order[order.index(mark.style) + 1 :]:
                current.pop(inner, None)
                seen.pop(inner, None)
            before = current.get(mark.style)
            if mark.value == 1 and mark.opens:
                seen[mark.style] = []
            history = seen.setdefault(mark.style, [])
            history.append(mark)
            if before is None:
                current[mark.style] = (mark, mark.value)
                continue
            prev, at = before
            message = _problem(prev, at, mark)
            # A repeated or backward part stands in the next place: the parts after it
            # are judged from there, so one slip is reported once.
            place = max(mark.value, at + 1) if message is None or mark.value > at else at + 1
            if mark.value == 1 and mark.opens:
                place = 1
            current[mark.style] = (mark, place)
            if message is None:
                continue
            related = [
                ctx.related(ctx.path, m.block.line, f"resolution part {m.text}")
                for m in history[:-1]
            ]
            yield ctx.finding_at(mark.block, mark.start, mark.end, message, related=related)


@rule(
    code="R002",
    name="resolution-numbering",
    category="resolution",
    severity="error",
    summary="Resolution parts (1), (2), (4) skip or repeat.",
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    for part in ctx.parsed.minutes:
        yield from part_findings(ctx, part)
