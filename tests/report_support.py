"""Helpers of the report tests: make a page, read it with lxml, compare it with `check`.

The checks here are shared by the lxml tests and the browser tests: every finding of
``minlint check --format json`` on the same inputs is on the page, with its related
places linked to the right lines of the right files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import lxml.html
from click.testing import CliRunner
from conftest import EXAMPLES

from minlint.cli import cli

EXAMPLE_DRAFT = EXAMPLES / "draft_minutes_2024-06-11.md"
EXAMPLE_ARGS = (
    "--agenda",
    str(EXAMPLES / "agenda_2024-06-11.txt"),
    "--previous",
    str(EXAMPLES / "minutes_2024-05-14.txt"),
    "--records",
    str(EXAMPLES),
)


def report(out: Path, draft: str | Path, *args: str) -> tuple[int, str]:
    """Run ``minlint report``; the exit status and the page ("" when none was written)."""
    result = CliRunner().invoke(cli, ["report", str(draft), *args, "-o", str(out)])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    page = out.read_text(encoding="utf-8") if out.exists() else ""
    return result.exit_code, page


def check_json(draft: str | Path, *args: str) -> dict:
    result = CliRunner().invoke(cli, ["check", str(draft), *args, "--format", "json"])
    return json.loads(result.stdout)


def tree(page: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(page)


def by_id(root: lxml.html.HtmlElement, ident: str) -> lxml.html.HtmlElement | None:
    found = root.xpath("//*[@id=$i]", i=ident)
    return found[0] if found else None


def file_lines(path: str) -> list[str]:
    from minlint.lint.parse import parse_path
    from minlint.lint.report.build import VISIBLE

    return [line.translate(VISIBLE) for line in parse_path(path).document.lines]


def assert_findings_on_page(root: lxml.html.HtmlElement, data: dict) -> None:
    """Each violation of the JSON report is a finding box on the page, in the same order,
    at its line, with its code, severity, message and related places."""
    boxes = root.xpath("//*[contains(concat(' ', @class, ' '), ' finding ')]")
    violations = data["violations"]
    assert len(boxes) == len(violations)
    lines_of: dict[str, list[str]] = {}
    for i, v in enumerate(violations, start=1):
        box = by_id(root, f"F{i}")
        assert box is not None, f"finding {i} ({v['code']}) is not on the page"
        assert box.get("data-code") == v["code"]
        assert box.get("data-severity") == v["severity"]
        assert box.get("data-category") == v["category"]
        assert box.get("data-path") == v["path"]
        assert (int(box.get("data-line")), int(box.get("data-end-line"))) == (
            v["line"],
            v["end_line"],
        )
        assert int(box.get("data-column")) == v["column"]
        assert box.xpath("string(.//p[@class='msg'])") == v["message"]
        assert v["severity"] in box.xpath("string(.//span[contains(@class, 'sev')])")
        line = by_id(root, f"L{v['line']}")
        # Placed after its line, or after the last line of a short span.
        preceding = box.xpath("preceding-sibling::div[contains(@class, 'l')][1]")
        assert line is not None and preceding, v
        assert int(preceding[0].get("id")[1:]) in range(v["line"], v["end_line"] + 1)
        items = box.xpath(".//ul[@class='related']/li")
        assert len(items) == len(v["related"])
        for li, rel in zip(items, v["related"], strict=True):
            link = li.xpath(".//a[@class='rel']")
            assert link, f"related place {rel} of {v['code']} has no link"
            link = link[0]
            assert (link.get("data-path"), int(link.get("data-line"))) == (
                rel["path"],
                rel["line"],
            )
            assert rel["message"] in li.text_content()
            target = by_id(root, link.get("href")[1:])
            assert target is not None, f"{link.get('href')} lands nowhere"
            assert target.xpath("string(./span[@class='n'])") == str(rel["line"])
            if os.path.realpath(rel["path"]) == os.path.realpath(v["path"]):
                assert target.get("id") == f"L{rel['line']}"
            else:
                record = target.xpath("ancestor::section[@class='record']")[0]
                assert os.path.realpath(record.get("data-path")) == os.path.realpath(rel["path"])
                if rel["path"] not in lines_of:
                    lines_of[rel["path"]] = file_lines(rel["path"])
                expected = lines_of[rel["path"]][rel["line"] - 1]
                assert target.xpath("string(./span[@class='t'])") == expected


def assert_draft_lines(root: lxml.html.HtmlElement, draft: str | Path) -> None:
    """Every line of the draft once, in order, as it reads."""
    lines = file_lines(str(draft))
    shown = root.xpath("//section[@id='draft']//div[starts-with(@id, 'L')]")
    assert [d.get("id") for d in shown] == [f"L{n}" for n in range(1, len(lines) + 1)]
    for d, text in zip(shown, lines, strict=True):
        assert d.xpath("string(./span[@class='t'])") == text


def marked(root: lxml.html.HtmlElement, fid: str, line: int) -> str:
    """The text of line ``line`` marked for finding ``fid``."""
    return "".join(
        m.text_content()
        for m in root.xpath(f"//div[@id='L{line}']//mark")
        if fid in m.get("data-f").split()
    )


# Hostile documents: markup, event handlers and script links in the text of a draft and
# of its agenda. A page that runs any of them sets ``window.__pwned``.
HOSTILE_AGENDA = """\
HOSTILE TEST COMMITTEE <script>window.__pwned = "agenda title"</script>

Date and Time :- Tuesday, 11 June 2024 at 5.30 p.m.
Venue:- Room 1 <img src=x onerror="window.__pwned = 'agenda venue'">

Membership:- Councillors Abbott (Chair), Booth, Crane <svg onload="window.__pwned = 1"> (3)

AGENDA

1. Apologies for Absence

2. Declarations of Interest

3. Library Opening Hours <a href="javascript:window.__pwned = 'agenda link'">report</a>

4. Urgent Business
"""

HOSTILE_DRAFT = """\
# HOSTILE TEST COMMITTEE <script>window.__pwned = "draft heading"</script>

Minutes of the meeting held on Thursday 11 June 2024 at 5.30 p.m.

Present:- Councillor Abbott (in the Chair); Councillors Booth and Crane.

**1. DECLARATIONS OF INTEREST <img src=x onerror="window.__pwned = 'minute title'">**

There were no declarations of interest.

**2. LIBRARY OPENING HOURS </title></style></textarea><script>window.__pwned = 2</script>**

The report ([full text](javascript:window.__pwned='markdown link')) was presented by the
<a href="javascript:window.__pwned = 'html link'" onclick="window.__pwned = 'click'">Head of
Libraries</a> on Thursday 26 June 2024<script>window.__pwned = 'after a finding'</script>.

Resolved:- That the report be noted <iframe src="javascript:window.__pwned = 'frame'"></iframe>.

**4. URGENT BUSINESS <body onload="window.__pwned = 'body'">**

There was no urgent business. "><script>window.__pwned='attribute'</script>
"""


def hostile_files(folder: Path) -> tuple[Path, Path]:
    """A hostile draft and its hostile agenda, written in ``folder``."""
    draft = folder / "hostile_draft.md"
    agenda = folder / "hostile_agenda.txt"
    draft.write_text(HOSTILE_DRAFT, encoding="utf-8")
    agenda.write_text(HOSTILE_AGENDA, encoding="utf-8")
    return draft, agenda
