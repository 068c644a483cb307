"""PDF reader."""

from __future__ import annotations

from pathlib import Path

from minlint.lint.blocks import Document
from minlint.lint.readers import InputError


def read_pdf(path: Path) -> Document:
    raise InputError("PDF files are not supported yet")
