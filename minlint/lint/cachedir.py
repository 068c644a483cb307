"""Where minlint keeps what it can compute again: parsed records and compiled patterns.

The directory is ``$MINLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/minlint``, else
``~/.cache/minlint``. ``MINLINT_CACHE_DIR=""`` turns every cache off.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "MINLINT_CACHE_DIR"


def cache_dir() -> Path | None:
    """The cache directory, or None when caching is off."""
    configured = os.environ.get(ENV)
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "minlint"


def read_blob(name: str, magic: bytes) -> bytes | None:
    """The payload of cache file ``name``, or None when the cache is off, the file is
    missing, or it is not whole (its CRC-32 does not match)."""
    import zlib

    directory = cache_dir()
    if directory is None:
        return None
    try:
        with open(directory / name, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    checksum, payload = data[len(magic) : len(magic) + 4], data[len(magic) + 4 :]
    if not data.startswith(magic) or zlib.crc32(payload).to_bytes(4, "big") != checksum:
        return None
    return payload


def write_blob(name: str, magic: bytes, payload: bytes) -> None:
    """Write cache file ``name``: ``magic``, the payload's CRC-32, the payload."""
    import zlib

    directory = cache_dir()
    if directory is not None:
        write_whole(directory / name, magic + zlib.crc32(payload).to_bytes(4, "big") + payload)


def load_store(name: str, magic: bytes, build: str) -> dict | None:
    """The entries that store file ``name`` keeps for the Python build ``build``, or None:
    the cache is off, the file is missing, damaged, or written by another build."""
    import marshal

    payload = read_blob(name, magic)
    try:
        loaded = marshal.loads(payload) if payload else None
    except Exception:  # written by another build
        return None
    if isinstance(loaded, tuple) and len(loaded) == 2 and loaded[0] == build:
        return loaded[1] if isinstance(loaded[1], dict) else None
    return None


def save_store(name: str, magic: bytes, build: str, entries: dict) -> None:
    """Write store file ``name``: ``entries`` for the Python build ``build``."""
    import marshal

    write_blob(name, magic, marshal.dumps((build, entries)))


def write_whole(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all; a cache that cannot be written costs
    speed, never a result."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # As tempfile.mkstemp names and opens it (tempfile's import costs a run 3 ms).
        tmp = path.parent / f"tmp{os.getpid()}{os.urandom(6).hex()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:
        return


# What minlint writes in the cache directory, and nothing else: the directory may be one
# the user named, holding other files.
_OURS = ("*.pickle", "*.index", "*.result", "patterns-*.bin", "classes-*.bin", "rules.bin")


def clean() -> tuple[Path | None, int, int]:
    """Remove minlint's cache files: the directory, and how many files and bytes went."""
    import re

    directory = cache_dir()
    if directory is None or not directory.is_dir():
        return directory, 0, 0
    hashed = re.compile(r"[0-9a-f]{64}\.(?:pickle|index|result)")
    count = size = 0
    for pattern in _OURS:
        for path in directory.glob(pattern):
            if pattern.startswith("*.") and not hashed.fullmatch(path.name):
                continue  # not a name minlint gives its entries
            try:
                length = path.stat().st_size
                path.unlink()
            except OSError:
                continue
            count += 1
            size += length
    for stale in directory.glob("tmp*.tmp"):  # a write cut short
        try:
            size += stale.stat().st_size
            stale.unlink()
            count += 1
        except OSError:
            continue
    return directory, count, size
