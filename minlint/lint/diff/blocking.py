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
    sets: Sequence[frozenset[str]], rank: dict[str, tuple[int, str]], threshold: float
) -> list[list[str]]:
    out = []
    for s in sets:
        ordered = sorted(s, key=rank.__getitem__)
        keep = len(ordered) - math.ceil(threshold * len(ordered)) + 1
        out.append(ordered[: max(0, keep)])
    return out


def _ranks(*groups: Sequence[frozenset[str]]) -> dict[str, tuple[int, str]]:
    counts: Counter[str] = Counter()
    for group in groups:
        for s in group:
            counts.update(s)
    return {token: (n, token) for token, n in counts.items()}


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


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
    rank = _ranks(left) if same else _ranks(left, other)
    left_prefix = _prefixes(left, rank, threshold)
    right_prefix = left_prefix if same else _prefixes(other, rank, threshold)
    index: dict[str, list[int]] = {}
    for j, prefix in enumerate(right_prefix):
        for token in prefix:
            index.setdefault(token, []).append(j)
    found: list[tuple[int, int, float]] = []
    for i, prefix in enumerate(left_prefix):
        seen: set[int] = set()
        for token in prefix:
            seen.update(index.get(token, ()))
        for j in sorted(seen):
            if same and j <= i:
                continue
            a, b = left[i], other[j]
            small, large = sorted((len(a), len(b)))
            if not small or small < threshold * large:
                continue
            score = jaccard(a, b)
            if score >= threshold:
                found.append((i, j, score))
    return found


def token_set(words: Iterable[str], size: int = 1) -> frozenset[str]:
    """Words, or runs of ``size`` consecutive words, as a set."""
    words = list(words)
    if size <= 1 or len(words) < size:
        return frozenset(words)
    return frozenset(" ".join(words[k : k + size]) for k in range(len(words) - size + 1))
