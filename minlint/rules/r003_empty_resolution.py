"""A "Resolved:" with nothing resolved, or a resolution cut off mid-sentence.

What it checks: each minute's decisions. Reported are:

- a label with nothing after it: "Resolved:-", "And Resolved:", "RESOLVED: That" as the
  last words of a minute, with no part, list or paragraph following it in the minute;
- a resolution that ends mid-sentence: its last word before the full stop (or before
  the next minute, when there is no full stop) is one that cannot end a sentence ("...
  be circulated to.", "... in consultation with the."), or it ends on a colon with
  nothing after it in the minute ("That the Commission:-");
- a resolution that ends in the middle of a name: "... a review of the Youth." where the
  minute's discussion always writes "the Youth" as part of a longer name ending in
  a word like Service, Board, Team or Partnership ("the Youth Justice Service").

The rule says nothing when it is unsure: a label followed by paragraphs, lists or
quotations is taken to hold its decision, a resolution ending on an ordinary word is
complete, and a name the discussion also writes on its own ("the Cabinet" and "the
Cabinet Member") is not a cut. Minutes whose decisions the model could not read
(``uncertain`` holds "decisions") are not checked.

Why it matters: a resolution is what the body decided, quoted later in the work
programme and the monitoring schedule. A label left empty, or a sentence cut off when a
draft was edited, publishes a decision nobody can act on, and is easy to miss on
screen because the minute still looks complete.

Example:

    23. RECOMMENDATIONS MONITORING SCHEDULE
    The Governance Advisor presented the schedule ...
    Resolved:-
    24. MARKET STREET PUBLIC TOILETS - VERBAL UPDATE

is reported at "Resolved:-" as 'minute 23 "RECOMMENDATIONS MONITORING SCHEDULE" has
"Resolved:" with nothing resolved'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minlint.lint import regexstore as rx
from minlint.lint.blocks import Block
from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.model import Minute, MinutesPart, Resolution
from minlint.lint.registry import rule

# Words that cannot end a sentence of a resolution.
_DANGLING = frozenset(
    "to the of and or a an for by with from at into between including its their his her our "
    "which whose be been than as per via nor but if whether whereby my your".split()
)
# The last word of a name: "the Youth Justice Service".
_NAME_END = frozenset(
    "service services team board panel partnership trust council committee commission "
    "strategy plan group forum office centre center scheme project programme unit network "
    "department directorate authority fund agency association alliance federation "
    "foundation hub hospital school college university society company".split()
)
_WORD = rx.compile(r"[A-Za-z][\w'’-]*")
# From the start of the run only: tried from each place of a long run of them (that
# does not end the text), it took time of the square of the run's length.
_TAIL = rx.compile(r"(?<![\s\"'”’)\].,;:!?*_-])[\s\"'”’)\].,;:!?*_-]+$")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _cut_name(text: str, discussion: list[Block]) -> tuple[str, Block] | None:
    """The longer name of the discussion that the resolution's last words begin, when
    the discussion never writes those words on their own."""
    words = _words(text)
    if len(words) < 2 or not words[-1][0].isupper() or words[-1].lower() in _NAME_END:
        return None
    if words[-1].isupper() and len(words[-1]) > 1:
        return None  # an abbreviation: "the CCG."
    stem = " ".join(words[-2:]) if words[-2][0].isupper() or words[-2].lower() == "the" else ""
    stem = stem or words[-1]
    pattern = re.compile(rf"\b{re.escape(stem)}\b((?:\s+[A-Z][\w'’-]*)*)")
    longer: tuple[str, Block] | None = None
    for block in discussion:
        for m in pattern.finditer(block.text):
            rest = m.group(1).split()
            if not rest or rest[-1].lower().strip("'’s") not in _NAME_END:
                return None  # written on its own, or as the start of something else
            if longer is None:
                longer = (f"{stem} {' '.join(rest)}", block)
    return longer


def _ends_mid_sentence(
    r: Resolution, discussion: list[Block], last_part: bool, nothing_after: bool
) -> str | None:
    text = r.text.strip()
    if text.endswith((":", ":-")):
        if nothing_after:
            return f'the resolution ends "{" ".join(_words(text)[-4:])}:" with nothing after it'
        return None  # a lead-in to its parts or a list
    if not text:
        return None
    if not last_part and not text.endswith("."):
        return None  # "(1) That ...; and" goes on in the next part
    bare = _TAIL.sub("", text)
    words = _words(bare)
    if not words or not bare.endswith(words[-1]):
        return None  # it ends on a figure: "... be set at £186,400."
    last = words[-1]
    tail = " ".join(bare.split()[-4:])
    if last.lower() in _DANGLING and last[0].islower():
        return f'the resolution ends mid-sentence: "... {tail}."'
    cut = _cut_name(bare, discussion)
    if cut is not None:
        name, block = cut
        return (
            f'the resolution ends mid-name: "... {tail}." where the discussion names '
            f'"{name}" (line {block.line})'
        )
    return None


_GOES_ON = rx.compile(r"[;,]\s*(?:and|or)\s*$", re.I)
_NUMBERED = rx.compile(r"^\W*\d{1,4}\.?\s+(?P<title>\S.*)$", re.S)


def _heading_like(block: Block) -> bool:
    """Whether a block is the heading of a further minute ("24. MARKET STREET ..."),
    whichever way the model read it."""
    from minlint.lint.blocks import HEADING
    from minlint.lint.facts.decisions import strip_emphasis

    m = _NUMBERED.match(strip_emphasis(block.text))
    if m is None or re.match(r"(?i)(?:that|to)\b", m.group("title")):
        return False
    letters = [c for c in m.group("title") if c.isalpha()]
    return block.kind == HEADING or (
        len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    )


def _label_blocks(minute: Minute) -> list[tuple[int, Block]]:
    from minlint.lint.facts.decisions import label_only

    return [(k, b) for k, b in enumerate(minute.blocks) if label_only(b.text)]


def part_findings(ctx: RuleContext, part: MinutesPart) -> Iterator[Finding]:
    from minlint.lint.facts.decisions import strip_emphasis

    if "decisions" in part.uncertain:
        return
    for minute in part.items:
        named = minute.named()
        for k, block in _label_blocks(minute):
            if k + 1 < len(minute.blocks) and not _heading_like(minute.blocks[k + 1]):
                continue  # the decision follows: parts, a list, a quotation or a paragraph
            label = strip_emphasis(block.text)
            start = block.text.find(label[:3]) if label else 0
            yield ctx.finding_at(
                block,
                max(start, 0),
                max(start, 0) + len(label),
                f'{named} has "{" ".join(label.split())}" with nothing resolved',
            )
        resolution_lines = {r.line for r in minute.resolutions}
        discussion = [b for b in minute.blocks if b.line not in resolution_lines]
        chosen = [r for r in minute.resolutions if r.form == "resolved" or r.number is not None]
        last_line = max((b.end_line for b in minute.blocks), default=minute.line)
        for k, r in enumerate(chosen):
            following = chosen[k + 1] if k + 1 < len(chosen) else None
            # "...; and" before another part goes on there, numbered or not
            last_part = following is None or (
                following.number is None and not _GOES_ON.search(r.text)
            )
            nothing_after = following is None and r.end_line >= last_line
            message = _ends_mid_sentence(r, discussion, last_part, nothing_after)
            if message is not None:
                yield ctx.finding(r.end_line, f"{named}: {message}")


@rule(
    code="R003",
    name="empty-resolution",
    category="resolution",
    severity="error",
    summary='"Resolved:" with nothing resolved, or a resolution cut off mid-sentence.',
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    for part in ctx.parsed.minutes:
        yield from part_findings(ctx, part)
