"""Configuration: discovery, validation against config.schema.json, and its errors."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from engine_support import FIXTURES

from minlint.cli import cli
from minlint.lint import config as config_module
from minlint.lint.config import (
    SCHEMA_PATH,
    ConfigError,
    config_for,
    config_schema,
    find_config,
    load_config,
    threshold_defaults,
)
from minlint.lint.schema_check import SUPPORTED_KEYWORDS, SchemaViolation, check


@pytest.fixture(autouse=True)
def fresh_caches():
    config_module.clear_caches()
    yield
    config_module.clear_caches()


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """project/ with a draft two levels down, and the working directory at project/."""
    draft = tmp_path / "project" / "drafts" / "2023" / "draft.md"
    draft.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "weekday_errors.md", draft)
    monkeypatch.chdir(tmp_path / "project")
    return tmp_path / "project"


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


# --- discovery ------------------------------------------------------------------------


def test_no_configuration_means_the_defaults(tree):
    assert find_config(tree / "drafts/2023/draft.md") is None
    assert config_for(tree / "drafts/2023/draft.md").path is None


def test_the_nearest_configuration_walking_up_is_used(tree):
    (tree / "minlint.toml").write_text('ignore = ["D001"]\n', encoding="utf-8")
    assert find_config(tree / "drafts/2023/draft.md") == tree.absolute() / "minlint.toml"
    assert run("drafts").exit_code == 0
    (tree / "drafts" / "minlint.toml").write_text('select = ["D"]\n', encoding="utf-8")
    config_module.clear_caches()
    assert find_config(tree / "drafts/2023/draft.md") == tree.absolute() / "drafts/minlint.toml"
    assert run("drafts").exit_code == 1


def test_a_pyproject_without_a_minlint_table_is_passed_over(tree):
    (tree / "minlint.toml").write_text('ignore = ["D001"]\n', encoding="utf-8")
    (tree / "drafts" / "pyproject.toml").write_text(
        '[project]\nname = "minutes"\n[tool.other]\nminlint = 1\n', encoding="utf-8"
    )
    assert find_config(tree / "drafts/2023/draft.md") == tree.absolute() / "minlint.toml"


def test_a_pyproject_with_a_minlint_table_is_used(tree):
    (tree / "pyproject.toml").write_text(
        '[project]\nname = "minutes"\n\n[tool.minlint]\nignore = ["weekday-mismatch"]\n',
        encoding="utf-8",
    )
    config = config_for(tree / "drafts/2023/draft.md")
    assert config.path == "pyproject.toml"
    assert config.ignore == ("weekday-mismatch",)
    assert run("drafts").exit_code == 0


def test_minlint_toml_wins_over_pyproject_in_one_directory(tree):
    (tree / "pyproject.toml").write_text('[tool.minlint]\nignore = ["D001"]\n', encoding="utf-8")
    (tree / "minlint.toml").write_text("select = []\n", encoding="utf-8")
    assert config_for(tree / "drafts/2023/draft.md").path == "minlint.toml"


def test_config_option_names_the_file(tree, tmp_path):
    (tree / "minlint.toml").write_text('ignore = ["D001"]\n', encoding="utf-8")
    other = tmp_path / "strict.toml"
    other.write_text('select = ["ALL"]\n', encoding="utf-8")
    assert run("drafts").exit_code == 0
    assert run("drafts", "--config", str(other)).exit_code == 1
    missing = run("drafts", "--config", "absent.toml")
    assert (missing.exit_code, missing.stderr) == (2, "absent.toml: error: no such file\n")


def test_paths_in_a_configuration_are_relative_to_it(tree):
    (tree / "drafts" / "minlint.toml").write_text(
        'records = ["../archive", "agendas/2023"]\nmembership = "members.txt"\n'
        'baseline = "baseline.json"\nprocedural-items = ["Apologies*"]\n'
        'standard-wording = ["There were no declarations of interest."]\n'
        "[thresholds]\nnear-duplicate-ratio = 0.8\n",
        encoding="utf-8",
    )
    config = config_for(tree / "drafts/2023/draft.md")
    assert config.records == ("archive", "drafts/agendas/2023")
    assert config.membership == "drafts/members.txt"
    assert config.baseline == "drafts/baseline.json"
    assert config.procedural_items == ("Apologies*",)
    assert config.standard_wording == ("There were no declarations of interest.",)
    assert config.threshold("near-duplicate-ratio") == 0.8
    assert config.threshold("duplicate-min-words") == threshold_defaults()["duplicate-min-words"]


# --- errors: exit 2 with the key named -------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            'selct = ["D001"]\n',
            "minlint.toml: error: selct: unknown key (expected one of: baseline, exclude, ignore, "
            "membership, per-file-ignores, procedural-items, records, select, "
            "standard-wording, thresholds); did you mean 'select'?",
        ),
        (
            'select = "D001"\n',
            'minlint.toml: error: select: expected an array of non-empty strings, got "D001"',
        ),
        ("ignore = [1]\n", "minlint.toml: error: ignore[0]: expected a non-empty string, got 1"),
        (
            'records = "archive"\n',
            'minlint.toml: error: records: expected an array of non-empty strings, got "archive"',
        ),
        (
            "membership = []\n",
            "minlint.toml: error: membership: expected a non-empty string, got []",
        ),
        (
            "[thresholds]\nnear-duplicate-ratio = 1.5\n",
            "minlint.toml: error: thresholds.near-duplicate-ratio: expected a number from 0 "
            "to 1, got 1.5",
        ),
        (
            "[thresholds]\nduplicate-min-words = 2.5\n",
            "minlint.toml: error: thresholds.duplicate-min-words: expected a whole number of "
            "at least 1, got 2.5",
        ),
        (
            "[thresholds]\nratio = 0.5\n",
            "minlint.toml: error: thresholds.ratio: unknown key (expected one of: "
            "duplicate-min-words, municipal-year-start-month, name-variant-distance, "
            "near-duplicate-ratio, "
            "percentage-tolerance, shares-tolerance)",
        ),
        (
            '[per-file-ignores]\n"old/*" = "D001"\n',
            "minlint.toml: error: per-file-ignores.old/*: expected an array of non-empty "
            'strings, got "D001"',
        ),
        (
            'select = ["D001", "Q123"]\n',
            "minlint.toml: error: select: unknown rule selector 'Q123'",
        ),
        ('ignore = ["dates"]\n', "minlint.toml: error: ignore: unknown rule selector 'dates'"),
        ("select = [\n", "minlint.toml: error: invalid TOML: "),
    ],
)
def test_a_bad_configuration_is_exit_2_naming_the_key(tree, content, message):
    (tree / "minlint.toml").write_text(content, encoding="utf-8")
    result = run("drafts")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1  # one line


def test_errors_in_pyproject_name_the_table(tree):
    (tree / "pyproject.toml").write_text('[tool.minlint]\nselect = "D"\n', encoding="utf-8")
    result = run("drafts")
    assert (result.exit_code, result.stderr) == (
        2,
        "pyproject.toml: error: [tool.minlint] select: expected an array of non-empty "
        'strings, got "D"\n',
    )
    (tree / "pyproject.toml").write_text('[tool.minlint]\nselect = ["D", "X9"]\n')
    config_module.clear_caches()
    result = run("drafts")
    assert result.stderr == (
        "pyproject.toml: error: [tool.minlint] select: unknown rule selector 'X9'\n"
    )


def test_load_config_raises_config_error(tmp_path):
    bad = tmp_path / "minlint.toml"
    bad.write_text("baseline = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(bad)
    assert info.value.message == "baseline: expected a non-empty string, got 3"


# --- the schema -----------------------------------------------------------------------


def _keywords(schema):
    if isinstance(schema, dict):
        for key, value in schema.items():
            yield key
            if key == "properties":
                for sub in value.values():
                    yield from _keywords(sub)
            elif isinstance(value, dict):
                yield from _keywords(value)


def test_the_schema_is_valid_and_uses_only_keywords_the_checker_knows():
    schema = json.loads(Path(SCHEMA_PATH).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(_keywords(schema)) <= SUPPORTED_KEYWORDS


CONFIGS = [
    {},
    {"select": ["D001", "date"], "ignore": []},
    {"select": "D001"},
    {"select": [""]},
    {"select": [1]},
    {"ignore": [True]},
    {"per-file-ignores": {"a/*.md": ["D001"], "b.md": []}},
    {"per-file-ignores": {"a": "D001"}},
    {"per-file-ignores": ["a"]},
    {"records": ["a", "b/c"], "membership": "m.txt", "baseline": "b.json"},
    {"membership": ""},
    {"membership": 3},
    {"procedural-items": ["Apologies*"], "standard-wording": ["None."]},
    {"standard-wording": "None."},
    {"thresholds": {}},
    {"thresholds": {"near-duplicate-ratio": 0}},
    {"thresholds": {"near-duplicate-ratio": 1}},
    {"thresholds": {"near-duplicate-ratio": 1.01}},
    {"thresholds": {"near-duplicate-ratio": -0.1}},
    {"thresholds": {"near-duplicate-ratio": True}},
    {"thresholds": {"duplicate-min-words": 12}},
    {"thresholds": {"duplicate-min-words": 12.0}},
    {"thresholds": {"duplicate-min-words": 0}},
    {"thresholds": {"duplicate-min-words": "12"}},
    {"thresholds": {"percentage-tolerance": 0.25, "shares-tolerance": 2}},
    {"thresholds": {"name-variant-distance": 2, "other": 1}},
    {"thresholds": 3},
    {"unknown": 1},
    [],
]


@pytest.mark.parametrize("value", CONFIGS, ids=[json.dumps(c) for c in CONFIGS])
def test_the_checker_agrees_with_jsonschema(value):
    valid = jsonschema.Draft202012Validator(config_schema()).is_valid(value)
    try:
        check(value, config_schema())
        ours = True
    except SchemaViolation:
        ours = False
    assert ours == valid


def test_threshold_defaults_come_from_the_schema():
    assert threshold_defaults() == {
        "near-duplicate-ratio": 0.9,
        "duplicate-min-words": 12,
        "percentage-tolerance": 0.1,
        "shares-tolerance": 1,
        "municipal-year-start-month": 5,
        "name-variant-distance": 2,
    }


def test_checking_a_draft_does_not_import_jsonschema(tree):
    (tree / "minlint.toml").write_text('select = ["D"]\n', encoding="utf-8")
    code = (
        "import sys; from minlint.cli import cli; sys.argv = ['minlint', 'check', 'drafts'];\n"
        "try:\n    cli()\nexcept SystemExit:\n    pass\n"
        "print('jsonschema' in sys.modules, 'lxml' in sys.modules, 'Levenshtein' in sys.modules)"
    )
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tree, env=os.environ
    )
    assert out.stdout.splitlines()[-1] == "False False False"
