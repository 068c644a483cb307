"""Candidate pairs by prefix filtering are every pair of sets as similar as asked: the
same pairs, in the same order, as comparing every set with every other."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from minlint.lint.diff.blocking import jaccard, similar_pairs

SETS = st.lists(st.frozensets(st.sampled_from("abcdefghij"), max_size=7), max_size=12)
THRESHOLD = st.sampled_from([0.3, 0.5, 0.75, 1.0])


def every_pair(left, right, threshold):
    same = right is None
    other = left if same else right
    return [
        (i, j, jaccard(a, b))
        for i, a in enumerate(left)
        for j, b in enumerate(other)
        if (not same or j > i) and a and b and jaccard(a, b) >= threshold
    ]


@given(SETS, THRESHOLD)
def test_pairs_within_one_list(sets, threshold):
    assert similar_pairs(sets, None, threshold) == every_pair(sets, None, threshold)


@given(SETS, SETS, THRESHOLD)
def test_pairs_across_two_lists(left, right, threshold):
    assert similar_pairs(left, right, threshold) == every_pair(left, right, threshold)
