"""Configuration: ``[tool.minlint]`` in pyproject.toml or the top level of minlint.toml.

A checked file uses the nearest configuration found by walking up from its directory
(in each directory minlint.toml first, then a pyproject.toml that has a
``[tool.minlint]`` table), unless one is named with ``--config``. Relative paths in a
configuration are relative to the file that holds it.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_NAMES = ("minlint.toml", "pyproject.toml")
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "config.schema.json"


class ConfigError(Exception):
    """A configuration that cannot be used; the message is one line naming the bad key."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: error: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True, slots=True)
class Config:
    """One configuration file's settings (or the defaults when there is none).

    Paths (``records``, ``membership``, ``baseline``) are resolved against the
    configuration's directory and shown relative to the working directory.
    """

    path: str | None = None
    root: str = "."
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()  # globs of files a directory check leaves out
    records: tuple[str, ...] = ()
    membership: str | None = None
    procedural_items: tuple[str, ...] = ()
    standard_wording: tuple[str, ...] = ()
    thresholds: dict[str, float] = field(default_factory=dict, hash=False)
    baseline: str | None = None

    def threshold(self, name: str) -> float:
        """A threshold's configured value, or its default from the schema."""
        if name in self.thresholds:
            return self.thresholds[name]
        return threshold_defaults()[name]

    def table(self) -> str:
        """How the configuration's table is named in messages."""
        return table_prefix(self.path)


DEFAULT = Config()


def table_prefix(path: str | Path | None) -> str:
    """ "[tool.minlint] " for a pyproject.toml, where the settings are one table of many."""
    return "[tool.minlint] " if path and Path(path).name == "pyproject.toml" else ""


@functools.cache
def config_schema() -> dict[str, Any]:
    with open(SCHEMA_PATH, encoding="utf-8") as f:
        return json.load(f)


@functools.cache
def threshold_defaults() -> dict[str, float]:
    props = config_schema()["properties"]["thresholds"]["properties"]
    return {name: spec["default"] for name, spec in props.items()}


def shown_path(path: Path | str) -> str:
    """A path as findings show it: relative to the working directory when under it."""
    p = Path(path)
    if not p.is_absolute():
        return p.as_posix()
    try:
        return p.relative_to(Path.cwd()).as_posix() or "."
    except ValueError:
        return p.as_posix()


def _load_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(shown_path(path), "no such file") from None
    except OSError as exc:
        raise ConfigError(shown_path(path), exc.strerror or str(exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(shown_path(path), f"invalid TOML: {exc}") from None


def _has_table(pyproject: Path) -> bool:
    """True when a pyproject.toml has a ``[tool.minlint]`` table (read cheaply first)."""
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if "minlint" not in text:
        return False
    tool = _load_toml(pyproject).get("tool")
    return isinstance(tool, dict) and "minlint" in tool


@functools.cache
def _find_in(directory: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = directory / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
            return candidate
    parent = directory.parent
    return None if parent == directory else _find_in(parent)


def find_config(checked: str | Path) -> Path | None:
    """The configuration that applies to a checked file, found by walking up."""
    start = Path(checked).absolute()
    return _find_in(start if start.is_dir() else start.parent)


@functools.cache
def load_config(path: Path) -> Config:
    """Read, validate and resolve one configuration file; raise :class:`ConfigError`."""
    from minlint.lint.schema_check import SchemaViolation, check

    shown = shown_path(path)
    data = _load_toml(path)
    is_pyproject = path.name == "pyproject.toml"
    if is_pyproject:
        tool = data.get("tool", {})
        data = tool.get("minlint", {}) if isinstance(tool, dict) else {}
    try:
        check(data, config_schema())
    except SchemaViolation as exc:
        raise ConfigError(shown, f"{table_prefix(path)}{exc}") from None

    root = path.absolute().parent

    def resolved(p: str) -> str:
        return shown_path(os.path.normpath(root / os.path.expanduser(p)))

    return Config(
        path=shown,
        root=shown_path(root),
        select=tuple(data["select"]) if "select" in data else None,
        ignore=tuple(data.get("ignore", ())),
        per_file_ignores=tuple(
            (glob, tuple(codes)) for glob, codes in data.get("per-file-ignores", {}).items()
        ),
        records=tuple(resolved(p) for p in data.get("records", ())),
        exclude=tuple(data.get("exclude", ())),
        membership=resolved(data["membership"]) if "membership" in data else None,
        procedural_items=tuple(data.get("procedural-items", ())),
        standard_wording=tuple(data.get("standard-wording", ())),
        thresholds=dict(data.get("thresholds", {})),
        baseline=resolved(data["baseline"]) if "baseline" in data else None,
    )


def clear_caches() -> None:
    """Forget configurations read so far (a new run may see edited files)."""
    _find_in.cache_clear()
    load_config.cache_clear()


def config_for(checked: str | Path, explicit: str | None = None) -> Config:
    """The configuration of a checked file: ``explicit`` (``--config``) or the nearest one."""
    if explicit is not None:
        return load_config(Path(explicit))
    found = find_config(checked)
    return load_config(found) if found else DEFAULT
