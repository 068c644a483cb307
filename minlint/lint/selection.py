"""Which rules run: ``--select``/``--ignore`` and configuration, with ruff's semantics.

A selector is ``ALL``, a category (``date``) or its letter (``D``), a code prefix
(``D00``), a code (``D001``) or a rule name (``weekday-mismatch``). Selections come in
layers (the defaults, the configuration, the command line); a layer that selects
replaces what came before, a layer that only ignores takes away from it. Within a
layer, more specific selectors win, and at equal specificity ignore wins over select.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from minlint.lint.findings import CATEGORIES
from minlint.lint.registry import Registry

CATEGORY_LETTERS = {
    "D": "date",
    "T": "total",
    "R": "resolution",
    "G": "agenda",
    "P": "duplicate",
    "A": "attendance",
    "N": "numbering",
    "X": "record",
    "F": "document",
}
RULE_SPECIFICITY = 4


class SelectorError(Exception):
    """A selector that names no rule, prefix or category."""

    def __init__(self, selector: str) -> None:
        super().__init__(f"unknown rule selector {selector!r}")
        self.selector = selector


@dataclass(frozen=True, slots=True)
class Selector:
    """One selector of ``--select``/``--ignore`` or the configuration, the codes it
    names, and how specific it is (within a layer the more specific one wins)."""

    text: str
    codes: frozenset[str]
    specificity: int


def _prefix_specificity(prefix: str) -> int:
    return 1 + sum(ch.isdigit() for ch in prefix)


def parse_selector(text: str, registry: Registry) -> Selector:
    """Resolve one selector to the codes it names; raise :class:`SelectorError`."""
    key = text.strip()
    codes = [r.code for r in registry]
    if key.upper() == "ALL":
        return Selector(key, frozenset(codes), 0)
    category = key.lower() if key.lower() in CATEGORIES else CATEGORY_LETTERS.get(key.upper())
    if category is not None:
        return Selector(key, frozenset(r.code for r in registry if r.category == category), 1)
    found = registry.get(key)
    if found is not None:
        return Selector(key, frozenset({found.code}), RULE_SPECIFICITY)
    prefix = key.upper()
    matched = frozenset(c for c in codes if c.startswith(prefix))
    if key and key.isalnum() and matched:
        return Selector(key, matched, _prefix_specificity(prefix))
    raise SelectorError(text)


def parse_selectors(texts: Iterable[str], registry: Registry) -> list[Selector]:
    return [parse_selector(t, registry) for t in texts]


Layer = tuple[Sequence[Selector] | None, Sequence[Selector]]


def resolve(layers: Iterable[Layer], registry: Registry) -> frozenset[str]:
    """The codes enabled after applying each (select, ignore) layer in turn."""
    enabled = {r.code for r in registry}
    for select, ignore in layers:
        updates: dict[str, bool] = {}
        for spec in range(RULE_SPECIFICITY + 1):
            for s in select or ():
                if s.specificity == spec:
                    updates.update(dict.fromkeys(s.codes, True))
            for s in ignore:
                if s.specificity == spec:
                    updates.update(dict.fromkeys(s.codes, False))
        if select is not None:
            enabled = {code for code, on in updates.items() if on}
        else:
            for code, on in updates.items():
                (enabled.add if on else enabled.discard)(code)
    return frozenset(enabled)
