"""The layout and language rules, as data; installed as `extractor.rules` (see README.md here)."""
