"""PostgreSQL: a real, throwaway PostgreSQL cluster (15 preferred), started for this session.

The server runs as an unprivileged user (``nobody`` when the tests run as root: PostgreSQL refuses root),
on a free port of 127.0.0.1, with its socket and data in a temporary folder removed at the end. Set
``AUTONEWS_TEST_POSTGRES_URL`` to use a server of your own instead. Where no server can start (no
binaries, no unprivileged user) the tests skip and say why; ``.ci/run`` installs the Debian package.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

from extractor.batch import run_batch
from extractor.writers import DB_SCHEMA_VERSION, open_database

from .test_writers import readme_queries, record_line

psycopg = pytest.importorskip("psycopg", reason="psycopg 3 is not installed (pip install 'psycopg[binary]')")
BATCH = Path(__file__).resolve().parent / "assets" / "batch"


def postgres_bin() -> Path | None:
    override = os.environ.get("AUTONEWS_PG_BIN")
    candidates = [override] if override else ["/usr/lib/postgresql/15/bin"] + sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit() else 0,
        reverse=True)
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").is_file() and (Path(candidate) / "pg_ctl").is_file():
            return Path(candidate)
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """initdb + pg_ctl in a temporary folder, as an unprivileged user."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="autonews-pg-"))
        self.port = free_port()
        self.user: dict = {}
        if os.geteuid() == 0:
            import pwd

            try:
                entry = pwd.getpwnam(os.environ.get("AUTONEWS_PG_USER", "nobody"))
            except KeyError:
                raise RuntimeError("running as root and no unprivileged user 'nobody' to run PostgreSQL") from None
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
            self.user = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}

    def _run(self, *args: str) -> None:
        env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "LANG": "C", "HOME": str(self.folder)}
        result = subprocess.run([str(self.bin / args[0]), *args[1:]], cwd=self.folder, env=env,
                                capture_output=True, text=True, timeout=120, **self.user)
        if result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {(result.stderr or result.stdout).strip()[-400:]}")

    def start(self) -> str:
        data = self.folder / "data"
        self._run("initdb", "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(data), "-l", str(self.folder / "server.log"), "-w", "-t", "60", "-o", options, "start")
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        except (RuntimeError, OSError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of the maintenance database of a running server."""
    if os.environ.get("AUTONEWS_TEST_POSTGRES_URL"):
        yield os.environ["AUTONEWS_TEST_POSTGRES_URL"]
        return
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server binaries (/usr/lib/postgresql/15/bin/initdb): "
                    "apt-get install postgresql-15, or set AUTONEWS_TEST_POSTGRES_URL")
    cluster = Cluster(bin_dir)
    try:
        url = cluster.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        cluster.stop()
        pytest.skip(f"PostgreSQL from {bin_dir} could not start: {exc}")
    yield url
    cluster.stop()


@pytest.fixture
def pg_url(postgres_server):
    """A fresh database on the server for one test."""
    name = f"autonews_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = postgres_server.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_postgres_server_is_real(pg_url):
    with psycopg.connect(pg_url) as connection:
        version = connection.execute("SHOW server_version_num").fetchone()[0]
    assert int(version) >= 150000


def test_postgres_schema_created_once_and_versioned(pg_url):
    with open_database(pg_url) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(DB_SCHEMA_VERSION,)]
        types = dict(db.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'articles'").fetchall())
        assert types["record"] == "jsonb" and types["published"] == "date"
    with open_database(pg_url) as db:
        assert db.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 1


def test_postgres_upsert_is_idempotent_and_replaces(pg_url):
    lines = [record_line("a", "a.txt", amounts=3), record_line("b", "b.txt", holder="O'Neil Motors")]
    with open_database(pg_url) as db:
        assert db.upsert(lines).loaded == 2
        counts = db.counts()
        assert (db.upsert(lines).loaded, db.counts()) == (0, counts)
        db.upsert([record_line("a", "a.txt", amounts=1)])
        assert db.counts()["amounts"] == counts["amounts"] - 2
        db.upsert([record_line("sha1:new", "b.txt")])  # the text of b.txt changed: a new id replaces the old
        assert sorted(r[0] for r in db.execute("SELECT id FROM articles").fetchall()) == ["a", "sha1:new"]
        assert db.execute("SELECT record -> 'stakes' -> 0 ->> 'target' FROM articles WHERE id = 'a'").fetchone()[0] == "Leapmotor"
        assert db.execute("SELECT value FROM amounts WHERE article_id = 'a'").fetchone()[0] == 1_500_000_000


def test_postgres_readme_queries(pg_url):
    with open_database(pg_url) as db:
        db.upsert([record_line("a", "a.txt"), record_line("b", "b.txt", holder="Volkswagen", technology="e-axle")])
        first, second = readme_queries()
        assert sorted((r[0], r[1]) for r in db.execute(first).fetchall()) == [
            ("Stellantis", "Leapmotor"), ("Volkswagen", "Leapmotor")]
        assert {r[5] for r in db.execute(second, ("e-axle",)).fetchall()} == {"Volkswagen", "Leapmotor"}


@pytest.mark.model
def test_postgres_and_sqlite_same_row_counts(nlp, pg_url, tmp_path):
    """The batch assets extracted once, loaded by the run into PostgreSQL and by ``load`` into SQLite."""
    out = tmp_path / "out.jsonl"
    with open_database(pg_url) as pg:
        summary = run_batch([str(BATCH)], out, nlp=nlp, workers=1, database=pg)
        pg_counts = pg.counts()
        again = run_batch([str(BATCH)], out, nlp=nlp, workers=1, database=pg)
        assert again.skipped == summary.articles and pg.counts() == pg_counts
    with open_database(f"sqlite:///{tmp_path / 'out.db'}") as lite:
        lite.load_jsonl(out)
        sqlite_counts = lite.counts()
    assert pg_counts == sqlite_counts
    assert pg_counts["articles"] == summary.articles == 6
    assert all(pg_counts[t] > 0 for t in ("companies", "company_mentions", "amounts", "stakes", "deals", "deal_parties"))
