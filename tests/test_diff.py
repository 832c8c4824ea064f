"""The diff of two extracted documents: matching, field and item changes, thresholds.

The second-year document is made here from a small 2019-like document (texts
from the 2019 report) by a written change list; the expected diff is written
by hand from that list, not produced by the tool.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from extractor.cli_diff import DIFF_RULES, load_diff_rules
from extractor.content import content_view
from extractor.diff import DiffRules, check_document, diff_documents, has_differences
from extractor.errors import ExtractorError

RULES = DiffRules(title_match=85, item_similarity=70)

TREC_STUDIES = (
    "două studii privind strategiile de cluster naționale și europene pentru a ne alinia noua "
    "strategie de dezvoltare la cerințele naționale și europene din domeniu;"
)
TEX_STUDY = (
    "Studiu privind stadiul actual al gradului de inovare al clusterului RTxC, realizat pe baza "
    "de chestionare, 24 de firme fiind intervievate în vederea analizării surselor și "
    "oportunităților de inovare la nivelul clusterului;"
)
TEX_AGENDA = (
    "Agenda strategică CDI preliminară, care stabilește scopurile și obiectivele CDI ale "
    "clusterului;"
)
TEX_DATABASE = (
    "S-a creat o bază de date privind deșeurile textile rezultate din procesul de producție, "
    "realizat prin colectarea de date;"
)
TEX_CIT = (
    "Planificarea dezvoltării unui Centru de Informare Tehnologică - elaborarea planului de "
    "dezvoltare a unui CIT, cu serviciile aferente specializate;"
)
WOOD_AUDIT = (
    "În cadrul activității 1.4 - Servicii de auditare a capacității de inovare pentru membrii "
    "clusterului:"
)
WOOD_KEY = (
    "din interviuri, chestionare și discuții cu membrii clusterului a reieșit faptul că inovarea "
    "este un element cheie pentru industria prelucrării lemnului;"
)


def item(text: str, *children: dict[str, Any], kind: str = "bullet") -> dict[str, Any]:
    return {"kind": kind, "text": text, "children": list(children)}


def paragraph(text: str) -> dict[str, Any]:
    return item(text, kind="paragraph")


def section(heading: str, *items: dict[str, Any]) -> dict[str, Any]:
    return {"heading": heading, "items": list(items)}


def project(number: int, acronym: str | None, title: str, **fields: Any) -> dict[str, Any]:
    data = {
        "number": number,
        "acronym": acronym,
        "title": title,
        "period": {"start": "2018-07-01", "end": "2020-06-30"},
        "coordinator": "ASOCIAȚIA",
        "director": "Director",
        "cluster_members": 30,
        "region": {"raw": "Sud", "name": "Sud-Muntenia", "nuts2": "RO31"},
        "domain": "Bioeconomie",
        "websites": [],
        "objective": None,
        "results": None,
        "ongoing": None,
        "warnings": [],
    }
    data.update(fields)
    return data


def document_2019() -> dict[str, Any]:
    """Four projects of the 2019 report, shortened; project 6 has no header (no acronym)."""
    return {
        "schema_version": "1.0",
        "report": {
            "title": "Stadiul proiectelor “Cluster inovativ” la 31.12.2019",
            "as_of": "2019-12-31",
        },
        "projects": [
            project(
                1,
                "INOV-TREC",
                "Creșterea capacității inovative a companiilor din cadrul clusterului TREC, "
                "prin transfer tehnologic și de cunoștințe",
                cluster_members=32,
                region={"raw": "Nord-Vest", "name": "Nord-Vest", "nuts2": "RO11"},
                websites=["http://www.transylvaniaenergycluster-trec.ro/company/projects.php"],
                results=section(
                    "Principalele rezultate:",
                    paragraph("În primele două etape derulate s-au elaborat:"),
                    item("agenda strategică de cercetare-dezvoltare și inovare;"),
                    item(TREC_STUDIES),
                    item("o bancă de date cu serviciile și oferta membrilor clusterului;"),
                    paragraph("Au fost atrași 3 membri în clusterul TREC;"),
                ),
            ),
            project(
                2,
                "INDAGRO",
                "Agenda strategică de CDI a clusterului de inovare IND-AGRO-POL",
                period={"start": "2017-07-01", "end": "2020-06-30"},
                cluster_members=100,
                ongoing=section(
                    "Activități în curs:",
                    item("Vor fi asumate responsabilitățile aferente planului de implementare;"),
                ),
            ),
            project(
                3,
                "Ino Tex",
                "Dezvoltarea capacitatii de inovare a clusterului Romanian Textie Concept",
                cluster_members=61,
                domain="Textile și pielărie",
                results=section(
                    "Principalele rezultate:",
                    paragraph(TEX_STUDY),
                    item(TEX_AGENDA),
                    item(TEX_DATABASE),
                ),
                ongoing=section("Activități în curs:", item(TEX_CIT)),
            ),
            project(
                6,
                None,
                "Dezvoltarea capacității CDI a clusterului PRO WOOD \u2013 “INNO WOOD”",
                cluster_members=57,
                region={"raw": "Centru", "name": "Centru", "nuts2": "RO12"},
                websites=["http://prowood.ro/category/proiecte"],
                results=section("Principalele rezultate:", item(WOOD_AUDIT, item(WOOD_KEY))),
                warnings=[{"code": "missing_header"}],
            ),
        ],
        "warnings": [],
    }


NEW_PROJECT_TITLE = "Clusterul de inovare pentru economie circulară NEWCLUS"


def document_2020() -> dict[str, Any]:
    """The change list, applied to a copy of the 2019 document."""
    document = copy.deepcopy(document_2019())
    document["report"]["as_of"] = "2020-12-31"
    trec, _indagro, tex, wood = document["projects"]
    # INOV-TREC: only white space, markup and order change, which are no differences.
    results = trec["results"]["items"]
    results[1]["text"] = "**agenda**  strategică de\tcercetare-dezvoltare și inovare; "
    results[2], results[3] = results[3], results[2]
    # INDAGRO is gone.
    # Ino Tex: renumbered, acronym re-spelled, members and end date changed; one result
    # reworded, one removed, one added; the ongoing section gone.
    tex["number"] = 2
    tex["acronym"] = "INO-TEX"
    tex["cluster_members"] = 64
    tex["period"]["end"] = "2020-12-31"
    tex["results"]["items"] = [
        paragraph(TEX_STUDY.replace("24 de firme", "30 de firme")),
        item(TEX_DATABASE),
        item("S-au organizat sesiuni de instruire pentru membri și pentru echipa de management."),
    ]
    tex["ongoing"] = None
    # The project without a header gets one: new number and acronym, matched by title;
    # its website moved; a sub-bullet reworded.
    wood["number"] = 5
    wood["acronym"] = "PROWOOD"
    wood["websites"] = ["https://prowood.ro/proiecte"]
    wood["warnings"] = []
    wood["results"]["items"][0]["children"][0]["text"] = WOOD_KEY.replace(
        "un element cheie", "elementul cheie"
    )
    # A new project takes the number 6 that the old headerless project had.
    new = project(6, "NEWCLUS", NEW_PROJECT_TITLE, cluster_members=12)
    document["projects"] = [trec, tex, wood, new]
    return document


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
                    "added": [
                        {
                            "section": "results",
                            "text": "S-au organizat sesiuni de instruire pentru membri și pentru "
                            "echipa de management.",
                        }
                    ],
                    "removed": [
                        {"section": "results", "text": TEX_AGENDA},
                        {"section": "ongoing", "text": TEX_CIT},
                    ],
                    "modified": [
                        {
                            "section": "results",
                            "old": TEX_STUDY,
                            "new": "Studiu privind stadiul actual al gradului de inovare al "
                            "clusterului RTxC, realizat pe baza de chestionare, 30 de firme fiind "
                            "intervievate în vederea analizării surselor și oportunităților de "
                            "inovare la nivelul clusterului;",
                        }
                    ],
                },
            },
            {
                "number": 5,
                "acronym": "PROWOOD",
                "match": "title",
                "fields": [
                    {"path": "number", "old": 6, "new": 5},
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
                    "modified": [
                        {
                            "section": "results",
                            "old": WOOD_KEY,
                            "new": "din interviuri, chestionare și discuții cu membrii "
                            "clusterului a reieșit faptul că inovarea este elementul cheie pentru "
                            "industria prelucrării lemnului;",
                        }
                    ],
                },
            },
        ],
        "unchanged": [{"number": 1, "acronym": "INOV-TREC"}],
    },
    "summary": {
        "projects": {"added": 1, "removed": 1, "changed": 2, "unchanged": 1},
        "fields": 8,
        "items": {"added": 1, "removed": 2, "modified": 2},
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
    assert [entry["number"] for entry in diff["projects"]["unchanged"]] == [1, 2, 3, 6]
    assert diff["summary"]["fields"] == 0


def test_spans_and_source_are_no_difference_but_point_to_both_documents() -> None:
    old, new = with_spans(document_2019(), 100), with_spans(document_2020(), 500)
    diff = diff_documents(old, new, RULES)
    assert content_view(diff) == EXPECTED_DIFF
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
    websites = diff["projects"]["changed"][1]["fields"][2]
    assert websites["spans"]["new"] == new["projects"][2]["spans"]["websites"][0]


def test_hand_edited_white_space_and_markup_are_no_difference() -> None:
    new = document_2019()
    trec = new["projects"][0]
    trec["title"] = "  " + trec["title"].replace(" ", "  \n ")
    trec["websites"] = ["<http://www.transylvaniaenergycluster-trec.ro/company/projects.php>"]
    trec["results"]["items"][0]["text"] = "*În primele două etape derulate s-au elaborat:*"
    assert not has_differences(diff_documents(document_2019(), new, RULES))


def test_an_item_moved_between_nesting_levels_is_no_difference() -> None:
    new = document_2019()
    wood_results = new["projects"][3]["results"]["items"]
    child = wood_results[0]["children"].pop()
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


def test_the_rules_file_loads() -> None:
    rules = load_diff_rules(DIFF_RULES)
    assert 0 < rules.item_similarity <= 100
    assert 0 < rules.title_match <= 100


@pytest.mark.parametrize(
    ("data", "named"),
    [
        ({"title_match": 85}, "missing keys ['item_similarity']"),
        ({"title_match": 85, "item_similarity": 70, "extra": 1}, "unknown keys ['extra']"),
        ({"title_match": 0, "item_similarity": 70}, "title_match = 0"),
        ({"title_match": 85, "item_similarity": "70"}, "item_similarity = '70'"),
        ({"title_match": True, "item_similarity": 70}, "title_match = True"),
    ],
)
def test_bad_rules_name_the_file_and_the_key(data: dict[str, Any], named: str) -> None:
    with pytest.raises(ExtractorError) as error:
        DiffRules.from_mapping(data, "rules/diff.toml")
    assert error.value.code == "E020"
    assert error.value.message.startswith("rules/diff.toml: ")
    assert named in error.value.message
