"""The report as one self-contained HTML page (Jinja2, autoescaping every value).

Styles and script are inlined from ``templates/report.css`` and ``report.js``. The page's
content security policy loads nothing and runs only that script (allowed by its hash), so
even text that escaped the escaping could not run; document text is escaped all the same.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2

    from minlint.lint.report.build import Report

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


@functools.cache
def _assets() -> tuple[str, str]:
    """The page's styles (the redline's first, then the report's) and its script."""
    from minlint.lint.diff.html import CSS

    css = CSS + (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    return css, js


@functools.cache
def environment() -> jinja2.Environment:
    """The report's Jinja2 environment; compiled templates are kept in minlint's cache
    directory (when it is on), which saves compiling them in every process."""
    import jinja2

    from minlint.lint.cachedir import cache_dir

    bytecode = None
    directory = cache_dir()
    if directory is not None:
        folder = directory / "templates"
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        if os.access(folder, os.W_OK):  # a read-only cache costs speed, never a page
            bytecode = jinja2.FileSystemBytecodeCache(str(folder))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=bytecode,
    )


def render(report: Report) -> str:
    """The page of a report: deterministic for the same inputs."""
    from markupsafe import Markup

    from minlint import __version__
    from minlint.lint.findings import SEVERITIES
    from minlint.lint.report.build import ICONS

    css, js = _assets()
    redline = None
    if report.diff is not None:
        from minlint.lint.diff.html import render_fragment

        redline = render_fragment(report.diff)
    csp = (
        "default-src 'none'; "
        f"style-src '{_digest(css)}'; script-src '{_digest(js)}'; "
        "base-uri 'none'; form-action 'none'"
    )
    template = environment().get_template("report.html")
    return template.render(
        r=report,
        css=Markup(css),
        js=Markup(js),
        csp=csp,
        redline=redline,
        version=__version__,
        severities=SEVERITIES,
        icons=ICONS,
    )
