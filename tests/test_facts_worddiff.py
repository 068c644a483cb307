"""Word-level differences of short texts: a quoted resolution against its source."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from minlint.lint.facts.worddiff import show_changes, similarity, word_diff


def test_case_punctuation_and_line_breaks_are_not_differences():
    changes = word_diff(
        "That a further report be brought\nto the Commission in six months' time.",
        "that a further report be brought to the Commission in six months’ time",
    )
    assert [c.op for c in changes] == ["equal"]
    assert similarity(changes) == 1.0


def test_a_changed_word_is_shown_with_its_context():
    changes = word_diff(
        "That a further report on the scheme be brought to the Commission in six months' time.",
        "That a further report on the scheme be brought to the Commission in twelve months' time.",
    )
    assert show_changes(changes) == "... the Commission in [-six-]{+twelve+} months' time."
    assert 0.9 < similarity(changes) < 1.0


def test_added_and_removed_words():
    changes = word_diff("one two three four five", "one two four five six")
    assert show_changes(changes) == "one two [-three-] four five {+six+}"


def _subsequence(words: list[str], of: list[str]) -> bool:
    it = iter(of)
    return all(any(w == x for x in it) for w in words)


@given(st.text(max_size=200), st.text(max_size=200))
def test_any_texts_are_compared(a, b):
    changes = word_diff(a, b)
    assert 0.0 <= similarity(changes) <= 1.0
    assert _subsequence([w for c in changes for w in c.old], a.split())
    assert _subsequence([w for c in changes for w in c.new], b.split())
    assert isinstance(show_changes(changes), str)
