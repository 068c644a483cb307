"""A paragraph nearly the same as another in the draft: an edited copy left beside the
original.

What it checks: pairs of paragraphs in the same set of minutes whose normalised texts
have a Levenshtein similarity of at least ``near-duplicate-ratio`` (default 0.9) without
being equal (equal ones are P001's). The later paragraph is reported, pointing at the
earlier one, with the words that differ. Candidate pairs come from the rarest words the
paragraphs share, so only a few pairs are scored however long the minutes are.

In another minute, where parallel items are worded alike, a copy is reported only when
the paragraph is substantial (two sentences, or twice the minimum length) and closer
(halfway between the threshold and identical: 0.95 by default). Resolutions and
recorded outcomes ("It was agreed ...") are compared only when close together in one
minute, and a one-sentence lead-in to a list ("... raised the following points:-")
not at all, since each introduces different points.

Not reported: paragraphs shorter than ``duplicate-min-words`` words once standard
wording is left out; a statement and the resolution that restates it; and one formula
filled in twice, where what differs is mostly names and numbers put in the same place
("The motion was moved by Councillor Ryan, seconded by Councillor Walsh" and "... by
Councillor Doyle, seconded by Councillor Quinn"; "disposal of property at 31, ..." and
"disposal of land at 1, ..."): these are two motions, two disposals, not a copy. A
name spelt differently is a correction, and a copy whose ordinary words were changed
("every ward" / "each ward") is an edit: both are reported.

Why it matters: an editor who rewords a paragraph in a copy and forgets to delete the
original leaves two versions of the same account in the record, and readers cannot
tell which one the committee approved.

Example:

    Members asked how the Partnership would judge whether the 12 new CCTV cameras
    installed in the town centre had made a difference. ...
    ...
    Members asked how the Partnership would judge whether the 12 new CCTV cameras in
    the town centre had made any difference. ...

is reported at the second paragraph: "nearly the same as the paragraph at line 115
(similarity 0.95): …new CCTV cameras [-installed-] in the town centre had made
[-a-]{+any+} difference…".
"""

from __future__ import annotations

from collections.abc import Iterator

from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.registry import rule


@rule(
    code="P002",
    name="near-duplicate-paragraph",
    category="duplicate",
    severity="warning",
    summary="A paragraph nearly the same as another in the draft (edit-distance ratio).",
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.diff.words import excerpt
    from minlint.lint.duplicates import (
        exact_duplicates,
        minute_label,
        near_duplicates,
        part_units,
        twin_minutes,
    )

    min_words = int(ctx.config.threshold("duplicate-min-words"))
    ratio = float(ctx.config.threshold("near-duplicate-ratio"))
    configured = tuple(ctx.config.standard_wording)
    for part in ctx.parsed.minutes:
        found = part_units(part, configured, min_words)
        exact = exact_duplicates(found, min_words, twin_minutes(part))
        for pair in near_duplicates(found, min_words, ratio, exclude=exact):
            earlier, later = pair.earlier, pair.later
            where = f"line {earlier.line}"
            if earlier.minute != later.minute:
                where += f" ({minute_label(part, earlier.minute)})"
            message = (
                f"nearly the same as the paragraph at {where} "
                f"(similarity {pair.ratio:.2f}): {excerpt(pair.ops)}"
            )
            related = [ctx.related(ctx.path, earlier.line, "the other version")]
            if len(later.blocks) == 1:
                block = later.blocks[0]
                yield ctx.finding_at(block, 0, len(block.text), message, related=related)
            else:
                yield ctx.finding(later.line, message, end_line=later.end_line, related=related)
