"""``--jobs``: a worker process that dies loses only the file it was checking.

The engine's workers are forked, so a patch made here reaches them: the patched
``check_file`` kills its own process for one named file, as the out-of-memory killer or
a crash in a C extension would.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import subprocess
import sys
import textwrap

import pytest
from conftest import REPO, SEEDS
from engine_support import FIXTURES, check

from minlint.lint import engine
from minlint.lint.workers import how_it_ended, map_in_workers

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the patches reach forked workers only"
)


def inputs() -> list[str]:
    paths = [str(p) for p in sorted(FIXTURES.glob("*.*"))]
    if SEEDS.is_dir():
        paths += [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    return paths


def dying_on(monkeypatch: pytest.MonkeyPatch, deaths: dict[str, object]) -> None:
    """Make the worker checking a file whose name ends with a key die as the value says:
    a signal number, or ("exit", status)."""
    original = engine.check_file

    def check_file(plan):
        for name, how in deaths.items():
            if plan.path.endswith(name):
                if isinstance(how, tuple):
                    os._exit(how[1])
                faulthandler.disable()  # pytest's, inherited: no traceback on the way out
                os.kill(os.getpid(), how)
        return original(plan)

    monkeypatch.setattr(engine, "check_file", check_file)


def test_a_killed_worker_loses_only_its_file(monkeypatch: pytest.MonkeyPatch):
    files = inputs()
    serial = check(*files, records=(str(FIXTURES / "records"),))
    dying_on(monkeypatch, {"weekday_errors.md": signal.SIGKILL, "suppressed.md": ("exit", 3)})
    parallel = check(*files, records=(str(FIXTURES / "records"),), jobs=2)
    died = {"weekday_errors.md": "killed by SIGKILL", "suppressed.md": "exit status 3"}
    assert [(e.path.rsplit("/", 1)[-1], e.message) for e in parallel.errors] == sorted(
        (name, f"not checked: the process checking it died ({how})") for name, how in died.items()
    )
    kept = [f for f in serial.findings if not f.path.endswith(tuple(died))]
    assert kept, "the other files have findings to keep"
    assert parallel.findings == kept
    assert parallel.files == serial.files


def test_a_segfault_in_every_worker_still_reports_every_file(monkeypatch: pytest.MonkeyPatch):
    files = inputs()
    dying_on(monkeypatch, {p: signal.SIGSEGV for p in files})
    result = check(*files, jobs=2)
    assert result.findings == []
    assert [e.path for e in result.errors] == sorted(files)
    assert {e.message for e in result.errors} == {
        "not checked: the process checking it died (killed by SIGSEGV)"
    }


def test_the_command_line_names_the_file_whose_worker_died(tmp_path):
    """A whole ``minlint check --jobs 2`` run, with the worker of one file crashing."""
    victim = tmp_path / "victim.md"
    victim.write_bytes((FIXTURES / "weekday_errors.md").read_bytes())
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from minlint.lint import engine
        original = engine.check_file
        def check_file(plan):
            if plan.path == {str(victim)!r}:
                os.kill(os.getpid(), signal.SIGSEGV)
            return original(plan)
        engine.check_file = check_file
        from minlint.cli import main
        sys.argv = ["minlint", *sys.argv[1:]]
        main()
        """
    )
    errors, clean = str(FIXTURES / "weekday_errors.md"), str(FIXTURES / "clean_minutes.md")
    args = ["check", "--no-cache", "--jobs", "2", errors, str(victim), clean]
    run = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=REPO
    )
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        f"{victim}: error: not checked: the process checking it died (killed by SIGSEGV)"
    ]
    lines = run.stdout.splitlines()
    assert sum(line.startswith(f"{errors}:") for line in lines) == 5
    assert lines[-2:] == [
        "Found 5 findings (4 errors, 1 warning) in 1 file.",
        "1 file could not be checked.",
    ]


def test_an_exception_loses_only_its_file_serially_and_in_workers(monkeypatch):
    files = inputs()
    original = engine.check_file

    def check_file(plan):
        if plan.path.endswith("suppressed.md"):
            raise RuntimeError("a bug\nover two lines")
        return original(plan)

    monkeypatch.setattr(engine, "check_file", check_file)
    for jobs in (1, 2):
        result = check(*files, jobs=jobs)
        assert [(e.path.rsplit("/", 1)[-1], e.message) for e in result.errors] == [
            ("suppressed.md", "not checked: RuntimeError: a bug over two lines")
        ]
        assert any(f.path.endswith("weekday_errors.md") for f in result.findings)


def _square_or_die(n: int) -> int:
    if n % 5 == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_results_keep_the_order_of_the_items(workers: int):
    items = list(range(23))
    out = map_in_workers(_square_or_die, items, workers, failed=lambda n, why: (n, why))
    assert out == [(n, "the process checking it died (killed by SIGKILL)") if n % 5 == 3 else n * n
                   for n in items]  # fmt: skip


def test_how_a_worker_ended():
    assert how_it_ended(-9) == "killed by SIGKILL"
    assert how_it_ended(-11) == "killed by SIGSEGV"
    assert how_it_ended(1) == "exit status 1"


def test_a_readers_bug_is_an_error_naming_the_file(monkeypatch: pytest.MonkeyPatch):
    from minlint.lint import parse

    original = parse.parse_document

    def parse_document(doc):
        if doc.path.endswith("suppressed.md"):
            raise IndexError("list index out of range")
        return original(doc)

    monkeypatch.setattr(parse, "parse_document", parse_document)
    for jobs in (1, 2):
        result = check(*inputs(), jobs=jobs)
        assert [(e.path.rsplit("/", 1)[-1], e.message) for e in result.errors] == [
            (
                "suppressed.md",
                "internal error while reading this file (please report it):"
                " IndexError: list index out of range",
            )
        ]
        assert any(f.path.endswith("weekday_errors.md") for f in result.findings)
