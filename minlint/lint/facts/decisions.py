"""Whether a minute records a decision, and how minutes write their decisions.

The model reads resolutions ("Resolved: That ...", "It was agreed ...", "proposed by
X, seconded by Y and agreed", "The report was noted"); minutes also record decisions
in words the model does not take for a resolution: "The report was otherwise noted.",
a title ending "NOTED", an answer under "REPLY:", a motion withdrawn or referred.
``decision_evidence`` looks for all of them in one minute, and ``decision_label``
finds the "Resolved:" that opens a decision, with or without anything after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minlint.lint.blocks import Block
from minlint.lint.model import Minute, MinutesPart

__all__ = [
    "DECIDED",
    "EMPTY",
    "Evidence",
    "decision_evidence",
    "decision_label",
    "label_only",
    "strip_emphasis",
]

DECIDED = "decided"  # a resolution, a "Resolved:" or a decision in other words
UNSURE = "unsure"  # a decision word, but not plainly the body's decision
EMPTY = "none"  # no word of a decision

_EMPHASIS = re.compile(r"[*_`]+")
_LABEL = re.compile(
    r"^\s*(?:and\s+)?(?:it\s+was\s+)?(?:(?:unanimously|further)\s+)?(?P<word>resolved|agreed|"
    r"decisions?|decided|recommended|recommendations?)\b(?!\s+(?:to|by|with|at|in|on|upon|"
    r"for|from)\b)",
    re.I,
)
_LABEL_ONLY = re.compile(
    r"^\s*(?:and\s+)?(?:it\s+was\s+)?(?:(?:unanimously|further)\s+)?(?:resolved|agreed|"
    r"decisions?|decided)\s*(?:unanimously\s*)?[:;.,\-–—\s]*(?:that\s*)?[:;.,\-–—\s]*$",
    re.I,
)


def strip_emphasis(text: str) -> str:
    """Text without markdown emphasis marks: "**Resolved:-**" -> "Resolved:-"."""
    return _EMPHASIS.sub("", text).strip()


def decision_label(text: str) -> re.Match[str] | None:
    """The "Resolved"/"Agreed"/"Decision" that opens a paragraph, when it does."""
    return _LABEL.match(strip_emphasis(text))


def label_only(text: str) -> bool:
    """Whether a paragraph is only a decision label: "Resolved:-", "And Resolved:",
    "RESOLVED: That", with nothing decided in it."""
    return bool(_LABEL_ONLY.match(strip_emphasis(text)))


# Decisions in other words: passive outcomes, the body as subject, answers.
_VERBS = (
    r"noted|agreed|approved|adopted|accepted|endorsed|ratified|deferred|withdrawn|carried|"
    r"referred|rejected|defeated|lost|received|supported|confirmed|resolved|passed|granted|"
    r"refused|declined"
)
_OUTCOME = re.compile(
    rf"(?<!\bnot )\b(?:was|were)\s+(?:(?:unanimously|duly|formally|otherwise|also|then|"
    rf"therefore|accordingly|subsequently|all)\s+)?(?:{_VERBS})\b"
    rf"|\bthat\b.{{0,120}}\bbe\s+(?:{_VERBS})\b"
    r"|\b(?:members|councillors|cllrs|the\s+(?:[\w-]+\s+){0,3}?(?:committee|commission|council|"
    r"panel|board|cabinet|meeting|sub-committee|forum|group))\s+(?:\w+\s+){0,2}?(?:noted|agreed|resolved|"
    r"decided|approved|endorsed|accepted|deferred|supported|confirmed|adopted|recommended)\b"
    r"|^\W*(?:noted|agreed|approved|resolved|decisions?|carried|recommended|reply|response|"
    r"answer)\b|\bwithdr[eau]w|\bvotes?\b|\bin\s+favour\b|\bunanimous|\bseconded\b"
    r"|\brepl(?:y|ying|ied)\b|\brefer(?:red)?\b.{0,40}\bto\s+the\b|\b(?:all\s+)?approved\s+"
    r"(?:for|as|&|and)\b",
    re.I,
)
# Someone agreeing to do something: "the Director agreed to circulate ...", which may be
# the body's decision or only an officer's undertaking.
_DECISION_WORD = re.compile(
    r"\b(?:agreed|undertook|decided|resolved)\s+(?:to|that)\b|\bwould\s+be\s+(?:noted|agreed|"
    r"approved)\b",
    re.I,
)
_TITLE_OUTCOME = re.compile(
    r"\b(?:NOTED|AGREED|APPROVED|RESOLVED|ADOPTED|DEFERRED|WITHDRAWN|CARRIED)\b\W*$"
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a minute says of its decision: ``DECIDED``, ``UNSURE`` or ``EMPTY``, with
    the line and words that tell."""

    state: str
    line: int | None = None
    words: str = ""


def decision_evidence(minute: Minute) -> Evidence:
    """How plainly the minute records a decision (see the module docstring)."""
    if minute.resolutions:
        r = minute.resolutions[0]
        return Evidence(DECIDED, r.line, r.text[:60])
    for b in minute.blocks:
        if decision_label(b.text):
            return Evidence(DECIDED, b.line, strip_emphasis(b.text)[:60])
    if _TITLE_OUTCOME.search(minute.title):
        return Evidence(DECIDED, minute.line, minute.title)
    from minlint.lint.extract.resolutions import sentences

    unsure: Evidence | None = None
    for b in minute.blocks:
        for start, end in sentences(b.text):
            sentence = " ".join(b.text[start:end].split())
            if _OUTCOME.search(sentence):
                return Evidence(DECIDED, b.locate(start)[0], _shown(sentence))
            if unsure is None and _DECISION_WORD.search(sentence):
                unsure = Evidence(UNSURE, b.locate(start)[0], _shown(sentence))
    return unsure or Evidence(EMPTY)


def _shown(sentence: str, width: int = 80) -> str:
    """A sentence as a message quotes it: whole, or cut at a word with "..."."""
    if len(sentence) <= width:
        return sentence
    return sentence[:width].rsplit(" ", 1)[0] + " ..."


_MOVEMENT = re.compile(
    r"\b(?:left|re-?joined|returned\s+to|arrived\s+at|joined)\s+the\s+meeting\b|"
    r"\btook\s+the\s+chair\b|\bvacated\s+the\s+chair\b",
    re.I,
)


def body_text(minute: Minute) -> str:
    """The minute's words, without lines recording who left, joined or took the chair."""
    return " ".join(
        b.text for b in minute.blocks if not (_MOVEMENT.search(b.text) and len(b.text) < 200)
    )


def part_blocks(part: MinutesPart, minute: Minute) -> list[Block]:
    """The blocks of one minute, heading included (the model's blocks leave it out)."""
    return [b for b in part.blocks if minute.line <= b.line <= minute.end_line]
