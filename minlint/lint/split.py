"""One file's rules shared between this process and a forked copy of it.

Checking one draft is a pre-commit hook's whole job, and once the draft is parsed and
its records matched, its rules are independent of one another. On a machine with two
cores or more, a forked copy of the process runs some of them while the process runs
the others. Rules go in groups (those of one category share what they compute: the
paragraphs of the duplicate rules, the people of the attendance rules), and whichever
process is free claims the next group, from a pipe that holds one byte per group: no
guess at what each group costs is needed. The copy sends each group's outcomes back as
it finishes them; a group it did not finish (it died, or ran out of memory) is run here.
The caller gets the outcomes in the groups' order, so its findings are those of one
process, byte for byte.

What the copy compiled (patterns, the model's methods) is sent back too, so that this
process keeps it in the stores for the next run.

Only on Linux (``fork`` after libraries such as lxml are loaded is not safe everywhere),
only with a second core free to this process, and never from a process with threads.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_HEAD = 8  # each message: its length, then a pickle


def available() -> bool:
    """Whether this process can share its rules with a forked copy now."""
    import threading

    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return False
    try:
        return len(os.sched_getaffinity(0)) >= 2
    except (AttributeError, OSError):
        return (os.cpu_count() or 1) >= 2


def run_shared(groups: Sequence[Sequence[T]], run: Callable[[T], R]) -> list[list[R]]:
    """``run`` on every item of every group, the groups shared with a forked copy of
    this process; the outcomes group by group, item by item. ``run`` should not raise:
    what a forked copy raises loses only that copy's unfinished groups, which are run
    again here."""
    if len(groups) < 2 or len(groups) > 255:
        return [[run(item) for item in group] for group in groups]
    claims_read, claims_write = os.pipe()
    os.write(claims_write, bytes(range(len(groups))))
    os.close(claims_write)
    results_read, results_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(results_read)
        _copy(groups, run, claims_read, results_write)
    os.close(results_write)
    outcomes: list[list[R] | None] = [None] * len(groups)
    try:
        while claim := os.read(claims_read, 1):
            outcomes[claim[0]] = [run(item) for item in groups[claim[0]]]
        for k, outcome in _received(results_read):
            outcomes[k] = outcome
    except BaseException:
        _end(pid, kill=True)
        raise
    finally:
        os.close(claims_read)
        os.close(results_read)
    _end(pid)
    return [
        outcome if outcome is not None else [run(item) for item in group]
        for outcome, group in zip(outcomes, groups, strict=True)
    ]


def _copy(groups: Sequence[Sequence[T]], run: Callable[[T], R], claims: int, out: int) -> None:
    """The forked copy: claim groups until none is left, send each one's outcomes, then
    what it compiled, and leave without running exit handlers. Never returns."""
    import pickle
    import signal

    from minlint.lint import classstore, regexstore

    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        regexstore.learned()  # what the parent compiled is the parent's to keep
        classstore.learned()
        while claim := os.read(claims, 1):
            outcome = [run(item) for item in groups[claim[0]]]
            _send(out, pickle.dumps((claim[0], outcome), pickle.HIGHEST_PROTOCOL))
        stores = (regexstore.learned(), classstore.learned())
        _send(out, pickle.dumps((-1, _marshalled(stores)), pickle.HIGHEST_PROTOCOL))
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _marshalled(value: object) -> bytes:
    import marshal

    return marshal.dumps(value)  # code objects do not pickle; marshal is what stores use


def _send(fd: int, data: bytes) -> None:
    message = len(data).to_bytes(_HEAD, "big") + data
    while message:
        message = message[os.write(fd, message) :]


def _received(fd: int):  # type: ignore[no-untyped-def]
    """(group, outcomes) as the copy sends them, until it ends or a message is cut."""
    import marshal
    import pickle

    from minlint.lint import classstore, regexstore

    with os.fdopen(os.dup(fd), "rb") as stream:
        while len(head := stream.read(_HEAD)) == _HEAD:
            size = int.from_bytes(head, "big")
            data = stream.read(size)
            if len(data) < size:
                return
            try:
                k, outcome = pickle.loads(data)
                if k == -1:
                    patterns, classes = marshal.loads(outcome)
                    regexstore.learn(patterns)
                    classstore.learn(classes)
                    continue
            except Exception:  # what cannot be read back is run again here
                return
            yield k, outcome


def _end(pid: int, kill: bool = False) -> None:
    import signal

    if kill:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
