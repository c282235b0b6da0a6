"""Optional checks against ../shared (peer test cases, the worked example, real articles with gold).

Skipped cleanly where ../shared is absent."""

from __future__ import annotations

import json
from datetime import date

import pytest

from extractor.normalize.money import find_money

pytestmark = pytest.mark.shared

GENERIC_UNITS = {"Dollar": {"USD"}, "Pound": {"GBP"}, "Euro": {"EUR"}}


def _money_cases(shared):
    for name in ("recognizers_currency_en.jsonl", "duckling_money_en.jsonl"):
        for line in (shared / "peer_cases" / name).read_text(encoding="utf-8").splitlines():
            yield json.loads(line)


def test_shared_peer_money_recall(shared):
    """Items with an ISO code or a dollar, pound or euro unit: value and currency found (recall >= 0.80)."""
    total = found = 0
    for case in _money_cases(shared):
        for expected in case["expected"]:
            if expected.get("value") is None:
                continue
            wanted = {expected["unit"]} if expected.get("unit") else GENERIC_UNITS.get(expected.get("unit_name"))
            if not wanted:
                continue
            total += 1
            value = float(expected["value"])
            found += any(
                m.currency in wanted and abs(float(m.value) - value) <= 0.005 * max(abs(value), 1e-9)
                for m in find_money(case["text"])
            )
    assert total > 200
    assert found / total >= 0.80, f"recall {found}/{total}"


def test_shared_peer_money_negatives(shared):
    negatives = [c for c in _money_cases(shared) if not c["expected"]]
    assert negatives
    assert [c["text"] for c in negatives if find_money(c["text"])] == []


@pytest.mark.model
def test_shared_example_matches_gold(shared, nlp):
    from extractor.extract import extract_article
    from extractor.ingest import read_article

    article = read_article(str(shared / "examples" / "xpeng-vw-leapmotor-stellantis.txt"), published=date(2025, 8, 20))
    gold = json.loads((shared / "examples" / "xpeng-vw-leapmotor-stellantis.gold.json").read_text(encoding="utf-8"))
    record = extract_article(nlp, article)
    assert {(float(a.value), a.currency) for a in record.amounts} == {
        (float(a["value"]), a["currency"]) for a in gold["amounts"]}
    assert [(s.percent, s.holder, s.target) for s in record.stakes] == [
        (s["percent"], s["holder"], s["target"]) for s in gold["stakes"]]
    assert {d.value for d in record.dates} == set(gold["dates"])


@pytest.mark.model
def test_shared_dev_real_scores(shared, nlp):
    """Real wire and broadcaster copy (1987-2013): the floors we hold ourselves to on text nobody here wrote."""
    from extractor.evaluate import evaluate_gold

    report = evaluate_gold(shared / "eval" / "dev_real", nlp)["autonews"]
    f1 = {name: counts.f1 for name, counts in report.counts.items()}
    assert f1["amounts"] >= 0.90, f1
    assert f1["dates"] >= 0.85, f1
    assert f1["stakes_percent"] >= 0.85, f1
