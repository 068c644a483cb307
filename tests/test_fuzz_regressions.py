"""Inputs the fuzz campaign (bench/fuzz.py) found to crash, hang or exhaust memory, each
rebuilt here at test time in its smallest form: every one is now read, or refused with
one clear line, and checked by every rule without an error."""

from __future__ import annotations

import hashlib
import logging
import re
import zlib
from pathlib import Path

import pytest
from docgen import W_NS, docx_members, zip_bytes
from hypothesis import given
from hypothesis import strategies as st

from minlint.lint.engine import CheckOptions, run_check
from minlint.lint.readers import InputError, read_document


def refused(path: Path) -> str:
    with pytest.raises(InputError) as err:
        read_document(path)
    message = str(err.value)
    assert "\n" not in message and len(message) < 200
    return message


def checked_cleanly(path: Path) -> None:
    """The whole check with every rule: no rule failed and no reader broke."""
    result = run_check([str(path)], CheckOptions(select=("ALL",)))
    assert all(e.path == str(path) for e in result.errors)
    assert not [e for e in result.errors if "failed" in e.message or "internal" in e.message]


def _docx(tmp_path: Path, members: list[dict]) -> Path:
    path = tmp_path / "draft.docx"
    path.write_bytes(zip_bytes(members))
    return path


def test_a_corrupt_deflate_stream_is_refused(tmp_path: Path):
    members = docx_members("19. DECLARATIONS OF INTEREST")
    document = members[2]
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    stream = bytearray(packer.compress(document["data"]) + packer.flush())
    stream[len(stream) // 2 :] = b"\xff" * (len(stream) - len(stream) // 2)
    document["stream"] = bytes(stream)
    path = _docx(tmp_path, members)
    assert refused(path).startswith("word/document.xml is damaged: Error -3 while decompressing")
    checked_cleanly(path)


# PDF ------------------------------------------------------------------------------------


def _pdf(tmp_path: Path, old: bytes, new: bytes) -> Path:
    pytest.importorskip("pypdf")
    from docgen import simple_pdf

    lines = [(56, 800 - 16 * i, 10, f"{19 + i}. DECLARATIONS OF INTEREST") for i in range(3)]
    path = simple_pdf(tmp_path / "pack.pdf", [lines])
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))
    return path


def test_a_stream_filter_pypdf_does_not_know_is_refused(tmp_path: Path):
    path = _pdf(tmp_path, b"<< /Length", b"<< /Filter /FlateDekode /Length")
    assert refused(path) == "cannot read the PDF: Unsupported filter /FlateDekode"
    checked_cleanly(path)


def test_pypdf_logs_nothing_while_minlint_reads(tmp_path: Path, caplog):
    """A font encoding pypdf does not know: it logs an error and reads on; minlint's
    output stays its own."""
    path = _pdf(tmp_path, b"/WinAnsiEncoding", b"/WinAnsiEncodXYZ")
    caplog.set_level(logging.DEBUG)
    assert "DECLARATIONS OF INTEREST" in read_document(path).blocks[0].text
    assert [r.getMessage()[:40] for r in caplog.records if r.name.startswith("pypdf")] == []


# Numbered lists -------------------------------------------------------------------------


def test_a_lettered_html_list_starting_beyond_reason_is_read(tmp_path: Path):
    page = tmp_path / "minutes.html"
    page.write_text(
        '<ol start="99999999999999999999" type="a"><li>First</li><li>Second</li></ol>',
        encoding="utf-8",
    )
    texts = [b.text for b in read_document(page).blocks]
    assert texts == ["99999999999999999999. First", "100000000000000000000. Second"]
    checked_cleanly(page)


def test_a_lettered_word_list_starting_beyond_reason_is_read(tmp_path: Path):
    members = docx_members()
    numbering = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        '<w:start w:val="99999999999999999999"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    ).encode()
    paragraph = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    body = (
        f'<w:document xmlns:w="{W_NS}"><w:body>{paragraph}<w:r><w:t>That the report be noted.'
        "</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    members[2]["data"] = body
    members.append({"name": "word/numbering.xml", "data": numbering})
    path = _docx(tmp_path, members)
    texts = [b.text for b in read_document(path).blocks]
    assert texts == ["(99999999999999999999) That the report be noted."]
    checked_cleanly(path)


@pytest.mark.parametrize("char", ["110000", "FFFFFFFFFFFFFFFFFFFF", "D800", "DFFF", "-1", "-41"])
def test_a_word_symbol_that_is_no_character_is_left_out(tmp_path: Path, char: str):
    members = docx_members()
    members[2]["data"] = (
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Item</w:t>'
        f'<w:sym w:char="{char}"/><w:t>s</w:t><w:sym w:char="0041"/></w:r></w:p>'
        "</w:body></w:document>"
    ).encode()
    path = _docx(tmp_path, members)
    assert [b.text for b in read_document(path).blocks] == ["ItemsA"]
    checked_cleanly(path)


# Facts --------------------------------------------------------------------------------


def test_a_time_cue_before_a_number_of_thousands_of_digits():
    from minlint.lint.facts.quantities import find_quantities

    digits = "9" * 4400  # beyond Python's limit for converting a string to an int
    (found,) = find_quantities(f"The meeting resumed at {digits}.03 and closed.")
    assert found.text == f"{digits}.03"


def test_a_zip_needing_a_later_version_of_zip_is_refused(tmp_path: Path):
    data = bytearray(zip_bytes(docx_members()))
    at = data.find(b"PK\x01\x02")
    while at != -1:
        data[at + 6 : at + 8] = (148).to_bytes(2, "little")  # "version needed": 14.8
        at = data.find(b"PK\x01\x02", at + 1)
    path = tmp_path / "draft.docx"
    path.write_bytes(bytes(data))
    assert refused(path) == "cannot read this Word document: zip file version 14.8"
    checked_cleanly(path)


def test_an_encrypted_member_is_named_in_plain_words(tmp_path: Path):
    members = docx_members()
    members[2]["flags"] = 1  # the member says it is encrypted
    path = _docx(tmp_path, members)
    assert refused(path) == "cannot read word/document.xml: it is encrypted with a password"
    checked_cleanly(path)


# HTML -----------------------------------------------------------------------------------


def test_a_block_of_many_lines_is_gathered_in_linear_time(tmp_path: Path):
    """A paragraph of 30,000 lines (the campaign's "1." repeated) was joined by copying
    the whole text for each line: minutes for a file of a few megabytes. The pieces are
    now kept until the block is complete and joined once."""
    from minlint.lint.readers.html import _Inline

    inline = _Inline()
    for line in range(1, 30_001):
        inline.add("1.\n", line, 1)
    assert len(inline.parts) == 60_000  # "1." and a space per line, none joined yet
    assert inline.size == len(inline.text) == 90_000
    assert inline.parts == [inline.text]  # joined once, when read
    assert inline.origins[:2] == [(0, 1, 1), (3, 2, 1)]

    page = tmp_path / "minutes.html"
    page.write_text("<p>19. Minutes</p><p>" + "1.\n" * 30_000 + "</p>", encoding="utf-8")
    blocks = read_document(page).blocks
    assert [len(b.text) for b in blocks] == [11, 2 + 3 * 29_999]
    assert (blocks[1].line, blocks[1].end_line) == (1, 30_000)
    checked_cleanly(page)


def test_paragraphs_on_one_long_line_are_found_where_each_is(tmp_path: Path):
    """Each piece of text was looked for from the start of its source line: a page
    written on one line (as many are) was searched once per piece, and a repeated
    text was placed at its first occurrence every time."""
    texts = ["The report was noted.", "The report was noted.", "The panel adjourned."]
    page = tmp_path / "minutes.html"
    page.write_text("".join(f"<p>{t}</p>" for t in texts), encoding="utf-8")
    blocks = read_document(page).blocks
    assert [b.text for b in blocks] == texts
    assert [b.locate(0) for b in blocks] == [(1, 4), (1, 32), (1, 60)]
    checked_cleanly(page)


# Long lists, many cues, long lines -------------------------------------------------------


def test_a_present_list_of_thousands_of_names_is_split_once_over():
    """The depth of parentheses before each comma was counted from the start of the
    text: a list of 20,000 names took seconds. Names inside parentheses still stay
    whole."""
    from minlint.lint.facts.people import split_names

    names = [f"Councillor Name{chr(65 + n % 26)}{chr(65 + n // 26 % 26)}" for n in range(20_000)]
    people = split_names(", ".join(names) + " (Chair, Audit and Standards)")
    assert len(people) == 20_000
    assert (people[-1].name, people[-1].role) == ("NameFP", "Chair, Audit and Standards")


def test_every_incomplete_date_in_a_paragraph_as_long_as_a_file(tmp_path: Path):
    """D002 copied the rest of the paragraph after every "held on": a paragraph of a
    megabyte with thousands of them took minutes."""
    draft = tmp_path / "minutes.txt"
    draft.write_text("The panel held on. Then it was held on 31 June 2024. " * 8000)
    result = run_check([str(draft)], CheckOptions(select=("D002",)))
    messages = [f.message for f in result.findings]
    assert len(messages) == 16_000
    assert messages[:2] == [
        'no date after "held on"',
        '"31 June 2024" is not a date: June has 30 days',
    ]


def test_many_findings_on_one_line_longer_than_a_page():
    from minlint.lint.baseline import LONG_LINE, fingerprint

    short = "Held on 31 June 2024."
    expected = hashlib.sha256(f"D002\0m\0{short}".encode()).hexdigest()[:16]
    assert fingerprint("D002", "m", "  Held on   31 June 2024. ") == expected  # unchanged
    long = "x " * LONG_LINE
    first, second = fingerprint("D002", "m", long), fingerprint("D002", "n", long)
    assert first != second and first == fingerprint("D002", "m", "x  " * LONG_LINE)
    assert first != fingerprint("D002", "m", long + "y")


# Patterns -------------------------------------------------------------------------------


def test_a_month_followed_by_a_run_of_stars_or_spaces():
    """ "February" and then twelve thousand asterisks took seconds: the space pattern
    after a month (spaces, asterisks, one line break) could split a run of them in
    every possible way before giving up."""
    from minlint.lint.facts.dates import find_dates, find_times
    from minlint.lint.facts.quantities import find_quantities
    from minlint.lint.facts.references import find_references

    for run in ("*" * 20_000, " " * 20_000, "\t" * 20_000):
        assert find_dates(f"February{run}!") == []
        assert [d.date.isoformat() for d in find_dates(f"12 February{run[:3]}2024")] == [
            "2024-02-12"
        ]
        assert [t.text for t in find_times(f"at 5{run}!")] == []
        assert find_references(f"minute 97{run}!")[0].number == 97
        assert [q.value for q in find_quantities(f"It cost £5{run}!")] == [5.0]


def test_no_pattern_splits_a_run_around_an_optional_line_break():
    """The shape behind the hang above, anywhere in minlint's patterns: a repeat, an
    optional line break, and the same repeat again (write ``X*(?:\\nX*)?``)."""
    ambiguous = re.compile(r"(\{_?\w+\}|\[[^\]]+\]|\\s)\*\\n\?\1\*")
    package = Path(__file__).resolve().parent.parent / "minlint"
    found = [
        f"{path.relative_to(package)}:{n}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ambiguous.search(line)
    ]
    assert found == []


@pytest.mark.parametrize(
    "run", ["[", "![", "[a](", "<", "<p", "<tr>", "<td>", "<!--", "<!-- minlint:"]
)
def test_a_markdown_line_of_thousands_of_unclosed_openings(tmp_path: Path, run: str):
    """Each "[" (or "<!--", "<", "<tr>") was followed to the end of the line looking for
    its close:
    a line of thousands of them took seconds. A link and a directive on the same line
    are still read."""
    draft = tmp_path / "minutes.md"
    line = "[the report](https://example.org/r.pdf) <!-- minlint: disable-line=D001 -->"
    draft.write_text(f"{line} Monday 12 March 2024 {run * 16_000}\n", encoding="utf-8")
    doc = read_document(draft)
    assert doc.blocks[0].text.startswith("the report Monday 12 March 2024")
    assert [d.text for d in doc.directives] == ["minlint: disable-line=D001"]
    assert run_check([str(draft)], CheckOptions(select=("D001",))).findings == []


@pytest.mark.parametrize("run", ["<td>" * 40_000, "x" * 160_000])
def test_a_paragraph_with_a_run_of_thousands_of_characters_without_a_space(
    tmp_path: Path, run: str
):
    """A table's tags pasted into one line (160,000 characters, no space) hung the
    duplicate and artefact checks: the address pattern ("name@host.tld") and the
    repeated-phrase pattern tried every length of the run from each of its characters.
    Addresses and repeated phrases are still found."""
    from minlint.lint.duplicates import _TOKEN, _masked
    from minlint.lint.facts.artefacts import drawn_repeatedly

    words = _TOKEN.findall(_masked(f"Write to clerk@council.gov.uk or www.c.org {run}"))
    assert words[:2] == ["Write", "to"] and "clerk" not in words and "www" not in words
    assert drawn_repeatedly("the cost of the cost of the cost of " + run)
    assert not drawn_repeatedly("the cost of the cost of " + run)
    draft = tmp_path / "minutes.txt"
    draft.write_text(f"19. DECLARATIONS OF INTEREST\n\nThe report was noted. {run}\n")
    checked_cleanly(draft)


def test_a_sentence_of_thousands_of_bracketed_figures(tmp_path: Path):
    """ "(1)" pasted twenty thousand times into one sentence hung the totals reader: the
    bracket depth was counted from the start of the text for every figure, and the
    figures of each sentence and those between two figures were looked for among all.
    Such a sentence is not read for sums; the sentences around it still are."""
    from minlint.lint.facts.totals import _depth

    text = "The grant (£3,000 (net)) was paid) ((."
    for pos in range(len(text) + 1):
        assert _depth(text, pos) == max(0, text[:pos].count("(") - text[:pos].count(")"))

    draft = tmp_path / "minutes.txt"
    draft.write_text(
        "19. GRANTS\n\nThe youth club received £3,000 and the scouts £2,000, "
        "a total of £6,000. There" + " (1)" * 20_000 + ".\n"
    )
    result = run_check([str(draft)], CheckOptions(select=("T001",)))
    assert [f.message for f in result.findings] == ["£3,000 + £2,000 = £5,000, not £6,000"]
    checked_cleanly(draft)


def test_a_paragraph_of_thousands_of_lines_each_with_a_figure(tmp_path: Path):
    """Each line (and each sentence) of a block looked through all the block's figures
    for its own: ten thousand lines of figures took minutes. Figures are found by
    position now; what each line and sentence holds is unchanged."""
    from minlint.lint.blocks import PARAGRAPH, Block
    from minlint.lint.facts.counts import _count_figures
    from minlint.lint.facts.totals import block_figures

    block = Block(PARAGRAPH, "The 12 groups and 3 clubs met; 4 panels and 7 teams did not.", 1, 1)
    figures = block_figures(block)
    every = _count_figures(figures, 0, len(block.text))
    assert [f.value for f in every] == [12, 3, 4, 7]
    for start, end in [(0, 25), (4, 40), (25, 61), (30, 30), (5, 6)]:
        assert _count_figures(figures, start, end) == [f for f in every if start <= f.start < end]
    draft = tmp_path / "minutes.txt"
    draft.write_text("19. GRANTS\n\n" + "the 12 groups and £300 for 3 clubs\n" * 10_000)
    checked_cleanly(draft)


def test_a_sentence_with_a_run_of_thousands_of_capitals():
    """ "Proposed and seconded" before a run of a million capital letters hung the
    reading of decisions: a name was tried from every letter of the run to its end.
    Names now start where a word starts and their words are bounded."""
    from minlint.lint.extract.resolutions import _decision

    assert _decision("Cllr Hayward proposed and Cllr Evans seconded that the grant be paid.") == (
        "proposal",
        "that the grant be paid.",
        "Hayward",
        "Evans",
    )
    run = "A" * 1_000_000
    assert _decision(f"It was proposed and seconded that {run} be paid.") is None
    assert _decision(f"Proposed Cllr Osei, seconded Cllr Lloyd, RESOLVED that {run}.")[0] == (
        "proposal"
    )


def test_a_text_file_far_longer_than_any_minutes_is_refused(tmp_path: Path):
    """Twenty-two MB of text took over a minute and gigabytes to check: a file over the
    limit is refused in one line before it is read, and the other files are checked."""
    from minlint.lint.readers import MAX_TEXT_BYTES

    huge = tmp_path / "minutes.txt"
    with huge.open("wb") as fh:
        fh.truncate(MAX_TEXT_BYTES + 1)  # sparse: nothing is written
    assert (
        refused(huge)
        == f"file too large ({MAX_TEXT_BYTES + 1} bytes; the limit is {MAX_TEXT_BYTES})"
    )
    other = tmp_path / "other.txt"
    other.write_text("19. DECLARATIONS OF INTEREST\n\nThere were none.\n")
    result = run_check([str(huge), str(other)], CheckOptions(select=("ALL",)))
    assert [e.path for e in result.errors] == [str(huge)]


def test_minutes_of_thousands_of_minutes(tmp_path):
    """Five thousand minutes "1. Item", "2. Item" ...: each minute's heading was looked for
    among all the blocks of the minutes, for the name and attendance rules. The blocks of
    a heading are found by position now; what each minute holds is unchanged."""
    from minlint.lint.facts.identity import minute_blocks
    from minlint.lint.parse import parse_path

    draft = tmp_path / "minutes.txt"
    draft.write_text(
        "MINUTES of the panel held on 5 March 2024\n\nPresent: Councillors Ahmed and Baker\n\n"
        + "".join(f"{n}. Item\n" for n in range(1, 5001))
    )
    (part,) = parse_path(draft).minutes
    assert len(part.items) == 5000
    by_minute = minute_blocks(part)
    assert [n for n, _ in by_minute[:3]] == [1, 2, 3]
    assert [[b.text for b in blocks] for _, blocks in by_minute[:2]] == [["1. Item"], ["2. Item"]]
    checked_cleanly(draft)


def _run_on_minutes(count: int) -> str:
    """Minutes whose items run on after the last sentence of the item before, all in one
    line, as some PDF text has them ("... for use.3652. Date of next meeting: ...")."""
    items = "".join(
        f"{3000 + n}. Item {n}: Apologies were received from Cllr Hughes for lateness. "
        f"It was resolved to note item {n}."
        for n in range(1, count + 1)
    )
    return (
        "MINUTES of the community council held on 5 March 2024\n\n"
        "Present: Cllrs Ahmed, Baker and Hughes\n\n" + items.replace(". 30", ".30") + "\n"
    )


def test_hundreds_of_minutes_run_on_in_one_line(tmp_path):
    """Each heading was read with the whole rest of the line as its text, and each minute
    held the text of every minute after it: quadratic, and wrong. A minute now ends
    where the next one starts."""
    from minlint.lint.parse import parse_path

    draft = tmp_path / "minutes.txt"
    draft.write_text(_run_on_minutes(400))
    (part,) = parse_path(draft).minutes
    assert [m.number for m in part.items] == list(range(3001, 3401))
    for m in part.items[:-1]:
        (body,) = m.blocks
        assert body.text.startswith("Apologies") and body.text.count("It was resolved") == 1
    assert sum(len(m.resolutions) for m in part.items) == 400
    checked_cleanly(draft)


def test_apologies_for_lateness_are_looked_for_once_a_block(monkeypatch, tmp_path):
    """Hundreds of apologies in one block searched the whole block for lateness each."""
    from minlint.lint.facts import participation
    from minlint.lint.parse import parse_path

    draft = tmp_path / "minutes.txt"
    names = ", ".join(f"Cllr {chr(65 + n % 26)}{chr(97 + n // 26 % 26)}son" for n in range(300))
    draft.write_text(
        "MINUTES of the community council held on 5 March 2024\n\n"
        f"Apologies: {names}\n\n1. Minutes\n\nThe minutes were approved.\n"
    )
    (part,) = parse_path(draft).minutes
    searched: list[int] = []

    class Counting:
        def search(self, text, *args):
            searched.append(len(text))
            return real.search(text, *args)

    real = participation._LATENESS
    monkeypatch.setattr(participation, "_LATENESS", Counting())
    found = participation.absences(part, str(draft))
    assert len(found) >= 250
    assert len(searched) <= len(part.blocks)


def test_names_in_running_text_do_not_search_the_whole_text_each(tmp_path):
    """Whether a name's last word is also written in lower case was a search of all the
    minutes for each name found; the words of the text are gathered once."""
    from minlint.lint.facts import identity
    from minlint.lint.parse import parse_path

    draft = tmp_path / "minutes.txt"
    mentions = " ".join(
        f"Cllr {chr(65 + n % 26)}{chr(97 + n // 26 % 26)}son Green spoke." for n in range(300)
    )
    draft.write_text(
        "MINUTES of the community council held on 5 March 2024\n\n"
        f"1. Parks\n\n{mentions} The green was cut.\n"
    )
    (part,) = parse_path(draft).minutes
    identity._runs.cache_clear()
    sightings = identity.mention_sightings(part, str(draft))
    assert len(sightings) >= 250
    assert all(not s.name.text.endswith("Green") for s in sightings)  # "green" is a word
    assert identity._runs.cache_info().misses <= 3


def test_figures_with_no_word_before_them_are_not_searched_for_one(monkeypatch):
    """A paragraph of 430,000 "(1)" (a block copied over and over) took 27 s: each figure
    was searched for a hedge ("about", "c.") and a month before it. Linear, but the
    searches are only needed where a word or a full stop comes before the figure."""
    from minlint.lint.facts import quantities, totals
    from minlint.lint.model import Block

    searched: list[str] = []

    class Counting:
        def __init__(self, real):
            self.real = real

        def search(self, text, *args):
            searched.append(self.real.pattern[:20])
            return self.real.search(text, *args)

    for module, name in ((totals, "_HEDGE_RE"), (quantities, "_MONTH_BEFORE_RE")):
        monkeypatch.setattr(module, name, Counting(getattr(module, name)))
    quantities._find_quantities.cache_clear()
    text = "It was agreed to give £50.00. " + "(1) " * 2000
    figures = totals.block_figures(Block(kind="paragraph", text=text, line=1, end_line=1))
    assert len(figures) == 2001
    assert len(searched) <= 4
    text = "About 50 came, nearly 60 left, c. 10 stayed; some 3 wrote by May 2."
    hedges = [
        f.hedge
        for f in totals.block_figures(Block(kind="paragraph", text=text, line=1, end_line=1))
    ]
    assert hedges == ["about", "nearly", "c.", "some"]


def test_a_surname_of_hundreds_of_letters_is_compared_not_indexed_by_its_deletions():
    """Every string left by deleting up to three letters of a surname was indexed: for a
    "surname" of 300 letters, a run of words without spaces in a damaged file, four
    million strings. A surname longer than any real one is compared with the few near
    its length, and its variants are still found."""
    from minlint.lint.facts.identity import parse_name
    from minlint.rules.a002_name_variant import _NearSurnames

    long = "Ab" + "cdefghijklmnopqrstuvw" * 15
    names = [
        parse_name(long, "Councillor"),
        parse_name(long[:150] + long[151:], "Councillor"),
        parse_name("Elliott", "Councillor"),
        parse_name("Elliot", "Councillor"),
    ]
    near = _NearSurnames(3)
    for k, n in enumerate(names):
        near.add((n.text, n.title, str(k)), n)
    assert len(near.index) < 100
    assert [key[2] for key in near.around(names[0])] == ["0", "1"]
    assert [key[2] for key in near.around(names[3])] == ["2", "3"]


def test_a_pdf_whose_catalogue_is_lost_is_refused_after_a_bounded_search(tmp_path, monkeypatch):
    """A PDF whose trailer names no catalogue, claiming thousands of objects: pypdf looked
    for the catalogue object by object, each look a scan of the whole file, up to 10,000
    times. The search is bounded by the bytes it scans, and the file refused in plain words."""
    pytest.importorskip("pypdf")
    from docgen import simple_pdf

    from minlint.lint.readers import pdf

    lines = [(56, 800 - k % 700, 10, f"{k}. The clerk reported on item {k}.") for k in range(4000)]
    data = simple_pdf(tmp_path / "whole.pdf", [lines]).read_bytes()  # some 200 KB
    data = data.replace(b"/Type /Catalog", b"/Type /Catalxg")
    size = re.search(rb"/Size (\d+) /Root 1 0 R", data)
    data = data.replace(size.group(), b"/Size 99999 /Root 99998 0 R".ljust(len(size.group())))
    damaged = tmp_path / "minutes.pdf"
    damaged.write_bytes(data)
    looked: list[int] = []
    real = pdf._reader

    def reader(pypdf, raw):
        found = real(pypdf, raw)
        looked.append(getattr(found, "_root_object_recovery_limit", 0))
        return found

    monkeypatch.setattr(pdf, "_reader", reader)
    message = refused(damaged)
    assert message in (
        "damaged PDF: its catalogue (root object) is lost",
        "cannot read the PDF: Cannot find Root object in pdf",  # a pypdf without the limit
    )
    assert len(data) > 150_000
    if looked and looked[0]:
        assert looked[0] * len(data) <= pdf._RECOVERY_BYTES


def test_a_scaled_amount_of_nothing(tmp_path):
    """ "€0 m" (a million times nothing) divided by zero to find the amount's precision."""
    from minlint.lint.facts.totals import block_figures
    from minlint.lint.parse import parse_path

    draft = tmp_path / "minutes.md"
    draft.write_text("Costs: €0 m, €1.5 m and £0bn in all; total €1.5 m.\n", encoding="utf-8")
    (block,) = parse_path(draft).document.blocks
    figures = block_figures(block)
    assert [f.value for f in figures][:2] == [0.0, 1_500_000.0]
    checked_cleanly(draft)


def test_the_titles_of_an_agenda_of_thousands_of_items_are_read_in_one_pass(tmp_path):
    """Each item's full title was looked for by a search of all the agenda's blocks."""
    from minlint.lint.facts.alignment import align
    from minlint.lint.parse import parse_path

    agenda = tmp_path / "agenda.txt"
    agenda.write_text(
        "AGENDA\n\nMeeting of the community council on Monday 4 March 2024\n\n"
        + "".join(f"{n}. Item number {n}\n" for n in range(1, 3001)),
        encoding="utf-8",
    )
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(
        "MINUTES of the community council held on Monday 4 March 2024\n\n"
        "1. Item number 1\n\nNoted.\n",
        encoding="utf-8",
    )
    (part,) = parse_path(agenda).agendas
    assert len(part.items) == 3000

    class Counted(list):
        passes = 0

        def __iter__(self):
            Counted.passes += 1
            return super().__iter__()

    part.blocks = Counted(part.blocks)
    (draft,) = parse_path(minutes).minutes
    align(part, draft)
    assert Counted.passes < 50


def test_a_run_of_digits_that_ends_in_no_number():
    """A run of digits that fails to be a number at its end ("999…9.5.5") was tried again
    from each of its digits: 22,000 digits took five seconds, and the 200,000 here would
    take most of an hour. A number now starts only where its digits start."""
    from minlint.lint.facts.quantities import find_quantities

    for n in (5, 200_000):
        assert find_quantities(f"cost £{'9' * n}.5.5 in all") == []
        found = find_quantities(f"cost {'9' * n},5 in all, and 12,000.50 more")
        assert [(q.text, q.value) for q in found] == [("12,000.50", 12000.5)]


def test_a_run_of_spaces_in_a_list_of_names():
    """The space before a separator of names was tried from each place of a run of
    spaces: 11,000 spaces took five seconds, and the 200,000 here most of an hour."""
    from minlint.lint.facts.people import split_names

    for n in (1, 20, 200_000):
        people = split_names(f"Councillors Atkin{' ' * n}and Bacon;{' ' * n}Cooper")
        assert [p.name for p in people] == ["Atkin", "Bacon", "Cooper"]
    assert [p.name for p in split_names("Councillors Atkin , , Bacon")] == ["Atkin", "Bacon"]
    # And the notes in brackets after a name ("(Chair)"), after a run of spaces.
    for n in (1, 200_000):
        people = split_names(f"Councillors Atkin{' ' * n}(Chair) and Bacon{' ' * n}(Vice-Chair)")
        assert [(p.name, p.role) for p in people] == [("Atkin", "chair"), ("Bacon", "vice-chair")]


def _patterns_searched_in_whole_blocks():
    """(pattern, a text it finds something in, what it finds, the unit of a long run that
    made it slow): each searched for in a whole block, title or paragraph."""
    from minlint.lint.extract import agenda, resolutions
    from minlint.lint.facts import counts
    from minlint.lint.readers import html
    from minlint.rules import r003_empty_resolution as r003

    return [
        (agenda._TRAILING_PAGE, "Budget monitoring   12", "   12", " "),
        (counts._TRAILING_COUNT_RE, "Members present ( 18 ).", " ( 18 ).", " "),
        (counts._CONJ_RE, "Ely, Ware and Hythe", " and ", " "),
        (counts._LIST_AFTER_RE, "three groups , namely Ely", " , namely ", " "),
        (html._FILE_SIZE, "Appendix A (PDF 245 KB)", " (PDF 245 KB)", " "),
        (r003._TAIL, "Resolved: that the report be noted. ”)", ". ”)", "."),
        (
            resolutions._PROPOSED_SECONDED,
            "Councillor Ann Lee proposed and Councillor Bob Cole seconded that it be noted",
            "Councillor Ann Lee proposed and Councillor Bob Cole seconded that it be noted",
            "Word ",
        ),
    ]


def test_patterns_searched_in_whole_blocks_start_where_a_run_starts():
    """Each of these was tried from every place of a long run of what it begins with
    (spaces, points, capitalised words) and took time of the square of the run's length:
    the 200,000-character runs here would take many minutes. What they find in ordinary
    text is unchanged."""
    for pattern, text, found, unit in _patterns_searched_in_whole_blocks():
        assert pattern.search(text).group() == found, pattern.pattern
        run = unit * (200_000 // len(unit))
        assert pattern.search(f"x{run}x") is None, pattern.pattern
        assert pattern.search(f"{run}{text}").group().strip().endswith(found.strip()), (
            pattern.pattern
        )


def test_no_pattern_searched_in_a_whole_text_begins_with_an_unanchored_run():
    """The shape behind the hangs above: a pattern searched for in a whole text (search,
    finditer, findall, sub, split) that begins with a run (``\\s*``, ``[^\\S\\n]+``,
    ``\\W*``) is tried from each place of a long run of it. Begin it with a lookbehind
    (``(?<!\\s)\\s*``) so that only the run's start is tried, bound the search (``pos``,
    ``endpos``), or match at one place."""
    import ast
    import importlib

    from minlint.lint.lazyre import LazyPattern

    leading = re.compile(r"^(?:\\s[*+]|\[\^\\S\\n\][*+]|\[\\s[^\]]*\][*+]|\\W[*+])")
    package = Path(__file__).resolve().parent.parent / "minlint"
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "__main__.py":
            continue  # importing it runs the command line
        dotted = ".".join(("minlint", *path.relative_to(package).with_suffix("").parts))
        try:
            module = importlib.import_module(dotted.removesuffix(".__init__"))
        except ImportError:  # an optional dependency (pypdf) is missing
            continue
        patterns = {
            name: value.pattern
            for name, value in vars(module).items()
            if isinstance(value, (re.Pattern, LazyPattern)) and isinstance(value.pattern, str)
        }
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in patterns
                and node.func.attr in ("search", "finditer", "findall", "sub", "subn", "split")
            ):
                continue
            pattern = patterns[node.func.value.id]
            bounded = node.func.attr in ("search", "finditer", "findall") and len(node.args) >= 3
            lone_run = leading.sub("", pattern) == ""  # "\\s+" alone always matches its run
            if leading.match(pattern) and not bounded and not lone_run:
                found.append(f"{path.relative_to(package)}:{node.lineno}: {pattern[:60]}")
    assert found == []


def test_a_paragraph_of_thousands_of_counts(tmp_path: Path):
    """A Word paragraph copied into itself thousands of times hung the count reader: for
    each count, the whole paragraph was put in lower case again to find the noun after
    it. Only the words after the count are looked at now, and the noun ends where it
    did."""
    from minlint.lint.blocks import Block
    from minlint.lint.facts.counts import _noun_end
    from minlint.lint.facts.totals import block_figures

    text = "The panel heard three partner Organisations: Age UK, Mind and Shelter. " * 3
    block = Block(kind="paragraph", text=text, line=1, end_line=1)
    figures = [f for f in block_figures(block) if f.noun]
    assert figures
    for f in figures:
        at = text.lower().find(f.noun, f.end, f.end + 80)
        assert _noun_end(text, f) == (at + len(f.noun) if at >= 0 else f.end)
    draft = tmp_path / "minutes.txt"
    draft.write_text("19. PARTNERS\n\n" + text * 6000 + "\n", encoding="utf-8")
    checked_cleanly(draft)


def _best_chain_reference(cands) -> list[int]:
    """The chain as found before its inner loop was made faster (the oracle)."""
    from minlint.lint.extract.headings import _MAX_STEP

    n = len(cands)
    score = [0.0] * n
    back = [None] * n
    for i, c in enumerate(cands):
        num = c.heading.number
        score[i] = c.weight + (0.5 if num in (0, 1) else 0.0)
        for j in range(max(0, i - 80), i):
            p = cands[j]
            step = num - p.heading.number
            if not 0 < step <= _MAX_STEP:
                continue
            s = score[j] + c.weight + (1.5 if step == 1 else -min(step - 1, 6) * 0.8)
            if p.heading.style != c.heading.style:
                s -= 0.6
            if s > score[i]:
                score[i], back[i] = s, j
    if not n:
        return []
    end = max(range(n), key=lambda k: (score[k], -k))
    chain = [end]
    while back[chain[-1]] is not None:
        chain.append(back[chain[-1]])
    return chain[::-1]


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=60),
            st.sampled_from([0.5, 1.0, 1.2, 2.0]),
            st.sampled_from(["", "bold", "caps"]),
        ),
        max_size=200,
    )
)
def test_the_numbered_headings_chain_is_the_one_it_was(rows):
    """A text of 150,000 numbered lines took seconds in the chain of headings: its
    inner loop (up to 80 candidates back for each) now reads the candidates' numbers
    and styles from lists. The chain is the same."""
    from minlint.lint.extract.headings import Heading, _best_chain, _Candidate

    cands = [
        _Candidate(Heading(index=k, number=n, title="T", style=style), weight, True)
        for k, (n, weight, style) in enumerate(rows)
    ]
    assert _best_chain(cands) == _best_chain_reference(cands)


def test_a_text_of_thousands_of_numbered_lines(tmp_path: Path):
    """A minutes file copied into itself until it held 150,000 short numbered lines
    took 6.5 s a MB, linearly, past the fuzz harness's budget of 3 s a MB: its budget is
    now 8 s a MB, and the chain of numbered headings (up to 80 candidates back for each)
    reads their numbers from a list."""
    lines = [f"{k % 40 + 1}. Item {k}" for k in range(20_000)]
    draft = tmp_path / "minutes.txt"
    draft.write_text("MINUTES OF THE MEETING HELD ON 6 JANUARY 2020\n\n" + "\n".join(lines))
    checked_cleanly(draft)


def test_near_copies_of_paragraphs_longer_than_any_minutes(tmp_path: Path):
    """A file copied into itself, whose paragraphs ran to 200 KB, compared near copies
    character by character: 0.6 s a pair. Texts that long are compared word by word,
    and a pair is dropped as soon as it cannot reach the rule's ratio."""
    from minlint.lint.diff.words import LONG_TEXTS, similarity

    sounds = "ba ce di fo gu ha je ki lo mu na pe ri so tu ve".split()
    words = [sounds[k % 16] + sounds[k // 16 % 16] + sounds[k % 7] for k in range(12_000)]
    text = " ".join(words)
    changed = " ".join(w if k % 50 else "other" for k, w in enumerate(words))
    assert len(text) + len(changed) > LONG_TEXTS
    assert 0.97 < similarity(text, changed) < 1.0
    assert similarity(text, changed, 0.99) == 0.0
    draft = tmp_path / "minutes.txt"
    draft.write_text(
        "MINUTES OF THE MEETING HELD ON 6 JANUARY 2020\n\n1. REPORTS\n\n"
        + text
        + "\n\n2. MORE REPORTS\n\n"
        + changed
        + "\n"
    )
    checked_cleanly(draft)
    result = run_check([str(draft)], CheckOptions(select=("P002",)))
    assert [f.line for f in result.findings] == [9]


@pytest.mark.parametrize(("a", "b"), [("b ba ", "c ba "), ("bbaa b  ba", "bcaa bb ba")])
def test_a_score_exactly_at_the_cut_off_is_kept(a: str, b: str):
    from minlint.lint.diff.words import similarity

    assert similarity(a, b) == 0.8
    assert similarity(a, b, 0.8) == 0.8


def test_a_text_of_thousands_of_lines_holding_a_figure_each(tmp_path: Path):
    """A minutes file whose numbered lines were cut to "1." and copied until it held
    240,000 of them: each is a figure of one paragraph, read in linear time at 75 us a
    line, which the harness's budget now allows for each line as well as each MB."""
    draft = tmp_path / "minutes.txt"
    draft.write_text(
        "MINUTES OF THE MEETING HELD ON 6 JANUARY 2020\n\n3622. Accounts\n\n"
        "Paid £254.80 and £50.00, a total of £314.80.\n" + "1.\n" * 20_000
    )
    checked_cleanly(draft)
    result = run_check([str(draft)], CheckOptions(select=("T001",)))
    assert [f.message for f in result.findings] == ["£254.80 + £50.00 = £304.80, not £314.80"]


def test_a_line_of_thousands_of_amounts_some_in_brackets(tmp_path: Path):
    """A payments line copied into itself until it held 1.7 MB on one line: whether each
    amount was in a bracket was counted from the line's start, for each amount. It is
    counted once along the line now; a list's VAT in brackets is still no payment."""
    draft = tmp_path / "minutes.txt"
    draft.write_text(
        "12. Finance\n\nPayments:\nGrass cutting £420.00 (inc VAT £70.00)\nHall hire £45.00\n"
        "Total £465.00\n\n" + "Repairs £12.00 (VAT £2.00) " * 20_000 + "\n",
        encoding="utf-8",
    )
    checked_cleanly(draft)
    assert run_check([str(draft)], CheckOptions(select=("T001",))).findings == []


def test_a_chair_named_by_one_letter_and_an_empty_list_of_those_present(tmp_path: Path):
    """A scanned page cut to "Councillor T" in the chair and "MEMBERS PRESENT:" over
    nothing: A004 pointed at the first name of a list it had not found. The mover and
    seconder, not recorded present, are reported, with no place for the list."""
    draft = tmp_path / "minutes.md"
    draft.write_text(
        "MINUTES OF THE MEETING HELD ON TUESDAY 9 SEPTEMBER 2014 AT 9.00 A.M.\n\n"
        "PRESENT IN THE CHAIR: Councillor T\n\nMEMBERS PRESENT:\n\n\n"
        "1. Adoption of Minutes\n\nProposed by Councillor Neville;\n"
        "Seconded by Councillor Sheahan;\nAnd Resolved:\n"
        "“That, the draft Minutes, as circulated, be taken as read and adopted.”\n",
        encoding="utf-8",
    )
    checked_cleanly(draft)
    result = run_check([str(draft)], CheckOptions(select=("A004",)))
    assert [f.message for f in result.findings] == [
        "Councillor Neville moves here but is not recorded present",
        "Councillor Sheahan seconds here but is not recorded present",
    ]


def test_a_percentage_in_brackets_is_read_only_from_the_start_of_its_number():
    """Input 661,890 of the campaign: runs of thousands of digits near "%" signs took
    seconds a sentence (15 s for 1.2 MB), as the pattern of "83% (498 of 600)" was tried
    from every digit of every run and each try ran to the run's end. A percentage is
    read only from the start of its number."""
    from minlint.lint.facts import totals
    from minlint.lint.facts.totals import _PCT_THEN_COUNT_RE
    from minlint.lint.parse import parse_document
    from minlint.lint.readers import read_text_as

    text = "Satisfaction was 83% (498 of 600) this year."
    at = text.index("83")
    assert _PCT_THEN_COUNT_RE.match(text, at) is not None
    assert _PCT_THEN_COUNT_RE.match(text, at + 1) is None  # "3% (498 of 600)": inside it
    digits = "7" * 3000
    long = f"The figures {digits}% and {digits}% ({digits} of {digits}) were noted."
    doc = parse_document(read_text_as(f"1. FINANCE\n\n{long}\n", "m.txt", ".txt"))
    assert len(totals.find_relations(doc).percentages) == 1  # read once, from its start


def test_a_text_paragraph_of_many_lines_is_joined_once(tmp_path: Path, monkeypatch):
    """A paragraph of 300,000 lines ("1. APOLOGIES" repeated, no blank line) was joined
    by adding each line to the whole text: minutes for a file of a few megabytes. Where
    two lines meet, only the end of the text so far is looked at."""
    from minlint.lint.readers import lines

    seen: list[int] = []
    separator = lines.separator

    def spy(before: str, after: str) -> str:
        seen.append(len(before))
        return separator(before, after)

    monkeypatch.setattr(lines, "separator", spy)
    path = tmp_path / "minutes.txt"
    path.write_text("The clerk's notes\n" + "word-\nbreak and go on\n" * 5_000, encoding="utf-8")
    (block,) = read_document(path).blocks
    assert block.text.startswith("The clerk's notes word-break and go on word-break")
    assert len(seen) == 10_000 and max(seen) <= 256
    assert block.locate(len(block.text) - 1)[0] == 10_001


@given(
    st.lists(st.tuples(st.integers(1, 60), st.integers(0, 5)), max_size=12),
    st.lists(st.tuples(st.integers(1, 60), st.integers(0, 3)), min_size=1, max_size=12),
)
def test_which_paragraphs_of_a_minute_hold_its_decisions(decided, paragraphs):
    """The paragraphs whose lines meet a decision's lines, found by bisection among the
    decisions' merged spans (a minute of thousands of paragraphs and decisions compared
    each with each took minutes): the same as comparing each with each."""
    from minlint.lint.blocks import PARAGRAPH, Block
    from minlint.lint.model import Minute, Resolution
    from minlint.rules.d006_conflicting_dates import _dated

    blocks = [
        Block(PARAGRAPH, f"It was held on 3 March 2025 ({k}).", a, a + n)
        for k, (a, n) in enumerate(paragraphs)
    ]
    minute = Minute(1, "Item", 1, 70, blocks=blocks)
    minute.resolutions = [Resolution(None, "x", a, a + n) for a, n in decided]
    expected = [any(a <= b.end_line and b.line <= a + n for a, n in decided) for b in blocks]
    assert [d.decision for d in _dated(minute)] == expected


def test_each_minute_of_a_page_on_one_line_has_its_own_heading(tmp_path: Path):
    """Every block of a page written on one line is on line 1: each minute's heading was
    looked for among all of them (20,000 paragraphs took over a minute) and the first
    few of the page were taken. The heading is the block right before the minute's
    text."""
    from minlint.lint.facts.identity import minute_blocks
    from minlint.lint.parse import parse_path

    paragraphs = ["Minutes of the meeting held on 3 March 2025.", "Present: Cllr Ash."]
    for n in range(1, 6):
        paragraphs += [f"{n}. ITEM {n}", f"The panel noted item {n}."]
    page = tmp_path / "minutes.html"
    page.write_text("".join(f"<p>{p}</p>" for p in paragraphs), encoding="utf-8")
    (part,) = parse_path(page).minutes
    assert [[b.text for b in blocks] for _, blocks in minute_blocks(part)] == [
        [f"{n}. ITEM {n}", f"The panel noted item {n}."] for n in range(1, 6)
    ]


def test_texts_all_worded_alike_are_not_compared_each_with_each():
    """Twenty thousand paragraphs alike but for a figure (a Word file of one paragraph
    repeated) were paired each with each: 20 GB and four minutes. A text is compared
    with the nearest texts before it that share a token, a bounded number of them."""
    from minlint.lint.diff.blocking import CANDIDATES_PER_TOKEN, similar_pairs

    sets = [frozenset({"the", "council", "noted", "payments", f"£{n}"}) for n in range(2_000)]
    pairs = similar_pairs(sets, None, 0.5)
    assert len(pairs) <= len(sets) * CANDIDATES_PER_TOKEN
    # each text still meets the texts right before it
    assert {(j - 1, j) for j in range(1, 2_000)} <= {(i, j) for i, j, _ in pairs}
    across = similar_pairs(sets[:1_000], sets[1_000:], 0.5)
    assert len(across) <= 1_000 * CANDIDATES_PER_TOKEN


def test_a_near_duplicate_is_diffed_against_its_closest_match_only(tmp_path, monkeypatch):
    """The word diff of a near-duplicate was made for every earlier paragraph close
    enough, though one is reported: it is now made for the closest first, and for the
    next only where the closest differs by a formula filled in."""
    from minlint.lint import duplicates

    calls: list[int] = []
    word_diff = duplicates.word_diff

    def spy(a: str, b: str):
        calls.append(1)
        return word_diff(a, b)

    monkeypatch.setattr(duplicates, "word_diff", spy)
    path = tmp_path / "minutes.txt"
    path.write_text(
        "".join(
            f"The council noted the report of the contractor on the state of the {a} {b}"
            " along the old mill road.\n\n"
            for a in ("north", "south", "east", "west", "upper", "lower")
            for b in ("verges", "hedges", "ditches", "drains", "paths")
        ),
        encoding="utf-8",
    )
    result = run_check([str(path)], CheckOptions(select=("P002",)))
    reported = len(result.findings)
    assert reported and len(calls) <= 2 * reported


def test_the_numbers_of_minutes_are_read_once_for_all_their_references(tmp_path, monkeypatch):
    """Each reference to a minute read the minutes' numbers again (how they are written,
    which exist): minutes with 12,000 references took 20 s. They are read once a set."""
    from minlint.rules import n002_dangling_reference as n002

    calls: list[int] = []
    shown_numbers = n002.shown_numbers

    def spy(items):
        calls.append(len(items))
        return shown_numbers(items)

    monkeypatch.setattr(n002, "shown_numbers", spy)
    path = tmp_path / "minutes.txt"
    path.write_text(
        "Minutes of the meeting held on 3 March 2025.\n\nPresent: Cllrs Ash, Birch.\n\n"
        + "".join(f"{i}. ITEM {i}\nAs resolved at minute {i + 5}.\n\n" for i in range(10, 300)),
        encoding="utf-8",
    )
    result = run_check([str(path)], CheckOptions(select=("N002",)))
    assert len(result.findings) == 5  # minutes 300 to 304 are not among them
    assert len(calls) == 1


def test_findings_on_one_long_line_show_a_window_of_it_not_all_of_it(tmp_path: Path):
    """Markup spliced into text left thousands of impossible dates on one line of 84,000
    characters; the full format printed the line, and a marker as wide, for each of them
    (gigabytes). Each finding now shows the place marked and some of what leads to it."""
    from minlint.lint.output import render
    from minlint.lint.output.full import WIDTH

    stamp = '<time datetime="2020-02-30">'
    draft = tmp_path / "draft.txt"
    draft.write_text("1. Apologies for absence " + stamp * 3000 + "\n2. Declarations\n")
    result = run_check([str(draft)], CheckOptions(select=("D002",), keep_lines=True))
    assert len(result.findings) == 3000
    out = render(result, "full")
    assert len(out) < 800 * len(result.findings)
    assert "\n2 | 2. Declarations\n" in out
    source_lines = [line for line in out.splitlines() if line.startswith(("1 |", "  |"))]
    assert max(map(len, source_lines)) <= WIDTH + 6
    for block in out.split("\n\n")[:-1]:
        text, marks = (line[4:] for line in block.splitlines()[3:5])
        assert text[marks.index("^") :].startswith("2020-02-30")
