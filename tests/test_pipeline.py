"""The whole pipeline on small reports: what each odd case gives, warnings included."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from conftest import EXTRACTOR, REPORT_2019
from hypothesis import given, settings
from hypothesis import strategies as st
from pdf_fixtures import drawn_pdf
from reports import project_block, report

from extractor.errors import ExtractorError
from extractor.pipeline import normalized_text, read_json, run_bytes
from extractor.ruleset import load_rules
from extractor.text.normalize import normalize

RULES = load_rules()


def extract_text(text: str, encoding: str = "utf-8") -> dict[str, Any]:
    return run_bytes(text.encode(encoding), "report.txt", RULES).document.model_dump(mode="json")


def codes(warnings: list[dict[str, Any]]) -> list[str]:
    return [warning["code"] for warning in warnings]


def test_a_clean_report_has_no_warnings() -> None:
    document = extract_text(report(project_block(1, "AAA"), project_block(2, "BBB")))
    assert codes(document["warnings"]) == []
    assert [(p["number"], p["acronym"], codes(p["warnings"])) for p in document["projects"]] == [
        (1, "AAA", []),
        (2, "BBB", []),
    ]
    report_fields = document["report"]
    assert report_fields["as_of"] == "2020-12-31"
    assert report_fields["competition"] == "Organizare și dezvoltare cluster"
    assert (report_fields["projects_submitted"], report_fields["projects_funded"]) == (16, 2)


def test_missing_header_is_inferred_from_the_sequence() -> None:
    document = extract_text(
        report(project_block(1, "AAA"), project_block(None, "BBB"), project_block(3, "CCC"))
    )
    second = document["projects"][1]
    assert (second["number"], second["acronym"], second["title"]) == (2, None, "Titlul BBB")
    assert codes(second["warnings"]) == ["missing_header"]
    assert second["warnings"][0]["span"]["line_start"] == second["span"]["line_start"]
    assert codes(document["warnings"]) == []


def test_count_mismatch_when_the_preamble_says_otherwise() -> None:
    document = extract_text(report(project_block(1), funded=3))
    assert codes(document["warnings"]) == ["count_mismatch"]
    assert "3" in document["warnings"][0]["message"]


def test_number_sequence_gap() -> None:
    document = extract_text(report(project_block(1, "AAA"), project_block(3, "CCC")))
    assert codes(document["warnings"]) == ["number_sequence"]


def test_field_problems_become_warnings_not_crashes() -> None:
    block = project_block(
        1, members="treizeci", region="Marte", period="31.05.2020 - 01.06.2018", website=""
    )
    project = extract_text(report(block))["projects"][0]
    assert codes(project["warnings"]) == [
        "invalid_period",
        "invalid_members",
        "unknown_region",
        "missing_website",
    ]
    assert project["period"] is None and project["cluster_members"] is None
    assert project["region"] == {"raw": "Marte", "name": None, "nuts2": None}


def test_text_beside_the_website_is_reported() -> None:
    block = project_block(1, website="Site proiect\thttp://example.ro/p (în construcție)")
    project = extract_text(report(block))["projects"][0]
    assert project["websites"] == ["http://example.ro/p"]
    assert codes(project["warnings"]) == ["extra_text"]
    assert "(în construcție)" in project["warnings"][0]["message"]


def test_missing_sections_are_null_with_a_warning() -> None:
    block = project_block(1).replace("Activități în curs:\n\n- Brokeraje internaționale.\n\n", "")
    project = extract_text(report(block))["projects"][0]
    assert project["ongoing"] is None
    assert codes(project["warnings"]) == ["missing_section"]


def test_unrecognized_lines_are_reported_not_dropped() -> None:
    block = project_block(1).replace("Site proiect", "Linie necunoscută\n\nSite proiect")
    document = extract_text(report(block))
    assert [(u["text"], u["reason"]) for u in document["unparsed"]] == [
        ("Linie necunoscută", "not_recognized")
    ]
    assert document["coverage"] < 1.0


def test_page_furniture_is_listed_apart() -> None:
    block = project_block(1).replace("- S-au realizat", "Pagina 3 din 20\n\n- S-au realizat")
    document = extract_text(report(block))
    assert [(u["text"], u["reason"]) for u in document["unparsed"]] == [
        ("Pagina 3 din 20", "page_furniture")
    ]
    assert [i["text"] for i in document["projects"][0]["results"]["items"]] == [
        "S-au realizat două studii;"
    ]
    assert document["coverage"] == 1.0


def test_a_marker_or_markup_alone_makes_no_item() -> None:
    block = project_block(1).replace("- S-au realizat", "-\n\n**\n\n- S-au realizat")
    document = extract_text(report(block))
    assert [(u["text"], u["reason"]) for u in document["unparsed"]] == [
        ("-", "markup_only"),
        ("**", "markup_only"),
    ]
    assert [i["text"] for i in document["projects"][0]["results"]["items"]] == [
        "S-au realizat două studii;"
    ]


def test_a_running_head_inside_an_item_is_left_out_and_facts_keep_true_spans() -> None:
    head = "UEFISCDI Raport Cluster"
    blocks = [
        project_block(n).replace("- S-au realizat două", f"- S-au realizat\n{head}\ndouă")
        for n in (1, 2, 3)
    ]
    text = report(*blocks)
    document = extract_text(text)
    assert {(u["text"], u["reason"]) for u in document["unparsed"]} == {(head, "page_furniture")}
    [item] = document["projects"][0]["results"]["items"]
    assert item["text"] == "S-au realizat două studii;"
    [fact] = item["facts"]
    span = fact["span"]
    assert text[span["char_start"] : span["char_end"]] == "două studii"


def test_legacy_encoding_with_cedillas_reads_as_comma_below() -> None:
    cedillas = str.maketrans({"ț": "ţ", "ș": "ş", "Ț": "Ţ", "Ș": "Ş", "“": '"', "”": '"'})
    text = report(project_block(1)).translate(cedillas)
    document = run_bytes(text.encode("cp1250"), "r.txt", RULES).document
    assert document.source.encoding == "cp1250"
    assert document.projects[0].objective.items[0].text == "Creșterea competitivității."


def test_crlf_input_gives_the_same_content() -> None:
    text = report(project_block(1))
    unix = extract_text(text)
    windows = extract_text(text.replace("\n", "\r\n"))
    assert unix["projects"][0]["results"] == windows["projects"][0]["results"]


def test_same_input_same_bytes() -> None:
    from extractor.emit import to_json

    data = report(project_block(1), project_block(2)).encode()
    first = to_json(run_bytes(data, "r.txt", RULES).document)
    second = to_json(run_bytes(data, "r.txt", RULES).document)
    assert first == second


def test_same_bytes_from_processes_with_different_hash_seeds(tmp_path: Path) -> None:
    # One process has one hash seed: an order taken from a set or a hash shows only
    # across processes. Each run is the installed command on the 2019 text and a PDF.
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(REPORT_2019, inputs)
    (inputs / "small-report.pdf").write_bytes(drawn_pdf("small-report"))
    seeds = ("0", "1", "12345", "random")
    runs = [
        subprocess.Popen(
            [str(EXTRACTOR), "extract", str(inputs), "-o", f"{tmp_path / seed}/", "-q"],
            env={**os.environ, "PYTHONHASHSEED": seed},
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in seeds  # at once: each process spends seconds loading spaCy
    ]
    for run in runs:
        _, stderr = run.communicate(timeout=600)
        assert run.returncode == 0, stderr
    outputs = [
        {path.name: path.read_bytes() for path in sorted((tmp_path / seed).iterdir())}
        for seed in seeds
    ]
    assert sorted(outputs[0]) == ["cluster-inovativ-2019.json", "small-report.json"]
    assert all(output == outputs[0] for output in outputs[1:])


def test_counts_are_read_without_a_preamble_heading() -> None:
    document = extract_text(report(project_block(1)).replace("PREAMBUL\n\n", ""))
    assert document["report"]["projects_funded"] == 1
    assert document["report"]["preamble"] is None
    assert [u["reason"] for u in document["unparsed"]] == ["not_recognized", "not_recognized"]


def test_a_report_without_title_or_counts_warns() -> None:
    text = "PREAMBUL\n\nCâteva cuvinte.\n\n" + project_block(1)
    assert codes(extract_text(text)["warnings"]) == [
        "missing_title",
        "missing_count",
        "missing_count",
    ]


def test_normalized_text_reads_the_rules_folder_only_when_the_bytes_need_it(
    tmp_path: Path,
) -> None:
    rules = shutil.copytree(RULES.directory, tmp_path / "rules")
    (rules / "encodings.toml").write_text('legacy = ["no-such-codec"]\n', encoding="utf-8")
    sample = report(project_block(1, "AAA")).replace("\n", "\r\n")
    utf8 = tmp_path / "utf8.txt"
    utf8.write_bytes(sample.encode("utf-8"))
    assert normalized_text(utf8, rules) == normalize(sample).text  # Unicode: no rules read
    legacy = tmp_path / "iso-8859-16.txt"
    sample = sample.replace("“", "„")  # a quote that code page has
    legacy.write_bytes(sample.encode("iso-8859-16"))
    assert normalized_text(legacy) == normalize(sample).text
    with pytest.raises(ExtractorError) as raised:  # a legacy code page: the folder's rules
        normalized_text(legacy, rules)
    assert raised.value.code == "E020"


# Values a UTF-8 file can hold: a lone surrogate only escaped (the cases below).
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(st.characters(codec="utf-8")),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(st.characters(codec="utf-8"), max_size=6), inner, max_size=4)
    ),
    max_leaves=24,
)


@settings(derandomize=True, database=None, max_examples=300, deadline=None)
@given(JSON_VALUES, st.booleans())
def test_a_json_file_reads_as_the_json_module_reads_it(value: Any, ascii_only: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.json"
        path.write_text(text, encoding="utf-8")
        assert repr(read_json(path)) == repr(json.loads(text))


@pytest.mark.parametrize(
    "text",
    ['"\\udc00 alone"', "[" * 300 + "]" * 300, '{"a": 1, "a": 2}', "[NaN, -Infinity, 1e400]"],
    ids=["lone-surrogate", "nested-300-deep", "repeated-key", "not-finite"],
)
def test_json_the_faster_parser_refuses_or_might_read_otherwise(tmp_path: Path, text: str) -> None:
    path = tmp_path / "document.json"
    path.write_text(text, encoding="utf-8")
    assert repr(read_json(path)) == repr(json.loads(text))
