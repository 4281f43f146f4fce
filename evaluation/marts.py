"""Score a labelled set through the marts: the real pipeline builds them in a scratch database.

ingest → extract → dbt build → publish run over the set's texts exactly as in a nightly run,
into a database of their own (`autonews_evaluation` on the embedded server, or on the server
of DATABASE_URL), which is dropped and created afresh each time and left behind for a look.
Then each file's mart rows are read back in the scorer's terms.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import psycopg

from evaluation.news_dev import (
    Part,
    SystemCompany,
    SystemDocument,
    SystemPair,
    SystemSale,
    labelled_files,
    normalise,
)
from evaluation.scoring import period_label
from flows import pipeline, transform, warehouse
from flows.database import recreate_database, server_url
from flows.settings import load_settings

SCRATCH_DATABASE = "autonews_evaluation"

DOCUMENTS = """
select document_id, source_path, language, published_date
from marts.dim_documents
"""
COMPANIES = """
select m.document_id, m.company_id, c.company_name, m.surface_text
from marts.fct_company_mentions as m
inner join marts.dim_companies as c on m.company_id = c.company_id
"""
COMPANY_NAMES = "select company_id, company_name from marts.dim_companies"
PAIRS = """
select document_id, company_a_id, company_b_id, partnership_type, status, sentence_text
from marts.fct_partnership_mentions
order by document_id, claim_index
"""
SALES = """
select
    m.document_id, m.company_id, m.metric, m.value, s.period_start, s.period_grain,
    s.period_end, m.value_text, m.sentence_text
from marts.fct_sales_mentions as m
inner join marts.fct_sales as s on m.sales_id = s.sales_id
order by m.document_id, m.claim_index
"""


def scratch_database() -> str:
    """A new, empty scratch database on the warehouse's server; its URL."""
    return recreate_database(server_url(load_settings()), SCRATCH_DATABASE)


def build(url: str, texts: Path) -> None:
    """Run the nightly steps over ``texts`` into ``url``: migrate, ingest, extract, dbt, publish."""
    settings = load_settings()
    warehouse.migrate(url)
    pipeline.run_ingest(url, texts, settings)
    pipeline.run_extract(url, settings)
    transform.build_marts(url)
    transform.publish_marts(url)


def mart_documents(conn: psycopg.Connection) -> dict[str, SystemDocument]:
    """Every document of the marts in the scorer's terms, by its source path."""
    documents: dict[str, SystemDocument] = {}
    paths: dict[str, str] = {}
    for document_id, path, language, published in conn.execute(DOCUMENTS):
        paths[document_id] = path
        documents[path] = SystemDocument(
            language=language, published=published.isoformat() if published else None
        )
    company_names = dict(conn.execute(COMPANY_NAMES).fetchall())
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for document_id, company_id, company_name, surface in conn.execute(COMPANIES):
        names[document_id][company_id] |= {normalise(company_name), normalise(surface)}
    for row in conn.execute(PAIRS):
        document_id, a, b = row[:3]
        documents[paths[document_id]].pairs.append(SystemPair(*row[1:]))
        for company_id in (a, b):
            names[document_id][company_id].add(normalise(company_names[company_id]))
    for document_id, company_id, metric, value, start, grain, end, text, sentence in conn.execute(
        SALES
    ):
        documents[paths[document_id]].sales.append(
            SystemSale(company_id, metric, value, period_label(start, grain, end), text, sentence)
        )
        names[document_id][company_id].add(normalise(company_names[company_id]))
    for document_id, companies in names.items():
        documents[paths[document_id]].companies = [
            SystemCompany(key, frozenset(n)) for key, n in companies.items()
        ]
    return documents


def read_through_marts(
    url: str, parts: list[Part], texts: Path, missing: list[str]
) -> Iterator[tuple[int, str, SystemDocument]]:
    """Each labelled file's mart rows; a file the marts do not hold scores as empty, and its
    name is added to ``missing``."""
    with warehouse.connect(url) as conn:
        documents = mart_documents(conn)
    for index, file in labelled_files(parts):
        path = str((texts / file).relative_to(texts))
        if path not in documents:
            missing.append(file)
        yield index, file, documents.get(path, SystemDocument())
