"""autonews_stakes: which percentages are ownership shares, and who holds what in whom.

A percentage is a stake when its sentence ties it to ownership: a stake noun next to it ("a 20% stake",
"54 percent-owned"), shares or a company as its object after an ownership verb ("acquire 20% of
Leapmotor"), a holding verb before it ("Cariad holds 60%"), or a stake noun it completes ("raised its
stake in JAC to 50% from 25%", both values). Growth rates, market shares, margins, tariffs and price
moves are never stakes. The trigger vocabulary lives in ``models/triggers.jsonl``.

Roles: the holder is the clause's subject, a possessive ("Ford's 33.4% stake"), the noun a list or an
"owned by" names ("30%, Hyundai Mobis 20% and Hyundai Glovis 10%", "51% owned by A and 49% by B"); the
target is the company after "of/in", or the venture a joint-venture share is in ("each partner holds 50%",
"51% of the venture"), found by ``extractor.ventures``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..extensions import doc_text
from ..normalize.percent import PercentMatch
from ..reference import COMPANY_NOUNS, opens_with_description
from ..resources import load_jsonl
from ..schema import Company, Stake
from ..ventures import venture_names, venture_near

_APPROX = r"(?:(?:about|around|roughly|approximately|nearly|almost|some|just|only|over|under|more than|less than|" \
          r"as much as|as little as|" \
          r"up to|at least|a further|another|an additional|a|an|the|its|their|his|her|a total of|total of|" \
          r"present|current|previous|existing|earlier|original|prior|combined|remaining|rest of the)\s+)*"
_APPROX = _APPROX.replace(" ", r"\s+")  # wire copy breaks lines anywhere


_PAID_FOR = re.compile(
    rf"\b(?:pay|pays|paid|paying|spend|spends|spent|invest|invests|invested|investing|swap\w*)\b[^.;%]{{0,70}}"
    rf"\bfor\s+{_APPROX}$",
    re.IGNORECASE,
)
_ISSUE_SIZE = re.compile(r"\b(?:new|fresh|newly issued)\s+(?:shares|stocks?)\b[^;]{0,80}?\b(?:equal to|equivalent to|"
                         r"representing|or)\s+(?:about\s+|around\s+|some\s+)?$", re.IGNORECASE)
_OWNERSHIP_LIST = re.compile(r"\b(?:ownership structure|shareholder structure|shareholding structure|"
                             r"shareholders?\s*:|ownership\s*:|stakes\s*:)", re.IGNORECASE)
# nouns a description of a company ends in ("the Italian automaker", "its Japanese partner")
_REFERRING_NOUNS = "carmaker|automaker|group|company|firm|maker|manufacturer|partner|brewer|bank|rival"
_NATIONALITY = r"(?P<nat>U\.S\.|[A-Z][a-z]+)"
_DESCRIPTION = re.compile(
    rf"\b[Tt]he\s+{_NATIONALITY}\s+(?:[a-z-]+\s+)?(?:{_REFERRING_NOUNS}|investor|giant|conglomerate)\b"
)
# "Fiat held a 46 percent interest in Chrysler. That will rise to 52 percent ...": the same holding, changed
_CONTINUED_HOLDING = re.compile(
    rf"^\s*(?:That|This|It|Its|The|Their)(?:\s+(?:stake|holding|interest|shareholding))?\s+(?:will\s+|would\s+|is\s+to\s+)?"
    rf"(?:rise|rises|increase|increases|climb|climbs|grow|grows|fall|falls|drop|drops|decline|declines|go up|"
    rf"go down|be raised|be cut)\s+to\s+{_APPROX}$"
)
_EACH_PARTNER = re.compile(r"\b(?:each|both)(?:\s+(?:partner|partners|company|companies|side|sides|of them|group|"
                           r"carmaker|parent))?\s+(?:will\s+|would\s+)?(?:hold|holds|holding|held|own|owns|owning|"
                           r"owned|has|have|having|had|take|takes|taking|took|keep|keeps|kept|retain|retains|retained|retaining)\s+(?:a\s+|an\s+)?$",
                           re.IGNORECASE)
_DESCRIBED_OBJECT = re.compile(
    rf"^(?:\s+[\w-]+){{0,3}}?\s+(?:in|of)\s+(?:its|the|their)\s+(?:{_NATIONALITY}\s+)?(?:[a-z-]+\s+)?"
    rf"(?:{_REFERRING_NOUNS}|unit|business)\b"
)
_TARGET_ANCHOR = re.compile(
    r"\b(?:stake|holding|shareholding|interest|share|shareholder|invest\w*(?:\s+\S+){0,6}?\s+in|"
    r"(?:took|take|takes|taking|gain(?:s|ed|ing)?|assum(?:e|es|ed|ing))\s+(?:full\s+|effective\s+|majority\s+|"
    r"management\s+|outright\s+)?control\s+of|buy|buys|bought|buying|acquire[sd]?|acquiring|purchase[sd]?)\s+(?:in\s+)?",
    re.IGNORECASE,
)
# "a 51:49 joint venture", "the 50-50 venture", "owned 50/50"
_SPLIT = re.compile(
    r"(?<![\d.])(?P<a>\d{1,2}(?:\.\d+)?)\s?(?::|-|/|–)\s?(?P<b>\d{1,2}(?:\.\d+)?)(?![\d.%])"
    r"(?=\s*(?:(?:[a-z-]+\s+){0,2}(?:joint[\s-]venture|venture|JV|partnership|split|basis|ownership)|\.|,|;))",
)


_FOUNDING_VERB = r"(?:set up|sets up|formed|forms|created|creates|established|establishes|founded)"


def _alt(terms) -> str:
    return "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))


@dataclass(frozen=True)
class StakeGrammar:
    stake_after: re.Pattern
    share_object: re.Pattern
    company_object: re.Pattern
    ownership_verb_before: re.Pattern
    holding_verb_before: re.Pattern
    stake_noun_before: re.Pattern
    owned_by_after: re.Pattern
    not_stake_after: re.Pattern
    not_stake_object: re.Pattern
    change_before: re.Pattern
    non_company_holder: re.Pattern
    sold_before: re.Pattern


@lru_cache(maxsize=4)
def stake_grammar(models_directory: str | None = None) -> StakeGrammar:
    terms = {r["name"]: r["terms"] for r in load_jsonl("triggers.jsonl", models_directory)}
    noun, adjective = _alt(terms["stake_noun"]), _alt(terms["stake_adjective"])
    return StakeGrammar(
        stake_after=re.compile(
            rf"^(?:\s|-)*(?:(?:{adjective})[\s-]+){{0,3}}(?:(?:{noun})\b(?!\s+(?:rate|rates|income|payments?|expense))"
            rf"|share\s+in\b|(?:-|\s)?owned\b|(?:-|\s)?held\b|(?:-|\s)?controlled\b)",
            re.IGNORECASE,
        ),
        share_object=re.compile(
            rf"^\s*(?:of|in)\s+(?:the\s+|its\s+|their\s+)?(?:(?:{adjective})\s+){{0,2}}(?:{_alt(terms['share_object'])})\b",
            re.IGNORECASE,
        ),
        company_object=re.compile(r"^\s*(?:each\s+)?(?:of|in)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}?(?=[A-Z])"),
        ownership_verb_before=re.compile(rf"\b(?:{_alt(terms['ownership_verb'])})\b", re.IGNORECASE),
        holding_verb_before=re.compile(rf"\b(?:{_alt(terms['holding_verb'])})\s+{_APPROX}$", re.IGNORECASE),
        stake_noun_before=re.compile(
            rf"\b(?:(?:{noun})\b(?!\s+(?:rate|rates|income|payments?|expense))|share\s+in\b)[^.;%]{{0,110}}?"
            rf"\b(?:to|from|of|at|with|around|about|is|was|stood at|stands at|reach|reaches|reached|becomes|became|"
            rf"will be|would be|of about|of around|of roughly|of nearly|of some|of up to|of at least)\s+{_APPROX}$",
            re.IGNORECASE,
        ),
        owned_by_after=re.compile(r"^(?:-|\s)?(?:owned|held|controlled)\s+by\s+", re.IGNORECASE),
        not_stake_after=re.compile(rf"^(?:\s|-)*(?:{_alt(terms['not_stake_after'])})\b", re.IGNORECASE),
        not_stake_object=re.compile(
            rf"^\s*of\s+(?:the\s+|its\s+|their\s+|[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)*['’]s\s+)?"
            rf"(?:[\w'’-]+\s+){{0,2}}?(?:{_alt(terms['not_stake_object'])})\b",
            re.IGNORECASE,
        ),
        change_before=re.compile(rf"\b(?:{_alt(terms['change_verb'])})\s+{_APPROX}$", re.IGNORECASE),
        non_company_holder=re.compile(rf"\b(?:{_alt(terms['non_company_holder'])})\b", re.IGNORECASE),
        sold_before=re.compile(r"\b(?:sell|sells|sold|selling|divest\w*|dispose\w*|offload\w*|unload\w*)\b",
                               re.IGNORECASE),
    )


@Language.factory("autonews_stakes", default_config={"models_dir": None})
def make_stakes(nlp: Language, name: str, models_dir: str | None) -> "StakesComponent":
    return StakesComponent(stake_grammar(models_dir))


@dataclass(frozen=True)
class _CompanyMention:
    start: int
    end: int
    name: str
    country: str | None = None


class StakesComponent:
    def __init__(self, grammar: StakeGrammar):
        self.g = grammar
        self.ventures: set[str] = set()  # the current document's joint ventures

    def __call__(self, doc: Doc) -> Doc:
        percents: list[PercentMatch] = sorted(doc._.autonews_percents or [], key=lambda p: p.start)
        mentions = _company_mentions(doc._.autonews_companies or [])
        taken_dates = [(d.start, d.end) for d in doc._.autonews_dates or []]
        companies = doc._.autonews_companies or []
        ventures = self.ventures = venture_names(doc_text(doc), companies)
        doc._.autonews_ventures = sorted(ventures)  # the deal reader uses the same list
        frequent = [c.name for c in sorted(companies, key=lambda c: (-len(c.mentions), c.mentions[0].start))]
        stakes: list[Stake] = []
        previous_stake_end: int | None = None
        for sentence in doc.sents:
            s_start, s_end = sentence.start_char, sentence.end_char
            in_sentence = [p for p in percents if s_start <= p.start < s_end]
            previous_stake_end = None
            for percent in in_sentence:
                if percent.points or any(s <= percent.start < e for s, e in taken_dates):
                    continue
                left = doc_text(doc)[s_start : percent.start]
                right = doc_text(doc)[percent.end : s_end]
                gap = doc_text(doc)[previous_stake_end : percent.start] if previous_stake_end is not None else None
                chained = gap is not None and re.fullmatch(
                    rf"(?:\s+(?:of|in)\s+(?:[a-z-]+\s+){{0,3}}[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)?"  # "of truck maker Isuzu"
                    rf"(?:\s*(?:,|-|–|\b(?:to|from|and|or|down|up|compared|with|directly|indirectly)\b))+\s*{_APPROX}",
                    gap, re.IGNORECASE,
                )
                # "will take 30%, Hyundai Mobis 20% and Hyundai Glovis 10%", "holding 51% against Yulon's 49%"
                listed = gap is not None and not chained and stakes and stakes[-1].start >= s_start and re.fullmatch(
                    rf"(?:\s+(?:of|in)\s+(?:the|its|their)\s+[\w-]+(?:\s+[\w-]+)?)?"  # "51% of the venture and Honda 49%"
                    rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+against\s+|\s+versus\s+|\s+while\s+)"
                    rf"(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,3}}(?:['’]s?)?\s+{_APPROX}",
                    gap,
                )
                # "51% owned by Stellantis and 49% by Leapmotor"
                owned_by_pair = gap is not None and stakes and stakes[-1].start >= s_start and re.match(
                    r"^\s*by\s+", right) and re.fullmatch(r"[^.;%]{0,100}?\s+and\s+", gap)
                continued = stakes and _CONTINUED_HOLDING.search(left) and not right.lstrip().startswith(("of", "in"))
                if not (chained or listed or owned_by_pair or continued or self._is_stake(left, right, percent)):
                    continue
                holder, target = self._roles(doc_text(doc), s_start, s_end, percent, mentions)
                if listed or owned_by_pair:
                    where = (previous_stake_end, percent.start) if listed else (percent.end, percent.end + 40)
                    named = next((m.name for m in mentions if where[0] <= m.start < where[1]), None)
                    holder, target = named, stakes[-1].target if stakes[-1].target != named else None
                    if target is None and listed:
                        # "... and Hyundai Glovis 10% of Boston Dynamics": the list's target comes at its end
                        target = self._target(doc_text(doc), s_start, s_end, percent, [],
                                              [m for m in mentions if percent.end <= m.start < s_end], mentions)
                        if target is not None:
                            for i in range(len(stakes) - 1, -1, -1):
                                if stakes[i].start < s_start:
                                    break
                                if stakes[i].target is None and stakes[i].holder != target:
                                    stakes[i] = stakes[i].model_copy(update={"target": target})
                elif stakes and (continued or chained and stakes[-1].start >= s_start):
                    if holder is not None and holder == stakes[-1].target:
                        holder = None  # "owns 49 percent of Isuzu and about 10 percent of Suzuki": Isuzu holds nothing
                    holder = holder or stakes[-1].holder
                    target = target or stakes[-1].target
                role = "held"
                if re.search(r"\bfrom\s+" + _APPROX + r"$", left, re.IGNORECASE):
                    role = "previous"
                elif re.search(r"\b(?:up to|at least)\s+$", left, re.IGNORECASE):
                    role = "targeted"
                elif self.g.sold_before.search(left[-60:]):
                    role = "sold"
                pairs = _each(doc_text(doc), percent, right, s_start, s_end, mentions, holder, target)
                partner_each = _EACH_PARTNER.search(left[-60:])
                each_partner = partner_each or re.match(r"^\s*each\b", right)
                venture = venture_near(doc_text(doc), s_start, s_end, percent.start, mentions, ventures) \
                    if each_partner else None
                if venture is not None:
                    # "Daimler and Geely each own 50 pct" of the venture named just before: each partner's share
                    partners = _partners(pairs, mentions, s_start, s_end, venture, frequent)
                    pairs = [(name, venture) for name in partners] or [(None, venture)]
                elif partner_each:
                    # "Each partner will hold 50%": one stake per partner, the two companies named last
                    partners = list(dict.fromkeys(m.name for m in reversed(mentions)
                                                  if m.end <= percent.start and m.name != target))[:2]
                    if len(partners) == 2:
                        pairs = [(name, target) for name in reversed(partners)]
                left_with = re.search(r"\b(?:left|leave|leaves|leaving)\s+(?P<who>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}|it|"
                                      rf"the\s+(?:[\w'’-]+\s+){{0,4}}(?:{COMPANY_NOUNS}))"
                                      r"\s+with\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:(?:stake|holding|interest)\s+of\s+)?"
                                      + _APPROX + "$", left)
                if left_with and left_with.group("who").startswith("the"):
                    # "Toyota's purchase ... left the world's largest automaker with a stake of roughly 2.5 percent":
                    # the company the sentence opens with, else the one the sentence before was about
                    opener = next((m.name for m in mentions if s_start <= m.start < s_start + left_with.start()
                                   and m.name != target), None)
                    named = opener or self._previous_subject(doc_text(doc), s_start, mentions, target)
                    pairs = [(named, target if target != named else None)] if named else pairs
                elif left_with and left_with.group("who") == "it":
                    # "Those two steps left it with roughly 7 pct of the carmaker"
                    named = self._previous_subject(doc_text(doc), s_start, mentions, target)
                    pairs = [(named, target if target != named else None)] if named else pairs
                elif left_with:
                    # "which had left Dongfeng with about 4.5%"
                    named = next((m.name for m in mentions if s_start + left_with.start("who") == m.start), None)
                    if named is not None:
                        pairs = [(named, target if target != named else None)]
                if re.search(r"\beach\s+(?:company|partner|side|group|carmaker|of them)\b", left[-80:]) \
                        and re.match(r"^[^.;]{0,40}?\bin\s+the\s+other\b", right):
                    # "leaving each company with a direct stake of 15% in the other": a cross-shareholding
                    pair = list(dict.fromkeys(m.name for m in reversed(mentions) if m.end <= percent.start))[:2]
                    if len(pair) == 2:
                        pairs = [(pair[1], pair[0]), (pair[0], pair[1])]
                same_sentence = [st.target for st in stakes if st.start >= s_start and st.target]
                if not same_sentence and not re.search(r"\b(?:take over|took over|buy|bought|acquire\w*|purchase\w*)\b",
                                                       left, re.IGNORECASE):
                    pairs = [(h, t if t is not None else _sentence_target(doc_text(doc), s_start, percent.start, s_end,
                                                                          mentions, h, ventures))
                             for h, t in pairs]
                for each_holder, each_target in pairs:
                    stakes.append(
                        Stake(text=percent.text, start=percent.start, end=percent.end,
                              percent=round(percent.value, 2), holder=each_holder, target=each_target, role=role)
                    )
                previous_stake_end = percent.end
        stakes = _fill_targets(stakes, _topic(doc._.autonews_companies or []), doc_text(doc), mentions)
        stakes += self._splits(doc, mentions, ventures, frequent)
        stakes.sort(key=lambda st: st.start)
        doc._.autonews_stakes = stakes
        return doc

    @staticmethod
    def _splits(doc: Doc, mentions: list[_CompanyMention], ventures: set[str], frequent: list[str]) -> list[Stake]:
        """"Leapmotor International, a 51:49 joint venture led by Stellantis": each partner's share of the venture."""
        found = []
        text = doc_text(doc)
        for sentence in doc.sents:
            s_start, s_end = sentence.start_char, sentence.end_char
            in_sentence = [m for m in mentions if s_start <= m.start < s_end]
            for match in _SPLIT.finditer(text, s_start, s_end):
                a, b = float(match.group("a")), float(match.group("b"))
                if abs(a + b - 100) > 0.01 or not re.search(r"venture|\bJV\b|owned|split|partnership|stake",
                                                              text[s_start:s_end], re.IGNORECASE):
                    continue
                venture = None
                before = [m for m in in_sentence if m.end <= match.start()]
                after = [m for m in in_sentence if m.start >= match.end()]
                # "its 50:50 venture with GM, Ultium Cells LLC": the partner follows "with", the venture after it
                partner_with = after[0] if after and re.fullmatch(
                    r"\s*(?:[\w-]+\s+){0,3}?(?:joint[\s-]venture|venture|JV)\s+with\s+(?:the\s+)?",
                    text[match.end() : after[0].start]) else None
                if before and re.fullmatch(r",?\s*(?:(?:is|was|will\s+be|became|as)\s+)?(?:(?:a|an|the|its|their)\s+)?"
                                           r"(?:new\s+)?", text[before[-1].end : match.start()]):
                    venture = before[-1].name  # "Ultium Cells, its 50:50 venture", "created Symbio as a 50-50 venture"
                elif partner_with is not None and len(after) > 1 and re.fullmatch(
                        r"\s*,\s*", text[partner_with.end : after[1].start]):
                    venture = after[1].name
                elif after and re.match(r"^[^.;]{0,40}?(?:venture|JV)[\s,]*(?:called\s+|named\s+)?$",
                                        text[match.end() : after[0].start]):
                    venture = after[0].name
                else:
                    venture = venture_near(text, s_start, s_end, match.start(), mentions, ventures, reach=300)
                partners = list(dict.fromkeys(m.name for m in in_sentence if m.name != venture))
                if partner_with is not None and partner_with.name != venture and re.search(
                        r"\b(?:its|their)\s+$", text[max(s_start, match.start() - 8) : match.start()], re.IGNORECASE):
                    # "its" venture with a named partner: the other partner is the sentence's subject, else the
                    # company the sentence before was about
                    owner = next((n for n in partners if n != partner_with.name), None) or \
                        StakesComponent._previous_subject(text, s_start, mentions, venture)
                    partners = [p for p in (owner, partner_with.name) if p]
                if len(partners) < 2:
                    partners = list(dict.fromkeys(partners + [n for n in frequent if n != venture]))
                leader = next((m.name for m in after if re.search(r"\b(?:led|controlled)\s+by\s+$",
                                                                   text[match.end() : m.start])), None)
                if leader and leader in partners:
                    partners = [leader] + [p for p in partners if p != leader]
                if len(partners) < 2:
                    continue
                for value, group, holder in ((a, "a", partners[0]), (b, "b", partners[1])):
                    found.append(Stake(text=match.group(group), start=match.start(group), end=match.end(group),
                                       percent=value, holder=holder, target=venture, role="held"))
        return found

    def _is_stake(self, left: str, right: str, percent: PercentMatch) -> bool:
        g = self.g
        near_left = left[-90:]
        if re.search(r"\b(?:carrying|carries|carried|bearing|bears|pays|paying|yielding|coupon of|rate of)\s+"
                     r"(?:an?\s+)?(?:annual\s+)?$", near_left, re.IGNORECASE):
            return False  # "a convertible note carrying 4.75% interest": a rate
        if _ISSUE_SIZE.search(near_left):
            return False  # "new stock worth £1bn, equal to 10% of its share capital": the size of an issue
        if _OWNERSHIP_LIST.search(left + right) and re.search(r"[A-Z][\w.&-]*['’]?s?\s+$", near_left[-30:]):
            return True  # "ownership structure: Magna 20 percent, Sberbank 35 percent"
        if g.not_stake_after.match(right) or g.not_stake_object.match(right):
            return False
        if g.stake_after.match(right) or g.owned_by_after.match(right):
            return True
        if g.share_object.match(right) and not g.change_before.search(near_left):
            return True
        if g.stake_noun_before.search(left[-130:]):
            return True
        if g.change_before.search(near_left):
            return False
        if percent.fraction:
            return bool(g.holding_verb_before.search(near_left) and re.match(r"^\s*(?:by|of|in)\b", right))
        if g.holding_verb_before.search(near_left):
            return True
        if g.company_object.match(right) and g.ownership_verb_before.search(near_left[-60:]):
            return True
        if _PAID_FOR.search(near_left):
            return True  # "paid about $700 million for 4.99 percent"
        return False

    def _roles(self, text: str, s_start: int, s_end: int, percent: PercentMatch,
               mentions: list[_CompanyMention]) -> tuple[str | None, str | None]:
        in_sentence = [m for m in mentions if s_start <= m.start < s_end]
        after = [m for m in in_sentence if m.start >= percent.end]
        before = [m for m in in_sentence if m.end <= percent.start]
        left = text[s_start : percent.start]
        right = text[percent.end : s_end]
        owned_by = self.g.owned_by_after.match(right) or (
            re.search(r"\b(?:owned|held|controlled)\s+$", left) and re.match(r"^\s*by\s+", right))
        if owned_by:
            # "Maruti Suzuki, 54 percent-owned by Suzuki", "Mazda, owned one-third by Ford"
            by_start = percent.end + owned_by.end()
            heads = [m for m in before if not re.match(
                r"\s+(?:supplier|unit|dealer|affiliate|subsidiary|partner|brand|customer|rival|plant|factory)\b",
                text[m.end : m.end + 20])]  # "a key Toyota supplier 22 percent-owned by": Toyota modifies
            target = heads[-1].name if heads else (before[-1].name if before else None)
            if target is None and opens_with_description(left):
                target = self._previous_subject(text, s_start, mentions, None)  # "The Amsterdam-based company is"
            if target is None and re.search(r"\b(?:the|this|that)\s+(?:new\s+)?(?:joint\s+)?venture\b", left):
                target = venture_near(text, s_start, s_end, percent.start, mentions, self.ventures)  # "the venture is"
            holder = next((m.name for m in after if m.start - by_start <= 25
                           and re.fullmatch(r"(?:[A-Z][\w.]*['’]s\s+|[A-Z][a-z]+\s+|[a-z-]+\s+){0,4}", text[by_start : m.start])),
                          None)  # "by France's Renault SA", "by Japanese Toyota"
            if holder is None:
                holder = self._described(text, percent.end, s_end, mentions, forward=True)
            if holder is None and re.match(rf"(?:the|its)\s+(?:[\w-]+\s+)?(?:{COMPANY_NOUNS})\b", text[by_start : by_start + 40]):
                # "22 percent-owned by the automaker": the company named last before, other than the owned one
                holder = next((m.name for m in reversed(before) if m.name != target), None)
            return holder, target if target != holder else None
        target = self._target(text, s_start, s_end, percent, before, after, mentions)
        held_by = re.match(r"\s*(?:stake|holding|interest|shareholding)\s+(?:held|owned)\s+by\s+(?:the\s+)?", right)
        if held_by and after and after[0].start == percent.end + held_by.end():
            # "bought back the 19.9 percent stake held by Volkswagen AG": the holder follows "held by"
            owner = after[0].name
            owned = target if target != owner else None
            if owned is None:
                owned = next((m.name for m in reversed(before) if m.name != owner), None) or \
                    self._previous_subject(text, s_start, mentions, owner)
            return owner, owned
        with_phrase = re.search(rf"\bwith\s+(?P<who>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,3}})(?:['’]s)?\s+"
                             rf"(?:holding|owning|keeping|taking|retaining|getting|having|cutting|raising|lifting|"
                             rf"reducing|increasing|rising)\s+(?:(?:its|their)\s+(?:stake|holding|share)\s+to\s+)?{_APPROX}$",
                             left)
        who = next((m for m in before if with_phrase and m.start == s_start + with_phrase.start("who")), None)
        if who is not None:
            # "The venture was formed in 2005, with Mahindra holding 51 percent", "with Daimler cutting its holding
            # to 10 percent": the noun of the absolute phrase holds; in a venture told just before
            owned = target if target not in {None, who.name} else None
            if owned is None and re.search(r"\b(?:joint[\s-]venture|venture|JV)\b", left):
                owned = venture_near(text, s_start, s_end, percent.start, mentions, self.ventures)
            return who.name, owned if owned != who.name else None
        opening = text[s_start : before[0].start] if before else left
        participle = re.search(rf",\s+(?:holding|owning|keeping|retaining|taking)\s+{_APPROX}$", left)
        if participle and not _EACH_PARTNER.search(left[-60:]):
            # "... set up Foxtron with Yulon Motor, holding 51%": the clause's subject holds, the company it set up
            founded = re.search(rf"\b{_FOUNDING_VERB}\s+$",
                                text[max(s_start, before[0].start - 30) : before[0].start] if before else "")
            made = [m for m in before if re.search(rf"\b{_FOUNDING_VERB}\s+(?:a\s+|an\s+|the\s+)?$",
                                                   text[max(s_start, m.start - 30) : m.start])]
            subject = before[0].name if before and not founded and not opens_with_description(opening) else \
                self._previous_subject(text, s_start, mentions, None)
            absolute = next((m for m in reversed(before) if re.search(r",\s+with\s+$", text[max(s_start, m.start - 8) : m.start])),
                            None)
            if absolute is not None:
                subject = absolute.name  # "..., with Panasonic, then called Matsushita, holding 60%": the "with" noun
            if made and subject and subject != made[0].name:
                return subject, made[0].name
            if before and not made and subject == before[0].name and len(before) > 1 \
                    and re.fullmatch(r"['’]s?\s+", text[before[0].end : before[1].start]):
                subject = before[1].name  # "SoftBank Group's Vision Fund will invest ..., taking a 19.6% stake"
            if not made and subject and subject != target and re.match(r",\s+taking\b", participle.group(0)):
                return subject, target  # "... will invest $2.25 billion in Cruise, taking a 19.6% stake"
        if re.match(r"\s*(?:(?:In|On|By|Last|This)\s+[\w ,]{0,25}?\s+)?(?:the|The)\s+(?:new\s+)?(?:joint\s+)?venture\s+(?!is\b|was\b)",
                    opening):
            # "In June 2014 the venture completed its purchase of a controlling 74.5% of AvtoVAZ"
            holder = venture_near(text, s_start, s_end, percent.start, mentions, self.ventures, reach=800)
            if holder is not None and holder != target:
                return holder, target
        if opens_with_description(opening) and not re.search(r";|\bwhile\b|,\s+(?:and|but)\s+", left):
            # "The carmaker behind Peugeot, Fiat and Jeep ... will invest ... for a stake of around 20%" (in the
            # sentence's first clause: "...; SoftBank will keep about 20 pct" has a subject of its own)
            subject = self._previous_subject(text, s_start, mentions, target)
            if subject is not None:
                return subject, target
        if self.g.sold_before.search(left[-40:]) or re.search(r"\b(?:sale|placement|placing)\s+of\s+(?:\S+\s+){0,2}$", left):
            to_buyer = re.match(r"^(?:\s+[\w.&-]+){0,7}?\s+to\s+", right)
            buyer = _first_after(text, percent.end + to_buyer.end(), after, allow_possessive=True) if to_buyer else None
            if buyer is not None:
                # "the sale of a 9.1 percent stake to Abu Dhabi's Aabar": the buyer will hold it
                return buyer.name, target or next((m.name for m in before if m.name != buyer.name), None)
            if re.search(r"\b(?:sell|sells|sold|selling|offload\w*|divest\w*)\s+(?:its|their)\s+(?:entire\s+|whole\s+|remaining\s+)?$",
                         left[-50:]):
                # "Renault agreed to sell its 67.69% stake in AvtoVAZ": the seller's holding, as it stands
                seller = [m for m in before if m.name != target]
                named = seller[-1].name if seller else self._previous_subject(text, s_start, mentions, target)
                if named is not None:
                    return named, target
            return None, target  # a block that changes hands: its seller no longer holds it
        if re.search(r"\b(?:additional|another|further)\s+$", left):
            return None, target  # an increment: the holding after it is another figure
        which = re.search(r"(?:,\s*)?\bin which\s+(?P<who>it|\w+)\s+(?:holds|owns|has|had|held|owned)\s+(?:\w+\s+)?$", left)
        if which and before:
            # "Maruti Suzuki, in which it holds 56%", "Denso, in which Toyota owns roughly 24%"
            antecedent = [m for m in before if m.end <= s_start + which.start()]
            target = (antecedent or before)[-1].name
            if re.search(r"\b(?:joint[\s-]venture|venture)\b(?:\s+with\s+[^.;,]{1,60})?\s*,?\s*$", left[: which.start()]):
                # "Foxtron, a joint venture with Yulon Motor in which Foxconn holds 51%": the venture
                target = venture_near(text, s_start, s_end, s_start + which.start(), mentions, self.ventures) or target
            who = next((m.name for m in before if m.start >= s_start + which.start() and m.name != target), None)
            if who is not None:
                return who, target
            subject = next((m.name for m in before if m.name != target), None)
            return subject or self._previous_subject(text, s_start, mentions, target), target
        whose = next((m for m in reversed(before) if re.match(r"^,?\s+whose\b", text[m.end : m.end + 9])), None)
        if whose is not None:
            # "... equity ties with Ford, whose stake has dropped to 11 percent": Ford's stake in the subject
            subject = next((m.name for m in reversed(before) if m.name != whose.name and m.end <= whose.start), None)
            return whose.name, subject or target
        that_owns = re.match(r"^\s+(?:of|in)\s+[^.;,]{1,60}?\s+(?:that|which)\s+(?P<who>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)\s+"
                             r"(?:owns|owned|holds|held|has|had)\b", right)
        if that_owns:
            # "the 90 pct of Fiat Auto SpA that Fiat owns"
            who = next((m.name for m in after if m.start == percent.end + that_owns.start("who")), None)
            if who is not None:
                return who, target if target != who else None
        told_after = re.match(r"^\s*(?:[\w-]+\s+)?(?:stake|holding|interest)\s+(?:that\s+|which\s+)?(?=the\s)", right)
        if told_after and re.match(r"the\s+\S+\s+(?:[a-z-]+\s+)?\w+\s+(?:had|has|have)\s+(?:acquired|bought|taken|held|built)",
                                   text[percent.end + told_after.end() : percent.end + told_after.end() + 60]):
            # "buy back the 19.9% stake the German group had acquired": the holder is described after the stake
            described_holder = self._described(text, percent.end, s_end, mentions, forward=True, exclude=target)
            if described_holder is not None:
                return described_holder, target or next((m.name for m in before if m.name != described_holder), None)
        if before and re.match(r",\s+its\s+(?:[\w-]+\s+){0,2}(?:shareholder|investor|owner)\b",
                               text[before[-1].end : percent.start]):
            # "a heavy blow to Volkswagen, its largest shareholder with a stake of about 21%"
            owned = next((m.name for m in before if m.name != before[-1].name), None)
            return before[-1].name, owned or self._previous_subject(text, s_start, mentions, before[-1].name)
        if before and before[-1].name != target and re.fullmatch(
                rf"\s+(?:with|at)\s+{_APPROX}", text[before[-1].end : percent.start], re.IGNORECASE):
            return before[-1].name, target  # "followed by Itochu with more than 7 percent"
        # holder: a possessive ("Ford's 33.4% stake"), unless it names the owned company
        possessive = next(
            (m for m in reversed(before) if re.match(r"^['’]s?\s", text[m.end : m.end + 3])
             and m.name != target and percent.start - m.end <= 80
             and not re.search(r",\s+(?:which|who|that)\b", text[m.end : percent.start])), None
        )  # not "Mercedes-Benz's main Chinese partner remains BAIC Group, which bought a 5 percent stake"
        if possessive is not None:
            if re.match(r"^['’]s?\s+(?:[\w-]+\s+){0,2}(?:shareholder|investor|owner|stakeholder)",
                        text[possessive.end : possessive.end + 60]):
                # "Porsche SE remains Volkswagen's largest shareholder with 50.7%"
                subject = next((m.name for m in before if m.name != possessive.name), None)
                return subject, possessive.name
            return possessive.name, target
        described = self._described(text, s_start, percent.start, mentions, forward=False, exclude=target)
        candidates = [m for m in before if m.name != target]
        if described is not None and (not candidates or _DESCRIPTION.search(text[candidates[-1].end : percent.start])):
            return described, target  # "the Italian automaker's holding", "the French group holds"
        if not candidates:
            if re.search(r"\b(?:it|its|the (?:company|group|firm|carmaker|automaker|maker|[\w-]+-based \w+))\b",
                         left, re.IGNORECASE):
                return self._previous_subject(text, s_start, mentions, target), target
            return None, target
        nearest, first = candidates[-1], candidates[0]
        between = text[nearest.end : percent.start]
        if re.search(r"(?:,|;|\band\b|\bbut\b|\bwhile\b)\s+it\s+(?:[\w-]+\s+){1,4}$", between):
            # "it agreed to buy 20% of Fuji Heavy, maker of Subaru cars, and it already owns 49 percent of Isuzu":
            # "it" is the sentence's subject, not the company named last
            if opens_with_description(opening):
                return self._previous_subject(text, s_start, mentions, target), target
            if first.name != target and first is not nearest:
                return first.name, target
        if self.g.non_company_holder.search(between):
            return None, target
        if re.match(r"^,?\s+which\s+(?:[\w-]+\s+){0,3}?(?:holds|owns|has|controls|held|owned|had|bought|acquired|"
                    r"took|purchased|raised|lifted)\b", between):
            return nearest.name, target  # "turned to Renault, which holds about 36% of Nissan"
        if re.search(r"\s+and\s+(?:then\s+|later\s+|also\s+)?(?:took|bought|acquired|purchased|raised|lifted|increased|"
                     r"takes|buys|acquires|raises|lifts)\s+(?:\S+\s+){0,3}$", between) and first.name != target:
            # "bought Volvo from Ford in 2010 and took 51 pct of Lotus": the verbs share the sentence's subject
            if opens_with_description(text[s_start : first.start]):
                return self._previous_subject(text, s_start, mentions, target) or first.name, target
            return first.name, target
        if nearest is not first and re.match(r"^,\s+(?:the|a|an|its)\s", text[first.end : first.end + 8]) \
                and "," in between:
            return first.name, target  # "Alfa-Eco, the venture arm of Alfa Group, has a 20% stake"
        if re.search(r"\b(?:in|of|from|with|than|into|pay|pays|paid|paying)\s+(?:the\s+)?$",
                     text[max(s_start, nearest.start - 8) : nearest.start]):
            # "... and will pay Aptiv 448 mln dlrs for 11 pct of Motional": the company paid sells
            earlier = [m for m in candidates[:-1]]
            return (earlier[-1].name if earlier else None), target
        return nearest.name, target

    @staticmethod
    def _described(text: str, start: int, end: int, mentions: list[_CompanyMention], *, forward: bool,
                   exclude: str | None = None) -> str | None:
        """"the Italian automaker", "the U.S. automaker's", "the French group": the latest company of that
        nationality named before the description."""
        matches = list(_DESCRIPTION.finditer(text, start, end))
        if not matches:
            return None
        match = matches[0] if forward else matches[-1]
        country = nationality_country(match.group("nat"))
        if country is None:
            return None
        earlier = [m for m in mentions if m.end <= match.start() and m.country == country and m.name != exclude]
        return earlier[-1].name if earlier else None

    def _target(self, text: str, s_start: int, s_end: int, percent: PercentMatch, before: list[_CompanyMention],
                after: list[_CompanyMention], mentions: list[_CompanyMention]) -> str | None:
        right = text[percent.end : s_end]
        described = _DESCRIBED_OBJECT.match(right)
        if described:
            # "36.8 pct of its Japanese partner", "a 34% stake in the scandal-hit carmaker"
            country = nationality_country(described.group("nat")) if described.group("nat") else None
            # the subject of the percent's own clause ("Renault lifted its holding ..., while Nissan took 15 percent
            # of the French group": Nissan); a possessive is no subject ("Mercedes-Benz's main partner ...")
            breaks = list(re.finditer(r",\s+(?:while|and|but|whereas)\s+|;\s+", text[s_start : percent.start]))
            clause = [m for m in before if m.start >= s_start + (breaks[-1].end() if breaks else 0)]
            subject = clause[0].name if clause and not re.match(r"['’]s?\s", text[clause[0].end : clause[0].end + 3]) \
                else None
            for pool in (before, [m for m in mentions if m.end <= s_start]):
                fitting = [m for m in pool if m.name != subject and (country is None or m.country == country)]
                if fitting:
                    return fitting[-1].name
        called = re.match(r"^(?:\s+\S+){0,4}?\s+(?:in|of)\s+(?:the|that|this|a|its|their)\s+(?:[a-z-]+\s+){0,3}?"
                          r"(?:new\s+)?(?:joint\s+)?"
                          r"(?:venture|company|unit|subsidiary|business|arm|division)"
                          r"(?:\s*,\s*(?:(?:tentatively|provisionally|to be)\s+)?(?:called\s+|named\s+|dubbed\s+)?|"
                          r"\s+(?:(?:tentatively|provisionally|to be)\s+)?(?:called|named|dubbed)\s+)", right)
        if called:
            candidate = _first_after(text, percent.end + called.end(), after)
            if candidate is not None:
                return candidate.name  # "a 49 pct stake in the venture, tentatively called LG Magna e-Powertrain"
        object_match = re.match(r"^(?:[\s-]*[\w-]+){0,4}?\s+(?:in|of)\s+", right)
        if object_match:
            anchor = percent.end + object_match.end()
            if re.match(r"it\b", text[anchor : anchor + 3]):
                return before[0].name if before else None  # "its 20 percent stake in it"
            described = re.match(r"(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,2}?(?P<noun>joint venture|venture|JV|"
                                 r"company|business|unit|carmaker|automaker|maker|firm|project|group)\b", text[anchor : anchor + 60])
            if described:
                # "51% of the venture and Honda the remaining 49%": the object is described, not the name after it
                if described.group("noun") in {"joint venture", "venture", "JV"}:
                    return venture_near(text, s_start, s_end, percent.start, mentions, self.ventures)
                return None
            candidate = _first_after(text, anchor, after)
            if candidate is not None:
                return _unit_of(text, candidate, mentions).name
        # "raised its stake in JAC to 50%", "invest 1.5bn euros in Leapmotor ... for a stake of 20%"
        left = text[s_start : percent.start]
        for anchor_match in reversed(list(_TARGET_ANCHOR.finditer(left))):
            candidate = _first_after(text, s_start + anchor_match.end(), before)
            if candidate is not None:
                return _unit_of(text, candidate, mentions).name
        return None

    @staticmethod
    def _previous_subject(text: str, s_start: int, mentions: list[_CompanyMention], target: str | None) -> str | None:
        """"it would own 97.3%": the first company named in the nearest earlier sentence that names one; where
        that sentence has "it" or "the carmaker" as its own subject ("In January it took control of Saab"), the
        company that one stands for."""
        for _ in range(3):
            earlier = [m for m in mentions if m.end <= s_start and m.name != target]
            if not earlier:
                return None
            last = earlier[-1]
            sentence_start = max(text.rfind(". ", 0, last.start), text.rfind("\n", 0, last.start)) + 1
            in_that_sentence = [m for m in earlier if m.start >= sentence_start]
            first = (in_that_sentence or [last])[0]
            if not in_that_sentence or not opens_with_description(text[sentence_start : first.start]):
                return first.name
            s_start = sentence_start
        return first.name


def _each(text: str, percent: PercentMatch, right: str, s_start: int, s_end: int,
          mentions: list[_CompanyMention], holder: str | None, target: str | None) -> list[tuple[str | None, str | None]]:
    """"takes 3.1 pct each of Renault and Nissan" and "Renault and Nissan will hold 1.55 pct each": one stake per
    company of the pair."""
    each_of = re.match(r"^\s*each\s+(?:of|in)\s+", right)
    if each_of:
        start = percent.end + each_of.end()
        pair = _conjoined(text, [m for m in mentions if start <= m.start < s_end], start)
        if len(pair) > 1:
            return [(holder, name) for name in pair if name != holder]
    elif re.match(r"^\s*each\b", right):
        before = [m for m in mentions if s_start <= m.start and m.end <= percent.start]
        for first in before:
            pair = _conjoined(text, [m for m in before if m.start >= first.start], first.start)
            if len(pair) > 1:
                return [(name, target) for name in pair if name != target]
    return [(holder, target)]


def _sentence_target(text: str, s_start: int, position: int, s_end: int, mentions: list[_CompanyMention],
                     holder: str | None, ventures: set[str]) -> str | None:
    """A holding whose sentence names no target after it: "the largest Stellantis shareholders are Exor ... with
    14.4%" (the company whose shareholders are listed), else the only other company the sentence names
    ("cut Dongfeng's holding to roughly 3.2%" beside "Stellantis' capital")."""
    in_sentence = [m for m in mentions if s_start <= m.start < s_end]
    for m in in_sentence:
        if m.end <= position and re.match(r"^(?:['’]s?)?\s+(?:[\w-]+\s+){0,2}shareholders?\b", text[m.end : m.end + 40]) \
                and m.name != holder:
            return m.name
    shareholders_of = re.search(r"\bshareholders?\s+(?:of|in)\s+", text[s_start:position])
    if shareholders_of:
        after = [m for m in in_sentence if m.start >= s_start + shareholders_of.end()]
        if after and after[0].start - (s_start + shareholders_of.end()) < 30 and after[0].name != holder:
            return after[0].name
    if holder is None:
        return None
    others = {m.name for m in in_sentence if m.name != holder and m.name not in ventures}
    if len(others) != 1:
        return None
    other = others.pop()
    return other if any(m.name == other and m.end <= position for m in in_sentence) else None


def _partners(pairs: list[tuple[str | None, str | None]], mentions: list[_CompanyMention], s_start: int,
              s_end: int, venture: str, frequent: list[str]) -> list[str]:
    """The two partners of a venture: a pair the sentence joins ("Daimler and Geely each own"), else the
    companies the sentence names, completed by the companies the article names most often."""
    paired = [h for h, _ in pairs if h and h != venture]
    if len(paired) >= 2:
        return paired
    named = list(dict.fromkeys(m.name for m in mentions if s_start <= m.start < s_end and m.name != venture))
    if len(named) >= 2:
        return named[:2]
    return list(dict.fromkeys(named + [n for n in frequent if n != venture]))[:2]


def _conjoined(text: str, mentions: list[_CompanyMention], start: int) -> list[str]:
    """Names joined by "and" / "," from ``start``: "Renault and Nissan"."""
    names, position = [], start
    for mention in mentions:
        if not re.fullmatch(r"\s*(?:,|and|,\s*and)?\s*", text[position : mention.start]):
            break
        names.append(mention.name)
        position = mention.end
    return list(dict.fromkeys(names))


def _first_after(text: str, anchor: int, mentions: list[_CompanyMention],
                 allow_possessive: bool = False) -> _CompanyMention | None:
    """The company named right after ``anchor``, past a few describing words ("Chinese electric-car maker",
    and with ``allow_possessive`` a place's possessive: "Abu Dhabi's Aabar")."""
    for mention in mentions:
        if mention.start < anchor:
            continue
        gap = text[anchor : mention.start]
        if allow_possessive:
            gap = re.sub(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)?['’]s\s", " ", gap)
        gap = re.sub(r"\b(?:U\.S\.|U\.K\.|S\.|St\.)", "US", gap)  # "U.S. robot maker Boston Dynamics"
        if len(gap) <= 60 and not re.search(r"[,.;:()]", gap) and len(gap.split()) <= 5:
            return mention
        return None
    return None


@lru_cache(maxsize=1)
def _nationalities() -> dict[str, str]:
    return {form.lower(): r["country"] for r in load_jsonl("nationalities.jsonl") for form in r["forms"]}


def nationality_country(word: str) -> str | None:
    return _nationalities().get(word.lower().rstrip("'’s"))


def _topic(companies: list[Company]) -> str | None:
    """The company the article is about: the one named most often."""
    if not companies:
        return None
    return max(companies, key=lambda c: (len(c.mentions), -c.mentions[0].start)).name


_DESCRIBED_TARGET = re.compile(rf"\s*(?:[\w-]+\s+){{0,2}}?(?:of|in)\s+the\s+(?:[\w.,-]+\s+){{0,3}}?(?:{COMPANY_NOUNS})\b",
                               re.IGNORECASE)
_HOLDING_IN = re.compile(r"\b(?:stake|holding|position|interest|investment|shareholding|shares)\s+in\s+(?:the\s+)?",
                         re.IGNORECASE)


def _fill_targets(stakes: list[Stake], topic: str | None, text: str, mentions: list[_CompanyMention]) -> list[Stake]:
    """"bought 21 pct of the stock": the target is the one this holder's other stakes in the article name;
    failing that, the company a holding was last said to be in ("Porsche has built its position in Rimac step
    by step. The sports-car maker bought a 10% stake in June 2018"), or the one the stakes just before were in,
    else the company the article is about."""
    known: dict[str, list[str]] = {}
    for stake in stakes:
        if stake.holder and stake.target:
            known.setdefault(stake.holder, []).append(stake.target)
    result: list[Stake] = []
    for stake in stakes:
        recent_stake = next((s for s in reversed(result) if s.target and s.target != stake.holder
                             and stake.start - s.start < 600), None)
        said = None if stake.target else _holding_said_in(
            text, mentions, max(recent_stake.end if recent_stake else 0, stake.start - 400), stake.start,
            stake.holder)
        if said is None and not stake.target and stake.holder and _DESCRIBED_TARGET.match(text, stake.end):
            # "The U.S. group bought 80 percent of the Ruesselsheim-based carmaker": the company the sentence
            # before was about, other than the buyer
            sentence_start = max(text.rfind(". ", 0, stake.start), text.rfind("\n", 0, stake.start)) + 1
            said = StakesComponent._previous_subject(text, sentence_start, mentions, stake.holder)
        if said is None and not stake.target and result and result[-1].holder == stake.holder and result[-1].target \
                and ". " not in text[result[-1].end : stake.start]:
            said = result[-1].target  # "bought a 10% stake in Rimac in 2018, raised it to 15.5% in 2019"
        if said is not None:
            stake = stake.model_copy(update={"target": said})
        elif stake.holder and not stake.target and len(set(known.get(stake.holder, []))) == 1:
            stake = stake.model_copy(update={"target": known[stake.holder][0]})
        elif not stake.target:
            # the company the stakes just before were in ("Geely will lift its stake in Aston Martin to 17 pct.
            # ... Yew Tree's holding will fall to 21 pct"), else the company the article is about
            fallback = (recent_stake.target if recent_stake else None) or (topic if topic != stake.holder else None)
            if fallback is not None:
                stake = stake.model_copy(update={"target": fallback})
        result.append(stake)
    return result


def _unit_of(text: str, owner: _CompanyMention, mentions: list[_CompanyMention]) -> _CompanyMention:
    """"a stake in General Motors' self-driving unit Cruise" (or "... business, GM Cruise Holdings"): the unit
    named after its owner's possessive, else the owner."""
    unit = re.match(r"['’]s?\s+(?:[\w-]+\s+){0,4}?(?:business|unit|arm|division|subsidiary|venture|operations?),?\s+",
                    text[owner.end : owner.end + 80])
    return next((m for m in mentions if unit and m.start == owner.end + unit.end()), owner)


def _holding_said_in(text: str, mentions: list[_CompanyMention], start: int, end: int,
                     holder: str | None) -> str | None:
    """The company named last in the span as the object of "stake / position / holding in"."""
    for match in reversed(list(_HOLDING_IN.finditer(text, start, end))):
        named = next((m.name for m in mentions if m.start == match.end()), None)
        if named is not None and named != holder:
            return named
    return None


def _company_mentions(companies: list[Company]) -> list[_CompanyMention]:
    found = [_CompanyMention(m.start, m.end, c.name, c.country) for c in companies for m in c.mentions]
    return sorted(found, key=lambda m: m.start)
