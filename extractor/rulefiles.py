"""Where the rules are, how a rules file is read, and the E020s that say why it cannot be.

Kept apart from `extractor.ruleset`, whose models take longer to build than `diff` of
two documents should take: that command reads only `diff.toml`, with these.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic_core import ValidationError

import extractor.rules
from extractor.errors import E_RULES, ExtractorError, first_problem, too_many_digits

# The repository's `rules/`, installed as the package `extractor.rules` (pyproject.toml);
# its folder read from the package, not through importlib.resources, which `diff` would
# import for this alone.
DEFAULT_RULES_DIR = Path(extractor.rules.__file__).parent


def unreadable(path: Path, error: OSError) -> ExtractorError:
    """The E020 for a rules file that cannot be read."""
    message = f"cannot read rules file {path}: {error.strerror}"
    return ExtractorError(E_RULES, message)


def read_toml(path: Path) -> dict[str, Any]:
    """Given a rules file, its data; an unreadable or malformed file is an E020."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise unreadable(path, error) from error
    except tomllib.TOMLDecodeError as error:
        raise ExtractorError(E_RULES, f"rules file {path} is not valid TOML: {error}") from error
    except ValueError as error:
        raise ExtractorError(E_RULES, f"rules file {path} holds {too_many_digits()}") from error


def invalid(path: Path, error: ValidationError, where: str = "entry") -> ExtractorError:
    """The E020 for a rules file whose data does not validate: its first problem."""
    return ExtractorError(E_RULES, f"rules file {path}: {where} {first_problem(error)}")
