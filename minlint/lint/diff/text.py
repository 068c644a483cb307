"""``minlint diff`` as text, like ``git diff --word-diff``.

Grouped by minute, each headed with its number(s), title, status and ``OLD:line
NEW:line``; each change is located by an ``@@ OLD:line NEW:line @@`` line and shown as
one paragraph with ``[-deleted-]`` and ``{+inserted+}`` words (on a terminal, in red and
green instead). A long paragraph is shown around its changes only. Identical documents
print nothing.
"""

from __future__ import annotations

from minlint.lint.diff.align import (
    REMOVED,
    UNCHANGED,
    Change,
    DocumentDiff,
    ItemDiff,
    ItemRef,
)
from minlint.lint.diff.words import DELETE, INSERT, excerpt, marked

# Replaced paragraphs longer than this many words are shown around their changes.
LONG_PARAGRAPH = 80
CONTEXT = 8

_RED, _GREEN, _CYAN, _BOLD = "31", "32", "36", "1"


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on and text else text


def _where(line: int | None) -> str:
    return "-" if line is None else str(line)


def _marks(color: bool) -> dict[str, tuple[str, str]]:
    if color:
        return {
            "delete": (f"\x1b[{_RED}m", "\x1b[0m"),
            "insert": (f"\x1b[{_GREEN}m", "\x1b[0m"),
        }
    return {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def change_text(change: Change, color: bool = False) -> str:
    """One change as a line of text with its words marked."""
    marks = _marks(color)
    if change.op == DELETE:
        return f"{marks['delete'][0]}{change.old_text}{marks['delete'][1]}"
    if change.op == INSERT:
        return f"{marks['insert'][0]}{change.new_text}{marks['insert'][1]}"
    if len(change.new_text.split()) > LONG_PARAGRAPH and change.words:
        text = excerpt(change.words, context=CONTEXT, limit=1000)
        if color:
            text = (
                text.replace("[-", marks["delete"][0])
                .replace("-]", marks["delete"][1])
                .replace("{+", marks["insert"][0])
                .replace("+}", marks["insert"][1])
            )
        return text
    return marked(change.words, **marks)


def _name(ref: ItemRef | None, kind: str) -> str:
    if ref is None:
        return ""
    if ref.number is None:
        return ref.title if kind == "minute" else f"{kind.replace('_', ' ')}: {ref.title}"
    return ref.shown


def item_heading(item: ItemDiff) -> str:
    """ "minute 99 -> 98 COMMUNICATIONS (renumbered) OLD:33 NEW:29"."""
    o, n = item.old, item.new
    if item.kind == "minute":
        numbers = [r.shown for r in (o, n) if r is not None and r.number is not None]
        if len(numbers) == 2 and numbers[0] == numbers[1]:
            numbers = numbers[:1]
        title = (n or o).title  # type: ignore[union-attr]
        label = f"minute {' -> '.join(numbers)} {title}".replace("  ", " ")
    else:
        ref = n or o
        assert ref is not None
        label = f"{item.kind.replace('_', ' ')} {ref.title}".strip()
    where = []
    if o is not None:
        where.append(f"OLD:{o.line}")
    if n is not None:
        where.append(f"NEW:{n.line}")
    return f"{label} ({item.status}) {' '.join(where)}"


def _field(change: Change, color: bool) -> str:
    label = change.field.replace("_", " ") if change.field else ""
    if change.words:
        body = change_text(change, color)
    else:
        marks = _marks(color)
        body = ""
        if change.old_text:
            body += f"{marks['delete'][0]}{change.old_text}{marks['delete'][1]}"
        if change.new_text:
            body += f"{marks['insert'][0]}{change.new_text}{marks['insert'][1]}"
    return f"{label}: {body}"


def _changes(changes: list[Change], color: bool, out: list[str]) -> None:
    for c in changes:
        out.append(_paint(f"@@ OLD:{_where(c.old_line)} NEW:{_where(c.new_line)} @@", _CYAN, color))
        if c.field is not None and c.field != "title":
            out.append(_field(c, color))
        elif c.field == "title":
            out.append(f"title: {change_text(c, color)}")
        else:
            out.append(change_text(c, color))


def summary_line(diff: DocumentDiff) -> str:
    counts = diff.summary
    parts = [f"{n} {status}" for status, n in counts.items() if n]
    if diff.header:
        parts.append(f"{len(diff.header)} header change{'s' if len(diff.header) != 1 else ''}")
    return ", ".join(parts) + "."


def render(diff: DocumentDiff, color: bool = False) -> str:
    """The text form of a diff; empty when the documents say the same."""
    if diff.same:
        return ""
    out = [
        _paint(f"--- {diff.old_path}", _BOLD, color),
        _paint(f"+++ {diff.new_path}", _BOLD, color),
    ]
    if diff.header:
        out.append(_paint("header", _BOLD, color))
        facts = [c for c in diff.header if c.field is not None]
        for c in facts:
            out.append(
                f"{_field(c, color)}  "
                + _paint(f"OLD:{_where(c.old_line)} NEW:{_where(c.new_line)}", _CYAN, color)
            )
        _changes([c for c in diff.header if c.field is None], color, out)
    for item in diff.items:
        if item.status == UNCHANGED:
            continue
        out.append(_paint(item_heading(item), _BOLD, color))
        if item.status == REMOVED or item.changes:
            _changes(item.changes, color, out)
    out.append(summary_line(diff))
    return "\n".join(out) + "\n"
