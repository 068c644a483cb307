"""Figures that belong together: totals and their parts, counts with their percentage of
a base, changes stated as percentages, shares of one whole, parts of a whole.

The rules T001, T002, T004 and T005 judge these relations; this module only finds them,
and finds them only where the text ties the figures together itself:

- a total and its parts in one sentence, tied by words that say so ("bringing ... to",
  "a total of", "making a total", "in total", "of which", "comprising", "made up of",
  "broken down as", "Of the 41 referrals, 12 ..., 9 ... and 15 ..."), or listed in
  brackets after the total ("6 in Central (2 Clifton, 2 Oakwood, 1 Winterhill and 1
  Wingfield)");
- itemised lines closed by a "Total" line (a list of payments, a finance statement), or
  opened by a sentence that states the total ("... was €2.36m, allocated as follows:");
- a table's row or column labelled Total, in markdown and HTML tables and in the rows of
  text extracted from PDF tables (cells set apart by tabs or runs of spaces);
- read across sentences, and so marked ``inferred``: "This makes a total of £4,200" after
  the amounts of the sentences before it, and "an additional 32 cases ... bringing the
  caseload to 210" added to the figure its list opens with;
- a count with its percentage in brackets and the base it is a share of ("Of the 188,
  110 (58.5%) ..."), and a change ("from 612,000 to 455,000, a drop of 25.7%");
- percentages read as shares of one whole ("By locality, 38% ... North, 41% ... and 27%
  ...");
- one figure stated as a part of another ("312 of the 512 households", "of which").

Numbers that are labels (dates, years, minute and page numbers, ages, "Section 47") are
left out by :mod:`minlint.lint.facts.quantities`. A figure written with a hedge
("approximately 354", "more than 6,200") carries it, so that a rule can relax its check
and say why.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from minlint.lint import regexstore as rx
from minlint.lint.blocks import HEADING, LIST_ITEM, TABLE_ROW, Block
from minlint.lint.facts.quantities import Quantity, ends_a_word, find_quantities
from minlint.lint.facts.sentences import sentences
from minlint.lint.lazyre import LazyPattern
from minlint.lint.model import ParsedDocument

__all__ = [
    "Change",
    "Figure",
    "LazyPattern",
    "PartOfWhole",
    "Percentage",
    "Relations",
    "ShareGroup",
    "SumRelation",
    "find_relations",
    "sentences",
]


_lazy = LazyPattern


COUNT = "count"
MONEY = "money"
PERCENT = "percent"
MEASURE = "measure"
DECIMAL = "decimal"


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure where it is written: ``block.text[start:end]``.

    ``kind`` is "count", "money" (``unit`` is the currency), "percent", "measure" (a
    count of time or distance: ``unit`` is the noun) or "decimal" (a rate, an average).
    ``step`` is the value of the last digit written ("£2.36m": 10,000; "58.5%": 0.1),
    and ``whole_units`` says that money is written without pence or cents. ``hedge`` is
    the word that makes the figure approximate ("approximately", "over").
    """

    block: Block
    start: int
    end: int
    text: str
    value: float
    kind: str
    unit: str | None = None
    step: float = 1.0
    scaled: bool = False
    whole_units: bool = False
    hedge: str | None = None
    noun: str | None = None

    @property
    def line(self) -> int:
        return self.block.locate(self.start)[0]

    @property
    def decimals(self) -> int:
        body = re.sub(r"[^\d.]", "", self.text.split("%")[0])
        return len(body.split(".", 1)[1]) if "." in body else 0

    def same_class(self, other: Figure) -> bool:
        """Figures that can be added up: counts with counts, money of one currency
        (an amount written without a currency sign goes with any)."""
        if self.kind != other.kind:
            return False
        if self.kind == MONEY:
            return self.unit is None or other.unit is None or self.unit == other.unit
        return self.kind != MEASURE or self.unit == other.unit


@dataclass(frozen=True, slots=True)
class SumRelation:
    """A stated total and the parts the text says make it up.

    ``exhaustive`` is False where the wording allows the parts to be only some of the
    whole ("Of the 41 referrals, 12 came from schools and 9 from health"): a shortfall
    is then no mistake. ``inferred`` marks a relation read across sentences, with
    ``note`` saying how.
    """

    total: Figure
    parts: tuple[Figure, ...]
    form: str
    exhaustive: bool = True
    inferred: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Percentage:
    """A count, the percentage given for it, and the base the percentage is of."""

    count: Figure
    percent: Figure
    base: Figure
    form: str


@dataclass(frozen=True, slots=True)
class Change:
    """A change from one figure to another stated as a percentage rise or fall."""

    old: Figure
    new: Figure
    percent: Figure
    direction: str  # "fall" or "rise", as the text says


@dataclass(frozen=True, slots=True)
class ShareGroup:
    """Percentages the text gives as shares of one whole, and why they are read so."""

    shares: tuple[Figure, ...]
    cue: str
    remainder: bool  # one share is "other" or "the rest": the list claims to be complete


@dataclass(frozen=True, slots=True)
class PartOfWhole:
    """One figure stated as a part of another ("312 of the 512 households")."""

    part: Figure
    whole: Figure
    form: str


@dataclass(slots=True)
class Relations:
    """Every relation between figures found in a text: sums, percentages, changes,
    shares and parts of a whole."""

    sums: list[SumRelation] = field(default_factory=list)
    percentages: list[Percentage] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    shares: list[ShareGroup] = field(default_factory=list)
    parts: list[PartOfWhole] = field(default_factory=list)


# ----------------------------------------------------------------------------- figures

_HEDGE_RE = _lazy(
    r"\b(approximately|approx\.?|about|around|roughly|some|circa|c\.|nearly|almost"
    r"|just\s+under|just\s+over|over|more\s+than|less\s+than|fewer\s+than|under|at\s+least"
    r"|up\s+to|an\s+estimated|estimated|in\s+excess\s+of|upwards\s+of|in\s+the\s+region\s+of"
    r"|close\s+to|nearer|almost|~)\s*\Z",
    re.I,
)
_TIME_NOUNS = frozenset(
    "second seconds minute minutes min mins hour hours hr hrs day days week weeks month months "
    "year years yr yrs decade decades term terms semester semesters night nights session "
    "sessions".split()
)
_MEASURE_NOUNS = frozenset(
    "mile miles km kilometres kilometers metre metres meter meters m2 hectares hectare acres "
    "acre feet foot inches tonnes tonne tons kg litres mph".split()
)
_SCALE_RE = _lazy(r"(?:million|billion|thousand|bn|m|k)\s*\Z", re.I)


_WRITTEN_DIGITS_RE = _lazy(r"\d[\d,]*(?:\.(\d+))?")


def _figure(block: Block, text: str, q: Quantity) -> Figure:
    kind: str
    unit: str | None = None
    noun = q.counts.lower() if q.counts else None
    if q.kind == "money":
        kind, unit = MONEY, q.currency
    elif q.kind == "percent":
        kind = PERCENT
    elif noun in _TIME_NOUNS or noun in _MEASURE_NOUNS:
        kind, unit = MEASURE, noun
    elif q.kind == "decimal":
        # "1.2 million visits" is a count; "2.95 exclusions per child" an average
        kind = COUNT if re.search(r"(?:million|billion|thousand)\s*$", q.text) else DECIMAL
    else:
        kind = COUNT
    written = q.text
    scaled = bool(_SCALE_RE.search(written.rstrip("p")))
    digits = _WRITTEN_DIGITS_RE.search(written)
    decimals = len(digits.group(1)) if digits and digits.group(1) else 0
    step = 10.0**-decimals
    written_value = float(digits.group(0).replace(",", "")) if digits else 0.0
    if scaled and written_value:  # "€0 m" is scaled by nothing
        step *= q.value / written_value
    lo = max(0, q.start - 30)
    hedge = _HEDGE_RE.search(text, lo, q.start) if ends_a_word(text, q.start, 30, ".~") else None
    return Figure(
        block=block,
        start=q.start,
        end=q.end,
        text=written,
        value=q.value,
        kind=kind,
        unit=unit,
        step=step,
        scaled=scaled,
        whole_units=kind == MONEY and decimals == 0 and not scaled,
        hedge=" ".join(hedge.group(1).lower().split()) if hedge else None,
        noun=noun,
    )


_DIGIT_RE = _lazy(r"\d")
# Spelled-out numbers, looked for in lower case (faster than a case-blind search).
_NUMBER_WORD_RE = _lazy(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred)\b"
)
# Several rules read the figures of the same blocks: keep them for the latest document.
_FIGURES: dict[int, tuple[Block, list[Figure]]] = {}


def block_figures(block: Block) -> list[Figure]:
    """Every figure of a block, in order."""
    kept = _FIGURES.get(id(block))
    if kept is not None and kept[0] is block:
        return kept[1]
    text = block.text
    if _DIGIT_RE.search(text) or _NUMBER_WORD_RE.search(text.lower()):
        figures = [_figure(block, text, q) for q in find_quantities(text)]
    else:
        figures = []
    if len(_FIGURES) > 20000:
        _FIGURES.clear()
    _FIGURES[id(block)] = (block, figures)
    return figures


# --------------------------------------------------------------------------- sentences


# Where each text's brackets are: the depth at a position is then two binary searches,
# not a count from the start of the text for every figure (quadratic on a long block).
_BRACKETS: dict[str, tuple[list[int], list[int]]] = {}


def _depth(text: str, pos: int) -> int:
    found = _BRACKETS.get(text)
    if found is None:
        if len(_BRACKETS) > 256:
            _BRACKETS.clear()
        found = _BRACKETS[text] = (
            [m.start() for m in _OPEN_RE.finditer(text)],
            [m.start() for m in _CLOSE_RE.finditer(text)],
        )
    opens, closes = found
    return max(0, bisect_left(opens, pos) - bisect_left(closes, pos))


_OPEN_RE = _lazy(r"\(")
_CLOSE_RE = _lazy(r"\)")


# ------------------------------------------------------------------- wording of relations

_S = r"[^\S\n]"
# Words right before a total that say it is the sum of what came before.
_TRAIL_TOTAL_RE = _lazy(
    r"(?:\b(?:making|makes|made|giving|gives|gave|bringing|brings|brought|taking|takes|took"
    r"|raising|raises|raised|amounting|amounts|amounted|adding\s+up|adds\s+up|added\s+up"
    r"|coming|comes|came|summing|sums|summed)\b[^.;:()\d£€$]{0,60}?\b(?:to|of)"
    r"|\b(?:a|the|in)\s+(?:grand\s+|combined\s+|overall\s+|total\s+)?total(?:\s+[a-z]+){0,3}?"
    r"\s*(?:of|was|is|were|came\s+to|stood\s+at|:|=)?"
    r"|\btotall?(?:ing|ed)|\baltogether(?:\s+of)?|\bin\s+all|="
    r"|[(,;–-]\s*(?:a\s+)?(?:grand\s+)?total(?:\s+of)?\s*[:=]?)"
    rf"{_S}*(?:(?:the|a|an|some|approximately|about|around|over|just|almost|nearly)\s+)*\Z",
    re.I,
)
# "..., 35 in total": the total named after the figure.
_IN_TOTAL_AFTER_RE = _lazy(
    r"(?:\s+[a-z]+){0,2}?\s+(?:in\s+total|in\s+all|altogether|overall)\b", re.I
)
# "Net" totals and balances subtract: not a sum of the figures before them.
_NET_RE = _lazy(r"\b(?:net|balance|less|minus|deducted|deduct|after)\b", re.I)
# Words between a total and its first part that say the parts follow.
_LEAD_RE = _lazy(
    r"(?:\b(?:comprising|comprises|comprise|comprised(?:\s+of)?|consisting\s+of|consists\s+of"
    r"|consisted\s+of|made\s+up\s+of"
    r"|broken\s+down\s+(?:as\s+follows|as|into|by)|split\s+(?:as\s+follows|between|into|across"
    r"|as|with)|divided\s+(?:between|into|as)|allocated\s+as\s+follows|as\s+follows|namely"
    r"|of\s+which|of\s+whom|funded\s+by|financed\s+by|met\s+(?:by|from)|paid\s+for\s+by)\b"
    r"|:)",
    re.I,
)
_OF_THEM_AFTER_RE = _lazy(rf"{_S}*(?:of{_S}+(?:them|whom|which|these|those))\b", re.I)
# "5 of these YP (27.8%)": a part of a whole named earlier.
_OF_THESE_AFTER_RE = _lazy(rf"{_S}*(?:\([^()]*\){_S}*)?of{_S}+(?:these|those|them|whom)\b", re.I)
_DIGITS_RE = _lazy(r"\d[\d,./-]*\d|\d")
_MONTH_NEAR_RE = _lazy(
    r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s*\Z"
    r"|\A(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
    re.I,
)
_LABEL_NEAR_RE = _lazy(
    r"\b(?:no|nos|number|minute|minutes|item|items|page|pages|para|paragraph|appendix|section"
    r"|ref|chq|cheque|year|quarter|q|phase|stage|level|key\s+stage|week|ward|room|route)\.?\s*\Z",
    re.I,
)
_WORD_END_RE = _lazy(r"([A-Za-z]+)[^\w]*\Z")
_CLAUSE_WORDS = frozenset("that which and but however while whilst so then whereas".split())
_SEPARATOR_RE = _lazy(
    r"[,;:(]|\b(?:and|or|plus|while|whilst|whereas|with|comprising|comprises|comprised"
    r"|comprise|consisting\s+of|consists\s+of|made\s+up\s+of|broken\s+down\s+(?:as|into)|as\s+follows"
    r"|namely|split\s+(?:between|into|as)|divided\s+(?:between|into)|funded\s+by|financed\s+by"
    r"|met\s+(?:by|from)|paid\s+for\s+by)\b",
    re.I,
)
# What may come between a list separator and the figure that opens the next part.
_SEGMENT_LEAD_RE = _lazy(
    r"^\s*(?:(?:of\s+which|of\s+whom|a\s+further|another"
    r"|an\s+additional|the\s+remaining|the\s+rest|remaining|only|just|some|approximately"
    r"|about|around|nearly|almost|over|under|up\s+to|more\s+than|less\s+than|fewer\s+than"
    r"|there\s+(?:were|are|was)|i\.e\.|-|–)\s+)*\Z",
    re.I,
)
# A figure that is the whole its neighbour is part of: "312 of the 512", "3 of those 6".
_WHOLE_BEFORE_RE = _lazy(
    rf"(?:\bout{_S}+)?\bof{_S}+(?:the{_S}+|these{_S}+|those{_S}+|its{_S}+|their{_S}+|all{_S}+)?"
    rf"(?:total{_S}+(?:of{_S}+)?)?\Z",
    re.I,
)
# A sentence that opens on the whole: "Of the 188, ...", "Out of 41 referrals, ...".
_OPENER_RE = _lazy(
    r"^[\s\"'“‘*•\-\u2022\uf0b7]*(?:(?:across|from|out)\s+)?(?:of\s+)?"
    r"(?:the\s+|these\s+|those\s+|this\s+)?(?:total\s+(?:of\s+)?)?\Z",
    re.I,
)
_OPENER_WORD_RE = _lazy(r"^[\s\"'“‘*•\-\u2022\uf0b7]*(?:of|out\s+of|across)\b", re.I)
# "Of these, 371 (58.0%) ...": the whole is in the sentence before.
_OF_THESE_RE = _lazy(
    r"[\s\"'“‘*•\-\u2022\uf0b7]*(?:of|out\s+of)\s+(?:these|them|those|this\s+number)\s*,?",
    re.I,
)
_COORD_RE = _lazy(r"[,;+&]|\b(?:and|plus|while|whilst|whereas|with)\b", re.I)
_MORE_CUE_RE = _lazy(
    r"\b(?:a\s+further|another|an\s+additional|additional|the\s+remaining|the\s+rest"
    r"|remaining|the\s+other|a\s+remaining)(?:\s+[a-z]+){0,2}\s*\Z",
    re.I,
)
_ADDED_CUE_RE = _lazy(
    r"\b(?:a\s+further|another|an\s+additional|additional|an\s+extra|extra)\s*\Z", re.I
)
_REMAINDER_RE = _lazy(
    r"\b(?:a\s+further|the\s+remaining|the\s+rest|remaining|remainder|other|others|otherwise"
    r"|all\s+other|elsewhere|unknown|not\s+known|not\s+recorded)\b",
    re.I,
)
_MAX_GAP = 170


def _coordinated(text: str, a: Figure, b: Figure, a_end: int) -> bool:
    """True when ``b`` carries on a list that ``a`` is in: a comma, "and", "plus" or a
    word such as "a further" between them, and nothing that ends the list."""
    gap = text[a_end : b.start]
    if len(gap) > _MAX_GAP or _TRAIL_TOTAL_RE.search(gap):
        return False
    if _MORE_CUE_RE.search(gap):
        return True
    return bool(_COORD_RE.search(gap))


# --------------------------------------------------------------------- one block at a time


@dataclass(slots=True)
class _Sentence:
    """One sentence's figures, read for the relations between them."""

    start: int
    end: int
    figures: list[Figure]  # every figure of the sentence
    items: list[Figure]  # figures outside brackets, in order, shares folded in
    share: dict[int, Figure]  # item index -> its percentage in brackets ("196 (46.2%)")
    whole_of: dict[int, int]  # item index -> index of the whole it is "of" ("312 of the 512")
    wholes: set[int]  # items written as a whole ("of the 18 young people"): not list members
    openers: list[int]  # items a clause opens on as its whole ("Of the 188, ...")

    def members(self) -> list[int]:
        """Items that can be list members."""
        return [i for i in range(len(self.items)) if i not in self.wholes]


# A sentence of more figures than this is a table or damaged text run together, not
# prose whose sums can be read (real sentences hold a dozen or so); its relations are
# not read, and reading them would take time growing with the square of the figures.
_MOST_FIGURES = 200


class _BlockReader:
    """The relations written inside one block, sentence by sentence."""

    def __init__(self, block: Block, figures: list[Figure], out: Relations) -> None:
        self.block = block
        self.text = block.text
        self.figures = figures
        self.out = out
        self.added: list[tuple[Figure, Figure]] = []  # (an added part, the total it makes)
        # the shares that closed the sentence before, which the next may carry on
        self._share_tail: tuple[list[Figure], list[ShareGroup] | None, int] = ([], None, 0)
        self._seen: set[tuple[int, tuple[int, ...]]] = set()

    def read(self) -> None:
        previous: _Sentence | None = None
        done: list[_Sentence] = []
        starts = [f.start for f in self.figures]
        for start, end in sentences(self.text):
            figs = self.figures[bisect_left(starts, start) : bisect_left(starts, end)]
            if not figs or len(figs) > _MOST_FIGURES:
                previous = None
                self._share_tail = ([], None, start)
                done.append(_Sentence(start, end, [], [], {}, {}, set(), []))
                continue
            s = self._sentence(start, end, figs)
            self._brackets(s)
            self._wholes(s, previous)
            self._sums(s)
            self._changes(s)
            self._percent_brackets(s)
            self._shares(s)
            self._paragraph_total(s, done)
            done.append(s)
            previous = s

    # -- the shape of a sentence

    def _sentence(self, start: int, end: int, figs: list[Figure]) -> _Sentence:
        text = self.text
        base = _depth(text, start)
        items: list[Figure] = []
        share: dict[int, Figure] = {}
        whole_of: dict[int, int] = {}
        wholes: set[int] = set()
        openers: list[int] = []
        for i, f in enumerate(figs):
            d = _depth(text, f.start)
            if d == base + 1 and items and self._bracketed_alone(f):
                prev = items[-1]
                # figures are in order: any figure between ends the one before this one
                between = i > 0 and figs[i - 1].start >= prev.end
                if f.kind == PERCENT and prev.kind in (COUNT, MONEY) and not between:
                    # "196 (46.2%)", "354 of the children ... (18%)": the share of the
                    # part, not of the whole it is "of" ("312 of the 512 ... (60.9%)")
                    owner = len(items) - 1
                    parts_of = [i for i, w in whole_of.items() if w == owner]
                    if parts_of:
                        owner = parts_of[0]
                    if owner not in share:
                        share[owner] = f
                    continue
                if f.kind == COUNT and prev.kind == PERCENT and not between:
                    # "7.5% (16) of these young people": the count after its percentage
                    items[-1] = f
                    share[len(items) - 1] = prev
                    continue
            if (
                d == base + 1
                and f.kind in (COUNT, MONEY)
                and self._bracketed_alone(f)
                and (not items or items[-1].end < text.rfind("(", 0, f.start))
            ):
                d = base  # "the youth club (£3,000) and the scouts (£2,000)": after its label
            elif d == base + 1 and _TOTAL_IN_BRACKET_RE.search(text, max(0, f.start - 25), f.start):
                d = base  # "... £980 and insurance £230 (total £1,210)"
            if d != base:
                continue
            k = len(items)
            clause = max(text.rfind(";", start, f.start), text.rfind(":", start, f.start))
            clause = start if clause < 0 else clause + 1
            before = text[clause : f.start]
            if _OPENER_WORD_RE.match(before) and _OPENER_RE.match(before):
                openers.append(k)
                wholes.add(k)
            elif m := _WHOLE_BEFORE_RE.search(text, max(0, f.start - 40), f.start):
                word = _WORD_END_RE.search(text, max(start, m.start() - 30), m.start())
                if word is None or word.group(1).lower() in _CLAUSE_WORDS:
                    # "... shows us that of these 77 young people 71 (92.2%) ...": the
                    # clause opens on its whole as a sentence would
                    wholes.add(k)
                    openers.append(k)
                if items and f.kind != MEASURE:
                    j = k - 1
                    gap = text[self._end(items, share, j) : f.start]
                    lead = text[self._end(items, share, j) : max(m.start(), items[j].end)]
                    words = lead.split()
                    if (
                        items[j].same_class(f)
                        and j not in wholes
                        and not re.search(r"[,;:]", gap)
                        and (
                            not words
                            or (
                                len(words) <= 2 and _singular(words[-1]) == _singular(items[j].noun)
                            )
                        )
                    ):
                        whole_of[j] = k
                        wholes.add(k)
            items.append(f)
        return _Sentence(start, end, figs, items, share, whole_of, wholes, openers)

    def _bracketed_alone(self, f: Figure) -> bool:
        text = self.text
        open_at = text.rfind("(", 0, f.start)
        close = text.find(")", f.end)
        return (
            open_at >= 0
            and close >= 0
            and not text[open_at + 1 : f.start].strip()
            and not text[f.end : close].strip()
        )

    def _end(self, items: list[Figure], share: dict[int, Figure], i: int) -> int:
        """Where item ``i`` ends, with its percentage in brackets."""
        end = items[i].end
        if i in share and share[i].start > end:
            close = self.text.find(")", share[i].end)
            end = close + 1 if close >= 0 else share[i].end
        return end

    def _coordinated(self, s: _Sentence, i: int, j: int) -> bool:
        """True when item ``j`` carries on a list that item ``i`` is in: a comma, "and",
        "plus" or "a further" between them, and nothing that ends the list."""
        end = self._end(s.items, s.share, i)
        if i in s.whole_of:
            end = max(end, s.items[s.whole_of[i]].end)
        gap = self.text[end : s.items[j].start]
        if len(gap) > _MAX_GAP or _TRAIL_TOTAL_RE.search(gap) or re.search(r"[.:]\s", gap):
            return False
        if self._hole(end, s.items[j].start, s.figures):
            return False
        return bool(_MORE_CUE_RE.search(gap) or _COORD_RE.search(gap))

    def _hole(self, start: int, end: int, figures: list[Figure]) -> bool:
        """True when a number between ``start`` and ``end`` was not read as a figure
        (nor is a year, a day of a month or a reference number): a list with a figure
        missing cannot be added up."""
        text = self.text
        for m in _DIGITS_RE.finditer(text, start, end):
            if any(f.start <= m.start() < f.end for f in figures):
                continue
            before = text[max(0, m.start() - 12) : m.start()]
            after = text[m.end() : m.end() + 12]
            digits = m.group(0)
            if re.fullmatch(r"(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?", digits):
                continue  # a year or a municipal year
            if len(digits) <= 2 and (_MONTH_NEAR_RE.search(before) or _MONTH_NEAR_RE.match(after)):
                continue  # a day of a month
            if _LABEL_NEAR_RE.search(before):
                continue  # "No 1345", "Minute 97", "Appendix 2"
            if _depth(text, m.start()) > _depth(text, start):
                continue  # inside brackets: read apart
            return True
        return False

    def _at_segment_start(self, s: _Sentence, i: int) -> bool:
        """True when item ``i`` opens its part of a list ("..., 9 from health", "and 5 ..."),
        not a clause in which it is an object ("merging four branch libraries")."""
        text = self.text
        f = s.items[i]
        window = text[max(s.start, f.start - 120) : f.start]
        if _MORE_CUE_RE.search(window):
            return True  # "... therefore the remaining 6 (7.8%) ..."
        cuts = list(_SEPARATOR_RE.finditer(window))
        lead = window[cuts[-1].end() :] if cuts else window
        if f.kind == MONEY and len(lead.split()) <= 4 and not re.search(r"\d", lead):
            return True  # "made up of revenue £19,690 and capital £9,650"
        return bool(_SEGMENT_LEAD_RE.match(lead))

    def _series(
        self, s: _Sentence, total: Figure, indexes: Sequence[int], heads: str = ""
    ) -> list[int]:
        """The run of coordinated figures of ``total``'s class among ``indexes``, from
        the first. With ``heads`` "all" each must open its part of the list, with "rest"
        each after the first."""
        out: list[int] = []
        for i in indexes:
            f = s.items[i]
            if f is total or not f.same_class(total) or i in s.wholes:
                continue
            if (heads == "all" or (heads == "rest" and out)) and not self._at_segment_start(s, i):
                break
            if out and not self._coordinated(s, out[-1], i):
                break
            out.append(i)
        return out

    def _series_before(self, s: _Sentence, k: int) -> list[int]:
        total = s.items[k]
        out: list[int] = []
        for i in reversed([i for i in s.members() if i < k]):
            f = s.items[i]
            if not f.same_class(total):
                continue
            if out and not self._coordinated(s, i, out[0]):
                break
            out.insert(0, i)
        return out

    def _add_sum(self, rel: SumRelation) -> None:
        key = (id(rel.total), tuple(id(p) for p in rel.parts))
        if key not in self._seen and len(rel.parts) >= 2:
            self._seen.add(key)
            self.out.sums.append(rel)

    # -- "Of the 188, 110 (58.5%)"; "312 of the 512 households"; "Of these, 371 (58.0%)"

    def _whole_for_these(self, s: _Sentence, i: int, previous: _Sentence | None) -> Figure | None:
        """The whole "of these" refers to, for item ``i`` written "N of these ...": the
        nearest whole before it in the sentence, or the figure of the sentence before
        that counts the same thing ("299 of these individuals ... 85 of these
        individuals")."""
        f = s.items[i]
        if re.search(r"\ball\s+but\s*\Z", self.text[max(0, f.start - 12) : f.start], re.I):
            return None  # "All but 23 of those": the 23 are the rest, not a part named
        earlier = [w for w in sorted(s.wholes) if w < i and s.items[w].same_class(f)]
        if earlier:
            return s.items[earlier[-1]]
        noun = _singular(_noun_after_these(self.text, f.end))
        if previous is not None and noun:
            cands = [
                g
                for g in previous.items
                if g.same_class(f)
                and g.kind == COUNT
                and g.hedge is None
                and g.text[:1].isdigit()
                and _singular(g.noun or _noun_after_these(self.block.text, g.end)) == noun
            ]
            if cands:
                return cands[-1]
        return None

    def _wholes(self, s: _Sentence, previous: _Sentence | None) -> None:
        text = self.text
        for i, w in s.whole_of.items():
            part, whole = s.items[i], s.items[w]
            self.out.parts.append(PartOfWhole(part, whole, "of"))
            if i in s.share and part.kind == COUNT:
                self.out.percentages.append(Percentage(part, s.share[i], whole, "of"))
        for i in s.members():
            f = s.items[i]
            if f.kind != COUNT or i in s.whole_of:
                continue
            if _OF_THESE_AFTER_RE.match(text, f.end):
                whole = self._whole_for_these(s, i, previous)
                if whole is not None:
                    self.out.parts.append(PartOfWhole(f, whole, "of these"))
                    if i in s.share:
                        self.out.percentages.append(Percentage(f, s.share[i], whole, "of these"))
        openings: list[tuple[Figure, list[int]]] = []
        for n, o in enumerate(s.openers):
            stop = s.openers[n + 1] if n + 1 < len(s.openers) else len(s.items)
            openings.append((s.items[o], [i for i in s.members() if o < i < stop]))
        if previous is not None and _OF_THESE_RE.match(text, s.start, s.end):
            earlier = [f for f in previous.items if f.kind in (COUNT, MONEY)]
            if earlier:
                stop = s.openers[0] if s.openers else len(s.items)
                openings.append((earlier[-1], [i for i in s.members() if i < stop]))
        for whole, candidates in openings:
            candidates = [i for i in candidates if i not in s.whole_of]
            for i in candidates:
                f = s.items[i]
                if (
                    i in s.share
                    and f.kind == COUNT
                    and f.same_class(whole)
                    and not _OF_THESE_AFTER_RE.match(text, f.end)
                ):
                    self.out.percentages.append(Percentage(f, s.share[i], whole, "of the"))
            series = self._series(s, whole, candidates, heads="rest")
            if len(series) == 1:
                self.out.parts.append(PartOfWhole(s.items[series[0]], whole, "of the"))
            elif len(series) >= 2 and whole.block is self.block:
                figs = tuple(s.items[i] for i in series)
                cue = any(
                    _REMAINDER_RE.search(text, max(0, f.start - 30), f.start) for f in figs[1:]
                )
                exhaustive = len(figs) >= 3 or cue or self._shares_complete(s, series)
                self._add_sum(SumRelation(whole, figs, "of the", exhaustive=exhaustive))
                self._part_shares(s, series, whole)

    # -- totals and parts

    def _sums(self, s: _Sentence) -> None:
        text = self.text
        members = s.members()
        for n, k in enumerate(members):
            total = s.items[k]
            if total.kind not in (COUNT, MONEY):
                continue
            if n:
                prev_end = self._end(s.items, s.share, members[n - 1])
                marker = _TRAIL_TOTAL_RE.search(text, prev_end, total.start)
                if marker is None and _IN_TOTAL_AFTER_RE.match(text, total.end):
                    gap = text[prev_end : total.start]
                    if len(gap) <= 60 and re.search(r"(?:,|;|–|—)\s*(?:(?:making|so)\s+)?\Z", gap):
                        marker = _IN_TOTAL_AFTER_RE.match(text, total.end)
                if marker and not _NET_RE.search(marker.group(0)):
                    # "... £4,945.86 making a total of £9,202.53"
                    parts = self._series_before(s, k)
                    if len(parts) >= 2:
                        figs = tuple(s.items[i] for i in parts)
                        self._add_sum(SumRelation(total, figs, "total after its parts"))
                        self._part_shares(s, parts, total)
                    elif len(parts) == 1:
                        part = s.items[parts[0]]
                        if _ADDED_CUE_RE.search(text, max(0, part.start - 30), part.start):
                            self.added.append((part, total))
                    continue
            later = [i for i in members if i > k and s.items[i].same_class(total)]
            if not later or _OF_THEM_AFTER_RE.match(text, total.end):
                continue  # "22 of which ...": a part itself, not the total of what follows
            first = later[0]
            gap = text[total.end : s.items[first].start]
            if self._hole(total.end, s.items[first].start, s.figures):
                continue
            semicolon = re.fullmatch(r"[^;:()\d]{0,60};\s*", gap) is not None
            if ";" in gap and not semicolon:
                continue
            lead = _LEAD_RE.search(gap) if len(gap) <= 100 else None
            of_them = (
                "," in gap
                and len(gap) <= 100
                and _OF_THEM_AFTER_RE.match(text, s.items[first].end) is not None
            )
            series = self._series(s, total, later, heads="all")
            if lead and lead.group(0) == ":" and total.text[:1].isalpha():
                continue  # "three options: ...": a count of the items (T003), not a sum
            if semicolon and len(series) >= 2:
                # "There are 11 seats on the council; 9 are filled and 2 are vacant"
                figs = tuple(s.items[i] for i in series)
                cue = any(_REMAINDER_RE.search(text, max(0, f.start - 30), f.start) for f in figs)
                exhaustive = len(figs) >= 3 or cue or self._shares_complete(s, series)
                self._add_sum(SumRelation(total, figs, "total before its parts", exhaustive))
            elif lead or of_them:
                # "214 empty council homes, of which 131 ..., 58 ... and 25 ..."
                if len(series) >= 2:
                    figs = tuple(s.items[i] for i in series)
                    partly = re.search(r"\b(?:partly|part|in\s+part|including)\b", gap, re.I)
                    self._add_sum(
                        SumRelation(total, figs, "total before its parts", exhaustive=not partly)
                    )
                    self._part_shares(s, series, total)
                elif len(series) == 1 and (of_them or "which" in lead.group(0).lower()):
                    part = s.items[series[0]]
                    if not part.noun or not total.noun or part.noun == total.noun:
                        self.out.parts.append(PartOfWhole(part, total, "of which"))
                        # "212 vehicles, of which 38 (18%) exceeded the limit"
                        self._part_shares(s, series, total)
            elif len(series) >= 2 and self._shares_complete(s, series):
                # "1,956 children ... with approximately 354 (18%) ... and 1,602 (82%)"
                figs = tuple(s.items[i] for i in series)
                self._add_sum(SumRelation(total, figs, "parts with their shares"))
                self._part_shares(s, series, total)

    def _paragraph_total(self, s: _Sentence, before: list[_Sentence]) -> None:
        """'A sum of £1,500 ... A further sum of £500 ... set at £1200. This makes a
        total amount of £4,200': the amounts of the sentences before, in one paragraph."""
        m = _THIS_MAKES_RE.match(self.text, s.start, s.end)
        if not m and before:
            self._total_sentence(s, before[-1])
        if not m or not before:
            return
        total = next((f for f in s.items if f.start >= m.end() - 1), None)
        if total is None or total.kind not in (COUNT, MONEY) or total.hedge:
            return
        if any(f.start < total.start for f in s.items):
            return
        parts: list[Figure] = []
        # the sentences just before, each naming an amount of the same kind
        for earlier in reversed(before):
            figs = [f for f in earlier.figures if f.kind in (COUNT, MONEY, PERCENT)]
            if not figs or any(not f.same_class(total) for f in figs):
                break
            if self._hole(earlier.start, earlier.end, earlier.figures):
                return
            parts[:0] = [f for f in figs if _depth(self.text, f.start) == 0]
        if len(parts) >= 2:
            note = "read as the sum of the amounts named before it in this paragraph"
            self._add_sum(SumRelation(total, tuple(parts), "paragraph total", True, True, note))

    def _total_sentence(self, s: _Sentence, last: _Sentence) -> None:
        """'Payments: salary £412.00; grass cutting £360.00; hall hire £45.00. Total
        £827.00.': a sentence that is only a total, after a sentence listing amounts."""
        m = _TOTAL_SENTENCE_RE.fullmatch(self.text, s.start, s.end)
        if m is None or len(s.items) != 1:
            return
        total = s.items[0]
        if total.kind != MONEY or total.hedge:
            return
        parts = [f for f in last.figures if _depth(self.text, f.start) == 0]
        if len(parts) < 2 or any(f.kind != MONEY or not f.same_class(total) for f in parts):
            return
        if self._hole(last.start, last.end, last.figures):
            return
        # a list: the amounts set apart by commas or semicolons, each after its label
        gaps = [self.text[a.end : b.start] for a, b in pairwise(parts)]
        if any(len(g) > 40 or not re.match(r"\s*[;,]", g) for g in gaps):
            return
        note = "read as the sum of the amounts listed in the sentence before it"
        self._add_sum(SumRelation(total, tuple(parts), "paragraph total", True, True, note))

    def _part_shares(self, s: _Sentence, parts: Sequence[int], total: Figure) -> None:
        for i in parts:
            if i in s.share and s.items[i].kind == COUNT:
                self.out.percentages.append(Percentage(s.items[i], s.share[i], total, "part"))

    def _shares_complete(self, s: _Sentence, parts: Sequence[int]) -> bool:
        shares = [s.share[i] for i in parts if i in s.share]
        if len(shares) != len(parts):
            return False
        slack = sum(f.step for f in shares) / 2 + 1e-9
        return abs(sum(f.value for f in shares) - 100) <= slack

    # -- "6 in Central (2 Clifton, 2 Oakwood, 1 Winterhill and 1 Wingfield)"

    def _brackets(self, s: _Sentence) -> None:
        text = self.text
        for f in s.figures:
            if f.kind not in (COUNT, MONEY) or (not f.text[:1].isdigit() and f.kind == COUNT):
                continue  # "the three events (21, 18 and 24 respectively)": a count of items
            m = _BEFORE_BRACKET_RE.match(text, f.end)
            if not m or any(f.end <= g.start < m.end() for g in s.figures):
                continue
            open_at = m.end() - 1
            close = _matching(text, open_at)
            if close is None:
                continue
            depth = _depth(text, f.start) + 1
            inner = [g for g in s.figures if open_at < g.start < close]
            inner = [g for g in inner if _depth(text, g.start) == depth]
            if len(inner) < 2 or not all(g.same_class(f) for g in inner):
                continue
            lead = text[open_at + 1 : inner[0].start].strip(" :-–")
            if len(lead) > 30 or re.search(r"\d|\b(?:e\.g|including|such\s+as)\b", lead, re.I):
                continue  # "(Revenue of £9,890 and Capital of £8,950)" has a short label
            gaps = [text[a.end : b.start] for a, b in pairwise(inner)]
            if any(len(g) > 60 or not _COORD_RE.search(g) for g in gaps):
                continue
            if re.search(r"\b(?:e\.g|including|such\s+as)\b", text[open_at:close], re.I):
                continue
            self._add_sum(SumRelation(f, tuple(inner), "breakdown in brackets"))

    # -- "Satisfaction was 83% (498 of 600)"; "498/600 (83%)"

    def _percent_brackets(self, s: _Sentence) -> None:
        text = self.text
        if "%" not in text[s.start : s.end]:
            return
        for pattern in (_PCT_THEN_COUNT_RE, _COUNT_THEN_PCT_RE):
            for m in pattern.finditer(text, s.start, s.end):
                pct = _at(s.figures, m.start("pct"))
                if pct is None or pct.kind != PERCENT:
                    continue
                count = _at(s.figures, m.start("n")) or _plain(self.block, m, "n")
                base = _at(s.figures, m.start("m")) or _plain(self.block, m, "m")
                if count.kind == COUNT and base.kind == COUNT:
                    self.out.percentages.append(Percentage(count, pct, base, "in brackets"))

    # -- "fallen from 612,000 in 2019/20 to 455,000 in 2023/24, a drop of 25.7%"

    def _changes(self, s: _Sentence) -> None:
        if "%" not in self.text[s.start : s.end] and "cent" not in self.text[s.start : s.end]:
            return
        m = (
            _CHANGE_RE.search(self.text, s.start, s.end)
            or _CHANGE_BY_RE.search(self.text, s.start, s.end)
            or _CHANGE_COMPARED_RE.search(self.text, s.start, s.end)
        )
        if not m:
            return
        old = _at(s.figures, m.start("old"))
        new = _at(s.figures, m.start("new"))
        pct = _at(s.figures, m.start("pct"))
        if old is None or new is None or pct is None or not old.same_class(new):
            return
        if old.kind not in (COUNT, MONEY) or pct.kind != PERCENT or old.value <= 0:
            return
        direction = "fall" if m.group("dir").lower().startswith(_FALL_STEMS) else "rise"
        self.out.changes.append(Change(old, new, pct, direction))

    # -- "By locality, 38% ... in the North, 41% in Central and 27% in the South"

    def _shares(self, s: _Sentence) -> None:
        text = self.text
        attached = {id(f) for f in s.share.values()}
        pcts = [
            f
            for f in s.figures
            if f.kind == PERCENT
            and id(f) not in attached
            and not _NOT_A_SHARE_BEFORE_RE.search(text, max(0, f.start - 40), f.start)
            and not _NOT_A_SHARE_AFTER_RE.match(text, f.end)
        ]
        tail, self._share_tail = self._share_tail, ([], None, s.start)
        if not pcts:
            return
        runs: list[list[Figure]] = [[pcts[0]]]
        for a, b in pairwise(pcts):
            gap = text[a.end : b.start]
            if len(gap) <= _MAX_GAP and _COORD_RE.search(gap) and not re.search(r"[.:]\s", gap):
                runs[-1].append(b)
            else:
                runs.append([b])
        sentence = text[s.start : s.end]
        before, groups, tail_start = tail
        if before and not _MARKUP_RE.sub("", text[s.start : pcts[0].start]).strip():
            # "37% of the measures were below thresholds. 32% of measures were within the
            # tolerance and 31% were above": a breakdown carried on in the next sentence
            runs[0] = before + runs[0]
            sentence = text[tail_start : s.end]
            for g in groups or ():
                self.out.shares.remove(g)
        whole_sentence = _by_base(text, [f for run in runs for f in run])
        if len(whole_sentence) > 1 and all(_OF_BASE_RE.match(text, f.end) for f in pcts):
            runs = [[f for run in runs for f in run]]  # every share names its whole
        added: list[ShareGroup] = []
        for run in runs:
            for group in _by_base(text, run):
                if len(group) < 2:
                    continue
                cue = _share_cue(text, sentence, group)
                if cue is None:
                    continue
                span = text[group[0].start - 40 if group[0].start > 40 else 0 : group[-1].end + 40]
                remainder = bool(_REMAINDER_RE.search(span))
                added.append(ShareGroup(tuple(group), cue, remainder))
        self.out.shares.extend(added)
        last = runs[-1]
        if text[last[-1].end : s.end].strip(" .;") == "" or len(text[last[-1].end : s.end]) < 80:
            mine = [g for g in added if g.shares[-1] is last[-1]]
            self._share_tail = (last, mine, s.start if runs[0] is last else last[0].start)


_THIS_MAKES_RE = _lazy(
    r"\W*(?:this|these|that|which|it|they)\s+(?:makes?|made|brings?|brought|gives?|gave"
    r"|comes?\s+to|came\s+to|takes?|took|amounts?\s+to|amounted\s+to)\b[^.;]{0,40}?\btotal\b"
    r"[^.;\d£€$]{0,40}",
    re.I,
)
# A sentence that is a total alone: "Total £827.00.", "Total payments: £827.00"; not
# "Total budget £5,000" or "Total reserves ...", which are no sum of what came before.
_TOTAL_SENTENCE_RE = _lazy(
    r"\W*(?:grand\s+)?total(?:\s+(?:payments?|paid|spend|spent|expenditure|income|receipts"
    r"|costs?|amount|due|invoices|cheques|accounts|for\s+payment))?\s*(?:[:=–-]|\bof\b)?\s*"
    r"[£€$]\s?\d[\d,]*(?:\.\d\d)?p?\s*\.?\s*",
    re.I,
)
_PCT_THEN_COUNT_RE = _lazy(
    r"(?<![\d.])(?P<pct>\d+(?:\.\d+)?)\s?%\s*\(\s*(?P<n>\d[\d,]*)\s*(?:out\s+of|of|/)\s*(?:the\s+)?"
    r"(?P<m>\d[\d,]*)\s*(?:[a-z]+\s*){0,3}\)"
)
_COUNT_THEN_PCT_RE = _lazy(
    r"(?<![\d,./])(?P<n>\d[\d,]*)\s*/\s*(?P<m>\d[\d,]*)(?![\d/])\s*\(\s*(?P<pct>\d+(?:\.\d+)?)\s?%\s*\)"
)
_TOTAL_IN_BRACKET_RE = _lazy(r"\(\s*(?:a\s+)?(?:grand\s+)?total(?:\s+of)?\s*[:=]?\s*\Z", re.I)
_BEFORE_BRACKET_RE = _lazy(r"[^().;,\d£€$]{0,40}\(")
_FALL_STEMS = ("drop", "fall", "fell", "decreas", "reduc", "declin", "cut", "went down", "lower")
_CHANGE_BY_RE = _lazy(
    r"\b(?P<dir>rose|risen|increased|grew|grown|went\s+up|fell|fallen|decreased|dropped"
    r"|declined|reduced|went\s+down)\s+by\s+(?:approximately\s+|about\s+|around\s+|almost\s+"
    r"|nearly\s+|over\s+|some\s+)?(?P<pct>\d[\d.]*)\s*(?:%|per\s*cent|percent)\s*,?\s*"
    r"from\s+(?:£|€|\$)?(?P<old>\d[\d,.]*)[^.;%]{0,60}?\bto\s+(?:£|€|\$)?(?P<new>\d[\d,.]*)",
    re.I,
)
_CHANGE_COMPARED_RE = _lazy(
    r"(?<![\d,.])(?:£|€|\$)?(?P<new>\d[\d,.]*)[^.;%\d]{0,80}?\b(?:compared\s+(?:with|to)|up\s+from"
    r"|down\s+from|against)\s+(?:£|€|\$)?(?P<old>\d[\d,.]*)[^.;%\d]{0,60}?,?\s*(?:a|an)\s+"
    r"(?P<dir>drop|fall|decrease|reduction|decline|cut|rise|increase|growth)\s+of\s+"
    r"(?:approximately\s+|about\s+|around\s+|almost\s+|nearly\s+|over\s+|some\s+)?"
    r"(?P<pct>\d[\d.]*)\s*(?:%|per\s*cent|percent)",
    re.I,
)
_CHANGE_RE = _lazy(
    r"\bfrom\s+(?:£|€|\$)?(?P<old>\d[\d,.]*)[^.;%]{0,60}?\bto\s+(?:£|€|\$)?(?P<new>\d[\d,.]*)"
    r"[^.;%]{0,60}?,?\s*(?:a|an|which\s+(?:is|was)\s+a|representing\s+a)\s+"
    r"(?P<dir>drop|fall|decrease|reduction|decline|cut|rise|increase|growth)\s+of\s+"
    r"(?:approximately\s+|about\s+|around\s+|almost\s+|nearly\s+|over\s+|some\s+)?"
    r"(?P<pct>\d[\d.]*)\s*(?:%|per\s*cent|percent)",
    re.I,
)
# A percentage that is a target, a benchmark or a change is not a share of the whole.
_NOT_A_SHARE_BEFORE_RE = _lazy(
    r"(?:\btarget(?:\s+set)?(?:\s+of)?|\baverage(?:\s+of)?|\brate(?:\s+of)?|\bcompared\s+(?:to|with)"
    r"|\bfrom|\bto|\bthan|\bby|\bincrease(?:d)?(?:\s+of)?|\brise(?:\s+of)?|\bfall(?:\s+of)?"
    r"|\bdrop(?:\s+of)?|\breduction(?:\s+of)?|\bdecrease(?:\s+of)?|\bimprovement(?:\s+of)?"
    r"|(?<!make\s)(?<!makes\s)(?<!made\s)\bup|\bdown|\bnationally|\bnational|\bregionally|\bregional|\bengland|\bthreshold"
    r"(?:\s+of)?|\bat\s+least|\bup\s+to|\bover|\bunder|\bmore\s+than|\bless\s+than)\s*\Z",
    re.I,
)
_NOT_A_SHARE_AFTER_RE = _lazy(
    r"\s*(?:target|threshold|higher|lower|more|less|increase|rise|fall|drop|reduction|decrease"
    r"|improvement|up\b|down\b|above|below|compared|on\s+(?:last|the\s+previous))",
    re.I,
)
_OF_BASE_RE = _lazy(r"\s+of\s+(?:the\s+|all\s+)?(?P<base>[\w'’-]+)", re.I)
_OF_THE_SHARES_RE = _lazy(
    r"\W*((?:of|out\s+of)\s+(?:the|these|those|all(?:\s+the)?)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,4})"
    r"\s*,",
    re.I,
)
_BY_CUE_RE = _lazy(r"^\W*by\s+[a-z]+(?:\s+[a-z]+)?\s*,", re.I)
_PARTITION_RE = _lazy(
    r"\b(?:broken\s+down|breakdown|split|respectively|distribution|of\s+whom|of\s+which"
    r"|the\s+remaining|the\s+rest|other\s+reasons|others)\b",
    re.I,
)
_COMPLEMENTS = (
    ("male", "female"),
    ("males", "females"),
    ("men", "women"),
    ("boys", "girls"),
    ("yes", "no"),
    ("within", "outside"),
    ("urban", "rural"),
    ("white", "bame"),
    ("white", "black"),
    ("full-time", "part-time"),
    ("agreed", "disagreed"),
    ("satisfied", "dissatisfied"),
    ("in favour", "against"),
)


def _by_base(text: str, run: list[Figure]) -> list[list[Figure]]:
    """Split percentages by the whole each is "of": "83% of the offending population and
    91% of the 10-17 population ... 18% of the offending population"."""
    bases: list[str | None] = []
    for f in run:
        m = _OF_BASE_RE.match(text, f.end)
        bases.append(m.group("base").lower() if m else None)
    named = {b for b in bases if b}
    if len(named) <= 1:
        return [run]
    groups: dict[str, list[Figure]] = {}
    current: str | None = None
    for f, b in zip(run, bases, strict=True):
        if b:
            current = b
        if current is None:
            return []  # an unnamed share before any named one: unsure which whole
        groups.setdefault(current, []).append(f)
    return list(groups.values())


def _share_cue(text: str, sentence: str, group: list[Figure]) -> str | None:
    """Why these percentages are shares of one whole, or None when nothing says so."""
    span = text[group[0].start : group[-1].end + 30].lower()
    padded = " " + " ".join(re.findall(r"[a-z][a-z-]*", sentence.lower())) + " "
    for a, b in _COMPLEMENTS:
        if f" {a} " in padded and f" {b} " in padded:
            return f"{a} and {b}"
    if _BY_CUE_RE.match(sentence):
        return sentence.split(",", 1)[0].strip(" •*-").lower()
    opener = _OF_THE_SHARES_RE.match(sentence)
    if opener and sentence.find("%") > opener.end() - 1:
        return " ".join(opener.group(1).lower().split())
    if _PARTITION_RE.search(span) or _PARTITION_RE.search(sentence):
        m = _PARTITION_RE.search(span) or _PARTITION_RE.search(sentence)
        return m.group(0).lower() if m else None
    if len(group) >= 3:
        bases = {
            m.group("base").lower().split()[-1]
            for f in group
            if (m := _OF_BASE_RE.match(text, f.end))
        }
        if len(bases) == 1:
            return f"shares of the {bases.pop()}"
    return None


def _singular(word: str | None) -> str | None:
    if not word:
        return None
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


_OF_THESE = rx.compile(r"\s*(?:\([^()]*\)\s*)?of\s+(?:these|those)\s+([a-z][a-z-]*)", re.I)


def _noun_after_these(text: str, end: int) -> str | None:
    m = _OF_THESE.match(text, end)
    return m.group(1) if m else None


def _plain(block: Block, m: re.Match[str], group: str) -> Figure:
    """A number the quantities leave out, in "498/600": read here as a count."""
    return Figure(
        block=block,
        start=m.start(group),
        end=m.end(group),
        text=m.group(group),
        value=float(m.group(group).replace(",", "")),
        kind=COUNT,
    )


def _at(figs: list[Figure], pos: int) -> Figure | None:
    for f in figs:
        if f.start <= pos < f.end:
            return f
    return None


def _matching(text: str, open_at: int) -> int | None:
    depth = 0
    for i in range(open_at, min(len(text), open_at + 400)):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


# ------------------------------------------------------------- lines, lists and tables


@dataclass(slots=True)
class _Row:
    """One line of text: a block, or one source line of a block joined from several."""

    block: Block
    start: int
    end: int
    amounts: list[Figure]
    text: str


_MARKUP_RE = _lazy(r"^[\s*#>•·▪●◦\-\u2022\uf0b7|_]+")
# "Total", "Grand total", and a line that says it: "making a total of £827.00"
_TOTAL_LABEL_RE = _lazy(
    r"^(?:(?:making|giving|bringing)\s+)?(?:an?\s+)?(?:grand\s+|sub-?\s?|overall\s+|current\s+)?"
    r"totals?\b",
    re.I,
)
_TOTAL_WORD_RE = _lazy(r"\b[Tt][Oo][Tt][Aa][Ll][Ss]?\b")
# "450.00" closing a line of a payments list: an amount with no currency sign.
_BARE_AMOUNT_RE = _lazy(r"(?<![\w.,£€$/-])(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})[^\S\n]*\Z")


def _label(text: str) -> str:
    return _MARKUP_RE.sub("", text).strip(" *_")


def _rows(blocks: Sequence[Block], figures: dict[int, list[Figure]]) -> list[_Row]:
    out: list[_Row] = []
    for b in blocks:
        if b.kind == TABLE_ROW:
            continue
        figs = [f for f in figures.get(id(b), []) if f.kind in (COUNT, MONEY, DECIMAL)]
        text = b.text
        cuts = [o for o, _, _ in b.origins[1:] if 0 < o < len(text)] if b.origins else []
        bounds = list(zip([0, *cuts], [*cuts, len(text)], strict=True))
        starts = [f.start for f in figs]
        for start, end in bounds:
            amounts = figs[bisect_left(starts, start) : bisect_left(starts, end)]
            if len(amounts) > 1:
                # "grass cutting £420.00 (inc VAT £70.00)": the bracket qualifies the row's
                # amount, it is not another one
                outside = []
                depth, at = 0, start  # brackets opened less closed, counted once along the row
                for f in amounts:
                    depth += text.count("(", at, f.start) - text.count(")", at, f.start)
                    at = f.start
                    if depth <= 0:
                        outside.append(f)
                if outside:
                    amounts = outside
            line = text[start:end]
            if "  " in line or "\t" in line:
                cells = _text_cells(b, start, end)
                if len(cells) > len(amounts):
                    amounts = cells  # "North  820  210": a table row extracted as text
            tail = line.rstrip()[-1:]
            if not amounts and tail and (tail.isdigit() or tail in "-–—"):
                m = _BARE_AMOUNT_RE.search(b.text, start, end)
                if m and m.start() > start:
                    amounts = [_bare_amount(b, m)]
                elif z := _ZERO_RE.search(b.text, start, end):
                    amounts = [_zero(b, z)]
            out.append(_Row(b, start, end, amounts, line))
    return out


_CELL_GAP_RE = _lazy(r"\t+|[^\S\n]{2,}")


def _text_cells(block: Block, start: int, end: int) -> list[Figure]:
    """The figures of the cells of a row of a table extracted as text, its cells set
    apart by tabs or runs of spaces: the figures a reader of the row sees, labels and
    years aside."""
    text = block.text
    out: list[Figure] = []
    pos = start
    bounds: list[tuple[int, int]] = []
    for m in _CELL_GAP_RE.finditer(text, start, end):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, end))
    if len(bounds) < 2:
        return []
    for a, z in bounds:
        cell = text[a:z].strip().strip("*_ ")
        if not cell or not _CELL_RE.match(cell):
            continue
        if re.fullmatch(r"(?:19|20)\d\d(?:/\d\d)?", cell):
            continue  # a year heading a column
        qs = find_quantities(cell)
        if len(qs) != 1:
            continue
        at = text.find(cell, a, z)
        q = qs[0]
        shifted = Quantity(at + q.start, at + q.end, q.text, q.value, q.kind, q.currency, q.counts)
        fig = _figure(block, text, shifted)
        if fig.kind in (COUNT, MONEY, DECIMAL):
            out.append(fig)
    return out


# "Conferences  $-": nothing spent, in a finance statement.
_ZERO_RE = _lazy(r"(?<=\s)(?P<cur>[£€$])\s?[-–—][^\S\n]*\Z")
_CURRENCY_CODES = {"£": "GBP", "€": "EUR", "$": "USD"}


def _zero(block: Block, m: re.Match[str]) -> Figure:
    return Figure(
        block=block,
        start=m.start(),
        end=m.start() + len(m.group(0).rstrip()),
        text=m.group(0).strip(),
        value=0.0,
        kind=MONEY,
        unit=_CURRENCY_CODES[m.group("cur")],
        whole_units=True,
    )


def _bare_amount(block: Block, m: re.Match[str]) -> Figure:
    return Figure(
        block=block,
        start=m.start(),
        end=m.start() + len(m.group(0).rstrip()),
        text=m.group(0).strip(),
        value=float(m.group(1).replace(",", "") + "." + m.group(2)),
        kind=MONEY,
        unit=None,
        step=0.01,
    )


def _is_total_row(row: _Row) -> bool:
    return bool(_TOTAL_LABEL_RE.match(_label(row.text)))


def _money_or_counts(figs: list[Figure]) -> list[Figure]:
    return [f for f in figs if f.kind in (COUNT, MONEY)]


def _list_totals(rows: list[_Row], out: Relations) -> None:
    """Itemised lines closed by a "Total" line, or opened by a line that states the total
    and says the items follow ("... €2.36m which was allocated as follows:")."""
    for i, row in enumerate(rows):
        raw = row.text
        opens = raw.rstrip(" *_").endswith((":", ":-"))
        if not opens and not (("otal" in raw or "OTAL" in raw) and _TOTAL_WORD_RE.search(raw)):
            continue  # neither a "Total" line nor a line that opens a list
        label = _label(raw)
        if not label:
            continue
        total_row: list[Figure] | None = None
        if _is_total_row(row) and row.amounts:
            total_row = _money_or_counts(row.amounts)
        elif (
            not row.amounts
            and _TOTAL_WORD_RE.search(label)
            and len(label) <= 40
            and i + 1 < len(rows)
            and _amount_only(rows[i + 1])
        ):
            total_row = _money_or_counts(
                rows[i + 1].amounts
            )  # "Current Total for 2020" / "€169,000"
        if total_row:
            items, whole = _items_before(rows, i, len(total_row))
            if len(items) >= 2 and whole:
                for c, total in enumerate(total_row):
                    parts = tuple(r[c] for r in items)
                    if all(p.same_class(total) for p in parts):
                        out.sums.append(SumRelation(total, parts, "total line"))
            continue
        if label.endswith((":", ":-")) and row.block.kind != TABLE_ROW:
            last = sentences(label)[-1]
            stated = [f for f in row.amounts if f.start - row.start >= 0]
            sentence = label[last[0] : last[1]].lower()
            if stated and ("total" in sentence or "as follows" in sentence):
                total = stated[-1]
                parts = _items_after(rows, i)
                if len(parts) >= 2 and all(p.same_class(total) for p in parts):
                    out.sums.append(SumRelation(total, tuple(parts), "total before its items"))


def _amount_only(row: _Row) -> bool:
    if len(row.amounts) != 1:
        return False
    rest = row.text.replace(row.amounts[0].text, "")
    return not re.search(r"[A-Za-z]", rest)


def _items_before(rows: list[_Row], i: int, width: int) -> tuple[list[list[Figure]], bool]:
    """The item rows above a Total line, and whether the list's start is plain (a
    heading, a lead-in, a paragraph) rather than a row whose figures could not be read
    as an item: a list cut there would be summed short."""
    items: list[list[Figure]] = []
    skipped = 0
    for j in range(i - 1, max(-1, i - 60), -1):
        row = rows[j]
        label = _label(row.text)
        amounts = _money_or_counts(row.amounts)
        if _is_total_row(row) or (row.block.kind == HEADING and not amounts):
            break
        if row.text.rstrip(" *_").endswith((":", ":-")):
            break  # "The balance was £8,240.15. These payments were approved:" opens it
        if amounts:
            if len(amounts) != width:
                return items, False
            items.insert(0, amounts)
            skipped = 0
            continue
        if label.endswith((":", ":-")) or len(label) > 80 or skipped >= 2:
            break
        if re.search(r"\d", label):
            if _ITEM_ROW.match(label) or not re.search(r"[A-Za-z]{2}", label):
                # "ii) Audit fee, Chq No 1346", or "183.75" alone: an item not read as one
                return items, False
            break  # a header row ("Q1 Q2 Total"): the list starts below
        skipped += 1  # a label on its own line, or a sub-heading ("Donations")
    return items, True


_ITEM_ROW = rx.compile(r"^\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]\s", re.I)


def _items_after(rows: list[_Row], i: int) -> list[Figure]:
    parts: list[Figure] = []
    skipped = 0
    for row in rows[i + 1 : i + 40]:
        amounts = _money_or_counts(row.amounts)
        label = _label(row.text)
        if len(amounts) == 1 and len(label) <= 90:
            parts.append(amounts[0])
            skipped = 0
            continue
        if amounts or not label or len(label) > 80 or skipped >= 2 or _TOTAL_WORD_RE.search(label):
            break
        if re.search(r"\d", label):
            break
        skipped += 1  # a label on its own line, or over two lines
    return parts


def _column_totals(rows: list[_Row], out: Relations) -> None:
    """Rows of a table extracted as text under a header whose last column is "Total":
    the last amount of each row is the sum of the others."""
    for i, row in enumerate(rows):
        if row.amounts:
            continue
        end = row.text[-12:]
        if "otal" not in end and "OTAL" not in end:
            continue
        if not re.search(r"\btotal\s*$", _label(row.text), re.I):
            continue
        if len(_label(row.text).split()) < 2:
            continue
        for below in rows[i + 1 : i + 12]:
            amounts = _money_or_counts(below.amounts)
            if not below.amounts:
                if _label(below.text) and not re.search(r"\btotal\s*$", _label(below.text), re.I):
                    break
                continue
            if len(amounts) < 3 or len(amounts) != len(below.amounts):
                continue
            total, parts = amounts[-1], tuple(amounts[:-1])
            if all(p.same_class(total) for p in parts):
                out.sums.append(SumRelation(total, parts, "total column"))


# Cells: "211", "£1,292,599", "**128**", "12.5%", "-".
_CELL_RE = _lazy(r"^[£€$]?\s?-?\d[\d,]*(?:\.\d+)?\s?(?:%|m|k|bn)?$")
_DASH_RE = _lazy(r"^[-–—]$|^nil$", re.I)
_NOT_ADDITIVE_RE = _lazy(
    r"%|\b(?:average|mean|median|rate|ratio|per|percentage|proportion|change|variance|target"
    r"|score|rank|index)\b",
    re.I,
)
_PART_COLUMN_RE = _lazy(r"\bof\s+which\b", re.I)


def _cell_figures(block: Block) -> list[Figure | None]:
    """The figure of each cell of a table row, or None for a cell that is not a number."""
    out: list[Figure | None] = []
    offset = 0
    for cell in block.cells:
        text = cell.strip().strip("*_ ").strip()
        fig: Figure | None = None
        if _CELL_RE.match(text):
            at = block.text.find(text, offset)
            qs = find_quantities(text)
            if at >= 0 and len(qs) == 1:
                q = qs[0]
                shifted = Quantity(
                    at + q.start, at + q.end, q.text, q.value, q.kind, q.currency, q.counts
                )
                fig = _figure(block, block.text, shifted)
                if fig.kind == MEASURE:
                    fig = None
        out.append(fig)
        offset += len(cell) + 3
    return out


def _tables(blocks: Sequence[Block], out: Relations) -> None:
    table: list[Block] = []
    for b in [*blocks, None]:
        if b is not None and b.kind == TABLE_ROW:
            table.append(b)
            continue
        if table:
            _table(table, out)
        table = []


def _table(rows: list[Block], out: Relations) -> None:
    cells = [_cell_figures(r) for r in rows]
    header: list[str] = []
    start = 0
    for k, row_figs in enumerate(cells):
        if all(f is None for f in row_figs):
            header, start = [c.strip(" *_") for c in rows[k].cells], k + 1
            continue
        label = next(
            (
                c.strip(" *_")
                for c, f in zip(rows[k].cells, row_figs, strict=False)
                if f is None and c.strip(" *_")
            ),
            "",
        )
        if _TOTAL_LABEL_RE.match(label):
            data = [c for c in cells[start:k] if any(f is not None for f in c)]
            if len(data) >= 2:
                for c, total in enumerate(row_figs):
                    if total is None:
                        continue
                    head = header[c] if c < len(header) else ""
                    if total.kind == PERCENT and abs(total.value - 100) > 0.5:
                        continue
                    if total.kind != PERCENT and _NOT_ADDITIVE_RE.search(head):
                        continue
                    parts = [d[c] if c < len(d) else None for d in data]
                    if any(p is None for p in parts):
                        continue
                    figs = tuple(p for p in parts if p is not None)
                    if all(p.same_class(total) for p in figs):
                        out.sums.append(SumRelation(total, figs, "total row"))
            start = k + 1
        _row_against_columns(header, row_figs, out)


def _row_against_columns(header: list[str], row: list[Figure | None], out: Relations) -> None:
    """A "Total" column and the columns it adds up; "Of which" columns within the column
    before them."""
    numeric = [c for c, f in enumerate(row) if f is not None]
    for c in numeric:
        head = header[c] if c < len(header) else ""
        if re.match(r"^of\s+which\b", head, re.I):
            left = [k for k in numeric if k < c]
            if left:
                part, whole = row[c], row[left[-1]]
                if part is not None and whole is not None and part.same_class(whole):
                    out.parts.append(PartOfWhole(part, whole, "of which column"))
    totals = [c for c in numeric if c < len(header) and re.match(r"^total\b", header[c], re.I)]
    if len(totals) != 1:
        return
    t = totals[0]
    total = row[t]
    others = [
        c
        for c in numeric
        if c != t
        and c < len(header)
        and not _NOT_ADDITIVE_RE.search(header[c])
        and not _PART_COLUMN_RE.search(header[c])
    ]
    if total is None or total.kind == PERCENT:
        return
    figs = [row[c] for c in others]
    if t == numeric[-1] and len(others) >= 2:
        parts = tuple(f for f in figs if f is not None)
        if all(p.same_class(total) for p in parts):
            out.sums.append(SumRelation(total, parts, "total column"))
    elif len(others) == 1 and figs[0] is not None and figs[0].same_class(total):
        out.parts.append(PartOfWhole(figs[0], total, "total column"))


# --------------------------------------------------------------------------- documents


def _added_to_earlier(
    blocks: list[Block], figures: dict[int, list[Figure]], index: int, part: Figure, total: Figure
) -> SumRelation | None:
    """'There had been 188 children ... / There were an additional 32 cases ... bringing
    the active caseload to 210': the 32 is added to the figure the passage opened on, the
    first of the list (or paragraph) it is in."""
    block = blocks[index]
    first = index
    if block.kind == LIST_ITEM:
        while first > 0 and blocks[first - 1].kind == LIST_ITEM and index - first < 10:
            first -= 1
    head = next(
        (
            f
            for k in range(first, index + 1)
            for f in block_figures(blocks[k])
            if f.same_class(part) and f.hedge is None and _depth(f.block.text, f.start) == 0
        ),
        None,
    )
    if head is None or head is part or (head.block is block and head.start >= part.start):
        return None
    if head.value >= total.value or head is total:
        return None
    where = "list" if block.kind == LIST_ITEM else "paragraph"
    note = (
        f"the additional {written(part)} read as added to the {written(head)} "
        f"the {where} opens with"
    )
    return SumRelation(total, (head, part), "added to an earlier figure", True, True, note)


def _part_relations(blocks: list[Block], out: Relations) -> None:
    texts = [b for b in blocks if b.kind != TABLE_ROW]
    figures = {id(b): block_figures(b) for b in texts}
    for index, b in enumerate(blocks):
        figs = figures.get(id(b))
        if not figs:
            continue
        reader = _BlockReader(b, figs, out)
        reader.read()
        for part, total in reader.added:
            rel = _added_to_earlier(blocks, figures, index, part, total)
            if rel is not None:
                out.sums.append(rel)
    if any("otal" in b.text or "OTAL" in b.text or "ollows" in b.text for b in texts):
        # itemised lines need a "Total" line, a column headed Total or "as follows"
        rows = _rows(blocks, figures)
        _list_totals(rows, out)
        _column_totals(rows, out)
    _tables(blocks, out)


_LAST: tuple[ParsedDocument, Relations] | None = None


def find_relations(parsed: ParsedDocument) -> Relations:
    """Every relation between figures in a parsed document (computed once per document:
    the totals rules share it)."""
    global _LAST
    if _LAST is not None and _LAST[0] is parsed:
        return _LAST[1]
    out = Relations()
    for part in parsed.parts:
        _part_relations(part.blocks, out)
    _dedupe(out)
    _LAST = (parsed, out)
    return out


def _dedupe(out: Relations) -> None:
    seen: set[tuple[object, ...]] = set()
    sums = []
    for rel in out.sums:
        key = (id(rel.total), tuple(id(p) for p in rel.parts))
        if key not in seen:
            seen.add(key)
            sums.append(rel)
    out.sums = sums
    for name in ("percentages", "parts"):
        items = getattr(out, name)
        kept = []
        keys: set[tuple[int, ...]] = set()
        for r in items:
            key = tuple(id(getattr(r, a)) for a in r.__slots__ if a != "form")
            if key not in keys:
                keys.add(key)
                kept.append(r)
        setattr(out, name, kept)


# ---------------------------------------------------------------------- for the messages


def written(f: Figure) -> str:
    """A figure as written, on one line: "€ 41,000" -> "€41,000"."""
    return re.sub(r"(?<=[£€$])\s+", "", " ".join(f.text.split()))


def show_value(value: float, like: Sequence[Figure]) -> str:
    """``value`` written the way ``like`` are: currency sign, thousands separators,
    decimals ("£9,202.86", "1,250", "106%")."""
    kinds = {f.kind for f in like}
    signs = [written(f)[0] for f in like if f.kind == MONEY and written(f)[:1] in "£€$"]
    decimals = max((f.decimals for f in like if not f.scaled), default=0)
    if MONEY in kinds and decimals:
        decimals = 2
    commas = any("," in f.text for f in like) or abs(value) >= 10000
    body = f"{abs(value):,.{decimals}f}" if commas else f"{abs(value):.{decimals}f}"
    sign = "-" if value < 0 else ""
    if kinds == {PERCENT}:
        return f"{sign}{body}%"
    return f"{sign}{signs[0] if signs else ''}{body}"


def joined(figures: Sequence[Figure], limit: int = 8) -> str:
    """'512 + 437 + 301'; a long list shortened in the middle."""
    texts = [written(f) for f in figures]
    if len(texts) > limit:
        texts = [*texts[:3], f"... ({len(texts) - 5} more)", *texts[-2:]]
    return " + ".join(texts)
