"""The 2019 report rewritten by each drift transformation, and by a few random mixes of them,
must extract to the 2019 golden's content; so must the report printed by other PDF engines.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from drift.compare import Content, content, report
from drift.conftest import extract_bytes
from drift.transforms import FAMILIES, TRANSFORMS, Transform, apply, expected

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "sources" / "cluster-inovativ-2019.txt"
GOLDEN = ROOT / "tests" / "golden" / "cluster-inovativ-2019.json"
ENGINES = Path(__file__).resolve().parent / "engines"
ENGINE_NAMES = ("chromium", "libreoffice")

COMBINATION_SEEDS = range(1, 9)
COMBINATION_SIZES = (3, 5)


def _source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


def _golden_content() -> Content:
    return content(json.loads(GOLDEN.read_text(encoding="utf-8")))


def combination(seed: int) -> tuple[Transform, ...]:
    """Three to five transformations of different families, in the order they apply."""
    rng = random.Random(seed)
    families = rng.sample(FAMILIES, rng.randint(*COMBINATION_SIZES))
    chosen = [rng.choice([t for t in TRANSFORMS if t.family == family]) for family in families]
    return tuple(sorted(chosen, key=lambda t: FAMILIES.index(t.family)))


COMBINATIONS = [combination(seed) for seed in COMBINATION_SEEDS]


def _label(transforms: tuple[Transform, ...]) -> str:
    return "+".join(transform.name for transform in transforms)


def assert_keeps_content(transforms: tuple[Transform, ...]) -> None:
    label = f"drift {_label(transforms)}"
    data = apply(transforms, _source_text())
    try:
        document = extract_bytes(data, "cluster-inovativ-2019.txt")
    except Exception as error:
        pytest.fail(f"{label}: extraction failed: {type(error).__name__}: {error}", pytrace=False)
    message = report(label, expected(transforms, _golden_content()), content(document))
    if message:
        pytest.fail(message, pytrace=False)


@pytest.mark.parametrize("transform", TRANSFORMS, ids=[t.name for t in TRANSFORMS])
def test_transformed_report_extracts_to_golden(transform: Transform) -> None:
    assert_keeps_content((transform,))


@pytest.mark.parametrize(
    "transforms",
    COMBINATIONS,
    ids=[
        f"seed{seed}-{_label(c)}" for seed, c in zip(COMBINATION_SEEDS, COMBINATIONS, strict=True)
    ],
)
def test_combined_transforms_extract_to_golden(transforms: tuple[Transform, ...]) -> None:
    assert_keeps_content(transforms)


@pytest.mark.parametrize("transform", TRANSFORMS, ids=[t.name for t in TRANSFORMS])
def test_transform_changes_the_text(transform: Transform) -> None:
    """A transformation that leaves the report as it was proves nothing."""
    text = _source_text()
    assert apply((transform,), text) != text.encode("utf-8"), f"{transform.name} changes nothing"


@pytest.mark.parametrize("transform", TRANSFORMS, ids=[t.name for t in TRANSFORMS])
def test_transform_is_deterministic(transform: Transform) -> None:
    text = _source_text()
    assert apply((transform,), text) == apply((transform,), text), transform.name


def test_every_transform_says_what_it_imitates() -> None:
    vague = [t.name for t in TRANSFORMS if not t.imitates or "\n" in t.imitates]
    assert not vague, f"transforms without a one-line description: {vague}"


@pytest.mark.parametrize("engine", ENGINE_NAMES)
def test_engine_pdf_extracts_to_golden(engine: str) -> None:
    """The 2019 golden printed to PDF by another engine reads as the same content."""
    path = ENGINES / f"cluster-inovativ-2019-{engine}.pdf"
    if not path.is_file():
        pytest.fail(
            f"fixture missing: {path.relative_to(ROOT)} (the 2019 report printed by {engine}); "
            "it is committed with the engine PDFs",
            pytrace=False,
        )
    document = extract_bytes(path.read_bytes(), path.name)
    message = report(f"{engine} PDF", _golden_content(), content(document))
    if message:
        pytest.fail(message, pytrace=False)


# What `pdftotext -layout` (poppler 22.12) loses of each engine PDF, read by hand from the
# committed texts: in which project, at which path in it, which words read otherwise.
# LibreOffice cut these words at a narrow cell's edge with no hyphen; the lemma table
# knows none of them, so nothing tells the two halves make one word. It also ends a line
# with `inter-` over `cluster`, a cut word by every rule the items follow.
LAYOUT_TEXT_LOSSES: dict[str, list[tuple[int, tuple[str | int, ...], str, str]]] = {
    "libreoffice": [
        (1, ("coordinator",), "TRANSYLVANIA", "TRANSYLVA NIA"),
        (4, ("coordinator",), "TRANSYLVANIA", "TRANSYLVA NIA"),
        (7, ("coordinator",), "MECATRONICĂ", "MECATRONI CĂ"),
        (8, ("title",), "CLUSTERULUI", "CLUSTERUL UI"),
        (9, ("title",), "internaționalizării", "internaționaliză rii"),
        (10, ("objective", 2, "text"), "inter-cluster", "intercluster"),
    ],
    "chromium": [],
}
# Chromium draws list markers as shapes and sets paragraphs with no space between: the
# text has neither, so of its content only the report's and the projects' fields count.
SECTIONS_KEPT = {"libreoffice": True, "chromium": False}
SECTION_KEYS = ("objective", "results", "ongoing", "warnings")


def _as_layout_text_reads(engine: str, golden: Content) -> Content:
    """The golden's content with the losses `pdftotext -layout` makes of `engine`'s PDF."""
    for number, path, word, lost in LAYOUT_TEXT_LOSSES[engine]:
        place = golden["projects"][number - 1]
        for key in path[:-1]:
            place = place[key]
        assert word in place[path[-1]], (number, path, word)
        place[path[-1]] = place[path[-1]].replace(word, lost)
    return golden if SECTIONS_KEPT[engine] else _fields_only(golden)


def _fields_only(document: Content) -> Content:
    report = {key: value for key, value in document["report"].items() if key != "preamble"}
    projects = [
        {key: value for key, value in project.items() if key not in SECTION_KEYS}
        for project in document["projects"]
    ]
    return {"report": report, "projects": projects}


@pytest.mark.parametrize("engine", ENGINE_NAMES)
def test_engine_pdf_as_pdftotext_layout_text_reads_as_the_golden(engine: str) -> None:
    """The engine PDF converted by `pdftotext -layout` (committed beside it): every table
    laid out in columns with spaces, form feeds at page breaks, titles and cells wrapped."""
    path = ENGINES / f"cluster-inovativ-2019-{engine}.layout.txt"
    document = content(extract_bytes(path.read_bytes(), path.name))
    golden = _as_layout_text_reads(engine, _golden_content())
    if not SECTIONS_KEPT[engine]:
        document = _fields_only(document)
    message = report(f"{engine} PDF as pdftotext -layout text", golden, document)
    if message:
        pytest.fail(message, pytrace=False)
