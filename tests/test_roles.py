"""Roles: the BI role reads marts and nothing else; loader and transformer stay in their lanes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from flows import transform


@pytest.fixture
def login_as(db: str) -> Iterator:
    """Create log-in users that are members of a group role; connect as them."""
    created: list[str] = []
    admin = psycopg.connect(db, autocommit=True)

    def connect(group: str) -> psycopg.Connection:
        user = f"t_{group}_{uuid.uuid4().hex[:8]}"
        admin.execute(
            sql.SQL("create role {} login password 'pw' in role {}").format(
                sql.Identifier(user), sql.Identifier(group)
            )
        )
        created.append(user)
        params = conninfo_to_dict(db)
        params.update(user=user, password="pw")
        return psycopg.connect(make_conninfo(**params), autocommit=True)

    yield connect
    for user in created:
        admin.execute(
            "select pg_terminate_backend(pid) from pg_stat_activity where usename = %s", [user]
        )
        admin.execute(sql.SQL("drop owned by {}").format(sql.Identifier(user)))
        admin.execute(sql.SQL("drop role {}").format(sql.Identifier(user)))
    admin.close()


@pytest.fixture
def with_mart(db: str) -> str:
    """A published marts schema holding one table, built the way the nightly job does."""
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute(f"create schema {transform.BUILD_SCHEMA}")
        conn.execute(f"create table {transform.BUILD_SCHEMA}.dim_example (id int primary key)")
        conn.execute(f"insert into {transform.BUILD_SCHEMA}.dim_example values (1)")
    transform.publish_marts(db)
    return db


REFUSED = psycopg.errors.InsufficientPrivilege


def test_bi_reads_marts(with_mart: str, login_as) -> None:
    with login_as("autonews_bi") as bi:
        assert bi.execute("select id from marts.dim_example").fetchall() == [(1,)]


@pytest.mark.parametrize(
    "statement",
    [
        "insert into marts.dim_example values (2)",
        "update marts.dim_example set id = 3",
        "delete from marts.dim_example",
        "truncate marts.dim_example",
        "drop table marts.dim_example",
        "create table marts.mine (x int)",
        "create view marts.mine as select 1",
        "select count(*) from raw.documents",
        "select count(*) from staging.company_mentions",
        "select count(*) from meta.runs",
        "create table public.mine (x int)",
        "alter table marts.dim_example add column y int",
    ],
)
def test_bi_is_refused(with_mart: str, login_as, statement: str) -> None:
    with login_as("autonews_bi") as bi, pytest.raises(REFUSED):
        bi.execute(statement)


def test_loader_writes_raw_but_not_marts(with_mart: str, login_as) -> None:
    with login_as("autonews_loader") as loader:
        (batch,) = loader.execute(
            "insert into raw.load_batches (source_dir) values ('x') returning batch_id"
        ).fetchone()
        assert batch > 0
        with pytest.raises(REFUSED):
            loader.execute("select * from marts.dim_example")


def test_transformer_reads_staging_and_creates_schemas(with_mart: str, login_as) -> None:
    with login_as("autonews_transformer") as dbt:
        assert dbt.execute("select count(*) from staging.documents").fetchone() == (0,)
        dbt.execute("create schema scratch_models")
        dbt.execute("create table scratch_models.t as select 1 as x")
        with pytest.raises(REFUSED):
            dbt.execute("insert into raw.load_batches (source_dir) values ('x')")
