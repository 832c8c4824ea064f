"""Extract UEFISCDI's "Cluster inovativ" status reports (text or PDF) into validated JSON.

    import extractor

    document = extractor.extract("sources/cluster-inovativ-2019.txt")
    print(document.projects[0].acronym)            # INOV-TREC
    changes = extractor.diff("output/2019.json", "sources/2020.pdf")
    print(changes.summary.projects)                # {'added': 0, 'removed': 0, ...}

Names are imported on first use, so `import extractor` stays quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.compare.models import DocumentDiff
    from extractor.errors import ExtractorError
    from extractor.models import Document
    from extractor.pipeline import diff, extract
    from extractor.ruleset import Rules, load_rules

# Public name -> the module that defines it.
_PUBLIC: dict[str, str] = {
    "extract": "extractor.pipeline",
    "diff": "extractor.pipeline",
    "load_rules": "extractor.ruleset",
    "Rules": "extractor.ruleset",
    "Document": "extractor.models",
    "DocumentDiff": "extractor.compare.models",
    "ExtractorError": "extractor.errors",
    "PDF_ENGINES": "extractor.readers.pdf.reading",
}

__all__ = [
    "PDF_ENGINES",
    "Document",
    "DocumentDiff",
    "ExtractorError",
    "Rules",
    "__version__",
    "diff",
    "extract",
    "load_rules",
]


def _version() -> str:
    """The installed version; importlib.metadata is read only when asked (it is slow to import)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cluster-report-extractor")
    except PackageNotFoundError:  # imported from a checkout that was never installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()[name] = _version()
        return globals()[name]
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'extractor' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
