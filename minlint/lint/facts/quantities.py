"""Numbers that state an amount: counts, money, percentages, decimals, spelled-out counts.

``find_quantities`` serves rules that add up totals and check percentages, so it leaves
out every number that is a label rather than an amount, and anything it is unsure of:
parts of dates and times, years ("2023", "2022/23"), minute, item, section, page and
paragraph numbers, list numbering at the start of a line ("1.1", "2)"), ordinals
("13th"), phone numbers and codes with a leading zero, ranges ("10-15"), ages
("16-year-olds", "aged 12", "aged 14 and 15"), version numbers, numbers glued to letters
("COVID-19", "S60", "4x4") and a percent sign before a month ("31% December", a scan's
reading of "31st"). An amount of money is never a label ("Chq No 1343 £28.00"), and
pounds and pence marked twice ("£491.36p") are read as one amount.

A compound such as "nine-month" or "24-hour" is kept: its value is the number and
``counts`` is the unit ("month", "hour"). "one" is kept only where a noun follows it
("one woman"), since "one of", "no one" and "this one" are not amounts.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from minlint.lint import regexstore as rx
from minlint.lint.facts.dates import find_dates, find_times
from minlint.lint.facts.references import find_references

__all__ = ["Quantity", "find_quantities"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount written in the text.

    ``value`` is the number as a float, scaled where the text says so ("£1.435m" is
    1435000.0). ``kind`` is "money" (with ``currency``), "percent", "word" (spelled
    out), or else "decimal" when written with a decimal point ("58.5", "2.0",
    "1.2 million") and "integer" when not ("1,292,599"). ``counts`` is the noun the
    number counts when one follows it ("188 children" -> "children", "10 young people"
    -> "people"), or the unit of a compound ("nine-month" -> "month").
    """

    start: int
    end: int
    text: str
    value: float
    kind: str
    currency: str | None
    counts: str | None


def _wordlist(words: str) -> list[str]:
    return words.split()


_CURRENCY = {"£": "GBP", "€": "EUR", "$": "USD"}
_S = r"[^\S\n]"

# Starts at a digit so that the engine skips quickly; a currency sign is looked up behind.
# A number starts where a run of digits starts: tried from every digit of a long run that
# fails at its end ("999….5"), the pattern took time of the square of the run's length.
_NUMBER_RE = rx.compile(r"(?<!\d)\d+(?!\d)(?:,\d{3}(?!\d))*(?:\.\d+(?!\d))?(?![,.]\d)")
_CURRENCY_BEFORE_RE = rx.compile(rf"[£€$]{_S}?\Z")
_SCALE_RE = rx.compile(
    rf"(?:{_S}*(?:\n{_S}*)?(?P<word>million|billion|thousand)|{_S}?(?P<short>bn|m|k))\b"
)
_SCALES = {"million": 1e6, "billion": 1e9, "thousand": 1e3, "bn": 1e9, "m": 1e6, "k": 1e3}
_PERCENT_RE = rx.compile(
    rf"{_S}?(?:%|per{_S}?cent\b|percent\b)(?:{_S}?(?:per{_S}?cent|percent)\b)?"
)

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORD_VALUES = {**_UNITS, **_TEENS, **_TENS}
NUMBER_WORDS_TO_TWENTY = {**_UNITS, **_TEENS, "twenty": 20}


def _trie(words: list[str]) -> str:
    """An alternation grouped by first letter, which the engine scans about twice as fast."""
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):
        groups.setdefault(w[0], []).append(w[1:])
    return "(?:" + "|".join(f"{k}(?:{'|'.join(v)})" for k, v in groups.items()) + ")"


# Runs over a lower-cased copy of the text: a pattern spelling out case variants, or
# one using IGNORECASE, scans several times slower.
_WORD_RE = rx.compile(_trie([*_WORD_VALUES, "hundred"]) + r"\b")
_UNIT_AFTER_TENS_RE = rx.compile(r"[- ](?P<unit>one|two|three|four|five|six|seven|eight|nine)\b")
_A_BEFORE_HUNDRED_RE = rx.compile(rf"\b(?:a|one){_S}+\Z")
_HUNDRED_AFTER_ONE_RE = rx.compile(rf"{_S}+hundred\b")
_BEFORE_ONE_RE = rx.compile(rf"\b(?:no|any|this|that|each|every|the|which|someone){_S}+\Z")

# A label before a number makes the number a label: "Minute No. 97", "Section 100(A) 4",
# "pages 1 - 11", "Year 6", "items 1 & 2", "Standing Order 5". The pattern runs over the
# reversed, lower-cased text just before the number, so that it is anchored where the
# number starts; it reads the word before the number (and any list of numbers between),
# and the word is then looked up.
_LABELS = _wordlist(
    "minute minutes item items no nos number numbers section sections s page pages p pp "
    "paragraph paragraphs para paras appendix appendices annex annexes clause clauses rule "
    "rules table tables figure figures fig figs chart charts chapter chapters part parts "
    "schedule schedules recommendation recommendations question questions ward wards route "
    "routes bus buses room rooms level levels stage stages phase phases tier tiers priority "
    "option options version versions v step steps ks quarter q week article articles "
    "regulation regulations act acts box line lines grade band unit plot flat house block "
    "floor platform gate junction exit agenda objective outcome action target indicator pi "
    "kpi ref reference code category type class group zone workstream theme stream module "
    "year cohort term attachment attachments re order orders"
)
_LABEL_SET = frozenset([*_LABELS, "#", "№"])
_LABEL_BEFORE_RE = rx.compile(
    # each step is unambiguous (one run of spaces, whole digit runs) so that a failed
    # match does not backtrack through every way of splitting a run of numbers
    rf"{_S}*(?:(?:(?:,|dna|&|-|–|ot|ro|hguorht){_S}*)?(?:\)[a-z0-9]+\()*[a-z]?\d+(?!\d){_S}*)*\.?"
    r"(?P<label>[a-z]+|#|№)(?![a-z])"
)
_LABEL_WINDOW = 48
# "Year 6" is a school year, "6 years" a count: these are labels only when capitalised.
_LOWER_NOT_LABEL = frozenset({"year", "week", "line", "lines", "house", "group"})

_CUE_RE = rx.compile(
    r"\b(?:at|from|until|till|between|commencing|starting|closed|opened|ended|finished"
    rf"|resumed|reconvened|adjourned|commenced){_S}*\Z"
)
# The start of a line, after any bullet, markdown marker or HTML tag.
_LINE_START_RE = rx.compile(rf"(?:^|\n)(?:{_S}|[-*•·▪●◦#>|(\[]|<[^<>\n]*>)*\Z")
_LINE_END_RE = rx.compile(rf"{_S}*(?:\n|\Z|<)")
_HEADING_AFTER_RE = rx.compile(rf"{_S}+(?:[A-Z]{{2,}}\b|[A-Z][A-Za-z]*{_S}+[A-Z])")
_TWO_NAMES_RE = rx.compile(rf"{_S}+[A-Z][A-Za-z]*{_S}+[A-Z]")
_MONTHS = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March"
    r"|April|June|July|August|September|October|November|December"
    r"|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|JANUARY|FEBRUARY|MARCH|APRIL"
    r"|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
)
# On lower case. After a comma only a year belongs to the month ("May, 2019"): in "in
# May, 9 in June" the 9 is a count.
_MONTH_BEFORE_RE = rx.compile(rf"\b{_MONTHS.lower()}\.?{_S}*\Z")
_MONTH_COMMA_BEFORE_RE = rx.compile(rf"\b{_MONTHS.lower()}\.?{_S}*,{_S}*\Z")
_MONTH_AFTER_RE = rx.compile(rf"{_S}*(?:of{_S}+)?{_MONTHS}\b")
_AGE_RE = rx.compile(
    rf"(?:-|{_S}+)(?:years?|yrs?)(?:-|{_S}+)olds?\b"
    rf"|-?{_S}*(?:and|or|to|-|–){_S}*(?:\d+|[a-z]+)-?{_S}*(?:years?|yrs?)(?:-|{_S}+)olds?\b",
    re.IGNORECASE,
)
_AGED_RE = rx.compile(rf"\b(?:aged|age|ages){_S}*(?:of{_S}*)?\Z")
# The second age of a pair: "aged 14 and 15", "ages 11 to 16".
_AGED_PAIR_RE = rx.compile(rf"\b(?:aged|ages?){_S}*(?:of{_S}*)?\d+{_S}*(?:,|and|or|to|-|–){_S}*\Z")
_CAPITAL_AFTER_RE = rx.compile(r"\s+[A-Z]")
_TITLE_WORD_BEFORE_RE = rx.compile(rf"\b[A-Z][a-z]+{_S}+\Z")
# A capitalised word right before, not starting a sentence, a line or the text
# ("(?<!^)": not at the start of the string).
_NAME_BEFORE_RE = rx.compile(rf"(?<![.!?:\n]{_S})(?<![.!?:\n]{_S}{_S})(?<!^)\b[A-Z][A-Za-z]+{_S}\Z")
_TITLE_WORD_AFTER_RE = rx.compile(rf"{_S}+[A-Z][a-z]")
_LOWER_WORD_RE = rx.compile(rf"{_S}+[a-z]")
_COMPOUND_RE = rx.compile(r"-(?P<unit>[A-Za-z]+)\b")
_RUN_WORD_RE = rx.compile(rf"(?:{_S}+|{_S}*\n{_S}*)(?P<w>[a-z][a-z'’-]*)(?![A-Za-z])")
_POSSESSIVE_RE = rx.compile(r"(?:['’]s?|-)$")
_MAX_RUN = 5
# Phone numbers: "07554 436546", "+44 1709 822000", "+353 (0) 61 407 100". The first
# character is matched before the look-behind so that the engine can skip ahead.
_PHONE_RE = rx.compile(
    rf"[+0](?<![\w.,][+0])(?:(?<=\+)\d{{1,3}}(?:{_S}?\(0\))?|(?<=0)\d{{2,5}})"
    rf"(?:[ -]?\d{{2,8}}){{1,4}}(?![\w,])"
)

# Words after a number that are not what it counts.
_NOT_NOUNS = frozenset(
    _wordlist(
        """a an and or of the to in at on by for from with into onto over under than then
    be been being is are was were will would should could may might must can shall do did
    does has had have having that this these those which who whom whose where when while
    as per percent cent but if so it its not no nor out up down off also only all each
    both either neither more less fewer most least compared against between within without
    since until before after during about above below around across along among through
    via vs versus p pp x am pm noon midday hrs hours th st nd rd i we they he she you
    there here what how why yes further respectively approximately approx circa c
    million billion thousand hundred per again ago later earlier now today each every
    came went left met said made took gave got saw found felt told became began kept held
    brought thought spoke sat stood ran won lost put rose fell grew knew chose wrote sent
    spent built bought sold led come go live need attend remain say says feel think want
    """
    )
)
# Words between a number and the noun it counts: "10 young people".
_ADJECTIVES = frozenset(
    _wordlist(
        """young new old older younger local further additional other different separate
    existing key main eligible registered vulnerable current full-time part-time permanent
    temporary individual secondary primary special small large open active live formal
    informal specific unique elected remaining outstanding named qualified trained female
    male looked-after external internal statutory extra specialist dedicated agency vacant
    funded unfunded free paid unpaid known reported recorded confirmed working
    """
    )
)
# A spelled-out number followed by these is not an amount: "one-off", "two-way".
_NOT_COUNTED = frozenset({"another", "off", "way", "page", "stop", "sided", "day"})


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two; keep offsets exact
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _noun(text: str, end: int) -> str | None:
    """The last word of the run of lower-case words after a number, up to a word such as
    "of", "were" or "that", a punctuation mark or a capitalised word: "188 children,",
    "three local voluntary sector organisations to", "four prospective households were".
    Capitalised words are mostly names and titles ("2 Community Navigators"): too unsure.
    """
    run: list[str] = []
    pos = end
    for _ in range(_MAX_RUN):
        m = _RUN_WORD_RE.match(text, pos)
        if m is None:
            break
        word = _POSSESSIVE_RE.sub("", m["w"])
        if word in _NOT_NOUNS or len(word) < 2:
            break
        pos = m.end()
        if word in _ADJECTIVES:
            continue
        if word.endswith(("ed", "ing", "ly")):
            break  # "5 voted", "3 attending", "12 only"
        run.append(word)
    else:
        return None  # a long run with no end in sight: unsure what is counted
    # The first plural is what is counted: "8 weeks advance notice", "two weeks time".
    for word in run:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word
    return run[-1] if run else None


class _Context:
    """What the checks need about the whole text, computed once."""

    __slots__ = ("first", "last", "low", "span_ends", "span_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = _lower(text)
        self.first = len(text) - len(text.lstrip())
        self.last = len(text.rstrip())
        spans = [(f.start, f.end) for f in find_dates(text)]
        spans += [(t.start, t.end) for t in find_times(text)]
        spans += [(r.start, r.end) for r in find_references(text)]
        spans += [(m.start(), m.end()) for m in _PHONE_RE.finditer(text)]
        spans.sort()
        self.span_starts = [s for s, _ in spans]
        self.span_ends = [e for _, e in spans]

    def excluded(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a date, time, reference or phone number."""
        i = bisect.bisect_left(self.span_starts, end)
        # spans do not nest deeply; the few before the insertion point are enough
        return any(self.span_ends[j] > start for j in range(max(0, i - 4), i))

    def is_label(self, start: int) -> bool:
        lo = max(0, start - _LABEL_WINDOW)
        m = _LABEL_BEFORE_RE.match(self.low[lo:start][::-1])
        if m is None:
            return False
        label = m["label"][::-1]
        at = start - m.end()  # where the label starts
        if label not in _LABEL_SET or (at and self.text[at - 1] in "'’"):
            return False  # "the council's 5 priorities" has no label "s"
        if label in _LOWER_NOT_LABEL:
            return self.text[at].isupper()
        return True

    def before(self, regex: re.Pattern[str], start: int, window: int = 16) -> bool:
        return regex.search(self.low, max(0, start - window), start) is not None

    def word_before(self, regex: re.Pattern[str], start: int, window: int = 16) -> bool:
        """``before`` for a pattern of words ending in a letter or a full stop, then
        spaces: tried only where such a character comes before the spaces."""
        return ends_a_word(self.low, start, window) and self.before(regex, start, window)


def ends_a_word(text: str, start: int, window: int, marks: str = ".") -> bool:
    """Whether a letter or one of ``marks`` is the last character before ``start``,
    spaces apart, within ``window``: where a pattern of words before a figure can end.
    Most figures have none, and their searches are spared."""
    last = text[max(0, start - window) : start].rstrip()[-1:]
    return last.isalpha() or (last != "" and last in marks)


def _glued_before(text: str, start: int) -> bool:
    if start == 0:
        return False
    prev = text[start - 1]
    # "COVID-19", the end of a range "10-15", "(-1)": a bullet dash has a space after it
    return prev.isalnum() or prev in "_/'’.,:=\"&#-–["


def _digits(ctx: _Context, m: re.Match[str]) -> Quantity | None:
    text = ctx.text
    start, end = m.start(), m.end()
    num = m.group()
    c = _CURRENCY_BEFORE_RE.search(text, max(0, start - 2), start)
    if c:
        start = c.start()
    if _glued_before(text, start) or ctx.excluded(start, end):
        return None
    nxt, after = text[end : end + 1], text[end + 1 : end + 2]
    if nxt == "(" or (nxt and nxt in ".,:/+-–" and after.isdigit()):
        return None  # "100(A)", "2.3.21", "1,2", "3:1", "2022/23", "10-15"
    if (nxt and nxt in "/+") or (nxt == "-" and after in ("", " ", "\n")):
        return None  # "24/7", "18+", "16- and 17-year olds"
    if nxt == ")" and text[start - 1 : start] == "(" and _CAPITAL_AFTER_RE.match(text, end + 1):
        return None  # a resolution part: "(1) That the report be noted"
    if (c is None and ctx.is_label(start)) or _AGE_RE.match(text, end):
        return None
    if "age" in ctx.low[max(0, start - 20) : start] and (
        ctx.before(_AGED_RE, start) or ctx.before(_AGED_PAIR_RE, start, 24)
    ):
        return None
    if c is None and (
        ctx.word_before(_MONTH_BEFORE_RE, start)
        or (len(num) >= 4 and ctx.before(_MONTH_COMMA_BEFORE_RE, start))
        or _MONTH_AFTER_RE.match(text, end)
    ):
        # "March 2020", "Apr 16", "16 of March" not read as a date; "salary for May
        # £412.00" is an amount
        return None
    value = float(num.replace(",", ""))
    currency = _CURRENCY[c.group()[0]] if c else None
    kind = "money" if currency else ""
    scale = _SCALE_RE.match(text, end)
    if scale and (scale["word"] or currency):
        value *= _SCALES[(scale["word"] or scale["short"]).lower()]
        end = scale.end()
    pct = None if currency else _PERCENT_RE.match(text, end)
    if pct:
        if _MONTH_AFTER_RE.match(text, pct.end()):
            return None  # "31% December": an ordinal date read badly from a scan
        kind, end = "percent", pct.end()
    after = text[end + 1 : end + 2]
    if currency and text[end : end + 1] == "p" and num[-3:-2] == "." and not after.isalnum():
        end += 1  # "£491.36p": pounds and pence with the pence marked again
    if end < len(text) and (text[end].isalpha() or text[end] == "_"):
        return None  # "13th", "10am", "3G", "4x4"
    if kind:
        return Quantity(start, end, text[start:end], value, kind, currency, None)
    # A number that is the whole text (a table cell) is an amount; alone on a line of a
    # longer text it is a page number.
    whole = start == ctx.first and end == ctx.last
    # list numbering at the start of a line: "1.1 Introduction", "2)", "19.   TITLE";
    # but "1.5 years" is an amount
    if (
        not whole
        and (nxt in (".", ")") or ("." in num and not _LOWER_WORD_RE.match(text, end)))
        and ctx.before(_LINE_START_RE, start, 40)
    ):
        return None
    if "," not in num and "." not in num and len(num) == 4 and 1900 <= value <= 2099:
        return None  # a year
    if len(num) > 1 and num[0] == "0" and "." not in num:
        return None  # codes and phone numbers: "0114", "07554"
    if "." in num and ctx.word_before(_CUE_RE, start):
        h, _, mm = num.partition(".")
        if len(mm) == 2 and len(h) <= 2 and int(h) <= 23 and int(mm) <= 59:
            return None  # "closed at 8.03": a time without a.m. or p.m.
    if nxt == "]" or nxt in ("'", "’"):
        return None  # a footnote "[2]"; "the over 60's"
    if (
        not whole
        and ctx.before(_LINE_START_RE, start, 40)
        and (_LINE_END_RE.match(text, end) or _HEADING_AFTER_RE.match(text, end))
    ):
        return None  # a page number alone on its line; heading numbering "1 DECLARATIONS"
    compound = _COMPOUND_RE.match(text, end)
    if compound:
        if "." in num or text[compound.end() : compound.end() + 1] == "-":
            return None  # "0.6-incubating", "two-dot-o"
        counts: str | None = compound["unit"]
        end = compound.end()
    else:
        counts = _noun(text, end)
    # Without a counted noun, a number after a name is a version or a label ("Maven 3",
    # "Plugin 2.18"), before a name an address ("12 Sylvan View"), and at the end of a
    # line a page number of a contents list.
    if counts is None and (
        _NAME_BEFORE_RE.search(text, max(0, start - 30), start)
        or _TWO_NAMES_RE.match(text, end)
        or (not whole and _LINE_END_RE.match(text, end))
    ):
        return None
    kind = "decimal" if "." in num else "integer"
    return Quantity(start, end, text[start:end], value, kind, None, counts)


def _word(ctx: _Context, m: re.Match[str], last_end: int) -> Quantity | None:
    text, low = ctx.text, ctx.low
    start, end = m.start(), m.end()
    word = m.group()
    if start < last_end:
        return None  # the "one" of "twenty-one", already read
    if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
        return None  # inside a word: "someone", "often"
    if word == "hundred":
        a = _A_BEFORE_HUNDRED_RE.search(low, max(0, start - 5), start)
        if a is None:
            return None  # "hundreds of", "five hundred" (not read)
        start, value = a.start(), 100
    elif word == "one" and (h := _HUNDRED_AFTER_ONE_RE.match(low, end)):
        end, value = h.end(), 100
    else:
        value = _WORD_VALUES[word]
        if word in _TENS and (u := _UNIT_AFTER_TENS_RE.match(low, end)):
            value += _UNITS[u["unit"]]
            end = u.end()
    if ctx.excluded(start, end) or ctx.is_label(start):
        return None
    if (
        text[start].isupper()
        and text[start + 1 : start + 2].islower()
        and (
            _TITLE_WORD_BEFORE_RE.search(text, max(0, start - 30), start)
            or _TITLE_WORD_AFTER_RE.match(text, end)
        )
    ):
        return None  # part of a name: "Element Three", "Sixteen Plus"
    if _AGE_RE.match(text, end) or ctx.before(_AGED_RE, start, 12):
        return None
    if text[end : end + 1] == "-" and text[end + 1 : end + 2].isdigit():
        return None
    compound = _COMPOUND_RE.match(text, end)
    if compound:
        if value == 1 or compound["unit"].lower() in _NOT_COUNTED:
            return None  # "one-off", "one-page", "two-way"
        end = compound.end()
        return Quantity(start, end, text[start:end], float(value), "word", None, compound["unit"])
    counts = _noun(text, end)
    if value == 1 and (
        counts is None or counts.lower() in _NOT_COUNTED or ctx.before(_BEFORE_ONE_RE, start, 12)
    ):
        return None  # "one of", "no one", "this one woman"
    return Quantity(start, end, text[start:end], float(value), "word", None, counts)


def find_quantities(text: str) -> list[Quantity]:
    """Every amount in ``text`` in order; see the module docstring for what is left out."""
    return list(_find_quantities(text))


# Several rules read the same paragraphs: remember recent answers.
@functools.lru_cache(maxsize=4096)
def _find_quantities(text: str) -> tuple[Quantity, ...]:
    ctx = _Context(text)
    out = [q for m in _NUMBER_RE.finditer(text) if (q := _digits(ctx, m))]
    last_end = 0
    for m in _WORD_RE.finditer(ctx.low):
        q = _word(ctx, m, last_end)
        if q is not None:
            out.append(q)
            last_end = q.end
    out.sort(key=lambda q: q.start)
    return tuple(out)
