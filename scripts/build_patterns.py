#!/usr/bin/env python3
"""Rebuild (default) or check (--check) the span-ruler pattern files in models/patterns/ from the knowledge base.

    python scripts/build_patterns.py           # rewrite models/patterns/*.jsonl from companies/technologies.jsonl
    python scripts/build_patterns.py --check   # exit 1 and name the stale files if they differ

The pipeline loads these files into spaCy's span rulers; every pattern carries the id of its company or
technology, which comes back as ``span.id_``.
"""

from __future__ import annotations

import argparse
import sys

from extractor.patterns import PATTERN_FILES, render_patterns
from extractor.resources import models_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if a file is stale")
    parser.add_argument("--models-dir", default=None, help="models folder (default: the installed one)")
    args = parser.parse_args(argv)
    folder = models_dir(args.models_dir)
    stale = []
    for name, content in render_patterns(args.models_dir).items():
        path = folder / PATTERN_FILES[name]
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == content:
            continue
        stale.append(str(path))
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            print(f"wrote {path} ({content.count(chr(10))} patterns)")
    if args.check and stale:
        print("stale pattern files (run scripts/build_patterns.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    if not stale:
        print("pattern files are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
