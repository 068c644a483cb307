"""An agenda item has no minute.

What it checks: the items of the agenda of the draft's meeting (named with --agenda,
found among the records by body and date, or the agenda part of a pack) against the
draft's minutes, aligned as ``minlint parse --agenda`` shows: by number where agenda
and minutes share their numbering, otherwise by title and order (as for an agenda or
minutes written without numbers, whose items are named by their titles: 'agenda item
"Highways and verges" has no minute'). An agenda item that no minute records is reported
in the draft, where its minute would have been, with the agenda item as the related
place.

Not reported:

- an item recorded without a minute of its own: the apologies in the attendance at the
  head of the minutes, declarations of interest or the approval of the minutes recorded
  there, the date of the next meeting given in the closing lines;
- standing items that minutes leave out when nothing arose: urgent business, any other
  business, exclusion of the press and public, the call to order or adjournment (unless
  the minutes are numbered as the agenda and skip its number: then a warning);
- an item minuted under another title, or out of its order (G003's business), when an
  alignment is plausible: a similar title, or the one item and the one minute left
  between the same two matched neighbours;
- an agenda that is plainly another meeting's (another body, dates two months apart,
  the agenda of the meeting before or after, fewer than half its items minuted), and
  an agenda whose items, or minutes whose numbering, the model could not read for sure
  (``uncertain`` holds "items" or "numbering").

Procedural items that minutes sometimes leave out when there was nothing to record
(questions from the public, communications, correspondence, matters arising) are
reported as warnings.

Why it matters: the agenda is the business the meeting was called to transact, and the
minutes are its record. An item with no minute is either business that was not taken
(which the minutes should say: withdrawn, deferred) or a minute lost while the draft
was edited.

Example: with the agenda

    10. Recommendations Monitoring Schedule (Page 46)
    11. Sub-Group Updates (Page 47)
    12. Urgent Business

and a draft whose minute 23 is the monitoring schedule and minute 25 urgent business,
the draft is reported at minute 25 as 'agenda item 11 "Sub-Group Updates" has no
minute; it would come between minutes 23 and 25', with agenda item 11 as the related
place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.model import Minute
from minlint.lint.registry import rule

if TYPE_CHECKING:
    from minlint.lint.facts.alignment import Link


def _neighbours(links: list[Link], k: int) -> tuple[Minute | None, Minute | None]:
    """The minutes of agenda items before and after position ``k`` of the alignment."""
    before = next((x.minute for x in reversed(links[:k]) if x.minute and x.item), None)
    after = next((x.minute for x in links[k + 1 :] if x.minute and x.item), None)
    return before, after


@rule(
    code="G001",
    name="agenda-item-not-minuted",
    category="agenda",
    severity="error",
    summary="An agenda item has no minute.",
    needs=("agenda",),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts import items as kinds
    from minlint.lint.facts.alignment import MISSING, draft_alignment

    alignment = draft_alignment(ctx.parsed, ctx.records)
    if alignment is None or not alignment.checkable or ctx.records.agenda is None:
        return
    agenda_path = ctx.records.agenda.path
    minutes = alignment.minutes
    for k, link in enumerate(alignment.links):
        if link.status != MISSING or link.item is None:
            continue
        item = link.item
        before, after = _neighbours(alignment.links, k)
        message = f"{item.named(link.title)} has no minute"
        if after is not None and before is not None:
            line = after.line
            if after.numbered:
                message += f"; it would come between minutes {before.shown} and {after.shown}"
            else:
                message += f"; it would come between {before.label()} and {after.label()}"
        elif after is not None:
            line = after.line
            message += f"; it would come before {after.label()}"
        elif before is not None:
            line = max([before.line, *(b.end_line for b in before.blocks)])
            message += f"; it would come after {before.label()}"
        else:
            line = minutes.start_line
        severity = None
        kind = kinds.item_kind(item.title)
        if link.note:
            severity = "warning"
            message += f" ({link.note})"
        elif kind in kinds.PROCEDURAL and kind not in (
            kinds.APOLOGIES,
            kinds.DECLARATIONS,
            kinds.NEXT_MEETING,
        ):
            severity = "warning"
            message += " (a procedural item: minutes sometimes leave it out when nothing arose)"
        related = [ctx.related(agenda_path, item.line, item.label(link.title))]
        yield ctx.finding(line, message, related=related, severity=severity)
