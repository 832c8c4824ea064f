"""Light NLP: the facts each item states and each project's indicators, from rules."""
