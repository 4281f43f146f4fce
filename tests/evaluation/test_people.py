"""People scoring: names compared without case or accents, role entries with their company."""

from __future__ import annotations

import json

from evaluation.people import PeopleReport, found_entries, gold_entries, name_key, score_document
from evaluation.sets import PEOPLE_NEWS_DEV_LABELS, SAMPLES_LABELS, SEEDS_LABELS
from flows.extract.models import PERSON_ROLES, DocumentMeta, Extraction, PersonMention


def _extraction(*people: tuple[str, str | None, str | None]) -> Extraction:
    """An extraction holding the given (person, company, role) mentions."""
    meta = DocumentMeta("d", "de", None, None, None, None, None, 0)
    extraction = Extraction("d", "test", meta)
    for index, (name, company, role) in enumerate(people):
        extraction.people.append(
            PersonMention(
                index, name, name, 0, len(name), name, role, role and role.upper(), company
            )
        )
    return extraction


def test_names_compare_without_case_accents_or_spaces() -> None:
    assert name_key("Jörg  Wuttke") == name_key("jorg wuttke") == "jorg wuttke"


def test_people_and_role_entries_are_scored_per_document() -> None:
    gold = {
        "people": [
            {"name": "Luca de Meo", "roles": [{"company_id": "renault", "role": "ceo"}]},
            {"name": "Li Xiang", "roles": []},
            {"name": "Olaf Scholz", "roles": [{"company_id": None, "role": "politician"}]},
        ]
    }
    extraction = _extraction(
        ("Luca de Meo", "renault", "ceo"),
        ("Luca de Meo", None, None),
        ("Olaf Scholz", None, "politician"),
        ("Elon Musk", "tesla", "founder"),
    )
    report = PeopleReport()
    score_document(report, gold, extraction, "doc.txt")
    assert (report.people.tp, report.people.fp, report.people.fn) == (2, 1, 1)
    assert (report.roles.tp, report.roles.fp, report.roles.fn) == (2, 1, 0)
    assert "doc.txt: role extra ('elon musk', 'tesla', 'founder')" in report.misses


def test_found_entries_leave_role_less_mentions_out_of_the_roles() -> None:
    people, roles = found_entries(_extraction(("Musk", None, None)))
    assert people == {"musk"} and roles == set()


def test_every_label_file_uses_the_closed_role_list() -> None:
    for path in (SAMPLES_LABELS, SEEDS_LABELS, PEOPLE_NEWS_DEV_LABELS):
        labels = json.loads(path.read_text(encoding="utf-8"))
        documents = {k: v for k, v in labels.items() if not k.startswith("_")}
        assert any(gold.get("people") for gold in documents.values()), path
        for gold in documents.values():
            people, roles = gold_entries(gold)
            assert all(role in PERSON_ROLES for _, _, role in roles), path
            assert {person for person, _, _ in roles} <= people
