"""The spaCy pipeline that finds facts: a blank Romanian model, lookup lemmas, rules as patterns.

No trained model: `spacy.blank("ro")`, the lemma lookup table of spacy-lookups-data, and
token patterns from `rules/nlp/`. The vocabulary (number words, counted nouns, months, label
words, status cues) is TOML; the patterns are spaCy JSONL (`{"label", "pattern", "id"}`) that
refer to it through word classes written as TAG (`{"TAG": "UNIT"}`), so an analyst adds a
unit, a label wording or an organization form by editing data. Built once per process (`build_nlp`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import numpy
import regex

from extractor.nlp.spacy_import import spacy

# isort: split
from spacy.attrs import ORTH, TAG
from spacy.language import Language
from spacy.lexeme import Lexeme
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from extractor.errors import E_RULES, ExtractorError
from extractor.nlp.lemmas import lemma_table
from extractor.ruleset import PATTERN_FILES, NlpRules, Rules, load_rules

STATUSES = ("achieved", "planned")
FACTS_KEY = "facts"  # doc.spans key of the pattern matches
CUES_KEY = "status_cues"  # doc.spans key of the achieved/planned cues
CLASSES_KEY = "word_classes"  # doc.user_data key: the word classes the lexicon found
WORDS_KEY = "lower_words"  # doc.user_data key: per token, the string id of its lower case
_IN_CONTEXT = "?"  # a word classed by its neighbours: it may open a multi-word unit
_OPTIONAL = frozenset({"?", "*", "!"})

_DIGITS = regex.compile(r"^\d+$")
DASHES = "-\u2013"  # hyphen and en dash, which both open "-1" or a glued "-uri"
_SUFFIX = regex.compile(rf"^[{DASHES}]\p{{L}}+$")


# A spelling's lemma, word class (`_IN_CONTEXT` for one classed by its neighbours), the
# class's string id (that of "" for none) and the string id of its lower case.
_Entry = tuple[str, str | None, int, int]


class FactLexicon:
    """Pipeline component: the word classes the patterns test, from lemmas with their fixes.

    A word's lemma is the lookup table's, lower-cased (the table is case-sensitive: `PLANURI`
    stays as written), with the lemma exceptions of the rules; `lemma` gives it. The
    component writes each token's word class as its TAG: DATE (numeric), URL, COUNT, ONE,
    JOINER, UNIT, ADJECTIVE, MONTH, LEVEL or LABEL (label noun), and notes the classes and
    the lower-case words the text holds in `doc.user_data`, which the matcher tests before
    it runs a pattern. A text with a LEVEL gets its achieved/planned cues in
    `doc.spans["status_cues"]`. Its methods give the values.

    Every value is worked out once per spelling and kept; a text costs a lookup per token.
    No token is written when the text holds no class, nor a lemma ever: spaCy would take
    longer to store them than the facts take to read them here.
    """

    def __init__(self, nlp: Language, rules: dict[str, Any]) -> None:
        self.nlp = nlp
        self.rules = NlpRules.model_validate(rules)
        numbers, units = self.rules.numbers, self.rules.units
        self.words = numbers.words
        self.one = frozenset(numbers.one)
        self.units = frozenset(units.units)
        self.adjectives = frozenset(units.adjectives)
        self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, unit in sorted(units.phrases.items(), key=lambda pair: -len(pair[0].split())):
            words = tuple(phrase.split())
            self.phrases.setdefault(words[0], []).append((words, unit))
        self.months = self.rules.dates.months
        self.levels = self.rules.labels.levels
        self.label_nouns = frozenset(self.rules.labels.nouns.words)
        self.table = lemma_table()
        self._cache: dict[int, _Entry] = {}
        self.cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        status = self.rules.labels.status
        for name in STATUSES:
            self.cues.add(name, list(nlp.tokenizer.pipe(getattr(status, name))))

    def __call__(self, doc: Doc) -> Doc:
        orths = doc.to_array(ORTH).tolist()
        if not orths:
            return doc
        cache = self._cache
        entries = [cache.get(orth) or self._entry(orth) for orth in orths]
        lemmas, word_classes, class_ids, lowers = zip(*entries, strict=True)
        classes = set(word_classes)
        if _IN_CONTEXT in classes:
            class_ids = list(class_ids)
            for index, word_class in enumerate(word_classes):
                if word_class == _IN_CONTEXT:
                    unit, _ = self._unit(doc, lemmas.__getitem__, index)
                    word = doc.vocab[orths[index]]
                    in_context = "UNIT" if unit else self._word_class(word, None)
                    class_ids[index] = doc.vocab.strings.add(in_context or "")
                    classes.add(in_context)
        found = frozenset(classes - {None, _IN_CONTEXT})
        if found:  # else every TAG would be empty, as spaCy leaves it
            doc.from_array([TAG], numpy.array(class_ids, dtype="uint64"))
        doc.user_data[CLASSES_KEY] = found
        doc.user_data[WORDS_KEY] = lowers
        # Cues only matter to a label, and every label names its level.
        if "LEVEL" in found:
            cues = self.cues(doc)
            doc.spans[CUES_KEY] = [Span(doc, start, end, label=key) for key, start, end in cues]
        return doc

    def lemma(self, orth: int) -> str:
        """The lemma of a spelling (its string id), fixed by the rules and lower-cased."""
        return (self._cache.get(orth) or self._entry(orth))[0]

    def _entry(self, orth: int) -> _Entry:
        """The lemma, word class, its string id and the lower case's id of a spelling.

        The lemma is the lookup table's (spacy-lookups-data), by spelling, then in lower
        case, with the fixes of the rules. A word whose lemma opens a multi-word unit is
        classed in context (`_IN_CONTEXT`). Cached per spelling: most words come back often.
        """
        cached = self._cache.get(orth)
        if cached is None:
            word = self.nlp.vocab[orth]
            lower = word.lower_
            lemma = self.table.get(word.text, word.text)
            if lower in self.rules.units.lemmas:
                lemma = self.rules.units.lemmas[lower]
            elif lemma == word.text and lower != lemma:
                lemma = self.table.get(lower, lower)
            lemma = lemma.lower()
            unit = lemma if lemma in self.units else None
            word_class = _IN_CONTEXT if lemma in self.phrases else self._word_class(word, unit)
            strings = self.nlp.vocab.strings
            class_id = strings.add(word_class if word_class and word_class != _IN_CONTEXT else "")
            cached = (lemma, word_class, class_id, word.lower)
            self._cache[orth] = cached
        return cached

    def _word_class(self, token: Token | Lexeme, unit: str | None) -> str | None:
        """The class the patterns test as TAG (a blank pipeline has no tagger to set it)."""
        lower = token.lower_
        if self.rules.dates.numeric.fullmatch(token.text):
            return "DATE"
        if token.like_url and self.rules.urls.start.match(token.text):
            return "URL"
        if self.count(token) is not None:
            return "COUNT"
        if lower in self.one:
            return "ONE"
        if lower == self.rules.numbers.joiner:
            return "JOINER"
        if unit is not None:
            return "UNIT"
        if lower in self.adjectives:
            return "ADJECTIVE"
        if lower in self.months:
            return "MONTH"
        if lower in self.levels:
            return "LEVEL"
        if lower in self.label_nouns:
            return "LABEL"
        return None

    def count(self, token: Token | Lexeme) -> int | None:
        """The count a token writes: digits (not years, not long numbers) or a number word."""
        numbers = self.rules.numbers
        digits = token.text.lstrip(DASHES)
        if _DIGITS.match(digits):
            value = int(digits)
            is_year = len(digits) == 4 and numbers.years[0] <= value <= numbers.years[1]
            return None if is_year or len(digits) > numbers.max_digits else value
        return self.words.get(token.lower_) if token.like_num else None

    def unit_at(self, doc: Doc, index: int) -> tuple[str | None, int]:
        """The unit a counted noun starting at `index` names, and the token index after it."""
        return self._unit(doc, lambda at: self.lemma(doc[at].orth), index)

    def _unit(self, doc: Doc, lemma_at: Callable[[int], str], index: int) -> tuple[str | None, int]:
        lemma = lemma_at(index)
        for words, unit in self.phrases.get(lemma, ()):
            end = index + len(words)
            if end <= len(doc) and all(
                lemma_at(index + offset) == word for offset, word in enumerate(words)
            ):
                return unit, _attached_end(doc, end)
        if lemma in self.units:
            return lemma, _attached_end(doc, index + 1)
        return None, index + 1


def _attached_end(doc: Doc, end: int) -> int:
    """Extend a noun over a glued suffix token: `IMM` + `-uri` is one word, `IMM-uri`."""
    while end < len(doc) and not doc[end - 1].whitespace_ and _SUFFIX.match(doc[end].text):
        end += 1
    return end


class FactMatcher:
    """Pipeline component: runs the JSONL patterns, matches into `doc.spans["facts"]`.

    A pattern written as a string is a phrase, matched case-insensitively. A token pattern
    runs only on texts that hold what it cannot match without: its word classes (TAG) and,
    for each required token that lists its words (`LOWER`), one of them. Most item texts
    hold no month, label word or legal form, so most patterns are skipped; spaCy's Matcher
    also refuses TAG on a text without any. The patterns of the groups a text may match run
    in one Matcher pass (a pass walks every token), one Matcher per such set of groups,
    built when a text first needs it: a few sets recur. The phrases run on texts holding the
    first word of one. Both tests read what the lexicon noted (`doc.user_data`), and a text
    without matches gets no `doc.spans["facts"]`.
    """

    def __init__(self, nlp: Language, patterns: list[dict[str, Any]]) -> None:
        self.vocab = nlp.vocab
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        phrase_starts: set[int] = set()
        groups: dict[_Requirement, list[tuple[str, list[dict[str, Any]]]]] = {}
        for entry in patterns:
            key = f"{entry['label']}|{entry.get('id') or ''}"
            if isinstance(entry["pattern"], str):
                phrase = nlp.make_doc(entry["pattern"])
                self.phrases.add(key, [phrase])
                phrase_starts.update(token.lower for token in phrase[:1])
                continue
            requirement = _requirement(entry["pattern"], nlp.vocab.strings.add)
            groups.setdefault(requirement, []).append((key, entry["pattern"]))
        self.phrase_starts = frozenset(phrase_starts)
        self.requirements = tuple(groups)
        # The words any test looks for: a text's others cannot change what runs on it, so
        # what runs is kept per word classes and watched words found (a few sets recur).
        self.watched = self.phrase_starts.union(
            *(anchor for _, _, anchors in self.requirements for anchor in anchors)
        )
        self._runnable: dict[tuple[frozenset[str], frozenset[int]], tuple[int, ...]] = {}
        self.group_patterns = tuple(groups.values())
        # Match key (group, label and id in one string) -> (group, label, id).
        self._keys: dict[int, tuple[int, str, str]] = {}
        self._matchers: dict[tuple[int, ...], Matcher] = {}
        self._matcher(tuple(range(len(self.group_patterns))))  # validates every pattern

    def __call__(self, doc: Doc) -> Doc:
        classes = doc.user_data.get(CLASSES_KEY, frozenset())
        words = self.watched.intersection(doc.user_data.get(WORDS_KEY, ()))
        runnable = self._runnable.get((classes, words))
        if runnable is None:
            runnable = tuple(
                index
                for index, (tags, uses_tag, anchors) in enumerate(self.requirements)
                if tags <= classes
                and (classes or not uses_tag)
                and all(not anchor.isdisjoint(words) for anchor in anchors)
            )
            self._runnable[classes, words] = runnable
        spans = []
        if not self.phrase_starts.isdisjoint(words):
            for key, start, end in self.phrases(doc):
                label, _, ident = self.vocab.strings[key].partition("|")
                spans.append(Span(doc, start, end, label=label, span_id=ident or 0))
        if runnable:
            matches = self._matcher(runnable)(doc)
            # In the order the groups' own passes give them, one group after another.
            matches.sort(key=lambda match: self._keys[match[0]][0])
            for key, start, end in matches:
                _, label, ident = self._keys[key]
                spans.append(Span(doc, start, end, label=label, span_id=ident or 0))
        if spans:
            doc.spans[FACTS_KEY] = spans
        return doc

    def _matcher(self, groups: tuple[int, ...]) -> Matcher:
        """One Matcher holding the patterns of `groups`, each keyed by its group too."""
        matcher = self._matchers.get(groups)
        if matcher is None:
            matcher = Matcher(self.vocab, validate=True)
            for group in groups:
                for key, pattern in self.group_patterns[group]:
                    label, _, ident = key.partition("|")
                    grouped = f"{group}|{key}"
                    self._keys[self.vocab.strings.add(grouped)] = (group, label, ident)
                    matcher.add(grouped, [pattern])
            self._matchers[groups] = matcher
        return matcher


_Requirement = tuple[frozenset[str], bool, tuple[frozenset[int], ...]]


def _requirement(pattern: list[dict[str, Any]], word_id: Callable[[str], int]) -> _Requirement:
    """What a token pattern needs in a text: word classes, whether it tests TAG, word choices."""
    tags: set[str] = set()
    anchors: list[frozenset[int]] = []
    uses_tag = any("TAG" in token for token in pattern)
    for token in pattern:
        if token.get("OP") in _OPTIONAL:
            continue
        tag, lower = token.get("TAG"), token.get("LOWER")
        if isinstance(tag, str):
            tags.add(tag)
        if isinstance(lower, str):
            anchors.append(frozenset({word_id(lower)}))
        elif isinstance(lower, dict) and set(lower) == {"IN"}:
            anchors.append(frozenset(word_id(word) for word in lower["IN"]))
    return frozenset(tags), uses_tag, tuple(anchors)


@Language.factory("fact_lexicon", default_config={"rules": {}})
def _make_lexicon(nlp: Language, name: str, rules: dict[str, Any]) -> FactLexicon:
    return FactLexicon(nlp, rules)


@Language.factory("fact_matcher", default_config={"patterns": []})
def _make_matcher(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> FactMatcher:
    return FactMatcher(nlp, patterns)


def _checked_patterns(nlp: Language, rules: Rules) -> list[dict[str, Any]]:
    """The pattern entries of the rules, each tried in a Matcher so a bad one names its line."""
    entries: list[dict[str, Any]] = []
    for name in PATTERN_FILES:
        for numbered in rules.patterns[name]:
            entry = numbered.entry
            if not isinstance(entry.pattern, str):
                try:
                    Matcher(nlp.vocab, validate=True).add("check", [entry.pattern])
                except (ValueError, KeyError) as error:
                    message = str(error).strip().splitlines()[0]
                    path = rules.directory / "nlp" / f"{name}.jsonl"
                    raise ExtractorError(
                        E_RULES, f"rules file {path}: line {numbered.line}: pattern: {message}"
                    ) from error
            entries.append(entry.model_dump(exclude_none=True))
    return entries


def build_nlp(rules: Rules) -> Language:
    """The fact-finding pipeline for the rules' `nlp/` part, built once per rules folder."""
    return _pipeline(rules.directory)


@cache
def _pipeline(directory: Path) -> Language:
    rules = load_rules(directory)
    nlp = _blank_romanian([infix.pattern for infix in rules.nlp.tokenizer.infixes])
    # spaCy refuses texts over a million chars to guard its parser's memory; this
    # pipeline has no parser, and a long item (a 1 MB line) must not fail a report.
    nlp.max_length = sys.maxsize
    patterns = _checked_patterns(nlp, rules)
    nlp.add_pipe("fact_lexicon", config={"rules": rules.nlp.model_dump(mode="json")})
    nlp.add_pipe("fact_matcher", config={"patterns": patterns})
    return nlp


def _blank_romanian(infixes: list[str]) -> Language:
    """`spacy.blank("ro")` whose tokenizer also splits at `infixes`, after its own.

    The infixes go into the language's defaults, so the tokenizer is built with them:
    set on a built tokenizer, they are compiled a second time and spaCy reloads its
    special cases, about 20 ms of every run.
    """
    romanian = spacy.util.get_lang_class("ro")
    defaults = type(
        "Defaults", (romanian.Defaults,), {"infixes": [*romanian.Defaults.infixes, *infixes]}
    )
    return type("RomanianFacts", (romanian,), {"Defaults": defaults}).from_config({})
