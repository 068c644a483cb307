"""Text that a PDF's extraction drew several times over.

Slides and bold titles exported to PDF often come out with their words repeated three
or four times in a row ("‘Our Rotherham’: achieving the ‘Our Rotherham’: achieving the
..."). Such text is not what the clerk wrote: counts and lists that take it in are not
to be trusted.
"""

from __future__ import annotations

from minlint.lint.lazyre import LazyPattern

__all__ = ["drawn_repeatedly"]

# Phrases start at a word's start, and words are bounded: in a run of thousands of
# characters without a space, each start would otherwise try every length of it.
_THRICE = LazyPattern(r"(?<!\S)(\S{1,60}(?:\s+\S{1,60}){1,8})\s+\1\s+\1(?!\S)")


def drawn_repeatedly(text: str) -> bool:
    """Whether a phrase of two to nine words comes three times in a row in the text."""
    return len(text) > 20 and _THRICE.search(text) is not None
