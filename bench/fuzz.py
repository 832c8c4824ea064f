"""The property suite with fresh random examples and many more of them (not a CI test).

`python bench/fuzz.py [EXAMPLES]` runs tests/test_properties.py with the `long`
Hypothesis profile: not derandomized, 2000 examples a property unless told,
and prints Hypothesis's statistics (how many examples each property ran).
A failure prints the example and a `@reproduce_failure` blob to pin it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    environment = {**os.environ, "EXTRACTOR_HYPOTHESIS_PROFILE": "long"}
    if len(sys.argv) > 1:
        environment["EXTRACTOR_HYPOTHESIS_EXAMPLES"] = sys.argv[1]
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--hypothesis-show-statistics",
        str(ROOT / "tests" / "test_properties.py"),
    ]
    return subprocess.run(command, cwd=ROOT, env=environment, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
