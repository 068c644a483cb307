"""Numbered headings: which numbered blocks open a minute or an agenda item.

A heading is a heading because of its place in the document's structure, not because
of one council's punctuation: it starts a block, its number continues the sequence of
the headings around it, and a title follows the number ("12. Planning", "3331.Planning",
"**10.Question submitted by ...**", "2320Apologies for absence:", "1." on a line of its
own with the title on the next). Every numbered block is a candidate; the headings are
the candidates that form the best-scoring increasing sequence (consecutive numbers
score, gaps cost, a change of style costs), plus the out-of-place numbers among them
that look exactly like their neighbours (a repeated, stale or mistyped number is a fact
that N001 reports, not a reason to drop the heading). A run that starts again at 1
inside the sequence is a numbered list, never minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from minlint.lint import regexstore as rx
from minlint.lint.blocks import HEADING, TABLE_ROW, Block
from minlint.lint.extract.common import PAGES, norm, source_lines
from minlint.lint.facts.dates import find_dates
from minlint.lint.readers.lines import ROMAN, is_caps, roman_value

# "12.", "3331.Declarations", "2320Apologies", "Item 5 – ...", "Minute 24/101", "24/101".
# A council's letters before a number written with a slash: "P/25/012", "FC 24/101".
_CODE = r"[A-Z]{1,4}(?:\s*[/.]\s*|\s+)(?=\d{1,4}/\d)"
_BRACKETED = rx.compile(r"\(\d{1,3}\)\s+(?=[A-Z])")
_CODE_ONLY = rx.compile(r"[A-Z]{1,4}(?:\s*[/.]\s*|\s+)$")
_LEAD = rx.compile(
    r"^(?P<prefix>(?i:(?:agenda\s+)?item|minute|min\.?)\s*(?i:no\.?\s*)?|" + _CODE + r")?"
    r"(?P<num>\d{1,4}(?:/\d{1,4})?)(?P<sep>\.0?(?!\d)|\)|:(?!\d))?(?P<gap>\s*)(?P<tail>.*)$",
    re.S,
)
_SLASHED = rx.compile(
    r"^\W{0,3}(?:(?i:(?:agenda\s+)?item|minute|min\.?)|" + _CODE + r")?\s*(\d{1,4})/(\d{1,4})\b"
)
# A title does not start with a figure, except a reference written with slashes, as a
# planning application's is ("47. 23/1187/FUL - Land at Station Road").
_NOT_TITLE = rx.compile(
    r"^(?:[a-z]|\d(?![\d]{0,5}/\d{1,6}/)|%|[(\[]|[-–—/,.;:&+=]|(?:[AaPp]\.?[Mm]|ST|st|ND|nd|RD|rd|TH|th|hrs?)\b"
    r"|(?:per\s?cent|percent)\b)"
)
_COLON = rx.compile(r"\s*(?::-|:)\s*")
_DASH = rx.compile(r"\s+[-–—]\s+")
# Spaces are taken from the start of their run only (see facts.people._SPLIT).
_ITEM_NOTE = rx.compile(r"(?:(?<!\s)\s+)?\((?:agenda\s+)?item\s+\d+[a-z]?\)\s*$", re.I)
_RUNS_ON = rx.compile(
    r"(?:[.,;:!?]|\b(?:a|an|the|of|to|and|or|in|on|at|by|for|from|with|as|that|be|is|was|were"
    r"|are|&))$",
    re.I,
)
_CONTINUES = rx.compile(
    r"(?:,|\b(?:a|an|the|of|to|and|or|in|on|at|by|for|from|with|as|that|be|is|was|were|are))$",
    re.I,
)
# A sentence ends here: a title does not.
SENTENCE_END = rx.compile(r"[.!?]['\"’”)]?$")
_RUN_ON = rx.compile(r"[.!?:;]\s+(\d{1,4})\.$")
# A dash between a number and its title: "5 – Finance".
_NUMBER_DASH = rx.compile(r"[-–—]\s+[A-Z]")
# A title of up to eight words closed by a full stop, a sentence after it.
_TITLE_STOP = rx.compile(r"^([A-Z][^.!?:;]{0,80}?)\.\s+(?=[A-Z])")
_ABBREVIATION = rx.compile(
    r"(?:^|\s)(?:[A-Z]|Mr|Mrs|Ms|Dr|Cllrs?|Revd?|Prof|St|No|Nos|Co|Ltd|Rd|Ave|approx|etc|Inc|Cyng)$"
    r"|^(?:\S+\s+){8,}"
)
_MAX_TITLE_WORDS = 30
_MAX_STEP = 40


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading: where it is, its number and title, and what follows the title
    in the same block (a minute's first paragraph, as in "2323.Financial Report: ...")."""

    index: int  # the block that holds the number
    number: int
    title: str
    rest: str = ""
    title_index: int = -1  # the block that holds the title when it is not ``index``
    style: str = ""
    rest_at: int = -1  # where ``rest`` starts in the block's text
    at: int = 0  # where the heading starts in its block: after "... for use." in the same line
    label: str = ""  # the number as written when it is not just the number: "24/101"

    @property
    def body_start(self) -> int:
        """The first block after the heading's number and title."""
        return max(self.index, self.title_index) + 1


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A block that may be a numbered heading, and how much it looks like one."""

    heading: Heading
    weight: float
    title_like: bool


def _bold_title(text: str, block: Block) -> tuple[str, str, bool] | None:
    """(title, rest, True) when the title is set in bold and the minute's text follows it
    in the same paragraph ("**45. Apologies for absence** Apologies were received ...");
    ``text`` is what follows the number."""
    if not block.lead:
        return None
    whole = norm(block.text)
    cut = len(norm(block.text[: block.lead])) - (len(whole) - len(text))
    if not 0 < cut < len(text):
        return None
    title = text[:cut].rstrip(" :-–—.")
    if not title or len(title.split()) > _MAX_TITLE_WORDS or not any(c.isalpha() for c in title):
        return None
    return title, text[cut:].lstrip(" :-–—"), True


def _split_title(text: str, block: Block, minutes: bool = True) -> tuple[str, str, bool]:
    """(title, rest, title-like) of the text after a heading's number.

    A heading block is all title; in a paragraph the title ends at a colon ("2323.Financial
    Report: Community A/C ..."), or at a dash followed by a sentence.
    """
    words = text.split()
    bold = _bold_title(text, block)
    if bold is not None:
        return bold
    if block.kind == HEADING or (is_caps(text) and len(words) <= _MAX_TITLE_WORDS):
        return text.rstrip(" :-"), "", True
    colon = _COLON.search(text, 0, 400)
    if colon and 0 < len(text[: colon.start()].split()) <= _MAX_TITLE_WORDS:
        return text[: colon.start()], text[colon.end() :], True
    lines = source_lines(block)
    if len(lines) > 1 and not minutes:
        # An agenda item: its title on the first line, what it is for on the next ones.
        first = _LEAD.match(norm(lines[0]))
        head = first.group("tail") if first else ""
        if (
            head
            and len(head.split()) <= 12
            and not _RUNS_ON.search(head)
            and head.count("(") <= head.count(")")
            and text.startswith(head)
        ):
            rest = text[len(head) :].lstrip()
            pages = PAGES.match(rest)
            if pages:  # "(Pages 45 - 47)" on the next line belongs to the title
                return f"{head} {pages.group(0)}", rest[pages.end() :].lstrip(), True
            return head.rstrip(" .:-–"), rest, True
    if len(lines) > 1:
        # "4. Travel and Transportation" / "Mr. Kennedy made a presentation ...": a short
        # first line that does not run on is the title.
        first = _LEAD.match(norm(lines[0]))
        head = first.group("tail") if first else ""
        after = text[len(head) :].lstrip()
        if (
            head
            and len(head.split()) <= 10
            and not _RUNS_ON.search(head)
            and (after[:1].isupper() or after[:1].isdigit() or after[:2] == "| ")
            and len(after.split()) >= 2
            and SENTENCE_END.search(after)
            and not PAGES.search(after)
            and text.startswith(head)
        ):
            return head, after, True
    stop = _TITLE_STOP.match(text)
    if stop and not _ABBREVIATION.search(stop.group(1)):
        # "Finance. The clerk reported that ...": a title ended by a full stop
        tail = text[stop.end() :]
        if len(tail.split()) >= 4 and SENTENCE_END.search(tail):
            return stop.group(1), tail, True
    dash = _DASH.search(text, 0, 200)
    if dash and not PAGES.search(text):
        # "Police Report – The PCSO reported that ...": a sentence after the dash.
        head, tail = text[: dash.start()], text[dash.end() :]
        if len(head.split()) <= 8 and len(tail.split()) >= 10 and SENTENCE_END.search(tail):
            return head, tail, True
    if len(words) <= _MAX_TITLE_WORDS and len(text) <= 250:
        return text.rstrip(" -–"), "", True
    return " ".join(words[:12]), text, False


_LOOSE = "space/t"  # the style of "4 Finance": a number, one space, a title in words


def _style(sep: str, gap: str, bare: bool, block: Block, title: str) -> str:
    shape = "h" if block.kind == HEADING else ("c" if is_caps(title) else "t")
    form = f"bare{sep}" if bare else (sep or ("glued" if not gap else "space"))
    return f"{form}/{shape}"


def _running_part(blocks: list[Block]) -> int:
    """Which part of "24/101"-style numbers runs from minute to minute: the part that
    takes more values across the document (0 for "101/24", 1 for "24/101")."""
    firsts: set[str] = set()
    seconds: set[str] = set()
    for b in blocks:
        m = _SLASHED.match(b.text)
        if m:
            firsts.add(m.group(1))
            seconds.add(m.group(2))
    return 0 if len(firsts) > len(seconds) else 1


def _number(num: str, slash: int) -> int:
    """The running number of "101", or of "24/101" (``slash`` says which part runs)."""
    parts = num.split("/")
    return int(parts[min(slash, len(parts) - 1)])


# The number cell of an agenda laid out as a table: "45." | "Declarations of Interest" | "".
_NUMBER_CELL = rx.compile(r"(?i:(?:agenda\s+)?item\s*|minute\s*)?(\d{1,4}(?:/\d{1,4})?)\.?")
_PAGES_CELL = rx.compile(r"(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?")


def _row_candidate(block: Block, i: int, slash: int) -> _Candidate | None:
    """An item in a row of a table: its number in the first cell, its title in the
    second, and its pages, if any, in a later one."""
    cells = [norm(c) for c in block.text.split(" | ")]
    m = _NUMBER_CELL.fullmatch(cells[0]) if len(cells) >= 2 else None
    title = cells[1].rstrip(" -–:.") if m else ""
    if (
        not title
        or _NOT_TITLE.match(title)
        or not any(c.isalpha() for c in title)
        or len(title.split()) > _MAX_TITLE_WORDS
        or _starts_with_date(title)
    ):
        return None
    pages = next((p for c in cells[2:] if (p := _PAGES_CELL.fullmatch(c))), None)
    if pages:  # written as the pages of an item in a list are, for the agenda to read
        title += f" (Pages {pages.group(0)})"
    heading = Heading(i, _number(m.group(1), slash), title, style="row/t", label=_label(m.group(1)))
    return _Candidate(heading, 1.2, True)


def _candidate(blocks: list[Block], i: int, minutes: bool, slash: int = 1) -> _Candidate | None:
    block = blocks[i]
    if block.kind == TABLE_ROW:
        return _row_candidate(block, i, slash)
    first = block.text[:1]
    bracketed = first == "(" and _BRACKETED.match(block.text)
    if not (
        first.isdigit()
        or first in "IiMmAa"
        or (first.isupper() and "/" in block.text[:12])
        or bracketed
    ):
        return None
    text = norm(block.text)
    if bracketed:
        # "(5) FINANCE": a minute numbered in brackets, as a heading or in capitals;
        # "(1) That the report be noted" is a part of a resolution.
        if block.kind != HEADING and not is_caps(text[bracketed.end() :][:60]):
            return None
        text = text[1:]
    m = _LEAD.match(text)
    if m is None:
        return None
    num, sep, gap, tail = m.group("num"), m.group("sep") or "", m.group("gap"), m.group("tail")
    prefixed = bool(m.group("prefix"))
    if prefixed or "/" in num:
        if tail[:1] in "-–—":  # "Item 5 – Apologies", "24/101 - Apologies"
            tail = tail.lstrip("-–— ")
            sep = sep or "-"
        sep = sep or " "  # a prefix or a year makes the number a label, spaced or not
    elif not sep and gap and _NUMBER_DASH.match(tail):
        tail = tail[1:].lstrip()  # "5 – Finance – The clerk reported ..."
        sep = "-"
    number = _number(num, slash)
    if not tail:
        if sep not in (".", "") or i + 1 >= len(blocks):
            return None
        nxt = blocks[i + 1]
        title = norm(source_lines(nxt)[0]) if nxt.kind != TABLE_ROW else ""
        if (
            not title
            or _NOT_TITLE.match(title)
            or len(title.split()) > 15
            or _starts_with_date(title)
        ):
            return None
        style = _style(sep, gap, True, nxt, title)
        heading = Heading(i, number, title.rstrip(" -–:."), "", i + 1, style, label=_label(num, m))
        strong = nxt.kind == HEADING or is_caps(title)
        return _Candidate(heading, (1.6 if strong else 1.2) - (0.4 if not sep else 0), True)
    spaced = not sep and gap and block.kind != HEADING and not is_caps(tail[:60])
    bold = block.lead > len(num)  # the number and its title in bold: a title, however spaced
    if spaced and not bold and (gap != " " or "\n" in block.text or block.end_line != block.line):
        return None  # "14 PMC members", "12 Councillors were present": a count, not a heading
    if not sep and not gap and (len(num) < 3 or not tail[:1].isupper()):
        return None  # "4x4", "3G", "2nd": a number glued to its word is a heading only
        # when it is a long running number ("2320Apologies")
    if _NOT_TITLE.match(tail) or _starts_with_date(text):
        return None
    if minutes and PAGES.search(text) and is_caps(_ITEM_NOTE.sub("", tail)):
        return None  # an agenda line with its pages, as packs repeat them
    title, rest, title_like = _split_title(tail, block, minutes)
    title = _ITEM_NOTE.sub("", title).rstrip(" -–")
    if not title or not any(c.isalpha() for c in title):
        return None
    if spaced and (rest or not title_like) and not bold:
        # "4 Finance" alone on its line is a title; "4 members were present" not, unless
        # the title is set in bold ("**4 Finance** The clerk reported ...")
        return None
    style = _style(sep, gap, False, block, title)
    rest_at = _offset(block.text, rest) if rest else -1
    if block.kind == HEADING or (is_caps(title) and title_like):
        weight = 2.0
    elif title_like:
        weight = 1.2
    else:
        weight = 0.3
    if spaced:
        weight = 1.0  # a number and one space: less sure than "4." or "4)"
    heading = Heading(i, number, title, rest, i, style, rest_at, label=_label(num, m))
    return _Candidate(heading, weight, title_like)


def _label(num: str, lead: re.Match[str] | None = None) -> str:
    """A number as written, where it is more than its figures: "24/101", and with the
    council's letters before it, "FC/25/003"."""
    if "/" not in num:
        return ""
    prefix = lead.group("prefix") if lead is not None else None
    return prefix + num if prefix and _CODE_ONLY.match(prefix) else num


# "IV. PLANNING APPLICATIONS", "VII) Date of next meeting": minutes and agendas numbered
# in Roman numerals, as many boards number them. Capitals only: "(iv)" and "iv." number
# the parts of a minute.
_ROMAN = rx.compile(r"^(?P<num>" + ROMAN + r")(?P<sep>[.)])[ \t]*(?P<tail>\S.*)$", re.S)
ROMAN_STYLE = "roman"
_ROMAN_ONLY = rx.compile(ROMAN)


def written_in_roman(written: str) -> bool:
    """Whether a number as written ("IV") is a Roman numeral."""
    return bool(written) and _ROMAN_ONLY.fullmatch(written) is not None


def _roman_candidate(blocks: list[Block], i: int, minutes: bool) -> _Candidate | None:
    """A heading numbered in Roman numerals. Only a title set apart is one: a heading
    block, a title in capitals, or a short line of its own; in minutes, a line of its own
    with the minute's text under it ("V. Patel reported that the hedge ..." is a
    paragraph about a councillor with that initial, and "I. Background" / "II. Costs",
    one under the other, a list)."""
    block = blocks[i]
    if block.kind == TABLE_ROW:
        return None
    m = _ROMAN.match(norm(block.text))
    if m is None:
        return None
    tail = m.group("tail")
    if not tail[:1].isupper() or _NOT_TITLE.match(tail) or _starts_with_date(tail):
        return None
    title, rest, title_like = _split_title(tail, block, minutes)
    title = _ITEM_NOTE.sub("", title).rstrip(" -–:.")
    caps = is_caps(title)
    if not title_like or not any(c.isalpha() for c in title):
        return None
    if block.kind != HEADING and not caps:
        if rest or len(title.split()) > 10 or SENTENCE_END.search(title):
            return None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if minutes and (
            block.end_line != block.line
            or nxt is None
            or nxt.kind == HEADING
            or _ROMAN.match(nxt.text) is not None
        ):
            return None
    shape = "h" if block.kind == HEADING else ("c" if caps else "t")
    style = f"{ROMAN_STYLE}{m.group('sep')}/{shape}"
    rest_at = _offset(block.text, rest) if rest else -1
    number = roman_value(m.group("num"))
    heading = Heading(i, number, title, rest, i, style, rest_at, label=m.group("num"))
    return _Candidate(heading, 2.0 if shape != "t" else 1.2, True)


def _roman_series(cands: list[_Candidate]) -> bool:
    """Whether the candidates numbered in Roman numerals are a series: at least three,
    I and II among them. Fewer are initials or a list."""
    numbers = {c.heading.number for c in cands}
    return len(cands) >= 3 and {1, 2} <= numbers


_NONSPACE = rx.compile(r"\S+")


def _offset(text: str, tail: str) -> int:
    """Where ``tail`` (a suffix of ``text`` with its white space collapsed) starts: after
    as many characters other than white space as ``text`` holds before it. (Its first
    words are no guide: a block of minutes run together repeats them.)"""
    before = len("".join(text.split())) - len("".join(tail.split()))
    if not tail.strip() or before < 0:
        return len(text)
    seen = 0
    for m in _NONSPACE.finditer(text):
        size = m.end() - m.start()
        if seen + size > before:
            return m.start() + (before - seen)
        seen += size
    return len(text)


def _starts_with_date(text: str) -> bool:
    return any(f.start == 0 for f in find_dates(text[:60]))


def _run_on(blocks: list[Block], i: int) -> _Candidate | None:
    """A number left at the end of the previous line ("... noted. 12." / "Correspondence")."""
    m = _RUN_ON.search(blocks[i].text)
    if m is None or i + 1 >= len(blocks) or blocks[i + 1].kind == TABLE_ROW:
        return None
    title = norm(source_lines(blocks[i + 1])[0])
    if not title or _NOT_TITLE.match(title) or len(title.split()) > 15:
        return None
    heading = Heading(i, int(m.group(1)), title.rstrip(" -–:."), "", i + 1, "run-on")
    return _Candidate(heading, 0.2, True)


_MID = rx.compile(r"(?<=[.!?])[ \t]*(?=\d{1,4}\.\s*[A-Z])")
_MID_READ = 2000


def _mid_block(blocks: list[Block], i: int, minutes: bool) -> list[_Candidate]:
    """Headings run on after the last sentence of the minute before, in the same line
    ("... new bags will shortly be distributed for use.3652. Date of next meeting: ...")."""
    from dataclasses import replace

    from minlint.lint.extract.common import tail_block

    block = blocks[i]
    if block.kind == TABLE_ROW:
        return []
    out: list[_Candidate] = []
    starts = [m.end() for m in _MID.finditer(block.text, 1)]
    for k, at in enumerate(starts):
        # A heading is read from the start of its text: up to the next run-on heading,
        # and not far, or a block of hundreds of them is read hundreds of times over.
        end = min(starts[k + 1] if k + 1 < len(starts) else len(block.text), at + _MID_READ)
        c = _candidate([tail_block(block, at, end), *blocks[i + 1 : i + 2]], 0, minutes)
        if c is None or c.heading.title_index != 0:
            continue
        h = c.heading
        rest_at = at + h.rest_at if h.rest_at >= 0 else -1
        heading = replace(h, index=i, title_index=i, rest_at=rest_at, at=at, style="run-on")
        out.append(_Candidate(heading, 0.2, c.title_like))
    return out


def _continued(block: Block) -> bool:
    """A block whose sentence runs on into the next one."""
    if block.kind == TABLE_ROW or block.kind == HEADING:
        return False
    return bool(_CONTINUES.search(block.text.rstrip()))


def _lists(cands: list[_Candidate], blocks: list[Block]) -> set[int]:
    """Candidates that number a list: a run 1, 2, 3 ... that starts again below the
    numbers already seen. Within one set of minutes a restart at 1 (or at 2 after 4 or
    more) is a list inside a minute, whatever it looks like.

    The run counts every numbered block, not only those that could be headings: in
    "1. There had been 188 children", "2. Of the 188, 110 ...", "3. 78% of children ...",
    "4. There were an additional 32 cases" the third is no heading, but 4 goes on the
    list all the same. A block in a heading style ends a run that did not start with one.
    """
    at = {(c.heading.index, c.heading.at): k for k, c in enumerate(cands)}
    # (position, number, candidate or None) of every numbered block, in document order.
    items: list[tuple[tuple[int, int], int, int | None]] = [
        ((c.heading.index, c.heading.at), c.heading.number, k) for k, c in enumerate(cands)
    ]
    for i, b in enumerate(blocks):
        if (i, 0) in at or b.kind in (HEADING, TABLE_ROW) or not b.text[:1].isdigit():
            continue
        m = _LIST_NUMBER.match(b.text)
        if m:
            items.append(((i, 0), int(m.group(1)), None))
    items.sort(key=lambda item: item[0])
    out: set[int] = set()
    highest = 0
    k = 0
    while k < len(items):
        _, n, cand = items[k]
        if (n <= 1 and highest >= 1) or (n == 2 and highest >= 4):
            end = k
            titled = cand is not None and blocks[cands[cand].heading.index].kind == HEADING
            while end + 1 < len(items) and items[end + 1][1] == items[end][1] + 1:
                nxt = items[end + 1][2]
                if (
                    not titled
                    and nxt is not None
                    and blocks[cands[nxt].heading.index].kind == HEADING
                ):
                    break
                end += 1
            out.update(c for _, _, c in items[k : end + 1] if c is not None)
            k = end + 1
            continue
        if cand is not None and cands[cand].weight >= 1.2:
            highest = max(highest, n)
        k += 1
    return out


_LIST_NUMBER = rx.compile(r"^(\d{1,3})(?:\.(?!\d)|\))\s*\S")


def _best_chain(cands: list[_Candidate]) -> list[int]:
    """The increasing sequence of candidates with the best score."""
    n = len(cands)
    score = [0.0] * n
    back: list[int | None] = [None] * n
    # The candidates' fields in lists: the inner loop runs up to 80 times a candidate,
    # and a long text (thousands of numbered lines) spent seconds on attribute look-ups.
    numbers = [c.heading.number for c in cands]
    styles = [c.heading.style for c in cands]
    for i, c in enumerate(cands):
        num, weight, style = numbers[i], c.weight, styles[i]
        best = weight + (0.5 if num in (0, 1) else 0.0)
        came = None
        for j in range(max(0, i - 80), i):
            step = num - numbers[j]
            if not 0 < step <= _MAX_STEP:
                continue
            s = score[j] + weight + (1.5 if step == 1 else -min(step - 1, 6) * 0.8)
            if styles[j] != style:
                s -= 0.6
            if s > best:
                best, came = s, j
        score[i], back[i] = best, came
    if not n:
        return []
    end = max(range(n), key=lambda k: (score[k], -k))
    chain = [end]
    while back[chain[-1]] is not None:
        chain.append(back[chain[-1]])  # type: ignore[arg-type]
    return chain[::-1]


def _one_digit_off(a: int, b: int) -> bool:
    x, y = str(a), str(b)
    return len(x) == len(y) and sum(p != q for p, q in zip(x, y, strict=True)) == 1


def _admit(c: _Candidate, before: Heading | None, after: Heading | None, first: int) -> bool:
    """An out-of-sequence candidate that stands among headings exactly like it."""
    if not c.title_like or before is None:
        return False
    if c.heading.style not in {before.style, after.style if after else before.style}:
        return False
    n, p = c.heading.number, before.number
    if n == p or max(first, p - 3) <= n < p:
        return True  # repeated or a step back: N001 says which
    if after is not None and p < n < after.number:
        return True
    return _one_digit_off(n, p + 1)


def find_headings(blocks: list[Block], *, minutes: bool = True) -> tuple[list[Heading], bool]:
    """The numbered headings of a part, in order, and whether the numbering is certain.

    The numbering is uncertain when the headings are few and far apart, or when many
    numbered blocks that look like headings do not fit the sequence: rules that check
    numbering then stay silent.
    """
    cands: list[_Candidate] = []
    romans: list[_Candidate] = []
    skip = -1
    slash = _running_part(blocks)
    for i in range(len(blocks)):
        if i == skip:
            continue
        c = _candidate(blocks, i, minutes, slash)
        if c is not None and i > 0 and _continued(blocks[i - 1]):
            c = None  # "... held on 3rd July," / "2020.": the number ends a sentence
        if c is None and blocks[i].text[:1] in "IVXL":
            c = _roman_candidate(blocks, i, minutes)
            if c is not None:
                romans.append(c)
        if c is None and i + 1 < len(blocks) and blocks[i + 1].text[:1].isalpha():
            c = _run_on(blocks, i)
        if c is not None:
            cands.append(c)
            if c.heading.title_index != c.heading.index:
                skip = c.heading.title_index
        if "." in blocks[i].text[1:]:
            cands.extend(_mid_block(blocks, i, minutes))
    if romans and not _roman_series(romans):
        dropped = {id(c) for c in romans}
        cands = [c for c in cands if id(c) not in dropped]
    if not cands:
        return [], True
    # "4 Finance" (a number and one space) heads the minutes only of a document numbered
    # that way throughout: among "4." headings it is a count ("14 PMC members").
    loose = [c for c in cands if c.heading.style == _LOOSE]
    if loose and any(c.heading.style != _LOOSE and c.weight >= 1.2 for c in cands):
        cands = [c for c in cands if c.heading.style != _LOOSE]
    lists = _lists(cands, blocks)
    usable = [c for k, c in enumerate(cands) if k not in lists]
    chain = [usable[k] for k in _best_chain(usable)]
    if len(chain) == 1 and chain[0].weight < 1.2:
        return [], True
    chosen = {id(c) for c in chain}
    first = chain[0].heading.number if chain else 0
    out: list[Heading] = []
    rejected = 0
    pos = 0
    for c in usable:
        if id(c) in chosen:
            out.append(c.heading)
            pos += 1
            continue
        if not chain or c.heading.index < chain[0].heading.index:
            continue
        after = chain[pos].heading if pos < len(chain) else None
        if _admit(c, out[-1] if out else None, after, first):
            out.append(c.heading)
        elif c.title_like and c.weight >= 1.2 and c.heading.style == chain[0].heading.style:
            rejected += 1
    # Out-of-place headings are facts for N001, not doubts about the headings: how sure
    # the reading is depends on the sequence they stand among.
    steps = [b.heading.number - a.heading.number for a, b in pairwise(chain)]
    regular = sum(1 for s in steps if s == 1)
    certain = bool(out) and (
        (len(out) == 1 and out[0].number <= 1)
        or (len(chain) > 1 and regular >= 0.6 * len(steps) and rejected <= max(2, len(out) // 4))
    )
    return out, certain
