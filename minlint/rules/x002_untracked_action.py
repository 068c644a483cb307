"""A decision asking for future action is missing from the work programme or schedule
that follows it.

What it checks: the resolutions of a set of minutes ("Resolved: That ...", and
decisions proposed, seconded and agreed) that ask for something to be done after the
meeting, against the first work programme and the first recommendations monitoring
schedule of the same body brought up to date after the meeting ("UPDATED: 3 JUNE
2024", or the date of the agenda pack they are part of), within six months of it.

- A decision that something come back to the committee ("a further report be brought
  to the Commission in six months' time", "That the sub-group reports its findings to
  the meeting of 15 October") belongs on the work programme.
- A decision that something be done for members ("circulates to Members a map",
  "provides Members with a written briefing", "That a briefing be circulated") belongs
  on the monitoring schedule.

A decision is tracked when either document quotes it, or has most of its words of
substance together in one place, or two of them that the document uses rarely, or has
the minute's subject (its title's words in one row). It is reported only when the
document of its kind exists, follows the meeting and has none of that. Decisions that
ask nothing further (noting, approving, agreeing the minutes or the work programme,
setting up a group, fixing the next meeting) are never reported; nor are decisions
made after the work programme was last updated.

Why it matters: a work programme or schedule that drops a decision is how a committee
forgets it asked for something: the report never comes back and nobody notices until a
member asks months later.

Example: minutes of 14 May 2024 resolving "(2) That the Assistant Director of Housing
Management provides Members with a written briefing on the time taken to re-let empty
council homes ... within eight weeks", with a monitoring schedule updated on 3 June
2024 that has no row for it, are reported at the resolution as "this decision asks for
action, but the monitoring schedule updated on 3 June 2024 does not track it".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from minlint.lint.context import RuleContext
from minlint.lint.facts.dateformat import show_date
from minlint.lint.findings import Finding
from minlint.lint.lazyre import LazyPattern
from minlint.lint.model import MONITORING_SCHEDULE, WORK_PROGRAMME, Minute, MinutesPart, Part
from minlint.lint.registry import rule

# A work programme or schedule updated more than this after a meeting is not the one
# that follows it: what was done in between may have been struck off.
FOLLOWS_WITHIN = dt.timedelta(days=183)
# A decision is tracked when this share of its words of substance appear in one place.
TRACKED = 0.5
# Or when this many of its words that are rare in the document (in a few rows at most)
# appear in one place: "peer review conducted" names the row of the SEND peer review.
_RARE = 3
_RARE_SHARED = 2

# Something comes back to the committee: a report, an update, findings, a presentation.
_BACK = LazyPattern(
    r"\b(?:(?:further|progress|update|follow[- ]up|annual|final)\s+)?(?:report|update|findings|"
    r"presentation|review|evaluation|outcome)s?\b[^.;]{0,160}?\b(?:be\s+|is\s+)?(?:brought|"
    r"submitted|presented|reported|considered|received|scheduled|added|reviewed)\b"
    r"[^.;]{0,80}?\b(?:to|at|by|before)\s+(?:the\s+|this\s+|a\s+|its\s+)?(?:\w+\s+){0,3}"
    r"(?:commission|committee|panel|board|meeting|sub-?committee)"
    r"|\breports?\s+(?:its\s+|their\s+)?(?:findings\s+)?(?:back\s+)?to\s+(?:the\s+|this\s+)?"
    r"(?:\w+\s+){0,3}(?:commission|committee|panel|board|meeting)"
    r"|\breport\s+back\b",
    re.IGNORECASE,
)
# Something is done for members: circulated, provided, shared, a briefing.
_DONE = LazyPattern(
    r"\b(?:circulates?|circulated|provides?|provided|shares?|shared|sends?|sent|"
    r"supplies|supplied|distributes?|distributed|forwards?|forwarded)\b[^.;]{0,160}?"
    r"\b(?:members?|councillors?|the\s+(?:commission|committee|panel|board))\b"
    r"|\b(?:members?|councillors?)\b[^.;]{0,40}?\b(?:be\s+)?(?:sent|provided|given|supplied)\b"
    r"|\bbriefing\b[^.;]{0,80}?\b(?:be\s+)?(?:circulated|provided|arranged|given|sent|held)\b"
    r"|\b(?:provides?|circulates?|arranges?)\b[^.;]{0,60}?\bbriefing\b",
    re.IGNORECASE,
)
# Decisions that ask nothing further, whatever else they say.
_NOTHING_FURTHER = LazyPattern(
    r"\b(?:minutes\b|next\s+meeting|work\s*programme|monitoring\s+schedule|"
    r"be\s+(?:set\s+up|established|appointed|formed|constituted)|exclu\w+\s+(?:of\s+)?the\s+press)",
    re.IGNORECASE,
)
_WORD = LazyPattern(r"[a-z]{3,}")
_COMMON = frozenset(
    "that the and for with from this those these its their was were been being has have "
    "had are would will could should shall may be by to of in on at as an or a members "
    "member commission committee panel board council report reports update meeting "
    "further officer officers head director assistant service services resolved within "
    "weeks months time provides provide circulates circulate shares share written "
    "briefing brought presented submitted".split()
)


@dataclass(frozen=True, slots=True)
class Tracker:
    """A work programme or schedule that follows the meeting."""

    kind: str
    path: str
    part: Part
    updated: dt.date


def _words(text: str) -> set[str]:
    return {w[:6] for w in _WORD.findall(text.lower()) if w not in _COMMON}


def _whole_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _COMMON}


def _units(part: Part) -> list[str]:
    """The part's paragraphs, with a table kept in one paragraph split into its rows."""
    from minlint.lint.extract.common import source_lines

    out: list[str] = []
    for b in part.blocks:
        out.extend(source_lines(b) if " | " in b.text else [b.text])
    return out


def action_kind(text: str) -> str | None:
    """The document a decision's action belongs on (WORK_PROGRAMME or MONITORING_SCHEDULE),
    or None when it asks for nothing further."""
    if _NOTHING_FURTHER.search(text):
        return None
    if _BACK.search(text):
        return WORK_PROGRAMME
    if _DONE.search(text):
        return MONITORING_SCHEDULE
    return None


def _trackers(ctx: RuleContext, part: MinutesPart) -> dict[str, Tracker]:
    """The first work programme and the first schedule updated after the meeting."""
    from minlint.lint.facts.meetings import updated

    assert part.date is not None
    candidates: list[Tracker] = []
    own = [(ctx.path, p, None) for p in ctx.parsed.parts]
    for path, p, fallback in [
        *(x for x in own),
        *((r.path, r.part, r.date) for r in ctx.records.work_programmes),
        *((r.path, r.part, r.date) for r in ctx.records.monitoring_schedules),
    ]:
        if p.kind not in (WORK_PROGRAMME, MONITORING_SCHEDULE):
            continue
        if fallback is None and path == ctx.path:
            fallback = next((m.date for m in ctx.parsed.agendas if m.date), None)
        when = updated(p, fallback)
        if when is not None and part.date < when <= part.date + FOLLOWS_WITHIN:
            candidates.append(Tracker(p.kind, path, p, when))
    out: dict[str, Tracker] = {}
    for t in sorted(candidates, key=lambda t: (t.updated, t.path, t.part.start_line)):
        out.setdefault(t.kind, t)
    return out


def _tracked(text: str, minute: Minute, tracker: Tracker) -> bool:
    wanted = _words(text)
    whole = _whole_words(text)
    subject = _words(minute.title)
    units = _units(tracker.part)
    in_units: dict[str, int] = {}
    for u in units:
        for w in _whole_words(u):
            in_units[w] = in_units.get(w, 0) + 1
    for k in range(len(units)):
        window = " ".join(units[k : k + 4])
        if wanted and len(wanted & _words(window)) >= TRACKED * len(wanted):
            return True
        shared = whole & _whole_words(window)
        if len([w for w in shared if in_units.get(w, 0) <= _RARE]) >= _RARE_SHARED:
            return True
        row = _words(units[k])
        if len(subject) >= 2 and subject <= row:
            return True
    return False


_NAMES = {WORK_PROGRAMME: "work programme", MONITORING_SCHEDULE: "monitoring schedule"}


def part_findings(ctx: RuleContext, part: MinutesPart) -> Iterator[Finding]:
    if part.date is None or "date" in part.uncertain or "decisions" in part.uncertain:
        return
    trackers = _trackers(ctx, part)
    if not trackers:
        return
    for minute in part.items:
        for r in minute.resolutions:
            if r.form not in ("resolved", "proposal"):
                continue
            kind = action_kind(r.text)
            tracker = trackers.get(kind) if kind else None
            if tracker is None or any(_tracked(r.text, minute, t) for t in trackers.values()):
                continue
            name = _NAMES[tracker.kind]
            where = tracker.part.blocks[0].line if tracker.part.blocks else tracker.part.start_line
            yield ctx.finding(
                r.line,
                f"this decision asks for action, but the {name} updated on "
                f"{show_date(tracker.updated)} does not track it",
                end_line=r.end_line,
                related=[
                    ctx.related(
                        tracker.path, where, f"the {name} updated on {show_date(tracker.updated)}"
                    )
                ],
            )


@rule(
    code="X002",
    name="untracked-action",
    category="record",
    severity="error",
    summary="A resolution asking for future action is absent from the work programme or "
    "monitoring schedule that follows it.",
    uses=("work_programme", "monitoring_schedule"),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    for part in ctx.parsed.minutes:
        yield from part_findings(ctx, part)
