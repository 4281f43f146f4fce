"""The Prefect flow `nightly`: ingest → extract → stories → dbt build → publish the marts.

Each step is a small task that retries what a second try can cure (a lost connection, a
server restart, a time-out); the run's lock, its record in meta.runs and its report artifact
live in `recorded_run`, so the flow body reads as the pipeline.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import psycopg
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.context import get_run_context

from flows import alerts, pipeline, stopping, stories, transform, warehouse
from flows.database import resolve_url
from flows.extract import extract_batch
from flows.extract.models import Extraction, RawDocument
from flows.freshness import Freshness, check_freshness, format_age
from flows.ingest import IngestReport
from flows.progress import step_progress
from flows.report import render_markdown
from flows.runs import RunReport, count_new_rows, new_examples
from flows.settings import EXTRACTOR_VERSION, SAMPLE_DIR, load_settings

TRANSIENT_ERRORS = (psycopg.OperationalError, ConnectionError, TimeoutError)
REPORT_ARTIFACT_KEY = "nightly-report"


def is_transient(task, task_run, state) -> bool:
    """Retry only failures a second try can cure: lost connections, restarts, time-outs."""
    error = state.result(raise_on_failure=False)
    return isinstance(error, TRANSIENT_ERRORS)


RETRY = {"retries": 3, "retry_delay_seconds": [2, 10, 30], "retry_condition_fn": is_transient}


# --- the steps -----------------------------------------------------------------------------


@task(name="migrate", **RETRY)
def migrate_task(url: str) -> list[str]:
    """Apply the versioned migrations of sql/."""
    return [m.path.name for m in warehouse.migrate(url)]


@task(name="reset-staging", **RETRY)
def reset_task(url: str) -> None:
    """Empty staging so everything is rebuilt from raw alone."""
    pipeline.reset_for_reprocess(url)


@task(name="ingest", **RETRY)
def ingest_task(url: str, source: str) -> IngestReport:
    """Load the source folder into raw."""
    with step_progress("ingest"):
        return pipeline.run_ingest(url, Path(source), load_settings())


@task(name="source-freshness")
def freshness_task(url: str) -> Freshness:
    """How old the newest loaded document is (the dbt project's freshness rule); stale is news."""
    freshness = check_freshness(url)
    if freshness.status != "pass":
        get_run_logger().warning(
            "source freshness %s: newest document is %s old",
            freshness.status,
            format_age(freshness.age_seconds),
        )
    return freshness


@task(name="extract", **RETRY)
def extract_task(url: str) -> pipeline.ExtractReport:
    """Extract the new raw documents into staging, here or in local worker processes."""
    with step_progress("extract") as progress:
        return pipeline.run_extract(url, load_settings(), progress=progress)


@task(name="extract-batch", retries=2, retry_delay_seconds=5)
def extract_batch_task(documents: list[RawDocument]) -> list[Extraction]:
    """Extract one batch of documents; pure, so it can run on any worker."""
    return extract_batch(documents)


@flow(name="extract-distributed")
def extract_distributed(url: str, window: int = 8) -> pipeline.ExtractReport:
    """Extract the new raw documents on the task runner this flow is given (a Dask cluster)."""
    mapper = partial(pipeline.bounded_map, extract_batch_task.submit, window=window)
    return pipeline.run_extract(url, load_settings(), mapper=mapper)


def extract_step(url: str, dask_address: str | None) -> pipeline.ExtractReport:
    """The extract step: on the dask.distributed cluster at ``dask_address``, or locally."""
    if not dask_address:
        return extract_task(url)
    from prefect_dask import DaskTaskRunner

    return extract_distributed.with_options(task_runner=DaskTaskRunner(address=dask_address))(url)


@task(name="stories", **RETRY)
def stories_task(url: str) -> stories.StoryReport:
    """Give the newly extracted documents their stories (near-duplicates share one)."""
    with step_progress("stories"):
        return stories.assign_stories(url)


@task(name="build-needed", **RETRY)
def build_needed_task(url: str, reprocess: bool) -> tuple[str, bool]:
    """The marts' input state, and whether the marts need a build (it changed, or reprocess)."""
    with warehouse.connect(url) as conn:
        state = transform.input_state(conn)
        needed = reprocess or transform.last_built_state(conn) != state
    if not needed:
        get_run_logger().info("nothing changed since the last build: the marts stand as they are")
    return state, needed


@task(name="dbt-build", **RETRY)
def dbt_build_task(url: str) -> transform.DbtReport:
    """Build and test the dbt models into the side schema."""
    with step_progress("dbt build"):
        return transform.build_marts(url)


@task(name="compare-marts", **RETRY)
def compare_task(url: str) -> tuple[dict[str, int], dict[str, list[tuple]]]:
    """What the tested marts add to the published ones: new rows per table and examples."""
    built, published = transform.BUILD_SCHEMA, transform.MARTS_SCHEMA
    with warehouse.connect(url) as conn:
        return count_new_rows(conn, built, published), new_examples(conn, built, published)


@task(name="publish-marts", **RETRY)
def publish_task(url: str) -> None:
    """Swap the tested marts in for the readers."""
    transform.publish_marts(url)


# --- the run's record ----------------------------------------------------------------------


def timed(seconds: dict[str, float], name: str, step: Callable[..., Any], *args: Any) -> Any:
    """Run one step and record its wall-clock seconds under ``name``."""
    started = time.perf_counter()
    try:
        result = step(*args)
    finally:
        seconds[name] = round(time.perf_counter() - started, 3)
    # A stop request some library swallowed (and turned into a result) ends the run here.
    stopping.check()
    return result


def create_report_artifact(report: RunReport) -> None:
    """Attach the run report to the flow run as a markdown artifact."""
    create_markdown_artifact(
        render_markdown(report), key=REPORT_ARTIFACT_KEY, description="autonews nightly run"
    )


@contextmanager
def recorded_run(url: str, report: RunReport, wait_for_lock: bool) -> Iterator[RunReport]:
    """Hold the run lock and keep the run's record in meta.runs for the block.

    Leftovers of an interrupted run are closed first. On success the marts' highlights are
    collected; either way the report is written to meta.runs and attached as an artifact. A run
    stopped on request (SIGTERM, Ctrl-C) is recorded as 'cancelled', at once and without the
    artifact: the Prefect API may have gone down with the same Ctrl-C.
    """
    logger = get_run_logger()
    with warehouse.run_lock(url, wait=wait_for_lock) as lock_conn:
        if warehouse.close_interrupted(lock_conn):
            logger.warning("an earlier run was interrupted; its leftovers are marked failed")
        run_id = report.start(lock_conn)
        flow_run_id = get_run_context().flow_run.id
        alerts.remember_report(flow_run_id, report)
        try:
            yield report
            with warehouse.connect(url) as conn:
                report.collect(conn)
            report.finish(url, run_id, "succeeded")
        except BaseException as exc:
            report.error = f"{type(exc).__name__}: {exc}"
            if stopping.is_stop(exc):
                report.finish(url, run_id, "cancelled")
                stopping.settled()
                logger.warning("nightly run %s stopped on request: %s", run_id, exc)
                raise
            report.finish(url, run_id, "failed")
            try:
                create_report_artifact(report)
            except Exception:  # the run's own error is the one to raise
                logger.exception("could not attach the report of the failed run")
            raise
    alerts.forget_report(flow_run_id)
    create_report_artifact(report)
    logger.info("nightly run %s finished", run_id)


# --- the flow ------------------------------------------------------------------------------


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
    POSTs an alert to AUTONEWS_ALERT_WEBHOOK_URL when it is set (see flows.alerts). SIGTERM
    or Ctrl-C stops it within seconds, recorded as 'cancelled' (see flows.stopping).
    """
    with stopping.stop_on_signals():
        return _nightly(source_dir, reprocess, database_url, wait_for_lock, dask_address)


def _nightly(
    source_dir: str | None,
    reprocess: bool,
    database_url: str | None,
    wait_for_lock: bool,
    dask_address: str | None,
) -> RunReport:
    """The body of the flow `nightly`."""
    url = database_url or resolve_url(load_settings())
    source = str(Path(source_dir or SAMPLE_DIR).resolve())
    report = RunReport(source_dir=source, extractor_version=EXTRACTOR_VERSION)
    step = partial(timed, report.seconds)
    step("migrate", migrate_task, url)
    with recorded_run(url, report, wait_for_lock):
        if reprocess:
            step("reset", reset_task, url)
        report.ingest = step("ingest", ingest_task, url, source)
        report.freshness = step("freshness", freshness_task, url)
        report.extract = step("extract", extract_step, url, dask_address)
        step("stories", stories_task, url)
        report.input_state, build_needed = build_needed_task(url, reprocess)
        report.build_skipped = not build_needed
        if build_needed:
            report.dbt = step("dbt build", dbt_build_task, url)
            report.new_rows, report.new_examples = step("compare", compare_task, url)
            step("publish", publish_task, url)
    return report
