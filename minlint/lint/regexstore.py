"""Regular expressions compiled once per machine, not once per run.

minlint reads minutes with about 450 regular expressions, and Python compiles a pattern
in pure Python: about 75 ms of every run, a quarter of a pre-commit hook's time. What
the compiler produces (the program that CPython's matcher runs) depends only on the
pattern, its flags and the Python that compiled it, so it is kept in the cache directory
(see :mod:`minlint.lint.cachedir`) and handed back to the matcher in the next run, which
costs microseconds a pattern.

Safety: the store is keyed by the exact Python build (version, build date, bytecode tag
and the matcher's own version number), carries a checksum of its payload, and a program
that the matcher rejects is compiled again; the matcher checks every program it is
given. Programs are built by the steps of CPython's own ``re`` compiler; on another
Python implementation, or a CPython whose compiler has other internals, every pattern
is simply compiled by ``re.compile``. The store is written when the process ends, only
if it compiled a pattern the store lacked; with ``--no-cache``, or the cache off, it is
neither read nor written.
"""

from __future__ import annotations

import atexit
import re
import sys
import zlib
from array import array
from typing import Any

try:  # the steps of re.compile, made visible: private, hence every use is guarded
    import _sre

    try:
        from re import _compiler, _parser
    except ImportError:  # Python 3.10
        import sre_compile as _compiler  # type: ignore[no-redef]
        import sre_parse as _parser  # type: ignore[no-redef]
    _USABLE = sys.implementation.name == "cpython" and _sre.CODESIZE == 4
except Exception:  # pragma: no cover - another implementation
    _USABLE = False

MAGIC = b"minlint-patterns\n"  # then the payload's CRC-32, then the payload
LIMIT = 4000  # past this many programs, a store keeps only those its last run used

# (pattern, flags) -> (flags, code as bytes, groups, groupindex, indexgroup)
Program = tuple[int, bytes, int, dict, tuple]

_programs: dict[tuple[str, int], Program] | None = None
_used: set[tuple[str, int]] = set()
_added = False
_learned: set[tuple[str, int]] = set()  # compiled here, not read from the store


def _build_id() -> str:
    """The Python whose compiler wrote a program: only the same one may run it."""
    return "\0".join(
        (sys.version, sys.implementation.cache_tag or "", str(_sre.MAGIC), str(_sre.CODESIZE))
    )


def _name() -> str:
    return f"patterns-{zlib.crc32(_build_id().encode()):08x}.bin"


def _load() -> dict[tuple[str, int], Program]:
    global _programs
    if _programs is None:
        from minlint.lint.cachedir import load_store

        _programs = load_store(_name(), MAGIC, _build_id()) or {}
    return _programs


def _program(pattern: str, flags: int) -> tuple[re.Pattern[str], Program]:
    """Compile as ``re._compiler.compile`` does, keeping the program."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = (
        flags | parsed.state.flags,
        array("I", code).tobytes(),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    return _build(pattern, program), program


def _build(pattern: str, program: Program) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = program
    return _sre.compile(pattern, flags, array("I", code).tolist(), groups, groupindex, indexgroup)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the store when the store has it."""
    flags = int(flags)
    if not _USABLE or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    programs = _load()
    program = programs.get(key)
    if program is not None:
        try:
            compiled = _build(pattern, program)
        except Exception:  # a program the matcher rejects: compile it again
            programs.pop(key, None)
        else:
            _used.add(key)
            return compiled
    try:
        compiled, program = _program(pattern, flags)
    except Exception:  # a bad pattern (re says why) or internals this module does not know
        return re.compile(pattern, flags)
    _remember(key, program)
    return compiled


def _remember(key: tuple[str, int], program: Program) -> None:
    global _added
    programs = _load()
    programs[key] = program
    _used.add(key)
    _learned.add(key)
    if not _added:
        _added = True
        atexit.register(save)


def learned() -> dict[tuple[str, int], Program]:
    """The programs this process compiled since the last call (a forked copy sends
    them to the process that will save the store)."""
    programs = _load()
    out = {key: programs[key] for key in sorted(_learned) if key in programs}
    _learned.clear()
    return out


def learn(programs: dict[tuple[str, int], Program]) -> None:
    """Keep programs that another process compiled, as if compiled here."""
    for key, program in programs.items():
        if key not in _load():
            _remember(key, program)


def save() -> None:
    """Write the store (see :func:`minlint.lint.cachedir.save_store`)."""
    global _added
    if not (_added and _programs):
        return
    from minlint.lint.cachedir import save_store

    programs: dict[Any, Program] = _programs
    if len(programs) > LIMIT:
        programs = {key: programs[key] for key in sorted(_used) if key in programs}
    save_store(_name(), MAGIC, _build_id(), programs)
    _added = False  # until something new is compiled
