"""autonews_technologies: the technologies a Doc talks about, grouped under the taxonomy's names.

Known technologies come from two span rulers built from ``models/technologies.jsonl`` (acronyms as
written, names in any case and in the plural). Named platforms and architectures outside the taxonomy
("the Neue Klasse platform", "its Z3.0 architecture") are found by their head noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .. import extensions  # noqa: F401
from ..extensions import doc_text
from ..kb import KnowledgeBase, load_kb, normalize_name
from ..normalize.money import currency_code
from ..schema import Mention, Technology

EXACT_KEY = "autonews_kb_tech_exact"
LOOSE_KEY = "autonews_kb_tech_loose"

_NAMED_PLATFORM = re.compile(
    r"\b(?P<name>(?:[A-Z][A-Za-z0-9.+\-]*|[a-z]-[A-Z][A-Za-z0-9.+\-]*)(?:\s(?:[A-Z0-9][A-Za-z0-9.+\-]*))?)"
    r"(?:\s(?P<descr>[a-z][a-z\-]+(?:\s[a-z][a-z\-]+)?))?\s(?P<kind>platform|architecture|chassis|Platform|Architecture)s?\b"
)
# "a 900-volt architecture", "its 800V platform": any system voltage, named by its number
_VOLTAGE = re.compile(r"\b(?P<volts>\d{3}|1,?\d{3})[- ]?(?:volt|V)\b(?:\s+(?:high-voltage\s+|electrical\s+)?"
                      r"(?P<kind>architecture|platform|system|technology))")
_VERSIONED = re.compile(r"\b(?P<name>[A-Z][A-Za-z]{1,10}\s?\d\.\d)\b(?!\.\d|%)")
_NOT_A_NAME = frozenset(
    "The A An Its Their This That These Those Our New Chinese European German Japanese American Korean "
    "Global Electric Modular Common Shared Dedicated Next Future Current Same Its Each Every One Two".split()
)


@dataclass
class _Group:
    name: str
    tech_id: str | None
    category: str
    mentions: list[tuple[int, int]] = field(default_factory=list)


@Language.factory("autonews_technologies", default_config={"models_dir": None})
def make_technologies(nlp: Language, name: str, models_dir: str | None) -> "TechnologiesComponent":
    return TechnologiesComponent(load_kb(models_dir))


class TechnologiesComponent:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        groups: dict[str, _Group] = {}
        spans = [s for key in (EXACT_KEY, LOOSE_KEY) for s in doc.spans.get(key, []) if s.id_ in self.kb.technologies]
        taken = []
        for span in filter_spans(spans):
            entry = self.kb.technologies[span.id_]
            group = groups.setdefault(entry.id, _Group(entry.name, entry.id, entry.category))
            group.mentions.append((span.start_char, span.end_char))
            taken.append((span.start_char, span.end_char))
        self._named_platforms(doc, groups, taken)
        doc._.autonews_technologies = [
            Technology(
                name=g.name, id=g.tech_id, category=g.category, in_taxonomy=g.tech_id is not None,
                mentions=[Mention(text=doc_text(doc)[s:e], start=s, end=e) for s, e in sorted(set(g.mentions))],
            )
            for g in sorted(groups.values(), key=lambda g: min(g.mentions))
        ]
        return doc

    def _named_platforms(self, doc: Doc, groups: dict[str, _Group], taken: list[tuple[int, int]]) -> None:
        text = doc_text(doc)
        candidates = []
        for match in _NAMED_PLATFORM.finditer(text):
            name = match.group("name")
            if name.split()[0] in _NOT_A_NAME or self.kb.lookup_company(name) is not None:
                continue
            if self.kb.is_non_company(name) or re.fullmatch(r"[A-Z][a-z]+", name) and not match.group("descr") is None:
                continue
            category = "platform" if match.group("kind").lower() != "architecture" else "architecture"
            candidates.append((match.start("name"), match.end("name"), match.end(), name, category))
        for match in _VERSIONED.finditer(text):
            if currency_code(match.group("name").split()[0].rstrip("0123456789.")):
                continue  # "USD 3.7 billion": money, not a version
            candidates.append((match.start(), match.end(), match.end(), match.group("name"), "platform"))
        for match in _VOLTAGE.finditer(text):
            volts = match.group("volts").replace(",", "")
            candidates.append((match.start(), match.end(), match.end(), f"{volts}-volt architecture", "architecture"))
        for start, name_end, end, name, category in candidates:
            if any(s <= start < e for s, e in taken):
                # the name is a known technology: the longer phrase is one more mention of it
                for group in groups.values():
                    if any(s <= start < e for s, e in group.mentions):
                        group.mentions.append((start, end))
                        break
                continue
            entry = self.kb.lookup_technology(name)
            key = entry.id if entry else f"named:{normalize_name(name)}"
            group = groups.setdefault(
                key, _Group(entry.name if entry else name, entry.id if entry else None,
                            entry.category if entry else category)
            )
            group.mentions.append((start, end))
            if end != name_end:
                group.mentions.append((start, name_end))
            taken.append((start, end))
