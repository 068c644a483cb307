"""Word (.docx) reader."""

from __future__ import annotations

from pathlib import Path

from minlint.lint.blocks import Document
from minlint.lint.readers import InputError


def read_docx(path: Path) -> Document:
    raise InputError("Word documents are not supported yet")
