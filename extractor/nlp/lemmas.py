"""The Romanian lemma table of spacy-lookups-data, as a compact mapping read in a few milliseconds.

Section headings are known by the lemmas of their words, and the fact lexicon
lemmatizes by the same table; this is the one place that reads it.

spaCy's `load_lookups` inserts the table's 305,727 entries one by one (0.76 s) and
even a plain dict from its JSON takes 0.3 s; one extraction looks up a few hundred
words. So the table is written once, sorted, as one file of UTF-8 bytes with an
offset array (a cache keyed by the table's content), and a lookup is a binary search
in the file, mapped into memory rather than read whole. Where no cache can be
written, the table is read from the JSON as a dict.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import importlib.util
import json
import mmap
import os
import tempfile
from array import array
from bisect import bisect_left
from collections.abc import ItemsView, Iterator, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import overload

_MAGIC = b"extractor-lemmas-1\n"
_FORMS_MAGIC = b"extractor-word-forms-1\n"
_COUNT = array("I").itemsize  # offsets and the entry count are native unsigned ints
_LOOKUPS_KEPT = 4096
# A table's bytes: a cache file mapped, or the bytes of one (as the tests build them).
Buffer = bytes | mmap.mmap


class LemmaTable(Mapping[str, str]):
    """Word -> lemma over sorted entries: `data` holds each key's then its value's UTF-8 bytes.

    `offsets[2 * i]` is where key i starts, `offsets[2 * i + 1]` where its value starts,
    and `offsets[2 * i + 2]` where the value ends, all counted from `data`'s byte `base`
    (a cache file is mapped whole, its header before `base`); keys are sorted by their
    bytes, which is the order of their code points.
    """

    def __init__(self, data: Buffer, offsets: array, base: int = 0) -> None:
        self._data = data
        self._offsets = offsets
        self._base = base
        self._count = (len(offsets) - 1) // 2
        # A search costs some twenty slices; every report looks the same words up
        # (headings, frequent words), so the last lookups are kept, a bounded number.
        self._lookup = lru_cache(maxsize=_LOOKUPS_KEPT)(self._search)

    def _key(self, index: int) -> bytes:
        start = self._base + self._offsets[2 * index]
        return self._data[start : self._base + self._offsets[2 * index + 1]]

    def __getitem__(self, word: str) -> str:
        lemma = self._lookup(word)
        if lemma is None:
            raise KeyError(word)
        return lemma

    @overload
    def get(self, word: str) -> str | None: ...

    @overload
    def get(self, word: str, default: str) -> str: ...

    def get(self, word: str, default: str | None = None) -> str | None:
        """The lemma of `word`, else `default`; without raising KeyError on a miss,
        the common case, as Mapping.get would."""
        lemma = self._lookup(word)
        return default if lemma is None else lemma

    def _search(self, word: str) -> str | None:
        wanted = word.encode("utf-8")
        index = bisect_left(range(self._count), wanted, key=self._key)
        if index < self._count and self._key(index) == wanted:
            start = self._base + self._offsets[2 * index + 1]
            value = self._data[start : self._base + self._offsets[2 * index + 2]]
            return value.decode("utf-8")
        return None

    def __iter__(self) -> Iterator[str]:
        return (self._key(index).decode("utf-8") for index in range(self._count))

    def __len__(self) -> int:
        return self._count

    def items(self) -> _Entries:
        """Every (word, lemma) in key order, read in one pass (not a search per key)."""
        return _Entries(self)


class _Entries(ItemsView[str, str]):
    """A lemma table's entries, decoded in order as they are stored."""

    _mapping: LemmaTable

    def __iter__(self) -> Iterator[tuple[str, str]]:
        table = self._mapping
        data, offsets, base = table._data, table._offsets, table._base
        for index in range(len(table)):
            key, value = base + offsets[2 * index], base + offsets[2 * index + 1]
            end = base + offsets[2 * index + 2]
            yield data[key:value].decode("utf-8"), data[value:end].decode("utf-8")


@cache
def lemma_table() -> Mapping[str, str]:
    """The Romanian word -> lemma table, read once per process (from the cache when it can)."""
    return load_table(_table_source(), _cache_folder())


def load_table(source: Path, folder: Path) -> Mapping[str, str]:
    """Given the table's `.json.gz` and a cache folder, the table: cached, else built and cached.

    A cache file that is unreadable or cut short is built again; a folder that cannot
    be written gives the table as a dict read from the JSON, without a cache.
    """
    raw = source.read_bytes()
    path = folder / f"ro-lemmas-{hashlib.sha256(raw).hexdigest()[:16]}.bin"
    with contextlib.suppress(OSError, ValueError):
        return _read_cache(_mapped(path))
    table: dict[str, str] = json.loads(gzip.decompress(raw))
    with contextlib.suppress(OSError):
        _write_atomic(path, _encode(table))
    return table


def _encode(table: Mapping[str, str]) -> bytes:
    """The cache file of a table: magic, entry count, offsets, then keys and values."""
    data = bytearray()
    offsets = array("I")
    for key, value in sorted((k.encode("utf-8"), v.encode("utf-8")) for k, v in table.items()):
        offsets.append(len(data))
        data += key
        offsets.append(len(data))
        data += value
    offsets.append(len(data))
    count = array("I", [len(offsets)])
    return _MAGIC + count.tobytes() + offsets.tobytes() + bytes(data)


def _read_cache(raw: Buffer) -> LemmaTable:
    """The table of a cache file; ValueError when it is not one, or not whole."""
    base, offsets = _unpack(raw, _MAGIC)
    return LemmaTable(raw, offsets, base)


def _mapped(path: Path) -> mmap.mmap:
    """A cache file's bytes, mapped: a lookup reads the pages it touches, and a run touches
    few of the file's 8 MB, which reading it whole would copy (ValueError if empty). A
    cache is only ever replaced whole (`_write_atomic`), never rewritten in place, so the
    file a reader maps does not change under it."""
    with path.open("rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def _unpack(raw: Buffer, magic: bytes) -> tuple[int, array]:
    """Where a cache file's data starts after its offsets, and the offsets (counted from
    there); ValueError if it is not such a file, or is cut short."""
    if raw[: len(magic)] != magic:
        raise ValueError("not a lemma cache")
    start = len(magic)
    count = array("I")
    count.frombytes(raw[start : start + _COUNT])
    start += _COUNT
    offsets = array("I")
    offsets.frombytes(raw[start : start + count[0] * _COUNT])
    base = start + count[0] * _COUNT
    if not count[0] or len(offsets) != count[0] or offsets[-1] != len(raw) - base:
        raise ValueError("a lemma cache cut short")
    return base, offsets


def _write_atomic(path: Path, content: bytes) -> None:
    """Write beside the target and rename, so a reader never sees half a cache file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _table_source() -> Path:
    """The table's file in spacy-lookups-data, found without importing that package: its
    `__init__` makes the paths of every language's tables, some 15 ms."""
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("spacy-lookups-data, which holds the lemma table, is missing")
    return Path(spec.submodule_search_locations[0]) / "data" / "ro_lemma_lookup.json.gz"


def _cache_folder() -> Path:
    """The user's cache folder for this tool (XDG_CACHE_HOME, else ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cluster-report-extractor"


@cache
def word_forms() -> Sequence[str]:
    """Every spelling and lemma of the table, lower case and sorted: the words a line's end
    may cut, in an order that finds a word and the words it starts by bisection.

    Sorting the table's 600,000 forms takes half a second, so they are cached beside
    the table, as it is, and read back as a sequence decoded on access.
    """
    return load_word_forms(_table_source(), _cache_folder())


def load_word_forms(source: Path, folder: Path) -> Sequence[str]:
    """Given the table's `.json.gz` and a cache folder, its sorted forms: cached, else built."""
    raw = source.read_bytes()
    path = folder / f"ro-word-forms-{hashlib.sha256(raw).hexdigest()[:16]}.bin"
    with contextlib.suppress(OSError, ValueError):
        return _read_forms(_mapped(path))
    table: dict[str, str] = json.loads(gzip.decompress(raw))
    forms = tuple(sorted({word.lower() for pair in table.items() for word in pair}))
    with contextlib.suppress(OSError):
        _write_atomic(path, _encode_forms(forms))
    return forms


class SortedWords(Sequence[str]):
    """Sorted words over one byte string: word i is `data[offsets[i]:offsets[i + 1]]`, the
    offsets counted from `data`'s byte `base` (see LemmaTable)."""

    def __init__(self, data: Buffer, offsets: array, base: int = 0) -> None:
        self._data = data
        self._offsets = offsets
        self._base = base

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        start = self._base + self._offsets[index]
        return self._data[start : self._base + self._offsets[index + 1]].decode("utf-8")


def _encode_forms(forms: Sequence[str]) -> bytes:
    """The cache file of sorted words: magic, count of offsets, offsets, then the words."""
    data = bytearray()
    offsets = array("I")
    for word in forms:
        offsets.append(len(data))
        data += word.encode("utf-8")
    offsets.append(len(data))
    return _FORMS_MAGIC + array("I", [len(offsets)]).tobytes() + offsets.tobytes() + bytes(data)


def _read_forms(raw: Buffer) -> SortedWords:
    """The words of a cache file; ValueError when it is not one, or not whole."""
    base, offsets = _unpack(raw, _FORMS_MAGIC)
    return SortedWords(raw, offsets, base)
