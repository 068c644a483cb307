"""Dataclass methods compiled once per machine, not once per run.

minlint's model is about ninety dataclasses, most of them frozen, and ``dataclasses``
writes each class's methods (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__``, ``__delattr__``) as source text and compiles it with ``exec``: about
440 compilations, 35 ms of every run, a sixth of a pre-commit hook's time. The text
depends only on the class's fields and options, so the code objects compiled from it
are kept in the cache directory (see :mod:`minlint.lint.cachedir`) and executed from
there in the next run, as Python runs a module from its ``.pyc``.

Only minlint's own classes take this path: the ``exec`` that ``dataclasses`` calls is
routed here, and source compiled for any other module's class is executed as before.
A code object is compiled exactly as ``exec`` compiles a string (file ``<string>``, no
inherited ``__future__`` flags), so a class is the same with or without the store.

Safety: the store is keyed by the exact Python build (version and bytecode tag) and
carries a checksum of its payload; a store of another build, a damaged one or one of
the wrong shape is ignored. On another Python implementation, or a ``dataclasses``
whose internals this module does not know, nothing is routed. The store is written when
the process ends, only if a method was compiled that it lacked; with ``--no-cache``, or
the cache off, it is neither read nor written. Like ``__pycache__``, it is code run
from a directory only its owner writes.
"""

from __future__ import annotations

import atexit
import builtins
import marshal
import sys
import zlib
from types import CodeType
from typing import Any

MAGIC = b"minlint-classes\n"  # then the payload's CRC-32, then the payload
LIMIT = 2000  # past this many methods, a store keeps only those its last run used
OWNER = "minlint."  # the modules whose classes are routed

_codes: dict[str, CodeType] | None = None
_used: set[str] = set()
_added = False
_learned: set[str] = set()  # compiled here, not read from the store


def install() -> None:
    """Route the ``exec`` of ``dataclasses`` through the store (CPython only, and only
    a ``dataclasses`` that builds methods with ``exec`` as 3.10 to 3.13 do)."""
    import dataclasses

    if sys.implementation.name != "cpython" or "exec" in vars(dataclasses):
        return
    if not (hasattr(dataclasses, "_create_fn") or hasattr(dataclasses, "_FuncBuilder")):
        return
    dataclasses.exec = _exec  # type: ignore[attr-defined]


def uninstall() -> None:
    """Let ``dataclasses`` call the builtin ``exec`` again."""
    import dataclasses

    if vars(dataclasses).get("exec") is _exec:
        del dataclasses.exec  # type: ignore[attr-defined]


def _exec(source: Any, namespace: dict | None = None, local: Any = None, /) -> None:
    if (
        isinstance(source, str)
        and isinstance(namespace, dict)
        and str(namespace.get("__name__", "")).startswith(OWNER)
    ):
        source = _code(source)
    builtins.exec(source, namespace, local)


def _code(source: str) -> CodeType:
    codes = _load()
    code = codes.get(source)
    if code is None:
        code = builtins.compile(source, "<string>", "exec", dont_inherit=True)
        _remember(source, code)
    _used.add(source)
    return code


def _build_id() -> str:
    """The Python that compiled a method: only the same one may run it."""
    return "\0".join((sys.version, sys.implementation.cache_tag or "", str(marshal.version)))


def _name() -> str:
    return f"classes-{zlib.crc32(_build_id().encode()):08x}.bin"


def _load() -> dict[str, CodeType]:
    global _codes
    if _codes is None:
        from minlint.lint.cachedir import load_store

        loaded = load_store(_name(), MAGIC, _build_id()) or {}
        valid = all(isinstance(k, str) and isinstance(v, CodeType) for k, v in loaded.items())
        _codes = loaded if valid else {}
    return _codes


def _remember(source: str, code: CodeType) -> None:
    global _added
    _load()[source] = code
    _learned.add(source)
    if not _added:
        _added = True
        atexit.register(save)


def learned() -> dict[str, CodeType]:
    """The methods this process compiled since the last call (a forked copy sends them
    to the process that will save the store)."""
    codes = _load()
    out = {source: codes[source] for source in sorted(_learned) if source in codes}
    _learned.clear()
    return out


def learn(codes: dict[str, CodeType]) -> None:
    """Keep methods that another process compiled, as if compiled here."""
    for source, code in codes.items():
        if source not in _load():
            _remember(source, code)
            _used.add(source)


def save() -> None:
    """Write the store (see :func:`minlint.lint.cachedir.save_store`)."""
    global _added
    if not (_added and _codes):
        return
    from minlint.lint.cachedir import save_store

    codes = _codes
    if len(codes) > LIMIT:
        codes = {source: codes[source] for source in sorted(_used) if source in codes}
    save_store(_name(), MAGIC, _build_id(), codes)
    _added = False  # until something new is compiled
