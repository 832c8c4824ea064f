"""The preamble's statement of how many projects were submitted and funded, as other
writers word it. The words change, so the expected preamble item changes with them.
"""

from __future__ import annotations

from drift.compare import Content

STATEMENT = (
    "această competiție a reunit 16 proiecte depuse, dintre care 12 proiecte au fost finanțate"
)

COUNT_WORDINGS = {
    "verb_first": (
        "în cadrul acestei competiții au fost depuse 16 propuneri de proiecte, "
        "dintre care au fost finanțate 12",
        "another year's wording: the verb before each count, the funded count last",
    ),
    "care_count": (
        "această competiție a reunit 16 propuneri de proiecte depuse, "
        "dintre care 12 au fost finanțate",
        "another year's wording: `dintre care 12 au fost finanțate`, with no noun",
    ),
}


def reword_counts(text: str, wording: str) -> str:
    """The preamble's count statement as `wording` says it."""
    if STATEMENT not in text:
        raise ValueError("the report's count statement is not where the transform expects it")
    return text.replace(STATEMENT, wording, 1)


def expect_counts_reworded(content: Content, wording: str) -> Content:
    """The golden content with the preamble's paragraph reworded (the counts the same)."""
    report = content["report"]
    items = [
        {**item, "text": item["text"].replace(STATEMENT, wording)} for item in report["preamble"]
    ]
    return {**content, "report": {**report, "preamble": items}}
