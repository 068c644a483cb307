"""Compiled patterns kept across runs: the same matches as ``re.compile``, never a
damaged or foreign program."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
from conftest import SEEDS, checked_cold_warm_and_off, run_minlint

from minlint.lint import regexstore

CASES = [
    (r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>January|June|July)\s+(?P<year>\d{4})", 0),
    (r"(?<![\w.])(Cllr|Councillor)\s+([A-Z][a-z]+)(?=[,.])", 0),
    (r"^resolved\b.*?$", re.I | re.M),
    (r"£\s*(\d{1,3}(?:,\d{3})*(?:\.\d\d)?)", 0),
    (r"(a|b)?c\1", 0),
    (r"[^\W\d_]+", re.U),
    (r"(?x) \d+ # a number\n \s* (?:and)?", 0),
    (r"\bcyng\.?\s+\w+", re.I),
]
TEXT = (
    "RESOLVED that on 3rd June 2024 Cllr Smith, Councillor Jones. and £12,500.00 were\n"
    "resolved to be paid; bcbc abc Cyng. Rhys 4 and 5 and 12 July 2023 Ödön\n"
)


def fresh(monkeypatch, directory: Path) -> None:
    """A process with nothing loaded yet, and the store in ``directory``."""
    monkeypatch.setenv("MINLINT_CACHE_DIR", str(directory))
    monkeypatch.setattr(regexstore, "_programs", None)
    monkeypatch.setattr(regexstore, "_used", set())
    monkeypatch.setattr(regexstore, "_added", False)


def behaviour(pattern: re.Pattern[str]) -> tuple:
    return (
        pattern.pattern,
        pattern.flags,
        pattern.groups,
        dict(pattern.groupindex),
        [m.span() + m.groups() for m in pattern.finditer(TEXT)],
        pattern.sub("#", TEXT),
    )


@pytest.mark.skipif(not regexstore._USABLE, reason="the store serves CPython only")
def test_programs_from_the_store_match_as_re_compile_does(monkeypatch, tmp_path):
    fresh(monkeypatch, tmp_path)
    first = [regexstore.compile(p, f) for p, f in CASES]
    regexstore.save()
    stores = list(tmp_path.glob("patterns-*.bin"))
    assert len(stores) == 1

    fresh(monkeypatch, tmp_path)
    second = [regexstore.compile(p, f) for p, f in CASES]
    assert not regexstore._added, "every pattern came from the store"
    for (p, f), a, b in zip(CASES, first, second, strict=True):
        assert behaviour(a) == behaviour(b) == behaviour(re.compile(p, f))


@pytest.mark.skipif(not regexstore._USABLE, reason="the store serves CPython only")
@pytest.mark.parametrize("damage", ["flip", "truncate", "foreign", "garbage"])
def test_a_damaged_or_foreign_store_is_compiled_again(monkeypatch, tmp_path, damage):
    fresh(monkeypatch, tmp_path)
    for p, f in CASES:
        regexstore.compile(p, f)
    regexstore.save()
    (store,) = tmp_path.glob("patterns-*.bin")
    data = bytearray(store.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x20
    elif damage == "truncate":
        data = data[: len(data) * 2 // 3]
    elif damage == "foreign":  # another Python's programs, with a valid checksum
        import marshal

        body = marshal.loads(bytes(data[len(regexstore.MAGIC) + 4 :]))
        payload = marshal.dumps(("another build", body[1]))
        data = bytearray(regexstore.MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
    else:
        data = bytearray(b"\x00" * 64)
    store.write_bytes(bytes(data))

    fresh(monkeypatch, tmp_path)
    again = [regexstore.compile(p, f) for p, f in CASES]
    assert regexstore._added, "nothing may be taken from a damaged store"
    for (p, f), compiled in zip(CASES, again, strict=True):
        assert behaviour(compiled) == behaviour(re.compile(p, f))


@pytest.mark.skipif(not regexstore._USABLE, reason="the store serves CPython only")
def test_a_program_the_matcher_rejects_is_compiled_again(monkeypatch, tmp_path):
    fresh(monkeypatch, tmp_path)
    pattern, flags = CASES[0]
    regexstore.compile(pattern, flags)
    flags_out, code, groups, groupindex, indexgroup = regexstore._programs[(pattern, flags)]
    broken = code[: len(code) // 8 * 4]  # a program cut in half, as a bad disk might leave it
    regexstore._programs[(pattern, flags)] = (flags_out, broken, groups, groupindex, indexgroup)
    compiled = regexstore.compile(pattern, flags)
    assert behaviour(compiled) == behaviour(re.compile(pattern, flags))


def test_a_bad_pattern_raises_as_re_does(monkeypatch, tmp_path):
    fresh(monkeypatch, tmp_path)
    with pytest.raises(re.error):
        regexstore.compile(r"(unclosed")


def test_with_the_cache_off_nothing_is_written(monkeypatch, tmp_path):
    fresh(monkeypatch, tmp_path)
    monkeypatch.setenv("MINLINT_CACHE_DIR", "")
    for p, f in CASES:
        regexstore.compile(p, f)
    regexstore.save()
    assert not list(tmp_path.iterdir())


def test_findings_are_the_same_with_the_store_cold_and_warm(tmp_path):
    cache = checked_cold_warm_and_off(tmp_path)
    assert list(cache.glob("patterns-*.bin")), "the first run keeps its patterns"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the real documents (../shared/seeds) are absent")
@pytest.mark.skipif(not regexstore._USABLE, reason="the store serves CPython only")
def test_every_stored_pattern_reads_the_seeds_as_re_compile_does(tmp_path):
    cache = tmp_path / "cache"
    run_minlint(["check", str(SEEDS), "--records", str(SEEDS), "--exit-zero"], cache)
    (store,) = cache.glob("patterns-*.bin")
    import marshal

    _, programs = marshal.loads(store.read_bytes()[len(regexstore.MAGIC) + 4 :])
    assert len(programs) > 300, "the parser's and the rules' patterns are kept"
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("00[24]_*.txt")))
    for (pattern, flags), program in programs.items():
        stored = regexstore._build(pattern, program)
        plain = re.compile(pattern, flags)
        assert [m.span() for m in stored.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], pattern
