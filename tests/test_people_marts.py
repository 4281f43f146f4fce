"""People in the warehouse: staging rows, the people marts and their keys, after the sample run."""

from __future__ import annotations

import psycopg

from tests.conftest import SampleRun


def _rows(url: str, query: str) -> list[tuple]:
    """The rows of one query."""
    with psycopg.connect(url) as conn:
        return conn.execute(query).fetchall()


def test_staging_holds_every_person_mention_with_offsets_into_the_text(
    sample_run: SampleRun,
) -> None:
    bad = _rows(
        sample_run.url,
        """
        select p.document_id, p.mention_index
        from staging.person_mentions as p
        join raw.documents as d using (document_id)
        left join staging.documents as s using (document_id)
        where substr(coalesce(s.text_body, d.body), p.char_start + 1, p.char_end - p.char_start)
            <> p.surface_text
        """,
    )
    assert bad == []
    (count,) = _rows(sample_run.url, "select count(*) from staging.person_mentions")[0]
    assert count >= 10


def test_who_leads_whom_on_the_samples(sample_run: SampleRun) -> None:
    roles = set(
        _rows(
            sample_run.url,
            """
            select r.person_name, r.company_id, r.role
            from marts.fct_person_roles as r
            where r.company_id is not null
            """,
        )
    )
    assert {
        ("Oliver Zipse", "bmw", "ceo"),
        ("Li Shufu", "geely", "founder"),
        ("Tim Cook", "apple", "ceo"),
        ("Akio Toyoda", "toyota", "chair"),
        ("Makoto Uchida", "nissan", "ceo"),
        ("Wang Chuanfu", "byd", "founder"),
        ("Wang Chuanfu", "byd", "ceo"),
    } <= roles


def test_every_role_has_its_evidence_and_every_mention_its_person(sample_run: SampleRun) -> None:
    orphans = _rows(
        sample_run.url,
        """
        select m.person_mention_id
        from marts.fct_person_mentions as m
        left join marts.dim_people as p using (person_id)
        where p.person_id is null
        """,
    )
    assert orphans == []
    evidence = _rows(
        sample_run.url,
        """
        select r.person_name, r.evidence_text, d.document_id
        from marts.fct_person_roles as r
        join marts.dim_documents as d on r.source_document_id = d.document_id
        where r.person_name = 'Wang Chuanfu' and r.role = 'founder'
        """,
    )
    assert len(evidence) == 1 and "Wang Chuanfu" in evidence[0][1]
    people = _rows(
        sample_run.url,
        "select person_name, document_count, mention_count from marts.dim_people "
        "where person_name = 'Wang Chuanfu'",
    )
    # One person: two roles on one name are one mention of one document.
    assert people == [("Wang Chuanfu", 1, 1)]
