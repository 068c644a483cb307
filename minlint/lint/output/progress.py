"""A progress bar on a terminal while many files are checked.

Shown on stderr only when a person is watching: stderr is a terminal, the run is not
in CI, the output is not for a machine (JSON, SARIF, GitHub annotations), the terminal
is not a dumb one, and there are enough files for the run to take a while. It first
shows after half a second, so that a quick run never flickers, and is erased at the end
(nothing of it is left in the scrollback, before the findings are printed).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from typing import TextIO

MACHINE_FORMATS = frozenset({"json", "sarif", "github"})
MIN_FILES = 20
DELAY = 0.5  # seconds before the bar first shows
INTERVAL = 0.1  # seconds between redraws: a fast run must not spend its time drawing
_OFF = {"", "0", "false", "no"}


def wanted(
    stream: TextIO, fmt: str, *, no_progress: bool = False, environ: Mapping[str, str] | None = None
) -> bool:
    """Whether a run printing ``fmt`` shows a progress bar on ``stream``."""
    env = os.environ if environ is None else environ
    if no_progress or fmt in MACHINE_FORMATS:
        return False
    if env.get("CI", "").strip().lower() not in _OFF or env.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no stream, or a closed one
        return False


class ProgressBar:
    """Files done of all and findings so far, redrawn in place on one line."""

    def __init__(
        self,
        stream: TextIO,
        *,
        color: bool = False,
        clock: Callable[[], float] = time.monotonic,
        delay: float | None = None,
    ) -> None:
        self.stream = stream
        self.color = color
        self.clock = clock
        self.delay = DELAY if delay is None else delay
        self._start = clock()
        self._last: float | None = None
        self._width = 0  # of the line drawn, to erase it

    def __call__(self, done: int, total: int, findings: int) -> None:
        if total < MIN_FILES:
            return
        now = self.clock()
        if now - self._start < self.delay:
            return
        if done < total and self._last is not None and now - self._last < INTERVAL:
            return
        self._last = now
        self._draw(done, total, findings)

    def _columns(self) -> int:
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
        return columns or 80  # a terminal that does not say its size

    def _draw(self, done: int, total: int, findings: int) -> None:
        noun = "finding" if findings == 1 else "findings"
        text = f" {done:>{len(str(total))}}/{total} files, {findings} {noun}"
        room = max(0, min(40, self._columns() - len(text) - 3))
        filled = room * done // total
        bar = "#" * filled
        if self.color and bar:
            bar = f"\x1b[36m{bar}\x1b[0m"
        line = f"[{bar}{'.' * (room - filled)}]{text}" if room >= 10 else text.strip()
        visible = len(line) - (len(bar) - filled)
        self.stream.write("\r" + line + " " * max(0, self._width - visible))
        self.stream.flush()
        self._width = visible

    def close(self) -> None:
        """Erase the bar, if it was drawn."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
