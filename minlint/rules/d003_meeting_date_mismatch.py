"""The minutes are dated differently from the agenda of the same meeting.

What it checks: the date at the head of a draft's minutes against the date of the
meeting's agenda. An agenda found among the records by body and date always has the
draft's date, so in practice the rule runs when the agenda is named with --agenda:
the user says that this is the agenda of the meeting the draft records. The finding is
at the draft's date, with the agenda's date as the related place. A draft that is
itself an agenda pack is not checked (its attached minutes are of earlier meetings).

It stays silent when the named agenda is plainly another meeting's, since that is a
wrong file rather than a wrong date:

- the two bodies are both known and differ;
- the agenda of the meeting before or after this one: the agenda gives this draft's
  date as its next meeting, or presents the minutes of this draft's date (or of a later
  meeting) for approval;
  or the draft gives the agenda's date as its next meeting, or as the date of the
  previous meeting whose minutes it approves;
- no agenda item is plainly among the minutes (none shares half of its title's words
  with a minute's title), when the draft has three minutes or more;
- minutes of an adjourned (or reconvened) meeting, against the agenda of an earlier
  meeting: the adjourned meeting goes on with that agenda's business;
- the dates are more than 60 days apart, unless only the year differs, by one. A
  wrong date in a draft is a slip of a day, a week or a month (the day the minutes were
  typed up, a date left from the last meeting's template); an agenda two months or more
  away is the agenda of another meeting, named by mistake, and the item-by-item
  comparison of agenda and minutes shows that better than a date can. A draft dated
  "7 March 2023" for the agenda of 7 March 2024 is the old year typed from habit, and
  is reported, saying that only the year differs.

Either document may be the wrong one, so the message gives both dates; a draft or an
agenda without a date in its text (none, or only in the file's name) is not checked, nor
an agenda whose date is the one it gives for its next meeting or for the minutes it
presents (its own date was not found).

Why it matters: the date at the head of the minutes is how they are filed, found,
approved and cited ("the minutes of the meeting held on ..."); minutes carrying the
date they were typed up, or last month's date left from a template, misfile the
record and make the next meeting approve minutes of a meeting that never took place.

Example: a draft headed

    PLANNING AND REGULATION COMMITTEE
    Thursday, 14th March, 2024

checked with --agenda against the committee's agenda whose "Date and Time :-" line
reads "Thursday, 7 March 2024 at 2.00 p.m." is reported as "the minutes are dated 14
March 2024, but the agenda of this meeting gives 7 March 2024". Checked against the
committee's agenda of a meeting three years earlier, or against the agenda of
4 April 2024 whose item 2 presents these minutes, nothing is reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from minlint.lint import regexstore as rx
from minlint.lint.blocks import Block
from minlint.lint.context import RuleContext
from minlint.lint.facts.dateformat import show_date
from minlint.lint.findings import Finding
from minlint.lint.model import AgendaPart, MinutesPart
from minlint.lint.records import body_key, primary_part
from minlint.lint.registry import rule

# Dates further apart than this are two meetings, not one meeting dated wrongly.
SAME_MEETING_DAYS = 60


def _same_body(a: str | None, b: str | None) -> bool | None:
    """Whether two bodies are the same; None when either is not known."""
    ka, kb = body_key(a), body_key(b)
    if ka is None or kb is None:
        return None
    return ka == kb or ka in kb or kb in ka


def _previous_meeting_dates(minutes: MinutesPart) -> set[dt.date]:
    """Dates the draft gives for the earlier meetings whose minutes it approves."""
    from minlint.lint.facts.approvals import approved_minutes

    return {m.date for m in approved_minutes(minutes)}


def _dates_of_minutes_presented(agenda: AgendaPart) -> set[dt.date]:
    """Dates written in the agenda's items about minutes ("Minutes of the previous
    meeting held on 14 May 2024"); a date without a year is the one before the agenda's."""
    from minlint.lint.facts.approvals import approved_minutes

    return {m.date for m in approved_minutes(agenda)}


def credible(agenda: AgendaPart) -> bool:
    """Whether the agenda's date can be its meeting's: not the date it gives for its next
    meeting, nor that of the minutes it presents (an agenda without a "Date:" line may
    have been given one of those)."""
    if agenda.next_meeting is not None and agenda.next_meeting.date == agenda.date:
        return False
    return agenda.date not in _dates_of_minutes_presented(agenda)


_ADJOURNED = rx.compile(r"\b(?:adjourned|reconvened)\s+(?:\w+\s+){0,2}meeting\b", re.I)


def _header(minutes: MinutesPart) -> str:
    """The text before the first minute: the title, date and attendance."""
    first = minutes.items[0].line if minutes.items else minutes.end_line + 1
    return " ".join(b.text for b in minutes.blocks if b.line < first)[:2000]


_WORD = rx.compile(r"[a-z]{3,}")
# Words every agenda uses: titles that share only these say nothing of the business.
_COMMON = frozenset(
    "the and for with from that this minutes meeting report reports update updates item items "
    "apologies declarations interest any other business date next correspondence finance "
    "financial planning question questions motion motions notice notices matters arising "
    "welcome announcements communications chair chairman police public forum consultation "
    "accounts payment payments submitted councillor councillors receive consider approve "
    "discuss adoption confirm previous".split()
)


def _words(title: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(title.lower()) if w not in _COMMON)


def _share_business(minutes: MinutesPart, agenda: AgendaPart) -> bool:
    """Whether some agenda item is plainly among the minutes (half its title's words, or
    more, in a minute's title); True when there is too little to tell."""
    titled = [w for w in (_words(i.title) for i in agenda.items) if w]
    if len(minutes.items) < 3 or not titled:
        return True
    minuted = [_words(m.title) for m in minutes.items]
    return any(len(w & m) >= max(1, len(w) / 2, min(2, len(w))) for w in titled for m in minuted)


def another_meeting(minutes: MinutesPart, agenda: AgendaPart) -> bool:
    """Whether the agenda is plainly that of a meeting other than the draft's."""
    assert minutes.date is not None and agenda.date is not None
    if _same_body(minutes.body, agenda.body) is False:
        return True
    year_only = (minutes.date.month, minutes.date.day) == (agenda.date.month, agenda.date.day)
    if year_only and abs(minutes.date.year - agenda.date.year) == 1:
        return False  # the old year typed from habit
    if agenda.date < minutes.date and _ADJOURNED.search(_header(minutes)):
        return True  # an adjourned meeting goes on with an earlier meeting's agenda
    if agenda.next_meeting is not None and agenda.next_meeting.date == minutes.date:
        return True  # the agenda of the meeting before
    if minutes.next_meeting is not None and minutes.next_meeting.date == agenda.date:
        return True  # the agenda of the meeting after
    if agenda.date in _previous_meeting_dates(minutes):
        return True  # the agenda of the meeting whose minutes this one approves
    if not _share_business(minutes, agenda):
        return True  # no item of the agenda is minuted: another body's or meeting's agenda
    presented = _dates_of_minutes_presented(agenda)
    if minutes.date in presented:
        return True  # the agenda of a later meeting, which presents these minutes
    if any(d > minutes.date for d in presented):
        return True  # an agenda that presents minutes later than the draft's meeting
    if any(d >= agenda.date for d in _previous_meeting_dates(minutes)):
        return True  # a draft that approves minutes as late as the agenda's meeting
    return abs((minutes.date - agenda.date).days) > SAME_MEETING_DAYS


def _date_span(minutes: MinutesPart) -> tuple[Block, int, int] | None:
    """The block and characters of the minutes' date, where it can be found."""
    from minlint.lint.facts.dates import find_dates

    for block in minutes.blocks:
        if block.line != minutes.date_line:
            continue
        for fact in find_dates(block.text):
            if fact.date == minutes.date:
                return block, fact.start, fact.end
    return None


@rule(
    code="D003",
    name="meeting-date-mismatch",
    category="date",
    severity="error",
    summary="The minutes are dated differently from the agenda of the same meeting.",
    needs=("agenda",),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    minutes = primary_part(ctx.parsed)
    record = ctx.records.agenda
    if not isinstance(minutes, MinutesPart) or record is None:
        return
    agenda = record.part
    if not isinstance(agenda, AgendaPart):
        return
    if minutes.date is None or agenda.date is None or minutes.date == agenda.date:
        return
    if "date" in minutes.uncertain or "date" in agenda.uncertain:
        return  # a date taken from a file's name is not the document's to be wrong about
    if not credible(agenda) or another_meeting(minutes, agenda):
        return
    message = (
        f"the minutes are dated {show_date(minutes.date)}, "
        f"but the agenda of this meeting gives {show_date(agenda.date)}"
    )
    if minutes.date.year != agenda.date.year and (minutes.date.month, minutes.date.day) == (
        agenda.date.month,
        agenda.date.day,
    ):
        message += " (only the year differs)"
    related = [
        ctx.related(
            record.path,
            agenda.date_line or agenda.start_line,
            f"the agenda's date: {show_date(agenda.date)}",
        )
    ]
    span = _date_span(minutes)
    if span is not None:
        block, start, end = span
        yield ctx.finding_at(block, start, end, message, related=related)
    else:
        yield ctx.finding(minutes.date_line or minutes.start_line, message, related=related)
