"""Words that refer back to a company named earlier: shared by the stake and deal readers.

"The carmaker behind Peugeot, Fiat and Jeep will invest ...", "It agreed ...": a sentence that opens with a
description or a pronoun has, as its subject, the company the previous sentence was about.
"""

from __future__ import annotations

import re

COMPANY_NOUNS = (r"carmaker|automaker|company|group|firm|maker|manufacturer|giant|brewer|bank|investor|"
                 r"conglomerate|supplier|startup|start-up")

# an opening time phrase may come first: "Last year the Munich-based group agreed ...", "In 2019, it bought ..."
_LEAD_IN = r"(?:(?:Last|This|Next|Earlier|Later|In|On|By|Since|At)\s+(?:[\w-]+\s+){0,3}?(?:[\w-]+),?\s+)?"
DESCRIBED_SUBJECT = re.compile(
    rf"^\s*{_LEAD_IN}(?:(?:The|the)\s+(?:[\w-]+\s+){{0,3}}(?:{COMPANY_NOUNS})\b|(?:It|it)\s|(?:They|they)\s|"
    rf"(?:[\w.-]+\s+){{0,3}}[A-Z][\w.-]*['’]s\s+(?:[\w-]+\s+){{0,2}}(?:{COMPANY_NOUNS})\b)"  # "Li Shufu's group"
)


_APPOSED = re.compile(rf"^\s*{_LEAD_IN}(?:The|the)\s+(?:[\w-]+\s+){{0,3}}(?:{COMPANY_NOUNS})\s+$")


def opens_with_description(opening: str) -> bool:
    """The text before a sentence's first company name describes or stands for its subject (not when the
    description is the name's own apposition: "The German group Volkswagen bought ...")."""
    return DESCRIBED_SUBJECT.match(opening) is not None and not _APPOSED.search(opening)
