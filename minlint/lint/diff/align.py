"""Structural alignment of two meeting documents: what ``minlint diff`` reports.

Two documents are aligned from the top of their structure down, never word by word
over the whole text (which is superlinear on the repetitive prose of minutes):

1. parts (an agenda pack's agenda, attached minutes, reports ...), by kind, date and
   title;
2. in a pair of minutes, the header facts (body, date, time, venue, chair, who was
   present, who sent apologies, who attended) and the paragraphs before the first
   minute;
3. the minutes, by number and title: a minute keeps its partner when it is renumbered,
   moved, or retitled, and one found on one side only is added or removed;
4. the paragraphs (resolution parts included) of two aligned minutes, by their
   normalised text, with paragraphs that were split or joined recognised as the same;
5. a word diff inside each pair of paragraphs that differ.

A document without numbered minutes is aligned paragraph by paragraph. The result,
:class:`DocumentDiff`, is rendered as text, JSON or HTML by the sibling modules; its
pieces (:func:`align_blocks`, :func:`align_minutes`) serve the rules that compare a
quoted resolution with its source.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from minlint.lint.blocks import Block
from minlint.lint.diff.words import (
    DELETE,
    EQUAL,
    INSERT,
    REPLACE,
    WordOp,
    changed,
    paragraph_key,
    title_key,
    word_diff,
)
from minlint.lint.model import MinutesPart, ParsedDocument, Part, Person

UNCHANGED = "unchanged"
CHANGED = "changed"
ADDED = "added"
REMOVED = "removed"
MOVED = "moved"
RENUMBERED = "renumbered"
STATUSES = (UNCHANGED, CHANGED, ADDED, REMOVED, MOVED, RENUMBERED)

# Paragraphs less similar than this are a deletion and an insertion, not an edit.
PAIR_RATIO = 0.5
# Gaps of more paragraph pairs than this are paired within a band, not all against all.
FULL_PAIRING = 2500
BAND = 12


@dataclass(frozen=True, slots=True)
class Change:
    """A paragraph (or header fact) inserted, deleted or replaced.

    Lines are those of the first word that differs; an insertion's ``old_line`` (a
    deletion's ``new_line``) is where it happens in the other document, when known.
    ``words`` is the word diff of a replacement; ``field`` names a header fact
    ("date", "present" ...), "title" for a minute's title, or is None for a paragraph.
    """

    op: str
    old_text: str
    new_text: str
    old_line: int | None
    new_line: int | None
    words: tuple[WordOp, ...] = ()
    field: str | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "op": self.op,
            "old_text": self.old_text,
            "new_text": self.new_text,
            "old_line": self.old_line,
            "new_line": self.new_line,
        }
        if self.field is not None:
            out["field"] = self.field
        if self.words:
            out["words"] = [w.to_json() for w in self.words]
        return out


@dataclass(frozen=True, slots=True)
class ItemRef:
    """A minute (or a whole part, with no number) on one side of the diff."""

    number: int | None
    title: str
    line: int
    written: str = ""  # the number as the minutes write it, when not in figures

    @property
    def shown(self) -> str:
        return self.written or str(self.number)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"number": self.number, "title": self.title, "line": self.line}
        if self.written:
            out["written"] = self.written
        return out


@dataclass(slots=True)
class ItemDiff:
    """One minute (or part) of the comparison: unchanged, changed, added, removed,
    moved or renumbered, with its word-level changes."""

    status: str
    old: ItemRef | None
    new: ItemRef | None
    changes: list[Change] = field(default_factory=list)
    kind: str = "minute"  # or the kind of a whole part compared paragraph by paragraph

    def to_json(self) -> dict[str, object]:
        return {
            "status": self.status,
            "kind": self.kind,
            "old": self.old.to_json() if self.old else None,
            "new": self.new.to_json() if self.new else None,
            "changes": [c.to_json() for c in self.changes],
        }


@dataclass(slots=True)
class DocumentDiff:
    """Two versions of a document compared: the changes before the first minute, then
    minute by minute."""

    old_path: str
    new_path: str
    header: list[Change] = field(default_factory=list)
    items: list[ItemDiff] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        counts = {s: 0 for s in (ADDED, REMOVED, CHANGED, MOVED, RENUMBERED, UNCHANGED)}
        for item in self.items:
            counts[item.status] += 1
        return counts

    @property
    def same(self) -> bool:
        """Whether the two documents say the same (formatting aside)."""
        return not self.header and all(i.status == UNCHANGED for i in self.items)


# --- paragraphs ------------------------------------------------------------------------


def _line_at(block: Block, offset: int) -> int:
    return block.locate(max(0, min(offset, max(0, len(block.text) - 1))))[0]


def replacement(old: Block, new: Block, field_name: str | None = None) -> Change | None:
    """The change from one paragraph to another, or None when they read the same."""
    ops = word_diff(old.text, new.text)
    if not changed(ops):
        return None
    first = next(op for op in ops if op.op != EQUAL)
    return Change(
        REPLACE,
        old.text,
        new.text,
        _line_at(old, first.old_start),
        _line_at(new, first.new_start),
        tuple(ops),
        field_name,
    )


def _matches(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, int]]:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()


def _joined_runs(
    a: Sequence[str], b: Sequence[str], backwards: bool = False
) -> tuple[list[tuple[int, int, int, int]], int, int]:
    """Leading runs of paragraphs whose joined texts are equal (a paragraph split in two,
    or two joined): [(i1, i2, j1, j2)], and where the runs stop in each sequence. With
    ``backwards`` the sequences are given last paragraph first, and so are the runs."""

    def begins(whole: str, piece: str) -> bool:
        return whole.endswith(piece) if backwards else whole.startswith(piece)

    runs = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            runs.append((i, i + 1, j, j + 1))
            i, j = i + 1, j + 1
            continue
        if begins(a[i], b[j]):
            longer, shorter, at, other_at = a, b, i, j
        elif begins(b[j], a[i]):
            longer, shorter, at, other_at = b, a, j, i
        else:
            break
        text, end = shorter[other_at], other_at + 1
        while text != longer[at] and end < len(shorter):
            nxt = f"{shorter[end]} {text}" if backwards else f"{text} {shorter[end]}"
            if not begins(longer[at], nxt):
                break
            text, end = nxt, end + 1
        if text != longer[at]:
            break
        if longer is a:
            runs.append((i, i + 1, j, end))
            i, j = i + 1, end
        else:
            runs.append((i, end, j, j + 1))
            i, j = end, j + 1
    return runs, i, j


def _pairs_in_gap(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Order-preserving pairs of similar paragraphs in a gap, by the highest total
    similarity (a band around the diagonal when the gap is large)."""
    import Levenshtein

    n, m = len(a), len(b)
    if not n or not m:
        return []
    full = n * m <= FULL_PAIRING

    def score(i: int, j: int) -> float:
        if not full and abs(i * m / n - j) > BAND:
            return 0.0
        s = Levenshtein.ratio(a[i], b[j], score_cutoff=PAIR_RATIO)
        return s if s >= PAIR_RATIO else 0.0

    # best[i][j]: the best total for a[:i], b[:j]; rows kept whole for the traceback.
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    took = [[0] * (m + 1) for _ in range(n + 1)]  # 1 pair, 2 skip a, 3 skip b
    for i in range(1, n + 1):
        row, prev = best[i], best[i - 1]
        for j in range(1, m + 1):
            s = score(i - 1, j - 1)
            pick, how = prev[j], 2
            if row[j - 1] > pick:
                pick, how = row[j - 1], 3
            if s and prev[j - 1] + s > pick:
                pick, how = prev[j - 1] + s, 1
            row[j], took[i][j] = pick, how
    pairs = []
    i, j = n, m
    while i and j:
        how = took[i][j]
        if how == 1:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif how == 2:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def align_blocks(
    old: Sequence[Block],
    new: Sequence[Block],
    key: Callable[[Block], str] = lambda b: paragraph_key(b.text),
) -> list[Change]:
    """The changes from one sequence of paragraphs to another, in document order.

    Paragraphs are matched by their normalised text first; between matches, runs of
    paragraphs that were split or joined are recognised as equal, and the rest are
    paired by similarity (then diffed word by word) or left as insertions and
    deletions.
    """
    keyed_old = [(b, k) for b in old if (k := key(b))]
    keyed_new = [(b, k) for b in new if (k := key(b))]
    old = [b for b, _ in keyed_old]
    new = [b for b, _ in keyed_new]
    ka, kb = [k for _, k in keyed_old], [k for _, k in keyed_new]
    changes: list[Change] = []
    i = j = 0
    for bi, bj, size in _matches(ka, kb):
        if i < bi or j < bj:
            changes.extend(_gap(old[i:bi], new[j:bj], ka[i:bi], kb[j:bj], old, new, i, j))
        i, j = bi + size, bj + size
    return changes


def _anchor(blocks: Sequence[Block], at: int) -> int | None:
    """The line where something was inserted or deleted: the paragraph after, or before."""
    if at < len(blocks):
        return blocks[at].line
    return blocks[-1].end_line if blocks else None


def _gap(
    a: Sequence[Block],
    b: Sequence[Block],
    ka: Sequence[str],
    kb: Sequence[str],
    all_a: Sequence[Block],
    all_b: Sequence[Block],
    a0: int,
    b0: int,
) -> list[Change]:
    _, i0, j0 = _joined_runs(ka, kb)
    _, ri, rj = _joined_runs(ka[i0:][::-1], kb[j0:][::-1], backwards=True)
    i1, j1 = len(ka) - ri, len(kb) - rj
    if i1 < i0 or j1 < j0:  # the two scans overlapped: all of it is rejoined text
        return []
    mid_a, mid_b = ka[i0:i1], kb[j0:j1]
    out: list[Change] = []
    pairs = _pairs_in_gap(mid_a, mid_b)
    x = y = 0
    for pi, pj in [*pairs, (len(mid_a), len(mid_b))]:
        while x < pi:
            block = a[i0 + x]
            out.append(Change(DELETE, block.text, "", block.line, _anchor(all_b, b0 + j0 + y)))
            x += 1
        while y < pj:
            block = b[j0 + y]
            out.append(Change(INSERT, "", block.text, _anchor(all_a, a0 + i0 + x), block.line))
            y += 1
        if pi < len(mid_a) and pj < len(mid_b):
            change = replacement(a[i0 + pi], b[j0 + pj])
            if change is not None:
                out.append(change)
            x, y = pi + 1, pj + 1
    return out


# --- minutes -----------------------------------------------------------------------------


def _unique(keys: Sequence[object]) -> dict[object, int]:
    seen: dict[object, int] = {}
    twice: set[object] = set()
    for k, key in enumerate(keys):
        if key in seen:
            twice.add(key)
        seen[key] = k
    return {key: k for key, k in seen.items() if key not in twice}


@dataclass(frozen=True, slots=True)
class Section:
    """What is aligned as one minute: its number, title, line and paragraphs."""

    number: int | None
    title: str
    line: int
    blocks: tuple[Block, ...]
    written: str = ""

    @property
    def ref(self) -> ItemRef:
        return ItemRef(self.number, self.title, self.line, self.written)

    def content(self) -> str:
        """The minute's text as compared (the paragraphs normalised)."""
        return "\n".join(k for b in self.blocks if (k := paragraph_key(b.text)))

    def words(self) -> frozenset[str]:
        from minlint.lint.diff.blocking import token_set

        text = " ".join(paragraph_key(b.text).casefold() for b in self.blocks)
        return token_set(re.findall(r"\w+", text), 2)


def align_minutes(old: Sequence[Section], new: Sequence[Section]) -> list[tuple[int, int]]:
    """Pairs (old index, new index) of the same minute, sorted by new index.

    In turn: the same title and text in the same order; between those, the same titles
    in the same order (so minutes renumbered, added or removed keep their partners,
    and repeated titles pair in order); the same title out of that order (a minute
    moved; the nearest where titles repeat); the same number with a similar title
    (retitled); a similar title; similar content. What is left is added or removed.
    """
    import Levenshtein

    pairs: dict[int, int] = {}  # old -> new
    taken: set[int] = set()

    def pair(i: int, j: int) -> None:
        pairs[i] = j
        taken.add(j)

    tk_old = [title_key(s.title) for s in old]
    tk_new = [title_key(s.title) for s in new]
    # The skeleton: minutes unchanged in title and text, in order; then, between them,
    # titles in order (minutes renumbered, added or removed keep their partners).
    from difflib import SequenceMatcher

    content_old = [(t, s.content()) for s, t in zip(old, tk_old, strict=True)]
    content_new = [(t, s.content()) for s, t in zip(new, tk_new, strict=True)]
    anchors = []
    matcher = SequenceMatcher(None, content_old, content_new, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            pair(a + k, b + k)
        anchors.append((a, b, size))
    i0 = j0 = 0
    for a, b, size in anchors:
        gap_old = [i for i in range(i0, a) if tk_old[i]]
        gap_new = [j for j in range(j0, b) if tk_new[j]]
        if gap_old and gap_new:
            inner = SequenceMatcher(
                None, [tk_old[i] for i in gap_old], [tk_new[j] for j in gap_new], autojunk=False
            )
            for x, y, n in inner.get_matching_blocks():
                for k in range(n):
                    pair(gap_old[x + k], gap_new[y + k])
        i0, j0 = a + size, b + size
    # The same title out of that order: a minute moved (the nearest, where titles repeat).
    by_title: dict[str, list[int]] = {}
    for j, key in enumerate(tk_new):
        if key and j not in taken:
            by_title.setdefault(key, []).append(j)
    scale = len(new) / max(1, len(old))
    for i, key in enumerate(tk_old):
        free = [j for j in by_title.get(key, ()) if j not in taken]
        if i not in pairs and free:
            pair(i, min(free, key=lambda j: (abs(j - i * scale), j)))
    number_new = _unique([s.number for s in new])
    for i, s in enumerate(old):
        j = number_new.get(s.number)
        if i in pairs or j is None or j in taken or s.number is None:
            continue
        if Levenshtein.ratio(tk_old[i], tk_new[j]) >= 0.6:
            pair(i, j)
    left_old = [i for i in range(len(old)) if i not in pairs]
    left_new = [j for j in range(len(new)) if j not in taken]
    if left_old and left_new:
        from minlint.lint.diff.blocking import similar_pairs, token_set

        scored = []
        titles = similar_pairs(
            [token_set(tk_old[i].split()) for i in left_old],
            [token_set(tk_new[j].split()) for j in left_new],
            0.5,
        )
        for x, y, _ in titles:
            r = Levenshtein.ratio(tk_old[left_old[x]], tk_new[left_new[y]])
            if r >= 0.8:
                scored.append((-r, left_old[x], left_new[y]))
        content = similar_pairs(
            [old[i].words() for i in left_old], [new[j].words() for j in left_new], 0.5
        )
        scored.extend((-1 - score, left_old[x], left_new[y]) for x, y, score in content)
        # Content similarity outranks a title that merely looks alike.
        for _, i, j in sorted(scored):
            if i not in pairs and j not in taken:
                pair(i, j)
    return sorted(((i, j) for i, j in pairs.items()), key=lambda p: p[1])


def _in_place(pairs: Sequence[tuple[int, int]]) -> set[int]:
    """Old indexes of the pairs that keep their order: a longest increasing run of old
    indexes in new order. The other pairs are the minutes that moved."""
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for k, (i, _) in enumerate(pairs):
        at = bisect_left(tails, i)
        if at == len(tails):
            tails.append(i)
            tail_at.append(k)
        else:
            tails[at] = i
            tail_at[at] = k
        back[k] = tail_at[at - 1] if at else -1
    keep: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k != -1:
        keep.add(pairs[k][0])
        k = back[k]
    return keep


def diff_sections(old: Sequence[Section], new: Sequence[Section]) -> list[ItemDiff]:
    """The minute-by-minute diff, in the new document's order; a removed minute comes
    after the minute that preceded it in the old document."""
    pairs = align_minutes(old, new)
    keep = _in_place(pairs)
    by_new: dict[int, ItemDiff] = {}
    paired_old = {i: j for i, j in pairs}
    for i, j in pairs:
        o, n = old[i], new[j]
        changes = []
        if title_key(o.title) != title_key(n.title):
            title = replacement(
                Block("heading", o.title, o.line, o.line),
                Block("heading", n.title, n.line, n.line),
                "title",
            )
            if title is not None:
                changes.append(title)
        changes.extend(align_blocks(o.blocks, n.blocks))
        if i not in keep:
            status = MOVED
        elif o.number != n.number:
            status = RENUMBERED
        elif changes:
            status = CHANGED
        else:
            status = UNCHANGED
        by_new[j] = ItemDiff(status, o.ref, n.ref, changes)
    ordered: list[tuple[float, ItemDiff]] = [(float(j), d) for j, d in by_new.items()]
    ordered += [
        (float(j), ItemDiff(ADDED, None, new[j].ref, _inserted(new[j])))
        for j in range(len(new))
        if j not in by_new
    ]
    for i, s in enumerate(old):
        if i in paired_old:
            continue
        before = [paired_old[k] for k in range(i) if k in paired_old]
        at = max(before) + 0.5 if before else -0.5
        ordered.append(
            (at + i / (10 * (len(old) + 1)), ItemDiff(REMOVED, s.ref, None, _deleted(s)))
        )
    return [d for _, d in sorted(ordered, key=lambda p: p[0])]


def _inserted(s: Section) -> list[Change]:
    return [Change(INSERT, "", b.text, None, b.line) for b in s.blocks if paragraph_key(b.text)]


def _deleted(s: Section) -> list[Change]:
    return [Change(DELETE, b.text, "", b.line, None) for b in s.blocks if paragraph_key(b.text)]


# --- header facts ------------------------------------------------------------------------


def _person_key(p: Person) -> str:
    return re.sub(r"[^a-z]+", "", p.name.casefold())


def _person_text(p: Person) -> str:
    return f"{p.title} {p.name}" if p.title else p.name


def _people(
    name: str, old: Sequence[Person], new: Sequence[Person], a: int, b: int
) -> list[Change]:
    import Levenshtein

    ko, kn = {_person_key(p): p for p in old}, {_person_key(p): p for p in new}
    gone = [k for k in ko if k not in kn]
    came = [k for k in kn if k not in ko]
    out: list[Change] = []
    pairs = sorted(((-Levenshtein.ratio(g, c), g, c) for g in gone for c in came), key=lambda t: t)
    used_g: set[str] = set()
    used_c: set[str] = set()
    for r, g, c in pairs:
        if -r < 0.75 or g in used_g or c in used_c:
            continue
        used_g.add(g)
        used_c.add(c)
        po, pn = ko[g], kn[c]
        out.append(
            Change(
                REPLACE,
                _person_text(po),
                _person_text(pn),
                po.line or a,
                pn.line or b,
                tuple(word_diff(_person_text(po), _person_text(pn))),
                name,
            )
        )
    out += [
        Change(DELETE, _person_text(ko[g]), "", ko[g].line or a, b, (), name)
        for g in gone
        if g not in used_g
    ]
    out += [
        Change(INSERT, "", _person_text(kn[c]), a, kn[c].line or b, (), name)
        for c in came
        if c not in used_c
    ]
    return out


def _scalar(name: str, old: object, new: object, a: int, b: int) -> list[Change]:
    if old == new:
        return []
    ot = "" if old is None else str(old)
    nt = "" if new is None else str(new)
    op = REPLACE if ot and nt else DELETE if ot else INSERT
    return [Change(op, ot, nt, a, b, (), name)]


def header_facts(old: MinutesPart, new: MinutesPart) -> list[Change]:
    """Changes of the facts at the head of two sets of minutes."""
    a, b = old.start_line, new.start_line
    da, db = old.date_line or a, new.date_line or b
    out: list[Change] = []
    out += _scalar("body", old.body, new.body, a, b)
    out += _scalar(
        "date",
        old.date.isoformat() if old.date else None,
        new.date.isoformat() if new.date else None,
        da,
        db,
    )
    out += _scalar("time", old.time, new.time, da, db)
    out += _scalar("venue", old.venue, new.venue, a, b)
    oc = _person_text(old.chair) if old.chair else None
    nc = _person_text(new.chair) if new.chair else None
    if (old.chair and _person_key(old.chair)) != (new.chair and _person_key(new.chair)):
        out += _scalar(
            "chair",
            oc,
            nc,
            (old.chair.line if old.chair else None) or a,
            (new.chair.line if new.chair else None) or b,
        )
    out += _people("present", old.present, new.present, a, b)
    out += _people("apologies", old.apologies, new.apologies, a, b)
    out += _people("in_attendance", old.in_attendance, new.in_attendance, a, b)
    return out


# --- parts and documents ------------------------------------------------------------------


def sections(part: MinutesPart) -> list[Section]:
    # a minute's place is no number: minutes without numbers are matched by their titles
    return [
        Section(m.number if m.numbered else None, m.title, m.line, tuple(m.blocks), m.written)
        for m in part.items
    ]


def preamble(part: MinutesPart) -> list[Block]:
    """The paragraphs of a set of minutes before its first minute."""
    first = part.items[0].line if part.items else part.end_line + 1
    return [b for b in part.blocks if b.line < first]


def _part_ref(part: Part) -> ItemRef:
    return ItemRef(None, part.title or part.kind, part.start_line)


def _whole(old: Part | None, new: Part | None) -> ItemDiff:
    """A part compared paragraph by paragraph (no minutes to align by)."""
    kind = (new or old).kind  # type: ignore[union-attr]
    if old is None:
        assert new is not None
        blocks = tuple(new.blocks)
        changes = [
            Change(INSERT, "", b.text, None, b.line) for b in blocks if paragraph_key(b.text)
        ]
        return ItemDiff(ADDED, None, _part_ref(new), changes, kind)
    if new is None:
        changes = [
            Change(DELETE, b.text, "", b.line, None) for b in old.blocks if paragraph_key(b.text)
        ]
        return ItemDiff(REMOVED, _part_ref(old), None, changes, kind)
    changes = align_blocks(old.blocks, new.blocks)
    return ItemDiff(
        CHANGED if changes else UNCHANGED, _part_ref(old), _part_ref(new), changes, kind
    )


def _part_score(a: Part, b: Part) -> float:
    import Levenshtein

    if a.kind != b.kind:
        return 0.0
    score = 1.0 + 0.5 * Levenshtein.ratio(title_key(a.title), title_key(b.title))
    da = getattr(a, "date", None)
    db = getattr(b, "date", None)
    if da is not None and da == db:
        score += 2.0
    return score


def align_parts(old: Sequence[Part], new: Sequence[Part]) -> list[tuple[int | None, int | None]]:
    """Pairs of parts in order (None where a part is on one side only). A file of one
    part each side is always one pair, whatever the model made of either."""
    if len(old) == 1 and len(new) == 1:
        return [(0, 0)]
    n, m = len(old), len(new)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            s = _part_score(old[i - 1], new[j - 1])
            best[i][j] = max(best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + s if s else 0.0)
    out: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        s = _part_score(old[i - 1], new[j - 1]) if i and j else 0.0
        if i and j and s and best[i][j] == best[i - 1][j - 1] + s:
            out.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and (not j or best[i][j] == best[i - 1][j]):
            out.append((i - 1, None))
            i -= 1
        else:
            out.append((None, j - 1))
            j -= 1
    return out[::-1]


def diff_parsed(old: ParsedDocument, new: ParsedDocument) -> DocumentDiff:
    """Align two parsed documents (see the module docstring)."""
    result = DocumentDiff(old.document.path, new.document.path)
    for i, j in align_parts(old.parts, new.parts):
        po = old.parts[i] if i is not None else None
        pn = new.parts[j] if j is not None else None
        if isinstance(po, MinutesPart) and isinstance(pn, MinutesPart) and po.items and pn.items:
            head = align_blocks(preamble(po), preamble(pn))
            if head:
                result.header.extend(header_facts(po, pn))
                result.header.extend(head)
            result.items.extend(diff_sections(sections(po), sections(pn)))
        else:
            result.items.append(_whole(po, pn))
    return result


def diff_paths(old: str, new: str) -> DocumentDiff:
    """Read, parse and align two files; raises ``InputError`` for a file that cannot be
    read (the message does not name the file)."""
    from minlint.lint.parse import parse_path

    return diff_parsed(parse_path(old), parse_path(new))
