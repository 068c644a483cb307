"""Regular expressions compiled on first use.

Every rule module is imported whenever rules are listed or a check starts, selected or
not; a pattern compiled at import would cost every run. A ``LazyPattern`` is used like
the compiled pattern it stands for and compiles itself the first time it is used.
"""

from __future__ import annotations

import re
from typing import Any

from minlint.lint import regexstore as rx

__all__ = ["LazyPattern"]


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled on first use.

    The compiled pattern's methods are then bound on the instance, so that later calls
    cost no more than calling the compiled pattern.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = rx.compile(self.pattern, self.flags)
            for attr in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split"):
                setattr(self, attr, getattr(self._compiled, attr))
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)
