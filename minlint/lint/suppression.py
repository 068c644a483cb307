"""Inline suppression comments, as markdownlint has them.

    <!-- minlint: disable=D001 -->            off from this line on (no list: every rule)
    <!-- minlint: enable=D001 -->             on again from this line on
    <!-- minlint: disable-next-line=D001,A002 -->   off for the next line (and for the
                                                    whole block that starts there)
    <!-- minlint: disable-line=D001 -->       off for this line
    <!-- minlint: disable-file=D001 -->       off for the whole file

Rules are named by code or name. Directives come from the reader
(``Document.directives``) and, for text formats whose reader does not collect them,
from the source lines themselves. In a Word document the directive is the text of a
comment, and applies to the paragraph the comment is anchored on.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from minlint.lint import regexstore as rx
from minlint.lint.blocks import Document
from minlint.lint.findings import Finding
from minlint.lint.registry import Registry

# Not looked for past the next "<!--": see readers/markdown.py.
_COMMENT = rx.compile(r"<!--\s*(minlint:(?:(?!<!--).)*?)\s*-->")
_DIRECTIVE = rx.compile(
    r"^minlint:\s*(disable-file|disable-next-line|disable-line|disable|enable)\b\s*(?:=\s*(.*))?$"
)

ALL = None  # a directive without a list applies to every rule


@dataclass(frozen=True, slots=True)
class Directive:
    """One ``minlint: disable``/``enable`` comment: its line, its action and its rules."""

    line: int
    action: str
    codes: frozenset[str] | None  # None: every rule


def parse_directive(line: int, text: str, registry: Registry) -> Directive | None:
    """Read ``minlint: disable=D001,weekday-mismatch`` (names become codes)."""
    m = _DIRECTIVE.match(text.strip())
    if not m:
        return None
    listed = [t.strip() for t in (m.group(2) or "").split(",") if t.strip()]
    if not listed:
        return Directive(line, m.group(1), ALL)
    codes = set()
    for token in listed:
        found = registry.get(token)
        codes.add(found.code if found else token)
    return Directive(line, m.group(1), frozenset(codes))


def directives_of(document: Document, registry: Registry) -> list[Directive]:
    """The document's suppression directives, in source order."""
    raw = {(d.line, d.text) for d in document.directives}
    if document.format not in ("docx", "pdf"):
        for i, text in enumerate(document.lines, start=1):
            if "minlint:" in text:
                raw.update((i, m.group(1)) for m in _COMMENT.finditer(text))
    parsed = (parse_directive(line, text, registry) for line, text in sorted(raw))
    return [d for d in parsed if d is not None]


@dataclass(slots=True)
class _State:
    """Which rules are enabled at a point of the document."""

    default: bool = True
    overrides: dict[str, bool] = field(default_factory=dict)

    def enabled(self, code: str) -> bool:
        return self.overrides.get(code, self.default)


@dataclass(slots=True)
class Suppressions:
    """Where each rule is switched off in one document."""

    starts: list[int] = field(default_factory=list)
    states: list[_State] = field(default_factory=list)
    lines: dict[int, frozenset[str] | None] = field(default_factory=dict)
    file_codes: set[str] | None = field(default_factory=set)

    def suppresses(self, finding: Finding) -> bool:
        code, line = finding.code, finding.line
        if self.file_codes is None or code in self.file_codes:
            return True
        if line in self.lines:
            codes = self.lines[line]
            if codes is None or code in codes:
                return True
        i = bisect.bisect_right(self.starts, line) - 1
        return i >= 0 and not self.states[i].enabled(code)

    def _off_at(self, line: int, codes: frozenset[str] | None) -> None:
        existing = self.lines.get(line, frozenset())
        if existing is not None:
            self.lines[line] = None if codes is None else existing | codes


def suppressions_of(document: Document, registry: Registry) -> Suppressions:
    """Read a document's directives into :class:`Suppressions`."""
    out = Suppressions()
    block_end = {b.line: b.end_line for b in document.blocks}
    state = _State()
    for d in directives_of(document, registry):
        if d.action == "disable-file":
            if d.codes is None or out.file_codes is None:
                out.file_codes = None
            else:
                out.file_codes.update(d.codes)
        elif d.action == "disable-line":
            out._off_at(d.line, d.codes)
        elif d.action == "disable-next-line":
            nxt = d.line + 1
            for line in range(nxt, max(nxt, block_end.get(nxt, nxt)) + 1):
                out._off_at(line, d.codes)
        else:
            on = d.action == "enable"
            if d.codes is None:
                state = _State(default=on)
            else:
                state = _State(state.default, {**state.overrides, **dict.fromkeys(d.codes, on)})
            if out.starts and out.starts[-1] == d.line:
                out.states[-1] = state
            else:
                out.starts.append(d.line)
                out.states.append(state)
    return out


def apply(findings: Iterable[Finding], document: Document, registry: Registry) -> list[Finding]:
    """The findings that no directive of the document switches off."""
    findings = list(findings)
    if not findings or not (document.directives or _mentions(document)):
        return findings
    sup = suppressions_of(document, registry)
    return [f for f in findings if not sup.suppresses(f)]


def _mentions(document: Document) -> bool:
    return document.format not in ("docx", "pdf") and any("minlint:" in t for t in document.lines)
