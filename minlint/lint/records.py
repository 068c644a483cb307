"""A draft's records: its agenda, the previous minutes, work programmes, the membership.

Records are files named with ``--agenda``, ``--previous``, ``--records DIR`` or the
configuration's ``records``; each is parsed once per process and split into parts. A
draft is matched from each record's index (its parts' kinds, bodies and dates, kept in
the cache beside the parsed model), so that of a large records directory only the
models of the records a draft matched are read.
A draft is matched to its records by body and date, never by the batch of files it was
checked with: the agenda of the same meeting (same body, same date), the latest
minutes of the same body before the draft's date, the work programme and monitoring
schedule parts of the same body's packs, and the body's history (its dated agendas and
minutes, at most the HISTORY_SIZE nearest the draft's date: a body's archive of years is not
read for every draft). A draft is never its own record.

Two cases need more than a body's name. Records whose text names no body (small
councils whose minutes open "Minutes of a meeting of the above Council") are the
records of one body only when they sit in the same directory as a draft that names no
body either: the directory is then the only sign of the body, and a nameless record
elsewhere is never taken for it. A file that holds only a work programme or a
monitoring schedule takes the body its title names ("Work programme – Communities
Select Commission 2024-25"), when that is the name of a body among the records.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from minlint.lint import regexstore as rx
from minlint.lint.findings import FileError
from minlint.lint.model import (
    MONITORING_SCHEDULE,
    WORK_PROGRAMME,
    AgendaPart,
    MinutesPart,
    ParsedDocument,
    Part,
    Person,
)
from minlint.lint.recordkinds import (  # noqa: F401  (the kinds are named from here too)
    AGENDA,
    HISTORY,
    MEMBERSHIP,
    MONITORING_SCHEDULES,
    PREVIOUS,
    RECORD_KINDS,
    WORK_PROGRAMMES,
)

MISSING = "no such file or directory"
INTERNAL_ERROR = "internal error while reading this file (please report it)"
SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"})

_NOT_WORD = rx.compile(r"[^0-9a-z]+")


def body_key(name: str | None) -> str | None:
    """A body's name compared without case or punctuation ("&" reads as "and")."""
    if not name:
        return None
    key = _NOT_WORD.sub(" ", name.casefold().replace("&", " and ")).strip()
    return key.removeprefix("the ") or None


def parse_file(
    path: str, *, persist: bool = False, key: str | None = None
) -> ParsedDocument | FileError:
    """A file parsed, or why it could not be; with ``persist`` (records) the parsed
    file is read from and kept in the on-disk cache (under ``key``, its
    :func:`~minlint.lint.cache.source_key`, when the caller has it)."""
    from minlint.lint.parse import parse_path
    from minlint.lint.readers import InputError

    parsed = None
    if persist:
        from minlint.lint import cache

        key = key or cache.source_key(path)
        parsed = cache.load(path, key) if key else None
    try:
        if parsed is None:
            parsed = parse_path(path)
            if key:
                cache.store(path, parsed, key)
        return parsed
    except InputError as exc:
        return FileError(path, str(exc))
    except Exception as exc:  # a reader's bug: this file is lost, not the run
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        return FileError(path, f"{INTERNAL_ERROR}: {reason}")


class ParseCache:
    """Parsed files by real path, each read once per process (failures too)."""

    def __init__(self) -> None:
        self._done: dict[str, ParsedDocument | FileError] = {}

    def get(
        self, path: str, *, persist: bool = False, key: str | None = None
    ) -> ParsedDocument | FileError:
        """The parsed file; with ``persist`` (records) it is also kept on disk (``key``:
        its cache key, when the caller has it)."""
        real = os.path.realpath(path)
        if real not in self._done:
            self._done[real] = parse_file(path, persist=persist, key=key)
        return self._done[real]

    def peek(self, path: str) -> ParsedDocument | FileError | None:
        """The file if it was parsed already, without parsing it."""
        return self._done.get(os.path.realpath(path))

    def clear(self) -> None:
        self._done.clear()


PARSED = ParseCache()


def primary_part(parsed: ParsedDocument) -> AgendaPart | MinutesPart | None:
    """The part that says which meeting a file is about: its first agenda or minutes."""
    for part in parsed.parts:
        if isinstance(part, (AgendaPart, MinutesPart)):
            return part
    return None


@dataclass(frozen=True, slots=True)
class Record:
    """One part of a record file, with the body and date of the meeting it belongs to."""

    path: str
    part: Part
    body: str | None
    date: dt.date | None
    primary: bool = False  # the file's first agenda or minutes part


@dataclass(slots=True)
class Records:
    """What a rule may compare the draft with; a missing record is None or empty."""

    agenda: Record | None = None
    previous: Record | None = None
    work_programmes: tuple[Record, ...] = ()
    monitoring_schedules: tuple[Record, ...] = ()
    membership: tuple[Person, ...] | None = None
    membership_path: str | None = None
    history: tuple[Record, ...] = ()  # the body's dated agendas and minutes, by date

    def has(self, kind: str) -> bool:
        return {
            AGENDA: self.agenda is not None,
            PREVIOUS: self.previous is not None,
            WORK_PROGRAMMES: bool(self.work_programmes),
            MONITORING_SCHEDULES: bool(self.monitoring_schedules),
            MEMBERSHIP: bool(self.membership),
            HISTORY: bool(self.history),
        }[kind]


# A folder's own documentation is not a meeting's record: left out when a directory is
# checked or searched for records (a file named on the command line is still checked).
_NOT_RECORDS = rx.compile(
    r"^(?:readme|changelog|changes|history|contributing|licen[cs]e|copying|authors|notice"
    r"|security|code_of_conduct|sources)(?:\.[\w.-]+)?$",
    re.I,
)


def supported_files(directory: str | Path) -> list[str]:
    """The supported files under a directory, recursively, hidden ones and the folder's
    own documentation (README, CHANGELOG, LICENSE ...) left out, and what is not a
    regular file (a named pipe would block the reading for ever, a socket cannot be
    read)."""
    import stat

    found: list[str] = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if (
                Path(name).suffix.lower() not in SUPPORTED_SUFFIXES
                or name.startswith(".")
                or _NOT_RECORDS.match(name)
            ):
                continue
            path = Path(root, name)
            try:
                regular = stat.S_ISREG(path.stat().st_mode)
            except OSError:
                regular = True  # a dangling link: reading it says what is wrong
            if regular:
                found.append(path.as_posix())
    return sorted(found)


def expand(paths: Iterable[str]) -> tuple[list[str], list[FileError]]:
    """Files named, and the supported files under directories named."""
    files: list[str] = []
    errors: list[FileError] = []
    for given in paths:
        if os.path.isdir(given):
            files.extend(supported_files(given))
        elif os.path.exists(given):
            files.append(given)
        else:
            errors.append(FileError(given, MISSING))
    return files, errors


def read_membership(path: str) -> tuple[Person, ...]:
    """A membership file: one member a line ("Councillor Pitchley (Chair)"), or a list
    per line ("Councillors Atkin, Bacon and Cooksey"); "#" starts a comment."""
    from minlint.lint.facts.people import split_names
    from minlint.lint.readers import decode, read_bytes

    text = decode(read_bytes(Path(path)))
    people: list[Person] = []
    # Lines as an editor numbers them: "\n" only, not U+2028 or the other breaks
    # str.splitlines knows.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.split("#", 1)[0].strip(" \t-*•")
        if line:
            people.extend(split_names(line, number))
    return tuple(people)


@dataclass(frozen=True, slots=True)
class RecordSources:
    """Where a draft's records come from (all paths as the user gave them)."""

    agenda: str | None = None
    previous: str | None = None
    paths: tuple[str, ...] = ()
    membership: str | None = None


_AGENDA_PART = "agenda"
_MINUTES_PART = "minutes"


@dataclass(frozen=True, slots=True)
class _Entry:
    """A record as matching sees it, before its model is read: the part's place in its
    file's model and what the part says of its meeting."""

    path: str
    index: int  # in the file's parts
    kind: str  # _AGENDA_PART, _MINUTES_PART, WORK_PROGRAMME or MONITORING_SCHEDULE
    body: str | None
    date: dt.date | None
    primary: bool
    title: str
    start_line: int

    @property
    def meeting(self) -> bool:
        return self.kind in (_AGENDA_PART, _MINUTES_PART)


def record_index(parsed: ParsedDocument) -> list[tuple]:
    """The rows of a file's :class:`_Entry` (all but its path), as the cache keeps them."""
    main = primary_part(parsed)
    body = main.body if main else None
    date = main.date if main else None
    rows: list[tuple] = []
    for i, part in enumerate(parsed.parts):
        if isinstance(part, (AgendaPart, MinutesPart)):
            kind = _AGENDA_PART if isinstance(part, AgendaPart) else _MINUTES_PART
            row = (i, kind, part.body or body, part.date, part is main)
        elif part.kind in (WORK_PROGRAMME, MONITORING_SCHEDULE):
            row = (i, part.kind, body, date, False)
        else:
            continue
        rows.append((*row, part.title, part.start_line))
    return rows


class RecordPool:
    """The records of one set of sources, matched from their indexes; a record's model
    is read only when a draft matches it."""

    def __init__(self, sources: RecordSources, cache: ParseCache | None = None) -> None:
        self.sources = sources
        self.cache = cache if cache is not None else PARSED
        self.errors: list[FileError] = []
        self._entries: list[_Entry] | None = None
        self._by_body: dict[str, list[_Entry]] = {}
        self._real: dict[str, str] = {}
        self._membership: tuple[Person, ...] | None = None
        self._names: dict[str, str] = {}  # body keys of the records, and a name for each
        self._made: dict[_Entry, Record | None] = {}
        self._key_of: dict[str, str | None] = {}  # each file read, and its cache key
        self._state: str | None = None
        self._listing_errors: tuple[FileError, ...] = ()

    def state(self) -> str:
        """What the records are, as a digest: every file's real path and content, the
        membership file's, and what could not be read when they were listed. Findings
        kept in the cache are reused only while this is unchanged. Computed once: the
        same for every draft of a run, whatever was checked before it."""
        if self._state is None:
            import hashlib

            from minlint.lint import cache

            self._load()
            digest = hashlib.sha256()
            for path, key in self._key_of.items():
                digest.update(f"{self._real[path]}\0{key}\n".encode("utf-8", "surrogatepass"))
            if self.sources.membership:
                digest.update(f"{cache.source_key(self.sources.membership)}\n".encode())
            for error in sorted(set(self._listing_errors)):
                line = f"{error.path}\0{error.message}\n"
                digest.update(line.encode("utf-8", "surrogatepass"))
            self._state = digest.hexdigest()
        return self._state

    def _index(self, path: str, real: str) -> list[_Entry]:
        """A file's entries, from the cache's index when it has one."""
        from minlint.lint import cache

        key = cache.source_key(path, real)
        self._key_of[path] = key
        rows = cache.load_index(path, key) if key else None
        if rows is None:
            parsed = self.cache.get(path, persist=True, key=key)
            if isinstance(parsed, FileError):
                self.errors.append(parsed)
                return []
            rows = record_index(parsed)
            if key:
                cache.store_index(path, rows, key)
        return [_Entry(path, *row) for row in rows]

    def _load(self) -> list[_Entry]:
        if self._entries is not None:
            return self._entries
        named = [p for p in (self.sources.agenda, self.sources.previous) if p]
        files, errors = expand([*named, *self.sources.paths])
        self.errors.extend(errors)
        entries: list[_Entry] = []
        seen: set[str] = set()
        for path in files:
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            self._real[path] = real
            entries.extend(self._index(path, real))
        names = {body_key(e.body): e.body for e in entries if body_key(e.body)}
        for i, e in enumerate(entries):
            if e.body is None and not e.meeting:
                key = _named_in(e.title, names)
                if key is not None:
                    entries[i] = replace(e, body=names[key])
        for e in entries:
            key = body_key(e.body)
            if key is not None:
                self._by_body.setdefault(key, []).append(e)
        self._names = names
        if self.sources.membership:
            from minlint.lint.readers import InputError

            try:
                self._membership = read_membership(self.sources.membership)
            except InputError as exc:
                self.errors.append(FileError(self.sources.membership, str(exc)))
        self._entries = entries
        self._listing_errors = tuple(self.errors)
        return entries

    def _record(self, entry: _Entry) -> Record | None:
        """The record of an entry, its file's model read (once)."""
        if entry not in self._made:
            parsed = self.cache.get(entry.path, persist=True, key=self._key_of.get(entry.path))
            made = None
            if isinstance(parsed, FileError):
                self._note(parsed)
            elif entry.index < len(parsed.parts):
                part = parsed.parts[entry.index]
                made = Record(entry.path, part, entry.body, entry.date, entry.primary)
            self._made[entry] = made
        return self._made[entry]

    def _records(self, entries: Iterable[_Entry]) -> tuple[Record, ...]:
        made = (self._record(e) for e in sorted(entries, key=_order_key))
        return tuple(r for r in made if r is not None)

    def match(self, draft_path: str, draft: ParsedDocument) -> Records:
        """The records of one draft (see the module docstring)."""
        entries = self._load()
        own = os.path.realpath(draft_path)
        others = [e for e in entries if self._real[e.path] != own]
        main = primary_part(draft)
        key = body_key(main.body) if main else None
        date = main.date if main else None
        if main is None:
            key = next(
                (
                    k
                    for p in draft.parts
                    if p.kind in (WORK_PROGRAMME, MONITORING_SCHEDULE)
                    for k in [_named_in(p.title, self._names)]
                    if k is not None
                ),
                None,
            )
        if key is not None:
            same_body = [e for e in self._by_body.get(key, []) if self._real[e.path] != own]
        elif main is not None:
            # A nameless draft: the nameless records beside it (see the module docstring).
            folder = os.path.dirname(own)
            same_body = [
                e
                for e in others
                if e.body is None and os.path.dirname(self._real[e.path]) == folder
            ]
        else:
            same_body = []

        agenda_entry = self._named_agenda(others, own) or _latest(
            e for e in same_body if e.kind == _AGENDA_PART and date and e.date == date
        )
        previous_entry = self._named_previous(others, date, own) or _latest(
            e for e in same_body if e.kind == _MINUTES_PART and date and e.date and e.date < date
        )
        agenda = self._record(agenda_entry) if agenda_entry else None
        previous = self._record(previous_entry) if previous_entry else None
        membership, membership_path = self._membership, self.sources.membership
        if not membership and agenda is not None and isinstance(agenda.part, AgendaPart):
            membership, membership_path = tuple(agenda.part.membership), agenda.path
        return Records(
            agenda=agenda,
            previous=previous,
            work_programmes=self._records(e for e in same_body if e.kind == WORK_PROGRAMME),
            monitoring_schedules=self._records(
                e for e in same_body if e.kind == MONITORING_SCHEDULE
            ),
            membership=membership or None,
            membership_path=membership_path if membership else None,
            history=self._records(_nearest(same_body, date)),
        )

    def _named_agenda(self, others: Sequence[_Entry], own: str) -> _Entry | None:
        """The first agenda of the ``--agenda`` file, whatever its date: a date that
        differs from the draft's is a finding, not a reason to look elsewhere."""
        if not self.sources.agenda:
            return None
        real = os.path.realpath(self.sources.agenda)
        found = [e for e in others if e.kind == _AGENDA_PART and self._real[e.path] == real]
        if (
            not found
            and real != own  # a file checked with itself named: it is not its own record
            and os.path.exists(self.sources.agenda)
            and self._parsed(self.sources.agenda)
        ):
            self._note(FileError(self.sources.agenda, "no agenda found in this file"))
        return found[0] if found else None

    def _named_previous(
        self, others: Sequence[_Entry], date: dt.date | None, own: str
    ) -> _Entry | None:
        """The minutes of the ``--previous`` file: the latest before the draft's date
        when it holds several (a pack), else its first."""
        if not self.sources.previous:
            return None
        real = os.path.realpath(self.sources.previous)
        found = [e for e in others if e.kind == _MINUTES_PART and self._real[e.path] == real]
        if not found:
            path = self.sources.previous
            if real != own and os.path.exists(path) and self._parsed(path):
                self._note(FileError(path, "no minutes found in this file"))
            return None
        before = [e for e in found if date and e.date and e.date < date]
        return _latest(before) or found[0]

    def _parsed(self, path: str) -> bool:
        return not isinstance(self.cache.get(path, persist=True), FileError)

    def _note(self, error: FileError) -> None:
        if error not in self.errors:
            self.errors.append(error)


def _named_in(title: str, names: dict[str, str]) -> str | None:
    """The longest body key (of ``names``) that a title names as whole words."""
    text = f" {body_key(title) or ''} "
    found = [k for k in names if f" {k} " in text]
    return max(found, key=lambda k: (len(k), k)) if found else None


# Dated agendas and minutes of the body a draft is compared with: those of some two
# years of monthly meetings around its date.
HISTORY_SIZE = 48


def _nearest(entries: Iterable[_Entry], date: dt.date | None) -> list[_Entry]:
    """The body's dated agendas and minutes nearest ``date`` (the latest, without one)."""
    dated = [e for e in entries if e.meeting and e.date is not None]
    if len(dated) <= HISTORY_SIZE:
        return dated
    if date is None:
        return sorted(dated, key=_order_key)[-HISTORY_SIZE:]
    return sorted(dated, key=lambda e: (abs((e.date - date).days), _order_key(e)))[:HISTORY_SIZE]


def _order_key(e: _Entry) -> tuple[dt.date, str, int]:
    return (e.date or dt.date.min, e.path, e.start_line)


def _latest(candidates: Iterable[_Entry]) -> _Entry | None:
    """The latest record; among equals a file's own (primary) part, then path order."""
    best: _Entry | None = None
    for e in sorted(candidates, key=_order_key):
        if best is None or (e.date, e.primary) > (best.date, best.primary):
            best = e
    return best
