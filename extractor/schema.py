"""The record autonews emits, as pydantic v2 models (see ../shared/CONTRACT.md).

Every object that carries ``text``/``start``/``end`` points into the article text:
``article_text[start:end] == text``. Money values are parsed as ``Decimal`` and leave the
record as JSON numbers (integers where the value is whole).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

SCHEMA_VERSION = "1"


def _decimal_to_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


Money = Annotated[Decimal, PlainSerializer(_decimal_to_number, return_type=int | float, when_used="always")]

DealType = Literal["investment", "acquisition", "joint_venture", "partnership", "licensing", "supply"]
Granularity = Literal["day", "month", "quarter", "half", "year"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Record):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Company(_Record):
    name: str = Field(description="Canonical name (knowledge-base name, or the cleaned NER name)")
    id: str | None = Field(default=None, description="Knowledge-base id, null outside the knowledge base")
    country: str | None = None
    kind: str | None = None
    parent: str | None = Field(default=None, description="Canonical name of the parent company, if known")
    in_knowledge_base: bool
    mentions: list[Mention]


class DateValue(Mention):
    value: str = Field(description="ISO 8601 at the text's precision: 2023, 2023-07, 2023-07-26, 2024-Q3, 2025-H1")
    granularity: Granularity
    relative: bool = Field(default=False, description="Resolved against the publication date")


class Amount(Mention):
    value: Money = Field(description="Value in full units of the currency")
    currency: str = Field(description="ISO 4217 code")
    kind: Literal["exact", "approximate", "range_low", "range_high", "per_share", "ceiling"] = "exact"
    implied_currency: bool = Field(
        default=False, description="The currency comes from the sentence, not from the figure itself"
    )


class Stake(Mention):
    percent: float
    holder: str | None = None
    target: str | None = None
    role: Literal["held", "acquired", "previous", "targeted", "sold"] = "held"


class Technology(_Record):
    name: str
    id: str | None = None
    category: str
    in_taxonomy: bool
    mentions: list[Mention]


class DealAmount(_Record):
    value: Money
    currency: str


class Deal(_Record):
    type: DealType
    parties: list[str]
    roles: dict[str, str] = Field(default_factory=dict, description="party name -> role (buyer, target, ...)")
    date: str | None = None
    amount: DealAmount | None = None
    stake_percent: float | None = None
    technologies: list[str] = Field(default_factory=list)
    status: Literal["completed", "announced", "agreed", "planned"] = "announced"
    venture: str | None = Field(default=None, description="Name of the joint venture, where one is named")
    evidence: Mention


class DealSignal(_Record):
    """Talks, rumours, denials and cancelled plans: kept apart so that nobody loads them as deals."""

    type: DealType
    parties: list[str]
    status: Literal["talks", "rumour", "denied", "cancelled", "exit"]
    evidence: Mention


class ArticleRecord(_Record):
    schema_version: str = SCHEMA_VERSION
    id: str
    source: str
    title: str | None = None
    published: str | None = None
    extractor_version: str
    companies: list[Company] = Field(default_factory=list)
    dates: list[DateValue] = Field(default_factory=list)
    stakes: list[Stake] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    technologies: list[Technology] = Field(default_factory=list)
    deals: list[Deal] = Field(default_factory=list)
    deal_signals: list[DealSignal] = Field(default_factory=list)


def record_json_schema() -> dict:
    """The JSON Schema of one output record (``autonews schema``)."""
    return ArticleRecord.model_json_schema(mode="serialization")
