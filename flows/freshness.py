"""Source freshness: how old the newest loaded document is, by dbt's `source freshness`.

The one implementation: the nightly run records it, `autonews status` asks it again. The
thresholds are those the dbt project declares on raw.documents (warn after 2 days, error
after 7), read back from dbt's own result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flows.transform import invoke_dbt

SOURCE = "source:autonews.raw.documents"


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


def _threshold(rule) -> str:  # noqa: ANN001 - dbt's Time(count, period) or None
    """A dbt freshness rule as an age (``2 d``), or empty when the project sets none."""
    if rule is None or rule.count is None or rule.period is None:
        return ""
    period = getattr(rule.period, "value", rule.period)
    return format_age(timedelta(**{f"{period}s": rule.count}).total_seconds())


def check_freshness(url: str) -> Freshness:
    """dbt source freshness of the newest loaded document; never raises, a stale source is news."""
    freshness = Freshness(status="runtime error")
    try:
        result = invoke_dbt(url, "source", "freshness", "--select", SOURCE)
    except Exception as exc:  # dbt itself broke: report it, the marts are still fine
        freshness.message = f"{type(exc).__name__}: {exc}"
        return freshness
    nodes = getattr(result.result, "results", None) or []
    if not nodes:
        freshness.message = str(result.exception or "dbt returned no freshness result")
        return freshness
    node = nodes[0]
    freshness.status = str(node.status)
    freshness.message = getattr(node, "message", None)
    rules = getattr(node.node, "freshness", None)
    if rules is not None:
        freshness.warn_after = _threshold(rules.warn_after)
        freshness.error_after = _threshold(rules.error_after)
    newest = getattr(node, "max_loaded_at", None)
    if newest is not None and newest.year > 1:  # dbt says 0001-01-01 when there is none
        freshness.newest_loaded_at = newest
        freshness.age_seconds = getattr(node, "age", None)
    return freshness
