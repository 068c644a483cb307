"""The bundled example, checked as its README says, by the resolution and agenda rules:
each planted mistake of R001-R003 and G001-G003 is found where examples/README.md puts
it, and nothing else (the consistent text it lists is not flagged)."""

from __future__ import annotations

import re

from conftest import EXAMPLES
from engine_support import check
from hypothesis import given
from hypothesis import strategies as st

CODES = ("R001", "R002", "R003", "G001", "G002", "G003")
DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"
AGENDA = EXAMPLES / "agenda_2024-06-11.txt"


def planted() -> dict[str, tuple[str, int]]:
    """code -> (file, line) from the README's table of planted mistakes."""
    out = {}
    for line in (EXAMPLES / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| ([A-Z]\d{3}) \| [a-z-]+ \| ([\w.-]+):(\d+) \|", line)
        if m and m.group(1) in CODES:
            out[m.group(1)] = (m.group(2), int(m.group(3)))
    return out


def test_every_planted_mistake_and_nothing_else():
    result = check(
        DRAFT,
        select=CODES,
        agenda=str(AGENDA),
        previous=str(EXAMPLES / "minutes_2024-05-14.txt"),
        records=(str(EXAMPLES),),
    )
    assert [str(e) for e in result.errors] == []
    found = {f.code: (f.path, f.line) for f in result.findings}
    assert len(result.findings) == len(CODES)
    expected = planted()
    assert set(expected) == set(CODES)
    for code, (name, line) in expected.items():
        if name == AGENDA.name:
            # G001 is reported against the draft, with the agenda item as related place.
            (finding,) = [f for f in result.findings if f.code == code]
            assert [(r.path, r.line) for r in finding.related] == [(str(AGENDA), line)]
            assert finding.path == str(DRAFT)
        else:
            assert found[code] == (str(DRAFT), line), code


def test_the_other_example_documents_are_clean():
    for name in ("minutes_2024-05-14.txt", "work_programme_2024-25.txt", "agenda_2024-06-11.txt"):
        result = check(EXAMPLES / name, select=CODES, records=(str(EXAMPLES),))
        assert (result.findings, [str(e) for e in result.errors]) == ([], []), name


# --- any text in, no crash out -----------------------------------------------------------

_PIECES = [
    "12. BUDGET REPORT",
    "13. URGENT BUSINESS",
    "Resolved:-",
    "Resolved: (1) That the report be noted.",
    "(2) That it be sent to the",
    "(4) That the Youth.",
    "And Resolved:",
    "“That the minutes be adopted.”",
    "It was noted that the figures had improved.",
    "The Director agreed to circulate the report.",
    "1) That",
    "(a) notes",
    "(iii)",
    "Members noted the report.",
]


@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=40)), max_size=30))
def test_any_minutes_text_is_checked_without_a_rule_failing(tmp_path_factory, pieces):
    path = tmp_path_factory.mktemp("prop") / "draft.txt"
    path.write_text("PANEL\nTuesday 12 March 2024\n\n" + "\n\n".join(pieces), encoding="utf-8")
    result = check(path, select=CODES, agenda=str(AGENDA))
    assert [str(e) for e in result.errors if "failed" in str(e)] == []
