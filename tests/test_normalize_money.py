"""One table per source of cases: formats the issue names, wire style, European style, decoys."""

from decimal import Decimal

import pytest

from extractor.normalize.money import find_money


def amounts(text):
    return [(m.value, m.currency) for m in find_money(text)]


FORMATS = [
    ("€1.5bn", 1_500_000_000, "EUR"),
    ("1.5bn €", 1_500_000_000, "EUR"),
    ("US$5bn", 5_000_000_000, "USD"),
    ("HK$8.5", Decimal("8.5"), "HKD"),
    ("£300m", 300_000_000, "GBP"),
    ("¥1.2 trillion", 1_200_000_000_000, "JPY"),
    ("EUR 2.1 billion", 2_100_000_000, "EUR"),
    ("USD 5bn", 5_000_000_000, "USD"),
    ("CNY 11.5bn", 11_500_000_000, "CNY"),
    ("RMB 5 billion", 5_000_000_000, "CNY"),
    ("1.5 billion euros", 1_500_000_000, "EUR"),
    ("half a billion euros", 500_000_000, "EUR"),
    ("two million dollars", 2_000_000, "USD"),
    ("5 billion yuan", 5_000_000_000, "CNY"),
    ("8 billion kronor", 8_000_000_000, "SEK"),
    ("500 million Swiss francs", 500_000_000, "CHF"),
    ("523 billion won", 523_000_000_000, "KRW"),
    ("Rs 2,000 crore", 20_000_000_000, "INR"),
    ("Rs 50 lakh", 5_000_000, "INR"),
    ("3,500 crore rupees", 35_000_000_000, "INR"),
    ("1,5 Mrd. Euro", 1_500_000_000, "EUR"),
    ("1.100 Mio. EUR", 1_100_000_000, "EUR"),
    ("120 MEUR", 120_000_000, "EUR"),
    ("C$ 300 million", 300_000_000, "CAD"),
    ("A$5bn", 5_000_000_000, "AUD"),
    ("$ 75 million", 75_000_000, "USD"),
    ("eur 125", 125, "EUR"),
    ("20 dollars 43 cents", Decimal("20.43"), "USD"),
]

WIRE = [
    ("90.8 mln US dlrs", Decimal("90_800_000"), "USD"),
    ("146.6 mln stg", Decimal("146_600_000"), "GBP"),
    ("454 mln HK dlrs", 454_000_000, "HKD"),
    ("2.2 billion H.K. Dlrs", 2_200_000_000, "HKD"),
    ("925p", Decimal("9.25"), "GBP"),
    ("28 pence", Decimal("0.28"), "GBP"),
]


@pytest.mark.parametrize(("text", "value", "currency"), FORMATS + WIRE)
def test_money_formats(text, value, currency):
    assert amounts(text) == [(Decimal(value), currency)]


@pytest.mark.parametrize(
    "text",
    ["All 70 of us.", "a 20% stake", "in 2009 sales rose", "3.265 million vehicles", "a 5m-long car",
     "Ford won the contract", "Model 3 buyers", "he may win 5 awards"],
)
def test_money_not_money(text):
    assert [m for m in find_money(text) if m.currency is not None] == []


def test_money_bare_figure_has_no_currency_of_its_own():
    found = find_money("1bn euros now, another 550m within 90 days")
    assert [(m.value, m.currency) for m in found] == [(Decimal(10**9), "EUR"), (Decimal(550 * 10**6), None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("500-700 million euros", [(500_000_000, "EUR", "range_low"), (700_000_000, "EUR", "range_high")]),
        ("between $1bn and $1.5bn", [(10**9, "USD", "range_low"), (1_500_000_000, "USD", "range_high")]),
        ("about $2 billion", [(2 * 10**9, "USD", "approximate")]),
        ("up to 259.7m euros", [(259_700_000, "EUR", "ceiling")]),
        ("30 dlrs a share", [(30, "USD", "per_share")]),
        ("at 468.7 yen apiece", [(Decimal("468.7"), "JPY", "per_share")]),
    ],
)
def test_money_kinds(text, expected):
    assert [(m.value, m.currency, m.kind) for m in find_money(text)] == [
        (Decimal(v), c, k) for v, c, k in expected
    ]


def test_money_plain_dollars_follow_the_only_local_dollar():
    text = "It paid 2.2 billion H.K. Dlrs in debt and 454 mln dlrs for shares."
    assert amounts(text) == [(Decimal(2_200_000_000), "HKD"), (Decimal(454_000_000), "HKD")]


def test_money_offsets_point_at_their_text():
    text = "Stellantis paid 1.5 billion euros, Volkswagen US$700m."
    for match in find_money(text):
        assert text[match.start : match.end] == match.text


def test_money_bare_dollar_sign_stays_us_beside_a_local_dollar():
    text = "Ontario offered C$5 billion; Honda paid $2.75 billion and NT$104.5 a share."
    assert amounts(text)[:2] == [(Decimal(5 * 10**9), "CAD"), (Decimal(2_750_000_000), "USD")]
