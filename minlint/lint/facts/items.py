"""What kind of business an agenda item or a minute is, read from its title.

Agendas and minutes of every council repeat the same standing business: apologies,
declarations of interest, the minutes of the last meeting, questions, urgent business,
the date of the next meeting. Its titles vary ("Apologies for Absence", "To receive
apologies for absence", "Welcome and Apologies", "Ymddiheuriadau") but the words that
name it do not. ``item_kind(title)`` names the kind of a title, or None for the
business of the meeting (reports, updates, plans, motions ...).

The kinds sort into:

- ``PROCEDURAL``: business that records no decision of its own (apologies are noted,
  questions are answered, the date of the next meeting is stated);
- ``STANDING``: business on every agenda that minutes may leave out when nothing arose
  (urgent business, any other business, exclusion of the press and public), or record
  without its agenda having listed it (condolences, announcements).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence

from minlint.lint import regexstore as rx

__all__ = [
    "HEARD",
    "PROCEDURAL",
    "STANDING",
    "SUBSTANTIVE",
    "configured_procedural",
    "item_kind",
    "nothing_to_report",
]

APOLOGIES = "apologies"
DECLARATIONS = "declarations"
MINUTES = "minutes"
EXCLUSION = "exclusion"
QUESTIONS = "questions"
PUBLIC = "public"
COMMUNICATIONS = "communications"
URGENT = "urgent"
OTHER_BUSINESS = "other business"
NEXT_MEETING = "next meeting"
CORRESPONDENCE = "correspondence"
MATTERS_ARISING = "matters arising"
OPENING = "opening"
CLOSING = "closing"
CONDOLENCES = "condolences"
WORK_PROGRAMME = "work programme"
MONITORING = "monitoring"
DISCUSSION = "discussion"
PRESENTATION = "presentation"

# The order matters: the first kind whose pattern matches names the title.
_KINDS: tuple[tuple[str, str], ...] = (
    (
        EXCLUSION,
        r"\bexclu\w*\b.{0,40}\b(?:press|public)\b|\b(?:press|public)\b.{0,40}\bexclu\w*",
    ),
    (NEXT_MEETING, r"\b(?:date|time|dates)\b.{0,30}\bnext\s+meetings?\b|^next\s+meeting\b"),
    (
        APOLOGIES,
        r"\bapolog|\bymddiheuriadau\b|\bleithscéal|^absences?\b|\bsubstitut(?:e|ions?)\b",
    ),
    (
        DECLARATIONS,
        r"\b(?:declarations?|disclosures?|declare)\b.{0,40}\binterests?\b|\bdatganiadau\b"
        r"|^interests?$|\bconflicts?\s+of\s+interest",
    ),
    (
        MATTERS_ARISING,
        r"\bmatters?\s+arising\b|\bmaterion\s+yn\s+codi\b|\bactions?\s+(?:items?|log|list|"
        r"arising|tracker|points)\b|\boutstanding\s+actions?\b",
    ),
    (
        DISCUSSION,
        r"^(?:items?\s+for\s+)?discussion(?:\s+items?)?$|^for\s+(?:discussion|information)\b",
    ),
    (
        MINUTES,
        r"^(?:(?:to\s+)?(?:receive|approve|confirm|adopt|agree|sign|note)\w*\s+)?(?:(?:and|&)\s+"
        r"\w+\s+)?(?:of\s+)?(?:the\s+)?(?:draft\s+)?(?:minutes|miontuairisc\w*|cofnodion)\b"
        r"|\bminutes\s+(?:of|from)\s+(?:the\s+)?(?:previous|last)\b|\bprevious\s+minutes\b"
        r"|^adoption\s+of\s+(?:the\s+)?minutes\b|^(?:approval|confirmation)\s+of\s+"
        r"(?:the\s+)?minutes\b",
    ),
    (URGENT, r"\burgent\b|\burgency\b"),
    (
        OTHER_BUSINESS,
        r"\bany\s+other\s+busines|\ba\.?o\.?b\b|\bunrhyw\s+fater\s+arall\b"
        r"|^(?:new|unfinished|old)\s+business$",
    ),
    (
        QUESTIONS,
        r"\bquestions?\b|\bpublic\s+(?:question|participation|speaking)|\bpetitions?\b",
    ),
    (PUBLIC, r"\bpublic\s+(?:forum|session|participation|time|speaking)\b|\bopen\s+forum\b"),
    (
        COMMUNICATIONS,
        r"\bcommunications?\b|\bannouncements?\b|\bchair(?:man|person|woman)?'?s?’?s?\s+"
        r"(?:remarks|report|business|update|announcements?)\b|^welcome\b|\bcroeso\b"
        # reports for information: the clerk's, the mayor's, the police's, councillors'
        r"|(?:^|\b(?:the|to\s+receive)\s+)(?:(?:town|parish|deputy)\s+)?(?:clerk|mayor|police"
        r"|(?:county|district|ward|borough)\s+(?:councillor|member)s?|councillors|members)"
        r"['’]?s?['’]?\s+(?:reports?|updates?)\b"
        r"|\breports?\s+(?:from|of|by)\s+(?:the\s+)?(?:clerk|mayor|police|(?:county|district"
        r"|ward|borough)\s+(?:councillor|member)s?|councillors|members|representatives)\b",
    ),
    (CORRESPONDENCE, r"\bcorrespondence\b|\bgohebiaeth\b"),
    (
        OPENING,
        r"^call\s+to\s+order\b|^roll\s+call\b|^opening\b|^attendance\b|^present\b"
        r"|^chair(?:man|person)?\s*$",
    ),
    (CLOSING, r"^adjournment\b|^close\b|^closure\s+of\s+(?:the\s+)?meeting\b"),
    (CONDOLENCES, r"\bcondolences?\b|\bvotes?\s+of\s+sympathy\b|\bexpressions?\s+of\s+sympathy"),
    (WORK_PROGRAMME, r"\bwork\s*programme\b|\bforward\s+plan\b|\bwork\s+plan\b"),
    (
        PRESENTATION,
        r"^(?:(?:to\s+)?receive\s+(?:a\s+)?)?(?:presentations?|deputations?|delegations?)\b",
    ),
    (MONITORING, r"\bmonitoring\s+(?:schedule|report)\b|\brecommendations?\s+(?:tracker|log)"),
)
_COMPILED: list[tuple[str, re.Pattern[str]]] = []

PROCEDURAL = frozenset(
    {
        APOLOGIES,
        DECLARATIONS,
        EXCLUSION,
        QUESTIONS,
        PUBLIC,
        COMMUNICATIONS,
        URGENT,
        OTHER_BUSINESS,
        NEXT_MEETING,
        CORRESPONDENCE,
        MATTERS_ARISING,
        OPENING,
        CLOSING,
        CONDOLENCES,
        DISCUSSION,
    }
)
STANDING = PROCEDURAL | {MINUTES}
# Business heard rather than decided: a presentation, a deputation.
HEARD = frozenset({PRESENTATION})

# Words of a title that say it is business to decide on: "a report, an update, a review,
# a plan, the work programme".
SUBSTANTIVE = rx.compile(
    r"\b(?:reports?|updates?|reviews?|plans?|planning|strateg(?:y|ies)|programmes?|polic(?:y|ies)"
    r"|performance|budgets?|proposals?|proposed|consultations?|monitoring|accounts|schemes?"
    r"|assessments?|audit|statements?|framework|recommendations?|options|outturn|precept"
    r"|analysis|findings|project|commissioning|sufficiency|scrutiny|appointments?"
    r"|nominations?|elections?|disposal|application|applications|motions?|payments?)\b",
    re.I,
)


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    if not _COMPILED:
        _COMPILED.extend((kind, rx.compile(p, re.I)) for kind, p in _KINDS)
    return _COMPILED


_LEAD = rx.compile(r"^[\s\d.:)(\-–—*#]+")


def item_kind(title: str) -> str | None:
    """The kind of standing business a title names (see the module docstring), or None."""
    text = _LEAD.sub("", " ".join(title.split())).strip()
    if not text:
        return None
    for kind, pattern in _patterns():
        if pattern.search(text):
            return kind
    return None


def configured_procedural(title: str, patterns: Sequence[str]) -> bool:
    """Whether a title matches one of the configured ``procedural-items`` patterns
    (shell-style, case-insensitive, matched against the whole title)."""
    low = " ".join(title.split()).casefold()
    return any(fnmatch.fnmatchcase(low, p.casefold()) for p in patterns)


_NOTHING = rx.compile(
    r"\b(?:no|nil|none)\b[^.]{0,60}?\b(?:updates?|reports?|questions?|items?|business|"
    r"declarations?|correspondence|matters?|issues?|comments?|applications?|petitions?|"
    r"announcements?|communications?|apologies|information|progress|meetings?)\b"
    r"|\bnothing\s+(?:to\s+report|further|new|had\s+been|was|arose)\b"
    r"|^(?:nil|none|no\s+report|not\s+applicable|n/?a)\.?$"
    r"|\b(?:deferred|withdrawn|postponed)\b"
    r"|\bto\s+be\s+(?:discussed|considered|taken|dealt\s+with)\s+(?:under|at|with|later)\b",
    re.I,
)


def nothing_to_report(text: str) -> bool:
    """Whether a minute's text says there was nothing to take ("There were no updates to
    provide", "Nil.", "No item had been accepted as urgent", "This item was deferred")."""
    return bool(_NOTHING.search(" ".join(text.split())))
