"""Span-ruler pattern files rendered from the knowledge base (scripts/build_patterns.py)."""
