"""Comparing two extracted documents (two years, or two runs) and reporting what changed."""
