"""A paragraph carried over from the previous minutes.

What it checks: each discussion paragraph of the draft's minutes against the
paragraphs of the body's previous minutes (named with --previous or found among the
records), word for word or nearly (a Levenshtein similarity of at least
``near-duplicate-ratio``). Paragraphs are compared after the same normalisation as P001,
so a paragraph wrapped over four lines in the previous minutes is found in one line of
the draft.

Not reported: resolutions (a decision may be taken again); the opening paragraphs
before the first minute (who attended, in the same words as last time); the minutes
whose business is the previous minutes ("Matters arising", an action log, "Minutes of
the previous meeting"), which carry its text forward on purpose; standard wording (the
built-in procedural formulas and ``standard-wording`` in the configuration, such as
"There were no questions from members of the public or press.") and paragraphs shorter
than ``duplicate-min-words`` words; one formula filled in twice (another name or number
in the same place); and minutes of the same date as the previous record, which are the
same meeting's minutes (a pack's attached copy), not a new draft; nor when more than
half of the draft's paragraphs are found word for word, since the "previous" minutes
are then another version of the same minutes (a draft and its final text) whose date
could not be read. The rule does not run without the previous minutes.

Why it matters: a draft is often started from the last meeting's minutes. A discussion
paragraph that survives from that template records, as said at this meeting, what was
said at the last one.

Example: a draft whose minute on homelessness contains

    The Head of Housing Options explained that approaches from private tenants who had
    been served with no-fault eviction notices had risen sharply, ...

word for word as minute 6 of the previous meeting has it is reported, with the previous
minutes' paragraph as the related place.
"""

from __future__ import annotations

from collections.abc import Iterator

from minlint.lint.context import RuleContext
from minlint.lint.facts.dateformat import show_date
from minlint.lint.findings import Finding
from minlint.lint.model import MinutesPart
from minlint.lint.records import primary_part
from minlint.lint.registry import rule


@rule(
    code="P003",
    name="copied-from-previous",
    category="duplicate",
    severity="warning",
    summary="A paragraph carried over from the previous minutes, standard wording excepted.",
    needs=("previous",),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.diff.words import excerpt
    from minlint.lint.duplicates import carried_over_minutes, copied, part_units

    record = ctx.records.previous
    if record is None or not isinstance(record.part, MinutesPart):
        return
    previous = record.part
    min_words = int(ctx.config.threshold("duplicate-min-words"))
    ratio = float(ctx.config.threshold("near-duplicate-ratio"))
    configured = tuple(ctx.config.standard_wording)
    theirs = part_units(previous, configured, min_words)
    main = primary_part(ctx.parsed)
    when = f" of {show_date(record.date)}" if record.date else ""
    for part in ctx.parsed.minutes:
        if record.date is not None and part.date is not None:
            if part.date <= record.date:
                continue  # the same meeting's minutes, or earlier ones, attached
        elif part is not main:
            continue  # an attached set of minutes whose date cannot be compared
        skip = carried_over_minutes(part)
        for pair in copied(part_units(part, configured, min_words), theirs, min_words, ratio, skip):
            earlier, later = pair.earlier, pair.later
            if pair.ratio == 1.0:
                message = (
                    f"paragraph copied from the previous minutes{when} "
                    f"({record.path}:{earlier.line})"
                )
            else:
                message = (
                    f"nearly the same as a paragraph of the previous minutes{when} "
                    f"({record.path}:{earlier.line}, similarity {pair.ratio:.2f}): "
                    f"{excerpt(pair.ops)}"
                )
            related = [
                ctx.related(record.path, earlier.line, "the paragraph in the previous minutes")
            ]
            if len(later.blocks) == 1:
                block = later.blocks[0]
                yield ctx.finding_at(block, 0, len(block.text), message, related=related)
            else:
                yield ctx.finding(later.line, message, end_line=later.end_line, related=related)
