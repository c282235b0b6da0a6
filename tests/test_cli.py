"""CLI tests: typer's CliRunner on the small files in tests/assets."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from extractor.cli import app

pytestmark = pytest.mark.model
runner = CliRunner()


def invoke(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def test_cli_extract_txt(assets):
    result = invoke("extract", assets / "article.txt", "--published", "2023-07-27", "--compact")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    text = (assets / "article.txt").read_text(encoding="utf-8")
    assert record["schema_version"] == "1"
    assert [(a["value"], a["currency"]) for a in record["amounts"]] == [(700000000, "USD")]
    assert [(s["percent"], s["holder"], s["target"]) for s in record["stakes"]] == [(4.99, "Volkswagen", "XPeng")]
    assert "2023-07-26" in {d["value"] for d in record["dates"]}
    for item in record["amounts"] + record["dates"] + record["stakes"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_cli_extract_json_keeps_id_and_published(assets):
    result = invoke("extract", assets / "article.json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert (record["id"], record["published"], record["title"]) == ("vw-xpeng-1", "2023-07-26", "VW buys into XPeng")
    assert [d["value"] for d in record["dates"]] == ["2023-07-26"]


def test_cli_extract_stdin():
    result = invoke("extract", "-", "--compact", input="BMW paid €1.5bn for 20% of Brilliance.")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["amounts"][0]["currency"] == "EUR"


def test_cli_extract_latin1_is_detected(assets):
    result = invoke("extract", assets / "latin1.txt", "--compact")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert {(a["value"], a["currency"]) for a in record["amounts"]} == {(1500000000, "EUR")}
    assert record["amounts"][0]["text"] == "1,5 Mrd. Euro"


@pytest.mark.parametrize(
    ("name", "message"),
    [("empty.txt", "empty input"), ("random.txt", "binary data"), ("no_text.json", "no 'text'"),
     ("missing.txt", "no such file")],
)
def test_cli_extract_bad_input_is_one_line_exit_1(assets, name, message):
    result = invoke("extract", assets / name)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cli_extract_too_long(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Volkswagen paid $1 billion. " * 190_000, encoding="utf-8")  # about 5 MB
    result = invoke("extract", big)
    assert result.exit_code == 1
    assert "exceeds" in result.output and "Traceback" not in result.output


def test_cli_bad_published_is_usage_error(assets):
    result = invoke("extract", assets / "article.txt", "--published", "26/07/2023")
    assert result.exit_code == 2


def test_cli_missing_model_names_the_option(assets):
    result = invoke("extract", assets / "article.txt", "--model", "no_such_model_pkg")
    assert result.exit_code == 1
    assert "--model" in result.output and "Traceback" not in result.output


def test_cli_schema():
    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert {"companies", "dates", "stakes", "amounts", "technologies", "deals"} <= set(schema["properties"])


def test_cli_run_writes_records_and_errors(assets, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("article.txt", "article.json", "empty.txt", "no_text.json"):
        (folder / name).write_bytes((assets / name).read_bytes())
    out = tmp_path / "out.jsonl"
    result = invoke("run", folder, "--out", out, "--published", "2023-07-27")
    assert result.exit_code == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert sorted(r["source"].rsplit("/", 1)[-1] for r in records) == ["article.json", "article.txt"]
    assert sorted(e["source"].rsplit("/", 1)[-1] for e in errors) == ["empty.txt", "no_text.json"]
    assert next(r for r in records if r["id"] == "vw-xpeng-1")["published"] == "2023-07-26"


def test_cli_evaluate_prints_fields(assets):
    result = invoke("evaluate", assets / "gold", "--detail")
    assert result.exit_code == 0, result.output
    for name in ("companies", "dates", "amounts", "stakes", "technologies", "deals"):
        assert name in result.output


def test_cli_evaluate_json_scores(assets):
    result = invoke("evaluate", assets / "gold", "--json", "--baseline")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    ours = scores["autonews"]["fields"]
    assert ours["amounts"]["f1"] == 1.0
    assert ours["dates"]["f1"] == 1.0
    assert ours["stakes"]["f1"] == 1.0
    assert scores["baseline (en_core_web_sm entities)"]["fields"]["stakes"]["f1"] < 1.0
