"""Readers: an input's bytes in, the report's text (and, for a PDF, where each char stood) out."""
