"""Structural alignment: parts, header facts, minutes, paragraphs, words.

Real documents are compared with copies edited in the test; the edits are the ones an
editor makes between a draft and the approved minutes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import corpus, seed
from engine_support import document
from hypothesis import given
from hypothesis import strategies as st

from minlint.lint.blocks import LIST_ITEM, PARAGRAPH, Block
from minlint.lint.diff.align import (
    ADDED,
    CHANGED,
    MOVED,
    REMOVED,
    RENUMBERED,
    UNCHANGED,
    Section,
    align_blocks,
    align_minutes,
    diff_parsed,
    diff_paths,
)
from minlint.lint.diff.words import DELETE, INSERT, REPLACE, marked
from minlint.lint.parse import parse_document, parse_path


def block(text: str, line: int, kind: str = PARAGRAPH) -> Block:
    return Block(kind=kind, text=text, line=line, end_line=line)


def blocks(*texts: str) -> list[Block]:
    return [block(t, 2 * k + 1) for k, t in enumerate(texts)]


def section(number: int, title: str, *texts: str, line: int = 1) -> Section:
    return Section(number, title, line, tuple(block(t, line + k + 1) for k, t in enumerate(texts)))


# --- paragraphs ---------------------------------------------------------------------------


def test_equal_paragraphs_give_no_change_whatever_their_form():
    old = blocks("The Chair\u2019s report was noted.", "Members asked about   the budget.")
    new = [
        block("The Chair's report was noted.", 1),
        block("Members asked about the budget.", 3, LIST_ITEM),
    ]
    assert align_blocks(old, new) == []


def test_a_paragraph_split_or_joined_is_the_same_text():
    old = blocks("Members asked about the budget. The Manager said it was on track.")
    new = blocks("Members asked about the budget.", "The Manager said it was on track.")
    assert align_blocks(old, new) == []
    assert align_blocks(new, old) == []


def test_a_paragraph_split_after_an_edit_elsewhere_is_the_same_text():
    # The split is found from the end too: after a change earlier in the same minute.
    old = blocks("One.", "Two.", "Continue the work; always asking what it means.")
    new = blocks("One.", "Two changed.", "Continue the work;", "always asking what it means.")
    (change,) = align_blocks(old, new)
    assert (change.op, marked(change.words)) == (REPLACE, "Two {+changed+}.")
    assert align_blocks(new, old)[0].op == REPLACE and len(align_blocks(new, old)) == 1


def test_an_edited_paragraph_is_a_replacement_with_its_word_diff():
    old = blocks("One.", "That the report be noted.", "Three.")
    new = blocks("One.", "That the report be received and noted.", "Three.")
    (change,) = align_blocks(old, new)
    assert change.op == REPLACE
    assert marked(change.words) == "That the report be {+received and+} noted."
    assert (change.old_line, change.new_line) == (3, 3)


def test_inserted_and_deleted_paragraphs_are_located_in_the_other_document():
    old = blocks("One paragraph here.", "Two paragraphs here.", "Three paragraphs here.")
    new = blocks("One paragraph here.", "Three paragraphs here.", "A new closing paragraph.")
    changes = align_blocks(old, new)
    assert [(c.op, c.old_line, c.new_line) for c in changes] == [(DELETE, 3, 3), (INSERT, 5, 5)]


def test_dissimilar_paragraphs_are_not_paired():
    old = blocks("The budget was approved without a vote.")
    new = blocks("Councillor Khan left the meeting at 7.15 p.m.")
    assert [c.op for c in align_blocks(old, new)] == [DELETE, INSERT]


def test_a_long_gap_is_paired_within_a_band():
    old = blocks(*(f"Paragraph {i} says the report on item {i} was noted." for i in range(80)))
    new = blocks(*(f"Paragraph {i} says the report on item {i} was received." for i in range(80)))
    changes = align_blocks(old, new)
    assert len(changes) == 80 and {c.op for c in changes} == {REPLACE}


# --- minutes ------------------------------------------------------------------------------


def test_minutes_renumbered_after_one_is_removed():
    old = [
        section(1, "APOLOGIES"),
        section(2, "QUESTIONS"),
        section(3, "BUDGET"),
        section(4, "URGENT"),
    ]
    new = [section(1, "APOLOGIES"), section(2, "BUDGET"), section(3, "URGENT")]
    assert align_minutes(old, new) == [(0, 0), (2, 1), (3, 2)]


def test_two_minutes_swapped_and_a_retitled_one():
    old = [
        section(5, "BUDGET"),
        section(6, "HOUSING"),
        section(7, "PARKS"),
        section(8, "ROADS REVIEW"),
    ]
    new = [
        section(5, "BUDGET"),
        section(6, "PARKS"),
        section(7, "HOUSING"),
        section(8, "ROAD REVIEW"),
    ]
    pairs = align_minutes(old, new)
    assert sorted(pairs) == [(0, 0), (1, 2), (2, 1), (3, 3)]


def test_repeated_titles_keep_their_order():
    titles = ["NOTICE OF MOTION", "NOTICE OF MOTION", "CORRESPONDENCE", "NOTICE OF MOTION"]
    old = [section(i + 1, t, f"Motion text {i}.") for i, t in enumerate(titles)]
    new = [section(i + 1, t, f"Motion text {i}.") for i, t in enumerate(titles) if i != 1]
    assert align_minutes(old, new) == [(0, 0), (2, 1), (3, 2)]


def test_a_minute_retitled_and_renumbered_is_found_by_its_content():
    text = (
        "The Head of Service presented the annual report on fly-tipping enforcement, "
        "including the number of fixed penalty notices issued in each ward."
    )
    old = [section(10, "FLY-TIPPING - ANNUAL REPORT", text), section(11, "URGENT BUSINESS")]
    new = [section(12, "ENVIRONMENTAL ENFORCEMENT", text), section(13, "URGENT BUSINESS")]
    assert align_minutes(old, new) == [(0, 0), (1, 1)]


def test_no_numbered_minutes_falls_back_to_paragraphs():
    old = document("Notes of the meeting.", "The group discussed the budget.", path="old.txt")
    new = document(
        "Notes of the meeting.", "The group discussed the housing budget.", path="new.txt"
    )
    result = diff_parsed(parse_document(old), parse_document(new))
    (item,) = result.items
    assert item.status == CHANGED and item.old.number is None
    assert marked(item.changes[0].words) == "The group discussed the {+housing+} budget."


# --- real documents -------------------------------------------------------------------------


def edit_002(tmp_path: Path) -> Path:
    """Seed 002 as an editor might change it: minute 98 removed and the rest
    renumbered, minutes 103 and 104 swapped, a resolution reworded, a name changed."""
    text = seed("002").read_text(encoding="utf-8")
    start, end = text.index("\n98. QUESTIONS"), text.index("\n99. COMMUNICATIONS")
    text = text[:start] + text[end:]
    for n in range(99, 107):
        text = text.replace(f"\n{n}. ", f"\n{n - 1}. ", 1)
    a = text.index("\n102. WORK PROGRAMME")
    b = text.index("\n103. IMPROVING LIVES SELECT COMMISSION - SUB")
    c = text.index("\n104. URGENT BUSINESS")
    work, groups = text[a:b], text[b:c]
    text = (
        text[:a]
        + groups.replace("\n103. ", "\n102. ", 1)
        + work.replace("\n102. ", "\n103. ", 1)
        + text[c:]
    )
    old_resolution = "That the presentation be circulated to the Commission."
    assert old_resolution in text
    text = text.replace(
        old_resolution,
        "That the presentation slides be circulated to all Members of the Commission.",
    )
    assert "Councillors Atkin, Bacon," in text
    text = text.replace("Councillors Atkin, Bacon,", "Councillors Atkin, Beacon,")
    out = tmp_path / "002_edited.txt"
    out.write_text(text, encoding="utf-8")
    return out


def statuses(result) -> list[tuple[str, int | None, int | None]]:
    return [
        (i.status, i.old.number if i.old else None, i.new.number if i.new else None)
        for i in result.items
    ]


def test_a_seed_against_itself_is_the_same():
    for prefix in ("000", "002", "003", "004"):
        result = diff_paths(str(seed(prefix)), str(seed(prefix)))
        assert result.same and result.header == [], prefix


def test_the_edited_copy_of_seed_002(tmp_path):
    result = diff_paths(str(seed("002")), str(edit_002(tmp_path)))
    assert not result.same
    assert statuses(result) == [
        (UNCHANGED, 95, 95),
        (UNCHANGED, 96, 96),
        (UNCHANGED, 97, 97),
        (REMOVED, 98, None),
        (RENUMBERED, 99, 98),
        (RENUMBERED, 100, 99),
        (RENUMBERED, 101, 100),
        (RENUMBERED, 102, 101),
        (MOVED, 104, 102),
        (UNCHANGED, 103, 103),
        (RENUMBERED, 105, 104),
        (RENUMBERED, 106, 105),
    ]
    assert result.summary == {
        ADDED: 0,
        REMOVED: 1,
        CHANGED: 0,
        MOVED: 1,
        RENUMBERED: 6,
        UNCHANGED: 4,
    }
    facts = [(c.field, c.op, c.old_text, c.new_text) for c in result.header if c.field]
    assert facts == [("present", REPLACE, "Councillor Bacon", "Councillor Beacon")]
    (present,) = [c for c in result.header if c.field is None]
    assert "Atkin, [-Bacon-]{+Beacon+}, Baker-Rogers" in marked(present.words)
    (resolution,) = next(i for i in result.items if i.old and i.old.number == 102).changes
    assert marked(resolution.words) == (
        "That the presentation {+slides+} be circulated to {+all Members of+} the Commission."
    )
    assert (resolution.old_line, resolution.new_line) == (198, 194)
    removed = next(i for i in result.items if i.status == REMOVED)
    assert [c.old_text for c in removed.changes] == [
        "There were no questions from members of the public or press."
    ]


def test_seed_003_a_resolution_part_edited_across_wrapped_lines(tmp_path):
    text = seed("003").read_text(encoding="utf-8")
    old = "(2)  That a progress report be submitted on dental assessments in 4 \nmonths."
    assert old in text
    path = tmp_path / "003.txt"
    path.write_text(
        text.replace(
            old, "(2)  That a progress report be submitted on dental \nassessments in 6 months."
        ),
        encoding="utf-8",
    )
    result = diff_paths(str(seed("003")), str(path))
    changed = [i for i in result.items if i.status != UNCHANGED]
    assert [(i.status, i.old.number) for i in changed] == [(CHANGED, 26)]
    (change,) = changed[0].changes
    assert marked(change.words) == (
        "(2) That a progress report be submitted on dental assessments in [-4-]{+6+} months."
    )
    assert change.old_line == 794 and change.new_line == 795


def test_the_draft_and_final_minutes_of_one_tintern_meeting():
    """The council filed an early draft of the 8 January 2024 minutes under 2023: the
    final text cancels a cheque and adds the closing line; the rest only wraps
    differently."""
    draft = corpus("tintern-wyevalley-cc/20230108_minutes.txt")
    final = corpus("tintern-wyevalley-cc/20240108_minutes.txt")
    result = diff_paths(str(draft), str(final))
    assert result.header == []
    changed = [i for i in result.items if i.status != UNCHANGED]
    assert [(i.status, i.old.number, i.new.number) for i in changed] == [
        (CHANGED, 3628, 3628),
        (CHANGED, 3637, 3637),
    ]
    (cheque,) = changed[0].changes
    assert cheque.op == REPLACE and (cheque.old_line, cheque.new_line) == (20, 20)
    assert [(w.op, w.new_text) for w in cheque.words if w.op != "equal"] == [
        (INSERT, "\u2013 cancelled.")
    ]
    (closing,) = changed[1].changes
    assert (closing.op, closing.new_text, closing.new_line) == (
        INSERT,
        "There being no further business the meeting closed at 20.47.",
        59,
    )
    assert result.summary[UNCHANGED] == 14
    # Backwards, the same changes the other way round.
    back = diff_paths(str(final), str(draft))
    assert [c.op for i in back.items for c in i.changes] == [REPLACE, DELETE]


@pytest.mark.parametrize("prefix", ["001", "004"])
def test_a_pack_with_an_officer_report_edited(tmp_path, prefix):
    """In a pack, the parts are aligned first; an edit in a report is a change of that
    part, with the minutes left alone."""
    parsed = parse_path(seed(prefix))
    report = next(p for p in parsed.parts if p.kind == "report")
    lines = seed(prefix).read_text(encoding="utf-8").split("\n")
    found = (
        (b.line, re.search(r"\b[a-z]{6,}\b", lines[b.line - 1]))
        for b in report.blocks
        if len(b.text.split()) > 12
    )
    line, match = next((n, m) for n, m in found if m)
    word = match.group()
    lines[line - 1] = lines[line - 1].replace(word, word.upper(), 1)
    path = tmp_path / seed(prefix).name
    path.write_text("\n".join(lines), encoding="utf-8")
    result = diff_paths(str(seed(prefix)), str(path))
    changed = [i for i in result.items if i.status != UNCHANGED]
    assert [(i.kind, i.status) for i in changed] == [("report", CHANGED)]
    (change,) = changed[0].changes
    assert [(w.old_text, w.new_text) for w in change.words if w.op != "equal"] == [
        (word, word.upper())
    ]


_LINES = st.sampled_from(
    [
        "1.   APOLOGIES",
        "2.   BUDGET",
        "3.   BUDGET",
        "Present:- Councillor Ash (in the Chair); Councillors Bell and Cole.",
        "Resolved:-  (1)  That the report be noted.",
        "(2)  That a further report be submitted.",
        "Members asked about the budget.",
        "The Chair thanked the officers.",
        "- a bullet point",
        "",
    ]
)


@given(st.lists(_LINES, max_size=30), st.lists(_LINES, max_size=30), st.text(max_size=80))
def test_any_two_documents_align_without_a_crash(old_lines, new_lines, noise):
    from minlint.lint.diff import html, json, text
    from minlint.lint.readers.text import read_plain

    old = parse_document(read_plain("\n".join(old_lines), "old.txt"))
    new = parse_document(read_plain("\n".join([*new_lines, noise]), "new.txt"))
    result = diff_parsed(old, new)
    assert result.same == (result.summary[UNCHANGED] == len(result.items) and not result.header)
    text.render(result)
    json.to_json(result)
    html.render_fragment(result)
    assert diff_parsed(old, old).same
