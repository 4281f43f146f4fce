"""Ready for Metabase: comments, keys and types on the marts; starter questions as the BI role."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import yaml
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from flows.settings import DBT_PROJECT_DIR, PROJECT_DIR
from tests.conftest import SampleRun

MARTS_DIR = DBT_PROJECT_DIR / "models" / "marts"
QUESTIONS_DIR = PROJECT_DIR / "docs" / "metabase"
DASHBOARDS = {
    "companies": "companies_dashboard",
    "partnerships": "partnerships_dashboard",
    "sales": "sales_dashboard",
    "people": "people_dashboard",
}

# The columns each starter question returns, in order.
QUESTIONS = {
    "people_who_leads_whom": [
        "person_name",
        "company_name",
        "role",
        "role_text",
        "last_reported_date",
        "first_reported_date",
        "document_count",
        "person_document_count",
        "evidence_text",
        "evidence_title",
        "evidence_source_path",
    ],
    "companies_most_mentioned": [
        "company_name",
        "company_id",
        "is_reference",
        "sector",
        "country_code",
        "subject_story_count",
        "story_count",
        "mention_count",
        "document_count",
        "first_seen_date",
        "last_seen_date",
    ],
    "companies_new_this_week": [
        "company_name",
        "company_id",
        "is_reference",
        "sector",
        "first_loaded_at",
        "first_seen_date",
        "story_count",
        "mention_count",
        "document_count",
    ],
    "partnerships_by_type_and_status": [
        "partnership_type",
        "status",
        "partnerships",
        "stories",
        "documents",
        "last_reported_date",
    ],
    "partnerships_newest": [
        "last_reported_date",
        "company_a",
        "company_b",
        "partnership_type",
        "status",
        "is_directed",
        "stake_percent",
        "amount_value",
        "amount_currency",
        "first_reported_date",
        "story_count",
        "document_count",
        "evidence_text",
        "evidence_title",
        "evidence_source_path",
    ],
    "partnerships_evidence": [
        "reported_date",
        "company_a",
        "company_b",
        "partnership_type",
        "status",
        "trigger_text",
        "sentence_text",
        "title",
        "language",
        "source_path",
    ],
    "sales_monthly_units_by_company": [
        "month",
        "company_name",
        "metric",
        "market",
        "segment",
        "units",
        "has_conflict",
        "story_count",
        "document_count",
        "last_reported_date",
    ],
    "sales_market_share": [
        "period_start",
        "period_end",
        "period_grain",
        "market",
        "segment",
        "company_name",
        "share_percent",
        "min_share",
        "max_share",
        "has_conflict",
        "reporting_body",
        "story_count",
        "document_count",
        "evidence_text",
        "evidence_title",
    ],
}


def mart_models() -> dict[str, dict]:
    """The mart models as _marts__models.yml describes them, by name."""
    config = yaml.safe_load((MARTS_DIR / "_marts__models.yml").read_text())
    return {model["name"]: model for model in config["models"]}


def exposures() -> dict[str, dict]:
    """The dbt exposures, by name."""
    config = yaml.safe_load((MARTS_DIR / "_marts__exposures.yml").read_text())
    return {exposure["name"]: exposure for exposure in config["exposures"]}


def question_files() -> dict[str, Path]:
    """The starter questions of docs/metabase, by name."""
    return {path.stem: path for path in sorted(QUESTIONS_DIR.glob("*.sql"))}


def columns_with(model: dict, constraint: str) -> list[dict]:
    """The columns of a model that declare a constraint of type ``constraint``."""
    return [
        column
        for column in model["columns"]
        if any(c["type"] == constraint for c in column.get("constraints", []))
    ]


@pytest.fixture
def metabase(sample_run: SampleRun) -> Iterator[psycopg.Connection]:
    """A log-in user created the way the README says, connected: member of autonews_bi only."""
    user = f"metabase_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(sample_run.url, autocommit=True) as admin:
        admin.execute(
            sql.SQL("create role {} login password 'choose-a-password' in role autonews_bi").format(
                sql.Identifier(user)
            )
        )
        params = conninfo_to_dict(sample_run.url)
        params.update(user=user, password="choose-a-password")
        try:
            with psycopg.connect(make_conninfo(**params), autocommit=True) as conn:
                yield conn
        finally:
            admin.execute(
                "select pg_terminate_backend(pid) from pg_stat_activity where usename = %s", [user]
            )
            admin.execute(sql.SQL("drop owned by {}").format(sql.Identifier(user)))
            admin.execute(sql.SQL("drop role {}").format(sql.Identifier(user)))


def test_every_mart_table_and_column_carries_its_dbt_description(
    sample_run: SampleRun,
) -> None:
    models = mart_models()
    with psycopg.connect(sample_run.url) as conn:
        tables = dict(
            conn.execute(
                "select c.relname, obj_description(c.oid, 'pg_class') from pg_class as c "
                "join pg_namespace as n on n.oid = c.relnamespace "
                "where n.nspname = 'marts' and c.relkind = 'r'"
            ).fetchall()
        )
        columns = conn.execute(
            "select c.relname, a.attname, col_description(c.oid, a.attnum) from pg_class as c "
            "join pg_namespace as n on n.oid = c.relnamespace "
            "join pg_attribute as a on a.attrelid = c.oid and a.attnum > 0 "
            "and not a.attisdropped where n.nspname = 'marts' and c.relkind = 'r'"
        ).fetchall()
    assert set(tables) == set(models)
    for table, comment in tables.items():
        assert comment and comment.strip() == models[table]["description"].strip(), table
    assert len(columns) == sum(len(m["columns"]) for m in models.values())
    for table, column, comment in columns:
        assert comment and comment.strip(), f"marts.{table}.{column} has no comment"
        assert "{{" not in comment, f"marts.{table}.{column}: unrendered description"


def test_primary_and_foreign_keys_are_declared(sample_run: SampleRun) -> None:
    expected_pks, expected_fks = set(), set()
    for name, model in mart_models().items():
        for column in columns_with(model, "primary_key"):
            expected_pks.add((name, column["name"]))
        for column in columns_with(model, "foreign_key"):
            (fk,) = [c for c in column["constraints"] if c["type"] == "foreign_key"]
            target = re.fullmatch(r"ref\('(\w+)'\)", fk["to"]).group(1)
            expected_fks.add((name, column["name"], target, fk["to_columns"][0]))
    with psycopg.connect(sample_run.url) as conn:
        pks = set(
            conn.execute(
                "select tc.table_name, kcu.column_name "
                "from information_schema.table_constraints as tc "
                "join information_schema.key_column_usage as kcu "
                "using (constraint_schema, constraint_name) "
                "where tc.table_schema = 'marts' and tc.constraint_type = 'PRIMARY KEY'"
            ).fetchall()
        )
        fks = set(
            conn.execute(
                "select tc.table_name, kcu.column_name, ccu.table_name, ccu.column_name "
                "from information_schema.table_constraints as tc "
                "join information_schema.key_column_usage as kcu "
                "using (constraint_schema, constraint_name) "
                "join information_schema.constraint_column_usage as ccu "
                "using (constraint_schema, constraint_name) "
                "where tc.table_schema = 'marts' and tc.constraint_type = 'FOREIGN KEY' "
                "and ccu.table_schema = 'marts'"
            ).fetchall()
        )
    assert {table for table, _ in pks} == set(mart_models()), "a mart without a primary key"
    assert pks == expected_pks
    assert len(expected_fks) >= 10, "the models declare foreign keys"
    assert fks == expected_fks


def test_keys_are_named_after_their_tables(sample_run: SampleRun) -> None:
    with psycopg.connect(sample_run.url) as conn:
        keys = conn.execute(
            "select t.relname, c.conname, c.contype, "
            "(select string_agg(a.attname, '_') from pg_attribute as a "
            " where a.attrelid = c.conrelid and a.attnum = any(c.conkey)) "
            "from pg_constraint as c join pg_class as t on t.oid = c.conrelid "
            "join pg_namespace as n on n.oid = t.relnamespace "
            "where n.nspname = 'marts' and c.contype in ('p', 'f')"
        ).fetchall()
        indexes = [
            r[0]
            for r in conn.execute("select indexname from pg_indexes where schemaname = 'marts'")
        ]
    assert {table for table, _, kind, _ in keys if kind == "p"} == set(mart_models())
    for table, name, kind, columns in keys:
        wanted = f"{table}_pkey" if kind == "p" else f"{table}_{columns}_fkey"
        assert name == wanted
    assert indexes and not [name for name in indexes if "dbt" in name]


def test_dates_are_date_and_amounts_numeric(sample_run: SampleRun) -> None:
    with psycopg.connect(sample_run.url) as conn:
        types = {
            (table, column): data_type
            for table, column, data_type in conn.execute(
                "select table_name, column_name, data_type from information_schema.columns "
                "where table_schema = 'marts'"
            )
        }
    for name, model in mart_models().items():
        for column in model["columns"]:
            assert types[(name, column["name"])] == column["data_type"], (name, column["name"])
    dates = {
        key: t for key, t in types.items() if re.search(r"_date$|^period_(start|end)$", key[1])
    }
    assert len(dates) > 15 and set(dates.values()) == {"date"}
    amounts = {
        key: t
        for key, t in types.items()
        if re.fullmatch(r"value|(min|max|amount)_value|stake_percent", key[1])
    }
    assert len(amounts) >= 8 and set(amounts.values()) == {"numeric"}


def test_every_question_has_its_expected_columns_listed() -> None:
    assert set(question_files()) == set(QUESTIONS)
    for name in QUESTIONS:
        assert name.split("_")[0] in DASHBOARDS, f"{name}: which dashboard?"


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_starter_question_runs_as_the_read_only_role(name: str, metabase) -> None:
    query = question_files()[name].read_text()
    cursor = metabase.execute(query)
    rows = cursor.fetchall()
    assert [column.name for column in cursor.description] == QUESTIONS[name]
    assert rows, f"{name} returns no rows on the sample"
    assert all(value is not None for value in rows[0][:2]), f"{name}: empty first row"


def test_the_read_only_role_reads_marts_and_nothing_else(metabase) -> None:
    usable = {
        schema
        for (schema,) in metabase.execute(
            "select nspname from pg_namespace where has_schema_privilege(nspname, 'USAGE')"
        )
    }
    assert "marts" in usable
    assert not usable & {"raw", "staging", "meta", "reference", "dbt_staging", "dbt_intermediate"}
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        metabase.execute("delete from marts.dim_companies")


def test_exposures_describe_the_dashboards_and_their_questions() -> None:
    by_name = exposures()
    assert set(by_name) == set(DASHBOARDS.values())
    files = question_files()
    for prefix, exposure_name in DASHBOARDS.items():
        exposure = by_name[exposure_name]
        assert exposure["type"] == "dashboard"
        questions = {name: path for name, path in files.items() if name.startswith(prefix + "_")}
        assert questions, f"{exposure_name} has no starter question"
        read = set()
        for name, path in questions.items():
            read |= set(re.findall(r"\bmarts\.(\w+)", path.read_text()))
            assert f"docs/metabase/{name}.sql" in exposure["description"]
        depends = {re.fullmatch(r"ref\('(\w+)'\)", ref).group(1) for ref in exposure["depends_on"]}
        assert depends == read, f"{exposure_name}: depends_on does not match its questions"
