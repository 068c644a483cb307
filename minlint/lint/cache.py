"""Parsed records kept on disk, so that a record that has not changed is not read again.

A pre-commit hook checks one or two drafts against the same agendas, packs and earlier
minutes every time; parsing those records is most of its work. A parsed record is kept
under the cache directory, keyed by minlint's version, the shape of the meeting model (the
fields of its classes, so that builds of one version with different models never read
each other's entries), the size and time of the files of the code that parses (an
editable install being worked on), the file's real path and a hash of its content: a
file rewritten (even with the same size and modification time) misses the cache, and so
does a new minlint or a changed parser. Hashing a record costs far less than parsing it
or unpickling its model.

Beside each model, a small index says which parts the file holds, with their body and
date: a draft is matched to its records from the indexes, and only the models of the
records it matched are read. Every entry carries a checksum of its payload, checked
before it is unpickled: an entry damaged on disk is parsed again, never trusted.

``minlint check`` also keeps what checking a draft gave (its findings and errors), keyed
by everything they depend on: the draft's content, every file of minlint's package, the
rules run, the configuration, the working directory and the records' files and content.
Checking an unchanged draft again (a hook run twice, an archive checked in CI again)
reads its findings back instead of parsing the draft and running the rules.

The directory is ``$MINLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/minlint``, else
``~/.cache/minlint``. ``MINLINT_CACHE_DIR=""`` (or ``minlint check --no-cache``) turns
the cache off. A cache that cannot be read or written is ignored: the file is parsed.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from pathlib import Path

from minlint import __version__
from minlint.lint.cachedir import cache_dir, write_whole
from minlint.lint.model import ParsedDocument

FORMAT = 2  # bump when the pickled model changes shape within a version
MAGIC = b"minlint-cache\n"  # then the payload's SHA-256, then the payload


@functools.cache
def _shape() -> str:
    """The fields of the model's classes: a pickle of another shape is not this model's."""
    import dataclasses

    from minlint.lint import blocks, model

    classes = [
        v
        for mod in (model, blocks)
        for v in vars(mod).values()
        if isinstance(v, type) and dataclasses.is_dataclass(v)
    ]
    return ";".join(
        sorted(f"{c.__name__}:{','.join(f.name for f in dataclasses.fields(c))}" for c in classes)
    )


@functools.cache
def _build() -> str:
    """The code that reads and parses, by the size and time of its files and of the
    libraries it reads with: an entry parsed by other code is not trusted, even within
    one version (an editable install, a patched release, another pypdf)."""
    root = Path(__file__).resolve().parent
    stamps = _dependencies()
    for folder in (root, root / "readers", root / "extract", root / "facts"):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".py"):
                st = entry.stat()
                stamps.append(f"{folder.name}/{entry.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(stamps).encode()).hexdigest()


# The libraries that read files for minlint: another version may read a file otherwise.
DEPENDENCIES = ("lxml", "pypdf", "rapidfuzz", "Levenshtein")


def _dependencies() -> list[str]:
    """Each library's installed module by size and time, found without importing it."""
    from importlib.util import find_spec

    stamps = []
    for name in DEPENDENCIES:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec else None
        try:
            st = os.stat(origin) if origin else None
        except OSError:
            st = None
        stamps.append(f"{name}:{origin}:{st.st_size}:{st.st_mtime_ns}" if st else f"{name}:-")
    return stamps


@functools.cache
def package_build() -> str:
    """Every file of minlint's package (its rules, schemas and all), by size and time:
    findings made by other code are not reused."""
    root = Path(__file__).resolve().parent.parent
    stamps = [_build()]
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if not name.endswith((".pyc", ".tmp")):
                try:
                    st = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                rel = os.path.relpath(os.path.join(folder, name), root)
                stamps.append(f"{rel}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(stamps).encode("utf-8", "surrogatepass")).hexdigest()


def source_key(path: str, real: str | None = None) -> str | None:
    """What a file's entries are found by: its real path (``real``, when the caller has
    it) and a hash of its content; None when the cache is off or the file cannot be
    read."""
    if cache_dir() is None:
        return None
    try:
        real = real or os.path.realpath(path)
        with open(real, "rb") as fh:
            digest = hashlib.sha256(fh.read())
    except OSError:
        return None
    return f"{__version__}\0{FORMAT}\0{_shape()}\0{_build()}\0{real}\0{digest.hexdigest()}"


def _entry(key: str, suffix: str) -> Path | None:
    directory = cache_dir()
    if directory is None:
        return None
    return directory / (hashlib.sha256(key.encode()).hexdigest() + suffix)


def _read(entry: Path) -> object | None:
    """An entry's object, or None when it is missing or its checksum does not match."""
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    if not data.startswith(MAGIC):
        return None
    checksum = data[len(MAGIC) : len(MAGIC) + 32]
    payload = memoryview(data)[len(MAGIC) + 32 :]
    if hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # from an incompatible build: parse instead
        return None


def _write(entry: Path, value: object) -> None:
    """Write an entry whole or not at all."""
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an object that will not pickle costs speed, never a result
        return
    write_whole(entry, MAGIC + hashlib.sha256(payload).digest() + payload)


def load(path: str, key: str | None = None) -> ParsedDocument | None:
    """The parsed file from the cache, or None (``key``: its :func:`source_key`)."""
    key = key or source_key(path)
    entry = _entry(key, ".pickle") if key else None
    parsed = _read(entry) if entry else None
    if not isinstance(parsed, ParsedDocument):
        return None
    parsed.document.path = path
    return parsed


def store(path: str, parsed: ParsedDocument, key: str | None = None) -> None:
    """Keep a parsed file."""
    key = key or source_key(path)
    entry = _entry(key, ".pickle") if key else None
    if entry is not None:
        _write(entry, parsed)


def load_result(key: str) -> object | None:
    """What checking a file gave, kept under ``key`` (see :func:`store_result`)."""
    entry = _entry(key, ".result")
    return _read(entry) if entry else None


def store_result(key: str, result: object) -> None:
    """Keep what checking a file gave, under a key that names everything it depends
    on (the engine's ``result_key``)."""
    entry = _entry(key, ".result")
    if entry is not None:
        _write(entry, result)


def load_index(path: str, key: str | None = None) -> list | None:
    """A file's index (see :func:`store_index`) from the cache, or None."""
    key = key or source_key(path)
    entry = _entry(key, ".index") if key else None
    index = _read(entry) if entry else None
    return index if isinstance(index, list) else None


def store_index(path: str, index: list, key: str | None = None) -> None:
    """Keep what a file's model says about its parts, small enough to read for every
    record of a large directory."""
    key = key or source_key(path)
    entry = _entry(key, ".index") if key else None
    if entry is not None:
        _write(entry, index)
