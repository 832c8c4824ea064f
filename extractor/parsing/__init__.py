"""Parsing: the normalized lines into the report's fields, projects, sections and items."""
