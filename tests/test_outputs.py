"""Output paths are honoured for what they are: a file replaced whole, a link followed, a FIFO fed.

Each case runs in a temporary folder: a symlink to a file, a dangling symlink, a
FIFO, `-`, a character device, and an existing file that a failed run must
leave as it was.
"""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from reports import project_block, report

from extractor.cli.main import main
from extractor.emit import write_output
from extractor.errors import ExtractorError


@pytest.fixture
def small_report(tmp_path: Path) -> Path:
    path = tmp_path / "mic.txt"
    path.write_text(report(project_block(1, "AAA")), encoding="utf-8")
    return path


def test_a_symlink_is_written_through_to_its_target(small_report: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert main(["extract", str(small_report), "-o", str(link), "-q"]) == 0
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["projects"][0]["acronym"] == "AAA"


def test_a_dangling_symlink_makes_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "new.json")
    write_output(link, "{}\n")
    assert link.is_symlink()
    assert (tmp_path / "new.json").read_text(encoding="utf-8") == "{}\n"


def test_a_fifo_is_streamed_into_not_replaced(small_report: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert main(["extract", str(small_report), "-o", str(fifo), "-q"]) == 0
    reader.join(timeout=20)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["projects"][0]["acronym"] == "AAA"


def test_dash_is_stdout(small_report: Path, capsys) -> None:
    assert main(["extract", str(small_report), "-o", "-", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["projects"][0]["acronym"] == "AAA"


def test_the_null_device_stays_a_device(small_report: Path) -> None:
    assert main(["extract", str(small_report), "-o", os.devnull, "-q"]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_failed_run_leaves_the_existing_output_as_it_was(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.json"
    out.write_text("what was there\n", encoding="utf-8")
    empty = tmp_path / "gol.txt"
    empty.write_bytes(b"")
    assert main(["extract", str(empty), "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "what was there\n"
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_a_replaced_file_keeps_its_permissions(small_report: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    assert main(["extract", str(small_report), "-o", str(out), "-q"]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_folder_is_no_output_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractorError) as caught:
        write_output(tmp_path, "{}\n")
    assert caught.value.code == "E030"
