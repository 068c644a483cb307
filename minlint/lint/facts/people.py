"""People as minutes name them: lists of councillors, officers with roles, honorifics."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minlint.lint import regexstore as rx
from minlint.lint.model import Person

# Longest first so "Councillors" is taken before "Councillor".
_TITLES = [
    "Cynghorydd Sir",
    "Cynghorwyr",
    "Cynghorydd",
    "Cyng.",
    "Cyng",
    "Clirs",
    "Clir",
    "County Councillors",
    "County Councillor",
    "County Cllrs",
    "County Cllr",
    "Councillors",
    "Councillor",
    "Cllrs.",
    "Cllrs",
    "Cllr.",
    "Cllr",
    "Aldermen",
    "Alderman",
    "Councilmembers",
    "Councilmember",
    "Council Members",
    "Council Member",
    "Professor",
    "Prof.",
    "Mrs.",
    "Mrs",
    "Miss",
    "Mr.",
    "Mr",
    "Ms.",
    "Ms",
    "Dr.",
    "Dr",
    "Rev.",
    "Rev",
    "Sir",
    "Dame",
]
_TITLE_RE = rx.compile(
    r"^(?:" + "|".join(re.escape(t) for t in _TITLES) + r")(?=\s|$)\s*", re.IGNORECASE
)
_CANONICAL = {
    "cynghorydd sir": "County Councillor",
    "cynghorwyr": "Councillor",
    "cynghorydd": "Councillor",
    "cyng.": "Councillor",
    "cyng": "Councillor",
    "clirs": "Councillor",
    "clir": "Councillor",
    "councillors": "Councillor",
    "councillor": "Councillor",
    "councilmembers": "Councillor",
    "councilmember": "Councillor",
    "council members": "Councillor",
    "council member": "Councillor",
    "county councillors": "County Councillor",
    "county councillor": "County Councillor",
    "county cllrs": "County Councillor",
    "county cllr": "County Councillor",
    "cllrs.": "Councillor",
    "cllrs": "Councillor",
    "cllr.": "Councillor",
    "cllr": "Councillor",
    "aldermen": "Alderman",
}
# The last word of a post, never of a name: "Deputy Town Clerk", "Head of Service".
_POST = rx.compile(
    r"\b(?:clerk|officer|manager|director|secretary|treasurer|engineer|planner|administrator|"
    r"executive|adviser|advisor|solicitor|accountant|consultant|inspector|co-?ordinator|"
    r"lead|(?:head|director|manager)\s+(?:of|for)\s+[\w\s&'’-]+|assistant|deputy)$"
)
_INITIAL_NOTE = rx.compile(r"^\s*[A-Z]{1,2}\.?\s*$")
_PAREN = rx.compile(r"(?:(?<!\s)\s+)?\(([^()]*)\)")  # spaces from their run's start
# Names in a list are parted by commas, semicolons and "and"; and, where a list ran on
# from line to line, by a full stop after a word (not an initial or a title) or a closing
# bracket before the next name: "... Martin Whelton. Caroline Holland (Director of
# Corporate Services), ... Colin Millar (Democratic Services) Suresh Patel".
# Space before a separator is taken only from the start of its run: "\s*" tried at every
# place of a long run of spaces took time of the square of its length.
# Not the full stop of a title's abbreviation ("Cllr. Ash").
NOT_A_TITLE_STOP = (
    r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bCllr)(?<!\bCllrs)(?<!\bCyng)(?<!\bCoun)"
)
_SPLIT = rx.compile(
    r"(?:(?<!\s)\s+)?(?:[,;]|\band\b|&|\ba[’']r\b)\s*"
    rf"|(?<=[a-z)]){NOT_A_TITLE_STOP}\.\s+(?=[A-Z][a-z])"
    r"|(?<=\))\s+(?=[A-Z][a-z])"
)
# A name: capitalised words, initials ("Z.", "J"), hyphens and apostrophes.
# Capitals and letters with their accents: "Novak Uí Chonchúir", "Ó Dálaigh".
_UP = "A-ZÀ-ÖØ-Þ"
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
_NAME = rx.compile(
    rf"^(?:[{_UP}][{_LETTER}'’‟\-]*\.?|[A-Z]\.|O[‟'’][A-Z][a-z]+|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+)"
    rf"(?:\s+(?:[{_UP}][{_LETTER}'’‟\-]*\.?|[A-Z]\.|van|de|der|von|Uí|Ní|Mac|Nic))*$"
)
_ROLE_WORDS = {
    "chair": "chair",
    "in the chair": "chair",
    "mayor": "chair",
    "lord mayor": "chair",
    "cathaoirleach": "chair",
    "leas-chathaoirleach": "vice-chair",
    "leas chathaoirleach": "vice-chair",
    "leas cathaoirleach": "vice-chair",
    "leas-cathaoirleach": "vice-chair",
    "deputy mayor": "vice-chair",
    "town mayor": "chair",
    "deputy town mayor": "vice-chair",
    "cadeirydd": "chair",
    "is-gadeirydd": "vice-chair",
    "chairman": "chair",
    "chairperson": "chair",
    "chairwoman": "chair",
    "vice-chair": "vice-chair",
    "vice chair": "vice-chair",
    "vice-chairman": "vice-chair",
    "vice chairman": "vice-chair",
    "vice-chairperson": "vice-chair",
    "vice chairperson": "vice-chair",
    "vice-chairwoman": "vice-chair",
    "deputy chair": "vice-chair",
    "deputy chairman": "vice-chair",
    "convener": "chair",
    "convenor": "chair",
    "vice-convener": "vice-chair",
    "vice convener": "vice-chair",
    "vice-convenor": "vice-chair",
    "vice convenor": "vice-chair",
    "depute convener": "vice-chair",
    "depute convenor": "vice-chair",
    "provost": "chair",
    "lord provost": "chair",
    "depute provost": "vice-chair",
    "deputy provost": "vice-chair",
}
_LEADING_ROLE = rx.compile(
    r"^(Chairman|Chairperson|Chairwoman|Chair|Vice[- ]Chair(?:man|person)?|Conven[eo]r"
    r"|Vice[- ]Conven[eo]r|Deputy\s+Mayor|Mayor)(?:\s*[–:-]\s*|\s+)(?=[A-Z])",
    re.I,
)
_NOT_NAMES = frozenset(
    [
        "the",
        "clerk",
        "clerk",
        "none",
        "no",
        "all",
        "members",
        "member",
        "officers",
        "chair",
        "vice-chair",
        "co-opted",
        # the words that open the sentence after a list: "(holiday). Apologies accepted."
        "apologies",
        "apology",
        "absent",
        "present",
        "also",
    ]
)


def role_of(note: str) -> str | None:
    """'in the Chair' -> 'chair', 'Vice Chair' -> 'vice-chair'; other notes kept as written."""
    key = " ".join(note.lower().replace("–", "-").split())
    if key in _ROLE_WORDS:
        return _ROLE_WORDS[key]
    # "Town Mayor, in the Chair", "Deputy Mayor, in the Chair": who took the chair
    pieces = [p.strip(" .") for p in key.split(",")]
    if len(pieces) > 1 and "in the chair" in pieces:
        return "chair"
    return note.strip() or None


def strip_title(text: str) -> tuple[str | None, str]:
    """Split off a leading honorific: 'Cllr Z. Collingham' -> ('Councillor', 'Z. Collingham')."""
    title: str | None = None
    while True:
        m = _TITLE_RE.match(text)
        if not m:
            return title, text
        word = m.group(0).strip()
        canon = _CANONICAL.get(word.lower(), word.rstrip(".").capitalize())
        # "Cllr Mrs Shewell": keep the office, the courtesy title adds nothing.
        title = title or canon
        text = text[m.end() :]


def parse_person(piece: str, default_title: str | None = None) -> Person | None:
    """One entry of a name list: 'Cusworth (Chair)', 'Mrs. A. Clough (ROPF)'."""
    role = None
    notes = _PAREN.findall(piece)
    piece = _PAREN.sub("", piece).strip(" .:-–")
    initial = ""
    for note in notes:
        if _INITIAL_NOTE.match(note):
            initial = f" ({note.strip()})"  # "Collins (B)": which of two Collinses
            continue
        r = role_of(note)
        if r in ("chair", "vice-chair") or role is None:
            role = r
    lead = _LEADING_ROLE.match(piece)
    if lead:
        role = role_of(lead.group(1))
        piece = piece[lead.end() :]
    title, name = strip_title(piece)
    name = name.strip(" .:-–")
    if not name or name.lower() in _NOT_NAMES:
        return None
    if not _NAME.match(name):
        # "Mrs. Clough for agenda items relating to ...": the name, then ordinary words.
        words = name.split()
        cut = next((k for k, w in enumerate(words) if w[:1].islower()), 0)
        name = " ".join(words[:cut])
        if not name or not _NAME.match(name) or name.lower() in _NOT_NAMES:
            return None
    if len(name.split()) > 4:
        return None
    if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name):
        name = name.rstrip(".")
    return Person(name=name + initial, title=title or default_title, role=role)


_BRACKETED_PERSON = rx.compile(r"\s*(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\b")


# A name and its post after a dash: "Cllr Ash – Chair", "Mrs Bell - Clerk".
_DASHED_ROLE = rx.compile(r"^(?P<who>[^-–—]*?[A-Za-z.])\s+[-–—]\s+(?P<role>[A-Za-z][^-–—]*)$")


def split_names(text: str, line: int | None = None) -> list[Person]:
    """Names in a list: 'Councillors Atkin, Bacon, Z. Collingham and Mills' -> four people.

    The honorific of a list ("Councillors") applies to every name that has none.
    Entries that are not names (phrases, "the Clerk") are left out.
    """
    out: list[Person] = []
    default: str | None = None
    depth = 0
    counted = 0  # depth is of text[:counted]: counted on, not again from the start
    pieces: list[str] = []
    start = 0
    # Split on separators outside parentheses only: "(ROPF: Older People's Forum)".
    for m in _SPLIT.finditer(text):
        depth += text.count("(", counted, m.start()) - text.count(")", counted, m.start())
        counted = m.start()
        if depth > 0:
            continue
        if text[m.start() - 1 : m.start()] == ")" and _BRACKETED_PERSON.match(
            text, text.rfind("(", 0, m.start()) + 1
        ):
            continue  # "Administrative Officer, (Ms. T. Knox) Clerical Officer": post first
        pieces.append(text[start : m.start()])
        start = m.end()
    pieces.append(text[start:])
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        dashed = _DASHED_ROLE.match(piece)
        if dashed:
            said = " ".join(dashed["role"].lower().strip(" .:").split())
            if said in _ROLE_WORDS or _POST.search(said):
                piece = f"{dashed['who']} ({dashed['role']})"  # "Cllr Ash – Chair"
        key = " ".join(piece.lower().strip(" .:").replace("–", "-").split())
        post = _POST.search(key) and not key.startswith("the ")
        office = _ROLE_WORDS.get(key.removeprefix("the ")) or (piece.strip(" .:") if post else None)
        if office is not None:
            if out and out[-1].role is None:
                # "Councillor M. Collins, Mayor", "Ms E. Vickers, Deputy Town Clerk": a post.
                out[-1].role = office
            continue
        title, _ = strip_title(piece)
        if title:
            default = title
        person = parse_person(piece, default)
        if person is not None:
            person.line = line
            out.append(person)
    return out


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named in running text, with the offsets of the name in that text."""

    start: int
    end: int
    name: str
    title: str | None
    role: str | None


_NAME_TOKEN = r"(?:Mc[A-Z][a-z]+|O['’‟][A-Z][a-z]+|[A-Z]\.|[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)"
_TITLED = rx.compile(
    r"\b(?P<title>County\s+Councillors?|Councillors?|County\s+Cllrs?|Cllrs?\.?|Mrs\.?|Mr\.?"
    r"|Ms\.?|Miss|Dr\.?)\s+(?P<name>" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){0,2})"
)
_LIST_MORE = rx.compile(
    r"\s*(?:,|\band\b|&)\s*(?P<name>" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r")?)"
)
_OFFICER = rx.compile(
    r"(?<![\w.])(?P<name>[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?\s+(?:[A-Z]\.\s+)?"
    r"(?:Mc|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?),\s+(?P<role>[A-Z](?:[^,;()&]|\([^()]*\)){2,90}?)(?=,|;|\s+(?:presented|"
    r"reported|gave|introduced|attended|was|were|and\s+[A-Z][a-z]+\s+[A-Z])|\.\s|\.$|$)"
)
_ROLE_WORDS_RE = rx.compile(
    r"\b(Director|Officer|Manager|Head|Adviser|Advisor|Chair|Leader|Member|Clerk|Chief|"
    r"Executive|Lead|Co-?ordinator|Governance|Assistant|Consultant|Principal|Worker|Deputy|"
    r"Cabinet|Secretary|Treasurer|Engineer|Administrator|Inspector|Facilitator|Commissioner)\b"
)
_PLURAL_TITLES = ("councillors", "county councillors", "cllrs", "cllrs.", "county cllrs")
_NOT_FIRST_NAMES = frozenset(
    "The This That These Those Chair Vice Improving Select Early Help Social Care Children "
    "Young People Council Borough County District Deputy Head Senior Assistant".split()
)


def _canonical_title(word: str) -> str:
    key = " ".join(word.lower().split())
    return _CANONICAL.get(key, word.rstrip(".").capitalize())


def find_people(text: str) -> list[PersonMention]:
    """People named in running text: titled names ("Councillor Jarvis", "Councillors Clark,
    Cusworth and Brookes", "Mrs. J. Jones") and officers given with their post ("Susan
    Claydon, Early Help Head of Service, presented ...")."""
    out: list[PersonMention] = []
    taken: list[tuple[int, int]] = []
    for m in _TITLED.finditer(text):
        title = _canonical_title(m.group("title"))
        out.append(PersonMention(m.start("name"), m.end("name"), m.group("name"), title, None))
        taken.append((m.start(), m.end()))
        if m.group("title").lower().rstrip() in _PLURAL_TITLES:
            pos = m.end()
            while more := _LIST_MORE.match(text, pos):
                name = more.group("name")
                out.append(PersonMention(more.start("name"), more.end("name"), name, title, None))
                pos = more.end()
            taken.append((m.start(), pos))
    pos = 0
    while m := _OFFICER.search(text, pos):
        role = m.group("role").strip()
        first = m.group("name").split()[0]
        if (
            first in _NOT_FIRST_NAMES
            or not _ROLE_WORDS_RE.search(role)
            or any(a <= m.start("name") < b for a, b in taken)
        ):
            # Not a name: look again from the next word ("Engagement, Nathan Heath, ...").
            pos = m.start("name") + len(first)
            continue
        out.append(PersonMention(m.start("name"), m.end("name"), m.group("name"), None, role))
        pos = m.end("role")
    out.sort(key=lambda p: p.start)
    return out


def _parts(name: str) -> tuple[list[str], str]:
    words = [w.strip(".") for w in name.replace("(", " (").split() if not w.startswith("(")]
    return words[:-1], words[-1].lower() if words else ""


def same_person(a: str, b: str) -> bool:
    """Whether two written names can be one person: the same surname, and first names or
    initials that agree where both are given ("K. Davies" and "Kim Davies", "Davies" and
    "Kim Davies"; not "Arwel Davies" and "Kim Davies")."""
    if a == b:
        return True
    fa, sa = _parts(a)
    fb, sb = _parts(b)
    if not sa or sa != sb:
        return False
    for x, y in zip(fa, fb, strict=False):
        if x[:1].lower() != y[:1].lower():
            return False
        if len(x) > 1 and len(y) > 1 and x.lower() != y.lower():
            return False
    return True
