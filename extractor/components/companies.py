"""autonews_companies: every company of a Doc, under one canonical name, with all its mentions.

Two sources, one decision here:
- the knowledge-base ruler (``doc.spans["autonews_kb_companies"]``, each span's ``id_`` a company id);
- the statistical ORG entities, cleaned ("Beyond XPeng" -> XPeng, "Leapmotor and Stellantis Group" -> two
  companies), filtered (news agencies, regulators, exchanges, indexes and technologies are not companies)
  and merged by alias rules.
Abbreviations defined in the text ("Leapmotor International (LPMI)") are learnt per article. Where the
knowledge base and NER disagree (NER reads XPeng as a person), the knowledge base wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import extensions  # noqa: F401
from ..extensions import doc_text
from ..kb import KnowledgeBase, load_kb, normalize_name
from ..normalize.dates import MONTHS
from ..normalize.money import currency_code
from ..resources import load_jsonl
from ..schema import Company, Mention

RULER_KEY = "autonews_kb_companies"

# Words that may surround a known company name inside one NER entity without naming another company.
_GENERIC = frozenset(
    "group groups inc inc. co co. corp corp. corporation ltd ltd. limited plc ag se nv n.v. sa s.a. spa s.p.a. "
    "gmbh llc holding holdings company motor motors automobile automobiles automotive auto autos 's ' and & "
    "the its their china's".split()
)
_LEGAL_FORMS = frozenset(
    "inc inc. ltd ltd. corp corp. co co. plc ag se nv n.v. sa s.a. spa s.p.a. gmbh llc limited corporation".split()
)
# Head nouns of organisations that are not companies (government, regulators, exchanges, media, schools).
_NON_COMPANY_HEADS = frozenset(
    "ministry commission government parliament congress senate court tribunal university college school "
    "institute academy agency council department bureau office exchange index party union association "
    "federation chamber committee board police army navy treasury reserve administration authority "
    "organization organisation foundation society club team league cup festival museum hospital times journal "
    "news post daily herald gazette magazine review television tv radio broadcasting newswires newswire wire "
    "assembly cabinet state states republic kingdom city province municipality embassy consulate platform platforms "
    "architecture plant factory".split()
)
# Function words NER sometimes glues to the front of a name ("Beyond XPeng", "While Toyota").
_LEADING_NOISE = frozenset(
    "the a an beyond while both under with after before since as at by for from in into of on over through to "
    "unlike like despite although though but and or whereas meanwhile also besides including among between "
    "against via when where if whether either neither rival fellow".split()
)
# Words that make "<known name> <word>" a company of its own ("Leapmotor International", "Toyota Tsusho" is in
# the knowledge base anyway).
_ORGANISATION_WORDS = frozenset(
    "international holdings holding technology technologies financial finance capital mobility energy services "
    "ventures venture software battery batteries automotive electric bank partners investment investments cells "
    "power trucks truck solutions systems components parts industries industrial engineering logistics leasing "
    "credit insurance robotics labs lab research design digital connect global europe americas asia motorsport "
    "commercial vehicles vehicle card life securities heavy".split()
)
_BUSINESS_NOUNS = (r"(?:company|carmaker|automaker|maker|firm|group|bank|brewer|operator|provider|supplier|unit|"
                   r"specialist|developer|producer|"
                   r"subsidiary|arm|rival|partner|start-?up|investor|fund|conglomerate|manufacturer|retailer|"
                   r"insurer|lender|chain|venture|business|grocer|supermarket|airline|utility)")
_COMPANY_CONTEXT_BEFORE = re.compile(
    rf"(?:\b{_BUSINESS_NOUNS}\s+|\b(?:stake|shares|holding|interest)\s+in\s+|"
    r"\b(?:acquire|acquired|acquiring|buy|buys|bought|buying|purchase of|takeover of|bid for|merge with|"
    r"merger with|shareholders of|shareholders in)\s+)$",
    re.IGNORECASE,
)
_COMPANY_CONTEXT_AFTER = re.compile(
    rf"^(?:\s*,\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){{0,4}}{_BUSINESS_NOUNS}\b|['’]s\s+(?:shares|stock|stake|"
    r"board|shareholders|chief executive|profits?|revenues?|sales)\b)",
    re.IGNORECASE,
)
# "AMSTERDAM/HANGZHOU -", "TOKYO, Dec 9 (Reuters) -": a dateline at the start of a line
_DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z/.' -]{2,}(?:,[^\n]{0,40}?)?(?:\([^)\n]{1,30}\))?\s*(?:-|--|—)")
_PLACE_BEFORE = re.compile(r"\b(?:plant|plants|factory|factories|facility|site|works|headquarters|headquartered|based|"
                           r"located|built|opened|open|port|city|province|state|district|region)\s+(?:\w+\s+){0,3}"
                           r"(?:in|at|near|outside)\s+$", re.IGNORECASE)
_PERSON_AFTER = re.compile(r"^,?\s+(?:the\s+|its\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,5}(?:chief|CEO|president|chairman|"
                           r"chairwoman|director|head|executive|spokesman|spokeswoman|spokesperson|analyst|minister|"
                           r"founder|co-founder|economist|secretary|governor|mayor|professor|manager|strategist|trader|"
                           r"officer|partner\s+(?:at|of|with)|senior\s+vice)\b", re.IGNORECASE)
# "a company Mate Rimac founded in a garage": a founder
_FOUNDER_AFTER = re.compile(r"^\s+(?:co-)?founded\b")
# "Only 150 Neveras are planned": a counted thing
_COUNTED_BEFORE = re.compile(r"\b\d[\d,.]*\s+$")
# "Factorial's approach, called Factorial Electrolyte System Technology", "known internally as Project Titan"
_NAMED_THING_BEFORE = re.compile(r"\b(?:approach|technology|technique|process|platform|system|programme|program|project|"
                                 r"effort|initiative|concept|chemistry|model|car|vehicle|brand)\s*,?\s+(?:called|named|dubbed|"
                                 r"branded|known\s+(?:internally\s+)?as)\s+$", re.IGNORECASE)
# "the iPhone maker": the product of the company meant
_MAKER_AFTER = re.compile(r"^\s+(?:maker|makers|manufacturer)\b")
# "the German state of Thuringia", "the town of Friedrichshafen"
_PLACE_OF_BEFORE = re.compile(r"\b(?:state|town|city|province|region|county|village|district|prefecture|"
                              r"municipality|capital)\s+of\s+$", re.IGNORECASE)
# "the maker of Unreal Engine", "the developer of Spot": a product
_PRODUCT_OF_BEFORE = re.compile(r"\b(?:maker|makers|developer|developers|creator|creators)\s+of\s+$")
# "after Arnstadt in Thuringia", "at Ramos Arizpe in Mexico": a place in a larger place
_PLACE_IN_PLACE = re.compile(r"^\s+in\s+(?P<place>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")
_LOCATIVE_BEFORE = re.compile(r"\b(?:at|in|near|outside|after|from|to|between)\s+(?:the\s+)?$")
# "the Spark compact car", "the Kona Electric crossover": a vehicle model
_VEHICLE_AFTER = re.compile(r"^\s+(?:[a-z-]+\s+)?(?:car|cars|sedan|saloon|hatchback|SUV|SUVs|minivan|coupe|crossover|"
                            r"roadster|supercar|limousine|compact)\b")
_PLACE_AFTER = re.compile(r"^-based\b|^\s+(?:district|province|region|county|city|port|area|state|prefecture|municipality|"
                          r"island|valley|free trade zone|economic zone|industrial park)\b", re.IGNORECASE)
_PERSON_BEFORE = re.compile(r"\b(?:CEO|chief executive|chairman|chairwoman|president|founder|spokesman|spokeswoman|"
                            r"director|minister|analyst|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+$|"
                            r"\b(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]he)\s+(?:[\w-]+\s+)?(?:CEO|chief executive|chairman|"
                            r"chairwoman|president|founder|spokesman|spokeswoman|director|analyst),\s+$")
_DATE_WORDS = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")
# "(Reporting by Yuko Inoue; Editing by ...)", "-- By Niklas Pollard --": bylines name reporters
_BYLINE = re.compile(r"\((?:[^()]*?\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Aa]dditional reporting)\s+by\b[^()]*)\)"
                     r"|^[ \t]*--[ \t]*By\b[^\n]*$|\b(?:[Rr]eporting|[Ee]diting|[Ww]riting) by [^.\n]*", re.MULTILINE)
_TICKER = re.compile(r"^[A-Z0-9]{1,6}\.[A-Z]{1,3}$|^[A-Z]{1,5}\.N$")
_QUOTED_VENTURE = re.compile(
    r"\b(?:joint venture|venture|JV|company|subsidiary|unit|entity|firm|brand)\s+(?:called\s+|named\s+|dubbed\s+)?"
    r"[\"“'‘](?P<name>[A-Z][\w&.\- ]{1,60}?)[\"”'’]"
)
# "their joint venture, Valeo Siemens eAutomotive, for ...", "funded a joint venture, Northvolt Zwei, to build":
# a venture named in apposition is one company even when it is built from its parents' names
_APPOSED_VENTURE = re.compile(
    r"\b(?:joint[\s-]venture|venture|JV)(?:\s*,\s+(?:(?:now\s+|later\s+|since\s+)?(?:called|named|renamed)\s+)?|"
    r"\s+(?:called|named|dubbed)\s+)"
    r"(?P<name>(?:[A-Z][\w&.-]*|[a-z][A-Z][\w-]*)(?:\s+(?:[A-Z][\w&.-]*|[a-z][A-Z][\w-]*)){1,4})(?=\s*[,;.(])"
)
# "Fuel Cell System Manufacturing LLC": two to six capitalised words closed by a legal form
_LEGAL_NAME = re.compile(
    r"(?<![\w.&-])(?P<name>(?:[A-Z][\w&-]*\s+){1,5}(?:LLC|L\.L\.C\.|Ltd|Limited|Inc|Corp|Corporation|GmbH|AG|SE|"
    r"S\.A\.|SpA|S\.p\.A\.|N\.V\.|B\.V\.|PLC|plc|Co(?=,?\s+Ltd)|Co\.,?\s+Ltd))\b\.?"
)
# "Nanjing Fiat, its 50-50 passenger car venture with Nanjing Auto": a name described as a venture
_DESCRIBED_VENTURE = re.compile(
    r"(?<![\w&.-])(?P<name>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){1,4}),\s+(?:its|their)\s+(?:[\w:/-]+\s+){0,4}?"
    r"(?:joint[\s-])?venture\s+with\b"
)
_ABBREVIATION = re.compile(r"\((?P<abbr>[A-Z][A-Za-z0-9&]{1,7})\)")


@dataclass
class _Group:
    key: str
    name: str
    kb_id: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@Language.factory("autonews_companies", default_config={"models_dir": None})
def make_companies(nlp: Language, name: str, models_dir: str | None) -> "CompaniesComponent":
    return CompaniesComponent(load_kb(models_dir))


class CompaniesComponent:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        groups: dict[str, _Group] = {}
        ents = doc.ents  # Doc.ents builds a new tuple on every access: read it once
        technology_spans = [(m.start, m.end) for t in doc._.autonews_technologies or [] for m in t.mentions]
        kb_spans = [s for s in self._kb_spans(doc, ents)
                    if not (s.text in self.kb.company(s.id_).ambiguous_aliases and any(
                        a <= s.start_char and s.end_char <= b and b - a > len(s.text) for a, b in technology_spans))]
        # "its Smart Vehicle Architecture": an ambiguous company name inside a technology's name is the technology
        taken: list[tuple[int, int]] = []
        for span in kb_spans:
            self._add(groups, f"kb:{span.id_}", self.kb.company(span.id_).name, span.id_, span)
            taken.append((span.start_char, span.end_char))
        ventures = self._named_ventures(doc)
        for venture in ventures:
            for inner in [s for s in kb_spans if venture.start <= s.start and s.end <= venture.end]:
                self._remove_mention(groups, inner, taken)
        legal = self._legal_names(doc)
        for span in ventures + self._ner_companies(doc, ents, kb_spans, groups, taken) + \
                self._companies_by_context(doc, ents) + legal:
            if any(s < span.end_char and span.start_char < e for s, e in taken):
                continue
            if span not in legal and span not in ventures and any(
                    s < span.end_char and span.start_char < e for s, e in technology_spans):
                continue  # a technology's name; a name closed by a legal form or told as a venture is a company
            key = normalize_name(span.text)
            entry = self.kb.lookup_company(span.text)
            if entry is not None:
                self._add(groups, f"kb:{entry.id}", entry.name, entry.id, span)
            else:
                self._add(groups, f"ner:{key}", _display_name(span.text), None, span)
            taken.append((span.start_char, span.end_char))
        surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
        for key in [k for k, g in groups.items() if g.kb_id is None and g.name in surnames]:
            del groups[key]  # "Piech" after "Ferdinand Piech": a person
        self._learn_abbreviations(doc, groups, taken)
        self._propagate(doc, groups, taken + technology_spans)
        doc._.autonews_companies = self._to_records(doc, groups)
        return doc

    # knowledge base ------------------------------------------------------------------------------
    def _kb_spans(self, doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
        spans = [s for s in doc.spans.get(RULER_KEY, []) if s.id_ in self.kb.companies]
        kept = []
        for span in filter_spans(spans):
            entry = self.kb.company(span.id_)
            overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
            if span.text in entry.ambiguous_aliases and not any(e.label_ == "ORG" for e in overlapping):
                continue
            if any(
                e.label_ in {"PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW"} and len(e) > len(span)
                and e.start <= span.start and span.end <= e.end
                for e in overlapping
            ):
                continue  # "Henry Ford", "Ford Field"
            kept.append(span)
        return kept

    # statistical entities ------------------------------------------------------------------------
    def _ner_companies(self, doc: Doc, ents: tuple[Span, ...], kb_spans: list[Span], groups: dict[str, _Group],
                       taken: list[tuple[int, int]]) -> list[Span]:
        """ORG entities, cleaned and split; those explained by a knowledge-base match are dropped, and those
        that extend one with a name of their own ("Leapmotor International") replace it."""
        result = []
        datelines = [m.span() for m in _DATELINE.finditer(doc_text(doc))] + [m.span() for m in _BYLINE.finditer(doc_text(doc))]
        places = _mostly_places(ents)
        for ent in ents:
            if ent.label_ != "ORG":
                continue
            if ent.text in places or not self._is_company_like(_trim(ent)) and self.kb.lookup_company(ent.text) is None:
                continue  # tagged as a place or person elsewhere; a whole that is a regulator is not split
            for part in (p for piece in _split_dashes(ent) for p in _split_conjoined(_trim(piece))):
                if any(s <= part.start_char and part.end_char <= e for s, e in datelines):
                    continue
                before_text = doc_text(doc)[max(0, part.start_char - 60) : part.start_char]
                after_text = doc_text(doc)[part.end_char : part.end_char + 60]
                if self._product_or_word(doc, part, kb_spans):
                    continue  # "Acura ZDX", "Honda's Prologue": a model; "Cheap" (also written "cheap"): a word
                if part.text in places or _PLACE_BEFORE.search(before_text) or _PLACE_AFTER.match(after_text) \
                        or _PERSON_AFTER.match(after_text) or _PERSON_BEFORE.search(before_text) \
                        or _PLACE_OF_BEFORE.search(before_text) or _PRODUCT_OF_BEFORE.search(before_text) \
                        or (len(part) > 1 and _FOUNDER_AFTER.match(after_text)) or _COUNTED_BEFORE.search(before_text) \
                        or _NAMED_THING_BEFORE.search(before_text) or _MAKER_AFTER.match(after_text) \
                        or self._in_country(after_text) or re.search(r"(?<![A-Za-z])[a-z]+\s*\($", before_text) \
                        or _VEHICLE_AFTER.match(after_text) or self._place_in_place(before_text, after_text, places):
                    continue  # "a plant in Arnstadt", "said Makoto Uchida, chief executive", "the Spark compact car"
                inner = [s for s in kb_spans if part.start <= s.start and s.end <= part.end]
                if inner:
                    if not _own_name_around(part, inner):
                        continue
                    # a name of its own built on a known one: the inner match is not a mention of it
                    for s in inner:
                        self._remove_mention(groups, s, taken)
                if self._is_company_like(part):
                    result.append(part)
        return result

    def _companies_by_context(self, doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
        """Names NER reads as a person, place or nationality ("Equant", "Alfa-Eco", "Ambev") that the sentence
        treats as a company: "stake in X", "to buy X", "directory company X", "X, the venture capital arm"."""
        found = []
        text = doc_text(doc)
        for ent in ents:
            if ent.label_ not in {"PERSON", "GPE", "NORP", "PRODUCT", "FAC", "WORK_OF_ART", "LOC"}:
                continue
            for span in (_trim(piece) for piece in _split_dashes(ent)):
                if len(span) == 0 or span.text in country_names() or not self._is_company_like(span):
                    continue
                before = text[max(0, span.start_char - 40) : span.start_char]
                after = text[span.end_char : span.end_char + 80]
                if _PERSON_AFTER.match(after) or _PERSON_BEFORE.search(before) or _PLACE_AFTER.match(after):
                    continue  # "Peter Carlsson, a former Tesla supply chain executive": a person; "Hamburg-based"
                if _COMPANY_CONTEXT_BEFORE.search(before) or _COMPANY_CONTEXT_AFTER.match(after):
                    found.append(span)
        return found

    def _legal_names(self, doc: Doc) -> list[Span]:
        """Capitalised names ending in a legal form that NER missed: "Fuel Cell System Manufacturing LLC",
        "Ultium Cells LLC", "HL-GA Battery Company Ltd"."""
        spans = []
        text = doc_text(doc)
        for match in _LEGAL_NAME.finditer(text):
            if re.search(r"\)\s*$", text[max(0, match.start() - 3) : match.start()]):
                continue  # "Toyota Motor (China) Investment Co., Ltd.": the tail of a longer name
            span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
            if span is None or len(span) < 2:
                continue
            span = _trim(span)
            own_words = [t for t in span if t.is_alpha and t.lower_ not in _GENERIC and t.lower_ not in _LEGAL_FORMS
                         and t.lower_ not in _ORGANISATION_WORDS]
            if len(span) >= 2 and own_words and self._is_company_like(span) and span[0].text not in nationality_forms() \
                    and not _DATE_WORDS.search(span[0].text) and not any(t.lower_ in MONTHS for t in span):
                spans.append(span)
        return spans

    @staticmethod
    def _named_ventures(doc: Doc) -> list[Span]:
        """A venture or unit named in quotes: 'a joint venture "Leapmotor International"'."""
        spans = []
        for match in list(_QUOTED_VENTURE.finditer(doc_text(doc))) + list(_APPOSED_VENTURE.finditer(doc_text(doc))) \
                + list(_DESCRIBED_VENTURE.finditer(doc_text(doc))):
            span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
            if span is not None and len(span) and span[0].lower_ not in _LEADING_NOISE:
                spans.append(span)
        return spans

    @staticmethod
    def _product_or_word(doc: Doc, span: Span, kb_spans: list[Span]) -> bool:
        """A name glued to a known company's name is its product; a single capitalised word the article also
        writes in lower case is a word, not a name."""
        if any(s.end == span.start or (s.end + 1 == span.start and doc[s.end].lower_ in {"'s", "’s"})
               for s in kb_spans):
            return True
        if any(s.end < span.start and doc[s.end].lower_ in {"'s", "’s"} and span.start - s.end <= 6
               and all(t.is_lower or t.text == "-" for t in doc[s.end + 1 : span.start]) for s in kb_spans):
            return True  # "Rimac's all-electric Nevera": a known company's product
        if len(span) == 1 and span[0].is_title:
            return re.search(rf"(?<![\w-]){re.escape(span.text.lower())}(?![\w-])", doc_text(doc)) is not None
        return False

    @staticmethod
    def _in_country(after: str) -> bool:
        """"BERN, Switzerland", "Skellefteå, in northern Sweden": a place followed by its country."""
        match = re.match(r"^,\s+(?:in\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?(?P<country>[A-Z][a-z]+"
                         r"(?:\s[A-Z][a-z]+)?)\b", after)
        return match is not None and match.group("country") in country_names()

    def _place_in_place(self, before: str, after: str, places: set[str]) -> bool:
        """"after Arnstadt in Thuringia": a name after a locative word and before "in <a known place>"."""
        inside = _PLACE_IN_PLACE.match(after)
        if inside is None or not _LOCATIVE_BEFORE.search(before):
            return False
        place = inside.group("place")
        return place in places or place in country_names() or self.kb.is_non_company(place) \
            and self.kb.lookup_company(place) is None

    def _is_company_like(self, span: Span) -> bool:
        text = span.text
        if len(text) < 2 or not any(ch.isupper() for ch in text) or not any(ch.isalpha() for ch in text):
            return False
        if _TICKER.match(text) or "%" in text or re.search(r"[$€£¥]", text) or re.search(r"\d", text):
            return False  # tickers, figures and model codes ("C01", "ID.4") are not company names
        if "," in text or len(text) <= 2 or _DATE_WORDS.search(text):
            return False  # "Japan Oil, Gas" (cut short), "DE" (a ticker suffix), "Sun Aug" (a header date)
        if re.search(r"\w/\w", text):
            return False  # "Wolfsburg/Stuttgart": a dateline of places
        if currency_code(text):
            return False  # "Euro", "EUR", "Yuan"
        if re.fullmatch(r"[A-Z-]{5,}", text):
            return False  # "KAISERSLAUTERN", "LUTON": shouted place names in lists and datelines
        if self.kb.is_non_company(text) or self.kb.lookup_technology(text) is not None or text in country_names():
            return False
        words = text.split()
        head_words = words[: words.index("of")] if "of" in words else words
        if head_words and head_words[-1].lower().strip(".,'’") in _NON_COMPANY_HEADS:
            return False
        if words[0].lower() in _NON_COMPANY_HEADS and ("of" in words or "for" in words):
            return False
        return True

    # abbreviations -------------------------------------------------------------------------------
    def _learn_abbreviations(self, doc: Doc, groups: dict[str, _Group], taken: list[tuple[int, int]]) -> None:
        """"Leapmotor International (LPMI)": every later LPMI is a mention of that company."""
        text = doc_text(doc)
        by_end = {}
        for group in groups.values():
            for start, end in group.mentions:
                by_end[end] = group
        for match in _ABBREVIATION.finditer(text):
            group = by_end.get(match.start() - 1) if text[match.start() - 1 : match.start()] == " " else None
            group = group or by_end.get(match.start())
            if group is None:
                continue
            abbr = match.group("abbr")
            for other in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", text):
                span = (other.start(), other.end())
                if any(s < span[1] and span[0] < e for s, e in taken):
                    # a NER mention of the abbreviation made its own group: fold it in
                    for key, candidate in list(groups.items()):
                        if candidate is not group and span in candidate.mentions:
                            candidate.mentions.remove(span)
                            if not candidate.mentions:
                                del groups[key]
                            group.mentions.append(span)
                    continue
                group.mentions.append(span)
                taken.append(span)

    @staticmethod
    def _propagate(doc: Doc, groups: dict[str, _Group], taken: list[tuple[int, int]]) -> None:
        """NER tags a name in one sentence and misses it in the next: every other occurrence of a surface
        form already found (same case, whole words) is a mention too."""
        text = doc_text(doc)
        occupied = list(taken)
        for group in groups.values():
            forms = {text[s:e] for s, e in group.mentions}
            for form in sorted(forms, key=len, reverse=True):
                if len(form) < 3 or not form[:1].isupper():
                    continue
                for match in re.finditer(rf"(?<![\w&-]){re.escape(form)}(?![\w&-])", text):
                    span = match.span()
                    if any(s < span[1] and span[0] < e for s, e in occupied):
                        continue
                    group.mentions.append(span)
                    occupied.append(span)
        # "Berkshire Hathaway ... Berkshire owned 20.49%", "StarPlus Energy ... 51% of StarPlus": the first word of
        # a longer name, standing alone, where no other company's name starts with it and the text never uses
        # it as a common word
        firsts: dict[str, set[str]] = {}
        for key, group in groups.items():
            for s, e in group.mentions:
                words = text[s:e].split()
                trusted = group.kb_id is not None or words[-1].lower() in _GENERIC | _LEGAL_FORMS | _ORGANISATION_WORDS
                # a known company or one closed by a company word: not "Ontario Premier" (a title read as a name)
                firsts.setdefault(words[0], set()).add(key if len(words) > 1 and trusted else f"single:{key}")
        for word, keys in firsts.items():
            if len(keys) != 1 or next(iter(keys)).startswith("single:") or len(word) < 4 or not word[:1].isupper() \
                    or not word.isalpha() or word.lower() in _GENERIC | _LEGAL_FORMS | _ORGANISATION_WORDS \
                    or word in nationality_forms() or word in country_names() or word.upper() == word \
                    or re.search(rf"(?<![\w-]){word.lower()}(?![\w-])", text):
                continue
            group = groups[next(iter(keys))]
            for match in re.finditer(rf"(?<![\w&.-]){word}(?![\w&-]|\s+[A-Z])", text):
                span = match.span()
                if any(s < span[1] and span[0] < e for s, e in occupied) or re.search(
                        r"[A-Z][\w.]*\s+$", text[max(0, span[0] - 20) : span[0]]):
                    continue  # taken, or part of a longer capitalised name
                group.mentions.append(span)
                occupied.append(span)

    # bookkeeping ---------------------------------------------------------------------------------
    @staticmethod
    def _add(groups: dict[str, _Group], key: str, name: str, kb_id: str | None, span: Span) -> None:
        if key.startswith("ner:"):
            key = _merge_key(groups, key)
        group = groups.setdefault(key, _Group(key=key, name=name, kb_id=kb_id))
        if key.startswith("ner:") and len(name) < len(group.name):
            group.name = name
        group.mentions.append((span.start_char, span.end_char))

    @staticmethod
    def _remove_mention(groups: dict[str, _Group], span: Span, taken: list[tuple[int, int]]) -> None:
        if (span.start_char, span.end_char) in taken:
            taken.remove((span.start_char, span.end_char))
        for key, group in list(groups.items()):
            if (span.start_char, span.end_char) in group.mentions:
                group.mentions.remove((span.start_char, span.end_char))
                if not group.mentions:
                    del groups[key]

    def _to_records(self, doc: Doc, groups: dict[str, _Group]) -> list[Company]:
        records = []
        text = doc_text(doc)
        for group in groups.values():
            if not group.mentions:
                continue
            mentions = sorted(set(group.mentions))
            entry = self.kb.company(group.kb_id) if group.kb_id else None
            records.append(
                Company(
                    name=group.name,
                    id=group.kb_id,
                    country=entry.country if entry else None,
                    kind=entry.kind if entry else None,
                    parent=self.kb.parent_name(group.kb_id) if entry else None,
                    in_knowledge_base=entry is not None,
                    mentions=[Mention(text=text[s:e], start=s, end=e) for s, e in mentions],
                )
            )
        records.sort(key=lambda c: c.mentions[0].start)
        return records


def _merge_key(groups: dict[str, _Group], key: str) -> str:
    """Non-KB names join an existing group when one is a word prefix of the other ("Dairy Farm" and
    "Dairy Farm International")."""
    words = key[4:].split()
    for existing in groups:
        if not existing.startswith("ner:"):
            continue
        other = existing[4:].split()
        shorter, longer = (words, other) if len(words) <= len(other) else (other, words)
        if shorter and longer[: len(shorter)] == shorter and len(" ".join(shorter)) >= 4:
            return existing
    return key


@lru_cache(maxsize=1)
def nationality_forms() -> frozenset[str]:
    return frozenset(f for r in load_jsonl("nationalities.jsonl") for f in r["forms"])


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    return frozenset(f for r in load_jsonl("nationalities.jsonl") for f in r["forms"] + r.get("names", []))


def _mostly_places(ents: tuple[Span, ...]) -> set[str]:
    """Surfaces NER tags as a place more often than as an organisation ("Stuttgart")."""
    votes: dict[str, list[int]] = {}
    for ent in ents:
        if ent.label_ in {"GPE", "LOC", "FAC"}:
            votes.setdefault(ent.text, [0, 0])[0] += 1
        elif ent.label_ == "ORG":
            votes.setdefault(ent.text, [0, 0])[1] += 1
    return {text for text, (place, org) in votes.items() if place > org}


def _own_name_around(part: Span, inner: list[Span]) -> bool:
    """"Leapmotor International" names a company of its own; "Stellantis Group", "Beyond XPeng" and
    "50,1 Prozent of Porsche AG" do not: only capitalised words glued to the known name count."""
    first, last = min(s.start for s in inner), max(s.end for s in inner)
    doc = part.doc
    extra = [t for t in doc[last : part.end] if t.lower_ not in _GENERIC and not t.is_punct]
    extra_before = [t for t in doc[part.start : first] if t.lower_ not in _GENERIC and not t.is_punct]
    if extra_before or not extra or len(inner) > 1:
        return False
    if not any(t.lower_ in _ORGANISATION_WORDS for t in extra):
        return False  # "GMC Sierra", "GM Korea", "GM Chair": a model, a country unit, a job title
    return all(t.text[:1].isupper() and t.is_alpha and t.lower_ not in _LEADING_NOISE for t in extra)


def _split_dashes(span: Span) -> list[Span]:
    """"AMSTERDAM/HANGZHOU - Stellantis N.V." -> its pieces around a free-standing dash."""
    pieces, start = [], span.start
    for token in span:
        if token.text in {"-", "--", "—", "–"} and token.whitespace_:
            if token.i > start:
                pieces.append(span.doc[start : token.i])
            start = token.i + 1
    if start < span.end:
        pieces.append(span.doc[start : span.end])
    return pieces


def _trim(span: Span) -> Span:
    """Drop leading stop words and "the", trailing possessives and punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _LEADING_NOISE or doc[start].is_punct):
        start += 1
    if end - start > 1 and doc[start].text in nationality_forms() and doc[start + 1].text[:1].isupper():
        start += 1  # "U.S. Shaw's Supermarkets", "German Volkswagen"
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "’s", "'"}):
        end -= 1
    return doc[start:end]


def _split_conjoined(span: Span) -> list[Span]:
    """"Dairy Farm and Jardine Strategic" -> two names; "Mahindra & Mahindra" and "X and Co" stay one."""
    if len(span) == 0:
        return []
    doc = span.doc
    for token in span:
        if token.lower_ == "and" and span.start < token.i < span.end - 1:
            left, right = doc[span.start : token.i], doc[token.i + 1 : span.end]
            if right.text.lower().strip(".") in {"co", "company", "sons", "partners"}:
                return [span]
            if len(left) == 1 and right[-1].lower_.rstrip(".") in _LEGAL_FORMS | {"bank", "banking"}:
                return [span]  # "Hongkong and Shanghai Banking Corp"
            if left[0].text[:1].isupper() and right[0].text[:1].isupper():
                return [left, right]
    return [span]


def _display_name(text: str) -> str:
    """A non-KB company's name: its legal form dropped ("Kwik Save Group Plc" -> "Kwik Save Group")."""
    words = text.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in _LEGAL_FORMS:
        words.pop()
    return " ".join(words).rstrip(",")
