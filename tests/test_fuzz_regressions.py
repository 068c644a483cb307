"""Inputs the fuzz campaign (bench/fuzz.py) found to crash, hang or exhaust memory, each
rebuilt here at test time in its smallest form: every one is now read, or refused with
one clear line, and checked by every rule without an error."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from docgen import docx_members, zip_bytes

from minlint.lint.engine import CheckOptions, run_check
from minlint.lint.readers import InputError, read_document


def refused(path: Path) -> str:
    with pytest.raises(InputError) as err:
        read_document(path)
    message = str(err.value)
    assert "\n" not in message and len(message) < 200
    return message


def checked_cleanly(path: Path) -> None:
    """The whole check with every rule: no rule failed and no reader broke."""
    result = run_check([str(path)], CheckOptions(select=("ALL",)))
    assert all(e.path == str(path) for e in result.errors)
    assert not [e for e in result.errors if "failed" in e.message or "internal" in e.message]


def _docx(tmp_path: Path, members: list[dict]) -> Path:
    path = tmp_path / "draft.docx"
    path.write_bytes(zip_bytes(members))
    return path


def test_a_corrupt_deflate_stream_is_refused(tmp_path: Path):
    members = docx_members("19. DECLARATIONS OF INTEREST")
    document = members[2]
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    stream = bytearray(packer.compress(document["data"]) + packer.flush())
    stream[len(stream) // 2 :] = b"\xff" * (len(stream) - len(stream) // 2)
    document["stream"] = bytes(stream)
    path = _docx(tmp_path, members)
    assert refused(path).startswith("word/document.xml is damaged: Error -3 while decompressing")
    checked_cleanly(path)
