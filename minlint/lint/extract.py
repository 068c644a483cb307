"""The meeting model of each part: who attended, the numbered minutes and their
resolutions, the agenda's membership and items, the next meeting."""

from __future__ import annotations

import datetime as dt
import re
from typing import TypeVar

from minlint.lint.blocks import HEADING, LIST_ITEM, TABLE_ROW, Block
from minlint.lint.facts.dates import find_dates, find_times
from minlint.lint.facts.people import parse_person, split_names
from minlint.lint.model import (
    AGENDA,
    MINUTES,
    AgendaItem,
    AgendaPart,
    Minute,
    MinutesPart,
    Movement,
    NextMeeting,
    Part,
    Person,
    Resolution,
)
from minlint.lint.readers.lines import is_caps

_P = TypeVar("_P", MinutesPart, AgendaPart)
_WS = re.compile(r"\s+")
_CAPS_MINUTE = re.compile(r"^(\d{1,4})\.?\s+(\S.*)$", re.S)
_COLON_MINUTE = re.compile(r"^(\d{1,4})\.\s+([^:\n]{3,90}?)\s*:-?\s*(.*)$", re.S)
_BARE_NUMBER = re.compile(r"^(\d{1,4})\.?$")
_AGENDA_ITEM = re.compile(r"^(\d{1,4})\.\s+(\S.*)$", re.S)
_PAGES = re.compile(r"\(\s*Pages?\s+(\d+)\s*(?:[-–]\s*(\d+))?\s*\)", re.I)
_TRAILING_PAGE = re.compile(r"\s+(\d{1,3})$")
_RESOLVED = re.compile(
    r"^(?:and\s+)?(?:it\s+was\s+)?(?:resolved|agreed|decided)\b\s*(?:that\b\s*:?-?)?\s*[:;.]*\s*-?\s*",
    re.I,
)
_RESOLVED_START = re.compile(
    r"\s*(?:and\s+|it\s+was\s+)?(?:resolved|agreed|decision|decided)", re.I
)
_RESOLVED_LABEL = re.compile(r"^(?:and\s+)?(resolved|agreed|decision|decided)\s*[:;-]", re.I)
_PART_MARK = re.compile(r"^(\((\d{1,2}|[a-z]|[ivx]{1,4})\)|(\d{1,2})\)|([a-z])\))\s*", re.I)
_PRESENT = re.compile(
    r"^(?:members\s+)?present(?:\s+in\s+the\s+chair)?\s*(?::-|:|;|-|–|\.)?\s*", re.I
)
_APOLOGIES = re.compile(r"^apologies(?:\s+for\s+absence)?\b\s*(?::-|:|-|–)?\s*", re.I)
_FROM = re.compile(r"\breceived\s+from\s+(.*)$|^(?:were\s+)?(?:from\s+)(.*)$", re.I | re.S)
_NO_APOLOGIES = re.compile(r"\bno\s+apologies\b|^none\b|^nil\b", re.I)
_IN_THE_CHAIR = re.compile(r"\(in\s+the\s+chair\)", re.I)
_IN_ATTENDANCE = re.compile(
    r"^(?P<who>.{3,200}?)\s+(?:was|were)\s+(?:also\s+)?in\s+attendance\b", re.I | re.S
)
_ATTENDANCE_LABEL = re.compile(
    r"^(?:also\s+)?(?:in\s+attendance|officials\s+in\s+attendance|officers\s+present"
    r"|also\s+present)\s*(?::-|:|-|–)\s*(.*)$",
    re.I | re.S,
)
_NEXT_TITLE = re.compile(r"\b(date|time)\b.*\bnext\s+meeting\b|\bnext\s+meeting\b", re.I)
_NEXT_SENTENCE = re.compile(r"next\s+meeting\b|further\s+meeting\s+be\s+held", re.I)
_PERSON_REF = (
    r"(?:Councillors?|Cllrs?\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+"
    r"(?P<name>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w'’\-]+)?)"
)
_MOVEMENTS = [
    (re.compile(_PERSON_REF + r"\s+(?:left|withdrew\s+from)\s+the\s+meeting"), "left"),
    (re.compile(_PERSON_REF + r"\s+(?:re-?joined|returned\s+to)\s+the\s+meeting"), "rejoined"),
    (re.compile(_PERSON_REF + r"\s+(?:arrived|joined\s+the\s+meeting)"), "arrived"),
    (re.compile(_PERSON_REF + r"\s+(?:took|assumed|was\s+in)\s+the\s+chair", re.I), "took_chair"),
]
_AND_REJOINED = re.compile(
    r"(?:(?!Councillor|Cllr|[;:]).){0,40}?\band\s+(re-?joined|returned\s+to)\b"
)
_BODY_NOISE = re.compile(r"^(minutes\s+of\s+(the\s+)?|agenda\s+(for\s+)?)", re.I)
_MEETING_OF = re.compile(
    r"\bmeeting\s+of\s+(?:the\s+)?(.{3,80}?)(?:\s+(?:in|at|held|on)\b|[,.]|$)", re.I
)
_ITEM_NOTE = re.compile(r"\s*\((?:agenda\s+)?item\s+\d+[a-z]?\)\s*$", re.I)
_SHORT_MINUTE = re.compile(r"^(\d{1,3})\.\s+([A-Z][^.:]{2,60})$")
_PRESENT_LABEL = re.compile(
    r"^(?:directors|members|councillors|trustees|governors)\s+present\s*:-?\s*(.*)$", re.I | re.S
)
_VENUE = re.compile(r"^venue\s*(?::-|:|-)\s*(.*)$", re.I | re.S)
_DATE_LABEL = re.compile(r"^date(?:\s+and\s+time)?\s*(?::-|:|-)\s*(.*)$", re.I | re.S)
_TIME_LABEL = re.compile(r"^time\s*(?::-|:|-)\s*(.*)$", re.I | re.S)
_MEMBERSHIP = re.compile(r"^(?:.*\bmembership)\s*(?::-|:|-|–)?\s*(.*)$", re.I | re.S)
_COUNT = re.compile(r"\((\d{1,3})\)\s*\.?\s*$")
_ROLE_LINE = re.compile(
    r"^(chair(?:man|person)?|vice[- ]chair(?:man)?)\s*[–:-]\s*(.+)$", re.I | re.S
)
_COOPTED = re.compile(r"^co-?opted\s+members?\s*(?::-|:|-|–)?\s*(.*)$", re.I | re.S)
_AGENDA_HEADING = re.compile(r"^a\s?g\s?e\s?n\s?d\s?a$", re.I)


def norm(text: str) -> str:
    """Collapse white space."""
    return _WS.sub(" ", text).strip()


def _first_date(blocks: list[Block], default_year: int | None = None) -> dt.date | None:
    for b in blocks:
        for f in find_dates(b.text, default_year):
            if f.date is not None and f.year is not None:
                return f.date
    return None


def _first_time(text: str) -> str | None:
    times = find_times(text)
    return times[0].value if times else None


def _body(blocks: list[Block]) -> str | None:
    """The body's name: the title in capitals, or "meeting of the X" in a sentence."""
    for b in blocks[:4]:
        text = norm(b.text)
        m = _MEETING_OF.search(text)
        if m and not m.group(1).lower().startswith("above"):
            return m.group(1).strip()
        if b.kind == HEADING and not _AGENDA_HEADING.match(text) and not _CAPS_MINUTE.match(text):
            if (find_dates(text) and len(text) > 60) or len(re.findall(r"[A-Za-z]{3,}", text)) < 2:
                continue
            return _BODY_NOISE.sub("", text).strip() or None
    return None


# --- minutes -----------------------------------------------------------------------


def _minute_heading(block: Block, last: int | None) -> tuple[int, str, str] | None:
    """(number, title, rest) when the block opens a numbered minute."""
    if block.kind == TABLE_ROW:
        return None
    text = norm(block.text)
    m = _CAPS_MINUTE.match(text)
    if m and is_caps(_ITEM_NOTE.sub("", m.group(2))) and not _PAGES.search(text):
        return int(m.group(1)), m.group(2).rstrip(" -–"), ""
    m = _COLON_MINUTE.match(text)
    if m and (last is None or int(m.group(1)) > last) and int(m.group(1)) < 10000:
        title = m.group(2)
        if title[:1].isupper() and len(title.split()) <= 12:
            return int(m.group(1)), title, m.group(3)
    m = _CAPS_MINUTE.match(text)
    if m and block.kind == HEADING and (last is None or int(m.group(1)) > last):
        return int(m.group(1)), m.group(2), ""
    m = _SHORT_MINUTE.match(text)
    if m and block.line == block.end_line:
        number = int(m.group(1))
        if (last is None and number == 1) or (last is not None and number == last + 1):
            return number, m.group(2), ""
    return None


def _resolutions(blocks: list[Block]) -> list[Resolution]:
    """Resolutions of one minute, split into their parts."""
    out: list[Resolution] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == TABLE_ROW or not _RESOLVED_START.match(b.text):
            i += 1
            continue
        text = norm(b.text)
        if not _RESOLVED_LABEL.match(text) and not text.lower().startswith(
            ("it was resolved", "and resolved", "resolved that")
        ):
            i += 1
            continue
        rest = _RESOLVED.sub("", text, count=1).strip()
        lead_in = (
            not rest or rest.lower() in ("that", "that:", "that:-") or rest.endswith((":", ":-"))
        )
        parts: list[Resolution] = []
        if rest and not lead_in:
            mark = _PART_MARK.match(rest)
            number = _mark_number(mark) if mark else None
            parts.append(
                Resolution(number, rest[mark.end() :] if mark else rest, b.line, b.end_line)
            )
        i += 1
        absorbing = bool(parts) and parts[-1].text.endswith((":", ":-"))
        level = -1  # list level of the current part's block; -1 for a paragraph
        while i < len(blocks):
            nb = blocks[i]
            ntext = norm(nb.text)
            mark = _PART_MARK.match(ntext)
            is_item = nb.kind == LIST_ITEM
            if nb.kind == TABLE_ROW or _RESOLVED_LABEL.match(ntext):
                break
            if mark and ((parts and parts[-1].number is not None) or (lead_in and not parts)):
                parts.append(
                    Resolution(_mark_number(mark), ntext[mark.end() :], nb.line, nb.end_line)
                )
                absorbing = ntext.endswith((":", ":-"))
                level = nb.level if is_item else -1
            elif is_item and parts and (nb.level > level >= 0 or (absorbing and level < 0)):
                last = parts[-1]
                parts[-1] = Resolution(last.number, last.text + " " + ntext, last.line, nb.end_line)
            elif is_item and lead_in and (not parts or parts[-1].number is None):
                parts.append(Resolution(None, ntext, nb.line, nb.end_line))
                absorbing = ntext.endswith((":", ":-"))
                level = nb.level
            else:
                break
            i += 1
        out.extend(parts)
    return out


def _mark_number(mark: re.Match[str]) -> str:
    return next(g for g in mark.groups()[1:] if g is not None)


def _present(text: str, line: int) -> tuple[Person | None, list[Person]]:
    body = _PRESENT.sub("", text, count=1)
    # Stop at the end of the list: "... and Mills. Members of the public: ..."
    end = re.search(r"(?<![A-Z])\.\s+(?=[A-Z][a-z])", body)
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


def _apologies(text: str, line: int) -> list[Person]:
    body = _APOLOGIES.sub("", text, count=1)
    if _NO_APOLOGIES.search(body):
        return []
    m = _FROM.search(body)
    if m:
        body = m.group(1) or m.group(2) or ""
    body = re.sub(r"\b(?:from\s+)?co-?opted\s+members?\b", "", body, flags=re.I)
    body = re.sub(r"\bfrom\b", ",", body)
    return split_names(body.rstrip(". "), line)


def _attendance(text: str, line: int) -> list[Person]:
    m = _ATTENDANCE_LABEL.match(text)
    if m:
        out: list[Person] = []
        for chunk in re.split(r"\)\s*,\s*", m.group(1)):
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


def _lines_of(block: Block) -> list[str]:
    """A block's text cut back into the source lines it was joined from."""
    cuts = [o for o, _, _ in block.origins]
    if len(cuts) < 2:
        return [block.text]
    return [block.text[x:y].strip() for x, y in zip(cuts, [*cuts[1:], None], strict=False)]


def _present_in_items(items: list[Minute]) -> list[Person]:
    """Attendance recorded in a minute of its own ("Roll Call" / "Directors Present:")."""
    for minute in items:
        for k, b in enumerate(minute.blocks):
            lines = _lines_of(b)
            m = _PRESENT_LABEL.match(norm(lines[0]))
            if not m:
                continue
            entries = [m.group(1), *lines[1:]]
            if not any(entries) and k + 1 < len(minute.blocks):
                b = minute.blocks[k + 1]
                entries = _lines_of(b)
            people: list[Person] = []
            for entry in entries:
                entry = re.sub(r"\s+(?:left|arrived|joined)\b.*$", "", entry)
                people += split_names(entry, b.line)
            return people
    return []


def _movements(items: list[Minute]) -> list[Movement]:
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


def _next_meeting(
    blocks: list[Block], meeting: dt.date | None, require_sentence: bool
) -> NextMeeting | None:
    year = meeting.year if meeting else None
    for b in blocks:
        text = b.text
        if require_sentence and not _NEXT_SENTENCE.search(text):
            continue
        for f in find_dates(text, year):
            if f.date is None:
                continue
            when = f.date
            if f.year_inferred and meeting and when < meeting:
                try:
                    when = when.replace(year=when.year + 1)
                except ValueError:
                    continue
            tail = text[f.end : f.end + 80]
            line = b.locate(f.start)[0]
            return NextMeeting(date=when, time=_first_time(tail), line=line, text=norm(text))
    return None


def _typed(cls: type[_P], part: Part) -> _P:
    """The part as an agenda or minutes part, with the same place and blocks."""
    return cls(
        kind=part.kind,
        start_line=part.start_line,
        end_line=part.end_line,
        title=part.title,
        blocks=part.blocks,
    )


def extract_minutes(part: Part) -> MinutesPart:
    out = _typed(MinutesPart, part)
    blocks = part.blocks
    first_minute = len(blocks)
    last: int | None = None
    heads: list[tuple[int, int, str, str]] = []
    for i, b in enumerate(blocks):
        if not b.text[:1].isdigit():
            continue  # every minute heading starts with its number
        text = norm(b.text)
        bare = _BARE_NUMBER.match(text)
        if bare and i + 1 < len(blocks) and blocks[i + 1].kind == HEADING:
            # A number on its own line and the title on the next ("1." / "Adoption of Minutes").
            heads.append((i, int(bare.group(1)), norm(blocks[i + 1].text), "skip-next"))
            last = int(bare.group(1))
            continue
        if heads and heads[-1][3] == "skip-next" and heads[-1][0] == i - 1:
            continue
        found = _minute_heading(b, last)
        if found:
            heads.append((i, found[0], found[1], found[2]))
            last = found[0]
    if heads:
        first_minute = heads[0][0]
    header = blocks[:first_minute]

    out.body = _body(header)
    date_blocks = header[:6]
    out.date = _first_date(date_blocks)
    for k, b in enumerate(date_blocks):
        if out.date and any(f.date == out.date for f in find_dates(b.text)):
            out.date_line = b.line
            # The time is given with the date, or on the line after it: "(19:15 TO 19:25)".
            out.time = _first_time(b.text)
            if out.time is None and k + 1 < len(date_blocks):
                after = date_blocks[k + 1].text
                if len(after) < 60 and not _PRESENT.match(after):
                    out.time = _first_time(after)
            break

    for n, b in enumerate(header):
        text = norm(b.text)
        if _PRESENT.match(text) and not out.present:
            body = _PRESENT.sub("", text, count=1)
            if not body and n + 1 < len(header):
                text = norm(header[n + 1].text)
            chair, people = _present(text, b.line)
            if "in the chair" in b.text.lower() and chair is None and people:
                chair = people[0]
            if re.match(r"^present\s+in\s+the\s+chair", norm(b.text), re.I):
                chair = people[0] if people else None
                # The members follow under "MEMBERS PRESENT:".
                for later in header[n + 1 : n + 6]:
                    lt = norm(later.text)
                    if _PRESENT.match(lt):
                        idx = header.index(later)
                        nxt = norm(header[idx + 1].text) if idx + 1 < len(header) else ""
                        members = split_names(_PRESENT.sub("", lt) or nxt, later.line)
                        people += members
                        break
            out.chair = chair
            out.present = people
        elif _APOLOGIES.match(text) and not out.apologies:
            out.apologies = _apologies(text, b.line)
        else:
            out.in_attendance += _attendance(text, b.line)

    items: list[Minute] = []
    for k, (i, number, title, rest) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(blocks)
        start = i + 2 if rest == "skip-next" else i + 1
        body = list(blocks[start:end])
        head_block = blocks[i]
        minute = Minute(
            number=number,
            title=norm(title),
            line=head_block.line,
            end_line=max([b.end_line for b in blocks[i:end]] or [head_block.end_line]),
            blocks=body,
        )
        if rest and rest != "skip-next":
            minute.blocks = [
                Block(
                    kind=head_block.kind,
                    text=rest,
                    line=head_block.line,
                    end_line=head_block.end_line,
                    origins=head_block.origins,
                ),
                *body,
            ]
        minute.resolutions = _resolutions(minute.blocks)
        items.append(minute)
        if not out.apologies and title.lower().startswith("apologies"):
            for b in minute.blocks:
                if rest and rest != "skip-next":
                    out.apologies = _apologies("Apologies: " + rest, head_block.line)
                elif "apolog" in b.text.lower():
                    out.apologies = _apologies(norm(b.text), b.line)
                if out.apologies:
                    break
    out.items = items
    out.movements = _movements(items)
    if not out.present:
        out.present = _present_in_items(items[:3])

    for minute in reversed(items):
        if _NEXT_TITLE.search(minute.title):
            out.next_meeting = _next_meeting(minute.blocks, out.date, require_sentence=False)
            break
    if out.next_meeting is None:
        tail = [b for m in items[-3:] for b in m.blocks] if items else blocks[-6:]
        out.next_meeting = _next_meeting(tail, out.date, require_sentence=True)
    return out


# --- agenda ------------------------------------------------------------------------


def _membership(blocks: list[Block], agenda: AgendaPart) -> None:
    members: list[Person] = []
    in_list = False
    for b in blocks:
        text = norm(b.text)
        m = _ROLE_LINE.match(text)
        if m:
            role = "chair" if m.group(1).lower().startswith("chair") else "vice-chair"
            for p in split_names(m.group(2), b.line):
                p.role = role
                members.append(p)
            in_list = True
            continue
        m = _COOPTED.match(text)
        if m:
            for p in split_names(m.group(1), b.line):
                p.role = "co-opted"
                members.append(p)
            in_list = False
            continue
        m = _MEMBERSHIP.match(text) if "membership" in text.lower()[:60] else None
        if m and not _AGENDA_ITEM.match(text):
            in_list = True
            text = m.group(1)
            if not text:
                continue
        elif not in_list:
            continue
        elif not re.match(r"^(Councillors?|Cllrs?|Other\s+Members|[A-Z][a-z]+\s[A-Z])", text):
            in_list = False
            continue
        if re.match(r"^(Councillors|Other\s+Members)\s*:?$", text, re.I):
            continue
        count = _COUNT.search(text)
        if count:
            agenda.stated_count = int(count.group(1))
            text = text[: count.start()]
        if "," not in text and len(b.origins) > 1:
            # One name a line ("Angela Caldara" / "Corinna Edge"): split at the line ends.
            cuts = [o for o, _, _ in b.origins[1:]] if b.text == text else []
            if cuts:
                text = ", ".join(
                    b.text[x:y].strip() for x, y in zip([0, *cuts], [*cuts, None], strict=False)
                )
        for p in split_names(text, b.line):
            if p.role not in ("chair", "vice-chair"):
                p.role = "member" if p.role is None or "chair" not in p.role.lower() else p.role
            members.append(p)
    agenda.membership = members


def extract_agenda(part: Part) -> AgendaPart:
    out = _typed(AgendaPart, part)
    blocks = part.blocks
    out.body = _body(blocks)
    for b in blocks[:30]:
        text = norm(b.text)
        m = _DATE_LABEL.match(text)
        if m and out.date is None:
            dates = [f for f in find_dates(m.group(1)) if f.date]
            if dates:
                out.date, out.date_line = dates[0].date, b.line
                out.time = out.time or _first_time(m.group(1)[dates[0].end :])
            continue
        m = _TIME_LABEL.match(text)
        if m and out.time is None:
            out.time = _first_time(m.group(1))
            continue
        m = _VENUE.match(text)
        if m and out.venue is None:
            out.venue = m.group(1).strip() or None
    if out.date is None:
        # No "Date:" label: the meeting's date is the one given with its weekday (a
        # summons letter is itself dated), else the first full date.
        found = [(f, b) for b in blocks[:12] for f in find_dates(b.text) if f.date and f.year]
        found.sort(key=lambda fb: fb[0].weekday is None)
        if found:
            f, b = found[0]
            out.date, out.date_line = f.date, b.line
            out.time = out.time or _first_time(b.text[f.end : f.end + 40])
    _membership(blocks[:40], out)

    items: list[AgendaItem] = []
    start = 0
    for i, b in enumerate(blocks):
        if len(b.text) < 20 and _AGENDA_HEADING.match(norm(b.text)):
            start = i + 1
            break
    for i, b in enumerate(blocks[start:], start):
        if b.kind == TABLE_ROW or not b.text[:1].isdigit():
            continue
        text = norm(b.text)
        m = _AGENDA_ITEM.match(text)
        if not m:
            continue
        number = int(m.group(1))
        if items and number != items[-1].number + 1:
            continue
        if not items and start == 0 and number not in (1,) and number < 100:
            continue
        title = m.group(2)
        pages = None
        pm = _PAGES.search(title)
        if pm:
            pages = pm.group(1) + (f"-{pm.group(2)}" if pm.group(2) else "")
            title = title[: pm.start()] + title[pm.end() :]
        else:
            tp = _TRAILING_PAGE.search(title)
            if tp and not find_dates(title):
                pages = tp.group(1)
                title = title[: tp.start()]
        items.append(
            AgendaItem(number=number, title=norm(title).rstrip(" -–"), line=b.line, pages=pages)
        )
        if _NEXT_TITLE.search(title):
            nxt = _next_meeting([b, *blocks[i + 1 : i + 3]], out.date, require_sentence=False)
            if nxt:
                out.next_meeting = nxt
    out.items = items
    return out


def extract_part(part: Part) -> Part:
    """The model of one part; parts other than agenda and minutes are kept as they are."""
    if part.kind == MINUTES:
        return extract_minutes(part)
    if part.kind == AGENDA:
        return extract_agenda(part)
    return part
