"""Numbers as news writes them: digits with English or European separators, number words, scale words.

Pure functions on strings, parsed with ``Decimal``:

>>> parse_number("1,234.5")
Decimal('1234.5')
>>> parse_number("1,5", european=True)
Decimal('1.5')
>>> parse_number("1.100", european=True)
Decimal('1100')
>>> scale_of("bn")
Decimal('1000000000')
>>> words_to_number("half a")
Decimal('0.5')
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Scale words are ours to own (price-parser has none): lower-cased form -> multiplier.
SCALES: dict[str, Decimal] = {
    "trillion": Decimal(10) ** 12, "trillions": Decimal(10) ** 12, "tn": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12, "trln": Decimal(10) ** 12, "tln": Decimal(10) ** 12,
    "billion": Decimal(10) ** 9, "billions": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "bln": Decimal(10) ** 9,
    "b": Decimal(10) ** 9, "milliard": Decimal(10) ** 9, "milliards": Decimal(10) ** 9,
    "mrd": Decimal(10) ** 9, "mrd.": Decimal(10) ** 9, "milliarden": Decimal(10) ** 9, "mld": Decimal(10) ** 9,
    "million": Decimal(10) ** 6, "millions": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "mln": Decimal(10) ** 6,
    "mil": Decimal(10) ** 6, "m": Decimal(10) ** 6, "mm": Decimal(10) ** 6, "mio": Decimal(10) ** 6,
    "mio.": Decimal(10) ** 6, "millionen": Decimal(10) ** 6,
    "thousand": Decimal(10) ** 3, "thousands": Decimal(10) ** 3, "k": Decimal(10) ** 3, "tsd": Decimal(10) ** 3,
    "tsd.": Decimal(10) ** 3,
    "crore": Decimal(10) ** 7, "crores": Decimal(10) ** 7, "cr": Decimal(10) ** 7, "cr.": Decimal(10) ** 7,
    "lakh": Decimal(10) ** 5, "lakhs": Decimal(10) ** 5, "lac": Decimal(10) ** 5, "lacs": Decimal(10) ** 5,
}
# Scale words written with a German/European number format ("1,5 Mrd.", "1.100 Mio.").
EUROPEAN_SCALES = frozenset({"mrd", "mrd.", "milliarden", "mio", "mio.", "millionen", "tsd", "tsd.", "mld"})
# Single-letter scales count only when glued to the number ("£300m", "$5b", "$50k").
GLUED_ONLY_SCALES = frozenset({"m", "b", "k", "mm"})

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}
NUMBER_WORDS = tuple(sorted(_UNITS, key=len, reverse=True))

_THOUSANDS_EN = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_THOUSANDS_EU = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")


def scale_of(word: str | None) -> Decimal:
    """Multiplier of a scale word (``None`` or unknown -> 1)."""
    if not word:
        return Decimal(1)
    return SCALES.get(word.lower().rstrip(), Decimal(1))


def parse_number(raw: str, *, european: bool = False) -> Decimal:
    """Parse a written number; ``european`` prefers ``.`` for thousands and ``,`` for decimals.

    Without the hint, a comma followed by exactly three digits is a thousands separator
    ("1,500" -> 1500) and any other comma is a decimal comma ("1,5" -> 1.5).
    """
    text = raw.strip().replace("\u00a0", "").replace("\u202f", "").replace("'", "").replace(" ", "")
    if not text:
        raise ValueError("empty number")
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        if not european and _THOUSANDS_EN.match(text):
            text = text.replace(",", "")
        elif text.count(",") == 1:
            text = text.replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "." in text:
        if text.count(".") > 1 or (european and _THOUSANDS_EU.match(text)):
            text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {raw!r}") from exc


def words_to_number(phrase: str) -> Decimal:
    """Value of a short number phrase: "two", "twenty-five", "half a", "a half", "one and a half"."""
    words = phrase.lower().replace("-", " ").split()
    if not words:
        raise ValueError("empty number phrase")
    if words in (["half", "a"], ["half", "an"], ["a", "half"], ["half"]):
        return Decimal("0.5")
    total = Decimal(0)
    for index, word in enumerate(words):
        if word == "and" and words[index + 1 : index + 3] == ["a", "half"]:
            return total + Decimal("0.5")
        if word == "hundred":
            total = (total or Decimal(1)) * 100
        elif word in _UNITS:
            total += _UNITS[word]
        else:
            raise ValueError(f"not a number phrase: {phrase!r}")
    return total
