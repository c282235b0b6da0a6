"""Calendar references in running text, normalised to ISO 8601 at the precision the text gives.

``2023``, ``2023-07``, ``2023-07-26``, ``2024-Q3``, ``2025-H1``. Relative references ("on Wednesday",
"last year", "next month", "the third quarter") are resolved against the publication date. Durations
("three years"), decades, "the next decade" and "May" the verb are not dates.

>>> from datetime import date
>>> [(d.text, d.value) for d in find_dates("In July 2023 they signed; on Wednesday it closed.", date(2023, 7, 27))]
[('July 2023', '2023-07'), ('Wednesday', '2023-07-26')]
>>> [d.value for d in find_dates("in the first half of 2025 and Q3 2024", None)]
['2025-H1', '2024-Q3']
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
            "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "final": 4}
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}

_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_FULL_MONTH}|{_ABBR_MONTH})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_ABBR = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
_YEAR = r"(?:19[0-9]\d|20[0-9]\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORD = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
_COUNT_AFTER = re.compile(
    r"^\s?(?:%|per\s?cent|percent|pct|[a-z]*(?:vehicles|cars|units|workers|employees|jobs|people|staff|shares|"
    r"dealers|dealerships|stores|outlets|models|trucks|buses|engines|tonnes|tons|km|miles|kilometres|kilometers|"
    r"hp|horsepower|cc|mln|million|billion|bn|yen|euros|dollars|yuan|won|rupees|crore|plants|factories|"
    r"points|kwh|kw|mw|gwh|customers|times|patents)\b)",
    re.IGNORECASE,
)
_NOT_YEAR_BEFORE = re.compile(r"(?:[$€£¥#]|No\.\s?|\b(?:Model|Route|Flight|Rs\.?|EUR|USD|Section|Article)\s)$")
_FUTURE = re.compile(r"\b(?:will|would|expects?|expected|plans?|planned|to be|scheduled|aims?|next|by)\b",
                     re.IGNORECASE)

PATTERN = re.compile(
    "|".join(
        [
            rf"(?P<iso>\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b)",
            rf"(?P<mdy>(?:(?:{_WEEKDAY}|{_WEEKDAY_ABBR}),?\s)?(?P<mdy_m>{_MONTH})\s(?P<mdy_d>{_DAY}),?\s(?P<mdy_y>{_YEAR})\b)",
            rf"(?P<dmy>\b(?P<dmy_d>{_DAY})(?:\sof)?\s(?P<dmy_m>{_MONTH}),?\s(?P<dmy_y>{_YEAR})\b)",
            rf"(?P<my>(?P<my_m>{_MONTH}),?\s(?:of\s)?(?P<my_y>{_YEAR})\b)",
            # "in May last year", "on Sept. 15 that year", "March 3 next year"
            rf"(?P<mly>(?P<mly_m>{_MONTH})(?:\s(?P<mly_d>{_DAY}))?,?\s(?P<mly_rel>(?i:last|this|next|that|the same|the following|the previous))\syear\b)",
            rf"(?P<md>(?P<md_m>{_MONTH})\s(?P<md_d>{_DAY})\b(?![,.]?\s?\d))",
            rf"(?P<dm>\b(?P<dm_d>{_DAY})\s(?:of\s)?(?P<dm_m>{_FULL_MONTH})\b)",
            # quarters: "the third quarter of 2024", "Q3 2024", "3Q24", "fourth-quarter", "July-September"
            rf"(?P<q>(?:(?P<q_rel>(?i:last|this|next|previous|current|same))\s)?(?:(?i:the)\s)?(?P<q_o>{_ORD})[\s-](?:fiscal\s)?quarter"
            rf"(?:\s(?:of|in)(?:\s(?:fiscal|the\s(?:fiscal\s)?year))?)?(?:\s(?P<q_y>{_YEAR}))?\b)",
            rf"(?P<qs>\b(?:Q(?P<qs_n>[1-4])|(?P<qs_n2>[1-4])Q)(?:\s?(?:of\s)?(?:FY\s?)?(?P<qs_y>{_YEAR}|'?\d\d))?\b)",
            rf"(?P<qm>\b(?P<qm_a>January|April|July|October)\s?[-–]\s?(?P<qm_b>March|June|September|December)\b"
            rf"(?:\s(?:quarter|period))?(?:\s(?P<qm_y>{_YEAR}))?)",
            # halves: "the first half of 2025", "H1 2025", "first six months of 2009"
            rf"(?P<h>(?:the\s)?(?P<h_o>first|second|1st|2nd)[\s-]half(?:\s(?:of|in))?(?:\s(?:the\s)?(?:fiscal\s)?(?:year\s)?(?P<h_y>{_YEAR}))?\b)",
            rf"(?P<hs>\b(?:H(?P<hs_n>[12])|(?P<hs_n2>[12])H)(?:\s?(?P<hs_y>{_YEAR}))?\b)",
            rf"(?P<sm>(?:the\s)?(?P<sm_o>first|last|final)\s(?:six|6)\smonths\s(?:of|in)\s(?:the\s)?(?:year\s)?(?P<sm_y>{_YEAR})\b)",
            # relative references
            rf"(?P<wd>\b(?:(?P<wd_rel>(?i:last|next|this|on|since|until|by|from|late|early))\s)?(?P<wd_n>{_WEEKDAY})\b)",
            r"(?P<rel>\b(?P<rel_w>(?i:today|yesterday|tomorrow))\b)",
            r"(?P<rp>\b(?:(?P<rp_pre>(?i:earlier|later))\s)?(?P<rp_w>(?i:last|this|next|past|previous|current))\s(?P<rp_u>year|month|quarter)\b)",
            r"(?P<ago>\b(?P<ago_n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s(?P<ago_u>years?|months?)\sago\b)",
            rf"(?P<mo>\b(?P<mo_pre>(?i:in|last|next|this|since|until|till|from|by|during|early|late|mid-|end of|through|of|before|after|between|and|to))\s(?:early\s|late\s|mid-)?(?P<mo_m>{_FULL_MONTH})\b(?![\s,]*\d)(?!,?\s(?i:last|this|next|that|the same|the following|the previous)\syear))",
            # years: "2023", "mid-2024", "fiscal 2024", "FY2024", "2020-2025"
            rf"(?P<y>(?<![\w$€£¥.,/])(?:FY\s?)?(?P<y_y>{_YEAR})(?!s\b|[\w%]|[.,]\d))",
        ]
    )
)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    value: str
    granularity: str  # day | month | quarter | half | year
    relative: bool = False


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _nearest_year(month: int, day: int, published: date | None) -> int | None:
    """The year that puts a yearless day closest to the publication date."""
    if published is None:
        return None
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        distance = abs((candidate - published).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _two_digit_year(text: str, published: date | None) -> int:
    digits = int(text.lstrip("'"))
    century = (published.year // 100 * 100) if published else 2000
    return century + digits


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _future(context: str) -> bool:
    return bool(_FUTURE.search(context))


def interpret(match: re.Match, text: str, published: date | None) -> DateMatch | None:
    """Turn one pattern match into a normalised date, or None where it is no calendar reference."""
    g = match.groupdict()
    start, end = match.span()
    span = match.group()
    before = text[max(0, start - 40) : start]

    def made(value: str, granularity: str, relative: bool = False) -> DateMatch:
        return DateMatch(start, end, span, value, granularity, relative)

    if g["iso"]:
        return made(span, "day")
    if g["mdy"] or g["dmy"]:
        kind = "mdy" if g["mdy"] else "dmy"
        year, month, day = int(g[f"{kind}_y"]), _month(g[f"{kind}_m"]), _day(g[f"{kind}_d"])
        if not _valid_day(year, month, day):
            return None
        return made(f"{year:04d}-{month:02d}-{day:02d}", "day")
    if g["mly"]:
        rel = g["mly_rel"].lower()
        if rel in {"that", "the same"}:
            earlier = re.findall(rf"\b{_YEAR}\b", text[max(0, start - 600) : start])
            if earlier:
                year = int(earlier[-1])
            elif published is not None:
                year = published.year
            else:
                return None
        elif published is None:
            return None
        else:
            year = published.year + {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}[rel]
        month = _month(g["mly_m"])
        if g["mly_d"]:
            day = _day(g["mly_d"])
            if not _valid_day(year, month, day):
                return None
            return made(f"{year:04d}-{month:02d}-{day:02d}", "day", True)
        return made(f"{year:04d}-{month:02d}", "month", True)
    if g["my"]:
        return made(f"{int(g['my_y']):04d}-{_month(g['my_m']):02d}", "month")
    if g["md"] or g["dm"]:
        kind = "md" if g["md"] else "dm"
        month, day = _month(g[f"{kind}_m"]), _day(g[f"{kind}_d"])
        if kind == "md" and g["md_m"] == "May" and not re.search(r"\d", g["md_d"]):
            return None
        year = _nearest_year(month, day, published)
        if year is None or not _valid_day(year, month, day):
            return None
        return made(f"{year:04d}-{month:02d}-{day:02d}", "day", relative=True)
    if g["q"] or g["qs"] or g["qm"]:
        if g["q"]:
            number, year_text, rel = ORDINALS[g["q_o"].lower()], g["q_y"], g["q_rel"]
        elif g["qs"]:
            number, year_text, rel = int(g["qs_n"] or g["qs_n2"]), g["qs_y"], None
        else:
            first, last = MONTHS[g["qm_a"].lower()], MONTHS[g["qm_b"].lower()]
            if last - first != 2:
                return None
            number, year_text, rel = (first - 1) // 3 + 1, g["qm_y"], None
        if year_text:
            year = int(year_text) if len(year_text.lstrip("'")) == 4 else _two_digit_year(year_text, published)
            return made(f"{year:04d}-Q{number}", "quarter")
        if published is None:
            return None
        year = published.year
        current = _quarter_of(published)
        if rel and rel.lower() in {"last", "previous"}:
            year, number = (year, current - 1) if current > 1 else (year - 1, 4)
        elif rel and rel.lower() == "next":
            year, number = (year, current + 1) if current < 4 else (year + 1, 1)
        elif rel and rel.lower() in {"this", "current"}:
            number = current
        elif number > current and not _future(before):
            year -= 1
        return made(f"{year:04d}-Q{number}", "quarter", relative=True)
    if g["h"] or g["hs"] or g["sm"]:
        if g["h"]:
            number, year_text = (1 if g["h_o"].lower() in {"first", "1st"} else 2), g["h_y"]
        elif g["hs"]:
            number, year_text = int(g["hs_n"] or g["hs_n2"]), g["hs_y"]
        else:
            if g["sm_o"].lower() != "first":
                number = 2
            else:
                number = 1
            year_text = g["sm_y"]
        if year_text:
            return made(f"{int(year_text):04d}-H{number}", "half")
        if published is None:
            return None
        year = published.year
        if number == 2 and published.month <= 6 and not _future(before):
            year -= 1
        return made(f"{year:04d}-H{number}", "half", relative=True)
    if g["wd"]:
        if published is None:
            return None
        rel = (g["wd_rel"] or "").lower()
        target = WEEKDAYS[g["wd_n"].lower()]
        if rel == "next" or (rel in {"", "on", "by", "from", "until"} and _future(before[-25:])):
            delta = (target - published.weekday()) % 7 or 7
            if rel != "next" and target == published.weekday():
                delta = 0
            day = published + timedelta(days=delta)
        else:
            delta = (published.weekday() - target) % 7
            if rel == "last" and delta == 0:
                delta = 7
            day = published - timedelta(days=delta)
        start = match.start("wd_n")
        return DateMatch(start, end, text[start:end], day.isoformat(), "day", True)
    if g["rel"]:
        if published is None:
            return None
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[g["rel_w"].lower()]
        return made((published + timedelta(days=offset)).isoformat(), "day", True)
    if g["rp"]:
        if published is None:
            return None
        which, unit = g["rp_w"].lower(), g["rp_u"].lower()
        delta = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1}[which]
        if which == "past" and unit == "year" and g["rp_pre"] is None and re.match(r"\s", text[end : end + 1] or " "):
            # "the past year" is a duration, "last year" a calendar year
            if re.search(r"\b(?:over|in|during|for)\s+the\s*$", before):
                return None
        if unit == "year":
            return made(f"{published.year + delta:04d}", "year", True)
        if unit == "month":
            year, month = _shift_month(published.year, published.month, delta)
            return made(f"{year:04d}-{month:02d}", "month", True)
        year, quarter = published.year, _quarter_of(published) + delta
        if quarter == 0:
            year, quarter = year - 1, 4
        elif quarter == 5:
            year, quarter = year + 1, 1
        return made(f"{year:04d}-Q{quarter}", "quarter", True)
    if g["ago"]:
        if published is None:
            return None
        amount_text = g["ago_n"].lower()
        amount = int(amount_text) if amount_text.isdigit() else NUMBER_WORDS[amount_text]
        if g["ago_u"].startswith("year"):
            return made(f"{published.year - amount:04d}", "year", True)
        year, month = _shift_month(published.year, published.month, -amount)
        return made(f"{year:04d}-{month:02d}", "month", True)
    if g["mo"]:
        month = _month(g["mo_m"])
        pre = g["mo_pre"].lower()
        if g["mo_m"] == "May" and pre in {"and", "to", "of"}:
            return None
        if published is None:
            return None
        year = published.year
        if pre == "last" and month >= published.month:
            year -= 1
        elif pre == "next" and month <= published.month:
            year += 1
        elif pre in {"in", "since", "during", "early", "late", "mid-", "of", "from", "before", "after", "between",
                     "and", "to", "through"} and month > published.month + 1 and not _future(before):
            year -= 1
        start = match.start("mo_m")
        return DateMatch(start, end, text[start:end], f"{year:04d}-{month:02d}", "month", True)
    if g["y"]:
        if _NOT_YEAR_BEFORE.search(text[max(0, start - 10) : start]) or _COUNT_AFTER.match(text[end : end + 16]):
            return None
        start = match.start("y_y")
        return DateMatch(start, end, text[start:end], g["y_y"], "year")
    return None


def find_dates(text: str, published: date | None) -> list[DateMatch]:
    """Every calendar reference in ``text``; relative ones need ``published`` and are skipped without it."""
    found = []
    for match in PATTERN.finditer(text):
        item = interpret(match, text, published)
        if item is not None:
            found.append(item)
    return found
