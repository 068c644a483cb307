"""``minlint server``: a resident process that has imported and warmed up minlint once,
and runs each command handed to it by the console script (see :mod:`minlint.client`)
in a forked copy of itself.

Each command runs in a process of its own, as it would without a server: nothing of one
command is seen by the next, and a command that crashes or is interrupted takes only its
own process down. The server checks before each command that minlint's files on disk are
those it imported; when they changed (an upgrade, an edit in a checkout), it refuses the
command, which then runs in the client's process, and leaves. It also leaves after a
while without commands.

The socket is in minlint's cache directory, readable and writable by its owner only, and
a connection from another user is refused.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import socket
import sys
import time
from collections.abc import Callable

from minlint import wire

IDLE_MINUTES = 60.0
_serving = False  # True in a process forked to run a command
_MAX_REQUEST = 16 * 1024 * 1024


class ServerError(Exception):
    """A server cannot be started, stopped or reached; the message says why."""


# --- what the server imported ---------------------------------------------------------


def package_stamp() -> tuple[tuple[str, int, int], ...]:
    """Each file of minlint's package with its modification time and size, and those of
    the libraries it imports: what a server must still find on disk to run a command as a
    new process would."""
    out: list[tuple[str, int, int]] = []
    folders = [os.path.dirname(os.path.abspath(__file__))]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append(entry.path)
                else:
                    out.append(_stat(entry.path))
    for name in ("click", "lxml", "rapidfuzz", "Levenshtein", "pypdf", "jinja2", "jsonschema"):
        origin = getattr(sys.modules.get(name), "__file__", None)
        if origin:
            out.append(_stat(origin))
    return tuple(sorted(out))


def _stat(path: str) -> tuple[str, int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (path, -1, -1)
    return (path, st.st_mtime_ns, st.st_size)


_WARM_UP = """\
PARISH COUNCIL

Minutes of the meeting held on Monday 6 January 2025 at 7.00 pm.

Present: Councillor A Jones (Chair), Councillor B Smith, Councillor C Patel

1. APOLOGIES

Apologies were received from Councillor D Evans.

2. MINUTES OF THE PREVIOUS MEETING

RESOLVED: That the minutes of the meeting held on 2 December 2024 be approved.

3. FINANCE

Income of £1,200 and £300 gave a total of £1,500. The vote was 3 for, 0 against.

RESOLVED: That the accounts be noted.

Date of next meeting: Monday 3 February 2025.
"""


def warm_up() -> None:
    """Import what a command may need and run a check once, so that each forked command
    finds modules imported, patterns compiled and rules loaded."""
    import importlib
    import pkgutil
    import tempfile

    import minlint
    from minlint.lint.engine import CheckOptions, run_check

    for info in pkgutil.walk_packages(minlint.__path__, "minlint."):
        if info.name.endswith(("__main__", ".client")):
            continue
        # An optional library missing: the command that needs it will say so itself.
        with contextlib.suppress(Exception):
            importlib.import_module(info.name)
    for name in ("rapidfuzz", "Levenshtein", "lxml.etree", "lxml.html", "pypdf", "jinja2"):
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    with tempfile.TemporaryDirectory(prefix="minlint-server-") as tmp:
        draft = os.path.join(tmp, "minutes.txt")
        with open(draft, "w", encoding="utf-8") as fh:
            fh.write(_WARM_UP)
        run_check([draft], CheckOptions(select=("ALL",)))
    # Kept for every command: a server checks before each one that these files are
    # still those it started with.
    from minlint.lint import cache, classstore, regexstore

    cache.package_build()
    # Written now, once: a command writes them again only if it compiled something new.
    regexstore.save()
    classstore.save()


# --- the server -----------------------------------------------------------------------


def _listen(path: str) -> socket.socket:
    # Who may use the socket is settled by its mode (owner only), the owner the client
    # checks, and the peer's user the server checks: not by the directory's mode.
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    if os.path.exists(path):
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.connect(path)
        except OSError:
            os.unlink(path)  # left by a server that did not end cleanly
        else:
            probe.close()
            raise ServerError(f"{path}: error: a server is already running")
    mask = os.umask(0o177)
    try:
        sock.bind(path)
    finally:
        os.umask(mask)
    sock.listen(16)
    return sock


def _peer_is_us(conn: socket.socket) -> bool:
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True  # the socket's mode (owner only) is the guard
    import struct

    creds = conn.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", creds)
    return uid == os.getuid()


def _reply(conn: socket.socket, kind: bytes, number: int) -> None:
    with contextlib.suppress(OSError):
        conn.sendall(kind + number.to_bytes(8, "big", signed=True))


def _receive(conn: socket.socket) -> tuple[dict | None, list[int]]:
    """A request and the file descriptors sent with it."""
    import marshal

    conn.settimeout(10)
    data, fds, _, _ = socket.recv_fds(conn, 65536, 3)
    if len(data) < 4:
        return None, fds
    size = int.from_bytes(data[:4], "big")
    if size > _MAX_REQUEST:
        return None, fds
    data = data[4:]
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            return None, fds
        data += chunk
    try:
        request = marshal.loads(data)
    except Exception:
        return None, fds
    return (request if isinstance(request, dict) else None), fds


def _run_command(request: dict, fds: list[int], command: Callable[[], object]) -> None:
    """In the forked process: become the client's process, run the command, and leave
    with its exit status. Never returns."""
    global _serving
    _serving = True
    code = 2
    try:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for number, fd in enumerate(fds):
            os.dup2(fd, number)
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        if "tempfile" in sys.modules:  # found from TMPDIR once, in the server's environment
            sys.modules["tempfile"].tempdir = None
        os.umask(request["umask"])
        sys.stdin, sys.stdout, sys.stderr = (
            _text_stream(n, spec) for n, spec in enumerate(request["streams"])
        )
        sys.argv = list(request["argv"])
        command()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except KeyboardInterrupt:
        code = 130
    except BaseException:  # pragma: no cover - main() reports its own errors
        import traceback

        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)


def _text_stream(fd: int, spec):  # type: ignore[no-untyped-def]
    """A standard stream on the client's descriptor, set up as the client had it."""
    if spec is None:
        return None
    encoding, errors = spec
    if fd == 0:
        return open(fd, encoding=encoding, errors=errors, closefd=False)
    line = fd == 2 or os.isatty(fd)
    return open(
        fd, "w", buffering=1 if line else -1, encoding=encoding, errors=errors, closefd=False
    )


class Server:
    def __init__(
        self, path: str, command: Callable[[], object], idle_minutes: float = IDLE_MINUTES
    ) -> None:
        self.path = path
        self.command = command
        self.idle = idle_minutes * 60
        self.stamp = package_stamp()
        self.sock = _listen(path)
        self.inode = os.stat(path).st_ino
        self.running: dict[int, socket.socket] = {}  # pid -> the client's connection
        self.last = time.monotonic()
        self.served = 0
        self.stopping = False

    def serve(self) -> None:
        """Answer commands until stopped, idle, or minlint changes on disk."""
        wake_r, wake_w = os.pipe()
        os.set_blocking(wake_r, False)
        os.set_blocking(wake_w, False)
        signal.set_wakeup_fd(wake_w)
        signal.signal(signal.SIGCHLD, lambda *_: None)
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        selector = selectors.DefaultSelector()
        selector.register(self.sock, selectors.EVENT_READ, "accept")
        selector.register(wake_r, selectors.EVENT_READ, "wake")
        try:
            while not (self.stopping and not self.running):
                if not self.running and time.monotonic() - self.last > self.idle:
                    break
                for key, _ in selector.select(timeout=min(5.0, self.idle)):
                    if key.data == "accept" and not self.stopping:
                        self._accept(selector)
                    elif key.data == "wake":
                        try:
                            while os.read(wake_r, 512):
                                pass
                        except BlockingIOError:
                            pass
                    elif isinstance(key.data, int):  # a client went away: so does its command
                        self._client_gone(selector, key.data)
                self._reap(selector)
        finally:
            self.close()

    def _stop(self, signum, frame) -> None:  # type: ignore[no-untyped-def]
        self.stopping = True

    def _accept(self, selector: selectors.BaseSelector) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        fds: list[int] = []
        try:
            if not _peer_is_us(conn):
                conn.close()
                return
            request, fds = _receive(conn)
            if request is None or (request.get("op") == "run" and len(fds) != 3):
                conn.close()
                return
            op = request.get("op")
            if op == "stop":
                self.stopping = True
                _reply(conn, wire.EXITED, 0)
                conn.close()
                return
            if op == "status":
                _reply(conn, wire.EXITED, self.served)
                conn.close()
                return
            if op != "run":
                conn.close()
                return
            if package_stamp() != self.stamp:
                _reply(conn, wire.STALE, 0)
                conn.close()
                self.stopping = True
                return
            self.last = time.monotonic()  # only commands keep a server: not "status"
            pid = os.fork()
            if pid == 0:
                self.sock.close()
                for other in self.running.values():
                    other.close()
                conn.close()
                _run_command(request, fds, self.command)
            self.served += 1
            self.running[pid] = conn
            _reply(conn, wire.RUNNING, pid)
            selector.register(conn, selectors.EVENT_READ, pid)
        except OSError:
            conn.close()
        finally:
            for fd in fds:
                os.close(fd)

    def _client_gone(self, selector: selectors.BaseSelector, pid: int) -> None:
        conn = self.running.get(pid)
        if conn is None:
            return
        try:
            still_there = conn.recv(1, socket.MSG_PEEK)
        except OSError:
            still_there = b""
        if not still_there:
            selector.unregister(conn)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)

    def _reap(self, selector: selectors.BaseSelector) -> None:
        while self.running:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            conn = self.running.pop(pid, None)
            if conn is None:
                continue
            code = os.waitstatus_to_exitcode(status)
            if code < 0:  # ended by a signal: as a shell reports it
                code = 128 - code
            with contextlib.suppress(KeyError, ValueError):
                selector.unregister(conn)
            _reply(conn, wire.EXITED, code)
            conn.close()
            self.last = time.monotonic()

    def close(self) -> None:
        """Stop listening; the socket file goes unless another server has replaced it."""
        try:
            if os.stat(self.path).st_ino == self.inode:
                os.unlink(self.path)
        except OSError:
            pass
        self.sock.close()


# --- commands -------------------------------------------------------------------------


def _path() -> str:
    if not wire.supported():
        raise ServerError(
            "error: a server needs Linux (fork, and Unix sockets that pass descriptors)"
        )
    path = wire.socket_path()
    if path is None:
        if wire.cache_root() is None:
            raise ServerError("error: the server lives in the cache directory, which is off")
        raise ServerError("error: the cache directory's path is too long for a Unix socket")
    return path


def ask(op: str, path: str | None = None) -> int | None:
    """Send ``op`` ("status": how many commands it ran, "stop") to the server listening
    at ``path`` (by default, the one of this minlint): its answer, or None when none
    answers."""
    path = path or _path()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(path)
        import marshal

        wire.send(sock, marshal.dumps({"op": op}), [])
        reply = wire.read_exactly(sock, wire.REPLY)
    except OSError:
        return None
    finally:
        sock.close()
    if len(reply) != wire.REPLY:
        return None
    return int.from_bytes(reply[1:], "big", signed=True)


def run(
    command: Callable[[], object],
    idle_minutes: float = IDLE_MINUTES,
    ready: Callable[[], object] | None = None,
) -> None:
    """Run a server in this process until it is stopped or idle; ``command`` is the
    console script's entry point, which each forked process runs with its client's
    command line."""
    path = _path()
    warm_up()
    server = Server(path, command, idle_minutes)
    if ready is not None:
        ready()
    server.serve()


def start(
    command: Callable[[], object], idle_minutes: float = IDLE_MINUTES, timeout: float = 30.0
) -> str:
    """Start a server in the background; return its socket's path once it answers."""
    path = _path()
    if ask("status") is not None:
        raise ServerError(f"{path}: error: a server is already running")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the server: its own session, no terminal, no standard streams
        os.close(read_end)
        code = 0
        try:
            os.setsid()
            if os.fork() != 0:
                os._exit(0)
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            os.chdir("/")

            def ready() -> None:
                os.write(write_end, b"ok")
                os.close(write_end)

            run(command, idle_minutes, ready)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.write(write_end, f"{exc}".encode()[:500])
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    os.waitpid(pid, 0)
    import select

    deadline = time.monotonic() + timeout
    said = b""
    try:
        while (left := deadline - time.monotonic()) > 0:
            if not select.select([read_end], [], [], left)[0]:
                break
            chunk = os.read(read_end, 500)
            if not chunk:
                break
            said += chunk
    finally:
        os.close(read_end)
    if said != b"ok":
        raise ServerError(said.decode("utf-8", "replace") or "error: the server did not start")
    return path


def spawn() -> None:
    """Start a server in a process of its own and return at once, unless one runs, this
    process is one of a server's commands, or the platform or the cache cannot have one
    (``check --server``: the next command is handed to it)."""
    if _serving or os.environ.get(wire.OFF) or not wire.supported() or wire.socket_path() is None:
        return
    import subprocess

    # The server must import this copy of minlint (its socket is named after it), not
    # whichever ``python -m minlint`` would find from its working directory.
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    run = "import sys; sys.path.insert(0, sys.argv.pop(1)); from minlint.cli import main; main()"
    with contextlib.suppress(OSError):
        subprocess.Popen(
            [sys.executable, "-c", run, here, "server", "run"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd="/",
            start_new_session=True,
        )


def stop() -> bool:
    """Stop the server: whether one was running."""
    return ask("stop") is not None
