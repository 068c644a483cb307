"""N001 minute-sequence: what it must flag, what it must not, and the real documents."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SHARED, all_real_documents, corpus, seed
from engine_support import check, document, minutes, run_rule

from minlint.cli import cli
from minlint.lint.model import Minute, ParsedDocument
from minlint.lint.parse import parse_path
from minlint.rules.n001_minute_sequence import minute_numbers

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules_d002_n001"


def located(result):
    return [
        (f.line, f.column, f.message, [(r.line, r.message) for r in f.related])
        for f in result.findings
    ]


def numbered(*numbers: int, parts: tuple[int, ...] = ()) -> ParsedDocument:
    """A draft whose paragraphs are minute headings with these numbers, in this order.

    ``parts`` gives the indexes at which a new set of minutes starts.
    """
    doc = document(*(f"{n}. ITEM {i}" for i, n in enumerate(numbers)))
    starts = [0, *parts, len(numbers)]
    out = []
    for a, b in pairwise(starts):
        first, last = doc.blocks[a].line, doc.blocks[b - 1].line
        part = minutes(doc, dt.date(2024, 6, 11), start=first, end=last)
        part.items = [
            Minute(numbers[k], f"ITEM {k}", doc.blocks[k].line, doc.blocks[k].line)
            for k in range(a, b)
        ]
        out.append(part)
    return ParsedDocument(doc, out)


def messages(parsed: ParsedDocument) -> list[str]:
    return [f.message for f in run_rule("N001", parsed)]


# --- the fixtures -----------------------------------------------------------------------


def test_flags_each_planted_mistake_in_the_fixture():
    result = check(FIXTURES / "minute_sequence_errors.txt", select=("N001",))
    assert result.errors == []
    assert located(result) == [
        (30, 1, "minute 5 follows minute 3: minute 4 is missing", [(16, "minute 3")]),
        (38, 1, "minute 6 is repeated", [(34, "minute 6")]),
        (50, 1, "minute 8 comes after minute 9", [(46, "minute 9")]),
        (
            68,
            1,
            "minute 12 comes after minute 13; minute 12 is already at line 60",
            [(64, "minute 13")],
        ),
    ]
    (first, *_) = result.findings
    assert (first.code, first.name, first.category, first.severity) == (
        "N001",
        "minute-sequence",
        "numbering",
        "error",
    )


def test_a_finding_underlines_the_minute_number():
    result = check(FIXTURES / "minute_sequence_errors.txt", select=("N001",))
    assert [(f.line, f.column, f.end_column) for f in result.findings][-1] == (68, 1, 3)


def test_the_fixture_is_read_as_the_rule_sees_it():
    # Minute 11 has a title too long to be taken as a heading by the model, but it still
    # opens with its number; the list "1." to "4." inside minute 3 does not fill the gap.
    (part,) = parse_path(FIXTURES / "minute_sequence_errors.txt").minutes
    seen = [(n.number, n.line) for n in minute_numbers(part)]
    assert (11, 58) in seen
    assert [n for n, _ in seen] == [1, 2, 3, 5, 6, 6, 7, 9, 8, 10, 11, 12, 13, 12, 14]


def test_two_sets_of_minutes_in_a_pack_are_checked_apart():
    # The April minutes run 88-91 and the May minutes, of a new municipal year, 1-4.
    parsed = parse_path(FIXTURES / "pack_two_sets.txt")
    assert [[m.number for m in p.items] for p in parsed.minutes] == [
        [88, 89, 90, 91],
        [1, 2, 3, 4],
    ]
    result = check(FIXTURES / "pack_two_sets.txt", select=("N001",))
    assert result.findings == [] and result.errors == []


def test_the_same_numbers_in_one_set_go_backwards():
    assert messages(numbered(88, 89, 90, 91, 1, 2)) == ["minute 1 comes after minute 91"]
    assert messages(numbered(88, 89, 90, 91, 1, 2, parts=(4,))) == []


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        ((14, 15, 16), []),
        ((2779, 2780, 2781), []),
        ((7,), []),
        ((20, 22), ["minute 22 follows minute 20: minute 21 is missing"]),
        ((20, 23), ["minute 23 follows minute 20: minutes 21 and 22 are missing"]),
        ((20, 25), ["minute 25 follows minute 20: minutes 21 to 24 are missing"]),
        # 22 appears later, out of its place: reported once, where the numbers go back.
        ((20, 21, 23, 22, 24), ["minute 22 comes after minute 23"]),
        # A missing number is reported once, at the first gap it is missing from.
        ((20, 23, 21, 24), [
            "minute 23 follows minute 20: minute 22 is missing",
            "minute 21 comes after minute 23",
        ]),
        ((20, 23, 21, 25), [
            "minute 23 follows minute 20: minute 22 is missing",
            "minute 21 comes after minute 23",
            "minute 25 follows minute 21: minute 24 is missing",
        ]),
        ((1, 2, 4, 7, 9), ["minute 4 follows minute 2: minute 3 is missing",
                           "minute 7 follows minute 4: minutes 5 and 6 are missing",
                           "minute 9 follows minute 7: minute 8 is missing"]),
        ((10, 11, 15, 17), ["minute 15 follows minute 11: minutes 12 to 14 are missing",
                            "minute 17 follows minute 15: minute 16 is missing"]),
        ((20, 26, 22, 24), [
            "minute 26 follows minute 20: minutes 21, 23 and 25 are missing",
            "minute 22 comes after minute 26",
        ]),
        ((57, 57, 58), ["minute 57 is repeated"]),
        ((12, 14, 12), [
            "minute 14 follows minute 12: minute 13 is missing",
            "minute 12 comes after minute 14; minute 12 is already at line 1",
        ]),
        ((14, 12, 13), ["minute 12 comes after minute 14"]),
    ],
)  # fmt: skip
def test_messages(numbers, expected):
    assert messages(numbered(*numbers)) == expected


def test_the_finding_is_at_the_minute_and_points_at_the_one_before():
    (found,) = run_rule("N001", numbered(20, 22))
    assert (found.line, found.column, found.end_column) == (3, 1, 3)
    assert [(r.path, r.line, r.message) for r in found.related] == [("draft.txt", 1, "minute 20")]


def test_explained():
    result = CliRunner().invoke(cli, ["rule", "minute-sequence"])
    assert result.exit_code == 0
    assert result.output.startswith("N001 minute-sequence (numbering, error)\n")
    assert "Example:" in result.output


# --- the example and the real documents ----------------------------------------------------


def test_the_planted_gap_in_the_example_draft():
    result = check(EXAMPLES / "draft_minutes_2024-06-11.md", select=("N001",))
    assert located(result) == [
        (127, 3, "minute 22 follows minute 20: minute 21 is missing", [(107, "minute 20")]),
    ]


@pytest.mark.parametrize("name", ["agenda_2024-06-11.txt", "minutes_2024-05-14.txt"])
def test_the_other_example_documents_are_clean(name):
    assert check(EXAMPLES / name, select=("N001",)).findings == []


def test_no_minute_sequence_finding_in_any_real_document():
    """Every set of minutes in the seeds and the corpus is numbered without a gap."""
    documents = all_real_documents()
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({SHARED})")
    result = check(*documents, select=("N001",))
    assert [str(e) for e in result.errors] == []
    assert [(f.path, f.line, f.message) for f in result.findings] == []


def _numbers(path: Path) -> list[list[int]]:
    return [[n.number for n in minute_numbers(p)] for p in parse_path(path).minutes]


@pytest.mark.parametrize(
    ("prefix", "sets"),
    [
        ("000", [list(range(53, 65))]),
        ("001", [list(range(140, 151)), list(range(151, 158))]),
        ("002", [list(range(95, 107))]),
        ("003", [list(range(19, 29))]),
        ("004", [list(range(107, 116))]),
    ],
)
def test_the_seed_minutes_are_checked(prefix, sets):
    assert _numbers(seed(prefix)) == sets


def test_the_seed_minute_112_is_there():
    (part,) = parse_path(seed("004")).minutes
    assert [(m.number, m.line) for m in part.items if m.number == 112] == [(112, 253)]


def test_the_corpus_minutes_are_checked():
    assert _numbers(corpus("merton-audit-committee/2009-10-22_audit-committee_agenda-pack.txt"))[
        0
    ] == list(range(1, 8))
    assert _numbers(corpus("asf-board/board_minutes_2015_01_21.txt")) == [list(range(1, 14))]
    for name in ("minutes_2020-01-08.html", "minutes_2020-02-12.html", "minutes_2020-03-11.html"):
        (numbers,) = _numbers(corpus(f"mscc-manordeilo-salem/{name}"))
        assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize(
    ("name", "first", "last", "long_titles"),
    [
        ("20191028_minutes.txt", 2779, 2795, {}),
        ("20191125_minutes.txt", 2779, 2794, {}),
        ("20200106_minutes.txt", 2795, 2811, {}),
        ("20200127_minutes.txt", 2812, 2829, {2825: 42}),
        ("20200224_minutes.txt", 2830, 2845, {2841: 49}),
        ("20230108_minutes.txt", 3622, 3637, {3624: 7, 3634: 47}),
        ("20230109_minutes.txt", 3414, 3430, {3416: 7}),
        ("20231127_minutes.txt", 3607, 3620, {}),
        ("20240108_minutes.txt", 3622, 3637, {3624: 7, 3634: 47}),
        ("20240129_minutes.txt", 3638, 3652, {3640: 7}),
    ],
)
def test_the_running_numbers_of_tintern(name, first, last, long_titles):
    """The Tintern minutes share one running series; minutes whose title runs long
    before its colon (the public session, a report back from a meeting) are read too."""
    path = corpus(f"tintern-wyevalley-cc/{name}")
    (part,) = parse_path(path).minutes
    found = minute_numbers(part)
    assert [n.number for n in found] == list(range(first, last + 1))
    lines = {n.number: n.line for n in found}
    assert {n: lines[n] for n in long_titles} == long_titles
    assert check(path, select=("N001",)).findings == []


def test_a_minute_taken_out_of_a_real_document_is_found(tmp_path):
    lines = seed("004").read_text(encoding="utf-8").split("\n")
    assert lines[252] == " 112.   CHILDREN MISSING FROM EDUCATION "
    lines[252] = " CHILDREN MISSING FROM EDUCATION "
    path = tmp_path / "pack.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = check(path, select=("N001",))
    assert located(result) == [
        (341, 1, "minute 113 follows minute 111: minute 112 is missing", [(129, "minute 111")]),
    ]


def test_the_word_and_pdf_versions_of_the_seeds(converted_seeds):
    """Word paragraphs and PDF pages give the same minute numbers, and no finding."""
    expected = {
        "000": list(range(53, 65)),
        "002": list(range(95, 107)),
        "003": list(range(19, 29)),
        "004": list(range(107, 116)),
    }
    for name, path in sorted(converted_seeds.items()):
        assert _numbers(path) == [expected[name.split(".")[0]]], name
        result = check(path, select=("N001",))
        assert (name, result.findings, result.errors) == (name, [], [])


def _slashed_minutes(tmp_path, labels: list[str]) -> list[str]:
    """The N001 messages of minutes whose headings carry these numbers as written."""
    titles = ["Apologies", "Declarations of Interest", "Minutes", "Budget", "Next Meeting"]
    lines = ["Minutes of the Full Council held on Thursday 16 January 2025 at 7pm.", ""]
    lines += ["Councillors present: Amy Lord (Mayor), Ben Carr, Cath Dunn.", ""]
    for label, title in zip(labels, titles, strict=True):
        lines += [f"{label}  {title}", "The members considered the matter.", ""]
    path = tmp_path / "minutes.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return [f.message for f in check(path, select=("N001",)).findings]


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        # the council's letters, the year and a padded number; one typed twice
        (["FC/25/001", "FC/25/003", "FC/25/003", "FC/25/004", "FC/25/005"],
         ["minute FC/25/003 follows minute FC/25/001: minute FC/25/002 is missing",
          "minute FC/25/003 is repeated"]),
        # the number before the year
        (["145/25", "146/25", "148/25", "149/25", "150/25"],
         ["minute 148/25 follows minute 146/25: minute 147/25 is missing"]),
        (["25/001", "25/002", "25/004", "25/005", "25/006"],
         ["minute 25/004 follows minute 25/002: minute 25/003 is missing"]),
    ],
)  # fmt: skip
def test_numbers_are_named_as_the_minutes_write_them(tmp_path, labels, expected):
    """A heading whose number is out of step is still a heading, whatever its title's
    length against the line under it, and the finding names minutes as they are written."""
    assert _slashed_minutes(tmp_path, labels) == expected
