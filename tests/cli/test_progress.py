"""Progress on a terminal only: piped, stderr holds the summary lines and nothing else."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from conftest import ROOT
from pdf_fixtures import Layout, render_pdf
from reports import project_block, report

from extractor.cli.main import main
from extractor.cli.progress import map_inputs
from extractor.errors import ExtractorError

SMALL = json.loads((ROOT / "tests" / "fixtures" / "small-report.json").read_text("utf-8"))


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    for name, acronym in (("a", "AAA"), ("b", "BBB")):
        (folder / f"{name}.txt").write_text(report(project_block(1, acronym)), encoding="utf-8")
    return folder


def extractor(*args: str, stderr: int | None = subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extractor", *args],
        stdout=subprocess.PIPE,
        stderr=stderr,
        check=False,
    )


def test_piped_stderr_holds_only_the_summary_lines(sources: Path, tmp_path: Path) -> None:
    done = extractor("extract", str(sources), "-o", str(tmp_path / "out"))
    assert done.returncode == 0
    lines = done.stderr.decode("utf-8").splitlines()
    assert [line.split(" -> ")[0] for line in lines] == [
        str(sources / f"{name}.txt") for name in "ab"
    ]
    assert all(
        line.endswith("1 project, 0 warnings, 0 unparsed lines, coverage 100.00%") for line in lines
    )


def test_quiet_leaves_stderr_empty(sources: Path, tmp_path: Path) -> None:
    done = extractor("extract", str(sources), "-o", str(tmp_path / "out"), "-q")
    assert (done.returncode, done.stderr) == (0, b"")
    document = str(tmp_path / "out" / "a.json")
    done = extractor("export", document, "--format", "csv", "-o", str(tmp_path / "t"), "-q")
    assert (done.returncode, done.stderr) == (0, b"")


def test_in_parallel_the_same_bytes_as_one_by_one(sources: Path, tmp_path: Path) -> None:
    together = tmp_path / "together"
    assert extractor("extract", str(sources), "-o", str(together), "-q").returncode == 0
    for name in ("a", "b"):
        alone = tmp_path / f"{name}.json"
        assert main(["extract", str(sources / f"{name}.txt"), "-o", str(alone), "-q"]) == 0
        assert (together / f"{name}.json").read_bytes() == alone.read_bytes()


def test_piped_export_says_its_summary_only(sources: Path, tmp_path: Path) -> None:
    target = tmp_path / "one.sqlite"
    done = extractor("export", str(sources / "a.txt"), "--format", "sqlite", "-o", str(target))
    assert done.returncode == 0
    assert done.stderr.decode("utf-8") == (
        f"sqlite -> {target}: reports 1, projects 1, items 3, facts 1, indicators 1, "
        "warnings 0, unparsed 0\n"
    )


def on_terminal(*args: str) -> str:
    """What the command writes on stderr when stderr is a terminal."""
    leader, follower = pty.openpty()
    # A terminal of 24 rows and 100 columns: a new pty has none, and tqdm draws to fit.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "extractor", *args], stdout=subprocess.DEVNULL, stderr=follower
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait() == 0
    return b"".join(chunks).decode("utf-8")


def test_a_terminal_shows_a_bar_unless_quiet(sources: Path, tmp_path: Path) -> None:
    shown = on_terminal("extract", str(sources), "-o", str(tmp_path / "out"))
    assert "0/2 [" in shown  # tqdm's bar, erased once done (leave=False)
    assert shown.rstrip().endswith("coverage 100.00%")
    assert on_terminal("extract", str(sources), "-o", str(tmp_path / "out"), "-q") == ""


def test_a_pdf_shows_a_bar_of_its_pages(tmp_path: Path) -> None:
    path = tmp_path / "small.pdf"
    path.write_bytes(
        render_pdf(SMALL, Layout(bottom_before=frozenset({"header:2", "results:1.2"})))
    )
    shown = on_terminal("extract", str(path), "-o", str(tmp_path / "small.json"))
    assert "/3 [" in shown
    assert "page/s" in shown
    assert "small.json: 3 projects" in shown.splitlines()[-1]


def test_results_come_in_input_order_and_the_first_error_is_raised(sources: Path) -> None:
    paths = [sources / name for name in ("a.txt", "b.txt", "c.txt")]
    assert map_inputs(_name, paths, quiet=True) == ["a.txt", "b.txt", "c.txt"]
    with pytest.raises(ExtractorError, match=r"^E001 b.txt "):
        map_inputs(_refuse_b_and_c, paths, quiet=True)


def _name(path: Path) -> str:
    return path.name


def _refuse_b_and_c(path: Path) -> str:
    if path.name in ("b.txt", "c.txt"):
        raise ExtractorError("E001", path.name)
    return path.name
