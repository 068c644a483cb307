"""Who attended: present, apologies, others in attendance, who left or re-joined."""

from __future__ import annotations

import re

from minlint.lint import regexstore as rx
from minlint.lint.blocks import LIST_ITEM, TABLE_ROW, Block
from minlint.lint.extract.common import norm, source_lines
from minlint.lint.facts.people import NOT_A_TITLE_STOP, parse_person, split_names
from minlint.lint.model import Minute, Movement, Person

PRESENT = rx.compile(
    r"^(?:(?:(?:members|councillors|cllrs|directors|trustees|those)\s+)?present"
    r"|(?:members|councillors|cllrs)\s+in\s+attendance|presennol|attendees|sederunt"
    r"|attendance(?=\s*(?::-|:)\s*\S)"
    r"|the\s+following\s+(?:members|councillors)\s+(?:were\s+)?present)"
    r"(?:\s+in\s+the\s+chair)?\s*(?::-|:|;|-|–|\.)?\s*",
    re.I,
)
_CHAIR_LABEL = rx.compile(r"^(?:present\s+)?in\s+the\s+chair\s*(?::-|:|-|–)?\s*", re.I)
APOLOGIES = rx.compile(r"^apologies(?:\s+for\s+absence)?\b\s*(?::-|:|-|–)?\s*", re.I)
_FROM = rx.compile(
    r"\b(?:received|accepted|noted)(?:\s+and\s+(?:accepted|noted|approved|received))?\s+from"
    r"\s+(.*)$|^(?:were\s+)?(?:from\s+)(.*)$",
    re.I | re.S,
)
# "An apology for her inability to attend the Meeting was received from Councillor X."
# "Apologies received from Cllrs. A and B." "Apologies for absence were received from ..."
APOLOGY_SENTENCE = rx.compile(
    r"\b(?:an\s+)?apolog(?:y|ies)\b[^.]{0,80}?\b(?:was|were)?\s*received"
    r"(?:\s+and\s+(?:accepted|noted|approved))?\s+from\s+"
    r"(?P<who>(?:[^.]|\.(?=\s*[A-Z]\.)|(?<=\b[A-Z])\.|(?<=\bMr|Ms|Dr)\.|(?<=Mrs)\.|(?<=Cllr)\."
    r"|(?<=Cllrs)\.|(?<=Cyng)\.)+)",
    re.I,
)
_NO_APOLOGIES = rx.compile(r"\bno\s+apologies\b|^none\b|^nil\b", re.I)
_IN_THE_CHAIR = rx.compile(r"\(in\s+the\s+chair\)", re.I)
_IN_ATTENDANCE = rx.compile(
    r"^(?P<who>.{3,200}?)\s+(?:was|were)\s+(?:also\s+)?in\s+attendance\b", re.I | re.S
)
_ATTENDANCE_LABEL = rx.compile(
    r"^(?:also\s+)?(?:in\s+attendance|officials\s+in\s+attendance|officers\s+present"
    r"|officers\s+in\s+attendance|also\s+present|staff(?:\s+present)?|officers)"
    r"\s*(?:(?::-|:|-|–)\s*(.*)|$)",
    re.I | re.S,
)
# An officer named under the post's own label: "Clerk: Mrs R. Shaw", "Town Clerk - A Bell".
_POST_LABEL = rx.compile(
    r"^(?P<post>(?:(?:parish|town|deputy|assistant|acting|locum)\s+)?clerk"
    r"(?:\s+to\s+the\s+(?:council|committee))?|rfo|responsible\s+financial\s+officer"
    r"|minute[- ]taker|proper\s+officer)\s*(?::-|:|\s-\s|\s–\s)\s*(?P<who>\S.*)$",
    re.I | re.S,
)
# "Co-opted member Mrs. P. Oldroyd (Tenants' Federation) was also present."
_ALSO_PRESENT = rx.compile(
    r"^(?:(?P<coopted>co-?opted\s+members?)\s+)?(?P<who>.{3,200}?)\s+(?:was|were)\s+"
    r"(?:also\s+)?present\b",
    re.I | re.S,
)
_PERSON_REF = (
    r"(?:Councillors?|Cllrs?\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+"
    r"(?P<name>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w'’\-]+)?)"
)
_MOVEMENTS = [
    (rx.compile(_PERSON_REF + r"\s+(?:left|withdrew\s+from)\s+the\s+meeting"), "left"),
    (
        rx.compile(_PERSON_REF + r"\s+(?:re-?joined|returned\s+to)\s+the\s+meeting"),
        "rejoined",
    ),
    (rx.compile(_PERSON_REF + r"\s+(?:arrived|joined\s+the\s+meeting)"), "arrived"),
    (
        rx.compile(_PERSON_REF + r"\s+(?:took|assumed|was\s+in)\s+the\s+chair", re.I),
        "took_chair",
    ),
]
_AND_REJOINED = rx.compile(
    r"(?:(?!Councillor|Cllr|[;:]).){0,40}?\band\s+(re-?joined|returned\s+to)\b"
)
_PRESENT_LABEL = rx.compile(
    r"^(?:directors|members|councillors|trustees|governors)\s+present\s*:-?\s*(.*)$", re.I | re.S
)


# A line that carries on onto the next: it ends on a comma or a joining word.
_RUNS_ON = rx.compile(r"(?:,|\b(?:and|of|the|for|to))$", re.I)


def is_attendance_label(text: str) -> bool:
    """Whether a line opens the attendance ("Present:", "In attendance", "Officers")."""
    labels = (PRESENT, _CHAIR_LABEL, _ATTENDANCE_LABEL, _PRESENT_LABEL, _POST_LABEL)
    return any(r.match(text) for r in labels)


def present_list(text: str, line: int) -> tuple[Person | None, list[Person]]:
    """The chair and the members from a "Present:-" paragraph."""
    body = PRESENT.sub("", text, count=1)
    # Stop at the end of the list: "... and Mills. Members of the public: ..."
    end = re.search(rf"(?<![A-Z]){NOT_A_TITLE_STOP}\.\s+(?=[A-Z][a-z])", body)
    if end:
        body = body[: end.start()]
    chair: Person | None = None
    people: list[Person] = []
    for person in split_names(body, line):
        if person.role == "chair" and chair is None:
            chair = person
        people.append(person)
    if chair is None:
        m = _IN_THE_CHAIR.search(text)
        if m:
            before = split_names(body[: m.start()], line)
            if before:
                chair = before[-1]
    return chair, people


def apologies_list(text: str, line: int) -> list[Person]:
    """Who sent apologies, from an "Apologies for absence" paragraph."""
    body = APOLOGIES.sub("", text, count=1)
    if _NO_APOLOGIES.search(body):
        return []
    m = _FROM.search(body)
    if m:
        body = m.group(1) or m.group(2) or ""
    body = re.sub(r"\b(?:from\s+)?co-?opted\s+members?\b", "", body, flags=re.I)
    body = re.sub(r"\bfrom\b", ",", body)
    return split_names(body.rstrip(". "), line)


def attendance_list(text: str, line: int) -> list[Person]:
    """Others in attendance, with their roles where given."""
    m = _ATTENDANCE_LABEL.match(text)
    if m:
        out: list[Person] = []
        for chunk in re.split(r"\)\s*[,;]\s*", m.group(1)):
            chunk = chunk.strip(" ,.")
            if "(" in chunk and not chunk.endswith(")"):
                chunk += ")"
            pm = re.match(r"^(?P<role>[^()]*?)\s*\((?P<who>[^()]+)\)$", chunk)
            if pm and pm.group("role") and re.match(r"^(Mr|Mrs|Ms|Dr|Miss)\b", pm.group("who")):
                person = parse_person(pm.group("who"))
                if person:
                    person.role = pm.group("role").strip(" ,")
                    person.line = line
                    out.append(person)
            else:
                out.extend(split_names(chunk, line))
        return out
    m = _IN_ATTENDANCE.match(text)
    if not m:
        return []
    who = m.group("who")
    # "Councillor Farrar, Cabinet Member for Housing, was in attendance at the invitation ..."
    head, _, role = who.partition(",")
    person = parse_person(head)
    if person is None:
        return split_names(who, line)
    person.role = role.strip(" ,") or person.role
    person.line = line
    return [person]


def present_in_items(items: list[Minute]) -> list[Person]:
    """Attendance recorded in a minute of its own ("Roll Call" / "Directors Present:")."""
    for minute in items:
        for k, b in enumerate(minute.blocks):
            lines = source_lines(b)
            first = norm(lines[0])
            m = _PRESENT_LABEL.match(first)
            if m:
                after = m.group(1)
            else:
                # "Present: Mayor Jensen, Councilmembers Ortiz ..." under "Roll call": a
                # label with its colon, not a sentence that opens with the word
                label = PRESENT.match(first)
                if not label or not re.search(r"(?::-|:|-|–)\s*$", label.group(0)):
                    continue
                after = first[label.end() :]
            entries = [after, *lines[1:]]
            if not any(entries) and k + 1 < len(minute.blocks):
                b = minute.blocks[k + 1]
                entries = source_lines(b)
            people: list[Person] = []
            for entry in entries:
                entry = re.sub(r"\s+(?:left|arrived|joined)\b.*$", "", entry)
                people += split_names(entry, b.line)
            return people
    return []


def movements(items: list[Minute]) -> list[Movement]:
    """Who left, re-joined, arrived or took the chair, and at which minute."""
    out: list[Movement] = []
    for minute in items:
        for b in minute.blocks:
            low = b.text.lower()
            if "meeting" not in low and "chair" not in low and "arriv" not in low:
                continue
            for pattern, action in _MOVEMENTS:
                for m in pattern.finditer(b.text):
                    line, _ = b.locate(m.start())
                    name = norm(m.group("name"))
                    out.append(Movement(name, action, line, minute.number))
                    back = _AND_REJOINED.match(b.text, m.end()) if action == "left" else None
                    if back:
                        # "... left the meeting at 6.40 p.m. and re-joined at 6.50 p.m."
                        line, _ = b.locate(back.start(1))
                        out.append(Movement(name, "rejoined", line, minute.number))
    out.sort(key=lambda mv: (mv.line, mv.action))
    return out


def _following(header: list[Block], n: int, taken: set[int]) -> tuple[str, int]:
    """The text and line of the block after a label that stands alone; a list of one
    name a line ("Councillor A. Rowe (Chair)" / "Councillor B. Sutton") reads as a list."""
    if n + 1 >= len(header):
        return "", header[n].line
    taken.add(n + 1)
    block = header[n + 1]
    if block.kind == LIST_ITEM:
        # "Present" / "- Cllr A Smith (Chair)" / "- Cllr B Jones": one name an item
        items = [block]
        for later in range(n + 2, len(header)):
            if header[later].kind != LIST_ITEM:
                break
            taken.add(later)
            items.append(header[later])
        return ", ".join(norm(b.text).rstrip(",;. ") for b in items), block.line
    lines = source_lines(block)
    if len(lines) > 1 and "," not in block.text:
        return ", ".join(lines), block.line
    return norm(block.text), block.line


def _one_a_line(block: Block, label: re.Pattern[str]) -> str:
    """A label on a line of its own with one name a line under it, in the same block
    ("Members Present:" / "Cllr Jane Marsh (Town Mayor, in the Chair)" / "Cllr Peter
    Okafor"): the names as a list; "" when the block is not so laid out."""
    lines = [norm(x) for x in source_lines(block)]
    if len(lines) < 3 or label.sub("", lines[0], count=1).strip(" :-–"):
        return ""
    names = lines[1:]
    if any(_RUNS_ON.search(x) for x in names) or any(x[:1].islower() for x in names):
        return ""  # a sentence wrapped over lines, not one name a line
    return ", ".join(x.rstrip(",;. ") for x in names)


def _labelled_row(block: Block) -> str | None:
    """A row of a table laid out as "Present:" | "Cllrs Ash (Chair), Birch", as Word
    templates of minutes set the attendance: the label and the names as one line."""
    if block.kind != TABLE_ROW or len(block.cells) < 2:
        return None
    label = norm(block.cells[0]).rstrip(" :-–")
    rest = " ".join(norm(c) for c in block.cells[1:] if c.strip())
    if not label or not rest or not (is_attendance_label(label + ":") or APOLOGIES.match(label)):
        return None
    return f"{label}: {rest}"


def header_attendance(
    header: list[Block],
) -> tuple[Person | None, list[Person], list[Person], list[Person]]:
    """(chair, present, apologies, in attendance) from the blocks before the first minute.

    Labels may stand alone with their list in the next block ("MEMBERS IN ATTENDANCE:" /
    "Councillors Benson, Butler ..."); "PRESENT IN THE CHAIR: Councillor X, Cathaoirleach"
    names the chair, who is present too.
    """
    chair: Person | None = None
    present: list[Person] = []
    apologies: list[Person] = []
    attending: list[Person] = []
    taken: set[int] = set()
    for n, b in enumerate(header):
        if n in taken:
            continue
        text = _labelled_row(b) or norm(b.text)
        chair_label = _CHAIR_LABEL.match(text) or re.match(
            r"^present\s+in\s+the\s+chair\s*(?::-|:|-|–)?\s*", text, re.I
        )
        if chair_label:
            body, line = text[chair_label.end() :], b.line
            if not body:
                body, line = _following(header, n, taken)
            people = split_names(body.rstrip(". "), line)
            if people:
                chair = people[0]
                chair.role = "chair"
                present = [chair, *[p for p in present if p.name != chair.name]]
            continue
        if PRESENT.match(text):
            body = _one_a_line(b, PRESENT) or PRESENT.sub("", text, count=1)
            line = b.line
            if not body:
                body, line = _following(header, n, taken)
            found_chair, people = present_list(body, line)
            if found_chair is not None and chair is None:
                chair = found_chair
            present += [p for p in people if all(p.name != q.name for q in present)]
            continue
        m = APOLOGY_SENTENCE.search(text)
        if (APOLOGIES.match(text) or m) and not apologies:
            if m and not APOLOGIES.match(text):
                apologies = split_names(m.group("who").rstrip(". "), b.line)
            else:
                body = APOLOGIES.sub("", text, count=1)
                if not body:
                    body, _ = _following(header, n, taken)
                    text = "Apologies: " + body
                apologies = apologies_list(text, b.line)
            continue
        also = _ALSO_PRESENT.match(text)
        if also and also.group("coopted"):
            # A co-opted member "also present" is a member present; anyone else "also
            # present" attends in another capacity (read below as in attendance). Only
            # titled names: "Members of the public were also present" names nobody.
            people = [p for p in split_names(also.group("who"), b.line) if p.title]
            present += [p for p in people if all(p.name != q.name for q in present)]
            if people:
                continue
        elif also and any(p.title for p in split_names(also.group("who"))):
            text = text[: also.end()].rsplit("present", 1)[0] + "in attendance" + text[also.end() :]
        post = _POST_LABEL.match(text)
        if post:
            for person in split_names(post.group("who").rstrip(". "), b.line):
                person.role = person.role or post.group("post")
                attending.append(person)
            continue
        label = _ATTENDANCE_LABEL.match(text)
        if label and not label.group(1):
            body, line = _following(header, n, taken)
            attending += attendance_list(f"In attendance: {body}", line)
            continue
        attending += attendance_list(text, b.line)
    if chair is None:
        chair = next((p for p in present if p.role == "chair"), None)
    return chair, present, apologies, attending


def apologies_in_items(items: list[Minute]) -> list[Person]:
    """Apologies recorded in one of the first minutes ("1. Welcome and apologies: ...
    Apologies received from Cllrs. A and B", "3623. To receive apologies for absence:
    Cllrs Evans & Shewell")."""
    for minute in items[:4]:
        titled = bool(re.search(r"\bapolog", minute.title, re.I))
        # "Apologies received from ..." anywhere in the minute's first paragraphs, before
        # reading its first paragraph as the list ("Cllr X took the Chair ..." is not one)
        for b in minute.blocks[:4]:
            m = APOLOGY_SENTENCE.search(norm(b.text))
            if m:
                return split_names(m.group("who").rstrip(". "), b.line)
        if titled and minute.blocks:
            b = minute.blocks[0]
            text = norm(b.text)
            return apologies_list(text if APOLOGIES.match(text) else "Apologies: " + text, b.line)
    return []
