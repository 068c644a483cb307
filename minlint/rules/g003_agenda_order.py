"""Minutes taken in a different order from the agenda, with no reason recorded.

What it checks: the order of the draft's minutes against the order of the items of the
agenda of its meeting (named with --agenda, found among the records by body and date,
or the agenda part of a pack). The alignment (``minlint parse --agenda`` shows it)
keeps as many items as possible in their agenda order; a minute matched to its item
only out of that order was taken out of turn. It is reported at its heading, saying
which items it was taken before or after, with those minutes and the agenda items as
related places.

Not reported when the minutes give the reason: "With the permission of the Chair, Item
No. 4 was taken next", "it was agreed to take Item 34 next", "item 9 was brought
forward" (naming the minute taken out of turn, or the items it was taken across, by
agenda or minute number), or "the Chair agreed to vary the order of business" (naming
none, for all of them). Nor for an agenda that is plainly another meeting's, or when
the model could not read the agenda's items or the minutes' numbering for sure.

Why it matters: minutes follow the agenda so that readers can find each item's record
from its papers. An item taken out of turn without a word reads as an editing slip, and
when the order really was changed the minutes must say so: who agreed it matters when a
decision depended on who was present at the time.

Example: with the agenda's items 6 (Homelessness), 7 (Community Safety) and 8
(Libraries), a draft that minutes Libraries as minute 18, before Homelessness (19) and
Community Safety (20), with no reason given, is reported at minute 18 as 'minute 18
(agenda item 8 "Libraries and Neighbourhood Hubs Review - Consultation Proposals") is
taken before agenda items 6 and 7 (minutes 19 and 20), and the minutes give no reason'.
"""

from __future__ import annotations

from collections.abc import Iterator

from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.model import AgendaItem, Minute
from minlint.lint.registry import rule


def _numbers(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]


def _item(item: AgendaItem) -> str:
    """An agenda item as a list names it: its number, or its title in quotes."""
    return item.shown if item.numbered else f'"{item.title}"'


def _numbers_of(item: AgendaItem, minute: Minute) -> set[int]:
    """The numbers an order change may name them by (a place is no number)."""
    return {n.number for n in (item, minute) if n.numbered}


@rule(
    code="G003",
    name="agenda-order",
    category="agenda",
    severity="error",
    summary="Minutes taken in a different order from the agenda without a recorded reason.",
    needs=("agenda",),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.alignment import OUT_OF_ORDER, draft_alignment
    from minlint.lint.facts.order import order_changes

    alignment = draft_alignment(ctx.parsed, ctx.records)
    if alignment is None or not alignment.checkable or ctx.records.agenda is None:
        return
    moved = alignment.of_status(OUT_OF_ORDER)
    if not moved:
        return
    changes = order_changes(alignment.minutes.blocks)
    if any(not c.items for c in changes):
        return  # "the order of business was varied": for every item
    named = {n for c in changes for n in c.items}
    agenda_path = ctx.records.agenda.path
    for link in moved:
        item, minute = link.item, link.minute
        if item is None or minute is None:
            continue
        if _numbers_of(item, minute) & named:
            continue
        crossed = [
            c
            for c in link.crossed
            if c.item is not None
            and c.minute is not None
            and not (_numbers_of(c.item, c.minute) & named)
        ]
        if not crossed:
            continue  # every item it was taken across was moved with a reason
        # Items earlier on the agenda but minuted after it: it was taken before them.
        passed = [c for c in crossed if c.item.line < item.line]  # type: ignore[union-attr]
        waited = [c for c in crossed if c.item.line > item.line]  # type: ignore[union-attr]
        parts = []
        for group, word in ((passed, "before"), (waited, "after")):
            if not group:
                continue
            items = [_item(c.item) for c in group]  # type: ignore[arg-type]
            mins = [c.minute.shown for c in group]  # type: ignore[union-attr]
            noun = "item" if len(items) == 1 else "items"
            mnoun = "minute" if len(mins) == 1 else "minutes"
            where = f" ({mnoun} {_numbers(mins)})" if minute.numbered else ""
            parts.append(f"taken {word} agenda {noun} {_numbers(items)}{where}")
        message = (
            f"{minute.label()} ({item.named(link.title)}) is "
            + " and ".join(parts)
            + ", and the minutes give no reason"
        )
        related = [
            ctx.related(ctx.path, c.minute.line, c.minute.label())  # type: ignore[union-attr]
            for c in crossed
        ]
        for it in sorted([item, *(c.item for c in crossed)], key=lambda i: i.line):  # type: ignore[union-attr]
            related.append(ctx.related(agenda_path, it.line, it.label()))
        yield ctx.finding(minute.line, message, related=related)
