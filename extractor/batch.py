"""``autonews run``: many inputs -> one JSON line per article, every failure in the errors file."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator

from .extract import extract_articles
from .ingest import Article, InputError, iter_paths, read_article


@dataclass
class Summary:
    articles: int = 0
    words: int = 0
    failed: int = 0
    seconds: float = 0.0

    def describe(self) -> str:
        rate = self.words / self.seconds if self.seconds else 0.0
        return (f"{self.articles} articles, {self.words:,} words in {self.seconds:.1f} s "
                f"({rate:,.0f} words/s), {self.failed} failed")


def run_batch(inputs: list[str], out: Path, errors: Path, *, nlp, published: date | None = None,
              max_chars: int = 1_000_000) -> Summary:
    """Extract every input; records go to ``out``, one ``{"source", "error"}`` line per failure to ``errors``."""
    summary = Summary()
    started = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as records_file, errors.open("w", encoding="utf-8") as errors_file:

        def articles() -> Iterator[Article]:
            for path in iter_paths(inputs):
                try:
                    article = read_article(path, published=published, max_chars=max_chars)
                except InputError as exc:
                    summary.failed += 1
                    errors_file.write(json.dumps({"source": path, "error": str(exc)}) + "\n")
                    continue
                summary.words += len(article.text.split())
                yield article

        for record in extract_articles(nlp, articles()):
            records_file.write(record.model_dump_json() + "\n")
            summary.articles += 1
    summary.seconds = time.perf_counter() - started
    return summary
