"""The language a part is written in, from its commonest short words.

minlint reads English minutes. A Welsh or Irish part (councils in Wales and Ireland
publish both) is recognised so that the model can say what it could not read rather
than guess: its numbering and dates are read (Welsh month names too), its attendance
and decisions are not.
"""

from __future__ import annotations

from collections.abc import Iterable

from minlint.lint import regexstore as rx

__all__ = ["NAMES", "language_of"]

NAMES = {"en": "English", "cy": "Welsh", "ga": "Irish"}

_MARKERS = {
    "en": frozenset("the and of to was were that for with be is are by at this from have".split()),
    "cy": frozenset(
        "y yr yn ar gan wedi bod ac mae oedd fel gyda hyn ei eu i'r o'r a'r ond neu cyngor "
        "cyfarfod cynghorwyr hefyd".split()
    ),
    "ga": frozenset("agus na an le go ag bhí sé sí ar chun ach nó ó atá seo".split()),
}
_WORD = rx.compile(r"[a-zà-ÿ’']+")
_SAMPLE = 20000


def language_of(texts: Iterable[str]) -> str:
    """ "en", "cy" or "ga": the language whose common words are most used in the texts."""
    counts = dict.fromkeys(_MARKERS, 0)
    size = 0
    for text in texts:
        for word in _WORD.findall(text.lower().replace("’", "'")):
            for lang, words in _MARKERS.items():
                if word in words:
                    counts[lang] += 1
        size += len(text)
        if size > _SAMPLE:
            break
    best = max(counts, key=lambda k: (counts[k], k == "en"))
    # Another language only when it clearly outweighs English (letterheads and place
    # names in Irish or Welsh are common in English minutes).
    if best != "en" and counts[best] < 2 * counts["en"] + 10:
        return "en"
    return best
