"""What the report page shows, built from a check of one draft (no HTML here).

The page has the draft's lines section by section (its parts, and in minutes its opening
and each minute), every finding placed at its line with its span marked, the records
that related places point into (the lines around each place, and the whole agenda for
the alignment), the agenda alignment, the decisions, and with an earlier version the
redline. Elements are identified by stable ids: ``L12`` a line of the draft, ``R2L40``
line 40 of the second record, ``F3`` the third finding in the order of ``minlint check``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from minlint.lint import regexstore as rx
from minlint.lint.findings import CATEGORIES, ERROR, INFO, SEVERITIES, WARNING, FileError, Finding
from minlint.lint.model import (
    MONITORING_SCHEDULE,
    WORK_PROGRAMME,
    AgendaPart,
    MeetingPart,
    MinutesPart,
    ParsedDocument,
    Part,
)

if TYPE_CHECKING:
    from minlint.lint.diff.align import DocumentDiff
    from minlint.lint.engine import CheckResult, FileMatch
    from minlint.lint.facts.alignment import Alignment
    from minlint.lint.records import Record, Records
    from minlint.lint.registry import Rule

# A finding spanning more lines than this has only its first line marked, and its box
# placed after that line, so the message stays next to where the finding starts.
MAX_SPAN = 6
# Lines of a record shown before and after each place a finding points to.
CONTEXT = 3
# Excerpts of a record closer than this many lines are shown as one.
JOIN = 2 * CONTEXT + 2

RANK = {ERROR: 0, WARNING: 1, INFO: 2}
ICONS = {ERROR: "✖", WARNING: "▲", INFO: "●"}
PART_NAMES = {
    "agenda": "Agenda",
    "minutes": "Minutes",
    "report": "Report",
    WORK_PROGRAMME: "Work programme",
    MONITORING_SCHEDULE: "Monitoring schedule",
    "other": "Other",
}
FORMS = {
    "resolved": "Resolved",
    "agreed": "Agreed",
    "approved": "Approved",
    "noted": "Noted",
    "proposal": "Moved and agreed",
}
# Control characters (a PDF's form feeds) shown as their pictures, one for one, so that
# columns still count from the line as read and the page stays well-formed text.
VISIBLE = {c: 0x2400 + c for c in range(32) if c != 9} | {127: 0x2421}
VISIBLE |= {c: 0xFFFD for c in range(0x80, 0xA0)}

_WORD_DIFF = rx.compile(r"\[-(.+?)-\]|\{\+(.+?)\+\}")
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def long_date(d: dt.date | None) -> str:
    """ "11 June 2024", the same whatever the locale."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}" if d else ""


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


# --- views ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Segment:
    """A run of a line's text, marked when findings cover it."""

    text: str
    fids: str = ""  # "F1 F3": the findings that cover it
    severity: str = ""  # the gravest of them


@dataclass(slots=True)
class RelatedView:
    """A related place of a finding, as the page links it."""

    path: str
    line: int
    message: str
    href: str | None  # None when the place cannot be shown
    target: str  # the id it lands on ("L12", "R1L4"), or ""

    @property
    def label(self) -> str:
        return f"{os.path.basename(self.path)}:{self.line}"


@dataclass(slots=True)
class FindingView:
    """A finding as the page shows it: its id, its related places, its rule's summary."""

    id: str
    finding: Finding
    related: list[RelatedView]
    rule_summary: str = ""

    @property
    def icon(self) -> str:
        return ICONS.get(self.finding.severity, "●")

    @property
    def parts(self) -> list[tuple[str, str]]:
        """The message in runs ("", "delete" or "insert", as the rules write word diffs:
        ``[-old-]{+new+}``), for the page to show them struck and underlined."""
        out: list[tuple[str, str]] = []
        text = self.finding.message
        at = 0
        for m in _WORD_DIFF.finditer(text):
            if m.start() > at:
                out.append(("", text[at : m.start()]))
            out.append(("delete", m.group(1)) if m.group(1) is not None else ("insert", m.group(2)))
            at = m.end()
        if at < len(text):
            out.append(("", text[at:]))
        return out

    @property
    def where(self) -> str:
        f = self.finding
        if f.end_line > f.line:
            return f"lines {f.line}-{f.end_line}"
        return f"line {f.line}, column {f.column}"


@dataclass(slots=True)
class LineView:
    """A line of the draft as the page shows it: its marks, and the findings shown
    after it."""

    number: int
    text: str
    segments: list[Segment] | None = None  # None: the text unmarked
    fids: str = ""  # findings whose lines include this one (the gutter)
    severity: str = ""
    boxes: list[FindingView] = field(default_factory=list)  # findings shown after it


@dataclass(slots=True)
class SectionView:
    """A run of the draft's lines: the opening, a minute or a part."""

    id: str
    heading: str
    first: int
    last: int
    lines: list[LineView]
    kind: str = "minute"  # opening | minute | part


@dataclass(slots=True)
class PartView:
    """A part of the draft (minutes, agenda ...) and its sections."""

    id: str
    heading: str
    detail: str
    sections: list[SectionView]


@dataclass(slots=True)
class RecordLine:
    """A line of a record, and whether a finding refers to it."""

    number: int
    text: str
    referenced: bool = False


@dataclass(slots=True)
class RecordView:
    """A record file in the side panel: excerpts of its lines, with their numbers."""

    index: int
    path: str
    roles: list[str]
    hunks: list[list[RecordLine]]
    total: int
    problem: str = ""  # why its lines cannot be shown

    @property
    def id(self) -> str:
        return f"R{self.index}"


@dataclass(slots=True)
class MatchedRecord:
    """A record matched to the draft, and why it was matched."""

    kind: str
    path: str
    part: str  # what and where in the file: "agenda, lines 2-98"
    body: str
    date: str
    why: str
    href: str | None


@dataclass(slots=True)
class RuleRow:
    """A rule in the page's table: whether it ran (and why not), and its findings."""

    code: str
    name: str
    category: str
    summary: str
    ran: bool
    why_not: str = ""
    count: int = 0


@dataclass(slots=True)
class CountRow:
    """Findings of one category, by severity."""

    category: str
    counts: list[int]  # by SEVERITIES
    total: int


@dataclass(slots=True)
class AlignRow:
    """An agenda item and the minute it was matched with, or the lack of one."""

    status: str
    item: str
    item_href: str | None
    minute: str
    minute_href: str | None
    note: str
    findings: list[FindingView]


@dataclass(slots=True)
class AlignmentView:
    """The agenda alignment as the page shows it."""

    agenda_path: str
    numbering: str
    checkable: bool
    notes: list[str]
    rows: list[AlignRow]
    counts: list[tuple[str, int]]


@dataclass(slots=True)
class DecisionView:
    """A decision of a minute as the page lists it."""

    label: str  # "(1)" or ""
    form: str
    text: str
    line: int
    end_line: int
    mover: str | None
    seconder: str | None
    findings: list[FindingView]


@dataclass(slots=True)
class MinuteDecisions:
    """A minute's decisions, and findings about the minute as a whole."""

    number: int
    title: str
    line: int
    decisions: list[DecisionView]
    findings: list[FindingView]  # resolution findings about the minute as a whole


@dataclass(slots=True)
class DecisionPart:
    """The decisions of one set of minutes."""

    heading: str
    minutes: list[MinuteDecisions]
    total: int


@dataclass(slots=True)
class Report:
    """Everything the report's page shows."""

    title: str
    draft_path: str
    draft_format: str
    draft_lines: int
    meeting: str
    summary: str
    findings: list[FindingView]
    unplaced: list[FindingView]
    parts: list[PartView]
    records: list[RecordView]
    matched: list[MatchedRecord]
    sources: list[tuple[str, str]]
    rules: list[RuleRow]
    counts: list[CountRow]
    severities: list[tuple[str, int]]
    categories: list[tuple[str, int]]
    codes: list[tuple[str, str, int]]
    errors: list[FileError]
    notes: list[str]
    alignment: AlignmentView | None
    alignment_absent: str
    decisions: list[DecisionPart]
    diff: DocumentDiff | None = None
    against: str | None = None


# --- building --------------------------------------------------------------------------------


def _real(path: str) -> str:
    return os.path.realpath(path)


class _Places:
    """Ids of the places findings point to: lines of the draft and of the records."""

    def __init__(self, draft: str, lines: Sequence[str]) -> None:
        self.draft = _real(draft)
        self.draft_lines = len(lines)
        self.records: dict[str, int] = {}  # real path -> record index
        self.paths: dict[int, str] = {}  # record index -> path as given
        self.wanted: dict[int, set[int]] = {}  # record index -> lines to show
        self.referenced: dict[int, set[int]] = {}
        self.whole: dict[int, list[tuple[int, int]]] = {}  # ranges shown in full
        self.roles: dict[int, list[str]] = {}

    def record(self, path: str, role: str | None = None) -> int:
        real = _real(path)
        if real not in self.records:
            k = len(self.records) + 1
            self.records[real] = k
            self.paths[k] = path
            self.wanted[k] = set()
            self.referenced[k] = set()
            self.whole[k] = []
            self.roles[k] = []
        k = self.records[real]
        if role and role not in self.roles[k]:
            self.roles[k].append(role)
        return k

    def draft_href(self, line: int) -> str | None:
        return f"#L{line}" if 0 < line <= self.draft_lines else None

    def place(self, path: str, line: int, role: str | None = None) -> tuple[str | None, str]:
        """The link to a place, and the id it lands on; records are noted for the panel."""
        if _real(path) == self.draft:
            href = self.draft_href(line)
            return href, (href or "#")[1:]
        k = self.record(path, role)
        self.wanted[k].add(line)
        self.referenced[k].add(line)
        return f"#R{k}L{line}", f"R{k}L{line}"


def _segments(text: str, spans: list[tuple[int, int, str, str]]) -> list[Segment]:
    """The line cut where marked spans (start, end, finding id, severity) begin and end."""
    cuts = {0, len(text)}
    for a, b, _, _ in spans:
        cuts.update((a, b))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    out = []
    for a, b in pairwise(bounds):
        if a >= b:
            continue
        covering = [(fid, sev) for s, e, fid, sev in spans if s <= a and b <= e]
        if covering:
            sev = min((sev for _, sev in covering), key=lambda s: RANK.get(s, 3))
            out.append(Segment(text[a:b], " ".join(fid for fid, _ in covering), sev))
        else:
            out.append(Segment(text[a:b]))
    return out


def _gravest(severities: Iterable[str]) -> str:
    return min(severities, key=lambda s: RANK.get(s, 3), default="")


def _line_views(lines: Sequence[str], findings: Sequence[FindingView]) -> list[LineView]:
    lines = [text.translate(VISIBLE) for text in lines]
    views = [LineView(n, text) for n, text in enumerate(lines, start=1)]
    spans: dict[int, list[tuple[int, int, str, str]]] = {}
    gutter: dict[int, list[tuple[str, str]]] = {}
    for fv in findings:
        f = fv.finding
        last = min(f.end_line, len(lines))
        long = last - f.line + 1 > MAX_SPAN
        for n in range(f.line, last + 1):
            gutter.setdefault(n, []).append((fv.id, f.severity))
            if long and n > f.line:
                continue
            text = lines[n - 1]
            start = max(0, f.column - 1) if n == f.line else 0
            closing = n == f.end_line and f.end_column is not None
            end = f.end_column - 1 if closing else len(text)  # type: ignore[operator]
            if start >= len(text):
                continue
            spans.setdefault(n, []).append((start, max(end, start + 1), fv.id, f.severity))
        views[(f.line if long else last) - 1].boxes.append(fv)
    for n, marks in spans.items():
        views[n - 1].segments = _segments(views[n - 1].text, marks)
    for n, on in gutter.items():
        views[n - 1].fids = " ".join(dict.fromkeys(fid for fid, _ in on))
        views[n - 1].severity = _gravest(sev for _, sev in on)
    return views


def _part_heading(part: Part) -> str:
    name = PART_NAMES.get(part.kind, part.kind.replace("_", " ").capitalize())
    if isinstance(part, MeetingPart):
        bits = [b for b in (part.body, long_date(part.date)) if b]
        if bits:
            return f"{name}: {', '.join(bits)}"
    title = " ".join(part.title.split())
    return f"{name}: {title}" if title and title.casefold() != name.casefold() else name


def _part_detail(part: Part) -> str:
    detail = f"lines {part.start_line}-{part.end_line}"
    if isinstance(part, MeetingPart):
        if part.date_source == "file name":
            detail += "; date taken from the file name"
        if part.uncertain:
            detail += f"; uncertain: {', '.join(part.uncertain)}"
    return detail


def _sections(parsed: ParsedDocument, views: list[LineView]) -> list[PartView]:
    """The draft's lines by part, and minutes parts by minute; every line once.

    Lines before the first part go with it, lines between parts with the part before.
    """
    total = len(views)
    parts = [p for p in parsed.parts if 0 < p.start_line <= total]
    if not parts:
        section = SectionView("S1", "The whole file", 1, total, views, "part")
        return [PartView("P1", "The file", f"lines 1-{total}", [section])] if total else []
    starts = [1 if i == 0 else p.start_line for i, p in enumerate(parts)]
    ends = [*(s - 1 for s in starts[1:]), total]
    out: list[PartView] = []
    count = 0
    for i, part in enumerate(parts):
        first, last = starts[i], ends[i]
        if last < first:
            continue
        bounds: list[tuple[int, str, str]] = []
        if isinstance(part, MinutesPart) and part.items:
            minutes = [m for m in part.items if first <= m.line <= last]
            if minutes and minutes[0].line > first:
                bounds.append((first, "Opening: the meeting, attendance", "opening"))
            for m in minutes:
                if not bounds or m.line > bounds[-1][0]:
                    name = f"Minute {m.shown}: {m.title}" if m.numbered else m.title
                    bounds.append((m.line, name, "minute"))
        if not bounds:
            bounds.append((first, _part_heading(part), "part"))
        sections = []
        for j, (start, heading, kind) in enumerate(bounds):
            stop = bounds[j + 1][0] - 1 if j + 1 < len(bounds) else last
            count += 1
            sections.append(
                SectionView(f"S{count}", heading, start, stop, views[start - 1 : stop], kind)
            )
        out.append(PartView(f"P{i + 1}", _part_heading(part), _part_detail(part), sections))
    return out


def _hunks(
    lines: Sequence[str], wanted: set[int], whole: list[tuple[int, int]], refs: set[int]
) -> list[list[RecordLine]]:
    """Excerpts of a record: the lines around each wanted line and the ranges shown
    whole; excerpts closer than ``JOIN`` lines are one, with the lines between them."""
    n = len(lines)
    shown: set[int] = set()
    for line in wanted:
        shown.update(range(max(1, line - CONTEXT), min(n, line + CONTEXT) + 1))
    for a, b in whole:
        shown.update(range(max(1, a), min(n, b) + 1))
    hunks: list[list[RecordLine]] = []
    previous = 0
    for number in sorted(shown):
        if hunks and number - previous <= JOIN:
            start = previous + 1
        else:
            hunks.append([])
            start = number
        hunks[-1].extend(
            RecordLine(k, lines[k - 1].translate(VISIBLE), k in refs)
            for k in range(start, number + 1)
        )
        previous = number
    return hunks


def _record_views(places: _Places) -> list[RecordView]:
    from minlint.lint.records import PARSED

    out = []
    for k, path in places.paths.items():
        parsed = PARSED.get(path)
        if isinstance(parsed, FileError):
            out.append(RecordView(k, path, places.roles[k], [], 0, parsed.message))
            continue
        lines = parsed.document.lines
        refs = {n for n in places.referenced[k] if 0 < n <= len(lines)}
        hunks = _hunks(lines, places.wanted[k], places.whole[k], refs)
        out.append(RecordView(k, path, places.roles[k], hunks, len(lines)))
    return out


# --- what was checked --------------------------------------------------------------------------


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and _real(a) == _real(b)  # type: ignore[arg-type]


def _matched(
    records: Records, match: FileMatch, places: _Places, main: Part | None
) -> list[MatchedRecord]:
    from minlint.lint.records import body_key

    sources = match.sources
    date = main.date if isinstance(main, MeetingPart) else None
    nameless = isinstance(main, MeetingPart) and body_key(main.body) is None
    same_body = (
        "in the draft's folder, and like the draft it names no body"
        if nameless
        else "of the same body"
    )

    def row(kind: str, r: Record, why: str, role: str) -> MatchedRecord:
        k = places.record(r.path, role)
        part = r.part
        return MatchedRecord(
            kind=kind,
            path=r.path,
            part=f"{PART_NAMES.get(part.kind, part.kind)}, lines {part.start_line}-{part.end_line}",
            body=r.body or "(none named)",
            date=long_date(r.date) or "(none)",
            why=why,
            href=f"#R{k}",
        )

    out = []
    if records.agenda is not None:
        r = records.agenda
        if _same(sources.agenda, r.path):
            why = "named with --agenda"
            if date and r.date and r.date != date:
                why += f" (its date differs from the draft's, {long_date(date)})"
        else:
            why = f"the agenda {same_body}, of the same date"
        out.append(row("Agenda", r, why, "agenda"))
    if records.previous is not None:
        r = records.previous
        if _same(sources.previous, r.path):
            why = "named with --previous"
        else:
            why = f"the latest minutes {same_body} before {long_date(date) or 'the draft'}"
        out.append(row("Previous minutes", r, why, "previous minutes"))
    for kind, found in (
        ("Work programme", records.work_programmes),
        ("Monitoring schedule", records.monitoring_schedules),
    ):
        for r in found:
            out.append(row(kind, r, f"a {kind.lower()} {same_body}", kind.lower()))
    if records.membership:
        path = records.membership_path or ""
        from_file = _same(sources.membership, path)
        why = "the configuration's membership file" if from_file else "the agenda's membership"
        k = places.record(path, "membership") if path else None
        out.append(
            MatchedRecord(
                kind="Membership",
                path=path,
                part=plural(len(records.membership), "member"),
                body="",
                date="",
                why=why,
                href=f"#R{k}" if k else None,
            )
        )
    others = [
        r
        for r in records.history
        if r is not records.agenda and r is not records.previous and r.primary
    ]
    if others:
        for r in others:
            kind = "Agenda" if isinstance(r.part, AgendaPart) else "Minutes"
            out.append(row(f"{kind} (history)", r, f"a dated record {same_body}", "history"))
    return out


def _sources(match: FileMatch) -> list[tuple[str, str]]:
    s = match.sources
    out = []
    if s.agenda:
        out.append(("--agenda", s.agenda))
    if s.previous:
        out.append(("--previous", s.previous))
    out.extend(("records", p) for p in s.paths)
    if s.membership:
        out.append(("membership", s.membership))
    return out


_KIND_WORDS = {
    "agenda": "an agenda",
    "previous": "previous minutes",
    "work_programme": "a work programme",
    "monitoring_schedule": "a monitoring schedule",
    "membership": "a membership",
    "history": "other records of the body",
}


def _rules(rules: Sequence[Rule], match: FileMatch, findings: Sequence[Finding]) -> list[RuleRow]:
    ran = set(match.ran)
    tally: dict[str, int] = {}
    for f in findings:
        tally[f.code] = tally.get(f.code, 0) + 1
    out = []
    for r in rules:
        if r.code not in match.enabled:
            continue
        why = ""
        if r.code not in ran:
            missing = [k for k in sorted(r.needs) if not match.records.has(k)]
            why = "no " + " and no ".join(_KIND_WORDS.get(k, k) for k in missing) + " found"
            why = why.replace("no an ", "no ").replace("no a ", "no ")
        out.append(
            RuleRow(r.code, r.name, r.category, r.summary, r.code in ran, why, tally.get(r.code, 0))
        )
    return out


def _counts(findings: Sequence[Finding]) -> list[CountRow]:
    rows = []
    for category in CATEGORIES:
        counts = [
            sum(1 for f in findings if f.category == category and f.severity == s)
            for s in SEVERITIES
        ]
        if any(counts):
            rows.append(CountRow(category, counts, sum(counts)))
    return rows


# --- alignment and decisions ------------------------------------------------------------------


def _alignment(
    parsed: ParsedDocument,
    records: Records,
    places: _Places,
    findings: Sequence[FindingView],
) -> tuple[AlignmentView | None, str]:
    from minlint.lint.facts import alignment as al
    from minlint.lint.records import primary_part

    main = primary_part(parsed)
    if not isinstance(main, MinutesPart):
        return None, "The draft does not open with minutes: there is nothing to align."
    if records.agenda is None or not isinstance(records.agenda.part, AgendaPart):
        return None, "No agenda was found for this meeting (name one with --agenda)."
    result: Alignment | None = al.draft_alignment(parsed, records)
    if result is None:
        return None, "No agenda was found for this meeting."
    agenda = records.agenda
    k = places.record(agenda.path, "agenda")
    places.whole[k].append((agenda.part.start_line, agenda.part.end_line))
    rows = []
    for link in result.links:
        item = link.item
        minute = link.minute
        item_text = (
            (f"{item.shown}. {link.title}" if item.numbered else link.title) if item else "—"
        )
        item_href = f"#R{k}L{item.line}" if item else None
        if item is not None:
            places.wanted[k].add(item.line)
        minute_text = (
            (f"{minute.shown}. {minute.title}" if minute.numbered else minute.title)
            if minute
            else "—"
        )
        minute_href = places.draft_href(minute.line) if minute else None
        if minute is None and link.line is not None:
            minute_text = f"recorded at line {link.line}"
            minute_href = places.draft_href(link.line)
        rows.append(
            AlignRow(link.status, item_text, item_href, minute_text, minute_href, link.note, [])
        )
    _attach(result, rows, findings, _real(agenda.path))
    counts = [(s, n) for s in al.STATUSES if (n := sum(1 for x in rows if x.status == s))]
    numbering = (
        "numbered alike: matched by number and title"
        if result.by_number
        else "numbered apart: matched by title and order"
    )
    view = AlignmentView(agenda.path, numbering, result.checkable, list(result.notes), rows, counts)
    return view, ""


def _attach(
    result: Alignment, rows: list[AlignRow], findings: Sequence[FindingView], agenda: str
) -> None:
    """Each agenda finding on the row it is about: an item with no minute when it points
    to that item (a finding about a missing item sits where the minute would come), else
    the minute at its line, else the first item it points to."""
    links = result.links
    for fv in findings:
        f = fv.finding
        if f.category != "agenda":
            continue
        items = {r.line for r in f.related if _real(r.path) == agenda}
        missing = [i for i, k in enumerate(links) if k.minute is None and k.item]
        choice = next((i for i in missing if links[i].item.line in items), None)  # type: ignore[union-attr]
        if choice is None:
            choice = next(
                (i for i, k in enumerate(links) if k.minute and k.minute.line == f.line), None
            )
        if choice is None:
            choice = next((i for i, k in enumerate(links) if k.item and k.item.line in items), None)
        if choice is not None:
            rows[choice].findings.append(fv)


def _decisions(parsed: ParsedDocument, findings: Sequence[FindingView]) -> list[DecisionPart]:
    out = []
    for part in parsed.minutes:
        if not part.items:
            continue
        minutes = []
        total = 0
        for m in part.items:
            decisions = []
            for r in m.resolutions:
                inside = [fv for fv in findings if r.line <= fv.finding.line <= r.end_line]
                decisions.append(
                    DecisionView(
                        f"({r.number})" if r.number else "",
                        FORMS.get(r.form, r.form.capitalize()),
                        " ".join(r.text.split()),
                        r.line,
                        r.end_line,
                        r.mover,
                        r.seconder,
                        inside,
                    )
                )
            total += len(decisions)
            placed = {id(fv) for d in decisions for fv in d.findings}
            about = [
                fv
                for fv in findings
                if fv.finding.category == "resolution"
                and id(fv) not in placed
                and m.line <= fv.finding.line <= m.end_line
            ]
            minutes.append(MinuteDecisions(m.number, m.title, m.line, decisions, about))
        out.append(DecisionPart(_part_heading(part), minutes, total))
    return out


# --- the whole ------------------------------------------------------------------------------


def _meeting(main: Part | None) -> str:
    if not isinstance(main, MeetingPart):
        return ""
    return ", ".join(b for b in (main.body, long_date(main.date)) if b)


def summary_line(findings: Sequence[Finding], errors: Sequence[FileError]) -> str:
    if findings:
        detail = ", ".join(
            plural(n, s, "info" if s == INFO else None)
            for s in SEVERITIES
            if (n := sum(1 for f in findings if f.severity == s))
        )
        text = f"{plural(len(findings), 'finding')} ({detail})."
    else:
        text = "No findings."
    if errors:
        text += f" {plural(len({e.path for e in errors}), 'file')} could not be read."
    return text


def build(
    draft: str,
    result: CheckResult,
    match: FileMatch,
    *,
    errors: Sequence[FileError] = (),
    diff: DocumentDiff | None = None,
    against: str | None = None,
) -> Report:
    """The report of one draft from its check (run with ``keep_records``)."""
    from minlint.lint.records import primary_part

    parsed = match.parsed
    lines = parsed.document.lines
    places = _Places(draft, lines)
    rules = {r.code: r for r in result.rules}
    findings = [f for f in result.findings if f.path == draft]
    main = primary_part(parsed)
    records = match.records
    matched = _matched(records, match, places, main)
    views: list[FindingView] = []
    for i, f in enumerate(findings, start=1):
        related = []
        for r in f.related:
            href, target = places.place(r.path, r.line, "referred to by findings")
            related.append(RelatedView(r.path, r.line, r.message, href, target))
        rule = rules.get(f.code)
        views.append(FindingView(f"F{i}", f, related, rule.summary if rule else ""))
    placed = [v for v in views if 0 < v.finding.line <= len(lines)]
    unplaced = [v for v in views if not 0 < v.finding.line <= len(lines)]
    alignment, absent = _alignment(parsed, records, places, views)
    parts = _sections(parsed, _line_views(lines, placed))
    notes = list(parsed.document.notices)
    if isinstance(main, MeetingPart):
        notes.extend(main.notes)
    meeting = _meeting(main)
    name = os.path.basename(draft)
    shown = _record_views(places)
    # A related place past the end of its file (or in a file that cannot be read) is
    # named without a link.
    targets = {f"R{v.index}L{x.number}" for v in shown for h in v.hunks for x in h}
    for v in views:
        for x in v.related:
            if x.target.startswith("R") and x.target not in targets:
                x.href = None
    return Report(
        title=f"minlint report: {name}",
        draft_path=draft,
        draft_format=parsed.document.format,
        draft_lines=len(lines),
        meeting=meeting,
        summary=summary_line(findings, errors),
        findings=views,
        unplaced=unplaced,
        parts=parts,
        records=shown,
        matched=matched,
        sources=_sources(match),
        rules=_rules(result.rules, match, findings),
        counts=_counts(findings),
        severities=[(s, n) for s in SEVERITIES if (n := _tally(findings, "severity", s))],
        categories=[(c, n) for c in CATEGORIES if (n := _tally(findings, "category", c))],
        codes=sorted(
            {(f.code, f.name, _tally(findings, "code", f.code)) for f in findings},
        ),
        errors=sorted(set(errors)),
        notes=notes,
        alignment=alignment,
        alignment_absent=absent,
        decisions=_decisions(parsed, views),
        diff=diff,
        against=against,
    )


def _tally(findings: Sequence[Finding], attr: str, value: str) -> int:
    return sum(1 for f in findings if getattr(f, attr) == value)
