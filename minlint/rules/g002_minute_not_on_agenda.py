"""A minute matches no agenda item and is not urgent business.

What it checks: the draft's minutes against the items of the agenda of its meeting
(named with --agenda, found among the records by body and date, or the agenda part of
a pack), aligned as ``minlint parse --agenda`` shows. A minute that no agenda item
matches, by number where the two share their numbering or by title and order, is
reported at its heading, with the agenda items around it and the minutes' urgent
business as related places.

Not reported:

- standing business that minutes record whether or not the agenda lists it: apologies,
  declarations of interest, the minutes of the last meeting, announcements,
  condolences, questions, the date of the next meeting;
- urgent business: a minute that says it was taken as urgent, or that follows an
  "Urgent Business" minute that does not say there was none, or that the urgent
  business minute names or describes;
- a minute whose title differs from its agenda item's, when an alignment is plausible
  (a similar title, or the one item and the one minute left between the same two
  matched neighbours): that is a retitled item, shown by ``minlint parse --agenda``;
- an agenda that is plainly another meeting's, and an agenda whose items, or minutes
  whose numbering, the model could not read for sure.

In minutes written without numbers, each heading is a minute; one that matches no item
is a warning, since a heading may also head part of a minute.

Why it matters: a meeting may only transact the business on its agenda, apart from
business the chair accepts as urgent, and the minutes say which. A minute matching no
item is business taken without notice, or an item whose title changed so far that
nobody can trace it back to its papers.

Example: minute 24 "MARKET STREET PUBLIC TOILETS - VERBAL UPDATE" in a draft whose
agenda lists no such item, and whose minute 25 "URGENT BUSINESS" reads "No item had
been accepted by the Chair as urgent.", is reported as 'minute 24 "MARKET STREET PUBLIC
TOILETS - VERBAL UPDATE" matches no agenda item, and is not recorded as urgent
business'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minlint.lint import regexstore as rx
from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.model import Minute
from minlint.lint.registry import rule

_URGENT = rx.compile(r"\burgen(?:t|cy)\b", re.I)


def _urgent_minutes(minutes: list[Minute]) -> list[Minute]:
    from minlint.lint.facts import items as kinds

    return [m for m in minutes if kinds.item_kind(m.title) == kinds.URGENT]


def _taken_as_urgent(minute: Minute, urgent: list[Minute], order: list[Minute]) -> bool:
    from minlint.lint.facts.alignment import similarity
    from minlint.lint.facts.items import nothing_to_report
    from minlint.lint.facts.references import find_references

    if _URGENT.search(minute.title) or any(_URGENT.search(b.text) for b in minute.blocks):
        return True
    position = order.index(minute)
    for u in urgent:
        text = " ".join(b.text for b in u.blocks)
        if order.index(u) < position and not nothing_to_report(text):
            return True  # taken under urgent business
        if any(r.kind == "minute" and r.number == minute.number for r in find_references(text)):
            return True
        if text and similarity(minute.title, text[:200]) >= 0.75:
            return True
    return False


@rule(
    code="G002",
    name="minute-not-on-agenda",
    category="agenda",
    severity="error",
    summary="A minute matches no agenda item and is not urgent business.",
    needs=("agenda",),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts import items as kinds
    from minlint.lint.facts.alignment import NOT_ON_AGENDA, draft_alignment

    alignment = draft_alignment(ctx.parsed, ctx.records)
    if alignment is None or not alignment.checkable or ctx.records.agenda is None:
        return
    agenda_path = ctx.records.agenda.path
    order = list(alignment.minutes.items)
    urgent = _urgent_minutes(order)
    links = alignment.links
    for k, link in enumerate(links):
        minute = link.minute
        if link.status != NOT_ON_AGENDA or minute is None:
            continue
        if kinds.item_kind(minute.title) in kinds.STANDING:
            continue
        if _taken_as_urgent(minute, urgent, order):
            continue
        message = f"{minute.named()} matches no agenda item"
        related = []
        before = next((x for x in reversed(links[:k]) if x.item and x.minute), None)
        after = next((x for x in links[k + 1 :] if x.item and x.minute), None)
        for near, where in ((before, "before"), (after, "after")):
            if near is not None and near.item is not None and near.minute is not None:
                related.append(
                    ctx.related(
                        agenda_path,
                        near.item.line,
                        f"{near.item.label()}, {near.minute.label()}, comes {where} it",
                    )
                )
        if urgent:
            message += ", and is not recorded as urgent business"
            u = urgent[0]
            line = u.blocks[0].line if u.blocks else u.line
            related.append(ctx.related(ctx.path, line, f"{u.label()}: urgent business"))
        if minute.numbered:
            yield ctx.finding(minute.line, message, related=related)
        else:
            # A heading without a number may head part of a minute, not a minute.
            message += " (the minutes are not numbered: it may be a sub-heading)"
            yield ctx.finding(minute.line, message, related=related, severity="warning")
