"""Repeated text in minutes: the paragraphs, sentences and phrases the P rules compare.

A *unit* is a paragraph as a reader sees it: a block of the minutes, or several blocks
when a reader left a sentence broken over them (text extracted from a PDF whose lines
were wrapped at a fixed width). Units are compared after normalisation (whitespace,
quotes, dashes, a leading bullet, case), so a bullet and the same text unbulleted are
the same paragraph.

What is never compared:

- headings, minute titles and table rows (rows repeat legitimately);
- units shorter than ``duplicate-min-words`` words once standard wording is left out:
  the procedural formulas every set of minutes repeats (noting a report, no
  declarations, no public questions, excluding the press and public, the webcast
  notice, no urgent business, approving the last minutes, the next meeting), from a
  built-in list and ``standard-wording`` in the configuration;
- in a set of minutes whose last minute (the date of the next meeting) runs on for
  many paragraphs after the next meeting is given, what follows it: the text of an
  attachment that a pack's reader kept with the minutes.

Candidate pairs for near duplicates come from prefix filtering on word sets (see
:mod:`minlint.lint.diff.blocking`); only candidates are scored with the Levenshtein
ratio, so the cost grows with the length of the minutes, not with its square.
"""

from __future__ import annotations

import fnmatch
import functools
import heapq
import operator
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from minlint.lint import regexstore as rx
from minlint.lint.blocks import HEADING, TABLE_ROW, Block
from minlint.lint.diff.words import (
    EQUAL,
    REPLACE,
    WordOp,
    fold,
    paragraph_key,
    title_key,
    word_diff,
)
from minlint.lint.model import MinutesPart

# A line of this many words that does not end a sentence is wrapped, not a title.
LONG_LINE_WORDS = 10
# A minute that runs on for more paragraphs than this after giving the next meeting's
# date has an attachment in it.
TAIL_BLOCKS = 6

_WORD = rx.compile(r"\w+(?:['’-]\w+)*")
_RESOLVED = rx.compile(r"^\s*(?:and\s+)?resolved\b", re.I)
# A short paragraph that records what was decided: outcomes repeat from item to item.
DECISION_LENGTH = 300
_DECISION = rx.compile(
    r"^\W*(?:it was )?(?:(?:unanimously )?(?:agreed|resolved|decided|carried)\b)"
    r"|\bit was (?:unanimously )?(?:agreed|resolved|decided)\b"
    r"|\b(?:proposed|seconded|moved) by\b"
    r"|^\W*the (?:motion|amendment|recommendation|vote)s? (?:was|were|is)\b"
    r"|^\W*(?:a )?vote (?:then )?took place\b",
    re.I,
)
_LEAD = rx.compile(
    r"^\s*(?:(?:and\s+)?resolved\s*(?:that\s*)?[:\-–—]*\s*|\(?[0-9ivx]{1,4}\)\s*|[a-z]\)\s*)+",
    re.I,
)
_SENTENCE = rx.compile(r"(?<=[.!?])['\"’”)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_TERMINAL = rx.compile(r"(?:[.!?:;)\"'”’]|:\s*[-–—])\s*$")
_RESOLVED_LABEL = rx.compile(r"^\W*(?:and\s+)?resolved\W*$", re.I)
_QUOTED_THAT = rx.compile(r"^\s*[\"“‘']\s*that\b", re.I)
_TERMINAL_COLON = rx.compile(r":\s*[-–—]?\s*$")
_CONNECTIVE = frozenset(
    "a an and as at by for from in into of on or per than that the to with which who "
    "whose its their his her our be been being was were is are has have had not".split()
)

# The procedural formulas of minutes, matched against a sentence with its "Resolved:-",
# part number and "That" taken off, in lower case: (a word the sentence must hold, the
# pattern). The word lets most sentences skip the pattern.
STANDARD_PATTERNS = (
    (
        "note",
        r"^(?:that,? )?the [\w\s,'/&()-]{0,80}? (?:be|was|were|is|are|had been) "
        r"(?:received and (?:its contents )?|duly )?noted\b",
    ),
    ("receive", r"^(?:that,? )?the [\w\s,'/&()-]{0,80}? (?:be|was|were) received\b"),
    ("declaration", r"\bno declarations? of (?:any )?(?:\w+ )?interests?\b"),
    ("declaration", r"^there were no declarations\b"),
    ("declaration", r"\bdeclarations? of interest were (?:made|received|declared)\b"),
    ("question", r"\bno (?:public )?questions\b"),
    ("public", r"^there were no members of the public\b"),
    ("urgent", r"\bno (?:items? of )?urgent business\b|\bas urgent\b|\bno urgent items?\b"),
    ("1972", r"\blocal government act,? 1972\b"),
    ("exempt", r"\bexempt information\b"),
    ("exclude", r"\b(?:press and public|public and press|public and the press) be excluded\b"),
    ("exclude", r"\bexcluded from the meeting\b"),
    ("webcast", r"\bwebcast\b"),
    ("recording", r"\brecording of (?:this|the) meeting\b"),
    ("viewed", r"\bcan be viewed at\b"),
    ("available", r"\bavailable to (?:view|watch)\b"),
    ("apolog", r"^apologies for absence\b|\bno apologies\b|\bapologies (?:for absence )?were"),
    ("minutes", r"^(?:that,? )?the (?:draft |previous |last )?minutes\b"),
    ("record", r"\b(?:approved|agreed|confirmed|signed) as an? (?:correct|true|accurate) record"),
    ("meeting", r"^(?:that,? )?the (?:date and time of the )?next meeting\b"),
    ("programme", r"^(?:that,? )?the work programme (?:for [\w/ -]+ )?be (?:noted|approved)"),
    ("register", r"\bregisters? of (?:orders|decisions)\b"),
    ("inspection", r"\bavailable (?:[\w ,]+ )?for inspection\b"),
    ("questions", r"\breplies to (?:the )?(?:following )?questions\b"),
    ("dealt", r"\bconsidered as having been dealt with\b"),
)
_STANDARD: dict[str, list[re.Pattern[str]]] = {}
for _word, _pattern in STANDARD_PATTERNS:
    _STANDARD.setdefault(_word, []).append(rx.compile(_pattern))
_STANDARD_WORDS = tuple(_STANDARD)


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph as the duplicate rules compare it."""

    blocks: tuple[Block, ...]
    text: str  # the blocks' texts joined with spaces
    key: str  # normalised, in lower case
    words: int  # words that are not standard wording
    minute: int  # index of the minute it is in; -1 before the first minute
    resolution: bool  # a resolution, or a sentence recording an outcome ("It was agreed")
    formal: bool  # a resolution ("Resolved:- (3) That ..."), not an outcome told in prose
    lead_in: bool  # one sentence introducing a list ("... raised the following points:-")
    index: int = 0  # its place among the units of its minutes

    @property
    def line(self) -> int:
        return self.blocks[0].line

    @property
    def end_line(self) -> int:
        return self.blocks[-1].end_line

    def word_set(self) -> frozenset[str]:
        return _word_set(self.key)


@functools.lru_cache(maxsize=2048)  # a draft's paragraphs and its previous minutes'
def _word_set(key: str) -> frozenset[str]:
    return frozenset(_WORD.findall(key))


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


_CLAUSE = rx.compile(r"(?<=[.!?:])-?['\"’”)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def clauses(text: str) -> list[str]:
    """Sentences, with a label before a colon ("Updates:- The bridge ...") apart."""
    return [s for s in _CLAUSE.split(text) if s.strip()]


class StandardWording:
    """The built-in formulas and the configured ``standard-wording`` sentences (which may
    use ``*`` and ``?`` as in shell patterns)."""

    def __init__(self, configured: Iterable[str] = ()) -> None:
        self.exact: set[str] = set()
        self.patterns: list[str] = []
        for text in configured:
            core = _core(text)
            if any(ch in core for ch in "*?["):
                self.patterns.append(core)
            elif core:
                self.exact.add(core)

    def covers(self, sentence: str) -> bool:
        core = _core(sentence)
        if not core:
            return True
        if core in self.exact or any(fnmatch.fnmatchcase(core, p) for p in self.patterns):
            return True
        for word in [w for w in _STANDARD_WORDS if w in core]:
            for p in _STANDARD[word]:
                if p.search(core):
                    return True
        return False

    def own_words(self, text: str) -> int:
        """Words of ``text`` outside standard sentences."""
        return sum(len(_WORD.findall(s)) for s in sentences(text) if not self.covers(s))


def _core(text: str) -> str:
    """A sentence as compared with standard wording: lower case, without "Resolved:-",
    a part number, "That", or final punctuation."""
    core = _LEAD.sub("", paragraph_key(text).casefold().strip("\"' "))
    return core.strip("\"' ").rstrip(".;:!?\"' ").strip()


# --- where the minutes are --------------------------------------------------------------


def minutes_blocks(part: MinutesPart) -> list[Block]:
    """The blocks of a set of minutes, without an attachment run into its last minute."""
    blocks = list(part.blocks)
    if not part.items or part.next_meeting is None:
        return blocks
    last = part.items[-1]
    line = part.next_meeting.line
    if not last.line <= line <= last.end_line:
        return blocks
    after = [b for b in blocks if b.line > line]
    if len(after) > TAIL_BLOCKS:
        return [b for b in blocks if b.line <= line or b.end_line <= line]
    return blocks


def _continues(prev: Block, nxt: Block) -> bool:
    """Whether ``nxt`` goes on with a sentence that ``prev`` left unfinished."""
    if prev.kind != "paragraph" or nxt.kind != "paragraph":
        return False
    if _TERMINAL.search(prev.text):
        return False
    first = nxt.text.lstrip()[:1]
    if not first:
        return False
    if first.islower() or first.isdigit() or first in "£$€(":
        return True
    last = prev.text.rstrip()
    if last.endswith((",", "-", "–")) or last.rsplit(None, 1)[-1].lower() in _CONNECTIVE:
        return True
    # A long line without a full stop is a sentence wrapped at the page's width; a short
    # one is a title.
    return len(last.split()) >= LONG_LINE_WORDS


def units(
    part: MinutesPart,
    standard: StandardWording,
    min_words: int = 1,
    blocks: Sequence[Block] | None = None,
) -> list[Unit]:
    """The units of a set of minutes, in order. Standard wording is looked for only in
    units of at least ``min_words`` words (shorter ones are not compared anyway)."""
    kept = minutes_blocks(part) if blocks is None else list(blocks)
    last = kept[-1].end_line if kept else part.start_line
    starts = [m.line for m in part.items]
    res_starts = {r.line for m in part.items for r in m.resolutions}
    # The opening paragraphs, then each minute's own paragraphs: a minute's blocks hold
    # what follows its title on the title's line, and never the title.
    opening = starts[0] if starts else last + 1
    ordered = [b for b in kept if b.line < opening]
    for m in part.items:
        ordered.extend(b for b in m.blocks if b.line <= last)
    chosen = [b for b in ordered if b.kind not in (HEADING, TABLE_ROW) and b.text.strip()]
    groups: list[list[Block]] = []
    for b in chosen:
        # a minute's title between two paragraphs ends the sentence, whatever it lacks
        if (
            groups
            and _continues(groups[-1][-1], b)
            and len(groups[-1]) < 30
            and bisect_right(starts, groups[-1][-1].line) == bisect_right(starts, b.line)
        ):
            groups[-1].append(b)
        else:
            groups.append([b])
    out: list[Unit] = []
    for index, group in enumerate(groups):
        text = " ".join(b.text.strip() for b in group)
        key = paragraph_key(text).casefold()
        total = len(_WORD.findall(key))
        minute = bisect_right(starts, group[0].line) - 1
        formal = (
            bool(_RESOLVED.match(text))
            or group[0].line in res_starts
            or bool(out and _RESOLVED_LABEL.match(out[-1].text))
            or bool(_QUOTED_THAT.match(text))
        )
        resolution = formal or (len(text) <= DECISION_LENGTH and bool(_DECISION.search(text)))
        out.append(
            Unit(
                blocks=tuple(group),
                text=text,
                key=key,
                words=standard.own_words(text) if total >= min_words else total,
                minute=minute,
                resolution=resolution,
                formal=formal,
                lead_in=bool(_TERMINAL_COLON.search(text)) and len(sentences(text)) == 1,
                index=index,
            )
        )
    return out


# --- exact and near duplicates ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pair:
    """A unit (``later``) that repeats another (``earlier``)."""

    earlier: Unit
    later: Unit
    ratio: float = 1.0
    ops: tuple[WordOp, ...] = ()


def _substantial(unit: Unit, min_words: int) -> bool:
    """Long enough to be a slip when repeated in another minute, not a formula."""
    return unit.words >= 2 * min_words or len(sentences(unit.text)) >= 2


# Decisions this many units apart or more are two decisions, not one pasted twice.
DECISION_REACH = 3


def _repeat_of(first: Unit, later: Unit, min_words: int, exact: bool = True) -> bool:
    """Whether ``later`` repeating ``first`` (word for word, or nearly when not
    ``exact``) is a slip rather than the minutes' formula."""
    if later.resolution != first.resolution:
        return False  # a statement and the resolution that restates it
    close = later.minute == first.minute and later.index - first.index <= DECISION_REACH
    if later.lead_in or first.lead_in:
        # "Members raised the following points:-" introduces other points each time.
        return exact and later.minute == first.minute
    if later.formal and first.formal and exact:
        # The same resolution twice in one item is a slip; in two items, only one too
        # long to be the same decision taken again.
        return later.minute == first.minute or later.words >= 2 * min_words
    if later.resolution:
        # An outcome told in the same words for two items ("It was agreed to refer the
        # motion to ...") is two outcomes; a part pasted twice is close by.
        return close
    return later.minute == first.minute or _substantial(later, min_words)


def exact_duplicates(
    found: Sequence[Unit], min_words: int, twins: Iterable[tuple[int, int]] = ()
) -> list[Pair]:
    """Units whose normalised text is that of an earlier unit.

    A repeat in another minute is reported only when the paragraph is substantial (two
    sentences, or twice the minimum length): one-line outcomes recur from item to item,
    and a resolution or recorded outcome only when it follows closely in the same
    minute. Text found three or more times is a formula of these minutes.
    """
    by_key: dict[str, list[Unit]] = {}
    for u in found:
        if u.words >= min_words:
            by_key.setdefault(u.key, []).append(u)
    same_minute = set(twins)
    pairs = []
    for group in by_key.values():
        if len(group) != 2:
            continue
        first, later = group
        if (first.minute, later.minute) in same_minute or _repeat_of(first, later, min_words):
            pairs.append(Pair(first, later))
    return sorted(pairs, key=lambda p: p.later.line)


def twin_minutes(part: MinutesPart) -> set[tuple[int, int]]:
    """Pairs (earlier, later) of minute indexes with the same number and title: one
    minute pasted twice, whose text is then compared whatever its length."""
    seen: dict[tuple[int, str], int] = {}
    out: set[tuple[int, int]] = set()
    for k, m in enumerate(part.items):
        key = (m.number, title_key(m.title))
        if key in seen:
            out.add((seen[key], k))
        else:
            seen[key] = k
    return out


def formula_keys(found: Sequence[Unit]) -> set[str]:
    """Texts found three or more times: formulas of these minutes."""
    counts: dict[str, int] = {}
    for u in found:
        counts[u.key] = counts.get(u.key, 0) + 1
    return {k for k, n in counts.items() if n >= 3}


_STOP = frozenset(
    "the a an this that these those it he she they we in on at to of for by and or but "
    "as with from".split()
)
_SLOT = rx.compile(r"\d|^[A-Z][\w'’-]*$")


def fills_a_formula(ops: Sequence[WordOp]) -> bool:
    """Whether two texts are one formula filled in twice rather than a text and its
    edited copy.

    The words that differ are counted: names (capitalised words), numbers, dates and
    part labels ("(a)") on one side, ordinary words on the other. Where names and
    numbers are most of what differs ("proposed by Councillor Kiely" / "by Councillor
    Butler"; "disposal of property at 31, McDermott Avenue" / "of land at 1, Clarke
    Avenue"; "Primary" / "Secondary"; the roll of a vote with a name left out), the
    texts are one formula filled in for two items. An edited copy mostly changes
    ordinary words ("every ward" / "each ward"). A name spelt differently is a
    correction, not another name, and counts as an ordinary change. A name added or left
    out counts as a name only in a list of names (a text mostly of capitalised words).
    """
    import Levenshtein

    every = [w for op in ops for w in _WORD.findall(op.new_text or op.old_text)]
    roll = sum(1 for w in every if _is_slot(w)) >= NAME_LIST_SHARE * max(1, len(every))
    names = plain = 0
    for op in ops:
        if op.op == EQUAL:
            continue
        words = _WORD.findall(op.old_text) + _WORD.findall(op.new_text)
        slots = [w for w in words if _is_slot(w)]
        if op.op == REPLACE and slots:
            if Levenshtein.ratio(op.old_text.casefold(), op.new_text.casefold()) >= 0.8:
                plain += 1  # "Philips" / "Phillips"
                continue
        elif not roll:
            plain += len(words)
            continue
        names += len(slots)
        plain += len(words) - len(slots)
    return names > plain


# A text this share of whose words are names, numbers or labels is a list of names.
NAME_LIST_SHARE = 0.3


_LABEL = rx.compile(r"^(?:[a-z]|[ivx]{1,4})$")


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
    "fifty hundred thousand first second third fourth fifth sixth half quarter".split()
)


def _is_slot(word: str) -> bool:
    """A name, a number, a date or a part label: what differs between two fillings."""
    if _LABEL.match(word) or word.lower() in _NUMBER_WORDS:
        return True
    return bool(_SLOT.search(word)) and word.lower() not in _STOP


_NUMBERED = rx.compile(r"^\(?\d{1,3}[.)]\s")
_AMENDS = rx.compile(
    r"\b(?:as\s+follows|to\s+read|the\s+following\s+(?:amendment|wording|text|objective|policy))"
    r"\b[^.]{0,60}:-?\s*$"
    r"|^(?:\d{1,3}\.\s*)?(?:amend|insert|include|replace|substitute|add|delete)\b[^.]{0,120}:-?\s*$",
    re.I,
)


def near_duplicates(
    found: Sequence[Unit], min_words: int, ratio: float, exclude: Iterable[Pair] = ()
) -> list[Pair]:
    """Units nearly the same as an earlier one (each reported once, at its best match)."""
    from minlint.lint.diff.blocking import similar_pairs
    from minlint.lint.diff.words import similarity

    exact = {(id(p.earlier), id(p.later)) for p in exclude}
    formulas = formula_keys(found)
    # A text introduced as the wording an amendment proposes is meant to resemble the
    # text it amends.
    proposed: set[int] = set()
    quoting = False
    for prev, u in pairwise(found):
        if _AMENDS.search(prev.text):
            quoting = True
        elif u.minute != prev.minute or _NUMBERED.match(u.text):
            quoting = False
        if quoting:
            proposed.add(id(u))
    eligible = [
        u for u in found if u.words >= min_words and u.key not in formulas and id(u) not in proposed
    ]
    sets = [u.word_set() for u in eligible]
    scored: dict[int, list[tuple[float, int]]] = {}
    for i, j, _ in similar_pairs(sets, None, 0.5):
        a, b = eligible[i], eligible[j]
        if a.key == b.key or (id(a), id(b)) in exact or not _repeat_of(a, b, min_words, False):
            continue
        # In another minute, where parallel items are worded alike, only a closer copy.
        least = ratio if a.minute == b.minute else (1 + ratio) / 2
        score = similarity(a.key, b.key, least)
        if score >= least:
            scored.setdefault(j, []).append((-score, i))
    best: list[Pair] = []
    for j, candidates in scored.items():
        # The closest earlier unit whose difference is more than a formula filled in;
        # the word diff is made for as few candidates as that takes.
        for minus, i in sorted(candidates):
            ops = tuple(word_diff(eligible[i].text, eligible[j].text))
            if not fills_a_formula(ops):
                best.append(Pair(eligible[i], eligible[j], -minus, ops))
                break
    return sorted(best, key=lambda p: p.later.line)


# A draft that shares more than half of at least this many paragraphs with its
# "previous" minutes is another version of the same minutes.
SAME_MEETING_UNITS = 4
# Items whose business is the previous minutes: what they repeat is meant to be repeated.
CARRIED_OVER = rx.compile(
    r"matters arising|\baction(?:s| log| tracker| sheet)\b|minutes of the (?:previous|last)",
    re.I,
)


def carried_over_minutes(part: MinutesPart) -> set[int]:
    """Indexes of the minutes that carry the previous minutes' business forward."""
    return {k for k, m in enumerate(part.items) if CARRIED_OVER.search(m.title)}


def copied(
    draft: Sequence[Unit],
    previous: Sequence[Unit],
    min_words: int,
    ratio: float,
    skip_minutes: Iterable[int] = (),
) -> list[Pair]:
    """Discussion paragraphs of the draft found in the previous minutes, word for word
    or nearly (``earlier`` is the previous minutes' unit). The opening paragraphs (who
    attended, the webcast notice) and resolutions are not discussion. When most of the
    draft is found word for word, the "previous" minutes are another version of the
    same minutes, and nothing is reported."""
    from minlint.lint.diff.blocking import similar_pairs
    from minlint.lint.diff.words import similarity

    skip = set(skip_minutes)
    mine = [
        u
        for u in draft
        if u.words >= min_words
        and not u.resolution
        and not u.lead_in
        and u.minute >= 0
        and u.minute not in skip
    ]
    theirs = [u for u in previous if u.words >= min_words and not u.resolution]
    by_key = {u.key: u for u in reversed(theirs)}
    out: dict[int, Pair] = {}
    for k, u in enumerate(mine):
        if u.key in by_key:
            out[k] = Pair(by_key[u.key], u)
    if len(out) * 2 > len(mine) >= SAME_MEETING_UNITS:
        return []  # mostly the same text: another version of these minutes, not the last

    for i, j, _ in similar_pairs([u.word_set() for u in mine], [u.word_set() for u in theirs], 0.5):
        if i in out and out[i].ratio == 1.0:
            continue
        a, b = theirs[j], mine[i]
        score = similarity(a.key, b.key, ratio)
        if score < ratio:
            continue
        ops = tuple(word_diff(a.text, b.text))
        if fills_a_formula(ops):
            continue
        if i not in out or score > out[i].ratio:
            out[i] = Pair(a, b, score, ops)
    return sorted(out.values(), key=lambda p: p.later.line)


# --- repeats inside a paragraph ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Repeat:
    """Text repeated inside one block: characters ``start:end`` of ``block.text`` are
    the second occurrence; ``first`` is where the first one starts."""

    block: Block
    start: int
    end: int
    first: int
    text: str
    kind: str  # "sentence", "phrase" or "garbled"


_TOKEN = rx.compile(r"\w+(?:['’]\w+)*")
# An address's parts are bounded (64 and 253 characters, as mail allows): unbounded,
# each start in a run of thousands of characters without a space scanned to its end.
_URL = rx.compile(r"(?:https?://|www\.)\S+|[^\s@]{1,64}@[^\s@]{1,253}\.\w+", re.I)
_WWW = rx.compile(r"www\.", re.I)
_VOWEL = rx.compile(r"[aeiouy]", re.I)
# Words that are doubled in good English: "had had", "is is" ("what it is is").
_DOUBLES_OK = frozenset("had is very far bye ha knock tut long many really so".split())
# "that that" is right before a verb ("that that was"), a slip before these.
_AFTER_THAT = frozenset("the a an this these those their his her its our my your".split())
_FUNCTION = frozenset(
    (
        "a an the and or but if as at by for from in into of off on onto to up with "
        "that this these those it its is was were be been are am he she they we i you "
        "his her their our my your him them us there here which who whom whose what "
        "not no so than then too very can could will would shall should may might must "
        "do does did has have had"
    ).split()
)
_PRONOUN_AFTER_ARTICLE = frozenset("he she they we".split())
# Where an article may stand before a pronoun (the words are checked one by one after).
_ARTICLE_PRONOUN = rx.compile(r"\b(?:the|an?)\s+(?:he|she|they|we)\b", re.I)


def _masked(text: str) -> str:
    """The text with web and mail addresses blanked out: their parts are not words."""
    if "@" in text or "://" in text or _WWW.search(text):  # most paragraphs hold no address
        return _URL.sub(lambda m: " " * len(m.group()), text)
    return text


def _same_case(a: str, b: str, first: bool) -> bool:
    """Equal words as a doubling would leave them: the same, or "The the"."""
    if a == b:
        return True
    return first and a[:1].isupper() and a[1:] == b[1:] and b[:1].islower() and a.lower() == b


def _sentence_start(text: str, at: int) -> bool:
    # Back over the spaces before ``at`` only: a copy of all the text before it, for each
    # doubled word of a long paragraph, grew with the square of the paragraph.
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at == 0 or text[at - 1] in ".!?:;"


def doubled_phrases(block: Block) -> list[Repeat]:
    """Words or phrases written twice in a row ("was agreed was agreed", "the the"),
    and an article left before a pronoun ("the he", a doubled "the" half deleted)."""
    text = block.text
    masked = _masked(text)
    folded = [w.casefold() for w in _TOKEN.findall(masked)]
    candidates = _Candidates(folded)
    if not candidates and not _ARTICLE_PRONOUN.search(masked):
        return []  # most paragraphs: the words, but not where each one is, were needed
    words = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(masked)]
    out: list[Repeat] = []
    i = 0
    for start, size, periodic in candidates:
        if start < i:
            continue
        if periodic >= 2 * size + max(1, size - 1):
            # Drawn three times or nearly: how a PDF renders bold text, not an edit.
            i = candidates.floor = start + periodic
            continue
        first = words[start : start + size]
        second = words[start + size : start + 2 * size]
        if text[first[-1][2] : second[0][1]].strip():
            continue
        one = " ".join(text[first[0][1] : first[-1][2]].split())
        two = " ".join(text[second[0][1] : second[-1][2]].split())
        if one.casefold() != two.casefold():
            continue
        if not all(
            _same_case(a[0], b[0], k == 0 and _sentence_start(text, first[0][1]))
            for k, (a, b) in enumerate(zip(first, second, strict=True))
        ):
            continue
        if _legitimate(first, words, start, size):
            continue
        end = words[start + 2 * size - 1][2]
        out.append(
            Repeat(
                block,
                words[start + size][1],
                end,
                words[start][1],
                text[words[start][1] : end],
                "phrase",
            )
        )
        i = candidates.floor = start + 2 * size
    for k in range(len(words) - 1):
        a, b = words[k], words[k + 1]
        if (
            b[0] in _PRONOUN_AFTER_ARTICLE
            and folded[k] in ("the", "a", "an")
            and not text[a[2] : b[1]].strip()
            and text[b[2] : b[2] + 1] not in ("-", "'", "’")
        ):
            out.append(Repeat(block, a[1], b[2], a[1], text[a[1] : b[2]], "garbled"))
    return sorted(out, key=lambda r: r.start)


class _Candidates:
    """(start, size, periodic) where the ``size`` words at ``start`` are followed by the
    same words; ``periodic`` is how many words at and after the start go on repeating
    with that period (twice ``size`` for a phrase said twice). By start, longest first.

    Made as they are read, from ``floor`` on (the reader raises it past what it has
    dealt with): a word repeated a million times in a row is a million candidates of
    each size, which are neither kept nor all read."""

    def __init__(self, folded: Sequence[str], longest: int = 8) -> None:
        self.floor = 0
        self._runs: list[tuple[int, list[tuple[int, int]]]] = []
        for size in range(1, longest + 1):
            if len(folded) < 2 * size:
                break
            same = bytes(map(operator.eq, folded, folded[size:]))
            if b"\x01" * size not in same:
                continue  # no run of equal words long enough: most sizes of most paragraphs
            runs = [(m.start(), m.end()) for m in re.finditer(b"\x01{%d,}" % size, same)]
            self._runs.append((size, runs))

    def __bool__(self) -> bool:
        return bool(self._runs)

    def _of_size(self, size: int, runs: list[tuple[int, int]]) -> Iterator[tuple[int, int, int]]:
        for first, end in runs:
            span = end - first + size
            k = max(first, self.floor)
            while k <= end - size:
                yield k, size, span
                k = max(k + 1, self.floor)

    def __iter__(self) -> Iterator[tuple[int, int, int]]:
        streams = [self._of_size(size, runs) for size, runs in self._runs]
        return heapq.merge(*streams, key=lambda c: (c[0], -c[1]))


def _legitimate(
    first: Sequence[tuple[str, int, int]], words: Sequence[tuple[str, int, int]], i: int, size: int
) -> bool:
    lowered = [w[0].lower() for w in first]
    if any(w[0][:1].isdigit() for w in first):
        return True  # numbers repeat in lists and tables
    if all(w[0].isupper() and len(w[0]) > 1 for w in first):
        return True  # titles in capitals run together from a list
    if size == 1:
        word = lowered[0]
        if word in _DOUBLES_OK or not _VOWEL.search(word) or (len(word) == 1 and word != "a"):
            return True
        if first[0][0][:1].isupper() and word not in _FUNCTION:
            return True  # a name ("Hasan Hasan", "Moin Moin")
        if word == "that":
            after = words[i + 2][0].lower() if i + 2 < len(words) else ""
            return after not in _AFTER_THAT
        return False
    # A phrase of function words only repeats in good prose ("as it is as it is now").
    return all(w in _FUNCTION for w in lowered)


def repeated_sentences(block: Block, standard: StandardWording, min_words: int = 6) -> list[Repeat]:
    """A sentence of at least ``min_words`` words that appears twice in one block."""
    text = block.text
    parts = sentences(text)
    if len(parts) < 2:
        return []
    spans: list[tuple[str, int, int]] = []
    counts: dict[str, int] = {}
    at = 0
    for s in parts:
        start = text.find(s, at)
        if start < 0:
            continue
        at = start + len(s)
        key = fold(s).casefold().rstrip(" .!?")
        spans.append((key, start, start + len(s.rstrip())))
        counts[key] = counts.get(key, 0) + 1
    if all(n == 1 for n in counts.values()):
        return []
    seen: dict[str, int] = {}
    out = []
    for key, start, end in spans:
        # Three times or more in one paragraph is how a PDF renders text on slides.
        if counts[key] != 2 or len(_WORD.findall(key)) < min_words or standard.covers(key):
            continue
        if key in seen:
            out.append(Repeat(block, start, end, seen[key], text[start:end], "sentence"))
        else:
            seen[key] = start
    return out


@dataclass(frozen=True, slots=True)
class SentencePair:
    """Sentences of ``later`` that are also in ``earlier``, another unit of the minute:
    ``text`` is the first of them, ``count`` how many there are."""

    earlier: Unit
    later: Unit
    text: str
    block: Block | None  # where the later sentence starts, when it lies in one block
    start: int
    end: int
    count: int = 1


def _locate(unit: Unit, sentence: str) -> tuple[Block | None, int, int]:
    head = sentence[:40]
    for b in unit.blocks:
        at = b.text.find(head)
        if at >= 0:
            return b, at, min(len(b.text), at + len(sentence))
    return None, 0, 0


def repeated_in_minute(
    found: Sequence[Unit], standard: StandardWording, min_words: int, paragraphs: Iterable[Pair]
) -> list[SentencePair]:
    """Sentences of at least ``min_words`` words found in two different units of one
    minute (a paragraph a reader joined from several lines holds several items, so a
    repeated line shows as a repeated sentence). The rules for paragraphs apply: not
    standard wording, not a formula found three times, not two recorded outcomes apart."""
    whole = {id(p.later) for p in paragraphs} | {id(p.earlier) for p in paragraphs}
    where: dict[tuple[int, str], list[tuple[Unit, str]]] = {}
    for u in found:
        if id(u) in whole or u.words < min_words:
            continue
        for s in clauses(u.text):
            key = fold(s).casefold().rstrip(" .!?;:")
            if key.count(" ") + 1 >= min_words:
                where.setdefault((u.minute, key), []).append((u, s))
    out = []
    for found_in in where.values():
        if len(found_in) != 2:
            continue
        (first, _), (later, s) = found_in
        if first is later or not _repeat_of(first, later, min_words):
            continue
        if (first.resolution or later.resolution) and later.index - first.index > DECISION_REACH:
            continue  # an outcome recorded in the same words for two votes
        if len(_WORD.findall(s)) < min_words or standard.covers(s):
            continue
        block, start, end = _locate(later, s)
        out.append(SentencePair(first, later, s, block, start, end))
    # One finding for each pair of paragraphs, at the first sentence they share.
    merged: dict[tuple[int, int], SentencePair] = {}
    for pair in sorted(out, key=lambda p: (p.later.line, p.block is None, p.start)):
        key = (id(pair.earlier), id(pair.later))
        if key in merged:
            merged[key] = replace(merged[key], count=merged[key].count + 1)
        else:
            merged[key] = pair
    return sorted(merged.values(), key=lambda p: (p.later.line, p.start))


# --- shared by the rules ------------------------------------------------------------------

_UNITS: dict[tuple[int, tuple[str, ...], int], tuple[MinutesPart, list[Unit]]] = {}


def part_units(part: MinutesPart, configured: tuple[str, ...], min_words: int) -> list[Unit]:
    """The units of a set of minutes, computed once for the rules that share them."""
    key = (id(part), configured, min_words)
    hit = _UNITS.get(key)
    if hit is not None and hit[0] is part:
        return hit[1]
    if len(_UNITS) > 64:
        _UNITS.clear()
    found = units(part, StandardWording(configured), min_words)
    _UNITS[key] = (part, found)
    return found


def minute_label(part: MinutesPart, index: int) -> str:
    """ "minute 17", or "the opening paragraphs" for text before the first minute."""
    if 0 <= index < len(part.items):
        return part.items[index].label()
    return "the opening paragraphs"


def quoted(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 1].rstrip()}…"'
