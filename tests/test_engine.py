"""The registry of rules, third-party rules, and how the engine runs a rule."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from engine_support import FIXTURES, check

from minlint.cli import cli
from minlint.lint import engine, registry
from minlint.lint.registry import Registry, RegistryError, load_registry, rule


def test_shipped_rules_are_found_one_module_per_rule():
    rules = {r.code: r for r in registry.builtin_rules()}
    d001 = rules["D001"]
    assert (d001.name, d001.category, d001.severity) == ("weekday-mismatch", "date", "error")
    assert d001.origin == "minlint.rules.d001_weekday_mismatch"
    assert d001.needs == frozenset()
    # The explanation is the module's docstring.
    import minlint.rules.d001_weekday_mismatch as module

    assert d001.explanation == textwrap.dedent(module.__doc__).strip()
    assert "What it checks" in d001.explanation and "Example" in d001.explanation


def test_every_shipped_rule_module_is_named_after_its_rule():
    for r in registry.builtin_rules():
        module = r.origin.rsplit(".", 1)[-1]
        assert module == f"{r.code.lower()}_{r.name.replace('-', '_')}"


def test_rules_are_looked_up_by_code_or_name():
    reg = load_registry()
    assert reg.get("D001") is reg.get("weekday-mismatch") is reg.get("d001")
    assert reg.get("D999") is None and reg.get("weekday") is None


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"code": "D01"}, "code 'D01'"),
        ({"name": "Weekday_Mismatch"}, "not kebab-case"),
        ({"category": "dates"}, "category 'dates'"),
        ({"severity": "fatal"}, "severity 'fatal'"),
        ({"needs": ("minutes",)}, "needs unknown records: minutes"),
    ],
)
def test_a_bad_declaration_is_refused(fields, problem):
    declared = {"code": "D901", "name": "probe", "category": "date", "summary": "Probe."}
    with pytest.raises(RegistryError, match=problem):
        rule(**{**declared, **fields})


def _probe(code: str, name: str):
    return rule(code=code, name=name, category="date", summary="Probe.")(lambda ctx: ())


def test_a_code_or_name_declared_twice_is_refused():
    with pytest.raises(RegistryError, match="D901 is declared twice"):
        Registry([_probe("D901", "one"), _probe("D901", "two")])
    with pytest.raises(RegistryError, match="same is declared twice"):
        Registry([_probe("D901", "same"), _probe("D902", "same")])


PLUGIN = '''
"""Q-rules of a third party: the meeting is quorate."""

from minlint.lint.engine import rule


@rule(code="Q101", name="quorum-stated", category="attendance", severity="info",
      summary="The minutes say whether the meeting was quorate.")
def check(ctx):
    if not any("quorate" in b.text for b in ctx.blocks()):
        yield ctx.finding(1, "the minutes do not say whether the meeting was quorate")
'''


@pytest.fixture
def plugin(tmp_path, monkeypatch):
    """A third-party package installed on sys.path with a ``minlint.rules`` entry point."""
    (tmp_path / "quorum_rules.py").write_text(PLUGIN, encoding="utf-8")
    info = tmp_path / "quorum_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: quorum-rules\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[minlint.rules]\nquorum = quorum_rules\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules.pop("quorum_rules", None)
    load_registry.cache_clear()
    yield
    sys.modules.pop("quorum_rules", None)
    load_registry.cache_clear()


def test_no_plugins_are_looked_for_without_an_entry_point():
    assert registry._plugins_installed() is False
    assert registry.plugin_rules() == []


def test_third_party_rules_come_from_the_entry_point_group(plugin):
    reg = load_registry()
    q = reg.get("quorum-stated")
    assert q is not None and q.code == "Q101" and q.origin == "quorum_rules"
    assert q.explanation == "Q-rules of a third party: the meeting is quorate."
    result = check(FIXTURES / "clean_minutes.md", select=("Q101",))
    assert [(f.code, f.severity, f.message) for f in result.findings] == [
        ("Q101", "info", "the minutes do not say whether the meeting was quorate")
    ]
    listing = CliRunner().invoke(cli, ["rules"])
    assert "Q101  quorum-stated" in listing.stdout


def test_a_broken_plugin_is_a_clear_error(tmp_path, monkeypatch, plugin):
    (tmp_path / "quorum_rules.py").write_text("raise ImportError('no module named x')\n")
    result = CliRunner().invoke(cli, ["check", str(FIXTURES / "clean_minutes.md")])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: rule plugin 'quorum' (quorum_rules) failed to load: no module named x\n"
    )


def test_a_failing_rule_is_reported_and_the_other_files_are_still_checked(monkeypatch):
    def boom(ctx):
        if ctx.path.endswith("clean_minutes.md"):
            raise ValueError("cannot read the table")
        return iter([ctx.finding(2, "probe")])

    broken = rule(code="D901", name="broken", category="date", summary="Probe.")(boom)
    monkeypatch.setattr(engine, "load_registry", lambda: Registry([broken]))
    result = check(FIXTURES / "clean_minutes.md", FIXTURES / "weekday_errors.md")
    assert [str(e) for e in result.errors] == [
        f"{FIXTURES / 'clean_minutes.md'}: error: rule D901 (broken) failed: "
        "ValueError: cannot read the table"
    ]
    assert [(f.path, f.line) for f in result.findings] == [(str(FIXTURES / "weekday_errors.md"), 2)]


def test_a_rule_context_gives_the_draft_and_makes_findings():
    from engine_support import document, minutes

    from minlint.lint.config import DEFAULT
    from minlint.lint.engine import RuleContext
    from minlint.lint.model import ParsedDocument
    from minlint.lint.records import Records

    doc = document("First.", "Second paragraph here.")
    parsed = ParsedDocument(doc, [minutes(doc, None)])
    r = load_registry().get("D001")
    ctx = RuleContext(r, "draft.txt", parsed, Records(), DEFAULT)
    assert [b.text for b in ctx.blocks()] == ["First.", "Second paragraph here."]
    f = ctx.finding_at(doc.blocks[1], 7, 16, "a message", related=[ctx.related("a.txt", 4, "x")])
    assert (f.path, f.line, f.end_line, f.column, f.end_column) == ("draft.txt", 3, 3, 8, 17)
    assert (f.code, f.name, f.category, f.severity) == ("D001", "weekday-mismatch", "date", "error")
    assert f.related[0].path == "a.txt"
    assert ctx.finding(5, "m", end_line=2, severity="warning").end_line == 5
    assert ctx.config.threshold("near-duplicate-ratio") == 0.9


# --- which files a directory holds ---------------------------------------------------------


def _drafts(tmp_path, config: str | None = None):
    text = (FIXTURES / "weekday_errors.md").read_text(encoding="utf-8")
    for name in ("README.md", "CHANGELOG.txt", "draft.md", "old/draft_2023.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if config is not None:
        (tmp_path / "minlint.toml").write_text(config, encoding="utf-8")
    return sorted({Path(f.path).relative_to(tmp_path).as_posix() for f in check(tmp_path).findings})


def test_a_folders_own_documentation_is_not_checked(tmp_path):
    assert _drafts(tmp_path) == ["draft.md", "old/draft_2023.md"]


def test_files_excluded_by_the_configuration_are_not_checked(tmp_path):
    assert _drafts(tmp_path, 'exclude = ["old/*"]\n') == ["draft.md"]


def test_a_file_named_on_the_command_line_is_checked_whatever_its_name(tmp_path):
    _drafts(tmp_path, 'exclude = ["old/*"]\n')
    assert check(tmp_path / "README.md").findings
    assert check(tmp_path / "old" / "draft_2023.md").findings


def test_the_full_output_keeps_only_the_lines_it_shows_and_prints_the_same():
    from dataclasses import replace

    from minlint.lint.output import render
    from minlint.lint.parse import parse_path

    result = check(*sorted(FIXTURES.glob("*.*")), keep_lines=True)
    assert result.lines and result.findings
    whole = {path: tuple(parse_path(path).document.lines) for path in result.lines}
    for path, excerpt in result.lines.items():
        assert len(excerpt) == len(whole[path])
        kept = [i for i, line in enumerate(excerpt) if line]
        assert kept and all(excerpt[i] == whole[path][i] for i in kept)
    assert sum(len(e._kept) for e in result.lines.values()) < sum(map(len, whole.values()))
    assert render(result, "full") == render(replace(result, lines=whole), "full")
