"""The company knowledge base and the technology taxonomy: JSONL records -> alias indexes and ruler patterns.

``models/companies.jsonl``: one company per line (id, name, aliases, country, kind, parent,
ambiguous_aliases). ``models/technologies.jsonl``: id, name, aliases, category.
``models/non_companies.jsonl``: organisations that are not companies here (news agencies, regulators...).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .resources import load_jsonl

LEGAL_SUFFIXES = frozenset(
    "inc ag co ltd group corp corporation se nv plc holdings holding limited llc sa spa gmbh company motors "
    "motor automobile automotive".split()
)


def normalize_name(name: str) -> str:
    """The name normalisation of GOLD_FORMAT: NFKC, casefold, no possessive, punctuation to spaces,
    no "the", trailing legal words dropped while more than one word is left."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"['’]s\b", "", text)
    text = "".join(ch if ch.isalnum() or ch in "_ " else " " for ch in text)
    words = [w for w in text.split() if w != "the"]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class CompanyEntry:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    kind: str
    parent: str | None
    ambiguous_aliases: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class TechnologyEntry:
    id: str
    name: str
    aliases: tuple[str, ...]
    category: str


class KnowledgeBase:
    """Companies, non-companies and technologies, indexed by normalised alias."""

    def __init__(self, companies: list[dict], technologies: list[dict], non_companies: list[dict]):
        self.companies: dict[str, CompanyEntry] = {}
        # Lookup rule that settles aliases sharing a normalised form ("Porsche SE" / "Porsche AG" both
        # normalise to "porsche"): the exact surface (case-insensitive) decides first; the normalised form
        # goes to the first record that claims it.
        self.company_by_surface: dict[str, str] = {}
        self.company_by_alias: dict[str, str] = {}
        for record in companies:
            entry = CompanyEntry(
                id=record["id"],
                name=record["name"],
                aliases=tuple(dict.fromkeys([record["name"], *record.get("aliases", [])])),
                country=record.get("country"),
                kind=record.get("kind", "other"),
                parent=record.get("parent"),
                ambiguous_aliases=frozenset(record.get("ambiguous_aliases", [])),
            )
            self.companies[entry.id] = entry
            for alias in entry.aliases:
                self.company_by_surface.setdefault(alias.casefold(), entry.id)
                self.company_by_alias.setdefault(normalize_name(alias), entry.id)
        self.technologies: dict[str, TechnologyEntry] = {}
        self.technology_by_alias: dict[str, str] = {}
        for record in technologies:
            entry = TechnologyEntry(
                id=record["id"],
                name=record["name"],
                aliases=tuple(dict.fromkeys([record["name"], *record.get("aliases", [])])),
                category=record.get("category", "other"),
            )
            self.technologies[entry.id] = entry
            for alias in entry.aliases:
                self.technology_by_alias.setdefault(normalize_name(alias), entry.id)
        # Places are matched by their exact name only ("Guangzhou" is a city, "Guangzhou Automobile" is not).
        self.non_company_kind: dict[str, str] = {}
        self.non_company_exact: dict[str, str] = {}
        for record in non_companies:
            kind = record.get("kind", "other")
            for alias in [record["name"], *record.get("aliases", [])]:
                self.non_company_exact.setdefault(alias.casefold(), kind)
                if kind != "place":
                    self.non_company_kind.setdefault(normalize_name(alias), kind)

    def company(self, company_id: str) -> CompanyEntry:
        return self.companies[company_id]

    def parent_name(self, company_id: str) -> str | None:
        parent = self.companies[company_id].parent
        return self.companies[parent].name if parent in self.companies else None

    def lookup_company(self, surface: str) -> CompanyEntry | None:
        stripped = re.sub(r"['’]s?$", "", surface.strip())
        company_id = self.company_by_surface.get(stripped.casefold()) or self.company_by_alias.get(
            normalize_name(surface))
        return self.companies.get(company_id) if company_id else None

    def is_non_company(self, surface: str) -> bool:
        exact = re.sub(r"^the\s+|['’]s?$", "", surface.strip(), flags=re.IGNORECASE).casefold()
        return exact in self.non_company_exact or normalize_name(surface) in self.non_company_kind

    def lookup_technology(self, surface: str) -> TechnologyEntry | None:
        tech_id = self.technology_by_alias.get(normalize_name(surface))
        return self.technologies.get(tech_id) if tech_id else None

    def company_patterns(self) -> list[dict]:
        """Phrase patterns (case-sensitive) for spaCy's span ruler; the id names the company. A name of several
        words is also matched in capitals, as press releases print it ("BYD TOYOTA EV TECHNOLOGY Co., Ltd.")."""
        patterns = []
        for entry in self.companies.values():
            forms = list(entry.aliases)
            forms += [a.upper() for a in entry.aliases if " " in a.strip() and a.upper() not in entry.aliases]
            for alias in dict.fromkeys(forms):
                patterns.append({"label": "COMPANY", "pattern": alias, "id": entry.id})
        return patterns

    def technology_patterns(self) -> tuple[list[dict], list[dict]]:
        """Phrase patterns for technologies: (case-sensitive acronyms, case-insensitive names).

        An alias with an upper-case letter after its first character (EEA, LFP, LEAP3.0, e-GMP) is matched
        as written; any other alias is matched case-insensitively, singular and plural, and with its words
        joined by hyphens or by spaces ("driver assistance", "driver-assistance")."""
        exact, loose = [], []
        for entry in self.technologies.values():
            for alias in entry.aliases:
                if any(ch.isupper() for ch in alias[1:]) or (alias[:1].isupper() and len(alias) <= 4):
                    exact.append({"label": "TECH", "pattern": alias, "id": entry.id})
                    continue
                variants = {alias}
                if re.fullmatch(r"[a-z]+(?: [a-z]+){1,2}", alias.lower()):
                    variants.add(alias.replace(" ", "-"))
                elif re.fullmatch(r"[a-z]+(?:-[a-z]+){1,2}", alias.lower()):
                    variants.add(alias.replace("-", " "))
                for variant in sorted(variants):
                    for form in sorted({variant, _plural(variant)}):
                        loose.append({"label": "TECH", "pattern": form, "id": entry.id})
        return exact, loose


def _plural(alias: str) -> str:
    if alias.endswith(("s", "x", "ch", "sh")):
        return alias
    if alias.endswith("y") and not alias.endswith(("ay", "ey", "oy", "uy")):
        return alias[:-1] + "ies"
    return alias + "s"


@lru_cache(maxsize=4)
def load_kb(models_directory: str | None = None) -> KnowledgeBase:
    """The knowledge base from ``models/`` (read once per process)."""
    return KnowledgeBase(
        list(load_jsonl("companies.jsonl", models_directory)),
        list(load_jsonl("technologies.jsonl", models_directory)),
        list(load_jsonl("non_companies.jsonl", models_directory)),
    )
