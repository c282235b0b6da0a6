"""kill -9 a batch run over 1,000 real articles, several times, then finish it: is every article there once?

    .venv/bin/python scripts/crash_test.py                      # 1,000 Reuters articles from ../shared/news
    .venv/bin/python scripts/crash_test.py --count 300 --kills 2 --workers 2 --postgres

Each round starts ``autonews run FOLDER --out OUT --db sqlite:///DB`` in its own process group and sends
SIGKILL after a random delay, alternately to the whole group (main process and workers, like a power cut)
and to the main process alone (the workers orphaned). A last run finishes the job. Then the checks: every
input once in OUT, every line whole JSON, the manifest naming exactly OUT's lines, SQLite ``articles``
holding OUT's ids, the re-run skipping everything; with ``--postgres`` the same OUT is loaded into a
throwaway PostgreSQL cluster and the row counts of every table are compared with SQLite's.

Reads ../shared/news (never copied into the project); prints a report and exits 1 if a check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "news" / "automotive_reuters_2006_2013" / "txt"


def run_command(folder: Path, out: Path, db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "extractor", "run", str(folder), "--out", str(out), "--db", f"sqlite:///{db}",
            "--workers", str(workers), "--no-progress"]


def processes_of(work: Path) -> list[int]:
    """Processes still running whose command line names the work folder (orphaned workers, say)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if str(work).encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def count_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.is_file() else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--min-delay", type=float, default=4.0)
    parser.add_argument("--max-delay", type=float, default=12.0)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--postgres", action="store_true", help="also compare row counts with PostgreSQL")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    files = sorted(args.news.glob("*.txt"))[: args.count]
    if len(files) < args.count:
        print(f"only {len(files)} articles under {args.news}", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="autonews-crash-"))
    folder = work / "articles"
    folder.mkdir()
    for file in files:
        (folder / file.name).symlink_to(file)
    out, db = work / "out.jsonl", work / "out.db"
    command = run_command(folder, out, db, args.workers)
    print(f"{len(files)} articles, {args.workers} workers, work folder {work}")

    problems: list[str] = []
    for round_number in range(1, args.kills + 1):
        before = count_lines(out)
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        delay = rng.uniform(args.min_delay, args.max_delay)
        time.sleep(delay)
        whole_group = round_number % 2 == 1
        if process.poll() is None:
            if whole_group:
                os.killpg(process.pid, signal.SIGKILL)
            else:
                os.kill(process.pid, signal.SIGKILL)
        process.wait()
        time.sleep(0.5)
        left = processes_of(work)
        if left:
            problems.append(f"round {round_number}: {len(left)} processes outlived the killed run")
        torn = out.is_file() and out.stat().st_size and not out.read_bytes().endswith(b"\n")
        print(f"round {round_number}: SIGKILL to {'the process group' if whole_group else 'the main process'} "
              f"after {delay:.1f} s; OUT {before} -> {count_lines(out)} lines{' + a torn line' if torn else ''}")

    started = time.perf_counter()
    final = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    print(f"final run: exit {final.returncode} in {time.perf_counter() - started:.1f} s: {final.stderr.strip()}")
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    print(f"re-run:    exit {again.returncode}: {again.stderr.strip()}")

    raw_lines = out.read_text(encoding="utf-8").split("\n")
    if raw_lines[-1] != "":
        problems.append("OUT does not end with a newline")
    records = [json.loads(line) for line in raw_lines if line]
    sources = Counter(Path(r["source"]).name for r in records)
    expected = {file.name for file in files}
    duplicates = [s for s, n in sources.items() if n > 1]
    missing = expected - set(sources)
    extra = set(sources) - expected
    errors = [json.loads(line) for line in (work / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    accounted = set(sources) | {Path(e["source"]).name for e in errors}
    if duplicates:
        problems.append(f"{len(duplicates)} sources more than once in OUT, e.g. {duplicates[:3]}")
    if expected - accounted:
        problems.append(f"{len(expected - accounted)} inputs neither in OUT nor in errors")
    if extra:
        problems.append(f"{len(extra)} unexpected sources")
    manifest = [json.loads(line) for line in (work / "out.manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    if sorted(m["source"] for m in manifest if not m.get("error")) != sorted(r["source"] for r in records):
        problems.append("the manifest does not list exactly OUT's records")
    if f"{len(records)} skipped as unchanged" not in again.stderr:
        problems.append("the re-run did not skip every record")

    sys.path.insert(0, str(ROOT))
    from extractor.writers import open_database

    with open_database(f"sqlite:///{db}") as lite:
        sqlite_counts = lite.counts()
        ids = {row[0] for row in lite.execute("SELECT id FROM articles").fetchall()}
    distinct_ids = {r["id"] for r in records}
    if ids != distinct_ids:
        problems.append(f"SQLite articles ({len(ids)}) differ from OUT's distinct ids ({len(distinct_ids)})")
    print(f"OUT: {len(records)} records ({len(sources)} sources, {len(duplicates)} duplicated, {len(missing)} missing), "
          f"{len(distinct_ids)} distinct ids (texts that are identical share one id), {len(errors)} errors")
    print(f"SQLite: {sqlite_counts}")

    if args.postgres:
        from tests.test_postgres import Cluster, postgres_bin  # noqa: E402  (the test suite's throwaway server)

        bin_dir = postgres_bin()
        if bin_dir is None:
            problems.append("--postgres: no PostgreSQL binaries")
        else:
            cluster = Cluster(bin_dir)
            try:
                url = cluster.start()
                with open_database(url) as pg:
                    first = pg.load_jsonl(out)
                    second = pg.load_jsonl(out)
                    pg_counts = pg.counts()
                print(f"PostgreSQL ({bin_dir.parent.name}): load {first.describe()}; again {second.describe()}")
                print(f"PostgreSQL: {pg_counts}")
                if pg_counts != sqlite_counts:
                    problems.append("PostgreSQL and SQLite row counts differ")
            finally:
                cluster.stop()

    print("OK: every article exactly once" if not problems else "FAILED: " + "; ".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
