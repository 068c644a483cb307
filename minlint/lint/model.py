"""The meeting model: what a document says, extracted from its blocks.

A file is split into parts (agenda, minutes, report, work programme, monitoring
schedule, other); agenda and minutes parts carry the structure that rules check.
Every element keeps the source line where it was read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from minlint.lint.blocks import Block, Document

AGENDA = "agenda"
MINUTES = "minutes"
REPORT = "report"
WORK_PROGRAMME = "work_programme"
MONITORING_SCHEDULE = "monitoring_schedule"
OTHER = "other"
PART_KINDS = (AGENDA, MINUTES, REPORT, WORK_PROGRAMME, MONITORING_SCHEDULE, OTHER)


@dataclass(slots=True)
class Person:
    """A person as written, without the honorific: "Cusworth", "Julie Turner"."""

    name: str
    title: str | None = None  # Councillor, Mr, Mrs, Ms, Dr ...
    role: str | None = None  # chair, vice-chair, member, co-opted, or an officer's post
    line: int | None = None


@dataclass(slots=True)
class Resolution:
    """A decision, or one part of it.

    ``form`` says how the minutes record it: "resolved" ("Resolved: That ..."), "agreed"
    ("It was agreed that ...", "Agreed:"), "proposal" ("proposed by X, seconded by Y and
    agreed"), "noted" ("The report was noted"). ``mover`` and ``seconder`` are the names
    given for a proposal.
    """

    number: str | None  # "1", "a", "•" counted as "1".."n"; None for a single one
    text: str
    line: int
    end_line: int
    form: str = "resolved"
    mover: str | None = None
    seconder: str | None = None


@dataclass(slots=True)
class Movement:
    """Someone leaving, re-joining, arriving at or taking the chair of the meeting."""

    name: str
    action: str  # left | rejoined | arrived | took_chair
    line: int
    minute: int | None = None


@dataclass(slots=True)
class NextMeeting:
    """The date and time of the next meeting, as the minutes or agenda give them."""

    date: dt.date | None
    time: str | None
    line: int
    text: str = ""


@dataclass(slots=True)
class Minute:
    """One minute: its number and title, where it is, its blocks after the title and the
    resolutions among them. In minutes written without numbers (``numbered`` False) the
    number is the minute's place, 1 for the first."""

    number: int
    title: str
    line: int
    end_line: int
    blocks: list[Block] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    numbered: bool = True
    written: str = ""  # the number as written when it is not in figures: "IV", "24/101"

    @property
    def shown(self) -> str:
        """The number as the minutes write it."""
        return self.written or str(self.number)

    def label(self) -> str:
        """The minute as messages name it: "minute 12", or 'the minute "Planning"'."""
        return f"minute {self.shown}" if self.numbered else f'the minute "{self.title}"'

    def named(self) -> str:
        """The minute with its title: 'minute 12 "Planning"', or 'the minute "Planning"'."""
        return f'minute {self.shown} "{self.title}"' if self.numbered else self.label()


@dataclass(slots=True)
class AgendaItem:
    """One numbered item of an agenda, with the pages of its papers when the agenda
    gives them."""

    number: int
    title: str
    line: int
    pages: str | None = None
    written: str = ""  # the number as written when it is not in figures: "IV"
    numbered: bool = True  # False in an agenda without numbers: ``number`` is the place

    @property
    def shown(self) -> str:
        """The number as the agenda writes it."""
        return self.written or str(self.number)

    def label(self, title: str | None = None) -> str:
        """The item as messages name it: "agenda item 4", or 'agenda item "Finance"' when
        the agenda has no numbers (``title``: its whole title, when the model's is cut)."""
        if self.numbered:
            return f"agenda item {self.shown}"
        return f'agenda item "{title or self.title}"'

    def named(self, title: str | None = None) -> str:
        """The item with its title: 'agenda item 4 "Finance"', 'agenda item "Finance"'."""
        if self.numbered:
            return f'agenda item {self.shown} "{title or self.title}"'
        return self.label(title)


@dataclass(slots=True)
class Part:
    """A part of a file: the whole file when it is just minutes, or one part of a pack."""

    kind: str
    start_line: int
    end_line: int
    title: str = ""
    blocks: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class MeetingPart(Part):
    """What agendas and minutes share: the meeting, and how sure the model is of it.

    ``date_source`` is "text" when the date is written in the part, "file name" when it
    was taken from the file's name as a last resort. ``uncertain`` names the fields whose
    reading is in doubt ("numbering", "attendance", "date"); rules that depend on them stay
    silent. ``notes`` say in words what could not be read, and why.
    """

    body: str | None = None
    date: dt.date | None = None
    date_line: int | None = None
    date_source: str | None = None
    time: str | None = None
    venue: str | None = None
    language: str = "en"
    uncertain: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    next_meeting: NextMeeting | None = None


@dataclass(slots=True)
class MinutesPart(MeetingPart):
    """A set of minutes: attendance, the numbered minutes, and people who came or
    left during the meeting."""

    chair: Person | None = None
    present: list[Person] = field(default_factory=list)
    apologies: list[Person] = field(default_factory=list)
    in_attendance: list[Person] = field(default_factory=list)
    items: list[Minute] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)

    @property
    def numbered(self) -> bool:
        """False for minutes written without numbers, read by their headings."""
        return not self.items or self.items[0].numbered


@dataclass(slots=True)
class AgendaPart(MeetingPart):
    """An agenda: the membership it lists, the number of members it states, and its
    numbered items."""

    membership: list[Person] = field(default_factory=list)
    stated_count: int | None = None
    items: list[AgendaItem] = field(default_factory=list)

    @property
    def numbered(self) -> bool:
        """False for an agenda written without numbers."""
        return not self.items or self.items[0].numbered


@dataclass(slots=True)
class ParsedDocument:
    """A file read into blocks and split into its parts, each with its model."""

    document: Document
    parts: list[Part]

    @property
    def minutes(self) -> list[MinutesPart]:
        return [p for p in self.parts if isinstance(p, MinutesPart)]

    @property
    def agendas(self) -> list[AgendaPart]:
        return [p for p in self.parts if isinstance(p, AgendaPart)]


def _date(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _person(p: Person) -> dict[str, Any]:
    out: dict[str, Any] = {"name": p.name}
    if p.title:
        out["title"] = p.title
    if p.role:
        out["role"] = p.role
    if p.line is not None:
        out["line"] = p.line
    return out


def _next(n: NextMeeting | None) -> dict[str, Any] | None:
    if n is None:
        return None
    return {"date": _date(n.date), "time": n.time, "line": n.line}


def _resolution(r: Resolution) -> dict[str, Any]:
    out: dict[str, Any] = {
        "number": r.number,
        "text": r.text,
        "line": r.line,
        "end_line": r.end_line,
        "form": r.form,
    }
    if r.mover:
        out["mover"] = r.mover
    if r.seconder:
        out["seconder"] = r.seconder
    return out


def part_to_json(part: Part) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": part.kind,
        "start_line": part.start_line,
        "end_line": part.end_line,
        "title": part.title,
    }
    if isinstance(part, MeetingPart):
        out.update(
            body=part.body,
            date=_date(part.date),
            date_source=part.date_source,
            time=part.time,
            venue=part.venue,
            language=part.language,
        )
        if part.uncertain:
            out["uncertain"] = list(part.uncertain)
        if part.notes:
            out["notes"] = list(part.notes)
    if isinstance(part, MinutesPart):
        out.update(
            chair=_person(part.chair) if part.chair else None,
            present=[_person(p) for p in part.present],
            apologies=[_person(p) for p in part.apologies],
            in_attendance=[_person(p) for p in part.in_attendance],
            items=[
                {
                    "number": m.number,
                    "title": m.title,
                    "line": m.line,
                    "end_line": m.end_line,
                    "resolutions": [_resolution(r) for r in m.resolutions],
                    **({} if m.numbered else {"numbered": False}),
                    **({"written": m.written} if m.written else {}),
                }
                for m in part.items
            ],
            movements=[
                {"name": m.name, "action": m.action, "line": m.line, "minute": m.minute}
                for m in part.movements
            ],
            next_meeting=_next(part.next_meeting),
        )
    elif isinstance(part, AgendaPart):
        out.update(
            stated_count=part.stated_count,
            membership=[_person(p) for p in part.membership],
            items=[
                {
                    "number": i.number,
                    "title": i.title,
                    "line": i.line,
                    "pages": i.pages,
                    **({"written": i.written} if i.written else {}),
                    **({} if i.numbered else {"numbered": False}),
                }
                for i in part.items
            ],
            next_meeting=_next(part.next_meeting),
        )
    return out


def to_json(parsed: ParsedDocument) -> dict[str, Any]:
    """The JSON form of ``minlint parse`` (see ``schemas/meeting.schema.json``)."""
    doc = parsed.document
    out: dict[str, Any] = {
        "path": doc.path,
        "format": doc.format,
        "parts": [part_to_json(p) for p in parsed.parts],
    }
    if doc.notices:
        out["notices"] = list(doc.notices)
    return out
