import pytest

from extractor.normalize.percent import find_fractions, find_percents


@pytest.mark.parametrize(
    ("text", "value"),
    [("20%", 20.0), ("20 per cent", 20.0), ("20 percent", 20.0), ("20 pct", 20.0), ("4.99 %", 4.99),
     ("54 percent-owned", 54.0), ("twenty percent", 20.0), ("4,99 %", 4.99), ("20 PCT", 20.0)],
)
def test_percent_forms(text, value):
    assert [m.value for m in find_percents(text)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [("a fifth of", 20.0), ("one-fifth stake", 20.0), ("a quarter", 25.0), ("half of", 50.0),
     ("a third", 33.33), ("one-third", 33.33), ("two-thirds", 66.67)],
)
def test_percent_fractions(text, value):
    assert [m.value for m in find_fractions(text)] == [value]


def test_percent_points_are_marked():
    (match,) = find_percents("margins fell 2 percentage points")
    assert match.points and match.value == 2.0


@pytest.mark.parametrize("text", ["https://example.com/a%20b", "100 cars", "fifth-generation"])
def test_percent_none(text):
    assert find_percents(text) == []
    assert find_fractions(text) == []
