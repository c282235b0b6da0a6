from decimal import Decimal

import pytest

from extractor.normalize.numbers import parse_number, scale_of, words_to_number


@pytest.mark.parametrize(
    ("raw", "european", "expected"),
    [
        ("1,234.5", False, "1234.5"),
        ("1,500", False, "1500"),
        ("1,5", False, "1.5"),
        ("1,5", True, "1.5"),
        ("1.100", True, "1100"),
        ("1.100", False, "1.1"),
        ("1.000.000", False, "1000000"),
        ("1.234,56", False, "1234.56"),
        ("2,000", False, "2000"),
        (".6752", False, "0.6752"),
        ("4.99", False, "4.99"),
    ],
)
def test_numbers_parse_number(raw, european, expected):
    assert parse_number(raw, european=european) == Decimal(expected)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("bn", 10**9), ("Mrd.", 10**9), ("mln", 10**6), ("m", 10**6), ("crore", 10**7), ("lakh", 10**5),
     ("trillion", 10**12), ("k", 10**3), (None, 1), ("widgets", 1)],
)
def test_numbers_scale_of(word, expected):
    assert scale_of(word) == Decimal(expected)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("half a", "0.5"), ("a half", "0.5"), ("two", "2"), ("twenty-five", "25"), ("one hundred", "100"),
     ("a", "1"), ("one and a half", "1.5")],
)
def test_numbers_words_to_number(phrase, expected):
    assert words_to_number(phrase) == Decimal(expected)


def test_numbers_rejects_garbage():
    with pytest.raises(ValueError):
        parse_number("abc")
    with pytest.raises(ValueError):
        words_to_number("several")
