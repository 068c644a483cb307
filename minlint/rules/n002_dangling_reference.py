"""A reference to a minute or an agenda item points at nothing, or at another subject.

What it checks, in every set of minutes: "Minute No. 97", "(see minute 54)", "Minute
No. 13(3) (Domestic Abuse Update)", "agenda item 9", "Item No. 4 was taken next", and in
minutes numbered with their year, "minute 158/25", "minute FC/25/003" (read as the
minutes write their own numbers; another year's minute is left alone).

- A minute of these minutes' own series: a number within or after this set must be one
  of its minutes (a number after its last minute is a minute that does not exist yet).
  A number before this set is looked for in the body's earlier minutes among the
  records; it is reported only when those minutes cover the number (it falls within
  their range) and none of them has it. A set numbered afresh (1, 2, 3 ...) is only
  checked for numbers after its last, and only when the previous minutes among the
  records start afresh too (at every meeting, not just at the start of a year, when
  a bare number may be last year's).
- "Minute No. 47 of the meeting held on 1st February, 2017" (or "of the Commission
  held on ..."): checked against the minutes of that date when they are among the
  records, and otherwise left alone; another body's minute ("Cabinet Minute 12",
  "Minute 12 of the Cabinet") is never checked.
- An agenda item: checked against the agenda of the same meeting, when it is known and
  its items were read for sure. A number that is not on the agenda is reported, unless
  the minutes carry it as a minute number (councils that number minutes and agenda
  items alike). The agenda item whose title the sentence shares most words with is
  named as related, as the item probably meant.
- The subject given in brackets after a reference ("Minute No. 7 (Empty Council Homes -
  Re-let Performance)") must share a word with the title of the minute or item it
  points at; a reference to a minute on another subject is reported.

Why it matters: references are how minutes tie decisions together ("as resolved in
Minute 97", "arising from Minute No. 13(3)"). One that points at nothing, or at a minute
on another subject, sends the reader to the wrong decision; it usually survives from an
earlier draft whose minutes were renumbered.

Example: in minutes whose agenda has thirteen items, "the outcome of the libraries
consultation, considered under agenda item 14" is reported as "agenda item 14 is not on
the agenda of this meeting (items 1 to 13)", with agenda item 8, "Libraries and
Neighbourhood Hubs Review - Consultation Proposals", as related.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from minlint.lint.blocks import Block
from minlint.lint.context import RuleContext
from minlint.lint.facts.dateformat import show_date
from minlint.lint.facts.numbering import shown_numbers, year_layout
from minlint.lint.findings import Finding, Related
from minlint.lint.lazyre import LazyPattern
from minlint.lint.model import AgendaPart, MinutesPart
from minlint.lint.registry import rule

# A set whose first minute is at most this is numbered afresh at each meeting.
_RESTART = 3

_WORD = LazyPattern(r"[a-z]{3,}")
# Words that say nothing of an item's subject.
_COMMON = frozenset(
    "the and for with from that this those these its their was were been being has have "
    "had are minute minutes meeting meetings report reports update updates item items agenda "
    "council committee commission panel board under considered consider noted resolved "
    "agreed should would could which where when into onto about also service services "
    "progress annual review borough".split()
)
# "of the meeting held on 1st February, 2017", "of the Commission held on ...", "of 14 May
# 2024": what follows a minute number of another meeting (the date checked separately).
_OF_MEETING = LazyPattern(
    r"[\s,]*(?:of|from)[\s*_]+(?P<desc>[^.;:()\d]{0,120}?)[\s,]*"
    r"(?:held[\s*_]+(?:on[\s*_]+)?|on[\s*_]+|dated[\s*_]+)?(?:the[\s*_]+)?(?=\d)",
    re.IGNORECASE,
)
# "of the Cabinet", "of Council": another body named after the number.
_OF_BODY = LazyPattern(r"[\s,]*(?:of|from)[\s*_]+(?:the[\s*_]+)?(?P<name>[A-Z][\w'’-]*)")
# A body named before the reference: "Cabinet Minute 12", "Council minute No. 7".
_BODY_BEFORE = LazyPattern(r"(?<![.!?:;(])\b(?P<name>[A-Z][\w'’&-]+)[ \t]+\Z")


def words(text: str | None) -> frozenset[str]:
    """The words of a title or sentence that say what it is about."""
    return frozenset(w for w in _WORD.findall((text or "").lower()) if w not in _COMMON)


def _other_subject(subject: str | None, title: str) -> bool:
    """Whether a bracketed subject is plainly not the title's: no word in common, with
    two words or more on each side to compare."""
    a, b = words(subject), words(title)
    return len(a) >= 2 and len(b) >= 2 and not (a & b)


def _stems(ws: frozenset[str]) -> frozenset[str]:
    return frozenset(w[:5] for w in ws)


def _another_meeting(text: str, end: int, part: MinutesPart) -> tuple[bool, object]:
    """Whether the reference goes on to name another meeting or body; with the date of
    the meeting when one is given (None when it names another body)."""
    from minlint.lint.facts.dates import find_dates
    from minlint.lint.facts.meetings import about_the_body, before_meeting

    m = _OF_MEETING.match(text, end)
    if m is not None:
        facts = [f for f in find_dates(text[m.end() : m.end() + 40]) if f.start == 0]
        if facts:
            if not about_the_body(m["desc"], part.body):
                return True, None
            f = facts[0]
            if f.date is not None and not f.year_inferred:
                return True, f.date
            if f.valid and f.day and f.month and part.date is not None:
                return True, before_meeting(f.day, f.month, part.date)
            return True, None
    b = _OF_BODY.match(text, end)
    if (
        b is not None
        and b["name"].lower() not in ("this", "these", "those", "it", "which")
        and (not about_the_body(b["name"], part.body) or b["name"].lower() == "cabinet")
    ):
        return True, None
    return False, None


def _named_before(text: str, start: int, part: MinutesPart) -> bool:
    """Whether another body is named right before the reference ("Cabinet Minute 12")."""
    from minlint.lint.facts.meetings import about_the_body

    b = _BODY_BEFORE.search(text, max(0, start - 40), start)
    if b is None:
        return False
    name = b["name"]
    if name.lower() in ("the", "in", "see", "under", "at", "to", "and", "of", "by", "with"):
        return False
    return not about_the_body(name, part.body) or name.lower() == "cabinet"


class _Series:
    """A set of minutes' numbers, read once for all the references to them (minutes of
    thousands of references each read them again took time of the square of their
    number)."""

    def __init__(self, part: MinutesPart) -> None:
        self.own = {m.number: m for m in part.items}
        self.first = part.items[0].number if part.items else 0
        self.last = max(self.own) if self.own else 0
        self.show = shown_numbers(part.items)
        self.layout = year_layout(part.items)

    def running(self, ref) -> int | None:
        """The running number a reference names among these minutes: "minute 158/25" is
        158 in minutes numbered "145/25", "146/25" ...; None for another year's minute,
        or for minutes not numbered with their year."""
        if ref.pair is None:
            return ref.number
        if self.layout is None or ref.pair[self.layout[0]] != int(self.layout[1]):
            return None
        return ref.pair[1 - self.layout[0]]


class _Read(dict):
    """The :class:`_Series` of each set of minutes met in one check, by identity."""

    def of(self, part: MinutesPart) -> _Series:
        key = id(part)
        if key not in self:
            self[key] = (part, _Series(part))  # the part kept: its identity stays its own
        return self[key][1]


def _minute_findings(
    ctx: RuleContext, part: MinutesPart, block: Block, ref, known: Sequence, read: _Read
) -> Iterator[Finding]:
    text = block.text
    other, date = _another_meeting(text, ref.end, part)
    if other or _named_before(text, ref.start, part):
        if date is not None:
            yield from _in_meeting(ctx, part, block, ref, date, known, read)
        return
    series = read.of(part)
    own, first, last, show = series.own, series.first, series.last, series.show
    n = series.running(ref)
    if n is None:
        return
    if n in own:
        yield from _subject(ctx, block, ref, own[n], ctx.path, "minute")
        return
    if first <= _RESTART:
        # Numbered afresh: at every meeting (as the previous minutes show), a number after
        # the last is no minute; at the start of a year it may be last year's.
        if n > last and _afresh_each_meeting(part, known):
            yield ctx.finding_at(
                block,
                ref.start,
                ref.end,
                f"minute {show(n)} is not among these minutes ({show(first)} to {show(last)}),"
                " which are numbered afresh at each meeting",
                related=[
                    ctx.related(ctx.path, part.items[-1].line, f"the last minute, {show(last)}")
                ],
            )
        return
    if n >= first:
        yield ctx.finding_at(
            block,
            ref.start,
            ref.end,
            f"minute {show(n)} is not among these minutes ({show(first)} to {show(last)})",
            related=[ctx.related(ctx.path, part.items[-1].line, f"the last minute, {show(last)}")],
        )
        return
    earlier = [
        m
        for m in known
        if isinstance(m.part, MinutesPart)
        and m.part is not part
        and m.certain
        and part.date is not None
        and m.date < part.date
        and m.part.items
        and "numbering" not in m.part.uncertain
    ]
    for m in earlier:
        found = read.of(m.part).own.get(n)
        if found is not None:
            yield from _subject(ctx, block, ref, found, m.path, f"minute of {show_date(m.date)}")
            return
    covering = [
        m
        for m in earlier
        if read.of(m.part).first <= n <= read.of(m.part).last and read.of(m.part).first > _RESTART
    ]
    if covering:
        m = covering[-1]
        then_series = read.of(m.part)
        lo, hi, then = then_series.first, then_series.last, then_series.show
        yield ctx.finding_at(
            block,
            ref.start,
            ref.end,
            f"minute {then(n)} is not among the minutes of {show_date(m.date)}"
            f" ({then(lo)} to {then(hi)}), "
            "nor in any other minutes of the records",
            related=[ctx.related(m.path, m.part.start_line, f"the minutes of {show_date(m.date)}")],
        )


def _afresh_each_meeting(part: MinutesPart, known: Sequence) -> bool:
    """Whether the previous minutes of the body also start at 1 (to 3)."""
    from minlint.lint.facts.meetings import previous_minutes

    prev = previous_minutes(part, known)
    return (
        prev is not None
        and bool(prev.part.items)
        and "numbering" not in prev.part.uncertain
        and prev.part.items[0].number <= _RESTART
    )


def _in_meeting(
    ctx: RuleContext, part: MinutesPart, block: Block, ref, date, known: Sequence, read: _Read
) -> Iterator[Finding]:
    sets = [
        m
        for m in known
        if isinstance(m.part, MinutesPart)
        and m.date == date
        and m.certain
        and m.part.items
        and "numbering" not in m.part.uncertain
        and m.part is not part
    ]
    if len(sets) != 1:
        return
    m = sets[0]
    series = read.of(m.part)
    n = series.running(ref)
    if n is None:
        return
    if n in series.own:
        yield from _subject(ctx, block, ref, series.own[n], m.path, f"minute of {show_date(date)}")
        return
    lo, hi, then = series.first, series.last, series.show
    yield ctx.finding_at(
        block,
        ref.start,
        ref.end,
        f"minute {then(n)} is not among the minutes of {show_date(date)}"
        f" ({then(lo)} to {then(hi)})",
        related=[ctx.related(m.path, m.part.start_line, f"the minutes of {show_date(date)}")],
    )


def _subject(
    ctx: RuleContext, block: Block, ref, target, path: str, what: str
) -> Iterator[Finding]:
    if ref.subject and _other_subject(ref.subject, target.title):
        yield ctx.finding_at(
            block,
            ref.start,
            ref.end,
            f'{ref.text.split("(")[0].strip()} is given as "{ref.subject}", '
            f'but that {what} is "{target.title}"',
            related=[ctx.related(path, target.line, f"{target.shown}. {target.title}")],
        )


def _agenda_findings(
    ctx: RuleContext,
    part: MinutesPart,
    block: Block,
    ref,
    agenda: tuple[str, AgendaPart] | None,
    read: _Read,
) -> Iterator[Finding]:
    if agenda is None or not agenda[1].numbered:
        return  # an agenda without numbers: "item 9" is no place on it that can be told
    path, a = agenda
    if ref.pair is not None:
        return  # "agenda item 24/101": agendas are numbered in figures
    other, _ = _another_meeting(block.text, ref.end, part)
    if other:
        return
    items = {i.number: i for i in a.items}
    n = ref.number
    if n in items:
        yield from _subject(ctx, block, ref, items[n], path, "agenda item")
        return
    minuted = read.of(part).own
    if n in minuted and len(set(items) & set(minuted)) * 2 >= len(items):
        return  # minutes numbered as the agenda's items: a minute's number
    numbers = sorted(items)
    shown = (
        f"items {numbers[0]} to {numbers[-1]}"
        if numbers == list(range(numbers[0], numbers[-1] + 1))
        else "items " + ", ".join(map(str, numbers))
    )
    related = [ctx.related(path, a.items[-1].line, f"the last item, {a.items[-1].number}")]
    said = _stems(words(_before(block.text, ref.start)))
    scored = sorted(
        ((len(_stems(words(i.title)) & said), -i.number, i) for i in a.items),
        key=lambda x: (x[0], x[1]),
        reverse=True,
    )
    if scored and scored[0][0] >= 2 and (len(scored) < 2 or scored[1][0] < scored[0][0]):
        best = scored[0][2]
        related.insert(0, Related(path, best.line, f"item {best.number}: {best.title}"))
    yield ctx.finding_at(
        block,
        ref.start,
        ref.end,
        f"agenda item {n} is not on the agenda of this meeting ({shown})",
        related=related,
    )


def _before(text: str, at: int) -> str:
    """The sentence up to the reference: what it says was considered there."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n\n", 0, at))
    return text[start + 1 : at]


def part_findings(ctx: RuleContext, part: MinutesPart, known: Sequence) -> Iterator[Finding]:
    from minlint.lint.facts.references import AGENDA_ITEM, MINUTE, find_references
    from minlint.rules.d004_previous_meeting_date import agenda_of

    numbered = bool(part.items) and "numbering" not in part.uncertain
    agenda = agenda_of(ctx, part, known)
    if agenda is not None and ("items" in agenda[1].uncertain or not agenda[1].items):
        agenda = None
    read = _Read()
    for block in part.blocks:
        low = block.text.lower()
        if "minute" not in low and "item" not in low and "agenda" not in low:
            continue
        for ref in find_references(block.text):
            if ref.kind == MINUTE and numbered:
                yield from _minute_findings(ctx, part, block, ref, known, read)
            elif ref.kind == AGENDA_ITEM:
                yield from _agenda_findings(ctx, part, block, ref, agenda, read)


@rule(
    code="N002",
    name="dangling-reference",
    category="numbering",
    severity="error",
    summary='"Minute No. 97" or "agenda item 9" points at nothing, or at another subject.',
    uses=("agenda", "previous", "history"),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.meetings import meetings

    records = ctx.records
    named = [r for r in (records.agenda, records.previous) if r is not None]
    known = meetings(ctx.path, ctx.parsed.parts, [*records.history, *named])
    for part in ctx.parsed.minutes:
        yield from part_findings(ctx, part, known)
