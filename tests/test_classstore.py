"""Dataclass methods kept across runs: classes that behave as ``dataclasses`` makes
them, never a damaged or foreign store, and only minlint's own classes routed."""

from __future__ import annotations

import dataclasses
import marshal
import sys
import types
import zlib
from pathlib import Path

import pytest
from conftest import checked_cold_warm_and_off

from minlint.lint import classstore

pytestmark = pytest.mark.skipif(
    "exec" not in vars(dataclasses), reason="the store is not routed on this Python"
)


def fresh(monkeypatch, directory: Path) -> None:
    """A process with nothing loaded yet, and the store in ``directory``."""
    monkeypatch.setenv("MINLINT_CACHE_DIR", str(directory))
    monkeypatch.setattr(classstore, "_codes", None)
    monkeypatch.setattr(classstore, "_used", set())
    monkeypatch.setattr(classstore, "_added", False)


def make_classes() -> tuple[type, type]:
    """Two classes of the shapes minlint uses, made as if in a minlint module."""
    module = types.ModuleType("minlint.lint.example")
    sys.modules[module.__name__] = module  # dataclasses reads the module's namespace
    namespace = vars(module)
    namespace["dataclass"] = dataclasses.dataclass
    exec(
        "from __future__ import annotations\n"
        "@dataclass(frozen=True, slots=True)\n"
        "class Item:\n"
        "    number: str\n"
        "    title: str = ''\n"
        "    pages: tuple = ()\n"
        "@dataclass(order=True)\n"
        "class Count:\n"
        "    n: int\n"
        "    label: str = 'votes'\n",
        namespace,
    )
    del sys.modules[module.__name__]
    return namespace["Item"], namespace["Count"]


def behaviour(item_class: type, count_class: type) -> tuple:
    a = item_class("3", "Minutes", (1, 2))
    b = item_class("3", "Minutes", (1, 2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.number = "4"
    with pytest.raises(TypeError):
        item_class()
    c, d = count_class(2), count_class(3, "hands")
    return (
        repr(a),
        a == b,
        hash(a) == hash(b),
        a != item_class("4"),
        repr(c),
        c < d,
        sorted([d, c]) == [c, d],
        dataclasses.replace(a, title="Apologies").title,
        [f.name for f in dataclasses.fields(item_class)],
    )


def test_classes_from_the_store_behave_as_dataclasses_makes_them(monkeypatch, tmp_path):
    expected = behaviour(*_plain_classes())
    fresh(monkeypatch, tmp_path)
    first = behaviour(*make_classes())
    assert classstore._added, "the first run compiles and keeps the methods"
    classstore.save()
    assert len(list(tmp_path.glob("classes-*.bin"))) == 1

    fresh(monkeypatch, tmp_path)
    second = behaviour(*make_classes())
    assert not classstore._added, "every method came from the store"
    assert first == second == expected


def _plain_classes() -> tuple[type, type]:
    classstore.uninstall()
    try:
        return make_classes()
    finally:
        classstore.install()


@pytest.mark.parametrize("damage", ["flip", "truncate", "foreign", "not-code", "garbage"])
def test_a_damaged_or_foreign_store_is_compiled_again(monkeypatch, tmp_path, damage):
    fresh(monkeypatch, tmp_path)
    make_classes()
    classstore.save()
    (store,) = tmp_path.glob("classes-*.bin")
    data = bytearray(store.read_bytes())
    header = len(classstore.MAGIC) + 4
    if damage == "flip":
        data[len(data) // 2] ^= 0x20
    elif damage == "truncate":
        data = data[: len(data) * 2 // 3]
    elif damage in ("foreign", "not-code"):  # with a valid checksum
        build, codes = marshal.loads(bytes(data[header:]))
        if damage == "foreign":
            build = "another build"
        else:
            codes = {source: "print('not code')" for source in codes}
        payload = marshal.dumps((build, codes))
        data = bytearray(classstore.MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
    else:
        data = bytearray(b"\x00" * 64)
    store.write_bytes(bytes(data))

    fresh(monkeypatch, tmp_path)
    again = behaviour(*make_classes())
    assert classstore._added, "nothing may be taken from a damaged store"
    assert again == behaviour(*_plain_classes())


def test_classes_of_other_modules_are_not_routed(monkeypatch, tmp_path):
    fresh(monkeypatch, tmp_path)

    @dataclasses.dataclass(frozen=True)
    class Elsewhere:
        x: int

    assert Elsewhere(1) == Elsewhere(1)
    assert not classstore._added and not classstore._used


def test_with_the_cache_off_nothing_is_written(monkeypatch, tmp_path):
    fresh(monkeypatch, tmp_path)
    monkeypatch.setenv("MINLINT_CACHE_DIR", "")
    make_classes()
    classstore.save()
    assert not list(tmp_path.iterdir())


def test_findings_are_the_same_with_the_store_cold_and_warm(tmp_path):
    cache = checked_cold_warm_and_off(tmp_path)
    (store,) = cache.glob("classes-*.bin")
    _, codes = marshal.loads(store.read_bytes()[len(classstore.MAGIC) + 4 :])
    # A code object a method (Python 3.10-3.12) or a class (3.13 builds them together).
    assert len(codes) > 60, "the model's and the rules' methods are kept"
