"""`minlint report`: the page read with lxml (the browser tests are in test_report_browser).

What the page must hold is checked against ``minlint check --format json`` on the same
inputs and against the meeting model, never against counts written down here.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re

import pytest
from conftest import EXAMPLES, SEEDS, seed
from report_support import (
    EXAMPLE_ARGS,
    EXAMPLE_DRAFT,
    assert_draft_lines,
    assert_findings_on_page,
    by_id,
    check_json,
    hostile_files,
    marked,
    report,
    tree,
)

from minlint.lint.engine import CheckOptions, run_check
from minlint.lint.parse import parse_path


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "example.html"
    code, page = report(out, EXAMPLE_DRAFT, *EXAMPLE_ARGS)
    return code, page, tree(page)


def test_the_example_report_exits_1_and_holds_every_finding_of_check(example):
    code, _, root = example
    assert code == 1
    data = check_json(EXAMPLE_DRAFT, *EXAMPLE_ARGS)
    assert data["violations"]
    assert_findings_on_page(root, data)
    # The index lists them too, each linking to its box.
    rows = root.xpath("//section[@id='findings']//tbody/tr")
    assert [r.xpath("string(.//a/@href)") for r in rows] == [
        f"#F{i}" for i in range(1, len(data["violations"]) + 1)
    ]


def test_the_draft_reads_line_by_line_minute_by_minute(example):
    _, _, root = example
    assert_draft_lines(root, EXAMPLE_DRAFT)
    parsed = parse_path(EXAMPLE_DRAFT)
    minutes = parsed.minutes[0].items
    headings = root.xpath("//section[@id='draft']//section[contains(@class, 'minute')]/h4")
    assert [h.text for h in headings] == [f"Minute {m.number}: {m.title} " for m in minutes]
    for m, h in zip(minutes, headings, strict=True):
        first = h.getparent().xpath(".//div[starts-with(@id, 'L')]")[0]
        assert first.get("id") == f"L{m.line}"


def test_each_finding_marks_its_span(example):
    _, _, root = example
    data = check_json(EXAMPLE_DRAFT, *EXAMPLE_ARGS)
    lines = EXAMPLE_DRAFT.read_text(encoding="utf-8").splitlines()
    result = run_check([str(EXAMPLE_DRAFT)], _options())
    spans = 0
    for i, (v, f) in enumerate(zip(data["violations"], result.findings, strict=True), start=1):
        assert (v["code"], v["line"]) == (f.code, f.line)
        text = lines[f.line - 1]
        if f.end_line == f.line and f.end_column is not None:
            assert marked(root, f"F{i}", f.line) == text[f.column - 1 : f.end_column - 1]
            spans += 1
        gutter = by_id(root, f"L{f.line}")
        assert f"F{i}" in gutter.get("data-f").split()
        assert f"s-{f.severity}" in gutter.get("class") or "s-error" in gutter.get("class")
    assert spans
    assert marked(root, _fid(data, "D001"), 38) == "Thursday 26 June 2024"


def _fid(data: dict, code: str) -> str:
    return next(f"F{i}" for i, v in enumerate(data["violations"], 1) if v["code"] == code)


def _options(**kw) -> CheckOptions:
    return CheckOptions(
        agenda=EXAMPLE_ARGS[1], previous=EXAMPLE_ARGS[3], records=(EXAMPLE_ARGS[5],), **kw
    )


def test_what_was_checked_names_the_records_and_why(example):
    _, _, root = example
    rows = root.xpath("//table[@class='matched']/tbody/tr")
    table = {r.xpath("string(td[1])"): [td.text_content() for td in r.xpath("td")] for r in rows}
    agenda = table["Agenda"]
    assert agenda[1].startswith(EXAMPLE_ARGS[1])
    assert agenda[3] == "11 June 2024"
    # The draft is misdated (D003): the agenda was named, not found by date.
    assert "named with --agenda" in agenda[4] and "18 June 2024" in agenda[4]
    assert table["Previous minutes"][3] == "14 May 2024"
    assert "named with --previous" in table["Previous minutes"][4]
    assert table["Work programme"][1].startswith(str(EXAMPLES / "work_programme_2024-25.txt"))
    assert "same body" in table["Work programme"][4]
    assert "Monitoring schedule" in table and "Membership" in table
    # Each matched record links to its place in the side panel.
    for r in rows:
        href = r.xpath("string(td[2]/a/@href)")
        assert by_id(root, href[1:]).get("class") == "record"


def test_what_was_checked_counts_rules_and_findings(example):
    _, _, root = example
    result = run_check([str(EXAMPLE_DRAFT)], _options(keep_records=True))
    match = result.matched[str(EXAMPLE_DRAFT)]
    text = root.xpath("string(//section[@id='checked'])")
    assert f"{len(match.enabled)} rules enabled, {len(match.ran)} run." in text
    shown = root.xpath("//details[@class='rules']//tbody/tr/td[1]/b/text()")
    assert shown == list(match.ran)
    counts = {
        r.xpath("string(th)"): int(r.xpath("string(td[last()])"))
        for r in root.xpath("//table[@class='counts']/tbody/tr")
    }
    expected: dict[str, int] = {}
    for f in result.findings:
        expected[f.category] = expected.get(f.category, 0) + 1
    assert counts == expected


def test_rules_whose_records_are_missing_are_listed_as_not_run(tmp_path):
    code, page = report(tmp_path / "r.html", EXAMPLE_DRAFT, "--select", "D003,D001")
    root = tree(page)
    text = " ".join(root.xpath("string(//section[@id='checked'])").split())
    assert "2 rules enabled, 1 run." in text
    assert "D003 meeting-date-mismatch: no agenda found" in text
    alignment = root.xpath("string(//section[@id='alignment'])")
    assert "No agenda was found for this meeting" in alignment
    assert code == 1  # D001 still finds its mistake


def test_agenda_alignment_shows_each_status_with_its_findings(example):
    _, _, root = example
    from minlint.lint.facts.alignment import align

    agenda = parse_path(EXAMPLES / "agenda_2024-06-11.txt").agendas[0]
    alignment = align(agenda, parse_path(EXAMPLE_DRAFT).minutes[0])
    rows = root.xpath("//table[@class='align']/tbody/tr")
    assert [r.xpath("string(td[@class='status'])") for r in rows] == [
        k.status for k in alignment.links
    ]
    by_status = {r.xpath("string(td[@class='status'])"): r for r in rows}
    assert set(by_status) >= {"minuted", "missing", "out of order", "not on the agenda", "covered"}
    missing = by_status["missing"]
    assert missing.xpath("string(td[1])").startswith("11. Sub-Group Updates")
    assert missing.xpath(".//a[@class='badge s-error']/text()")[-1].strip() == "G001"
    assert (
        by_status["not on the agenda"]
        .xpath("string(.//a[contains(@class,'badge')])")
        .endswith("G002")
    )
    assert (
        by_status["out of order"].xpath("string(.//a[contains(@class,'badge')])").endswith("G003")
    )
    # Items link to the agenda's lines in the side panel, minutes to the draft's lines.
    for r in rows:
        for href in r.xpath("td[1]/a/@href | td[2]/a/@href"):
            target = by_id(root, href[1:])
            assert target is not None
            assert target.xpath("string(span[@class='n'])") == re.sub(r".*L", "", href)


def test_decisions_list_every_resolution_by_minute(example):
    _, _, root = example
    minutes = parse_path(EXAMPLE_DRAFT).minutes[0].items
    blocks = root.xpath("//ol[@class='decisions']/li")
    assert len(blocks) == len(minutes)
    for m, li in zip(minutes, blocks, strict=True):
        assert li.xpath("string(.//p[@class='mtitle']/a)") == f"Minute {m.number}"
        items = li.xpath(".//ul[@class='checklist']/li")
        assert len(items) == len(m.resolutions)
        for r, item in zip(m.resolutions, items, strict=True):
            assert item.xpath(".//input[@type='checkbox']")
            assert " ".join(r.text.split()) in " ".join(item.text_content().split())
            assert item.xpath("string(a[@class='lines']/@href)") == f"#L{r.line}"
        if not m.resolutions:
            assert li.xpath(".//p[@class='none']")
    text = root.xpath("string(//section[@id='decisions'])")
    assert "(4) That a further report" in text  # R002's part (4), with its badge
    r002 = root.xpath("//ul[@class='checklist']/li[contains(., '(4) That a further')]//a")
    assert [a.text_content().strip() for a in r002][-1].endswith("R002")


def test_related_places_in_records_show_their_own_lines(example):
    _, _, root = example
    records = root.xpath("//aside[@id='records']/section[@class='record']")
    paths = {r.get("data-path") for r in records}
    assert paths == {
        str(EXAMPLES / "agenda_2024-06-11.txt"),
        str(EXAMPLES / "minutes_2024-05-14.txt"),
        str(EXAMPLES / "work_programme_2024-25.txt"),
    }
    # The agenda is shown whole (the alignment links into it); other records in excerpts.
    agenda = next(r for r in records if r.get("data-path").endswith("agenda_2024-06-11.txt"))
    agenda_part = parse_path(EXAMPLES / "agenda_2024-06-11.txt").agendas[0]
    numbers = [int(n) for n in agenda.xpath(".//span[@class='n']/text()")]
    assert set(range(agenda_part.start_line, agenda_part.end_line + 1)) <= set(numbers)
    minutes = next(r for r in records if r.get("data-path").endswith("minutes_2024-05-14.txt"))
    total = len((EXAMPLES / "minutes_2024-05-14.txt").read_text().splitlines())
    assert len(minutes.xpath(".//span[@class='n']")) < total


def test_the_page_is_self_contained_and_runs_only_its_own_script(example):
    _, page, root = example
    scripts = root.xpath("//script")
    assert len(scripts) == 1 and not scripts[0].get("src")
    assert not root.xpath("//link | //img | //iframe | //object | //embed")
    csp = root.xpath("string(//meta[@http-equiv='Content-Security-Policy']/@content)")
    assert "default-src 'none'" in csp
    js = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    css = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    for text, directive in ((js, "script-src"), (css, "style-src")):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp
    assert all(href.startswith("#") for href in root.xpath("//@href"))
    assert not root.xpath("//@src")


def test_without_javascript_every_finding_is_shown(example):
    _, _, root = example
    assert not root.xpath("//*[@hidden]")
    # The controls that need the script are hidden until it runs; findings are not.
    bar = by_id(root, "bar")
    assert "js-only" in bar.get("class")
    assert not root.xpath("//*[contains(@class, 'finding') and contains(@class, 'js-only')]")


def test_hostile_text_is_shown_as_text(tmp_path):
    draft, agenda = hostile_files(tmp_path)
    code, page = report(tmp_path / "h.html", draft, "--agenda", str(agenda))
    assert code == 1
    root = tree(page)
    assert len(root.xpath("//script")) == 1
    assert not root.xpath("//img | //svg | //iframe | //body//body | //textarea")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        assert not [a for a in element.attrib if a.lower().startswith("on")], element.tag
        for attr in ("href", "src", "action"):
            assert not (element.get(attr) or "").strip().lower().startswith("javascript:")
    text = root.text_content()
    assert "<script>window.__pwned = 2</script>" in text
    assert 'onerror="window.__pwned' in text and "(javascript:window.__pwned=" in text
    assert "<svg onload=" in text  # the agenda, in the side panel
    assert_findings_on_page(root, check_json(draft, "--agenda", str(agenda)))
    assert_draft_lines(root, draft)


def test_the_page_is_deterministic_and_names_paths_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    args = (
        "--agenda",
        "examples/agenda_2024-06-11.txt",
        "--previous",
        "examples/minutes_2024-05-14.txt",
        "--records",
        "examples",
    )
    draft = "examples/draft_minutes_2024-06-11.md"
    first = report(tmp_path / "a.html", draft, *args, "--no-cache")[1]
    second = report(tmp_path / "b.html", draft, *args)[1]
    assert first == second
    assert str(EXAMPLES.parent) not in first and str(tmp_path) not in first


def test_against_an_earlier_version_shows_the_redline(tmp_path):
    old = tmp_path / "old.md"
    text = EXAMPLE_DRAFT.read_text(encoding="utf-8")
    assert "Tuesday 18 June 2024" in text and "were expected to reopen" in text
    old.write_text(
        text.replace("Tuesday 18 June 2024", "Tuesday 11 June 2024").replace(
            "were expected to reopen", "would reopen"
        ),
        encoding="utf-8",
    )
    code, page = report(tmp_path / "d.html", EXAMPLE_DRAFT, *EXAMPLE_ARGS, "--against", str(old))
    assert code == 1
    root = tree(page)
    redline = by_id(root, "redline")
    assert redline is not None
    assert redline.xpath(".//del[contains(., '11')]") and redline.xpath(".//ins[contains(., '18')]")
    assert redline.xpath(".//ins[contains(., 'were expected to')]")
    # The findings are the same with or without the comparison.
    assert_findings_on_page(root, check_json(EXAMPLE_DRAFT, *EXAMPLE_ARGS))


def test_a_draft_that_cannot_be_read_is_exit_2_and_no_page(tmp_path):
    out = tmp_path / "r.html"
    result = (
        __import__("click.testing")
        .testing.CliRunner()
        .invoke(
            __import__("minlint.cli").cli.cli,
            ["report", str(tmp_path / "nowhere.md"), "-o", str(out)],
        )
    )
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr.count("\n") == 1 and "nowhere.md" in result.stderr


def test_a_missing_record_or_earlier_version_is_exit_2_with_the_page_written(tmp_path):
    code, page = report(tmp_path / "r.html", EXAMPLE_DRAFT, "--agenda", str(tmp_path / "x.txt"))
    assert code == 2
    assert "x.txt" in tree(page).xpath("string(//div[@class='errors'])")
    code, page = report(tmp_path / "s.html", EXAMPLE_DRAFT, "--against", str(tmp_path / "o.md"))
    assert code == 2 and page and by_id(tree(page), "redline") is None


def test_exit_0_without_findings_and_exit_zero(tmp_path):
    previous = EXAMPLES / "minutes_2024-05-14.txt"
    code, page = report(tmp_path / "r.html", previous, "--select", "D001")
    assert code == 0 and "No findings." in page
    assert report(tmp_path / "s.html", EXAMPLE_DRAFT, *EXAMPLE_ARGS, "--exit-zero")[0] == 0


def test_an_unknown_rule_is_a_usage_error(tmp_path):
    code, page = report(tmp_path / "r.html", EXAMPLE_DRAFT, "--select", "Z999")
    assert (code, page) == (2, "")


def test_records_are_matched_once_and_kept_only_when_asked(monkeypatch):
    from minlint.lint import records as records_module

    calls = []
    original = records_module.RecordPool.match

    def counting(self, path, parsed):
        calls.append(path)
        return original(self, path, parsed)

    monkeypatch.setattr(records_module.RecordPool, "match", counting)
    kept = run_check([str(EXAMPLE_DRAFT)], _options(keep_records=True))
    assert len(calls) == 1
    match = kept.matched[str(EXAMPLE_DRAFT)]
    assert match.records.agenda.path == EXAMPLE_ARGS[1]
    assert match.records.previous.path == EXAMPLE_ARGS[3]
    assert set(match.ran) <= match.enabled
    assert not run_check([str(EXAMPLE_DRAFT)], _options()).matched
    # Asked for, the records are matched even when no selected rule needs them.
    only = run_check([str(EXAMPLE_DRAFT)], _options(select=("D001",), keep_records=True))
    assert only.matched[str(EXAMPLE_DRAFT)].records.agenda is not None


SEED_PREFIXES = ("000", "001", "002", "003", "004")


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_each_seed_with_the_seeds_as_records(prefix, tmp_path):
    draft = seed(prefix)
    code, page = report(tmp_path / "r.html", draft, "--records", str(SEEDS))
    data = check_json(draft, "--records", str(SEEDS))
    assert code == (1 if data["violations"] else 0)
    root = tree(page)
    assert_findings_on_page(root, data)
    assert_draft_lines(root, draft)
    parsed = parse_path(draft)
    decided = sum(len(m.resolutions) for p in parsed.minutes for m in p.items)
    assert len(root.xpath("//ul[@class='checklist']/li")) == decided
    for href in root.xpath("//a/@href"):
        if href.startswith("#"):
            assert by_id(root, href[1:]) is not None, href


def test_control_characters_are_shown_as_pictures(tmp_path):
    draft = tmp_path / "minutes.txt"
    draft.write_text("MINUTES\n\nPage two\x07 and\x01\n", encoding="utf-8")
    code, page = report(tmp_path / "r.html", draft)
    root = tree(page)
    assert root.xpath("string(//div[@id='L3']/span[@class='t'])") == "Page two\u2407 and\u2401"
    assert os.path.exists(tmp_path / "r.html") and code == 0


def test_a_related_place_past_the_end_of_its_file_is_named_without_a_link():
    from dataclasses import replace

    from minlint.lint.findings import Related
    from minlint.lint.report.build import build
    from minlint.lint.report.html import render

    result = run_check([str(EXAMPLE_DRAFT)], _options(keep_records=True))
    first = result.findings[0]
    agenda = EXAMPLE_ARGS[1]
    far = Related(agenda, 10_000, "a place the agenda does not have")
    near = Related(agenda, 4, "the agenda's date")
    result.findings[0] = replace(first, related=(far, near))
    root = tree(render(build(str(EXAMPLE_DRAFT), result, result.matched[str(EXAMPLE_DRAFT)])))
    items = root.xpath("//div[@id='F1']//ul[@class='related']/li")
    assert [li.xpath("string(*[1]/@href)") for li in items] == ["", "#R1L4"]
    assert items[0].xpath("string(span[@class='rel'])") == "agenda_2024-06-11.txt:10000"


def test_word_diffs_in_messages_are_struck_and_underlined(example):
    _, _, root = example
    data = check_json(EXAMPLE_DRAFT, *EXAMPLE_ARGS)
    fid = _fid(data, "P002")
    text = data["violations"][int(fid[1:]) - 1]["message"]
    message = by_id(root, fid).xpath(".//p[@class='msg']")[0]
    assert message.xpath("del/text()") == re.findall(r"\[-(.+?)-\]", text) != []
    assert message.xpath("ins/text()") == re.findall(r"\{\+(.+?)\+\}", text) != []
    assert message.text_content() == text  # the markers stay in the text, hidden
