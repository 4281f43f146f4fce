"""Extraction on a dask.distributed LocalCluster gives exactly the marts of a sequential run."""

from __future__ import annotations

import pytest

from flows.nightly import nightly
from flows.settings import SAMPLE_DIR
from tests.conftest import VOLATILE, mart_fingerprints


@pytest.fixture(scope="module")
def cluster():
    """A local Dask cluster of several worker processes."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def test_dask_extraction_matches_sequential(db: str, new_db, cluster, monkeypatch) -> None:
    monkeypatch.setenv("AUTONEWS_BATCH_SIZE", "3")
    nightly(source_dir=str(SAMPLE_DIR), database_url=db)
    other = new_db()
    report = nightly(
        source_dir=str(SAMPLE_DIR), database_url=other, dask_address=cluster.scheduler_address
    )
    assert report.extract.documents > 3, "several batches went to the cluster"
    assert report.extract.workers == 0
    assert mart_fingerprints(other, VOLATILE) == mart_fingerprints(db, VOLATILE)
