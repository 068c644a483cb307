"""The text and full formats, the summary line, --statistics and colour."""

from __future__ import annotations

import json

from click.testing import CliRunner
from engine_support import FIXTURES, sample_result

from minlint.cli import cli
from minlint.lint.engine import CheckResult
from minlint.lint.output import render
from minlint.lint.output.statistics import render as statistics


def test_text_is_one_line_per_finding_then_a_summary():
    assert render(sample_result(), "text") == (
        "drafts/a b.md:3:5: D001 Tuesday does not fall on 2 May 2024 (a Thursday)\n"
        "drafts/a b.md:7:1: D001 Monday, 50% sure: does not fall\non 3 June\n"
        "drafts/c.md:1:1: D001 a note\n"
        "Found 3 findings (1 error, 1 warning, 1 info) in 2 files.\n"
        "1 file could not be checked.\n"
    )


def test_the_summary_of_a_clean_run():
    clean = CheckResult(findings=[], errors=[], files=["a.md"], rules=[])
    assert render(clean, "text") == "All checks passed.\n"
    one = sample_result()
    one.findings, one.errors = one.findings[:1], []
    assert render(one, "text").endswith("\nFound 1 finding (1 error) in 1 file.\n")


def test_full_shows_the_source_with_the_place_marked():
    out = render(sample_result(), "full")
    assert out.split("\n\n")[0] == (
        "D001 Tuesday does not fall on 2 May 2024 (a Thursday)\n"
        "  --> drafts/a b.md:3:5\n"
        "  |\n"
        "2 | line 2\n"
        "3 | line 3\n"
        "  |     ^^\n"
        "4 | line 4\n"
        "  |"
    )
    assert out.split("\n\n")[1].splitlines()[-1] == "  = agenda.txt:12: the agenda gives 4 June"
    assert out.endswith(
        "Found 3 findings (1 error, 1 warning, 1 info) in 2 files.\n1 file could not be checked.\n"
    )


def test_full_on_a_real_run_marks_the_date():
    result = CliRunner().invoke(
        cli, ["check", str(FIXTURES / "weekday_errors.md"), "--format", "full"]
    )
    lines = result.stdout.split("\n\n")[2].splitlines()
    assert lines[:2] == [
        "D001 Friday does not fall on 5 January 2023 (a Thursday)",
        "  --> " + str(FIXTURES / "weekday_errors.md") + ":17:61",
    ]
    source = "The panel heard that the winter plan had been signed off on Friday 5 January 2023."
    marked = lines.index("17 | " + source)
    caret = lines[marked + 1]
    assert caret == "   | " + " " * source.index("Friday") + "^" * len("Friday 5 January 2023")


def test_statistics_count_findings_per_rule():
    result = sample_result()
    assert statistics(result) == "3  D001  weekday-mismatch\n"
    assert json.loads(statistics(result, as_json=True)) == [
        {"code": "D001", "name": "weekday-mismatch", "count": 3}
    ]
    cli_out = CliRunner().invoke(
        cli, ["check", str(FIXTURES / "weekday_errors.md"), "--statistics"]
    )
    assert (cli_out.exit_code, cli_out.stdout) == (1, "5  D001  weekday-mismatch\n")


def test_colour_only_when_asked_for_a_terminal():
    coloured = render(sample_result(), "text", color=True)
    assert "\x1b[1mdrafts/a b.md\x1b[0m:3:5: \x1b[1;31mD001\x1b[0m" in coloured
    assert "\x1b[1;33mD001" in coloured  # a warning
    # CliRunner's output is not a terminal: no colour, whatever the environment.
    plain = CliRunner().invoke(cli, ["check", str(FIXTURES / "weekday_errors.md")])
    assert "\x1b[" not in plain.stdout


def test_no_color_and_output_file_turn_colour_off(monkeypatch, tmp_path):
    from minlint import cli as cli_module

    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    assert cli_module._use_colour(False, None) is True
    assert cli_module._use_colour(True, None) is False
    assert cli_module._use_colour(False, str(tmp_path / "out.txt")) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli_module._use_colour(False, None) is False


def test_full_shows_a_long_line_around_the_place_marked():
    from dataclasses import replace

    from minlint.lint.output.full import _snippet

    base = sample_result().findings[0]
    line = " ".join(f"word{i:03}" for i in range(100))  # 799 characters
    lines = ["before", line, "after " * 50]

    def shown(column: int, end: int) -> tuple[str, str]:
        found = replace(base, line=2, end_line=2, column=column, end_column=end)
        text, marks = (s[4:] for s in _snippet(found, lines, False)[2:4])
        return text, marks

    for column in (1, 400, 792):
        text, marks = shown(column, column + 7)
        assert len(text) <= 202
        assert text[marks.index("^") :].startswith(line[column - 1 : column + 6])
        assert len(marks.strip()) == 7
        assert text.startswith("…") == (column > 61)
        assert text.endswith("…") == (column < 792)
    whole = replace(base, line=1, end_line=1, column=1, end_column=None)
    assert _snippet(whole, ["short line"], False)[1:3] == ["1 | short line", "  | ^^^^^^^^^^"]
