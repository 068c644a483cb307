"""Someone recorded present as a member is not on the body's membership.

What it checks: the people each set of minutes records as present (the chair among
them) against the membership known for the meeting: the configuration's
``membership`` file, the agenda of the meeting (or, for the minutes an agenda pack
attaches, the pack's agenda when it is of the same municipal year), together with
those recorded present or sending apologies at the body's earlier meetings of the same
municipal year. The message says where the membership came from.

It runs only when a membership list is known (a file or an agenda): earlier minutes
alone miss the members who neither came nor sent apologies. Not reported:

- substitutes recorded as such ("Councillor X (substitute for Councillor Y)",
  "... attended as a substitute"), and people recorded as in attendance rather than
  present (Cabinet Members at the invitation of the Chair, officers);
- a county councillor present at a community or parish council whose members are
  councillors of that council;
- a name that nearly matches a member ("Phillips"/"Philips"): that is A002's finding;
- minutes whose attendance the model is unsure of.

An agenda whose stated count ("(18)") is more than the names read has two names run
together ("Marles Marriott"): each word then counts as a member's name.

Why it matters: only members vote, count towards the quorum and may move or second.
A non-member in the Present list is a name carried over from another committee's
minutes, a substitute not recorded as one, or a misread list; each makes the record
of who decided wrong.

Example: a draft whose Present list includes "Councillor Gledhill", checked with
``--agenda`` against an agenda whose membership does not name Gledhill, is reported
at "Gledhill": "Councillor Gledhill is recorded present but is not in the membership in
the agenda of 11 June 2024".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minlint.lint import regexstore as rx
from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.registry import rule

_SUBSTITUTE = rx.compile(r"\bsubstitut|\bdeputis|\bin\s+place\s+of\b|\bex[\s-]officio\b", re.I)
_COUNCILLOR = frozenset({"Councillor", "County Councillor", "Alderman"})


@rule(
    code="A003",
    name="not-a-member",
    category="attendance",
    severity="error",
    summary="Someone recorded present as a member is not on the body's membership.",
    uses=("agenda", "previous", "membership"),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.facts.identity import (
        CHAIR,
        MEMBERSHIP,
        PRESENT,
        attendance_sightings,
        membership_for,
        same_person,
        variant,
    )

    distance = int(ctx.config.threshold("name-variant-distance"))
    for part in ctx.parsed.minutes:
        if "attendance" in part.uncertain or not part.present:
            continue
        membership = membership_for(part, ctx.parsed, ctx.path, ctx.records, ctx.config.membership)
        if membership is None or not membership.explicit:
            continue
        members = membership.members
        titles = {m.name.title for m in members if m.kind == MEMBERSHIP}
        header = " ".join(
            b.text for b in part.blocks if b.line < (part.items[0].line if part.items else 10**9)
        )
        for s in attendance_sightings(part, ctx.path):
            if s.kind not in (PRESENT, CHAIR):
                continue
            if any(same_person(s.name, m.name) for m in members):
                continue
            if any(variant(s.name, m.name, distance) for m in members):
                continue  # a spelling of a member's name (A002)
            if _substitute(s, header):
                continue
            if s.name.title == "County Councillor" and "County Councillor" not in titles:
                continue
            if (
                s.name.title not in _COUNCILLOR
                and s.name.title is not None
                and not any(m.role == "co-opted" for m in members)
            ):
                continue  # a member of the public or an officer in the list
            message = f"{s.written} is recorded present but is not in {_join(membership.sources)}"
            related = [ctx.related(path, line, what) for path, line, what in membership.places]
            if s.block is not None:
                yield ctx.finding(
                    s.line,
                    message,
                    column=s.column,
                    end_line=s.end_line,
                    end_column=s.end_column,
                    related=related,
                )
            else:
                yield ctx.finding(s.line, message, related=related)


def _substitute(s, header: str) -> bool:
    if s.role and _SUBSTITUTE.search(s.role):
        return True
    # "Councillor X attended as a substitute", "substituting: Councillor X".
    surname = re.escape(s.name.surname_text.split()[0])
    sub = f"(?:{_SUBSTITUTE.pattern})"
    return bool(
        re.search(rf"\b{surname}\b[^.;()]{{0,60}}{sub}", header, re.I)
        or re.search(rf"{sub}\w*\s*:?\s*(?:Councillors?\s+|Cllrs?\.?\s+)?{surname}\b", header, re.I)
    )


def _join(items: tuple[str, ...]) -> str:
    if len(items) <= 1:
        return items[0] if items else "the membership"
    return ", ".join(items[:-1]) + " or " + items[-1]
