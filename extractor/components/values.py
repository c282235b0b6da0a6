"""autonews_values: money amounts, percentages and calendar dates of a Doc.

The normalisers in ``extractor.normalize`` find and parse the values in the text; this component adds
what needs the Doc: sentences (a figure such as "another 550m" takes the currency of its sentence) and
the statistical DATE entities for the forms our date grammar does not know (parsed by dateparser,
on that span only, relative to the publication date).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (declares the Doc._ attributes)
from ..extensions import doc_text
from ..normalize.dates import MONTHS, find_dates
from ..normalize.money import MoneyMatch, find_money
from ..normalize.percent import find_fractions, find_percents
from ..schema import Amount, DateValue

# Words that may follow a figure whose currency comes from its sentence ("another 550m within 90 days").
_IMPLIED_FOLLOWERS = re.compile(
    r"^(?:\s*(?:[.,;:)!?]|$)|\s+(?:in|within|to|for|from|and|or|by|over|on|at|last|this|next|a|an|the|was|were|"
    r"is|are|will|would|as|after|before|while|which|that|with|compared|versus|vs|against|plus|payable|due|"
    r"upfront|up front|later|now|earlier|previously|ago|each|apiece|respectively|if|when|until)\b)",
    re.IGNORECASE,
)
_COUNT_WORDS_BEFORE = re.compile(r"\b(?:shares|vehicles|cars|units|people|workers|customers|users)\s+(?:of\s+)?$",
                                 re.IGNORECASE)


@Language.factory("autonews_values")
def make_values(nlp: Language, name: str) -> "ValuesComponent":
    return ValuesComponent()


class ValuesComponent:
    """Finds amounts, percentages and dates; writes ``doc._.autonews_amounts/dates/percents``."""

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.autonews_published
        doc._.autonews_amounts = self.amounts(doc)
        doc._.autonews_percents = find_percents(doc_text(doc)) + find_fractions(doc_text(doc))
        doc._.autonews_dates = self.dates(doc, published)
        return doc

    # money ---------------------------------------------------------------------------------------
    def amounts(self, doc: Doc) -> list[Amount]:
        text = doc_text(doc)
        matches = find_money(text)
        result = []
        sentence_currency = self._sentence_currencies(doc, matches)
        for match in matches:
            currency, implied = match.currency, False
            if currency is None:
                currency = sentence_currency.get(match.start)
                if currency is None:
                    continue
                if not _IMPLIED_FOLLOWERS.match(text[match.end : match.end + 20]):
                    continue
                if _COUNT_WORDS_BEFORE.search(text[max(0, match.start - 20) : match.start]):
                    continue
                implied = True
            result.append(
                Amount(text=match.text, start=match.start, end=match.end, value=match.value, currency=currency,
                       kind=match.kind, implied_currency=implied)
            )
        return result

    @staticmethod
    def _sentence_currencies(doc: Doc, matches: list[MoneyMatch]) -> dict[int, str]:
        """For each figure without a currency: the currency of the nearest earlier amount in its sentence."""
        bare = [m for m in matches if m.currency is None]
        if not bare:
            return {}
        result = {}
        for sentence in doc.sents:
            last = None
            for match in matches:
                if match.start < sentence.start_char or match.start >= sentence.end_char:
                    continue
                if match.currency is not None:
                    last = match.currency
                elif last is not None:
                    result[match.start] = last
        return result

    # dates ---------------------------------------------------------------------------------------
    def dates(self, doc: Doc, published: date | None) -> list[DateValue]:
        found = [
            DateValue(text=d.text, start=d.start, end=d.end, value=d.value, granularity=d.granularity,
                      relative=d.relative)
            for d in find_dates(doc_text(doc), published)
        ]
        covered = [(d.start, d.end) for d in found]
        for ent in doc.ents:
            if ent.label_ != "DATE":
                continue
            if any(s < ent.end_char and ent.start_char < e for s, e in covered):
                continue
            parsed = _parse_date_span(ent.text, published)
            if parsed is not None:
                value, granularity = parsed
                found.append(DateValue(text=ent.text, start=ent.start_char, end=ent.end_char, value=value,
                                       granularity=granularity, relative=False))
        found.sort(key=lambda d: d.start)
        return found


_HAS_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _parse_date_span(span: str, published: date | None) -> tuple[str, str] | None:
    """A DATE entity our grammar did not read ("9th of Dec. 2009"): dateparser on that span only.

    Only spans naming a month are tried: bare numbers, durations and "the next decade" are not dates.
    """
    if not _HAS_MONTH.search(span) or not re.search(r"\d", span):
        return None
    data = _date_parser(published).get_date_data(span)
    if data is None or data.date_obj is None:
        return None
    when, period = data.date_obj, data.period
    if period == "day" and re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", span):
        return when.strftime("%Y-%m-%d"), "day"
    if period in {"month", "day"} and re.search(r"\b\d{4}\b", span):
        return when.strftime("%Y-%m"), "month"
    return None


@lru_cache(maxsize=64)
def _date_parser(published: date | None):
    """One dateparser parser per publication date (its RELATIVE_BASE)."""
    import dateparser.date

    settings: dict = {"PREFER_DAY_OF_MONTH": "first"}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime.combine(published, datetime.min.time())
    return dateparser.date.DateDataParser(languages=["en"], settings=settings)
