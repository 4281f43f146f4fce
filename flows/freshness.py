"""Source freshness: how old the newest loaded document is, judged by the dbt project's rule.

The one implementation: the nightly run records it, `autonews status` asks it again. The rule
(the loaded-at column and the thresholds: warn after 2 days, error after 7) is declared once, on
raw.documents in the dbt project's sources file, and read from there.

Why not `dbt source freshness` itself: one invocation pays dbt's start-up and project parse
(15-17 s measured on a 2-core machine, the largest part of a run with nothing new) for a single
`max(loaded_at)`. This module reads the same declaration and applies dbt's rule (error when the
age exceeds error_after, else warn when it exceeds warn_after, else pass; no row at all is an
error); a test compares its verdict with dbt's own command on the same database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

import psycopg
import yaml
from psycopg import sql

from flows.settings import DBT_PROJECT_DIR

SOURCE = "source:autonews.raw.documents"
SOURCES_YML = DBT_PROJECT_DIR / "models" / "staging" / "autonews" / "_autonews__sources.yml"
_SOURCE_NAME, _TABLE_NAME = "raw", "documents"


@dataclass
class Freshness:
    """dbt source freshness of the newest loaded document (raw.documents.loaded_at)."""

    status: str
    newest_loaded_at: datetime | None = None
    age_seconds: float | None = None
    warn_after: str = ""
    error_after: str = ""
    message: str | None = None


def format_age(seconds: float | None) -> str:
    """An age in seconds as days, hours and minutes (``2 d 3 h``)."""
    if seconds is None:
        return "unknown"
    minutes = int(seconds // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"


@dataclass(frozen=True)
class Rule:
    """The project's freshness rule for raw.documents: its column and two thresholds."""

    loaded_at_field: str
    warn_after: timedelta | None
    error_after: timedelta | None


def _age(limit: dict | None) -> timedelta | None:
    """A dbt threshold (``{count: 2, period: day}``) as a time span; None when unset."""
    if not limit or limit.get("count") is None or limit.get("period") is None:
        return None
    return timedelta(**{f"{limit['period']}s": limit["count"]})


@cache
def freshness_rule() -> Rule:
    """The freshness rule the dbt project declares on raw.documents (table config over source)."""
    sources = yaml.safe_load(SOURCES_YML.read_text(encoding="utf-8"))["sources"]
    (source,) = [s for s in sources if s["name"] == _SOURCE_NAME]
    (table,) = [t for t in source["tables"] if t["name"] == _TABLE_NAME]
    config = {**source.get("config", {}), **table.get("config", {})}
    rules = config.get("freshness") or {}
    return Rule(
        loaded_at_field=config["loaded_at_field"],
        warn_after=_age(rules.get("warn_after")),
        error_after=_age(rules.get("error_after")),
    )


def _verdict(age: timedelta | None, rule: Rule) -> str:
    """dbt's verdict for an age: error past error_after, warn past warn_after, else pass."""
    if age is None:
        return "error"
    if rule.error_after is not None and age > rule.error_after:
        return "error"
    if rule.warn_after is not None and age > rule.warn_after:
        return "warn"
    return "pass"


def check_freshness(url: str) -> Freshness:
    """Freshness of the newest loaded document; never raises, a stale source is news."""
    freshness = Freshness(status="runtime error")
    try:
        rule = freshness_rule()
        freshness.warn_after = _span(rule.warn_after)
        freshness.error_after = _span(rule.error_after)
        with psycopg.connect(url, application_name="autonews") as conn:
            newest, now = conn.execute(
                sql.SQL("select max({}), now() from raw.documents").format(
                    sql.Identifier(rule.loaded_at_field)
                )
            ).fetchone()
    except Exception as exc:  # the check itself broke: report it, the marts are still fine
        freshness.message = f"{type(exc).__name__}: {exc}"
        return freshness
    age = now - newest if newest is not None else None
    freshness.status = _verdict(age, rule)
    if newest is not None:
        freshness.newest_loaded_at = newest
        freshness.age_seconds = age.total_seconds()
    else:
        freshness.message = "raw.documents holds no document"
    return freshness


def _span(limit: timedelta | None) -> str:
    """A threshold as an age (``2 d``), or empty when the project sets none."""
    return format_age(limit.total_seconds()) if limit is not None else ""
