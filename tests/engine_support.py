"""Helpers for the engine tests: documents built by hand, and runs of the engine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from minlint.lint.blocks import PARAGRAPH, Block, Document
from minlint.lint.config import DEFAULT
from minlint.lint.engine import CheckOptions, CheckResult, RuleContext, run_check
from minlint.lint.model import AgendaPart, MinutesPart, ParsedDocument, Part
from minlint.lint.records import Records
from minlint.lint.registry import load_registry

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "engine"


def document(*paragraphs: str, path: str = "draft.txt") -> Document:
    """A text document of one-line paragraphs separated by blank lines."""
    lines: list[str] = []
    blocks: list[Block] = []
    for text in paragraphs:
        if lines:
            lines.append("")
        lines.append(text)
        n = len(lines)
        blocks.append(Block(kind=PARAGRAPH, text=text, line=n, end_line=n, origins=((0, n, 1),)))
    return Document(path=path, format="text", blocks=blocks, lines=lines)


def _typed(cls, kind, doc, date, body, start, end):
    end = end or len(doc.lines)
    blocks = [b for b in doc.blocks if start <= b.line <= end]
    return cls(kind=kind, start_line=start, end_line=end, blocks=blocks, body=body, date=date)


def minutes(
    doc: Document, date: dt.date | None, body: str | None = "Test Panel", start: int = 1, end=None
) -> MinutesPart:
    return _typed(MinutesPart, "minutes", doc, date, body, start, end)


def agenda(
    doc: Document, date: dt.date | None, body: str | None = "Test Panel", start: int = 1, end=None
) -> AgendaPart:
    return _typed(AgendaPart, "agenda", doc, date, body, start, end)


def part(kind: str, doc: Document, start: int, end: int) -> Part:
    blocks = [b for b in doc.blocks if start <= b.line <= end]
    return Part(kind=kind, start_line=start, end_line=end, blocks=blocks)


def run_rule(code: str, parsed: ParsedDocument, records: Records | None = None):
    """The findings of one rule on a parsed document, as the engine would run it."""
    rule = load_registry().get(code)
    assert rule is not None
    ctx = RuleContext(rule, parsed.document.path, parsed, records or Records(), DEFAULT)
    return list(rule.check(ctx))


def check(*paths: str | Path, **options) -> CheckResult:
    """Run the engine on files, as ``minlint check`` does."""
    jobs = options.pop("jobs", 1)
    return run_check([str(p) for p in paths], CheckOptions(**options), jobs=jobs)


def sample_result() -> CheckResult:
    """A run with findings of each severity, related places, and a bad file."""
    from minlint.lint.findings import FileError, Finding, Related

    rules = [load_registry().get("D001")]

    def f(path, line, column, severity, message, related=(), end_line=None, end_column=None):
        return Finding(
            path=path,
            line=line,
            end_line=end_line or line,
            column=column,
            code="D001",
            name="weekday-mismatch",
            category="date",
            severity=severity,
            message=message,
            related=tuple(related),
            end_column=end_column,
            fingerprint="0123456789abcdef",
        )

    findings = [
        f("drafts/a b.md", 3, 5, "error", "Tuesday does not fall on 2 May 2024 (a Thursday)"),
        f(
            "drafts/a b.md",
            7,
            1,
            "warning",
            "Monday, 50% sure: does not fall\non 3 June",
            related=[Related("agenda.txt", 12, "the agenda gives 4 June")],
            end_line=8,
            end_column=9,
        ),
        f("drafts/c.md", 1, 1, "info", "a note"),
    ]
    errors = [FileError("missing.md", "no such file")]
    lines = {
        "drafts/a b.md": tuple(f"line {i}" for i in range(1, 10)),
        "drafts/c.md": ("only line",),
    }
    return CheckResult(
        findings=findings,
        errors=errors,
        files=["drafts/a b.md", "drafts/c.md", "missing.md"],
        rules=rules,
        lines=lines,
    )


def variant(tmp_path: Path, source: Path, *changes: tuple[str, str]) -> Path:
    """A copy of ``source`` in ``tmp_path`` with each (old, new) replacement made once over."""
    text = source.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    out = tmp_path / source.name
    out.write_text(text, encoding="utf-8")
    return out


def copies(tmp_path: Path, folder: Path, *skip: str) -> Path:
    """A copy of a folder of real documents in ``tmp_path`` (for edited variants of one of
    them among its records); files named in ``skip`` are left out."""
    import shutil

    out = tmp_path / folder.name
    out.mkdir(exist_ok=True)
    for f in sorted(folder.iterdir()):
        if f.is_file() and f.name not in skip:
            shutil.copyfile(f, out / f.name)
    return out
