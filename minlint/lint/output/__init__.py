"""Output formats, one module per format, imported only when used.

Each module has ``render(result, color=False) -> str``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minlint.lint.engine import CheckResult

FORMATS = ("text", "full", "json", "sarif", "github")


def render(result: CheckResult, fmt: str, *, color: bool = False) -> str:
    """The report of a run in one of :data:`FORMATS`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r}")
    module = importlib.import_module(f"minlint.lint.output.{fmt}")
    return module.render(result, color=color)
