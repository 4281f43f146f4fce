"""The benchmark's databases: a fresh one per corpus size, on the embedded server or another."""

from __future__ import annotations

import os

import psycopg
from psycopg.conninfo import conninfo_to_dict

from flows.database import embedded_url
from flows.settings import load_settings

URL_VARIABLE = "BENCH_DATABASE_URL"


def server_url() -> str:
    """A maintenance connection to the benchmark server (BENCH_DATABASE_URL or embedded)."""
    return os.environ.get(URL_VARIABLE) or embedded_url(load_settings(), database="postgres")


def server_label() -> str:
    """Which server the benchmark runs on, without credentials."""
    return URL_VARIABLE if os.environ.get(URL_VARIABLE) else "embedded PostgreSQL"


def server_version(url: str) -> str:
    """The server's version string, e.g. '18.1'."""
    with psycopg.connect(url) as conn:
        (version,) = conn.execute("show server_version").fetchone()
    return str(version)


def dlt_credentials(url: str) -> dict[str, object]:
    """dlt's postgres credentials for ``url``.

    A Unix-socket directory cannot stand in dlt's URL as a host name: it goes into the
    query as ``host=<socket dir>``, which libpq prefers over the URL's host.
    """
    params = conninfo_to_dict(url)
    host = params.get("host") or "localhost"
    credentials: dict[str, object] = {
        "database": params.get("dbname") or "postgres",
        "username": params.get("user") or "postgres",
        "password": params.get("password") or "",
        "host": host,
        "port": int(params.get("port") or 5432),
    }
    if host.startswith("/"):
        credentials["host"] = "localhost"
        credentials["query"] = {"host": host}
    return credentials
