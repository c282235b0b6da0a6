"""Golden-record tests over corpus/: every record valid, offsets exact, and the corpus scores held."""

from __future__ import annotations

import pytest

from extractor.evaluate import Report, load_gold_dir, score_article
from extractor.extract import extract_articles

from .conftest import CORPUS

pytestmark = pytest.mark.model

GOLD_FILES = sorted(CORPUS.glob("*.json"))


@pytest.fixture(scope="module")
def scored(nlp):
    gold = load_gold_dir(CORPUS)
    records = list(extract_articles(nlp, (g.article for g in gold)))
    return gold, records


def test_golden_corpus_size():
    assert len(GOLD_FILES) >= 30


def test_golden_records_point_at_their_text(scored):
    gold, records = scored
    for gold_file, record in zip(gold, records):
        text = gold_file.article.text
        spans = [*record.dates, *record.amounts, *record.stakes]
        spans += [m for c in record.companies for m in c.mentions]
        spans += [m for t in record.technologies for m in t.mentions]
        spans += [d.evidence for d in record.deals]
        for span in spans:
            assert text[span.start : span.end] == span.text, (gold_file.path.name, span)
        assert record.id == gold_file.gold["id"]


def test_golden_corpus_scores(scored):
    """The floors the corpus must keep (measured numbers are in README.md; these guard regressions)."""
    gold, records = scored
    report = Report()
    for gold_file, record in zip(gold, records):
        report.add(score_article(record.model_dump(mode="json"), gold_file.gold))
    f1 = {name: round(c.f1, 3) for name, c in report.counts.items()}
    assert f1["amounts"] >= 0.90, f1
    assert f1["dates"] >= 0.85, f1
    assert f1["stakes_percent"] >= 0.85, f1
    assert f1["companies"] >= 0.95, f1
    assert f1["technologies"] >= 0.90, f1
    assert f1["stakes"] >= 0.82, f1  # with holder and target
    assert f1["deals"] >= 0.68, f1


# floors per set read since it was written: companies, technologies, stakes with roles, deals (about 0.03-0.05
# under the measured numbers in README.md); heldout_new8 and heldout_new9 are kept unread and have no floor
HELDOUT_FLOORS = {
    "heldout_new": (0.90, 0.90, 0.76, 0.65),
    "heldout_new2": (0.92, 0.80, 0.74, 0.70),
    "heldout_new3": (0.93, 0.85, 0.72, 0.67),
    "heldout_new4": (0.90, 0.82, 0.80, 0.71),
    "heldout_new5": (0.88, 0.82, 0.67, 0.58),
    "heldout_new6": (0.92, 0.62, 0.74, 0.72),
    "heldout_new7": (0.92, 0.63, 0.60, 0.60),
}


@pytest.mark.parametrize("folder", sorted(HELDOUT_FLOORS))
def test_golden_heldout_sets_keep_their_scores(nlp, folder):
    """The sets written apart from the code have been read since; their floors guard against regressions."""
    gold = load_gold_dir(CORPUS.parent / "eval" / folder)
    report = Report()
    for gold_file, record in zip(gold, extract_articles(nlp, (g.article for g in gold))):
        report.add(score_article(record.model_dump(mode="json"), gold_file.gold))
    f1 = {name: round(c.f1, 3) for name, c in report.counts.items()}
    companies, technologies, stakes, deals = HELDOUT_FLOORS[folder]
    assert f1["companies"] >= companies and f1["technologies"] >= technologies, f1
    assert f1["amounts"] >= 0.90 and f1["dates"] >= 0.90, f1
    assert f1["stakes"] >= stakes and f1["deals"] >= deals, f1
