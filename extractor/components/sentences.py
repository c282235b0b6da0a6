"""autonews_sentences: repair sentence boundaries the statistical recogniser puts after abbreviations.

Business copy is full of "Co.", "Ltd.", "Mrd.", "U.S." and "No."; a sentence split after them cuts a
deal from its price or a stake from its holder. A boundary is removed where the previous token is such an
abbreviation and the next word is not the start of a new sentence (lower case, a digit, a currency or
a company-name continuation). A blank line (a paragraph break) always ends a sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

ABBREVIATIONS = frozenset(
    "co. ltd. inc. corp. plc. bhd. mrd. mio. tsd. no. nos. u.s. u.k. u.n. e.u. st. mr. mrs. ms. dr. prof. "
    "approx. est. vs. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. dlrs. mln. bln. pct. "
    "s.a. n.v. a.g. s.p.a. ag. nv. sa. gmbh. etc. e.g. i.e. rs. fig. ave.".split()
)


@Language.factory("autonews_sentences")
def make_sentences(nlp: Language, name: str) -> "SentenceRepair":
    return SentenceRepair()


class SentenceRepair:
    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            if "\n\n" in doc[token.i - 1].text and doc[token.i - 1].is_space and not token.is_space:
                token.is_sent_start = True  # a paragraph always ends its sentence
                continue
            if not token.is_sent_start:
                continue
            previous = doc[token.i - 1]
            if previous.lower_ in ABBREVIATIONS and _continues(token):
                token.is_sent_start = False
            elif previous.text == "." and token.i >= 2 and doc[token.i - 2].lower_ + "." in ABBREVIATIONS \
                    and _continues(token):
                token.is_sent_start = False
        return doc


def _continues(token) -> bool:
    """The word after the abbreviation carries the sentence on rather than starting a new one."""
    text = token.text
    if token.is_space:
        return "\n\n" not in text
    return bool(text[:1].islower() or text[:1].isdigit() or re.match(r"[$€£¥(,;:]", text)
                or text in {"Euro", "EUR", "Ltd", "Ltd.", "Co", "Co.", "Inc", "Inc.", "Corp", "Corp."})
