"""The bundled example: the date, numbering and record rules find the mistakes planted
for them (examples/README.md), with the places they are compared with, and nothing of
what the README lists as consistent."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES
from engine_support import check

DRAFT = "draft_minutes_2024-06-11.md"
AGENDA = "agenda_2024-06-11.txt"
PREVIOUS = "minutes_2024-05-14.txt"
PROGRAMME = "work_programme_2024-25.txt"
CODES = ("D004", "D005", "D006", "D007", "N002", "N003", "X001", "X002", "X003")

# code: (file, line, [(related file, line)]) as examples/README.md gives them.
PLANTED = {
    "D004": (DRAFT, 24, [(DRAFT, 20), (DRAFT, 22), (AGENDA, 34), (PREVIOUS, 2)]),
    "D005": (DRAFT, 155, [(AGENDA, 81), (PROGRAMME, 46)]),
    "D006": (DRAFT, 66, [(DRAFT, 48)]),
    "D007": (DRAFT, 135, []),
    "N002": (DRAFT, 133, [(AGENDA, 58), (AGENDA, 79)]),
    "N003": (DRAFT, 20, [(PREVIOUS, 176)]),
    "X001": (PROGRAMME, 96, [(PREVIOUS, 83)]),
    "X002": (PREVIOUS, 137, [(PROGRAMME, 119)]),
    "X003": (AGENDA, 36, [(AGENDA, 34), (PREVIOUS, 2)]),
}


def test_every_planted_mistake_is_found_and_nothing_else():
    files = [EXAMPLES / name for name in (DRAFT, AGENDA, PREVIOUS, PROGRAMME)]
    result = check(
        *files,
        select=CODES,
        agenda=str(EXAMPLES / AGENDA),
        previous=str(EXAMPLES / PREVIOUS),
        records=(str(EXAMPLES),),
    )
    assert [str(e) for e in result.errors] == []
    found = {
        f.code: (Path(f.path).name, f.line, [(Path(r.path).name, r.line) for r in f.related])
        for f in result.findings
    }
    assert len(result.findings) == len(CODES)
    assert found == PLANTED
    assert {f.severity for f in result.findings} == {"error"}


def test_the_readme_command_finds_the_draft_mistakes():
    # The command the examples' README gives checks the draft alone.
    result = check(
        EXAMPLES / DRAFT,
        select=CODES,
        agenda=str(EXAMPLES / AGENDA),
        previous=str(EXAMPLES / PREVIOUS),
        records=(str(EXAMPLES),),
    )
    assert sorted((f.code, f.line) for f in result.findings) == sorted(
        (code, line) for code, (name, line, _) in PLANTED.items() if name == DRAFT
    )


def test_the_readme_table_lists_every_finding_of_the_example_where_it_is():
    """examples/README.md's table of planted mistakes is what checking examples/ gives:
    one row per rule, at the file and line the finding is reported."""
    import re

    rows = re.findall(
        r"^\| ([A-Z]\d{3}) \| [a-z0-9-]+ \| ([\w.-]+):(\d+) \|",
        (EXAMPLES / "README.md").read_text(encoding="utf-8"),
        re.M,
    )
    result = check(
        str(EXAMPLES),
        select=("ALL",),
        agenda=str(EXAMPLES / AGENDA),
        previous=str(EXAMPLES / PREVIOUS),
        records=(str(EXAMPLES),),
    )
    found = sorted((f.code, Path(f.path).name, f.line) for f in result.findings)
    assert found == sorted((code, name, int(line)) for code, name, line in rows)
