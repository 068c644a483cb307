"""How a set of minutes writes its numbers: in figures, in Roman numerals, or with the
year they share ("25/101", "101/25", "FC/25/003"), so that findings name minutes as the
minutes do and references written with a year can be read against them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from minlint.lint.model import Minute
from minlint.lint.readers.lines import roman_numeral


def _figures(written: str) -> tuple[str, str]:
    """The two figures of "25/101" or "FC/25/101": ("25", "101")."""
    first, second = written.rsplit("/", 1)
    return first.rsplit("/", 1)[-1].split()[-1] if first.split() else first, second


def year_layout(items: Sequence[Minute]) -> tuple[int, str, int] | None:
    """(the place of the year among the two figures, the year as written, the width the
    running number is padded to) of minutes numbered with the year they share: (0, "25",
    0) for "25/101", (1, "25", 0) for "101/25", (0, "25", 3) for "FC/25/003"; None for
    minutes numbered otherwise."""
    written = [m.written for m in items]
    if not written or not all(w and "/" in w for w in written):
        return None
    pairs = [_figures(w) for w in written]
    numbers = [m.number for m in items]
    for side in (0, 1):
        years = {p[side] for p in pairs}
        figures = [p[1 - side] for p in pairs]
        if len(years) == 1 and all(
            f.isdigit() and int(f) == n for f, n in zip(figures, numbers, strict=True)
        ):
            padded = len({len(f) for f in figures}) == 1 and any(f[0] == "0" for f in figures)
            return side, years.pop(), len(figures[0]) if padded else 0
    return None


def shown_numbers(items: Sequence[Minute]) -> Callable[[int], str]:
    """How to write a minute number as these minutes write theirs: in Roman numerals,
    with the year and letters they share ("25/101", "101/25", "FC/25/003"), or in
    figures."""
    from minlint.lint.extract.headings import written_in_roman

    written = [m.written for m in items]
    if written and all(written_in_roman(w) for w in written):
        return roman_numeral
    layout = year_layout(items)
    if layout is None:
        return str
    side, _, width = layout
    # what the minutes' labels share around the running number ("FC/25/", "/25")
    label = written[0]
    figure = _figures(label)[1 - side]
    cut = label.rfind(figure) if side == 0 else label.find(figure)
    head, tail = label[:cut], label[cut + len(figure) :]
    return lambda n: f"{head}{n:0{width}d}{tail}"
