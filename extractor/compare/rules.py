"""`diff.toml` read on its own: all that comparing two documents needs of `rules/`.

Checked by a prebuilt validator (`extractor.prebuilt`), as the documents compared
are, so that `diff` neither reads the other rules nor builds their models.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic_core import ValidationError

from extractor.prebuilt import validator
from extractor.rulefiles import DEFAULT_RULES_DIR, invalid, read_toml

if TYPE_CHECKING:
    from extractor.ruleset import DiffRules


def load_diff_rules(directory: Path | None = None) -> DiffRules:
    """`diff.toml` of `directory` (the bundled `rules/` by default), checked: a bad entry
    is the E020 `load_rules` gives of it."""
    path = (directory or DEFAULT_RULES_DIR) / "diff.toml"
    try:
        return validator("DiffRules").validate_python(read_toml(path))
    except ValidationError as error:
        raise invalid(path, error) from error
