"""Plain data types passed between the extractor and the warehouse writer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

PARTNERSHIP_TYPES = (
    "joint_venture",
    "equity_investment",
    "acquisition",
    "merger",
    "technology",
    "supply",
    "production",
    "research",
    "distribution",
    "other",
)
DIRECTED_PARTNERSHIP_TYPES = ("equity_investment", "acquisition")
PARTNERSHIP_STATUSES = (
    "rumored",
    "talks",
    "planned",
    "announced",
    "active",
    "completed",
    "denied",
    "cancelled",
    "rejected",
)
SALES_METRICS = (
    "units_sold",
    "deliveries",
    "registrations",
    "production",
    "exports",
    "market_share",
    "revenue",
)
PERSON_ROLES = (
    "ceo",
    "chair",
    "founder",
    "cfo",
    "cto",
    "board_member",
    "head_of_unit",
    "spokesperson",
    "owner",
    "politician",
    "other",
)
DATE_PRECISIONS = ("day", "month", "year")
SOURCE_FORMATS = ("text", "html", "json")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A stored document as the extractor receives it from `raw.documents`."""

    document_id: str
    source_path: str
    body: str
    source_format: str = "text"


@dataclass(slots=True)
class DocumentMeta:
    """Document-level facts: language, title, publication date."""

    document_id: str
    language: str | None
    title: str | None
    published_date: date | None
    published_precision: str | None
    date_source: str | None
    # The plain text that every char offset of this document points into, when it is
    # not the raw body itself (HTML and JSON inputs); None for plain text documents.
    text_body: str | None
    char_count: int


@dataclass(slots=True)
class CompanyMention:
    """One company named in a document, with offsets into the document's text."""

    mention_index: int
    company_id: str
    company_name: str
    is_reference: bool
    match_method: str  # alias | product | discovered
    surface_text: str
    char_start: int
    char_end: int
    sentence_text: str


@dataclass(slots=True)
class PartnershipClaim:
    """One partnership between two companies stated in one sentence."""

    claim_index: int
    company_a_id: str
    company_a_name: str
    company_b_id: str
    company_b_name: str
    is_directed: bool
    partnership_type: str
    status: str
    sentence_text: str
    char_start: int
    char_end: int
    stake_percent: Decimal | None = None
    amount_value: Decimal | None = None
    amount_currency: str | None = None
    trigger_text: str | None = None


@dataclass(slots=True)
class SalesClaim:
    """One sales figure of one company stated in one sentence."""

    claim_index: int
    company_id: str
    company_name: str
    metric: str
    value: Decimal
    unit: str
    value_text: str
    period_start: date | None
    period_end: date | None
    period_grain: str | None  # month | quarter | half_year | year | ytd | day | week
    market: str  # global | CN | DE | EU | Europe | US | ...
    segment: str  # all | NEV | BEV | PHEV | HEV | ICE
    sentence_text: str
    char_start: int
    char_end: int
    reporting_body: str | None = None


@dataclass(slots=True)
class PersonMention:
    """One person named in a document, with the role and company the text ties them to."""

    mention_index: int
    person_name: str  # the fullest form of the name in this document (`Luca de Meo`)
    surface_text: str  # as written here (`De Meo`)
    char_start: int
    char_end: int
    sentence_text: str
    role: str | None = None  # one of PERSON_ROLES, where the text states one
    role_text: str | None = None  # the role as written (`CEO`, `Direktor für Einkauf`)
    company_id: str | None = None
    company_name: str | None = None
    # The company mention (CompanyMention.mention_index) the role is tied to.
    company_mention_index: int | None = None


@dataclass(slots=True)
class Extraction:
    """Everything the extractor read out of one document."""

    document_id: str
    extractor_version: str
    meta: DocumentMeta
    mentions: list[CompanyMention] = field(default_factory=list)
    partnerships: list[PartnershipClaim] = field(default_factory=list)
    sales: list[SalesClaim] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    # Why the extractor could not read the document (an error it raised); None when it did.
    # A failed extraction carries no rows: the document stays pending and is read again by
    # the next run, its raw text untouched.
    error: str | None = None

    @classmethod
    def failed(cls, document_id: str, extractor_version: str, error: str) -> Extraction:
        """The record of a document the extractor could not read."""
        meta = DocumentMeta(document_id, None, None, None, None, None, None, 0)
        return cls(document_id, extractor_version, meta, error=error)
