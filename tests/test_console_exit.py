"""The console script leaves without tearing the interpreter down: nothing it prints is
lost, its exit status is the command's, and its exit handlers still run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from minlint.cli import cli

DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"


def console(*args: str, cache: Path, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    env = dict(os.environ, MINLINT_CACHE_DIR=str(cache))
    return subprocess.run(
        [sys.executable, "-m", "minlint", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
    )


def test_a_long_report_written_to_a_file_is_whole(tmp_path):
    args = ["check", str(EXAMPLES), "--records", str(EXAMPLES), "--format", "sarif"]
    target = tmp_path / "report.sarif"
    with target.open("wb") as out:
        done = console(*args, cache=tmp_path / "cache", stdout=out)
    expected = CliRunner().invoke(cli, args)
    assert done.returncode == expected.exit_code == 1
    assert target.read_text(encoding="utf-8") == expected.output
    assert json.loads(target.read_text(encoding="utf-8"))["runs"][0]["results"]


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["check", str(DRAFT), "--exit-zero"], 0),
        (["check", str(DRAFT)], 1),
        (["check", "no-such-minutes.txt"], 2),
        (["check", str(DRAFT), "--select", "Z999"], 2),
        (["--version"], 0),
    ],
)
def test_the_exit_status_is_the_commands(tmp_path, args, status):
    assert console(*args, cache=tmp_path / "cache").returncode == status


def test_exit_handlers_run_before_leaving(tmp_path):
    """The compiled patterns are saved by an exit handler: a first run leaves them."""
    cache = tmp_path / "cache"
    console("check", str(DRAFT), cache=cache)
    assert list(cache.glob("patterns-*.bin"))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_report_that_cannot_be_written_is_one_line_and_status_2(tmp_path):
    with open("/dev/full", "wb") as full:
        done = console("check", str(DRAFT), cache=tmp_path / "cache", stdout=full)
    said = done.stderr.decode().strip().splitlines()
    assert done.returncode == 2
    assert said == ["minlint: error: cannot write the output: No space left on device"]
