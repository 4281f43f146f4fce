"""The `autonews` command line."""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from pathlib import Path
from typing import NoReturn

from flows import stopping
from flows.settings import PREFECT_STARTUP_TIMEOUT_SECONDS, SAMPLE_DIR, load_settings

PREFECT_DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": str(PREFECT_STARTUP_TIMEOUT_SECONDS),
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
}
# Exit status of `autonews run` when the Prefect API cannot be started or does not answer.
EXIT_NO_API = 4


def _prepare_environment() -> None:
    """Quiet, offline defaults for Prefect and dbt; a project-local Prefect home."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    os.environ.setdefault("PREFECT_HOME", str(load_settings().state_dir / "prefect"))
    # Prefect creates its home without parents; on a fresh clone the state folder is missing.
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)


def cmd_run(args: argparse.Namespace) -> int:
    """One nightly run over a source folder; non-zero exit when anything failed.

    SIGTERM or Ctrl-C stops the run within seconds (flows.stopping): exit status 128 + the
    signal's number, the run's record closed as 'cancelled'.
    """
    from rich.console import Console

    try:
        with stopping.exit_within():
            return _run(args)
    except BaseException as exc:
        if not stopping.is_stop(exc):
            raise
        stopping.settled()
        Console().print(
            f"[yellow]run stopped on request ({exc}):[/yellow] what was being written is "
            "rolled back; the next run does it again"
        )
        _exit_now(stopping.stop_status(exc))


def _exit_now(status: int) -> NoReturn:
    """Exit at once with ``status``, after the exit handlers (the local Prefect API's stop).

    A normal exit frees every object first: with the extractor's tables and dbt's manifest
    in memory that takes seconds a stopped run should not spend.
    """
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def _run(args: argparse.Namespace) -> int:
    """The run itself, under cmd_run's stop handling."""
    from rich.console import Console

    from flows.freshness import format_age
    from flows.report import print_report
    from flows.warehouse import RunLockedError

    console = Console()
    source = Path(args.source)
    if not source.is_dir():
        console.print(f"[red]error:[/red] source folder not found: {source}")
        return 2
    from flows.prefect_api import PrefectApiUnavailable, begin_api

    try:
        api_ready = begin_api()
        from flows.nightly import nightly  # imported while the API server starts

        api_ready()
    except PrefectApiUnavailable as exc:
        console.print(f"[red]run not started:[/red] {exc}")
        return EXIT_NO_API
    try:
        report = nightly(source_dir=str(source), reprocess=args.reprocess, wait_for_lock=args.wait)
    except RunLockedError as exc:
        console.print(f"[yellow]not started:[/yellow] {exc}")
        return 3
    except Exception as exc:  # the flow failed: say why, exit non-zero
        console.print(f"[red]run failed:[/red] {type(exc).__name__}: {exc}")
        return 1
    print_report(report, console)
    if report.freshness and report.freshness.status != "pass":
        console.print(
            f"[yellow]source freshness {report.freshness.status}: the newest document is "
            f"{format_age(report.freshness.age_seconds)} old[/yellow]"
        )
    if report.extract and report.extract.failed:
        console.print(
            f"[yellow]{report.extract.failed} document(s) could not be extracted; see above "
            "(they are tried again by the next run)[/yellow]"
        )
    if report.ingest and report.ingest.files_rejected:
        console.print(
            f"[yellow]{report.ingest.files_rejected} file(s) rejected; see above[/yellow]"
        )
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    """Start, stop or locate the embedded PostgreSQL."""
    from flows import database

    settings = load_settings()
    if args.action == "start":
        print(database.embedded_url(settings))
    elif args.action == "stop":
        stopped = database.stop_embedded(settings)
        print("stopped" if stopped else "not running")
    else:
        print(database.resolve_url(settings))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the nightly schedule in the foreground."""
    from prefect.schedules import Cron

    from flows.nightly import nightly
    from flows.prefect_api import ensure_api
    from flows.settings import NIGHTLY_CRON, NIGHTLY_TIMEZONE

    ensure_api()
    nightly.serve(
        name="nightly",
        schedules=[Cron(NIGHTLY_CRON, timezone=NIGHTLY_TIMEZONE)],
        parameters={"source_dir": str(Path(args.source).resolve())},
    )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """Print the last runs and the marts' row counts and freshness."""
    from rich.console import Console

    from flows import warehouse
    from flows.database import resolve_url
    from flows.freshness import check_freshness
    from flows.report import print_status
    from flows.runs import read_status

    url = resolve_url(load_settings())
    with warehouse.connect(url) as conn:
        status = read_status(conn, limit=args.limit)
    print_status(status, check_freshness(url), Console())
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `autonews`."""
    parser = argparse.ArgumentParser(
        prog="autonews", description="Nightly ETL of automotive news into PostgreSQL."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run the nightly job once")
    run.add_argument("--source", default=str(SAMPLE_DIR), help="folder of articles to load")
    run.add_argument(
        "--reprocess", action="store_true", help="rebuild staging and marts from raw alone"
    )
    run.add_argument("--wait", action="store_true", help="wait for a run already in progress")
    run.set_defaults(func=cmd_run)
    db = sub.add_parser("db", help="the embedded PostgreSQL server")
    db.add_argument("action", choices=["start", "stop", "url"])
    db.set_defaults(func=cmd_db)
    serve = sub.add_parser("serve", help="run the nightly schedule in the foreground")
    serve.add_argument("--source", default=str(SAMPLE_DIR), help="folder of articles to load")
    serve.set_defaults(func=cmd_serve)
    status = sub.add_parser(
        "status", help="the last runs, the marts' row counts and the source freshness"
    )
    status.add_argument("--limit", type=int, default=10)
    status.set_defaults(func=cmd_status)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    _prepare_environment()
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
