"""Percentages and the fractions that mean a share of a company.

>>> [(m.text, m.value) for m in find_percents("a 4.99 % stake, 20 per cent, 11 pct and 54 percent-owned")]
[('4.99 %', 4.99), ('20 per cent', 20.0), ('11 pct', 11.0), ('54 percent', 54.0)]
>>> [(m.text, m.value) for m in find_fractions("a one-fifth stake, owned one-third by Ford, half of it")]
[('one-fifth', 20.0), ('one-third', 33.33), ('half', 50.0)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import words_to_number

_PERCENT = re.compile(
    r"(?<![\w.,])(?P<num>\d+(?:[.,]\d+)?|[.]\d+|(?i:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|twenty-five|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"one hundred|a hundred))"
    r"\s?(?P<unit>%|(?i:per\s?cent|percent|pct|percentage points?|prozent)\b)"
)
_FRACTIONS = {
    "half": 50.0, "a half": 50.0, "one-half": 50.0, "one half": 50.0,
    "a third": 33.33, "one-third": 33.33, "one third": 33.33, "two-thirds": 66.67, "two thirds": 66.67,
    "a quarter": 25.0, "one-quarter": 25.0, "one quarter": 25.0, "three-quarters": 75.0, "three quarters": 75.0,
    "a fifth": 20.0, "one-fifth": 20.0, "one fifth": 20.0, "two-fifths": 40.0, "two fifths": 40.0,
    "a tenth": 10.0, "one-tenth": 10.0, "one tenth": 10.0,
    "a sixth": 16.67, "one-sixth": 16.67, "an eighth": 12.5, "one-eighth": 12.5,
}
_FRACTION = re.compile(
    r"(?<![\w-])(?P<frac>" + "|".join(re.escape(f) for f in sorted(_FRACTIONS, key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PercentMatch:
    start: int
    end: int
    text: str
    value: float
    fraction: bool = False
    points: bool = False  # "percentage points": a change, never a holding


def parse_percent(number: str) -> float:
    """"4,99" and "4.99" -> 4.99; "twenty" -> 20.0."""
    if re.match(r"[\d.]", number):
        return float(number.replace(",", "."))
    return float(words_to_number(number))


def find_percents(text: str) -> list[PercentMatch]:
    """Every written percentage: ``20%``, ``20 per cent``, ``20 percent``, ``20 pct``, ``4.99 %``."""
    found = []
    for match in _PERCENT.finditer(text):
        unit = match.group("unit").lower()
        found.append(
            PercentMatch(match.start(), match.end(), match.group(), parse_percent(match.group("num")),
                         points="point" in unit)
        )
    return found


def find_fractions(text: str) -> list[PercentMatch]:
    """Fractions that can mean a share of a company (the caller checks the stake context)."""
    return [
        PercentMatch(m.start(), m.end(), m.group(), _FRACTIONS[m.group("frac").lower()], fraction=True)
        for m in _FRACTION.finditer(text)
    ]
