"""Ingest: every file under the source folder ends as loaded, duplicate or rejected-with-reason."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import psycopg

from flows.settings import DEFAULT_INGEST_BATCH, SOURCE_SUFFIXES

FORMAT_BY_SUFFIX = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "json",
}
# Flush a batch to the database after this many bytes (or documents, see Ingestor).
FLUSH_BYTES = 32 * 1024 * 1024
# A decoded text with more than this share of control characters is not text.
MAX_CONTROL_SHARE = 0.01

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252.
CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
C1_RANGE = re.compile(rb"[\x80-\x9f]")
# A two-byte UTF-8 sequence: its presence next to invalid bytes means broken UTF-8,
# not a legacy 8-bit encoding.
UTF8_PAIR = re.compile(rb"[\xc2-\xdf][\x80-\xbf]")
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


class Rejected(ValueError):
    """A file or record that cannot be stored, with the reason why."""


@dataclass(slots=True)
class Entry:
    """One document-to-be read from a file (a JSON Lines file gives several)."""

    source_path: str
    record_index: int | None
    byte_size: int
    mtime_ns: int
    file_sha256: str
    encoding: str
    source_format: str
    body: str


@dataclass
class IngestReport:
    """What became of the files of one batch."""

    batch_id: int
    files_seen: int = 0
    files_loaded: int = 0
    files_duplicate: int = 0
    files_rejected: int = 0
    documents_loaded: int = 0
    rejections: list[tuple[str, str]] = field(default_factory=list)

    @property
    def reconciles(self) -> bool:
        """Whether every file seen ended as exactly one of loaded, duplicate, rejected."""
        return self.files_seen == self.files_loaded + self.files_duplicate + self.files_rejected


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text and name the encoding, or raise Rejected."""
    if not data.strip():
        raise Rejected("empty file" if not data else "file holds only whitespace")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise Rejected(
                    f"invalid {encoding.upper()} text after its byte order mark: {exc.reason}"
                ) from None
            return _checked(text, encoding)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if b"\x00" in data:
        raise Rejected("binary file: NUL bytes and neither UTF-8 nor UTF-16 with a byte order mark")
    if UTF8_PAIR.search(data):
        raise Rejected(
            f"undecodable bytes: UTF-8 text broken at byte {utf8_error.start} ({utf8_error.reason})"
        )
    # Only Western 8-bit encodings are plausible for de/nl/en/it news: Windows-1252 prints
    # bytes 0x80-0x9F (€, „, “, –), which Latin-1 maps to control characters. This rule is
    # deterministic, unlike statistical detectors, which pick exotic code pages on short texts.
    if C1_RANGE.search(data):
        if CP1252_UNDEFINED.search(data):
            raise Rejected("undecodable bytes: neither UTF-8 nor Windows-1252 nor Latin-1 text")
        return _checked(data.decode("cp1252"), "windows-1252")
    return _checked(data.decode("latin-1"), "iso-8859-1")


def _checked(text: str, encoding: str) -> tuple[str, str]:
    """Reject decoded text that PostgreSQL cannot store or that is not text at all."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise Rejected("file holds only whitespace")
    if "\x00" in text:
        raise Rejected("text contains NUL characters, which PostgreSQL text cannot store")
    controls = len(CONTROL_CHARS.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise Rejected(f"binary content: {controls} control characters in {encoding} text")
    return text, encoding


def content_sha256(text: str) -> str:
    """SHA-256 of the text's UTF-8 bytes: the identity of a document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_id_for(sha256: str) -> str:
    """The document key: the first 16 hex digits of the content hash."""
    return sha256[:16]


def json_records(text: str, suffix: str) -> list[tuple[int | None, str]]:
    """Split a JSON or JSON Lines text into (record index, record text) pairs."""
    if suffix == ".jsonl":
        return [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Rejected(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if isinstance(value, list):
        return [(n, json.dumps(item, ensure_ascii=False)) for n, item in enumerate(value, start=1)]
    return [(None, text)]


def check_json_record(record: str) -> None:
    """Raise Rejected unless ``record`` is a news article object with a text."""
    try:
        value = json.loads(record)
    except json.JSONDecodeError as exc:
        raise Rejected(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(value, dict):
        raise Rejected("JSON record is not an object")
    body = value.get("maintext") or value.get("text")
    if not isinstance(body, str) or not body.strip():
        raise Rejected("JSON record has no 'maintext' or 'text'")


def relative_name(path: Path, root: Path) -> str:
    """The path relative to the source root, as storable UTF-8 text with forward slashes."""
    rel = path.relative_to(root).as_posix()
    # File names that are not valid UTF-8 come back with surrogate escapes, which
    # PostgreSQL cannot store: keep their bytes visible as \x.. escapes instead.
    return os.fsencode(rel).decode("utf-8", "backslashreplace")


def walk(root: Path) -> Iterator[tuple[Path, os.stat_result | None, str | None]]:
    """Every non-directory entry under ``root``: (path, stat, reason it is unusable or None)."""
    real_root = root.resolve()
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            yield directory, None, f"unreadable directory: {exc.strerror}"
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    target = path.resolve()
                    if not target.is_relative_to(real_root):
                        yield path, None, "symbolic link pointing outside the source folder"
                        continue
                    if target.is_dir():
                        yield path, None, "symbolic link to a directory (not followed)"
                        continue
                    if not target.exists():
                        yield path, None, "broken symbolic link"
                        continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(path)
                    continue
                info = path.stat()
            except OSError as exc:
                yield path, None, f"unreadable: {exc.strerror}"
                continue
            if not stat.S_ISREG(info.st_mode):
                yield path, info, "not a regular file"
                continue
            yield path, info, None


def read_entries(path: Path, rel: str, info: os.stat_result, max_bytes: int) -> list[Entry]:
    """Read, decode and split one file into entries; raise Rejected when it cannot be used."""
    suffix = path.suffix.lower()
    if suffix not in SOURCE_SUFFIXES:
        expected = ", ".join(SOURCE_SUFFIXES)
        raise Rejected(f"unsupported file type '{suffix or '(none)'}'; expected one of {expected}")
    if info.st_size > max_bytes:
        raise Rejected(f"file too large: {info.st_size} bytes over the limit of {max_bytes} bytes")
    try:
        with open(path, "rb") as handle:
            # Read what stat() promised plus one byte, so a file that grew since is noticed
            # without allocating the whole size limit for every file.
            data = handle.read(min(info.st_size, max_bytes) + 1)
            if len(data) > info.st_size:
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise Rejected(f"unreadable: {exc.strerror}") from None
    if len(data) > max_bytes:
        raise Rejected(f"file too large: over the limit of {max_bytes} bytes")
    file_sha = hashlib.sha256(data).hexdigest()
    text, encoding = decode_bytes(data)
    source_format = FORMAT_BY_SUFFIX[suffix]
    if source_format != "json":
        return [
            Entry(rel, None, len(data), info.st_mtime_ns, file_sha, encoding, source_format, text)
        ]
    records = json_records(text, suffix)
    if not records:
        raise Rejected("JSON file holds no records")
    return [
        Entry(rel, index, len(data), info.st_mtime_ns, file_sha, encoding, "json", record)
        for index, record in records
    ]


class Ingestor:
    """Loads one source folder into raw as one batch."""

    def __init__(
        self,
        conn: psycopg.Connection,
        source: Path,
        max_bytes: int,
        flush_documents: int = DEFAULT_INGEST_BATCH,
    ) -> None:
        self.conn = conn
        self.flush_documents = flush_documents
        self.source = source
        self.max_bytes = max_bytes
        self.pending: list[Entry] = []
        self.pending_bytes = 0
        self.rejected_rows: list[tuple] = []
        self.rejections: list[tuple[str, str]] = []
        self.file_outcomes: dict[str, str] = {}
        self.documents_loaded = 0
        self.batch_id = 0

    def run(self) -> IngestReport:
        """Walk the folder, load what is new and report what became of every file."""
        if not self.source.is_dir():
            raise FileNotFoundError(f"source folder not found: {self.source}")
        batch_id = self._open_batch()
        report = IngestReport(batch_id)
        known = KnownFiles.load(self.conn)
        unchanged = 0
        try:
            for path, info, problem in walk(self.source):
                report.files_seen += 1
                rel = relative_name(path, self.source)
                if problem is None and info is not None:
                    if known.unchanged(rel, info.st_size, info.st_mtime_ns):
                        # Counted, not remembered: a run over an archive holds per-file state
                        # only for the files it reads.
                        unchanged += 1
                        continue
                    try:
                        entries = read_entries(path, rel, info, self.max_bytes)
                    except Rejected as exc:
                        problem = str(exc)
                    else:
                        self._add(entries)
                        continue
                self._reject(rel, None, info, problem)
            self._flush()
        except BaseException as exc:
            # Stopped on request (a KeyboardInterrupt, flows.stopping): 'cancelled'.
            status = "cancelled" if isinstance(exc, KeyboardInterrupt) else "failed"
            self._close_batch(report, status, repr(exc))
            raise
        report.files_duplicate = unchanged
        for outcome in self.file_outcomes.values():
            setattr(report, f"files_{outcome}", getattr(report, f"files_{outcome}") + 1)
        report.documents_loaded = self.documents_loaded
        report.rejections = list(self.rejections)
        self._close_batch(report, "succeeded", None)
        return report

    def _open_batch(self) -> int:
        """Record a new load batch and return its id."""
        with self.conn.transaction():
            (batch_id,) = self.conn.execute(
                "insert into raw.load_batches (source_dir) values (%s) returning batch_id",
                [str(self.source)],
            ).fetchone()
        self.batch_id = batch_id
        return batch_id

    def _close_batch(self, report: IngestReport, status: str, error: str | None) -> None:
        """Write the batch's final counts and status."""
        with self.conn.transaction():
            self.conn.execute(
                """
                update raw.load_batches
                set finished_at = now(), status = %s, error_message = %s, files_seen = %s,
                    files_loaded = %s, files_duplicate = %s, files_rejected = %s
                where batch_id = %s
                """,
                [
                    status,
                    error,
                    report.files_seen,
                    report.files_loaded,
                    report.files_duplicate,
                    report.files_rejected,
                    report.batch_id,
                ],
            )

    def _mark(self, rel: str, outcome: str) -> None:
        """Record a file's outcome; loaded beats duplicate beats rejected across its records."""
        rank = {"rejected": 0, "duplicate": 1, "loaded": 2}
        previous = self.file_outcomes.get(rel)
        if previous is None or rank[outcome] > rank[previous]:
            self.file_outcomes[rel] = outcome

    def _add(self, entries: list[Entry]) -> None:
        """Queue a file's entries; flush when the batch is full."""
        self.pending.extend(entries)
        self.pending_bytes += sum(len(e.body) for e in entries)
        if len(self.pending) >= self.flush_documents or self.pending_bytes >= FLUSH_BYTES:
            self._flush()

    def _reject(
        self, rel: str, record: int | None, info: os.stat_result | None, reason: str
    ) -> None:
        """Queue a rejection row for the file (or record) with its reason."""
        size = info.st_size if info is not None else None
        mtime_ns = info.st_mtime_ns if info is not None else None
        self.rejected_rows.append((rel, record, size, mtime_ns, reason))
        self.rejections.append((rel if record is None else f"{rel}#{record}", reason))
        self._mark(rel, "rejected")

    def _flush(self) -> None:
        """Store the queued entries and rejections in one transaction."""
        entries, self.pending, self.pending_bytes = self.pending, [], 0
        accepted: list[tuple[Entry, str]] = []
        for entry in entries:
            if entry.source_format == "json":
                try:
                    check_json_record(entry.body)
                except Rejected as exc:
                    self._reject(entry.source_path, entry.record_index, None, str(exc))
                    continue
            accepted.append((entry, content_sha256(entry.body)))
        rejected, self.rejected_rows = self.rejected_rows, []
        with self.conn.transaction(), self.conn.cursor() as cur:
            ids = list({document_id_for(sha) for _, sha in accepted})
            existing = {
                doc_id
                for (doc_id,) in cur.execute(
                    "select document_id from raw.documents where document_id = any(%s)", [ids]
                )
            }
            new_documents = []
            file_rows = []
            for entry, sha in accepted:
                doc_id = document_id_for(sha)
                path = entry.source_path
                if entry.record_index is not None:
                    path = f"{path}#{entry.record_index}"
                outcome = "duplicate" if doc_id in existing else "loaded"
                if outcome == "loaded":
                    existing.add(doc_id)
                    new_documents.append(
                        (
                            doc_id,
                            sha,
                            path,
                            entry.source_format,
                            entry.body,
                            len(entry.body.encode("utf-8")),
                            entry.encoding,
                            self.batch_id,
                        )
                    )
                file_rows.append(
                    (
                        self.batch_id,
                        entry.source_path,
                        entry.record_index,
                        entry.byte_size,
                        _mtime(entry.mtime_ns),
                        entry.mtime_ns,
                        entry.file_sha256,
                        outcome,
                        None,
                        entry.encoding,
                        doc_id,
                    )
                )
                self._mark(entry.source_path, outcome)
            for rel, record, size, mtime_ns, reason in rejected:
                file_rows.append(
                    (
                        self.batch_id,
                        rel,
                        record,
                        size,
                        _mtime(mtime_ns),
                        mtime_ns,
                        None,
                        "rejected",
                        reason,
                        None,
                        None,
                    )
                )
            if new_documents:
                with cur.copy(
                    "copy raw.documents (document_id, content_sha256, source_path, source_format, "
                    "body, byte_size, encoding, first_batch_id) from stdin"
                ) as copy:
                    for row in new_documents:
                        copy.write_row(row)
            if file_rows:
                with cur.copy(
                    "copy raw.files (batch_id, source_path, record_index, byte_size, modified_at, "
                    "mtime_ns, file_sha256, outcome, reason, encoding, document_id) from stdin"
                ) as copy:
                    for row in file_rows:
                        copy.write_row(row)
        self.documents_loaded += len(new_documents)


class KnownFiles:
    """Size and mtime of the newest stored version of every file path, in 24 bytes per path.

    A dict of path strings cost about 300 bytes per file (0.3 GB at a million files). Here a
    path is its 64-bit BLAKE2b hash in a sorted array, next to its size and mtime, looked up by
    bisection. Two paths share a hash with a probability of about n²/2⁶⁵ (3·10⁻⁸ at a million
    paths); even then a file is taken as unchanged only if its size and mtime equal the other
    path's too.
    """

    ROWS_PER_FETCH = 50_000

    def __init__(self, hashes: np.ndarray, sizes: np.ndarray, mtimes: np.ndarray) -> None:
        order = np.argsort(hashes, kind="stable")
        # array.array, not numpy, for the lookups: bisect on it costs a few µs per file where
        # numpy's scalar searchsorted and comparisons cost over ten.
        self.hashes = array("Q", hashes[order].tobytes())
        self.sizes = array("q", sizes[order].tobytes())
        self.mtimes = array("q", mtimes[order].tobytes())

    @staticmethod
    def path_hash(path: str) -> int:
        """The 64-bit key of a relative path."""
        data = path.encode("utf-8", "surrogatepass")
        return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")

    @classmethod
    def load(cls, conn: psycopg.Connection) -> KnownFiles:
        """The stored files, streamed from the server in slices of ROWS_PER_FETCH."""
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        with conn.transaction(), conn.cursor(name="known_files") as cur:
            cur.itersize = cls.ROWS_PER_FETCH
            cur.execute(
                """
                select distinct on (source_path) source_path, byte_size, mtime_ns
                from raw.files
                where outcome <> 'rejected'
                order by source_path, file_id desc
                """
            )
            while rows := cur.fetchmany(cls.ROWS_PER_FETCH):
                parts.append(
                    (
                        np.fromiter((cls.path_hash(r[0]) for r in rows), np.uint64, len(rows)),
                        np.fromiter((_or_minus_one(r[1]) for r in rows), np.int64, len(rows)),
                        np.fromiter((_or_minus_one(r[2]) for r in rows), np.int64, len(rows)),
                    )
                )
        if not parts:
            empty = np.empty(0, dtype=np.int64)
            return cls(empty.astype(np.uint64), empty, empty)
        hashes, sizes, mtimes = (np.concatenate(column) for column in zip(*parts, strict=True))
        return cls(hashes, sizes, mtimes)

    def unchanged(self, path: str, size: int, mtime_ns: int) -> bool:
        """Whether ``path`` is stored with this size and mtime."""
        key = self.path_hash(path)
        index = bisect_left(self.hashes, key)
        return (
            index < len(self.hashes)
            and self.hashes[index] == key
            and self.sizes[index] == size
            and self.mtimes[index] == mtime_ns
        )


def _or_minus_one(value: int | None) -> int:
    """A stored size or mtime, -1 where none is stored (never equal to a file's)."""
    return -1 if value is None else value


def _mtime(mtime_ns: int | None) -> datetime | None:
    """A file's modification time as a timestamp."""
    if mtime_ns is None:
        return None
    return datetime.fromtimestamp(mtime_ns / 1e9, tz=UTC)


def ingest(
    conn: psycopg.Connection,
    source: Path,
    max_bytes: int,
    flush_documents: int = DEFAULT_INGEST_BATCH,
) -> IngestReport:
    """Load the files of ``source`` into raw as one batch and report the outcome."""
    return Ingestor(conn, source, max_bytes, flush_documents).run()
