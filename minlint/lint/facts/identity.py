"""Who is who in minutes: names compared as people, and the people known for a meeting.

Minutes name one person in several ways ("Councillor Jane Sutcliffe", "Councillor J.
Sutcliffe", "Sutcliffe" in a list of surnames), and name different people almost alike
(Councillors Hirst and Hurst, Sheahan (M) and Sheehan (C), Collins (B) and Collins (J)).
This module says when two written names can be one person (:func:`same_person`), when
a name looks like another written differently (:func:`variant`), and gathers where a
meeting's people are recorded: its attendance lists, the membership known for it (the
agenda, a membership file, the earlier minutes of the same municipal year) and the
people named in its running text.

Names are compared folded: case, accents and the form of the apostrophe do not
separate two spellings ("O’Brien", "O'Brien", "O‟Brien").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice, pairwise
from typing import TYPE_CHECKING

from minlint.lint import regexstore as rx
from minlint.lint.blocks import Block
from minlint.lint.model import AgendaPart, MinutesPart, ParsedDocument, Person

if TYPE_CHECKING:
    from minlint.lint.records import Record, Records

__all__ = [
    "Membership",
    "Name",
    "Sighting",
    "attendance_sightings",
    "fold",
    "membership_for",
    "membership_sightings",
    "mention_sightings",
    "municipal_year",
    "near_surname",
    "parse_name",
    "same_person",
    "variant",
]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "‟": "'", "`": "'", "´": "'", "ʼ": "'"})
# Words that start a surname of more than one word: "Novak Uí Chonchúir", "de Búrca".
_PARTICLES = frozenset("ui ni nic mhic van von der den de del della di da du le la".split())
_INITIAL = rx.compile(r"^[A-Z]\.?$")
_INITIALS = rx.compile(r"^(?:[A-Z]\.){2,3}$")
_BRACKET_INITIAL = rx.compile(r"\(\s*([A-Z]{1,2})\.?\s*\)")
_PAREN = rx.compile(r"\([^()]*\)")
_FEMALE = frozenset({"Mrs", "Ms", "Miss"})


def fold(word: str) -> str:
    """A word as names are compared: lower case, plain apostrophes, no accents."""
    word = unicodedata.normalize("NFKD", word.translate(_APOSTROPHES).casefold())
    return "".join(c for c in word if not unicodedata.combining(c)).strip(".,;:")


@dataclass(frozen=True, slots=True)
class Name:
    """A written name taken apart: given names or initials, and the surname.

    ``readings`` are the (given names, surname) pairs the name can be read as: a surname
    of several words ("Novak Uí Chonchúir") is also written with its first word alone
    ("Councillor Novak") or without it.
    """

    text: str
    title: str | None
    given: tuple[str, ...]
    surname: str
    surname_text: str
    readings: tuple[tuple[tuple[str, ...], str], ...]

    @property
    def full_given(self) -> str | None:
        """The first given name written out ("paula"), or None for an initial or none."""
        return self.given[0] if self.given and len(self.given[0]) > 1 else None


def _words(text: str) -> list[str]:
    out: list[str] = []
    for word in text.replace(",", " ").split():
        word = word.strip(";:")
        if _INITIALS.match(word):
            out.extend(c for c in word if c.isalpha())
        elif word:
            out.append(word)
    return out


@functools.lru_cache(maxsize=4096)
def parse_name(text: str, title: str | None = None) -> Name | None:
    """Read a written name: 'Collins (B)', 'Z. Collingham', 'Sarah Novak Uí Chonchúir'.

    The honorific, if written, is taken off (``title`` is the one given by the list the
    name comes from); a bracketed initial ("Collins (B)") is a given initial. Returns
    None when nothing in the text can be a surname.
    """
    from minlint.lint.facts.people import strip_title

    written_title, rest = strip_title(text.strip())
    title = written_title or title
    bracket = [fold(m) for m in _BRACKET_INITIAL.findall(rest)]
    shown = rest.strip(" ,;:")
    rest = _PAREN.sub(" ", rest)
    words = _words(rest)
    while words and _INITIAL.match(words[-1]):
        words.pop()  # "O’Donovan T.": a stray initial after the surname
    if not words:
        return None
    start = len(words) - 1
    for i, word in enumerate(words[:-1]):
        if fold(word) in _PARTICLES and not _INITIAL.match(words[i + 1]):
            start = i
            break
    given = tuple(fold(w) for w in words[:start]) + tuple(bracket)
    surname_words = words[start:]
    surname = " ".join(fold(w) for w in surname_words)
    if not surname or not any(c.isalpha() for c in surname):
        return None
    readings = [(given, surname)]
    if start < len(words) - 1 and start >= 1 and not _INITIAL.match(words[start - 1]):
        # "Novak Uí Chonchúir": the word before the particle may be part of the surname.
        before = tuple(fold(w) for w in words[: start - 1]) + tuple(bracket)
        readings.append((before, f"{fold(words[start - 1])} {surname}"))
        readings.append((before, fold(words[start - 1])))
    elif start < len(words) - 1 and start == 0:
        readings.append((tuple(bracket), fold(words[0])))
    return Name(
        text=shown,
        title=title,
        given=given,
        surname=surname,
        surname_text=" ".join(surname_words),
        readings=tuple(readings),
    )


def _givens_agree(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether given names and initials can belong to one person: "K." and "Kim" agree,
    "Arwel" and "Kim" do not; a list without given names agrees with any."""
    if not a or not b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    full = [w for w in short if len(w) > 1]
    if full and list(long_[len(long_) - len(short) :]) == list(short):
        return True  # "O'Mahony Kennedy" and "Sheila O'Mahony Kennedy"
    for x, y in zip(a, b, strict=False):
        if x[0] != y[0]:
            return False
        if len(x) > 1 and len(y) > 1 and x != y:
            return False
    return True


def _genders_conflict(a: str | None, b: str | None) -> bool:
    return bool(a and b) and ((a == "Mr") != (b == "Mr")) and {a, b} <= _FEMALE | {"Mr"}


@functools.lru_cache(maxsize=65536)
def same_person(a: Name, b: Name) -> bool:
    """Whether two written names can be one person: a surname in common and given names
    or initials that agree where both are written ("J. Sutcliffe" and "Jane Sutcliffe";
    not "Collins (B)" and "Collins (J)", nor "Mr Wood" and "Mrs Wood")."""
    if _genders_conflict(a.title, b.title):
        return False
    return any(sa == sb and _givens_agree(ga, gb) for ga, sa in a.readings for gb, sb in b.readings)


def _transposed(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]


def _doubled(short: str, long_: str) -> bool:
    """Whether ``long_`` is ``short`` with one letter doubled."""
    if len(long_) != len(short) + 1:
        return False
    # The letter added is at the first place the two differ, or after an equal one.
    k = next((k for k, (a, b) in enumerate(zip(short, long_, strict=False)) if a != b), len(short))
    return k >= 1 and long_[k] == long_[k - 1] and long_[k + 1 :] == short[k:]


def near_surname(a: str, b: str, max_distance: int = 2) -> bool:
    """Whether two different surnames are close enough to be one written two ways
    ("Elliot"/"Elliott", "Phillips"/"Philips", "Gwynn"/"Gwynne", "Sheahan"/"Sheehan").

    Close names are also often two real names (Clark and Clarke); whether one person is
    meant is for the evidence around them to say, not for the spelling.
    """
    import Levenshtein

    if a == b or min(len(a), len(b)) < 3:
        return False
    if _doubled(a, b) or _doubled(b, a):
        return True  # "Web" for "Webb", "Philips" for "Phillips"
    if min(len(a), len(b)) < 4:
        return False
    if _transposed(a, b):
        return True
    distance = Levenshtein.distance(a, b)
    if distance > (1 if min(len(a), len(b)) <= 5 else max_distance):
        return False
    return Levenshtein.jaro_winkler(a, b) >= 0.88 and Levenshtein.ratio(a, b) >= 0.8


def _near_given(a: str, b: str) -> bool:
    """First names a slip apart: "Paul"/"Paula", "Alun"/"Alan"; the first letter kept."""
    import Levenshtein

    if a == b or min(len(a), len(b)) < 3 or a[0] != b[0]:
        return False
    return Levenshtein.distance(a, b) == 1 or _transposed(a, b)


SPELLING = "spelling"
FIRST_NAME = "first name"
INITIAL = "initial"
HONORIFIC = "honorific"


@functools.lru_cache(maxsize=65536)
def variant(a: Name, b: Name, max_distance: int = 2) -> str | None:
    """How ``a`` looks like ``b`` written differently, or None.

    "spelling": surnames a letter or two apart, given names agreeing ("M. Elliott" and
    "Elliot"); "first name": the same surname with close first names ("Paul Williams"
    and "Paula Williams"); "initial": the same surname, initials that differ ("K. Rees"
    and "Jane Rees"); "honorific": one person by name, "Ms" against "Mrs" or "Miss".
    Whether one person is meant is for the caller to weigh.
    """
    if (
        a.surname != b.surname
        and abs(len(a.surname) - len(b.surname)) > max_distance
        and len(a.readings) == len(b.readings) == 1
    ):
        return None  # too far apart to be one name, and no other reading of either
    if same_person(a, b):
        if a.title in _FEMALE and b.title in _FEMALE and a.title != b.title:
            return HONORIFIC
        return None
    if _genders_conflict(a.title, b.title):
        return None
    if a.surname == b.surname:
        if a.given and b.given:
            x, y = a.given[0], b.given[0]
            if len(x) > 1 and len(y) > 1 and _near_given(x, y):
                return FIRST_NAME
            if x[0] != y[0]:
                return INITIAL
        return None
    if near_surname(a.surname, b.surname, max_distance) and _givens_agree(a.given, b.given):
        return SPELLING
    return None


def municipal_year(date: dt.date) -> int:
    """The year a municipal year starts in: it runs from May (annual meetings) to April."""
    return date.year if date.month >= 5 else date.year - 1


# --- where people are recorded -------------------------------------------------------

PRESENT = "present"
CHAIR = "chair"
APOLOGIES = "apologies"
ATTENDANCE = "attendance"
MEMBERSHIP = "membership"
MENTION = "mention"
OFFICER = "officer"

# Who sits as a member: those present, the chair, and those who sent apologies.
MEMBER_KINDS = frozenset({PRESENT, CHAIR, APOLOGIES, MEMBERSHIP})


@dataclass(frozen=True, slots=True)
class Sighting:
    """A person named somewhere: in a list (``roll`` names the list: two entries of one
    list are two people; ``meeting`` names the record of one meeting, all its lists),
    or in running text."""

    name: Name
    kind: str
    path: str
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    roll: str | None = None
    role: str | None = None
    minute: int | None = None
    date: dt.date | None = None
    block: Block | None = None
    start: int = 0  # offsets of the name in ``block.text``
    end: int = 0
    meeting: str | None = None  # the record of one meeting (all its lists), or one membership

    @property
    def written(self) -> str:
        """The name with its honorific, as a reader knows the person."""
        return f"{self.name.title} {self.name.text}" if self.name.title else self.name.text


def _block_at(part_blocks: Sequence[Block], line: int | None) -> Block | None:
    if line is None:
        return None
    for b in part_blocks:
        if b.line <= line <= b.end_line:
            return b
    return None


_SPACE = rx.compile(r"\s+")


def _word_char(ch: str) -> bool:
    """A character of a word as ``\\w`` and the apostrophes see it."""
    return ch.isalnum() or ch in "_’'"


def _find_in(block: Block, text: str, after: int = 0) -> tuple[int, int] | None:
    """Offsets of a name in a block's text, allowing line breaks between its words: the
    first place where its words stand apart from other words, any run of white space
    between them. (A pattern compiled for each name cost more than the search.)"""
    words = text.split()
    if not words:
        return None
    hay = block.text
    at = hay.find(words[0], after)
    while at >= 0:
        if at == 0 or not _word_char(hay[at - 1]):
            end = at + len(words[0])
            for word in words[1:]:
                gap = _SPACE.match(hay, end)
                if gap is None or not hay.startswith(word, gap.end()):
                    break
                end = gap.end() + len(word)
            else:
                if end == len(hay) or not _word_char(hay[end]):
                    return (at, end)
        at = hay.find(words[0], at + 1)
    return None


def _sighting(
    person: Person,
    kind: str,
    path: str,
    blocks: Sequence[Block],
    roll: str | None,
    date: dt.date | None,
    used: dict[int, int],
    meeting: str | None = None,
) -> Sighting | None:
    name = parse_name(person.name, person.title)
    if name is None:
        return None
    line = person.line or 0
    block = _block_at(blocks, person.line)
    if block is not None:
        key = id(block)
        found = _find_in(block, person.name.split(" (")[0], used.get(key, 0)) or _find_in(
            block, person.name.split(" (")[0]
        )
        if found is not None:
            used[key] = found[1]
            start, end = found
            # The finding underlines the surname: where two spellings differ.
            surname_at = block.text.rfind(name.surname_text.split()[0], start, end)
            if surname_at >= 0:
                start = surname_at
            line, column = block.locate(start)
            end_line, last = block.locate(max(start, end - 1))
            return Sighting(
                name, kind, path, line, column, end_line, last + 1, roll, person.role,
                None, date, block, start, end, meeting,
            )  # fmt: skip
    return Sighting(
        name, kind, path, line, 1, None, None, roll, person.role, None, date, meeting=meeting
    )


_CACHE: dict[tuple[str, int, str], tuple[object, list[Sighting]]] = {}


def _cached(kind: str, part: object, path: str, make) -> list[Sighting]:
    """One reading per part for the rules that share it. The entry keeps the part, so its
    id is not reused while cached; the oldest entries are dropped."""
    key = (kind, id(part), path)
    entry = _CACHE.get(key)
    if entry is not None and entry[0] is part:
        return list(entry[1])
    found = make()
    if len(_CACHE) >= 64:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (part, found)
    return list(found)


def attendance_sightings(part: MinutesPart, path: str) -> list[Sighting]:
    """The people of a set of minutes' attendance lists: present (the chair among them),
    apologies, and others in attendance; each list is a roll, and they are one meeting."""
    return _cached("attendance", part, path, lambda: _attendance_sightings(part, path))


def _attendance_sightings(part: MinutesPart, path: str) -> list[Sighting]:
    meeting = f"{path}:{part.start_line}"
    used: dict[int, int] = {}
    out: list[Sighting] = []
    for kind, people in (
        (PRESENT, part.present),
        (APOLOGIES, part.apologies),
        (ATTENDANCE, part.in_attendance),
    ):
        roll = f"{meeting}:{kind}"
        for person in people:
            found = _sighting(person, kind, path, part.blocks, roll, part.date, used, meeting)
            if found is not None:
                if kind == PRESENT and part.chair is not None and person is part.chair:
                    found = _replace_kind(found, CHAIR)
                out.append(found)
    return out


def _replace_kind(s: Sighting, kind: str) -> Sighting:
    from dataclasses import replace

    return replace(s, kind=kind)


def membership_sightings(agenda: AgendaPart, path: str) -> list[Sighting]:
    """The members an agenda lists; they are one roll."""
    roll = f"{path}:{agenda.start_line}:membership"
    used: dict[int, int] = {}
    out = []
    for person in agenda.membership:
        found = _sighting(person, MEMBERSHIP, path, agenda.blocks, roll, agenda.date, used, roll)
        if found is not None:
            out.append(found)
    return out


def file_membership_sightings(people: Iterable[Person], path: str) -> list[Sighting]:
    """The members of a membership file (configuration's ``membership``)."""
    out = []
    for person in people:
        name = parse_name(person.name, person.title)
        if name is not None:
            out.append(
                Sighting(name, MEMBERSHIP, path, person.line or 1, roll=f"{path}:file",
                         role=person.role, meeting=f"{path}:file")
            )  # fmt: skip
    return out


# --- people in running text ----------------------------------------------------------

_STOP_WORDS = frozenset(
    "the this that these those a an and or of in on at for to by with from as it its "
    "he she they his her their re subject".split()
)


def _trimmed(text: str, name: str) -> str:
    """A name found in running text without trailing words that are not names: "Atkin The
    ..." (a heading after a list), "Evans Travelling Expenses"; a capitalised word that
    the text also writes in lower case is an ordinary word, not a surname."""
    words = name.split()
    while len(words) > 1 and (
        words[-1].lower() in _STOP_WORDS or _written_in_lower_case(text, words[-1].lower())
    ):
        words.pop()
    return " ".join(words)


_RUN = rx.compile(r"[\w’']+")


@functools.lru_cache(maxsize=16)
def _runs(text: str) -> frozenset[str]:
    """The runs of word characters and apostrophes of a text: found once for all the names
    of its minutes (a search of the whole text per name is quadratic)."""
    return frozenset(_RUN.findall(text))


def _written_in_lower_case(text: str, word: str) -> bool:
    """Whether ``word`` is in ``text`` as a whole word (not inside "evans'" or
    "evanston")."""
    if _RUN.fullmatch(word):
        return word in _runs(text)
    return re.search(r"(?<![\w’'])" + re.escape(word) + r"(?![\w’'])", text) is not None


def minute_blocks(part: MinutesPart) -> list[tuple[int | None, list[Block]]]:
    """The running text of the minutes, minute by minute: each minute's heading and body; for
    minutes read without numbered items, the blocks outside the attendance lists."""
    if part.items:
        out: list[tuple[int | None, list[Block]]] = []
        lines = [b.line for b in part.blocks]
        in_order = all(a <= b for a, b in pairwise(lines))
        index = {id(b): k for k, b in enumerate(part.blocks)}
        bodies = {id(b) for m in part.items for b in m.blocks}
        for m in part.items:
            # The heading too: "27. Notice of Motion submitted by Councillor J. Leddin".
            body = m.blocks[0].line if m.blocks else m.end_line + 1
            last = max(m.line, body - 1)
            # The heading's blocks come right before the body's first: found by position,
            # not among all the blocks of its lines (a page on one line has every block
            # on line 1, and each minute looked through all of them).
            first = index.get(id(m.blocks[0])) if m.blocks else None
            if first is not None:
                near = []
                for b in reversed(part.blocks[max(0, first - 3) : first]):
                    near.insert(0, b)
                    if m.numbered and b.text.lstrip("*#_( ").startswith(m.shown):
                        break  # the heading's first block, with the number
            elif in_order:
                near = part.blocks[bisect_left(lines, m.line) : bisect_right(lines, last)]
            else:
                near = part.blocks
            head = list(
                islice(
                    (
                        b
                        for b in near
                        if m.line <= b.line <= last and len(b.text) < 300 and id(b) not in bodies
                    ),
                    3,
                )
            )
            out.append((m.number, head + list(m.blocks)))
        return out
    listed = {p.line for p in (*part.present, *part.apologies, *part.in_attendance) if p.line}
    return [(None, [b for b in part.blocks if b.line not in listed])]


def _list_spans(text: str) -> list[tuple[int, int]]:
    """Parts of a block that are attendance lists, not running text: a paragraph opening
    with "Present:" or "Apologies", and apology sentences ("Apologies received from
    Cllrs. A and B") inside a minute."""
    from minlint.lint.extract.attendance import APOLOGIES as APOLOGIES_LABEL
    from minlint.lint.extract.attendance import APOLOGY_SENTENCE
    from minlint.lint.extract.attendance import PRESENT as PRESENT_LABEL

    head = text.lstrip()
    if PRESENT_LABEL.match(head) or APOLOGIES_LABEL.match(head):
        end = head.find(".", 0)
        return [(0, len(text) if len(text) < 600 or end < 0 else end + len(text) - len(head))]
    if "apolog" not in text.lower():
        return []
    return [(m.start(), m.end()) for m in APOLOGY_SENTENCE.finditer(text)]


_AFTER_INITIAL = rx.compile(r"\s*\(([A-Z])\.?\)")


def mention_sightings(part: MinutesPart, path: str) -> list[Sighting]:
    """People named in the running text of the minutes (the attendance lists left out):
    titled names ("Councillor Jarvis", "Mrs. Oldroyd") and officers given with their post
    ("Susan Claydon, Early Help Head of Service"). Each has the minute it is in."""
    return _cached("mentions", part, path, lambda: _mention_sightings(part, path))


def _mention_sightings(part: MinutesPart, path: str) -> list[Sighting]:
    from minlint.lint.facts.people import find_people

    out: list[Sighting] = []
    for number, blocks in minute_blocks(part):
        for block in blocks:
            text = block.text
            lists = _list_spans(text)
            for m in find_people(text):
                if m.title is None and m.role is None:
                    continue
                if any(a <= m.start < b for a, b in lists):
                    continue
                raw = text[m.start : m.end]
                name_text = _clean_titled(_trimmed(text, raw)) if m.title else raw
                if not name_text:
                    continue
                end = m.start + len(name_text)
                initial = _AFTER_INITIAL.match(text, end) if name_text == raw else None
                if initial:  # "Councillor Ryan (E)": which of two Councillors Ryan
                    name_text += f" ({initial.group(1)})"
                    end = initial.end()
                name = parse_name(name_text, m.title)
                if name is None or _not_a_name(name):
                    continue
                start = text.rfind(name.surname_text.split()[0], m.start, end)
                start = start if start >= 0 else m.start
                line, column = block.locate(start)
                end_line, last = block.locate(max(start, end - 1))
                out.append(
                    Sighting(
                        name, OFFICER if m.role and not m.title else MENTION, path, line,
                        column, end_line, last + 1, None, m.role, number, part.date, block,
                        m.start, end,
                    )
                )  # fmt: skip
    return out


_TITLE_WORDS = frozenset(
    "county councillor councillors cllr cllrs cyng cynghorydd cynghorwyr mr mrs ms dr miss "
    "chairman chair chairperson mayor clerk vacancy".split()
)


def _clean_titled(name: str) -> str:
    words = name.split()
    while words and fold(words[0]) in _TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


def _not_a_name(name: Name) -> bool:
    words = [fold(w) for w in name.text.split()]
    return any(w in _TITLE_WORDS for w in words) or len(name.surname) < 2


# --- the membership known for a meeting ----------------------------------------------


@dataclass(frozen=True, slots=True)
class Membership:
    """The members known for a meeting and where that knowledge came from.

    ``explicit`` is True when a list of members was given (a membership file, an
    agenda's membership); earlier minutes alone say who attended or sent apologies, and
    miss members who did neither.
    """

    members: tuple[Sighting, ...]
    sources: tuple[str, ...]  # in words: "the agenda of 11 June 2024", "members.txt"
    places: tuple[tuple[str, int, str], ...]  # (path, line, what) for related locations
    explicit: bool


def _show(date: dt.date | None) -> str:
    from minlint.lint.facts.dateformat import show_date

    return show_date(date) if date else "an undated meeting"


def merged_names(agenda: AgendaPart, members: list[Sighting]) -> list[Sighting]:
    """Readings of membership entries that may be two surnames run together.

    When the agenda's stated count ("(18)") exceeds the names read, a missing comma has
    joined two names ("Marles Marriott"): each word of such an entry is then also read
    as a surname of its own.
    """
    from dataclasses import replace

    councillors = [m for m in members if (m.role or "") != "co-opted"]
    if agenda.stated_count is None or len(councillors) >= agenda.stated_count:
        return []
    out = []
    for m in councillors:
        words = m.name.text.split()
        if len(words) == 2 and not any(_INITIAL.match(w) for w in words):
            for word in words:
                name = parse_name(word, m.name.title)
                if name is not None:
                    out.append(replace(m, name=name))
    return out


def _agendas(parsed: ParsedDocument, path: str, records: Records | None) -> list[Record]:
    from minlint.lint.records import Record

    out: list[Record] = [
        Record(path, a, a.body, a.date, primary=k == 0) for k, a in enumerate(parsed.agendas)
    ]
    if records is not None:
        if records.agenda is not None:
            out.append(records.agenda)
        out += [r for r in records.history if isinstance(r.part, AgendaPart)]
    seen: set[tuple[str, int]] = set()
    unique = []
    for r in out:
        key = (r.path, r.part.start_line)
        if key not in seen:
            seen.add(key)
            unique.append(r)
    return unique


def earlier_minutes(
    part: MinutesPart,
    parsed: ParsedDocument,
    path: str,
    records: Records | None,
    same_year: bool = True,
) -> list[tuple[str, MinutesPart]]:
    """Minutes of the same body earlier in the same municipal year (or in any year): in
    the same file (an agenda pack) or among the records, latest first."""
    if part.date is None:
        return []
    year = municipal_year(part.date) if same_year else None
    found: list[tuple[str, MinutesPart]] = [
        (path, m)
        for m in parsed.minutes
        if m is not part
        and m.date
        and m.date < part.date
        and year in (None, municipal_year(m.date))
    ]
    if records is not None:
        for r in (*((records.previous,) if records.previous else ()), *records.history):
            m = r.part
            if (
                isinstance(m, MinutesPart)
                and m.date
                and m.date < part.date
                and year in (None, municipal_year(m.date))
                and all(m is not other for _, other in found)
            ):
                found.append((r.path, m))
    found.sort(key=lambda pm: pm[1].date or dt.date.min, reverse=True)
    return found


def membership_for(
    part: MinutesPart,
    parsed: ParsedDocument,
    path: str,
    records: Records | None,
    config_membership: str | None = None,
) -> Membership | None:
    """The members known for a meeting, or None when nothing is known.

    From, in turn: the configuration's membership file; the agenda of the same meeting,
    or else the nearest agenda of the body in the same municipal year (an agenda pack's
    own agenda, for the minutes it attaches); and the minutes of the body's earlier
    meetings of the same municipal year (who was present or sent apologies there).
    """
    members: list[Sighting] = []
    sources: list[str] = []
    places: list[tuple[str, int, str]] = []
    explicit = False
    if records is not None and records.membership and records.membership_path:
        is_file = records.membership_path == config_membership or (
            records.agenda is None or records.membership_path != records.agenda.path
        )
        if is_file:
            import os

            members += file_membership_sightings(records.membership, records.membership_path)
            sources.append(f"the membership file {os.path.basename(records.membership_path)}")
            places.append((records.membership_path, 1, "the membership file"))
            explicit = True
    if part.date is not None:
        # A date read from the file's name is good enough to find the body's records of
        # the same year, though not to report on.
        year = municipal_year(part.date)
        candidates = [
            r
            for r in _agendas(parsed, path, records)
            if isinstance(r.part, AgendaPart)
            and r.part.membership
            and r.date is not None
            and municipal_year(r.date) == year
        ]
        candidates.sort(key=lambda r: (abs((r.date - part.date).days), r.path))
        if candidates:
            best = candidates[0]
            agenda = best.part
            assert isinstance(agenda, AgendaPart)
            listed = membership_sightings(agenda, best.path)
            members += listed + merged_names(agenda, listed)
            what = f"the membership in the agenda of {_show(agenda.date)}"
            sources.append(what)
            first = min((p.line for p in agenda.membership if p.line), default=agenda.start_line)
            places.append((best.path, first, what))
            explicit = True
    for where, earlier in earlier_minutes(part, parsed, path, records):
        listed = [s for s in attendance_sightings(earlier, where) if s.kind in MEMBER_KINDS]
        if listed:
            members += listed
            sources.append(f"the attendance at the meeting of {_show(earlier.date)}")
            places.append(
                (where, listed[0].line, f"present or sending apologies on {_show(earlier.date)}")
            )
    if not members:
        return None
    return Membership(tuple(members), tuple(sources), tuple(places), explicit)


# --- who is known, and where ---------------------------------------------------------


def meetings_together(sightings: Iterable[Sighting]) -> dict[str, list[Sighting]]:
    """Sightings by the meeting (or membership) whose lists they are on."""
    out: dict[str, list[Sighting]] = {}
    for s in sightings:
        if s.meeting is not None:
            out.setdefault(s.meeting, []).append(s)
    return out


def history_sightings(records: Records | None) -> Iterator[Sighting]:
    """The people of every list among the records of the same body: attendance of their
    minutes and membership of their agendas."""
    if records is None:
        return
    seen: set[tuple[str, int]] = set()
    for r in (
        *((records.agenda,) if records.agenda else ()),
        *((records.previous,) if records.previous else ()),
        *records.history,
    ):
        key = (r.path, r.part.start_line)
        if key in seen:
            continue
        seen.add(key)
        if isinstance(r.part, MinutesPart):
            yield from attendance_sightings(r.part, r.path)
        elif isinstance(r.part, AgendaPart):
            yield from membership_sightings(r.part, r.path)


def resolve(name: Name, people: Iterable[Sighting]) -> list[Sighting]:
    """The sightings that can be the person ``name`` writes."""
    return [s for s in people if same_person(name, s.name)]


def distinct_people(sightings: Iterable[Sighting]) -> list[list[Sighting]]:
    """Sightings grouped into people: names that can be one person are one, unless a
    roll lists them both."""
    groups: list[list[Sighting]] = []
    # A group's names share a surname with every name that joins it: only the groups of
    # a name's surnames are tried, in the order they were made.
    by_surname: dict[str, list[int]] = {}
    for s in sightings:
        surnames = {sn for _, sn in s.name.readings}
        tried = sorted({k for sn in surnames for k in by_surname.get(sn, ())})
        for k in tried:
            g = groups[k]
            if all(same_person(s.name, o.name) for o in g) and not any(
                o.roll is not None and o.roll == s.roll and o.name.text != s.name.text for o in g
            ):
                g.append(s)
                break
        else:
            k = len(groups)
            groups.append([s])
        for sn in surnames:
            if k not in by_surname.setdefault(sn, []):
                by_surname[sn].append(k)
    return groups


Rolls = list[dict[str, list[Sighting]]]


def rolls_of(sightings: Iterable[Sighting]) -> Rolls:
    """The lists of each meeting (or membership), their entries by surname (every
    surname a name can be read with), for :func:`on_one_roll`."""
    out: Rolls = []
    for entries in meetings_together(sightings).values():
        by_surname: dict[str, list[Sighting]] = {}
        for e in entries:
            for surname in {s for _, s in e.name.readings}:
                by_surname.setdefault(surname, []).append(e)
        out.append(by_surname)
    return out


def on_one_roll(a: Name, b: Name, rolls: Rolls) -> bool:
    """Whether the lists of one meeting (or one membership) name both ``a`` and ``b`` as
    two entries: two people ("Sheahan (M)" present and "Sheehan (C)" sending apologies).
    ``rolls`` are the sightings' :func:`rolls_of`, made once for many pairs."""

    def named(by_surname: dict[str, list[Sighting]], n: Name) -> list[Sighting]:
        found = {id(e): e for _, s in n.readings for e in by_surname.get(s, ())}
        return [e for e in found.values() if e.name.text == n.text or same_person(e.name, n)]

    for by_surname in rolls:
        has_a = named(by_surname, a)
        if not has_a:
            continue
        has_b = named(by_surname, b)
        if has_b and any(x is not y for x in has_a for y in has_b):
            return True
    return False


def dated(path: str, date: dt.date | None) -> str:
    """How a record is named in messages: "the minutes of 12 February 2020"."""
    return f"the minutes of {_show(date)}" if date else path
