"""Migrations and the run lock, against a real PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows import warehouse
from flows.settings import MIGRATIONS_DIR


def test_migrations_create_schemas_and_are_recorded(empty_db: str) -> None:
    applied = warehouse.migrate(empty_db)
    assert [m.version for m in applied] == sorted(m.version for m in applied)
    assert applied, "a fresh database gets every migration"
    with warehouse.connect(empty_db) as conn:
        schemas = {r[0] for r in conn.execute("select nspname from pg_namespace")}
        recorded = conn.execute("select count(*) from meta.schema_migrations").fetchone()[0]
    assert {"raw", "staging", "marts", "meta"} <= schemas
    assert recorded == len(applied)


def test_migrations_apply_once(db: str) -> None:
    assert warehouse.migrate(db) == []


def test_changed_migration_is_refused(db: str, tmp_path: Path) -> None:
    copy = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, copy)
    first = sorted(copy.glob("V*.sql"))[0]
    first.write_text(first.read_text() + "\n-- edited\n")
    with pytest.raises(warehouse.MigrationError, match="changed after it was applied"):
        warehouse.migrate(db, copy)


def test_badly_named_migration_is_refused(tmp_path: Path) -> None:
    (tmp_path / "001_init.sql").write_text("select 1;")
    with pytest.raises(warehouse.MigrationError, match="not named"):
        warehouse.discover_migrations(tmp_path)


def test_run_lock_refuses_a_second_run(db: str) -> None:
    with (
        warehouse.run_lock(db),
        pytest.raises(warehouse.RunLockedError, match="another autonews run"),
        warehouse.run_lock(db),
    ):
        pass
    with warehouse.run_lock(db):
        pass
