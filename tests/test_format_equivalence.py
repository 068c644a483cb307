"""The same minutes give the same model and findings whether read as text, Word or PDF.

Every set of minutes of the seeds (and three documents in other styles) is cut out of
its document with two mistakes put in (a wrong weekday, a minute numbered one too
high), and made into Word and PDF the ways clerks meet them: typed in Word with Word's
own numbering, list paragraphs and a tracked insertion; a text file opened and saved by
LibreOffice (a paragraph per line) and printed to PDF; the typed document printed to
PDF on an A4 page and on a narrow page in a large font (see ``docgen.minutes_versions``).
Each must read as ``minlint parse`` reads the text (date, minute numbers and titles,
the parts of each minute's resolutions, who was present) and give the findings of
``minlint check`` on the text, line numbers aside.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import seed
from docgen import VERSIONS, clerk_docx, minutes_of, minutes_summary, model_json

from minlint.cli import cli
from minlint.lint.blocks import LIST_ITEM

SEED_MINUTES = ("000", "001-1", "001-2", "002", "003", "004")
OTHER_STYLES = ("20200127_minutes", "2018-02-07_minutes", "minutes_2020-02-12")
TRACKED = "tracked changes remain (1 insertion): accept or reject them before publication"


@functools.cache
def minutes_model(path: Path) -> list[dict]:
    return [p for p in model_json(path)["parts"] if p["kind"] == "minutes"]


# Line numbers differ between formats (a Word paragraph, a PDF's extracted line), and
# some messages name the line of the other place: the findings are compared without them.
_LINE = re.compile(r"\bline \d+")


@functools.cache
def findings(path: Path) -> list[tuple[str, str, str]]:
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--no-cache", str(path)])
    assert result.exit_code in (0, 1), result.output
    return sorted(
        (v["code"], v["severity"], _LINE.sub("line N", v["message"]))
        for v in json.loads(result.output)["violations"]
    )


@pytest.mark.parametrize("name", SEED_MINUTES)
def test_each_set_of_minutes_is_the_seeds_with_two_mistakes(name: str, minutes_in_formats):
    v = minutes_in_formats[name]
    (text,) = minutes_model(v.source)
    original = minutes_model(v.seed)[v.index]
    planted = minutes_summary(text)
    wrong, right = v.planted["minute"][1], v.planted["minute"][0]
    numbers = [n for n, _, _ in planted["items"]]
    assert numbers.count(int(wrong)) == 2
    k = numbers.index(int(wrong))
    planted["items"][k] = (int(right), *planted["items"][k][1:])
    assert planted == minutes_summary(original)
    assert len(planted["items"]) >= 7 and planted["present"]


# The HTML minutes name no weekday and number their minutes in an HTML list: nothing is
# planted in them.
@pytest.mark.parametrize("name", SEED_MINUTES + OTHER_STYLES[:2])
def test_the_planted_mistakes_are_found_in_the_text(name: str, minutes_in_formats):
    v = minutes_in_formats[name]
    codes = {code for code, _, _ in findings(v.source)}
    assert set(v.planted) == {"weekday", "minute"}
    assert {"D001", "N001"} <= codes


@pytest.mark.parametrize("kind", VERSIONS)
@pytest.mark.parametrize("name", SEED_MINUTES + OTHER_STYLES)
def test_word_and_pdf_versions_read_as_the_text(name: str, kind: str, minutes_in_formats):
    v = minutes_in_formats[name]
    (text,) = minutes_model(v.source)
    (other,) = minutes_model(v.files[kind])
    assert minutes_summary(other) == minutes_summary(text)


@pytest.mark.parametrize("kind", VERSIONS)
@pytest.mark.parametrize("name", SEED_MINUTES + OTHER_STYLES)
def test_word_and_pdf_versions_give_the_findings_of_the_text(
    name: str, kind: str, minutes_in_formats
):
    v = minutes_in_formats[name]
    expected = findings(v.source)
    if kind == "clerk.docx":
        # The typed document keeps its tracked insertion, and says so.
        expected = sorted([*expected, ("F001", "warning", TRACKED)])
    assert findings(v.files[kind]) == expected


def test_the_word_versions_use_words_numbering(minutes_in_formats):
    """The typed minutes carry their minute and part numbers in Word's numbering, not in
    their text, and the markdown seed's Word version has no markdown marks."""
    import zipfile

    for name in SEED_MINUTES:
        with zipfile.ZipFile(minutes_in_formats[name].files["clerk.docx"]) as zf:
            body = zf.read("word/document.xml").decode()
        words = " ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body))
        assert "<w:numPr>" in body and "<w:ins " in body, name
        assert "**" not in words and not re.search(r"\(\d\)\s+That", words), name


# Numbered points of discussion -------------------------------------------------------------


def _numbered_points_text(path: Path) -> str:
    """The minutes with their bulleted points typed as numbered points "1." "2." ..."""
    from minlint.lint.readers import read_document

    out: list[str] = []
    n = 0
    for b in read_document(path).blocks:
        n = n + 1 if b.kind == LIST_ITEM and not b.level else 0
        out += [f"{n}. {b.text}" if n else b.text, ""]
    return "\n".join(out)


def test_numbered_points_in_a_minute_are_not_minutes(tmp_path: Path):
    """Points of a discussion numbered "1." to "20." (some starting with a figure, "3. 78%
    of children ...") stay inside their minute, typed or numbered by Word."""
    source = seed("003")
    text = tmp_path / "numbered.txt"
    text.write_text(_numbered_points_text(source), encoding="utf-8")
    assert "\n3. 78% of children" in text.read_text(encoding="utf-8")
    ((blocks, headings, _, _),) = minutes_of(source)
    word = clerk_docx(blocks, headings, tmp_path / "numbered.docx", numbered_points=True)
    expected = [n for n, _, _ in minutes_summary(minutes_model(source)[0])["items"]]
    assert expected == list(range(19, 29))
    for path in (text, word):
        (minutes,) = minutes_model(path)
        assert [n for n, _, _ in minutes_summary(minutes)["items"]] == expected, path.name
