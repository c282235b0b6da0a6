"""Span-ruler pattern files: rendered from the knowledge base, stored in ``models/patterns/``, loaded by the
pipeline. ``scripts/build_patterns.py`` rebuilds or checks them."""

from __future__ import annotations

import json

from .kb import load_kb
from .resources import load_jsonl, models_dir

PATTERN_FILES = {
    "companies": "patterns/companies.jsonl",
    "technologies_exact": "patterns/technologies_exact.jsonl",
    "technologies_loose": "patterns/technologies_loose.jsonl",
}


def render_patterns(models_directory: str | None = None) -> dict[str, str]:
    """The content each pattern file should have, from the knowledge base."""
    kb = load_kb(models_directory)
    exact, loose = kb.technology_patterns()
    chosen = {"companies": kb.company_patterns(), "technologies_exact": exact, "technologies_loose": loose}
    return {
        name: "".join(json.dumps(p, ensure_ascii=False, sort_keys=True) + "\n" for p in sorted(
            patterns, key=lambda p: (p["id"], p["pattern"])))
        for name, patterns in chosen.items()
    }


def load_patterns(name: str, models_directory: str | None = None) -> list[dict]:
    """Patterns from a stored file; rendered from the knowledge base where the file is missing."""
    path = models_dir(models_directory) / PATTERN_FILES[name]
    if path.is_file():
        return list(load_jsonl(PATTERN_FILES[name], models_directory))
    return [json.loads(line) for line in render_patterns(models_directory)[name].splitlines()]
