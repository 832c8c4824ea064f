"""Bullet markers as other writers and converters write them, at both levels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drift.lines import join_lines, roman, split_lines

_SOURCE_BULLET = re.compile(r"(?P<indent> *)- (?P<text>.*)")


@dataclass(frozen=True)
class Marker:
    """A list marker: a glyph, or a numbering style rendered from the item's place."""

    glyph: str
    origin: str

    def render(self, number: int) -> str:
        numbering = {
            "1.": f"{number}.",
            "1)": f"{number})",
            "a)": f"{chr(ord('a') + number - 1)})",
            "i.": f"{roman(number).lower()}.",
        }
        return numbering.get(self.glyph, self.glyph)


MARKERS = {
    "en_dash": Marker("\u2013", "a dash autocorrected to an en dash"),
    "em_dash": Marker("—", "a dash autocorrected to an em dash"),
    "bullet": Marker("•", "Word's or LibreOffice's bullet list saved as text"),
    "black_circle": Marker("●", "Google Docs' bullet list exported as text"),
    "small_square": Marker("▪", "Word's square bullets"),
    "black_square": Marker("■", "Word's large square bullets"),
    "symbol_bullet": Marker("\uf0b7", "Word's Symbol-font bullet copied out of a PDF"),
    "middle_dot": Marker("·", "a PDF converter's reading of a Symbol bullet"),
    "letter_o": Marker("o", "Word's Courier `o` of a second-level list"),
    "white_bullet": Marker("◦", "a second-level bullet of Word or Google Docs"),
    "white_circle": Marker("○", "a second-level bullet of Google Docs"),
    "white_small_square": Marker("▫", "a second-level square bullet"),
    "check": Marker("✓", "a Wingdings check mark list"),
    "heavy_check": Marker("✔", "a heavy check mark list"),
    "arrowhead": Marker("➢", "Word's arrowhead bullets"),
    "pointer": Marker("►", "a pointer bullet list"),
    "arrow": Marker("→", "an arrow bullet list"),
    "asterisk": Marker("*", "a markdown converter's `*` list"),
    "plus": Marker("+", "a markdown converter's `+` list"),
    "number_dot": Marker("1.", "a numbered list `1.`"),
    "number_paren": Marker("1)", "a numbered list `1)`"),
    "letter_paren": Marker("a)", "a lettered list `a)`"),
    "roman_dot": Marker("i.", "a Roman-numbered list `i.`"),
}
# `o` opens no first-level item: it is also a word (`o bancă de date`).
NOT_FIRST_LEVEL = frozenset({"letter_o"})


def remark(
    text: str,
    first: Marker | None,
    second: Marker | None,
    second_indent: str | None = None,
) -> str:
    """Bullets `- ` at the margin written with `first`, indented ` - ` ones with `second`.

    Numbering counts the items of one list: a paragraph or heading starts a new
    list (a wrapped line going on in lower case does not), a first-level item a
    new sub-list. `second_indent` replaces the indent of second-level items
    (None keeps it).
    """
    out = []
    counts = [0, 0]
    for line in split_lines(text):
        match = _SOURCE_BULLET.fullmatch(line)
        if match is None:
            if line.strip() and not line.strip()[0].islower():
                counts = [0, 0]
            out.append(line)
            continue
        if not match["indent"]:
            counts = [counts[0] + 1, 0]
            marker = first.render(counts[0]) if first else "-"
            out.append(f"{marker} {match['text']}")
            continue
        counts[1] += 1
        indent = match["indent"] if second_indent is None else second_indent
        marker = second.render(counts[1]) if second else "-"
        out.append(f"{indent}{marker} {match['text']}")
    return join_lines(out)


BULLET_PAIRS = {
    "bullet_o_tab": ("bullet", "letter_o", "\t", "Word's two-level list: `•`, then `o` a tab in"),
    "bullet_o_flush": ("bullet", "letter_o", "", "Word's two-level list with its indents lost"),
    "square_white_bullet_indented": (
        "small_square", "white_bullet", "    ", "a two-level square list, four spaces in",
    ),
    "symbol_o_flush": (
        "symbol_bullet", "letter_o", "", "a PDF copy of Word's Symbol bullets, indents lost",
    ),
}  # fmt: skip


def sub_bullets_tab(text: str) -> str:
    """A converter that indents second-level bullets with a tab."""
    return remark(text, None, None, "\t")


def sub_bullets_four_spaces(text: str) -> str:
    """A converter that indents second-level bullets with four spaces."""
    return remark(text, None, None, "    ")
