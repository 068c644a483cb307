"""Fuzz campaign: damaged real documents through every reader and the whole check.

Each input (see ``fuzz_inputs.py``) is written to a file and checked in-process as
``minlint check FILE --select ALL --records DIR`` would check it, DIR being the folder
of the document's body, so that every rule of the registry runs, those comparing the
draft with its records too; some inputs are given as the agenda or the previous
minutes of a real draft instead. The report is rendered in every output format. One
draft in ``--views-every`` also goes through ``minlint diff`` against the document it
was made from (both ways, in every format) and ``minlint report --against`` it.
Outcomes:

- refused: a reader raised ``InputError`` (one line naming the problem): fine;
- crash: any other exception while reading, parsing, checking or rendering, an error
  entry that says a rule failed or a reader broke, or a finding outside the file;
- hang: over its CPU budget (``--timeout`` seconds, plus ``--timeout-per-mb`` per MB of
  input, a Word file's parts counted unzipped, plus ``--timeout-per-kline`` per thousand
  lines and ``--timeout-per-kfigure`` per thousand figures of a text; a timer interrupts
  it and records where it was stuck), or over
  ``--wall`` seconds of wall time (the worker is killed);
- memory: a ``MemoryError`` under the worker's address-space limit (``--memory-mb``);
- died: the worker process ended (a crash in a C extension, or the kernel killed it);
- noise: a library wrote to the terminal meanwhile.

Failures are grouped by where they happen (kind, stage, exception type and innermost
minlint frame). The first input of each group is saved with a report and a minimised
copy under OUT/crashes/. The campaign is resumable: OUT/state.json records what has
run, and running the same command again continues where it stopped. See
bench/README.md.

    python bench/fuzz.py --inputs 20000                      # OUT: $TMPDIR/minlint-fuzz
    python bench/fuzz.py --inputs 1000000 --out /somewhere/run1
    python bench/fuzz.py --replay OUT/crashes/<group>/minimized.docx
    python bench/fuzz.py --recheck --out /somewhere/run1     # saved failures, again
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import inspect
import json
import multiprocessing
import os
import re
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter, deque
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from fuzz_inputs import Base, FuzzInput, build_bases, make_input  # noqa: E402

CRASH_ERRORS = re.compile(r"^rule \S+ \(.*\) failed: |^internal error while reading|^not checked: ")


LATER_KEPT = 20  # inputs of a group remembered after its first


class Timeout(BaseException):
    """Raised by the CPU timer; a BaseException so that no ``except Exception`` eats it."""


# Running one input ------------------------------------------------------------------------


def expanded_size(path: Path) -> int:
    """The bytes of an input as minlint reads them: a Word file's parts unzipped (a
    100 KB file of copied paragraphs holds megabytes of text, read in linear time)."""
    size = path.stat().st_size
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except Exception:  # not a zip, or too damaged to list: its own size
        return size
    return max(size, min(unzipped, 200 * 1024 * 1024))


def text_lines(path: Path) -> int:
    """The lines of an input that is not a zip (LF or CR ends, in any encoding)."""
    data = path.read_bytes()
    if data.startswith(b"PK"):
        return 0
    return max(data.count(b"\n"), data.count(b"\r"))


_FIGURE = re.compile(rb"\d+")


def text_figures(path: Path) -> int:
    """The runs of digits of an input that is not a zip (in UTF-16, each digit)."""
    data = path.read_bytes()
    if data.startswith(b"PK"):
        return 0
    return len(_FIGURE.findall(data))


def with_views(item: FuzzInput, every: int) -> bool:
    """Whether an input also goes through diff and report: one draft in ``every``."""
    return item.mode == "draft" and every > 0 and item.index % every == 0


class Target:
    """minlint instrumented to tell where an exception came from."""

    def __init__(
        self,
        workdir: Path,
        timeout: float,
        per_mb: float = 1.0,
        per_kline: float = 0.0,
        per_kfigure: float = 0.0,
        views_every: int = 0,
    ) -> None:
        from minlint.lint import cache, engine, parse, readers
        from minlint.lint.registry import Registry, load_registry

        self.workdir = workdir
        self.timeout = timeout
        self.per_mb = per_mb
        self.per_kline = per_kline
        self.per_kfigure = per_kfigure
        self.views_every = views_every
        self.stage: str | None = None
        self.caught: list[tuple[str, BaseException]] = []
        workdir.mkdir(parents=True, exist_ok=True)
        caught = self.caught

        def watch(stage: str, func):
            def wrapped(*args, **kwargs):
                try:
                    result = func(*args, **kwargs)
                except readers.InputError:
                    raise
                except BaseException as exc:
                    caught.append((stage, exc))
                    raise
                # A rule is a generator: what fails, fails while the engine reads it.
                return drained(stage, result) if inspect.isgenerator(result) else result

            return wrapped

        def drained(stage: str, generator):
            try:
                yield from generator
            except BaseException as exc:
                caught.append((stage, exc))
                raise

        # parse_path imports these at call time, so patching the modules reaches it.
        readers.read_document = watch("read", readers.read_document)
        parse.parse_document = watch("parse", parse.parse_document)
        rules = [
            dataclasses.replace(r, check=watch(f"rule {r.code}", r.check)) for r in load_registry()
        ]
        registry = Registry(rules)
        engine.load_registry = lambda: registry
        self.rule_codes = [r.code for r in rules]
        # Parsed records are cached on disk; damaged records would only fill the cache.
        store = cache.store
        temp = str(workdir)
        cache.store = lambda path, parsed, key=None: (
            None if path.startswith(temp) else store(path, parsed, key)
        )
        store_index = cache.store_index
        cache.store_index = lambda path, index, key=None: (
            None if path.startswith(temp) else store_index(path, index, key)
        )

    def run(self, item: FuzzInput) -> dict[str, Any]:
        """The outcome of one input: status, group key, detail, traceback."""
        path = self.workdir / f"input{item.suffix}"
        path.write_bytes(item.data)
        return self.run_file(path, item.mode, item.base.records, item.draft, self.against(item))

    def against(self, item: FuzzInput) -> Path | None:
        """The document a draft was made from, written out, when this input also goes
        through diff and report."""
        if not with_views(item, self.views_every):
            return None
        path = self.workdir / f"base{item.base.suffix}"
        path.write_bytes(item.base.data)
        return path

    def budget(self, size: int, lines: int = 0, figures: int = 0) -> float:
        """CPU seconds for an input of ``size`` bytes, ``lines`` lines and ``figures``
        figures: reading a huge file takes its time, and only what grows faster than the
        file is a hang."""
        return (
            self.timeout
            + self.per_mb * size / 1e6
            + self.per_kline * lines / 1000
            + self.per_kfigure * figures / 1000
        )

    def run_file(
        self,
        path: Path,
        mode: str,
        records: str,
        draft: str | None = None,
        against: Path | None = None,
    ) -> dict[str, Any]:
        from minlint.lint.engine import CheckOptions, run_check
        from minlint.lint.output import FORMATS, render

        # keep_records: the model is kept for parse_outputs_and_facts, not parsed twice.
        options = CheckOptions(
            select=("ALL",), records=(records,), keep_lines=True, keep_records=True
        )
        if mode in ("agenda", "previous") and draft:
            options = dataclasses.replace(options, **{mode: str(path)})
        else:
            draft = str(path)
        self.caught.clear()
        self.stage = None
        with self.captured() as said:
            budget = self.budget(expanded_size(path), text_lines(path), text_figures(path))
            signal.setitimer(signal.ITIMER_PROF, budget)
            try:
                result = run_check([draft], options)
                for fmt in FORMATS:
                    render(result, fmt).encode("utf-8")  # as printed: no lone surrogates
                self.parse_outputs_and_facts(path)
                if against is not None:
                    signal.setitimer(signal.ITIMER_PROF, 2 * budget)  # report checks again
                    self.views(path, against, options)
                signal.setitimer(signal.ITIMER_PROF, 0)
            except Timeout as exc:
                signal.setitimer(signal.ITIMER_PROF, 0)
                return outcome("hang", self.stage if self.stage in _VIEWS else "check", exc)
            except MemoryError as exc:
                signal.setitimer(signal.ITIMER_PROF, 0)
                return outcome("memory", self._stage("check"), self._cause(exc))
            except BaseException as exc:
                signal.setitimer(signal.ITIMER_PROF, 0)
                if isinstance(exc, KeyboardInterrupt):
                    raise
                return outcome("crash", self._stage("check"), self._cause(exc))
        if said:
            # A library writing to the terminal: minlint's output is its report and one
            # line per bad file, nothing else.
            first = said[0].decode("utf-8", "replace").strip().splitlines()[0][:120]
            shape = re.sub(r"\d+", "N", first)[:60]
            return {"status": "noise", "key": f"noise {shape}", "message": first, "traceback": ""}
        bad = [e for e in result.errors if CRASH_ERRORS.match(e.message)]
        if bad:
            cause = self.caught[-1][1] if self.caught else None
            stage = self.caught[-1][0] if self.caught else "check"
            kind = "memory" if "MemoryError" in bad[0].message else "crash"
            if isinstance(cause, Timeout):
                kind = "hang"
            return outcome(kind, stage, cause, message=bad[0].message)
        lines = result.lines.get(draft)
        for f in result.findings:
            last = len(lines) if lines is not None else None
            if f.line < 1 or f.end_line < f.line or (last is not None and f.line > max(1, last)):
                return outcome(
                    "crash",
                    f"rule {f.code}",
                    None,
                    message=f"finding outside the file: line {f.line}-{f.end_line} of {last}",
                )
        refused = any(e.path == draft or e.path == str(path) for e in result.errors)
        return {"status": "refused" if refused else "ok"}

    def views(self, path: Path, against: Path, options: Any) -> None:
        """``minlint diff`` of the draft and the document it was made from, both ways and
        in every format, and ``minlint report --against`` it."""
        from minlint.lint.diff import html, json, text
        from minlint.lint.diff.align import diff_parsed
        from minlint.lint.parse import parse_path
        from minlint.lint.readers import InputError
        from minlint.lint.report import make_report

        self.stage = "diff"
        try:
            old, new = parse_path(against), parse_path(path)
        except InputError:
            pass
        else:
            for a, b in ((old, new), (new, old)):
                result = diff_parsed(a, b)
                for page in (json.render(result), html.render(result)):
                    page.encode("utf-8")
                for colour in (True, False):
                    text.render(result, color=colour).encode("utf-8")
        self.stage = "report"
        report = make_report(str(path), options, str(against))
        if report.html is not None:
            report.html.encode("utf-8")
        bad = [e.message for e in report.errors if CRASH_ERRORS.match(e.message)]
        if bad:
            raise RuntimeError(f"report: {bad[0]}")
        self.stage = None

    def parse_outputs_and_facts(self, path: Path) -> None:
        """What ``minlint parse`` prints of the input, and every fact extractor on each of
        its blocks (rules to come will read them)."""
        from minlint.lint.facts.dates import find_dates, find_times
        from minlint.lint.facts.people import find_people, split_names
        from minlint.lint.facts.quantities import find_quantities
        from minlint.lint.facts.references import find_references
        from minlint.lint.model import to_json
        from minlint.lint.outline import outline
        from minlint.lint.records import PARSED

        parsed = PARSED.get(str(path))
        if not hasattr(parsed, "parts"):
            return  # refused; the check reported it
        self.stage = "parse-output"
        json.dumps(to_json(parsed))
        outline(parsed)
        self.stage = "facts"
        blocks = parsed.document.blocks
        for block in blocks[:: max(1, len(blocks) // 100)]:  # a hundred, spread out
            text = block.text[:20_000]
            find_dates(text)
            find_times(text)
            find_people(text)
            split_names(text)
            find_quantities(text)
            find_references(text)
        self.stage = None

    @contextlib.contextmanager
    def captured(self):
        """What is written to stdout and stderr (file descriptors 1 and 2) meanwhile."""
        said: list[bytes] = []
        sys.stdout.flush()
        sys.stderr.flush()
        saved = [os.dup(1), os.dup(2)]
        with tempfile.TemporaryFile(dir=self.workdir) as sink:
            os.dup2(sink.fileno(), 1)
            os.dup2(sink.fileno(), 2)
            try:
                yield said
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os.dup2(saved[0], 1)
                os.dup2(saved[1], 2)
                os.close(saved[0])
                os.close(saved[1])
                sink.seek(0)
                data = sink.read(4096)
                if data.strip():
                    said.append(data)

    def _stage(self, default: str) -> str:
        if self.caught:
            return self.caught[-1][0]
        return self.stage or default

    def _cause(self, exc: BaseException) -> BaseException:
        return self.caught[-1][1] if self.caught else exc


_VIEWS = ("diff", "report")


_SAID = re.compile(
    r"^(?:rule (?P<rule>\S+) \(.*?\) failed|(?P<stage>not checked|internal error while reading))"
    r":\s*(?P<exc>[A-Za-z_][\w.]*)"
)


_STAGES = {"not checked": "engine", "internal error while reading": "read"}


def outcome(
    kind: str, stage: str, exc: BaseException | None, *, message: str | None = None
) -> dict[str, Any]:
    """A failure's group key is where it happened: its kind, stage, exception type and
    innermost frame in minlint (or, for a hang, the frame it was stuck in)."""
    where = "-"
    tb_text = ""
    if exc is not None:
        frames = traceback.extract_tb(exc.__traceback__)
        ours = [f for f in frames if "/minlint/" in f.filename]
        frame = (ours or frames or [None])[-1]
        if frame is not None:
            where = f"{Path(frame.filename).name}:{frame.lineno}:{frame.name}"
        tb_text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        message = message or " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    name = type(exc).__name__ if exc is not None else "-"
    if kind == "hang":
        name = "Timeout"
    said = _SAID.match(message or "") if exc is None else None
    if said:
        # no exception reached the harness (it was caught where it happened): the error
        # entry names the rule or the stage, and the exception's type
        stage = f"rule {said.group('rule')}" if said.group("rule") else _STAGES[said.group("stage")]
        name = said.group("exc")
    key = f"{kind} {stage} {name} {where}"
    return {"status": kind, "key": key, "message": message or "", "traceback": tb_text}


def process_cpu(pid: int) -> float | None:
    """The CPU seconds a process has used (Linux), or None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def starved(worker: dict[str, Any], now: float, limit: float) -> bool:
    """Whether a worker over its wall time was kept from running rather than stuck: it
    used less than half that time in CPU (the machine busy with other work; a worker at
    nice 19 gets little). A worker gets up to four times its limit so."""
    used, before = process_cpu(worker["proc"].pid), worker.get("cpu")
    if used is None or before is None or now - worker["since"] > 4 * limit:
        return False
    return used - before < 0.5 * (now - worker["since"])


# Minimising a crash -----------------------------------------------------------------------


def minimise(
    target: Target, item: FuzzInput, key: str, budget_s: float, out: Path
) -> tuple[bytes, int]:
    """The smallest input found (by removing lines, then byte chunks) that still fails in
    the same group; zip archives by dropping members and then paragraphs first."""
    deadline = time.monotonic() + budget_s
    tries = 0
    against = target.against(item)

    def same(data: bytes) -> bool:
        nonlocal tries
        tries += 1
        path = target.workdir / f"minimise{item.suffix}"
        path.write_bytes(data)
        got = target.run_file(path, item.mode, item.base.records, item.draft, against)
        return got.get("key") == key

    def ddmin(units: list[bytes], join) -> list[bytes]:
        n = 2
        while len(units) >= 2 and time.monotonic() < deadline:
            chunk = max(1, len(units) // n)
            removed = False
            for start in range(0, len(units), chunk):
                if time.monotonic() > deadline:
                    break
                candidate = units[:start] + units[start + chunk :]
                if candidate and same(join(candidate)):
                    units = candidate
                    n = max(n - 1, 2)
                    removed = True
                    break
            if not removed:
                if chunk == 1:
                    break
                n = min(len(units), n * 2)
        return units

    data = item.data
    if item.suffix == ".docx":
        from fuzz_inputs import write_zip, zip_members

        members = zip_members(data)
        if members is not None and same(write_zip(members)):
            members = ddmin(members, write_zip)  # type: ignore[arg-type]
            data = write_zip(members)
    if item.suffix != ".docx" or zip_members(data) is None:
        lines = data.splitlines(keepends=True)
        data = b"".join(ddmin(lines, b"".join))
        if len(data) < 100_000:
            data = b"".join(ddmin([data[i : i + 16] for i in range(0, len(data), 16)], b"".join))
    out.write_bytes(data)
    return data, tries


# Workers ----------------------------------------------------------------------------------


def _bound(args: argparse.Namespace) -> None:
    """This process's memory limit, and the CPU timer that stops an input over budget."""
    if args.memory_mb:
        limit = args.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    def on_timer(signum, frame):
        raise Timeout("over its CPU budget")

    signal.signal(signal.SIGPROF, on_timer)


def worker_main(conn, args: argparse.Namespace, bases: list[Base], number: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _bound(args)
    target = Target(
        Path(args.out) / "tmp" / f"w{number}",
        args.timeout,
        args.timeout_per_mb,
        args.timeout_per_kline,
        args.timeout_per_kfigure,
        args.views_every,
    )
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        if job[0] == "run":
            index = job[1]
            started = time.process_time()
            try:
                item = make_input(bases, args.seed, index)
                result = target.run(item)
                result["suffix"] = item.suffix
            except BaseException as exc:  # the harness's own failure, not minlint's
                result = outcome("harness", "harness", exc)
            result["cpu"] = time.process_time() - started
            conn.send(("done", index, result))
        elif job[0] == "minimise":
            _, index, key, path = job
            item = make_input(bases, args.seed, index)
            try:
                data, tries = minimise(target, item, key, args.minimise_seconds, Path(path))
                conn.send(("minimised", index, {"size": len(data), "tries": tries}))
            except BaseException as exc:  # minimising is a convenience; the input is saved
                conn.send(("minimised", index, {"error": f"{type(exc).__name__}: {exc}"}))


class Campaign:
    def __init__(self, args: argparse.Namespace, bases: list[Base]) -> None:
        self.args = args
        self.bases = bases
        self.out = Path(args.out)
        self.state_path = self.out / "state.json"
        self.state = self._load_state()
        self.ctx = multiprocessing.get_context("fork")
        self.workers: dict[int, dict[str, Any]] = {}
        self.minimise_queue: list[tuple[int, str, str]] = []
        self.stop = False
        self.started = time.monotonic()
        self.run_at_start = self.state["ran"]

    # state -------------------------------------------------------------------------
    def _load_state(self) -> dict[str, Any]:
        fresh = {
            "seed": self.args.seed,
            "bases": hashlib.sha256(b"".join(b.data for b in self.bases)).hexdigest(),
            "next": 0,
            "done_above": [],
            "ran": 0,
            "statuses": {},
            "suffixes": {},
            "groups": {},
            "cpu_max": 0.0,
        }
        if self.state_path.exists():
            state = json.loads(self.state_path.read_text(encoding="utf-8"))
            if state.get("seed") != self.args.seed:
                raise SystemExit(
                    f"{self.state_path} is a campaign with seed {state.get('seed')};"
                    " use another --out or the same --seed"
                )
            if state.get("bases") != fresh["bases"]:
                raise SystemExit(f"the base documents of {self.state_path} changed")
            return state
        return fresh

    def save(self) -> None:
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.state, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.state_path)

    # workers -----------------------------------------------------------------------
    def start_worker(self, number: int) -> None:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(
            target=worker_main, args=(child, self.args, self.bases, number), daemon=True
        )
        proc.start()
        child.close()
        self.workers[number] = {"proc": proc, "conn": parent, "job": None, "since": 0.0}

    def give(self, number: int, pending: deque[int]) -> None:
        w = self.workers[number]
        if self.minimise_queue:
            index, key, path = self.minimise_queue.pop(0)
            w["job"] = ("minimise", index, key, path)
        elif pending:
            w["job"] = ("run", pending.popleft())
        else:
            w["job"] = None
            w["conn"].send(None)
            return
        w["since"] = time.monotonic()
        w["cpu"] = process_cpu(w["proc"].pid)
        w["conn"].send(w["job"])

    def run(self) -> None:
        args = self.args
        total = args.inputs
        done_above = set(self.state["done_above"])
        pending = deque(i for i in range(self.state["next"], total) if i not in done_above)
        if not pending:
            self.summary()
            return
        signal.signal(signal.SIGINT, self._stop)
        signal.signal(signal.SIGTERM, self._stop)
        for number in range(args.workers):
            self.start_worker(number)
            self.give(number, pending)
        last_save = last_progress = time.monotonic()
        from multiprocessing.connection import wait

        while any(w["job"] is not None for w in self.workers.values()):
            if self.stop:
                pending.clear()
                self.minimise_queue.clear()
            busy = {w["conn"]: n for n, w in self.workers.items() if w["job"] is not None}
            for conn in wait(list(busy), timeout=1.0):
                number = busy[conn]
                w = self.workers[number]
                try:
                    message = conn.recv()
                except (EOFError, OSError):
                    self._lost(number, "died", pending)
                    continue
                if message[0] == "done":
                    self._record(message[1], message[2])
                else:
                    self._minimised(message[1], message[2], w["job"])
                self.give(number, pending)
            now = time.monotonic()
            for number, w in list(self.workers.items()):
                job = w["job"]
                if job is None:
                    continue
                limit = args.wall if job[0] == "run" else args.minimise_seconds + args.wall
                if now - w["since"] > limit and not starved(w, now, limit):
                    w["proc"].kill()
                    w["proc"].join()
                    self._lost(number, "hang", pending)
            if now - last_save > 10:
                self.save()
                last_save = now
            if now - last_progress > args.progress:
                self.progress()
                last_progress = now
        for w in self.workers.values():
            w["proc"].join(timeout=5)
        self.save()
        self.progress()
        self.summary()

    def _stop(self, signum, frame) -> None:
        if not self.stop:
            print("stopping: finishing the inputs in progress (run again to resume)", flush=True)
        self.stop = True

    def _lost(self, number: int, how: str, pending: deque[int]) -> None:
        """A worker that died or was killed: its job's input is recorded as such."""
        w = self.workers[number]
        job = w["job"]
        w["proc"].join()
        w["conn"].close()
        exitcode = w["proc"].exitcode
        if job is not None and job[0] == "run":
            index = job[1]
            item = make_input(self.bases, self.args.seed, index)
            if how == "died":
                ended = f"exit code {exitcode}"
                if exitcode is not None and exitcode < 0:
                    ended = signal.Signals(-exitcode).name
                result = {
                    "status": "died",
                    "key": f"died {item.suffix} {ended}",
                    "message": f"the worker ended ({ended})",
                    "traceback": "",
                }
            else:
                result = {
                    "status": "hang",
                    "key": f"hang {item.suffix} killed-after-wall-limit",
                    "message": f"over {self.args.wall} s of wall time; the worker was killed",
                    "traceback": "",
                }
            self._record(index, result)
        elif job is not None:
            self._minimised(job[1], {"error": f"the worker {how} while minimising"}, job)
        if not self.stop and (pending or self.minimise_queue):
            self.start_worker(number)
            self.give(number, pending)
        else:
            w["job"] = None

    def _record(self, index: int, result: dict[str, Any]) -> None:
        st = self.state
        st["ran"] += 1
        status = result["status"]
        st["statuses"][status] = st["statuses"].get(status, 0) + 1
        suffix = result.get("suffix")
        if suffix:
            per = st["suffixes"].setdefault(suffix, {})
            per[status] = per.get(status, 0) + 1
        st["cpu_max"] = max(st["cpu_max"], result.get("cpu", 0.0))
        done = set(st["done_above"])
        done.add(index)
        while st["next"] in done:
            done.discard(st["next"])
            st["next"] += 1
        st["done_above"] = sorted(done)
        if status in ("ok", "refused"):
            return
        key = result["key"]
        group = st["groups"].get(key)
        if group is not None:
            group["count"] += 1
            # Later inputs of a group are kept by number (make_input rebuilds them): one
            # that comes after the group's fix is a fix that did not hold.
            later = group.setdefault("later", [])
            if len(later) < LATER_KEPT:
                later.append(index)
                print(f"  again: {key} (input {index})", flush=True)
            return
        folder = (
            self.out
            / "crashes"
            / (
                re.sub(r"[^A-Za-z0-9]+", "-", key).strip("-")[:80]
                + "-"
                + hashlib.sha256(key.encode()).hexdigest()[:8]
            )
        )
        folder.mkdir(parents=True, exist_ok=True)
        item = make_input(self.bases, self.args.seed, index)
        (folder / f"input{item.suffix}").write_bytes(item.data)
        views = with_views(item, self.args.views_every)
        against = folder / f"against{item.base.suffix}"
        if views:
            against.write_bytes(item.base.data)
        report = [
            f"group: {key}",
            f"input: {index} of the campaign with seed {self.args.seed}",
            f"base: {item.base.name}",
            f"recipe: {' | '.join(item.recipe)}",
            f"checked as: {item.mode} (records: {item.base.records}; draft: {item.draft})",
            *([f"against: {against}"] if views else []),
            f"message: {result['message']}",
            "",
            "reproduce:",
            f"  python bench/fuzz.py --replay {folder / ('input' + item.suffix)}"
            f" --mode {item.mode} --records {item.base.records}"
            + (f" --draft {item.draft}" if item.draft else "")
            + (f" --against {against}" if views else ""),
            "",
            result["traceback"],
        ]
        (folder / "report.txt").write_text("\n".join(report), encoding="utf-8")
        st["groups"][key] = {
            "count": 1,
            "first": index,
            "status": status,
            "message": result["message"],
            "folder": str(folder),
        }
        print(f"new {status}: {key}\n  {result['message']}\n  saved in {folder}", flush=True)
        if self.args.minimise and status in ("crash", "memory", "hang") and " killed-" not in key:
            minimised = folder / f"minimized{item.suffix}"
            self.minimise_queue.append((index, key, str(minimised)))
        self.save()

    def _minimised(self, index: int, info: dict[str, Any], job) -> None:
        key = job[2]
        group = self.state["groups"].get(key)
        if group is None:
            return
        if "error" in info:
            group["minimised"] = f"not minimised: {info['error']}"
        else:
            group["minimised"] = f"{job[3]} ({info['size']} bytes, {info['tries']} tries)"
        self.save()

    # reports -----------------------------------------------------------------------
    def progress(self) -> None:
        st = self.state
        elapsed = time.monotonic() - self.started
        rate = (st["ran"] - self.run_at_start) / max(elapsed, 1e-9)
        left = self.args.inputs - st["ran"]
        eta = f"{left / rate / 3600:.1f} h" if rate > 0 else "?"
        counts = Counter(st["statuses"])
        failures = {
            s: sum(1 for g in st["groups"].values() if g["status"] == s)
            for s in ("crash", "hang", "memory", "died", "noise")
        }
        print(
            f"[{time.strftime('%Y-%m-%d %H:%M:%S')}] {st['ran']}/{self.args.inputs} inputs"
            f" ({rate:.1f}/s, {eta} left): {counts['ok']} checked, {counts['refused']} refused;"
            f" crashes {counts['crash']} ({failures['crash']} groups),"
            f" hangs {counts['hang']} ({failures['hang']}),"
            f" memory {counts['memory']} ({failures['memory']}),"
            f" worker deaths {counts['died']} ({failures['died']}),"
            f" noise {counts['noise']} ({failures['noise']});"
            f" slowest input {st['cpu_max']:.2f} s CPU",
            flush=True,
        )

    def summary(self) -> None:
        st = self.state
        counts = Counter(st["statuses"])
        print(f"\nsummary of {self.out} (seed {self.args.seed}):")
        print(f"  inputs run: {st['ran']} of {self.args.inputs}")
        print(f"  checked: {counts['ok']}; refused with one line: {counts['refused']}")
        for suffix, per in sorted(st["suffixes"].items()):
            print(f"    {suffix}: " + ", ".join(f"{k} {v}" for k, v in sorted(per.items())))
        for status, title in (
            ("crash", "crashes"),
            ("hang", "hangs"),
            ("memory", "memory blow-ups"),
            ("died", "worker deaths"),
            ("noise", "output of libraries on the terminal"),
            ("harness", "failures of the harness itself"),
        ):
            groups = {k: g for k, g in st["groups"].items() if g["status"] == status}
            print(f"  {title}: {counts[status]} inputs in {len(groups)} groups")
            for key, g in sorted(groups.items(), key=lambda kv: kv[1]["first"]):
                print(f"    {key}  ({g['count']} inputs, first #{g['first']})")
                print(f"      {g['message']}")
                print(f"      {g['folder']}")
                if g.get("minimised"):
                    print(f"      minimised: {g['minimised']}")
        print(f"  slowest input: {st['cpu_max']:.2f} s of CPU", flush=True)


# Entry points -----------------------------------------------------------------------------


def replay(args: argparse.Namespace) -> int:
    """Run one saved input as the campaign ran it, and print the outcome."""
    _bound(args)
    workdir = Path(tempfile.mkdtemp(prefix="minlint-replay-"))
    target = Target(
        workdir,
        args.timeout,
        args.timeout_per_mb,
        args.timeout_per_kline,
        args.timeout_per_kfigure,
    )
    failed = 0
    for given in args.replay:
        path = Path(given)
        copy = workdir / f"input{path.suffix}"
        copy.write_bytes(path.read_bytes())
        records = args.records or str(REPO / "examples")
        against = Path(args.against) if args.against else None
        result = target.run_file(copy, args.mode, records, args.draft, against)
        print(f"{given}: {result['status']}")
        if result["status"] not in ("ok", "refused"):
            failed += 1
            print(f"  {result['key']}\n  {result['message']}\n{result['traceback']}")
    return 1 if failed else 0


def recheck(args: argparse.Namespace) -> int:
    """Run every saved crash of a campaign again (after fixes: all should pass)."""
    state = json.loads((Path(args.out) / "state.json").read_text(encoding="utf-8"))
    failed = 0
    for key, group in sorted(state["groups"].items()):
        folder = Path(args.out) / "crashes" / Path(group["folder"]).name  # even if moved
        inputs = sorted(folder.glob("input.*"))
        report = (folder / "report.txt").read_text(encoding="utf-8")
        how = re.search(r"^checked as: (\w+) \(records: (.*); draft: (.*)\)$", report, re.M)
        for path in inputs:
            cmd = [sys.executable, __file__, "--replay", str(path)]
            if how:
                cmd += ["--mode", how.group(1), "--records", how.group(2)]
                if how.group(3) != "None":
                    cmd += ["--draft", how.group(3)]
            if re.search(r"^against: ", report, re.M):
                cmd += ["--against", str(next(folder.glob("against.*")))]
            import subprocess

            run = subprocess.run(cmd, capture_output=True, text=True, timeout=args.wall * 2)
            verdict = "fixed" if run.returncode == 0 else "STILL FAILS"
            failed += run.returncode != 0
            print(f"{verdict}: {key}\n  {path}")
            if run.returncode != 0:
                print("  " + run.stdout.strip().replace("\n", "\n  "))
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=20_000, help="inputs of the campaign")
    parser.add_argument("--seed", type=int, default=0, help="the campaign's seed")
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    parser.add_argument(
        "--out",
        default=str(Path(tempfile.gettempdir()) / "minlint-fuzz"),
        help="state, bases and crashes (default: %(default)s)",
    )
    parser.add_argument("--shared", default=str(REPO.parent / "shared"), help="real documents")
    parser.add_argument("--timeout", type=float, default=5.0, help="CPU seconds per input")
    parser.add_argument(
        "--timeout-per-mb",
        type=float,
        default=8.0,
        # A text of thousands of short numbered lines is checked at about 6.5 s per MB,
        # linearly (0.42, 0.84 and 1.68 MB of one: 3.1, 5.9 and 11.4 s).
        help="further CPU seconds per MB of input",
    )
    parser.add_argument(
        "--timeout-per-kline",
        type=float,
        default=0.1,
        # Each line costs its own objects whatever its length: a text of 240,000 lines
        # "1." is 0.72 MB, checked at 75 us a line, linearly (30,000, 60,000, 120,000
        # and 240,000 lines: 1.9, 4.5, 8.6 and 17.9 s).
        help="further CPU seconds per thousand lines of a text input",
    )
    parser.add_argument(
        "--timeout-per-kfigure",
        type=float,
        default=0.05,
        # Each figure is weighed against the words around it: a paragraph of nothing but
        # "(1) " is 4 bytes a figure, checked at about 50 us a figure, linearly (50,000,
        # 100,000, 200,000 and 400,000 of them: 2.9, 5.1, 9.7 and 20.4 s).
        help="further CPU seconds per thousand figures of a text input",
    )
    parser.add_argument(
        "--views-every",
        type=int,
        default=10,
        help="one draft in this many also goes through diff and report (0: none)",
    )
    parser.add_argument("--wall", type=float, default=60.0, help="wall seconds per input")
    parser.add_argument("--memory-mb", type=int, default=2048, help="address space per worker")
    parser.add_argument("--progress", type=float, default=60.0, help="seconds between reports")
    parser.add_argument("--no-minimise", dest="minimise", action="store_false")
    parser.add_argument("--minimise-seconds", type=float, default=120.0)
    parser.add_argument("--replay", nargs="+", metavar="FILE", help="run saved inputs once")
    parser.add_argument("--mode", default="draft", choices=["draft", "agenda", "previous"])
    parser.add_argument("--records", help="records directory for --replay")
    parser.add_argument("--draft", help="with --mode agenda/previous: the draft for --replay")
    parser.add_argument("--against", help="with --replay: also diff and report against this")
    parser.add_argument("--recheck", action="store_true", help="run a campaign's crashes again")
    args = parser.parse_args()

    # The campaign's own cache of parsed records, apart from the user's.
    os.environ["MINLINT_CACHE_DIR"] = str(Path(args.out) / "cache")
    if args.replay:
        return replay(args)
    if args.recheck:
        return recheck(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    shared = Path(args.shared)
    if not (shared / "seeds").is_dir():
        raise SystemExit(f"no real documents in {shared} (name them with --shared)")
    bases = build_bases(shared, out / "bases", lambda m: print(m, flush=True))
    kinds = Counter(b.suffix for b in bases)
    print(
        f"campaign {out} (seed {args.seed}): {len(bases)} base documents "
        f"({', '.join(f'{n} {s}' for s, n in sorted(kinds.items()))}),"
        f" {args.inputs} inputs, {args.workers} workers; per input {args.timeout:g} s CPU"
        f" (+{args.timeout_per_mb:g} s per MB, +{args.timeout_per_kline:g} s per 1000 lines,"
        f" +{args.timeout_per_kfigure:g} s per 1000 figures),"
        f" {args.wall:g} s wall, {args.memory_mb} MB",
        flush=True,
    )
    campaign = Campaign(args, bases)
    if campaign.state["ran"]:
        print(f"resuming after {campaign.state['ran']} inputs", flush=True)
    campaign.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
