"""From a file to the meeting model: read -> blocks -> parts -> model."""

from __future__ import annotations

from pathlib import Path

from minlint.lint.blocks import Document
from minlint.lint.model import ParsedDocument


def parse_document(doc: Document) -> ParsedDocument:
    """Split a read document into parts and extract the model of each."""
    from minlint.lint.extract import extract_part
    from minlint.lint.extract.filename import date_from_name
    from minlint.lint.extract.ocr import note_scanned
    from minlint.lint.pack import split_parts

    parsed = ParsedDocument(document=doc, parts=[extract_part(p) for p in split_parts(doc)])
    date_from_name(parsed)
    note_scanned(parsed)
    return parsed


def parse_path(path: str | Path) -> ParsedDocument:
    """Read and parse one file; raises ``InputError`` for a file that cannot be read."""
    from minlint.lint.readers import read_document

    return parse_document(read_document(path))
