"""The word diff of two strings: what `minlint diff`, the redline and X001 show."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from minlint.lint.diff.words import (
    DELETE,
    EQUAL,
    INSERT,
    LONG_TEXT,
    REPLACE,
    excerpt,
    marked,
    paragraph_key,
    tokens,
    word_diff,
)


def test_a_name_changed_in_a_list_shows_only_the_name():
    old = "Present:- Councillors Atkin, Bacon, Baker-Rogers and Mills."
    new = "Present:- Councillors Atkin, Beacon, Baker-Rogers and Mills."
    ops = word_diff(old, new)
    assert (
        marked(ops) == "Present:- Councillors Atkin, [-Bacon-]{+Beacon+}, Baker-Rogers and Mills."
    )
    assert [(op.op, op.old_text, op.new_text) for op in ops if op.op != EQUAL] == [
        (REPLACE, "Bacon", "Beacon")
    ]


def test_insertions_deletions_and_their_spaces():
    assert marked(word_diff("a b c", "a c")) == "a [-b-] c"
    assert marked(word_diff("a c", "a b c")) == "a {+b+} c"
    assert marked(word_diff("", "two words")) == "{+two words+}"
    assert marked(word_diff("two words", "")) == "[-two words-]"
    assert marked(word_diff("the report, as amended", "the report as amended")) == (
        "the report[-,-] as amended"
    )
    assert word_diff("", "") == []


def test_numbers_with_separators_are_one_word():
    ops = word_diff(
        "Precept of £9,780 paid on 20/12/2023.", "Precept of £9,870 paid on 20/12/2023."
    )
    assert marked(ops) == "Precept of [-£9,780-]{+£9,870+} paid on 20/12/2023."


def test_quotes_dashes_and_spaces_are_not_differences():
    old = "That the report be noted \u2013 the Chair\u2019s  proposal."
    new = "That the report be noted - the Chair's proposal."
    ops = word_diff(old, new)
    assert [op.op for op in ops] == [EQUAL]
    assert paragraph_key("\u2022 The Chair\u2019s\u00a0report") == "The Chair's report"
    assert paragraph_key("- The Chair's report") == paragraph_key("The Chair's report")


def test_offsets_locate_each_run_in_both_texts():
    old = "That a further report be submitted in six months\u2019 time."
    new = "That a further report be submitted in twelve months' time."
    for op in word_diff(old, new):
        assert old[op.old_start : op.old_end] == op.old_text
        assert new[op.new_start : op.new_end] == op.new_text


def test_excerpt_gives_the_changes_with_a_little_context():
    old = (
        "Members asked how the Partnership would judge whether the 12 new CCTV cameras "
        "installed in the town centre had made a difference. The Manager said that a "
        "baseline had been taken in March and would be compared with the same months next year."
    )
    new = (
        "Members asked how the Partnership would judge whether the 12 new CCTV cameras in "
        "the town centre had made any difference. The Manager said a baseline had been "
        "taken in March and would be compared with the same period next year."
    )
    text = excerpt(word_diff(old, new))
    assert text == (
        "…new CCTV cameras [-installed-] in the town centre had made [-a-]{+any+} difference. "
        "The Manager said [-that-] a baseline had… …with the same [-months-]{+period+} next year."
    )
    assert excerpt(word_diff(old, old)) == ""
    assert excerpt(word_diff(old, new), limit=1).endswith(" …")


def test_a_quoted_resolution_against_its_source():
    source = "(2) That a further report be brought to the Commission in six months' time."
    quote = "(2) That a further report be brought to the Commission in twelve months\u2019 time."
    assert excerpt(word_diff(source, quote)) == (
        "…the Commission in [-six-]{+twelve+} months’ time."
    )


def test_long_texts_are_compared_sentence_by_sentence():
    sentence = "The service reported {n} new referrals and {m} closed cases in the quarter."
    old = " ".join(sentence.format(n=i, m=i + 1) for i in range(120))
    new = old.replace("reported 60 new", "reported 61 new")
    assert len(old.split()) > 2 * LONG_TEXT
    changes = [op for op in word_diff(old, new) if op.op != EQUAL]
    assert [(op.op, op.old_text, op.new_text) for op in changes] == [(REPLACE, "60", "61")]


def _keys(text: str) -> list[str]:
    return [t.key for t in tokens(text)]


@given(st.text(max_size=300), st.text(max_size=300))
def test_any_two_texts_diff_without_losing_a_word(old, new):
    ops = word_diff(old, new)
    assert all(op.op in (EQUAL, INSERT, DELETE, REPLACE) for op in ops)
    # The runs hold every word of each text, in order, and nothing else.
    assert [k for op in ops for k in _keys(op.old_text)] == _keys(old)
    assert [k for op in ops for k in _keys(op.new_text)] == _keys(new)
    marked(ops)
    excerpt(ops)


@given(
    st.lists(st.sampled_from(["the", "report", "was", "noted", ",", "12", "Bacon"]), max_size=60)
)
def test_a_text_against_itself_is_one_equal_run(words):
    text = " ".join(words)
    ops = word_diff(text, text)
    assert all(op.op == EQUAL for op in ops)
    assert marked(ops) == text


# --- loose comparison: a quotation against its source ------------------------------------


def test_loose_comparison_ignores_case_punctuation_and_line_breaks():
    from minlint.lint.diff.words import shared_words

    ops = word_diff(
        "That a further report be brought\nto the Commission in six months' time.",
        "that a further report be brought to the Commission in six months’ time",
        loose=True,
    )
    assert [op.op for op in ops] == ["equal"]
    assert shared_words(ops) == 1.0
    strict = word_diff("That a report be brought.", "that a report be brought")
    assert any(op.op != "equal" for op in strict)


def test_loose_comparison_shows_a_changed_word_in_context():
    from minlint.lint.diff.words import excerpt, shared_words

    ops = word_diff(
        "That a further report on the scheme be brought to the Commission in six months' time.",
        "That a further report on the scheme be brought to the Commission in twelve months' time.",
        loose=True,
    )
    assert excerpt(ops) == "…the Commission in [-six-]{+twelve+} months' time"
    assert 0.9 < shared_words(ops) < 1.0


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_fold_is_the_table_then_one_space_for_each_run_of_white_space(text: str):
    import re

    from minlint.lint.diff.words import _FOLD, fold

    assert fold(text) == re.sub(r"\s+", " ", text.translate(_FOLD)).strip()
