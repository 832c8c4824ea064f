"""The review page: an extraction, or the changes between two, beside the source text."""
