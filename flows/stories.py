"""Stories: group the documents that tell the same story (copies with small differences).

A document's text is normalised (letter case, Unicode forms, punctuation and boilerplate lines
dropped) and cut into shingles of a few consecutive words. datasketch's MinHash turns the
shingle set into a signature whose agreement with another signature estimates the Jaccard
similarity of the two sets. The signature is cut into LSH bands; the hash of each band is kept
in ``staging.story_bands``, so a new document finds the earlier documents it may copy with one
index lookup per band instead of a comparison with the whole archive. A candidate whose
estimated similarity reaches STORY_THRESHOLD is a copy: the new document joins that
candidate's story. A document that copies none founds a story of its own.

The nightly step signs only documents not signed yet (or whose text changed), so its cost
grows with the new documents, not with the archive.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial

import numpy as np
import psycopg
from datasketch import MinHash

from flows.extract.text import is_boilerplate_line
from flows.pipeline import bounded_map, process_pool, worker_count
from flows.settings import (
    STORY_BAND_ROWS,
    STORY_BATCH_SIZE,
    STORY_INDEX_BELOW,
    STORY_MIN_SHINGLES,
    STORY_NUM_PERM,
    STORY_SEED,
    STORY_SHINGLE_WORDS,
    STORY_THRESHOLD,
    load_settings,
)

_WORD_RE = re.compile(r"\w+")
# The header some sources put before the text (` date 2021-03`) says nothing about the story.
_DATE_HEADER_RE = re.compile(r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s*")
SIGNATURE_DTYPE = np.dtype("<u4")
# datasketch's 32-bit scheme; stored signatures are comparable only within one scheme and seed.
MINHASH_SCHEME = "affine32"
_SHINGLE_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_WORD_HASH_CACHE_SIZE = 200_000
_WORD_HASHES: dict[str, int] = {}


@dataclass(frozen=True, slots=True)
class StoryParams:
    """How texts are compared: shingle size, signature length, band rows, threshold."""

    shingle_words: int = STORY_SHINGLE_WORDS
    num_perm: int = STORY_NUM_PERM
    band_rows: int = STORY_BAND_ROWS
    threshold: float = STORY_THRESHOLD
    min_shingles: int = STORY_MIN_SHINGLES
    seed: int = STORY_SEED
    index_below: float = STORY_INDEX_BELOW

    @property
    def bands(self) -> int:
        """Number of LSH bands the signature is cut into."""
        return self.num_perm // self.band_rows


DEFAULT_PARAMS = StoryParams()


def story_words(text: str) -> list[str]:
    """The words of a text as story comparison sees them: case-folded, no boilerplate lines."""
    text = _DATE_HEADER_RE.sub("", unicodedata.normalize("NFKC", text))
    kept = [line for line in text.split("\n") if not is_boilerplate_line(line.strip())]
    return _WORD_RE.findall("\n".join(kept).casefold())


def shingle_hashes(words: list[str], size: int) -> np.ndarray:
    """32-bit hashes of the runs of ``size`` consecutive words, in text order.

    Each word is hashed once (CRC-32: stable across processes and machines) and a run's hash
    is a polynomial of its words' hashes, computed for all runs at once with numpy. Hashing
    every run's text on its own (datasketch's default, SHA-1 per item) costs several times more
    and would make this step the slowest of the nightly run. A run that recurs is hashed
    twice: MinHash keeps minima, which a repeated item does not change.
    """
    if not words:
        return np.empty(0, dtype=np.uint64)
    word_hashes = np.array(_word_hashes(words), dtype=np.uint64)
    size = min(size, len(words))
    runs = len(words) - size + 1
    combined = np.zeros(runs, dtype=np.uint64)
    for offset in range(size):
        combined = combined * _SHINGLE_MULTIPLIER + word_hashes[offset : offset + runs]
    return (combined ^ (combined >> np.uint64(32))) & np.uint64(0xFFFFFFFF)


def _word_hashes(words: list[str]) -> list[int]:
    """CRC-32 of each word, remembered: most words of the news recur from text to text."""
    known = _WORD_HASHES
    found = list(map(known.get, words))
    if None in found:
        if len(known) >= _WORD_HASH_CACHE_SIZE:
            known.clear()
        for index, value in enumerate(found):
            if value is None:
                word = words[index]
                found[index] = known[word] = zlib.crc32(word.encode())
    return found


@cache
def _minhash(num_perm: int, seed: int) -> MinHash:
    """One MinHash per (num_perm, seed) and process, cleared for each text.

    The items are already 32-bit hashes: datasketch only permutes them and keeps the minima.
    Building a MinHash draws its permutations; clearing one costs nothing.
    """
    return MinHash(num_perm=num_perm, seed=seed, hashfunc=int, scheme=MINHASH_SCHEME)


def signature(text: str, params: StoryParams = DEFAULT_PARAMS) -> tuple[np.ndarray | None, int]:
    """The MinHash signature of a text and its shingle count; None when it is too short."""
    found = shingle_hashes(story_words(text), params.shingle_words)
    if len(found) < params.min_shingles:
        return None, len(found)
    minhash = _minhash(params.num_perm, params.seed)
    minhash.clear()
    minhash.update_batch(found.tolist())
    return minhash.hashvalues.astype(SIGNATURE_DTYPE), len(found)


def band_hashes(sig: np.ndarray, params: StoryParams = DEFAULT_PARAMS) -> list[int]:
    """One signed 64-bit hash per LSH band; the band's number is part of what is hashed."""
    rows = sig[: params.bands * params.band_rows].astype(np.uint64).reshape(params.bands, -1)
    combined = np.arange(1, params.bands + 1, dtype=np.uint64)
    for column in range(rows.shape[1]):
        combined = combined * _SHINGLE_MULTIPLIER + rows[:, column]
    combined ^= combined >> np.uint64(29)
    return combined.view(np.int64).tolist()


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal values."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_bytes(sig: np.ndarray) -> bytes:
    """A signature as stored in ``staging.story_signatures.signature``."""
    return sig.astype(SIGNATURE_DTYPE).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    """A stored signature back as an array."""
    return np.frombuffer(data, dtype=SIGNATURE_DTYPE)


@dataclass(slots=True)
class Signed:
    """A document with its signature, band hashes and the story it joins."""

    document_id: str
    text_md5: str
    shingle_count: int
    signature: np.ndarray | None
    bands: list[int]
    story_key: str = ""
    matched_document_id: str | None = None
    similarity: float | None = None
    # Whether its bands go into the index (see StoryParams.index_below).
    indexed: bool = True


@dataclass(slots=True)
class Known:
    """An already grouped document as a candidate: its signature and story."""

    signature: np.ndarray
    story_key: str


def sign(document_id: str, text: str, params: StoryParams = DEFAULT_PARAMS) -> Signed:
    """Sign one document's text."""
    sig, count = signature(text, params)
    md5 = hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()
    bands = band_hashes(sig, params) if sig is not None else []
    return Signed(document_id, md5, count, sig, bands, story_key=document_id)


def group(
    batch: list[Signed],
    candidates: dict[int, list[str]],
    known: dict[str, Known],
    params: StoryParams = DEFAULT_PARAMS,
) -> None:
    """Give each document of ``batch`` (in order) its story.

    ``candidates`` maps band hashes to earlier documents that have that band, ``known`` holds
    those documents' signatures and stories. A document joins the story of its most similar
    earlier document at or above the threshold (ties: the smaller document id) and is then
    itself a candidate for the documents after it, unless it copies its match almost exactly
    (``index_below``): a later copy finds the earlier document just as well, and a story
    reprinted a hundred times keeps a handful of documents in the index, not a hundred.
    Stories never merge: a document close to two stories joins the closer one, so story keys
    stay stable from night to night.
    """
    local: dict[int, list[str]] = defaultdict(list)
    for doc in batch:
        if doc.signature is None:
            continue
        found = set().union(
            *(candidates.get(band, ()) for band in doc.bands),
            *(local.get(band, ()) for band in doc.bands),
        )
        found.discard(doc.document_id)
        if found:
            others = sorted(found)
            scores = np.count_nonzero(
                np.stack([known[o].signature for o in others]) == doc.signature, axis=1
            ) / len(doc.signature)
            # The highest score; among equal scores the first, that is the smallest id.
            top = int(np.argmax(scores))
            if scores[top] >= params.threshold:
                doc.similarity, doc.matched_document_id = float(scores[top]), others[top]
                doc.story_key = known[others[top]].story_key
        known[doc.document_id] = Known(doc.signature, doc.story_key)
        doc.indexed = doc.similarity is None or doc.similarity < params.index_below
        if doc.indexed:
            for band in doc.bands:
                local[band].append(doc.document_id)


# --- the step in the warehouse ------------------------------------------------------------


@dataclass
class StoryReport:
    """What the story step did."""

    documents: int = 0
    joined: int = 0
    too_short: int = 0


PENDING_QUERY = """
    select d.document_id, coalesce(s.text_body, d.body) as text
    from raw.documents as d
    inner join staging.extractions as e on e.document_id = d.document_id
    inner join staging.documents as s
        on s.document_id = d.document_id and s.extractor_version = e.extractor_version
    left join staging.story_signatures as g on g.document_id = d.document_id
    where g.document_id is null
        or (
            g.signed_at < e.extracted_at
            and g.text_md5 <> md5(coalesce(s.text_body, d.body))
        )
    order by s.published_date asc nulls last, d.document_id asc
"""


def _pending(conn: psycopg.Connection, batch_size: int) -> Iterator[list[tuple[str, str]]]:
    """Stream the extracted documents not yet signed (or whose text changed), oldest first."""
    with conn.cursor(name="story_pending") as cur:
        cur.itersize = batch_size
        cur.execute(PENDING_QUERY)
        while rows := cur.fetchmany(batch_size):
            yield rows


def _archive_candidates(
    conn: psycopg.Connection, batch: list[Signed]
) -> tuple[dict[int, list[str]], dict[str, Known]]:
    """Earlier documents sharing a band with the batch, with their signatures and stories."""
    ids = {doc.document_id for doc in batch}
    candidates: dict[int, list[str]] = defaultdict(list)
    # The batch's own documents (old bands of a text signed again) are left out here, not in
    # the query: a `<> all(ids)` filter compares every returned row with every id of the batch.
    for band, document_id in conn.execute(
        "select band_hash, document_id from staging.story_bands "
        "where band_hash = any(%s::bigint[])",
        [_bigint_array(doc.bands for doc in batch)],
    ).fetchall():
        if document_id not in ids:
            candidates[band].append(document_id)
    found = sorted({d for docs in candidates.values() for d in docs})
    known = {
        document_id: Known(from_bytes(sig), story_key)
        for document_id, sig, story_key in conn.execute(
            "select document_id, signature, story_key from staging.story_signatures "
            "where document_id = any(%s::text[]) and signature is not null",
            [found],
        ).fetchall()
    }
    return candidates, known


def _bigint_array(bands: Iterable[list[int]]) -> str:
    """The distinct band hashes as a PostgreSQL array literal.

    psycopg's list adapter inspects every element to choose the array's type; for the tens of
    thousands of hashes of a batch the literal is several times cheaper.
    """
    return "{" + ",".join(map(str, {band for hashes in bands for band in hashes})) + "}"


def _write(conn: psycopg.Connection, batch: list[Signed]) -> None:
    """Replace the batch's signatures and bands."""
    ids = [doc.document_id for doc in batch]
    with conn.cursor() as cur:
        cur.execute("delete from staging.story_signatures where document_id = any(%s)", [ids])
        with cur.copy(
            "copy staging.story_signatures (document_id, text_md5, shingle_count, signature, "
            "story_key, matched_document_id, similarity) from stdin"
        ) as copy:
            for doc in batch:
                copy.write_row(
                    (
                        doc.document_id,
                        doc.text_md5,
                        doc.shingle_count,
                        to_bytes(doc.signature) if doc.signature is not None else None,
                        doc.story_key,
                        doc.matched_document_id,
                        doc.similarity,
                    )
                )
        with cur.copy("copy staging.story_bands (band_hash, document_id) from stdin") as copy:
            for doc in batch:
                if not doc.indexed:
                    continue
                for band in set(doc.bands):
                    copy.write_row((band, doc.document_id))


def assign_stories(
    url: str, params: StoryParams = DEFAULT_PARAMS, batch_size: int = STORY_BATCH_SIZE
) -> StoryReport:
    """Sign the extracted documents not signed yet and give each its story."""
    report = StoryReport()
    with (
        psycopg.connect(url, application_name="autonews") as reader,
        psycopg.connect(url, application_name="autonews", autocommit=True) as conn,
    ):
        (pending,) = conn.execute(f"select count(*) from ({PENDING_QUERY}) as p").fetchone()
        workers = worker_count(load_settings(), pending)
        batches = _pending(reader, batch_size)
        if workers == 1:
            _assign(conn, (sign_rows(rows, params) for rows in batches), report, params)
        else:
            with process_pool(workers) as pool:
                submit = partial(pool.submit, sign_rows, params=params)
                signed = bounded_map(submit, batches, window=2 * workers)
                _assign(conn, signed, report, params)
        if report.documents:
            conn.execute("analyze staging.story_signatures, staging.story_bands")
    return report


def sign_rows(rows: list[tuple[str, str]], params: StoryParams = DEFAULT_PARAMS) -> list[Signed]:
    """Sign (document_id, text) rows; pure, so worker processes can do it."""
    return [sign(document_id, text, params) for document_id, text in rows]


def _assign(
    conn: psycopg.Connection,
    batches: Iterable[list[Signed]],
    report: StoryReport,
    params: StoryParams,
) -> None:
    """Group each signed batch, in order, against the archive and write it."""
    for batch in batches:
        with conn.transaction():
            candidates, known = _archive_candidates(conn, batch)
            group(batch, candidates, known, params)
            _write(conn, batch)
        _count(report, batch)


def _count(report: StoryReport, batch: Iterable[Signed]) -> None:
    """Add a batch to the report's counts."""
    for doc in batch:
        report.documents += 1
        report.joined += doc.matched_document_id is not None
        report.too_short += doc.signature is None
