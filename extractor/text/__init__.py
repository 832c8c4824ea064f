"""The text model: one normalized spelling of the input, its lines, and the cleaned text."""
