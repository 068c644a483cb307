"""The rule engine: which rules run on which file, with which records, and what they find.

Data flows one way: read -> structure -> facts -> rules -> findings -> output. A rule is
a function decorated with :func:`rule` that receives a :class:`RuleContext` and yields
findings::

    from minlint.lint.context import RuleContext
    from minlint.lint.registry import rule  # both also importable from here, for plugins

    @rule(code="D001", name="weekday-mismatch", category="date",
          summary="A stated weekday does not fall on its date.")
    def check(ctx: RuleContext):
        for block in ctx.blocks():
            ...
            yield ctx.finding_at(block, start, end, "Tuesday does not fall on ...")
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import overload

from minlint.lint import suppression
from minlint.lint.baseline import Baseline, BaselineError, fingerprint, load_baseline
from minlint.lint.blocks import Document
from minlint.lint.config import Config, ConfigError, clear_caches, config_for
from minlint.lint.context import RuleContext
from minlint.lint.findings import FileError, Finding, Related
from minlint.lint.model import ParsedDocument
from minlint.lint.records import (
    INTERNAL_ERROR,
    MISSING,
    PARSED,
    RecordPool,
    Records,
    RecordSources,
    parse_file,
    supported_files,
)
from minlint.lint.registry import Registry, Rule, load_registry, rule
from minlint.lint.selection import Selector, SelectorError, parse_selectors, resolve

__all__ = [
    "CheckOptions",
    "CheckResult",
    "FileMatch",
    "Finding",
    "Related",
    "RuleContext",
    "UsageError",
    "check_file",
    "rule",
    "run_check",
]


class UsageError(Exception):
    """A mistake on the command line, such as an unknown rule selector."""


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """What the command line adds to each file's configuration."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    config: str | None = None
    agenda: str | None = None
    previous: str | None = None
    records: tuple[str, ...] = ()
    baseline: str | None = None
    apply_baseline: bool = True
    keep_lines: bool = False  # return the source lines of files with findings (full output)
    keep_records: bool = False  # return each file's model and matched records (report)
    # Keep each file's findings in the cache and reuse them while nothing they depend on
    # changed (see result_key); the command line's choice, not a library caller's.
    reuse: bool = False
    # A lone file's rules shared with a forked copy of the process (see split.py); the
    # command line's choice: a library caller's process is not forked behind its back.
    split: bool = False


@dataclass(frozen=True, slots=True)
class FilePlan:
    """What to run on one file, decided before any file is read."""

    path: str
    config: Config
    codes: frozenset[str]
    sources: RecordSources
    baseline: str | None
    keep_lines: bool = False
    keep_records: bool = False
    reuse: bool = False
    split: bool = False


@dataclass(slots=True)
class FileMatch:
    """What a file was checked with, kept on request: its meeting model, the records
    matched to it, where those came from, the rules enabled and the rules that ran (an
    enabled rule does not run when a record it needs was not found)."""

    parsed: ParsedDocument
    records: Records
    sources: RecordSources
    enabled: frozenset[str]
    ran: tuple[str, ...]


@dataclass(slots=True)
class FileResult:
    """What checking one file gave: its findings and errors, and on request the lines
    around its findings and what it was checked with."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    lines: Excerpt | None = None
    match: FileMatch | None = None


@dataclass(slots=True)
class CheckResult:
    """Everything a run found, sorted; ``rules`` are those enabled for some file."""

    findings: list[Finding]
    errors: list[FileError]
    files: list[str]
    rules: list[Rule]
    lines: dict[str, Excerpt] = field(default_factory=dict)  # with ``keep_lines``
    matched: dict[str, FileMatch] = field(default_factory=dict)  # with ``keep_records``


PerFile = tuple[str, frozenset[str]]  # a glob and the codes it ignores


def _selectors(
    texts: Sequence[str], registry: Registry, where: str, config: Config | None
) -> list[Selector]:
    try:
        return parse_selectors(texts, registry)
    except SelectorError as exc:
        if config is not None and config.path is not None:
            raise ConfigError(config.path, f"{config.table()}{where}: {exc}") from None
        raise UsageError(f"{where}: {exc}") from None


def _matches(path: str, glob: str, root: str) -> bool:
    rel = Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()
    glob = glob.removeprefix("./")
    if fnmatch.fnmatchcase(rel, glob):
        return True
    return "/" not in glob and fnmatch.fnmatchcase(os.path.basename(path), glob)


class Planner:
    """Turns paths and options into file plans, resolving each configuration once."""

    def __init__(self, options: CheckOptions, registry: Registry) -> None:
        self.options = options
        self.registry = registry
        self.cli_select = (
            None
            if options.select is None
            else _selectors(options.select, registry, "--select", None)
        )
        self.cli_ignore = _selectors(options.ignore, registry, "--ignore", None)
        self._selections: dict[str | None, tuple[frozenset[str], list[PerFile]]] = {}

    def _codes(self, texts: Sequence[str], where: str, config: Config) -> frozenset[str]:
        selectors = _selectors(texts, self.registry, where, config)
        return frozenset().union(*(s.codes for s in selectors))

    def selection(self, config: Config) -> tuple[frozenset[str], list[PerFile]]:
        """The codes a configuration enables, and its per-file ignores as codes."""
        if config.path not in self._selections:
            select = (
                None
                if config.select is None
                else _selectors(config.select, self.registry, "select", config)
            )
            ignore = _selectors(config.ignore, self.registry, "ignore", config)
            enabled = resolve([(select, ignore), (self.cli_select, self.cli_ignore)], self.registry)
            per_file = [
                (glob, self._codes(codes, f"per-file-ignores.{glob}", config))
                for glob, codes in config.per_file_ignores
            ]
            self._selections[config.path] = (enabled, per_file)
        return self._selections[config.path]

    def plan(self, path: str) -> FilePlan:
        opts = self.options
        config = config_for(path, opts.config)
        codes, per_file = self.selection(config)
        for glob, ignored in per_file:
            if _matches(path, glob, config.root):
                codes = codes - ignored
        sources = RecordSources(
            agenda=opts.agenda,
            previous=opts.previous,
            paths=(*opts.records, *config.records),
            membership=config.membership,
        )
        return FilePlan(
            path=path,
            config=config,
            codes=codes,
            sources=sources,
            baseline=opts.baseline or config.baseline,
            keep_lines=opts.keep_lines,
            keep_records=opts.keep_records,
            reuse=opts.reuse and not opts.keep_records,
            split=opts.split,
        )


def _excluded(path: str, options: CheckOptions) -> bool:
    """A file of a checked directory that its configuration's ``exclude`` leaves out."""
    config = config_for(path, options.config)
    return any(_matches(path, glob, config.root) for glob in config.exclude)


def plan_files(
    paths: Sequence[str], options: CheckOptions, registry: Registry
) -> tuple[list[FilePlan], list[FileError]]:
    """The files to check (directories expanded) and their plans.

    Raises :class:`UsageError` or :class:`~minlint.lint.config.ConfigError`.
    """
    planner = Planner(options, registry)
    files: list[str] = []
    errors: list[FileError] = []
    for given in paths:
        if os.path.isdir(given):
            found = [f for f in supported_files(given) if not _excluded(f, options)]
            if not found:
                errors.append(FileError(given, "no supported files in this directory"))
            files.extend(found)
        else:
            files.append(given)  # a missing or unreadable file is reported by its reader
    seen: set[str] = set()
    plans = []
    for path in files:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            plans.append(planner.plan(path))
    # A mistyped record path is reported even when no selected rule needs records.
    named = {p for plan in plans for p in _named_records(plan.sources)}
    errors.extend(FileError(p, MISSING) for p in sorted(named) if not os.path.exists(p))
    return plans, errors


def _named_records(sources: RecordSources) -> list[str]:
    return [p for p in (sources.agenda, sources.previous, sources.membership, *sources.paths) if p]


_POOLS: dict[RecordSources, RecordPool] = {}


def _pool(sources: RecordSources) -> RecordPool:
    if sources not in _POOLS:
        _POOLS[sources] = RecordPool(sources)
    return _POOLS[sources]


def _start_run() -> None:
    """Files are read once per run: forget what an earlier run in this process read."""
    PARSED.clear()
    _POOLS.clear()
    clear_caches()


class Excerpt(Sequence[str]):
    """A file's lines as the full output shows them: only those around its findings are
    kept (a long file with one finding costs a few lines), the others read as ""."""

    __slots__ = ("_kept", "_total")

    def __init__(self, total: int, kept: dict[int, str]) -> None:
        self._total = total
        self._kept = kept  # by index from 0

    def __len__(self) -> int:
        return self._total

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._total))]
        if index < 0:
            index += self._total
        if not 0 <= index < self._total:
            raise IndexError(index)
        return self._kept.get(index, "")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"Excerpt({self._total} lines, {len(self._kept)} kept)"


CONTEXT = 1  # lines the full output shows before and after a finding
MAX_SPAN = 6  # lines of a long finding it shows before cutting it


def shown(f: Finding, total: int) -> range:
    """The numbers of the lines the full output shows for a finding in a file of
    ``total`` lines."""
    if not 0 < f.line <= total:
        return range(0)
    last_marked = min(f.end_line, f.line + MAX_SPAN - 1)
    return range(max(1, f.line - CONTEXT), min(total, last_marked + CONTEXT) + 1)


def excerpt(lines: Sequence[str], findings: Sequence[Finding]) -> Excerpt:
    """The lines the full output shows for these findings."""
    kept: dict[int, str] = {}
    for f in findings:
        for number in shown(f, len(lines)):
            kept[number - 1] = lines[number - 1]
    return Excerpt(len(lines), kept)


def _line_text(document: Document, line: int) -> str:
    return document.lines[line - 1] if 0 < line <= len(document.lines) else ""


def result_key(plan: FilePlan, rules: Sequence[Rule], with_records: bool) -> str | None:
    """Everything a file's findings depend on, or None when they cannot be kept: the
    cache is off, or a rule is not one of minlint's (a plugin's code is not stamped)."""
    import sys

    from minlint.lint import cache

    if not all(getattr(r.check, "__module__", "").startswith("minlint.rules.") for r in rules):
        return None
    draft = cache.source_key(plan.path)
    if draft is None:
        return None
    return "\0".join(
        (
            "result",
            draft,
            cache.package_build(),
            sys.version,
            os.getcwd(),
            plan.path,
            " ".join(f"{r.code}:{r.check.__module__}" for r in rules),
            repr(plan.config),
            repr(plan.sources),
            repr(plan.keep_lines),
            _pool(plan.sources).state() if with_records else "",
        )
    )


def check_file(plan: FilePlan) -> FileResult:
    """Run a file's rules; a file that cannot be read becomes an error, never a crash."""
    from minlint.lint import cache

    registry = load_registry()
    rules = [r for r in registry if r.code in plan.codes]
    with_records = plan.keep_records or any(r.needs or r.uses for r in rules)
    key = result_key(plan, rules, with_records) if plan.reuse else None
    if key is not None:
        kept = cache.load_result(key)
        if isinstance(kept, FileResult) and kept.path == plan.path:
            return kept
    result = _check(plan, registry, rules, with_records)
    if key is not None and not any(_failure(e.message) for e in result.errors):
        cache.store_result(key, result)
    return result


def _failure(message: str) -> bool:
    """An error of minlint's own (a rule or a reader that broke, memory that ran out):
    it may not happen again, so the findings beside it are not kept."""
    return message.startswith(INTERNAL_ERROR) or (
        message.startswith("rule ") and " failed: " in message
    )


def _check(plan: FilePlan, registry: Registry, rules: list[Rule], with_records: bool) -> FileResult:
    result = FileResult(plan.path)
    # A draft is parsed when it is checked and dropped after: an archive's drafts are
    # never all in memory. One read as a record already is not read again; the report
    # (``keep_records``) reads the draft's model again after the check.
    parsed = PARSED.peek(plan.path)
    if parsed is None:
        parsed = PARSED.get(plan.path) if plan.keep_records else parse_file(plan.path)
    if isinstance(parsed, FileError):
        result.errors.append(parsed)
        return result
    records = Records()
    if with_records:
        pool = _pool(plan.sources)
        records = pool.match(plan.path, parsed)
        result.errors.extend(pool.errors)
    runnable = [r for r in rules if all(records.has(kind) for kind in r.needs)]

    def run(r: Rule) -> tuple[list[Finding], str | None]:
        ctx = RuleContext(r, plan.path, parsed, records, plan.config)
        try:
            return list(r.check(ctx)), None
        except Exception as exc:  # a rule's bug must not lose the other files
            reason = " ".join(f"{type(exc).__name__}: {exc}".split())
            return [], f"rule {r.code} ({r.name}) failed: {reason}"

    from minlint.lint import split

    if plan.split and split.available():
        categories: dict[str, list[Rule]] = {}
        for r in runnable:
            categories.setdefault(r.category, []).append(r)
        shared = split.run_shared(list(categories.values()), run)
        outcome = {
            r.code: done
            for group, dones in zip(categories.values(), shared, strict=True)
            for r, done in zip(group, dones, strict=True)
        }
        outcomes = [outcome[r.code] for r in runnable]
    else:
        outcomes = [run(r) for r in runnable]
    findings: list[Finding] = []
    for found, failure in outcomes:
        findings.extend(found)
        if failure is not None:
            result.errors.append(FileError(plan.path, failure))
    ran = [r.code for r in runnable]
    document = parsed.document
    findings = suppression.apply(findings, document, registry)
    result.findings = [
        replace(f, fingerprint=fingerprint(f.code, f.message, _line_text(document, f.line)))
        for f in findings
    ]
    if plan.keep_lines and findings:
        result.lines = excerpt(document.lines, findings)
    if plan.keep_records:
        result.match = FileMatch(parsed, records, plan.sources, plan.codes, tuple(ran))
    return result


def _not_checked(plan: FilePlan, reason: str) -> FileResult:
    return FileResult(plan.path, errors=[FileError(plan.path, f"not checked: {reason}")])


Done = Callable[[int, FileResult], None]  # a file's index among the plans, and its result


def _check_all(plans: list[FilePlan], jobs: int, done: Done) -> list[FileResult]:
    if jobs <= 1 or len(plans) <= 1:
        results = []
        for i, plan in enumerate(plans):
            try:
                results.append(check_file(plan))
            except Exception as exc:  # a bug must not lose the other files' findings
                results.append(_not_checked(plan, " ".join(f"{type(exc).__name__}: {exc}".split())))
            done(i, results[-1])
        return results
    # Workers forked from here inherit the parser's compiled patterns instead of each
    # compiling them again.
    import minlint.lint.extract
    import minlint.lint.facts.dates
    import minlint.lint.pack  # noqa: F401
    from minlint.lint.workers import map_in_workers

    return map_in_workers(check_file, plans, min(jobs, len(plans)), failed=_not_checked, done=done)


Progress = Callable[[int, int, int], None]  # files done, files in all, findings so far


def run_check(
    paths: Sequence[str], options: CheckOptions, jobs: int = 1, progress: Progress | None = None
) -> CheckResult:
    """Check files; raises :class:`UsageError` or ``ConfigError`` before reading any.

    ``progress`` is told of each file checked, as it is (with ``jobs``, in no order)."""
    registry = load_registry()
    _start_run()
    plans, errors = plan_files(paths, options, registry)
    baselines: dict[str, Baseline | None] = {}
    kept: list[list[Finding]] = [[] for _ in plans]
    count = [0, 0]  # files done, findings so far

    def done(i: int, res: FileResult) -> None:
        """A file's findings as reported: without those its baseline records."""
        plan = plans[i]
        found = res.findings
        if options.apply_baseline and plan.baseline:
            if plan.baseline not in baselines:
                try:
                    baselines[plan.baseline] = load_baseline(plan.baseline)
                except BaselineError as exc:
                    baselines[plan.baseline] = None
                    errors.append(FileError(plan.baseline, str(exc)))
            baseline = baselines[plan.baseline]
            if baseline is not None:
                found = baseline.filter(found)
        kept[i] = found
        count[0] += 1
        count[1] += len(found)
        if progress is not None:
            progress(count[0], len(plans), count[1])

    if len(plans) > 1:  # several files: each is one process's work
        plans = [replace(p, split=False) for p in plans]
    results = _check_all(plans, jobs, done)
    findings: list[Finding] = []
    lines: dict[str, Excerpt] = {}
    matched: dict[str, FileMatch] = {}
    for plan, res, found in zip(plans, results, kept, strict=True):
        errors.extend(res.errors)
        findings.extend(found)
        if res.lines and found:
            lines[plan.path] = res.lines
        if res.match is not None:
            matched[plan.path] = res.match
    used = frozenset().union(*(p.codes for p in plans)) if plans else frozenset()
    return CheckResult(
        findings=sorted(findings, key=Finding.sort_key),
        errors=sorted(set(errors)),
        files=[p.path for p in plans],
        rules=[r for r in registry if r.code in used],
        lines=lines,
        matched=matched,
    )
