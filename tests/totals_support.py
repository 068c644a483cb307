"""Helpers for the totals tests: one-paragraph minutes, and the relations found in them."""

from __future__ import annotations

import datetime as dt

from engine_support import check, document, minutes, run_rule

from minlint.lint.facts.totals import Relations, SumRelation, find_relations
from minlint.lint.model import ParsedDocument
from minlint.lint.parse import parse_path

TOTALS = ("T001", "T002", "T003", "T004", "T005")


def parsed_of(*paragraphs: str) -> ParsedDocument:
    """Minutes made of these paragraphs (one line each, blank lines between)."""
    doc = document(*paragraphs)
    return ParsedDocument(doc, [minutes(doc, dt.date(2024, 6, 11))])


def extracted(*paragraphs: str) -> ParsedDocument:
    """These paragraphs read as a file is: split into parts, with the model extracted."""
    from minlint.lint.parse import parse_document

    return parse_document(document(*paragraphs))


def relations_of(*paragraphs: str) -> Relations:
    return find_relations(parsed_of(*paragraphs))


def sums(relations: Relations) -> list[tuple[float, tuple[float, ...]]]:
    return [(r.total.value, tuple(p.value for p in r.parts)) for r in relations.sums]


def sum_of(rel: SumRelation) -> tuple[str, tuple[str, ...]]:
    return rel.total.text, tuple(p.text for p in rel.parts)


def codes(*paragraphs: str) -> list[str]:
    """The totals rules that report something on these paragraphs."""
    parsed = parsed_of(*paragraphs)
    return [code for code in TOTALS if run_rule(code, parsed)]


def messages(code: str, *paragraphs: str) -> list[tuple[str, str]]:
    return [(f.severity, f.message) for f in run_rule(code, parsed_of(*paragraphs))]


def minutes_messages(code: str, *paragraphs: str) -> list[tuple[str, str]]:
    """The findings on minutes with a heading, these paragraphs and a minute of business."""
    parsed = extracted("MINUTES OF THE PANEL", *paragraphs[:-1], "1. BUSINESS", paragraphs[-1])
    return [(f.severity, f.message) for f in run_rule(code, parsed)]


def file_relations(path) -> Relations:
    return find_relations(parse_path(path))


def located(result) -> list[tuple[int, str, str, str]]:
    return [(f.line, f.code, f.severity, f.message) for f in result.findings]


__all__ = [
    "TOTALS",
    "check",
    "codes",
    "extracted",
    "file_relations",
    "located",
    "messages",
    "minutes_messages",
    "parsed_of",
    "relations_of",
    "sum_of",
    "sums",
]
