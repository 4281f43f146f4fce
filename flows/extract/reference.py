"""The reference list of companies (brands among them), aliases and products from the seed CSVs."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from flows.settings import REFERENCE_DIR

COMPANIES_FILE = "reference_companies.csv"
ALIASES_FILE = "reference_company_aliases.csv"
PRODUCTS_FILE = "reference_products.csv"
STATUSES_FILE = "reference_partnership_statuses.csv"


@dataclass(frozen=True, slots=True)
class Company:
    """One company of the reference list."""

    company_id: str
    company_name: str
    country_code: str | None = None
    sector: str | None = None
    parent_company_id: str | None = None
    co_parent_company_id: str | None = None
    company_kind: str = "company"
    wikidata_id: str | None = None

    @property
    def parents(self) -> tuple[str, ...]:
        """The ids of the parent companies (two for a joint venture)."""
        return tuple(p for p in (self.parent_company_id, self.co_parent_company_id) if p)


@dataclass(frozen=True, slots=True)
class Name:
    """One surface name that points at a company."""

    text: str
    company_id: str
    method: str  # alias | product
    case_sensitive: bool = False


@dataclass(slots=True)
class Reference:
    """Companies by id and every name that points at them."""

    companies: dict[str, Company]
    names: list[Name] = field(default_factory=list)

    def name_of(self, company_id: str) -> str:
        """The display name of a reference company."""
        return self.companies[company_id].company_name

    def ancestors(self, company_id: str) -> set[str]:
        """All parents, grandparents and so on of a company."""
        seen: set[str] = set()
        todo = list(self.companies[company_id].parents) if company_id in self.companies else []
        while todo:
            parent = todo.pop()
            if parent in seen or parent not in self.companies:
                continue
            seen.add(parent)
            todo.extend(self.companies[parent].parents)
        return seen

    def same_group(self, a: str, b: str) -> bool:
        """Whether one company owns the other (or they are the same)."""
        return a == b or a in self.ancestors(b) or b in self.ancestors(a)

    def is_joint_venture(self, company_id: str) -> bool:
        """Whether the company is a joint venture of two parents."""
        company = self.companies.get(company_id)
        return company is not None and company.company_kind == "joint_venture"


def _rows(path: Path) -> list[dict[str, str]]:
    """Read one CSV file as dictionaries with stripped values."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {k.strip(): (v or "").strip() for k, v in row.items() if k}
            for row in csv.DictReader(handle)
        ]


def _truthy(value: str) -> bool:
    """Read a CSV boolean."""
    return value.strip().lower() in {"true", "t", "1", "yes", "y"}


def load_reference(directory: Path = REFERENCE_DIR) -> Reference:
    """Read the four reference CSV files of a directory."""
    directory = Path(directory)
    companies: dict[str, Company] = {}
    names: list[Name] = []
    alias_rows = [
        row for row in _rows(directory / ALIASES_FILE) if row.get("company_id") and row.get("alias")
    ]
    # A company name written again as a case-sensitive alias (`BILD`) takes that case rule.
    exact = {
        (row["company_id"], row["alias"])
        for row in alias_rows
        if _truthy(row.get("case_sensitive", ""))
    }
    for row in _rows(directory / COMPANIES_FILE):
        company = Company(
            company_id=row["company_id"],
            company_name=row["company_name"],
            country_code=row.get("country_code") or None,
            sector=row.get("sector") or None,
            parent_company_id=row.get("parent_company_id") or None,
            co_parent_company_id=row.get("co_parent_company_id") or None,
            company_kind=row.get("company_kind") or "company",
            wikidata_id=row.get("wikidata_id") or None,
        )
        companies[company.company_id] = company
        if (company.company_id, company.company_name) not in exact:
            names.append(Name(company.company_name, company.company_id, "alias"))
    for row in alias_rows:
        if row["company_id"] in companies:
            names.append(
                Name(
                    row["alias"], row["company_id"], "alias", _truthy(row.get("case_sensitive", ""))
                )
            )
    for row in _rows(directory / PRODUCTS_FILE):
        if row.get("company_id") in companies and row.get("product"):
            names.append(Name(row["product"], row["company_id"], "product"))
    return Reference(companies=companies, names=names)


@dataclass(frozen=True, slots=True)
class PartnershipStatus:
    """One partnership status with its two orders (see the seed's description)."""

    status: str
    merge_rank: int
    evidence_rank: int
    is_negative: bool


@lru_cache(maxsize=1)
def load_statuses(directory: Path = REFERENCE_DIR) -> tuple[PartnershipStatus, ...]:
    """The partnership statuses of the seed, in merge order (the status that wins first)."""
    path = Path(directory) / STATUSES_FILE
    rows = _rows(path)
    if not rows:
        raise FileNotFoundError(f"{path}: no partnership statuses")
    statuses = [
        PartnershipStatus(
            row["status"],
            int(row["merge_rank"]),
            int(row["evidence_rank"]),
            _truthy(row["is_negative"]),
        )
        for row in rows
    ]
    return tuple(sorted(statuses, key=lambda s: s.merge_rank))
