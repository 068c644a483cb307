"""The pre-commit hook, for real: ``pre-commit try-repo`` installs minlint and runs it.

This is the slow test: pre-commit builds a virtual environment and installs minlint
and its dependencies into it (a minute or more on the first run). The environment is
shared by the tests of one session.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, stop_servers

pytestmark = pytest.mark.slow

GIT = shutil.which("git")
HAS_PRE_COMMIT = importlib.util.find_spec("pre_commit") is not None

CLEAN = """# HARBOUR SCRUTINY PANEL

**Tuesday 14 November 2023**

Present:- Councillor Ashworth (in the Chair); Councillors Brennan and Dalton.

## 41. DATE OF NEXT MEETING

Resolved:- That the next meeting be held on Tuesday 12 December 2023 at 6.00 p.m.
"""
PLANTED = CLEAN.replace("on Tuesday 12 December", "on Wednesday 12 December")

ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Clerk",
    "GIT_AUTHOR_EMAIL": "clerk@example.org",
    "GIT_COMMITTER_NAME": "Clerk",
    "GIT_COMMITTER_EMAIL": "clerk@example.org",
    "NO_COLOR": "1",
}


def git(*args: str, cwd: Path) -> str:
    out = subprocess.run([GIT, *args], cwd=cwd, env=ENV, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_the_hook_definition():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "minlint"
    assert hook["entry"] == "minlint check"
    assert hook["language"] == "python"
    assert "types_or" not in hook and "types" not in hook
    pattern = re.compile(hook["files"])
    for name in ("a.txt", "b/c.md", "d.markdown", "e.html", "f.htm", "g.docx", "h.pdf"):
        assert pattern.search(name), name
    for name in ("a.py", "b.docx.bak", "c.csv", "pyproject.toml"):
        assert not pattern.search(name), name


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> Path:
    """The repository to try: the checkout itself when committed, else a snapshot of its
    working tree (try-repo would leave out files not yet added to git)."""
    if GIT is None or not HAS_PRE_COMMIT:
        pytest.skip("git or pre-commit is not installed")
    if not (REPO / ".git").exists() or git("status", "--porcelain", cwd=REPO).strip() == "":
        return REPO
    snapshot = tmp_path_factory.mktemp("minlint-snapshot")
    listed = git("ls-files", "-co", "--exclude-standard", "-z", cwd=REPO).split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git("init", "-q", cwd=snapshot)
    git("add", "-A", cwd=snapshot)
    git("commit", "-q", "-m", "snapshot of the working tree", cwd=snapshot)
    return snapshot


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(hook_repo: Path, home: Path, workdir: Path, *files: str):
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(hook_repo),
            "minlint",
            "--files",
            *files,
        ],
        cwd=workdir,
        env={**ENV, "PRE_COMMIT_HOME": str(home)},
        capture_output=True,
        text=True,
    )


@pytest.fixture
def drafts_repo(tmp_path) -> Path:
    if GIT is None:
        pytest.skip("git is not installed")
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "planted.md").write_text(PLANTED, encoding="utf-8")
    git("add", "-A", cwd=tmp_path)
    return tmp_path


def test_the_hook_fails_on_a_planted_weekday_error(hook_repo, pre_commit_home, drafts_repo):
    result = try_repo(hook_repo, pre_commit_home, drafts_repo, "planted.md")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert (
        "planted.md:9:45: D001 Wednesday does not fall on 12 December 2023 (a Tuesday)"
        in result.stdout
    )


def test_the_hook_passes_on_a_clean_draft(hook_repo, pre_commit_home, drafts_repo):
    result = try_repo(hook_repo, pre_commit_home, drafts_repo, "clean.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_the_hook_with_server_keeps_one_for_the_next_commit(
    hook_repo, pre_commit_home, drafts_repo
):
    """``args: [--server]``: the first run starts a server of pre-commit's own
    environment, and the next run is handed to it, with the same result."""
    import tempfile
    import time

    from minlint import wire
    from minlint.server import ask

    if not wire.supported():
        pytest.skip("a server needs Linux: fork, and Unix sockets that pass descriptors")
    rev = git("rev-parse", "HEAD", cwd=hook_repo).strip()
    config = {
        "repos": [
            {"repo": str(hook_repo), "rev": rev, "hooks": [{"id": "minlint", "args": ["--server"]}]}
        ]
    }
    (drafts_repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    cache = Path(tempfile.mkdtemp(prefix="mlp-"))
    env = {**ENV, "PRE_COMMIT_HOME": str(pre_commit_home), "MINLINT_CACHE_DIR": str(cache)}
    run = [sys.executable, "-m", "pre_commit", "run", "--files", "planted.md"]
    try:
        first = subprocess.run(run, cwd=drafts_repo, env=env, capture_output=True, text=True)
        assert first.returncode == 1, first.stdout + first.stderr
        assert "D001 Wednesday does not fall on 12 December 2023" in first.stdout
        for _ in range(300):
            sockets = list(cache.glob("server-*.sock"))
            if sockets and ask("status", str(sockets[0])) is not None:
                break
            time.sleep(0.1)
        (socket_file,) = cache.glob("server-*.sock")
        assert ask("status", str(socket_file)) == 0
        second = subprocess.run(run, cwd=drafts_repo, env=env, capture_output=True, text=True)
        assert ask("status", str(socket_file)) == 1

        def report(out: str) -> str:  # without pre-commit's notes on installing
            return "".join(line for line in out.splitlines(True) if not line.startswith("[INFO]"))

        assert second.returncode == first.returncode
        assert report(second.stdout) == report(first.stdout)
    finally:
        stop_servers(cache)
        shutil.rmtree(cache, ignore_errors=True)
