"""Mutation testing of the reading, parsing and diff modules with mutmut (not part of CI).

A mutant is the code with one small change (an operator, a constant, a condition
flipped); the tests that run the changed function run against it, and it is
killed when one of them fails. A survivor is a change no test notices: a gap in
the tests, or an equivalent mutant (the same behaviour written otherwise), which
`mutation-allowlist.toml` beside this script lists with the reason it is one.

This prints, per package and per module, the share of mutants killed (equivalent
ones aside), then each surviving mutant that is not allow-listed, with its diff.
It exits 1 when a package or a module kills less than 90 %, when a mutant is left
unchecked, or when a survivor is not allow-listed.
mutmut's settings are `[tool.mutmut]` in pyproject.toml; it works in `mutants/`
(a copy of the code and the tests), which a later run reuses: only mutants of
changed functions, or covered by changed tests, run again.

Example:
  .venv/bin/python bench/mutation.py                      # run all, then report
  .venv/bin/python bench/mutation.py 'extractor.compare*'  # run these mutants, then report
  .venv/bin/python bench/mutation.py --again              # after new tests: run again the
                                                          # survivors and the unchecked only
  .venv/bin/python bench/mutation.py --report             # report the last run only
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = Path(sys.executable).parent / "mutmut"
ALLOWLIST = Path(__file__).resolve().parent / "mutation-allowlist.toml"
PACKAGES = (
    "extractor.reading",
    "extractor.parsing",
    "extractor.compare",
    "extractor.readers",
)
TARGET = 0.90
# A segfault is a test run that crashed: the tests noticed (a mutant passing a null pointer
# to pdfium makes the reading process die).
DETECTED = {"killed", "timeout", "caught by type check", "segfault"}
# What a mutant's status can be that counts as not noticed by the tests.
MISSED = {"survived", "no tests", "suspicious"}


def mutmut(*args: str, capture: bool = False) -> str:
    """Run mutmut in the repository's top folder, where pyproject.toml is."""
    done = subprocess.run(
        [str(MUTMUT), *args], cwd=ROOT, check=True, text=True, capture_output=capture
    )
    return done.stdout if capture else ""


def statuses() -> dict[str, str]:
    """Every mutant's name and its status in the last run (`mutmut results`)."""
    found = {}
    for line in mutmut("results", "--all", "true", capture=True).splitlines():
        name, _, status = line.strip().partition(": ")
        if "__mutmut_" in name:
            found[name] = status
    return found


def allowlist() -> dict[str, tuple[str, str]]:
    """The equivalent mutants, each with its change (as `change_of` gives it) and why it
    changes no behaviour."""
    entries = tomllib.loads(ALLOWLIST.read_text(encoding="utf-8"))["equivalent"]
    return {entry["mutant"]: (entry["change"], entry["reason"]) for entry in entries}


def change_of(mutant: str) -> str:
    """The lines a mutant's diff adds, spacing aside: what an allow-list entry is checked
    against, since mutmut numbers a function's mutants anew when the function is edited."""
    added = [line[1:] for line in diff_of(mutant).splitlines() if line[:1] == "+"]
    return " / ".join(" ".join(line.split()) for line in added if not line.startswith("++"))


def still_equivalent(
    found: dict[str, str], entries: dict[str, tuple[str, str]]
) -> tuple[set[str], list[str]]:
    """The allow-listed mutants that still survive with the change their entry names, and
    a line for each entry that does not (the mutant was killed, or is now another change)."""
    equivalent, stale = set(), []
    for name, (change, _) in sorted(entries.items()):
        status = found.get(name, "no such mutant")
        if status not in MISSED:
            if status in DETECTED or name not in found:
                stale.append(f"  {name}: {status}")
        elif (now := change_of(name)) != change:
            stale.append(f"  {name}: now another change: {now}")
        else:
            equivalent.add(name)
    return equivalent, stale


def module_of(mutant: str) -> str:
    """`extractor.compare.render.x_escape__mutmut_1` is of `extractor.compare.render` (a
    method's mutant, `...findings.xǁFindingǁto_warning__mutmut_1`, is of its module too)."""
    return mutant.rsplit(".", 1)[0]


def package_of(module: str) -> str | None:
    """Which of PACKAGES a module (or a package itself) is in, if any."""
    return next((p for p in PACKAGES if module == p or module.startswith(p + ".")), None)


def report(found: dict[str, str], entries: dict[str, tuple[str, str]]) -> bool:
    """Print the kill rates and the survivors; whether every package and module meets the
    target, with every mutant checked."""
    equivalent, stale = still_equivalent(found, entries)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    survivors = []
    for mutant, status in sorted(found.items()):
        module = module_of(mutant)
        package = package_of(module)
        if package is None:
            continue
        if mutant in equivalent:
            kind = "equivalent"
        elif status in DETECTED:
            kind = "killed"
        elif status in MISSED:
            kind = "survived"
            survivors.append(mutant)
        else:
            kind = "not checked"
        for key in (package, module):
            counts[key][kind] += 1
    ok = True
    print(f"{'module':42} {'killed':>7} {'survived':>8} {'equiv.':>6} {'rate':>7}")
    for key in sorted(counts, key=lambda k: (PACKAGES.index(package_of(k)), k)):
        count = counts[key]
        scored = count["killed"] + count["survived"]
        rate = f"{count['killed'] / scored:7.1%}" if scored else f"{'-':>7}"
        is_package = key in PACKAGES
        below = count["killed"] < TARGET * scored or (is_package and not scored)
        if below or count["not checked"]:
            ok = False
        name = key if is_package else "  " + key.removeprefix(package_of(key) + ".")
        unchecked = f"  ({count['not checked']} not checked)" if count["not checked"] else ""
        under = f"  (under {TARGET:.0%})" if below else ""
        print(
            f"{name:42} {count['killed']:7} {count['survived']:8} {count['equivalent']:6}"
            f" {rate}{unchecked}{under}"
        )
    if stale:
        print("\nallow-listed but no longer equivalent (update or remove the entry):")
        print("\n".join(stale))
    if survivors:
        ok = False
        print(f"\n{len(survivors)} surviving mutants, not allow-listed:")
        for mutant in survivors:
            print(f"# {mutant}: {found[mutant]}\n{diff_of(mutant)}")
    return ok


def diff_of(mutant: str) -> str:
    """A mutant's diff, as `mutmut show` prints it (which finds the mutant's file by reading
    every file's results, then parses it whole: seconds a mutant, so both are done once)."""
    from difflib import unified_diff

    import libcst
    from mutmut.mutation.diff_apply import read_mutant_function, read_original_function

    path = source_of(module_of(mutant))
    module = mutants_module(path)
    original, mutated = (
        libcst.Module([function]).code.strip()
        for function in (
            read_original_function(module, mutant),
            read_mutant_function(module, mutant),
        )
    )
    lines = unified_diff(
        original.split("\n"), mutated.split("\n"), fromfile=path, tofile=path, lineterm=""
    )
    return "\n".join(lines)


def source_of(module: str) -> str:
    """The file of a module, as mutmut names it (relative to the repository's top folder)."""
    stem = Path(*module.split("."))
    file = stem.with_suffix(".py")
    return str(file if file.is_file() else stem / "__init__.py")


@cache
def mutants_module(path: str) -> object:
    """mutmut's copy of a file with all its mutants, parsed once."""
    from mutmut.mutation.diff_apply import read_mutants_module

    return read_mutants_module(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mutants", nargs="*", help="mutant name patterns to run (default: all)")
    parser.add_argument("--report", action="store_true", help="report the last run, run nothing")
    parser.add_argument(
        "--again", action="store_true", help="run only the last run's survivors and unchecked"
    )
    parser.add_argument("--max-children", type=int, default=1, help="parallel mutants (1)")
    args = parser.parse_args()
    os.chdir(ROOT)  # mutmut reads pyproject.toml and mutants/ from the working folder
    patterns = args.mutants or [f"{package}*" for package in PACKAGES]
    if args.again:
        equivalent = allowlist()
        patterns = [
            name
            for name, status in statuses().items()
            if status not in DETECTED
            and name not in equivalent
            and any(fnmatch.fnmatch(name, pattern) for pattern in patterns)
        ]
    if not args.report and patterns:
        mutmut("run", "--max-children", str(args.max_children), *patterns)
    return 0 if report(statuses(), allowlist()) else 1


if __name__ == "__main__":
    sys.exit(main())
