"""Sinks for records: an append-only JSON Lines file that survives kill -9, and SQLite / PostgreSQL tables.

JSON Lines: every batch is appended with one write, then flushed and fsync'ed; a line without its final
newline can only be the tail of a write that a crash cut short, and ``repair_tail`` drops it before the
next run appends. ``compact_jsonl`` rewrites the file atomically (temporary file, fsync, rename).

Databases (``open_database(url)``): ``sqlite:///relative.db``, ``sqlite:////absolute/path.db`` (stdlib
sqlite3) or ``postgresql://user@host:port/db`` (psycopg 3). The schema is created on first use and
versioned in ``schema_version``; every statement is parameterised. Loading is an upsert by article id:
an article's child rows are deleted and written again in the same transaction, an unchanged record
(same ``record_sha``) is left alone, and an older record of the same source under another id (the text
changed, so its hash id did) is removed.

Tables: ``articles`` (one row per article: ``id`` primary key, ``record`` the JSON record), ``companies``
(one row per canonical name), ``company_mentions``, ``amounts``, ``stakes``, ``technologies`` (per article),
``deals``, ``deal_parties``, ``deal_technologies``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Iterator

DB_SCHEMA_VERSION = 1
TABLES = (
    "articles", "companies", "company_mentions", "amounts", "stakes", "technologies",
    "deals", "deal_parties", "deal_technologies",
)
CHILD_TABLES = (
    "company_mentions", "amounts", "stakes", "technologies", "deal_parties", "deal_technologies", "deals",
)


class DatabaseError(RuntimeError):
    """The database cannot be opened, or holds a schema this version cannot use."""


class DatabaseUrlError(ValueError):
    """A ``--db`` value that is not a URL autonews knows (a usage error)."""


def line_sha(line: str) -> str:
    """The identity of one JSON line as written (shared by the manifest and ``articles.record_sha``)."""
    return hashlib.sha1(line.rstrip("\n").encode("utf-8")).hexdigest()


# -- JSON Lines --------------------------------------------------------------------------------------------


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def repair_tail(path: Path) -> int:
    """Cut a torn last line (no final newline) left by a crash; returns the bytes removed."""
    if not path.is_file():
        return 0
    size = path.stat().st_size
    if size == 0:
        return 0
    with path.open("rb+") as handle:
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return 0
        block, position = 65536, size
        keep = 0
        while position > 0:
            start = max(0, position - block)
            handle.seek(start)
            chunk = handle.read(position - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            position = start
        handle.truncate(keep)
        handle.flush()
        os.fsync(handle.fileno())
    return size - keep


class JsonlAppender:
    """Append-only JSON Lines: one write + flush + fsync per batch, so a batch is on disk before it counts."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        repair_tail(path)
        self._handle = path.open("ab")

    def append(self, lines: Iterable[str]) -> None:
        payload = "".join(line.rstrip("\n") + "\n" for line in lines).encode("utf-8")
        if not payload:
            return
        self._handle.write(payload)
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> "JsonlAppender":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def iter_jsonl(path: Path) -> Iterator[tuple[int, str, dict | None]]:
    """(line number, line, parsed object or None when the line is not a JSON object) for each line."""
    with path.open("r", encoding="utf-8", errors="replace", newline="\n") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.endswith("\n") or not line.strip():
                yield number, line, None
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                obj = None
            yield number, line.rstrip("\n"), obj if isinstance(obj, dict) else None


def compact_jsonl(path: Path, keep: Iterable[int]) -> None:
    """Rewrite ``path`` with only the given line numbers, atomically (a crash leaves old or new, whole)."""
    wanted = set(keep)
    temporary = path.with_name(path.name + ".tmp")
    with path.open("rb") as source, temporary.open("wb") as target:
        for number, line in enumerate(source, start=1):
            if number in wanted and line.endswith(b"\n"):
                target.write(line)
        target.flush()
        os.fsync(target.fileno())
    os.replace(temporary, path)
    fsync_dir(path.parent)


# -- databases ---------------------------------------------------------------------------------------------


def _ddl(json_type: str, float_type: str, bool_type: str, date_type: str) -> list[str]:
    article_fk = "REFERENCES articles (id) ON DELETE CASCADE"
    return [
        f"""CREATE TABLE IF NOT EXISTS articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            title TEXT,
            published {date_type},
            extractor_version TEXT NOT NULL,
            record_schema_version TEXT NOT NULL,
            record {json_type} NOT NULL,
            record_sha TEXT NOT NULL,
            loaded_at TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS articles_source ON articles (source)",
        f"""CREATE TABLE IF NOT EXISTS companies (
            name TEXT PRIMARY KEY,
            kb_id TEXT,
            country TEXT,
            kind TEXT,
            parent TEXT,
            in_knowledge_base {bool_type} NOT NULL)""",
        f"""CREATE TABLE IF NOT EXISTS company_mentions (
            article_id TEXT NOT NULL {article_fk},
            company TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (article_id, company, start_char, end_char))""",
        "CREATE INDEX IF NOT EXISTS company_mentions_company ON company_mentions (company)",
        f"""CREATE TABLE IF NOT EXISTS amounts (
            article_id TEXT NOT NULL {article_fk},
            seq INTEGER NOT NULL,
            value NUMERIC NOT NULL,
            currency TEXT NOT NULL,
            kind TEXT NOT NULL,
            implied_currency {bool_type} NOT NULL,
            text TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (article_id, seq))""",
        f"""CREATE TABLE IF NOT EXISTS stakes (
            article_id TEXT NOT NULL {article_fk},
            seq INTEGER NOT NULL,
            percent {float_type} NOT NULL,
            holder TEXT,
            target TEXT,
            role TEXT NOT NULL,
            text TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (article_id, seq))""",
        "CREATE INDEX IF NOT EXISTS stakes_target ON stakes (target)",
        f"""CREATE TABLE IF NOT EXISTS technologies (
            article_id TEXT NOT NULL {article_fk},
            name TEXT NOT NULL,
            tech_id TEXT,
            category TEXT NOT NULL,
            in_taxonomy {bool_type} NOT NULL,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (article_id, name))""",
        "CREATE INDEX IF NOT EXISTS technologies_name ON technologies (name)",
        f"""CREATE TABLE IF NOT EXISTS deals (
            article_id TEXT NOT NULL {article_fk},
            seq INTEGER NOT NULL,
            type TEXT NOT NULL,
            status TEXT NOT NULL,
            date TEXT,
            amount_value NUMERIC,
            amount_currency TEXT,
            stake_percent {float_type},
            venture TEXT,
            evidence_text TEXT NOT NULL,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            PRIMARY KEY (article_id, seq))""",
        f"""CREATE TABLE IF NOT EXISTS deal_parties (
            article_id TEXT NOT NULL {article_fk},
            deal_seq INTEGER NOT NULL,
            position INTEGER NOT NULL,
            company TEXT NOT NULL,
            role TEXT,
            PRIMARY KEY (article_id, deal_seq, position),
            FOREIGN KEY (article_id, deal_seq) REFERENCES deals (article_id, seq) ON DELETE CASCADE)""",
        "CREATE INDEX IF NOT EXISTS deal_parties_company ON deal_parties (company)",
        f"""CREATE TABLE IF NOT EXISTS deal_technologies (
            article_id TEXT NOT NULL {article_fk},
            deal_seq INTEGER NOT NULL,
            technology TEXT NOT NULL,
            PRIMARY KEY (article_id, deal_seq, technology),
            FOREIGN KEY (article_id, deal_seq) REFERENCES deals (article_id, seq) ON DELETE CASCADE)""",
    ]


@dataclass
class Rows:
    """The rows of a batch of records, per table, in insertion order."""

    articles: list[tuple] = field(default_factory=list)
    companies: dict[str, tuple] = field(default_factory=dict)
    company_mentions: list[tuple] = field(default_factory=list)
    amounts: list[tuple] = field(default_factory=list)
    stakes: list[tuple] = field(default_factory=list)
    technologies: list[tuple] = field(default_factory=list)
    deals: list[tuple] = field(default_factory=list)
    deal_parties: list[tuple] = field(default_factory=list)
    deal_technologies: list[tuple] = field(default_factory=list)


@dataclass
class LoadSummary:
    loaded: int = 0
    unchanged: int = 0
    invalid: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (f"{self.loaded} records loaded, {self.unchanged} unchanged"
                + (f", {len(self.invalid)} invalid lines" if self.invalid else ""))


class Database:
    """Common SQL for both engines; subclasses give the connection, types and placeholder style."""

    dialect = "sql"
    json_param = "?"
    engine_errors: tuple[type[BaseException], ...] = ()

    def __init__(self, connection: Any):
        self.conn = connection

    # engine specifics
    def _sql(self, statement: str) -> str:
        return statement

    def _num(self, value: Any) -> Any:
        return value

    def _ddl(self) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _begin(self) -> None:
        self.conn.execute("BEGIN")

    def _commit(self) -> None:
        self.conn.commit()

    def _rollback(self) -> None:
        self.conn.rollback()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; engine errors leave it rolled back and surface as ``DatabaseError``."""
        try:
            self._begin()
            yield
            self._commit()
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, self.engine_errors):
                message = str(exc).strip().splitlines()
                raise DatabaseError(f"{self.dialect}: {message[0] if message else type(exc).__name__}") from exc
            raise

    def execute(self, statement: str, params: tuple | list = ()) -> Any:
        return self.conn.execute(self._sql(statement), params)

    def executemany(self, statement: str, rows: list[tuple]) -> None:
        if rows:
            self.conn.cursor().executemany(self._sql(statement), rows)

    # schema
    def ensure_schema(self) -> int:
        """Create the tables on first use; refuse a database written by a newer schema. Returns the version."""
        with self.transaction():
            self.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
            current = self.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
            if current > DB_SCHEMA_VERSION:
                raise DatabaseError(
                    f"database schema version {current} is newer than this autonews ({DB_SCHEMA_VERSION}); upgrade autonews"
                )
            for version in range(current + 1, DB_SCHEMA_VERSION + 1):
                for statement in self._migration(version):
                    self.execute(statement)
                self.execute("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (version, _now()))
        return DB_SCHEMA_VERSION

    def _migration(self, version: int) -> list[str]:
        if version == 1:
            return self._ddl()
        raise DatabaseError(f"no migration to schema version {version}")  # pragma: no cover

    # loading
    def known_shas(self) -> set[str]:
        return {row[0] for row in self.execute("SELECT record_sha FROM articles").fetchall()}

    def upsert(self, lines: list[str]) -> LoadSummary:
        """Load JSON record lines (as written to OUT) in one transaction; unchanged records are skipped."""
        summary = LoadSummary()
        records: dict[str, tuple[str, dict]] = {}
        for line in lines:
            line = line.rstrip("\n")
            record = json.loads(line)
            records[str(record["id"])] = (line, record)  # the last line of an id wins, as in OUT
        if not records:
            return summary
        with self.transaction():
            ids = list(records)
            existing: dict[str, str] = {}
            for start in range(0, len(ids), 500):
                part = ids[start : start + 500]
                marks = ", ".join("?" for _ in part)
                for row in self.execute(f"SELECT id, record_sha FROM articles WHERE id IN ({marks})", part).fetchall():
                    existing[row[0]] = row[1]
            changed = {i: v for i, v in records.items() if existing.get(i) != line_sha(v[0])}
            summary.unchanged = len(records) - len(changed)
            stale = set(changed) & set(existing)
            for article_id, (_line, record) in changed.items():
                rows = self.execute(
                    "SELECT id FROM articles WHERE source = ? AND id <> ?", (record["source"], article_id)
                ).fetchall()
                stale.update(row[0] for row in rows)
            self._delete_articles(sorted(stale), keep_parent=set(changed))
            rows = Rows()
            for article_id, (line, record) in changed.items():
                _record_rows(rows, article_id, line, record, self._num)
            self._write_rows(rows)
        summary.loaded = len(changed)
        return summary

    def _delete_articles(self, ids: list[str], keep_parent: set[str] = frozenset()) -> None:
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ", ".join("?" for _ in part)
            for table in CHILD_TABLES:
                self.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", part)
            gone = [i for i in part if i not in keep_parent]
            if gone:
                self.execute(f"DELETE FROM articles WHERE id IN ({', '.join('?' for _ in gone)})", gone)

    def delete_sources(self, sources: Iterable[str]) -> int:
        """Remove the articles of sources that no longer give a record (they failed on this run)."""
        sources = list(sources)
        if not sources:
            return 0
        ids: list[str] = []
        with self.transaction():
            for source in sources:
                ids.extend(row[0] for row in self.execute("SELECT id FROM articles WHERE source = ?", (source,)).fetchall())
            self._delete_articles(ids)
        return len(ids)

    def _write_rows(self, rows: Rows) -> None:
        self.executemany(
            f"""INSERT INTO articles (id, source, title, published, extractor_version, record_schema_version,
                                      record, record_sha, loaded_at)
                VALUES (?, ?, ?, ?, ?, ?, {self.json_param}, ?, ?)
                ON CONFLICT (id) DO UPDATE SET source = excluded.source, title = excluded.title,
                    published = excluded.published, extractor_version = excluded.extractor_version,
                    record_schema_version = excluded.record_schema_version, record = excluded.record,
                    record_sha = excluded.record_sha, loaded_at = excluded.loaded_at""",
            rows.articles,
        )
        self.executemany(
            """INSERT INTO companies (name, kb_id, country, kind, parent, in_knowledge_base)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (name) DO UPDATE SET kb_id = COALESCE(excluded.kb_id, companies.kb_id),
                   country = COALESCE(excluded.country, companies.country),
                   kind = COALESCE(excluded.kind, companies.kind),
                   parent = COALESCE(excluded.parent, companies.parent),
                   in_knowledge_base = (excluded.in_knowledge_base OR companies.in_knowledge_base)""",
            sorted(rows.companies.values()),
        )
        self.executemany(
            """INSERT INTO company_mentions (article_id, company, start_char, end_char, text)
               VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
            rows.company_mentions,
        )
        self.executemany(
            """INSERT INTO amounts (article_id, seq, value, currency, kind, implied_currency, text, start_char, end_char)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
            rows.amounts,
        )
        self.executemany(
            """INSERT INTO stakes (article_id, seq, percent, holder, target, role, text, start_char, end_char)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
            rows.stakes,
        )
        self.executemany(
            """INSERT INTO technologies (article_id, name, tech_id, category, in_taxonomy, mentions)
               VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
            rows.technologies,
        )
        self.executemany(
            """INSERT INTO deals (article_id, seq, type, status, date, amount_value, amount_currency, stake_percent,
                                  venture, evidence_text, evidence_start, evidence_end)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
            rows.deals,
        )
        self.executemany(
            """INSERT INTO deal_parties (article_id, deal_seq, position, company, role)
               VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
            rows.deal_parties,
        )
        self.executemany(
            """INSERT INTO deal_technologies (article_id, deal_seq, technology)
               VALUES (?, ?, ?) ON CONFLICT DO NOTHING""",
            rows.deal_technologies,
        )

    def load_jsonl(self, path: Path, batch: int = 200) -> LoadSummary:
        """Load every record line of a JSON Lines file; lines already loaded unchanged cost a hash, no parse."""
        summary = LoadSummary()
        known = self.known_shas()
        pending: list[str] = []
        for number, line, obj in iter_jsonl(path):
            if obj is None or "id" not in obj or "source" not in obj:
                if line.strip():
                    summary.invalid.append(f"{path}:{number}: not a complete JSON record line")
                continue
            if line_sha(line) in known:
                summary.unchanged += 1
                continue
            pending.append(line)
            if len(pending) >= batch:
                self._add(summary, self.upsert(pending))
                pending = []
        if pending:
            self._add(summary, self.upsert(pending))
        return summary

    @staticmethod
    def _add(total: LoadSummary, part: LoadSummary) -> None:
        total.loaded += part.loaded
        total.unchanged += part.unchanged

    def counts(self) -> dict[str, int]:
        return {table: self.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SqliteDatabase(Database):
    dialect = "sqlite"
    engine_errors = (sqlite3.Error,)

    def __init__(self, path: str):
        try:
            if path != ":memory:":
                Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, timeout=60, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise DatabaseError(f"sqlite:///{path}: {exc}") from None
        connection.execute("PRAGMA foreign_keys = ON")
        super().__init__(connection)

    def _ddl(self) -> list[str]:
        return _ddl("TEXT CHECK (json_valid(record))", "REAL", "BOOLEAN", "TEXT")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _num(self, value: Any) -> Any:
        return value  # sqlite3 binds int and float; NUMERIC affinity keeps integers exact


class PostgresDatabase(Database):
    dialect = "postgresql"
    json_param = "?::jsonb"

    def __init__(self, url: str):
        try:
            import psycopg
        except ImportError:  # pragma: no cover - a dependency
            raise DatabaseError("PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'") from None
        try:
            connection = psycopg.connect(url, autocommit=True, connect_timeout=15)
        except psycopg.Error as exc:
            raise DatabaseError(f"{_redact(url)}: {str(exc).strip().splitlines()[0] if str(exc) else exc}") from None
        self.engine_errors = (psycopg.Error,)
        super().__init__(connection)

    def _ddl(self) -> list[str]:
        return _ddl("JSONB", "DOUBLE PRECISION", "BOOLEAN", "DATE")

    def _sql(self, statement: str) -> str:
        return statement.replace("%", "%%").replace("?", "%s")

    def _begin(self) -> None:
        self.conn.execute("BEGIN")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        import psycopg

        try:
            self.conn.execute("ROLLBACK")
        except psycopg.Error:  # pragma: no cover - connection already gone
            pass

    def _num(self, value: Any) -> Any:
        return None if value is None else Decimal(str(value))

    def executemany(self, statement: str, rows: list[tuple]) -> None:
        if rows:
            with self.conn.cursor() as cursor:
                cursor.executemany(self._sql(statement), rows)


def _redact(url: str) -> str:
    """A URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"
    return url


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _record_rows(rows: Rows, article_id: str, line: str, record: dict, num) -> None:
    rows.articles.append((
        article_id, record["source"], record.get("title"), record.get("published"),
        record.get("extractor_version", ""), str(record.get("schema_version", "")), line, line_sha(line), _now(),
    ))
    for company in record.get("companies", []):
        name = company["name"]
        rows.companies[name] = (
            name, company.get("id"), company.get("country"), company.get("kind"), company.get("parent"),
            bool(company.get("in_knowledge_base")),
        )
        for mention in company.get("mentions", []):
            rows.company_mentions.append((article_id, name, mention["start"], mention["end"], mention["text"]))
    for seq, amount in enumerate(record.get("amounts", [])):
        rows.amounts.append((
            article_id, seq, num(amount["value"]), amount["currency"], amount.get("kind", "exact"),
            bool(amount.get("implied_currency")), amount["text"], amount["start"], amount["end"],
        ))
    for seq, stake in enumerate(record.get("stakes", [])):
        rows.stakes.append((
            article_id, seq, stake["percent"], stake.get("holder"), stake.get("target"), stake.get("role", "held"),
            stake["text"], stake["start"], stake["end"],
        ))
    for technology in record.get("technologies", []):
        rows.technologies.append((
            article_id, technology["name"], technology.get("id"), technology.get("category", ""),
            bool(technology.get("in_taxonomy")), len(technology.get("mentions", [])),
        ))
    for seq, deal in enumerate(record.get("deals", [])):
        amount = deal.get("amount") or {}
        evidence = deal.get("evidence") or {}
        rows.deals.append((
            article_id, seq, deal["type"], deal.get("status", "announced"), deal.get("date"),
            num(amount.get("value")), amount.get("currency"), deal.get("stake_percent"), deal.get("venture"),
            evidence.get("text", ""), evidence.get("start", 0), evidence.get("end", 0),
        ))
        roles = deal.get("roles") or {}
        for position, party in enumerate(deal.get("parties", [])):
            rows.deal_parties.append((article_id, seq, position, party, roles.get(party)))
        for technology in dict.fromkeys(deal.get("technologies", [])):
            rows.deal_technologies.append((article_id, seq, technology))


def open_database(url: str) -> Database:
    """``sqlite:///path.db`` or ``postgresql://...``, schema ensured."""
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
        if not path:
            raise DatabaseUrlError(f"--db {url!r}: no file name (sqlite:///out.db, or sqlite:////abs/path.db)")
        database: Database = SqliteDatabase(path)
    elif url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        database = PostgresDatabase(url.replace("postgresql+psycopg://", "postgresql://", 1))
    else:
        raise DatabaseUrlError(f"--db {url!r}: use sqlite:///file.db or postgresql://user@host/db")
    try:
        database.ensure_schema()
    except Exception as exc:
        database.close()
        if isinstance(exc, DatabaseError):
            raise
        raise DatabaseError(f"{_redact(url)}: cannot create the schema: {exc}") from None
    return database
