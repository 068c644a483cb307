"""Stated counts and what they count: a membership "(18)" and the names listed with it,
"three partner organisations" and the organisations named after it, a recorded vote
"(13)" and the councillors named for it; and votes cast against the members present.

T003 compares a stated count with the items listed; T005 compares the votes of a vote
with the members recorded present. Both take their facts from here. Items are counted
as they are written: a list is cut at its commas (or semicolons) and at the last "and",
so that "Marles Marriott" with its comma missing counts as one name, as a reader sees
it. A list whose items cannot be told apart with confidence is left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter

from minlint.lint.blocks import LIST_ITEM, Block
from minlint.lint.facts.artefacts import drawn_repeatedly
from minlint.lint.facts.people import strip_title
from minlint.lint.facts.quantities import NUMBER_WORDS_TO_TWENTY
from minlint.lint.facts.totals import COUNT, Figure, block_figures, sentences
from minlint.lint.lazyre import LazyPattern
from minlint.lint.model import AgendaPart, MinutesPart, ParsedDocument, Part

__all__ = [
    "Attendance",
    "StatedCount",
    "Vote",
    "attendance",
    "find_votes",
    "split_items",
    "stated_counts",
]


@dataclass(frozen=True, slots=True)
class StatedCount:
    """A count stated in the text and the items the text lists for it.

    ``block.text[start:end]`` is the count as written ("three", "(18)"); ``noun`` what it
    counts. ``also`` is a second count that is also right (a membership stated with its
    co-opted members included). ``hint`` says what may explain a difference.
    """

    block: Block
    start: int
    end: int
    stated: int
    noun: str  # what it counts, as written ("partner organisations")
    items: tuple[str, ...]
    lines: tuple[int, ...]
    form: str
    also: int | None = None
    hint: str | None = None
    more: int = 0  # items the list may hold besides: bullets a reader may have joined


@dataclass(frozen=True, slots=True)
class Vote:
    """A vote with its counts ("carried by 11 votes to 5"): ``counts`` are (label,
    number) pairs as written; ``names`` the voters where the vote names them."""

    block: Block
    start: int
    end: int
    counts: tuple[tuple[str, int], ...]
    names: tuple[str, ...] = ()

    @property
    def cast(self) -> int:
        return sum(n for _, n in self.counts)


@dataclass(frozen=True, slots=True)
class Attendance:
    """How many members a set of minutes records present, where the record is complete."""

    count: int
    lines: tuple[int, ...]
    detail: str
    names: frozenset[str]
    stated: bool = False  # the number was stated, not counted from a list of names


# Counts as minutes spell them ("three organisations", "no abstentions").
_NUMBER_WORDS = {**NUMBER_WORDS_TO_TWENTY, "no": 0, "none": 0, "nil": 0}
_N = r"(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


# ------------------------------------------------------------------------ listed items

_PAREN_RE = LazyPattern(r"\([^()]*\)")
# Patterns searched for in a whole block start where a run of what they begin with
# starts: tried from each place of a long run, they took time of the square of its length.
_TRAILING_COUNT_RE = LazyPattern(r"(?<![\s*_])[\s*_]*\(\s*(\d{1,3})\s*\)[\s*_]*[.;:]?[\s*_]*\Z")
_CLAUSE_START_RE = LazyPattern(
    r"(?:which|who|whom|whose|where|when|that|although|though|but|as|because|including"
    r"|e\.g\.?|i\.e\.?|for\s+example|such\s+as|so|if|while|whilst|having|being)\b",
    re.I,
)
_CONJ_RE = LazyPattern(r"(?<!\s)\s+(?:and|or|&)\s+", re.I)
_LEADING_CONJ_RE = LazyPattern(r"^(?:and|or|&)\s+", re.I)


_THOUSANDS_RE = LazyPattern(r"(?<=\d),(?=\d{3}(?!\d))")
_SUMMARY_RE = LazyPattern(
    r"(?:(?:making|giving|bringing|with)\s+)?(?:(?:a|the)\s+)?(?:total|sum|grand\s+total)\b"
    r"|(?:totalling|totaling|in\s+total|in\s+all|altogether)\b",
    re.I,
)


def split_items(text: str) -> list[str] | None:
    """The items of a written list, or None when they cannot be told apart.

    Commas (or semicolons, where there are any) separate the items; the last piece is
    cut at its "and" or "or" unless it starts with one ("..., or handing over five
    libraries"). Brackets are kept whole. A last piece with two "and"s is ambiguous.
    """
    text = text.strip().rstrip(".;: ")
    masked = _PAREN_RE.sub(lambda m: "\0" * len(m.group(0)), text)
    masked = _THOUSANDS_RE.sub("\0", masked)  # "£3,750" is one figure, not two items
    sep = ";" if ";" in masked else ","
    cuts = [i for i, c in enumerate(masked) if c == sep]
    bounds = list(zip([0, *[c + 1 for c in cuts]], [*cuts, len(text)], strict=True))
    pieces = [(a, b) for a, b in bounds if text[a:b].strip()]
    while len(pieces) > 2 and _SUMMARY_RE.match(masked[slice(*pieces[-1])].strip()):
        pieces.pop()  # "..., a total of £3,750": what the items come to, not an item
    if not pieces:
        return None
    items = [text[a:b].strip() for a, b in pieces[:-1]]
    a, b = pieces[-1]
    last, last_masked = text[a:b].strip(), masked[a:b].strip()
    if _LEADING_CONJ_RE.match(last_masked) or (not items and sep == ";"):
        items.append(last)
    else:
        joins = list(_CONJ_RE.finditer(last_masked))
        if len(joins) > 1:
            return None
        if joins:
            left = last[: joins[0].start()].strip()
            right = last[joins[0].end() :].strip()
            if any(_CONJ_RE.search(i) for i in items) and (
                len(left.split()) < 2 or len(right.split()) < 2
            ):
                # "Town Centre and Canklow, ..., Dalton and Rawmarsh": where items are
                # joined by "and" themselves, a short last "X and Y" may be one item
                return None
            items.extend((left, right))
        else:
            items.append(last)
    items = [_LEADING_CONJ_RE.sub("", i).strip() for i in items]
    if any(not i for i in items):
        return None
    clauses = [bool(_CLAUSE_START_RE.match(i)) for i in items]
    if any(clauses[1:]) and not all(clauses):
        return None  # "the budget, which had been agreed, ...": commas inside the items
    return items


def _name_pieces(text: str) -> list[str]:
    """Names in a list as written: "Councillors Atkin, Bacon, Z. Collingham and Mills"."""
    masked = _PAREN_RE.sub(lambda m: "\0" * len(m.group(0)), text)
    out: list[str] = []
    start = 0
    for m in re.finditer(r"\s*(?:[,;]|\band\b|&)\s*", masked):
        out.append(text[start : m.start()])
        start = m.end()
    out.append(text[start:])
    names = []
    for piece in out:
        piece = _PAREN_RE.sub("", piece).strip(" .*_:-–")
        _, piece = strip_title(piece)
        piece = piece.strip(" .*_")
        if piece and piece[0].isupper():
            names.append(piece)
    return names


# ------------------------------------------------------------------- agenda membership

_MEMBERSHIP_LABEL_RE = LazyPattern(r"^.*?\bmembership\b\s*(?::-|:|-|–)?\s*", re.I | re.S)
_ROLE_LABEL_RE = LazyPattern(
    r"^(?:chair(?:man|person)?|vice[- ]chair(?:man|person)?)\s*[–:-]\s*", re.I
)
_COOPTED_RE = LazyPattern(r"^co-?opted\s+members?\s*(?::-|:|-|–)?\s*", re.I)
_NOTE_RE = LazyPattern(r"\bfor\s+(?:agenda\s+)?items?\b.*$", re.I | re.S)


def _membership_count(parsed: ParsedDocument, part: AgendaPart) -> StatedCount | None:
    if part.stated_count is None:
        return None
    blocks = part.blocks
    at = next(
        (
            k
            for k, b in enumerate(blocks)
            if (m := _TRAILING_COUNT_RE.search(b.text)) and int(m.group(1)) == part.stated_count
        ),
        None,
    )
    if at is None:
        return None
    first = at
    while first > 0 and at - first < 4 and "membership" not in blocks[first].text.lower():
        prev = blocks[first - 1].text
        if not re.search(r"\b(?:chair|councillors?|cllrs?|membership)\b", prev, re.I):
            break
        first -= 1
    names: list[str] = []
    lines: list[int] = []
    for b in blocks[first : at + 1]:
        text = b.text
        if "membership" in text.lower():
            text = _MEMBERSHIP_LABEL_RE.sub("", text, count=1)
        text = _ROLE_LABEL_RE.sub("", text.strip())
        if b is blocks[at]:
            m = _TRAILING_COUNT_RE.search(text)
            text = text[: m.start()] if m else text
        found = _name_pieces(text)
        names += found
        lines += [b.locate(max(0, b.text.find(n)))[0] for n in found]
    coopted = 0
    for b in blocks[at + 1 : at + 4]:
        if _COOPTED_RE.match(b.text.strip()):
            body = _NOTE_RE.sub("", _COOPTED_RE.sub("", b.text.strip()))
            coopted = len(_name_pieces(body))
            break
    m = _TRAILING_COUNT_RE.search(blocks[at].text)
    assert m is not None
    hint = _two_names_hint(parsed, names) if len(names) != part.stated_count else None
    return StatedCount(
        block=blocks[at],
        start=m.start(1) - 1,
        end=m.end(1) + 1,
        stated=part.stated_count,
        noun="members",
        items=tuple(names),
        lines=tuple(lines),
        form="membership",
        also=len(names) + coopted if coopted else None,
        hint=hint,
    )


def _two_names_hint(parsed: ParsedDocument, names: list[str]) -> str | None:
    """'"Marles Marriott" may be two names with a comma missing', where the first word is
    a member's name on its own elsewhere in the document."""
    alone: set[str] = set()
    for p in parsed.parts:
        people = []
        if isinstance(p, MinutesPart):
            people = [*p.present, *p.apologies, *p.in_attendance]
        elif isinstance(p, AgendaPart):
            people = p.membership
        alone |= {x.name for x in people if " " not in x.name}
    joined = [
        n
        for n in names
        if len(n.split()) == 2
        and not re.search(r"\b[A-Z]\.", n)
        and n.split()[0] in alone
        and n.split()[1][:1].isupper()
    ]
    if len(joined) == 1:
        return f'"{joined[0]}" may be two names with a comma missing'
    return None


# ------------------------------------------------------------------ counts in sentences

_MAY_LIST_RE = LazyPattern(r"[:(;–]|\s-\s|\bnamely\b|\bi\.e\b")
_BRACKET_LIST_RE = LazyPattern(
    r"\s*\((?:from\s+|namely\s+|i\.e\.?,?\s+)?(?P<items>[^()]{3,300})\)", re.I
)
# One run of spaces before the cue, never split between two "\s*" ("  , namely").
_LIST_AFTER_RE = LazyPattern(
    r"(?<!\s)\s*(?::-|:|–\s|-\s|(?:,\s*)?namely\b|(?:,\s*)?i\.e\.?,?)\s*", re.I
)
_POINTER_RE = LazyPattern(
    r"^\W*(?:these|they|those|which)\s+(?:are|were|being|is)\s*[:;,-]*\s*$", re.I
)
_LOST_BULLET_RE = LazyPattern(r"^ [A-Z]")
_BULLET_LINE_RE = LazyPattern(r"^\s*(?:[•·▪●◦\u2022\uf0b7\-*–]|\d{1,2}[.)]|\(?[a-z]\))\s*\S")


_START = attrgetter("start")


def _count_figures(figures: list[Figure], start: int, end: int) -> list[Figure]:
    # figures are in order: those of the span found by position, not by a look at all
    lo = bisect_left(figures, start, key=_START)
    hi = bisect_left(figures, end, lo=lo, key=_START)
    return [
        f
        for f in figures[lo:hi]
        if f.kind == COUNT
        and f.noun
        and f.noun.endswith("s")
        and 2 <= f.value <= 30
        and float(f.value).is_integer()
        and f.hedge is None  # "some 12 groups, including ...": not a count of those listed
    ]


def _sentence_counts(part: Part, document_lines: list[str]) -> Iterator[StatedCount]:
    blocks = part.blocks
    for k, b in enumerate(blocks):
        text = b.text
        if not _MAY_LIST_RE.search(text):
            continue  # no colon, dash, bracket or "namely": no list stated with a count
        figures = block_figures(b)
        if not figures:
            found = _count_before_pointer(blocks, k, document_lines)
            if found:
                yield found
            continue
        spans = sentences(b.text)
        for n, (start, end) in enumerate(spans):
            counts = _count_figures(figures, start, end)
            if len(counts) != 1:
                continue
            f = counts[0]
            noun_end = _noun_end(b.text, f)
            tail = b.text[noun_end:end]
            # "three members (Councillors Ahmed, Baker and Carter)"
            bracket = _BRACKET_LIST_RE.match(tail)
            if bracket:
                items = split_items(bracket.group("items"))
                if (
                    items
                    and len(items) >= 2
                    and not re.search(r"\d", bracket.group("items"))
                    and all(_is_name(i) for i in items)
                ):
                    line = b.locate(noun_end + bracket.start("items"))[0]
                    yield _stated(b, f, noun_end, items, [line])
                continue
            # "three partner organisations attended ...: A, B, C and D."
            colon = _LIST_AFTER_RE.search(tail)
            if colon and not re.search(r"\d", tail[: colon.start()]) and colon.start() <= 100:
                listed = tail[colon.end() :].strip()
                if listed:
                    items = split_items(listed)
                    if items and len(items) >= 2 and all(len(i.split()) <= 15 for i in items):
                        line = b.locate(noun_end + colon.end())[0]
                        yield _stated(b, f, noun_end, items, [line])
                    continue
                if n == len(spans) - 1:
                    listed_after = _list_after(blocks, k, document_lines)
                    if listed_after:
                        yield _stated(b, f, noun_end, *listed_after, form="list below")
                continue
            # "... the three key national performance indicators ... These are;"
            if n == len(spans) - 2 and _POINTER_RE.match(b.text[spans[-1][0] : spans[-1][1]]):
                listed_after = _list_after(blocks, k, document_lines)
                if listed_after:
                    yield _stated(b, f, noun_end, *listed_after, form="list below")


def _count_before_pointer(
    blocks: list[Block], k: int, document_lines: list[str]
) -> StatedCount | None:
    """'... the three key national performance indicators for Youth / Offending Teams.
    These are;' with the sentence broken across two blocks by the page layout."""
    b = blocks[k]
    if k == 0 or b.text.rstrip()[-1:] not in (":", ";", "-", ",") or len(b.text) > 300:
        return None
    spans = sentences(b.text)
    if len(spans) != 2 or not _POINTER_RE.match(b.text[spans[-1][0] : spans[-1][1]]):
        return None
    prev = blocks[k - 1]
    if re.search(r"[.!?:;]\s*$", prev.text):
        return None  # a finished sentence: the count would not be this one
    start = sentences(prev.text)[-1][0]
    counts = _count_figures(block_figures(prev), start, len(prev.text))
    if len(counts) != 1:
        return None
    listed = _list_after(blocks, k, document_lines)
    if not listed:
        return None
    f = counts[0]
    return _stated(prev, f, _noun_end(prev.text, f), *listed, form="list below")


def _is_name(item: str) -> bool:
    """A short proper name, titles aside: "Councillors Ahmed", "West Pennine Police"."""
    _, rest = strip_title(item.strip())
    words = rest.split()
    return 0 < len(words) <= 5 and words[0][:1].isupper()


def _noun_end(text: str, f: Figure) -> int:
    """Where the noun a count counts ends: "three partner organisations|"."""
    if not f.noun:
        return f.end
    # Only the window after the count is lowered: the whole text, once per count, took
    # time of the square of a long paragraph's length.
    at = text[f.end : f.end + 80].lower().find(f.noun)
    return f.end + at + len(f.noun) if at >= 0 else f.end


def _stated(
    b: Block,
    f: Figure,
    noun_end: int,
    items: list[str],
    lines: list[int],
    more: int = 0,
    form: str = "listed",
) -> StatedCount:
    if len(lines) != len(items):
        lines = [lines[0]] * len(items)
    return StatedCount(
        block=b,
        start=f.start,
        end=f.end,
        stated=int(f.value),
        noun=" ".join(b.text[f.end : noun_end].split()) or f.noun or "items",
        items=tuple(items),
        lines=tuple(lines),
        form=form,
        more=more,
    )


_UNKNOWN_MORE = 99


def _list_after(
    blocks: list[Block], k: int, document_lines: list[str]
) -> tuple[list[str], list[int], int] | None:
    """The items of the list right after block ``k``, counted from the bullets of the
    source lines (a reader may join two bullets into one item) when there are any."""
    items: list[Block] = []
    if k + 1 >= len(blocks) or blocks[k + 1].kind != LIST_ITEM:
        return None
    level = blocks[k + 1].level
    cut = False
    for b in blocks[k + 1 :]:
        if b.kind != LIST_ITEM or b.level < level:
            break
        if b.level > level:
            continue  # a sub-item
        if items and (
            b.page != items[-1].page
            or any(
                document_lines[n - 1].strip()
                for n in range(items[-1].end_line + 1, b.line)
                if 0 < n <= len(document_lines)
            )
        ):
            # Something the reader left out between them, or a new page: the list ends
            # here or goes on over the page; which cannot be told.
            cut = True
            break
        items.append(b)
    if len(items) < 2 or any(drawn_repeatedly(b.text) for b in items):
        return None  # too few to count, or text a PDF drew over and over
    bullets: list[tuple[str, int]] = []
    more = 0
    for b in items:
        for line in range(b.line, b.end_line + 1):
            src = document_lines[line - 1] if 0 < line <= len(document_lines) else ""
            if _BULLET_LINE_RE.match(src):
                bullets.append((src.strip(), line))
            elif line > b.line and _LOST_BULLET_RE.match(src):
                more += 1  # " Rates of Custody": maybe a bullet whose glyph was lost
    if cut:
        more += _UNKNOWN_MORE  # fewer items than stated may be the rest over the page
    if len(bullets) > len(items):
        return [t for t, _ in bullets], [ln for _, ln in bullets], more
    return [b.text for b in items], [b.line for b in items], more


# ------------------------------------------------------------------ named lists in votes

_VOTE_LABEL_RE = LazyPattern(
    r"^[\s*_]*(?P<label>for|against|in\s+favour|abstentions?|abstained)\b", re.I
)
_NAMED_LIST_RE = LazyPattern(
    r"^[\s*_]*(?:Councillors?|Cllrs?\.?|Members?)\s+(?P<names>[A-Z].*?)\s*$", re.S
)
_COUNT_ALONE_RE = LazyPattern(r"^[\s*_]*\(\s*(\d{1,3})\s*\)[\s*_.]*$")


def _named_counts(part: Part) -> Iterator[tuple[StatedCount, Block, str]]:
    """'In favour: / Councillors Butler, Daly ... and Sheehan (C). / (13)': a recorded
    vote's voters and their count, at the end of the list or on the line after it, with
    the label ("for", "against") the list is under."""
    blocks = part.blocks
    for k, b in enumerate(blocks):
        if not b.text.lstrip(" *_\n").startswith(("Council", "Cllr", "Member")):
            continue
        m = _NAMED_LIST_RE.match(b.text)
        if not m:
            continue
        label_block = next(
            (
                blocks[j]
                for j in range(k - 1, max(-1, k - 3), -1)
                if _VOTE_LABEL_RE.match(blocks[j].text)
            ),
            None,
        )
        if label_block is None:
            continue
        label_m = _VOTE_LABEL_RE.match(label_block.text)
        label = " ".join(label_m.group("label").lower().split()) if label_m else "for"
        names_text = m.group("names")
        count = _TRAILING_COUNT_RE.search(names_text)
        target, start, end = b, 0, 0
        if count:
            names_text = names_text[: count.start()]
            start = m.start("names") + count.start(1) - 1
            end = m.start("names") + count.end(1) + 1
            stated = int(count.group(1))
        elif k + 1 < len(blocks) and (alone := _COUNT_ALONE_RE.match(blocks[k + 1].text)):
            target = blocks[k + 1]
            start, end = alone.start(1) - 1, alone.end(1) + 1
            stated = int(alone.group(1))
        else:
            continue
        if re.search(r"\([^)]{4,}\)", names_text):
            continue  # notes in brackets, not initials: not a bare list of names
        names = _name_pieces(names_text)
        if not names:
            continue
        yield (
            StatedCount(
                block=target,
                start=start,
                end=end,
                stated=stated,
                noun="names",
                items=tuple(names),
                lines=(b.line,) * len(names),
                form="named vote",
            ),
            b,
            label,
        )


def stated_counts(parsed: ParsedDocument) -> list[StatedCount]:
    """Every stated count with the items listed for it, in document order."""
    out: list[StatedCount] = []
    lines = parsed.document.lines
    for part in parsed.parts:
        if isinstance(part, AgendaPart):
            found = _membership_count(parsed, part)
            if found:
                out.append(found)
        out.extend(_sentence_counts(part, lines))
        out.extend(c for c, _, _ in _named_counts(part))
    return out


# ------------------------------------------------------------------------------ votes

_ABST = rf"(?P<abst>{_N})\s+(?:votes?\s+)?(?:abstentions?|abstained|abstaining|abstention)"
_VOTE_RES = [
    LazyPattern(
        rf"\b(?:(?:carried|agreed|approved|adopted|passed|defeated|lost|rejected|won)\s+)?"
        rf"(?:by\s+)?(?P<for>{_N})\s+votes?\s+to\s+(?P<against>{_N})"
        rf"(?:\s*(?:,|with|and)\s*(?:with\s+)?{_ABST})?",
        re.I,
    ),
    # "9 in favour, 3 against and 2 abstentions", "6 votes for and 2 against", "13 no. in
    # favour of the amendment and 7 no. against"
    LazyPattern(
        rf"\b(?P<for>{_N})(?:\s+no\.?)?\s+(?:votes?\s+)?(?:were\s+)?(?:cast\s+)?"
        rf"(?:in\s+favour|for)\b[^.;\d]{{0,60}}?(?:,|;|\band\b|\bwith\b|\bto\b)\s*"
        rf"(?P<against>{_N})(?:\s+no\.?)?\s+(?:votes?\s+)?(?:were\s+)?(?:cast\s+)?against"
        rf"(?:[^.;\d]{{0,40}}?(?:,|;|\band\b|\bwith\b)\s*(?:with\s+)?{_ABST})?",
        re.I,
    ),
    # "Motion carried 5-0", "passed 4-1-1", "failed by a vote of 2-3"
    LazyPattern(
        r"\b(?:carried|passed|failed|defeated|approved|adopted|lost)\s+(?:by\s+)?(?:a\s+)?"
        r"(?:(?:vote|margin)\s+of\s+)?(?P<for>\d{1,2})\s*[-–]\s*(?P<against>\d{1,2})"
        r"(?:\s*[-–]\s*(?P<abst>\d{1,2}))?(?!\d|[/.-]\d|\s*[-–]\s*\d)",
        re.I,
    ),
    LazyPattern(
        r"\bfor\s*[:-]?\s*(?P<for>\d{1,3})\s*[,;]\s*against\s*[:-]?\s*(?P<against>\d{1,3})"
        r"(?:\s*[,;]\s*abstentions?\s*[:-]?\s*(?P<abst>\d{1,3}))?",
        re.I,
    ),
]
_VOTE_CONTEXT_RE = LazyPattern(
    r"\b(?:votes?|voted|voting|carried|defeated|lost|favour|motion|amendment|resolution"
    r"|against|approved|agreed|adopted|rejected)\b",
    re.I,
)


def _sentence_votes(part: Part) -> Iterator[Vote]:
    for b in part.blocks:
        text = b.text
        low = text.lower()
        if not any(w in low for w in ("vot", "favour", "for", "carried", "passed", "failed")):
            continue
        if not _VOTE_CONTEXT_RE.search(text):
            continue
        taken: list[tuple[int, int]] = []
        for rx in _VOTE_RES:
            for m in rx.finditer(text):
                if any(a < m.end() and m.start() < z for a, z in taken):
                    continue
                counts = [
                    ("for", _number(m.group("for"))),
                    ("against", _number(m.group("against"))),
                ]
                if m.group("abst"):
                    counts.append(("abstentions", _number(m.group("abst"))))
                taken.append((m.start(), m.end()))
                yield Vote(b, m.start(), m.end(), tuple(counts))


def _named_votes(part: Part) -> Iterator[Vote]:
    """Recorded votes: a "For" list and an "Against" list, each with its count."""
    index = {id(b): k for k, b in enumerate(part.blocks)}
    group: list[tuple[str, StatedCount, Block]] = []
    last = -10
    for count, names_block, label in _named_counts(part):
        k = index[id(names_block)]
        if group and (k - last > 6 or label in {x for x, _, _ in group}):
            yield _vote_of(group)
            group = []
        group.append((label, count, names_block))
        last = k
    if group:
        yield _vote_of(group)


def _vote_of(group: list[tuple[str, StatedCount, Block]]) -> Vote:
    first = group[0][1]
    counts = tuple((label, c.stated) for label, c, _ in group)
    names = tuple(n for _, c, _ in group for n in c.items)
    return Vote(first.block, first.start, first.end, counts, names)


def find_votes(part: Part) -> list[Vote]:
    if not isinstance(part, MinutesPart):
        return []
    return [*_sentence_votes(part), *_named_votes(part)]


# ------------------------------------------------------------------------- attendance

_ALSO_PRESENT_RE = LazyPattern(
    r"^(?P<who>co-?opted\s+members?\b.{3,200}?)\s+(?:was|were)\s+(?:also\s+)?present\b",
    re.I | re.S,
)


def _after_present_label(text: str) -> str:
    """A Present line without its label, as the attendance extractor reads the label
    ("Present:", "Councillors present:", "**PRESENT** –")."""
    from minlint.lint.extract.attendance import PRESENT

    stripped = text.lstrip(" \t*_")
    m = PRESENT.match(stripped)
    return stripped[m.end() :] if m else text


def attendance(part: MinutesPart) -> Attendance | None:
    """The number of members recorded present, the chair and co-opted members recorded
    present included, when the record is evidently complete: the list ends (a full stop,
    or the end of its paragraph with nothing carrying it on), and every name written in
    it was read; or the number stated ("9 members were present"). None otherwise."""
    stated = _stated_present(part)
    if stated is not None:
        return stated
    first_item = part.items[0].line if part.items else part.end_line
    # Co-opted members "also present" are counted from their own sentence below.
    also = {
        b.line
        for b in part.blocks
        if b.line < first_item and _ALSO_PRESENT_RE.match(b.text.strip())
    }
    present = [p for p in part.present if p.line is not None and p.line not in also]
    if len(present) < 2:
        return None
    lines = sorted({p.line for p in present if p.line is not None})
    index = {b.line: k for k, b in enumerate(part.blocks)}
    if any(line not in index for line in lines):
        return None
    others = [
        b
        for b in part.blocks
        if b.line < first_item and b.line not in lines and _MEMBERS_LABEL_RE.match(b.text)
    ]
    if others:
        return None  # members listed under another heading too: not all were read as present
    written = 0
    for line in lines:
        k = index[line]
        if _CHAIR_ONLY_RE.match(part.blocks[k].text):
            return None  # "PRESENT IN THE CHAIR: Councillor Kiely": the chair, not the members
        body = _after_present_label(part.blocks[k].text)
        end = re.search(r"(?<![A-Z])\.(?:\s+(?=[A-Z])|\s*$)", body)
        if end is not None:
            body = body[: end.start()]
        elif not _list_ends_here(body, part.blocks[k + 1] if k + 1 < len(part.blocks) else None):
            return None  # the list runs on into the next paragraph
        written += len(_name_pieces(body))
    if written != len(present):
        return None
    names = {p.name for p in present}
    count = len(names)
    detail = [f"{count} in the Present list"]
    chair = part.chair
    if (
        chair is not None
        and chair.name not in names
        and not any(chair.name.split()[-1] == n.split()[-1] for n in names)
    ):
        count += 1
        names.add(chair.name)
        detail.append("the Chair")
    coopted_lines: list[int] = []
    coopted = 0
    for b in part.blocks:
        if b.line >= first_item:
            break
        m = _ALSO_PRESENT_RE.match(b.text.strip())
        if m:
            who = re.sub(r"^co-?opted\s+members?\s*", "", m.group("who"), flags=re.I)
            found = _name_pieces(who)
            coopted += len(found)
            names.update(found)
            coopted_lines.append(b.line)
    if coopted:
        count += coopted
        detail.append(f"{coopted} co-opted member{'s' if coopted > 1 else ''}")
    return Attendance(count, tuple(lines + coopted_lines), ", ".join(detail), frozenset(names))


_CHAIR_ONLY_RE = LazyPattern(r"^[\s*_]*present\s+in\s+the\s+chair\b", re.I)
_MEMBERS_LABEL_RE = LazyPattern(
    r"^[\s*_]*(?:members|councillors|also)\s+(?:in\s+attendance|present)\b", re.I
)
_CONTINUED_RE = LazyPattern(
    r"^[\s*_]*(?:[a-z(]|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?\s*(?:\([^)]*\)\s*)?(?:,|&|\band\b))"
)
_STATED_PRESENT_RE = LazyPattern(
    rf"\b(?P<n>{_N})\s+(?:voting\s+)?(?:members|councillors|cllrs)\s+(?:were\s+|being\s+)?"
    r"present\b",
    re.I,
)


def _list_ends_here(body: str, after: Block | None) -> bool:
    """A Present list without a full stop ends with its paragraph when it does not stop
    on a comma or "and", and the next paragraph does not carry the names on."""
    tail = body.rstrip(" *_")
    if not tail or tail.endswith((",", ";")) or re.search(r"\b(?:and|&)\s*$", tail):
        return False
    return after is None or not _CONTINUED_RE.match(after.text)


def _stated_present(part: MinutesPart) -> Attendance | None:
    """'There were 9 members present', 'the meeting was quorate with 7 councillors present'."""
    for b in part.blocks[:40]:
        low = b.text.lower()
        if "present" not in low:
            continue
        m = _STATED_PRESENT_RE.search(b.text)
        if m:
            n = _number(m.group("n"))
            detail = f'stated as "{" ".join(m.group(0).split())}"'
            return Attendance(n, (b.locate(m.start())[0],), detail, frozenset(), stated=True)
    return None
