"""--select/--ignore and configuration: ruff's semantics, and per-file ignores."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from engine_support import FIXTURES, check

from minlint.cli import cli
from minlint.lint.registry import Registry, rule
from minlint.lint.selection import SelectorError, parse_selector, parse_selectors, resolve


def _rule(code: str, name: str, category: str):
    return rule(code=code, name=name, category=category, summary="Probe.")(lambda ctx: ())


REG = Registry(
    [
        _rule("D001", "weekday-mismatch", "date"),
        _rule("D002", "incomplete-date", "date"),
        _rule("D011", "date-probe", "date"),
        _rule("A001", "present-and-absent", "attendance"),
        _rule("A002", "name-variant", "attendance"),
    ]
)
ALL = {"D001", "D002", "D011", "A001", "A002"}


def enabled(*layers: tuple[list[str] | None, list[str]]) -> set[str]:
    parsed = [
        (None if s is None else parse_selectors(s, REG), parse_selectors(i, REG)) for s, i in layers
    ]
    return set(resolve(parsed, REG))


def test_every_rule_runs_by_default():
    assert enabled() == ALL
    assert enabled((None, [])) == ALL


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        (["D"], [], {"D001", "D002", "D011"}),
        (["date"], [], {"D001", "D002", "D011"}),
        (["D00"], [], {"D001", "D002"}),
        (["D001", "name-variant"], [], {"D001", "A002"}),
        (["ALL"], ["attendance"], {"D001", "D002", "D011"}),
        (["D"], ["D001"], {"D002", "D011"}),
        # More specific wins: a code over its category, either way round.
        (["D001"], ["D"], {"D001"}),
        (["D00", "A"], ["date"], {"D001", "D002", "A001", "A002"}),
        # Equal specificity: ignore wins.
        (["D00"], ["D00"], set()),
        (["weekday-mismatch"], ["D001"], set()),
        (["A"], ["attendance"], set()),
        ([], [], set()),
    ],
)
def test_select_and_ignore_in_one_layer(select, ignore, expected):
    assert enabled((select, ignore)) == expected


def test_ignore_alone_takes_away_from_the_default():
    assert enabled((None, ["D0"])) == {"A001", "A002"}


def test_a_later_select_replaces_an_earlier_layer():
    # As ruff: the configuration selects D and ignores D001; --select D001 on the
    # command line runs exactly D001.
    assert enabled((["D"], ["D001"]), (["D001"], [])) == {"D001"}
    # An ignore-only command line takes away from the configuration's selection.
    assert enabled((["D"], []), (None, ["D002"])) == {"D001", "D011"}


@pytest.mark.parametrize("text", ["D9", "D0011", "weekday", "Z", "dates", "", "D-01"])
def test_unknown_selectors_are_refused(text):
    with pytest.raises(SelectorError, match="unknown rule selector"):
        parse_selector(text, REG)


def test_a_catalogue_category_without_shipped_rules_selects_nothing():
    assert parse_selector("T", REG).codes == frozenset()
    assert parse_selector("total", REG).codes == frozenset()


def test_codes_are_case_insensitive_and_trimmed():
    assert parse_selector(" d001 ", REG).codes == {"D001"}
    assert parse_selector("all", REG).codes == ALL


# --- on the command line --------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


def test_select_and_ignore_on_the_command_line():
    errors = str(FIXTURES / "weekday_errors.md")
    assert run(errors, "--select", "D001").exit_code == 1
    assert run(errors, "--ignore", "D001").exit_code == 0
    assert run(errors, "--select", "date", "--ignore", "weekday-mismatch").exit_code == 0
    assert run(errors, "--select", "A,D001").exit_code == 1
    assert run(errors, "--select", "A", "--select", "D001").exit_code == 1


def test_an_unknown_selector_on_the_command_line_is_exit_2():
    result = run(str(FIXTURES / "weekday_errors.md"), "--select", "D001,Z999")
    assert result.exit_code == 2
    assert result.stderr == "error: --select: unknown rule selector 'Z999'\n"
    assert result.stdout == ""
    result = run(str(FIXTURES / "weekday_errors.md"), "--ignore", "weekday")
    assert result.exit_code == 2
    assert result.stderr == "error: --ignore: unknown rule selector 'weekday'\n"


# --- per-file ignores -----------------------------------------------------------------


@pytest.fixture
def project(tmp_path):
    (tmp_path / "drafts" / "old").mkdir(parents=True)
    for rel in ("drafts/a.md", "drafts/old/b.md", "c.md"):
        shutil.copy(FIXTURES / "weekday_errors.md", tmp_path / rel)
    return tmp_path


def flagged(result) -> set[str]:
    return {f.path.rsplit("/", 1)[-1] for f in result.findings}


def test_per_file_ignores_match_paths_relative_to_the_configuration(project):
    (project / "minlint.toml").write_text(
        '[per-file-ignores]\n"drafts/old/*" = ["D001"]\n', encoding="utf-8"
    )
    result = check(project / "drafts/a.md", project / "drafts/old/b.md", project / "c.md")
    assert flagged(result) == {"a.md", "c.md"}


def test_a_per_file_glob_without_a_slash_matches_the_file_name(project):
    (project / "minlint.toml").write_text(
        '[per-file-ignores]\n"c.*" = ["date"]\n"b.md" = ["weekday-mismatch"]\n',
        encoding="utf-8",
    )
    result = check(project / "drafts/a.md", project / "drafts/old/b.md", project / "c.md")
    assert flagged(result) == {"a.md"}


def test_per_file_ignores_with_an_unknown_code_are_exit_2(project):
    (project / "minlint.toml").write_text(
        '[per-file-ignores]\n"c.md" = ["D0001"]\n', encoding="utf-8"
    )
    result = run(str(project / "c.md"))
    assert result.exit_code == 2
    assert "per-file-ignores.c.md: unknown rule selector 'D0001'" in result.stderr
