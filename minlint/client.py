"""The console script: a command is handed to a running ``minlint server`` when there is
one for this Python and this copy of minlint, and run in this process otherwise.

A pre-commit hook starts a new process for every commit, and most of such a process's
time is spent importing and warming up (Python modules, compiled patterns, the rules).
A server has done that once; for each command it forks a copy of itself, which runs
the command exactly as this process would, with this process's arguments, working
directory, environment and standard streams (handed over as file descriptors, so a
terminal stays a terminal). This module is imported first, so it imports only what the
hand-over needs: no click, no minlint.lint.

Without a server (none started, another platform, ``MINLINT_NO_SERVER`` set, the cache
directory off, a socket that is not the user's own), nothing changes: the command runs
here.
"""

from __future__ import annotations

import os
import sys

from minlint import wire


def forward(argv: list[str]) -> int | None:
    """Run the command ``argv`` (without the program name) in a server: its exit status,
    or None when there is no server to run it (then run it here)."""
    if os.environ.get(wire.OFF) or not wire.supported():
        return None
    path = wire.socket_path()
    if path is None:
        return None
    try:
        owner = os.stat(path).st_uid
    except OSError:
        return None
    if owner != os.getuid():
        return None
    import _socket
    import marshal

    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    sent = False
    try:
        sock.settimeout(wire.ANSWER_SECONDS)
        sock.connect(path)
        mask = os.umask(0o22)
        os.umask(mask)
        request = marshal.dumps(
            {
                "op": "run",
                "argv": [sys.argv[0], *argv],
                "cwd": os.getcwd(),
                "env": dict(os.environ),
                "umask": mask,
                "streams": [_stream(s) for s in (sys.stdin, sys.stdout, sys.stderr)],
            }
        )
        wire.send(sock, request, [0, 1, 2])
        sent = True
        first = wire.read_exactly(sock, wire.REPLY)
        sock.settimeout(None)
    except TimeoutError:
        sock.close()
        if not sent:
            return None
        # It may still run the command: running it here too could print it twice.
        print(
            f"minlint: error: the minlint server ({path}) did not answer; stop it with"
            f" `minlint server stop`, or set {wire.OFF}=1",
            file=sys.stderr,
        )
        return 2
    except OSError:  # no server listening, a closed standard stream: run it here
        sock.close()
        return None
    if first[:1] != wire.RUNNING or len(first) != wire.REPLY:
        sock.close()
        return None
    return _wait(sock, int.from_bytes(first[1:], "big", signed=True))


def _stream(stream) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    """A standard stream's encoding and error handler, as this process set them up."""
    if stream is None:
        return None
    encoding = getattr(stream, "encoding", None) or "utf-8"
    return (encoding, getattr(stream, "errors", None) or "strict")


def _wait(sock, pid: int) -> int:  # type: ignore[no-untyped-def]
    """The command's exit status; Ctrl-C and termination are passed on to it."""
    import signal

    def pass_on(signum, frame):  # type: ignore[no-untyped-def]
        try:  # noqa: SIM105 - contextlib is one more import on every run
            os.kill(pid, signum)
        except OSError:
            pass

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), pass_on)
    try:
        reply = wire.read_exactly(sock, wire.REPLY)
    except OSError:
        reply = b""
    finally:
        sock.close()
    if reply[:1] != wire.EXITED or len(reply) != wire.REPLY:
        print("minlint: error: the server stopped before the command ended", file=sys.stderr)
        return 2
    return int.from_bytes(reply[1:], "big", signed=True)


def main() -> None:
    """The ``minlint`` console script."""
    argv = sys.argv[1:]
    if not (argv and argv[0] == "server"):
        code = forward(argv)
        if code is not None:
            sys.stdout.flush()
            os._exit(code)
    from minlint.cli import main as run_here

    run_here()
