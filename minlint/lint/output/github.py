"""GitHub Actions workflow commands: one annotation per finding and per bad file."""

from __future__ import annotations

from minlint.lint.engine import CheckResult
from minlint.lint.findings import ERROR, INFO, WARNING

COMMAND = {ERROR: "error", WARNING: "warning", INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, message: str, **props: object) -> str:
    shown = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{kind} {shown}::{escape_data(message)}"


def render(result: CheckResult, color: bool = False) -> str:
    out = []
    for f in result.findings:
        message = f.message + "".join(f"\n{r.path}:{r.line}: {r.message}" for r in f.related)
        props: dict[str, object] = {"file": f.path, "line": f.line, "endLine": f.end_line}
        props["col"] = f.column
        props["title"] = f"{f.code} {f.name}"
        out.append(_command(COMMAND[f.severity], message, **props))
    for e in result.errors:
        out.append(_command("error", e.message, file=e.path, title="minlint"))
    return "".join(line + "\n" for line in out)
