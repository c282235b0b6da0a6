"""Component tests on spacy.blank("en"): our components with hand-set entities and a small knowledge base."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
import spacy
from spacy.tokens import Span

from extractor import extensions  # noqa: F401
from extractor.components import companies, deals, stakes, technologies, values  # noqa: F401
from extractor.kb import KnowledgeBase

COMPANIES = [
    {"id": "volkswagen", "name": "Volkswagen", "aliases": ["Volkswagen Group", "VW"], "country": "DE",
     "kind": "automaker", "parent": None},
    {"id": "xpeng", "name": "XPeng", "aliases": ["XPeng Inc."], "country": "CN", "kind": "automaker", "parent": None},
    {"id": "stellantis", "name": "Stellantis", "aliases": ["Stellantis Group"], "country": "NL", "kind": "automaker",
     "parent": None},
    {"id": "leapmotor", "name": "Leapmotor", "aliases": [], "country": "CN", "kind": "automaker", "parent": None},
    {"id": "audi", "name": "Audi", "aliases": ["Audi AG"], "country": "DE", "kind": "brand", "parent": "volkswagen"},
    {"id": "seat", "name": "SEAT", "aliases": ["Seat"], "country": "ES", "kind": "brand", "parent": "volkswagen",
     "ambiguous_aliases": ["Seat"]},
    {"id": "leapmotor_international", "name": "Leapmotor International", "aliases": [], "country": "NL",
     "kind": "joint_venture", "parent": None},
    {"id": "denso", "name": "Denso", "aliases": ["Denso Corp"], "country": "JP", "kind": "supplier", "parent": None},
]
TECHNOLOGIES = [
    {"id": "ee_architecture", "name": "electronic and electrical architecture", "aliases": ["E/E architecture", "EEA"],
     "category": "architecture"},
    {"id": "lfp", "name": "lithium iron phosphate", "aliases": ["LFP"], "category": "battery"},
]
NON_COMPANIES = [{"name": "Reuters", "aliases": [], "kind": "news_agency"}]


@pytest.fixture(scope="module")
def kb_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("models")
    for name, rows in [("companies.jsonl", COMPANIES), ("technologies.jsonl", TECHNOLOGIES),
                       ("non_companies.jsonl", NON_COMPANIES)]:
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    from extractor.resources import models_dir

    for name in ("triggers.jsonl", "deal_triggers.jsonl", "deal_status.jsonl", "currencies.jsonl",
                 "stake_deal_verbs.jsonl"):
        (folder / name).write_text((models_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    return str(folder)


@pytest.fixture(scope="module")
def blank(kb_dir):
    """A blank English pipeline with a sentencizer and all autonews components (no statistical model)."""
    from extractor.pipeline import add_components

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return add_components(nlp, kb_dir)


def run(nlp, text, ents=(), published=date(2023, 7, 27)):
    """Run the pipeline on ``text`` with entities given as (surface, label)."""
    doc = nlp.make_doc(text)
    doc._.autonews_published = published
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_values_amounts_dates_percents(blank):
    doc = run(blank, "On Wednesday VW paid $700 million for 4.99% of XPeng and may add another 50m later.")
    assert [(a.value, a.currency) for a in doc._.autonews_amounts] == [
        (Decimal(700_000_000), "USD"), (Decimal(50_000_000), "USD")]
    assert doc._.autonews_amounts[1].implied_currency
    assert [d.value for d in doc._.autonews_dates] == ["2023-07-26"]
    assert [p.value for p in doc._.autonews_percents] == [4.99]


def test_values_implied_currency_needs_its_sentence(blank):
    doc = run(blank, "VW paid $700 million. Deliveries reached 1.2 million.")
    assert [a.text for a in doc._.autonews_amounts] == ["$700 million"]


def test_values_count_words_are_not_money(blank):
    doc = run(blank, "VW paid $700 million and sold 3.2 million vehicles.")
    assert [a.text for a in doc._.autonews_amounts] == ["$700 million"]


def test_companies_kb_beats_ner_and_merges_aliases(blank):
    text = "XPeng Inc. said Volkswagen Group will invest. VW and XPeng's engineers agreed."
    doc = run(blank, text, ents=[("XPeng Inc.", "PERSON")])
    found = {c.name: [m.text for m in c.mentions] for c in doc._.autonews_companies}
    assert found == {"XPeng": ["XPeng Inc.", "XPeng"], "Volkswagen": ["Volkswagen Group", "VW"]}


def test_companies_cleaned_split_and_filtered(blank):
    text = "Beyond XPeng, Dairy Farm and Jardine Strategic talked to Reuters and the European Commission."
    doc = run(blank, text, ents=[("Beyond XPeng", "ORG"), ("Dairy Farm and Jardine Strategic", "ORG"),
                                 ("Reuters", "ORG"), ("European Commission", "ORG")])
    assert [c.name for c in doc._.autonews_companies] == ["XPeng", "Dairy Farm", "Jardine Strategic"]
    assert [c.in_knowledge_base for c in doc._.autonews_companies] == [True, False, False]


def test_companies_brand_keeps_parent(blank):
    doc = run(blank, "Audi AG will use the platform.", ents=[("Audi AG", "ORG")])
    (audi,) = doc._.autonews_companies
    assert (audi.name, audi.parent, audi.kind) == ("Audi", "Volkswagen", "brand")


def test_companies_ambiguous_alias_needs_ner(blank):
    doc = run(blank, "Take a Seat in the new car.")
    assert doc._.autonews_companies == []
    doc = run(blank, "Seat sold more cars.", ents=[("Seat", "ORG")])
    assert [c.name for c in doc._.autonews_companies] == ["SEAT"]


def test_companies_abbreviation_learnt_per_article(blank):
    text = 'They set up Leapmotor International (LPMI) last year. LPMI will export cars.'
    doc = run(blank, text, ents=[("Leapmotor International", "ORG"), ("LPMI", "ORG")])
    (venture, *rest) = [c for c in doc._.autonews_companies if c.name == "Leapmotor International"]
    assert [m.text for m in venture.mentions] == ["Leapmotor International", "LPMI", "LPMI"]


def test_companies_quoted_venture_is_its_own_company(blank):
    text = 'Stellantis formed a joint venture "Leapmotor International" with Leapmotor.'
    doc = run(blank, text)
    assert [c.name for c in doc._.autonews_companies] == ["Stellantis", "Leapmotor International", "Leapmotor"]


def test_technologies_taxonomy_and_named_platforms(blank):
    text = "The E/E architecture and LFP cells sit on the new Neue Klasse platform and its Z3.0 architecture."
    doc = run(blank, text)
    names = [(t.name, t.in_taxonomy) for t in doc._.autonews_technologies]
    assert names == [("electronic and electrical architecture", True), ("lithium iron phosphate", True),
                     ("Neue Klasse", False), ("Z3.0", False)]


def test_technologies_voltages_capitalised_architectures_and_no_money(blank):
    text = "XPeng paid USD 3.7 billion for a 900-volt architecture and its Smart Vehicle Architecture."
    names = [t.name for t in run(blank, text)._.autonews_technologies]
    assert names == ["900-volt architecture", "Smart Vehicle"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stellantis paid 1.5 billion euros to acquire a 20% stake in Leapmotor.", [(20.0, "Stellantis", "Leapmotor")]),
        ("VW raised its stake in XPeng to 50% from 25%.", [(50.0, "Volkswagen", "XPeng"), (25.0, "Volkswagen", "XPeng")]),
        ("Leapmotor, 21 percent-owned by Stellantis, rose.", [(21.0, "Stellantis", "Leapmotor")]),
        ("VW will buy 4.99% of XPeng.", [(4.99, "Volkswagen", "XPeng")]),
        ("XPeng's sales rose 20% and its market share reached 3%.", []),
        ("Stellantis holds a one-fifth stake in Leapmotor.", [(20.0, "Stellantis", "Leapmotor")]),
        ("The government owns 51.4% of Leapmotor.", [(51.4, None, "Leapmotor")]),
        ("Tariffs of 25% hit XPeng while margins fell 2 percentage points.", []),
        ("XPeng sounded out Leapmotor and turned to Stellantis, which holds about 36% of Leapmotor.",
         [(36.0, "Stellantis", "Leapmotor")]),
        ("Stellantis held a 46 percent interest in Leapmotor. That will rise to 52 percent next year.",
         [(46.0, "Stellantis", "Leapmotor"), (52.0, "Stellantis", "Leapmotor")]),
        ("Leapmotor will raise 1 billion euros through the sale of a 9.1 percent stake to Stellantis.",
         [(9.1, "Stellantis", "Leapmotor")]),
        ("Leapmotor, 22 percent-owned by the automaker Stellantis, rose.", [(22.0, "Stellantis", "Leapmotor")]),
        # joint ventures: each partner's share of the venture named before, or known as one
        ("The venture, Leapmotor International, opened in May. Stellantis and Leapmotor each own 50 pct.",
         [(50.0, "Stellantis", "Leapmotor International"), (50.0, "Leapmotor", "Leapmotor International")]),
        ("Leapmotor International is 51% owned by Stellantis and 49% by Leapmotor.",
         [(51.0, "Stellantis", "Leapmotor International"), (49.0, "Leapmotor", "Leapmotor International")]),
        # a list of holders sharing one target named at its end
        ("Volkswagen will take 30%, Audi 20% and Stellantis 10% of XPeng.",
         [(30.0, "Volkswagen", "XPeng"), (20.0, "Audi", "XPeng"), (10.0, "Stellantis", "XPeng")]),
        ("Denso, in which Volkswagen owns roughly 24%, will design parts.", [(24.0, "Volkswagen", "Denso")]),
        ("The largest XPeng shareholders are Volkswagen with 4.99% and Stellantis with 3%.",
         [(4.99, "Volkswagen", "XPeng"), (3.0, "Stellantis", "XPeng")]),
        ("When XPeng listed in 2020, Volkswagen owned about 5.6%.", [(5.6, "Volkswagen", "XPeng")]),
        ("Volkswagen will invest $1 billion in XPeng through a note carrying 4.75% interest.", []),
        ("Stellantis and Leapmotor formed Leapmotor International, a joint venture. Leapmotor will own 51% of the "
         "venture and Stellantis the remaining 49%.",
         [(51.0, "Leapmotor", "Leapmotor International"), (49.0, "Stellantis", "Leapmotor International")]),
        ("XPeng filed for bankruptcy, a blow to Volkswagen, its largest shareholder with a stake of about 21%.",
         [(21.0, "Volkswagen", "XPeng")]),
        ("Stellantis agreed to sell its 67.69% stake in Leapmotor.", [(67.69, "Stellantis", "Leapmotor")]),
        # a participle's holder: the clause's subject, or the noun of an absolute "with" phrase
        ("In 2020 Stellantis set up Nova Cells with Leapmotor, holding 51% against Leapmotor's 49%.",
         [(51.0, "Stellantis", "Nova Cells"), (49.0, "Leapmotor", "Nova Cells")]),
        ("In 1996 the two founded Nova Cells, with Leapmotor, then still called Zero Run, holding 60% and "
         "Stellantis 40%.",
         [(60.0, "Leapmotor", "Nova Cells"), (40.0, "Stellantis", "Nova Cells")]),
        ("Volkswagen signed an agreement to sell 49.9% of national carmaker XPeng Holdings Ltd to China's Stellantis.",
         [(49.9, "Stellantis", "XPeng")]),
        # the venture named in apposition is one company, though built from its parents' names
        ("Stellantis agreed to buy Leapmotor's 50% stake in their joint venture, Stellantis Leapmotor eDrive, for "
         "10 million euros. The venture was set up in 2016, with each partner holding 50%.",
         [(50.0, "Leapmotor", "Stellantis Leapmotor eDrive"), (50.0, "Stellantis", "Stellantis Leapmotor eDrive"),
          (50.0, "Leapmotor", "Stellantis Leapmotor eDrive")]),
        ("Leapmotor International is the 51:49 joint venture that Stellantis and Leapmotor set up.",
         [(51.0, "Stellantis", "Leapmotor International"), (49.0, "Leapmotor", "Leapmotor International")]),
        ("XPeng said it would pull out of Volkswagen Nova, its 50-50 car venture with Stellantis.",
         [(50.0, "XPeng", "Volkswagen Nova"), (50.0, "Stellantis", "Volkswagen Nova")]),
        ("In 2019 XPeng and Stellantis agreed to form a 50-50 joint venture. The company, later renamed Nova Cells, "
         "tests robotaxis.",
         [(50.0, "XPeng", "Nova Cells"), (50.0, "Stellantis", "Nova Cells")]),
        ("In 2020 XPeng formed Nova Cells, a joint venture with Leapmotor in which XPeng holds 51% and Leapmotor 49%.",
         [(51.0, "XPeng", "Nova Cells"), (49.0, "Leapmotor", "Nova Cells")]),
        ("Stellantis remains XPeng's top shareholder with 9 percent, followed by Volkswagen with 7 percent.",
         [(9.0, "Stellantis", "XPeng"), (7.0, "Volkswagen", "XPeng")]),
        ("Stellantis and Leapmotor swapped shares, leaving each company with a stake of 15% in the other.",
         [(15.0, "Stellantis", "Leapmotor"), (15.0, "Leapmotor", "Stellantis")]),
        ("Denso, a key Volkswagen supplier 22 percent-owned by the carmaker, rose.", [(22.0, "Volkswagen", "Denso")]),
        ("Stellantis took full control of Sweden's XPeng, buying the half it did not already own from Leapmotor "
         "and lifting its holding to 100 percent from 50 percent.",
         [(100.0, "Stellantis", "XPeng"), (50.0, "Stellantis", "XPeng")]),
        ("Volkswagen agreed to buy 20 percent of XPeng, and it already owns 49 percent of truck maker Leapmotor and "
         "about 10 percent of Stellantis.",
         [(20.0, "Volkswagen", "XPeng"), (49.0, "Volkswagen", "Leapmotor"), (10.0, "Volkswagen", "Stellantis")]),
        ("Volkswagen's purchase of XPeng shares, completed in June, left the world's largest automaker with a stake of "
         "roughly 2.5 percent.", [(2.5, "Volkswagen", "XPeng")]),
        ("XPeng said it had bought back the 19.9 percent stake held by Volkswagen AG for 460 billion yen.",
         [(19.9, "Volkswagen", "XPeng")]),
        ("Nova Cells is a joint venture. The venture was formed in 2005, with Stellantis holding 51 percent and "
         "Leapmotor 49 percent.", [(51.0, "Stellantis", "Nova Cells"), (49.0, "Leapmotor", "Nova Cells")]),
        ("Volkswagen's main Chinese partner remains XPeng, which bought a 5 percent stake in the German company in "
         "2019.", [(5.0, "XPeng", "Volkswagen")]),
        ("Volkswagen lifted its holding in XPeng to 44.4 percent last year, while XPeng took 15 percent of the "
         "German group in return.", [(44.4, "Volkswagen", "XPeng"), (15.0, "XPeng", "Volkswagen")]),
        ("Stellantis will take a 5.7 percent stake in Volkswagen's self-driving unit XPeng and help fund it.",
         [(5.7, "Stellantis", "XPeng")]),
        # "its 50:50 venture with X, Y": the partner after "with", the venture after it, "its" the subject before
        ("XPeng is growing. Its 50:50 venture with Stellantis, Nova Cells, opened a plant.",
         [(50.0, "XPeng", "Nova Cells"), (50.0, "Stellantis", "Nova Cells")]),
        ("Volkswagen and XPeng, which created Nova Cells as a 50-50 joint venture in 2019, will each retain 33.3%.",
         [(50.0, "Volkswagen", "Nova Cells"), (50.0, "XPeng", "Nova Cells"), (33.3, "Volkswagen", "Nova Cells"),
          (33.3, "XPeng", "Nova Cells")]),
    ],
)
def test_stakes_decides_and_assigns_roles(blank, text, expected):
    doc = run(blank, text, ents=[("Nova Cells", "ORG")] if "Nova Cells" in text else ())
    assert [(s.percent, s.holder, s.target) for s in doc._.autonews_stakes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On October 26, 2023, Stellantis invested 1.5 billion euros to acquire a 20% stake in Leapmotor.",
         [("investment", ["Stellantis", "Leapmotor"], "2023-10-26", 1_500_000_000, 20.0)]),
        ("In July 2023, XPeng and Volkswagen signed a strategic cooperation framework agreement.",
         [("partnership", ["XPeng", "Volkswagen"], "2023-07", None, None)]),
        ("Volkswagen agreed to take full control of XPeng for $5 billion.",
         [("acquisition", ["Volkswagen", "XPeng"], None, 5_000_000_000, None)]),
        ("Stellantis formed a joint venture with Leapmotor in 2023.",
         [("joint_venture", ["Stellantis", "Leapmotor"], "2023", None, None)]),
        ("XPeng will supply Volkswagen with E/E architecture from 2026.",
         [("supply", ["XPeng", "Volkswagen"], None, None, None)]),
    ],
)
def test_deals_by_type(blank, text, expected):
    doc = run(blank, text)
    got = [(d.type, d.parties, d.date, d.amount.value if d.amount else None, d.stake_percent)
           for d in doc._.autonews_deals]
    assert got == [(t, p, d, Decimal(a) if a else None, s) for t, p, d, a, s in expected]


def test_deals_merge_across_sentences(blank):
    text = ("Stellantis agreed to invest in Leapmotor on October 26, 2023. "
            "Stellantis will invest 1.5 billion euros in Leapmotor.")
    doc = run(blank, text)
    (deal,) = doc._.autonews_deals
    assert (deal.type, deal.date, deal.amount.value) == ("investment", "2023-10-26", Decimal(1_500_000_000))


def test_deals_separate_dates_stay_separate(blank):
    text = "XPeng and Volkswagen signed an agreement in 2023. XPeng and Volkswagen signed a new agreement in 2025."
    doc = run(blank, text)
    assert [(d.type, d.date) for d in doc._.autonews_deals] == [("partnership", "2023"), ("partnership", "2025")]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Volkswagen is in talks to buy a stake in XPeng.", "talks"),
        ('Volkswagen has "no intention" of putting more cash into XPeng, its CFO said.', "denied"),
        ("Volkswagen denied a report that it would invest in XPeng.", "denied"),
        ("Stellantis called off its joint venture with Leapmotor.", "cancelled"),
        ("Volkswagen could acquire XPeng, people familiar with the matter said.", "talks"),
    ],
)
def test_deals_signals_are_not_deals(blank, text, status):
    doc = run(blank, text)
    assert doc._.autonews_deals == []
    assert [s.status for s in doc._.autonews_deal_signals] == [status]


def test_deals_without_a_second_party_are_dropped_not_crashed(blank):
    """A purchase whose target cannot be named (three companies, none after the verb) is no deal."""
    doc = run(blank, "Volkswagen, Audi and XPeng engineers said Stellantis will invest heavily.")
    assert all(len(d.parties) >= 2 and None not in d.roles for d in doc._.autonews_deals)


def test_deals_nearest_date_to_the_trigger(blank):
    text = "The road to Monday began in July 2023, when Volkswagen paid $700 million for 4.99% of XPeng."
    doc = run(blank, text)
    assert [(d.type, d.date) for d in doc._.autonews_deals] == [("investment", "2023-07")]


def test_companies_products_and_common_words_are_not_companies(blank):
    text = "Cheap cars sell. Volkswagen Golf buyers and cheap loans."
    doc = run(blank, text, ents=[("Cheap", "ORG"), ("Golf", "ORG")])
    assert [c.name for c in doc._.autonews_companies] == ["Volkswagen"]


def test_ventures_known_and_introduced():
    from extractor.schema import Company, Mention
    from extractor.ventures import venture_names

    text = ("Stellantis set up Leapmotor International. The venture, Nova Drive Co, opened. "
            "Spark Cells, a 50:50 joint venture of the two, will build cells. Atlas was set up in 2003 as a 50-50 "
            "venture. Volkswagen is a carmaker.")

    def company(name, kind=None):
        start = text.index(name)
        return Company(name=name, kind=kind, in_knowledge_base=kind is not None,
                       mentions=[Mention(text=name, start=start, end=start + len(name))])

    found = venture_names(text, [company("Stellantis", "automaker"), company("Leapmotor International", "joint_venture"),
                                 company("Nova Drive Co"), company("Spark Cells"), company("Atlas"),
                                 company("Volkswagen", "automaker")])
    assert found == {"Leapmotor International", "Nova Drive Co", "Spark Cells", "Atlas"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two deals in one sentence sharing its subject
        ("Stellantis bought Audi from Volkswagen for $2 billion in 2010 and took 51 pct of Leapmotor in 2017.",
         [("acquisition", "Stellantis", "Audi", "2010", 2_000_000_000, None),
          ("acquisition", "Stellantis", "Leapmotor", "2017", None, 51.0)]),
        # money put into a venture is its capital: one joint-venture record
        ("Stellantis formed a joint venture with Leapmotor in 2024. Stellantis will pay $453 million for a 49 pct "
         "stake in the venture, Leapmotor International.",
         [("joint_venture", "Stellantis", "Leapmotor", "2024", 453_000_000, 49.0)]),
        # control told after the purchase
        ("Volkswagen will pay $2 billion for a 34% stake in XPeng. The stake gives Volkswagen effective control.",
         [("acquisition", "Volkswagen", "XPeng", None, 2_000_000_000, 34.0)]),
    ],
)
def test_deals_clauses_ventures_and_control(blank, text, expected):
    doc = run(blank, text)
    got = [(d.type, d.parties[0], d.parties[1], d.date, d.amount.value if d.amount else None, d.stake_percent)
           for d in doc._.autonews_deals]
    assert got == [(t, a, b, d, Decimal(m) if m else None, s) for t, a, b, d, m, s in expected]


def test_deals_header_line_restates_the_body(blank):
    text = "-- Stellantis buys stake in Leapmotor --\n\nStellantis invested 1.5 billion euros in Leapmotor in 2023."
    doc = run(blank, text)
    assert [(d.type, d.parties, d.date) for d in doc._.autonews_deals] == [
        ("investment", ["Stellantis", "Leapmotor"], "2023")]


def test_deals_header_line_kept_when_the_body_misses_it(blank):
    text = "-- Stellantis to buy Leapmotor --\n\nThe company said the price was fair."
    doc = run(blank, text)
    assert [(d.type, d.parties) for d in doc._.autonews_deals] == [("acquisition", ["Stellantis", "Leapmotor"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Volkswagen and XPeng will invest more than $3 billion in a jointly owned battery plant.",
         [("joint_venture", ["Volkswagen", "XPeng"], 3_000_000_000)]),
        ("XPeng sells cars in Europe. Its 50:50 venture with Volkswagen, Leapmotor International, was formed in May.",
         [("joint_venture", ["XPeng", "Volkswagen"], None)]),
    ],
)
def test_deals_jointly_owned_plants_and_possessive_subjects(blank, text, expected):
    doc = run(blank, text)
    got = [(d.type, d.parties[:2], d.amount.value if d.amount else None) for d in doc._.autonews_deals]
    assert got == [(t, p, Decimal(a) if a else None) for t, p, a in expected]


def test_deals_intent_is_a_signal(blank):
    doc = run(blank, "Volkswagen wants to take a 20 percent stake in XPeng.")
    assert doc._.autonews_deals == []
    assert [(s.status, s.parties) for s in doc._.autonews_deal_signals] == [("talks", ["Volkswagen", "XPeng"])]


def test_sentences_end_at_a_blank_line(nlp):
    """A paragraph break ends a sentence even where the statistical recogniser reads on."""
    doc = nlp("Mahindra may gain access to India's fast-growing car market\n\nShanghai-based SAIC Motor took control "
              "of SsangYong in 2004.")
    starts = [s.text.strip()[:14] for s in doc.sents]
    assert starts == ["Mahindra may g", "Shanghai-based"]


def test_deals_price_and_stake_told_in_the_next_sentence(blank):
    text = ("Stellantis agreed to buy a 49.9% stake in Leapmotor in 2017. "
            "Stellantis will pay 460.3 million euros for the stake, mostly in cash.")
    doc = run(blank, text)
    assert [(d.type, d.parties, d.amount.value if d.amount else None, d.stake_percent)
            for d in doc._.autonews_deals] == [("investment", ["Stellantis", "Leapmotor"], Decimal(460_300_000), 49.9)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("XPeng said Audi, the brand Volkswagen bought for $300 million in 1964, will use its chips.",
         [("acquisition", ["Volkswagen", "Audi"], "1964", 300_000_000)]),
        ("Stellantis will sell Audi, the brand it bought in 2001, to Volkswagen next year.",
         [("acquisition", ["Stellantis", "Audi"], "2001", None)]),
        # a third company buying into the venture is an investment of its own, not the venture's capital
        ("XPeng will buy 10% of Leapmotor International, the venture that Stellantis set up with Leapmotor.",
         [("investment", ["XPeng", "Leapmotor International", "Stellantis"], None, None),
          ("joint_venture", ["Stellantis", "Leapmotor", "Leapmotor International"], None, None)]),
    ],
)
def test_deals_told_in_a_relative_clause(blank, text, expected):
    doc = run(blank, text)
    got = [(d.type, d.parties[:3], d.date, d.amount.value if d.amount else None) for d in doc._.autonews_deals]
    assert got == [(t, p, d, Decimal(a) if a else None) for t, p, d, a in expected]


def test_deals_product_dates_are_not_deal_dates(blank):
    text = ("In July 2023, Volkswagen agreed to invest $700 million in XPeng, and the two companies agreed to "
            "jointly develop two models, due in 2026.")
    doc = run(blank, text)
    assert sorted((d.type, d.date) for d in doc._.autonews_deals) == [("investment", "2023-07"),
                                                                      ("partnership", "2023-07")]


def test_deals_venture_named_first_is_the_venture_and_takes_the_majority_share(blank):
    text = "Leapmotor International was set up in 2023 as a joint venture in which Stellantis holds 51% and Leapmotor 49%."
    doc = run(blank, text)
    assert [(d.type, d.parties, d.venture, d.stake_percent) for d in doc._.autonews_deals] == [
        ("joint_venture", ["Stellantis", "Leapmotor", "Leapmotor International"], "Leapmotor International", 51.0)]


def test_stakes_far_from_their_noun(blank):
    text = ("Volkswagen agreed to raise its stake in XPeng, its Shanghai-based partner with a long list of joint "
            "projects, to 75% from 50%.")
    doc = run(blank, text)
    assert [(s.percent, s.holder, s.target, s.role) for s in doc._.autonews_stakes] == [
        (75.0, "Volkswagen", "XPeng", "held"), (50.0, "Volkswagen", "XPeng", "previous")]


def test_companies_place_before_based_is_not_a_company(blank):
    doc = run(blank, "Volkswagen bought into the Togliatti-based company in 2008.", ents=[("Togliatti", "ORG")])
    assert [c.name for c in doc._.autonews_companies] == ["Volkswagen"]


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Co-founder Peter Carlsson, a former Volkswagen supply chain executive, stepped down.",
         [("Peter Carlsson", "PERSON")]),
        ("The plant in the German state of Thuringia supplies Volkswagen.", [("Thuringia", "ORG")]),
        ("Volkswagen works with Epic Games, the maker of Unreal Engine.", [("Unreal Engine", "ORG")]),
        ("VOLKSWAGEN and ZF said in BERN, Switzerland, that they agree.", [("BERN", "ORG")]),
        ("Volkswagen expects urban air mobility (UAM) to grow.", [("UAM", "ORG")]),
        ("Makoto Uchida, President and Chief Executive Officer of Volkswagen, spoke.", [("Makoto Uchida", "ORG")]),
        ("XPeng is a company Mate Rimac founded in a garage.", [("Mate Rimac", "ORG")]),
        ("Volkswagen's all-electric Nevera sells for 2 million euros.", [("Nevera", "ORG")]),
        ("Only 150 Neveras are planned by Volkswagen.", [("Neveras", "ORG")]),
        ("XPeng's approach, called Fast Electrolyte System, relies on Volkswagen cells.",
         [("Fast Electrolyte System", "ORG")]),
        ("Volkswagen was not in talks with the iPhone maker.", [("iPhone", "ORG")]),
        ("Volkswagen said Croatia's government backed the XPeng project.", [("Croatia", "ORG")]),
    ],
)
def test_companies_people_places_and_products_in_context(blank, text, ents):
    doc = run(blank, text, ents=ents)
    assert [e for e, _ in ents if e in {c.name for c in doc._.autonews_companies}] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Volkswagen agreed to set up a light commercial vehicle production venture with XPeng.",
         [("joint_venture", ["Volkswagen", "XPeng"])]),
        ("Stellantis agreed to sell its 6 percent equity stake in XPeng to Volkswagen.",
         [("investment", ["Volkswagen", "XPeng"])]),
        ("Volkswagen, the world's second-biggest automaker after Stellantis, will buy 60 million shares in XPeng.",
         [("investment", ["Volkswagen", "XPeng"])]),
    ],
)
def test_deals_long_venture_phrases_sales_to_a_buyer_and_appositions(blank, text, expected):
    doc = run(blank, text)
    assert [(d.type, d.parties[:2]) for d in doc._.autonews_deals] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Stellantis and Volkswagen have submitted formal offers to buy XPeng, a newspaper said.",
        "Volkswagen is attempting to buy Stellantis's portion of XPeng.",
        "Stellantis could imagine another form of cooperation with XPeng if its planned deal to acquire Leapmotor fails.",
        "Stellantis has long wanted to merge with XPeng.",
        "Analysts expect Stellantis to try to buy XPeng assets if Leapmotor fails.",
        "Volkswagen would still have an interest in acquiring XPeng, he said.",
    ],
)
def test_deals_offers_attempts_and_planned_deals_are_signals(blank, text):
    doc = run(blank, text)
    assert doc._.autonews_deals == []
    assert {s.status for s in doc._.autonews_deal_signals} == {"talks"}


@pytest.mark.parametrize(
    "text",
    [
        "Smith, who took over as chief executive of Volkswagen, met XPeng.",
        "XPeng is linked to Stellantis's buyout group, Volkswagen said.",
        "The takeover would be the biggest this year and put Volkswagen head to head with XPeng.",
        "Volkswagen, like XPeng and Stellantis, reached an agreement with the UAW on wages.",
        "Leapmotor said the buyout acceptance rate at Volkswagen was higher than XPeng expected.",
        "Leapmotor International, another joint venture, handles Stellantis vans for XPeng.",
    ],
)
def test_deals_not_told_by_takeover_words_in_other_senses(blank, text):
    assert run(blank, text)._.autonews_deals == []


def test_deals_unsigned_contracts_are_cancelled(blank):
    doc = run(blank, "Stellantis and XPeng were close to a joint venture, but the contract was not signed.")
    assert doc._.autonews_deals == []
    assert [s.status for s in doc._.autonews_deal_signals] == ["cancelled"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence about "it" or "the carmaker" has a second party: the company the sentence before was about
        ("XPeng makes cars. In 2017 it bought Leapmotor for $1 billion.", [("acquisition", ["XPeng", "Leapmotor"])]),
        # reported speech: the reported clause's subject invests in the described company
        ("XPeng makes cars. In September the carmaker said Volkswagen had agreed to invest more than $1 billion in it.",
         [("investment", ["Volkswagen", "XPeng"])]),
    ],
)
def test_deals_with_a_described_or_reporting_subject(blank, text, expected):
    doc = run(blank, text)
    assert [(d.type, d.parties[:2]) for d in doc._.autonews_deals] == expected


def test_companies_named_after_a_business_noun(blank):
    doc = run(blank, "Volkswagen agreed to buy Swedish driver-assistance specialist Veoneer.", ents=[("Veoneer", "PERSON")])
    assert "Veoneer" in {c.name for c in doc._.autonews_companies}


@pytest.mark.parametrize(
    "text",
    [
        "Volkswagen selected XPeng's Turing chips for its next cars.",
        "Volkswagen agreed to source XPeng-built electric cars to sell under its own badge.",
    ],
)
def test_deals_supply_told_from_the_customer_side(blank, text):
    (deal,) = run(blank, text)._.autonews_deals
    assert (deal.type, deal.parties[:2], deal.roles) == (
        "supply", ["XPeng", "Volkswagen"], {"XPeng": "supplier", "Volkswagen": "customer"})


def test_companies_by_context_split_at_a_free_dash(blank):
    text = "The seller - property firm Nova Holdings - bought XPeng last year."
    doc = run(blank, text, ents=[("Nova Holdings - bought", "PERSON")])
    assert "Nova Holdings" in {c.name for c in doc._.autonews_companies}
    assert not any("bought" in c.name for c in doc._.autonews_companies)


def test_companies_a_venture_told_as_one_is_a_company_though_named_like_a_technology(blank):
    text = "Volkswagen buys cells from EEA Cells, its 50:50 venture with XPeng, which runs a plant in Ohio."
    doc = run(blank, text)
    assert "EEA Cells" in {c.name for c in doc._.autonews_companies}
    assert [(s.holder, s.target) for s in doc._.autonews_stakes] == [("Volkswagen", "EEA Cells"), ("XPeng", "EEA Cells")]


def test_companies_named_with_a_legal_form_that_ner_missed(blank):
    text = ("In January 2017 Volkswagen and XPeng formed Fuel Cell System Manufacturing LLC, a 50-50 joint venture. "
            "XPeng signed with Volkswagen (China) Investment Co., Ltd. in May.")
    names = {c.name for c in run(blank, text)._.autonews_companies}
    assert "Fuel Cell System Manufacturing" in names
    assert "Investment" not in names and not any(n.startswith("January") for n in names)


def test_deals_own_brands_and_made_by_products_are_no_targets(blank):
    assert run(blank, "Volkswagen will invest $7 billion in Audi plants in 2026.")._.autonews_deals == []
    assert run(blank, "Stellantis already buys XPeng-made packs for its vans.")._.autonews_deals == []


def test_deals_a_stake_in_a_partner_is_not_the_ventures_share(blank):
    text = ("On October 26, 2023, Stellantis invested 1.5 billion euros to acquire a 20% stake in Leapmotor and "
            "established a joint venture with Leapmotor, Leapmotor International.")
    deals = {d.type: d for d in run(blank, text)._.autonews_deals}
    assert (deals["investment"].stake_percent, deals["joint_venture"].stake_percent) == (20.0, None)


def test_deals_from_holdings_bought_and_raised_clause_by_clause(blank):
    text = ("Volkswagen has built its position in XPeng step by step. The German carmaker bought a 10% stake in "
            "June 2018, raised it to 15.5% in March 2019 and added further shares in 2021, bringing its holding to "
            "24%. Stellantis, in which XPeng holds 3%, said nothing.")
    deals = [(d.type, d.parties, d.date, d.stake_percent) for d in run(blank, text)._.autonews_deals]
    assert deals == [("investment", ["Volkswagen", "XPeng"], "2018-06", 10.0),
                     ("investment", ["Volkswagen", "XPeng"], "2019-03", 15.5),
                     ("investment", ["Volkswagen", "XPeng"], "2021", 24.0)]


def test_stakes_target_is_the_company_a_holding_was_last_said_to_be_in(blank):
    text = ("Volkswagen and XPeng set up Leapmotor International, a joint venture in which Volkswagen holds 45%. "
            "Volkswagen has built its position in XPeng step by step. The German carmaker bought a 10% stake in 2018.")
    stakes = [(s.percent, s.holder, s.target) for s in run(blank, text)._.autonews_stakes]
    assert (10.0, "Volkswagen", "XPeng") in stakes
    # the holding raised later in the same sentence is in the same company
    text = text.replace("in 2018.", "in 2018 and raised it to 15.5% in 2019.")
    stakes = [(s.percent, s.holder, s.target) for s in run(blank, text)._.autonews_stakes]
    assert (15.5, "Volkswagen", "XPeng") in stakes


@pytest.mark.parametrize(
    "text",
    [
        "Stellantis raises questions for XPeng, in which Volkswagen holds 43.4%.",  # the verb is another clause's
        "Volkswagen has a stake in XPeng. The German group will acquire a 25 percent equity interest in the joint "
        "venture.",  # a venture's share belongs to the venture
        "Once both purchases are done, Volkswagen will hold 80% of XPeng.",  # a holding, not a purchase
    ],
)
def test_deals_from_holdings_need_a_verb_of_buying_in_their_own_clause(blank, text):
    assert [d for d in run(blank, text)._.autonews_deals if d.stake_percent is not None] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "it" as the object is the company the sentence before was about
        ("XPeng has changed hands twice. Volkswagen bought it in 2009 for $884 million, then sold it to Stellantis "
         "in 2018.",
         [("acquisition", ["Volkswagen", "XPeng"], "2009"), ("acquisition", ["Stellantis", "XPeng"], "2018")]),
        # a whole company bought for a price, no share named: an acquisition though "paid" also tells an investment
        ("Volkswagen agreed to buy XPeng from Stellantis for $4.3 billion in cash; it paid ten times sales.",
         [("acquisition", ["Volkswagen", "XPeng", "Stellantis"], None)]),
        ("Volkswagen is buying into XPeng, the start-up backed by Stellantis, in a deal worth $2.6 billion.",
         [("investment", ["Volkswagen", "XPeng", "Stellantis"], None)]),
    ],
)
def test_deals_it_as_object_and_whole_company_purchases(blank, text, expected):
    deals = [(d.type, d.parties, d.date) for d in run(blank, text, published=date(2022, 1, 11))._.autonews_deals]
    assert deals == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2020 the group agreed to sell mechanical drives maker XPeng to private equity firm Stellantis.",
         ("acquisition", ["Stellantis", "XPeng"])),
        ("Last year Stellantis paid around 12 billion dollars for Anglo-Dutch carmaker XPeng.",
         ("acquisition", ["Stellantis", "XPeng"])),
    ],
)
def test_deals_sales_with_described_parties_and_prices_paid_for_a_company(blank, text, expected):
    (deal,) = run(blank, text)._.autonews_deals
    assert (deal.type, deal.parties[:2]) == expected


def test_deals_price_paid_for_a_possessive_is_no_company_purchase(blank):
    text = "Volkswagen will also pay 75 million dollars for Stellantis's rights under an arrangement."
    assert run(blank, text)._.autonews_deals == []


def test_companies_first_word_of_a_known_name_standing_alone(blank):
    text = ("Leapmotor International was formed in 2023. Stellantis owns 51% of Leapmotor International. "
            "Stellantis said the venture, in which Nova Energy holds 49%, will grow. Nova owned 20% in 2020.")
    doc = run(blank, text, ents=[("Nova Energy", "ORG")])
    nova = next(c for c in doc._.autonews_companies if c.name == "Nova Energy")
    assert [m.text for m in nova.mentions] == ["Nova Energy", "Nova"]
    assert (20.0, "Nova Energy") in [(s.percent, s.holder) for s in doc._.autonews_stakes]
    # a word the text also uses in lower case is a common word, not a short name
    doc = run(blank, "Vault Energy signed with XPeng. Vault doors and a vault opened.", ents=[("Vault Energy", "ORG")])
    assert all(m.text != "Vault" for c in doc._.autonews_companies for m in c.mentions)


def test_stakes_it_follows_a_chain_of_sentences_told_with_it(blank):
    text = ("Volkswagen reported a loss. In January it took control of Leapmotor. In December it agreed to buy 20 "
            "percent of XPeng, and it already owns 49 percent of Stellantis.")
    stakes = [(s.percent, s.holder, s.target) for s in run(blank, text)._.autonews_stakes]
    assert stakes == [(20.0, "Volkswagen", "XPeng"), (49.0, "Volkswagen", "Stellantis")]


def test_deals_not_told_inside_quoted_speech(blank):
    text = ('"This is not a takeover of XPeng, it is an alliance with Volkswagen," the chairman said. '
            '"With Stellantis we will invest heavily in Leapmotor," he added.')
    assert run(blank, text)._.autonews_deals == []
    # the same words outside quotes are a deal
    assert [d.type for d in run(blank, "Volkswagen formed an alliance with XPeng on Monday.")._.autonews_deals] == [
        "partnership"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In May Volkswagen agreed to buy $50 million of XPeng stock.", ("investment", ["Volkswagen", "XPeng"])),
        ("XPeng has inked a deal worth $60 million to develop and supply the battery pack for Volkswagen's car.",
         ("supply", ["XPeng", "Volkswagen"])),
    ],
)
def test_deals_stock_purchases_and_development_supply(blank, text, expected):
    deals = [(d.type, d.parties[:2]) for d in run(blank, text)._.autonews_deals]
    assert expected in deals


@pytest.mark.parametrize("text", [
    "Stellantis has dropped plans to take a large equity stake in XPeng.",
    "Volkswagen and XPeng said they are dropping their plan to co-develop a family of cheap cars.",
    "Stellantis failed to reach agreement to buy a 20% stake in XPeng.",
])
def test_deals_dropped_plans_are_cancelled(blank, text):
    doc = run(blank, text)
    assert doc._.autonews_deals == [] and {s.status for s in doc._.autonews_deal_signals} == {"cancelled"}


def test_companies_venture_called_by_name(blank):
    text = "In 2008 Volkswagen and XPeng set up a joint venture called Kaluga Motors Rus, owned 70 percent by Volkswagen."
    assert "Kaluga Motors Rus" in {c.name for c in run(blank, text)._.autonews_companies}


def test_stakes_in_a_described_company_are_in_the_company_told_before(blank):
    text = ("XPeng was founded in Guangzhou. The German group Volkswagen bought 80 percent of the Guangzhou-based "
            "carmaker in 2019.")
    stakes = [(s.percent, s.holder, s.target) for s in run(blank, text)._.autonews_stakes]
    assert stakes == [(80.0, "Volkswagen", "XPeng")]


@pytest.mark.parametrize(("text", "status"), [
    ("Volkswagen and XPeng stressed that they would not take stakes in each other.", "denied"),
    ("Volkswagen and XPeng aim to sign a definitive merger agreement in June 2025.", "talks"),
    ("At that time Stellantis and XPeng said they were studying a joint venture with equal contributions.", "talks"),
    ("Neither company ever confirmed that XPeng and Leapmotor would be merged with each other.", "denied"),
    ("The process began in January, when Volkswagen proposed to acquire XPeng for $35 per share.", "talks"),
    ("Domestic media reported that Volkswagen had secured a deal to take over Stellantis's stake in XPeng.", "rumour"),
])
def test_deals_negations_aims_studies_proposals_and_reports_are_signals(blank, text, status):
    doc = run(blank, text)
    assert doc._.autonews_deals == [] and status in {s.status for s in doc._.autonews_deal_signals}


def test_deals_taking_the_rest_it_did_not_own_is_no_denial(blank):
    text = "In January Volkswagen took full control of XPeng, buying the half it did not already own from Stellantis."
    assert [d.type for d in run(blank, text)._.autonews_deals] == ["acquisition"]


def test_deals_a_supplier_in_apposition_and_a_possessive_description_as_subject(blank):
    text = "Volkswagen bought XPeng, a supplier of networking products for data centers, in 2020."
    assert [(d.type, d.parties[:2]) for d in run(blank, text)._.autonews_deals] == [
        ("acquisition", ["Volkswagen", "XPeng"])]
    text = "Stellantis grew fast. Founder Li Shufu's group bought XPeng from Volkswagen for $1.8 billion in 2010."
    assert [(d.type, d.parties[:2]) for d in run(blank, text)._.autonews_deals] == [
        ("acquisition", ["Stellantis", "XPeng"])]


def test_deals_extending_a_venture_is_a_partnership_and_the_buyer_keeps_its_holding(blank):
    text = "On November 27, Volkswagen and XPeng signed an agreement extending their joint venture by ten years."
    assert [d.type for d in run(blank, text)._.autonews_deals] == ["partnership"]
    text = "Volkswagen will put a further $1.1 billion into XPeng and will keep the remaining 80.4%."
    assert [(s.holder, s.target) for s in run(blank, text)._.autonews_stakes] == [("Volkswagen", "XPeng")]


def test_deals_share_purchase_told_beside_a_takeover_is_the_takeover(blank):
    text = ("Volkswagen will lift its holding in XPeng to 33.4 percent from 25 percent, giving it effective control. "
            "Volkswagen is paying 48.1 billion yen for new XPeng shares, the companies said.")
    deals = [(d.type, d.parties[:2], d.amount and float(d.amount.value)) for d in run(blank, text)._.autonews_deals]
    assert deals == [("acquisition", ["Volkswagen", "XPeng"], 48.1e9)]


def test_deals_a_contracts_stated_worth_and_a_price_told_in_a_sentence_about_the_parties(blank):
    text = "XPeng has inked a deal worth about $60 million to supply the battery pack for Volkswagen's van."
    (deal,) = [d for d in run(blank, text)._.autonews_deals if d.type == "supply"]
    assert float(deal.amount.value) == 60e6
    text = ("Stellantis agreed to buy XPeng on Monday. Analysts welcomed the move. Stellantis will pay $2 billion in "
            "cash for XPeng, the companies said.")
    (deal,) = run(blank, text)._.autonews_deals
    assert (deal.type, float(deal.amount.value)) == ("acquisition", 2e9)


def test_deals_keeping_the_remaining_majority_is_no_takeover_and_a_participle_holder(blank):
    text = "Volkswagen itself will put a further $1.1 billion into XPeng and will keep the remaining 80.4%."
    assert [d.type for d in run(blank, text)._.autonews_deals] == ["investment"]
    text = ("Volkswagen's Audi will invest $2.25 billion in Stellantis's self-driving car business, XPeng, "
            "taking a 19.6% stake.")
    assert [(s.holder, s.target) for s in run(blank, text)._.autonews_stakes] == [("Audi", "XPeng")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Volkswagen said on Tuesday it would buy up to 20,000 of XPeng's new electric SUVs for its robotaxi service.",
     ("supply", ["XPeng", "Volkswagen"])),
    ("In 2011 Stellantis signed up to buy diesel engines from Leapmotor.", ("supply", ["Leapmotor", "Stellantis"])),
    ("In March Volkswagen committed $300 million to XPeng, the ride-hailing company.",
     ("investment", ["Volkswagen", "XPeng"])),
])
def test_deals_vehicle_orders_engine_purchases_and_commitments(blank, text, expected):
    deals = [(d.type, d.parties[:2]) for d in run(blank, text)._.autonews_deals]
    assert expected in deals


def test_deals_more_shares_for_a_holder_in_control_are_an_investment(blank):
    text = ("Volkswagen raised its stake in XPeng to 51 percent in 1998 and lifted its holding to 100 percent in "
            "2016.")
    deals = [(d.type, d.date, d.stake_percent) for d in run(blank, text)._.autonews_deals]
    assert deals == [("acquisition", "1998", 51.0), ("investment", "2016", 100.0)]


def test_deals_supplied_by_and_a_purchase_beside_a_later_exit(blank):
    text = ("The transmission will be supplied by XPeng, a gearbox maker in which Stellantis holds 42 percent, and "
            "the cells by Leapmotor, Volkswagen said.")
    deals = [(d.type, d.parties[:2]) for d in run(blank, text)._.autonews_deals]
    assert ("supply", ["XPeng", "Volkswagen"]) in deals
    text = ("XPeng has struggled for years. Volkswagen paid about $2.1 billion for 34 percent of the company in 2000, "
            "but sold its remaining shares the following year.")
    deals = [(d.type, d.parties[:2], d.date, d.stake_percent) for d in run(blank, text)._.autonews_deals]
    assert deals == [("investment", ["Volkswagen", "XPeng"], "2000", 34.0)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Volkswagen has completed the purchase of 25 percent plus one share of XPeng.", ("investment", ["Volkswagen", "XPeng"])),
    ("Stellantis has bought the business and assets of XPeng for 11 million pounds.", ("acquisition", ["Stellantis", "XPeng"])),
    ("Volkswagen's programme rests on XPeng, the start-up it snapped up in August for about $680 million.",
     ("acquisition", ["Volkswagen", "XPeng"])),
    ("Stellantis took a stake of about 10 percent in XPeng in May 2009, reportedly paying around $50 million.",
     ("investment", ["Stellantis", "XPeng"])),
])
def test_deals_purchases_of_shares_assets_snapped_up_and_reported_prices(blank, text, expected):
    assert expected in [(d.type, d.parties[:2]) for d in run(blank, text)._.autonews_deals]


def test_deals_supplies_both_ways_are_two_deals(blank):
    text = ("They agreed on March 20 that Volkswagen will supply hybrid systems to XPeng, while XPeng will supply "
            "compact cars to Volkswagen.")
    deals = [(d.type, d.parties[:2]) for d in run(blank, text)._.autonews_deals]
    assert deals == [("supply", ["Volkswagen", "XPeng"]), ("supply", ["XPeng", "Volkswagen"])]


def test_deals_a_company_collapsing_is_no_cancelled_deal(blank):
    text = ("Volkswagen has bought the business and assets of XPeng for 11 million pounds, four months after it "
            "collapsed into administration.")
    assert [d.type for d in run(blank, text)._.autonews_deals] == ["acquisition"]
    doc = run(blank, "Talks on Volkswagen's acquisition of XPeng collapsed in May.")
    assert doc._.autonews_deals == [] and {s.status for s in doc._.autonews_deal_signals} == {"cancelled"}
