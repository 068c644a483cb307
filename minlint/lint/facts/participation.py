"""What people do at a meeting, and when they are away from it.

Absences: apologies and absences recorded anywhere in the minutes ("Apologies for
absence were received from Councillor X" in minute 1 as well as in the header).
Participation: declaring an interest, moving or seconding, speaking ("Councillor Dyson
asked ...") and taking the chair. Movements: who left and re-joined, and when; a
member who leaves "during consideration of the item" after declaring an interest is
back for the next item, whether or not the minutes say so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from minlint.lint import regexstore as rx
from minlint.lint.blocks import Block
from minlint.lint.facts.identity import (
    APOLOGIES,
    Name,
    Sighting,
    attendance_sightings,
    parse_name,
)
from minlint.lint.model import Minute, MinutesPart

__all__ = [
    "Absence",
    "Away",
    "Participation",
    "absences",
    "attending_in_text",
    "away_periods",
    "participations",
]

ABSENT = "absent"


@dataclass(frozen=True, slots=True)
class Absence:
    """A person recorded as not at the meeting: sending apologies, or absent."""

    sighting: Sighting
    kind: str  # "apologies" | "absent"
    for_lateness: bool = False  # apologies for arriving late or leaving early


_LATENESS = rx.compile(
    r"\b(?:late(?:ness)?|late\s+arrival|arriv\w*\s+late|leav\w*\s+early|early\s+departure|"
    r"delay\w*|for\s+part\s+of)\b",
    re.I,
)
_ABSENT_LABEL = rx.compile(r"^(?:[A-Za-z]+\s+)?absent\s*(?::-|:|-|–)\s*(.+)$", re.I | re.S)
# Apologies in other words: "Apologies for absence were submitted by Councillor X",
# "Councillors X and Y sent their apologies".
_APOLOGY_OTHER = rx.compile(
    r"\bapolog(?:y|ies)\b[^.]{0,60}?\b(?:submitted|tendered|given|sent|presented|offered)\s+"
    r"(?:by|on\s+behalf\s+of)\s+(?P<who>(?:[^.]|(?<=\b[A-Z])\.|(?<=Cllr)\.|(?<=Cllrs)\.)+)",
    re.I,
)
_SENT_APOLOGIES = rx.compile(
    r"(?P<who>(?:Councillors?|Cllrs?\.?)\s+[A-Z][^.;:]{0,120}?)\s+(?:sent|gave|tendered|offered)\s+"
    r"(?:(?:his|her|their)\s+)?apolog",
)
_EARLIER = rx.compile(
    r"\bhad\s+(?:been\s+)?(?:received|given|sent|tendered|submitted)\b|\bprevious\s+meeting\b",
    re.I,
)


def absences(part: MinutesPart, path: str) -> list[Absence]:
    """Apologies and absences recorded for the meeting: the model's apologies, and
    apology sentences and "Absent:" lists anywhere in the minutes (not those about an
    earlier meeting, as in an item approving its minutes)."""
    from minlint.lint.extract.attendance import APOLOGIES as APOLOGIES_LABEL
    from minlint.lint.extract.attendance import APOLOGY_SENTENCE
    from minlint.lint.facts.approvals import is_minutes_item
    from minlint.lint.facts.people import split_names

    meeting = f"{path}:{part.start_line}"
    out: list[Absence] = []
    lateness: dict[int, bool] = {}  # by block: a list of hundreds of names is one block

    def late_in(block: Block) -> bool:
        if id(block) not in lateness:
            lateness[id(block)] = bool(_LATENESS.search(block.text))
        return lateness[id(block)]

    for s in attendance_sightings(part, path):
        if s.kind == APOLOGIES:
            out.append(Absence(s, APOLOGIES, s.block is not None and late_in(s.block)))
    seen = {(s.sighting.name.text, s.sighting.line) for s in out}
    seen_blocks = {id(s.sighting.block) for s in out if s.sighting.block is not None}
    skip: set[int] = set()
    for minute in part.items:
        if is_minutes_item(minute.title):
            skip.update(id(b) for b in minute.blocks)
    for block in part.blocks:
        if id(block) in skip or id(block) in seen_blocks:
            continue
        text = " ".join(block.text.split())
        found: list[tuple[str, str, int]] = []  # (names text, kind, offset in block)
        m = (
            APOLOGY_SENTENCE.search(block.text)
            or _APOLOGY_OTHER.search(block.text)
            or _SENT_APOLOGIES.search(block.text)
        )
        if m and not _EARLIER.search(block.text[max(0, m.start() - 40) : m.end()]):
            found.append((m.group("who"), APOLOGIES, m.start("who")))
        elif APOLOGIES_LABEL.match(text) and len(text) < 300:
            label = APOLOGIES_LABEL.match(block.text)
            if label and label.end() < len(block.text):
                found.append((block.text[label.end() :], APOLOGIES, label.end()))
        a = _ABSENT_LABEL.match(block.text)
        if a:
            found.append((a.group(1), ABSENT, a.start(1)))
        for who, kind, offset in found:
            who = who.rstrip(". ")
            if re.match(r"^(?:none|nil|no\b)", who.strip(), re.I):
                continue
            late = late_in(block)
            for person in split_names(re.sub(r"\bfrom\b", ",", who)):
                name = parse_name(person.name, person.title)
                if name is None:
                    continue
                start, end = _locate(block, person.name, offset)
                line, column = block.locate(start)
                key = (name.text, line)
                if key in seen:
                    continue
                seen.add(key)
                end_line, last = block.locate(max(start, end - 1))
                sighting = Sighting(
                    name, APOLOGIES if kind == APOLOGIES else ABSENT, path, line, column,
                    end_line, last + 1, f"{meeting}:{kind}:{line}", person.role, None,
                    part.date, block, start, end, meeting,
                )  # fmt: skip
                out.append(Absence(sighting, kind, late))
    return out


def _locate(block: Block, name: str, offset: int) -> tuple[int, int]:
    words = [re.escape(w) for w in name.split(" (")[0].split()]
    if words:
        m = re.compile(r"\s+".join(words)).search(block.text, offset)
        if m:
            return m.start(), m.end()
    return offset, offset + len(name)


# --- participation ---------------------------------------------------------------------

DECLARED = "declared"
MOVED = "moved"
SECONDED = "seconded"
SPOKE = "spoke"
CHAIRED = "chaired"


@dataclass(frozen=True, slots=True)
class Participation:
    """Someone doing something at the meeting, where the minutes say so."""

    kind: str
    sighting: Sighting
    verb: str | None = None

    @property
    def in_person(self) -> bool:
        """Whether the words say the person was there: moving, seconding, declaring,
        chairing, or a verb of speaking ("asked", "said"). "Raised", "reported" or
        "requested" may be a written submission from someone away."""
        return self.verb is None or self.verb not in _AT_A_DISTANCE


# Verbs that also describe what someone sent in writing.
_AT_A_DISTANCE = frozenset(
    (
        *"raised requested suggested highlighted informed advised reported indicated noted "
        "referred sought outlined commented felt wished expressed undertook".split(),
        "agreed to",
    )
)

_SPEECH_VERBS = (
    r"asked|said|stated|commented|queried|questioned|raised|requested|suggested|welcomed|"
    r"thanked|expressed|explained|replied|responded|enquired|inquired|highlighted|informed|"
    r"advised|reported|indicated|congratulated|praised|emphasi[sz]ed|stressed|added|sought|"
    r"outlined|presented|introduced|confirmed|referred|spoke|voiced|urged|acknowledged|"
    r"commended|pointed\s+out|put\s+forward|called\s+for|paid\s+tribute|proposed|moved|"
    r"seconded|declared|noted|felt|agreed\s+to|undertook|wished"
)
_AFTER_NAME = rx.compile(
    # other names of the same list, a bracketed initial, an apposition, then the verb
    r"(?:\s*\([A-Z]\)\.?)?"
    r"(?:\s*(?:,|\band\b|&)\s*(?:(?:Councillors?|Cllrs?\.?)\s+)?"
    r"(?:[A-Z][\w'’‟\-]*\.?\s+){0,2}[A-Z][\w'’‟\-]+(?:\s*\([A-Z]\)\.?)?)*"
    r"(?:\s*,\s*(?P<apposition>[^,.;:()]{2,120}?|[^,.;:]{2,60}\([^()]{1,60}\)[^,.;:]{0,40}?)\s*,)?"
    r"\s+(?:also\s+|then\s+|further\s+|subsequently\s+)?(?P<verb>" + _SPEECH_VERBS + r")\b"
)
_NOT_SUBJECT = rx.compile(
    r"(?:\b(?:of|from|by|to|with|for|on|at|behalf|thanked|thank|invited|asked|requested|"
    r"told|informed|advised|than|as|like)\s*)$",
    re.I,
)
_VERB_KIND = {
    "proposed": MOVED,
    "moved": MOVED,
    "put forward": MOVED,
    "seconded": SECONDED,
    "declared": DECLARED,
}
_DECLARATIONS = rx.compile(r"\bdeclarations?\s+of\s+(?:\w+\s+)?interests?\b|\binterests?\b", re.I)
_NO_DECLARATIONS = rx.compile(r"\b(?:no|none|nil)\b", re.I)
_INTEREST = rx.compile(r"\binterest\b", re.I)


def participations(part: MinutesPart, mentions: Sequence[Sighting]) -> list[Participation]:
    """Who declares an interest, moves, seconds, speaks or takes the chair, at which
    place. ``mentions`` are the people named in the minutes' running text
    (:func:`~minlint.lint.facts.identity.mention_sightings`)."""
    out: list[Participation] = []
    by_block: dict[int, list[Sighting]] = {}
    for s in mentions:
        if s.block is not None:
            by_block.setdefault(id(s.block), []).append(s)
    declarations = _declaration_blocks(part.items)
    for s in mentions:
        if s.block is None:
            continue
        text = s.block.text
        # The mention's own start (its honorific included) decides whether it is a subject.
        name_start = _title_start(text, s.start)
        before = text[max(0, name_start - 30) : name_start]
        if _NOT_SUBJECT.search(before):
            continue
        m = _AFTER_NAME.match(text, s.end)
        kind = None
        verb = None
        if m and not _ends_sentence(text, s.end, m.start("verb")):
            verb = " ".join(m.group("verb").lower().split())
            kind = _VERB_KIND.get(verb, SPOKE)
            if verb == "declared" and not _INTEREST.search(text[m.end() : m.end() + 120]):
                kind = SPOKE
        if kind is None and id(s.block) in declarations and s.name.title:
            kind = DECLARED
        if kind is not None:
            out.append(Participation(kind, s, verb))
    out.extend(_proposers(part, mentions))
    out.extend(_chairs(part))
    out.sort(key=lambda p: (p.sighting.line, p.sighting.column))
    return out


def _title_start(text: str, start: int) -> int:
    m = re.search(
        r"(?:County\s+)?(?:Councillors?|Cllrs?\.?|Mrs\.?|Mr\.?|Ms\.?|Miss|Dr\.?)\s+"
        r"(?:[A-Z][\w'’‟\-]*\.?\s+){0,3}$",
        text[max(0, start - 60) : start],
    )
    return max(0, start - 60) + m.start() if m else start


def _ends_sentence(text: str, start: int, end: int) -> bool:
    between = text[start:end]
    return bool(re.search(r"[.;:](?:\s|$)", between.replace("Cllr.", "Cllr")))


def _declaration_blocks(items: Sequence[Minute]) -> set[int]:
    """Blocks of the minutes that record declarations of interest, unless they say there
    were none."""
    out: set[int] = set()
    for minute in items:
        if not _DECLARATIONS.search(minute.title) or not re.search(r"declar", minute.title, re.I):
            continue
        for b in minute.blocks[:6]:
            if _NO_DECLARATIONS.match(b.text.strip()) or re.search(
                r"\bno\s+declarations?\b|\bnone\b", b.text, re.I
            ):
                continue
            out.add(id(b))
    return out


def _proposers(part: MinutesPart, mentions: Sequence[Sighting]) -> list[Participation]:
    """Movers and seconders the model read from decisions, matched to the names in the
    text where they are written (a mention already read as moving is not repeated)."""
    out: list[Participation] = []
    for minute in part.items:
        for r in minute.resolutions:
            for who, kind in ((r.mover, MOVED), (r.seconder, SECONDED)):
                if not who:
                    continue
                name = parse_name(who, "Councillor")
                if name is None:
                    continue
                near = [
                    s
                    for s in mentions
                    if r.line - 3 <= s.line <= r.end_line and s.name.surname == name.surname
                ]
                if near:
                    out.append(Participation(kind, near[0]))
                else:
                    out.append(
                        Participation(
                            kind,
                            Sighting(name, kind, "", r.line, minute=minute.number, date=part.date),
                        )
                    )
    return out


def _chairs(part: MinutesPart) -> list[Participation]:
    out = []
    for mv in part.movements:
        if mv.action == "took_chair":
            name = parse_name(mv.name, "Councillor")
            if name is not None:
                out.append(
                    Participation(
                        CHAIRED,
                        Sighting(name, CHAIRED, "", mv.line, minute=mv.minute, date=part.date),
                    )
                )
    return out


_ATTENDING = rx.compile(
    r"\b(?:in\s+attendance|(?:was|were|been)\s+(?:also\s+)?present|attended\s+(?:the|this)\s+"
    r"meeting|attending\s+(?:the|this)\s+meeting|at\s+the\s+invitation|joined\s+the\s+meeting|"
    r"(?:as\s+)?(?:the\s+)?(?:ward|local|division)\s+(?:member|councillor)s?|addressed\s+the\s+"
    r"(?:meeting|committee|panel|board|commission|council))\b",
    re.I,
)


def attending_in_text(part: MinutesPart, mentions: Sequence[Sighting]) -> list[Sighting]:
    """People the running text records at the meeting: a councillor who chairs another
    body and "had been in attendance" when he spoke, "Councillor X attended the meeting
    for this item", a ward member who "addressed the Committee"."""
    from minlint.lint.extract.resolutions import sentences

    out: list[Sighting] = []
    spans: dict[int, list[tuple[int, int]]] = {}
    for s in mentions:
        if s.block is None:
            continue
        if id(s.block) not in spans:
            text = s.block.text
            spans[id(s.block)] = [
                (a, b) for a, b in sentences(text) if _ATTENDING.search(text[a:b])
            ]
        if any(a <= s.start < b for a, b in spans[id(s.block)]):
            out.append(s)
    return out


# --- who is away, and when --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Away:
    """A time a person is away from the meeting: from ``start_line`` (where they left) to
    ``end_line`` (where they re-joined, the end of the item they left for, or the end of
    the minutes); or before they arrived (``arrived`` True, from the start)."""

    name: Name
    start_line: int
    end_line: int
    line: int  # where the minutes say so
    arrived: bool = False
    for_item: bool = False


_FOR_ITEM = rx.compile(
    r"\b(?:interest|for\s+(?:this|that|the)\s+(?:item|matter)|during\s+(?:the\s+)?"
    r"(?:consideration|discussion|debate)|(?:consideration|discussion)\s+of\s+(?:this|that|the)"
    r"|whilst|while\s+(?:this|the))\b",
    re.I,
)


def away_periods(part: MinutesPart) -> list[Away]:
    """When people are away from the meeting, from the movements the minutes record."""
    from minlint.lint.facts.identity import same_person

    out: list[Away] = []
    end_of_minutes = part.end_line
    ends = {m.number: m.end_line for m in part.items}
    moves = sorted(part.movements, key=lambda mv: (mv.line, mv.action != "left"))
    names = [parse_name(mv.name, "Councillor") for mv in moves]
    # Indexes made once (minutes with thousands of movements were read in time of the
    # square of their number): the first block on each line, and the returns by surname.
    block_at: dict[int, Block] = {}
    for b in part.blocks:
        for line in range(b.line, b.end_line + 1):
            block_at.setdefault(line, b)
    returns: dict[str, list[int]] = {}
    for k, (mv, n) in enumerate(zip(moves, names, strict=True)):
        if n is not None and mv.action in ("rejoined", "arrived"):
            for surname in {sn for _, sn in n.readings}:
                returns.setdefault(surname, []).append(k)
    for k, (mv, name) in enumerate(zip(moves, names, strict=True)):
        if name is None:
            continue
        if mv.action == "left":
            block = block_at.get(mv.line)
            sentence = _sentence_at(block, mv.line) if block is not None else ""
            for_item = bool(_FOR_ITEM.search(sentence))
            later = sorted({j for _, sn in name.readings for j in returns.get(sn, ()) if j > k})
            back = next(
                (moves[j] for j in later if same_person(names[j], name)),  # type: ignore[arg-type]
                None,
            )
            if back is not None:
                end = back.line
            elif for_item and mv.minute in ends:
                end = ends[mv.minute]
            else:
                end = end_of_minutes
            out.append(Away(name, mv.line, end, mv.line, for_item=for_item))
        elif mv.action == "arrived":
            first = part.items[0].line if part.items else part.start_line
            out.append(Away(name, first, mv.line, mv.line, arrived=True))
    return out


def _sentence_at(block: Block, line: int) -> str:
    """The sentence of a block that is on a source line (the block itself when short)."""
    from minlint.lint.extract.resolutions import sentences

    text = block.text
    for start, end in sentences(text):
        first, _ = block.locate(start)
        last, _ = block.locate(max(start, end - 1))
        if first <= line <= last:
            return text[start:end]
    return text
