"""What a file holds, when nothing in it opens a part ("Present:", "Date and Time:-"):
minutes or an agenda, told by the file's name, its folder's name, its title, or its
content. A clerk's repository may keep "minutes/20191028.txt" beside
"agenda/20191028.txt", and a draft may be saved as "draft.txt"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, all_real_documents

from minlint.lint.parse import parse_path

# Scanned agendas whose title the scan lost: only their name tells what they are.
SCANNED_AGENDAS = {
    "limerick-metropolitan/2021-01-18_agenda.md",
    "limerick-metropolitan/2021-02-15_agenda.md",
    "limerick-newcastle-west/2018-01-10_agenda.md",
}


def kinds(path: Path) -> list[str]:
    return [p.kind for p in parse_path(path).parts]


def _single_kind_documents() -> list[Path]:
    """The corpus documents, but for the scanned agendas (see the test after)."""
    return [
        p
        for p in all_real_documents()
        if CORPUS in p.parents and p.relative_to(CORPUS).as_posix() not in SCANNED_AGENDAS
    ]


@pytest.mark.parametrize(
    "document",
    _single_kind_documents() or [pytest.param(None, marks=pytest.mark.skip("no corpus"))],
    ids=lambda p: p.relative_to(CORPUS).as_posix() if p else "none",
)
def test_a_real_document_is_the_same_kind_under_a_name_that_says_nothing(
    document: Path, tmp_path: Path
):
    copy = tmp_path / "x" / f"document{document.suffix}"
    copy.parent.mkdir()
    shutil.copyfile(document, copy)
    assert kinds(copy) == kinds(document)
    assert kinds(document)[0] in ("agenda", "minutes")


def test_scanned_agendas_without_a_title_are_told_by_their_name(tmp_path: Path):
    documents = [CORPUS / r for r in sorted(SCANNED_AGENDAS) if (CORPUS / r).exists()]
    if not documents:
        pytest.skip(f"the real documents are not beside the checkout ({CORPUS} is absent)")
    for document in documents:
        assert kinds(document)[0] == "agenda"
        # under a name that says nothing, they are not taken for minutes
        copy = tmp_path / f"scan{document.suffix}"
        shutil.copyfile(document, copy)
        assert kinds(copy)[0] != "minutes"


AGENDA = """\
41.\tApologies for absence
42.\tDeclarations of interest
43.\tApproval of minutes of previous meeting
44.\tFinancial Report
45.\tPlanning applications
46.\tDate of next meeting
"""

MINUTES = """\
Councillors Okafor, Marsh and Brennan attended.

41. Apologies for absence: none were received.
42. Declarations of interest: none were declared.
43. The minutes of the previous meeting were approved and signed.
44. The clerk reported a balance of £4,210.55. The report was noted.
45. Members considered two applications and agreed to raise no objection.
46. The next meeting was confirmed for 12 March 2025.
"""

WELSH = """\
Cyng. Okafor, Cyng. Marsh a Cyng. Brennan.

41. Derbyniwyd ymddiheuriadau gan y Cyng. Davies.
42. Ni ddatganwyd diddordeb.
43. Cynigiwyd gan y Cyng. Marsh, eiliwyd gan y Cyng. Brennan, a chadarnhawyd y cofnodion.
44. Nodwyd yr adroddiad ariannol. Cytunwyd i dalu'r anfonebau.
45. Trafodwyd y ceisiadau cynllunio. Penderfynwyd peidio gwrthwynebu.
46. Cynhelir y cyfarfod nesaf ar 12 Mawrth 2025.
"""


@pytest.mark.parametrize(
    ("folder", "name", "expected"),
    [
        ("agenda", "20250210.txt", "agenda"),
        ("agendas", "2025-02-10.txt", "agenda"),
        ("minutes", "20250210.txt", "minutes"),
        ("Minutes", "2025-02-10.txt", "minutes"),
        ("cofnodion", "2025-02-10.txt", "minutes"),
        # the file's own name comes first
        ("minutes", "20250210_agenda.txt", "agenda"),
        ("agenda", "minutes_20250210.txt", "minutes"),
    ],
)
def test_the_folder_names_the_kind_when_the_file_does_not(
    tmp_path: Path, folder: str, name: str, expected: str
):
    text = "Tintern Parish Council, 10 February 2025.\n\nItems as circulated.\n"
    path = tmp_path / "council" / folder / name
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    assert kinds(path) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(AGENDA, "agenda"), (MINUTES, "minutes"), (WELSH, "minutes")],
    ids=["numbered-titles", "past-tense", "welsh-past-tense"],
)
def test_the_content_tells_minutes_from_an_agenda(tmp_path: Path, text: str, expected: str):
    path = tmp_path / "plain" / "draft.txt"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    assert kinds(path) == [expected]


def test_an_agenda_item_about_minutes_does_not_make_minutes(tmp_path: Path):
    path = tmp_path / "plain" / "draft.txt"
    path.parent.mkdir()
    path.write_text("2319.Police Report\n2320.Approval of minutes of previous meeting\n" + AGENDA)
    assert kinds(path) == ["agenda"]


def test_a_present_label_above_the_names_opens_minutes(tmp_path: Path):
    page = (
        "<html><body><p>The council met at 7.30pm on 11 March 2025 at the Reading Room.</p>"
        "<h4>PRESENT</h4><p>Councillors Okafor, Marsh and Brennan.</p>"
        "<h4>1. APOLOGIES</h4><p>None.</p><h4>2. FINANCE</h4><p>The balance was noted.</p>"
        "</body></html>"
    )
    path = tmp_path / "plain" / "page.html"
    path.parent.mkdir()
    path.write_text(page, encoding="utf-8")
    (part,) = parse_path(path).minutes
    assert [p.name for p in part.present] == ["Okafor", "Marsh", "Brennan"]
    assert [m.title for m in part.items] == ["APOLOGIES", "FINANCE"]
