"""Decisions of a minute: resolutions split into their parts "(1)", "1)", "(a)" or
bullets, and decisions recorded in other words.

Councils record a decision as "Resolved:- (1) That ...", as "Proposed by Councillor X; /
Seconded by Councillor Y; / And Resolved: / “That ...”", or in a sentence: "it was
proposed by X, seconded by Y and agreed to defer this item", "On the proposal of X,
seconded by Y, it was agreed ...", "Cllr X proposed and Cllr Y seconded payment of this",
"It was agreed that ...", "All Councillors agreed.", "Approved & signed as correct.",
"The report was noted." Each becomes a resolution whose ``form`` says which way it was
written, with the mover and seconder where they are named.
"""

from __future__ import annotations

import re

from minlint.lint import regexstore as rx
from minlint.lint.blocks import LIST_ITEM, TABLE_ROW, Block
from minlint.lint.extract.common import head_of, norm
from minlint.lint.facts.sentences import sentences
from minlint.lint.model import Resolution

_RESOLVED = rx.compile(
    r"^(?:and\s+)?(?:it\s+was\s+)?(?:resolved|agreed|decided|decision)\b\s*(?:that\b\s*:?-?)?"
    r"\s*[:;.]*\s*[-–—]?\s*",
    re.I,
)
# How the decision was taken, written between "Resolved" and what was resolved:
# "unanimously", "by 5 votes to 1", "by a majority", "nem. con.", "on the Chair's casting
# vote", "(7 for, 2 against, 1 abstention)". Not part of what was decided.
_MANNER = rx.compile(
    r"^(?:unanimously|nem(?:ine)?\.?\s*con(?:tradicente)?\.?"
    r"|by\s+(?:a\s+)?(?:large\s+|clear\s+|simple\s+|two-thirds\s+)?majority"
    r"(?:\s+vote|\s+of\s+(?:votes|those\s+present|members(?:\s+present)?))?"
    r"|by\s+(?:\d{1,3}|[a-z]{3,9})\s+votes?\s+(?:to|against)\s+(?:\d{1,3}|[a-z]{3,9})"
    r"|on\s+the\s+(?:\w+[’']s\s+)?casting\s+vote(?:\s+of\s+the\s+\w+)?"
    r"|with\s+(?:\d{1,3}|[a-z]{3,9})\s+abstentions?"
    r"|\((?=[^()]{0,80}?\b(?:for|against|unanimous(?:ly)?|nem|abstentions?|votes?|favour)\b)"
    r"[^()]{1,80}\))"
    r"(?:\s*(?:[,:;–—-]|and\b)\s*|\s+|$)",
    re.I,
)
_THAT = rx.compile(r"^that\b\s*", re.I)


def _after_manner(rest: str) -> str:
    """What was resolved, without how the vote went before it ("by 5 votes to 1 that the
    precept be ..." gives "the precept be ..."; "unanimously: That ..." gives "That ...")."""
    m = _MANNER.match(rest)
    if m is None:
        return rest
    while m is not None:
        rest = rest[m.end() :]
        m = _MANNER.match(rest)
    return _THAT.sub("", rest, count=1) if not rest[:4].istitle() else rest


_RESOLVED_START = rx.compile(
    r"\s*(?:and\s+|it\s+was\s+)?(?:resolved|agreed|decision|decided)", re.I
)
_RESOLVED_LABEL = rx.compile(r"^(?:and\s+)?(resolved|agreed|decision|decided)\s*[:;–—-]", re.I)
_BARE_LABEL = rx.compile(r"^(?:and\s+)?(?:resolved|decision)\s*[:;.-]*$", re.I)
_PART_MARK = rx.compile(r"^(\((\d{1,2}|[a-z]|[ivx]{1,4})\)|(\d{1,2})\)|([a-z])\))\s*", re.I)


def resolutions(blocks: list[Block]) -> list[Resolution]:
    """Decisions of one minute, in order (see the module docstring)."""
    out, used, cut = _resolved(blocks)
    for k, b in enumerate(blocks):
        if k not in used and b.kind != TABLE_ROW:
            out.extend(_in_sentences(head_of(b, cut[k]) if k in cut else b))
    out.sort(key=lambda r: r.line)
    return out


# A paragraph that ends by opening a resolution in parts: "... The Council RESOLVED
# that:" / "a) no objection be raised;" / "b) ...".
_LEAD_IN_TAIL = rx.compile(
    r"(?:^|(?<=[.!?])\s+)(?:(?:the\s+)?[A-Z][\w-]*(?:\s+[\w-]+){0,3}\s+)?(?:it\s+was\s+)?"
    r"(?:unanimously\s+)?(?:resolved|agreed|decided)(?:\s+unanimously)?\s*"
    r"(?:that|as\s+follows)?\s*(?::-|:)\s*$",
    re.I,
)


def _resolved(blocks: list[Block]) -> tuple[list[Resolution], set[int], dict[int, int]]:
    """Resolutions written "Resolved: ...", the blocks they take, and where the blocks
    that end by opening one ("... The Council RESOLVED that:") are cut."""
    out: list[Resolution] = []
    used: set[int] = set()
    cut: dict[int, int] = {}
    i = 0
    while i < len(blocks):
        b = blocks[i]
        tail = None
        if b.kind != TABLE_ROW and not _RESOLVED_START.match(b.text) and i + 1 < len(blocks):
            tail = _LEAD_IN_TAIL.search(b.text[-200:])
            if tail is not None and not _PART_MARK.match(norm(blocks[i + 1].text)):
                tail = None
        if tail is not None:
            cut[i] = len(b.text) - len(b.text[-200:]) + tail.start()
            parts, end = _parts(blocks, i + 1, [], lead_in=True)
            used.update(range(i + 1, end))
            out.extend(parts)
            i = end
            continue
        if b.kind == TABLE_ROW or not _RESOLVED_START.match(b.text):
            i += 1
            continue
        text = norm(b.text)
        # "RESOLVED" on a line of its own, the decision in the paragraph under it
        bare = bool(_BARE_LABEL.match(text)) and i + 1 < len(blocks)
        bare = bare and bool(_QUOTED.match(blocks[i + 1].text))
        if (
            not bare
            and not _RESOLVED_LABEL.match(text)
            and not text.lower().startswith(("it was resolved", "and resolved", "resolved that"))
        ):
            i += 1
            continue
        rest = _after_manner(_RESOLVED.sub("", text, count=1).strip())
        lead_in = (
            not rest or rest.lower() in ("that", "that:", "that:-") or rest.endswith((":", ":-"))
        )
        mover, seconder = _proposers(blocks[max(0, i - 2) : i])
        first = i
        parts: list[Resolution] = []
        if rest and not lead_in:
            decided, end_line = _decided(b, text)
            rest = rest[: max(0, len(rest) - (len(text) - len(decided)))]
            mark = _PART_MARK.match(rest)
            number = _mark_number(mark) if mark else None
            parts.append(Resolution(number, rest[mark.end() :] if mark else rest, b.line, end_line))
        parts, i = _parts(blocks, i + 1, parts, lead_in)
        if not rest and not parts and i < len(blocks) and _QUOTED.match(blocks[i].text):
            # "And Resolved:" / "“That, the draft Minutes ... be adopted.”"
            q = blocks[i]
            quote = _CLOSE_QUOTE.sub(r"\1", _OPEN_QUOTE.sub("", norm(q.text)))
            parts.append(Resolution(None, quote, q.line, q.end_line))
            i += 1
        for p in parts:
            p.mover, p.seconder = mover, seconder
        used.update(range(first, i))
        out.extend(parts)
    return out, used, cut


def _parts(
    blocks: list[Block], i: int, parts: list[Resolution], lead_in: bool
) -> tuple[list[Resolution], int]:
    """The parts of a resolution from block ``i`` on ("(1) ...", "(b) ...", bullets under
    a lead-in), after those already read, and the block after the last."""
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
            text, end_line = _decided(nb, ntext)
            parts.append(Resolution(_mark_number(mark), text[mark.end() :], nb.line, end_line))
            absorbing = ntext.endswith((":", ":-"))
            level = nb.level if is_item else -1
        elif (
            is_item
            and parts
            and (
                nb.level > level >= 0
                # A numbered part that ends "including:-" takes the bullets after it,
                # on whatever level a word processor put them.
                or (absorbing and (level < 0 or parts[-1].number is not None))
            )
        ):
            last = parts[-1]
            parts[-1] = Resolution(last.number, last.text + " " + ntext, last.line, nb.end_line)
        elif is_item and lead_in and (not parts or parts[-1].number is None):
            parts.append(Resolution(None, ntext, nb.line, nb.end_line))
            absorbing = ntext.endswith((":", ":-"))
            level = nb.level
        else:
            break
        i += 1
    return parts, i


# A sentence of the record after a resolution, on a line of its own: "The Chairman
# thanked the Clerk ...", "Members noted ...". It reports; it is not what was resolved.
_NARRATIVE = rx.compile(
    r"^(?:[A-Z][\w.'’-]*)(?:\s+[\w.'’-]+){0,4}?\s+(?:then\s+|also\s+)?(?:thanked|reported|said"
    r"|asked|explained|confirmed|advised|informed|stated|welcomed|closed|left|joined|arrived"
    r"|declared|expressed|commented|queried|replied|outlined|presented|updated|gave|signed"
    r"|noted\s+(?:that|the)\b)\b"
)


def _decided(block: Block, text: str) -> tuple[str, int]:
    """The block's text (``text``, as normalised) up to a sentence that reports rather than
    resolves, starting a source line after a line that ends a sentence; and the last line
    of what is left."""
    for start, _, _ in block.origins[1:]:
        before = block.text[:start].rstrip()
        if before.endswith((".", ";")) and _NARRATIVE.match(block.text[start:]):
            return norm(before), block.locate(len(before) - 1)[0]
    return text, block.end_line


_OPEN_QUOTE = rx.compile(r"^[“\"‘']\s*")
_CLOSE_QUOTE = rx.compile(r"[”\"’']\s*([.;]?)$")
_QUOTED = rx.compile(r"^\s*[“\"‘']?\s*that\b|^\s*[“\"]", re.I)
# A name starts where a word starts, its words are bounded and so is their number (seven):
# searched for in a run of thousands of letters or capitalised words, it would otherwise be
# tried at every letter or word to the run's end.
_NAME = (
    r"(?<![\w.'’‟-])(?:(?:County\s+)?(?:Councillors?|Cllrs?\.?|Cyng\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)?"
    r"[A-Z][\w.'’‟-]{0,40}(?:\s+(?:[A-Z][\w.'’‟-]{0,40}|\([A-Z]\)|Uí|Ní|Ó|de|van)){0,6}"
)
_PROPOSED_LINE = rx.compile(rf"^(?i:proposed\s+by)\s*:?\s*(?P<who>{_NAME})")
_SECONDED_LINE = rx.compile(rf"^(?i:seconded\s+by)\s*:?\s*(?P<who>{_NAME})")
# A councillor named with the title, as "Proposed Cllr Osei, seconded Cllr Lloyd" does
# without "by".
_COUNCILLOR = (
    r"(?:County\s+)?(?:Councillors?|Cllrs?\.?|Cyng\.?)\s+[A-Z][\w.'’‟-]{0,40}"
    r"(?:\s+[A-Z][\w.'’‟-]{0,40}){0,6}"
)
_PROPOSAL = rx.compile(
    rf"(?i:\b(?:(?:it\s+was\s+)?(?:proposed|moved)\s+by|motion\s+by)\s+)(?P<m1>{_NAME})"
    rf"|(?i:\bon\s+the\s+proposal\s+of\s+)(?P<m2>{_NAME})"
    rf"|(?i:\bproposed\s+)(?P<m3>{_COUNCILLOR})"
)
_SECONDER = rx.compile(
    rf"\s*,?\s*(?:(?i:(?:and\s+)?seconded\s+by)\s+(?P<s1>{_NAME})"
    rf"|(?i:(?:and\s+)?seconded)\s+(?P<s2>{_COUNCILLOR}))\s*,?\s*"
    r"(?i:[^.;]{0,120}?\b(?:unanimously\s+|duly\s+)?"
    r"(?P<verb>agreed|resolved|carried|approved|adopted|decided)\b\s*(?:that\s+|to\s+)?)"
)
_PROPOSED_SECONDED = rx.compile(
    rf"(?P<m1>{_NAME})\s+(?i:proposed\s+(?:and|&))\s+(?P<s1>{_NAME})\s+"
    r"(?i:seconded|proposed)\b\s*(?P<rest>.*)",
    re.S,
)
# The body that decides, with the words of its name: "The Audit and Governance Committee",
# "The Parish Council", "Cabinet", "Members".
_BODY_NAME = r"(?-i:(?:[A-Z][\w'’-]*\s+(?:(?:and|&)\s+)?){0,4})"
_AGREED = rx.compile(
    r"^(?:it\s+was\s+(?:then\s+|also\s+|further\s+|unanimously\s+)?|(?:the\s+)?"
    + _BODY_NAME
    + r"(?:council|committee|sub-committee|commission|panel|board|cabinet|executive|forum"
    r"|members|councillors|cllrs|district|all\s+(?:councillors|members|"
    r"cllrs|present))\s+(?:unanimously\s+|also\s+|then\s+)?)(?P<verb>agreed|resolved|decided|"
    r"approved|adopted|voted(?=\s+(?:unanimously\s+)?(?:to|in\s+favour)\b))\b\s*"
    r"(?:that\s+|to\s+|on\s+)?(?P<rest>.*)",
    re.I | re.S,
)
_PASSIVE = rx.compile(
    r"\b(?:was|were|is|are|be|been)\s+(?:unanimously\s+|duly\s+)?(?P<verb>agreed|approved|"
    r"adopted|carried)\b(?!\s+(?:out|over|forward|through|by|with|at|in|on)\b)|^(?:all\s+)?(?P<verb2>approved|"
    r"agreed|carried)(?=\s*(?:[.&,;:]|and\b|by\b|for\b|to\b|that\b|unanimously\b|$))"
    r"|\ball\s+in\s+favour\b|(?<!being )(?<!be )(?<!not )\b(?:approved|agreed)\.?$"
    r"|^(?:the\s+)?(?:motion|amendment|recommendation)\s+(?:was\s+)?(?:carried|passed|adopted)\b",
    re.I,
)
# "The report was noted", "Correspondence was noted and taken as read", "Noted": what the
# meeting received. "It was noted that referrals had risen" records discussion, not a decision.
_NOTED = rx.compile(
    r"\b(?:(?:report|reports|update|updates|item|information|minutes|correspondence|contents?|"
    r"position|presentation|letter|accounts?|statement|reconciliation|schedule|decisions?|"
    r"plan|programme|return|figures|briefing)\s+(?:was|were)\s+(?:duly\s+|formally\s+)?noted\b"
    r"|(?:members|councillors|the\s+(?:committee|commission|council|panel|board))\s+noted\s+the\b"
    r"|^noted\b"
    r"|^(?:the|this|these|those)\b[^.;]{0,120}\b(?:was|were)\s+(?:duly\s+)?noted\s*\.?$)",
    re.I,
)


def _person(text: str | None) -> str | None:
    if not text:
        return None
    from minlint.lint.facts.people import strip_title

    return strip_title(text.strip(" ,;."))[1].strip(" ,;.") or None


def _proposers(blocks: list[Block]) -> tuple[str | None, str | None]:
    """The mover and seconder named on the lines before "And Resolved:"."""
    mover = seconder = None
    for b in blocks:
        text = norm(b.text)
        m = _PROPOSED_LINE.match(text)
        if m:
            mover = _person(m.group("who"))
        m = _SECONDED_LINE.match(text)
        if m:
            seconder = _person(m.group("who"))
    return mover, seconder


def _in_sentences(block: Block) -> list[Resolution]:
    """Decisions written in the sentences of a paragraph."""
    text = block.text
    low = text.lower()
    if not any(
        w in low
        for w in (
            "agreed",
            "resolved",
            "proposed",
            "approved",
            "noted",
            "carried",
            "decided",
            "adopted",
            "favour",
            "voted",
        )
    ):
        return []
    out: list[Resolution] = []
    for start, end in sentences(text):
        sentence = text[start:end].strip()
        if len(sentence) < 5:
            continue
        found = _decision(sentence)
        if found is None:
            continue
        form, body, mover, seconder = found
        line = block.locate(start)[0]
        end = block.locate(start + len(sentence) - 1)[0]
        out.append(Resolution(None, norm(body), line, end, form, mover, seconder))
    return out


def _text(rest: str, sentence: str) -> str:
    """What was decided: the words after "agreed to", or the whole sentence."""
    return rest if len(rest.strip(" .;:")) >= 3 else sentence


# "(b) ", "2. ", "iii) ", and the numbers of paragraphs numbered within a minute: "4.3 "
_ITEM_MARK = rx.compile(r"^(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|\d{1,3}\.\d{1,2}\.?)\s+", re.I)
_RESOLVED_IN = rx.compile(
    # after a topic's label at most: "Payments: RESOLVED to approve ..."
    r"^(?:[A-Z][\w’'&/ -]{0,40}:\s+)?"
    r"(?:and\s+)?(?:it\s+was\s+(?:(?:then|also|further|unanimously)\s+)?)?(?:resolved|decided)\b"
    r"\s*(?::-|[:,;–—-])?\s*(?:that\s+|to\s+)?"
    r"(?P<rest>.*)",
    re.I | re.S,
)


# "Agreed – the Clerk to report it", "Agreed: that ...", "Unanimously agreed to ...": the
# decision in the sentence's first word.
_AGREED_FIRST = rx.compile(
    r"^(?:unanimously\s+)?agreed(?:\s+unanimously)?\s*(?:[–—:-]|,|(?=that\b|to\b))\s*(?P<rest>\S.*)",
    re.I | re.S,
)


def _decision(sentence: str) -> tuple[str, str, str | None, str | None] | None:
    """(form, text, mover, seconder) when the sentence records a decision."""
    sentence = _ITEM_MARK.sub("", sentence)
    m = _RESOLVED_IN.match(sentence)
    if m:
        return "resolved", _text(_after_manner(m.group("rest")), sentence), None, None
    m = _PROPOSAL.search(sentence)
    second = _SECONDER.match(sentence, m.end()) if m else None
    if m and second:
        mover = _person(m.group("m1") or m.group("m2") or m.group("m3"))
        return (
            "proposal",
            _text(_after_manner(sentence[second.end() :]), sentence),
            mover,
            _person(second.group("s1") or second.group("s2")),
        )
    m = _PROPOSED_SECONDED.search(sentence)
    if m:
        return (
            "proposal",
            m.group("rest") or sentence,
            _person(m.group("m1")),
            _person(m.group("s1")),
        )
    m = _AGREED.match(sentence) or _AGREED_FIRST.match(sentence)
    if m:
        # "The Council RESOLVED that ...": resolved, in the body's name
        verb = m.groupdict().get("verb") or ""
        form = "resolved" if verb.lower() == "resolved" else "agreed"
        return form, _text(_after_manner(m.group("rest")), sentence), None, None
    if _PASSIVE.search(sentence) and not _HYPOTHETICAL.search(sentence):
        return "agreed", sentence, None, None
    if _NOTED.search(sentence):
        return "noted", sentence, None, None
    return None


# "if it were agreed", "would be approved", "to be agreed": not a decision taken
_HYPOTHETICAL = rx.compile(
    r"\b(?:if|whether|would|could|should|may|might|will|once|until|unless|not|awaiting|"
    r"subject\s+to|to\s+be|yet\s+to|need(?:s|ed)?\s+to)\b[^.]{0,40}\b(?:agreed|approved|adopted|carried)\b",
    re.I,
)


def _mark_number(mark: re.Match[str]) -> str:
    """The number or letter of a part marker: "(2)" -> "2"."""
    return next(g for g in mark.groups()[1:] if g is not None)
