"""autonews_deals: the deals and deal signals of a Doc (see ``extractor.deals``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..extensions import doc_text
from ..deals import DealGrammar, deal_grammar, find_deals


@Language.factory("autonews_deals", default_config={"models_dir": None})
def make_deals(nlp: Language, name: str, models_dir: str | None) -> "DealsComponent":
    return DealsComponent(deal_grammar(models_dir))


class DealsComponent:
    def __init__(self, grammar: DealGrammar):
        self.grammar = grammar

    def __call__(self, doc: Doc) -> Doc:
        deals, signals = find_deals(
            doc_text(doc),
            [(s.start_char, s.end_char) for s in doc.sents],
            doc._.autonews_companies or [],
            doc._.autonews_dates or [],
            doc._.autonews_amounts or [],
            doc._.autonews_stakes or [],
            doc._.autonews_technologies or [],
            doc._.autonews_published,
            self.grammar,
            ventures=doc._.autonews_ventures,
        )
        doc._.autonews_deals = deals
        doc._.autonews_deal_signals = signals
        return doc
