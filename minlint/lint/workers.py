"""Files checked in worker processes, one file at a time, surviving a worker that dies.

A process pool hands its workers batches of files and, when one worker dies (killed by
the out-of-memory killer, or a crash in a C extension), fails everything still running.
Here each worker receives one file at a time, so when a worker dies the file it was
checking is known: that file gets a result saying so, a new worker takes over, and
every other file is checked as usual. Results come back in the order of the items.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _serve(conn: Connection, func: Callable[[Any], Any]) -> None:
    """A worker's loop: receive (index, item), send back (index, True, result), or
    (index, False, reason) when ``func`` raised; None ends the loop."""
    # The parent handles Ctrl-C and ends its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, item = message
        try:
            reply = (index, True, func(item))
        except Exception as exc:
            reply = (index, False, " ".join(f"{type(exc).__name__}: {exc}".split())[:300])
        try:
            conn.send(reply)
        except Exception as exc:  # a result that cannot be sent back
            conn.send((index, False, f"{type(exc).__name__}: {exc}"[:300]))


def _context() -> Any:
    # Forked workers inherit the parent's imported modules and compiled patterns (and a
    # test's patches); elsewhere the platform's default start method is used.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def how_it_ended(exitcode: int | None) -> str:
    """A worker's end as people say it: "killed by SIGKILL", "exit status 3"."""
    if exitcode is None:
        return "still running"
    if exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"


class _Results(dict[int, R]):
    """Results by index, each told to ``done`` as it is set."""

    def __init__(self, done: Callable[[int, R], None] | None) -> None:
        super().__init__()
        self._done = done

    def __setitem__(self, index: int, result: R) -> None:
        super().__setitem__(index, result)
        if self._done is not None:
            self._done(index, result)


@dataclass(slots=True)
class _Worker:
    """A worker process, its end of the pipe, and the item it is checking."""

    process: Any
    conn: Connection
    index: int | None = None  # the item it is working on


def map_in_workers(
    func: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    *,
    failed: Callable[[T, str], R],
    done: Callable[[int, R], None] | None = None,
) -> list[R]:
    """``[func(item) for item in items]`` in up to ``workers`` processes.

    When ``func`` raises, or the process running it dies, the item's result is
    ``failed(item, reason)`` ("RuntimeError: ...", "the process checking it died
    (killed by SIGSEGV)"); the other items are unaffected. ``done(index, result)`` is
    called in this process as each result arrives, in no particular order.
    """
    ctx = _context()
    pending = deque(range(len(items)))
    results: dict[int, R] = _Results(done)
    live: list[_Worker] = []
    idle_deaths = 0

    def start() -> _Worker:
        parent, child = ctx.Pipe()
        process = ctx.Process(target=_serve, args=(child, func), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def feed(worker: _Worker) -> None:
        """Give the worker its next item, or tell it to stop when there is none."""
        worker.index = pending.popleft() if pending else None
        try:
            worker.conn.send(None if worker.index is None else (worker.index, items[worker.index]))
        except (OSError, ValueError):
            # It died before taking the item: another worker will; its pipe's end is
            # seen below.
            if worker.index is not None:
                pending.appendleft(worker.index)
                worker.index = None

    try:
        for _ in range(min(workers, len(items))):
            worker = start()
            live.append(worker)
            feed(worker)
        while live:
            for conn in wait([w.conn for w in live]):
                worker = next(w for w in live if w.conn is conn)
                try:
                    index, ok, value = conn.recv()
                except (EOFError, OSError):
                    worker.process.join()
                    live.remove(worker)
                    conn.close()
                    if worker.index is not None:
                        how = how_it_ended(worker.process.exitcode)
                        results[worker.index] = failed(
                            items[worker.index], f"the process checking it died ({how})"
                        )
                    else:
                        idle_deaths += 1
                    if pending and idle_deaths > 3:
                        # Workers die before taking any file: nothing more can be done.
                        while pending:
                            i = pending.popleft()
                            results[i] = failed(items[i], "no worker process could be started")
                    if pending:
                        replacement = start()
                        live.append(replacement)
                        feed(replacement)
                    continue
                results[index] = value if ok else failed(items[index], value)
                feed(worker)
                if worker.index is None and not pending:
                    worker.process.join()
                    live.remove(worker)
                    conn.close()
    finally:
        for worker in live:
            if worker.process.is_alive():
                worker.process.terminate()
            worker.process.join()
            worker.conn.close()
    return [results[i] for i in range(len(items))]
