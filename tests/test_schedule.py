"""The nightly schedule: 02:00 Europe/Berlin, once per local day, across daylight-saving changes."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import yaml
from prefect.server.schemas.schedules import CronSchedule

from flows.settings import NIGHTLY_CRON, NIGHTLY_TIMEZONE, PROJECT_DIR

BERLIN = ZoneInfo("Europe/Berlin")
YEARS = range(2025, 2031)


def deployed_schedule() -> dict:
    """The schedule of the `nightly` deployment in prefect.yaml."""
    config = yaml.safe_load((PROJECT_DIR / "prefect.yaml").read_text())
    (nightly,) = [d for d in config["deployments"] if d["name"] == "nightly"]
    (schedule,) = nightly["schedules"]
    return schedule


def scheduled_runs(cron: str, timezone: str, start: date, end: date) -> list[datetime]:
    """The run times Prefect's own server-side CronSchedule produces from ``start`` to ``end``."""
    schedule = CronSchedule(cron=cron, timezone=timezone)
    zone = ZoneInfo(timezone)
    begin = datetime.combine(start, time(0), zone)
    finish = datetime.combine(end, time(0), zone)
    dates = asyncio.run(schedule.get_dates(n=1000, start=begin, end=finish))
    return [d.astimezone(zone) for d in dates]


def dst_change_days(year: int, zone: ZoneInfo) -> tuple[date, date]:
    """The local days of ``year`` on which the clocks go forward and back."""
    changes = []
    day = date(year, 1, 1)
    while day.year == year:
        before = datetime.combine(day, time(0), zone).utcoffset()
        after = datetime.combine(day + timedelta(days=1), time(0), zone).utcoffset()
        if before != after:
            changes.append(day)
        day += timedelta(days=1)
    spring, autumn = changes
    return spring, autumn


def test_deployment_schedule_is_two_oclock_berlin_and_matches_the_settings() -> None:
    # `autonews serve` schedules with NIGHTLY_CRON and NIGHTLY_TIMEZONE: the same values.
    schedule = deployed_schedule()
    assert schedule["cron"] == "0 2 * * *" == NIGHTLY_CRON
    assert schedule["timezone"] == "Europe/Berlin" == NIGHTLY_TIMEZONE
    assert schedule.get("active", True) is True


@pytest.mark.parametrize("year", YEARS)
def test_exactly_one_run_per_local_day_across_daylight_saving_changes(year: int) -> None:
    schedule = deployed_schedule()
    runs = scheduled_runs(
        schedule["cron"], schedule["timezone"], date(year, 1, 1), date(year + 1, 1, 1)
    )
    per_day = Counter(run.date() for run in runs)
    days_in_year = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    assert len(per_day) == days_in_year, "a day without a run"
    assert set(per_day.values()) == {1}, "a day with two runs"
    assert len(set(runs)) == len(runs) == days_in_year

    spring, autumn = dst_change_days(year, BERLIN)
    by_day = {run.date(): run for run in runs}
    for day, run in by_day.items():
        if day != spring:
            assert run.time() == time(2, 0), f"{day}: run at {run.time()}"
    # 02:00 does not exist on the spring change day (the clocks jump from 02:00 to 03:00):
    # Prefect starts that day's run at 01:00 CET, the hour before the gap.
    assert by_day[spring].time() == time(1, 0)
    assert by_day[spring].utcoffset() == timedelta(hours=1)
    # 02:00 happens twice on the autumn change day: Prefect runs once, at the first (CEST).
    assert by_day[autumn].time() == time(2, 0)
    assert by_day[autumn].utcoffset() == timedelta(hours=2)
    # No two runs closer than 22 hours, none further apart than 26 hours.
    gaps = [later - earlier for earlier, later in zip(runs, runs[1:], strict=False)]
    assert min(gaps) >= timedelta(hours=22)
    assert max(gaps) <= timedelta(hours=26)


def test_the_spring_change_day_run_is_the_only_one_that_moves() -> None:
    runs = scheduled_runs(NIGHTLY_CRON, NIGHTLY_TIMEZONE, date(2027, 3, 26), date(2027, 4, 2))
    assert [(r.date().isoformat(), r.strftime("%H:%M %Z")) for r in runs] == [
        ("2027-03-26", "02:00 CET"),
        ("2027-03-27", "02:00 CET"),
        ("2027-03-28", "01:00 CET"),
        ("2027-03-29", "02:00 CEST"),
        ("2027-03-30", "02:00 CEST"),
        ("2027-03-31", "02:00 CEST"),
        ("2027-04-01", "02:00 CEST"),
    ]
