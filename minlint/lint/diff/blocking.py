"""Candidate pairs of similar texts without comparing every pair with every other.

Set-similarity join by prefix filtering: each text is a set of tokens ordered from the
rarest to the commonest; two sets whose Jaccard similarity is at least ``t`` must share
a token among the first ``|x| - ceil(t * |x|) + 1`` of each. Indexing only those
prefixes, which hold the rarest tokens, keeps the candidate lists short, so the work
grows with the number of texts rather than with its square. Every candidate is then
checked exactly, and a caller scores the survivors with an edit distance.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence


def _prefixes(
    sets: Sequence[frozenset[str]], order: dict[str, int], threshold: float
) -> list[list[str]]:
    out = []
    for s in sets:
        ordered = sorted(s, key=order.__getitem__)
        keep = len(ordered) - math.ceil(threshold * len(ordered)) + 1
        out.append(ordered[: max(0, keep)])
    return out


def _order(*groups: Sequence[frozenset[str]]) -> dict[str, int]:
    """Each token's place from the rarest to the commonest (ties by the token)."""
    counts: Counter[str] = Counter()
    for group in groups:
        for s in group:
            counts.update(s)
    ranked = sorted(counts.items(), key=lambda item: (item[1], item[0]))
    return {token: k for k, (token, _) in enumerate(ranked)}


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


# How many texts sharing one token a text is compared with: the nearest before it
# (within one sequence) or the first (across two). Real documents stay far below it
# for the rare tokens that prefixes hold; thousands of paragraphs worded alike (a
# damaged or generated file) would otherwise be compared each with each, in time and
# memory of the square of their number.
CANDIDATES_PER_TOKEN = 64


def similar_pairs(
    left: Sequence[frozenset[str]],
    right: Sequence[frozenset[str]] | None = None,
    threshold: float = 0.5,
) -> list[tuple[int, int, float]]:
    """Pairs (i, j, jaccard) with a Jaccard similarity of at least ``threshold``.

    With ``right`` omitted, pairs within ``left`` (i < j) are returned. Empty sets are
    never paired. The result is sorted by (i, j).
    """
    same = right is None
    other = left if right is None else right
    order = _order(left) if same else _order(left, other)
    left_prefix = _prefixes(left, order, threshold)
    right_prefix = left_prefix if same else _prefixes(other, order, threshold)
    sizes = [len(s) for s in other]
    cap = CANDIDATES_PER_TOKEN

    def hits(a: frozenset[str], seen: set[int]) -> Iterable[tuple[int, float]]:
        size = len(a)
        for j in seen:
            other_size = sizes[j]
            # Sets of too different sizes cannot reach the threshold.
            if other_size <= size:
                if not other_size or other_size < threshold * size:
                    continue
            elif size < threshold * other_size:
                continue
            inter = len(a & other[j])
            score = inter / (size + other_size - inter)
            if score >= threshold:
                yield j, score

    found: list[tuple[int, int, float]] = []
    index: dict[str, list[int]] = {}
    if same:
        # Each text against the texts before it, the index growing as the texts are read.
        for j, prefix in enumerate(left_prefix):
            if not prefix:
                continue
            seen: set[int] = set()
            for token in prefix:
                seen.update(index.get(token, ())[-cap:])
            found.extend((i, j, score) for i, score in hits(left[j], seen))
            for token in prefix:
                index.setdefault(token, []).append(j)
    else:
        for j, prefix in enumerate(right_prefix):
            for token in prefix:
                index.setdefault(token, []).append(j)
        for i, prefix in enumerate(left_prefix):
            if not prefix:
                continue
            seen = set()
            for token in prefix:
                seen.update(index.get(token, ())[:cap])
            found.extend((i, j, score) for j, score in hits(left[i], seen))
    found.sort()
    return found


def token_set(words: Iterable[str], size: int = 1) -> frozenset[str]:
    """Words, or runs of ``size`` consecutive words, as a set."""
    words = list(words)
    if size <= 1 or len(words) < size:
        return frozenset(words)
    return frozenset(" ".join(words[k : k + size]) for k in range(len(words) - size + 1))
