"""The batch job: mixed inputs, accounting, re-runs, changes, kill -9, workers, the database beside OUT."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.batch import run_batch
from extractor.cli import app
from extractor.ingest import RawInput, dateline_date, iter_paths, parse_input, read_article
from extractor.manifest import Manifest, sibling
from extractor.writers import open_database

ROOT = Path(__file__).resolve().parents[1]
BATCH = Path(__file__).resolve().parent / "assets" / "batch"
GOOD = {"dateline.txt", "deal.json", "latin1.txt", "page.html", "two.jsonl:1", "two.jsonl:2"}
BAD = {"empty.txt", "random.txt", "truncated.json"}
runner = CliRunner()


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def names(records: list[dict]) -> list[str]:
    return sorted(r["source"].rsplit("/", 1)[-1] for r in records)


def db_count(path: Path, table: str = "articles") -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def run(folder: Path, out: Path, nlp, **options):
    db = options.pop("db", None)
    database = open_database(f"sqlite:///{db}") if db else None
    try:
        return run_batch([str(folder)], out, nlp=nlp, workers=1, database=database, **options)
    finally:
        if database is not None:
            database.close()


@pytest.fixture
def mixed(tmp_path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(BATCH, folder)
    return folder


# -- reading -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-- Ford posts loss\n-- By  A Writer\n-- Mon Oct 23, 2006 6:42pm EDT\n-- http://x\n\n DETROIT - Ford", date(2006, 10, 23)),
        ("-- Tue Nov 19, 2013 10:57pm EST\nbody", date(2013, 11, 19)),
        ("LONDON, March 3, 2011 (Reuters) - BP said", date(2011, 3, 3)),
        ("Published: 21 May 2010\nbody", date(2010, 5, 21)),
        ("2021-04-05 12:30:27\nbody", date(2021, 4, 5)),
        ("TOKYO, Dec 9 (Reuters) - Toyota said", None),  # a wire dateline without a year
        ("On May 21, 2010, Volkswagen bought a stake.", None),  # a date inside a sentence
        ("-- Feb 30, 2010\nbody", None),
        ("line\n" * 10 + "-- Mon Oct 23, 2006 6:42pm EDT", None),  # not near the top
    ],
)
def test_ingest_dateline(text, expected):
    assert dateline_date(text) == expected


@pytest.mark.parametrize(
    ("name", "default", "expected"),
    [
        ("dateline.txt", None, "2017-12-19"),  # dateline beats nothing
        ("dateline.txt", date(2020, 1, 1), "2017-12-19"),  # and beats --published
        ("latin1.txt", date(2020, 1, 1), "2020-01-01"),  # no date in the input: --published
        ("latin1.txt", None, None),
        ("deal.json", date(2020, 1, 1), "2023-10-26"),  # the input's own date first
        ("page.html", date(2020, 1, 1), "2023-10-26"),  # the page's date
    ],
)
def test_ingest_published_precedence(name, default, expected):
    article = read_article(str(BATCH / name), published=default)
    assert (article.published.isoformat() if article.published else None) == expected


def test_ingest_html_main_text_title_date():
    article = read_article(str(BATCH / "page.html"))
    assert article.title == "Stellantis buys 20% of Leapmotor"
    assert article.text.startswith("Stellantis will invest about 1.5 billion euros")
    for boilerplate in ("Sign in", "Markets", "Most read", "newsletter", "Cookie", "Copyright"):
        assert boilerplate not in article.text
    assert article.published == date(2023, 10, 26)


def test_ingest_latin1_is_decoded():
    assert "payé 1,5 Mrd. Euro" in read_article(str(BATCH / "latin1.txt")).text


def test_ingest_jsonl_lines_are_articles():
    from extractor.ingest import inputs_of

    items = inputs_of(str(BATCH / "two.jsonl"))
    assert [i.source.rsplit("/", 1)[-1] for i in items] == ["two.jsonl:1", "two.jsonl:2"]
    first = parse_input(items[0])
    assert (first.id, first.published) == ("batch-jsonl-1", date(2024, 3, 1))


def test_ingest_stdin_html_is_sniffed():
    raw = RawInput("-", "html", (BATCH / "page.html").read_bytes())
    assert parse_input(raw).title == "Stellantis buys 20% of Leapmotor"


def test_ingest_iter_paths_excludes_own_files(tmp_path):
    (tmp_path / "a.txt").write_text("Volkswagen bought a stake.", encoding="utf-8")
    (tmp_path / "out.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    assert [Path(p).name for p in iter_paths([str(tmp_path)], exclude=[tmp_path / "out.jsonl"])] == ["a.txt"]


# -- the mixed folder of the issue -------------------------------------------------------------------------



@pytest.mark.model
def test_batch_mixed_folder_accounts_for_every_input(nlp, mixed, tmp_path):
    out, db = tmp_path / "out" / "records.jsonl", tmp_path / "out" / "records.db"
    summary = run(mixed, out, nlp, db=db)
    records = lines(out)
    errors = lines(sibling(out, "errors"))
    assert names(records) == sorted(GOOD)
    assert names(errors) == sorted(BAD)
    assert all(set(e) == {"source", "error"} for e in errors)
    assert (summary.articles, summary.failed, summary.skipped) == (6, 3, 0)
    assert db_count(db) == len(records) == summary.records
    by_name = {r["source"].rsplit("/", 1)[-1]: r for r in records}
    assert by_name["latin1.txt"]["amounts"][0]["text"] == "1,5 Mrd. Euro"
    assert by_name["dateline.txt"]["published"] == "2017-12-19"
    assert by_name["two.jsonl:1"]["id"] == "batch-jsonl-1"
    assert by_name["page.html"]["title"] == "Stellantis buys 20% of Leapmotor"
    assert {(s["holder"], s["target"], s["percent"]) for s in by_name["page.html"]["stakes"]} >= {("Stellantis", "Leapmotor", 20.0)}

    again = run(mixed, out, nlp, db=db)  # the re-run: nothing redone, nothing duplicated
    assert (again.articles, again.skipped, again.failed) == (0, 6, 3)
    assert lines(out) == records
    assert names(lines(sibling(out, "errors"))) == sorted(BAD)
    assert db_count(db) == len(records)
    assert len(lines(sibling(out, "manifest"))) == 9


@pytest.mark.model
def test_batch_changed_and_removed_inputs_replace_their_records(nlp, mixed, tmp_path):
    out, db = tmp_path / "out.jsonl", tmp_path / "out.db"
    run(mixed, out, nlp, db=db)
    (mixed / "latin1.txt").write_text("Nissan sold a 5% stake in Renault for 1.2 billion euros.", encoding="utf-8")
    (mixed / "two.jsonl").write_text((BATCH / "two.jsonl").read_text(encoding="utf-8").splitlines()[0] + "\n",
                                     encoding="utf-8")
    (mixed / "deal.json").write_text("{broken", encoding="utf-8")  # was good, now fails: its record leaves
    summary = run(mixed, out, nlp, db=db)
    assert (summary.articles, summary.skipped, summary.failed) == (1, 3, 4)
    records = lines(out)
    assert names(records) == sorted(GOOD - {"two.jsonl:2", "deal.json"})
    assert "Nissan" in {c["name"] for c in next(r for r in records if r["source"].endswith("latin1.txt"))["companies"]}
    with sqlite3.connect(db) as connection:
        assert sorted(row[0] for row in connection.execute("SELECT id FROM articles")) == sorted(r["id"] for r in records)
    assert len(lines(sibling(out, "manifest"))) == len(records) + 4


@pytest.mark.model
def test_batch_force_redoes_without_duplicates(nlp, mixed, tmp_path):
    out = tmp_path / "out.jsonl"
    run(mixed, out, nlp)
    summary = run(mixed, out, nlp, force=True)
    assert (summary.articles, summary.skipped) == (6, 0)
    assert names(lines(out)) == sorted(GOOD)


@pytest.mark.model
def test_batch_published_option_is_part_of_the_key(nlp, mixed, tmp_path):
    out = tmp_path / "out.jsonl"
    run(mixed, out, nlp)
    summary = run(mixed, out, nlp, published=date(2020, 1, 1))
    assert summary.skipped == 0 and summary.articles == 6
    latin = next(r for r in lines(out) if r["source"].endswith("latin1.txt"))
    assert latin["published"] == "2020-01-01"
    assert len(lines(out)) == 6


@pytest.mark.model
def test_batch_fail_fast_stops_at_the_first_failure(nlp, mixed, tmp_path):
    out = tmp_path / "out.jsonl"
    summary = run(mixed, out, nlp, fail_fast=True)
    assert summary.stopped and summary.failed == 1
    assert len(lines(sibling(out, "errors"))) == 1


@pytest.mark.model
def test_batch_recovers_torn_line_and_unlisted_records(nlp, mixed, tmp_path):
    out = tmp_path / "out.jsonl"
    run(mixed, out, nlp)
    good = out.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest = sibling(out, "manifest")
    entries = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    # as if killed: the last record written to OUT but not to the manifest, and a torn line after it
    manifest.write_text("".join(e for e in entries if "latin1.txt" not in e), encoding="utf-8")
    with out.open("a", encoding="utf-8") as handle:
        handle.write(good[0][: len(good[0]) // 2])
    summary = run(mixed, out, nlp)
    assert (summary.articles, summary.skipped) == (1, 5)
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert names(lines(out)) == sorted(GOOD)


def test_manifest_counts_only_the_line_it_names(tmp_path):
    out = tmp_path / "out.jsonl"
    record = json.dumps({"id": "a", "source": "a.txt"})
    out.write_text(record + "\n", encoding="utf-8")
    state = Manifest(out).open()
    assert not state.is_current("a.txt", "sha", "v", "o")  # in OUT, not in the manifest: redo
    state.append([("a.txt", record, "sha", "v", "o")])
    state.close()  # two lines for a.txt: compacted to the last
    assert out.read_text(encoding="utf-8") == record + "\n"
    again = Manifest(out).open()
    assert again.is_current("a.txt", "sha", "v", "o")
    assert not again.is_current("a.txt", "other", "v", "o")
    assert not again.is_current("a.txt", "sha", "v2", "o")
    again.close()


# -- the command -------------------------------------------------------------------------------------------


@pytest.mark.model
def test_cli_run_workers_2_matches_workers_1(mixed, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    db = tmp_path / "two.db"
    result = runner.invoke(app, ["run", str(mixed), "--out", str(one), "--workers", "1"])
    assert result.exit_code == 1, result.output
    result = runner.invoke(app, ["run", str(mixed), "--out", str(two), "--workers", "2", "--db", f"sqlite:///{db}"])
    assert result.exit_code == 1, result.output
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")  # input order, same records
    assert db_count(db) == 6
    summary = result.stderr.strip().splitlines()
    assert len(summary) == 1 and "6 articles" in summary[0] and "3 failed" in summary[0]  # no bar when piped
    assert "words/s" in summary[0] and "skipped as unchanged" in summary[0]


@pytest.mark.model
def test_cli_run_all_good_exits_0_and_rerun_is_free(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(BATCH / "deal.json", folder)
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["run", str(folder), "--out", str(out), "--workers", "1"]).exit_code == 0
    result = runner.invoke(app, ["run", str(folder), "--out", str(out), "--workers", "1", "--model", "no_such_model"])
    assert result.exit_code == 1  # options changed: redo, and this model does not exist
    result = runner.invoke(app, ["run", str(folder), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0 and "1 skipped as unchanged" in result.stderr
    assert len(lines(out)) == 1


@pytest.mark.model
def test_cli_run_stdin(tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", "-", "--out", str(out), "--workers", "1"],
                           input="BMW paid 1.5 billion euros for 20% of Brilliance.")
    assert result.exit_code == 0, result.output
    assert [r["source"] for r in lines(out)] == ["-"]


@pytest.mark.parametrize(("args", "code"), [(["--workers", "0"], 2), (["--db", "mysql://x/y"], 2),
                                            (["--published", "2023/01/01"], 2)])
def test_cli_run_usage_errors(tmp_path, args, code):
    result = runner.invoke(app, ["run", str(BATCH), "--out", str(tmp_path / "o.jsonl"), *args])
    assert result.exit_code == code
    assert "Traceback" not in result.output


# -- kill -9 -----------------------------------------------------------------------------------------------

COMPANIES = ["Volkswagen", "Toyota", "Stellantis", "BMW", "Renault", "Nissan", "Geely", "BYD", "Hyundai", "Ford"]
TARGETS = ["XPeng", "Leapmotor", "NIO", "Rivian", "Northvolt", "CATL", "Mobileye", "Horizon Robotics"]


def generated_articles(folder: Path, count: int, seed: int = 7) -> None:
    """Small articles, each different, enough sentences that extraction takes a few seconds in all."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        buyer, target = rng.choice(COMPANIES), rng.choice(TARGETS)
        amount, percent = rng.randint(10, 990), round(rng.uniform(1, 49), 1)
        body = [
            f"{buyer} will pay {amount} million dollars for a {percent}% stake in {target}, "
            f"the companies said on Tuesday, deal number {number}.",
            f"The investment gives {buyer} a seat on the board of {target}, which makes batteries and software.",
            f"{target} shares rose {rng.randint(1, 9)}% in early trading after the announcement.",
            f"Analysts said {buyer} could raise its holding to {min(percent * 2, 60):.1f}% by 2026.",
        ]
        (folder / f"{number:04d}.txt").write_text(" ".join(body) + "\n", encoding="utf-8")


@pytest.mark.model
def test_batch_kill_9_then_rerun_gives_each_article_once(tmp_path):
    folder, out = tmp_path / "articles", tmp_path / "out.jsonl"
    generated_articles(folder, 150)
    command = [sys.executable, "-m", "extractor", "run", str(folder), "--out", str(out), "--workers", "1"]
    manifest = sibling(out, "manifest")
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if manifest.is_file() and manifest.stat().st_size > 0:  # some records done, the run going on
            break
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    written = out.read_text(encoding="utf-8").count("\n") if out.is_file() else 0
    assert 0 < written < 150, f"the kill came at {written} records: not in the middle of the run"
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    redone, skipped = (int(part.split()[0]) for part in result.stderr.split(", ") if part.split()[1:2] in (["articles"], ["skipped"]))
    assert skipped > 0 and redone + skipped == 150  # the records written before the kill are kept
    records = lines(out)
    assert sorted(Path(r["source"]).name for r in records) == [f"{n:04d}.txt" for n in range(150)]


def processes_naming(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.model
@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc to find the workers")
def test_batch_workers_die_with_a_killed_run(tmp_path):
    folder, out = tmp_path / "articles", tmp_path / "out.jsonl"
    generated_articles(folder, 80)
    command = [sys.executable, "-m", "extractor", "run", str(folder), "--out", str(out), "--workers", "2"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None and len(processes_naming(str(out))) < 3:
        time.sleep(0.02)
    assert len(processes_naming(str(out))) == 3  # the run and its two workers
    os.kill(process.pid, signal.SIGKILL)  # the main process only
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and processes_naming(str(out)):
        time.sleep(0.05)
    assert processes_naming(str(out)) == []
