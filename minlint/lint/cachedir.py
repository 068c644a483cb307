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


def write_whole(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all; a cache that cannot be written costs
    speed, never a result."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:
        return
