"""``minlint diff --format html``: a self-contained redline page, and its reusable pieces.

Deletions are struck through (``<del>``) and insertions underlined (``<ins>``), minute
by minute. Every piece of document text is escaped: the templates autoescape, and
:func:`redline` escapes each run itself. The page has its styles inline, no scripts and
a content security policy that forbids loading anything, so it opens offline and a
hostile document cannot make it fetch or run anything.

For other pages (``minlint report``): :func:`redline` turns word-diff runs into an HTML
fragment, :func:`change_html` one change, :func:`render_fragment` a whole diff without
the page around it, :data:`CSS` their styles, and :func:`environment` the Jinja2
environment with these registered as filters and globals.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from minlint.lint.diff.align import Change, DocumentDiff, ItemDiff
from minlint.lint.diff.words import DELETE, EQUAL, INSERT, WordOp, shown

if TYPE_CHECKING:
    import jinja2
    from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"

CSS = """\
body { font-family: Georgia, 'Times New Roman', serif; line-height: 1.5; margin: 0 auto;
  max-width: 60rem; padding: 1rem 1.5rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.4rem; margin-bottom: .2rem; }
.minlint-page-head p { font-family: ui-monospace, monospace; font-size: .85rem; }
.minlint-diff h2 { font-size: 1.05rem; margin: 0 0 .4rem; }
.minlint-summary { font-weight: bold; }
.minlint-item { border-left: 4px solid #8a8a8a; margin: 1rem 0; padding: .3rem .8rem; }
.minlint-changed { border-color: #b8860b; }
.minlint-added { border-color: #1a7f37; background: #f3fbf4; }
.minlint-removed { border-color: #b42318; background: #fdf3f2; }
.minlint-moved, .minlint-renumbered { border-color: #3457a6; }
.minlint-badge { font: bold .75rem ui-monospace, monospace; text-transform: uppercase;
  border: 1px solid currentColor; border-radius: 3px; padding: 0 .3rem; margin-right: .3rem; }
.minlint-unchanged { color: #6b6b6b; font-size: .85rem; margin: .2rem 0 .2rem 1rem; }
.minlint-change { margin: .5rem 0; }
.minlint-where { font: .75rem ui-monospace, monospace; color: #555; }
.minlint-change p { margin: .1rem 0; white-space: pre-wrap; }
.minlint-field { font-weight: bold; margin-right: .3rem; }
del { color: #b42318; background: #fde2df; text-decoration: line-through; }
ins { color: #1a7f37; background: #dcf5e1; text-decoration: underline; }
"""


def redline(ops: Sequence[WordOp]) -> Markup:
    """Word-diff runs as HTML: deleted words in ``<del>``, inserted in ``<ins>``."""
    from markupsafe import Markup, escape

    out: list[str] = []
    for op in ops:
        out.append(str(escape(op.space)))
        if op.op == EQUAL:
            out.append(str(escape(shown(op.new_text))))
            continue
        if op.old_text:
            out.append(f"<del>{escape(shown(op.old_text))}</del>")
        if op.new_text:
            out.append(f"<ins>{escape(shown(op.new_text))}</ins>")
    return Markup("".join(out))


def change_html(change: Change) -> Markup:
    """One change as an HTML fragment: a struck, underlined or redlined paragraph."""
    from markupsafe import Markup, escape

    if change.words:
        body = redline(change.words)
    elif change.op == DELETE:
        body = Markup(f"<del>{escape(change.old_text)}</del>")
    elif change.op == INSERT:
        body = Markup(f"<ins>{escape(change.new_text)}</ins>")
    else:
        body = Markup(f"<del>{escape(change.old_text)}</del> <ins>{escape(change.new_text)}</ins>")
    if change.field is not None:
        label = change.field.replace("_", " ")
        body = Markup(f'<span class="minlint-field">{escape(label)}:</span>') + body
    return body


def _where(change: Change) -> str:
    old = "-" if change.old_line is None else change.old_line
    new = "-" if change.new_line is None else change.new_line
    return f"OLD:{old} NEW:{new}"


def change_block(change: Change) -> Markup:
    from markupsafe import Markup, escape

    return Markup(
        f'<div class="minlint-change minlint-{escape(change.op)}">'
        f'<div class="minlint-where">{escape(_where(change))}</div>'
        f"<p>{change_html(change)}</p></div>"
    )


def heading(item: ItemDiff) -> str:
    from minlint.lint.diff.text import item_heading

    return item_heading(item).replace(f" ({item.status})", "")


@functools.cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the diff templates, autoescaping everything."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(redline=redline, change_html=change_html)
    env.globals.update(change_block=change_block, heading=heading, css=CSS)
    return env


def render_fragment(diff: DocumentDiff) -> Markup:
    """The diff as an HTML fragment (a ``div``) to place in another page."""
    from markupsafe import Markup

    from minlint.lint.diff.text import summary_line

    template = environment().get_template("diff_fragment.html")
    summary = "The documents say the same." if diff.same else summary_line(diff)
    return Markup(template.render(diff=diff, summary=summary))


def render(diff: DocumentDiff, title: str | None = None) -> str:
    """A whole page: the fragment with its styles, self-contained."""
    from markupsafe import Markup

    from minlint import __version__

    template = environment().get_template("diff_page.html")
    return template.render(
        diff=diff,
        title=title or "minlint diff",
        css=Markup(CSS),
        fragment=render_fragment(diff),
        version=__version__,
    )
