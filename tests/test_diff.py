"""The diff of two extracted documents: matching, field and item changes, thresholds.

The second-year document is made here from the hand-checked 2019 golden
document by a written change list; the expected diff is written by hand from
that list, not produced by the tool.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import GOLDEN

from extractor.compare.documents import check_document, diff_documents, has_differences
from extractor.content import content_view
from extractor.errors import ExtractorError
from extractor.ruleset import DEFAULT_RULES_DIR, DiffRules, load_rules

GOLDEN_2019 = GOLDEN / "cluster-inovativ-2019.json"
RULES = load_rules().diff

TEX_STUDY = (
    "Studiu privind stadiul actual al gradului de inovare al clusterului RTxC, realizat pe baza "
    "de chestionare, 24 de firme fiind intervievate în vederea analizării surselor și "
    "oportunităților de inovare la nivelul clusterului;"
)
TEX_STUDY_2020 = TEX_STUDY.replace("24 de firme", "30 de firme")
TEX_AGENDA = (
    "Agenda strategică CDI preliminară, care stabilește scopurile și obiectivele CDI ale "
    "clusterului;"
)
TEX_TRAINING = "S-au organizat sesiuni de instruire pentru membri și pentru echipa de management."
TEX_CIT = (
    "Planificarea dezvoltării unui Centru de Informare Tehnologică - elaborarea planului de "
    "dezvoltare a unui CIT, cu serviciile aferente specializate pentru promovarea, informarea și "
    "asistența tehnică, în domeniul textil;"
)
TEX_STRATEGY = (
    "Elaborarea strategiei clusterului de extindere pe piețe interne și externe, pentru a avea o "
    "finalitate a tuturor ideilor de inovare aplicabile în cadrul clusterului."
)
WOOD_KEY = (
    "din interviuri, chestionare și discuții cu membrii clusterului a reieșit faptul că inovarea "
    "este un element cheie pentru industria prelucrării lemnului și fabricarea mobilei; cu scopul "
    "de a crește gradul de inovare al firmelor membre în cluster, s-a apelat la diverse "
    "instrumente practicate și validate la nivel internațional și anume audituri de inovare "
    "generale în forma unor interviuri structurate;"
)
WOOD_KEY_2020 = WOOD_KEY.replace("un element cheie", "elementul cheie")
CRONOS_HUB = "În martie 2020 a fost lansat Centrul pentru Inovare Digitală DIH4Society."
IMAGO_CATALOG = "Realizarea unui catalog al surselor de finanțare disponibile - un catalog;"
IMAGO_SHEETS = "Dezvoltarea de fișe de proiect - cinci fișe de proiect;"
IMAGO_SHEETS_2020 = "Dezvoltarea de fișe de proiect - șapte fișe de proiect;"
IMAGO_STAGE_3 = "Activitățile implementate și rezultatele obținute pentru Etapa nr. 3 :"
IMAGO_DATABASE = (
    "Realizarea unei bănci de date cu oferta de produse/tehnologii/servicii - o bancă de date;"
)
NEW_PROJECT_TITLE = "Clusterul de inovare pentru economie circulară NEWCLUS"


def document_2019() -> dict[str, Any]:
    """The hand-checked 2019 document (no spans)."""
    return json.loads(GOLDEN_2019.read_text(encoding="utf-8"))


def item(text: str, *children: dict[str, Any], kind: str = "bullet") -> dict[str, Any]:
    return {"kind": kind, "text": text, "children": list(children)}


def locate(items: list[dict[str, Any]], text: str) -> tuple[list[dict[str, Any]], int] | None:
    """The list holding the item whose text is `text`, anywhere in the tree, and its index."""
    for index, entry in enumerate(items):
        if entry["text"] == text:
            return items, index
        found = locate(entry["children"], text)
        if found:
            return found
    return None


def edit(items: list[dict[str, Any]], text: str, new_text: str | None) -> None:
    """Give the item whose text is `text` the text `new_text`, or remove it when None."""
    found = locate(items, text)
    if found is None:
        raise LookupError(f"no item {text!r} in the 2019 document")
    siblings, index = found
    if new_text is None:
        del siblings[index]
    else:
        siblings[index]["text"] = new_text


def project(number: int, acronym: str | None, title: str, **fields: Any) -> dict[str, Any]:
    data = {
        "number": number,
        "acronym": acronym,
        "title": title,
        "period": {"start": "2020-07-01", "end": "2022-06-30"},
        "coordinator": "ASOCIAȚIA NEWCLUS",
        "director": "Ana Pop",
        "cluster_members": 12,
        "region": {"raw": "Vest", "name": "Vest", "nuts2": "RO42"},
        "domain": "Bioeconomie",
        "websites": [],
        "objective": None,
        "results": None,
        "ongoing": None,
        "warnings": [],
    }
    data.update(fields)
    return data


def document_2020() -> dict[str, Any]:
    """The second year: the change list below, applied to the 2019 document."""
    document = document_2019()
    document["report"]["as_of"] = "2020-12-31"
    document["report"]["title"] = "Stadiul proiectelor “Cluster inovativ” la 31.12.2020"
    by_number = {entry["number"]: entry for entry in document["projects"]}
    trec, tex, wood = by_number[1], by_number[3], by_number[6]
    astricone, cronos, imago = by_number[8], by_number[9], by_number[12]

    # 1 INOV-TREC: white space, markup and order only, which are no differences.
    trec["title"] = "  " + trec["title"].replace(" ", "  ")
    trec["websites"] = [f"<{url}>" for url in trec["websites"]]
    results = trec["results"]["items"]
    results[1]["text"] = "**agenda**  strategică de\tcercetare-dezvoltare și inovare; "
    results[1], results[2] = results[2], results[1]

    # 2 INDAGRO is gone (below). 3 Ino Tex: renumbered, acronym re-spelled, members and end
    # date changed; a result reworded, one removed, one added; the ongoing section gone.
    tex["number"], tex["acronym"], tex["cluster_members"] = 2, "INO-TEX", 64
    tex["period"]["end"] = "2020-12-31"
    edit(tex["results"]["items"], TEX_STUDY, TEX_STUDY_2020)
    edit(tex["results"]["items"], TEX_AGENDA, None)
    tex["results"]["items"].append(item(TEX_TRAINING))
    tex["ongoing"] = None

    # 6, the project without a header, has one now: number 13, acronym PROWOOD; its
    # website moved and a sub-bullet was reworded. A new project takes the number 6.
    wood["number"], wood["acronym"], wood["warnings"] = 13, "PROWOOD", []
    wood["websites"] = ["https://prowood.ro/proiecte"]
    edit(wood["results"]["items"], WOOD_KEY, WOOD_KEY_2020)
    newclus = project(6, "NEWCLUS", NEW_PROJECT_TITLE)

    # 8 ASTRICONE: acronym re-spelled, same number and title.
    astricone["acronym"] = "ASTRI-CONE"

    # 9 CRONOS: more members, later end, one more ongoing activity.
    cronos["cluster_members"] = 58
    cronos["period"]["end"] = "2020-12-03"
    cronos["ongoing"]["items"].append(item(CRONOS_HUB, kind="paragraph"))

    # 12 CEX-IMAG: inside the "Etapa nr. 2" sub-heading a result removed and one reworded;
    # a new sub-heading "Etapa nr. 3" whose result moved there from the ongoing section.
    edit(imago["results"]["items"], IMAGO_CATALOG, None)
    edit(imago["results"]["items"], IMAGO_SHEETS, IMAGO_SHEETS_2020)
    edit(imago["ongoing"]["items"], IMAGO_DATABASE, None)
    imago["results"]["items"].append(item(IMAGO_STAGE_3, item(IMAGO_DATABASE), kind="heading"))

    others = [by_number[number] for number in (4, 5, 7, 10, 11)]
    projects = [trec, tex, *others[:2], newclus, others[2], astricone, cronos, *others[3:]]
    document["projects"] = [*projects, imago, wood]
    return document


def unchanged(number: int, acronym: str) -> dict[str, Any]:
    return {"number": number, "acronym": acronym}


EXPECTED_DIFF = {
    "old": {"as_of": "2019-12-31"},
    "new": {"as_of": "2020-12-31"},
    "projects": {
        "added": [{"number": 6, "acronym": "NEWCLUS", "title": NEW_PROJECT_TITLE}],
        "removed": [
            {
                "number": 2,
                "acronym": "INDAGRO",
                "title": "Agenda strategică de CDI a clusterului de inovare IND-AGRO-POL",
            }
        ],
        "changed": [
            {
                "number": 2,
                "acronym": "INO-TEX",
                "match": "acronym",
                "fields": [
                    {"path": "number", "old": 3, "new": 2},
                    {"path": "acronym", "old": "Ino Tex", "new": "INO-TEX"},
                    {"path": "period.end", "old": "2020-06-30", "new": "2020-12-31"},
                    {"path": "cluster_members", "old": 61, "new": 64},
                    {"path": "ongoing", "old": "Activități în curs:", "new": None},
                ],
                "items": {
                    "added": [{"section": "results", "text": TEX_TRAINING}],
                    "removed": [
                        {"section": "results", "text": TEX_AGENDA},
                        {"section": "ongoing", "text": TEX_CIT},
                        {"section": "ongoing", "text": TEX_STRATEGY},
                    ],
                    "modified": [{"section": "results", "old": TEX_STUDY, "new": TEX_STUDY_2020}],
                },
            },
            {
                "number": 8,
                "acronym": "ASTRI-CONE",
                "match": "number",
                "fields": [{"path": "acronym", "old": "ASTRICONE", "new": "ASTRI-CONE"}],
                "items": {"added": [], "removed": [], "modified": []},
            },
            {
                "number": 9,
                "acronym": "CRONOS",
                "match": "number",
                "fields": [
                    {"path": "period.end", "old": "2020-06-03", "new": "2020-12-03"},
                    {"path": "cluster_members", "old": 54, "new": 58},
                ],
                "items": {
                    "added": [{"section": "ongoing", "text": CRONOS_HUB}],
                    "removed": [],
                    "modified": [],
                },
            },
            {
                "number": 12,
                "acronym": "CEX-IMAG",
                "match": "number",
                "fields": [],
                "items": {
                    "added": [
                        {"section": "results", "text": IMAGO_STAGE_3},
                        {"section": "results", "text": IMAGO_DATABASE},
                    ],
                    "removed": [
                        {"section": "results", "text": IMAGO_CATALOG},
                        {"section": "ongoing", "text": IMAGO_DATABASE},
                    ],
                    "modified": [
                        {"section": "results", "old": IMAGO_SHEETS, "new": IMAGO_SHEETS_2020}
                    ],
                },
            },
            {
                "number": 13,
                "acronym": "PROWOOD",
                "match": "title",
                "fields": [
                    {"path": "number", "old": 6, "new": 13},
                    {"path": "acronym", "old": None, "new": "PROWOOD"},
                    {
                        "path": "websites",
                        "old": ["http://prowood.ro/category/proiecte"],
                        "new": ["https://prowood.ro/proiecte"],
                    },
                ],
                "items": {
                    "added": [],
                    "removed": [],
                    "modified": [{"section": "results", "old": WOOD_KEY, "new": WOOD_KEY_2020}],
                },
            },
        ],
        "unchanged": [
            unchanged(1, "INOV-TREC"),
            unchanged(4, "CATINN"),
            unchanged(5, "CM"),
            unchanged(7, "MECHATRANS"),
            unchanged(10, "SMARTI"),
            unchanged(11, "SANINFO"),
        ],
    },
    "summary": {
        "projects": {"added": 1, "removed": 1, "changed": 5, "unchanged": 6},
        "fields": 11,
        "items": {"added": 4, "removed": 5, "modified": 3},
    },
}


def with_spans(document: dict[str, Any], first_line: int) -> dict[str, Any]:
    """A copy of `document` where every project, field and item carries a span, lines counted up."""
    document = copy.deepcopy(document)
    line = first_line

    def span() -> dict[str, Any]:
        nonlocal line
        line += 1
        return {"page": None, "line_start": line, "line_end": line, "char_start": 0, "char_end": 1}

    def mark(items: list[dict[str, Any]]) -> None:
        for entry in items:
            entry["span"] = span()
            mark(entry["children"])

    for entry in document["projects"]:
        entry["span"] = span()
        entry["spans"] = {key: span() for key in ("number", "acronym", "title", "period")}
        entry["spans"]["cluster_members"] = span()
        entry["spans"]["websites"] = [span() for _ in entry["websites"]]
        for name in ("objective", "results", "ongoing"):
            if entry[name]:
                entry[name]["span"] = span()
                mark(entry[name]["items"])
    document["source"] = {"file": f"report-{first_line}.txt", "format": "text"}
    return document


def test_second_year_diff_equals_the_hand_written_diff() -> None:
    diff = diff_documents(document_2019(), document_2020(), RULES)
    assert content_view(diff) == EXPECTED_DIFF
    assert has_differences(diff)


def test_diff_with_itself_is_empty() -> None:
    document = with_spans(document_2019(), first_line=10)
    diff = diff_documents(document, copy.deepcopy(document), RULES)
    assert not has_differences(diff)
    assert [entry["number"] for entry in diff["projects"]["unchanged"]] == list(range(1, 13))
    assert diff["summary"]["fields"] == 0


def test_spans_and_source_are_no_difference_but_point_to_both_documents() -> None:
    old, new = with_spans(document_2019(), 100), with_spans(document_2020(), 500)
    diff = diff_documents(old, new, RULES)
    assert content_view(diff) == EXPECTED_DIFF
    assert (diff["old"]["source"], diff["new"]["source"]) == (old["source"], new["source"])
    tex = diff["projects"]["changed"][0]
    members = next(field for field in tex["fields"] if field["path"] == "cluster_members")
    assert members["spans"] == {
        "old": old["projects"][2]["spans"]["cluster_members"],
        "new": new["projects"][1]["spans"]["cluster_members"],
    }
    period_end = next(field for field in tex["fields"] if field["path"] == "period.end")
    assert period_end["spans"]["old"] == old["projects"][2]["spans"]["period"]
    reworded = tex["items"]["modified"][0]
    assert reworded["spans"] == {
        "old": old["projects"][2]["results"]["items"][0]["span"],
        "new": new["projects"][1]["results"]["items"][0]["span"],
    }
    assert tex["items"]["removed"][1]["span"] == old["projects"][2]["ongoing"]["items"][0]["span"]
    assert diff["projects"]["removed"][0]["span"] == old["projects"][1]["span"]
    websites = diff["projects"]["changed"][4]["fields"][2]
    assert websites["spans"]["new"] == new["projects"][-1]["spans"]["websites"][0]
    stage_3 = diff["projects"]["changed"][3]["items"]["added"][0]
    assert stage_3["span"] == new["projects"][-2]["results"]["items"][2]["span"]


def test_hand_edited_white_space_and_markup_are_no_difference() -> None:
    new = document_2019()
    trec = new["projects"][0]
    trec["title"] = "  " + trec["title"].replace(" ", "  \n ")
    trec["websites"] = ["<http://www.transylvaniaenergycluster-trec.ro/company/projects.php>"]
    trec["results"]["items"][0]["text"] = "*În primele două etape derulate s-au elaborat:*"
    assert not has_differences(diff_documents(document_2019(), new, RULES))


def test_an_item_moved_between_nesting_levels_is_no_difference() -> None:
    new = document_2019()
    wood_results = new["projects"][5]["results"]["items"]
    child = wood_results[10]["children"].pop()
    wood_results.insert(0, child)
    assert not has_differences(diff_documents(document_2019(), new, RULES))


def test_a_reused_number_is_not_the_same_project() -> None:
    """Same number, other acronym and title: one removed and one added, never a change."""
    old = {"schema_version": "1.0", "report": {}, "projects": [project(4, "CATINN", "Textile")]}
    new = {"schema_version": "1.0", "report": {}, "projects": [project(4, "CM", "Mobilier")]}
    projects = diff_documents(old, new, RULES)["projects"]
    assert [entry["acronym"] for entry in projects["removed"]] == ["CATINN"]
    assert [entry["acronym"] for entry in projects["added"]] == ["CM"]
    assert projects["changed"] == []


def test_a_number_with_a_respelled_acronym_and_the_same_title_is_the_same_project() -> None:
    title = "Dezvoltarea capacității de inovare a clusterului ASTRICO NE"
    old = {"schema_version": "1.0", "report": {}, "projects": [project(8, "ASTRICONE", title)]}
    new = {"schema_version": "1.0", "report": {}, "projects": [project(8, "ASTRICON", title)]}
    (change,) = diff_documents(old, new, RULES)["projects"]["changed"]
    assert change["match"] == "number"
    assert content_view(change["fields"]) == [
        {"path": "acronym", "old": "ASTRICONE", "new": "ASTRICON"}
    ]


def test_a_title_match_ignores_case_and_diacritics() -> None:
    title = "Creșterea capacității inovative a companiilor din cadrul clusterului"
    old = {"schema_version": "1.0", "report": {}, "projects": [project(3, None, title)]}
    moved = project(7, None, title.upper().replace("Ș", "S").replace("Ă", "A").replace("Ț", "T"))
    new = {"schema_version": "1.0", "report": {}, "projects": [moved]}
    exact = DiffRules(title_match=100, item_similarity=80)
    (change,) = diff_documents(old, new, exact)["projects"]["changed"]
    assert change["match"] == "title"
    assert [field["path"] for field in change["fields"]] == ["number", "title"]


def test_item_similarity_threshold_decides_modified_or_removed_plus_added() -> None:
    old, new = document_2019(), document_2020()
    strict = diff_documents(old, new, DiffRules(title_match=85, item_similarity=99.5))
    tex = strict["projects"]["changed"][0]["items"]
    assert tex["modified"] == []
    assert TEX_STUDY in [entry["text"] for entry in tex["removed"]]


def test_websites_reordered_are_no_difference() -> None:
    old, new = document_2019(), document_2019()
    old["projects"][0]["websites"] = ["http://a.ro/", "http://b.ro/"]
    new["projects"][0]["websites"] = ["http://b.ro/", "http://a.ro/"]
    assert not has_differences(diff_documents(old, new, RULES))


def test_diff_leaves_its_inputs_unchanged() -> None:
    old, new = document_2019(), document_2020()
    diff_documents(old, new, RULES)
    assert (old, new) == (document_2019(), document_2020())


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ([1, 2], "E040"),
        ({"projects": []}, "E040"),
        ({"schema_version": "1.0", "projects": [{"acronym": "X"}]}, "E040"),
        ({"schema_version": "2.0", "projects": []}, "E041"),
    ],
)
def test_check_document_refuses_what_is_not_a_version_1_document(data: Any, code: str) -> None:
    with pytest.raises(ExtractorError) as error:
        check_document(data, "old.json")
    assert error.value.code == code
    assert "old.json" in error.value.message


def test_check_document_accepts_a_minor_version() -> None:
    document = {"schema_version": "1.3", "projects": []}
    assert check_document(document, "x.json") is document


def test_the_shipped_thresholds_are_scores() -> None:
    assert 0 < RULES.item_similarity <= 100
    assert 0 < RULES.title_match <= 100


@pytest.mark.parametrize(
    ("toml", "entry"),
    [
        ("title_match = 85\n", "item_similarity"),
        ("title_match = 85\nitem_similarity = 80\nextra = 1\n", "extra"),
        ("title_match = 0\nitem_similarity = 80\n", "title_match"),
        ("title_match = 85\nitem_similarity = 101\n", "item_similarity"),
        ('title_match = 85\nitem_similarity = "80"\n', "item_similarity"),
        ("title_match = true\nitem_similarity = 80\n", "title_match"),
    ],
)
def test_bad_diff_rules_name_the_file_and_the_entry(tmp_path: Path, toml: str, entry: str) -> None:
    rules = shutil.copytree(DEFAULT_RULES_DIR, tmp_path / "rules")
    (rules / "diff.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ExtractorError) as error:
        load_rules(rules)
    assert error.value.code == "E020"
    assert f"diff.toml: entry {entry}:" in error.value.message
