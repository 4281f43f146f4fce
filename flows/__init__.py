"""autonews: nightly ETL of automotive news into PostgreSQL."""
