"""`make docs`: build dbt's documentation site, with the lineage from sources to marts."""

from __future__ import annotations

import os
import sys

from flows import warehouse
from flows.database import resolve_url
from flows.settings import DBT_PROJECT_DIR, load_settings
from flows.transform import run_dbt


def main() -> int:
    """Generate the site against the warehouse and say where it is."""
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    url = resolve_url(load_settings())
    warehouse.migrate(url)
    report = run_dbt(url, "docs", "generate")
    if not report.success:
        print("dbt docs generate failed:", "; ".join(report.failures), file=sys.stderr)
        return 1
    site = DBT_PROJECT_DIR / "target" / "index.html"
    print(f"documentation site: {site}")
    print(f"serve it with: cd {DBT_PROJECT_DIR / 'target'} && python -m http.server 8080")
    return 0


if __name__ == "__main__":
    sys.exit(main())
