"""Every ``Doc._`` attribute autonews uses, declared once at import time.

Values are plain records (pydantic models from ``schema.py``, dates, strings), never ``Span`` objects,
so that docs pickle across processes.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_ATTRIBUTES = {
    "autonews_published": None,  # datetime.date the relative dates are resolved against
    "autonews_amounts": None,  # list[schema.Amount]
    "autonews_dates": None,  # list[schema.DateValue]
    "autonews_percents": None,  # list[normalize.percent.PercentMatch] (stakes or not)
    "autonews_companies": None,  # list[schema.Company]
    "autonews_technologies": None,  # list[schema.Technology]
    "autonews_ventures": None,  # list[str]: canonical names the article knows as joint ventures
    "autonews_stakes": None,  # list[schema.Stake]
    "autonews_deals": None,  # list[schema.Deal]
    "autonews_deal_signals": None,  # list[schema.DealSignal]
}


def register() -> None:
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token on each access of ``Doc.text``)."""
    text = doc.user_data.get("autonews_text")
    if text is None:
        text = doc.user_data["autonews_text"] = doc.text
    return text
