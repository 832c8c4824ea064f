"""The errors a PDF reader raises: password-protected, or damaged (on which page)."""

from __future__ import annotations

from extractor.errors import E_PDF_DAMAGED, E_PDF_ENCRYPTED, ExtractorError


def encrypted(name: str) -> ExtractorError:
    return ExtractorError(
        E_PDF_ENCRYPTED,
        f"{name}: the PDF is password-protected",
        "save an unprotected copy (print to PDF, or qpdf --decrypt) and extract that",
    )


_DETAIL = 80  # chars of the parser's own message: some quote whole raw PDF objects


def damaged(name: str, error: BaseException, page: int | None = None) -> ExtractorError:
    where = f" (page {page})" if page else ""
    detail = " ".join(str(error).split())[:_DETAIL] or type(error).__name__
    return ExtractorError(
        E_PDF_DAMAGED,
        f"{name}: the PDF is damaged or truncated{where}: {detail}",
    )
