"""Every encoding and line end a clerk's machine writes reads as the UTF-8 original does.

Each real document is written again at test time in the encodings and line ends that
Windows Notepad, Word's "Plain Text" export, old Mac editors and council systems use;
each copy must give the same meeting model and the same findings of every rule as the
original (paths aside), with line numbers that match the file as an editor shows it.
"""

from __future__ import annotations

import random
import re
import shutil
import unicodedata
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SEEDS
from hypothesis import given
from hypothesis import strategies as st

from minlint.lint.engine import CheckOptions, run_check
from minlint.lint.model import to_json
from minlint.lint.parse import parse_path
from minlint.lint.readers import InputError, decode, read_document
from minlint.lint.readers.text import compose

# Seeds and corpus documents of every text format: plain text, PDF text with form feeds
# between pages, markdown, HTML, and a file saved with CRLF line ends.
DOCUMENTS = [
    *(f"seeds/{p.name}" for p in sorted(SEEDS.glob("0*.txt"))),
    "corpus/merton-audit-committee/2009-10-22_audit-committee_agenda-pack.txt",
    "corpus/limerick-council/2020-09-28_minutes.md",
    "corpus/limerick-metropolitan/2021-01-18_agenda.md",
    "corpus/mscc-manordeilo-salem/minutes_2020-02-12.html",
    "corpus/tintern-wyevalley-cc/20200127_minutes.txt",
]

Encoder = Callable[[str], bytes]


def _lines(text: str, end: str) -> str:
    return text.replace("\n", end)


_INSIDE_WORDS = re.compile(r"(?<= [A-Z][a-z]{3})(?=[a-z]{3})")
# Where Word puts a no-break space: after a title, between a figure and its unit.
_NO_BREAK = re.compile(r"\b(Cllr|Councillor|Mr|Mrs|Ms|Dr|\d+) (?=[A-Z]|[ap]m\b)")


def _read_as_windows_1252(data: bytes) -> str:
    """Bytes as Windows reads them in its code page: the five bytes Windows-1252 leaves
    undefined become the control characters of the same number."""
    return "".join(
        chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in data
    )


def _invisible(m: re.Match) -> str:
    return "\u00ad" if m.start() % 2 else "\u200b"


VARIANTS: dict[str, Encoder] = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    # Saved twice with a byte-order mark: the second reads as a zero-width character.
    "utf-8-two-boms": lambda t: b"\xef\xbb\xbf" * 2 + t.encode("utf-8"),
    "utf-16-le-bom": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    # Notepad's "Unicode": UTF-16 LE with a BOM and CRLF line ends.
    "notepad-unicode": lambda t: b"\xff\xfe" + _lines(t, "\r\n").encode("utf-16-le"),
    "utf-16-le-no-bom": lambda t: t.encode("utf-16-le"),
    "utf-16-be-no-bom": lambda t: t.encode("utf-16-be"),
    "utf-32-bom": lambda t: b"\xff\xfe\x00\x00" + t.encode("utf-32-le"),
    "utf-32-be-no-bom": lambda t: t.encode("utf-32-be"),
    "cp1252": lambda t: t.encode("cp1252"),
    "cr": lambda t: _lines(t, "\r").encode("utf-8"),
    "crlf": lambda t: _lines(t, "\r\n").encode("utf-8"),
    "cp1252-cr": lambda t: _lines(t, "\r").encode("cp1252"),
    # An old Mac editor: Mac Roman, whose curly quotes and dashes are Windows-1252's
    # accented capitals, and bare CR line ends.
    "mac-roman-cr": lambda t: _lines(t, "\r").encode("mac_roman"),
    # Lines ended by NEL (text converted from EBCDIC) or by the Unicode line separator.
    "nel": lambda t: _lines(t, "\x85").encode("utf-8"),
    "line-separator": lambda t: _lines(t, "\u2028").encode("utf-8"),
    # UTF-8 written behind a UTF-16 byte-order mark that a tool put there by mistake.
    "utf-8-behind-utf-16-bom": lambda t: b"\xff\xfe" + t.encode("utf-8"),
    # An MS-DOS export: CRLF line ends and an end-of-file mark (Ctrl-Z).
    "dos-eof": lambda t: _lines(t, "\r\n").encode("utf-8") + b"\x1a",
    # Soft hyphens and zero-width spaces inside words, as word processors leave them:
    # invisible, so the words are the words without them.
    "invisible-marks": lambda t: _INSIDE_WORDS.sub(_invisible, t).encode("utf-8"),
    # Word's "Plain Text" export in Windows-1252 keeps its no-break spaces: the byte is
    # "á" in the MS-DOS code page, which must not win for them.
    "no-break-spaces-cp1252": lambda t: _NO_BREAK.sub("\\1\xa0", t).encode("cp1252"),
    # A CRLF file copied again in text mode: every line ends CR CR LF.
    "crlf-converted-twice": lambda t: _lines(t, "\r\r\n").encode("utf-8"),
    # UTF-16 whose write was cut short, leaving NUL characters at the end.
    "utf-16-nul-padded": lambda t: b"\xff\xfe" + t.encode("utf-16-le") + b"\x00" * 64,
    # Writes cut short in a last character: half a code unit and the first of a
    # surrogate pair, a part of a UTF-32 unit, the first bytes of a UTF-8 sequence.
    "utf-16-cut-in-a-character": lambda t: (
        b"\xff\xfe" + t.encode("utf-16-le") + "\U0001f4c5".encode("utf-16-le")[:3]
    ),
    "utf-32-cut-in-a-character": lambda t: b"\xff\xfe\x00\x00" + t.encode("utf-32-le") + b"\xac",
    "utf-8-cut-in-a-character": lambda t: t.encode() + ("€".encode()[:2] * (not t.isascii())),
    # Accents as a letter and a combining mark (NFD), as some Mac tools write them.
    "decomposed-accents": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    # Files joined, each with its byte-order mark, and a mark that opens every line.
    "bom-on-every-line": lambda t: t.replace("\n", "\n\ufeff").encode("utf-8"),
    # Lines padded with tabs, as a layout export leaves them.
    "trailing-tabs": lambda t: t.replace("\n", "\t\t\n").encode("utf-8"),
    # Text copied out of a PDF whose font set "fi" and "fl" as one glyph.
    # UTF-8 opened as Windows-1252 and saved again as UTF-8: "â€™" for "’".
    "utf-8-read-as-windows-1252": lambda t: _read_as_windows_1252(t.encode()).encode(),
    "ligatures": lambda t: (
        t.replace("ffi", "\ufb03").replace("fi", "\ufb01").replace("fl", "\ufb02").encode()
    ),
}


# Variants whose lines hold other characters than the original's, so that a finding's
# columns move along the line.
COLUMNS_MOVE = {"invisible-marks", "decomposed-accents", "bom-on-every-line", "ligatures"}


# Variants that change only characters beyond ASCII.
UNCHANGED_BY_ASCII = {
    "decomposed-accents",
    "utf-8-read-as-windows-1252",
    "utf-8-cut-in-a-character",
}


def original_text(relative: str) -> str:
    """The document's text with LF line ends (some originals have CRLF or a BOM)."""
    path = SEEDS.parent / relative
    if not path.exists():
        pytest.skip(f"the real documents are not beside the checkout ({path} is absent)")
    return path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")


def write_variant(relative: str, variant: str, root: Path) -> Path:
    """The document written in one encoding, under ``root`` with its relative path."""
    text = original_text(relative)
    try:
        data = VARIANTS[variant](text)
    except UnicodeEncodeError as exc:
        char = text[exc.start]
        pytest.skip(
            f"{relative} holds {char!r} (U+{ord(char):04X}), which the {variant} variant cannot"
            " encode: no editor could save this document in that encoding"
        )
    out = root / variant / relative
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out


def model(path: Path) -> dict:
    out = to_json(parse_path(path))
    out.pop("path")
    return out


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("relative", DOCUMENTS)
def test_the_model_is_the_same_in_every_encoding(relative: str, variant: str, tmp_path: Path):
    original = SEEDS.parent / relative
    if not original.exists():
        pytest.skip(f"the real documents are not beside the checkout ({original} is absent)")
    copy = write_variant(relative, variant, tmp_path)
    if variant in UNCHANGED_BY_ASCII and copy.read_bytes() == original.read_bytes():
        pytest.skip(f"{relative} is all ASCII, which the {variant} variant leaves alone")
    if variant not in ("utf-8", "crlf", "cp1252"):
        assert copy.read_bytes() != original.read_bytes()
    assert model(copy) == model(original)


@pytest.mark.parametrize("variant", ["cr", "crlf", "notepad-unicode", "utf-16-be-bom"])
@pytest.mark.parametrize("relative", DOCUMENTS)
def test_source_lines_are_the_lines_an_editor_shows(relative: str, variant: str, tmp_path: Path):
    copy = write_variant(relative, variant, tmp_path)
    lines = read_document(copy).lines
    expected = original_text(relative).replace("\f", "").split("\n")
    if copy.suffix == ".html":
        assert len(lines) == len(expected)
    else:
        assert lines == expected


def _findings(result, root: Path) -> list[tuple]:
    def rel(path: str) -> str:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()

    return [
        (
            rel(f.path),
            f.line,
            f.end_line,
            f.column,
            f.code,
            f.message,
            tuple((rel(r.path), r.line, r.message) for r in f.related),
        )
        for f in result.findings
    ]


@pytest.fixture(scope="module")
def variant_dirs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every document in every variant, each variant in a directory of its own, plus
    the originals' bytes under "original"."""
    root = tmp_path_factory.mktemp("encodings")
    for relative in DOCUMENTS:
        source = SEEDS.parent / relative
        if not source.exists():
            pytest.skip(f"the real documents are not beside the checkout ({source} is absent)")
        (root / "original" / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, root / "original" / relative)
    return root


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_rule_finds_the_same_in_every_encoding(variant: str, variant_dirs: Path):
    """All rules, with every document's records (the other documents in the same
    encoding): the same findings at the same lines as the originals give."""
    written = []
    for relative in DOCUMENTS:
        try:
            written.append(write_variant(relative, variant, variant_dirs))
        except pytest.skip.Exception:
            continue  # a document this encoding cannot hold (see the model test)
    assert len(written) >= len(DOCUMENTS) - 2
    names = [p.relative_to(variant_dirs / variant).as_posix() for p in written]

    def run(base: Path):
        paths = [str(base / n) for n in names]
        options = CheckOptions(select=("ALL",), records=(str(base),))
        return run_check(paths, options)

    original = run(variant_dirs / "original")
    copy = run(variant_dirs / variant)
    assert original.findings, "no findings at all: the comparison would prove nothing"
    assert [e.message for e in copy.errors] == [e.message for e in original.errors]
    found = _findings(copy, variant_dirs / variant)
    expected = [f for f in _findings(original, variant_dirs / "original") if f[0] in names]
    if variant in COLUMNS_MOVE:
        # the characters added or joined take columns of the file: the lines are the same
        found = [(*f[:3], *f[4:]) for f in found]
        expected = [(*f[:3], *f[4:]) for f in expected]
    assert found == expected


# The decoder on its own -----------------------------------------------------------------


def test_line_ends_of_every_kind_are_lf_and_form_feeds_stay():
    assert decode(b"a\r\nb\rc\nd\r\r\ne\f\rf") == "a\nb\nc\nd\n\ne\f\nf"


def test_a_utf8_bom_before_windows_1252_text_is_dropped():
    assert decode(b"\xef\xbb\xbfCaf\xe9 \x96 minutes") == "Café – minutes"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\x00\x01PK\x03\x04" * 20,
        b"%PDF\x00\x00\x01",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" * 8,
        bytes(range(256)) * 8,
    ],
)
def test_binary_data_is_refused(data: bytes):
    with pytest.raises(InputError, match=r"^not a text file \(contains NUL bytes\)$"):
        decode(data)


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"])
def test_binary_data_behind_a_byte_order_mark_is_refused(bom: bytes):
    data = bom + bytes(range(256)) * 16
    with pytest.raises(InputError, match=r"^not a text file \(binary data after a UTF-"):
        decode(data)


def test_utf16_and_utf32_without_a_bom_need_the_pattern_of_text():
    text = "Minutes of the meeting held on Tuesday, 13th March, 2018\n"
    for encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        assert decode(text.encode(encoding)) == text
    # NUL bytes in every other place but binary between them: not text.
    with pytest.raises(InputError):
        decode(bytes(b for i in range(600) for b in (i % 7, 0)))


@given(st.binary(max_size=3000))
def test_any_bytes_decode_or_are_refused_in_one_line(data: bytes):
    try:
        text = decode(data)
    except InputError as exc:
        assert str(exc).startswith("not a text file (") and "\n" not in str(exc)
        return
    assert "\r" not in text


@given(
    st.text(
        st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn"), include_characters="\n\f\t"),
        max_size=400,
    ),
    st.sampled_from(["\n", "\r", "\r\n"]),
    st.sampled_from(["utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-bom"]),
)
def test_text_in_any_unicode_encoding_with_a_bom_reads_back(text: str, end: str, variant: str):
    text = text.replace("\r", "")
    assert decode(VARIANTS[variant](text.replace("\n", end))) == normalise(text)


@pytest.mark.parametrize("relative", DOCUMENTS)
def test_utf8_with_a_few_damaged_bytes_is_read_as_utf8(relative: str):
    """Three bytes lost to a bad disk or a bad copy cost three characters, not every
    pound sign and curly quote of the document."""
    text = original_text(relative)
    if text.isascii():
        pytest.skip(f"{relative} is plain ASCII: UTF-8 and Windows-1252 read it alike")
    data = bytearray(text.encode("utf-8"))
    ascii_letters = [i for i, b in enumerate(data) if 0x61 <= b <= 0x7A]
    places = [ascii_letters[len(ascii_letters) * k // 4] for k in (1, 2, 3)]
    for i in places:
        data[i] = 0xFF
    expected = bytearray(text.encode("utf-8"))
    for i in reversed(places):
        expected[i : i + 1] = "\ufffd".encode()
    assert decode(bytes(data)) == normalise(expected.decode("utf-8"))


def normalise(text: str) -> str:
    """Line ends as a reader makes them (CR, CRLF; NEL and the Unicode separators in a
    text without LF): the test is of bad bytes, not line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text:
        text = re.sub("[\x85\u2028\u2029]", "\n", text)
    return text


@given(
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x2FF), min_size=40),
    st.data(),
)
def test_utf8_text_with_fewer_bad_bytes_than_accents_reads_back(text: str, data):
    accents = len(text) - len(text.encode("ascii", "ignore"))
    encoded = bytearray(text.encode("utf-8"))
    boundaries = [0, *(len(text[:k].encode("utf-8")) for k in range(1, len(text))), len(encoded)]
    bad = data.draw(st.integers(min_value=1, max_value=max(1, (accents - 1) // 2)))
    if accents <= 2 * bad:
        return
    at = sorted(data.draw(st.lists(st.sampled_from(boundaries), min_size=bad, max_size=bad)))
    for offset in reversed(at):
        encoded[offset:offset] = b"\xff"
    assert decode(bytes(encoded)).replace("\ufffd", "") == normalise(text)


@pytest.mark.parametrize("relative", DOCUMENTS[:3])
def test_nul_bytes_padding_a_file_or_stray_in_its_text_do_not_refuse_it(
    relative: str, tmp_path: Path
):
    """A write cut short leaves NUL bytes at the end of a file, and a bad copy may turn a
    byte into NUL: the minutes are still minutes."""
    text = original_text(relative)
    original = tmp_path / "original.txt"
    original.write_text(text, encoding="utf-8")
    padded = tmp_path / "padded.txt"
    padded.write_bytes(text.encode("utf-8") + b"\x00" * 4096)
    assert model(padded) == model(original)

    data = bytearray(text.encode("utf-8"))
    at = data.index(b"meeting") + 2
    data[at] = 0
    stray = tmp_path / "stray.txt"
    stray.write_bytes(bytes(data))
    read = decode(bytes(data))
    assert read.count("\ufffd") == 1 and read.replace("\ufffd", "e", 1) == normalise(text)


@pytest.mark.parametrize(
    "data",
    [
        b"\x00" * 5000,
        zlib.compress(random.Random(1).randbytes(20_000)),
        b"\x89PNG\r\n\x1a\n" + random.Random(2).randbytes(9000),
    ],
)
def test_nul_bytes_of_binary_data_are_still_refused(data: bytes):
    with pytest.raises(InputError, match="not a text file"):
        decode(data)


# Eight-bit code pages other than Windows-1252 -------------------------------------------

LEGACY_SAMPLE = (
    "The Committee noted the Chair’s report – “Café de la Place”… rent £1,250 a month.\n"
    "Apologies: Councillor Seán Ó Briain, Councillor Renée Müller.\n"
)


@pytest.mark.parametrize("encoding", ["cp1252", "mac_roman"])
def test_curly_quotes_dashes_and_accents_read_back_from_windows_and_mac_code_pages(encoding):
    assert decode(LEGACY_SAMPLE.encode(encoding)) == LEGACY_SAMPLE
    # An old Mac's line ends with it.
    assert decode(LEGACY_SAMPLE.replace("\n", "\r").encode(encoding)) == LEGACY_SAMPLE


@pytest.mark.parametrize("times", [1, 2])
def test_utf8_read_in_a_windows_code_page_and_saved_again_reads_back(times, tmp_path):
    """ "the Chairâ€™s report", once or twice over, as pages and exports carry it."""
    text = LEGACY_SAMPLE
    for _ in range(times):
        text = _read_as_windows_1252(text.encode())
    assert "â€" in text
    path = tmp_path / "minutes.txt"
    path.write_bytes(text.encode())
    assert read_document(path).lines == LEGACY_SAMPLE.split("\n")


@pytest.mark.parametrize(
    "text",
    [
        LEGACY_SAMPLE,
        "Councillor Müller’s motion «Ô€» and the café’s ‘Â’ sign were noted.",
        "Pwyllgor: Cynghorydd Siân Ŵyn; cyllideb £1,250 – 5½%; naïve © 2020 Ã.",
    ],
)
def test_text_that_only_looks_like_code_page_damage_is_left_alone(text: str):
    assert compose(text) == text


# Letters, line ends and the characters of code-page damage, in any order.
_DAMAGE_PRONE = st.text(
    alphabet=st.sampled_from([*"aé’–£ÂÃâ€™“\x9d\x81©¡¿ \n", "\u0301", "\ufeff"])
)


@given(_DAMAGE_PRONE)
def test_composing_any_text_keeps_its_lines(text: str):
    assert compose(text).count("\n") == text.count("\n")


def test_word_ms_dos_export_reads_back():
    """Word's "MS-DOS" plain text (code page 850) has no curly quotes; its accents and
    pound signs are Windows-1252's "‚" and "œ"."""
    text = "Rent of £1,250 agreed; Councillor Renée Müller and Seán Ó Briain present.\n"
    assert decode(text.encode("cp850")) == text


def test_a_mac_roman_apostrophe_is_not_windows_1252s_capital_o():
    assert decode("the Council’s decision".encode("mac_roman")) == "the Council’s decision"


def test_windows_1252_text_with_rare_bytes_stays_windows_1252():
    # Evidence too thin to change: one letter that reads as well in either.
    assert decode("Zoë".encode("cp1252")) == "Zoë"
    assert decode(b"caf\xe9 \x96 note") == "café – note"


_WORDS = st.sampled_from(
    ["council", "minutes", "report", "Chair", "agreed", "café", "Müller", "Seán", "rôle"]
)
_GAPS = st.sampled_from([" ", ", ", " – ", " — ", "’s ", " “", "” ", "… ", " £12 ", "\n"])


@given(st.lists(st.tuples(_WORDS, _GAPS), min_size=1, max_size=40))
def test_windows_1252_minutes_are_never_read_in_another_code_page(pieces):
    text = "".join(w + g for w, g in pieces)
    assert decode(text.encode("cp1252")) == text


def test_a_page_is_read_in_the_encoding_it_declares():
    body = "<p>Councillor Zażółć, café</p>"
    for label in ("windows-1250", "ISO-8859-2"):
        page = f'<html><head><meta charset="{label}"></head><body>{body}</body></html>'
        assert body in decode(page.encode("cp1250" if "1250" in label else "iso-8859-2"))
    legacy = '<meta http-equiv="Content-Type" content="text/html; charset=x-mac-roman">'
    assert "Chair’s" in decode(f"{legacy}<p>the Chair’s report</p>".encode("mac_roman"))
    xml = '<?xml version="1.0" encoding="ISO-8859-15"?><p>€5</p>'
    assert decode(xml.encode("iso-8859-15")).endswith("<p>€5</p>")


@pytest.mark.parametrize("label", ["rot13", "zlib", "utf-16", "no-such-code-page", "utf-8"])
def test_a_declared_encoding_that_cannot_be_right_is_ignored(label: str):
    page = f'<meta charset="{label}"><p>the Chair’s café</p>'
    assert decode(page.encode("cp1252")) == page


@given(
    st.sampled_from([b"windows-1250", b"koi8-r", b"shift_jis", b"x-mac-roman", b"utf-8", b"hex"]),
    st.binary(max_size=2000),
)
def test_any_bytes_after_a_declared_encoding_decode_or_are_refused(label: bytes, data: bytes):
    try:
        text = decode(b'<meta charset="' + label + b'">' + data)
    except InputError as exc:
        assert str(exc).startswith("not a text file (")
        return
    assert "\r" not in text


def test_utf16_whose_bytes_read_as_words_stays_utf16():
    # Each character's two bytes are two ASCII letters; a real UTF-16 minutes file has
    # spaces and line ends, hence NUL bytes.
    text = "".join(chr(int.from_bytes(p.encode(), "little")) for p in ("Th", "e ", "cl", "er"))
    text = text * 20
    assert decode(b"\xff\xfe" + text.encode("utf-16-le")) == text


def test_windows_1252_full_of_no_break_spaces_stays_windows_1252():
    """Word's text export keeps every no-break space: between words, the byte is the
    MS-DOS code page's "á", which must not make the file MS-DOS text."""
    text = "IMPROVING\xa0LIVES\xa0SELECT\nCouncillor\xa0Cooksey\xa0(in\xa0the\xa0Chair)\n"
    assert decode(text.encode("cp1252")) == text
    # a converter that wrote every space as a no-break space
    text = "The Committee noted the Chair's report on the Fáilte grant of £1,250.\n" * 3
    spaced = text.replace(" ", "\xa0")
    assert decode(spaced.encode("cp1252")) == spaced
    # and an MS-DOS file whose "á" are letters stays MS-DOS
    irish = "Councillor Seán Ó Briain; the Fáilte Ireland grant of £1,250.\n"
    assert decode(irish.encode("cp850")) == irish


def test_joined_files_decomposed_accents_and_doubled_line_ends_read_as_written():
    from minlint.lint.readers import read_text_as

    data = "\ufeffMinutes\r\r\n\r\r\n\ufeffPresent: Councillor Rene\u0301e Okafor\r\r\n".encode()
    assert decode(data) == "Minutes\n\n\ufeffPresent: Councillor Rene\u0301e Okafor\n"
    doc = read_text_as(decode(data), "m.txt", ".txt")
    assert [b.text for b in doc.blocks] == ["Minutes", "Present: Councillor Renée Okafor"]
