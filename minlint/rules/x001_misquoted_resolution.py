"""A resolution quoted in a work programme or monitoring schedule differs from the minutes.

What it checks: the decisions that a work programme or a recommendations monitoring
schedule quotes ("Resolved in May 2024 - That a further report ... be brought to the
Commission in six months' time", a schedule row "14/05/24 | ... | That the Head of
Regulatory Services circulates ..."), against the minutes of the meeting that made
them, when those minutes are in the same file (an agenda pack) or among the records.

A quote is a sentence starting "That" after a date that says which meeting made the
decision: a schedule row's decision date ("14/05/24"), or "Resolved in May 2024",
"Resolved at January 2021 meeting", "Resolved on 30/04/19". A decision attributed to
another body ("Resolved at OSMB July 2019", "Resolved at Cabinet in June 2020") is not
looked up. The quote is compared word by word, without case, punctuation or line
breaks, with every decision of the minutes of that date (or of that month, for "May
2024"); the closest one is the source. A quote of part of a decision (its first words,
or all but its last clause) is a quote, not a misquote. A quote is reported when it is
not word for word any decision, but is close to one (most words the same): the message
shows the words the minutes have as [-removed-] and those the quote has instead as
{+added+}.

Why it matters: the work programme and the monitoring schedule are how a committee
follows up its decisions; officers act on what they say. A decision quoted with "twelve
months" for "six months" quietly changes what was decided, and nobody re-reads the
minutes to notice.

Example: a work programme row quoting "Resolved in May 2024 - That a further report on
the operation of the selective licensing scheme ... be brought to the Commission in
twelve months' time", when resolution (2) of minute 5 of 14 May 2024 says "in six
months' time", is reported at the quote as 'the quote differs from resolution (2) of
minute 5 of 14 May 2024: "... to the Commission in [-six-]{+twelve+} months' time"'.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from minlint.lint.blocks import Block
from minlint.lint.context import RuleContext
from minlint.lint.facts.dateformat import MONTH_NAMES, show_date
from minlint.lint.findings import Finding
from minlint.lint.lazyre import LazyPattern
from minlint.lint.model import MONITORING_SCHEDULE, WORK_PROGRAMME, Minute, MinutesPart, Part
from minlint.lint.registry import rule

# Quotes shorter than this are formulas ("That the report be noted") that many
# decisions share.
MIN_WORDS = 6
# From this share of words in common a differing quote is taken for a misquote of the
# decision (below it, a different decision).
CLOSE = 0.7

_QUOTE = LazyPattern(r"(?:(?<=^)|(?<=[\s|:(–—-]))(?:\(?\d{1,2}[.)]\s*)?(?P<that>That)\s")
_QUOTE_END = LazyPattern(r"\.(?=\s+[A-Z0-9(\[]|\s*$)|\s\|\s")
_MONTHS = "|".join(MONTH_NAMES)
# "Resolved in May 2024", "Resolved at January 2021 meeting", "Resolved on 30/04/19",
# "Resolved June 2020:", with nothing but "in/at/on the" between.
_RESOLVED_WHEN = LazyPattern(
    rf"\bResolved[\s:-]*(?:(?:in|at|on|during)\s+(?:the\s+)?)?"
    rf"(?:(?P<date>\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})|(?P<month>{_MONTHS})\s+(?P<year>(?:19|20)\d\d))"
    rf"(?:\s+meeting)?(?P<after>\s*[A-Za-z]*)",
    re.IGNORECASE,
)
_NUMERIC = LazyPattern(r"(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])")
# Blocks looked back over for the date of a quote.
_LOOK_BACK = 3


@dataclass(frozen=True, slots=True)
class Quote:
    """A text that quotes a decision, with the day or month it says the decision was made."""

    block: Block
    start: int
    end: int
    text: str
    day: dt.date | None  # the decision's date, or
    month: tuple[int, int] | None  # its month and year


def _when_before(
    blocks: Sequence[Block], k: int, at: int
) -> tuple[dt.date | None, tuple[int, int] | None] | None:
    """The decision date nearest before character ``at`` of block ``k``: a
    "Resolved in ..." phrase or a schedule row's numeric date. None when there is none,
    or when the decision is another body's."""
    from minlint.lint.facts.dates import find_dates

    for j in range(k, max(-1, k - _LOOK_BACK - 1), -1):
        text = blocks[j].text if j < k else blocks[k].text[:at]
        found: list[tuple[int, object]] = []
        for m in _RESOLVED_WHEN.finditer(text):
            after = m["after"].strip()
            if after and after.lower() not in ("that", "to", "meeting") and after[:1].isupper():
                found.append((m.start(), "other"))
                continue
            if m["date"]:
                facts = find_dates(m["date"])
                if facts and facts[0].date is not None:
                    found.append((m.start(), facts[0].date))
            else:
                month = MONTH_NAMES.index(m["month"].capitalize()) + 1
                found.append((m.start(), (month, int(m["year"]))))
        for m in _NUMERIC.finditer(text):
            facts = find_dates(m.group(0))
            if facts and facts[0].date is not None:
                found.append((m.start(), facts[0].date))
        if re.search(r"\bResolved\b", text) and not found:
            return None  # "Resolved: -" with no date: the meeting the row is under
        if found:
            _, when = max(found, key=lambda x: x[0])
            if when == "other":
                return None
            if isinstance(when, dt.date):
                return when, None
            return None, when  # type: ignore[return-value]
    return None


def quotes(part: Part) -> Iterator[Quote]:
    """Decisions quoted in a work programme or monitoring schedule, with their dates."""
    blocks = part.blocks
    for k, block in enumerate(blocks):
        text = block.text
        if "That" not in text:
            continue
        for m in _QUOTE.finditer(text):
            start = m.start("that")
            end_m = _QUOTE_END.search(text, start)
            end = end_m.start() if end_m else len(text)
            quoted = text[start:end]
            if len(quoted.split()) < MIN_WORDS:
                continue
            when = _when_before(blocks, k, m.start())
            if when is None:
                continue
            day, month = when
            yield Quote(block, start, end, quoted, day, month)


def _sources(quote: Quote, known: Sequence) -> list[tuple[str, MinutesPart]]:
    out = []
    for m in known:
        if not isinstance(m.part, MinutesPart) or not m.certain:
            continue
        d = m.date
        on_day = quote.day is not None and d == quote.day
        in_month = quote.month is not None and (d.month, d.year) == quote.month
        if on_day or in_month:
            out.append((m.path, m.part))
    return out


def _trimmed(changes: list) -> list:
    """The changes without what the quote leaves out at either end (a partial quote)."""
    out = list(changes)
    while out and out[0].op == "delete":
        out.pop(0)
    while out and out[-1].op == "delete":
        out.pop()
    return out


def _named(minute: Minute, number: str | None, date: dt.date) -> str:
    part = f"resolution ({number}) of " if number else "the resolution of "
    return f"{part}{minute.label()} of {show_date(date)}"


def quote_findings(ctx: RuleContext, part: Part, known: Sequence) -> Iterator[Finding]:
    from minlint.lint.diff.words import excerpt, shared_words, word_diff

    for quote in quotes(part):
        best = None
        exact = False
        for path, minutes in _sources(quote, known):
            for minute in minutes.items:
                for r in minute.resolutions:
                    source = r.text[r.text.find("That") :] if "That" in r.text else r.text
                    changes = _trimmed(word_diff(source, quote.text, loose=True))
                    if not changes or all(c.op == "equal" for c in changes):
                        exact = True
                        break
                    same = sum(len(c.old_text.split()) for c in changes if c.op == "equal")
                    score = shared_words(changes)
                    if (
                        score >= CLOSE
                        and same >= MIN_WORDS - 1
                        and (best is None or score > best[0])
                    ):
                        best = (score, changes, path, minutes, minute, r)
                if exact:
                    break
            if exact:
                break
        if exact or best is None:
            continue
        _, changes, path, minutes, minute, r = best
        named = _named(minute, r.number, minutes.date)
        yield ctx.finding_at(
            quote.block,
            quote.start,
            quote.end,
            f'the quote differs from {named}: "{excerpt(changes)}"',
            related=[ctx.related(path, r.line, f"{named}: {' '.join(r.text.split())}")],
        )


@rule(
    code="X001",
    name="misquoted-resolution",
    category="record",
    severity="error",
    summary="A resolution quoted in a work programme or monitoring schedule differs from "
    "the source minutes.",
    uses=("history", "previous"),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.meetings import meetings

    parts = [p for p in ctx.parsed.parts if p.kind in (WORK_PROGRAMME, MONITORING_SCHEDULE)]
    if not parts:
        return
    records = ctx.records
    named = [r for r in (records.agenda, records.previous) if r is not None]
    known = meetings(ctx.path, ctx.parsed.parts, [*records.history, *named])
    for part in parts:
        yield from quote_findings(ctx, part, known)
