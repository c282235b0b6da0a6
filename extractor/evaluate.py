"""Score records against gold files exactly as ``../shared/eval/GOLD_FORMAT.md`` says.

Micro P/R/F1 per field summed over all articles; deal attribute accuracy over matched deals.
``baseline_record`` is what a user would otherwise write: plain en_core_web_sm entities
(ORG/DATE/MONEY/PERCENT) with dateparser on the DATE entities.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Iterable

from .ingest import Article, InputError, parse_published
from .kb import normalize_name

FIELDS = ("companies", "dates", "amounts", "stakes", "stakes_percent", "technologies", "deals")
PERCENT_TOLERANCE = 0.01 + 1e-9
AMOUNT_TOLERANCE = 0.005


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class GoldFile:
    path: Path
    gold: dict
    article: Article


@dataclass
class ArticleScore:
    id: str
    counts: dict[str, Counts]
    misses: dict[str, list[str]]
    deal_attributes: dict[str, list[bool]]


@dataclass
class Report:
    counts: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    deal_attributes: dict[str, list[bool]] = field(default_factory=lambda: {"date": [], "amount": [], "stake": []})
    articles: list[ArticleScore] = field(default_factory=list)

    def add(self, score: ArticleScore) -> None:
        self.articles.append(score)
        for name, counts in score.counts.items():
            self.counts[name].add(counts)
        for name, values in score.deal_attributes.items():
            self.deal_attributes[name].extend(values)

    def as_dict(self) -> dict:
        table = {
            name: {"precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": round(c.f1, 4),
                   "tp": c.tp, "fp": c.fp, "fn": c.fn}
            for name, c in self.counts.items()
        }
        accuracy = {
            name: {"accuracy": round(sum(v) / len(v), 4) if v else None, "n": len(v)}
            for name, v in self.deal_attributes.items()
        }
        return {"articles": len(self.articles), "fields": table, "deal_attributes": accuracy}


# loading -----------------------------------------------------------------------------------------
def load_gold_dir(folder: str | Path) -> list[GoldFile]:
    """Every ``*.json`` gold file in a folder (text inline or by ``text_path``)."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(f"{folder}: not a folder of gold files")
    files = sorted(root.glob("*.json"))
    if not files:
        raise InputError(f"{folder}: no *.json gold files")
    return [load_gold_file(path) for path in files]


def load_gold_file(path: Path) -> GoldFile:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: invalid JSON ({exc.msg} at line {exc.lineno})") from None
    if "text" in gold:
        text = gold["text"]
    elif "text_path" in gold:
        text_file = path.resolve().parents[2] / gold["text_path"]
        if not text_file.is_file():
            raise InputError(f"{path}: text_path {gold['text_path']} not found at {text_file}")
        text = text_file.read_text(encoding="utf-8", errors="replace")
    else:
        raise InputError(f"{path}: gold file has neither 'text' nor 'text_path'")
    article = Article(
        id=gold.get("id") or path.stem, text=text, source=str(path), title=gold.get("title"),
        published=parse_published(gold.get("published"), str(path)),
    )
    return GoldFile(path=path, gold=gold, article=article)


# matching ----------------------------------------------------------------------------------------
def _alias_sets(sets: Iterable[Iterable[str]]) -> list[set[str]]:
    return [{normalize_name(a) for a in group} - {""} for group in sets]


def _names_of(item: dict) -> set[str]:
    names = {normalize_name(item.get("name", ""))}
    names |= {normalize_name(m.get("text", "")) for m in item.get("mentions", [])}
    return names - {""}


def score_named(pred: list[dict], gold: list, optional: list) -> tuple[Counts, list[str]]:
    """Companies and technologies: alias-set matching by name or any mention."""
    gold_sets, optional_sets = _alias_sets(gold), _alias_sets(optional)
    matched, misses, fp = set(), [], 0
    for item in pred:
        names = _names_of(item)
        hits = [i for i, s in enumerate(gold_sets) if names & s]
        matched.update(hits)
        if not hits and not any(names & s for s in optional_sets):
            fp += 1
            misses.append(f"FP {item.get('name')}")
    for index, group in enumerate(gold):
        if index not in matched:
            misses.append(f"FN {group[0]}")
    return Counts(len(matched), fp, len(gold) - len(matched)), misses


def score_dates(pred: list[dict], gold: list[str], optional: list[str]) -> tuple[Counts, list[str]]:
    values = {d["value"] for d in pred}
    gold_set, optional_set = set(gold), set(optional)
    tp = values & gold_set
    fp = values - gold_set - optional_set
    fn = gold_set - values
    misses = [f"FP {v}" for v in sorted(fp)] + [f"FN {v}" for v in sorted(fn)]
    return Counts(len(tp), len(fp), len(fn)), misses


def _same_amount(a: dict, b: dict) -> bool:
    if a.get("currency") != b.get("currency"):
        return False
    va, vb = float(a["value"]), float(b["value"])
    return abs(va - vb) <= AMOUNT_TOLERANCE * max(abs(vb), 1e-12)


def score_amounts(pred: list[dict], gold: list[dict], optional: list[dict]) -> tuple[Counts, list[str]]:
    unique: list[dict] = []
    for item in pred:
        if not any(_same_amount(item, u) for u in unique):
            unique.append(item)
    found = [g for g in gold if any(_same_amount(p, g) for p in unique)]
    fps = [p for p in unique if not any(_same_amount(p, g) for g in gold + optional)]
    misses = [f"FP {p['value']} {p['currency']} ({p.get('text', '')})" for p in fps]
    misses += [f"FN {g['value']} {g['currency']}" for g in gold if g not in found]
    return Counts(len(found), len(fps), len(gold) - len(found)), misses


class AliasIndex:
    """Canonical gold name -> its alias set; predicted names -> all their mention forms."""

    def __init__(self, gold: dict, predicted_companies: list[dict]):
        self.gold_sets: dict[str, set[str]] = {}
        for group in gold.get("companies", []) + gold.get("companies_optional", []):
            self.gold_sets.setdefault(normalize_name(group[0]), {normalize_name(a) for a in group})
        self.pred_forms: dict[str, set[str]] = {}
        for company in predicted_companies:
            self.pred_forms[company.get("name", "")] = _names_of(company)

    def same(self, predicted: str | None, gold_name: str | None) -> bool:
        if gold_name is None:
            return True
        if predicted is None:
            return False
        forms = self.pred_forms.get(predicted, set()) | {normalize_name(predicted)}
        aliases = self.gold_sets.get(normalize_name(gold_name), {normalize_name(gold_name)})
        return bool(forms & aliases)


def score_stakes(pred: list[dict], gold: list[dict], aliases: AliasIndex, roles: bool) -> tuple[Counts, list[str]]:
    def matches(p: dict, g: dict) -> bool:
        if abs(float(p["percent"]) - float(g["percent"])) > PERCENT_TOLERANCE:
            return False
        if not roles:
            return True
        return aliases.same(p.get("holder"), g.get("holder")) and aliases.same(p.get("target"), g.get("target"))

    order = sorted(range(len(gold)), key=lambda i: -sum(gold[i].get(k) is not None for k in ("holder", "target")))
    used, matched = set(), set()
    for gi in order:
        for pi, p in enumerate(pred):
            if pi not in used and matches(p, gold[gi]):
                used.add(pi)
                matched.add(gi)
                break
    fps = [p for pi, p in enumerate(pred) if pi not in used and not any(matches(p, g) for g in gold)]
    misses = [f"FP {p['percent']} {p.get('holder')}->{p.get('target')} ({p.get('text', '')})" for p in fps]
    misses += [f"FN {gold[i]['percent']} {gold[i].get('holder')}->{gold[i].get('target')}"
               for i in range(len(gold)) if i not in matched]
    return Counts(len(matched), len(fps), len(gold) - len(matched)), misses


def score_deals(pred: list[dict], gold: list[dict], aliases: AliasIndex) -> tuple[Counts, list[str], dict]:
    def covers(p: dict, g: dict) -> bool:
        return p["type"] == g["type"] and all(any(aliases.same(pp, gp) for pp in p["parties"]) for gp in g["parties"])

    def agreement(p: dict, g: dict) -> int:
        score = int(p.get("date") == g.get("date"))
        if g.get("amount") and p.get("amount"):
            score += int(_same_amount(p["amount"], g["amount"]))
        if g.get("stake_percent") is not None and p.get("stake_percent") is not None:
            score += int(abs(p["stake_percent"] - g["stake_percent"]) <= PERCENT_TOLERANCE)
        return score

    pairs = sorted(
        ((agreement(p, g), pi, gi) for pi, p in enumerate(pred) for gi, g in enumerate(gold) if covers(p, g)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_p, used_g, matched = set(), set(), []
    for _, pi, gi in pairs:
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            matched.append((pred[pi], gold[gi]))
    attributes: dict[str, list[bool]] = {"date": [], "amount": [], "stake": []}
    for p, g in matched:
        if g.get("date") is not None:
            attributes["date"].append(p.get("date") == g["date"])
        if g.get("amount"):
            attributes["amount"].append(bool(p.get("amount")) and _same_amount(p["amount"], g["amount"]))
        if g.get("stake_percent") is not None:
            attributes["stake"].append(
                p.get("stake_percent") is not None and abs(p["stake_percent"] - g["stake_percent"]) <= PERCENT_TOLERANCE
            )
    misses = [f"FP {p['type']} {p['parties']} {p.get('date')}" for i, p in enumerate(pred) if i not in used_p]
    misses += [f"FN {g['type']} {g['parties']} {g.get('date')}" for i, g in enumerate(gold) if i not in used_g]
    return Counts(len(matched), len(pred) - len(matched), len(gold) - len(matched)), misses, attributes


def score_article(record: dict[str, Any], gold: dict) -> ArticleScore:
    counts, misses = {}, {}
    counts["companies"], misses["companies"] = score_named(
        record.get("companies", []), gold.get("companies", []), gold.get("companies_optional", []))
    counts["technologies"], misses["technologies"] = score_named(
        record.get("technologies", []), gold.get("technologies", []), gold.get("technologies_optional", []))
    counts["dates"], misses["dates"] = score_dates(
        record.get("dates", []), gold.get("dates", []), gold.get("dates_optional", []))
    counts["amounts"], misses["amounts"] = score_amounts(
        record.get("amounts", []), gold.get("amounts", []), gold.get("amounts_optional", []))
    aliases = AliasIndex(gold, record.get("companies", []))
    counts["stakes"], misses["stakes"] = score_stakes(record.get("stakes", []), gold.get("stakes", []), aliases, True)
    counts["stakes_percent"], _ = score_stakes(record.get("stakes", []), gold.get("stakes", []), aliases, False)
    counts["deals"], misses["deals"], attributes = score_deals(record.get("deals", []), gold.get("deals", []), aliases)
    return ArticleScore(id=gold.get("id", "?"), counts=counts, misses=misses, deal_attributes=attributes)


# baseline ----------------------------------------------------------------------------------------
_BASE_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9, "bln": 1e9,
                "trillion": 1e12}
_BASE_CURRENCY = [("€", "EUR"), ("euro", "EUR"), ("£", "GBP"), ("pound", "GBP"), ("stg", "GBP"), ("¥", "JPY"),
                  ("yen", "JPY"), ("yuan", "CNY"), ("$", "USD"), ("dollar", "USD"), ("dlr", "USD")]


def baseline_record(doc, published: date | None) -> dict:
    """What the plain script produces: ORG entities as companies, dateparser on DATE entities, a naive
    number x scale parse of MONEY entities, PERCENT entities in sentences that mention a stake."""
    import dateparser

    settings = {"RELATIVE_BASE": datetime.combine(published, time())} if published else {}
    companies, dates, amounts, stakes = {}, [], [], []
    for ent in doc.ents:
        if ent.label_ == "ORG":
            companies.setdefault(ent.text, {"name": ent.text, "mentions": []})["mentions"].append({"text": ent.text})
        elif ent.label_ == "DATE":
            parsed = dateparser.parse(ent.text, languages=["en"], settings=settings)
            if parsed is not None:
                dates.append({"value": parsed.strftime("%Y-%m-%d")})
        elif ent.label_ == "MONEY":
            number = re.search(r"\d[\d,]*(?:\.\d+)?", ent.text)
            currency = next((code for key, code in _BASE_CURRENCY if key in ent.text.lower()), None)
            if number and currency:
                scale = next((v for k, v in _BASE_SCALES.items() if re.search(rf"\b{k}\b", ent.text.lower())), 1)
                amounts.append({"value": float(number.group().replace(",", "")) * scale, "currency": currency})
        elif ent.label_ == "PERCENT" and "stake" in ent.sent.text.lower():
            number = re.search(r"\d+(?:\.\d+)?", ent.text)
            if number:
                stakes.append({"percent": float(number.group()), "holder": None, "target": None})
    return {"companies": list(companies.values()), "dates": dates, "amounts": amounts, "stakes": stakes,
            "technologies": [], "deals": []}


def format_report(report: Report, title: str) -> str:
    lines = [f"{title}: {len(report.articles)} articles", f"{'field':<16}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for name in FIELDS:
        c = report.counts[name]
        lines.append(f"{name:<16}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.tp:>6}{c.fp:>6}{c.fn:>6}")
    for name, values in report.deal_attributes.items():
        accuracy = f"{sum(values) / len(values):.3f}" if values else "  n/a"
        lines.append(f"deal {name:<11}accuracy {accuracy} over {len(values)} matched deals")
    return "\n".join(lines)


def format_detail(report: Report) -> str:
    lines = []
    for article in report.articles:
        rows = [f"  {name}: {miss}" for name, misses in article.misses.items() for miss in misses]
        if rows:
            lines.append(f"{article.id}")
            lines.extend(rows)
    return "\n".join(lines)


def evaluate_gold(gold_dir: str | Path, nlp, *, baseline: bool = False) -> dict[str, Report]:
    """Run the pipeline over a gold folder and score it (and, with ``baseline``, the plain model)."""
    from .extract import extract_articles

    gold_files = load_gold_dir(gold_dir)
    reports = {"autonews": Report()}
    records = extract_articles(nlp, (g.article for g in gold_files))
    for gold_file, record in zip(gold_files, records):
        reports["autonews"].add(score_article(record.model_dump(mode="json"), gold_file.gold))
    if baseline:
        import spacy

        plain = spacy.load(nlp.meta["autonews_base_model"]["path"])
        reports["baseline (en_core_web_sm entities)"] = Report()
        for gold_file, doc in zip(gold_files, plain.pipe(g.article.text for g in gold_files)):
            predicted = baseline_record(doc, gold_file.article.published)
            reports["baseline (en_core_web_sm entities)"].add(score_article(predicted, gold_file.gold))
    return reports
