"""Word-level diff of two strings, and the text normalisation the comparisons share.

Words are compared after the forms a reader of minutes does not notice are made the same:
curly and straight quotes, the dashes, non-breaking spaces and runs of whitespace. A
number with its separators ("£1,083.75", "20/12/2023") is one word, and punctuation is a
word of its own, so "Bacon," against "Beacon," shows only the name changed.

:func:`word_diff` returns :class:`WordOp` objects that carry their text and the space
shown before them, so a caller can render them (:func:`marked`, :func:`excerpt`, the
HTML redline) without the two strings. Long texts are compared sentence by sentence
first, then word by word inside the sentences that differ: the cost stays near linear
however repetitive the text.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from minlint.lint import regexstore as rx

EQUAL = "equal"
INSERT = "insert"
DELETE = "delete"
REPLACE = "replace"

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": "",
        "\u2026": "...",
    }
)
# A leading bullet, or a list number that Word or the clerk put before a point ("9. ").
_LEAD = rx.compile(
    r"^(?:[\-*+•▪◦●○■□➢►‣⁃·\uf0b7\uf0a7\uf0d8\uf076]\s*|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+)+"
)

TOKEN = rx.compile(
    r"[£$€]?\d+(?:[.,:/\-]\d+)*(?:st|nd|rd|th|%|[a-z](?![a-z]))?"  # numbers, 12th, 58.5%
    r"|\w+(?:['’\-‐]\w+)*"  # words, Baker-Rogers, Children's
    r"|[^\w\s]"  # a punctuation mark
)
_STOPS = frozenset(".!?")

# Texts longer than this many words are aligned sentence by sentence before words.
LONG_TEXT = 400


def fold(text: str) -> str:
    """Quotes, dashes and spaces in one form each; whitespace runs as one space."""
    if not text.isascii() or "`" in text:  # most text has nothing to fold: skip the table
        text = text.translate(_FOLD)
    return " ".join(text.split())


_TITLE_NOISE = rx.compile(r"[^0-9a-z]+")


def title_key(title: str) -> str:
    """A minute's title as compared: letters and figures only, in lower case."""
    return _TITLE_NOISE.sub(" ", fold(title).casefold()).strip()


@functools.lru_cache(maxsize=8192)
def paragraph_key(text: str) -> str:
    """A paragraph as compared: folded, without a leading bullet glyph or dash."""
    return _LEAD.sub("", fold(text))


@dataclass(frozen=True, slots=True)
class WordOp:
    """One run of a word diff.

    ``old_text``/``new_text`` are the run's text in each string (empty for an insertion
    or a deletion; equal runs carry both). ``space`` is the whitespace shown before the
    run when the diff is rendered as one text. The offsets locate the run in the
    strings that were compared.
    """

    op: str
    old_text: str
    new_text: str
    space: str = ""
    old_start: int = 0
    old_end: int = 0
    new_start: int = 0
    new_end: int = 0

    def to_json(self) -> dict[str, str]:
        return {"op": self.op, "old_text": self.old_text, "new_text": self.new_text}


@dataclass(frozen=True, slots=True)
class _Token:
    """A word or mark of a text, as compared (``key``), and where it is."""

    key: str
    start: int
    end: int


def tokens(text: str) -> list[_Token]:
    return [_Token(m.group().translate(_FOLD), m.start(), m.end()) for m in TOKEN.finditer(text)]


def _sentences(toks: Sequence[_Token], text: str) -> list[tuple[int, int]]:
    """Token ranges of the sentences of ``text`` (a sentence ends at . ! or ? and a space)."""
    out: list[tuple[int, int]] = []
    start = 0
    for i, t in enumerate(toks):
        if t.key in _STOPS and text[t.end : t.end + 1].isspace():
            out.append((start, i + 1))
            start = i + 1
    if start < len(toks):
        out.append((start, len(toks)))
    return out


def _matching(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, int]]:
    """Matching blocks (i, j, n) of two key sequences, in order, ending with a sentinel."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()


def _token_opcodes(
    a: Sequence[_Token], b: Sequence[_Token], a_text: str, b_text: str
) -> list[tuple[str, int, int, int, int]]:
    """Opcodes over token indexes; long texts go through sentences first."""
    if len(a) + len(b) <= 2 * LONG_TEXT:
        return _opcodes(_matching([t.key for t in a], [t.key for t in b]), len(a), len(b))
    sa, sb = _sentences(a, a_text), _sentences(b, b_text)
    ka = [" ".join(t.key for t in a[i:j]) for i, j in sa]
    kb = [" ".join(t.key for t in b[i:j]) for i, j in sb]
    out: list[tuple[str, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in _opcodes(_matching(ka, kb), len(sa), len(sb)):
        a1 = sa[i1][0] if i1 < len(sa) else len(a)
        a2 = sa[i2 - 1][1] if i2 > i1 else a1
        b1 = sb[j1][0] if j1 < len(sb) else len(b)
        b2 = sb[j2 - 1][1] if j2 > j1 else b1
        if tag == EQUAL:
            out.append((EQUAL, a1, a2, b1, b2))
        elif tag == REPLACE and (a2 - a1) + (b2 - b1) <= 4 * LONG_TEXT:
            sub = _opcodes(
                _matching([t.key for t in a[a1:a2]], [t.key for t in b[b1:b2]]), a2 - a1, b2 - b1
            )
            out.extend((t, x1 + a1, x2 + a1, y1 + b1, y2 + b1) for t, x1, x2, y1, y2 in sub)
        else:
            out.append((tag, a1, a2, b1, b2))
    return out


def _opcodes(
    blocks: Sequence[tuple[int, int, int]], na: int, nb: int
) -> list[tuple[str, int, int, int, int]]:
    out: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for bi, bj, n in blocks:
        if i < bi or j < bj:
            tag = REPLACE if i < bi and j < bj else DELETE if i < bi else INSERT
            out.append((tag, i, bi, j, bj))
        if n:
            out.append((EQUAL, bi, bi + n, bj, bj + n))
        i, j = bi + n, bj + n
    if i < na or j < nb:
        tag = REPLACE if i < na and j < nb else DELETE if i < na else INSERT
        out.append((tag, i, na, j, nb))
    return out


def _loose(toks: list[_Token]) -> list[_Token]:
    """Words only, in lower case: a quotation re-cased or re-punctuated is the same."""
    return [_Token(t.key.lower(), t.start, t.end) for t in toks if t.key[:1].isalnum()]


def word_diff(old: str, new: str, *, loose: bool = False) -> list[WordOp]:
    """The word-level diff of two texts: runs of equal, inserted, deleted and replaced
    words, in order. Equal texts give one equal run (or none when both are empty).

    With ``loose``, case and punctuation are not differences (a quotation against its
    source); the runs still show the texts as written."""
    a, b = tokens(old), tokens(new)
    if loose:
        a, b = _loose(a), _loose(b)
    ops: list[WordOp] = []
    a_at = b_at = 0  # where the previous run ended in each text
    for tag, i1, i2, j1, j2 in _token_opcodes(a, b, old, new):
        o1 = a[i1].start if i1 < i2 else a_at
        o2 = a[i2 - 1].end if i1 < i2 else a_at
        n1 = b[j1].start if j1 < j2 else b_at
        n2 = b[j2 - 1].end if j1 < j2 else b_at
        # The space before a run is the one its text had; a deletion takes the old one.
        gap = old[a_at:o1] if tag == DELETE else new[b_at:n1]
        ops.append(
            WordOp(
                op=tag,
                old_text=old[o1:o2],
                new_text=new[n1:n2],
                space=" " if ops and gap else "",
                old_start=o1,
                old_end=o2,
                new_start=n1,
                new_end=n2,
            )
        )
        a_at, b_at = o2, n2
    return ops


def changed(ops: Sequence[WordOp]) -> bool:
    return any(op.op != EQUAL for op in ops)


def marked(
    ops: Sequence[WordOp],
    *,
    delete: tuple[str, str] = ("[-", "-]"),
    insert: tuple[str, str] = ("{+", "+}"),
) -> str:
    """The diff as one text, like ``git diff --word-diff``: ``[-old-]{+new+}``."""
    out: list[str] = []
    for op in ops:
        out.append(op.space)
        if op.op == EQUAL:
            out.append(shown(op.new_text))
            continue
        if op.old_text:
            out.append(f"{delete[0]}{shown(op.old_text)}{delete[1]}")
        if op.new_text:
            out.append(f"{insert[0]}{shown(op.new_text)}{insert[1]}")
    return "".join(out)


def shown(text: str) -> str:
    """A run's text as displayed: its whitespace as single spaces."""
    return " ".join(text.split())


def excerpt(ops: Sequence[WordOp], context: int = 3, limit: int = 6) -> str:
    """The changes with a few words of context, for a message:
    ``…review in [-six-]{+twelve+} months' time``. Changes close together share their
    context; after ``limit`` changes the rest is left out ("…")."""
    changes = [k for k, op in enumerate(ops) if op.op != EQUAL]
    if not changes:
        return ""
    groups: list[list[int]] = [[changes[0]]]
    for k in changes[1:]:
        between = ops[groups[-1][-1] + 1 : k]
        if sum(len(op.new_text.split()) for op in between) <= 2 * context:
            groups[-1].append(k)
        else:
            groups.append([k])
    pieces: list[str] = []
    for g in groups[:limit]:
        first, last = g[0], g[-1]
        text = marked(
            [
                replace(op, space="") if i == first else op
                for i, op in zip(range(first, last + 1), ops[first : last + 1], strict=True)
            ]
        )
        before = ops[first - 1] if first and ops[first - 1].op == EQUAL else None
        after = ops[last + 1] if last + 1 < len(ops) and ops[last + 1].op == EQUAL else None
        if before is not None:
            words = before.new_text.split()
            cut = "…" if len(words) > context else ""
            text = cut + " ".join(words[-context:]) + ops[first].space + text
        if after is not None:
            words = after.new_text.split()
            cut = "…" if len(words) > context else ""
            text = text + after.space + " ".join(words[:context]) + cut
        pieces.append(text)
    if len(groups) > limit:
        pieces.append("…")
    return " ".join(pieces)


def shared_words(ops: Sequence[WordOp]) -> float:
    """The share of the words of both texts that the diff finds equal (1.0: the same)."""
    same = sum(len(op.old_text.split()) for op in ops if op.op == EQUAL)
    total = sum(len(op.old_text.split()) + len(op.new_text.split()) for op in ops)
    return 2 * same / total if total else 1.0


# Texts longer than this together are compared word by word: the character comparison
# grows with the product of the lengths (0.6 s for two 200 KB paragraphs of a file
# copied into itself), and no paragraph of minutes comes near it.
LONG_TEXTS = 40_000


def similarity(a: str, b: str, at_least: float | None = None) -> float:
    """The normalised Levenshtein similarity (0 to 1) of two texts as compared; with
    ``at_least``, any score below it is 0.0, found sooner."""
    import Levenshtein

    # The cut-off is lowered a little: the library turns it into a whole number of
    # edits with rounding that drops a score exactly at it (0.8 given for 0.8).
    cutoff = None if at_least is None else max(0.0, at_least - 1e-6)
    if len(a) + len(b) > LONG_TEXTS:
        return Levenshtein.ratio(a.split(), b.split(), score_cutoff=cutoff)
    return Levenshtein.ratio(a, b, score_cutoff=cutoff)
