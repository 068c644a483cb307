"""Agenda and minutes of one meeting, built at test time from the real documents.

The real minutes are edited as a clerk's draft goes wrong (a minute dropped, one added,
two swapped, a title changed, the numbers changed), and an agenda of the same meeting is
written in the body's agenda style: the council's own layout, our own wording, and the
items the minutes record. Nothing here is kept in the repository: every file is written
under the test's temporary directory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from minlint.lint.facts.dateformat import show_date
from minlint.lint.model import MinutesPart
from minlint.lint.parse import parse_path
from minlint.lint.records import primary_part


@dataclass(frozen=True)
class Span:
    """A minute of a text file: its number, title and lines (1-based, end exclusive)."""

    number: int
    title: str
    start: int
    end: int


def minutes_of(path: Path) -> MinutesPart:
    part = primary_part(parse_path(path))
    assert isinstance(part, MinutesPart), path
    return part


def spans(path: Path) -> list[Span]:
    """The minutes of a text or markdown file with the lines each one takes."""
    part = minutes_of(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    out = []
    for k, m in enumerate(part.items):
        end = part.items[k + 1].line if k + 1 < len(part.items) else len(lines) + 1
        if k + 1 == len(part.items):
            end = max(m.end_line + 1, m.line + 1)
        out.append(Span(m.number, m.title, m.line, end))
    return out


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def drop(source: Path, number: int, out: Path) -> Path:
    """The minutes without minute ``number`` (its heading and text)."""
    lines = _lines(source)
    s = next(x for x in spans(source) if x.number == number)
    return write(out, lines[: s.start - 1] + lines[s.end - 1 :])


def move(source: Path, number: int, before: int, out: Path) -> Path:
    """The minutes with minute ``number`` taken just before minute ``before``."""
    lines = _lines(source)
    all_spans = spans(source)
    s = next(x for x in all_spans if x.number == number)
    b = next(x for x in all_spans if x.number == before)
    block = lines[s.start - 1 : s.end - 1]
    rest = lines[: s.start - 1] + lines[s.end - 1 :]
    at = b.start - 1 if b.start < s.start else b.start - 1 - len(block)
    return write(out, rest[:at] + block + rest[at:])


def insert(source: Path, before: int, title: str, text: list[str], out: Path) -> Path:
    """The minutes with a minute of ``title`` and ``text`` numbered ``before`` in place
    of minute ``before``, and the minutes from there on numbered one more."""
    lines = _lines(source)
    all_spans = spans(source)
    for s in all_spans:
        if s.number >= before:
            line = lines[s.start - 1]
            pattern = rf"(?<!\d){s.number}(?!\d)"
            lines[s.start - 1] = re.sub(pattern, str(s.number + 1), line, count=1)
    b = next(x for x in all_spans if x.number == before)
    added = [f"{before}.   {title}", "", *text]
    return write(out, lines[: b.start - 1] + added + [""] + lines[b.start - 1 :])


def replace_once(source: Path, old: str, new: str, out: Path) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    out.write_text(text.replace(old, new, 1), encoding="utf-8")
    return out


def renumber(source: Path, offset: int, out: Path) -> Path:
    """The minutes with every minute heading's number moved by ``offset``."""
    lines = _lines(source)
    for s in spans(source):
        line = lines[s.start - 1]
        lines[s.start - 1] = re.sub(
            rf"(?<!\d){s.number}(?!\d)", str(s.number + offset), line, count=1
        )
    return write(out, lines)


# Agendas in the bodies' styles ----------------------------------------------------------


def rotherham_agenda(minutes: MinutesPart, out: Path, titles: list[str] | None = None) -> Path:
    """An agenda in the layout of the select commission's agendas of 2018 (standing items
    first, then the minutes of the last meeting, the reports with their pages, and the
    next meeting), listing ``titles`` (by default the minutes' own) as its business."""
    assert minutes.date is not None and minutes.body
    when = show_date(minutes.date)
    weekday = minutes.date.strftime("%A")
    lines = [
        "",
        minutes.body.upper(),
        "",
        f"Date and Time :- {weekday}, {when} at 5.30 p.m.",
        "Venue:- Town Hall, The Crofts, Rotherham.",
        "Membership:- Councillors Alpha, Beta, Gamma and Delta (4)",
        "",
        "Members of the public may watch the meeting online while it takes place.",
        "",
        "Items of business",
        "",
        "1. Exclusion of the press and public for any business that is exempt",
        "",
        "2. Items the Chair accepts as urgent",
        "",
        "3. Apologies for absence",
        "",
    ]
    number, page = 4, 1
    business = titles if titles is not None else [m.title for m in minutes.items]
    for title in business:
        text = title.title() if title.isupper() else title
        if re.search(r"minutes|report|update|programme|strategy|review|education", title, re.I):
            lines.append(f"{number}. {text} (Pages {page} - {page + 6})")
            page += 7
        else:
            lines.append(f"{number}. {text}")
        lines.append("")
        number += 1
    lines += ["Sharon Kemp,", "Chief Executive.", ""]
    return write(out, lines)


def tintern_agenda(source: Path, out: Path, drop_numbers: tuple[int, ...] = ()) -> Path:
    """A Tintern agenda as the council writes them (numbered lines, sub-items under
    them), from a real one with some items left out."""
    lines = _lines(source)
    kept = []
    skipping = False
    for line in lines:
        m = re.match(r"^(\d{4})\.", line)
        if m:
            skipping = int(m.group(1)) in drop_numbers
        if not skipping:
            kept.append(line)
    return write(out, kept)


def resolution_lines(path: Path, number: int) -> tuple[int, int]:
    """The first and last line of minute ``number``'s decisions, its label included."""
    minute = next(m for m in minutes_of(path).items if m.number == number)
    assert minute.resolutions, number
    first = min(r.line for r in minute.resolutions)
    last = max(r.end_line for r in minute.resolutions)
    return first, last


def without_resolution(path: Path, number: int, out: Path, instead: list[str] = ()) -> Path:
    """The minutes with minute ``number``'s resolution taken out (``instead`` put in)."""
    first, last = resolution_lines(path, number)
    lines = _lines(path)
    return write(out, lines[: first - 1] + list(instead) + lines[last:])
