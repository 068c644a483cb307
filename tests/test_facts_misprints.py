"""Misprinted day numbers before a month name ("24h April")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minlint.lint.facts.misprints import misprinted_days


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("on Tuesday, 24h April, 2018.", [("24h", 24, 4, "24h April")]),
        ("the 1s March", [("1s", 1, 3, "1s March")]),
        ("31h June", []),  # not a day of June
        ("the 2d June and the 22d May", []),  # an old way of writing 2nd and 22nd
        ("a 5k March", []),
        ("24 hours in April", []),
        ("3RD MAY", []),
    ],
)
def test_misprinted_days_are_read(text, found):
    assert [
        (m.written, m.day, m.month, text[m.start : m.end]) for m in misprinted_days(text)
    ] == found


@given(st.text(max_size=200))
def test_any_text_is_read_without_error(text):
    for m in misprinted_days(text):
        assert 0 <= m.start < m.stray < m.stray_end <= m.end <= len(text)
        assert 1 <= m.day <= 31 and 1 <= m.month <= 12
