"""Whether a minute records a decision, and how minutes write their decisions.

The model reads resolutions ("Resolved: That ...", "It was agreed ...", "proposed by
X, seconded by Y and agreed", "The report was noted"); minutes also record decisions
in words the model does not take for a resolution: "The report was otherwise noted.",
a title ending "NOTED", an answer under "REPLY:", a motion withdrawn or referred.
``decision_evidence`` looks for all of them in one minute, and ``decision_label``
finds the "Resolved:" that opens a decision, with or without anything after it.

Minutes also tell what was said in words that sound like decisions: "It was noted that
the figures had improved", "the Director agreed to circulate the report", "procedures
that were carried out". Those are read as narrative: they leave a long minute's decision
in doubt (``UNSURE``), and are the record only of a minute that says little else.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from minlint.lint import regexstore as rx
from minlint.lint.blocks import Block
from minlint.lint.model import Minute

__all__ = [
    "DECIDED",
    "EMPTY",
    "DecisionLines",
    "Evidence",
    "decision_evidence",
    "decision_label",
    "label_only",
    "strip_emphasis",
]

# A minute shorter than this is its own record: what it notes is its outcome.
SHORT_MINUTE = 300
DECIDED = "decided"  # a resolution, a "Resolved:" or a decision in other words
UNSURE = "unsure"  # a decision word, but not plainly the body's decision
EMPTY = "none"  # no word of a decision

_EMPHASIS = rx.compile(r"[*_`]+")
_LABEL = rx.compile(
    r"^\s*(?:and\s+)?(?:it\s+was\s+)?(?:(?:unanimously|further)\s+)?(?P<word>resolved|agreed|"
    r"decisions?|decided|recommended|recommendations?)\b(?!\s+(?:to|by|with|at|in|on|upon|"
    r"for|from)\b)",
    re.I,
)
_LABEL_ONLY = rx.compile(
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
# Verbs that record a decision whatever follows them ...
_DECIDING = (
    r"agreed|resolved|decided|approved|adopted|endorsed|ratified|carried|deferred|rejected|"
    r"defeated|passed|granted|refused"
)
# ... and verbs that do only with an object: "noted the report", not "noted that ...",
# which is how minutes tell what was said.
_NOTING = r"noted|received|accepted"
_ADVERB = (
    r"(?:(?:unanimously|duly|formally|otherwise|also|then|therefore|accordingly|subsequently|"
    r"all)\s+)?"
)
# The body as the subject of a sentence ("Members noted ...", "Following discussion, the
# Commission agreed ..."), not a noun in the middle of one ("... at the meeting noted ...").
_BODY = (
    r"^\W*(?:[^,.;]{0,60},\s*)?(?:members|councillors|cllrs|the\s+(?:[\w-]+\s+){0,3}?"
    r"(?:committee|commission|council|panel|board|cabinet|meeting|sub-committee|forum|group))"
    r"\s+(?:\w+\s+){0,2}?"
)
_OUTCOME = rx.compile(
    rf"(?<!\bnot )\b(?:was|were)\s+{_ADVERB}(?:{_DECIDING})\b"
    r"(?!\s+(?:out|over|forward|through|on|off|up|down)\b)"
    rf"|(?<!\bnot )\b(?:was|were)\s+{_ADVERB}(?:{_NOTING})\b(?!\s+that\b)"
    rf"|^\W*that\b.{{0,160}}\bbe\s+(?:{_DECIDING}|{_NOTING})\b"
    rf"|{_BODY}(?:{_DECIDING}|recommended)\b"
    r"|" + _BODY + r"noted\s+(?:the|this|these|its|their|with)\b|" + _BODY + r"noted\s*[.;]"
    r"|^\W*(?:noted|agreed|approved|resolved|decisions?|carried|recommended)\b"
    r"|\bseconded\b|\bin\s+favour\b|\bunanimous|\bput\s+to\s+(?:the\s+)?(?:a\s+)?vote\b"
    r"|\b(?:motion|notice|item|question|application|proposal)\b.{0,40}\bwithdr[eau]wn?\b"
    r"|\bwithdr[eau]w\s+(?:\w+\s+){0,2}(?:motion|notice|item|question|proposal)"
    r"|\brefer(?:red|ral)?\b.{0,20}\b(?:motion|notice|item|matter|question)\b"
    r"|\b(?:motion|notice|item|matter|question)\b.{0,30}\brefer(?:red)?\s+to\b"
    r"|\b(?:all\s+)?approved\s+(?:for|as|&|and)\b",
    re.I,
)
# An answer given: the outcome of a question or a motion, not of a report.
_ANSWER = rx.compile(
    r"^\W*(?:reply|response|answer)\b|\bin\s+repl(?:y|ying)\b(?!\s+to\b)|\brepl(?:ied|ying)\b"
    r"|\bresponded\b|\banswered\b",
    re.I,
)
_ASKED = rx.compile(r"\b(?:questions?|motions?)\b", re.I)
_DECISION_WORD = rx.compile(
    r"\b(?:agreed|undertook|decided|resolved)\s+(?:to|that)\b|\bwould\s+be\s+(?:noted|agreed|"
    r"approved)\b|\b(?:it\s+was|members|the\s+\w+\s+(?:committee|commission|panel|board))\s+"
    r"noted\s+that\b",
    re.I,
)
_TITLE_OUTCOME = rx.compile(
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

    answerable = bool(_ASKED.search(minute.title))
    own = own_blocks(minute)
    unsure: Evidence | None = None
    for b in minute.blocks:
        for start, end in sentences(b.text):
            sentence = " ".join(b.text[start:end].split())
            if _OUTCOME.search(sentence) or (answerable and _ANSWER.search(sentence)):
                return Evidence(DECIDED, b.locate(start)[0], _shown(sentence))
            if unsure is None and _DECISION_WORD.search(sentence):
                unsure = Evidence(UNSURE, b.locate(start)[0], _shown(sentence))
    if unsure is not None and sum(len(b.text) for b in own) < SHORT_MINUTE:
        # A minute that is only a note of something ("It was noted that no Members had
        # attended.") records that as its outcome.
        return Evidence(DECIDED, unsure.line, unsure.words)
    return unsure or Evidence(EMPTY)


_SUBHEADING = rx.compile(r"^[^a-z.]{3,60}$")


def own_blocks(minute: Minute) -> list[Block]:
    """The minute's paragraphs up to an unnumbered heading in capitals ("QUESTIONS") that
    opens other business, less the lines recording who left or joined."""
    out: list[Block] = []
    for b in minute.blocks:
        text = strip_emphasis(b.text)
        if _SUBHEADING.match(text) and sum(c.isalpha() for c in text) >= 4:
            break
        if not (_MOVEMENT.search(b.text) and len(b.text) < 200):
            out.append(b)
    return out


def _shown(sentence: str, width: int = 80) -> str:
    """A sentence as a message quotes it: whole, or cut at a word with "..."."""
    if len(sentence) <= width:
        return sentence
    return sentence[:width].rsplit(" ", 1)[0] + " ..."


_MOVEMENT = rx.compile(
    r"\b(?:left|re-?joined|returned\s+to|arrived\s+at|joined)\s+the\s+meeting\b|"
    r"\btook\s+the\s+chair\b|\bvacated\s+the\s+chair\b",
    re.I,
)


def body_text(minute: Minute) -> str:
    """The minute's words, without lines recording who left, joined or took the chair."""
    return " ".join(
        b.text for b in minute.blocks if not (_MOVEMENT.search(b.text) and len(b.text) < 200)
    )


class DecisionLines:
    """The lines that decisions cover, merged into spans and asked by bisection whether a
    block meets one: a minute (or a set of minutes) of thousands of paragraphs and
    decisions, compared each with each, took minutes."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def meets(self, first: int, last: int) -> bool:
        """Whether lines ``first`` to ``last`` meet a decision's lines."""
        k = bisect_left(self._ends, first)  # the first span that ends at or after them
        return k < len(self._ends) and self._starts[k] <= last
