"""Sinks: the crash-safe JSON Lines helpers and the SQLite schema, upserts and loads (no model needed)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.schema import ArticleRecord
from extractor.writers import (
    DB_SCHEMA_VERSION, TABLES, DatabaseError, DatabaseUrlError, JsonlAppender, compact_jsonl, line_sha,
    open_database, repair_tail,
)

runner = CliRunner()


def record_line(article_id: str, source: str, *, amounts: int = 1, holder: str = "Stellantis",
                technology: str = "lidar") -> str:
    """A valid record, as ``autonews run`` writes it: a stake, ``amounts`` amounts, a deal with two parties."""
    return ArticleRecord(
        id=article_id, source=source, title=None, published="2023-10-26", extractor_version="test",
        companies=[
            {"name": holder, "id": holder.lower(), "country": "NL", "kind": "automaker", "in_knowledge_base": True,
             "mentions": [{"text": holder, "start": 0, "end": len(holder)}]},
            {"name": "Leapmotor", "id": "leapmotor", "country": "CN", "kind": "automaker", "in_knowledge_base": True,
             "mentions": [{"text": "Leapmotor", "start": 40, "end": 49}, {"text": "Leapmotor", "start": 90, "end": 99}]},
        ],
        stakes=[{"percent": 20.0, "holder": holder, "target": "Leapmotor", "text": "20%", "start": 30, "end": 33}],
        amounts=[{"value": 1_500_000_000 + n, "currency": "EUR", "text": "1.5 billion euros", "start": 10, "end": 27}
                 for n in range(amounts)],
        technologies=[{"name": technology, "category": "sensor", "in_taxonomy": True,
                       "mentions": [{"text": technology, "start": 60, "end": 60 + len(technology)}]}],
        deals=[{"type": "investment", "parties": [holder, "Leapmotor"], "roles": {holder: "investor", "Leapmotor": "target"},
                "date": "2023-10-26", "amount": {"value": 1_500_000_000, "currency": "EUR"}, "stake_percent": 20.0,
                "technologies": [technology], "evidence": {"text": "x", "start": 0, "end": 1}}],
    ).model_dump_json()


@pytest.fixture
def db(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'records.db'}")
    yield database
    database.close()


# -- JSON Lines --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"", b""), (b'{"a": 1}\n', b'{"a": 1}\n'), (b'{"a": 1}\n{"b"', b'{"a": 1}\n'), (b'{"b"', b""),
     (b'{"a": 1}\n{"b": 2}\n{"c": 3', b'{"a": 1}\n{"b": 2}\n')],
)
def test_writers_repair_tail_cuts_torn_line(tmp_path, content, expected):
    path = tmp_path / "out.jsonl"
    path.write_bytes(content)
    assert repair_tail(path) == len(content) - len(expected)
    assert path.read_bytes() == expected


def test_writers_appender_repairs_then_appends_whole_lines(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"a": 1}\n{"torn')
    with JsonlAppender(path) as appender:
        appender.append(['{"b": 2}', '{"c": 3}\n'])
    assert path.read_text(encoding="utf-8") == '{"a": 1}\n{"b": 2}\n{"c": 3}\n'


def test_writers_compact_keeps_chosen_lines(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text("one\ntwo\nthree\n", encoding="utf-8")
    compact_jsonl(path, [1, 3])
    assert path.read_text(encoding="utf-8") == "one\nthree\n"
    assert not path.with_name("out.jsonl.tmp").exists()


# -- SQLite ------------------------------------------------------------------------------------------------


def test_writers_schema_created_and_versioned(db):
    assert db.execute("SELECT version FROM schema_version").fetchall() == [(DB_SCHEMA_VERSION,)]
    assert set(db.counts()) == set(TABLES)
    db.ensure_schema()  # a second open changes nothing
    assert db.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 1


def test_writers_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_database(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO schema_version VALUES (?, ?)", (DB_SCHEMA_VERSION + 1, "later"))
    with pytest.raises(DatabaseError, match="newer"):
        open_database(f"sqlite:///{path}")


@pytest.mark.parametrize("url", ["mysql://x/y", "sqlite:///", "file.db"])
def test_writers_bad_url_is_usage_error(url):
    with pytest.raises(DatabaseUrlError):
        open_database(url)


def test_writers_upsert_rows_and_reload_is_idempotent(db):
    lines = [record_line("a", "a.txt"), record_line("b", "b.txt", holder="O'Neil Motors")]
    first = db.upsert(lines)
    counts = db.counts()
    assert first.loaded == 2
    assert counts == {"articles": 2, "companies": 3, "company_mentions": 6, "amounts": 2, "stakes": 2,
                      "technologies": 2, "deals": 2, "deal_parties": 4, "deal_technologies": 2}
    again = db.upsert(lines)
    assert (again.loaded, again.unchanged) == (0, 2)
    assert db.counts() == counts
    row = db.execute("SELECT record, record_sha, source FROM articles WHERE id = ?", ("b",)).fetchone()
    assert json.loads(row[0])["companies"][0]["name"] == "O'Neil Motors"
    assert (row[1], row[2]) == (line_sha(lines[1]), "b.txt")
    assert db.execute("SELECT value FROM amounts WHERE article_id = 'a'").fetchone()[0] == 1_500_000_000


def test_writers_changed_record_replaces_its_rows(db):
    db.upsert([record_line("a", "a.txt", amounts=3)])
    db.upsert([record_line("a", "a.txt", amounts=1, technology="e-axle")])
    assert db.counts()["amounts"] == 1
    assert db.execute("SELECT name FROM technologies").fetchall() == [("e-axle",)]
    assert db.execute("SELECT technology FROM deal_technologies").fetchall() == [("e-axle",)]


def test_writers_same_source_new_id_removes_the_old_article(db):
    db.upsert([record_line("sha1:old", "a.txt")])
    db.upsert([record_line("sha1:new", "a.txt")])
    assert db.execute("SELECT id FROM articles").fetchall() == [("sha1:new",)]
    assert db.counts()["amounts"] == 1


def test_writers_delete_sources(db):
    db.upsert([record_line("a", "a.txt"), record_line("b", "b.txt")])
    assert db.delete_sources(["a.txt", "nowhere.txt"]) == 1
    counts = db.counts()
    assert (counts["articles"], counts["stakes"], counts["deal_parties"]) == (1, 1, 2)


def test_writers_load_jsonl_reports_bad_lines_and_skips_known(db, tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(record_line("a", "a.txt") + "\nnot json\n" + record_line("b", "b.txt") + "\n{\"torn",
                    encoding="utf-8")
    summary = db.load_jsonl(path)
    assert (summary.loaded, summary.unchanged, len(summary.invalid)) == (2, 0, 2)
    assert ":2:" in summary.invalid[0] and ":4:" in summary.invalid[1]
    again = db.load_jsonl(path)
    assert (again.loaded, again.unchanged) == (0, 2)


def test_cli_load_command(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(record_line("a", "a.txt") + "\n" + record_line("b", "b.txt") + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'l.db'}"
    result = runner.invoke(app, ["load", str(path), "--db", url])
    assert result.exit_code == 0, result.output
    assert "2 records loaded" in result.stderr
    result = runner.invoke(app, ["load", str(path), "--db", url])
    assert result.exit_code == 0 and "0 records loaded, 2 unchanged" in result.stderr
    with path.open("a", encoding="utf-8") as handle:
        handle.write("oops\n")
    assert runner.invoke(app, ["load", str(path), "--db", url]).exit_code == 1
    assert runner.invoke(app, ["load", str(path), "--db", "oracle://x"]).exit_code == 2
    assert runner.invoke(app, ["load", str(tmp_path / "missing.jsonl"), "--db", url]).exit_code == 2


def test_readme_queries_run_on_sqlite(db):
    db.upsert([record_line("a", "a.txt"), record_line("b", "b.txt", holder="Volkswagen", technology="e-axle")])
    first, second = readme_queries()
    rows = db.execute(first).fetchall()
    assert sorted((r[0], r[1], r[2]) for r in rows) == [("Stellantis", "Leapmotor", 20.0), ("Volkswagen", "Leapmotor", 20.0)]
    rows = db.execute(second, ("e-axle",)).fetchall()
    assert {r[0] for r in rows} == {"b"} and {r[5] for r in rows} == {"Volkswagen", "Leapmotor"}


def readme_queries() -> list[str]:
    """The two SQL blocks of the README section 'Batch: folders into JSON Lines and databases'."""
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = text.split("## Batch:", 1)[1]
    blocks = [b.split("```", 1)[0] for b in section.split("```sql\n")[1:]]
    assert len(blocks) >= 2, "README: the batch section has two SQL queries"
    return [blocks[0].strip().rstrip(";"), blocks[1].strip().rstrip(";").replace("'electronic and electrical architecture'", "?")]
