"""Parsed records kept on disk, so that a record that has not changed is not read again.

A pre-commit hook checks one or two drafts against the same agendas, packs and earlier
minutes every time; parsing those records is most of its work. A parsed record is kept
under the cache directory, keyed by minlint's version, the shape of the meeting model (the
fields of its classes, so that builds of one version with different models never read
each other's entries) and the file's real path, size and modification time; any change
to the file (or a new minlint) misses the cache.

The directory is ``$MINLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/minlint``, else
``~/.cache/minlint``. ``MINLINT_CACHE_DIR=""`` (or ``minlint check --no-cache``) turns
the cache off. A cache that cannot be read or written is ignored: the file is parsed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from minlint import __version__
from minlint.lint.model import ParsedDocument

ENV = "MINLINT_CACHE_DIR"
FORMAT = 1  # bump when the pickled model changes shape within a version


def cache_dir() -> Path | None:
    """Where parsed records are kept, or None when the cache is off."""
    configured = os.environ.get(ENV)
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "minlint"


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


def _entry(directory: Path, path: str) -> Path | None:
    try:
        real = os.path.realpath(path)
        st = os.stat(real)
    except OSError:
        return None
    key = f"{__version__}\0{FORMAT}\0{_shape()}\0{real}\0{st.st_size}\0{st.st_mtime_ns}"
    return directory / (hashlib.sha256(key.encode()).hexdigest() + ".pickle")


def load(path: str) -> ParsedDocument | None:
    """The parsed file from the cache, or None."""
    directory = cache_dir()
    entry = _entry(directory, path) if directory else None
    if entry is None:
        return None
    try:
        with entry.open("rb") as fh:
            parsed = pickle.load(fh)
    except Exception:  # missing, truncated or from an incompatible build: parse instead
        return None
    if not isinstance(parsed, ParsedDocument):
        return None
    parsed.document.path = path
    return parsed


def store(path: str, parsed: ParsedDocument) -> None:
    """Keep a parsed file; written whole or not at all."""
    directory = cache_dir()
    entry = _entry(directory, path) if directory else None
    if entry is None:
        return
    import tempfile

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(parsed, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # a read-only or full disk costs speed, never a result
        return
