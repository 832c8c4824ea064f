"""spaCy imported without its command line, which its `__init__` pulls in for `spacy.info`.

`spacy.cli` brings typer, weasel, requests, httpx and jinja2: a third of spaCy's
import time, for commands this tool never runs. Import this module before any
`spacy` module: while spaCy loads, `spacy.cli.info` is a stand-in whose `info`
imports the real one when called; the stand-ins are then dropped, so a later
`import spacy.cli` gets spaCy's own package.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, importing spaCy's command line on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _import_spacy() -> ModuleType:
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    package, module = ModuleType("spacy.cli"), ModuleType("spacy.cli.info")
    module.info = _info  # type: ignore[attr-defined]
    package.info = module  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": package, "spacy.cli.info": module})
    try:
        import spacy
    finally:
        for name in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(name) in (package, module):
                del sys.modules[name]
    return spacy


spacy = _import_spacy()
