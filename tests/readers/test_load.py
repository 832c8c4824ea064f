"""Bytes to text: encodings, the source record, and the errors a user can act on."""

from __future__ import annotations

import codecs
import hashlib

import pytest
from pdf_fixtures import drawn_pdf

from extractor.errors import ExtractorError
from extractor.readers.load import (
    bytes_to_text,
    decode,
    is_pdf,
    pdf_to_text,
    romanian_score,
    unicode_to_text,
)
from extractor.readers.pdf.reading import PDF_ENGINES
from extractor.ruleset import load_rules
from extractor.text.normalize import normalize

RULES = load_rules().encodings
SAMPLE = "Activități în curs: știință, „cluster” \u2013 Țara Bârsei"

# (bytes, text expected, encoding recorded)
TEST_CASES = [
    pytest.param(SAMPLE.encode("utf-8"), SAMPLE, "utf-8", id="utf-8"),
    pytest.param(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), SAMPLE, "utf-8-sig", id="utf-8-bom"),
    pytest.param(
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), SAMPLE, "utf-16", id="utf-16-le-bom"
    ),
    pytest.param(
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), SAMPLE, "utf-16", id="utf-16-be-bom"
    ),
    # cp1250 has only the cedilla letters, and „ ” at 0x84 0x94 (C1 controls in ISO-8859).
    pytest.param(
        "Activităţi în curs: ştiinţă, „cluster”".encode("cp1250"),
        "Activităţi în curs: ştiinţă, „cluster”",
        "cp1250",
        id="cp1250",
    ),
    # ISO-8859-16 has the comma letters; its „ ” (0xA5 0xB5) read as Ą µ in cp1250.
    pytest.param(
        "Știință și țară, „cluster”".encode("iso-8859-16"),
        "Știință și țară, „cluster”",
        "iso-8859-16",
        id="iso-8859-16",
    ),
]


@pytest.mark.parametrize(("data", "text", "encoding"), TEST_CASES)
def test_bytes_to_text_reads_each_encoding(data: bytes, text: str, encoding: str) -> None:
    loaded = bytes_to_text(data, "raport.txt", RULES)
    assert loaded.text == text
    assert loaded.source["encoding"] == encoding


def test_bom_is_not_part_of_the_text() -> None:
    loaded = bytes_to_text(codecs.BOM_UTF8 + b"Titlu", "r.txt", RULES)
    assert loaded.text == "Titlu"
    assert not loaded.text.startswith("\ufeff")


def test_iso_8859_2_romanian_text_reads_right() -> None:
    # Romanian letters have the same bytes in ISO-8859-2 and cp1250: either reading is right.
    sample = "Ştiinţă şi ţară în Bârsa, Ăla, Îndoială, Âsta"
    data = sample.encode("iso-8859-2")
    loaded = bytes_to_text(data, "r.txt", RULES)
    assert loaded.text == sample
    assert data.decode(loaded.source["encoding"]) == sample


def test_ambiguous_legacy_bytes_go_to_the_earlier_encoding_and_normalize_alike() -> None:
    # 'Știință și țară' in ISO-8859-16 is also cp1250 for 'Ştiinţă şi ţară': a tie.
    data = "Știință și țară".encode("iso-8859-16")
    text, encoding, _ = decode(data, "r.txt", RULES)
    assert encoding == RULES.legacy[0] == "cp1250"
    assert text == "Ştiinţă şi ţară"
    assert normalize(text).text == "Știință și țară"


def test_legacy_choice_follows_rules_order() -> None:
    reordered = RULES.model_copy(update={"legacy": ("iso-8859-16", "cp1250")})
    text, encoding, _ = decode("Știință și țară".encode("iso-8859-16"), "r.txt", reordered)
    assert (text, encoding) == ("Știință și țară", "iso-8859-16")


def test_control_chars_count_against_a_legacy_encoding_whatever_its_place() -> None:
    # cp1250's „ ” (0x84 0x94) are C1 control chars in ISO-8859-16, whose letters here read
    # alike: listed first, ISO-8859-16 would win the tie unless the controls count against it.
    sample = "Activităţi în curs: ştiinţă, „cluster”"
    reordered = RULES.model_copy(update={"legacy": ("iso-8859-16", "cp1250")})
    assert decode(sample.encode("cp1250"), "r.txt", reordered)[:2] == (sample, "cp1250")


def test_a_legacy_encoding_that_cannot_read_the_bytes_gives_way_to_the_next() -> None:
    # 0x98 is no char in cp1250 (listed first); ISO-8859-16 reads every byte.
    data = "Știință și țară".encode("iso-8859-16") + b" \x98"
    assert decode(data, "r.txt", RULES)[:2] == ("Știință și țară \x98", "iso-8859-16")


def test_source_record() -> None:
    data = b"Stadiul proiectelor"
    loaded = bytes_to_text(data, "raport.txt", RULES)
    assert loaded.source == {
        "file": "raport.txt",
        "sha256": hashlib.sha256(data).hexdigest(),
        "format": "text",
        "encoding": "utf-8",
    }
    assert loaded.geometry is None


def test_source_hash_is_of_the_bytes_with_bom() -> None:
    data = codecs.BOM_UTF8 + b"Titlu"
    assert bytes_to_text(data, "r.txt", RULES).source["sha256"] == hashlib.sha256(data).hexdigest()


ERROR_CASES = [
    pytest.param(b"Titlu\x00\x01\x02proiect", "E004", id="nul-bytes"),
    pytest.param("Titlu".encode("utf-16-le"), "E004", id="utf-16-without-bom"),
    pytest.param(b"", "E003", id="empty"),
    pytest.param(b" \n\t\r\n  ", "E003", id="whitespace"),
    pytest.param(codecs.BOM_UTF8, "E003", id="bom-only"),
    pytest.param(codecs.BOM_UTF8 + b"  \n ", "E003", id="bom-and-whitespace"),
    pytest.param(b"ab\xffc\x01\x02", "E002", id="control-chars-and-bad-bytes"),
    pytest.param(codecs.BOM_UTF16_LE + b"T\x00\x00\xd8", "E002", id="utf-16-bom-lone-surrogate"),
]


@pytest.mark.parametrize(("data", "code"), ERROR_CASES)
def test_bad_input_raises_with_code(data: bytes, code: str) -> None:
    with pytest.raises(ExtractorError) as caught:
        bytes_to_text(data, "raport.txt", RULES)
    assert caught.value.code == code
    assert "raport.txt" in caught.value.message
    assert caught.value.hint


@pytest.mark.parametrize(
    ("data", "legacy", "error"),
    [
        (
            b"Titlu\x00",
            RULES.legacy,
            "E004 raport.txt: binary data, neither text nor PDF (give the report as a .txt "
            "(UTF-8, UTF-16 or a Romanian legacy encoding) or .pdf file)",
        ),
        (b" \n", RULES.legacy, "E003 raport.txt: the input holds no text (check the file)"),
        (
            codecs.BOM_UTF8 + b"ab\xffc",
            RULES.legacy,
            "E002 raport.txt: 1 of its 4 chars are control chars or bytes that read in no "
            "known encoding (save the report as UTF-8 text)",
        ),
        (
            codecs.BOM_UTF16_LE + b"T\x00\x00\xd8",
            RULES.legacy,
            "E002 raport.txt: byte 4 is not utf-16, though the file has its BOM "
            "(re-save the file in one encoding)",
        ),
        (
            b"Titlu \xff",
            ("ascii", "utf-16-le"),  # seven bytes: not UTF-16 either
            "E002 raport.txt: 1 of its 7 chars are control chars or bytes that read in no "
            "known encoding (save the report as UTF-8 text)",
        ),
        (
            codecs.BOM_UTF8 + b"  \n",
            RULES.legacy,
            "E003 raport.txt: the input holds no text (check the file)",
        ),
        (
            codecs.BOM_UTF8 + b"abcdefgh\xff",
            RULES.legacy,
            "E002 raport.txt: 1 of its 9 chars are control chars or bytes that read in no "
            "known encoding (save the report as UTF-8 text)",
        ),
    ],
    ids=[
        "binary",
        "empty",
        "bad-byte-after-utf-8-bom",
        "bad-byte-after-utf-16-bom",
        "unread",
        "bom-only",
        "one-bad-char-in-nine",
    ],
)
def test_a_read_error_says_what_is_wrong_and_what_to_do(
    data: bytes, legacy: tuple[str, ...], error: str
) -> None:
    rules = RULES.model_copy(update={"legacy": legacy})
    with pytest.raises(ExtractorError) as caught:
        bytes_to_text(data, "raport.txt", rules)
    assert str(caught.value) == error


def test_romanian_score_counts_letters_for_and_foreign_letters_and_controls_against() -> None:
    # 6 Romanian letters, ASCII ignored; then two foreign letters and a C1 control against,
    # a symbol ignored.
    assert romanian_score("Știință și țară", RULES.romanian_letters) == 6
    assert romanian_score("ăî Ł\x84 ß ¤", RULES.romanian_letters) == 2 - 3


def test_bad_byte_after_utf16_bom_is_named_by_file_offset() -> None:
    with pytest.raises(ExtractorError) as caught:
        bytes_to_text(codecs.BOM_UTF16_LE + b"T\x00\x00\xd8", "r.txt", RULES)
    assert "byte 4 " in caught.value.message


def test_bad_byte_after_utf8_bom_is_replaced_and_named_by_file_offset() -> None:
    # A bad byte at offset 5 of the file, and a file cut in the middle of `ș` at offset 37.
    data = codecs.BOM_UTF8 + b"ab\xff" + b"c" * 30 + b" " + "ș".encode()[:1]
    loaded = bytes_to_text(data, "r.txt", RULES)
    assert loaded.text == "ab\ufffd" + "c" * 30 + " \ufffd"
    assert loaded.source["encoding"] == "utf-8-sig"
    assert loaded.findings == (
        ("invalid_bytes", "2 bytes are not UTF-8 and read as U+FFFD: at byte 5, 37"),
    )


PDF_CASES = [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", True),
    (b"\n\r\t %PDF-1.4\n", True),
    (b"%PDF1.4", False),
    (b"Stadiul proiectelor %PDF-1.4", False),
    (b" " * 1024 + b"%PDF-1.4", False),
    (b"", False),
]


@pytest.mark.parametrize(("data", "expected"), PDF_CASES)
def test_is_pdf(data: bytes, expected: bool) -> None:
    assert is_pdf(data) is expected


def test_a_legacy_page_wins_only_when_it_reads_the_bytes_better() -> None:
    sample = "Activităţi în curs: ştiinţă şi ţară, „cluster”"
    loaded = bytes_to_text(sample.encode("cp1250"), "r.txt", RULES)
    assert (loaded.text, loaded.source["encoding"], loaded.findings) == (sample, "cp1250", ())


def test_a_stray_legacy_byte_in_ascii_text_reads_as_its_letter() -> None:
    loaded = bytes_to_text(b"Activit\xe3ti in curs", "r.txt", RULES)
    assert (loaded.text, loaded.source["encoding"]) == ("Activităti in curs", "cp1250")


def test_utf8_letters_in_a_legacy_file_are_named_not_silently_garbled() -> None:
    data = "Activităţi în curs: ştiinţă şi ţară".encode("cp1250") + " Țara".encode()
    loaded = bytes_to_text(data, "r.txt", RULES)
    assert loaded.source["encoding"] == "cp1250"
    assert loaded.findings == (
        (
            "invalid_bytes",
            "read as cp1250, though 1 letter(s) read as UTF-8: the file mixes encodings, "
            "and those letters may be wrong",
        ),
    )


def test_many_bad_bytes_name_the_first_twenty_and_count_the_rest() -> None:
    data = ("ță " * 400).encode() + b"\xff " * 30
    ((_, message),) = bytes_to_text(data, "r.txt", RULES).findings
    assert message.startswith("30 bytes are not UTF-8 and read as U+FFFD: at byte 2000, 2002")
    assert message.endswith(" and 10 more")


def test_a_pdf_is_known_by_its_magic_within_its_first_kilobyte() -> None:
    assert is_pdf(b" " * 1019 + b"%PDF-1.4")
    assert not is_pdf(b" " * 1020 + b"%PDF-1.4")


def test_a_damaged_pdf_is_named_by_its_file() -> None:
    with pytest.raises(ExtractorError) as caught:
        pdf_to_text(b"%PDF-1.4\n" + b"\x00garbage" * 64, "raport.pdf", load_rules().pdf)
    assert caught.value.message.startswith("raport.pdf: ")


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (b"abcdefghi\xff", "1 byte is not UTF-8 and read as U+FFFD: at byte 12"),
        (
            ("ță " * 400).encode() + b"\xff " * 20,
            "20 bytes are not UTF-8 and read as U+FFFD: at byte "
            + ", ".join(str(2003 + 2 * n) for n in range(20)),
        ),
    ],
    ids=["one-bad-char-in-ten-is-read", "as-many-as-are-named"],
)
def test_bad_bytes_up_to_a_tenth_of_the_text_are_read_and_named(bad: bytes, message: str) -> None:
    loaded = bytes_to_text(codecs.BOM_UTF8 + bad, "r.txt", RULES)
    assert loaded.findings == (("invalid_bytes", message),)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (
            codecs.BOM_UTF16_LE + b"T\x00\x00\xd8",
            "E002 raport.txt: byte 4 is not utf-16, though the file has its BOM "
            "(re-save the file in one encoding)",
        ),
        (codecs.BOM_UTF8 + b" \n", "E003 raport.txt: the input holds no text (check the file)"),
    ],
    ids=["utf-16-lone-surrogate", "bom-only"],
)
def test_unicode_read_without_rules_names_the_file_in_its_errors(data: bytes, error: str) -> None:
    with pytest.raises(ExtractorError) as caught:
        unicode_to_text(data, "raport.txt")
    assert str(caught.value) == error


def test_unicode_read_without_rules_leaves_legacy_bytes_to_the_rules() -> None:
    assert unicode_to_text("Activităţi".encode("cp1250"), "raport.txt") is None


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_a_pdf_read_reports_each_page_and_names_its_furniture_lines(engine: str) -> None:
    data = drawn_pdf("small-report")
    pages: list[tuple[int, int]] = []
    loaded = pdf_to_text(
        data, "r.pdf", load_rules().pdf, lambda n, of: pages.append((n, of)), engine
    )
    count = loaded.source["pages"]
    assert count > 1 and pages == [(n, count) for n in range(1, count + 1)]
    lines = loaded.text.split("\n")
    assert loaded.furniture and all(lines[number - 1].strip() for number in loaded.furniture)


def test_a_pdf_read_by_an_unknown_engine_is_refused_with_the_known_ones() -> None:
    with pytest.raises(
        ValueError, match=r"^unknown PDF engine 'pdfminer': one of pdfium, pdfplumber$"
    ):
        pdf_to_text(drawn_pdf("small-report"), "r.pdf", load_rules().pdf, engine="pdfminer")
