"""People and their roles against the project's own labels, per language.

Labels: a `people` list in each document entry of `labels/samples.json` and
`labels/seeds.json`, and `labels/people_news_dev.json` for the news_dev texts (names, roles
and company ids only). Each person is `{"name": ..., "roles": [{"company_id": ..., "role":
...}]}`; `company_id` is null for a role stated without a company (a minister).

- person P / R: the distinct people a document names, compared by name without case or
  accents (the extractor's fullest form of the name in the document);
- role P / R: (person, company, role) entries of a document.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.output import Output
from evaluation.own_labels import raw_document
from evaluation.scoring import Score
from evaluation.sets import (
    NEWS_DEV,
    PEOPLE_NEWS_DEV_LABELS,
    SAMPLES_LABELS,
    SEEDS_DIR,
    SEEDS_LABELS,
    shown,
)
from flows.extract import Extractor
from flows.extract.models import Extraction
from flows.settings import SAMPLE_DIR

COLUMNS = (
    "set",
    "lang",
    "docs",
    "person P",
    "person R",
    "person F1",
    "role P",
    "role R",
    "role F1",
)
# Where each labelled set's texts are.
SETS = (
    ("samples", SAMPLE_DIR, SAMPLES_LABELS),
    ("seeds", SEEDS_DIR, SEEDS_LABELS),
    ("news_dev", NEWS_DEV / "texts", PEOPLE_NEWS_DEV_LABELS),
)

Role = tuple[str, str | None, str]


@dataclass
class PeopleReport:
    """People and role entries of one language (or of all documents) of one set."""

    docs: int = 0
    people: Score = field(default_factory=Score)
    roles: Score = field(default_factory=Score)
    misses: list[str] = field(default_factory=list)

    def row(self, name: str, key: str) -> list[str]:
        """The table row of this report."""
        return [name, key, str(self.docs), *self.people.cells(), *self.roles.cells()]


def name_key(name: str) -> str:
    """A person's name without case, accents or extra spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def gold_entries(gold: dict) -> tuple[set[str], set[Role]]:
    """The people and (person, company, role) entries of one labelled document."""
    people, roles = set(), set()
    for person in gold.get("people", []):
        key = name_key(person["name"])
        people.add(key)
        for role in person.get("roles", []):
            roles.add((key, role.get("company_id"), role["role"]))
    return people, roles


def found_entries(extraction: Extraction) -> tuple[set[str], set[Role]]:
    """The people and role entries the extractor read from one document."""
    people = {name_key(p.person_name) for p in extraction.people}
    roles = {(name_key(p.person_name), p.company_id, p.role) for p in extraction.people if p.role}
    return people, roles


def score_document(report: PeopleReport, gold: dict, extraction: Extraction, name: str) -> None:
    """Compare one document's people and roles with its labels."""
    report.docs += 1
    gold_people, gold_roles = gold_entries(gold)
    people, roles = found_entries(extraction)
    report.people.add(gold_people, people)
    report.roles.add(gold_roles, roles)
    for kind, missed, extra in (
        ("person", gold_people - people, people - gold_people),
        ("role", gold_roles - roles, roles - gold_roles),
    ):
        report.misses += [f"{name}: {kind} missed {item}" for item in sorted(missed, key=str)]
        report.misses += [f"{name}: {kind} extra {item}" for item in sorted(extra, key=str)]


def evaluate(
    extractor: Extractor, folder: Path, labels: Path, out: Output
) -> dict[str, PeopleReport]:
    """Reports per language and `all` for the labelled files of ``folder`` that are present."""
    reports: dict[str, PeopleReport] = defaultdict(PeopleReport)
    for name, gold in sorted(json.loads(labels.read_text(encoding="utf-8")).items()):
        if name.startswith("_") or not isinstance(gold, dict) or "people" not in gold:
            continue
        path = folder / name
        if not path.exists():
            out.note(f"{name} is not in {shown(folder)}, skipped.")
            continue
        extraction = extractor.extract(raw_document(path))
        for key in (gold.get("language") or "?", "all"):
            score_document(reports[key], gold, extraction, name)
    return reports


def rows(name: str, reports: dict[str, PeopleReport]) -> Iterable[list[str]]:
    """Table rows of one set: each language, then all."""
    for key in sorted(reports, key=lambda k: (k == "all", k)):
        yield reports[key].row(name, key)


def run(extractor: Extractor, out: Output) -> None:
    """Print the people table of every labelled set that is present (and every miss when asked)."""
    table: list[list[str]] = []
    misses: list[str] = []
    for name, folder, labels in SETS:
        if not labels.exists() or not folder.exists():
            out.note(f"people: {shown(folder)} or {shown(labels)} is absent, skipped.")
            continue
        reports = evaluate(extractor, folder, labels, out)
        table += rows(name, reports)
        misses += reports["all"].misses if "all" in reports else []
    out.table("people and roles: own labels", COLUMNS, table)
    out.misses(misses)
