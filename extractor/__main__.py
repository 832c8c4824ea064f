"""`python -m extractor …`: the same command line as the `extractor` script."""

import sys

from extractor.cli.main import main

sys.exit(main())
