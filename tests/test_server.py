"""``minlint server``: a command run by a server prints, exits and reads its files exactly
as the same command run without one; a server whose minlint changed on disk hands the
command back; a server leaves when stopped or idle."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, stop_servers

import minlint
from minlint import client, wire

pytestmark = pytest.mark.skipif(
    not wire.supported(),
    reason="a server needs Linux: fork, and Unix sockets that pass descriptors",
)

PACKAGE_ROOT = Path(minlint.__file__).resolve().parent.parent
DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"
AGENDA = EXAMPLES / "agenda_2024-06-11.txt"
PREVIOUS = EXAMPLES / "minutes_2024-05-14.txt"


@pytest.fixture
def cache():
    """A cache directory of the test's own, with a short path: a Unix socket's path is
    at most about 100 bytes, and pytest's temporary directories can be longer."""
    directory = Path(tempfile.mkdtemp(prefix="mls-"))
    yield directory
    stop_servers(directory)
    shutil.rmtree(directory, ignore_errors=True)


def minlint(
    *args: str, cache: Path, cwd: Path | None = None, server: bool = True, check: bool = False
) -> subprocess.CompletedProcess:
    # This copy of minlint wherever the command runs: a server serves one copy only.
    env = dict(os.environ, MINLINT_CACHE_DIR=str(cache), PYTHONPATH=str(PACKAGE_ROOT))
    env.pop(wire.OFF, None)
    if not server:
        env[wire.OFF] = "1"
    return subprocess.run(
        [sys.executable, "-m", "minlint", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=check,
        timeout=120,
    )


def served(cache: Path) -> int | None:
    """How many commands the server has run, or None when none is running."""
    done = minlint("server", "status", cache=cache)
    if done.returncode != 0:
        return None
    return int(done.stdout.split("it has run ")[1].split()[0])


def start(cache: Path, *extra: str) -> None:
    done = minlint("server", "start", "--idle", "2", *extra, cache=cache)
    assert done.returncode == 0, done.stderr
    assert served(cache) == 0


def same_as_without_a_server(cache: Path, *args: str, cwd: Path | None = None) -> None:
    before = served(cache)
    through = minlint(*args, cache=cache, cwd=cwd)
    assert served(cache) == before + 1, "the command did not go through the server"
    here = minlint(*args, cache=cache, cwd=cwd, server=False)
    assert (through.returncode, through.stdout, through.stderr) == (
        here.returncode,
        here.stdout,
        here.stderr,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(DRAFT), "--agenda", str(AGENDA), "--previous", str(PREVIOUS)],
        ["check", str(EXAMPLES), "--records", str(EXAMPLES), "--format", "sarif"],
        ["check", str(DRAFT), "--exit-zero", "--format", "json"],
        ["check", str(DRAFT), "--jobs", "2", "--format", "full"],
        ["check", str(EXAMPLES), "--records", str(EXAMPLES), "--jobs", "2"],
        ["check", "no-such-minutes.txt"],
        ["check", str(DRAFT), "--select", "Z999"],
        ["parse", str(AGENDA)],
        ["diff", str(PREVIOUS), str(DRAFT)],
        ["report", str(DRAFT), "--agenda", str(AGENDA)],
        ["rules"],
        ["--version"],
        ["frobnicate"],
    ],
)
def test_a_command_through_the_server_is_the_command_without_one(cache, args):
    start(cache)
    same_as_without_a_server(cache, *args)


def test_the_command_runs_in_the_callers_directory_with_its_configuration(cache, tmp_path):
    start(cache)
    shutil.copy(DRAFT, tmp_path / "draft.md")
    (tmp_path / "minlint.toml").write_text('ignore = ["P001", "D"]\n')
    same_as_without_a_server(cache, "check", "draft.md", cwd=tmp_path)
    without = minlint("check", "draft.md", cache=cache, cwd=tmp_path)
    plain = minlint("check", str(DRAFT), cache=cache)
    assert without.stdout != plain.stdout  # the configuration was read: fewer findings
    assert "draft.md:" in without.stdout


def test_a_server_whose_minlint_changed_hands_the_command_back_and_leaves(cache):
    """The stamp of minlint's files is taken when the server starts; here it differs
    at the first command, as after an upgrade."""
    script = (
        "import itertools, sys\n"
        "from minlint import server\n"
        "from minlint.cli import main\n"
        "stamps = itertools.count()\n"
        "server.package_stamp = lambda: next(stamps)\n"
        "server.run(main, 2, lambda: print('ready', flush=True))\n"
    )
    env = dict(os.environ, MINLINT_CACHE_DIR=str(cache), PYTHONPATH=str(PACKAGE_ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        args = ["check", str(DRAFT), "--agenda", str(AGENDA)]
        through = minlint(*args, cache=cache)
        here = minlint(*args, cache=cache, server=False)
        assert (through.returncode, through.stdout) == (here.returncode, here.stdout)
        assert through.returncode == 1 and through.stdout
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()
        proc.wait()
    assert served(cache) is None
    assert not list(cache.glob("server-*.sock"))


def test_stop_and_status(cache):
    assert served(cache) is None
    assert minlint("server", "status", cache=cache).returncode == 1
    start(cache)
    again = minlint("server", "start", cache=cache)
    assert again.returncode == 2 and "already running" in again.stderr
    minlint("check", str(DRAFT), cache=cache)
    assert served(cache) == 1
    stopped = minlint("server", "stop", cache=cache)
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    for _ in range(100):
        if not list(cache.glob("server-*.sock")):
            break
        time.sleep(0.1)
    assert served(cache) is None
    assert not list(cache.glob("server-*.sock"))
    assert "No minlint server" in minlint("server", "stop", cache=cache).stdout


def test_an_idle_server_leaves(cache):
    start(cache, "--idle", "0.02")  # 1.2 seconds
    for _ in range(100):
        if served(cache) is None:
            break
        time.sleep(0.1)
    assert served(cache) is None


def test_without_a_cache_directory_there_is_no_server(monkeypatch):
    env = dict(os.environ, MINLINT_CACHE_DIR="")
    done = subprocess.run(
        [sys.executable, "-m", "minlint", "server", "start"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert "cache directory" in done.stderr
    monkeypatch.setenv("MINLINT_CACHE_DIR", "")
    assert wire.socket_path() is None
    assert client.forward(["--version"]) is None


def test_a_command_is_interrupted_with_its_client(cache, tmp_path):
    """Ctrl-C in the client's terminal reaches the command the server runs."""
    start(cache)
    many = tmp_path / "many"
    many.mkdir()
    for k in range(400):
        shutil.copy(DRAFT, many / f"draft{k}.md")
    env = dict(os.environ, MINLINT_CACHE_DIR=str(cache), PYTHONPATH=str(PACKAGE_ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "minlint", "check", str(many), "--no-cache"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)
    assert proc.poll() is None, "the check ended before it could be interrupted"
    proc.send_signal(2)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode in (1, 130)
    assert "Aborted" in err or proc.returncode == 130
    assert served(cache) == 1  # the server is still there for the next command


def _listening_but_silent(cache: Path, monkeypatch) -> socket.socket:
    """A socket where a server would listen, that never answers."""
    monkeypatch.setenv("MINLINT_CACHE_DIR", str(cache))
    monkeypatch.delenv(wire.OFF, raising=False)
    silent = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    silent.bind(wire.socket_path())
    silent.listen(4)
    return silent


def test_a_server_that_does_not_answer_is_reported_not_waited_for(cache, monkeypatch, capsys):
    silent = _listening_but_silent(cache, monkeypatch)
    monkeypatch.setattr(wire, "ANSWER_SECONDS", 0.3)
    try:
        assert client.forward(["--version"]) == 2
    finally:
        silent.close()
    assert "did not answer" in capsys.readouterr().err


def test_a_socket_left_behind_runs_the_command_here(cache, monkeypatch):
    silent = _listening_but_silent(cache, monkeypatch)
    silent.close()  # the file stays, nobody listens: a server that was killed
    assert client.forward(["--version"]) is None


def test_check_with_server_leaves_one_running_for_the_next_check(cache):
    args = ["check", str(DRAFT), "--agenda", str(AGENDA), "--server"]
    first = minlint(*args, cache=cache)
    assert first.returncode == 1 and first.stdout
    for _ in range(300):
        if served(cache) is not None:
            break
        time.sleep(0.1)
    assert served(cache) == 0
    second = minlint(*args, cache=cache)
    assert served(cache) == 1
    assert (second.returncode, second.stdout, second.stderr) == (
        first.returncode,
        first.stdout,
        first.stderr,
    )
    minlint(*args, cache=cache)  # through the server: it starts no other
    time.sleep(0.5)
    assert len(list(cache.glob("server-*.sock"))) == 1
    assert served(cache) == 2


def test_a_group_writable_cache_directory_can_hold_the_server(cache):
    """A user whose umask is 002 (as Debian and Ubuntu set it) has such a directory."""
    cache.chmod(0o775)
    start(cache)
    socket_file = next(cache.glob("server-*.sock"))
    assert socket_file.stat().st_mode & 0o777 == 0o600
