"""GitHub Actions annotations, escaped as the workflow-command syntax requires."""

from __future__ import annotations

from click.testing import CliRunner
from engine_support import FIXTURES, sample_result

from minlint.cli import cli
from minlint.lint.output import render
from minlint.lint.output.github import escape_data, escape_property


def test_one_annotation_per_finding_and_per_bad_file():
    assert render(sample_result(), "github").splitlines() == [
        "::error file=drafts/a b.md,line=3,endLine=3,col=5,title=D001 weekday-mismatch::"
        "Tuesday does not fall on 2 May 2024 (a Thursday)",
        "::warning file=drafts/a b.md,line=7,endLine=8,col=1,title=D001 weekday-mismatch::"
        "Monday, 50%25 sure: does not fall%0Aon 3 June%0Aagenda.txt:12: the agenda gives 4 June",
        "::notice file=drafts/c.md,line=1,endLine=1,col=1,title=D001 weekday-mismatch::a note",
        "::error file=missing.md,title=minlint::no such file",
    ]


def test_escaping():
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_a_path_with_a_comma_or_colon_is_escaped_in_the_properties(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft, v2: final.md").write_text(
        (FIXTURES / "weekday_errors.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["check", "draft, v2: final.md", "--format", "github"])
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("::warning file=draft%2C v2%3A final.md,line=13,endLine=13,col=38,")
