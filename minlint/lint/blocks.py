"""The reader's output: a document as a list of blocks that keep their source position."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE_ROW = "table_row"


@dataclass(frozen=True, slots=True)
class Block:
    """One heading, paragraph, list item or table row.

    ``line`` and ``end_line`` are 1-based source lines of the file for text, markdown and
    HTML, and paragraph numbers of a Word document's body. ``page`` is set where the
    source has pages (PDF). ``cells`` holds a table row's cell texts; ``text`` is then
    the cells joined by " | ". ``origins`` maps text offsets back to source lines, and
    ``shifts`` to columns within a line where the text no longer matches the source one
    character for one (after a tab read as two spaces).
    """

    kind: str
    text: str
    line: int
    end_line: int
    level: int = 0
    cells: tuple[str, ...] = ()
    page: int | None = None
    origins: tuple[tuple[int, int, int], ...] = ()
    shifts: tuple[tuple[int, int, int], ...] = ()  # (offset in text, line, column)
    # Where a title set in bold at the start of a paragraph ends, when text follows it
    # ("**45. Apologies for absence** Apologies were received ..."); 0 for none.
    lead: int = 0

    def locate(self, offset: int) -> tuple[int, int]:
        """The source (line, column) of character ``offset`` of ``text``.

        ``origins`` lists (offset in text, line, column) for the start of each source
        line the block was joined from; without it the block's first line is used.
        """
        line, column, base = self.line, 1, 0
        for start, ln, col in self.origins:
            if start > offset:
                break
            line, column, base = ln, col, start
        for start, ln, col in self.shifts:
            if start > offset:
                break
            if start >= base:
                line, column, base = ln, col, start
        return line, column + max(0, offset - base)


_BLOCK_FIELDS = tuple(f.name for f in fields(Block))


def _block_setstate(block: Block, state: list) -> None:
    # dataclasses' own looks up the class's fields for every block unpickled: a third of
    # the time of reading a parsed record from the cache.
    for name, value in zip(_BLOCK_FIELDS, state, strict=True):
        object.__setattr__(block, name, value)


Block.__setstate__ = _block_setstate  # type: ignore[method-assign]


@dataclass(frozen=True, slots=True)
class Directive:
    """A comment in the source that may carry a minlint suppression."""

    line: int
    text: str


@dataclass(slots=True)
class Document:
    """A file read into blocks.

    ``lines`` are the source lines as a person sees them (for a Word document, its
    paragraphs), used to show findings in context. ``notices`` are facts about the
    file itself that a check may report, such as tracked changes left in a draft, and
    ``revision_lines`` the lines (paragraphs) that hold those changes.
    """

    path: str
    format: str
    blocks: list[Block]
    lines: list[str] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    revision_lines: list[int] = field(default_factory=list)  # where tracked changes remain
    scanned: list[tuple[int, int]] = field(default_factory=list)  # line ranges read by OCR
