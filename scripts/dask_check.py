"""Issue 7's "done when", measured: a Dask scheduler and two workers on loopback against local runs.

1. ``dask scheduler`` and two ``dask worker --nthreads 1`` processes on 127.0.0.1, started with the
   ``dask`` command of this venv;
2. ``autonews run`` over the first ``--articles`` (120) real articles with ``--dask tcp://127.0.0.1:PORT``
   and with local ``--workers 1``: exit codes, and the records compared (ids, companies, amounts, dates,
   deals; then the whole record);
3. throughput on the first ``--throughput`` (500) articles: 2 Dask workers against local ``--workers 2``
   (words/s from the run's summary line), each ``--repeat`` times, alternating. The Dask workers are
   restarted before each timed run, so that they build the model again as the local workers do; one more
   run on the warm workers shows a long-lived cluster. Then, once each, local ``--workers 1`` and the Dask
   cluster with one of its workers stopped: how throughput grows with a second worker.

    .venv/bin/python scripts/dask_check.py [--news DIR] [--articles 120] [--throughput 500] [--repeat 2]

Needs the dask extra (``pip install -e ".[dask]"``). Exit code 0 when the records are identical and every
run exited 0. All processes it starts are stopped at the end.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NEWS = ROOT.parent / "shared" / "news" / "automotive_reuters_2006_2013" / "txt"
FIELDS = ("id", "companies", "amounts", "dates", "deals")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def folder_of(news: Path, count: int, where: Path) -> Path:
    folder = where / f"articles_{count}"
    folder.mkdir()
    for path in sorted(news.glob("*.txt"))[:count]:
        shutil.copy(path, folder / path.name)
    return folder


def autonews(folder: Path, out: Path, *options: str) -> tuple[int, str, float]:
    """One ``autonews run`` into a new OUT: exit code (1 unless every article was extracted), summary, words/s."""
    assert not out.exists(), f"{out} exists: the run would skip its articles"
    command = [str(BIN / "autonews"), "run", str(folder), "--out", str(out), "--no-progress", *options]
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    summary = (result.stderr.strip().splitlines() or [""])[-1]
    rate = re.search(r"\(([\d,]+) words/s\)", summary)
    print(f"  $ autonews run {folder.name} --out {out.name} {' '.join(options)}\n    exit {result.returncode}: {summary}")
    expected = len(list(folder.glob("*.txt")))
    code = result.returncode if summary.startswith(f"{expected} articles,") else 1
    return code, summary, float(rate.group(1).replace(",", "")) if rate else 0.0


def records(path: Path) -> dict[str, dict]:
    return {r["source"].rsplit("/", 1)[-1]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def compare(local: Path, remote: Path) -> bool:
    mine, theirs = records(local), records(remote)
    same = mine.keys() == theirs.keys()
    for field in FIELDS:
        differing = [name for name in mine if name in theirs and mine[name][field] != theirs[name][field]]
        print(f"  {field:<10} {'identical' if not differing else f'{len(differing)} differ: {differing[:3]}'}")
        same = same and not differing
    whole = local.read_text(encoding="utf-8") == remote.read_text(encoding="utf-8")
    print(f"  {len(mine)} records locally, {len(theirs)} on Dask; whole files byte-identical: {whole}")
    return same and whole


def start_cluster(port: int, logs: Path) -> list[subprocess.Popen]:
    address = f"tcp://127.0.0.1:{port}"
    processes = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                   "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=(logs / "scheduler.log").open("w"))]
    time.sleep(1.0)
    for number in (1, 2):
        processes.append(subprocess.Popen([str(BIN / "dask"), "worker", address, "--nthreads", "1", "--no-dashboard",
                                           "--name", f"w{number}"],
                                          stdout=subprocess.DEVNULL, stderr=(logs / f"worker{number}.log").open("w")))
    from distributed import Client

    with Client(address, timeout=30) as client:
        client.wait_for_workers(2, timeout=60)
        print(f"  scheduler {address}, workers: {sorted(w['name'] for w in client.scheduler_info()['workers'].values())}")
    return processes


def restart_workers(address: str, count: int = 2) -> None:
    from distributed import Client

    with Client(address, timeout=30) as client:
        client.restart(wait_for_workers=True)
        client.wait_for_workers(count, timeout=60)


def stop_worker(worker: subprocess.Popen, address: str) -> None:
    """One worker fewer: its ``dask worker`` process ends, and the scheduler sees one left."""
    from distributed import Client

    worker.terminate()
    worker.wait(timeout=30)
    with Client(address, timeout=30) as client:
        deadline = time.monotonic() + 30
        while len(client.scheduler_info()["workers"]) != 1 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(client.scheduler_info()["workers"]) == 1, "the second worker did not leave"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--throughput", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="Keep the outputs and logs in this folder.")
    args = parser.parse_args()
    where = Path(tempfile.mkdtemp(prefix="dask_check_")) if args.keep is None else args.keep
    where.mkdir(parents=True, exist_ok=True)
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    ok = True
    processes: list[subprocess.Popen] = []
    try:
        print("cluster:")
        processes = start_cluster(port, where)

        print(f"\n{args.articles} articles, --dask {address} against --workers 1:")
        small = folder_of(args.news, args.articles, where)
        code_local, *_ = autonews(small, where / "local_w1.jsonl", "--workers", "1")
        code_dask, *_ = autonews(small, where / "dask.jsonl", "--dask", address)
        same = compare(where / "local_w1.jsonl", where / "dask.jsonl")
        ok = ok and same and code_local == 0 and code_dask == 0
        print(f"  records identical: {same}; exit codes {code_local} (local), {code_dask} (Dask)")

        print(f"\n{args.throughput} articles, throughput (words/s):")
        big = folder_of(args.news, args.throughput, where)
        rates: dict[str, list[float]] = {"dask, 2 workers (restarted)": [], "local --workers 2": []}
        for attempt in range(1, args.repeat + 1):
            restart_workers(address)
            code, _, rate = autonews(big, where / f"tp_dask_{attempt}.jsonl", "--dask", address)
            rates["dask, 2 workers (restarted)"].append(rate)
            ok = ok and code == 0
            code, _, rate = autonews(big, where / f"tp_local_{attempt}.jsonl", "--workers", "2")
            rates["local --workers 2"].append(rate)
            ok = ok and code == 0
        code, _, rate = autonews(big, where / "tp_dask_warm.jsonl", "--dask", address)
        rates["dask, 2 workers (warm)"] = [rate]
        ok = ok and code == 0
        code, _, rate = autonews(big, where / "tp_local_w1.jsonl", "--workers", "1")
        rates["local --workers 1"] = [rate]
        ok = ok and code == 0
        stop_worker(processes[2], address)
        restart_workers(address, 1)
        code, _, rate = autonews(big, where / "tp_dask_one_worker.jsonl", "--dask", address)
        rates["dask, 1 worker (restarted)"] = [rate]
        ok = ok and code == 0
        print()
        for name, values in rates.items():
            middle = sorted(values)[len(values) // 2]
            print(f"  {name:<30} {', '.join(f'{v:,.0f}' for v in values)}"
                  + (f"  (median {middle:,.0f})" if len(values) > 2 else ""))
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        if args.keep is None:
            shutil.rmtree(where, ignore_errors=True)
    print(f"\n{'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
