from datetime import date

import pytest

from extractor.normalize.dates import find_dates

PUBLISHED = date(2009, 12, 9)  # a Wednesday


def values(text, published=PUBLISHED):
    return [d.value for d in find_dates(text, published)]


ABSOLUTE = [
    ("In July 2023, both parties signed", ["2023-07"]),
    ("signed on August 15, 2025, in Beijing", ["2025-08-15"]),
    ("On October 26, 2023, Stellantis", ["2023-10-26"]),
    ("on 9 December 2009", ["2009-12-09"]),
    ("on 26th of October 2023", ["2023-10-26"]),
    ("2023-07-26", ["2023-07-26"]),
    ("-- Fri May 21, 2010 10:31am EDT", ["2010-05-21"]),
    ("in 1983", ["1983"]),
    ("Q3 2024", ["2024-Q3"]),
    ("3Q 2024", ["2024-Q3"]),
    ("the third quarter of 2024", ["2024-Q3"]),
    ("the first half of 2025", ["2025-H1"]),
    ("H1 2025", ["2025-H1"]),
    ("In the first six months of 2009, sales", ["2009-H1"]),
    ("from 2020-2025", ["2020", "2025"]),
    ("by mid-2024", ["2024"]),
    ("Dec 2009", ["2009-12"]),
]

RELATIVE = [
    ("said on Wednesday", ["2009-12-09"]),
    ("said on Monday", ["2009-12-07"]),
    ("will meet on Friday", ["2009-12-11"]),
    ("a year ago", ["2008"]),
    ("last year", ["2008"]),
    ("Last year sales", ["2008"]),
    ("this year", ["2009"]),
    ("next year", ["2010"]),
    ("said this month", ["2009-12"]),
    ("next month", ["2010-01"]),
    ("last month", ["2009-11"]),
    ("Last September, it raised", ["2009-09"]),
    ("in March", ["2009-03"]),
    ("the third quarter", ["2009-Q3"]),
    ("last quarter", ["2009-Q3"]),
    ("July-September", ["2009-Q3"]),
    ("the second half", ["2009-H2"]),
    ("HONG KONG, June 18 - Dairy", ["2009-06-18"]),
    ("yesterday", ["2009-12-08"]),
    ("earlier this year", ["2009"]),
    ("two years ago", ["2007"]),
]

NOT_DATES = [
    "a 20% stake",
    "Over the next decade",
    "May rise",
    "Analysts said it may",
    "a 12-year alliance",
    "for 10 years",
    "2,009 cars",
    "$2009",
    "2000 workers",
    "the 1990s",
    "last week",
    "this week",
    "No. 2010",
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
def test_dates_absolute(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_dates_relative(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", NOT_DATES)
def test_dates_not_dates(text):
    assert values(text) == []


def test_dates_relative_need_a_publication_date():
    assert values("said on Wednesday, last year and in July 2023", published=None) == ["2023-07"]


def test_dates_granularity_and_offsets():
    text = "In July 2023 and on August 15, 2025 and in 2024"
    found = find_dates(text, PUBLISHED)
    assert [d.granularity for d in found] == ["month", "day", "year"]
    assert all(text[d.start : d.end] == d.text for d in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("in May last year", ["2008-05"]), ("since April this year", ["2009-04"]),
     ("in July 2021 and broke ground on Sept. 15 that year", ["2021-07", "2021-09-15"]),
     ("on March 3 next year", ["2010-03-03"])],
)
def test_dates_month_with_relative_year(text, expected):
    assert values(text) == expected
