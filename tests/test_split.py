"""A lone file's rules shared with a forked copy of the process give the findings of one
process, even when the copy dies; what the copy compiled is kept by the process."""

from __future__ import annotations

import dataclasses
import os
import threading
import time

import pytest
from conftest import EXAMPLES, seed

from minlint.lint import engine, regexstore, split
from minlint.lint.engine import CheckOptions, run_check
from minlint.lint.registry import Registry, load_registry

pytestmark = pytest.mark.skipif(
    not split.available(), reason="rules are shared only on Linux with two cores free"
)

DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"
AGENDA = EXAMPLES / "agenda_2024-06-11.txt"
PREVIOUS = EXAMPLES / "minutes_2024-05-14.txt"


def both_ways(paths: list[str], **options: object) -> tuple:
    alone = run_check(paths, CheckOptions(select=("ALL",), **options))
    shared = run_check(paths, CheckOptions(select=("ALL",), split=True, **options))
    return alone, shared


def same(alone, shared) -> None:
    assert shared.findings == alone.findings
    assert [f.fingerprint for f in shared.findings] == [f.fingerprint for f in alone.findings]
    assert shared.errors == alone.errors


def test_the_findings_are_those_of_one_process():
    alone, shared = both_ways(
        [str(DRAFT)], agenda=str(AGENDA), previous=str(PREVIOUS), records=(str(EXAMPLES),)
    )
    assert alone.findings
    same(alone, shared)


def test_the_findings_on_a_real_draft_with_its_records_are_those_of_one_process():
    alone, shared = both_ways(
        [str(seed("002"))], agenda=str(seed("000")), previous=str(seed("003"))
    )
    assert alone.findings
    same(alone, shared)


def _patched(monkeypatch, wrap, marker) -> None:
    """Every rule's check wrapped; this process starts its first group only once the
    copy has begun one (it touches ``marker``), so that the copy claims some however
    slowly the machine schedules it."""
    parent = os.getpid()
    waiting = [True]

    def copy_first(check):
        def checked(ctx):
            if os.getpid() != parent:
                marker.touch()
            elif waiting:
                waiting.clear()
                for _ in range(200):
                    if marker.exists():
                        break
                    time.sleep(0.05)
            return check(ctx)

        return checked

    rules = [dataclasses.replace(r, check=copy_first(wrap(r.check))) for r in load_registry()]
    registry = Registry(rules)
    monkeypatch.setattr(engine, "load_registry", lambda: registry)


def test_a_copy_that_dies_loses_nothing(monkeypatch, tmp_path):
    expected = run_check([str(DRAFT)], CheckOptions(select=("ALL",), agenda=str(AGENDA)))
    parent = os.getpid()
    died = tmp_path / "died"

    def wrap(check):
        def dies_in_the_copy(ctx):
            if os.getpid() != parent:
                died.touch()
                os._exit(3)  # as the out-of-memory killer would end it
            return check(ctx)

        return dies_in_the_copy

    _patched(monkeypatch, wrap, tmp_path / "copy")
    shared = run_check([str(DRAFT)], CheckOptions(select=("ALL",), agenda=str(AGENDA), split=True))
    assert died.exists()
    same(expected, shared)


def test_a_rule_that_fails_in_the_copy_is_reported_as_in_one_process(monkeypatch, tmp_path):
    def wrap(check):
        def fails(ctx):
            if ctx.rule.code == "P001":
                raise ValueError("a bug")
            return check(ctx)

        return fails

    _patched(monkeypatch, wrap, tmp_path / "copy")
    shared = run_check([str(DRAFT)], CheckOptions(select=("ALL",), split=True))
    alone = run_check([str(DRAFT)], CheckOptions(select=("ALL",)))
    assert any(
        "rule P001 (duplicate-paragraph) failed: ValueError: a bug" in e.message
        for e in alone.errors
    )
    same(alone, shared)


def test_what_the_copy_compiles_is_kept_here(monkeypatch, tmp_path):
    parent = os.getpid()
    pattern = f"compiled in the copy {parent} [0-9]+"

    def wrap(check):
        def compiles(ctx):
            if os.getpid() != parent:
                regexstore.compile(pattern)
            return check(ctx)

        return compiles

    _patched(monkeypatch, wrap, tmp_path / "copy")
    run_check([str(DRAFT)], CheckOptions(select=("ALL",), split=True))
    assert (pattern, 0) in regexstore._load()


def test_outcomes_come_back_in_the_order_of_the_groups():
    groups = [list(range(k, k + 5)) for k in range(0, 40, 5)]
    assert split.run_shared(groups, lambda x: x * x) == [[x * x for x in g] for g in groups]


def test_a_process_with_threads_is_not_forked():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not split.available()
    finally:
        stop.set()
        thread.join()
