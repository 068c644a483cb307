"""A substantive item records no decision.

What it checks: the minutes of sets of minutes that record their decisions in form
("Resolved:", "And Resolved:", "RESOLVED", "Agreed:", "Decision:"). In such minutes a
report, an update, a review, a plan, a strategy, a budget, a motion or the work
programme that was discussed and ends with no decision is reported. A set of minutes
records its decisions in form when it labels them so in at least two minutes of business
and decides at least half of its substantive minutes; or, when only the approval of the
last minutes is labelled ("And Resolved:" is common there), when it decides three
quarters of them, and then only items whose title says they are business to decide
(a report, an update ...) are reported.

A decision counts however it is written: "Resolved: That the report be noted", "The
Committee agreed ...", "Members noted the report", "The report was otherwise noted",
"It was agreed that ...", "proposed by X, seconded by Y and agreed", a title ending
"NOTED", an answer under "REPLY" to a question or a motion, a motion seconded, referred
or withdrawn. "It was noted that ..." is how minutes tell what was said: it is the
record of a short minute, and in a long one it may or may not be the decision.

Not reported:

- procedural items, which decide nothing of their own: apologies, declarations of
  interest, exclusion of the press and public, questions (answered, not decided), public
  forum, communications and announcements, correspondence, matters arising, urgent
  business and any other business, the date of the next meeting; business heard rather
  than decided (presentations, deputations); and the items named by the
  configuration's ``procedural-items`` (shell-style patterns, "Sub-group updates*");
- a minute with nothing to decide: a short one saying so ("There were no updates to
  provide", "This item was deferred", "To be discussed under Agenda Item 10");
- a minute with "Resolved:" and nothing after it: that is R003;
- minutes whose decisions the model could not read (``uncertain`` holds "decisions" or
  "numbering"), and minutes that record decisions only now and then (a parish
  council's narrative minutes), where a minute without one says nothing.

Where the rule cannot tell, the finding is a warning that says why: words in the minute
that may be its decision ("the Director agreed to circulate ...", "It was noted that
..."), or a title that does not say whether the item needed one.

Why it matters: the resolution is the part of a minute that has legal effect and that
officers act on; the work programme and the recommendations monitoring schedule quote
it. An item minuted without one leaves nobody sure what was decided, and is the first
thing a clerk loses when a draft is cut and pasted.

Example: in minutes whose other items each end "Resolved: ...",

    20. COMMUNITY SAFETY PARTNERSHIP - PERFORMANCE UPDATE
    Mark Ibbotson, Community Safety Manager, presented the Partnership's report ...
    The Chair thanked the partners for attending.

is reported as 'minute 20 "COMMUNITY SAFETY PARTNERSHIP - PERFORMANCE UPDATE" records
no decision'.
"""

from __future__ import annotations

from collections.abc import Iterator

from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.model import Minute, MinutesPart
from minlint.lint.registry import rule

# Minutes with decision labels in fewer minutes than this record decisions only now and then.
MIN_LABELLED = 2
# ... or that decide fewer than this share of their substantive minutes.
MIN_DECIDED_SHARE = 0.5
# ... or, with only the approval of the last minutes labelled, fewer than this share.
HIGH_DECIDED_SHARE = 0.75
# A minute's text shorter than this may say that there was nothing to take.
SHORT = 300


def _needs_no_decision(minute: Minute, procedural: tuple[str, ...]) -> bool:
    from minlint.lint.facts.decisions import body_text
    from minlint.lint.facts.items import HEARD, PROCEDURAL, configured_procedural, item_kind

    kind = item_kind(minute.title)
    if kind in PROCEDURAL or kind in HEARD or configured_procedural(minute.title, procedural):
        return True
    text = body_text(minute).strip()
    from minlint.lint.facts.items import nothing_to_report

    return bool(text) and len(text) < SHORT and nothing_to_report(text)


def _quoted(words: str) -> str:
    return words if words.endswith(" ...") else words.rstrip(" .")


def part_findings(ctx: RuleContext, part: MinutesPart) -> Iterator[Finding]:
    from minlint.lint.facts.decisions import DECIDED, EMPTY, decision_evidence, decision_label
    from minlint.lint.facts.items import MINUTES, SUBSTANTIVE, item_kind

    if {"decisions", "numbering"} & set(part.uncertain):
        return
    procedural = ctx.config.procedural_items
    substantive = [m for m in part.items if not _needs_no_decision(m, procedural)]
    labelled = [m for m in substantive if any(decision_label(b.text) for b in m.blocks)]
    # Approving the last minutes is "Resolved" in many minutes that record nothing else
    # that way: alone it shows a habit only where nearly every item records a decision.
    labelled_business = sum(1 for m in labelled if item_kind(m.title) != MINUTES)
    evidence = {m.line: decision_evidence(m) for m in substantive}
    decided = sum(1 for e in evidence.values() if e.state == DECIDED)
    share = decided / len(substantive) if substantive else 0.0
    strong = labelled_business >= MIN_LABELLED and share >= MIN_DECIDED_SHARE
    weak = bool(labelled) and decided >= 3 and share >= HIGH_DECIDED_SHARE
    if not (strong or weak):
        return
    for m in substantive:
        found = evidence[m.line]
        if found.state == DECIDED:
            continue
        end = max([m.line, *(b.end_line for b in m.blocks)])
        named = m.named()
        if found.state == EMPTY and SUBSTANTIVE.search(m.title):
            yield ctx.finding(m.line, f"{named} records no decision", end_line=end)
        elif not strong:
            continue  # minutes that label few decisions: only a report or the like is sure
        elif found.state == EMPTY:
            yield ctx.finding(
                m.line,
                f"{named} records no decision; its title does not say whether it needed one",
                end_line=end,
                severity="warning",
            )
        else:
            related = [ctx.related(ctx.path, found.line or m.line, "a decision word")]
            yield ctx.finding(
                m.line,
                f'{named} records no resolution; "{_quoted(found.words)}" '
                f"(line {found.line}) may be meant as its decision",
                end_line=end,
                severity="warning",
                related=related,
            )


@rule(
    code="R001",
    name="missing-resolution",
    category="resolution",
    severity="error",
    summary="A substantive item records no decision (procedural items are configurable).",
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    for part in ctx.parsed.minutes:
        yield from part_findings(ctx, part)
