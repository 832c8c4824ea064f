"""A normal install works: the wheel, installed outside the repository, reads its own rules.

An editable install finds `rules/` in the checkout, so only a built wheel shows
whether the rules and every subpackage ship. The fresh environment borrows the
test environment's third-party packages (a path entry, not a copy), so the
check takes seconds, not a full download; the package itself comes only from
the wheel.
"""

from __future__ import annotations

import site
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest
from conftest import REPORT_2019, ROOT

COMMITTED = ROOT / "output" / "cluster-inovativ-2019.json"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh virtual environment holding the wheel built from this tree."""
    work = tmp_path_factory.mktemp("install")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(work), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = work.glob("*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    borrowed = {sysconfig.get_path("purelib"), *site.getsitepackages()}
    Path(purelib, "borrowed-dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    return venv / "bin"


def run_elsewhere(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_the_installed_command_gives_the_committed_output(installed: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.json"
    result = run_elsewhere(
        [str(installed / "extractor"), "extract", str(REPORT_2019), "-o", str(output)], tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert output.read_bytes() == COMMITTED.read_bytes()


def test_the_installed_package_is_the_wheel_and_its_api_gives_the_committed_output(
    installed: Path, tmp_path: Path
) -> None:
    script = (
        "import sys, extractor\n"
        "from extractor.emit import to_json\n"
        "assert 'site-packages' in extractor.__file__, extractor.__file__\n"
        f"sys.stdout.write(to_json(extractor.extract({str(REPORT_2019)!r})))\n"
    )
    result = run_elsewhere([str(installed / "python"), "-c", script], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.encode("utf-8") == COMMITTED.read_bytes()


def test_python_m_extractor_and_version(installed: Path, tmp_path: Path) -> None:
    result = run_elsewhere([str(installed / "python"), "-m", "extractor", "--version"], tmp_path)
    assert result.returncode == 0, result.stderr
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    assert result.stdout.strip() == f"extractor {version}"


def test_the_installed_schema_command_prints_the_shipped_schema(
    installed: Path, tmp_path: Path
) -> None:
    result = run_elsewhere([str(installed / "extractor"), "schema"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (ROOT / "extractor" / "schema.json").read_text(encoding="utf-8")
