"""The diff of two extracted documents: matching, field and item changes, thresholds."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from second_year import (
    EXPECTED_DIFF,
    RULES,
    TEX_STUDY,
    document_2019,
    document_2020,
    item,
    project,
    with_spans,
)

from extractor.compare.documents import acronym_key, diff_documents, has_differences
from extractor.compare.rules import load_diff_rules
from extractor.content import content_view
from extractor.errors import ExtractorError
from extractor.rulefiles import DEFAULT_RULES_DIR
from extractor.ruleset import DiffRules, load_rules


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
    assert tex["spans"] == {"old": old["projects"][2]["span"], "new": new["projects"][1]["span"]}
    ongoing = next(field for field in tex["fields"] if field["path"] == "ongoing")
    assert ongoing["spans"] == {"old": old["projects"][2]["ongoing"]["span"], "new": None}


def test_a_section_added_and_a_first_website_are_field_changes_with_their_spans() -> None:
    old, new = with_spans(document_2019(), 100), with_spans(document_2019(), 500)
    del old["projects"][0]["spans"]["websites"][0]
    old["projects"][0]["websites"], old["projects"][0]["ongoing"] = [], None
    old["projects"][0]["period"] = None
    (change,) = diff_documents(old, new, RULES)["projects"]["changed"]
    trec = new["projects"][0]
    assert content_view(change["fields"]) == [
        {"path": "period.start", "old": None, "new": trec["period"]["start"]},
        {"path": "period.end", "old": None, "new": trec["period"]["end"]},
        {"path": "websites", "old": [], "new": trec["websites"]},
        {"path": "ongoing", "old": None, "new": trec["ongoing"]["heading"]},
    ]
    spans = {field["path"]: field["spans"] for field in change["fields"]}
    assert spans["websites"] == {"old": None, "new": trec["spans"]["websites"][0]}
    assert spans["ongoing"] == {"old": None, "new": trec["ongoing"]["span"]}


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


@pytest.mark.parametrize("best_first", [False, True], ids=["best-second", "best-first"])
def test_a_fuzzy_title_match_takes_the_best_scoring_project_not_the_first(
    best_first: bool,
) -> None:
    # Both old titles reach title_match against the new one; `closer` scores higher.
    farther = project(1, None, "Clusterul regional pentru energie verde din Oltenia")
    closer = project(2, None, "Clusterul regional pentru energie verde și mobilitate din Oltenia")
    renamed = project(5, None, "Clusterul regional pentru energie verde si mobilitate Oltenia")
    olds = [closer, farther] if best_first else [farther, closer]
    old = {"schema_version": "1.0", "report": {}, "projects": olds}
    new = {"schema_version": "1.0", "report": {}, "projects": [renamed]}
    diff = diff_documents(old, new, RULES)
    (change,) = diff["projects"]["changed"]
    assert change["match"] == "title"
    assert [entry["number"] for entry in diff["projects"]["removed"]] == [1]


def results_of(*texts: str) -> dict[str, Any]:
    """A one-project document whose results section holds these items."""
    results = {"heading": "Rezultate obținute:", "items": [item(text) for text in texts]}
    return {"schema_version": "1.0", "projects": [project(1, "X", "T", results=results)]}


@pytest.mark.parametrize("best_first", [False, True], ids=["best-second", "best-first"])
def test_a_reworded_item_pairs_with_its_most_similar_item_not_the_first(best_first: bool) -> None:
    # Both old items reach item_similarity against the new one; `closer` scores higher.
    broader = "Organizarea a trei sesiuni de instruire pentru membrii clusterului și parteneri."
    closer = "Organizarea a două sesiuni de instruire pentru membrii clusterului."
    reworded = "Organizarea a trei sesiuni de instruire pentru membrii clusterului."
    heading = "Rezultate obținute:"
    olds = [closer, broader] if best_first else [broader, closer]
    old_results = {"heading": heading, "items": [item(text) for text in olds]}
    new_results = {"heading": heading, "items": [item(reworded)]}
    old = {"schema_version": "1.0", "projects": [project(1, "X", "T", results=old_results)]}
    new = {"schema_version": "1.0", "projects": [project(1, "X", "T", results=new_results)]}
    (change,) = diff_documents(old, new, RULES)["projects"]["changed"]
    assert [(entry["old"], entry["new"]) for entry in change["items"]["modified"]] == [
        (closer, reworded)
    ]
    assert [entry["text"] for entry in change["items"]["removed"]] == [broader]


def test_an_old_item_pairs_with_one_new_item_at_most() -> None:
    old = results_of("Au fost organizate trei sesiuni de instruire pentru membri.")
    new = results_of(
        "Au fost organizate patru sesiuni de instruire pentru membri.",
        "Au fost organizate cinci sesiuni de instruire pentru membri.",
    )
    (change,) = diff_documents(old, new, RULES)["projects"]["changed"]
    assert [entry["new"] for entry in change["items"]["modified"]] == [
        "Au fost organizate patru sesiuni de instruire pentru membri."
    ]
    assert [entry["text"] for entry in change["items"]["added"]] == [
        "Au fost organizate cinci sesiuni de instruire pentru membri."
    ]


def test_reworded_items_are_listed_in_the_new_documents_order() -> None:
    old = results_of(
        "Un studiu de piață a fost realizat.", "Un ghid de bune practici a fost scris."
    )
    new = results_of(
        "Un ghid de bune practici a fost publicat.", "Un studiu de piață a fost finalizat."
    )
    (change,) = diff_documents(old, new, RULES)["projects"]["changed"]
    assert [entry["new"] for entry in change["items"]["modified"]] == [
        "Un ghid de bune practici a fost publicat.",
        "Un studiu de piață a fost finalizat.",
    ]


def test_changed_projects_are_listed_in_the_new_documents_order_whatever_paired_them() -> None:
    # The first new project pairs by title (renumbered, no acronym), the second by number.
    title = "Clusterul regional pentru energie verde și mobilitate din Oltenia"
    old = {"schema_version": "1.0", "projects": [project(1, None, title), project(2, "B", "Beta")]}
    renamed = project(7, None, title, cluster_members=20)
    new = {"schema_version": "1.0", "projects": [renamed, project(2, "B", "Beta", domain="Altul")]}
    changed = diff_documents(old, new, RULES)["projects"]["changed"]
    assert [(change["number"], change["match"]) for change in changed] == [
        (7, "title"),
        (2, "number"),
    ]


def test_a_title_score_equal_to_the_threshold_pairs_by_number() -> None:
    # fuzz.ratio("abcd", "abce") is 75: the threshold is reached, not passed.
    at_75 = DiffRules(title_match=75, item_similarity=80)
    old = {"schema_version": "1.0", "projects": [project(3, None, "abcd")]}
    new = {"schema_version": "1.0", "projects": [project(3, None, "abce")]}
    (change,) = diff_documents(old, new, at_75)["projects"]["changed"]
    assert change["match"] == "number"


def test_acronym_key_drops_case_diacritics_spaces_and_hyphens_only() -> None:
    assert acronym_key(" Ino-Tex ") == acronym_key("INO TEX") == "inotex"
    assert acronym_key("ȘTIINȚA 2") == "stiinta2"
    assert acronym_key(None) == acronym_key("") == ""


def test_projects_without_a_title_never_pair_by_title_even_at_the_lowest_threshold() -> None:
    lowest = DiffRules(title_match=1, item_similarity=80)
    for old_title, new_title in ((None, "Cluster textil"), ("Cluster textil", None), (None, None)):
        old = {"schema_version": "1.0", "projects": [project(1, None, old_title)]}
        new = {"schema_version": "1.0", "projects": [project(2, None, new_title)]}
        projects = diff_documents(old, new, lowest)["projects"]
        assert (len(projects["removed"]), len(projects["added"])) == (1, 1), (old_title, new_title)


@pytest.mark.parametrize("kind", ["added", "removed", "changed"])
def test_any_project_added_removed_or_changed_alone_is_a_difference(kind: str) -> None:
    projects = {"added": [], "removed": [], "changed": [], "unchanged": []}
    projects[kind] = [{"number": 1}]
    assert has_differences({"projects": projects})
    assert not has_differences({"projects": {**projects, kind: []}})


def test_websites_reordered_are_no_difference() -> None:
    old, new = document_2019(), document_2019()
    old["projects"][0]["websites"] = ["http://a.ro/", "http://b.ro/"]
    new["projects"][0]["websites"] = ["http://b.ro/", "http://a.ro/"]
    assert not has_differences(diff_documents(old, new, RULES))


def test_diff_leaves_its_inputs_unchanged() -> None:
    old, new = document_2019(), document_2020()
    diff_documents(old, new, RULES)
    assert (old, new) == (document_2019(), document_2020())


def test_the_shipped_thresholds_are_scores() -> None:
    assert 0 < RULES["item_similarity"] <= 100
    assert 0 < RULES["title_match"] <= 100


def test_diff_toml_alone_gives_the_rules_diff(tmp_path: Path) -> None:
    folder = shutil.copytree(DEFAULT_RULES_DIR, tmp_path / "rules")
    (folder / "diff.toml").write_text("title_match = 70\nitem_similarity = 60\n", "utf-8")
    assert (
        load_diff_rules(folder)
        == load_rules(folder).diff
        == DiffRules(title_match=70, item_similarity=60)
    )
    assert load_diff_rules() == load_rules().diff


@pytest.mark.parametrize("loader", [load_rules, load_diff_rules])
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
def test_bad_diff_rules_name_the_file_and_the_entry(
    tmp_path: Path, toml: str, entry: str, loader: Callable[[Path], object]
) -> None:
    rules = shutil.copytree(DEFAULT_RULES_DIR, tmp_path / "rules")
    (rules / "diff.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ExtractorError) as error:
        loader(rules)
    assert error.value.code == "E020"
    assert f"diff.toml: entry {entry}:" in error.value.message
