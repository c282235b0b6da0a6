"""Validation of the data in models/: schema, unique ids and aliases, parents that exist."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from extractor.kb import load_kb, normalize_name
from extractor.resources import load_jsonl

COMPANY_KINDS = {"automaker", "brand", "supplier", "battery_maker", "chip_software", "autonomy", "investor",
                 "joint_venture", "conglomerate", "mobility", "financial", "energy", "other"}
TECH_CATEGORIES = {"platform", "architecture", "battery", "powertrain", "autonomy", "cockpit_software", "chip",
                   "charging", "manufacturing", "materials"}


@pytest.fixture(scope="module")
def companies():
    return list(load_jsonl("companies.jsonl"))


@pytest.fixture(scope="module")
def technologies():
    return list(load_jsonl("technologies.jsonl"))


def test_kb_company_schema(companies):
    assert len(companies) >= 300
    for record in companies:
        assert set(record) >= {"id", "name", "aliases", "country", "kind", "parent"}, record
        assert re.fullmatch(r"[a-z0-9_]+", record["id"]), record["id"]
        assert record["kind"] in COMPANY_KINDS, record
        assert record["country"] is None or re.fullmatch(r"[A-Z]{2}", record["country"]), record
        assert set(record.get("ambiguous_aliases", [])) <= set(record["aliases"]) | {record["name"]}, record


def test_kb_company_ids_unique_and_parents_exist(companies):
    ids = [r["id"] for r in companies]
    assert len(ids) == len(set(ids))
    missing = {r["parent"] for r in companies if r["parent"]} - set(ids)
    assert not missing


def test_kb_no_alias_claimed_by_two_companies(companies):
    """Surface forms are unique (case-insensitive). Forms that differ but normalise alike ("Porsche SE",
    "Porsche AG") are settled by the lookup rule: exact surface first (tested below)."""
    owners = defaultdict(set)
    for record in companies:
        for alias in [record["name"], *record["aliases"]]:
            owners[alias.casefold()].add(record["id"])
    shared = {alias: ids for alias, ids in owners.items() if len(ids) > 1}
    assert not shared


@pytest.mark.parametrize(("surface", "expected"), [("Porsche SE", "porsche_se"), ("Porsche AG", "porsche"),
                                                   ("Porsche", "porsche"), ("Volvo Group", "volvo_group")])
def test_kb_exact_surface_settles_normalised_clashes(surface, expected):
    assert load_kb().lookup_company(surface).id == expected


def test_kb_non_companies_do_not_shadow_companies(companies):
    kb = load_kb()
    clashes = [a for r in companies for a in [r["name"], *r["aliases"]] if kb.is_non_company(a)]
    assert not clashes


def test_kb_technology_schema(technologies):
    assert len(technologies) >= 120
    ids = [t["id"] for t in technologies]
    assert len(ids) == len(set(ids))
    for record in technologies:
        assert record["category"] in TECH_CATEGORIES, record
        assert record["name"] and isinstance(record["aliases"], list)


def test_kb_no_alias_claimed_by_two_technologies(technologies):
    owners = defaultdict(set)
    for record in technologies:
        for alias in [record["name"], *record["aliases"]]:
            owners[normalize_name(alias)].add(record["id"])
    assert not {a: ids for a, ids in owners.items() if len(ids) > 1}


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("VW", "Volkswagen"), ("Volkswagen AG", "Volkswagen"), ("Volkswagen's", "Volkswagen"), ("XPeng Inc.", "XPeng"),
     ("Stellantis N.V.", "Stellantis"), ("General Motors Corp", "General Motors")],
)
def test_kb_lookup_canonicalises(surface, expected):
    entry = load_kb().lookup_company(surface)
    assert entry is not None and entry.name == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Volkswagen AG", "volkswagen"), ("The Volkswagen Group", "volkswagen"), ("XPeng's", "xpeng"),
     ("Toyota Motor Corp.", "toyota"), ("Group", "group"), ("Li Auto Inc.", "li auto"), ("Mahindra & Mahindra", "mahindra mahindra")],
)
def test_kb_normalize_name(name, expected):
    assert normalize_name(name) == expected


def test_kb_pattern_files_are_in_sync_with_the_knowledge_base():
    """models/patterns/ is what the pipeline loads; scripts/build_patterns.py rebuilds it."""
    from extractor.patterns import PATTERN_FILES, render_patterns
    from extractor.resources import models_dir

    for name, content in render_patterns().items():
        assert (models_dir() / PATTERN_FILES[name]).read_text(encoding="utf-8") == content, name


def test_kb_patterns_carry_ids_that_exist():
    from extractor.patterns import load_patterns

    kb = load_kb()
    assert {p["id"] for p in load_patterns("companies")} <= set(kb.companies)
    technology_ids = {p["id"] for p in load_patterns("technologies_exact") + load_patterns("technologies_loose")}
    assert technology_ids <= set(kb.technologies)
