"""Which companies an article treats as joint ventures, and which venture a sentence's shares are in.

A company is a venture when the knowledge base says so (kind ``joint_venture``) or when the text introduces it
as one: "The venture, smart Automobile Co Ltd, ...", "HLI Green Power, a 50:50 joint venture of the two",
"BBA was set up in 2003 as a 50-50 venture", "The venture, since renamed Motional, ...". The stake reader uses
this to give "each partner holds 50%" its target, the venture, and its holders, the partners.
"""

from __future__ import annotations

import re
from typing import Protocol, Sequence

from .schema import Company

_NAMED_AFTER = re.compile(
    r"(?:joint[\s-]venture|venture|\bJV)\s*,?\s*(?:(?:since|later|now|then|subsequently|initially)\s+)?"
    r"(?:(?:re)?named|called|dubbed|known\s+as|christened)?\s*[\"“'‘]?$",
    re.IGNORECASE,
)
_DESCRIBED_AS_VENTURE = re.compile(
    r"^(?:\s*\([^)]{1,40}\))?\s*,\s*(?:a|an|the|their|its)\s+(?:[\w:/-]+\s+){0,6}?"
    r"(?:joint[\s-]venture|venture|JV|company\s+(?:each|both)\s+of\s+them|company\s+they\s+(?:jointly\s+)?own)\b",
    re.IGNORECASE,
)
_IS_VENTURE = re.compile(
    r"^(?:\s*\([^)]{1,40}\))?\s+(?:is|was|will\s+be|became|becomes)\s+(?:a|an|the|their)\s+(?:[\w:/-]+\s+){0,4}?"
    r"(?:joint[\s-]venture|venture|JV)\b",
    re.IGNORECASE,
)
# "which created Symbio as a 50-50 joint venture": the founding verb before the name, "as a ... venture" after
_FOUNDED_BEFORE = re.compile(r"\b(?:created|formed|set\s+up|established|founded|launched|started)\s+$", re.IGNORECASE)
_AS_VENTURE = re.compile(r"^\s+as\s+(?:a|an|their|the)\s+(?:[\w:/-]+\s+){0,4}?(?:joint[\s-]venture|venture|JV)\b",
                         re.IGNORECASE)
_SET_UP_AS_VENTURE = re.compile(
    r"^(?:\s*\([^)]{1,40}\))?\s+(?:was|is|had\s+been|has\s+been)\s+(?:set\s+up|formed|established|founded|created|"
    r"launched|started)\b[^.;]{0,60}?\bas\s+(?:a|an|their|the)\s+(?:[\w:/-]+\s+){0,4}?(?:joint[\s-]venture|venture|JV)\b",
    re.IGNORECASE,
)


class NamedMention(Protocol):
    start: int
    end: int
    name: str


def venture_names(text: str, companies: list[Company]) -> set[str]:
    """Canonical names of the companies this article knows or introduces as joint ventures."""
    found = {c.name for c in companies if c.kind == "joint_venture"}
    for company in companies:
        if company.name in found:
            continue
        for mention in company.mentions:
            before = text[max(0, mention.start - 45) : mention.start]
            after = text[mention.end : mention.end + 120]
            if _NAMED_AFTER.search(before) or _DESCRIBED_AS_VENTURE.match(after) or _SET_UP_AS_VENTURE.match(after) \
                    or _IS_VENTURE.match(after) or (_FOUNDED_BEFORE.search(before) and _AS_VENTURE.match(after)):
                found.add(company.name)
                break
    return found


def venture_near(text: str, s_start: int, s_end: int, position: int, mentions: Sequence[NamedMention],
                 ventures: set[str], reach: int = 600) -> str | None:
    """The venture a sentence's shares are in: one named in the sentence (the nearest to ``position``), else one
    the next sentence names as "the venture" ("..., each partner holding 50 pct. The venture, since renamed
    Motional, ..."), else the latest venture named in the ``reach`` characters before."""
    in_sentence = [m for m in mentions if s_start <= m.start < s_end and m.name in ventures]
    if in_sentence:
        return min(in_sentence, key=lambda m: abs(m.start - position)).name
    following = text[s_end : s_end + 80]
    opening = re.match(r"\s*(?:The|That|This)\s+(?:new\s+)?(?:joint[\s-]venture|venture|JV)\b", following)
    if opening:
        named = next((m for m in mentions if s_end <= m.start < s_end + 80 and m.name in ventures), None)
        if named is not None:
            return named.name
    # "... agreed to form a 50-50 joint venture. ... The company, later renamed Motional, ...": named just after
    later = re.search(r"\b(?:joint[\s-]venture|venture|JV|company)\b[^.;]{0,30}?\b(?:renamed|named|called|branded)\s+",
                      text[s_end : s_end + 250])
    if later:
        at = s_end + later.end()
        named = next((m for m in mentions if at <= m.start < at + 5), None)
        if named is not None:
            return named.name
    earlier = [m for m in mentions if s_start - reach <= m.start < s_start and m.name in ventures]
    return earlier[-1].name if earlier else None
