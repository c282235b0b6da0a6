"""``autonews run --dask``: a real local cluster of worker processes gives the records of a local run."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import distributed as dask_executor
from extractor.batch import run_batch
from extractor.cli import app
from extractor.distributed import DaskAddressError, DaskMissing, normalize_address
from extractor.ingest import RawInput
from extractor.manifest import sibling
from extractor.writers import open_database

from .test_batch import BATCH, db_count, generated_articles, lines

HAS_DASK = importlib.util.find_spec("distributed") is not None
needs_dask = pytest.mark.skipif(not HAS_DASK, reason="dask[distributed] is not installed (pip install -e '.[dask]')")
runner = CliRunner()


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread each, as `dask worker --nthreads 1` would start them."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local


@pytest.fixture
def articles(tmp_path) -> Path:
    """The mixed folder of the batch tests (six articles, three bad inputs) and ten generated articles."""
    folder = tmp_path / "in"
    shutil.copytree(BATCH, folder)
    generated_articles(folder / "generated", 10)
    return folder


def record_fields(path: Path) -> list[tuple]:
    return [(r["source"], r["id"], r["companies"], r["amounts"], r["dates"], r["stakes"], r["deals"])
            for r in lines(path)]


# -- the address -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [("local", "local"), ("LOCAL", "local"), ("tcp://127.0.0.1:8786", "tcp://127.0.0.1:8786"),
     ("10.0.0.5:8786", "tcp://10.0.0.5:8786"), ("tls://scheduler.example:8786", "tls://scheduler.example:8786"),
     ("tcp://[::1]:8786", "tcp://[::1]:8786")],
)
def test_distributed_normalize_address(given, expected):
    assert normalize_address(given) == expected


@pytest.mark.parametrize("given", ["", "scheduler", "http://host:8786", "tcp://host", "tcp://host:port", "tcp://a b:1"])
def test_distributed_normalize_address_refuses(given):
    with pytest.raises(DaskAddressError):
        normalize_address(given)


@pytest.mark.parametrize(("args", "message"), [
    (["--dask", "http://host:8786"], "--dask must be"),
    (["--dask", "tcp://127.0.0.1:8786", "--workers", "2"], "--workers sets the size of --dask local only"),
])
def test_cli_run_dask_usage_errors(tmp_path, args, message):
    result = runner.invoke(app, ["run", str(BATCH), "--out", str(tmp_path / "o.jsonl"), *args])
    assert result.exit_code == 2 and message in result.stderr
    assert "Traceback" not in result.output


def test_cli_run_dask_without_the_extra(tmp_path, monkeypatch):
    def missing():
        raise DaskMissing(dask_executor.INSTALL_HINT)

    monkeypatch.setattr(dask_executor, "import_distributed", missing)
    result = runner.invoke(app, ["run", str(BATCH), "--out", str(tmp_path / "o.jsonl"), "--dask", "local"])
    assert result.exit_code == 2 and "pip install 'autonews[dask]'" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


# -- results of tasks --------------------------------------------------------------------------------------


class FakeFuture:
    def __init__(self, value=None, error: Exception | None = None):
        self.value, self.error = value, error

    def result(self):
        if self.error is not None:
            raise self.error
        return self.value


class FakeExecutor:
    """Submits single articles; the one named ``poison`` kills its worker every time."""

    address = "tcp://fake:8786"

    def submit(self, units):
        from distributed import KilledWorker

        (unit,) = units
        if unit.source == "poison":
            return dask_executor._Task(self, units, FakeFuture(error=KilledWorker("task", "worker", 3)))
        row = (unit.source, True, json.dumps({"source": unit.source}), 3, False)
        return dask_executor._Task(self, units, FakeFuture((dask_executor.code_fingerprint(), [row])))


@needs_dask
def test_distributed_killed_worker_fails_only_the_culprit():
    from distributed import KilledWorker

    units = [RawInput(source, "txt", b"Ford bought a stake.") for source in ("a", "poison", "b")]
    task = dask_executor._Task(FakeExecutor(), units, FakeFuture(error=KilledWorker("task", "worker", 3)))
    outcomes = task.result()
    assert [(o.source, o.ok) for o in outcomes] == [("a", True), ("poison", False), ("b", True)]
    assert "the Dask worker died on it" in outcomes[1].payload


@needs_dask
def test_distributed_refuses_a_worker_running_other_code():
    units = [RawInput("a", "txt", b"text")]
    task = dask_executor._Task(FakeExecutor(), units, FakeFuture(("0.1.0+0123456789ab", [])))
    with pytest.raises(RuntimeError, match=r"runs other autonews code \(0.1.0\+0123456789ab\)"):
        task.result()


def test_distributed_code_fingerprint_names_the_version():
    from extractor.version import __version__

    assert re.fullmatch(re.escape(__version__) + r"\+[0-9a-f]{12}", dask_executor.code_fingerprint())



# -- a real cluster ----------------------------------------------------------------------------------------


@needs_dask
@pytest.mark.model
def test_distributed_cluster_records_match_a_local_run(nlp, cluster, articles, tmp_path):
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask" / "records.jsonl"
    db = tmp_path / "dask" / "records.db"
    expected = run_batch([str(articles)], local, nlp=nlp, workers=1, chunk_size=4)
    database = open_database(f"sqlite:///{db}")
    try:
        summary = run_batch([str(articles)], remote, dask=cluster.scheduler_address, database=database, chunk_size=4)
    finally:
        database.close()
    assert (summary.articles, summary.failed, summary.skipped, summary.words) == (16, 3, 0, expected.words)
    assert record_fields(remote) == record_fields(local)  # ids, companies, amounts, dates, stakes, deals
    assert remote.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")  # whole records, input order
    assert lines(sibling(remote, "errors")) == lines(sibling(local, "errors"))
    assert db_count(db) == 16
    assert {Path(r["source"]).name for r in lines(remote)} >= {"deal.json", "page.html", "0009.txt"}

    # a re-run has nothing to do, so it needs no cluster: an address nobody listens on is never dialled
    again = run_batch([str(articles)], remote, dask="tcp://127.0.0.1:9", chunk_size=4)
    assert (again.articles, again.skipped, again.failed) == (0, 16, 3)
    assert remote.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")


@needs_dask
@pytest.mark.model
def test_cli_run_dask_local_matches_workers_1(tmp_path):
    folder = tmp_path / "in"
    generated_articles(folder, 6)
    shutil.copy(BATCH / "deal.json", folder)
    one, dask_out = tmp_path / "one.jsonl", tmp_path / "dask.jsonl"
    assert runner.invoke(app, ["run", str(folder), "--out", str(one), "--workers", "1"]).exit_code == 0
    result = runner.invoke(app, ["run", str(folder), "--out", str(dask_out), "--dask", "local", "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert dask_out.read_text(encoding="utf-8") == one.read_text(encoding="utf-8")
    summary = result.stderr.strip().splitlines()
    assert len(summary) == 1 and "7 articles" in summary[0]  # no cluster chatter on stderr


@needs_dask
def test_cli_run_dask_unreachable_scheduler_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT", 1.0)
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["run", str(BATCH / "deal.json"), "--out", str(out), "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    said = result.stderr.strip().splitlines()
    assert len(said) == 1 and said[0].startswith("autonews: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert "Traceback" not in result.output
