"""A substantive item records no decision.

What it checks: every minute of a set of minutes that records its decisions in form
("Resolved:", "And Resolved:", "RESOLVED", "Agreed:", "Decision:") in at least two
substantive minutes (the approval of the last minutes does not count: it is "Resolved"
everywhere), and records a decision for at least half of its substantive minutes. In such minutes a
report, an update, a review, a plan, a strategy, a budget or the work programme that
was discussed and ends with no decision is reported. A decision counts however it is
written: "Resolved: That the report be noted", "The Committee agreed ...", "It was
noted ...", "Members noted the report", "The report was otherwise noted", "proposed by
X, seconded by Y and agreed", a title ending "NOTED", an answer under "REPLY", a motion
seconded, referred or withdrawn.

Not reported:

- procedural items, which decide nothing of their own: apologies, declarations of
  interest, exclusion of the press and public, questions (answered, not decided), public
  forum, communications and announcements, correspondence, matters arising, urgent
  business and any other business, the date of the next meeting; and the items named
  by the configuration's ``procedural-items`` (shell-style patterns, "Sub-group
  updates*");
- a minute with nothing to decide: no text at all, or a short one saying so ("There
  were no updates to provide", "This item was deferred");
- a minute with "Resolved:" and nothing after it: that is R003;
- minutes whose decisions the model could not read (``uncertain`` holds "decisions" or
  "numbering"), and minutes that record decisions only now and then (a parish
  council's narrative minutes), where a minute without one says nothing.

Where the rule cannot tell, the finding is a warning that says why: a decision word in
the minute that may be its decision ("the Director agreed to circulate ..."), or a title
that does not say whether the item needed one.

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

from minlint.lint.engine import RuleContext, rule
from minlint.lint.findings import Finding
from minlint.lint.model import Minute, MinutesPart

# Minutes with decision labels in fewer minutes than this record decisions only now and then.
MIN_LABELLED = 2
# ... or that decide fewer than this share of their substantive minutes.
MIN_DECIDED_SHARE = 0.5
# A minute's text shorter than this may say that there was nothing to take.
SHORT = 300


def _needs_no_decision(minute: Minute, procedural: tuple[str, ...]) -> bool:
    from minlint.lint.facts.decisions import body_text
    from minlint.lint.facts.items import PROCEDURAL, configured_procedural, item_kind

    if item_kind(minute.title) in PROCEDURAL or configured_procedural(minute.title, procedural):
        return True
    text = body_text(minute).strip()
    if not text:
        return True
    from minlint.lint.facts.items import nothing_to_report

    return len(text) < SHORT and nothing_to_report(text)


def _quoted(words: str) -> str:
    return words if words.endswith(" ...") else words.rstrip(" .")


def part_findings(ctx: RuleContext, part: MinutesPart) -> Iterator[Finding]:
    from minlint.lint.facts.decisions import DECIDED, EMPTY, decision_evidence, decision_label
    from minlint.lint.facts.items import MINUTES, SUBSTANTIVE, item_kind

    if {"decisions", "numbering"} & set(part.uncertain):
        return
    procedural = ctx.config.procedural_items
    substantive = [m for m in part.items if not _needs_no_decision(m, procedural)]
    # Approving the last minutes is "Resolved" everywhere: it shows no habit of recording.
    labelled = sum(
        1
        for m in substantive
        if item_kind(m.title) != MINUTES and any(decision_label(b.text) for b in m.blocks)
    )
    if labelled < MIN_LABELLED:
        return
    evidence = {m.line: decision_evidence(m) for m in substantive}
    decided = sum(1 for e in evidence.values() if e.state == DECIDED)
    if decided < MIN_DECIDED_SHARE * len(substantive):
        return
    for m in substantive:
        found = evidence[m.line]
        if found.state == DECIDED:
            continue
        end = max([m.line, *(b.end_line for b in m.blocks)])
        named = f'minute {m.number} "{m.title}"'
        if found.state == EMPTY and SUBSTANTIVE.search(m.title):
            yield ctx.finding(m.line, f"{named} records no decision", end_line=end)
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
