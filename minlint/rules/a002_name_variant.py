"""A name nearly matches a member or an officer but is written differently.

What it checks: the people a draft names, in its attendance lists, its agenda's
membership and its running text ("Councillor Philips had agreed ...", "Paul Williams"),
against the members and officers it knows: those in the same document's lists, officers
introduced with their post ("Paula Williams, Head of Inclusion, presented ..."), and the
membership known for the meeting (the agenda, the configuration's ``membership`` file,
the minutes of the body's earlier meetings in the same municipal year). Reported: a
surname a letter or two away ("Elliot" and "Elliott", "Gwynn" and "Gwynne"), a close
first name with the same surname ("Paul" and "Paula Williams"), a different initial
where the surname belongs to one person only, and "Ms" against "Mrs" for one woman.
The body's own name is checked too: "Licensing and Appeals Committee" in the minutes of
the Licensing and Appeals Panel (a name of two words or more before the kind of body, and
not the name of another body in the records). Names are compared with the Jaro-Winkler
and edit-distance measures of
python-Levenshtein; ``thresholds.name-variant-distance`` sets the largest edit distance
(2).

Close names are often two people (Clark and Clarke can both sit on one council; four
Sheahans and a Sheehan sit on one Irish council), so a variant is reported only on
evidence that one person is meant:

- no list of one meeting (its present list, apologies and others in attendance), and no
  membership, names both spellings, anywhere in the document or the records;
- both are members or councillors, or both officers whose posts agree (an officer is
  never a variant of a councillor), and an officer named without a post is compared
  only within the minute where the officer is introduced;
- the name is close to one person only;
- a councillor named with another office ("Councillor Clarke, Cabinet Member for
  Finance") is not taken for a member without that office.

Where both spellings are in the draft, the one used less (in the draft and its
records) is reported, pointing at the other; a spelling that differs from the
membership of record is reported in the draft.

Why it matters: minutes are searched and cited by name; a member spelled two ways is
two people to a search, to a register of attendance or of interests, and to anyone
checking who voted. A name spelled differently from the membership is also how a wrong
person slips into the record.

Example: a draft whose Present list has "Councillor Phillips" and whose communications
say "Councillor Philips had agreed to serve as the Commission's link Member" is
reported at "Philips": '"Councillor Philips" is written "Phillips" in the list of those
present and in the membership of the agenda of 11 June 2024'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from minlint.lint import regexstore as rx
from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.registry import rule

if TYPE_CHECKING:
    from minlint.lint.facts.identity import Name, Rolls, Sighting

_COUNCILLOR_TITLES = frozenset({"Councillor", "County Councillor", "Alderman"})
_OFFICE = rx.compile(
    r"\b(?:cabinet|leader|portfolio|mayor|deputy|chair(?:man|person)?\s+of|member\s+for|"
    r"spokesperson|lead\s+member|ward|mp\b|am\b|td\b)",
    re.I,
)
_ROLE_STOP = frozenset("of the and for in to a with".split())


def _class(s: Sighting) -> str:
    """member (a councillor, or a member of the body), officer, or other."""
    from minlint.lint.facts.identity import ATTENDANCE, MEMBER_KINDS, OFFICER

    if s.kind in MEMBER_KINDS:
        return "member"
    if s.name.title in _COUNCILLOR_TITLES:
        return "member"
    if s.kind in (OFFICER, ATTENDANCE):
        return "officer"
    return "other"


def _role_words(role: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", (role or "").lower()) if w not in _ROLE_STOP}


def _roles_agree(a: str | None, b: str | None) -> bool:
    wa, wb = _role_words(a), _role_words(b)
    if not wa or not wb:
        return True
    return len(wa & wb) >= max(1, min(len(wa), len(wb)) // 2)


def _apposition(s: Sighting) -> str | None:
    """The office written after a councillor's name: "Councillor Farrar, Cabinet Member for
    Housing, ..."."""
    if s.block is None:
        return None
    m = re.match(r"\s*,\s*([^,.;()]{3,90})[,.]", s.block.text[s.end :])
    return m.group(1) if m and _OFFICE.search(m.group(1)) else None


@dataclass(slots=True)
class Spelling:
    """The places one written form of a person's name is found."""

    key: tuple[str, ...]
    name: Name
    cls: str
    draft: list[Sighting] = field(default_factory=list)
    records: list[Sighting] = field(default_factory=list)

    @property
    def first(self) -> Sighting:
        return self.draft[0] if self.draft else self.records[0]


def _key(name: Name, kind: str) -> tuple[str, ...]:
    from minlint.lint.facts.identity import FIRST_NAME, HONORIFIC, INITIAL

    if kind == FIRST_NAME:
        return ("first", name.given[0] if name.given else "", name.surname)
    if kind == INITIAL:
        return ("initial", name.given[0][:1] if name.given else "", name.surname)
    if kind == HONORIFIC:
        return ("title", name.title or "", name.surname)
    return ("surname", name.surname)


def _describe(s: Sighting, path: str) -> str:
    """Where a spelling is found, in words: "the list of those present", "the membership in
    the agenda of 11 June 2024", "the text, for the Head of Inclusion"."""
    from minlint.lint.facts.identity import (
        APOLOGIES,
        ATTENDANCE,
        CHAIR,
        MEMBERSHIP,
        OFFICER,
        PRESENT,
        dated,
    )
    from minlint.lint.facts.participation import ABSENT

    where = {
        PRESENT: "the list of those present",
        CHAIR: "the list of those present",
        APOLOGIES: "the apologies",
        ABSENT: "the list of those absent",
        ATTENDANCE: "the list of those in attendance",
        MEMBERSHIP: "the membership",
        OFFICER: f"the text, for the {s.role}" if s.role else "the text",
    }.get(s.kind, "the text")
    if s.path and s.path != path:
        if s.kind == MEMBERSHIP:
            return f"the membership in {_agenda_name(s)}"
        return f"{where} of {dated(s.path, s.date)}"
    return where


def _agenda_name(s: Sighting) -> str:
    from minlint.lint.facts.dateformat import show_date

    return f"the agenda of {show_date(s.date)}" if s.date else "the agenda"


@rule(
    code="A002",
    name="name-variant",
    category="attendance",
    severity="warning",
    summary="A name nearly matches a member or officer but is written differently.",
    uses=("agenda", "previous", "membership"),
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from dataclasses import replace

    from minlint.lint.facts.identity import (
        MENTION,
        OFFICER,
        attendance_sightings,
        earlier_minutes,
        history_sightings,
        membership_for,
        membership_sightings,
        mention_sightings,
        merged_names,
        rolls_of,
        variant,
    )
    from minlint.lint.facts.participation import absences

    distance = int(ctx.config.threshold("name-variant-distance"))
    draft: list[Sighting] = []
    records: list[Sighting] = []
    primary = ctx.parsed.parts[0] if ctx.parsed.parts else None
    primary_lines: tuple[int, int] | None = None
    for agenda in ctx.parsed.agendas:
        listed = membership_sightings(agenda, ctx.path)
        draft += listed + merged_names(agenda, listed)
        if agenda is primary:
            primary_lines = (agenda.start_line, agenda.end_line)
    for part in ctx.parsed.minutes:
        if part is primary:
            primary_lines = (part.start_line, part.end_line)
        if "attendance" not in part.uncertain:
            listed = attendance_sightings(part, ctx.path)
            extra = [
                # An apology for lateness is from someone who comes: not a second person.
                replace(a.sighting, kind=MENTION, roll=None, meeting=None)
                if a.for_lateness
                else a.sighting
                for a in absences(part, ctx.path)
            ]
            seen = {(o.line, o.name) for o in listed}
            listed += [s for s in extra if (s.line, s.name) not in seen]
            draft += listed
        mentions = mention_sightings(part, ctx.path)
        draft += mentions
        draft += _first_name_mentions(part, ctx.path, [s for s in mentions if s.kind == OFFICER])
        membership = membership_for(part, ctx.parsed, ctx.path, ctx.records, ctx.config.membership)
        if membership is not None:
            records += [s for s in membership.members if s.path != ctx.path]
        # The meeting before, in whatever year: the nearest record of the body's people.
        for where, before in earlier_minutes(
            part, ctx.parsed, ctx.path, ctx.records, same_year=False
        )[:1]:
            if where != ctx.path:
                records += [s for s in attendance_sightings(before, where) if s not in records]
    lists = [s for s in draft if s.meeting is not None]
    history = list(history_sightings(ctx.records))
    everything = lists + records + history
    rolls = rolls_of(everything)

    spellings: dict[tuple[str, ...], Spelling] = {}

    def spelling_of(s: Sighting, key: tuple[str, ...]) -> Spelling:
        k = (*key, _class(s))
        if k not in spellings:
            spellings[k] = Spelling(k, s.name, _class(s))
        return spellings[k]

    # Unique written names first: minutes repeat the same names many times.
    uniq: dict[tuple[str, str | None, str], list[Sighting]] = {}
    for s in draft:
        uniq.setdefault((s.name.text, s.name.title, _class(s)), []).append(s)
    known: dict[tuple[str, str | None, str], list[Sighting]] = {}
    for s in draft + records:
        known.setdefault((s.name.text, s.name.title, _class(s)), []).append(s)

    pairs: dict[frozenset[tuple[str, ...]], tuple[str, Spelling, Spelling]] = {}
    near = _NearSurnames(distance)
    for kkey, ks in known.items():
        near.add(kkey, ks[0].name)
    for xkey, xs in uniq.items():
        x = xs[0]
        close: list[tuple[str, list[Sighting]]] = []
        around = near.around(x.name)
        if len(around) > _CROWDED:
            continue  # close to so many names that which one is meant cannot be told
        for kkey in around:
            ks = known[kkey]
            if kkey == xkey:
                continue
            k = ks[0]
            kind = variant(x.name, k.name, distance)
            if kind is None:
                continue
            close.append((kind, ks))
        if not close:
            continue
        # Candidates whose given names or initials agree in so many letters come first:
        # "Shaehan (J)" is Sheahan (J) rather than a Sheehan of no initial.
        agreeing = [c for c in close if _given_agree(x.name, c[1][0].name)]
        if agreeing:
            close = agreeing
        for kind, ks in close:
            k = ks[0]
            if not _evidence(kind, xs, ks, close, everything, rolls):
                continue
            xsp = spelling_of(x, _key(x.name, kind))
            ksp = spelling_of(k, _key(k.name, kind))
            for s in xs:
                if s not in xsp.draft:
                    xsp.draft.append(s)
            for s in ks:
                bucket = ksp.draft if s.path == ctx.path else ksp.records
                if s not in bucket:
                    bucket.append(s)
            pair = frozenset({xsp.key, ksp.key})
            if xsp.key != ksp.key and pair not in pairs:
                pairs[pair] = (kind, xsp, ksp)

    yield from _body_variants(ctx)
    reported: set[tuple[str, ...]] = set()
    scanned = ctx.document.scanned
    for kind, a, b in sorted(pairs.values(), key=lambda t: t[1].first.line):
        odd, usual = _odd_one(a, b, everything, primary_lines, ctx.path)
        if odd is None or odd.key in reported:
            continue
        if any(start <= odd.first.line <= end for start, end in scanned):
            continue  # a name read by OCR: a misreading, not the clerk's spelling
        reported.add(odd.key)
        yield _finding(ctx, kind, odd, usual)


# More written names than this within reach of one: far more than a body's members and
# officers, whatever a long record holds (a generated or damaged file).
_CROWDED = 200


class _NearSurnames:
    """Written names by their surnames, so that the names a name may be a variant of are
    found without trying every name: two surnames at most ``distance`` edits apart share
    a string left by deleting at most ``distance`` letters from each (a letter changed,
    added or dropped, or two letters swapped, is one deletion on each side). A surname
    longer than any real one (a damaged or generated file) would leave more such strings
    than there are names in a town; it is compared instead, letter by letter, with the
    few surnames near its length. The names come back in the order they were added."""

    # Longer surnames are compared rather than indexed: a surname of ``n`` letters
    # leaves about n³/6 strings three deletions deep.
    LONG = 24

    def __init__(self, distance: int) -> None:
        self.distance = max(1, min(distance, 3))
        self.index: dict[str, list[int]] = {}
        self.keys: list[tuple[str, str | None, str]] = []
        # Surnames a long one may be near, whatever their length: (surname, key number).
        self.longish: list[tuple[str, int]] = []

    def _deletions(self, word: str) -> set[str]:
        out = {word}
        if len(word) > self.LONG:
            return out
        # A surname of five letters or fewer is a variant one edit away at most.
        depth = 1 if len(word) <= 5 else self.distance
        frontier = {word}
        for _ in range(depth):
            frontier = {w[:k] + w[k + 1 :] for w in frontier for k in range(len(w))}
            out |= frontier
        return out

    def _longish(self, word: str) -> bool:
        return len(word) > self.LONG - self.distance

    def _share_deletions(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` leave one string when at most ``distance`` letters
        are deleted from each: their longest common subsequence is that long."""
        import Levenshtein

        depth = self.distance
        if abs(len(a) - len(b)) > depth:
            return False
        # Insertions and deletions only: len(a) + len(b) - 2 × the common subsequence.
        indel = Levenshtein.distance(a, b, weights=(1, 1, 2), score_cutoff=2 * depth)
        common = (len(a) + len(b) - indel) / 2
        return max(len(a), len(b)) - common <= depth

    def _surnames(self, name: Name) -> set[str]:
        return {s.casefold() for _, s in name.readings if s} or {name.surname.casefold()}

    def add(self, key: tuple[str, str | None, str], name: Name) -> None:
        k = len(self.keys)
        self.keys.append(key)
        for surname in self._surnames(name):
            for d in self._deletions(surname):
                self.index.setdefault(d, []).append(k)
            if self._longish(surname):
                self.longish.append((surname, k))

    def around(self, name: Name) -> list[tuple[str, str | None, str]]:
        surnames = self._surnames(name)
        found = {
            k
            for surname in surnames
            for d in self._deletions(surname)
            for k in self.index.get(d, ())
        }
        for surname in surnames:
            if self._longish(surname):
                found.update(
                    k
                    for other, k in self.longish
                    if (len(surname) > self.LONG or len(other) > self.LONG)
                    and self._share_deletions(surname, other)
                )
        return [self.keys[k] for k in sorted(found)]


def _evidence(
    kind: str,
    xs: list[Sighting],
    ks: list[Sighting],
    close: list[tuple[str, list[Sighting]]],
    everything: list[Sighting],
    rolls: Rolls,
) -> bool:
    """Whether the documents show one person behind two written names (see the module
    docstring)."""
    from minlint.lint.facts.identity import (
        FIRST_NAME,
        INITIAL,
        distinct_people,
        on_one_roll,
        same_person,
    )

    x, k = xs[0], ks[0]
    cx, ck = _class(x), _class(k)
    if {cx, ck} == {"member", "officer"}:
        return False
    if cx == "other" and ck == "other":
        return False
    if cx == "officer" or ck == "officer":
        roles_x = [s.role for s in xs if s.role]
        roles_k = [s.role for s in ks if s.role]
        if roles_x and roles_k and not any(_roles_agree(a, b) for a in roles_x for b in roles_k):
            return False
        if not (roles_x and roles_k) and not _same_minute(xs, ks) and cx == ck == "officer":
            return False
        if "other" in (cx, ck) and not _same_minute(xs, ks):
            return False
    if cx == "member" and ck == "member":
        # Offices written after a name in the text: a councillor with another office is
        # not taken for a member without it (Clarke, Cabinet Member, is not Clark).
        offices_x = {o for s in xs if s.meeting is None and (o := _apposition(s))}
        offices_k = {o for s in ks if s.meeting is None and (o := _apposition(s))}
        if (
            offices_x != offices_k
            and (offices_x or offices_k)
            and not any(_roles_agree(a, b) for a in offices_x for b in offices_k)
        ):
            return False
    if on_one_roll(x.name, k.name, rolls):
        return False
    # Close to one person only.
    others = [ks2[0] for kind2, ks2 in close if kind2 == kind or kind2 not in (INITIAL,)]
    if (
        len(distinct_people(others)) > 1
        and len({o.name.text for o in others}) > 1
        and not all(same_person(o.name, k.name) for o in others)
    ):
        return False
    if (
        kind == FIRST_NAME
        and not _same_minute(xs, ks)
        and not (cx == ck == "officer" and any(s.role for s in xs) and any(s.role for s in ks))
        and not (cx == ck == "member" and any(s.meeting is not None for s in ks))
    ):
        return False
    if kind == INITIAL:
        # Only a surname that one person has among everyone the records list.
        surname = x.name.surname
        bearers = distinct_people(
            s for s in everything if s.name.surname == surname and _class(s) == ck
        )
        if len(bearers) != 1 or cx != "member" or ck != "member":
            return False
    return True


def _given_agree(a: Name, b: Name) -> bool:
    """Whether both names give a first name or initial, and these agree."""
    if not a.given or not b.given:
        return False
    x, y = a.given[0], b.given[0]
    return x[0] == y[0] and (len(x) == 1 or len(y) == 1 or x == y)


def _same_minute(xs: Sequence[Sighting], ks: Sequence[Sighting]) -> bool:
    minutes_x = {s.minute for s in xs if s.minute is not None}
    minutes_k = {s.minute for s in ks if s.minute is not None}
    return bool(minutes_x & minutes_k)


def _support(sp: Spelling, everything: Sequence[Sighting]) -> int:
    """How many places use this spelling: in the draft, and in the records' lists."""
    from minlint.lint.facts.identity import same_person

    titled = sp.key[0] == "title"
    outside = {
        (s.path, s.meeting)
        for s in everything
        if s.path != sp.first.path
        and same_person(s.name, sp.name)
        and _class(s) == sp.cls
        and (not titled or s.name.title == sp.name.title)
    }
    return len(sp.draft) + len(outside)


def _odd_one(
    a: Spelling,
    b: Spelling,
    everything: Sequence[Sighting],
    primary: tuple[int, int] | None,
    path: str,
) -> tuple[Spelling | None, Spelling]:
    """Which of two spellings to report: one the draft uses, and the one used less."""
    if not a.draft:
        return (b, a) if b.draft else (None, a)
    if not b.draft:
        return a, b
    sa, sb = _support(a, everything), _support(b, everything)
    if sa != sb:
        return (a, b) if sa < sb else (b, a)
    # A name in running text is more often the slip than one in a list.
    la = any(s.meeting is not None for s in a.draft)
    lb = any(s.meeting is not None for s in b.draft)
    if la != lb:
        return (b, a) if la else (a, b)
    # Otherwise the document's own meeting (an agenda pack's agenda) before its attachments.
    if primary is not None:
        pa = any(primary[0] <= s.line <= primary[1] for s in a.draft)
        pb = any(primary[0] <= s.line <= primary[1] for s in b.draft)
        if pa != pb:
            return (a, b) if pa else (b, a)
    return (a, b) if a.first.line >= b.first.line else (b, a)


def _finding(ctx: RuleContext, kind: str, odd: Spelling, usual: Spelling) -> Finding:
    from minlint.lint.facts.identity import FIRST_NAME, HONORIFIC, INITIAL

    here = odd.first
    places = usual.draft[:2] + usual.records[:2]
    wheres: list[str] = []
    for s in places:
        d = _describe(s, ctx.path)
        if d not in wheres:
            wheres.append(d)
    # The other spelling as fully as it is written: a list's "Owen Williams".
    other = max(places, key=lambda s: (len(s.name.given), s.meeting is not None))
    written = {
        FIRST_NAME: f'"{other.name.text}"',
        INITIAL: f'"{other.written}"',
        HONORIFIC: f'"{other.written}"',
    }.get(kind, f'"{other.name.text}"')
    message = f'"{here.written}" is written {written} in {_join(wheres)}'
    count = len(odd.draft)
    if count > 1:
        message += f' ("{here.name.surname_text}" {count} times here)'
    related = [
        ctx.related(s.path or ctx.path, s.line, f"{s.written}: {_describe(s, ctx.path)}")
        for s in places
    ]
    severity = "info" if kind == HONORIFIC else None
    if here.block is not None and here.end > here.start:
        return ctx.finding(
            here.line,
            message,
            column=here.column,
            end_line=here.end_line,
            end_column=here.end_column,
            related=related,
            severity=severity,
        )
    return ctx.finding(here.line, message, related=related, severity=severity)


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return items[0] if items else "the minutes"
    return ", ".join(items[:-1]) + " and " + items[-1]


_CAP_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_TITLE_BEFORE = rx.compile(r"(?:Councillors?|Cllrs?\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s*$")


def _first_name_mentions(part, path: str, officers: Sequence[Sighting]) -> list[Sighting]:
    """Officers named again without their post: "... the work of Paul Williams", for an
    officer introduced as "Paula Williams, Head of Inclusion". Only names whose surname
    is an introduced officer's, with another first name, are taken."""
    from minlint.lint.facts.identity import MENTION, Sighting, minute_blocks, parse_name

    surnames = {s.name.surname_text: s for s in officers if s.name.full_given}
    if not surnames:
        return []
    out: list[Sighting] = []
    pattern = re.compile(
        r"(?<![\w.])(" + _CAP_WORD + r")\s+(" + "|".join(map(re.escape, surnames)) + r")\b"
    )
    taken = {(s.block and id(s.block), s.start) for s in officers}
    for minute, blocks in minute_blocks(part):
        for block in blocks:
            for m in pattern.finditer(block.text):
                known = surnames[m.group(2)]
                given = m.group(1)
                if (
                    given.lower() == (known.name.full_given or "")
                    or (id(block), m.start(2)) in taken
                ):
                    continue
                if _TITLE_BEFORE.search(block.text[: m.start()]):
                    continue
                name = parse_name(f"{given} {m.group(2)}")
                if name is None:
                    continue
                line, column = block.locate(m.start(2))
                end_line, last = block.locate(m.end(2) - 1)
                out.append(
                    Sighting(
                        name, MENTION, path, line, column, end_line, last + 1, None, None,
                        minute, part.date, block, m.start(2), m.end(2),
                    )
                )  # fmt: skip
    return out


# --- the body's own name ------------------------------------------------------------------

_BODY_NOUNS = ("committee", "commission", "board", "panel", "council", "forum", "cabinet")
_MINOR_WORDS = frozenset("and of the for on in".split())


def _body_variants(ctx: RuleContext) -> Iterator[Finding]:
    """The body's own name with another kind of body: "Communities Select Committee" in
    the minutes of the Communities Select Commission. Only names of two words or more
    before the kind are compared ("Planning Committee" and "Planning Board" can be two
    bodies of one council), and never a name that is a body of its own in the records."""
    from minlint.lint.records import body_key

    known = {body_key(p.body) for p in ctx.parsed.parts if getattr(p, "body", None)}
    known |= {body_key(r.body) for r in ctx.records.history if r.body}
    seen: set[str] = set()
    for part in ctx.parsed.minutes:
        body = " ".join((part.body or "").split())
        words = body.split()
        if len(words) < 3 or words[-1].lower() not in _BODY_NOUNS:
            continue
        qualifier = words[:-1]
        if len([w for w in qualifier if w.lower() not in _MINOR_WORDS]) < 2:
            continue
        others = [n for n in _BODY_NOUNS if n != words[-1].lower()]
        pattern = re.compile(
            r"\b" + r"\s+".join(map(re.escape, qualifier)) + r"\s+(" + "|".join(others) + r")\b",
            re.I,
        )
        head = next(
            (b for b in part.blocks if body.lower() in " ".join(b.text.split()).lower()), None
        )
        for block in part.blocks:
            for m in pattern.finditer(block.text):
                written = " ".join(m.group(0).split())
                if body_key(written) in known or written.lower() in seen:
                    continue
                seen.add(written.lower())
                # The body's name in the text's own case: "Licensing and Appeals Panel".
                kind = m.group(1)
                noun = words[-1].lower()
                noun = noun.capitalize() if kind[:1].isupper() else noun
                usual = f"{written[: len(written) - len(kind)]}{noun}"
                related = []
                if head is not None and head is not block:
                    related = [ctx.related(ctx.path, head.line, f"the body: {body}")]
                yield ctx.finding_at(
                    block,
                    m.start(1),
                    m.end(1),
                    f'"{written}" is written "{usual}" at the head of the minutes',
                    related=related,
                )
