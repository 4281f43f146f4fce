"""The Prefect flow `nightly`: ingest → extract → dbt build → publish the marts."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import psycopg
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.context import get_run_context

from flows import alerts, pipeline, stories, transform, warehouse
from flows.database import resolve_url
from flows.extract import extract_batch
from flows.extract.models import Extraction, RawDocument
from flows.freshness import Freshness, check_freshness, format_age
from flows.ingest import IngestReport
from flows.progress import step_progress
from flows.report import render_markdown
from flows.runs import RunReport
from flows.settings import EXTRACTOR_VERSION, SAMPLE_DIR, load_settings

TRANSIENT_ERRORS = (psycopg.OperationalError, ConnectionError, TimeoutError)


def is_transient(task, task_run, state) -> bool:
    """Retry only failures a second try can cure: lost connections, restarts, time-outs."""
    error = state.result(raise_on_failure=False)
    return isinstance(error, TRANSIENT_ERRORS)


RETRY = {"retries": 3, "retry_delay_seconds": [2, 10, 30], "retry_condition_fn": is_transient}
REPORT_ARTIFACT_KEY = "nightly-report"


@task(name="migrate", **RETRY)
def migrate_task(url: str) -> list[str]:
    """Apply the versioned migrations of sql/."""
    return [m.path.name for m in warehouse.migrate(url)]


@task(name="ingest", **RETRY)
def ingest_task(url: str, source: str) -> IngestReport:
    """Load the source folder into raw."""
    with step_progress("ingest"):
        return pipeline.run_ingest(url, Path(source), load_settings())


@task(name="extract", **RETRY)
def extract_task(url: str) -> pipeline.ExtractReport:
    """Extract the new raw documents into staging."""
    with step_progress("extract") as progress:
        return pipeline.run_extract(url, load_settings(), progress=progress)


@task(name="stories", **RETRY)
def stories_task(url: str) -> stories.StoryReport:
    """Give the newly extracted documents their stories (near-duplicates share one)."""
    with step_progress("stories"):
        return stories.assign_stories(url)


@task(name="source-freshness")
def freshness_task(url: str) -> Freshness:
    """Check how old the newest loaded document is (warn after 2 days, error after 7)."""
    return check_freshness(url)


@task(name="extract-batch", retries=2, retry_delay_seconds=5)
def extract_batch_task(documents: list[RawDocument]) -> list[Extraction]:
    """Extract one batch of documents; pure, so it can run on any worker."""
    return extract_batch(documents)


def dask_mapper(window: int):
    """A batch mapper that submits each batch as a task to the flow's (Dask) task runner."""
    return partial(pipeline.bounded_map, extract_batch_task.submit, window=window)


@flow(name="extract-distributed")
def extract_distributed(url: str, window: int = 8) -> pipeline.ExtractReport:
    """Extract the new raw documents on the task runner this flow is given (a Dask cluster)."""
    return pipeline.run_extract(url, load_settings(), mapper=dask_mapper(window))


@task(name="dbt-build", **RETRY)
def dbt_build_task(url: str) -> transform.DbtReport:
    """Build and test the dbt models into the side schema."""
    with step_progress("dbt build"):
        return transform.build_marts(url)


@task(name="publish-marts", **RETRY)
def publish_task(url: str) -> None:
    """Swap the tested marts in for the readers."""
    transform.publish_marts(url)


def publish(url: str, report: RunReport) -> None:
    """Count what the tested marts add to the published ones, then swap them in."""
    with warehouse.connect(url) as conn:
        report.compare(conn, transform.BUILD_SCHEMA, transform.MARTS_SCHEMA)
    publish_task(url)


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


def create_report_artifact(report: RunReport) -> None:
    """Attach the run report to the flow run as a markdown artifact."""
    create_markdown_artifact(
        render_markdown(report), key=REPORT_ARTIFACT_KEY, description="autonews nightly run"
    )


@flow(name="nightly", log_prints=True, on_failure=[alerts.notify_failure])
def nightly(
    source_dir: str | None = None,
    reprocess: bool = False,
    database_url: str | None = None,
    wait_for_lock: bool = False,
    dask_address: str | None = None,
) -> RunReport:
    """One nightly run over the files in ``source_dir`` (default: the bundled samples).

    With ``dask_address``, extraction runs on that dask.distributed cluster. A failed run
    POSTs an alert to AUTONEWS_ALERT_WEBHOOK_URL when it is set (see flows.alerts).
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
        flow_run_id = get_run_context().flow_run.id
        alerts.remember_report(flow_run_id, report)
        try:
            if reprocess:
                timer.run("reset", reset_task, url)
            report.ingest = timer.run("ingest", ingest_task, url, source)
            report.freshness = timer.run("freshness", freshness_task, url)
            if report.freshness.status != "pass":
                logger.warning(
                    "source freshness %s: newest document is %s old",
                    report.freshness.status,
                    format_age(report.freshness.age_seconds),
                )
            if dask_address:
                from prefect_dask import DaskTaskRunner

                distributed = extract_distributed.with_options(
                    task_runner=DaskTaskRunner(address=dask_address)
                )
                report.extract = timer.run("extract", distributed, url)
            else:
                report.extract = timer.run("extract", extract_task, url)
            timer.run("stories", stories_task, url)
            with warehouse.connect(url) as conn:
                report.input_state = transform.input_state(conn)
                report.build_skipped = (
                    not reprocess and transform.last_built_state(conn) == report.input_state
                )
            if report.build_skipped:
                logger.info("nothing changed since the last build: the marts stand as they are")
            else:
                report.dbt = timer.run("dbt build", dbt_build_task, url)
                timer.run("publish", publish, url, report)
            report.seconds = timer.seconds
            with warehouse.connect(url) as conn:
                report.collect(conn)
            report.finish(url, run_id, "succeeded")
        except BaseException as exc:
            report.seconds = timer.seconds
            report.error = f"{type(exc).__name__}: {exc}"
            report.finish(url, run_id, "failed")
            try:
                create_report_artifact(report)
            except Exception:  # the run's own error is the one to raise
                logger.exception("could not attach the report of the failed run")
            raise
    alerts.forget_report(flow_run_id)
    create_report_artifact(report)
    logger.info("nightly run %s finished", run_id)
    return report
