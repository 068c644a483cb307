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
