"""What a rule reports: a finding at a place in a file, with related places elsewhere."""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)

CATEGORIES = (
    "date",
    "total",
    "resolution",
    "agenda",
    "duplicate",
    "attendance",
    "numbering",
    "record",
    "document",
)


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding: the agenda item, the earlier minute ..."""

    path: str
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place.

    ``line``/``end_line`` and ``column`` are 1-based positions in the file (paragraph
    numbers for a Word document). ``end_column`` (exclusive, on ``end_line``) is used
    only to underline the finding; ``fingerprint`` identifies it for a baseline
    independently of its line number.
    """

    path: str
    line: int
    end_line: int
    column: int
    code: str
    name: str
    category: str
    severity: str
    message: str
    related: tuple[Related, ...] = ()
    end_column: int | None = None
    fingerprint: str = field(default="", compare=False)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def to_json(self) -> dict[str, object]:
        """The violation object of the JSON report (see ``schemas/report.schema.json``)."""
        return {
            "path": self.path,
            "line": self.line,
            "end_line": self.end_line,
            "column": self.column,
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "related": [
                {"path": r.path, "line": r.line, "message": r.message} for r in self.related
            ],
        }


@dataclass(frozen=True, slots=True, order=True)
class FileError:
    """A file that could not be checked, with a one-line reason (the path is not repeated)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: error: {self.message}"
