"""The fuzz campaign's inputs (bench/fuzz_inputs.py) are the same on every run: a
resumed campaign, and a saved input's number, mean the same bytes."""

from __future__ import annotations

import sys
from pathlib import Path

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
