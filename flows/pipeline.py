"""The nightly job's steps as plain functions; the Prefect flow in flows.nightly wraps them."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

from flows import warehouse
from flows.extract.models import Extraction, RawDocument
from flows.ingest import IngestReport, ingest
from flows.settings import EXTRACTOR_VERSION, Settings
from flows.workers import Budget, WorkerPool

# Failed documents listed by name in the run report (all are counted).
REPORTED_FAILURES = 20
# Below this many pending documents, worker processes cost more than they save.
PARALLEL_THRESHOLD = 2000


@dataclass
class ExtractReport:
    """What the extraction step did."""

    extractor_version: str
    documents: int = 0
    mentions: int = 0
    partnerships: int = 0
    sales: int = 0
    workers: int = 1
    # Documents the extractor could not read (kept in raw, read again by the next run) and
    # the first of them with their reasons.
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def run_ingest(url: str, source: Path, settings: Settings) -> IngestReport:
    """Load the source folder into raw as one batch."""
    with warehouse.connect(url, autocommit=True) as conn:
        return ingest(conn, source, settings.max_file_bytes, settings.ingest_batch)


def _count(report: ExtractReport, extractions: list[Extraction]) -> None:
    """Add a batch's extractions to the report's counts."""
    for extraction in extractions:
        if extraction.error is not None:
            report.failed += 1
            if len(report.failures) < REPORTED_FAILURES:
                report.failures.append((extraction.document_id, extraction.error))
            continue
        report.documents += 1
        report.mentions += len(extraction.mentions)
        report.partnerships += len(extraction.partnerships)
        report.sales += len(extraction.sales)


def _batches(url: str, batch_size: int) -> Iterator[list[RawDocument]]:
    """Stream the documents still to extract, from a connection of their own."""
    with warehouse.connect(url) as conn:
        yield from warehouse.pending_documents(conn, EXTRACTOR_VERSION, batch_size)


def worker_count(settings: Settings, pending: int) -> int:
    """How many extraction processes to use for ``pending`` documents."""
    if settings.workers > 0:
        return settings.workers
    if pending < PARALLEL_THRESHOLD:
        return 1
    return max(1, os.cpu_count() or 1)


def budget(settings: Settings) -> Budget:
    """What one document may cost its worker."""
    return Budget(settings.document_seconds, settings.document_memory_mb * 2**20)


BatchMapper = Callable[[Iterator[list[RawDocument]]], Iterator[list[Extraction]]]


def run_extract(
    url: str,
    settings: Settings,
    progress: Callable[[int, int], None] | None = None,
    mapper: BatchMapper | None = None,
) -> ExtractReport:
    """Extract every raw document not yet extracted by this extractor version into staging.

    ``mapper`` runs extract_batch over the batches elsewhere (a Dask cluster) and yields the
    results in order; without it, batches run in local worker processes (flows.workers), at
    least one, so that a document over its time or memory budget, or one that kills its
    worker, costs that document and nothing else.
    """
    report = ExtractReport(EXTRACTOR_VERSION)
    with warehouse.connect(url, autocommit=True) as conn:
        pending = warehouse.count_pending(conn, EXTRACTOR_VERSION)
        report.workers = worker_count(settings, pending)
        batches = _batches(url, settings.batch_size)
        if mapper is not None:
            report.workers = 0
            _drain(conn, mapper(batches), report, pending, progress)
        elif pending:
            pool = WorkerPool(report.workers, budget(settings))
            with closing(pool.map(batches)) as results:
                _drain(conn, results, report, pending, progress)
        if report.documents:
            # Fresh rows have no planner statistics until autovacuum comes by; without them
            # dbt's joins over the new rows may pick plans that are many times slower.
            warehouse.analyze(conn)
    return report


@contextmanager
def process_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A ProcessPoolExecutor that, left by an exception (the run stops), kills its processes.

    Leaving a plain executor's block waits for every batch already submitted.
    """
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
        raise
    pool.shutdown()


def bounded_map(
    submit: Callable[[list[RawDocument]], Any],
    batches: Iterator[list[RawDocument]],
    window: int,
) -> Iterator[list[Extraction]]:
    """Submit each batch and yield the results in order, with at most ``window`` in flight.

    ``submit`` returns anything with ``.result()`` (a concurrent or a Prefect future).
    Executor.map would submit the whole input at once and hold the archive in memory.
    """
    in_flight: deque = deque()
    for batch in batches:
        in_flight.append(submit(batch))
        if len(in_flight) >= window:
            yield in_flight.popleft().result()
    while in_flight:
        yield in_flight.popleft().result()


def _drain(
    conn: psycopg.Connection,
    results: Iterator[list[Extraction]],
    report: ExtractReport,
    pending: int,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Write each extracted batch to staging as it arrives."""
    for extractions in results:
        warehouse.write_extractions(conn, extractions)
        _count(report, extractions)
        if progress is not None:
            progress(report.documents + report.failed, pending)


def reset_for_reprocess(url: str) -> None:
    """Empty staging so that extraction and the marts are rebuilt from raw alone."""
    with warehouse.connect(url, autocommit=True) as conn:
        warehouse.reset_staging(conn)
