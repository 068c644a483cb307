"""Minutes and agendas numbered in Roman numerals ("IV. PLANNING APPLICATIONS"), as many
boards number them. The model reads the numerals as the minutes' numbers, keeps them as
written for messages, and the numbering rules check them as they check figures; an
initial at the start of a paragraph ("L. Brennan asked ...") and a short list of parts
("I. Background" / "II. Costs") are not minutes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from agenda_pairs import minutes_of
from conftest import REPO
from docgen import add_list, html_from_blocks, number_paragraph

from minlint.lint.engine import CheckOptions, run_check
from minlint.lint.model import AgendaPart, to_json
from minlint.lint.parse import parse_path
from minlint.lint.readers.lines import roman_numeral, roman_value

FOLDER = REPO / "tests/fixtures/model"
DRAFT = FOLDER / "town_roman.txt"
AGENDA = FOLDER / "town_roman_agenda.txt"
TITLES = [
    "APOLOGIES FOR ABSENCE",
    "DECLARATIONS OF INTEREST",
    "MINUTES OF THE PREVIOUS MEETING",
    "PLANNING APPLICATIONS",
    "TREE PRESERVATION ORDERS",
    "STREET LIGHTING",
    "DATE OF NEXT MEETING",
]
# The draft's planted mistakes: V written VI, and VII written VIII.
CORRECTED = {"VI. TREE PRESERVATION": "V. TREE PRESERVATION", "VIII. DATE": "VII. DATE"}


def corrected(tmp_path: Path, text: str | None = None) -> Path:
    text = text if text is not None else DRAFT.read_text(encoding="utf-8")
    for wrong, right in CORRECTED.items():
        text = text.replace(wrong, right)
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    return path


def check(draft: Path, agenda: Path | None = AGENDA) -> list[tuple[int, str, str]]:
    options = CheckOptions(agenda=str(agenda) if agenda else None)
    result = run_check([str(draft)], options)
    assert not result.errors
    return [(f.line, f.code, f.message) for f in result.findings]


@pytest.mark.parametrize("value", [1, 4, 9, 14, 19, 40, 44, 49, 1994])
def test_roman_numerals_read_back(value: int):
    assert roman_value(roman_numeral(value)) == value


def test_roman_numbers_are_the_minutes_numbers_and_kept_as_written():
    m = minutes_of(DRAFT)
    assert [i.title for i in m.items] == TITLES
    assert [i.number for i in m.items] == [1, 2, 3, 4, 6, 6, 8]
    assert [i.written for i in m.items] == ["I", "II", "III", "IV", "VI", "VI", "VIII"]
    assert [i.line for i in m.items] == [8, 11, 14, 17, 24, 28, 32]
    assert m.numbered and "numbering" not in m.uncertain
    assert m.items[3].label() == "minute IV"
    assert m.items[3].named() == 'minute IV "PLANNING APPLICATIONS"'
    # "L. Brennan asked ..." is a paragraph of minute IV, and its parts (i) and (ii)
    # are two resolutions
    planning = m.items[3]
    assert planning.end_line == 22
    assert [r.number for r in planning.resolutions] == ["i", "ii"]
    assert planning.resolutions[1].text.startswith("that the applicant be reminded")


def test_the_json_model_gives_the_numbers_as_written_and_meets_its_schema():
    schema = json.loads((REPO / "minlint/schemas/meeting.schema.json").read_text())

    def validate(data: dict) -> None:
        jsonschema.Draft202012Validator(schema).validate(data)

    data = to_json(parse_path(DRAFT))
    validate(data)
    items = data["parts"][0]["items"]
    assert [i.get("written") for i in items] == ["I", "II", "III", "IV", "VI", "VI", "VIII"]
    agenda = to_json(parse_path(AGENDA))
    validate(agenda)
    assert [i["written"] for i in agenda["parts"][0]["items"]][-1] == "VII"
    # numbers in figures are not repeated as written
    figures = to_json(parse_path(REPO / "tests/fixtures/model/town_items.txt"))
    assert "written" not in json.dumps(figures)


def test_an_agenda_numbered_in_roman_numerals_one_item_a_line():
    (part,) = [p for p in parse_path(AGENDA).parts if isinstance(p, AgendaPart)]
    assert [i.number for i in part.items] == list(range(1, 8))
    assert [i.shown for i in part.items] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert part.items[2].title == "Minutes of the previous meeting held on 9 September 2025"


def test_n001_reports_roman_numbers_as_the_minutes_write_them():
    assert check(DRAFT) == [
        (24, "N001", "minute VI follows minute IV: minute V is missing"),
        (28, "N001", "minute VI is repeated"),
        (32, "N001", "minute VIII follows minute VI: minute VII is missing"),
    ]


def test_consistent_roman_minutes_give_no_finding(tmp_path: Path):
    assert check(corrected(tmp_path)) == []


def test_an_agenda_item_without_a_minute_is_named_by_its_roman_number(tmp_path: Path):
    text = corrected(tmp_path).read_text(encoding="utf-8")
    start = text.index("VI. STREET LIGHTING")
    end = text.index("VII. DATE")
    text = text[:start] + text[end:].replace("VII. DATE", "VI. DATE")
    findings = check(corrected(tmp_path, text))
    assert [code for _, code, _ in findings] == ["G001"]
    assert findings[0][2].startswith('agenda item VI "Street lighting" has no minute')


def test_titles_in_words_under_roman_numbers_head_minutes_with_text_under_them(tmp_path: Path):
    text = corrected(tmp_path).read_text(encoding="utf-8")
    for title in TITLES:
        text = text.replace(f". {title}\n", f". {title.capitalize()}\n")
    path = tmp_path / "words.txt"
    path.write_text(text, encoding="utf-8")
    m = minutes_of(path)
    assert [i.title for i in m.items] == [t.capitalize() for t in TITLES]
    assert [i.number for i in m.items] == list(range(1, 8))


def _as_markdown(text: str) -> str:
    lines = []
    for line in text.splitlines():
        head = line.split(". ", 1)[0]
        is_minute = head and set(head) <= set("IVX") and line.isupper()
        lines.append(
            f"## {line.split('. ', 1)[0]}. {line.split('. ', 1)[1].title()}" if is_minute else line
        )
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("kind", ["md", "html", "docx"])
def test_the_same_roman_minutes_in_markdown_html_and_word(tmp_path: Path, kind: str):
    source = corrected(tmp_path)
    blocks = parse_path(source).parts[0].blocks
    path = tmp_path / f"minutes.{kind}"
    if kind == "md":
        path.write_text(_as_markdown(source.read_text(encoding="utf-8")), encoding="utf-8")
    elif kind == "html":
        path.write_text(html_from_blocks(blocks), encoding="utf-8")
    else:
        _word_numbered(blocks, path)
    m = minutes_of(path)
    assert [i.title.upper() for i in m.items] == TITLES
    assert [i.written for i in m.items] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert check(path) == []


def _word_numbered(blocks, path: Path) -> None:
    """The minutes in Word, their headings numbered I, II, III ... by Word itself."""
    import docx

    document = docx.Document()
    _, num_id = add_list(document, [("upperRoman", "%1.", 1)])
    for b in blocks:
        head, _, title = b.text.partition(". ")
        if title and head and set(head) <= set("IVX") and title.isupper():
            p = document.add_paragraph(title.title(), style="Heading 2")
            number_paragraph(p, num_id)
        else:
            document.add_paragraph(b.text)
    document.save(str(path))


def test_initials_and_short_lists_in_roman_numerals_are_not_minutes(tmp_path: Path):
    base = FOLDER / "parish_unnumbered.txt"
    text = base.read_text(encoding="utf-8")
    before = [(i.number, i.title, i.line) for i in minutes_of(base).items]
    # Paragraphs opening with a councillor's initial, and two parts of a report listed
    # one under the other: none of them is a minute, and the minutes stay unnumbered.
    extra = (
        "V. Patel asked when the benches would be repaired.\n\n"
        "I. Marsh reported that the quotes had been received.\n\n"
        "I. Background\nII. Costs\n"
    )
    at = text.index("CORRESPONDENCE")
    path = tmp_path / "minutes.txt"
    path.write_text(text[:at] + extra + "\n" + text[at:], encoding="utf-8")
    after = [(i.number, i.title) for i in minutes_of(path).items]
    assert after == [(n, t) for n, t, _ in before]
    assert not minutes_of(path).numbered


def test_roman_parts_inside_numbered_minutes_leave_the_numbers_alone(tmp_path: Path):
    base = FOLDER / "town_items.txt"
    before = [(i.number, i.title) for i in minutes_of(base).items]
    text = base.read_text(encoding="utf-8").splitlines(keepends=True)
    # three parts of a report in Roman numerals, inside the second minute
    second = minutes_of(base).items[1].line
    parts = "\nI. SCOPE\nThe review covers the parks.\n\nII. FINDINGS\nAll is well.\n\n"
    parts += "III. NEXT STEPS\nNone.\n\n"
    path = tmp_path / "minutes.txt"
    path.write_text("".join(text[:second]) + parts + "".join(text[second:]), encoding="utf-8")
    assert [(i.number, i.title) for i in minutes_of(path).items] == before


def test_the_diff_names_minutes_by_their_roman_numbers(tmp_path: Path):
    from click.testing import CliRunner

    from minlint.cli import cli

    schema = json.loads((REPO / "minlint/schemas/diff.schema.json").read_text())
    new = corrected(tmp_path)
    text = CliRunner().invoke(cli, ["diff", str(DRAFT), str(new)])
    assert text.exit_code == 1, text.output
    assert "minute VI -> V TREE PRESERVATION ORDERS (renumbered) OLD:24 NEW:24" in text.output
    assert "minute VIII -> VII DATE OF NEXT MEETING (renumbered)" in text.output
    out = CliRunner().invoke(cli, ["diff", "--format", "json", str(DRAFT), str(new)])
    data = json.loads(out.output)
    jsonschema.Draft202012Validator(schema).validate(data)
    renumbered = [i for i in data["items"] if i["status"] == "renumbered"]
    assert [(i["old"]["written"], i["new"]["written"]) for i in renumbered] == [
        ("VI", "V"),
        ("VIII", "VII"),
    ]
