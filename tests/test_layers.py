"""Layers import downward only: readers -> model -> facts -> rules -> engine -> output ->
cli. Every import is looked at, those inside functions too: a lazy import upward is
still a cycle waiting to happen."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "minlint"

# Each module's layer, by its dotted name's prefix (the longest prefix wins). The fact
# finders of running text (dates, names, sentences, language) sit below the structure:
# reading a meeting's structure means finding dates and names in its text.
LAYERS = {
    "minlint.lint.readers": 1,
    "minlint.lint.xmlsafe": 1,
    "minlint.lint.model": 2,
    "minlint.lint.facts.dates": 2.5,
    "minlint.lint.facts.dateformat": 2.5,
    "minlint.lint.facts.misprints": 2.5,
    "minlint.lint.facts.people": 2.5,
    "minlint.lint.facts.sentences": 2.5,
    "minlint.lint.facts.language": 2.5,
    "minlint.lint.pack": 3,
    "minlint.lint.extract": 3,
    "minlint.lint.parse": 3,
    "minlint.lint.facts": 4,
    "minlint.lint.duplicates": 4,
    "minlint.lint.diff.align": 4,
    "minlint.lint.diff.blocking": 4,
    "minlint.lint.diff.words": 4,
    "minlint.lint.cache": 4,
    "minlint.lint.records": 4,
    "minlint.rules": 5,
    "minlint.lint.registry": 5,
    "minlint.lint.context": 5,
    "minlint.lint.engine": 6,
    "minlint.lint.config": 6,
    "minlint.lint.schema_check": 6,
    "minlint.lint.suppression": 6,
    "minlint.lint.baseline": 6,
    "minlint.lint.selection": 6,
    "minlint.lint.workers": 6,
    "minlint.lint.split": 6,
    "minlint.lint.output": 7,
    "minlint.lint.report": 7,
    "minlint.lint.outline": 7,
    "minlint.lint.diff": 7,
    "minlint.cli": 8,
    "minlint.server": 8,
    "minlint.client": 9,
    "minlint.__main__": 9,
}
NAMES = {
    0: "shared",
    1: "readers",
    2: "model",
    2.5: "text facts",
    3: "structure",
    4: "facts",
    5: "rules",
    6: "engine",
    7: "output",
    8: "cli",
    9: "console script",
}


def layer(module: str) -> int:
    for prefix in sorted(LAYERS, key=len, reverse=True):
        if module == prefix or module.startswith(prefix + "."):
            return LAYERS[prefix]
    return 0  # shared ground: findings, blocks, patterns, the cache's place, the package


def modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out.append((".".join(parts), path))
    return out


def imports(tree: ast.AST) -> list[ast.stmt]:
    """Every import statement, leaving out those under ``if TYPE_CHECKING:`` (they are
    for the type checker and never run)."""
    found: list[ast.stmt] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def test_every_module_has_a_layer_or_is_shared_ground():
    shared = sorted(name for name, _ in modules() if layer(name) == 0)
    assert shared == [
        "minlint",
        "minlint.lint",
        "minlint.lint.blocks",
        "minlint.lint.cachedir",
        "minlint.lint.classstore",
        "minlint.lint.findings",
        "minlint.lint.lazyre",
        "minlint.lint.recordkinds",
        "minlint.lint.regexstore",
        "minlint.wire",
    ]


def test_the_check_finds_an_upward_import():
    tree = ast.parse("import os\nif TYPE_CHECKING:\n    from a import b\ndef f():\n    import c\n")
    assert [ast.unparse(n) for n in imports(tree)] == ["import os", "import c"]
    assert layer("minlint.rules.d001_weekday_mismatch") > layer("minlint.lint.facts.totals")
    assert layer("minlint.lint.facts.dates") < layer("minlint.lint.extract.common")


def test_no_module_imports_a_layer_above_its_own():
    upward = []
    for name, path in modules():
        own = layer(name)
        for node in imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            for target in targets:
                if target.startswith("minlint") and layer(target) > own:
                    upward.append(
                        f"{name} ({NAMES[own]}) imports {target} "
                        f"({NAMES[layer(target)]}), line {node.lineno}"
                    )
    assert upward == []
