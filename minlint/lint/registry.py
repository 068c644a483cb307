"""The registry of rules: the shipped rule modules and third-party plugins.

A shipped rule is a module ``minlint/rules/<code>_<name>.py`` (for example
``d001_weekday_mismatch.py``) that defines one rule with :func:`rule`; its docstring is
the rule's explanation. Third-party rules come from the ``minlint.rules`` entry-point
group: an entry point names a :class:`Rule`, a list of rules, or a module holding rules.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING

from minlint.lint import regexstore as rx
from minlint.lint.findings import CATEGORIES, SEVERITIES
from minlint.lint.recordkinds import RECORD_KINDS

if TYPE_CHECKING:
    from minlint.lint.context import RuleContext
    from minlint.lint.findings import Finding

ENTRY_POINT_GROUP = "minlint.rules"
CODE_RE = rx.compile(r"^[A-Z]{1,3}[0-9]{3}$")
NAME_RE = rx.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_MODULE_RE = rx.compile(r"^[a-z]{1,3}[0-9]{3}_\w+$")

CheckFunction = Callable[["RuleContext"], Iterable["Finding"]]


class RegistryError(Exception):
    """A rule that cannot be registered: a bad declaration, a clash, a broken plugin."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: its identity, what it needs, and the function that checks."""

    code: str
    name: str
    category: str
    severity: str
    summary: str
    check: CheckFunction = field(repr=False, compare=False)
    needs: frozenset[str] = frozenset()
    origin: str = "minlint"
    uses: frozenset[str] = frozenset()
    doc: str = field(default="", repr=False, compare=False)  # the explanation, when listed

    @property
    def explanation(self) -> str:
        """What the rule checks, why it matters and an example: the module's docstring."""
        if self.doc:
            return self.doc
        module = sys.modules.get(self.check.__module__)
        if not (module and module.__doc__):
            return self.summary
        import inspect

        doc = inspect.cleandoc(module.__doc__)
        return doc or self.summary


def rule(
    *,
    code: str,
    name: str,
    category: str,
    summary: str,
    severity: str = "error",
    needs: Iterable[str] = (),
    uses: Iterable[str] = (),
) -> Callable[[CheckFunction], Rule]:
    """Declare a rule: decorate its check function, which yields findings.

    ``needs`` lists the records the rule compares the draft with (``"agenda"``,
    ``"previous"``, ``"work_programme"``, ``"monitoring_schedule"``, ``"membership"``);
    the engine runs the rule only when all of them were found. ``uses`` lists records the
    rule compares with when they are found and does without otherwise.
    """
    needs = frozenset(needs)
    uses = frozenset(uses) - needs
    problems = []
    if not CODE_RE.match(code):
        problems.append(f"code {code!r} is not a letter prefix and three digits")
    if not NAME_RE.match(name):
        problems.append(f"name {name!r} is not kebab-case")
    if category not in CATEGORIES:
        problems.append(f"category {category!r} is not one of {', '.join(CATEGORIES)}")
    if severity not in SEVERITIES:
        problems.append(f"severity {severity!r} is not one of {', '.join(SEVERITIES)}")
    if not (needs | uses) <= set(RECORD_KINDS):
        unknown = ", ".join(sorted((needs | uses) - set(RECORD_KINDS)))
        problems.append(f"needs unknown records: {unknown}")
    if problems:
        raise RegistryError(f"rule {code}: " + "; ".join(problems))

    def decorate(check: CheckFunction) -> Rule:
        return Rule(
            code=code,
            name=name,
            category=category,
            severity=severity,
            summary=summary,
            check=check,
            needs=needs,
            origin=check.__module__,
            uses=uses,
        )

    return decorate


class Registry:
    """Rules by code and by name, in code order."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: tuple[Rule, ...] = tuple(sorted(rules, key=lambda r: r.code))
        self._by_key: dict[str, Rule] = {}
        for r in self.rules:
            for key in (r.code, r.name):
                other = self._by_key.get(key)
                if other is not None:
                    raise RegistryError(
                        f"{key} is declared twice: by {other.origin} and by {r.origin}"
                    )
                self._by_key[key] = r

    def get(self, key: str) -> Rule | None:
        """The rule with this code or name (codes are matched case-insensitively)."""
        return self._by_key.get(key) or self._by_key.get(key.upper())

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


def _rules_in(module: ModuleType) -> list[Rule]:
    return [v for v in vars(module).values() if isinstance(v, Rule)]


def builtin_rules() -> list[Rule]:
    """The rules shipped in ``minlint.rules``, one module per rule (subpackages allowed)."""
    import importlib

    import minlint.rules as package

    found: list[Rule] = []

    def walk(directory: str, prefix: str) -> None:
        for entry in sorted(os.scandir(directory), key=lambda e: e.name):
            stem = entry.name.removesuffix(".py")
            if entry.is_dir() and os.path.exists(os.path.join(entry.path, "__init__.py")):
                walk(entry.path, f"{prefix}{entry.name}.")
            elif entry.name.endswith(".py") and _MODULE_RE.match(stem):
                found.extend(_rules_in(importlib.import_module(prefix + stem)))

    for directory in package.__path__:
        walk(directory, "minlint.rules.")
    return found


def _plugins_installed() -> bool:
    """Cheaply tell whether any installed distribution declares ``minlint.rules``.

    Importing :mod:`importlib.metadata` costs more than the rest of a typical check, so
    the distributions' ``entry_points.txt`` files are looked at first.
    """
    marker = f"[{ENTRY_POINT_GROUP}]"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(entry, name, "entry_points.txt"), encoding="utf-8") as f:
                        if marker in f.read():
                            return True
                except OSError:
                    continue
    return False


def plugin_rules() -> list[Rule]:
    """Rules of installed third-party packages (entry-point group ``minlint.rules``)."""
    if not _plugins_installed():
        return []
    from importlib.metadata import entry_points

    found: list[Rule] = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name, e.value)):
        try:
            loaded = ep.load()
        except Exception as exc:
            raise RegistryError(
                f"rule plugin {ep.name!r} ({ep.value}) failed to load: {exc}"
            ) from None
        if isinstance(loaded, Rule):
            found.append(loaded)
        elif isinstance(loaded, ModuleType):
            found.extend(_rules_in(loaded))
        elif isinstance(loaded, (list, tuple)) and all(isinstance(r, Rule) for r in loaded):
            found.extend(loaded)
        else:
            raise RegistryError(
                f"rule plugin {ep.name!r} ({ep.value}) is not a rule, a list of rules or a module"
            )
    return found


@functools.cache
def load_registry() -> Registry:
    """All rules, shipped and third-party, loaded once per process."""
    return Registry([*builtin_rules(), *plugin_rules()])


# --- the catalogue, for listing ------------------------------------------------------------

_CATALOGUE_MAGIC = b"minlint-rules\n"  # then the payload's CRC-32, then the payload


def listed_registry() -> Registry:
    """The rules as ``minlint rules`` and ``minlint rule`` show them. The shipped rules'
    declarations and explanations are kept in the cache directory while the rule modules
    are unchanged (by size and time), so that listing them does not import every rule
    and all it reads; a check uses :func:`load_registry`."""
    return Registry([*_listed_builtin_rules(), *plugin_rules()])


def _rule_files() -> str:
    """minlint's version and the size and time of every shipped rule module."""
    import minlint.rules as package
    from minlint import __version__

    stamps = [__version__]

    def walk(directory: str, prefix: str) -> None:
        for entry in sorted(os.scandir(directory), key=lambda e: e.name):
            if entry.is_dir() and not entry.name.startswith("__"):
                walk(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".py"):
                st = entry.stat()
                stamps.append(f"{prefix}{entry.name}:{st.st_size}:{st.st_mtime_ns}")

    for directory in package.__path__:
        walk(directory, "")
    return "\n".join(stamps)


def _listed_builtin_rules() -> list[Rule]:
    import marshal

    from minlint.lint.cachedir import read_blob, write_blob

    stamp = _rule_files()
    name = "rules.bin"  # one file, rewritten when the rules change
    payload = read_blob(name, _CATALOGUE_MAGIC)
    try:
        saved, rows = marshal.loads(payload) if payload else (None, ())
        if saved == stamp:
            return [_listed(row) for row in rows]
    except Exception:  # a catalogue of another shape: read the modules again
        pass
    rules = builtin_rules()
    rows = [
        (r.code, r.name, r.category, r.severity, r.summary, tuple(sorted(r.needs)), r.origin,
         tuple(sorted(r.uses)), r.explanation)
        for r in rules
    ]  # fmt: skip
    write_blob(name, _CATALOGUE_MAGIC, marshal.dumps((stamp, rows)))
    return rules


def _listed(row: tuple) -> Rule:
    code, name, category, severity, summary, needs, origin, uses, doc = row
    check = _Deferred(origin, code)
    needs, uses = frozenset(needs), frozenset(uses)
    return Rule(code, name, category, severity, summary, check, needs, origin, uses, doc)


class _Deferred:
    """A listed rule's check, its module imported when it is first called."""

    def __init__(self, module: str, code: str) -> None:
        self.__module__ = module
        self.code = code

    def __call__(self, ctx: RuleContext) -> Iterable[Finding]:
        import importlib

        module = importlib.import_module(self.__module__)
        return next(r for r in _rules_in(module) if r.code == self.code).check(ctx)
