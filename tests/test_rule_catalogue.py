"""``minlint rules`` and ``minlint rule`` list the rules from a catalogue kept in the cache
directory: the same as reading the rule modules, never stale, and without importing them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from minlint.cli import cli
from minlint.lint import engine, registry
from minlint.lint.engine import CheckOptions, run_check
from minlint.lint.output import catalogue


@pytest.fixture
def cache(monkeypatch, tmp_path) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MINLINT_CACHE_DIR", str(folder))
    return folder


def listing(reg: registry.Registry) -> tuple[str, str, list[str]]:
    return catalogue.table(reg), catalogue.as_json(reg), [catalogue.explain(r) for r in reg]


def test_the_catalogue_lists_what_the_rule_modules_declare(cache):
    imported = listing(registry.load_registry())
    first = listing(registry.listed_registry())  # read from the modules, then kept
    assert list(cache.glob("rules.bin"))
    kept = listing(registry.listed_registry())
    assert imported == first == kept
    assert "What it checks" in kept[2][0]


def test_a_changed_rule_module_is_read_again(cache, monkeypatch):
    registry.listed_registry()
    monkeypatch.setattr(registry, "_rule_files", lambda: "another version of the rules")
    calls = []
    real = registry.builtin_rules
    monkeypatch.setattr(registry, "builtin_rules", lambda: calls.append(1) or real())
    registry.listed_registry()
    assert calls == [1]
    registry.listed_registry()
    assert calls == [1]  # and kept again


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty"])
def test_a_damaged_catalogue_is_read_again_from_the_modules(cache, damage):
    expected = listing(registry.listed_registry())
    (kept,) = cache.glob("rules.bin")
    data = bytearray(kept.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x01
    elif damage == "truncate":
        data = data[: len(data) // 2]
    else:
        data = bytearray()
    kept.write_bytes(bytes(data))
    assert listing(registry.listed_registry()) == expected


def test_listing_the_rules_imports_no_rule_module_once_the_catalogue_is_kept(tmp_path):
    env = dict(os.environ, MINLINT_CACHE_DIR=str(tmp_path / "cache"))
    code = (
        "import sys\nfrom minlint.cli import cli\n"
        "try:\n    cli(['rules'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('minlint.rules.')), file=sys.stderr)"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout and "D001" in runs[1].stdout
    assert "minlint.rules.d001_weekday_mismatch" in runs[0].stderr
    assert runs[1].stderr.strip() == "[]"


def test_a_listed_rule_still_checks(cache, monkeypatch):
    """A rule taken from the catalogue imports its module when it is run."""
    draft = str(EXAMPLES / "draft_minutes_2024-06-11.md")
    expected = run_check([draft], CheckOptions(select=("ALL",))).findings
    registry.listed_registry()
    monkeypatch.setattr(engine, "load_registry", registry.listed_registry)
    listed = registry.listed_registry()
    assert all(isinstance(r.check, registry._Deferred) for r in listed)
    assert run_check([draft], CheckOptions(select=("ALL",))).findings == expected


def test_rules_and_rule_commands_read_the_catalogue(cache):
    runner = CliRunner()
    first = runner.invoke(cli, ["rules"])
    again = runner.invoke(cli, ["rules"])
    explained = runner.invoke(cli, ["rule", "weekday-mismatch"])
    assert first.exit_code == again.exit_code == explained.exit_code == 0
    assert first.output == again.output
    assert explained.output.startswith("D001 weekday-mismatch (date, error)")
