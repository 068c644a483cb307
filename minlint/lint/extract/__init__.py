"""The meeting model of each part: who attended, the numbered minutes and their
resolutions, the agenda's membership and items, the next meeting."""

from __future__ import annotations

from minlint.lint.extract.agenda import extract_agenda
from minlint.lint.extract.minutes import extract_minutes
from minlint.lint.model import AGENDA, MINUTES, Part

__all__ = ["extract_agenda", "extract_minutes", "extract_part"]


def extract_part(part: Part) -> Part:
    """The model of one part; parts other than agenda and minutes are kept as they are."""
    if part.kind == MINUTES:
        return extract_minutes(part)
    if part.kind == AGENDA:
        return extract_agenda(part)
    return part
