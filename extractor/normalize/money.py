"""Money amounts in running text: find them, normalise them to a ``Decimal`` value and an ISO 4217 code.

Pure functions, no spaCy. The currency vocabulary (symbols, codes, words, sub-units) is data
(``models/currencies.jsonl``); the grammar of numbers, scales, ranges and approximations is here.

>>> [(m.value, m.currency) for m in find_money("Stellantis paid 1.5 billion euros.")]
[(Decimal('1500000000.0'), 'EUR')]
>>> [(m.value, m.currency) for m in find_money("VW paid US$700m and HK$8.5 a share")]
[(Decimal('700000000'), 'USD'), (Decimal('8.5'), 'HKD')]
>>> [(m.value, m.currency, m.kind) for m in find_money("between $1bn and $1.5bn")]
[(Decimal('1000000000'), 'USD', 'range_low'), (Decimal('1500000000.0'), 'USD', 'range_high')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, Sequence

from ..resources import load_jsonl
from .numbers import (
    EUROPEAN_SCALES,
    GLUED_ONLY_SCALES,
    NUMBER_WORDS,
    SCALES,
    parse_number,
    scale_of,
    words_to_number,
)

NUMBER = r"(?:\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|[.,]\d+)"
_APPROX_BEFORE = re.compile(
    r"(?:about|around|roughly|approximately|approx\.|some|nearly|almost|close to|more than|over|"
    r"less than|under|at least|an estimated|estimated|circa|c\.|~)\s*$",
    re.IGNORECASE,
)
_CEILING_BEFORE = re.compile(r"(?:up to|as much as|a maximum of|maximum|at most)\s*$", re.IGNORECASE)
_PER_SHARE_AFTER = re.compile(
    r"^\s*(?:a|per|each|for each)\s+(?:share|unit|ADS|ADR|American depositary share|stock)\b|^\s*(?:each|apiece)\b",
    re.IGNORECASE,
)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to)\s*$|^\s+and\s+$")
_BARE_BEFORE = re.compile(rf"(?<![\w.,$€£¥])(?P<num>{NUMBER})\s*(?P<sep>-|–|—|\bto\b|\band\b)\s*$")
_BETWEEN_BEFORE = re.compile(r"(?:between|from)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class MoneyMatch:
    """One amount found in a text. ``currency`` is None for a scaled figure with no currency of its own
    (``"another 550m"``): the caller decides whether the sentence supplies one."""

    start: int
    end: int
    text: str
    value: Decimal
    currency: str | None
    kind: str = "exact"  # exact | approximate | range_low | range_high | per_share | ceiling
    generic_dollar: bool = False
    implied_currency: bool = False


def _key(form: str) -> str:
    """Lookup key of a currency form: case and spaces do not matter ("HK $" = "hk$")."""
    return re.sub(r"\s+", "", form.lower())


class MoneyGrammar:
    """The compiled money pattern for one currency vocabulary."""

    def __init__(self, currencies: Sequence[dict]):
        self.by_form: dict[str, str] = {}
        self.subunit_of: dict[str, str] = {}
        symbols, codes, words, subunits, dollar_codes = [], [], [], [], []
        for record in currencies:
            code = record["code"]
            for form in record.get("symbols", []):
                symbols.append(form)
                self.by_form.setdefault(_key(form), code)
            for form in record.get("codes", []) + [code]:
                codes.append(form)
                self.by_form.setdefault(_key(form), code)
            if record.get("dollar_family"):
                dollar_codes.append(code)
                self.by_form.setdefault(_key(code + "$"), code)
            for form in record.get("words", []):
                words.append(form)
                self.by_form.setdefault(_key(form), code)
            for form in record.get("subunits", []):
                subunits.append(form)
                self.subunit_of.setdefault(form.lower(), code)
        # a bare "$" is the US dollar (others print C$, NT$, HK$); the words may be a local dollar
        self.generic_dollar = {_key(f) for f in ("dollars", "dollar", "dlrs", "dlr", "bucks")}
        self.explicit_us = {_key(f) for f in ("US$", "U.S.$", "USD$", "USD", "US dollars", "U.S. dollars",
                                              "US dollar", "U.S. dollar", "US dlrs", "U.S. dlrs", "American dollars")}

        def alt(forms: Iterable[str]) -> str:
            return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))

        # "HK$", "hk $", "C $", "aud$": letters before a dollar sign, in any case, with or without a space
        lettered = sorted({f[:-1] for f in symbols if f.endswith("$") and f[:1].isalpha()} | set(dollar_codes),
                          key=len, reverse=True)
        # single letters ("A$", "C$") only as written: "a $300 million contract" is an article, not Australia
        multi = "|".join(re.escape(x) for x in lettered if len(x) > 1)
        single = "|".join(re.escape(x) for x in lettered if len(x) == 1)
        dollar_prefixed = rf"(?<![A-Za-z.])(?:(?i:{multi})\s?\$|(?:{single})\$)"
        plain_symbols = alt(f for f in symbols if not (f.endswith("$") and f[:1].isalpha()) and not f[:1].isalpha())
        word_symbols = alt(f for f in symbols if f[:1].isalpha() and not f.endswith("$"))
        scale_words = sorted((s for s in SCALES if s not in GLUED_ONLY_SCALES), key=len, reverse=True)
        spaced = "|".join(re.escape(s) for s in scale_words)
        glued = "|".join(re.escape(s) for s in sorted(SCALES, key=len, reverse=True))
        scale = (
            rf"(?:(?P<{{p}}g>(?i:{glued}))(?![\w-])|\s?(?P<{{p}}s>(?i:{spaced}))(?:(?<=\.)|\b)(?:\s+(?P<{{p}}c>(?i:crores?)))?)"
        )
        # Codes are matched in any case ("eur 125"), except where the lower-case form is an English word.
        loose = alt(c for c in codes if c.lower() not in {"try"})
        strict = alt(c for c in codes if c.lower() in {"try"}) or "(?!)"
        code_any = rf"(?<![A-Za-z])(?:(?i:{loose})|{strict})(?![A-Za-z])"
        pre = (
            rf"(?P<pre>{dollar_prefixed}|{plain_symbols}|(?<![A-Za-z])(?:{word_symbols})(?![A-Za-z])|"
            rf"(?<![A-Za-z])M(?:{alt(c for c in codes if c.isupper())})(?![A-Za-z])|{code_any})"
        )
        code_alt = alt(c for c in codes if c.isupper())
        post = (
            rf"(?P<{{p}}post>{plain_symbols}|(?<![A-Za-z])(?i:{alt(words)})(?![A-Za-z])|"
            rf"{code_any}|M(?:{code_alt})\b)"
        )
        number_words = "|".join(NUMBER_WORDS)
        word_number = (
            rf"(?P<wn>(?i:half an?|a half|half|(?:a\s)?quarter|three[\s-]quarters|"
            rf"(?:{number_words})(?:[- ](?:{number_words}))?(?: hundred)?))"
        )
        self.cents = re.compile(
            rf"^(?:\s+and)?\s+(?P<c>\d{{1,2}}|(?i:(?:{number_words})(?:[- ](?:{number_words}))?))\s?"
            rf"(?:(?P<unit>(?i:c|cents?|sens?|pence|p|kopiykas?))\b|(?=\s*[.!?]?\s*$))"
        )
        self.pattern = re.compile(
            "|".join(
                [
                    # €1.5bn, US$ 5 billion, EUR 2.1 billion, Rs 2,000 crore, HK$8.5, MAUD 60
                    rf"{pre}\s?(?P<n1>{NUMBER}){scale.format(p='a')}?",
                    # 1.5 billion euros, 1,5 Mrd. Euro, 90.8 mln US dlrs, 120 MEUR, 10 €, 75 USD million
                    rf"(?<![\w.,])(?P<n2>{NUMBER}){scale.format(p='b')}?\s?{post.format(p='b')}"
                    rf"(?:\s(?P<bs2>(?i:trillion|billion|million|thousand|bn|mln|mn)\b))?",
                    # half a billion euros, two million dollars, ten dollars, twenty MUSD
                    rf"\b{word_number}(?:\s(?P<ws>(?i:trillion|billion|million|thousand|crore|lakhs?)))?\s"
                    rf"(?P<wpost>(?<![A-Za-z])(?i:{alt(words)})(?![A-Za-z])|{code_any}|M(?:{code_alt})\b)",
                    # 925p, 28 pence, 50 cents
                    rf"(?<![\w.,])(?P<n3>{NUMBER})\s?(?P<sub>(?i:{alt(subunits)}))(?![A-Za-z])",
                    # a scaled figure with no currency: "another 550m", "184.4 mln"
                    rf"(?<![\w.,$€£¥])(?P<n4>{NUMBER}){scale.format(p='d')}",
                ]
            )
        )

    def _currency(self, form: str) -> str:
        return self.by_form.get(_key(form), "")

    def find(self, text: str) -> list[MoneyMatch]:
        found: list[MoneyMatch] = []
        for match in self.pattern.finditer(text):
            if found and match.start() < found[-1].end:
                continue  # already part of the previous amount ("20 dollars 43 cents")
            item = self._interpret(match, text)
            if item is not None:
                found.append(self._with_cents(item, text))
        found = self._resolve_generic_dollars(found)
        return self._ranges(found, text)

    def _with_cents(self, item: MoneyMatch, text: str) -> MoneyMatch:
        """"20 dollars 43 cents", "$20 and 43c": the sub-unit joins the amount it follows."""
        if item.currency is None or item.kind == "per_share" or item.value != item.value.to_integral_value():
            return item
        if item.value >= 1_000_000:
            return item
        match = self.cents.match(text[item.end : item.end + 40])
        if match is None:
            return item
        raw = match.group("c")
        try:
            cents = Decimal(raw) if raw.isdigit() else words_to_number(raw)
        except ValueError:
            return item
        if cents >= 100:
            return item
        end = item.end + match.end()
        return replace(item, end=end, text=text[item.start : end], value=item.value + cents / 100)

    def _interpret(self, match: re.Match, text: str) -> MoneyMatch | None:
        groups = match.groupdict()
        start, end = match.span()
        generic = False
        extra_scale = None
        if groups.get("n1") is not None:
            number, prefix = groups["n1"], "a"
            form = groups["pre"]
        elif groups.get("n2") is not None:
            number, prefix = groups["n2"], "b"
            form = groups["bpost"]
            extra_scale = groups.get("bs2")
        elif groups.get("wn") is not None:
            number, prefix, form = None, "w", groups["wpost"]
            if groups.get("ws") is None and groups["wn"].lower() in {"a", "an", "half", "quarter", "a quarter"}:
                return None
        elif groups.get("n3") is not None:
            sub = groups["sub"].lower()
            if sub == "p" and not re.match(r"\d", groups["n3"][-1:]):
                return None
            value = parse_number(groups["n3"]) / 100
            return MoneyMatch(start, end, match.group(), value, self.subunit_of[sub], "per_share")
        else:
            number, prefix, form = groups["n4"], "d", None
        glued, spaced, crore = groups.get(f"{prefix}g"), groups.get(f"{prefix}s"), groups.get(f"{prefix}c")
        scale_word = (glued or spaced or extra_scale or "").lower()
        if prefix == "w":
            scale_word = (groups.get("ws") or "").lower()
        european = scale_word in EUROPEAN_SCALES
        try:
            if prefix == "w":
                base = _fraction_words(groups["wn"]) or words_to_number(groups["wn"])
            else:
                base = parse_number(number, european=european)
        except ValueError:
            return None
        value = base * scale_of(scale_word) * (scale_of(crore) if crore else 1)
        currency = None
        if form is not None:
            if re.fullmatch(r"M[A-Z]{3}", form) and self._currency(form[1:]):
                currency, value = self._currency(form[1:]), value * 1_000_000
            else:
                currency = self._currency(form) or None
            generic = _key(form) in self.generic_dollar
        if prefix == "d" and scale_word in GLUED_ONLY_SCALES and text[end : end + 1] == "-":
            return None
        kind = "exact"
        before = text[max(0, start - 24) : start]
        if _CEILING_BEFORE.search(before):
            kind = "ceiling"
        elif _APPROX_BEFORE.search(before):
            kind = "approximate"
        if _PER_SHARE_AFTER.match(text[end : end + 40]):
            kind = "per_share"
        return MoneyMatch(start, end, match.group(), value, currency, kind, generic_dollar=generic)

    def _resolve_generic_dollars(self, found: list[MoneyMatch]) -> list[MoneyMatch]:
        """Wire copy from Hong Kong or Sydney writes its own dollars as plain "dlrs": where the article
        names exactly one non-US dollar explicitly and never the US one, plain dollars are that one."""
        explicit = {m.currency for m in found if m.currency and not m.generic_dollar}
        us_explicit = any(m.currency == "USD" and not m.generic_dollar for m in found)
        others = {c for c in explicit if c in {"HKD", "CAD", "AUD", "NZD", "SGD", "TWD"}}
        if us_explicit or len(others) != 1:
            return found
        (local,) = others
        return [replace(m, currency=local) if m.generic_dollar else m for m in found]

    def _ranges(self, found: list[MoneyMatch], text: str) -> list[MoneyMatch]:
        """"500-700 million euros" and "between $1bn and $1.5bn": both ends, marked as a range."""
        result: list[MoneyMatch] = []
        for index, item in enumerate(found):
            previous = result[-1] if result else None
            if previous is not None and _RANGE_GAP.match(text[previous.end : item.start]):
                gap = text[previous.end : item.start].strip()
                between = _BETWEEN_BEFORE.search(text[max(0, previous.start - 10) : previous.start])
                is_range = gap in {"-", "–", "—"} or (gap == "and" and between) or (gap == "to" and not between)
                if is_range and previous.currency in (None, item.currency) and item.kind != "per_share":
                    result[-1] = replace(previous, kind="range_low", currency=item.currency)
                    item = replace(item, kind="range_high")
            else:
                bare = _BARE_BEFORE.search(text[max(0, item.start - 30) : item.start])
                if bare and item.text[:1].isdigit():
                    sep = bare.group("sep")
                    between = _BETWEEN_BEFORE.search(text[max(0, item.start - 30) : item.start - len(bare.group())])
                    if sep in {"-", "–", "—"} or between:
                        low = self._low_end(bare, item, text)
                        if low is not None:
                            result.append(low)
                            item = replace(item, kind="range_high")
            result.append(item)
        return result

    def _low_end(self, bare: re.Match, high: MoneyMatch, text: str) -> MoneyMatch | None:
        """The low end of "500-700 million euros" takes the high end's scale and currency."""
        digits = re.match(NUMBER, high.text)
        if digits is None:
            return None
        try:
            high_base = parse_number(digits.group())
            low_base = parse_number(bare.group("num"))
        except ValueError:
            return None
        if high_base == 0:
            return None
        multiplier = high.value / high_base
        offset = high.start - len(bare.group())
        start = offset + bare.start("num")
        end = offset + bare.end("num")
        return MoneyMatch(start, end, text[start:end], low_base * multiplier, high.currency, "range_low")


def _fraction_words(phrase: str) -> Decimal | None:
    """"quarter", "a quarter", "three quarters" before a scale word."""
    words = phrase.lower().replace("-", " ").split()
    if words and words[-1] in {"quarter", "quarters"}:
        count = Decimal(3) if words[0] == "three" else Decimal(1)
        return count / 4
    return None


@lru_cache(maxsize=4)
def grammar(models_directory: str | None = None) -> MoneyGrammar:
    """The grammar built from ``models/currencies.jsonl`` (built once per process)."""
    return MoneyGrammar(load_jsonl("currencies.jsonl", models_directory))


def currency_code(form: str) -> str | None:
    """ISO code of a currency symbol, code or word ("EUR", "HK$", "yuan"), or None."""
    return grammar()._currency(form) or None


def find_money(text: str) -> list[MoneyMatch]:
    """Every money amount in ``text`` (figures without a currency of their own have ``currency=None``)."""
    return grammar().find(text)
