"""Settings and constants in one place; everything that varies comes from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SQL_DIR = PROJECT_DIR / "sql"
MIGRATIONS_DIR = SQL_DIR / "migrations"
DBT_PROJECT_DIR = PROJECT_DIR / "dbt_project"
SEEDS_DIR = DBT_PROJECT_DIR / "seeds"
REFERENCE_DIR = SEEDS_DIR / "reference"
SAMPLE_DIR = PROJECT_DIR / "data" / "sample"
STATE_DIR = PROJECT_DIR / ".autonews"

# Bump whenever extraction output can change: documents extracted by another
# version are extracted again on the next run, nothing else is recomputed.
EXTRACTOR_VERSION = "0.4.1"

# A document the extractor fails on is recorded with the error's first characters as reason.
MAX_ERROR_CHARS = 1000

# Files over this size are rejected with a reason; the run goes on.
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
# Documents per extraction batch and per staging write transaction.
DEFAULT_BATCH_SIZE = 500
# What reading one document may cost (flows/workers.py): a document still being read after
# this many seconds, or that has grown its worker process's memory by this many MB, gets its
# worker killed and is recorded as failed; the rest of its batch goes on. The extractor reads
# a typical article in milliseconds and a first document (models loaded) in about a second
# and 150 MB, so these catch only runaways.
DEFAULT_DOCUMENT_SECONDS = 60.0
DEFAULT_DOCUMENT_MEMORY_MB = 2048
# Documents per ingest transaction (a COPY into raw.documents and raw.files).
DEFAULT_INGEST_BATCH = 1000
# Stories (near-duplicate documents). Texts are compared as sets of word shingles; MinHash
# estimates their Jaccard similarity and LSH bands find candidates without pairwise comparison.
# The threshold and shingle size are measured on the labelled story set (evaluation/stories.py,
# README "Stories"): a copy with another header or last line, a dropped paragraph or light
# edits stays above 0.5, while two articles about the same event share names and figures but
# few word runs; 3-word shingles keep more copies than 4 or 5 at the same precision.
STORY_SHINGLE_WORDS = 3
STORY_NUM_PERM = 128
STORY_THRESHOLD = 0.5
# LSH: the signature is cut into bands of this many values; two documents are candidates when
# one band is equal. With 4 rows (32 bands) a pair of similarity 0.5 is found with 87 %
# chance, 0.6 with 99 %, 0.2 with 5 %.
STORY_BAND_ROWS = 4
STORY_SEED = 1
# A document at least this similar to the earlier document it copies keeps its signature but
# puts no bands in the index: later copies find the earlier document as well.
STORY_INDEX_BELOW = 0.9
# Texts with fewer shingles than this are too short to tell a copy from a cousin: own story.
STORY_MIN_SHINGLES = 12
# Documents signed per transaction of the story step.
STORY_BATCH_SIZE = 2000
# Advisory lock key that serialises nightly runs on one database.
RUN_LOCK_KEY = 0x6175_746F_6E65_7773  # "autonews"
# Seconds a run waits for the Prefect API to answer (Prefect's own default is 20 s; a first start
# on a busy 2-core machine can take minutes). PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS
# overrides it.
PREFECT_STARTUP_TIMEOUT_SECONDS = 300
SOURCE_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")


@dataclass(frozen=True)
class Settings:
    """Run-time settings read from the environment."""

    database_url: str | None
    state_dir: Path
    max_file_bytes: int
    batch_size: int
    workers: int
    ingest_batch: int = DEFAULT_INGEST_BATCH
    document_seconds: float = DEFAULT_DOCUMENT_SECONDS
    document_memory_mb: int = DEFAULT_DOCUMENT_MEMORY_MB

    @property
    def pgdata_dir(self) -> Path:
        """Folder of the embedded PostgreSQL cluster."""
        return self.state_dir / "pgdata"


def load_settings() -> Settings:
    """Read settings from environment variables, with project-local defaults."""
    return Settings(
        database_url=os.environ.get("DATABASE_URL") or None,
        state_dir=Path(os.environ.get("AUTONEWS_STATE_DIR", STATE_DIR)),
        max_file_bytes=int(os.environ.get("AUTONEWS_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES)),
        batch_size=int(os.environ.get("AUTONEWS_BATCH_SIZE", DEFAULT_BATCH_SIZE)),
        workers=int(os.environ.get("AUTONEWS_WORKERS", "0")),
        ingest_batch=int(os.environ.get("AUTONEWS_INGEST_BATCH", DEFAULT_INGEST_BATCH)),
        document_seconds=float(
            os.environ.get("AUTONEWS_DOCUMENT_SECONDS", DEFAULT_DOCUMENT_SECONDS)
        ),
        document_memory_mb=int(
            os.environ.get("AUTONEWS_DOCUMENT_MEMORY_MB", DEFAULT_DOCUMENT_MEMORY_MB)
        ),
    )


# The nightly schedule (prefect.yaml holds the same values for deployments).
NIGHTLY_CRON = "0 2 * * *"
NIGHTLY_TIMEZONE = "Europe/Berlin"
