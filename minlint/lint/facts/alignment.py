"""Agenda items against minutes: which minute records which item of the agenda.

Councils number their minutes in one of three ways: as the agenda numbers its items
(minute 5 is agenda item 5), in a series of their own that runs on from meeting to
meeting (agenda items 1-13 are minutes 14-26), or in a running series the agenda shares
(items and minutes 2779-2795). Which one a pair of documents uses is read from the data:
when most agenda items have a minute of the same number and a similar title, the
numbering is shared, a common number counts towards a match and a minute numbered as
another item counts against one; otherwise the two are aligned by title and order alone.
A minute title that names its item ("WORK PROGRAMME (Agenda item 7)") decides.

The alignment is a sequence alignment (as of two strings) over the two lists of titles:
it finds the matches in agenda order that together agree best, so one item taken out of
its place does not pull the others out of line, as a greedy best match would. What is
left over is then explained where it can be:

- an item and a minute with closely similar titles elsewhere are the item taken out of
  its order;
- an item and a minute alone between the same two matched neighbours, with any sign
  that they are the same business (a word of their titles in common, the same kind of
  standing item, the same number), are one item retitled;
- a second minute with an item's title is a further minute on it;
- an agenda item with no minute may be recorded without one: the apologies in the
  header of the minutes, the date of the next meeting in their closing lines; standing
  items (urgent business, any other business, exclusion of the press and public) are
  left out of minutes when nothing arose, unless the minutes are numbered as the agenda
  and skip the item's number;
- a minute with no agenda item may be standing business (apologies, declarations) or
  urgent business (which the rules judge).

Titles are compared case-folded and without punctuation, page ranges ("(Pages 5 -
20)"), the agenda's "To receive"/"To consider", generic words ("Update", "Progress
Report") and words too common to tell items apart ("Business", "Council"), with words
matched by their stems ("Election"/"elect"), abbreviations against their expansion
("SEND"/"Special Educational Needs and Disabilities"), two items of a kind told apart by
the rest of their titles ("Question submitted by Councillor A"/"... Councillor B"), and
the python-Levenshtein ratio of the telling words for typing and OCR slips. An agenda
title broken across lines is read whole.

A pair that cannot be the same meeting (another body, dates two months apart or dated
differently by their files' names, the agenda of the meeting before or after, an agenda
in another running series of numbers, fewer than half its items of business minuted)
is marked so, and the rules that use the alignment stay silent about it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from minlint.lint import regexstore as rx
from minlint.lint.blocks import Block
from minlint.lint.facts import items as kinds
from minlint.lint.model import AgendaItem, AgendaPart, Minute, MinutesPart

if TYPE_CHECKING:
    from minlint.lint.model import ParsedDocument
    from minlint.lint.records import Records

__all__ = [
    "COVERED",
    "MINUTED",
    "MISSING",
    "NOT_ON_AGENDA",
    "OUT_OF_ORDER",
    "RETITLED",
    "STANDING",
    "Alignment",
    "Link",
    "align",
    "draft_alignment",
    "similarity",
]

MINUTED = "minuted"
RETITLED = "retitled"
OUT_OF_ORDER = "out of order"
MISSING = "missing"
COVERED = "covered"
STANDING = "standing"
NOT_ON_AGENDA = "not on the agenda"
STATUSES = (MINUTED, RETITLED, OUT_OF_ORDER, MISSING, COVERED, STANDING, NOT_ON_AGENDA)

# Title similarity (0 to 1) from which an item and a minute may be matched in order.
MATCH = 0.5
# ... and out of order: the titles must then be close, order gives no support.
OUT_OF_ORDER_MATCH = 0.75
# An edit ratio of whole titles from which it counts as similarity.
NEAR = 0.75
# What a shared number adds to the similarity when the numbering is shared.
NUMBER_BONUS = 0.35
# ... and what a minute numbered as another agenda item takes away.
NUMBER_PENALTY = 0.3
# Agenda items numbered above this are in a running series shared with the minutes.
RUNNING = 100
# Dates further apart than this are two meetings.
SAME_MEETING_DAYS = 60


@dataclass(frozen=True, slots=True)
class Link:
    """One line of the alignment: an agenda item and its minute, or either alone.

    ``status`` is one of ``STATUSES``; ``note`` says why, in words; ``line`` is where a
    covered item is recorded without a minute of its own (the apologies line).
    """

    status: str
    item: AgendaItem | None
    minute: Minute | None
    similarity: float | None = None
    note: str = ""
    line: int | None = None
    # for a minute taken out of its order: the matched minutes it was taken across
    crossed: tuple[Link, ...] = field(default=(), compare=False, repr=False)
    # the agenda item's title with the words it runs on to on the next line
    item_title: str = ""

    @property
    def title(self) -> str:
        """The agenda item's whole title."""
        return self.item_title or (self.item.title if self.item else "")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "status": self.status,
            "agenda_item": None
            if self.item is None
            else {"number": self.item.number, "title": self.title, "line": self.item.line},
            "minute": None
            if self.minute is None
            else {
                "number": self.minute.number,
                "title": self.minute.title,
                "line": self.minute.line,
            },
            "similarity": None if self.similarity is None else round(self.similarity, 2),
        }
        if self.note:
            out["note"] = self.note
        if self.line is not None:
            out["line"] = self.line
        return out


@dataclass(slots=True)
class Alignment:
    """The agenda items and minutes of one meeting, matched.

    ``links`` run in the order of the minutes, with the agenda items that have no minute
    where the minute would have been. ``same_meeting`` is False when the two are plainly
    of different meetings; ``reliable`` is False when the model is unsure of the agenda's
    items or of the minutes' numbering (``notes`` say why): rules then stay silent.
    """

    agenda: AgendaPart
    minutes: MinutesPart
    by_number: bool
    links: list[Link]
    same_meeting: bool = True
    reliable: bool = True
    notes: list[str] = field(default_factory=list)

    @property
    def checkable(self) -> bool:
        """Whether rules may report on this alignment."""
        return self.same_meeting and self.reliable

    def of_status(self, *statuses: str) -> list[Link]:
        return [k for k in self.links if k.status in statuses]

    def to_json(self) -> dict[str, Any]:
        return {
            "numbering": "shared" if self.by_number else "separate",
            "same_meeting": self.same_meeting,
            "reliable": self.reliable,
            "notes": list(self.notes),
            "links": [k.to_json() for k in self.links],
        }


# Titles -------------------------------------------------------------------------------

_PAGES = rx.compile(
    r"\(\s*pages?\s*[\d\s\-–—,&and]*\)|\[\s*pages?[^\]]*\]|\bpages?\s+\d+\s*(?:[-–—]\s*\d+)?\s*$",
    re.I,
)
_AGENDA_REF = rx.compile(r"\(\s*agenda\s+item\s+(?:no\.?\s*)?(\d{1,4})\s*\)", re.I)
_APOSTROPHE = rx.compile(r"['’‘`‟]")
_NON_WORD = rx.compile(r"[^0-9a-z\u00c0-\u024f]+")
_STOP = frozenset(
    "the a an of and for to in on at by with from into its their this that these be is are was "
    "were as or our any all receive received consider considered note noted approve approved "
    "discuss discussed agree agreed adopt confirm determine comment upon re regarding".split()
)
# Words that say how an item is presented rather than what it is about.
_GENERIC = frozenset(
    "update updates report reports progress verbal item items presentation written oral "
    "draft final further brief briefing".split()
)
# Words too common in titles to say that two are the same business.
_WEAK = frozenset(
    "business council committee meeting meetings councillor councillors submitted matters "
    "other any general new minutes back".split()
)
# Words that name a kind of item of which an agenda may hold several.
_CATEGORY = frozenset(
    "question questions motion motions notice notices petition petitions deputation "
    "deputations presentation presentations application applications appeal appeals".split()
)
_EXPAND = {
    "assn": "association",
    "env": "environmental",
    "envt": "environment",
    "cllr": "councillor",
    "cllrs": "councillors",
    "dept": "department",
    "govt": "government",
    "mgmt": "management",
    "info": "information",
    "yr": "year",
    "w": "with",
    "aob": "other business",
}


@dataclass(frozen=True, slots=True)
class _Title:
    """An agenda item's or a minute's title as compared."""

    text: str  # normalised: case-folded, punctuation-free, generic words kept
    words: tuple[str, ...]  # content words, in order
    core: tuple[str, ...]  # content words less the generic ones (all of them if none left)
    kind: str | None
    agenda_ref: int | None


def _clean(title: str) -> str:
    text = _PAGES.sub(" ", title)
    text = _AGENDA_REF.sub(" ", text)
    text = text.casefold().replace("&", " and ")
    text = _APOSTROPHE.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


@functools.lru_cache(maxsize=4096)
def _title(title: str) -> _Title:
    text = _clean(title)
    words = []
    for w in text.split():
        w = _EXPAND.get(w, w)
        for part in w.split():
            if part not in _STOP and (len(part) > 1 or part.isdigit()):
                words.append(part)
    core = (
        tuple(w for w in words if w not in _GENERIC and w not in _WEAK)
        or tuple(w for w in words if w not in _GENERIC)
        or tuple(words)
    )
    ref = _AGENDA_REF.search(title)
    return _Title(
        text=" ".join(w for w in text.split() if w not in _STOP),
        words=tuple(words),
        core=core,
        kind=kinds.item_kind(title),
        agenda_ref=int(ref.group(1)) if ref else None,
    )


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and long.startswith(short) and not short.isdigit()


def _matched(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, int]:
    """How many words of ``a`` and of ``b`` find a counterpart in the other."""
    # Words that match share their first four letters (or are equal): look only there.
    by_key: dict[str, list[str]] = {}
    for y in b:
        by_key.setdefault(y[:4], []).append(y)
    in_a = [any(_same_word(x, y) for y in by_key.get(x[:4], ())) for x in a]
    matched_b = {y for x in a for y in by_key.get(x[:4], ()) if _same_word(x, y)}
    in_b = [y in matched_b for y in b]
    for words, other, found, other_found in ((a, b, in_a, in_b), (b, a, in_b, in_a)):
        initials = "".join(w[0] for w in other)
        for k, w in enumerate(words):
            if 2 <= len(w) <= 6 and w.isalpha() and w in initials:
                at = initials.find(w)
                found[k] = True
                for r in range(at, at + len(w)):
                    other_found[r] = True
    return sum(in_a), sum(in_b)


@functools.lru_cache(maxsize=16384)
def similarity(a: str, b: str) -> float:
    """How alike two item titles are, from 0 to 1 (see the module docstring)."""
    import Levenshtein

    ta, tb = _title(a), _title(b)
    if not ta.text or not tb.text:
        return 0.0
    if ta.text == tb.text:
        return 1.0
    core_a, core_b = ta.core, tb.core
    shared = set(core_a) & set(core_b) & _CATEGORY
    if shared:
        # "Question submitted by Councillor A" and "... by Councillor B": two of a kind,
        # told apart by the rest.
        rest_a = tuple(w for w in core_a if w not in _CATEGORY)
        rest_b = tuple(w for w in core_b if w not in _CATEGORY)
        if rest_a and rest_b:
            core_a, core_b = rest_a, rest_b
    # The edit ratio of the titles' telling words shows typing and OCR slips; below NEAR
    # it is as high for unrelated titles as for related ones, and the words decide.
    ratio = Levenshtein.ratio(" ".join(core_a), " ".join(core_b))
    best = ratio if ratio >= NEAR else 0.0
    if core_a and core_b:
        ma, mb = _matched(core_a, core_b)
        dice = (ma + mb) / (len(core_a) + len(core_b))
        small = min(len(core_a), len(core_b))
        # Containment: the shorter title said again inside the longer one.
        contained = max(ma / len(core_a), mb / len(core_b)) if small >= 2 else dice
        best = max(best, dice, 0.95 * contained)
    if ta.kind is not None and ta.kind == tb.kind and ta.kind != kinds.QUESTIONS:
        best = max(best, 0.9)
    return min(1.0, best)


def titles_differ(a: str, b: str) -> bool:
    """Whether two titles differ beyond case, punctuation and page ranges."""
    return _clean(a) != _clean(b)


# The alignment ------------------------------------------------------------------------

_NUMBER_LEAD = rx.compile(r"^\W*(\d{1,4})\W*\s*")
_CONNECTOR = rx.compile(r"(?:\s[-–—&]|\b(?:and|of|the|for|to|in|on|by|with|from|a|an))$", re.I)
_ENDS_WITH_PAGES = rx.compile(r"\(\s*pages?\s*[\d\s\-–—,&and]*\)\s*\.?$|\[\s*pages?[^\]]*\]$", re.I)


def full_title(
    item: AgendaItem, agenda: AgendaPart, by_line: dict[int, Block] | None = None
) -> str:
    """An agenda item's title with the words it runs on to on the next line ("Annual /
    Report 2023/24 (Pages 9 - 22)"): a line that ends the title with its page range, or
    that follows a first line ending on "and", "of", "-" ... (``by_line``: the agenda's
    blocks by their first line, for the titles of many items)."""
    from minlint.lint.extract.common import source_lines

    title = " ".join(item.title.split())
    if not item.numbered:
        return title  # one a line, and many in one block: each line is all its title
    if by_line is None:
        block = next((b for b in agenda.blocks if b.line == item.line), None)
    else:
        block = by_line.get(item.line)
    if block is None:
        return title
    lines = [" ".join(x.split()) for x in source_lines(block)]
    if not lines or title.casefold() not in lines[0].casefold():
        return title
    taken = [lines[0]]
    for nxt in lines[1:3]:
        if _CONNECTOR.search(taken[-1]) or _ENDS_WITH_PAGES.search(nxt):
            taken.append(nxt)
            if _ENDS_WITH_PAGES.search(nxt):
                break
        else:
            break
    if len(taken) == 1:
        return title
    text = " ".join(taken)
    m = _NUMBER_LEAD.match(text)
    if m and m.group(1) == str(item.number):
        text = text[m.end() :]
    text = _PAGES.sub(" ", text).strip(" -–")
    return text if text.casefold().startswith(title.casefold()[:20]) else title


def _related(a: str, b: str) -> bool:
    """Whether two titles share a content word, or are of the same kind of business."""
    ta, tb = _title(a), _title(b)
    if ta.kind is not None and ta.kind == tb.kind:
        return True
    core_a = tuple(w for w in ta.words if w not in _GENERIC and w not in _WEAK)
    core_b = tuple(w for w in tb.words if w not in _GENERIC and w not in _WEAK)
    if not core_a or not core_b:
        return False
    ma, mb = _matched(core_a, core_b)
    return ma > 0 and mb > 0


def _score(
    item: AgendaItem, title: str, minute: Minute, by_number: bool, numbers: frozenset[int]
) -> float:
    """How well a minute matches an agenda item; with shared numbering, the same number
    counts for the pair and a minute numbered as another item counts against it."""
    ref = _title(minute.title).agenda_ref
    if ref is not None:
        return 2.0 if ref == item.number else 0.0
    s = similarity(title, minute.title)
    if by_number and item.number == minute.number:
        s += NUMBER_BONUS
    elif by_number and minute.number in numbers:
        s -= NUMBER_PENALTY
    return s


def _shared_numbering(agenda: list[AgendaItem], titles: list[str], minutes: list[Minute]) -> bool:
    """Whether most agenda items have a minute of the same number and a similar title."""
    by_number = {m.number: m for m in minutes}
    agree = sum(
        1
        for i, t in zip(agenda, titles, strict=True)
        if i.number in by_number and similarity(t, by_number[i.number].title) >= MATCH
    )
    return agree >= 2 and 2 * agree > min(len(agenda), len(minutes))


def _monotone(scores: list[list[float]]) -> list[tuple[int, int]]:
    """The matches (agenda index, minute index), both increasing, of greatest total
    score over ``MATCH``; each match also earns a little, so that of two alignments
    that agree as well the one with more matches wins."""
    n = len(scores)
    m = len(scores[0]) if n else 0
    gain = [[s - MATCH + 0.01 if s >= MATCH else None for s in row] for row in scores]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            v = max(below[j], row[j + 1])
            g = gain[i][j]
            if g is not None:
                v = max(v, below[j + 1] + g)
            row[j] = v
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        g = gain[i][j]
        if g is not None and abs(best[i][j] - (best[i + 1][j + 1] + g)) < 1e-9:
            pairs.append((i, j))
            i += 1
            j += 1
        elif abs(best[i][j] - best[i + 1][j]) < 1e-9:
            i += 1
        else:
            j += 1
    return pairs


def _header(minutes: MinutesPart) -> list[Block]:
    first = minutes.items[0].line if minutes.items else minutes.end_line + 1
    return [b for b in minutes.blocks if b.line < first]


_APOLOGIES_TEXT = rx.compile(r"\bapolog|\bymddiheuriad|\babsent\b|\babsence\b", re.I)
_INTEREST_TEXT = rx.compile(
    r"\bdeclar\w*\b.{0,60}\binterests?\b|\binterests?\b.{0,30}\bdeclared\b|\bdatgan", re.I
)
# The title "Minutes of the meeting of ... held on ..." is no record of approving the last.
_MINUTES_TEXT = rx.compile(
    r"\b(?:previous|last)\s+meeting\b|\bminutes\b.{0,80}\b(?:approved|confirmed|agreed|signed|"
    r"adopted)\b|\bcofnodion\s+y\s+cyfarfod\s+diwethaf\b",
    re.I,
)
_NEXT_TEXT = rx.compile(r"\bnext\s+meeting\b|\bmeeting\s+(?:will|would)\s+be\s+held\b", re.I)

# Standing items that minutes leave out when nothing arose.
_LEFT_OUT_WHEN_EMPTY = frozenset(
    {kinds.URGENT, kinds.OTHER_BUSINESS, kinds.EXCLUSION, kinds.OPENING, kinds.CLOSING}
)


def _covered(item: AgendaItem, minutes: MinutesPart) -> tuple[str, str, int | None] | None:
    """(status, note, line) for an agenda item recorded without a minute of its own."""
    kind = _title(item.title).kind
    if kind is None:
        return None
    header = _header(minutes)
    if kind == kinds.APOLOGIES and minutes.apologies and minutes.apologies[0].line is not None:
        line = minutes.apologies[0].line
        return COVERED, f"the apologies are recorded at line {line}", line
    where = {
        kinds.APOLOGIES: _APOLOGIES_TEXT,
        kinds.DECLARATIONS: _INTEREST_TEXT,
        kinds.MINUTES: _MINUTES_TEXT,
    }.get(kind)
    if where is not None:
        for b in header:
            if where.search(b.text):
                return COVERED, f"recorded before the first minute (line {b.line})", b.line
    if kind == kinds.NEXT_MEETING:
        if minutes.next_meeting is not None:
            line = minutes.next_meeting.line
            return COVERED, f"the next meeting is given at line {line}", line
        last = minutes.items[-1].line if minutes.items else minutes.start_line
        for b in minutes.blocks:
            if b.line >= last and _NEXT_TEXT.search(b.text):
                return COVERED, f"the next meeting is given at line {b.line}", b.line
    if kind in _LEFT_OUT_WHEN_EMPTY:
        return STANDING, "a standing item: minutes leave it out when nothing arose", None
    return None


def _crossed(link_at: tuple[int, int], backbone: list[tuple[int, int]]) -> list[int]:
    """Indexes into ``backbone`` of the matches an out-of-order match crosses."""
    a, m = link_at
    return [k for k, (ba, bm) in enumerate(backbone) if (ba < a) != (bm < m)]


def _same_body(a: str | None, b: str | None) -> bool | None:
    from minlint.lint.records import body_key

    ka, kb = body_key(a), body_key(b)
    if ka is None or kb is None:
        return None
    return ka == kb or ka in kb or kb in ka


_ADJOURNED = rx.compile(r"\b(?:adjourned|reconvened)\s+(?:\w+\s+){0,2}meeting\b", re.I)


def _other_meeting(agenda: AgendaPart, minutes: MinutesPart) -> str | None:
    """Why the agenda is plainly not that of the minutes' meeting, or None."""
    from minlint.lint.facts.approvals import approved_minutes

    if _same_body(agenda.body, minutes.body) is False:
        return f"the agenda is of {agenda.body}, the minutes of {minutes.body}"
    a, m = agenda.date, minutes.date
    if a is None or m is None or a == m:
        return None
    if "file name" in (agenda.date_source, minutes.date_source):
        # An archive dates its files by their meeting; a slip in a draft's text it is not.
        return f"the agenda is dated {a.isoformat()}, the minutes {m.isoformat()}"
    if agenda.next_meeting is not None and agenda.next_meeting.date == m:
        return "the agenda gives the minutes' date as its next meeting"
    if minutes.next_meeting is not None and minutes.next_meeting.date == a:
        return "the minutes give the agenda's date as their next meeting"
    if any(x.date >= m for x in approved_minutes(agenda)):
        return "the agenda presents these minutes, or later ones, for approval"
    if any(x.date >= a for x in approved_minutes(minutes)):
        return "the minutes approve the minutes of the agenda's meeting"
    if a < m and any(_ADJOURNED.search(b.text) for b in _header(minutes)):
        return "the minutes are of an adjourned meeting"
    year_only = (a.month, a.day) == (m.month, m.day) and abs(a.year - m.year) == 1
    if abs((a - m).days) > SAME_MEETING_DAYS and not year_only:
        return f"the agenda is dated {a.isoformat()}, the minutes {m.isoformat()}"
    return None


# Agenda items times minutes beyond which a pair is not aligned: every item is scored
# against every minute, and a meeting's agenda has tens of items, not hundreds.
MAX_PAIRS = 400 * 400


def align(agenda: AgendaPart, minutes: MinutesPart) -> Alignment:
    """Match the agenda's items with the minutes (see the module docstring)."""
    items = list(agenda.items)
    if len(items) * len(minutes.items) > MAX_PAIRS:
        note = (
            f"not aligned: {len(items)} agenda items and {len(minutes.items)} minutes are"
            " more than one meeting holds"
        )
        return Alignment(agenda, minutes, False, [], reliable=False, notes=[note])
    by_line: dict[int, Block] = {}
    for b in agenda.blocks:
        by_line.setdefault(b.line, b)
    titles = [full_title(i, agenda, by_line) for i in items]
    mins = list(minutes.items)
    by_number = minutes.numbered and agenda.numbered and _shared_numbering(items, titles, mins)
    numbers = frozenset(i.number for i in items)
    scores = [
        [_score(i, t, m, by_number, numbers) for m in mins]
        for i, t in zip(items, titles, strict=True)
    ]
    backbone = _monotone(scores) if items and mins else []
    item_of: dict[int, tuple[int, str, float]] = {}  # minute index -> (item index, status, score)
    for a, m in backbone:
        item_of[m] = (a, MINUTED, scores[a][m])

    # Close titles out of their order.
    taken = {a for a, _, _ in item_of.values()}
    candidates = sorted(
        (
            (-scores[a][m], a, m)
            for a in range(len(items))
            if a not in taken
            for m in range(len(mins))
            if m not in item_of
            and max(scores[a][m], similarity(titles[a], mins[m].title)) >= OUT_OF_ORDER_MATCH
        ),
    )
    for neg, a, m in candidates:
        if a in taken or m in item_of:
            continue
        taken.add(a)
        item_of[m] = (a, OUT_OF_ORDER, -neg)

    # A second minute on an item already matched.
    extra: dict[int, int] = {}
    for m in range(len(mins)):
        if m in item_of or not items:
            continue
        alike = [similarity(titles[k], mins[m].title) for k in range(len(items))]
        a = max(range(len(items)), key=lambda k: alike[k])
        if alike[a] >= OUT_OF_ORDER_MATCH and a in taken:
            extra[m] = a

    # Alone between the same matched neighbours: one item, retitled.
    bounds = [(-1, -1), *backbone, (len(items), len(mins))]
    for (a0, m0), (a1, m1) in pairwise(bounds):
        left_items = [a for a in range(a0 + 1, a1) if a not in taken]
        left_minutes = [m for m in range(m0 + 1, m1) if m not in item_of and m not in extra]
        if len(left_items) == 1 and len(left_minutes) == 1:
            a, m = left_items[0], left_minutes[0]
            same_number = items[a].number == mins[m].number
            if _related(titles[a], mins[m].title) or same_number:
                item_of[m] = (a, MINUTED, scores[a][m])
                taken.add(a)

    in_order = sorted((a, m) for m, (a, status, _) in item_of.items() if status == MINUTED)
    links_by_minute: dict[int, Link] = {}
    for m, (a, status, _) in item_of.items():
        item, minute = items[a], mins[m]
        note = ""
        if status == MINUTED and titles_differ(titles[a], minute.title):
            status = RETITLED
            note = f"titled {minute.title!r} in the minutes"
        if item.number != minute.number and by_number:
            note = "; ".join(x for x in (note, f"numbered {item.shown} on the agenda") if x)
        links_by_minute[m] = Link(
            status, item, minute, similarity(titles[a], minute.title), note, item_title=titles[a]
        )
    for m, (a, status, _) in item_of.items():
        if status == OUT_OF_ORDER:
            crossed = tuple(links_by_minute[in_order[k][1]] for k in _crossed((a, m), in_order))
            link = links_by_minute[m]
            links_by_minute[m] = replace(
                link, status=OUT_OF_ORDER if crossed else MINUTED, crossed=crossed
            )
    for m, a in extra.items():
        links_by_minute[m] = Link(
            MINUTED,
            items[a],
            mins[m],
            similarity(titles[a], mins[m].title),
            f"a further minute on {items[a].label()}",
            item_title=titles[a],
        )
    for m, minute in enumerate(mins):
        if m in links_by_minute:
            continue
        kind = _title(minute.title).kind
        note = "standing business" if kind in kinds.STANDING else ""
        links_by_minute[m] = Link(NOT_ON_AGENDA, None, minute, None, note)

    # Agenda items with no minute, placed after the minute of the item before them.
    order: list[tuple[float, int, Link]] = [
        (float(m), 0, link) for m, link in links_by_minute.items()
    ]
    minute_of = dict(in_order)
    last_minute = -1
    for a, item in enumerate(items):
        if a in minute_of:
            last_minute = max([minute_of[a], *(m for m, x in extra.items() if x == a)])
            continue
        if a in taken:
            continue  # matched out of its order
        covered = _covered(item, minutes)
        if covered is not None and covered[0] == STANDING and by_number:
            numbers = {m.number for m in mins}
            before = [i.number for i in items[:a]]
            after = [i.number for i in items[a + 1 :]]
            if (
                item.number not in numbers
                and any(n in numbers for n in before[-1:])
                and any(n in numbers for n in after[:1])
            ):
                # Numbered as the agenda, the minutes skip its number: a minute was lost.
                note = f"a standing item, but the minutes' numbering skips {item.shown}"
                covered = (MISSING, note, None)
        if covered is not None:
            status, note, line = covered
            link = Link(status, item, None, None, note, line, item_title=titles[a])
        else:
            link = Link(MISSING, item, None, None, item_title=titles[a])
        order.append((last_minute + 0.5, a, link))
    order.sort(key=lambda x: (x[0], x[1]))
    # An item that gathers business ("Questions") minuted one by one ("Question submitted
    # by Councillor X"): the minutes of its kind that match no item are its record.
    strays: dict[str, list[Minute]] = {}
    for link in links_by_minute.values():
        kind = _title(link.minute.title).kind if link.minute else None
        if link.status == NOT_ON_AGENDA and kind is not None and link.minute is not None:
            strays.setdefault(kind, []).append(link.minute)
    gathering = {
        _title(link.title).kind: link
        for _, _, link in order
        if link.item is not None and link.minute is not None and _title(link.title).kind
    }
    for k, (pos, a, link) in enumerate(order):
        kind = _title(link.minute.title).kind if link.minute is not None else None
        if link.status == NOT_ON_AGENDA and kind in gathering:
            item = gathering[kind]
            note = f"a further minute on {item.item.label()}"  # type: ignore[union-attr]
            order[k] = (pos, a, replace(link, status=MINUTED, item=item.item, note=note))
            strays.pop(kind, None)
    for k, (pos, a, link) in enumerate(order):
        kind = _title(link.title).kind if link.status == MISSING else None
        if kind is not None and kind in strays:
            if minutes.numbered:
                numbers = [str(m.number) for m in strays[kind]]
                note = f"recorded as minute{'s' if len(numbers) > 1 else ''} " + ", ".join(numbers)
            else:
                note = "recorded as " + ", ".join(m.label() for m in strays[kind])
            order[k] = (pos, a, replace(link, status=COVERED, note=note, line=strays[kind][0].line))
    alignment = Alignment(agenda, minutes, by_number, [x[2] for x in order])

    why = _other_meeting(agenda, minutes)
    running = items and min(i.number for i in items) > RUNNING
    if why is None and not by_number and minutes.numbered and running:
        # Items numbered in a running series share it with their meeting's minutes.
        common = {i.number for i in items} & {m.number for m in mins}
        if 2 * len(common) < len(items):
            first, last = items[0].number, items[-1].number
            why = f"the agenda's items {first}-{last} are not numbered as these minutes"
    # Standing items match those of any meeting; the business shows which meeting it is.
    business = [k for k in alignment.links if k.item is not None and _title(k.title).kind is None]
    judged = business or [k for k in alignment.links if k.item is not None]
    matched = sum(1 for k in judged if k.minute is not None)
    if why is None and judged and 2 * matched < len(judged):
        what = "items of business" if business else "items"
        why = f"only {matched} of the agenda's {len(judged)} {what} match a minute"
    if why is not None:
        alignment.same_meeting = False
        alignment.notes.append(f"not the same meeting: {why}")
    if "items" in agenda.uncertain:
        alignment.reliable = False
        alignment.notes.append("the agenda's items are uncertain")
    elif not agenda.items:
        alignment.reliable = False  # a layout not read, not an agenda of nothing
        alignment.notes.append("no items were read from the agenda")
    for field_name in ("numbering", "items"):
        # minutes without numbers are matched by their titles alone
        if field_name in minutes.uncertain and (field_name == "items" or minutes.numbered):
            alignment.reliable = False
            alignment.notes.append(f"the minutes' {field_name} is uncertain")
    return alignment


_LAST: list[tuple[AgendaPart, MinutesPart, Alignment]] = []


def draft_alignment(parsed: ParsedDocument, records: Records) -> Alignment | None:
    """The alignment of a draft's minutes with the agenda of its meeting, when the draft
    is minutes and the agenda was found; kept for the next rule that asks."""
    from minlint.lint.records import primary_part

    main = primary_part(parsed)
    if not isinstance(main, MinutesPart) or records.agenda is None:
        return None
    agenda = records.agenda.part
    if not isinstance(agenda, AgendaPart):
        return None
    if _LAST and _LAST[0][0] is agenda and _LAST[0][1] is main:
        return _LAST[0][2]
    result = align(agenda, main)
    _LAST[:] = [(agenda, main, result)]
    return result
