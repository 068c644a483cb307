"""The fuzz campaign's inputs (bench/fuzz_inputs.py) are the same on every run: a
resumed campaign, and a saved input's number, mean the same bytes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import REPO
from docgen import docx_members, simple_pdf, zip_bytes

sys.path.insert(0, str(REPO / "bench"))

from fuzz_inputs import Base, make_input, write_zip, zip_members


def bases(tmp_path: Path) -> list[Base]:
    text = "MINUTES OF THE MEETING HELD ON 11 JUNE 2024\n\n19. DECLARATIONS OF INTEREST\n"
    pdf = simple_pdf(tmp_path / "p.pdf", [[(56, 800, 10, "20. MINUTES")]]).read_bytes()
    docx = zip_bytes(docx_members("21. WORK PROGRAMME"))
    records = str(tmp_path)
    return [
        Base("a.txt", ".txt", text.encode(), records),
        Base("b.md", ".md", ("# " + text).encode(), records),
        Base("c.html", ".html", f"<h1>{text}</h1>".encode(), records),
        Base("d.docx", ".docx", docx, records),
        Base("e.pdf", ".pdf", pdf, records),
    ]


def test_input_n_is_the_same_every_time(tmp_path: Path):
    found = bases(tmp_path)
    first = [make_input(found, 7, i) for i in range(300)]
    again = [make_input(found, 7, i) for i in range(300)]
    assert [(i.data, i.suffix, i.mode, i.recipe) for i in first] == [
        (i.data, i.suffix, i.mode, i.recipe) for i in again
    ]
    assert len({i.data for i in first}) > 250  # and the inputs differ from each other
    assert {i.base.suffix for i in first} == {".txt", ".md", ".html", ".docx", ".pdf"}
    other_seed = [make_input(found, 8, i).data for i in range(300)]
    assert other_seed != [i.data for i in first]


def test_an_archive_written_member_by_member_reads_back(tmp_path: Path):
    data = zip_bytes(docx_members("19. MINUTES"))
    members = zip_members(data)
    assert members is not None
    assert zip_members(write_zip(members)) == members


class _Copies:
    """A random source that damages by copying elements, as many times as it may."""

    def __init__(self) -> None:
        import random

        self.real = random.Random(3)

    def randrange(self, n: int) -> int:
        return 5 if n == 10 else self.real.randrange(n)

    def choice(self, seq):
        return max(seq) if all(isinstance(x, int) for x in seq) else self.real.choice(seq)

    def sample(self, seq, k: int):
        # the deepest element first: the copy that would not fit in memory
        return sorted(seq, key=lambda e: -sum(1 for _ in e.iter()))[:k]


def test_copying_elements_of_a_deeply_nested_part_stays_within_its_budget():
    from fuzz_inputs import COPY_BUDGET, xml_damage
    from lxml import etree

    depth = 1000  # copied 50 times over 20 elements: a million elements unbounded
    content = (
        b'<w:document xmlns:w="urn:w"><w:body>'
        + b"<w:sdt>" * depth
        + b"<w:p/>"
        + b"</w:sdt>" * depth
        + b"</w:body></w:document>"
    )
    damaged, label = xml_damage(_Copies(), content, None)
    assert label == "copied-elements"
    root = etree.fromstring(damaged, parser=etree.XMLParser(huge_tree=True))
    elements = sum(1 for _ in root.iter())
    assert depth + 3 < elements <= depth + 3 + COPY_BUDGET


def test_copying_an_element_with_a_huge_attribute_stays_within_its_budget():
    """A 10 MB attribute copied fifty times was half a gigabyte to write out, over the
    worker's memory: characters count towards the budget as elements do."""
    from fuzz_inputs import CHARACTERS_PER_ELEMENT, COPY_BUDGET, xml_damage
    from lxml import etree

    size = 10_000_001
    content = (
        b'<w:document xmlns:w="urn:w"><w:body><w:p><w:pPr><w:pStyle w:val="'
        + b"A" * size
        + b'"/></w:pPr></w:p><w:p/></w:body></w:document>'
    )
    damaged, label = xml_damage(_Copies(), content, None)
    assert label == "copied-elements"
    root = etree.fromstring(damaged, parser=etree.XMLParser(huge_tree=True))
    characters = sum(sum(map(len, e.attrib.values())) for e in root.iter())
    assert size <= characters <= size + COPY_BUDGET * CHARACTERS_PER_ELEMENT


def test_a_word_file_s_cpu_budget_counts_its_parts_unzipped(tmp_path):
    """A 100 KB Word file of copied paragraphs holds megabytes of text: its budget is
    that of the text minlint reads, or reading it in linear time would count as a hang."""
    import zipfile

    from fuzz import expanded_size

    docx = tmp_path / "copied.docx"
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:p>19. MINUTES</w:p>" * 100_000)
    assert docx.stat().st_size < 100_000
    assert expanded_size(docx) == 2_200_000
    text = tmp_path / "minutes.txt"
    text.write_bytes(b"PK\x03\x04 not a zip at all")
    assert expanded_size(text) == text.stat().st_size


@pytest.fixture
def harness_patches(monkeypatch):
    """The harness's Target wraps minlint's readers, parser, registry and cache in the
    process: they are put back after the test."""
    from minlint.lint import cache, engine, parse, readers

    for module, name in [
        (readers, "read_document"),
        (parse, "parse_document"),
        (engine, "load_registry"),
        (cache, "store"),
        (cache, "store_index"),
    ]:
        monkeypatch.setattr(module, name, getattr(module, name))
    return monkeypatch


def test_a_text_s_cpu_budget_counts_its_lines(tmp_path, harness_patches):
    """A text of 240,000 lines "1." is 0.72 MB, checked in linear time at 75 us a line:
    its budget grows with its lines, whatever their length or encoding."""
    from fuzz import Target, text_lines

    for encoding, ends in [("utf-8", "\n"), ("utf-16", "\r\n"), ("cp1252", "\r")]:
        path = tmp_path / f"lines-{encoding}.txt"
        path.write_bytes(("1." + ends).join(["x"] * 1001).encode(encoding))
        assert text_lines(path) == 1000
    docx = tmp_path / "lines.docx"
    docx.write_bytes(zip_bytes([{"name": "word/document.xml", "data": b"\n" * 5000}]))
    assert text_lines(docx) == 0
    target = Target(tmp_path / "work", 5.0, 8.0, 0.1)
    assert target.budget(1_000_000, 240_000) == 5.0 + 8.0 + 24.0


def test_a_text_s_cpu_budget_counts_its_figures(tmp_path, harness_patches):
    """A paragraph of nothing but "(1) " is checked in linear time at about 50 us a
    figure, four bytes each: its budget grows with its figures."""
    from fuzz import Target, text_figures

    path = tmp_path / "figures.html"
    path.write_text("<p>On 11 March 2020: " + "(1) " * 1000 + "and (12)</p>")
    assert text_figures(path) == 1000 + 3  # and "11", "2020", "12"
    docx = tmp_path / "figures.docx"
    docx.write_bytes(zip_bytes([{"name": "word/document.xml", "data": b"(1) " * 5000}]))
    assert text_figures(docx) == 0
    target = Target(tmp_path / "work", 5.0, 8.0, 0.1, 0.05)
    assert target.budget(1_600_000, 1, 400_000) == pytest.approx(5.0 + 12.8 + 0.0001 + 20.0)


def test_later_inputs_of_a_known_group_are_kept_by_number(capsys):
    """A group's first input is saved; the numbers of the next twenty are kept, so that
    one coming after the group's fix can be rebuilt and run again."""
    from types import SimpleNamespace

    from fuzz import LATER_KEPT, Campaign

    key = "crash check - -"
    state = {
        "ran": 0,
        "statuses": {},
        "suffixes": {},
        "cpu_max": 0.0,
        "done_above": [],
        "next": 0,
        "groups": {key: {"count": 1}},
    }
    campaign = SimpleNamespace(state=state)
    for index in range(LATER_KEPT + 5):
        Campaign._record(campaign, index, {"status": "crash", "key": key, "suffix": ".md"})
    group = state["groups"][key]
    assert group["count"] == LATER_KEPT + 6
    assert group["later"] == list(range(LATER_KEPT))
    assert capsys.readouterr().out.count("again: crash check - -") == LATER_KEPT


def test_a_rule_failing_while_its_findings_are_read_is_grouped_where_it_failed(
    tmp_path, harness_patches
):
    """Rules are generators: one that fails does so while the engine reads its findings,
    after the call the harness watches. Its group names the rule, the exception and the
    line, not only "crash check"."""
    import dataclasses

    from minlint.lint import registry

    def broken(ctx):
        yield from ()
        raise IndexError("list index out of range")

    real = registry.load_registry()
    rules = [dataclasses.replace(r, check=broken) if r.code == "A004" else r for r in real]
    harness_patches.setattr(registry, "load_registry", lambda: registry.Registry(rules))
    from fuzz import Target

    target = Target(tmp_path / "work", 30.0)
    draft = tmp_path / "minutes.txt"
    draft.write_text("MINUTES OF THE MEETING HELD ON 9 JUNE 2025\n\n1. FINANCE\n\nNoted.\n")
    result = target.run_file(draft, "draft", str(tmp_path))
    assert result["status"] == "crash"
    assert result["key"].startswith("crash rule A004 IndexError ")
    assert "list index out of range" in result["traceback"]


@pytest.mark.parametrize("stage", ["diff", "report"])
def test_one_draft_in_some_also_goes_through_diff_and_report(tmp_path, harness_patches, stage):
    """Drafts of every ``views_every``-th input are also compared with the document they
    were made from and rendered as a report against it; a failure there is grouped by
    the command it happened in."""
    from fuzz import Target, with_views

    from minlint.lint.diff import align
    from minlint.lint.report import build

    found = bases(tmp_path)
    drafts = [i for i in (make_input(found, 7, n) for n in range(60)) if i.mode == "draft"]
    chosen = [i for i in drafts if with_views(i, 4)]
    assert chosen and all(i.index % 4 == 0 for i in chosen)
    target = Target(tmp_path / "work", 30.0, views_every=4)
    assert target.against(chosen[0]).read_bytes() == chosen[0].base.data
    assert target.against(next(i for i in drafts if i.index % 4)) is None

    draft = tmp_path / "minutes.txt"
    draft.write_text("MINUTES OF THE MEETING HELD ON 9 JUNE 2025\n\n1. FINANCE\n\nNoted.\n")
    earlier = tmp_path / "earlier.txt"
    earlier.write_text("MINUTES OF THE MEETING HELD ON 9 JUNE 2025\n\n1. FINANCE\n\nAgreed.\n")
    assert target.run_file(draft, "draft", str(tmp_path), None, earlier)["status"] == "ok"

    def broken(*args, **kwargs):
        raise KeyError("no such minute")

    module, name = (align, "diff_parsed") if stage == "diff" else (build, "build")
    harness_patches.setattr(module, name, broken)
    assert target.run_file(draft, "draft", str(tmp_path))["status"] == "ok"  # no views
    result = target.run_file(draft, "draft", str(tmp_path), None, earlier)
    assert result["status"] == "crash"
    assert result["key"].startswith(f"crash {stage} KeyError ")


def test_a_worker_kept_from_running_is_given_time_and_a_stuck_one_is_not():
    """Past its wall time a worker is killed as a hang, unless it used under half that
    time in CPU: then the machine was busy with other work (a nice 19 worker gets little
    of it), up to four times the limit."""
    import os
    import time
    from types import SimpleNamespace

    from fuzz import process_cpu, starved

    me = SimpleNamespace(pid=os.getpid())
    now = time.monotonic()
    cpu = process_cpu(me.pid)
    assert cpu is not None and cpu > 0
    idle = {"proc": me, "since": now - 100, "cpu": cpu}
    busy = {"proc": me, "since": now - 100, "cpu": cpu - 90}
    assert starved(idle, now, 60.0)
    assert not starved(busy, now, 60.0)
    assert not starved({**idle, "since": now - 241}, now, 60.0)


@pytest.mark.parametrize(
    ("message", "key"),
    [
        ("not checked: UnicodeEncodeError: 'utf-8' codec", "crash engine UnicodeEncodeError -"),
        (
            "rule T001 (sum-mismatch) failed: ZeroDivisionError: x",
            "crash rule T001 ZeroDivisionError -",
        ),
        ("internal error while reading: KeyError: 'w:t'", "crash read KeyError -"),
    ],
)
def test_a_failure_known_only_by_its_error_entry_is_grouped_by_stage_and_exception(message, key):
    """A failure caught where it happened (the engine, a reader) reaches the harness as
    an error entry only: its group still names the stage and the exception's type, so
    that a new failure is not counted as a later input of another."""
    from fuzz import outcome

    assert outcome("crash", "check", None, message=message)["key"] == key
