"""No date after "held on", or a date that does not exist (31 June).

What it checks, anywhere in the draft (including the attachments of an agenda pack):

- "held on" or "take place on" with no date after it: a minute or agenda title that
  stops at "HELD ON", a sentence that ends or breaks off there ("... the meeting held
  on."), an agenda line where the page range comes straight after it ("held on (Pages
  1 - 8)"), or a placeholder that was never filled in ("held on ...", "held on [date]",
  "held on XX June"). A title whose date was wrapped onto the next line is complete.
  Anything else after "held on" is left alone: "held on Teams", "held on the same
  day", "held on a monthly basis", "held on to the lease" are not dates and need none.
- Dates that do not exist: 31 June, 31 September, 30 February, and 29 February in a
  year that is not a leap year ("29 February 2023"). 29 February without a year is
  not reported, since the year cannot be told.
- A day number with a stray letter before a month name, "24h April" for "24th April":
  reported as a warning, since the date can still be read, but it is a misprint in
  the record.

Why it matters: minutes are the legal record of a meeting. A title that says which
minutes were approved but not of which meeting, or a next meeting "on 31 June",
cannot be relied on by anyone reading them later, and they are corrected only by a
further resolution once approved. These are typing slips that a reviewer's eye slides
over because the sentence reads naturally.

Example:

    95. MINUTES OF THE PREVIOUS MEETING HELD ON

is reported as 'no date after "HELD ON"', and

    He said that the toilets were expected to reopen on 31 June 2024.

as '"31 June 2024" is not a date: June has 30 days'. "Tuesday, 24h April, 2018" is
reported as a warning, 'malformed date "24h April": "24h" is not a day number (24th?)'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minlint.lint import regexstore as rx
from minlint.lint.blocks import TABLE_ROW, Block
from minlint.lint.context import RuleContext
from minlint.lint.facts.dateformat import MONTH_NAMES
from minlint.lint.facts.misprints import DAYS_IN_MONTH, misprinted_days
from minlint.lint.findings import Finding
from minlint.lint.registry import rule

# "held on", "HELD ON", "to take place on", "took place on".
_CUE_RE = rx.compile(r"\b(?:held|(?:take|takes|took|taking)\s+place)\s+on\b", re.IGNORECASE)
# What may separate the cue from what follows it: spaces, emphasis left by a reader.
_SKIP = " \t\n*"
# A page range straight after the cue: the agenda line lost its date.
_PAGES_RE = rx.compile(r"\((?:pages?|p\.|pp\.)\s*\d", re.IGNORECASE)
# Text a clerk types where the date is still to be filled in.
_PLACEHOLDER_RE = rx.compile(
    r"""(?:\.\.\.|…
    |\[(?:[\sXx._?/-]*|[^\]\n]*\b(?:date|day|insert|tbc|tba)\b[^\]\n]*)\](?!\()
    |[Xx]{2}(?:th)?(?![A-Za-z])|_{2,}|\?{2,}|(?:dd|DD)/(?:mm|MM)\b)""",
    re.VERBOSE | re.IGNORECASE,
)
# The end of a sentence or clause right after the cue: "held on." "held on;".
# What follows a cue is read this far: its date, a placeholder or the end of the clause
# comes well before, and a paragraph as long as a file is not copied for every cue.
_AFTER_WINDOW = 1000
_STOP = ".;!?"
# A clause that breaks off, but whose date may still come: "held on, as agreed, 5 May".
_BREAK = ",)"
_SENTENCE_END_RE = rx.compile(r"[.;!?](?:\s|$)")
# A date that may open the next block: after "the", a colon or a dash at most.
_LEAD = " \t\n*_:-–—"


def ordinal(day: int) -> str:
    """'1st', '2nd', '3rd', '4th', '11th', '22nd' ..."""
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


def _shown(text: str) -> str:
    return " ".join(text.split())


def _why_not_a_date(day: int, month: int, year: int | None) -> str:
    name = MONTH_NAMES[month - 1]
    if month == 2 and day == 29 and year is not None:
        return f"{year} is not a leap year"
    if month == 2:
        return "February has 28 days, or 29 in a leap year"
    return f"{name} has {DAYS_IN_MONTH[month - 1]} days"


def _opens_with_date(text: str) -> bool:
    """Whether a block starts with a date (after "the", a colon or a dash at most)."""
    from minlint.lint.facts.dates import find_dates

    facts = find_dates(text[:200])
    if not facts:
        return False
    before = text[: facts[0].start].strip(_LEAD)
    return before.lower() in ("", "the")


def _has_date(text: str) -> bool:
    from minlint.lint.facts.dates import find_dates

    return bool(find_dates(text))


def _missing_date(text: str, end: int, next_block: Block | None, in_table: bool) -> str | None:
    """None when the cue ending at ``end`` may have its date; else what to add to the
    message ("" or the placeholder found)."""
    rest = text[end : end + _AFTER_WINDOW]
    if len(rest) == _AFTER_WINDOW and not rest.strip(_SKIP):
        rest = text[end:]
    if in_table:
        cell_end = rest.find(" | ")
        rest = rest if cell_end < 0 else rest[:cell_end]
    after = rest.lstrip(_SKIP)
    if not after or (after[0] == ":" and not after[1:].strip(_SKIP)):
        if in_table:
            return None  # a column heading ("Held on"), or the date is in the next cell
        # The title or paragraph stops here; a date wrapped onto the next block counts.
        if next_block is not None and _opens_with_date(next_block.text):
            return None
        return ""
    placeholder = _PLACEHOLDER_RE.match(after)
    if placeholder:
        return f': "{placeholder.group(0)}" is a placeholder'
    if after[0] in _STOP or _PAGES_RE.match(after):
        return ""
    if after[0] in _BREAK:
        clause = after[1:]
        stop = _SENTENCE_END_RE.search(clause)
        return None if _has_date(clause[: stop.start() if stop else 200]) else ""
    return None


def _cue_findings(ctx: RuleContext, block: Block, next_block: Block | None) -> Iterator[Finding]:
    text = block.text
    if not any(word in text for word in ("eld", "ELD", "lace", "LACE")):
        return  # most blocks hold neither cue: skip them before the slower pattern
    for m in _CUE_RE.finditer(text):
        more = _missing_date(text, m.end(), next_block, block.kind == TABLE_ROW)
        if more is not None:
            message = f'no date after "{_shown(m.group(0))}"{more}'
            yield ctx.finding_at(block, m.start(), m.end(), message)


def _invalid_findings(ctx: RuleContext, block: Block) -> Iterator[Finding]:
    from minlint.lint.facts.dates import find_dates

    if not any(day in block.text for day in ("29", "30", "31")):
        return  # only the 29th, 30th and 31st can be missing from a month
    for fact in find_dates(block.text):
        if fact.valid or fact.day is None or fact.month is None:
            continue
        why = _why_not_a_date(fact.day, fact.month, fact.year)
        yield ctx.finding_at(
            block, fact.start, fact.end, f'"{_shown(fact.text)}" is not a date: {why}'
        )


def _malformed_findings(ctx: RuleContext, block: Block) -> Iterator[Finding]:
    text = block.text
    for found in misprinted_days(text):
        right = ordinal(found.day)
        if text[found.stray].isupper():
            right = right.upper()
        shown = _shown(text[found.start : found.end])
        yield ctx.finding_at(
            block,
            found.start,
            found.end,
            f'malformed date "{shown}": "{found.written}" is not a day number ({right}?)',
            severity="warning",
        )


@rule(
    code="D002",
    name="incomplete-date",
    category="date",
    severity="error",
    summary='No date after "held on", or a date that does not exist (31 June).',
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    blocks = ctx.document.blocks
    for i, block in enumerate(blocks):
        next_block = blocks[i + 1] if i + 1 < len(blocks) else None
        found = [
            *_cue_findings(ctx, block, next_block),
            *_invalid_findings(ctx, block),
            *_malformed_findings(ctx, block),
        ]
        found.sort(key=lambda f: (f.line, f.column))
        yield from found
