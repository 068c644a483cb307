"""What the console script and a ``minlint server`` share: where the server listens, and
how a command and its answer travel between them (see :mod:`minlint.client` and
:mod:`minlint.server`). The standard library only, imported on every run."""

from __future__ import annotations

import os
import sys

OFF = "MINLINT_NO_SERVER"
# The first reply: the pid of the process running the command, or a refusal (the
# server's minlint changed on disk since it started; it is leaving).
RUNNING, STALE, EXITED = b"P", b"S", b"X"
REPLY = 9  # a reply: one kind byte, then a signed 8-byte number
ANSWER_SECONDS = 10.0  # a server answers at once that it runs a command; one that does not is stuck


def supported() -> bool:
    """Whether this platform can hand a command over: Linux, with fork and Unix sockets
    that pass file descriptors. (Elsewhere ``fork`` without ``exec`` is not safe once
    some system libraries are loaded, or does not exist.)"""
    import _socket  # not socket: its import (enum and all) costs a hook more than the rest

    return (
        sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and hasattr(_socket, "AF_UNIX")
        and hasattr(_socket, "SCM_RIGHTS")
    )


def send(sock, data: bytes, fds: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Send ``data``, length first, with the file descriptors ``fds``."""
    import _socket

    payload = len(data).to_bytes(4, "big") + data
    rights = b"".join(fd.to_bytes(4, sys.byteorder, signed=True) for fd in fds)
    ancillary = [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, rights)] if fds else []
    sent = sock.sendmsg([payload], ancillary)
    if sent < len(payload):
        sock.sendall(payload[sent:])


def cache_root() -> str | None:
    """minlint's cache directory as ``minlint.lint.cachedir`` finds it, without its
    imports; None when caching is off."""
    configured = os.environ.get("MINLINT_CACHE_DIR")
    if configured is not None:
        return configured if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "minlint")


def socket_path() -> str | None:
    """Where the server of this Python and this copy of minlint listens, or None when
    there can be none (caching off, or a path too long for a Unix socket)."""
    import zlib

    root = cache_root()
    if root is None:
        return None
    here = os.path.dirname(os.path.abspath(__file__))
    ident = "\0".join((sys.prefix, sys.version, here))
    path = os.path.join(os.path.abspath(root), f"server-{zlib.crc32(ident.encode()):08x}.sock")
    return path if len(os.fsencode(path)) < 100 else None  # sun_path holds 104-108 bytes


def read_exactly(sock, size: int) -> bytes:  # type: ignore[no-untyped-def]
    """``size`` bytes from ``sock``, or fewer when it was closed first."""
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            break
        data += chunk
    return data
