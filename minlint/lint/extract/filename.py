"""The meeting's date from the file's name, as a last resort.

Some minutes never state their date ("Present: ..." is their first line) and some
scanned agendas lose it to OCR; the file is then often named by the date
(``20230109_agenda.txt``, ``2021-03-19_minutes.md``). The name is used only when the text
gives no date, only for the file's first agenda or minutes part, and never against the
text: a name whose date falls long before the next meeting the minutes give (a file
filed under the wrong year) is not used, and the part says why.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath

from minlint.lint import regexstore as rx
from minlint.lint.model import MeetingPart, MinutesPart, ParsedDocument

_YMD = rx.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_DMY = rx.compile(r"(?<!\d)(0?[1-9]|[12]\d|3[01])[-_.](0?[1-9]|1[0-2])[-_.]((?:19|20)\d\d)(?!\d)")
# A next meeting further than this from the date in the name is not that meeting's next.
_NEXT_WITHIN = dt.timedelta(days=150)


def name_date(path: str) -> dt.date | None:
    """The date a file's name gives, if any."""
    stem = PurePath(path).name
    for pattern, order in ((_YMD, (0, 1, 2)), (_DMY, (2, 1, 0))):
        m = pattern.search(stem)
        if m:
            y, mo, d = (int(m.group(k + 1)) for k in order)
            try:
                return dt.date(y, mo, d)
            except ValueError:
                return None
    return None


def date_from_name(parsed: ParsedDocument) -> None:
    """Give the file's first agenda or minutes part the date in the file's name, when the
    text gives none (see the module docstring)."""
    part = next((p for p in parsed.parts if isinstance(p, MeetingPart)), None)
    if part is None or part.date is not None:
        return
    when = name_date(parsed.document.path)
    if when is None:
        return
    nxt = part.next_meeting.date if part.next_meeting else None
    if nxt is not None and not (when < nxt <= when + _NEXT_WITHIN):
        part.notes.append(
            f"the file's name gives {when.isoformat()}, but the next meeting is given as "
            f"{nxt.isoformat()}: the date is left unknown"
        )
        return
    part.date = when
    part.date_source = "file name"
    part.uncertain.append("date")
    if isinstance(part, MinutesPart) and (part.next_meeting is None or nxt is None):
        from minlint.lint.extract.minutes import minutes_next_meeting

        part.next_meeting = minutes_next_meeting(part)  # a date without its year can be read now
