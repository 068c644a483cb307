"""Check a configuration against ``schemas/config.schema.json`` without jsonschema.

Importing jsonschema takes longer than checking a draft, and a pre-commit hook runs on
every commit, so the configuration is checked here against the same schema file, which
uses only the keywords below. The tests compare the verdicts with jsonschema's.
"""

from __future__ import annotations

import json
from typing import Any

SUPPORTED_KEYWORDS = frozenset(
    {
        "$schema",
        "$id",
        "title",
        "description",
        "default",
        "type",
        "properties",
        "additionalProperties",
        "items",
        "minimum",
        "maximum",
        "minLength",
    }
)


class SchemaViolation(Exception):
    """The first place where a value breaks the schema: ``key`` (dotted) and a message."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}" if key else message)
        self.key = key
        self.message = message


def _is_type(value: Any, kind: str) -> bool:
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        if isinstance(value, float):
            return value.is_integer()
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    raise ValueError(f"unsupported schema type {kind!r}")


def describe(schema: dict[str, Any], plural: bool = False) -> str:
    """What a schema expects, in words: "an array of strings", "a number from 0 to 1"."""
    kind = schema.get("type")
    lo, hi = schema.get("minimum"), schema.get("maximum")
    if kind == "array":
        inner = describe(schema.get("items", {}), plural=True)
        return "arrays of " + inner if plural else "an array of " + inner
    noun = {
        "object": ("a table", "tables"),
        "string": ("a string", "strings"),
        "number": ("a number", "numbers"),
        "integer": ("a whole number", "whole numbers"),
        "boolean": ("true or false", "true or false"),
    }.get(kind or "", ("a value", "values"))[plural]
    if schema.get("minLength") and kind == "string":
        noun = "non-empty " + noun if plural else "a non-empty string"
    if lo is not None and hi is not None:
        return f"{noun} from {lo} to {hi}"
    if lo is not None:
        return f"{noun} of at least {lo}"
    if hi is not None:
        return f"{noun} of at most {hi}"
    return noun


def _shown(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def check(value: Any, schema: dict[str, Any], key: str = "") -> None:
    """Raise :class:`SchemaViolation` at the first place ``value`` breaks ``schema``."""
    kind = schema.get("type")
    if kind is not None and not _is_type(value, kind):
        raise SchemaViolation(key, f"expected {describe(schema)}, got {_shown(value)}")
    too_low = "minimum" in schema and value < schema["minimum"]
    too_high = "maximum" in schema and value > schema["maximum"]
    short = "minLength" in schema and len(value) < schema["minLength"]
    if too_low or too_high or short:
        raise SchemaViolation(key, f"expected {describe(schema)}, got {_shown(value)}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            check(item, schema["items"], f"{key}[{i}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for name, item in value.items():
            if name in properties:
                check(item, properties[name], _join(key, name))
            elif extra is False:
                raise SchemaViolation(_join(key, name), _unknown_key(name, sorted(properties)))
            elif isinstance(extra, dict):
                check(item, extra, _join(key, name))


def _unknown_key(name: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown key (expected one of: {', '.join(known)}){hint}"
