"""`make docs` builds dbt's documentation site; the README tells Metabase users how to connect."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections import deque

from flows.settings import DBT_PROJECT_DIR, PROJECT_DIR
from tests.conftest import MARTS, SampleRun

TARGET = DBT_PROJECT_DIR / "target"


def sql_refs(model: str) -> set[str]:
    """The models a mart's SQL refers to, comments left out."""
    path = DBT_PROJECT_DIR / "models" / "marts" / f"{model}.sql"
    code = "\n".join(line.split("--")[0] for line in path.read_text().splitlines())
    return set(re.findall(r"ref\(\s*'(\w+)'\s*\)", code))


def foreign_key_targets(node: dict) -> set[str]:
    """The tables a model's foreign key constraints point to."""
    constraints = [*node["constraints"]]
    for column in node["columns"].values():
        constraints.extend(column["constraints"])
    return {c["to"].split(".")[-1].strip('"') for c in constraints if c["type"] == "foreign_key"}


def readme_section(title: str) -> str:
    """The text of one `## title` section of the README."""
    readme = (PROJECT_DIR / "README.md").read_text()
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", readme, re.M | re.S)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def downstream(child_map: dict[str, list[str]], start: str) -> set[str]:
    """Every node reachable from ``start`` in the manifest's child map."""
    seen, queue = set(), deque([start])
    while queue:
        for child in child_map.get(queue.popleft(), []):
            if child not in seen:
                seen.add(child)
                queue.append(child)
    return seen


def test_make_docs_runs_flows_docs() -> None:
    makefile = (PROJECT_DIR / "Makefile").read_text()
    assert re.search(r"^docs:.*\n\t\$\(BIN\)/python -m flows\.docs$", makefile, re.M)


def test_docs_site_with_lineage_from_sources_to_marts(sample_run: SampleRun) -> None:
    started = time.time()
    env = {**os.environ, "DATABASE_URL": sample_run.url, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    result = subprocess.run(
        [sys.executable, "-m", "flows.docs"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert f"documentation site: {TARGET / 'index.html'}" in result.stdout
    for name in ("index.html", "manifest.json", "catalog.json"):
        path = TARGET / name
        assert path.is_file() and path.stat().st_size > 0, name
        assert path.stat().st_mtime >= started - 1, f"{name} was not written by this run"

    manifest = json.loads((TARGET / "manifest.json").read_text())
    catalog = json.loads((TARGET / "catalog.json").read_text())
    reachable = downstream(manifest["child_map"], "source.autonews.raw.documents")
    for mart in MARTS:
        node = f"model.autonews.{mart}"
        assert node in reachable, f"no lineage from raw.documents to {mart}"
        assert manifest["nodes"][node]["description"], mart
        # The catalog read the published marts from the database, comments included.
        entry = catalog["nodes"][node]
        assert entry["metadata"]["schema"] == "marts"
        assert entry["metadata"]["comment"], mart
        assert all(column["comment"] for column in entry["columns"].values()), mart
        # Its lineage is what it reads and what its foreign keys point to, nothing else.
        parents = {
            parent.split(".")[-1] for parent in manifest["nodes"][node]["depends_on"]["nodes"]
        }
        assert parents == sql_refs(mart) | foreign_key_targets(manifest["nodes"][node]), mart
    assert "source.autonews.raw.documents" in catalog["sources"]
    exposures = {e["name"] for e in manifest["exposures"].values()}
    assert exposures == {
        "companies_dashboard",
        "partnerships_dashboard",
        "sales_dashboard",
        "people_dashboard",
    }


def test_readme_connect_metabase() -> None:
    section = readme_section("Connect Metabase")
    assert "create role metabase login password" in section
    assert "in role autonews_bi;" in section
    for words in [
        "Admin settings",
        "Databases",
        "Add database",
        "PostgreSQL",
        "Only these",
        "marts",
        "Host",
        "Port",
        "Database name",
        "docs/metabase/",
    ]:
        assert words in section, words
    assert re.search(r"sync", section, re.I) and re.search(r"scan", section, re.I)


def test_readme_lists_the_new_settings_and_commands() -> None:
    settings = readme_section("Settings (environment variables)")
    assert "`AUTONEWS_ALERT_WEBHOOK_URL`" in settings
    assert "`AUTONEWS_PROJECT_DIR`" in settings
    assert "`CI`" in settings
    commands = readme_section("Commands")
    assert "autonews status" in commands and "freshness" in commands
