"""Someone takes part in the meeting while not recorded present, or after leaving it.

What it checks: who the minutes say declared an interest, moved or seconded, spoke
("Councillor Dyson asked ...", "Cllr Richards proposed and Cllr Cobb seconded ...") or
took the chair, against who they record at the meeting at that point:

- someone who sent apologies (or is recorded absent) and is not recorded arriving;
- someone who left the meeting and has not re-joined it. A member who leaves for one
  item ("declared an interest and left the meeting during consideration of the item")
  is back for the next, whether or not the minutes say so;
- someone recorded arriving later than the place where they take part;
- a councillor who takes part but is in no attendance list at all, when the minutes
  list who was present;
- someone recorded only as in attendance (a Cabinet Member at the invitation of the
  Chair, an officer) who moves or seconds: they may speak, but do not move or vote.

Names are matched as people ("Councillor J. Sutcliffe" is Councillor Jane Sutcliffe);
a name that is a near spelling of someone present is A002's finding, not this one.
Officers and members of the public who speak are not checked against the lists:
minutes rarely list every officer. Minutes whose attendance the model is unsure of
are not checked.

Why it matters: a mover who had left, a declaration by someone who had sent apologies
or a speaker missing from the attendance puts the record in doubt: either the person
was not there, or the attendance is wrong, and both can matter for the validity of a
decision and for the register of interests.

Example: minutes that say in minute 20 "Councillor Dyson left the meeting at 7.10
p.m." and in minute 22 "Councillor Dyson asked whether the review of allotment
provision could be brought forward" are reported at minute 22: "Councillor Dyson
speaks here but left the meeting earlier and is not recorded re-joining", with the
place where Dyson left as the related location.
"""

from __future__ import annotations

from collections.abc import Iterator

from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.registry import rule

_DOES = {
    "declared": "declares an interest",
    "moved": "moves",
    "seconded": "seconds",
    "spoke": "speaks",
    "chaired": "takes the chair",
}


@rule(
    code="A004",
    name="absent-participant",
    category="attendance",
    severity="error",
    summary="Someone takes part in the meeting while not recorded present, or after leaving.",
    uses=("agenda", "previous", "membership"),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.identity import (
        APOLOGIES,
        ATTENDANCE,
        CHAIR,
        PRESENT,
        attendance_sightings,
        membership_for,
        mention_sightings,
        same_person,
        variant,
    )
    from minlint.lint.facts.participation import (
        MOVED,
        SECONDED,
        absences,
        attending_in_text,
        away_periods,
        participations,
    )

    distance = int(ctx.config.threshold("name-variant-distance"))
    for part in ctx.parsed.minutes:
        if "attendance" in part.uncertain or not part.present:
            continue
        listed = attendance_sightings(part, ctx.path)
        present = [s for s in listed if s.kind in (PRESENT, CHAIR)]
        attending = [s for s in listed if s.kind == ATTENDANCE]
        away = [a for a in absences(part, ctx.path) if not a.for_lateness]
        periods = away_periods(part)
        periods_of: dict[str, list[int]] = {}  # by surname: looked up for each participant
        for k, period in enumerate(periods):
            for surname in {sn for _, sn in period.name.readings}:
                periods_of.setdefault(surname, []).append(k)
        mentions = mention_sightings(part, ctx.path)
        attending += attending_in_text(part, mentions)
        membership = None
        reported: set[tuple[str, int]] = set()
        for p in participations(part, mentions):
            who = p.sighting
            does = _DOES[p.kind]
            here = [s for s in present if same_person(who.name, s.name)]
            there = [s for s in attending if same_person(who.name, s.name)]
            gone = [a.sighting for a in away if same_person(who.name, a.sighting.name)]
            message: str | None = None
            related = []
            severity = None
            if here:
                if len({s.name.text for s in here}) > 1:
                    continue  # two people present could be meant
                mine = sorted({k for _, sn in who.name.readings for k in periods_of.get(sn, ())})
                for period in (periods[k] for k in mine):
                    if not same_person(period.name, who.name):
                        continue
                    if period.arrived and who.line < period.end_line:
                        message = f"{here[0].written} {does} here but is recorded arriving later"
                        related = [ctx.related(ctx.path, period.line, "recorded arriving")]
                        break
                    if (
                        not period.arrived
                        and p.in_person
                        and period.start_line < who.line <= period.end_line
                    ):
                        message = (
                            f"{here[0].written} {does} here but left the meeting earlier and "
                            "is not recorded re-joining"
                        )
                        related = [ctx.related(ctx.path, period.line, "recorded leaving")]
                        break
            elif there:
                if p.kind in (MOVED, SECONDED):
                    message = (
                        f"{there[0].written} {does} here but is recorded in attendance, "
                        "not as a member present"
                    )
                    related = [ctx.related(ctx.path, there[0].line, "recorded in attendance")]
            elif gone:
                if not p.in_person or any(
                    pd.arrived and same_person(pd.name, who.name) for pd in periods
                ):
                    continue
                what = "sent apologies" if gone[0].kind == APOLOGIES else "is recorded absent"
                message = f"{gone[0].written} {does} here but {what}"
                related = [ctx.related(ctx.path, gone[0].line, f"recorded as: {what}")]
            elif who.name.title in ("Councillor", "County Councillor") or p.kind in (
                MOVED,
                SECONDED,
            ):
                if not p.in_person or any(variant(who.name, s.name, distance) for s in listed):
                    continue  # written in, or a misspelling of someone listed (A002)
                if membership is None:
                    membership = membership_for(
                        part, ctx.parsed, ctx.path, ctx.records, ctx.config.membership
                    )
                if membership is not None and any(
                    variant(who.name, m.name, distance) for m in membership.members
                ):
                    continue
                written = who.written if who.name.title else f"Councillor {who.name.text}"
                message = f"{written} {does} here but is not recorded present"
                at = present[0].line if present else part.present[0].line
                related = [ctx.related(ctx.path, at, "the list of those present")] if at else []
                # The attendance list may be what is incomplete: less sure than the rest.
                severity = "warning"
            if message is None:
                continue
            key = (message, who.minute or 0)
            if key in reported:
                continue
            reported.add(key)
            if who.block is not None and who.end > who.start:
                yield ctx.finding(
                    who.line,
                    message,
                    column=who.column,
                    end_line=who.end_line,
                    end_column=who.end_column,
                    related=related,
                    severity=severity,
                )
            else:
                yield ctx.finding(who.line, message, related=related, severity=severity)
