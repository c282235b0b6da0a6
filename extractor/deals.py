"""Sentences -> deals: who invested in, bought, partnered with, licensed from or supplied whom.

Per clause (a sentence, or each part of one joined by "and took ...", "; ", ", while ..."), trigger patterns
(``models/deal_triggers.jsonl``) propose deal types; status patterns (``models/deal_status.jsonl``) turn talks,
rumours, intentions, denials, cancellations and exits into signals instead of deals. Parties come from the
clause's companies in role order (a stake's holder and target where the clause has one; "it" or "the
carmaker" stands for the company the sentence before was about); the date, amount and stake are the ones
the clause gives, else a price or holding told in the sentences around it. Deals told in passing ("Lotus,
the maker it bought in 1996") are read too; a header line counts only where the body tells no such deal.
Money a partner puts into a venture joins the venture's record. A deal told over several sentences is
merged into one record (same type and parties, compatible dates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .reference import opens_with_description
from .resources import load_jsonl
from .schema import Amount, Company, DateValue, Deal, DealAmount, DealSignal, Mention, Stake, Technology
from .ventures import venture_names

_EVENT = re.compile(
    r"\b(?:sign(?:s|ed|ing)?|agree(?:s|d|ment)?|announc\w+|form(?:s|ed|ing)?|enter(?:s|ed|ing)?|str(?:ike|uck)|"
    r"reach(?:es|ed)?|launch\w*|expand\w*|extend\w*|deepen\w*|will|plans?|planned|set up|sets up|establish\w*|"
    r"unveil\w*|seal\w*|ink(?:s|ed)?|team(?:s|ed)? up|join(?:s|ed)? forces|tie(?:d)? up|link(?:ed)? up|"
    r"complet\w+|clos(?:e|es|ed)|became|become|swap\w*|to (?:jointly )?(?:develop|build|make|produce|share|"
    r"collaborate|cooperate|supply|provide|work))\b",
    re.IGNORECASE,
)
_COMPLETION = re.compile(
    r"\b(?:agreed|signed|completed|closed|sealed|inked|finali[sz]ed|approved|will (?:buy|acquire|invest|take|pay)|"
    r"has (?:bought|acquired)|bought|acquired|invested|announced)\b",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"\b(?:control|controlling|majority|whole|entire|all of|outright|full ownership|"
                      r"takeover|take over|took over|taking over|buy-?out|bought out|remaining|"
                      r"(?:does|did|do) not already own|rest of)\b", re.IGNORECASE)
_CONTROL_GIVEN = re.compile(r"\b(?:the|this|that)\s+(?:\w+\s+){0,2}(?:stake|deal|purchase|investment|transaction|holding)\s+"
                            r"(?:will\s+|would\s+)?(?:gives?|hands?|brings?|grants?|secures?)\s+(?:\w+\s+){1,4}?"
                            r"(?:(?:effective|management|full|majority|outright)\s+)?control\b", re.IGNORECASE)
_BACKGROUND = re.compile(r"\b(?:had|was formed|were formed|previously|formerly|former|earlier|in the past|ago|since|"
                         r"originally|first (?:bought|took|invested))\b", re.IGNORECASE)
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|before|through|starting(?: in)?|from|beginning(?: in)?|in about)\s+"
                              r"(?:the\s+end\s+of\s+|early\s+|mid-|late\s+|around\s+)?$", re.IGNORECASE)
# "models to be launched in 2026", "production will start in 2027": a product's date, not the deal's
_LAUNCH_BEFORE = re.compile(r"\b(?:launch\w*|to be (?:launched|built|produced|sold|introduced)|go(?:es)? on sale|"
                            r"(?:start|begin)\w* (?:production|deliveries|sales)|production (?:will )?(?:start|begin)\w*|"
                            r"roll\w* out|arriv\w*|in production|due)\b[^.;,]{0,20}$", re.IGNORECASE)
_ANAPHORA = re.compile(r"\b(?:both (?:parties|companies|sides|firms)|the two (?:companies|firms|sides|groups|"
                       r"carmakers|automakers|partners)|the (?:companies|partners|pair)|their|they)\b", re.IGNORECASE)
# "Through this cooperation ...", "The deal ...": the sentence continues the deal before it
_SAME_DEAL = re.compile(r"\b(?:this|the|that|the same)\s+(?:\w+\s+){0,2}(?:deal|agreement|cooperation|partnership|"
                        r"transaction|investment|acquisition|purchase|tie-up|alliance|accord)\b", re.IGNORECASE)
_LABOUR_DEAL = re.compile(r"\b(?:agreements?|deals?|pacts?|accords?|contracts?)\s+(?:\S+\s+){0,3}?with\s+(?:the\s+|its\s+|their\s+)?"
                          r"(?:UAW|CAW|IG Metall|unions?|workers|employees|creditors|lenders|bondholders|stakeholders|"
                          r"government|regulators|dealers|retirees)\b|\b(?:cost-cutting|labou?r|wage|contract|"
                          r"concessions?)\s+(?:deal|agreement|pact)s?\b|\b(?:deal|agreement)s?\s+on\s+(?:wages|"
                          r"benefits|labou?r|cost cuts|costs|pensions)\b", re.IGNORECASE)
# supply triggers told from the customer's side: the company after the verb supplies
_BUYER_SIDE = re.compile(r"(?:selected|selects|select|chose|chooses|choose|picked|picks|relies on|relying on|rely on|"
                         r"(?:agreed|agrees|signed|will|to) (?:to )?(?:use|source|buy|purchase)|sources|sourcing|"
                         r"(?:an |a )?order for|(?:signing|signed|signs) up to (?:buy|source|purchase)|"
                         r"(?:buy|buys|bought|buying|order|orders|ordered|ordering|purchase|purchases|purchased) "
                         r"(?:up to |a further |another |an initial |about |some |nearly |more than )?\d[\d,]*)\b", re.IGNORECASE)
_NOMINAL_REFERENCE = re.compile(r"\b(?:the|this|that|its|their|such a)\s+(?:[\w-]+\s+){0,1}$", re.IGNORECASE)
_JV_REFERENCE = re.compile(r"\b(?:the|its|their|this|that|another)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_JV_FOUNDING = re.compile(r"\b(?:form\w*|set(?:s|ting)? up|establish\w*|creat\w+|launch\w*|sign\w*|agree\w*|"
                          r"announc\w+|found\w*|unveil\w*|start\w*|plan\w* to|will (?:form|create|set up))\b",
                          re.IGNORECASE)
_PRICE_CUE = re.compile(r"\b(?:for|pay|pays|paid|paying|invest\w*|worth|valued at|valuing|price of|cost of|"
                        r"investment of|capital of|inject\w*|spend\w*|spent|total of)\s+(?:about\s+|around\s+|roughly\s+|"
                        r"some\s+|up to\s+|approximately\s+|nearly\s+|almost\s+|more than\s+|over\s+|at least\s+|"
                        r"an? (?:initial|total|combined)\s+|a combined\s+)?\S*\s*$",
                        re.IGNORECASE)
# a cooperation told as its own agreement, beside a stake purchase in the same sentence
_PARTNER_VERB = re.compile(r"\b(?:agreed|agree|agrees|plan|plans|will) to (?:jointly (?:develop|build|make|produce)|"
                           r"co-?develop|develop jointly|cooperate|collaborate|work together|build jointly)|"
                           r"\b(?:strategic )?alliance\b|\b(?:strategic|technology|technical|industrial) (?:partnership|"
                           r"cooperation)|\bpartnership (?:to|on|for|that)\b|\bco-?develop\w*|\bjointly develop\w*|"
                           r"\bcollaborat\w+|\bas part of (?:a|an|the|its|their) (?:[\w-]+ ){0,3}?(?:pact|partnership|"
                           r"alliance|tie-?up|cooperation|deal to)", re.IGNORECASE)
# "In 2016 it paid ...": "it" as a clause's subject; "Google bought it in 2013": "it" as a deal's object
_IT_SUBJECT = re.compile(r"\bit\s+(?:\w+ly\s+)?(?:will|would|has|had|is|was|said|agreed|signed|formed|bought|took|sold|"
                         r"invested|acquired|set up|struck|made|paid|raised|completed|won|expanded|teamed|partnered|"
                         r"joined|created|established|founded|picked|chose|selected|licensed|supplied|injected|committed|"
                         r"put|entered|reached|sealed|inked|snapped|purchased|merged)\b")
_IT_OBJECT = re.compile(r"\b(?:bought|buys|buy|buying|acquired|acquires|acquire|acquiring|purchased|took over|took control "
                        r"of|invested in|sold|sell|sells|selling|merged with|spun off)\s+it\b(?!\s+(?:a|an|the|some|more)\b)")
# a second deal verb sharing the sentence's subject: "It bought Volvo Cars in 2010 and took 51 pct of Lotus in 2017"
_DEAL_VERB = (r"(?:took|bought|acquired|purchased|invested|formed|set up|created|founded|paid|agreed to (?:buy|acquire|"
              r"invest|take|form)|signed)\b")
_GRANULARITY_RANK = {"day": 0, "month": 1, "quarter": 2, "half": 3, "year": 4}


@dataclass(frozen=True)
class DealGrammar:
    triggers: tuple[tuple[str, re.Pattern], ...]
    statuses: tuple[tuple[str, re.Pattern], ...]
    stake_verbs: re.Pattern  # buying, raising, paying for or being given a holding (models/stake_deal_verbs.jsonl)


@lru_cache(maxsize=4)
def deal_grammar(models_directory: str | None = None) -> DealGrammar:
    triggers = sorted(load_jsonl("deal_triggers.jsonl", models_directory), key=lambda r: r.get("priority", 9))
    statuses = load_jsonl("deal_status.jsonl", models_directory)
    return DealGrammar(
        triggers=tuple((r["type"], re.compile("|".join(f"(?:{p})" for p in r["patterns"]), re.IGNORECASE))
                       for r in triggers),
        statuses=tuple((r["status"], re.compile("|".join(f"(?:{p})" for p in r["patterns"]), re.IGNORECASE))
                       for r in statuses),
        stake_verbs=re.compile("|".join(f"(?:{r['pattern']})" for r in load_jsonl("stake_deal_verbs.jsonl",
                                                                                   models_directory)), re.IGNORECASE),
    )


@dataclass
class _Mention:
    start: int
    end: int
    name: str


@dataclass
class _Candidate:
    type: str
    parties: list[str]
    roles: dict[str, str]
    date: str | None
    amount: DealAmount | None
    stake: float | None
    technologies: list[str]
    evidence: Mention
    venture: str | None = None
    sentence_index: int = 0
    header: bool = False
    extra: list[str] = field(default_factory=list)


def find_deals(
    text: str,
    sentences: list[tuple[int, int]],
    companies: list[Company],
    dates: list[DateValue],
    amounts: list[Amount],
    stakes: list[Stake],
    technologies: list[Technology],
    published: date | None,
    grammar: DealGrammar,
    ventures: list[str] | None = None,
) -> tuple[list[Deal], list[DealSignal]]:
    """``ventures``: the article's joint ventures as the stake reader found them (computed here when absent)."""
    mentions = sorted((_Mention(m.start, m.end, c.name) for c in companies for m in c.mentions),
                      key=lambda m: m.start)
    candidates: list[_Candidate] = []
    signals: list[DealSignal] = []
    ventures = frozenset(venture_names(text, companies) if ventures is None else ventures)
    previous_parties: list[str] = []
    units = [(index, sentence, clause) for index, sentence in enumerate(sentences)
             for clause in _clauses(text, sentence, mentions)]
    quoted = [m.span() for m in _QUOTE.finditer(text)]
    clause_subject: str | None = None
    it_referent: str | None = None  # the company "it" stood for earlier in the sentence
    for index, (s_start, s_end), (start, end) in units:
        sentence = text[start:end]
        if start == s_start:
            clause_subject = None
        elif not re.match(rf"\s*(?:then\s+|later\s+|also\s+)?{_DEAL_VERB}", sentence):
            # "... and took 51 pct of Lotus" keeps the subject of the clause before it; other clauses have their own
            clause_subject = None
        # a header line ("-- PSA, BMW invest 100 million euros in hybrid JV --") restates the body: its deal is
        # kept only where the body tells none of that type between the same companies
        header = _in_header(text, start + len(sentence) - len(sentence.lstrip()))
        in_sentence = [m for m in mentions if start <= m.start < end]
        if clause_subject is not None and start != s_start:
            in_sentence = [_Mention(start, start, clause_subject)] + [m for m in in_sentence if m.name != clause_subject]
        names = list(dict.fromkeys(m.name for m in in_sentence))
        opening = text[start : in_sentence[0].start if in_sentence else end]
        subject = previous_parties[0] if previous_parties and (
            opens_with_description(opening) or re.match(r"\s*Its\s", opening) or _IT_SUBJECT.search(opening)
        ) else None
        told_as_it = _IT_OBJECT.search(sentence)
        if start == s_start:
            it_referent = None
        if told_as_it and (previous_parties or it_referent) and names and subject is None:
            # "Google bought it in 2013, then sold it to TPG": "it" is the company the sentence before was about
            referent = it_referent or next((n for n in previous_parties if n not in names), None)
            it_referent = referent
            if referent is not None and referent not in names:
                at = start + told_as_it.end() - 2
                in_sentence = sorted(in_sentence + [_Mention(at, at + 2, referent)], key=lambda m: m.start)
                names = list(dict.fromkeys(m.name for m in in_sentence))
        if start == s_start:
            clause_subject = subject or (in_sentence[0].name if in_sentence and len(opening) < 40 else None)
        if _CONTROL_GIVEN.search(sentence) and candidates and candidates[-1].type == "investment" \
                and candidates[-1].sentence_index >= index - 2 and candidates[-1].parties[0] in names:
            # "The stake gives Nissan effective control": the purchase just told is an acquisition
            candidates[-1].type = "acquisition"
            candidates[-1].roles = {candidates[-1].parties[0]: "buyer", candidates[-1].parties[1]: "target"}
        if len(set(names) | ({subject} if subject else set())) < 2 and not (
                _ANAPHORA.search(sentence) and len(previous_parties) >= 2):
            if names:
                previous_parties = _about(subject, names)
            continue  # no deal without two parties: skip the trigger patterns (most sentences)
        status = _status(sentence, grammar)
        types = [(t, at) for t, at in _types(sentence, grammar, keep_references=status is not None)
                 if not any(a <= start + at < b for a, b in quoted)]  # "This is not a takeover," he said
        if not types:
            if names:
                previous_parties = _about(subject, names)
            continue
        if len(names) < 2:  # "both companies", "their": the parties of the sentence before
            names = list(dict.fromkeys(names + previous_parties))
            in_sentence = in_sentence + [_Mention(start, start, n) for n in previous_parties if n not in
                                         {m.name for m in in_sentence}]
        evidence = Mention(text=text[s_start:s_end], start=s_start, end=s_end)
        sentence_stakes = [s for s in stakes if start <= s.start < end]
        for deal_type, trigger_at in types:
            parties, roles, venture = _parties(deal_type, text, start, end, trigger_at, in_sentence, sentence_stakes,
                                               companies, subject, ventures)
            if len(parties) < 2:
                continue
            if status is not None:
                signals.append(DealSignal(type=deal_type, parties=parties, status=status, evidence=evidence))
                continue
            date_value = _date(text, start, end, dates, start + trigger_at) or _date(text, s_start, s_end, dates)
            if date_value is None and candidates and _SAME_DEAL.search(sentence) \
                    and candidates[-1].sentence_index >= index - 2:
                date_value = candidates[-1].date
            candidates.append(
                _Candidate(
                    type=deal_type, parties=parties, roles=roles,
                    date=date_value,
                    amount=_amount(deal_type, text, start, end, amounts),
                    stake=_stake(deal_type, sentence_stakes, parties),
                    technologies=[t.name for t in technologies if any(s_start <= m.start < s_end for m in t.mentions)],
                    evidence=evidence, venture=venture, sentence_index=index, header=header,
                )
            )
        if not header:
            previous_parties = _about(subject, names)
    candidates += _told_in_passing(text, sentences, mentions, dates, amounts, grammar, candidates)
    candidates += _bought_stakes(text, sentences, stakes, dates, amounts, ventures, grammar, candidates)
    body = [c for c in candidates if not c.header]
    candidates = [c for c in candidates if not c.header
                  or not any(b.type == c.type and set(b.parties) & set(c.parties) for b in body)]
    _date_lead_deals(candidates, dates, published, text)
    _control_from_stakes(candidates, stakes, text)
    _already_in_control(candidates, stakes)
    candidates = _venture_capital(candidates, ventures, stakes)
    _price_told_after(candidates, sentences, text, amounts, mentions)
    _stake_told_nearby(candidates, sentences, stakes)
    return [_to_deal(c) for c in _merge(_absorb_purchases(candidates))], signals


_QUOTE = re.compile(r"[\"“][^\"“”\n]{8,800}?[\"”]")


def _about(subject: str | None, names: list[str]) -> list[str]:
    """The companies a clause is about, its subject first ("It took control of Saab": the company "it" is)."""
    return [subject] + [n for n in names if n != subject] if subject else names


_IN_PASSING = re.compile(
    r",\s+(?:(?:the|a|an)\s+(?:[\w'’-]+\s+){0,6}?(?:that\s+|which\s+)?|which\s+)"
    r"(?P<who>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}|it|they)\s+(?:had\s+|has\s+|later\s+|first\s+)?"
    r"(?P<verb>bought|acquired|purchased|took\s+over|snapped\s+up|set\s+up|formed|created|founded)\b"
)


def _told_in_passing(text: str, sentences: list[tuple[int, int]], mentions: list[_Mention], dates: list[DateValue],
                     amounts: list[Amount], grammar: DealGrammar, candidates: list[_Candidate]) -> list[_Candidate]:
    """Deals told in a relative clause: "Valvoline, the lubricants business Aramco bought for $2.65 billion last
    year" (an acquisition), "Lotus, the sports-car maker it bought in 1996" ("it": the sentence's subject),
    "Horse Powertrain, the engine maker that Renault set up with Geely" (a joint venture, with its venture)."""
    found = []
    for index, (s_start, s_end) in enumerate(sentences):
        in_sentence = [m for m in mentions if s_start <= m.start < s_end]
        for mention in in_sentence:
            match = _IN_PASSING.match(text, mention.end, s_end)
            if match is None:
                continue
            clause_end = next((i for i in range(match.end(), s_end) if text[i] in ",;."), s_end)
            clause = text[match.start() : clause_end]
            if _status(clause, grammar) is not None:
                continue
            who_at = match.start("who")
            if match.group("who") in {"it", "they"}:
                subject = next((m for m in in_sentence if m.name != mention.name), None)
                who = subject.name if subject is not None and subject.start < mention.start else None
            else:
                who = next((m.name for m in in_sentence if m.start == who_at), None)
            if who is None or who == mention.name:
                continue
            verb = match.group("verb").replace("\n", " ")
            if verb.startswith(("set", "formed", "created", "founded")):
                partner = next((m.name for m in in_sentence if match.end() <= m.start < clause_end + 40
                                and re.search(r"\bwith\s+(?:[A-Z][\w.]*['’]s\s+)?$", text[match.end() : m.start])
                                and m.name not in {who, mention.name}), None)
                if partner is None:
                    continue
                deal_type, parties, roles, venture = "joint_venture", [who, partner, mention.name], \
                    {who: "partner", partner: "partner", mention.name: "venture"}, mention.name
            else:
                deal_type, parties, roles, venture = "acquisition", [who, mention.name], \
                    {who: "buyer", mention.name: "target"}, None
            when = _date(text, match.start(), clause_end, dates)
            if any(c.type == deal_type and c.sentence_index == index and set(parties[:2]) <= set(c.parties)
                   and c.date in {when, None} for c in candidates):
                continue  # the sentence's own reading has it already
            found.append(_Candidate(
                type=deal_type, parties=parties, roles=roles,
                date=when,
                amount=_amount(deal_type, text, match.start(), clause_end, amounts) if deal_type == "acquisition" else None,
                stake=None, technologies=[], evidence=Mention(text=text[s_start:s_end], start=s_start, end=s_end),
                venture=venture, sentence_index=index,
            ))
    return found


_LESS = re.compile(r"\b(?:sell|sells|sold|selling|sale|cut|cuts|cutting|reduc\w+|trim\w*|lower\w*|dilut\w+|"
                   r"shrink\w*|halv\w+)\b", re.IGNORECASE)


_HOLDING_CLAUSE = re.compile(r"\b(?:hold|holds|held|own|owns|owned|will|would|is|are|was|were|has|have|had|which|that|"
                             r"who)\b", re.IGNORECASE)


def _bought_stakes(text: str, sentences: list[tuple[int, int]], stakes: list[Stake], dates: list[DateValue],
                   amounts: list[Amount], ventures: frozenset[str], grammar: DealGrammar,
                   candidates: list[_Candidate]) -> list[_Candidate]:
    """Holdings bought or raised that the sentence reading did not turn into a deal (the clause names one company
    or none): "The Stuttgart-based sports-car maker bought a 10% stake in June 2018, raised it to 15.5% in March
    2019 and added further shares earlier this year, bringing its holding to 24%". The stake reader has resolved
    holder and target (from the sentences around); each bought or raised holding is a deal with the date and
    price of its own clause."""
    found: list[_Candidate] = []
    for index, (s_start, s_end) in enumerate(sentences):
        in_sentence = [s for s in stakes if s_start <= s.start < s_end]
        if not in_sentence:
            continue
        for stake in in_sentence:
            clause_end = re.search(r",\s+(?:but|and|while|whereas)\s+|;", text[stake.end : s_end])
            clause = text[max(s_start, stake.start - 120) : stake.end + clause_end.start() if clause_end else s_end]
            if _status(clause, grammar) is not None:
                continue  # "paid $2.1 billion for 34 percent in 2000, but ... sold its remaining shares": the purchase
            if stake.role != "held" or not stake.holder or not stake.target \
                    or stake.holder == stake.target or (stake.target in ventures and stake.percent <= 50):
                continue  # a partner's share of a venture belongs to the venture's record
            if re.match(r"[^.;%]{0,40}?\b(?:in|of)\s+(?:the|a|its|their)\s+(?:new\s+)?(?:joint\s+)?(?:venture|JV|project)\b",
                        text[stake.end : stake.end + 80]):
                continue  # "a 25 percent equity interest in the joint venture": the same
            segment_start = max([s.end for s in in_sentence if s.end <= stake.start], default=s_start)
            segment_end = min([s.start for s in in_sentence if s.start >= stake.end], default=s_end)
            left = text[max(segment_start, stake.start - 60) : stake.start]
            verbs = list(grammar.stake_verbs.finditer(left))
            if not verbs or _LESS.search(left[verbs[-1].start() :]) or len(left) - verbs[-1].end() > 45 \
                    or _HOLDING_CLAUSE.search(left[verbs[-1].end() :]):
                continue  # "raises questions for Nissan, in which Renault holds 43.4%": the verb is another clause's
            pair = {stake.holder, stake.target}
            when = _date(text, segment_start, segment_end, dates, stake.start)
            if any(c.sentence_index == index and pair <= set(c.parties) and (
                    c.stake in {None, stake.percent} or when is None or c.date in {None, when})
                   for c in candidates + found):
                continue  # the sentence's deal is told already
            told = [c for c in candidates + found if index - 3 <= c.sentence_index < index and pair <= set(c.parties)]
            if told and _SAME_DEAL.search(text[s_start:s_end]):
                # "The offer will bring Dairy Farm's stake in Kwik Save to 25 pct": the deal told just before
                if told[-1].stake is None:
                    told[-1].stake = stake.percent
                continue
            priced = _priced(text, segment_start, segment_end, amounts)
            in_control = any(s.holder == stake.holder and s.target == stake.target and 50 < s.percent < stake.percent
                             and s.start < stake.start for s in stakes)
            # "raised its stake in Daihatsu to 51 percent in 1998 and lifted its holding to 100 percent last year":
            # more shares for a holder already in control are an investment
            deal_type = "acquisition" if stake.percent > 50 and not in_control else "investment"
            found.append(_Candidate(
                type=deal_type, parties=[stake.holder, stake.target],
                roles={stake.holder: "buyer" if deal_type == "acquisition" else "investor", stake.target: "target"},
                date=when,
                amount=DealAmount(value=priced[0].value, currency=priced[0].currency) if priced else None,
                stake=stake.percent, technologies=[], evidence=Mention(text=text[s_start:s_end], start=s_start, end=s_end),
                sentence_index=index,
            ))
    return found


def _priced(text: str, start: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """Amounts in ``text[start:end]`` told as a price ("for", "paying", "worth" before them); not a per-share
    figure, a range's low end, or a market price ("a premium on Isuzu's closing share price of 415 yen")."""
    return [a for a in amounts if start <= a.start < end and a.kind not in {"per_share", "range_low"}
            and _PRICE_CUE.search(text[max(start, a.start - 40) : a.start])
            and not re.search(r"\b(?:share|stock|closing|market)\s+price\s+(?:of\s+)?$", text[max(start, a.start - 30) : a.start])]


_PRICE_SENTENCE = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}(?:deal|transaction|purchase|acquisition|investment|"
                             r"stake|venture|joint venture|agreement|takeover)\b|\b(?:the|both)\s+(?:partners|companies|"
                             r"two)\b|\b(?:will|would|to)\s+(?:pay|invest|contribute|inject)\b", re.IGNORECASE)


def _price_told_after(candidates: list[_Candidate], sentences: list[tuple[int, int]], text: str,
                      amounts: list[Amount], mentions: list[_Mention]) -> None:
    """"Geely will pay 460.3 million ringgit for the Proton stake": a price told in one of the two sentences
    after a deal that had none, in a sentence that tells no deal of its own and refers to this one."""
    told = {c.sentence_index for c in candidates}
    for candidate in candidates:
        if candidate.amount is not None or candidate.type not in {"investment", "acquisition", "joint_venture"}:
            continue
        for index in range(candidate.sentence_index + 1, min(candidate.sentence_index + 3, len(sentences))):
            if index in told:
                break
            start, end = sentences[index]
            sentence = text[start:end]
            names = {m.name for m in mentions if start <= m.start < end}
            if not (_PRICE_SENTENCE.search(sentence) and (not names or names & set(candidate.parties))
                    or names and names <= set(candidate.parties[:2])):
                continue  # a sentence about the deal, or one about its two parties only
            priced = _priced(text, start, end, amounts)
            if priced:
                candidate.amount = DealAmount(value=priced[0].value, currency=priced[0].currency)
                break


def _stake_told_nearby(candidates: list[_Candidate], sentences: list[tuple[int, int]], stakes: list[Stake]) -> None:
    """A purchase whose sentence gives no share takes the buyer's holding in the target told in the sentence
    before or the two after ("Geely will pay 460.3 million ringgit for the Proton stake" after "a 49.9% stake")."""
    for candidate in candidates:
        if candidate.stake is not None or candidate.type not in {"investment", "acquisition"} \
                or len(candidate.parties) < 2:
            continue
        low = sentences[max(0, candidate.sentence_index - 1)][0]
        high = sentences[min(len(sentences) - 1, candidate.sentence_index + 2)][1]
        own = [s for s in stakes if low <= s.start < high and s.role in {"held", "targeted"}
               and s.holder == candidate.parties[0] and s.target == candidate.parties[1]]
        if own:
            candidate.stake = max(s.percent for s in own)


def _venture_capital(candidates: list[_Candidate], ventures: frozenset[str], stakes: list[Stake]) -> list[_Candidate]:
    """Money a partner puts into a joint venture is the venture's capital, not a deal of its own ("Magna will pay
    453 mln dlrs for a 49 pct stake in the venture"): it joins the joint-venture record, which also takes the
    majority partner's share of the venture from the article's stakes."""
    kept = []
    for candidate in candidates:
        target = candidate.parties[1] if len(candidate.parties) > 1 else None
        if candidate.type == "investment" and target in ventures:
            venture_deal = next((c for c in candidates if c.type == "joint_venture" and c.venture in {target, None}
                                 and candidate.parties[0] in c.parties[:2]), None)
            if venture_deal is not None:
                venture_deal.venture = venture_deal.venture or target
                venture_deal.amount = venture_deal.amount or candidate.amount
                continue
        kept.append(candidate)
    for candidate in kept:
        if candidate.type == "joint_venture" and candidate.stake is None and candidate.venture:
            shares = [s.percent for s in stakes if s.target == candidate.venture and s.holder in candidate.parties[:2]
                      and s.role == "held" and s.percent < 100]
            if shares:
                candidate.stake = max(shares)
    return kept


_CLAUSE_BREAK = re.compile(r",\s+(?:and|while|whereas|but|then)\s+|;\s+|\s+while\s+|,\s+(?=(?:and\s+)?(?:it|they)\s)|"
                           r"\s+and\s+(?=(?:then\s+|later\s+|also\s+)?" + _DEAL_VERB + r")")


def _clauses(text: str, sentence: tuple[int, int], mentions: list[_Mention]) -> list[tuple[int, int]]:
    """"Toyota will take 4.94% of Suzuki for ¥96 billion, and Suzuki will buy ¥48 billion of Toyota shares":
    clauses that each name a company are read as deals of their own."""
    start, end = sentence
    cuts = [start]
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        left = [m for m in mentions if cuts[-1] <= m.start < match.start()]
        right = [m for m in mentions if match.end() <= m.start < end]
        if left and right and len({m.name for m in left} | {m.name for m in right}) >= 2:
            cuts.append(match.end())
    bounds = sorted(set(cuts)) + [end]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i] < bounds[i + 1]]


def _types(sentence: str, grammar: DealGrammar, keep_references: bool = False) -> list[tuple[str, int]]:
    """Deal types the sentence announces, each with the position of its trigger."""
    found: dict[str, int] = {}
    for deal_type, pattern in grammar.triggers:
        for match in pattern.finditer(sentence):
            if not keep_references and _NOMINAL_REFERENCE.search(sentence[: match.start()]) and \
                    re.match(r"(?:takeover|acquisition|purchase|investment|merger|deal|tie-?up)\b(?!\s+(?:of|by|in|with|"
                             r"between|for)\b)", sentence[match.start() :], re.IGNORECASE):
                continue  # "The takeover would be the biggest this year": a deal told before, named again
            found.setdefault(deal_type, match.start())
            break
    at = found.get("joint_venture", 0)
    if "joint_venture" in found and not keep_references and _JV_REFERENCE.search(sentence[:at]) \
            and not _JV_FOUNDING.search(sentence):
        del found["joint_venture"]  # "the joint venture's chief executive": a venture already told
    if "joint_venture" in found and re.search(r"\bextend\w*\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}$", sentence[:at]):
        found["partnership"] = found.pop("joint_venture")  # "extending their joint venture by ten years": a renewal
    if "partnership" in found and _LABOUR_DEAL.search(sentence):
        del found["partnership"]  # "reached an agreement with the UAW", "a cost-cutting deal on wages"
    partnership_verb = _PARTNER_VERB.search(sentence)
    if "partnership" in found and ("joint_venture" in found
                                   or (found.keys() & {"investment", "acquisition"} and not partnership_verb)
                                   or not _EVENT.search(sentence)):
        del found["partnership"]  # an equity deal or venture wins; a partnership named without an event is context
    if "joint_venture" in found and "investment" in found:
        del found["investment"]  # money put into a venture is its capital, not a stake purchase
    if "investment" in found and "acquisition" not in found:
        bought = re.search(r"(\d+(?:\.\d+)?)\s?(?:%|per ?cent|percent|pct)", sentence[found["investment"]:][:80])
        if bought and re.search(r"\b(?:keep|keeps|kept|keeping|retain\w*|hold|holds|held|own|owns)\b",
                                sentence[found["investment"]:][: bought.start()]):
            bought = None  # "will put $1.1 billion into Cruise and will keep the remaining 80.4%": a holding kept
        if _controls(sentence) or (bought and float(bought.group(1)) > 50):
            # "buy the shares it does not already own", "agreed to buy an 80 pct stake": control changes hands
            found["acquisition"] = found.pop("investment")
    if "acquisition" in found and "investment" in found:
        # "agreed to buy Wind River from TPG for $4.3 billion, ... it paid": a whole company, no share of one
        whole = not re.search(r"\d\s?(?:%|pct|percent|per cent)|\b(?:stake|shares?|holding|equity|interest)\b",
                              sentence, re.IGNORECASE)
        keep = "acquisition" if _controls(sentence) or whole else "investment"
        drop = "investment" if keep == "acquisition" else "acquisition"
        found[keep] = min(found[keep], found[drop])
        del found[drop]
    if "acquisition" in found and not _controls(sentence):
        # "acquire a 20% stake" is a minority purchase
        stake = re.search(r"(\d+(?:\.\d+)?)\s?(?:%|per ?cent|percent|pct)", sentence)
        if stake and float(stake.group(1)) <= 50:
            found["investment"] = found.pop("acquisition")
    return sorted(found.items(), key=lambda item: item[1])


_KEPT = re.compile(r"\b(?:keep|keeps|kept|keeping|retain|retains|retained|retaining)\s+(?:the\s+|its\s+)?(?:remaining|rest)\b",
                   re.IGNORECASE)


def _controls(sentence: str) -> bool:
    """The sentence tells a change of control ("buy the shares it does not already own"), not a holding kept
    ("will keep the remaining 80.4%")."""
    return any(not _KEPT.search(sentence[max(0, m.start() - 25) : m.end()]) for m in _CONTROL.finditer(sentence))


def _status(sentence: str, grammar: DealGrammar) -> str | None:
    for status, pattern in grammar.statuses:
        if not pattern.search(sentence):
            continue
        if status in {"talks", "rumour"} and _COMPLETION.search(sentence) and not re.search(
            r"\b(?:could|might|may|would|considering|reportedly)\b", sentence, re.IGNORECASE
        ):
            continue
        if status == "exit" and re.search(r"\b(?:to|with)\s+[A-Z]", sentence[pattern.search(sentence).end():]):
            continue  # a sale to a named buyer is that buyer's deal
        return status
    return None


def _parties(deal_type: str, text: str, start: int, end: int, trigger_at: int, in_sentence: list[_Mention],
             stakes: list[Stake], companies: list[Company], subject: str | None = None,
             ventures: frozenset[str] = frozenset()) -> tuple[list[str], dict[str, str], str | None]:
    """Principal parties in role order, then the sentence's other companies. ``subject`` is the company a
    sentence opening with "The carmaker behind Peugeot, Fiat and Jeep ..." or "It ..." refers to."""
    trigger = start + trigger_at
    names = list(dict.fromkeys(m.name for m in in_sentence))
    before = [m for m in in_sentence if m.end <= trigger]
    if subject is not None:
        said = re.search(r"\b(?:said|says|announced|confirmed|disclosed)\s+(?:that\s+)?", text[start:trigger])
        reported = [m for m in before if said and m.start >= start + said.end()]
        # "the California start-up said Saudi Arabia's PIF had agreed to invest": the reported clause's subject acts
        before = reported or [_Mention(start, start, subject)]
        names = [subject] + [n for n in names if n != subject]
    after = [m for m in in_sentence if m.start >= trigger]
    venture = None
    if deal_type in {"investment", "acquisition"}:
        with_roles = [s for s in stakes if s.holder and s.target and s.role != "sold"]
        # the buyer's holding first: "Toyota will acquire the shares, cutting the holdings of Aisin and Denso to 45%"
        with_roles.sort(key=lambda s: not any(m.name == s.holder for m in before))
        if with_roles:
            buyer, target = with_roles[0].holder, with_roles[0].target
        elif re.match(r"(?:sell|sells|selling|sold|sale)\b", text[trigger : trigger + 8], re.IGNORECASE) and \
                (to := re.search(r"\bto\s+", text[trigger:end])) is not None and \
                (buyers := [m for m in after if m.start >= trigger + to.end() - 1]):
            # "Treasury to sell its remaining Chrysler stake to Fiat": the buyer follows "to"
            buyer = buyers[0].name
            target = next((m.name for m in after if m.start < buyers[0].start and m.name != buyer), None) or next(
                (n for n in names if n != buyer), None)
        else:
            sellers = {m.name for m in in_sentence
                       if re.search(r"\bfrom\s+(?:the\s+)?$", text[max(start, m.start - 12) : m.start])}
            before = [m for m in before if m.name not in sellers] or before
            buyer = before[-1].name if before else names[0]
            if len(before) > 1 and re.fullmatch(r",\s+(?:the|a|an)\s[^,;]{0,90},\s+(?:[\w-]+\s+){0,3}",
                                                text[before[0].end : trigger]):
                buyer = before[0].name  # "Toyota, the world's second-biggest automaker after GM, will buy"
            owned = [m for m in after if m.name != buyer and m.name not in sellers]
            if len(owned) > 1 and re.match(r"^['’]s?\s+(?:[\w-]+\s+){0,3}$", text[owned[0].end : owned[1].start]):
                owned = owned[1:]  # "Ford's Volvo car unit": the owner is named, the unit is bought
            target = owned[0].name if owned else (next((n for n in names if n != buyer), None)
                                                  if len(names) == 2 else None)
        if deal_type == "investment" and target is not None and _own_brand(companies, buyer, target):
            # "GM will invest $7 billion in Chevrolet and GMC plants": its own brands are no target
            target = next((n for n in names if n not in {buyer, target} and not _own_brand(companies, buyer, n)), None)
            if target is None:
                return [], {}, None
        principal = [buyer, target]
        roles = {buyer: "buyer" if deal_type == "acquisition" else "investor", target: "target"}
    elif deal_type == "joint_venture":
        venture_mention = next((m for m in after if _is_new_venture(text, m, trigger, companies)), None)
        if venture_mention is not None:
            venture = venture_mention.name
        else:  # a company the article knows as a venture is the venture, not a partner
            venture = next((n for n in names if n in ventures), None)
        principal = [n for n in names if n != venture][:2]
        if venture is not None:
            principal.append(venture)
        roles = {n: "partner" for n in principal[:2]}
        if venture:
            roles[venture] = "venture"
    elif deal_type == "licensing":
        owner = _possessive_owner(text, in_sentence, trigger, end)
        if owner is not None:
            licensee = next((n for n in names if n != owner), None)
            principal = [owner, licensee]
        else:
            principal = names[:2]
        roles = {principal[0]: "licensor", principal[1]: "licensee"} if None not in principal else {}
    elif deal_type == "supply":
        supplier = before[-1].name if before else names[0]
        by = re.match(r"supplied\s+by\s+", text[trigger : trigger + 20])
        if by and after:
            # "The transmission will be supplied by Aisin AW, ..., Ford said": the supplier follows "by", the
            # customer is the company that says so, else the one named before
            supplier = after[0].name
            sentence_end = text.find(". ", end)
            sayer = next((c.name for c in companies for m in c.mentions if c.name != supplier
                          and start <= m.start < (sentence_end if sentence_end > 0 else len(text))
                          and re.match(r"\s*(?:said|says|announced)\b", text[m.end : m.end + 12])), None)
            customer = sayer or (before[-1].name if before else subject) or next(
                (n for n in names if n != supplier), None)
        elif _BUYER_SIDE.match(text, trigger) and after:
            # "Volvo Cars selected NVIDIA DRIVE AGX Xavier", "agreed to source Ampere-built cars": the subject buys
            customer, supplier = supplier, after[0].name
        else:
            customer = next((m.name for m in after if m.name != supplier), None) or next(
                (n for n in names if n != supplier), None)
        principal = [supplier, customer]
        roles = {supplier: "supplier", customer: "customer"}
    else:
        principal = names[:2]
        roles = {n: "partner" for n in principal}
    principal = [p for p in dict.fromkeys(principal) if p]
    roles = {name: role for name, role in roles.items() if name}
    others = [n for n in names if n not in principal]
    return principal + others, roles, venture


def _own_brand(companies: list[Company], owner: str, target: str) -> bool:
    """The target is a brand the owner already owns (knowledge-base parent)."""
    return any(c.name == target and c.kind == "brand" and c.parent == owner for c in companies)


def _possessive_owner(text: str, mentions: list[_Mention], trigger: int, end: int) -> str | None:
    """The company whose technology is licensed: "access to Leapmotor's ... technology"."""
    for m in mentions:
        if re.match(r"['’]s?\s", text[m.end : m.end + 3]) and m.start > trigger - 120:
            rest = text[m.end : end].lower()
            if re.search(r"\b(?:technolog|architecture|platform|patent|licen|rights|software|system|design)", rest):
                return m.name
    return None


def _is_new_venture(text: str, mention: _Mention, trigger: int, companies: list[Company]) -> bool:
    between = text[trigger : mention.start]
    return len(between) < 60 and bool(re.search(r"(?:called|named|dubbed|(?<!\w)[\"“'‘]\s*$|venture\s*,?\s*$)", between))


def _date(text: str, start: int, end: int, dates: list[DateValue], near: int | None = None) -> str | None:
    """The date the clause ties to the deal: not a deadline ("by 2025"), the one nearest the trigger."""
    usable = [
        d for d in dates
        if start <= d.start < end and not _DEADLINE_BEFORE.search(text[max(start, d.start - 30) : d.start])
        and not _LAUNCH_BEFORE.search(text[max(start, d.start - 45) : d.start]) and not _in_header(text, d.start)
    ]
    if not usable:
        return None
    anchor = start if near is None else near
    best = min(usable, key=lambda d: (min(abs(d.start - anchor), abs(d.end - anchor)) // 10,
                                      _GRANULARITY_RANK.get(d.granularity, 9), d.start))
    return best.value


def _amount(deal_type: str, text: str, start: int, end: int, amounts: list[Amount]) -> DealAmount | None:
    """The price: the amount the clause pays, invests or values the deal at; for a venture, its capital."""
    usable = [a for a in amounts if start <= a.start < end and a.kind not in {"per_share", "range_low"}]
    if deal_type == "joint_venture":
        usable = [a for a in usable if _PRICE_CUE.search(text[max(start, a.start - 40) : a.start])
                  or re.match(r"^[\s-]*(?:[\w-]+\s+){0,3}(?:joint\s+)?(?:venture|JV)\b", text[a.end : a.end + 50])]
    elif deal_type not in {"investment", "acquisition"}:
        # "inked a deal worth about $60 million to develop and supply": a contract's stated value
        usable = [a for a in usable if re.search(r"\b(?:worth|valued at|value of|totall?ing)\s+(?:about\s+|around\s+|"
                                                 r"roughly\s+|some\s+|nearly\s+|up to\s+|more than\s+|over\s+)?$",
                                                 text[max(start, a.start - 40) : a.start])]
    if not usable:
        return None
    cued = [a for a in usable if _PRICE_CUE.search(text[max(start, a.start - 40) : a.start])]
    chosen = (cued or usable)[0]
    return DealAmount(value=chosen.value, currency=chosen.currency)


def _stake(deal_type: str, stakes: list[Stake], parties: list[str]) -> float | None:
    """The buyer's holding after the deal ("raising its stake to 61.8%"), else the share transferred; for a
    joint venture, the first-listed (majority) partner's share."""
    if deal_type == "joint_venture":
        # the first-listed (majority) partner's share: the largest share a partner holds
        shares = [s.percent for s in stakes if s.holder in parties[:2] and s.target not in parties[:2]
                  and s.role == "held" and s.percent <= 100]  # not a partner's stake in the other partner
        if shares:
            return max(shares)
        even = [s for s in stakes if s.percent == 50.0]
        return 50.0 if even else None
    if deal_type not in {"investment", "acquisition"}:
        return None
    held = [s for s in stakes if s.role in {"held", "targeted"}]
    if not held:
        return None
    own = [s for s in held if s.holder == parties[0]]
    return (own or held)[0].percent


def _date_lead_deals(candidates: list[_Candidate], dates: list[DateValue], published: date | None,
                     text: str) -> None:
    """A deal the report announces happened on the day the report names as its own ("on Wednesday" resolved
    to the publication date, or a dateline in the body); background deals keep their own dates, and a
    publication day printed only in a header line ("-- Sat May 30, 2009 10:00am EDT --") ties no deal."""
    if published is None or not candidates:
        return
    day = published.isoformat()
    if not any(d.value == day and not _in_header(text, d.start) for d in dates):
        return
    for candidate in candidates:
        if candidate.date is None and not _BACKGROUND.search(candidate.evidence.text):
            candidate.date = day


def _control_from_stakes(candidates: list[_Candidate], stakes: list[Stake], text: str) -> None:
    """A purchase that takes the buyer past half of the target (a stake told next to it: "That will rise to 52
    percent") is an acquisition; more shares for a holder already in control are not."""
    for candidate in candidates:
        if candidate.type != "investment" or len(candidate.parties) < 2:
            continue
        buyer, target = candidate.parties[0], candidate.parties[1]
        near = [s for s in stakes if s.holder == buyer and s.target == target
                and candidate.evidence.start - 250 <= s.start <= candidate.evidence.end + 250]
        held = [s.percent for s in near if s.role in {"held", "targeted"}
                and not _KEPT.search(text[max(0, s.start - 40) : s.start])]
        before = [s.percent for s in near if s.role == "previous"]
        if held and max(held) > 50 and not any(p > 50 for p in before):
            candidate.type = "acquisition"
            candidate.roles = {buyer: "buyer", target: "target"}
            if candidate.stake is None or candidate.stake <= 50:
                candidate.stake = max(held)


def _already_in_control(candidates: list[_Candidate], stakes: list[Stake]) -> None:
    """"Raised its stake in Daihatsu to 51 percent in 1998 and lifted its holding to 100 percent last year": the
    second purchase is by a holder already in control, an investment."""
    for candidate in candidates:
        if candidate.type != "acquisition" or candidate.stake is None or len(candidate.parties) < 2:
            continue
        buyer, target = candidate.parties[0], candidate.parties[1]
        own = [s for s in stakes if s.holder == buyer and s.target == target]
        this = next((s for s in own if s.percent == candidate.stake and s.role != "previous"), None)
        if this is not None and any(50 < s.percent < this.percent and s.start < this.start and s.role != "previous"
                                    for s in own):
            candidate.type = "investment"
            candidate.roles = {buyer: "investor", target: "target"}


def _in_header(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return text[line_start : max(position, line_start + 2)].lstrip().startswith("--")


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """One deal, one record: the same type and principal parties, compatible dates and attributes, and told
    close together or referred to as "the deal"."""
    merged: list[_Candidate] = []
    for candidate in candidates:
        for existing in merged:
            if _key(existing) == _key(candidate) and _compatible(existing, candidate):
                existing.date = existing.date or candidate.date
                existing.amount = existing.amount or candidate.amount
                stakes = [x for x in (existing.stake, candidate.stake) if x is not None]
                existing.stake = max(stakes) if stakes else None  # the holding after the deal
                existing.technologies = list(dict.fromkeys(existing.technologies + candidate.technologies))
                existing.venture = existing.venture or candidate.venture
                break
        else:
            merged.append(candidate)
    return merged


def _absorb_purchases(candidates: list[_Candidate]) -> list[_Candidate]:
    """"Ford will lift its holding in Mazda to 33.4 percent, giving it control. ... Ford is paying 48.1 billion
    yen for new Mazda shares": a share purchase told next to a takeover by the same buyer of the same company is
    that takeover; its price and date join it."""
    kept: list[_Candidate] = []
    for candidate in candidates:
        if candidate.type == "investment" and len(candidate.parties) >= 2:
            owner = next((c for c in candidates if c.type == "acquisition" and c.parties[:2] == candidate.parties[:2]
                          and abs(c.sentence_index - candidate.sentence_index) <= 3
                          and (c.date is None or candidate.date is None or c.date == candidate.date)), None)
            if owner is not None:
                owner.amount = owner.amount or candidate.amount
                owner.date = owner.date or candidate.date
                continue
        kept.append(candidate)
    return kept


def _compatible(a: _Candidate, b: _Candidate) -> bool:
    if a.date and b.date and a.date != b.date:
        return False
    if a.amount and b.amount and a.amount.currency == b.amount.currency and a.amount.value != b.amount.value:
        return False
    if a.date == b.date and a.date is not None:
        return True
    return abs(a.sentence_index - b.sentence_index) <= 3 or bool(_SAME_DEAL.search(b.evidence.text))


def _key(candidate: _Candidate) -> tuple:
    principal = [p for p in candidate.parties if p in candidate.roles] or candidate.parties[:2]
    if candidate.type in {"partnership", "joint_venture", "acquisition"}:
        return candidate.type, frozenset(principal[:2])
    # supply and licensing have a direction: "Toyota will supply hybrid systems to Suzuki, while Suzuki will
    # supply cars to Toyota" are two deals
    return candidate.type, tuple(principal[:2])


def _to_deal(candidate: _Candidate) -> Deal:
    return Deal(
        type=candidate.type, parties=candidate.parties, roles=candidate.roles, date=candidate.date,
        amount=candidate.amount, stake_percent=candidate.stake, technologies=candidate.technologies,
        venture=candidate.venture, evidence=candidate.evidence,
    )
