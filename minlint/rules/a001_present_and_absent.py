"""A person is recorded both present and giving apologies (or absent).

What it checks: every set of minutes in the file (a draft, or the minutes an agenda
pack attaches): the people recorded present, the chair among them, against those
recorded as sending apologies or as absent, wherever the minutes record them: the
header's "Apologies for absence:" line, an apologies item ("3623. To receive
apologies for absence: Cllrs Evans & Shewell"), or a sentence in a minute ("Apologies
for absence were received from Councillor X"). "Councillors X" before a single name is
how many minutes write it: one person.

Names are compared as people: "Councillor J. Sutcliffe" is "Councillor Jane Sutcliffe",
but "Collins (B)" is not "Collins (J)". An apology is reported only when it names one
person the minutes know: a bare "Councillor Davies" among four Councillors Davies is
not. Not reported: apologies for arriving late or leaving early, and a member who sent
apologies and is recorded arriving later; apologies recorded in an item about an
earlier meeting's minutes. The rule says nothing where the model is unsure of the
attendance.

Why it matters: the attendance is the record of who took the decisions, and it counts
towards the quorum and towards members' attendance records. A member both present
and absent is usually a draft made from the last meeting's minutes, or a name moved
from one list to the other and not deleted.

Example: minutes headed

    Present:  Cllr Mawdsley (in the chair), Cllrs Parker, Snell, Ashman, Shewell & Morrison.
    ...
    3623.  To receive apologies for absence:  Cllrs Evans & Shewell.

are reported at "Shewell" in minute 3623: "Councillor Shewell is recorded present and
also as sending apologies", with the Present list as the related place.
"""

from __future__ import annotations

from collections.abc import Iterator

from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.registry import rule


def _present_at(name_text: str) -> str:
    return f"recorded present: {name_text}"


@rule(
    code="A001",
    name="present-and-absent",
    category="attendance",
    severity="error",
    summary="A person is recorded both present and giving apologies (or absent).",
    uses=("agenda", "previous", "membership"),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.identity import (
        APOLOGIES,
        CHAIR,
        PRESENT,
        attendance_sightings,
        distinct_people,
        membership_for,
        same_person,
    )
    from minlint.lint.facts.participation import absences

    for part in ctx.parsed.minutes:
        if "attendance" in part.uncertain or not part.present:
            continue
        listed = attendance_sightings(part, ctx.path)
        present = [s for s in listed if s.kind in (PRESENT, CHAIR)]
        arrived = [mv for mv in part.movements if mv.action == "arrived"]
        away = absences(part, ctx.path)
        if not any(same_person(a.sighting.name, s.name) for a in away for s in present):
            continue
        membership = membership_for(part, ctx.parsed, ctx.path, ctx.records, ctx.config.membership)
        known = present + list(membership.members if membership else ())
        people = distinct_people(known)
        reported: set[str] = set()
        for absence in away:
            if absence.for_lateness:
                continue
            who = absence.sighting
            matches = [s for s in present if same_person(who.name, s.name)]
            if not matches:
                continue
            # One person, or the apology could be another's of the same name.
            candidates = [g for g in people if any(same_person(who.name, s.name) for s in g)]
            if len(candidates) != 1:
                continue
            if any(_same_name(mv.name, who) for mv in arrived):
                continue  # sent apologies, then came: the apology was for part of it
            there = matches[0]
            key = there.name.text
            if key in reported:
                continue
            reported.add(key)
            what = "sending apologies" if absence.kind == APOLOGIES else "absent"
            message = f"{there.written} is recorded present and also as {what}"
            if there.name.text != who.name.text:
                message += f' ("{who.written}")'
            related = [ctx.related(ctx.path, there.line, _present_at(there.written))]
            if who.block is not None:
                yield ctx.finding_at(who.block, who.start, who.end, message, related=related)
            else:
                yield ctx.finding(who.line, message, related=related)


def _same_name(moved: str, who) -> bool:
    from minlint.lint.facts.identity import parse_name, same_person

    name = parse_name(moved, "Councillor")
    return name is not None and same_person(name, who.name)
