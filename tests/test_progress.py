"""The progress bar: on a terminal only, never in a pipe, in CI or for a machine format.

The whole ``minlint check`` runs in a new process whose stderr is a pseudo-terminal (or
a pipe); the bar's delay is set to nothing there, so that a quick run shows it too.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from conftest import EXAMPLES, REPO

from minlint.lint.output import progress
from minlint.lint.output.progress import MIN_FILES, ProgressBar, wanted

pty = pytest.importorskip("pty")

DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"

# minlint's own entry point, the bar shown from the first file.
SCRIPT = """
import sys
from minlint.lint.output import progress
progress.DELAY = 0
from minlint.cli import main
sys.argv = ["minlint", *sys.argv[1:]]
main()
"""


def drafts(tmp_path, count: int):
    folder = tmp_path / f"drafts{count}"
    folder.mkdir()
    for k in range(count):
        (folder / f"draft_{k:02d}.md").write_bytes(DRAFT.read_bytes())
    return folder


def environment(**changes: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    env["TERM"] = "xterm"
    env["MINLINT_CACHE_DIR"] = ""
    for k, v in changes.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


def on_terminal(tmp_path, *args: str, **env: str | None) -> tuple[str, str]:
    """stdout (a file) and what the terminal showed on stderr."""
    master, slave = pty.openpty()
    out = tmp_path / "stdout"
    with out.open("wb") as stdout:
        proc = subprocess.Popen(
            [sys.executable, "-c", SCRIPT, "check", "--exit-zero", *args],
            stdout=stdout,
            stderr=slave,
            cwd=REPO,
            env=environment(**env),
        )
        os.close(slave)
        shown = []
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the process closed the terminal
                break
            if not data:
                break
            shown.append(data)
        proc.wait(timeout=120)
        os.close(master)
    return out.read_text(encoding="utf-8"), b"".join(shown).decode("utf-8", "replace")


def in_pipes(*args: str, **env: str | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, "check", "--exit-zero", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=environment(**env),
        timeout=120,
    )


BAR = re.compile(r"(\d+)/(\d+) files, (\d+) findings?")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_terminal_shows_files_done_and_findings_then_the_bar_is_erased(tmp_path, jobs):
    folder = drafts(tmp_path, MIN_FILES + 5)
    out, shown = on_terminal(tmp_path, str(folder), "--jobs", jobs)
    bars = BAR.findall(shown)
    assert bars, shown
    done = [int(d) for d, _, _ in bars]
    assert done == sorted(done) and done[-1] == MIN_FILES + 5
    assert {t for _, t, _ in bars} == {str(MIN_FILES + 5)}
    summary = re.search(r"Found (\d+) findings?", out)
    assert summary and int(bars[-1][2]) == int(summary.group(1))
    assert shown.endswith("\r") and shown.rstrip("\r").endswith(" ")  # erased
    assert out == in_pipes(str(folder), "--jobs", jobs).stdout


def test_a_pipe_never_gets_the_bar(tmp_path):
    folder = drafts(tmp_path, MIN_FILES + 5)
    done = in_pipes(str(folder))
    assert "Found" in done.stdout
    assert "files," not in done.stderr and "\r" not in done.stderr
    assert "\r" not in done.stdout


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--format", "json"), {}),
        (("--format", "sarif"), {}),
        (("--format", "github"), {}),
        (("--no-progress",), {}),
        ((), {"CI": "true"}),
        ((), {"TERM": "dumb"}),
    ],
    ids=["json", "sarif", "github", "no-progress", "CI", "dumb-terminal"],
)
def test_no_bar_for_machines_in_ci_or_when_asked(tmp_path, args, env):
    folder = drafts(tmp_path, MIN_FILES + 5)
    _, shown = on_terminal(tmp_path, str(folder), *args, **env)
    assert not BAR.search(shown) and "\r" not in shown


def test_no_bar_for_a_handful_of_files(tmp_path):
    folder = drafts(tmp_path, MIN_FILES - 1)
    out, shown = on_terminal(tmp_path, str(folder))
    assert "Found" in out
    assert not BAR.search(shown)


def test_the_bar_waits_and_does_not_redraw_more_than_it_needs():
    now = [0.0]
    stream = io.StringIO()
    bar = ProgressBar(stream, clock=lambda: now[0])
    for done in range(1, 5):
        now[0] = done * progress.DELAY / 5  # all before the delay
        bar(done, 40, 0)
    assert stream.getvalue() == ""
    now[0] = progress.DELAY
    bar(5, 40, 2)
    bar(6, 40, 3)  # at the same instant: not drawn
    assert BAR.findall(stream.getvalue()) == [("5", "40", "2")]
    now[0] += progress.INTERVAL * 1.5
    bar(7, 40, 3)
    now[0] += progress.INTERVAL / 10
    bar(40, 40, 9)  # the last file is always drawn
    assert [d for d, _, _ in BAR.findall(stream.getvalue())] == ["5", "7", "40"]
    assert "\x1b" not in stream.getvalue()  # no colour unless asked
    bar.close()
    assert stream.getvalue().endswith("\r")
    last = stream.getvalue().rsplit("\r", 2)[-2]
    assert last.strip() == ""


def test_wanted_only_for_people():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    term = Terminal()
    assert wanted(term, "text", environ={})
    assert wanted(term, "full", environ={"CI": "false"})
    assert not wanted(io.StringIO(), "text", environ={})
    assert not wanted(term, "text", environ={"CI": "1"})
    assert not wanted(term, "text", environ={"TERM": "dumb"})
    assert not wanted(term, "text", no_progress=True, environ={})
    for fmt in ("json", "sarif", "github"):
        assert not wanted(term, fmt, environ={})


def test_no_color_leaves_a_plain_bar(tmp_path):
    folder = drafts(tmp_path, MIN_FILES + 1)
    _, coloured = on_terminal(tmp_path, str(folder))
    _, plain = on_terminal(tmp_path, str(folder), NO_COLOR="1")
    assert "\x1b[" in coloured
    assert BAR.search(plain) and "\x1b" not in plain
