"""The current work programme is labelled with a year that has already ended.

What it checks: a year label ("2022/23", "2022-23", "2022/2023") given to the work
programme a meeting deals with (its work programme, work plan, forward plan or
programme of work), in the title of an item ("WORK PROGRAMME 2023/24"), in a decision
("That the Work Programme for 2022/23 be approved") or in a sentence saying the
programme was considered or presented. The label must be the municipal year of the
meeting: the year that began in the last May (``municipal-year-start-month`` in
``[thresholds]``). Also accepted: next year's label (a programme being drawn up for
the coming year), and last year's in the month the year starts (the annual meeting may
not have taken place yet).

Labels of other things are not checked: "Annual Report 2023/24" or "the 2019/20
figures" name a year that is over, and rightly so; nor are programmes that the sentence
itself puts in the past ("the 2022/23 programme had been completed"), nor the work
programme document itself, which quotes earlier decisions.

Why it matters: approving "the Work Programme for 2022/23" in July 2023 approves, on
the record, last year's programme; it is the label of last year's resolution, copied
forward without updating the year.

Example: minutes of 25 July 2023 with

    Resolved: - That the Work Programme for 2022/23 be approved.

are reported as "the work programme is labelled 2022/23, but the meeting of 25 July
2023 is in the municipal year 2023/24".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minlint.lint.blocks import Block
from minlint.lint.context import RuleContext
from minlint.lint.facts.dateformat import show_date
from minlint.lint.findings import Finding
from minlint.lint.lazyre import LazyPattern
from minlint.lint.model import AgendaPart, MeetingPart, MinutesPart
from minlint.lint.registry import rule

_PROGRAMME = (
    r"(?:(?:scrutiny|forward|annual)\s+)?work\s*programme|work\s+plan|forward\s+plan"
    r"|programme\s+of\s+work"
)
_LABEL = r"(?P<label>(?P<y1>(?:19|20)\d\d)\s?[/-]\s?(?P<y2>(?:19|20)?\d\d))(?![\d/])"
# "Work Programme for 2022/23", "WORK PROGRAMME 2024/25", "Work Programme – 2023-24"
# and "the 2021/22 Work Programme", "its 2018/19 work programme".
_AFTER = LazyPattern(
    rf"\b(?:{_PROGRAMME})(?:[\s*]+(?:for|of)(?:[\s*]+the[\s*]+year)?)?[\s*:–—-]*{_LABEL}",
    re.IGNORECASE,
)
_BEFORE = LazyPattern(rf"{_LABEL}[\s*]+(?:{_PROGRAMME})\b", re.IGNORECASE)
# A sentence that deals with the current programme.
_CURRENT = LazyPattern(
    r"\b(?:approv\w*|agree\w*|adopt\w*|endors\w*|not(?:e|ed|ing)|consider\w*|present\w*|"
    r"review\w*|discuss\w*|updat\w*|report\w*|receiv\w*)\b",
    re.IGNORECASE,
)
# A sentence that puts the programme in the past.
_PAST = LazyPattern(
    r"\b(?:had\s+been|was\s+completed|were\s+completed|last\s+year|previous\s+year|"
    r"outturn|carried\s+(?:over|forward)|delivered|completed|ended)\b",
    re.IGNORECASE,
)


def _labels(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, first year) of each programme label in the text."""
    seen: set[int] = set()
    for pattern in (_AFTER, _BEFORE):
        for m in pattern.finditer(text):
            y1 = int(m["y1"])
            y2 = m["y2"]
            second = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
            if second != y1 + 1 or m.start("label") in seen:
                continue  # "2021-2026" is a strategy's span, not a municipal year
            seen.add(m.start("label"))
            yield m.start("label"), m.end("label"), y1


def _sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start))
    b = text.find(". ", end)
    return text[a + 1 : b if b >= 0 else len(text)]


def _statements(part: MeetingPart) -> Iterator[tuple[Block, bool]]:
    """Blocks that may label the current programme, each with whether it is a title or a
    decision (which always deal with the current programme)."""
    from minlint.lint.facts.decisions import DecisionLines
    from minlint.lint.facts.meetings import blocks_by_line, heading_block

    if isinstance(part, MinutesPart):
        by_line = blocks_by_line(part)
        titles = {id(heading_block(part, m.line, m.title, by_line)) for m in part.items}
        decided = DecisionLines((r.line, r.end_line) for m in part.items for r in m.resolutions)
        for block in part.blocks:
            yield block, id(block) in titles or decided.meets(block.line, block.end_line)
    elif isinstance(part, AgendaPart):
        lines = {i.line for i in part.items}
        for block in part.blocks:
            yield block, block.line in lines


def part_findings(ctx: RuleContext, part: MeetingPart, start_month: int) -> Iterator[Finding]:
    from minlint.lint.facts.meetings import municipal_year

    if part.date is None or "date" in part.uncertain:
        return
    year = municipal_year(part.date, start_month)
    allowed = {year, year + 1}
    if part.date.month == start_month:
        allowed.add(year - 1)
    for block, decided in _statements(part):
        low = block.text.lower()
        if "programme" not in low and "plan" not in low:
            continue
        for start, end, first in _labels(block.text):
            if first in allowed:
                continue
            sentence = _sentence(block.text, start, end)
            if not decided and (not _CURRENT.search(sentence) or _PAST.search(sentence)):
                continue
            label = block.text[start:end]
            current = f"{year}/{(year + 1) % 100:02d}"
            yield ctx.finding_at(
                block,
                start,
                end,
                f"the work programme is labelled {label}, but the meeting of "
                f"{show_date(part.date)} is in the municipal year {current}",
            )


@rule(
    code="D007",
    name="municipal-year",
    category="date",
    severity="error",
    summary="The current work programme is labelled with a year that does not fit the "
    "meeting's date.",
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    start_month = int(ctx.config.threshold("municipal-year-start-month"))
    for part in ctx.parsed.parts:
        if isinstance(part, (MinutesPart, AgendaPart)):
            yield from part_findings(ctx, part, start_month)
