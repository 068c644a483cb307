"""What a rule sees: the draft, its matched records and the configuration.

It sits below the registry and the engine, which both use it, so that neither imports
the other for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from minlint.lint.blocks import Block, Document
from minlint.lint.findings import Finding, Related

if TYPE_CHECKING:
    from minlint.lint.config import Config
    from minlint.lint.model import ParsedDocument
    from minlint.lint.records import Records
    from minlint.lint.registry import Rule


@dataclass(slots=True)
class RuleContext:
    """What a rule sees: the draft, its matched records and the configuration."""

    rule: Rule
    path: str
    parsed: ParsedDocument
    records: Records
    config: Config

    @property
    def document(self) -> Document:
        return self.parsed.document

    def blocks(self) -> Iterator[Block]:
        """Every block of every part of the draft, in order."""
        for part in self.parsed.parts:
            yield from part.blocks

    def finding(
        self,
        line: int,
        message: str,
        *,
        column: int = 1,
        end_line: int | None = None,
        end_column: int | None = None,
        related: Sequence[Related] = (),
        severity: str | None = None,
    ) -> Finding:
        """A finding of this rule in the draft."""
        return Finding(
            path=self.path,
            line=line,
            end_line=max(line, end_line or line),
            column=column,
            code=self.rule.code,
            name=self.rule.name,
            category=self.rule.category,
            severity=severity or self.rule.severity,
            message=message,
            related=tuple(related),
            end_column=end_column,
        )

    def finding_at(
        self, block: Block, start: int, end: int, message: str, **kwargs: object
    ) -> Finding:
        """A finding for the characters ``start:end`` of ``block.text``."""
        line, column = block.locate(start)
        end_line, last = block.locate(max(start, end - 1))
        return self.finding(
            line, message, column=column, end_line=end_line, end_column=last + 1, **kwargs
        )

    def related(self, path: str, line: int, message: str) -> Related:
        return Related(path=path, line=line, message=message)
