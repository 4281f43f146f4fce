"""The Prefect flow `nightly`: ingest → extract → dbt build → publish the marts."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact

from flows import pipeline, transform, warehouse
from flows.database import resolve_url
from flows.extract import extract_batch
from flows.extract.models import Extraction, RawDocument
from flows.ingest import IngestReport
from flows.report import RunReport, render_markdown
from flows.settings import EXTRACTOR_VERSION, SAMPLE_DIR, load_settings

TRANSIENT_ERRORS = (psycopg.OperationalError, ConnectionError, TimeoutError)


def is_transient(task, task_run, state) -> bool:
    """Retry only failures a second try can cure: lost connections, restarts, time-outs."""
    error = state.result(raise_on_failure=False)
    return isinstance(error, TRANSIENT_ERRORS)


RETRY = {"retries": 3, "retry_delay_seconds": [2, 10, 30], "retry_condition_fn": is_transient}


@task(name="migrate", **RETRY)
def migrate_task(url: str) -> list[str]:
    """Apply the versioned migrations of sql/."""
    return [m.path.name for m in warehouse.migrate(url)]


@task(name="ingest", **RETRY)
def ingest_task(url: str, source: str) -> IngestReport:
    """Load the source folder into raw."""
    return pipeline.run_ingest(url, Path(source), load_settings())


@task(name="extract", **RETRY)
def extract_task(url: str) -> pipeline.ExtractReport:
    """Extract the new raw documents into staging."""
    return pipeline.run_extract(url, load_settings())


@task(name="extract-batch", retries=2, retry_delay_seconds=5)
def extract_batch_task(documents: list[RawDocument]) -> list[Extraction]:
    """Extract one batch of documents; pure, so it can run on any worker."""
    return extract_batch(documents)


def dask_mapper(window: int):
    """A batch mapper that submits each batch as a task to the flow's (Dask) task runner."""

    def run(batches):
        in_flight = deque()
        for batch in batches:
            in_flight.append(extract_batch_task.submit(batch))
            if len(in_flight) >= window:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()

    return run


@flow(name="extract-distributed")
def extract_distributed(url: str, window: int = 8) -> pipeline.ExtractReport:
    """Extract the new raw documents on the task runner this flow is given (a Dask cluster)."""
    return pipeline.run_extract(url, load_settings(), mapper=dask_mapper(window))


@task(name="dbt-build", **RETRY)
def dbt_build_task(url: str) -> transform.DbtReport:
    """Build and test the dbt models into the side schema."""
    return transform.build_marts(url)


@task(name="publish-marts", **RETRY)
def publish_task(url: str) -> None:
    """Swap the tested marts in for the readers."""
    transform.publish_marts(url)


@task(name="reset-staging", **RETRY)
def reset_task(url: str) -> None:
    """Empty staging so everything is rebuilt from raw alone."""
    pipeline.reset_for_reprocess(url)


@dataclass
class StepTimer:
    """Wall-clock seconds per step."""

    seconds: dict[str, float] = field(default_factory=dict)

    def run(self, name: str, fn, *args):
        """Call ``fn`` and record how long it took under ``name``."""
        started = time.perf_counter()
        try:
            return fn(*args)
        finally:
            self.seconds[name] = round(time.perf_counter() - started, 3)


@flow(name="nightly", log_prints=True)
def nightly(
    source_dir: str | None = None,
    reprocess: bool = False,
    database_url: str | None = None,
    wait_for_lock: bool = False,
    dask_address: str | None = None,
) -> RunReport:
    """One nightly run over the files in ``source_dir`` (default: the bundled samples).

    With ``dask_address``, extraction runs on that dask.distributed cluster.
    """
    logger = get_run_logger()
    settings = load_settings()
    url = database_url or resolve_url(settings)
    source = str(Path(source_dir or SAMPLE_DIR).resolve())
    timer = StepTimer()
    timer.run("migrate", migrate_task, url)
    report = RunReport(source_dir=source, extractor_version=EXTRACTOR_VERSION)
    with warehouse.run_lock(url, wait=wait_for_lock) as lock_conn:
        if warehouse.close_interrupted(lock_conn):
            logger.warning("an earlier run was interrupted; its leftovers are marked failed")
        run_id = report.start(lock_conn)
        try:
            if reprocess:
                timer.run("reset", reset_task, url)
            report.ingest = timer.run("ingest", ingest_task, url, source)
            if dask_address:
                from prefect_dask import DaskTaskRunner

                distributed = extract_distributed.with_options(
                    task_runner=DaskTaskRunner(address=dask_address)
                )
                report.extract = timer.run("extract", distributed, url)
            else:
                report.extract = timer.run("extract", extract_task, url)
            report.dbt = timer.run("dbt build", dbt_build_task, url)
            timer.run("publish", publish_task, url)
            report.seconds = timer.seconds
            with warehouse.connect(url) as conn:
                report.collect(conn)
            report.finish(url, run_id, "succeeded")
        except BaseException as exc:
            report.seconds = timer.seconds
            report.error = f"{type(exc).__name__}: {exc}"
            report.finish(url, run_id, "failed")
            raise
    markdown = render_markdown(report)
    create_markdown_artifact(markdown, key="nightly-report", description="autonews nightly run")
    logger.info("nightly run %s finished", run_id)
    return report
